"""Context parallelism on 4 CPU ranks (gloo): spdsl's plan against torch's context parallel
with FlexAttention (an all-gather of K/V) and against a plain ring, all in the same run.

Per rank, forward only: the K/V bytes it receives and sends, and its wall time (median of
``--repeats`` timed calls after a warm one, the ranks lined up by a barrier before each).

- spdsl: ``spdsl.distributed.attention`` (the plan moves only the key blocks the pattern
  reads; the local blocks are computed while they travel).
- torch CP + Flex: ``torch.distributed.tensor.experimental``'s ``_ContextParallel`` with
  ``AttentionType.FLEX`` around ``torch.compile(flex_attention)``: it all-gathers K and V
  (``flex_cp_allgather``) and masks the local queries with ``_create_cp_block_mask`` (block
  128; head-tail load balancing for causal, none for the window). This is torch's own code
  path, not an emulation; it needs L divisible by world x 128.
- ring: every K/V shard passed around the ring (the next one posted before computing on
  the current one), each computed with the same spdsl op at its positions (explicit
  offsets, ``return_lse=True``) and merged by lse.

Cases: a causal sliding window of 512 at L=65536 (H=4, D=64, float32) with contiguous
shards, and causal at L=16384 (H=2: the quadratic pattern at the window's length would take
minutes a call on this machine) with zig-zag shards, whose work balance is also given from
the plan at L=65536. The ranks share the machine's cores (4 ranks on 2 here, and other
users): each uses one thread for spdsl, TVM and torch, and times are for that crowded
machine; bytes do not depend on it.

    python benchmarks/context_parallel.py [--case window causal] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

WORLD, D, SEED = 4, 64, 0
CASES = {
    "window": dict(L=65536, H=4, sharding="contiguous", window=512,
                   text="pattern sliding_window { mask = causal and q - k < 512 }"),
    "causal": dict(L=16384, H=2, sharding="zigzag", window=None,
                   text="pattern causal_only { mask = causal }"),
}
BALANCE_L = 65536


def pattern(case: str):
    import spdsl

    lib = spdsl.parse(CASES[case]["text"])
    return lib[next(iter(lib))]


def mask_mod(case: str):
    window = CASES[case]["window"]
    if window is None:
        return lambda b, h, q, k: k <= q
    return lambda b, h, q, k: (k <= q) & (q - k < window)


# ---- one rank -------------------------------------------------------------------------------

def rank_main(rank: int, store: str, case: str, repeats: int, outdir: str) -> None:
    os.environ["TVM_NUM_THREADS"] = "1"
    torch.set_num_threads(1)
    import torch.distributed as dist

    dist.init_process_group("gloo", init_method=f"file://{store}", rank=rank, world_size=WORLD)
    c = CASES[case]
    g = torch.Generator().manual_seed(SEED)
    q, k, v = (torch.randn(1, c["H"], c["L"], D, generator=g) for _ in range(3))
    result = {"rank": rank}
    out_spdsl = run_spdsl(case, rank, q, k, v, repeats, result)
    out_flex = run_flex(case, rank, q, k, v, repeats, result)
    out_ring = run_ring(case, rank, q, k, v, repeats, result)
    result["flex_max_diff"] = None if out_flex is None else (out_flex - out_spdsl).abs().max().item()
    result["ring_max_diff"] = (out_ring - out_spdsl).abs().max().item()
    (pathlib.Path(outdir) / f"{case}-{rank}.json").write_text(json.dumps(result))
    dist.barrier()
    dist.destroy_process_group()


def timed(fn, repeats: int) -> tuple[float, object]:
    """Median seconds of ``repeats`` calls after a warm one, each started together."""
    import torch.distributed as dist

    out = fn()
    times = []
    for _ in range(repeats):
        dist.barrier()
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def run_spdsl(case, rank, q, k, v, repeats, result):
    import spdsl
    from spdsl.integrations import distributed as cp

    c = CASES[case]
    attn = spdsl.compile(pattern(case), head_dim=D)
    sh = cp.shard(attn, c["L"], WORLD, c["sharding"], H=c["H"])
    ql, kl, vl = (sh.split(t, rank) for t in (q, k, v))
    with torch.no_grad():
        result["spdsl_s"], out = timed(lambda: cp.attention(attn, ql, kl, vl, sharding=sh), repeats)
    return out


def run_flex(case, rank, q, k, v, repeats, result):
    """torch's context parallel for FlexAttention, or None (and why) if it cannot run."""
    try:
        from torch.distributed.device_mesh import init_device_mesh
        from torch.distributed.tensor.experimental._context_parallel import _attention as cpa
        from torch.distributed.tensor.experimental._context_parallel._load_balancer import \
            _HeadTailLoadBalancer
        from torch.distributed.tensor.parallel import parallelize_module
        from torch.nn.attention.flex_attention import flex_attention
    except ImportError as e:
        result["flex_error"] = f"torch's context parallel for FlexAttention is not available: {e}"
        return None
    c = CASES[case]
    mesh = init_device_mesh("cpu", (WORLD,))
    balancer = _HeadTailLoadBalancer(c["L"], WORLD, "cpu") if c["sharding"] == "zigzag" else None
    cpa._cp_options.enable_load_balance = balancer is not None
    flex = torch.compile(flex_attention)

    class Attention(torch.nn.Module):
        def forward(self, q, k, v, block_mask):
            return flex(q, k, v, block_mask=block_mask)

    module = parallelize_module(Attention(), mesh, cpa._ContextParallel(
        seq_dim=2, attention_type=cpa._ContextParallel.AttentionType.FLEX))
    t = time.perf_counter()
    block_mask = cpa._create_cp_block_mask(mask_mod(case), 1, c["H"], c["L"], c["L"], mesh, balancer)
    result["flex_mask_s"] = time.perf_counter() - t
    ql, kl, vl = cpa._context_parallel_shard(mesh, [q, k, v], [2, 2, 2], load_balancer=balancer)
    with torch.no_grad():
        t = time.perf_counter()
        module(ql, kl, vl, block_mask)
        result["flex_compile_s"] = time.perf_counter() - t
        result["flex_s"], out = timed(lambda: module(ql, kl, vl, block_mask), repeats)
    return out


def run_ring(case, rank, q, k, v, repeats, result):
    """Every K/V shard around the ring, each computed by spdsl at its positions, merged by lse."""
    import torch.distributed as dist

    import spdsl
    from spdsl.integrations import distributed as cp

    c = CASES[case]
    attn = spdsl.compile(pattern(case), head_dim=D)
    sh = cp.shard(None, c["L"], WORLD, c["sharding"])
    ql, kl, vl = (sh.split(t, rank) for t in (q, k, v))
    right, left = (rank + 1) % WORLD, (rank - 1) % WORLD
    q_chunks, row = [], 0
    for a, b in sh.ranges[rank]:
        q_chunks.append((ql[:, :, row:row + b - a].contiguous(), a))
        row += b - a

    def ring():
        kv = torch.stack((kl, vl))
        parts = [None] * len(q_chunks)
        for step in range(WORLD):
            owner = (rank - step) % WORLD
            pending = []
            if step < WORLD - 1:
                incoming = torch.empty_like(kv)
                pending = dist.batch_isend_irecv([dist.P2POp(dist.isend, kv, right), dist.P2POp(dist.irecv, incoming, left)])
            col = 0
            for a, b in sh.ranges[owner]:
                kc, vc = (t[:, :, col:col + b - a].contiguous() for t in kv)
                for i, (qc, qa) in enumerate(q_chunks):
                    part = attn(qc, kc, vc, q_offset=qa, kv_offset=a, return_lse=True)
                    parts[i] = cp.merge(parts[i], part, qc)
                col += b - a
            for work in pending:
                work.wait()
            if pending:
                kv = incoming
        return torch.cat([o for o, _ in parts], 2)

    with torch.no_grad():
        result["ring_s"], out = timed(ring, repeats)
    return out


# ---- the parent -----------------------------------------------------------------------------

def prepare(case: str) -> None:
    """Build the kernels once here: the ranks load them from the disk cache."""
    import spdsl
    from spdsl.integrations import distributed as cp

    cp.prepare(spdsl.compile(pattern(case), head_dim=D), backward=False)


def run_case(case: str, repeats: int, tmp: pathlib.Path) -> list[dict]:
    import torch.multiprocessing as mp

    store = tmp / f"store-{case}"
    mp.start_processes(rank_main, args=(str(store), case, repeats, str(tmp)), nprocs=WORLD,
                       start_method="spawn")
    return [json.loads((tmp / f"{case}-{r}.json").read_text()) for r in range(WORLD)]


def plan_report(case: str, L: int) -> dict:
    from spdsl.integrations import distributed as cp

    c = CASES[case]
    pat = pattern(case)
    sh = cp.shard(pat, L, WORLD, c["sharding"], H=c["H"])
    return cp.plan(pat, sh, H=c["H"]).report(head_dim=D)


def summary(case: str, ranks: list[dict], plan: dict, balance: dict) -> tuple[str, dict]:
    c = CASES[case]
    row_bytes = 2 * c["H"] * D * 4
    lines = [f"{case}: L={c['L']} H={c['H']} D={D} float32, {WORLD} ranks, {c['sharding']} shards "
             f"(forward; median of the timed calls)",
             "  rank | spdsl: in / out        time | all-gather+Flex: in      time | ring: in        time"]
    data = {"case": case, **{k: v for k, v in c.items() if k != "text"}, "ranks": []}
    for x, p in zip(ranks, plan["ranks"]):
        gather_in = row_bytes * (c["L"] - p["rows"])
        flex = f"{x['flex_s']:7.3f} s" if "flex_s" in x else "   n/a   "
        lines.append(f"  {x['rank']:4d} | {mb(p['bytes_in']):>9} / {mb(p['bytes_out']):>9} {x['spdsl_s']:7.3f} s | "
                     f"{mb(gather_in):>9}   {flex} | {mb(gather_in):>9} {x['ring_s']:7.3f} s")
        data["ranks"].append({**x, "spdsl_bytes_in": p["bytes_in"], "spdsl_bytes_out": p["bytes_out"],
                              "allgather_bytes_in": gather_in, "ring_bytes_in": gather_in,
                              "work_pct": p["work_pct"]})
    moved = sum(p["bytes_in"] for p in plan["ranks"])
    gathered = sum(r["allgather_bytes_in"] for r in data["ranks"])
    slowest = {m: max(x.get(f"{m}_s", float("nan")) for x in ranks) for m in ("spdsl", "flex", "ring")}
    lines.append(f"  bytes: spdsl moves {mb(moved)} in all, all-gather and ring {mb(gathered)}: "
                 + (f"{gathered / moved:,.1f}x fewer" if moved else "nothing moves"))
    lines.append(f"  slowest rank: spdsl {slowest['spdsl']:.3f} s, all-gather+Flex {slowest['flex']:.3f} s "
                 f"({slowest['flex'] / slowest['spdsl']:.2f}x), ring {slowest['ring']:.3f} s "
                 f"({slowest['ring'] / slowest['spdsl']:.2f}x)")
    errors = [x.get("flex_error") for x in ranks if x.get("flex_error")]
    if errors:
        lines.append(f"  Flex: {errors[0]}")
    diffs = [x["flex_max_diff"] for x in ranks if x["flex_max_diff"] is not None] + [x["ring_max_diff"] for x in ranks]
    lines.append(f"  outputs agree: max |difference| to spdsl {max(diffs):.2e} (Flex and ring)")
    lines.append(f"  work per rank (plan, blocks): {pcts(plan['ranks'])} of the mean")
    if balance:
        lines.append(f"  at L={balance['L']}: {pcts(balance['ranks'])} of the mean with {balance['sharding']} "
                     f"shards (contiguous: {pcts(balance['contiguous'])})")
        data["balance"] = balance
    return "\n".join(lines), data


def pcts(ranks) -> str:
    return ", ".join(f"{p['work_pct']:.1f}%" for p in ranks)


def mb(n: float) -> str:
    return f"{n / (1 << 20):.1f} MiB"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--case", nargs="+", choices=sorted(CASES), default=["window", "causal"])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results"))
    args = ap.parse_args(argv)
    from spdsl.integrations import distributed as cp

    texts, data = [f"{WORLD} ranks on {os.cpu_count()} cores (oversubscribed: each rank one thread, "
                   f"TVM_NUM_THREADS=1; the machine is shared), gloo over a file store, torch {torch.__version__}"], []
    for case in args.case:
        start = time.perf_counter()
        prepare(case)
        with tempfile.TemporaryDirectory() as tmp:
            ranks = run_case(case, args.repeats, pathlib.Path(tmp))
        plan = plan_report(case, CASES[case]["L"])
        balance = {}
        if CASES[case]["sharding"] != "contiguous":
            balance = plan_report(case, BALANCE_L)
            contiguous = cp.plan(pattern(case), cp.shard(None, BALANCE_L, WORLD, "contiguous"), H=CASES[case]["H"])
            balance["contiguous"] = contiguous.report(head_dim=D)["ranks"]
        text, entry = summary(case, ranks, plan, balance)
        entry["seconds"] = time.perf_counter() - start
        entry["text"] = text + f"\n  (this case ran in {entry['seconds']:.0f} s)"
        texts.append(entry["text"])
        data.append(entry)
        print(texts[-1], flush=True)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    # a run of some cases keeps the others' last results
    kept = json.loads((out / "context_parallel.json").read_text()) if (out / "context_parallel.json").exists() else []
    data = [e for e in kept if e["case"] not in args.case] + data
    data.sort(key=lambda e: list(CASES).index(e["case"]))
    (out / "context_parallel.txt").write_text("\n\n".join([texts[0]] + [e["text"] for e in data]) + "\n")
    (out / "context_parallel.json").write_text(json.dumps(data, indent=2) + "\n")
    print(f"wrote {out / 'context_parallel.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
