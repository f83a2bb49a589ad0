"""Context parallelism over NCCL (benchmarks/gpu_check.sh runs it on a lent GPU machine):
one rank per GPU (at most 4), each holding its zig-zag shard of a sliding window at
L=8191, B=1 H=8 Hk=2 D=64 bfloat16; the shards' outputs and the gradients of q, k, v,
put back together, against the same op on one GPU. With fewer than two GPUs it says so
and exits 0. Exit status 1 when a result differs.

``--backend gloo --device cpu`` runs the same check on the CPU (2 ranks, float32): the
script's own test where there is no GPU.

    python benchmarks/gpu_context_parallel.py [--backend nccl --device cuda]
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

L, B, H, HK, D = 8191, 1, 8, 2, 64
TEXT = "pattern sliding_window { mask = causal and q - k < 1000 }"


def compiled(device: str, dtype):
    import spdsl

    return spdsl.compile(spdsl.parse(TEXT)["sliding_window"], head_dim=D, dtype=dtype, device=device)


def tensors(device: str, dtype):
    g = torch.Generator().manual_seed(0)
    shapes = ((B, H, L, D), (B, HK, L, D), (B, HK, L, D), (B, H, L, D))    # q, k, v, dout
    return [torch.randn(*s, generator=g).to(device=device, dtype=dtype) for s in shapes]


def rank_main(rank: int, world: int, backend: str, device: str, dtype_name: str, store: str, out: str) -> None:
    import torch.distributed as dist

    from spdsl.integrations import distributed as cp

    dtype = getattr(torch, dtype_name)
    if device == "cuda":
        torch.cuda.set_device(rank)
        device = f"cuda:{rank}"
    else:
        os.environ["TVM_NUM_THREADS"] = "1"
    dist.init_process_group(backend, init_method=f"file://{store}", rank=rank, world_size=world)
    attn = compiled(device.split(":")[0], dtype)
    sh = cp.shard(attn, L, world, "zigzag", B=B, H=H)
    q, k, v, dout = tensors(device, dtype)
    q, k, v = (sh.split(t, rank).requires_grad_() for t in (q, k, v))
    o = cp.attention(attn, q, k, v, sharding=sh)
    o.backward(sh.split(dout, rank))
    gathered = [sh.gather(t.detach(), dim=2) for t in (o, q.grad, k.grad, v.grad)]
    if rank == 0:
        torch.save([t.cpu() for t in gathered], pathlib.Path(out) / "sharded.pt")
    dist.barrier()
    dist.destroy_process_group()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--backend", default="nccl", choices=["nccl", "gloo"])
    ap.add_argument("--device", default="cuda", choices=["cuda", "cpu"])
    args = ap.parse_args(argv)
    if args.device == "cuda":
        count = torch.cuda.device_count()
        if count < 2:
            print(f"context parallel over NCCL: skipped, this machine has {count} GPU(s) and the case needs 2 or more")
            return 0
        world, dtype = min(count, 4), torch.bfloat16
    else:
        world, dtype = 2, torch.float32
    import torch.multiprocessing as mp

    from spdsl.integrations import distributed as cp

    attn = compiled(args.device, dtype)
    cp.prepare(attn)                       # build once here; the ranks load from the disk cache
    q, k, v, dout = (t.requires_grad_() if i < 3 else t for i, t in enumerate(tensors(args.device, dtype)))
    o = attn(q, k, v)
    o.backward(dout)
    want = [t.detach().cpu().float() for t in (o, q.grad, k.grad, v.grad)]
    with tempfile.TemporaryDirectory() as tmp:
        mp.start_processes(rank_main, args=(world, args.backend, args.device, str(dtype).removeprefix("torch."),
                                            str(pathlib.Path(tmp) / "store"), tmp), nprocs=world, start_method="spawn")
        got = [t.float() for t in torch.load(pathlib.Path(tmp) / "sharded.pt")]
    worst = 0.0
    for name, g, w in zip(("out", "dq", "dk", "dv"), got, want):
        err = ((g - w).norm() / w.norm().clamp_min(1e-30)).item()
        worst = max(worst, err)
        print(f"context parallel over {args.backend}, {world} ranks: {name} relative difference to one device {err:.2e}")
    tolerance = 2e-2 if dtype == torch.bfloat16 else 1e-5
    print(f"context parallel over {args.backend}: {'PASS' if worst <= tolerance else 'FAIL'} (tolerance {tolerance:g})")
    return 0 if worst <= tolerance else 1


if __name__ == "__main__":
    sys.exit(main())
