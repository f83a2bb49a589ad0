"""The kernel commands of the ``spdsl`` command line: compile, run, cache.

    spdsl compile FILE[:PATTERN] --dim 64 [--v-head-dim 32] [--dtype float32] [--emit ir|tir|llvm]
    spdsl run     FILE[:PATTERN] --seq 4096 --heads 8 --dim 64      (the README's main job)

``--v-head-dim`` gives v (and the output) a head dim other than ``--dim`` (q and k), as
MLA-style models have (192 and 128); by default it is ``--dim``.
    spdsl cache   list | clear
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from contextlib import contextmanager

from spdsl.cli.common import (ELEMENT_BYTES, UsageError, available_memory, check_grid, check_kernel_blocks,
                              dtype_arg, gib, head_dim_arg, int_in, lengths, load_pattern, make_inputs,
                              non_negative, require_memory, seed_arg, tensor_bytes, torch_dtype)
from spdsl.errors import PatternError

MAX_REPEATS = 100_000


@contextmanager
def _user_errors():
    """ValueError from the build road is its word for arguments it cannot take (a block
    its tiles do not divide, a head_dim, shared memory): one line, exit 2."""
    try:
        yield
    except PatternError:
        raise
    except ValueError as e:
        raise UsageError(str(e)) from None


def _config(args, device: str = "cpu"):
    """The config --block asks for (None: the tuned or default one)."""
    if args.block is None:
        return None
    if device == "cuda":
        from spdsl.codegen.cuda.config import CudaConfig as Config
    else:
        from spdsl.codegen.cpu.schedule import ScheduleConfig as Config
    with _user_errors():
        return Config(block_q=args.block[0], block_k=args.block[1])


def _v_dim(args) -> int:
    """--v-head-dim, else --dim."""
    return args.dim if args.v_head_dim is None else args.v_head_dim


def _dims_text(args) -> str:
    return f"head_dim {args.dim}" + (f", v_head_dim {_v_dim(args)}" if _v_dim(args) != args.dim else "")


def cmd_compile(args) -> int:
    from spdsl.runtime.op import compile as compile_

    pat = load_pattern(args.target, args.param, args)
    if args.emit == "ir":
        print(pat)
        return 0
    check_kernel_blocks(pat, args.block, max(args.dim, _v_dim(args)))
    if args.target_kind not in ("cpu", "cuda"):
        raise PatternError(f"unknown --target '{args.target_kind}'; use cpu or cuda")
    if args.target_kind == "cuda":
        return _compile_cuda(pat, args)
    if args.emit == "cuda":
        raise PatternError("--emit cuda needs --target cuda")
    if args.emit in ("tir", "llvm"):
        from spdsl.codegen import emit
        with _user_errors():
            text = emit(pat.mask, pat.score, head_dim=args.dim, what=args.emit, kernel=args.kernel,
                        dtype=args.dtype, config=_config(args),
                        input_decls=list(pat.inputs.values()), v_head_dim=_v_dim(args))
        print(text)
        return 0
    start = time.perf_counter()
    with _user_errors():
        attn = compile_(pat, head_dim=args.dim, dtype=torch_dtype(args.dtype), config=_config(args),
                        v_head_dim=_v_dim(args))
        attn.backward_kernels
    took = time.perf_counter() - start
    report = {"pattern": pat.name, "params": pat.values, "head_dim": args.dim, "v_head_dim": _v_dim(args),
              "dtype": args.dtype,
              "block": [attn.config.block_q, attn.config.block_k], "key": attn.key,
              "cached": attn.loaded_from_cache, "seconds": round(took, 3)}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        how = "loaded from the cache" if attn.loaded_from_cache else "built and cached"
        fused = " and the fused backward" if attn.backward_kernels.has_fused else ""
        print(f"{pat.name}: forward, dQ and dK/dV kernels{fused} {how} in {took:.2f} s "
              f"({_dims_text(args)}, {args.dtype}, blocks {attn.config.block_q}x{attn.config.block_k}, "
              f"key {attn.key[:12]})")
    return 0


def _compile_cuda(pat, args) -> int:
    from spdsl.codegen.build import build

    if args.emit in ("tir", "llvm"):
        raise PatternError(f"--emit {args.emit} is for --target cpu; --target cuda emits cuda")
    if args.kernel == "dqkv":
        raise PatternError("--kernel dqkv (the fused backward) is a CPU kernel; CUDA has forward, dq and dkdv")
    dtype = args.dtype
    config = _config(args, "cuda")
    common = dict(head_dim=args.dim, dtype=dtype, device="cuda", input_decls=list(pat.inputs.values()),
                  target=args.arch, label=pat.name, v_head_dim=_v_dim(args))
    start = time.perf_counter()
    try:
        fwd = build(pat.mask, pat.score, kernel="forward", config=config, **common)
        if args.emit == "cuda" and args.kernel == "forward":
            print(fwd.kernel.source)
            return 0
        bwd = build(pat.mask, pat.score, kernel="backward", config=fwd.config, **common)
        if args.emit == "cuda":
            print(bwd.kernel.sources[args.kernel])
            return 0
    except ValueError as e:  # a config the kernels cannot take (head_dim, blocks, shared memory)
        raise PatternError(str(e)) from None
    kind = "tensor-core" if fwd.config.uses_tensor_cores(dtype) else "CUDA-core"
    print(f"{pat.name}: {kind} forward, dQ and dK/dV kernels for {args.arch} built in "
          f"{time.perf_counter() - start:.2f} s ({_dims_text(args)}, {dtype}, blocks "
          f"{fwd.config.block_q}x{fwd.config.block_k}; compiled to the GPU's code when first loaded "
          f"there; --emit cuda [--kernel dq|dkdv] shows the source)")
    return 0


def _median_ms(fn, repeats: int, sync=None) -> float:
    fn()
    times = []
    for _ in range(repeats):
        if sync:
            sync()
        t = time.perf_counter()
        fn()
        if sync:
            sync()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3


def cmd_run(args) -> int:
    pat = load_pattern(args.target, args.param, args)
    lq, lk = lengths(args, default=2048)
    B, H, D, DV = args.batch, args.heads, args.dim, _v_dim(args)
    device = args.device
    check_kernel_blocks(pat, args.block, max(D, DV))
    check_grid(pat, args.block, lq, lk, args.batch, args.heads)
    # before torch: sizes the machine cannot hold are refused in a moment, not after GBs
    need = tensor_bytes(B, H, lq, lk, max(D, DV), args.dtype)
    require_memory(need, f"run at B={B} H={H} Lq={lq} Lk={lk} D={D} {args.dtype}")
    inputs = make_inputs(pat, args, lq, lk, B, H)

    import torch
    import spdsl
    from spdsl.runtime.op import compile as compile_

    dtype = torch_dtype(args.dtype)
    if device == "cuda" and not torch.cuda.is_available():
        print("error: --device cuda runs the kernels on this machine's GPU, and torch sees none; "
              "`spdsl compile --target cuda` builds them without one", file=sys.stderr)
        return 2
    if device == "cuda":
        require_memory(B * H * max(D, DV) * (2 * lq + 2 * lk) * ELEMENT_BYTES[args.dtype],
                       f"run at B={B} H={H} Lq={lq} Lk={lk} D={D} {args.dtype}",
                       have=torch.cuda.mem_get_info()[0], where="the GPU")
    inputs = {n: torch.as_tensor(a) for n, a in inputs.items()}
    config = _config(args, device)
    t = time.perf_counter()
    with _user_errors():
        attn = compile_(pat, head_dim=D, dtype=dtype, config=config, device=device, v_head_dim=DV)
    compile_s = time.perf_counter() - t
    gen = torch.Generator().manual_seed(args.seed)
    q = torch.randn(B, H, lq, D, generator=gen).to(dtype)
    k = torch.randn(B, H, lk, D, generator=gen).to(dtype)
    v = torch.randn(B, H, lk, DV, generator=gen).to(dtype)
    host = (q, k, v, inputs)
    sync = None
    if device == "cuda":
        q, k, v = (x.cuda() for x in (q, k, v))
        inputs = {n: x.cuda() for n, x in inputs.items()}
        sync = torch.cuda.synchronize

    out = attn(q, k, v, **inputs)
    check_note = ""
    room = available_memory() - need
    # the float64 reference holds scores, weights and a mask of B*H*Lq*Lk each
    check_fits = B * H * (lq * lk * 25 + max(D, DV) * (2 * lq + 2 * lk) * 8) <= room // 2
    if B * H * lq * lk <= args.check_limit and check_fits:
        hq, hk, hv, hin = host
        ref = spdsl.reference_attention(pat, hq.double(), hk.double(), hv.double(), **hin)
        err = ((out.cpu().double() - ref).norm() / ref.norm().clamp_min(1e-30)).item()
        check_note = f"relative error against the float64 reference: {err:.2e}"
    else:
        check_note = ("reference check skipped (larger than --check-limit)" if check_fits else
                      f"reference check skipped (needs more than the {gib(room)} of memory left)")
        err = None

    ours = _median_ms(lambda: attn(q, k, v, **inputs), args.repeats, sync)
    dense_mask = None
    # a dense bool mask, and the float mask SDPA may make of it
    if B * H * lq * lk <= args.dense_limit and B * H * lq * lk * 5 <= room // 2:
        dense_mask = pat.dense_mask(lq, lk, H=H, B=B, **host[3]).to(q.device)
    sdpa = None
    if dense_mask is not None:
        sdpa = _median_ms(lambda: torch.nn.functional.scaled_dot_product_attention(
            q, k, v, attn_mask=dense_mask), args.repeats, sync)
    ex = pat.explain(Lq=lq, Lk=lk, H=H, B=B, block=(attn.config.block_q, attn.config.block_k), head_dim=D,
                     **host[3])
    # QK^T over D and PV over Dv: 2 * nnz * (D + Dv) (4 * nnz * D when they agree)
    useful = 2 * ex.nonzero_elements * (D + DV) / (ours / 1e3) / 1e9
    report = {"pattern": pat.name, "params": pat.values or None, "B": B, "H": H, "Lq": lq, "Lk": lk, "D": D,
              "Dv": DV,
              "dtype": args.dtype, "device": device, "compile_s": round(compile_s, 3), "cached": attn.loaded_from_cache,
              "density": ex.density, "relative_error": err, "spdsl_ms": round(ours, 3),
              "sdpa_dense_mask_ms": None if sdpa is None else round(sdpa, 3),
              "speedup_vs_sdpa": None if sdpa is None else round(sdpa / ours, 2),
              "useful_gflops": round(useful, 1)}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    dims = f"D={D}" + (f" Dv={DV}" if DV != D else "")
    print(f"pattern  {pat.name}  B={B} H={H} Lq={lq} Lk={lk} {dims} {args.dtype} on {device}  "
          f"density {ex.density:.2%}")
    print(f"compile  {compile_s:.2f} s ({'loaded from the cache' if attn.loaded_from_cache else 'built'})")
    print(f"check    {check_note}")
    print(f"spdsl    {ours:.2f} ms  ({useful:.1f} useful GFLOP/s)")
    if sdpa is not None:
        print(f"dense    {sdpa:.2f} ms  (torch SDPA with a dense bool mask)  -> spdsl is {sdpa / ours:.1f}x faster")
    return 0


def cmd_cache(args) -> int:
    from spdsl.codegen.cache import KernelCache

    cache = KernelCache()
    if args.action == "clear":
        n = cache.clear()
        print(f"removed {n} cached kernel{'s' if n != 1 else ''} from {cache.root}")
        return 0
    entries = cache.entries()
    if args.json:
        print(json.dumps(entries, indent=2, default=str))
        return 0
    print(f"{len(entries)} cached kernel{'s' if len(entries) != 1 else ''} in {cache.root}")
    for e in entries:
        if e.get("corrupt"):
            print(f"  {e['key'][:12]}  (corrupt: rebuilt on next use)")
            continue
        pattern = e.get("label") or "?"
        dims = f"{e.get('head_dim')}" + (f"/{e['v_head_dim']}" if e.get("v_head_dim") else "")
        print(f"  {e['key'][:12]}  {pattern:20s} {e.get('kernel', '?'):8s} head_dim {dims}  "
              f"{e.get('dtype', '').replace('torch.', '')}  {e['size'] / 1024:.0f} KiB")
    return 0


def add_kernel_commands(sub, shape_args) -> None:
    p = sub.add_parser("compile", help="build a pattern's kernels into the cache (or --emit ir|tir|llvm)")
    shape_args(p)
    p.add_argument("--dim", type=head_dim_arg, default=64, help="head dim (default 64)")
    p.add_argument("--v-head-dim", type=head_dim_arg, default=None,
                   help="head dim of v and the output, where it differs from --dim (default --dim)")
    p.add_argument("--dtype", type=dtype_arg, default="float32", help="float32, float16 or bfloat16")
    p.add_argument("--target", dest="target_kind", default="cpu", help="cpu (default) or cuda")
    p.add_argument("--arch", default="sm_90", help="CUDA architecture for --target cuda (sm_80, sm_90)")
    p.add_argument("--emit", choices=["ir", "tir", "llvm", "cuda"],
                   help="print the IR, TIR, LLVM IR (cpu) or CUDA source (cuda) instead of building")
    p.add_argument("--kernel", choices=["forward", "dq", "dkdv", "dqkv"], default="forward",
                   help="which kernel --emit shows (default forward; cpu and cuda; dqkv: the CPU's fused backward)")
    p.set_defaults(fn=cmd_compile)

    p = sub.add_parser("run", help="compile, run on random inputs, check against the reference, time")
    shape_args(p)
    p.add_argument("--dim", type=head_dim_arg, default=64, help="head dim (default 64)")
    p.add_argument("--v-head-dim", type=head_dim_arg, default=None,
                   help="head dim of v and the output, where it differs from --dim (default --dim)")
    p.add_argument("--dtype", type=dtype_arg, default="float32", help="float32, float16 or bfloat16")
    p.add_argument("--device", choices=("cpu", "cuda"), default="cpu",
                   help="run the CPU kernels (default) or the CUDA kernels on this machine's GPU")
    p.add_argument("--repeats", type=int_in(1, MAX_REPEATS), default=5, help="timed runs (median)")
    p.add_argument("--seed", type=seed_arg, default=0, help="seed of q, k and v (0 .. 2**63-1)")
    p.add_argument("--check-limit", type=non_negative, default=1 << 27,
                   help="skip the float64 reference check above B*H*Lq*Lk elements")
    p.add_argument("--dense-limit", type=non_negative, default=1 << 29,
                   help="skip the dense SDPA timing above B*H*Lq*Lk elements")
    p.set_defaults(fn=cmd_run, heads=8)

    p = sub.add_parser("cache", help="list or clear the kernel cache")
    p.add_argument("action", choices=["list", "clear"])
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_cache)
