"""GPU attention speed: spdsl's CUDA kernel against FlexAttention (torch.compile) and SDPA.

Everything is measured in this run on this GPU: B=1 H=16 D=128 bfloat16 at L = 8192 and
32768 for sliding window (1024), BigBird, causal and documents, forward and backward
(the backward alone: spdsl's dQ and dK/dV kernels against autograd through each
baseline's saved graph). Times are CUDA-event medians; the table shows each baseline's
time divided by spdsl's (above 1: spdsl faster) and spdsl's largest difference from
FlexAttention's output and dQ (a sanity check).

    python benchmarks/gpu_bench.py [--lengths 8192 32768] [--repeats 20] [--budget 400]

Writes gpu_bench.json and gpu_bench.txt to $OUT if set, else benchmarks/results/. Without
CUDA it prints why and writes a result saying it was skipped (exit status 0).
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

B, H, D = 1, 16, 128
PATTERNS = ("sliding_window", "bigbird", "causal", "documents")
COLUMNS = ("pattern", "L", "density", "spdsl_ms", "flex_ms", "sdpa_ms", "flex/spdsl",
           "sdpa/spdsl", "bwd_ms", "flex_bwd_ms", "sdpa_bwd_ms", "flex/spdsl bwd",
           "sdpa/spdsl bwd", "max|spdsl-flex|", "max|dq-flex dq|")


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--lengths", type=int, nargs="+", default=[8192, 32768])
    p.add_argument("--patterns", nargs="+", default=list(PATTERNS), choices=PATTERNS)
    p.add_argument("--repeats", type=int, default=20)
    p.add_argument("--budget", type=float, default=400.0,
                   help="seconds; rows not started by then are skipped")
    p.add_argument("--no-flex", action="store_true")
    p.add_argument("--no-sdpa", action="store_true")
    p.add_argument("--out", default=None, help="results folder (default: $OUT or benchmarks/results)")
    return p.parse_args(argv)


def results_dir(arg: str | None = None) -> pathlib.Path:
    path = pathlib.Path(arg or os.environ.get("OUT") or ROOT / "benchmarks" / "results")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.3g}" if abs(v) < 1000 else f"{v:.0f}"
    return str(v)


def ratio(base, ours):
    return None if base is None or not ours else base / ours


def format_table(rows: list[dict]) -> str:
    """The rows as an aligned text table (COLUMNS; missing values print as '-')."""
    cells = [list(COLUMNS)] + [[_fmt(r.get(c)) for c in COLUMNS] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    lines = ["  ".join(x.rjust(w) for x, w in zip(row, widths)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = [f"{r['pattern']} L={r['L']}: {r['error']}" for r in rows if r.get("error")]
    return "\n".join(lines + notes) + "\n"


def load_pattern(name: str):
    import spdsl

    if name == "causal":
        return spdsl.parse("pattern causal_only { mask = causal }")["causal_only"]
    pat = spdsl.load(ROOT / "examples" / f"{name}.spdsl")[name]
    return pat.bind(window=1024) if name == "sliding_window" else pat


def doc_ids(L: int):
    import torch

    gen = torch.Generator().manual_seed(0)
    cuts = torch.sort(torch.randint(1, L, (L // 1024,), generator=gen)).values
    ids = torch.zeros(L, dtype=torch.int64)
    ids[cuts] = 1
    return ids.cumsum(0).view(1, L)


def cuda_time_ms(fn, repeats: int) -> float:
    import torch

    for _ in range(3):
        fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(repeats):
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        fn()
        end.record()
        end.synchronize()
        times.append(start.elapsed_time(end))
    return statistics.median(times)


def cuda_backend():
    from spdsl.codegen.cuda import kernels as cuda

    return cuda


def spdsl_kernels(pat, L: int, inputs: dict, arch: str | None = None):
    """spdsl's built forward and backward kernels, layout, transposed layout and block
    density for one row of the table (needs no GPU)."""
    cuda = cuda_backend()

    common = dict(head_dim=D, dtype="bfloat16", input_decls=list(pat.inputs.values()),
                  arch=arch or _arch())
    from spdsl import codegen

    fwd = codegen.build_forward_cuda(pat.mask, pat.score, **common)
    bwd = codegen.build_backward_cuda(pat.mask, pat.score, config=fwd.config, **common)
    host_inputs = {n: t.cpu() for n, t in inputs.items()}
    layout = cuda.pattern_layout(pat, B, H, L, L, fwd.config, **host_inputs)
    rp = layout.row_ptr.reshape(-1, layout.n_qb + 1)
    nnz_blocks = (rp[:, -1] - rp[:, 0])[layout.head_class.ravel()].sum()
    density = float(nnz_blocks) / (B * H * layout.n_qb * layout.n_kb)
    return fwd, bwd, layout, cuda.lay.transpose(layout), density


def _spdsl_runner(pat, L, inputs, q, k, v, dout):
    """(forward runner, backward runner, density) of spdsl's CUDA kernels."""
    fwd, bwd, layout, transposed, density = spdsl_kernels(pat, L, inputs)
    out, lse = fwd(q, k, v, layout, inputs=inputs)

    def run():
        return fwd(q, k, v, layout, inputs=inputs, out=out, lse=lse)[0]

    def run_bwd():
        return bwd(q, k, v, out, lse, dout, layout, inputs=inputs, transposed=transposed)

    return run, run_bwd, density


def _grad_runner(fn, q, k, v, dout):
    """A runner of the backward alone: autograd through one saved forward graph."""
    import torch

    qg, kg, vg = (t.detach().requires_grad_() for t in (q, k, v))
    out = fn(qg, kg, vg)
    return lambda: torch.autograd.grad(out, (qg, kg, vg), dout, retain_graph=True)


def _arch() -> str:
    import torch

    major, minor = torch.cuda.get_device_capability()
    return f"sm_{major}{minor}"


def _flex_fn(pat, L, inputs):
    """FlexAttention compiled, with the pattern's block mask: fn(q, k, v)."""
    import torch
    from torch.nn.attention.flex_attention import create_block_mask, flex_attention

    mask_mod = pat.to_flex_mask_mod(Lq=L, Lk=L, H=H, B=B, **inputs)
    block_mask = create_block_mask(mask_mod, B, H, L, L, device="cuda")
    compiled = torch.compile(flex_attention)
    return lambda q, k, v: compiled(q, k, v, block_mask=block_mask)


def _sdpa_fn(pat, name, L, inputs):
    """SDPA with the pattern as a dense boolean mask (causal: is_causal): fn(q, k, v)."""
    import torch.nn.functional as F

    if name == "causal":
        return lambda q, k, v: F.scaled_dot_product_attention(q, k, v, is_causal=True)
    if L * L * H > 4 * 2 ** 30:
        raise RuntimeError("dense mask over 4 GiB; skipped")
    mask = pat.dense_mask(L, L, H, B, **{n: t.cpu() for n, t in inputs.items()}).to("cuda")
    return lambda q, k, v: F.scaled_dot_product_attention(q, k, v, attn_mask=mask)


def bench_row(name: str, L: int, args) -> dict:
    import torch

    row = {"pattern": name, "L": L}
    pat = load_pattern(name)
    inputs = {"doc": doc_ids(L).to("cuda")} if pat.inputs else {}
    gen = torch.Generator(device="cuda").manual_seed(L)
    q, k, v, dout = (torch.randn(B, H, L, D, device="cuda", dtype=torch.bfloat16, generator=gen)
                     for _ in range(4))
    run, run_bwd, row["density"] = _spdsl_runner(pat, L, inputs, q, k, v, dout)
    row["spdsl_ms"] = cuda_time_ms(run, args.repeats)
    row["bwd_ms"] = cuda_time_ms(run_bwd, args.repeats)
    errors = []
    baselines = {"flex": None if args.no_flex else lambda: _flex_fn(pat, L, inputs),
                 "sdpa": None if args.no_sdpa else lambda: _sdpa_fn(pat, name, L, inputs)}
    for base, make in baselines.items():
        if make is None:
            continue
        try:  # a baseline failing must not hide the others
            fn = make()
            row[f"{base}_ms"] = cuda_time_ms(lambda: fn(q, k, v), args.repeats)
            if base == "flex":
                row["max|spdsl-flex|"] = float((run().float() - fn(q, k, v).float()).abs().max())
            grad = _grad_runner(fn, q, k, v, dout)
            row[f"{base}_bwd_ms"] = cuda_time_ms(grad, args.repeats)
            if base == "flex":
                row["max|dq-flex dq|"] = float((run_bwd()[0].float() - grad()[0].float()).abs().max())
            del grad
        except Exception as e:
            errors.append(f"{base}: {type(e).__name__}: {str(e)[:200]}")
        torch.cuda.empty_cache()
    for base in ("flex", "sdpa"):
        row[f"{base}/spdsl"] = ratio(row.get(f"{base}_ms"), row["spdsl_ms"])
        row[f"{base}/spdsl bwd"] = ratio(row.get(f"{base}_bwd_ms"), row["bwd_ms"])
    if errors:
        row["error"] = "; ".join(errors)
    return row


def write_results(out_dir: pathlib.Path, payload: dict, table: str) -> None:
    (out_dir / "gpu_bench.json").write_text(json.dumps(payload, indent=2))
    (out_dir / "gpu_bench.txt").write_text(table)


def main(argv=None) -> int:
    args = parse_args(argv)
    out_dir = results_dir(args.out)
    import torch

    if not torch.cuda.is_available():
        msg = "no CUDA device: gpu_bench skipped\n"
        print(msg, end="")
        write_results(out_dir, {"skipped": msg.strip()}, msg)
        return 0
    # every (pattern, length) compiles FlexAttention anew, forward and backward: past
    # dynamo's default limit of 8 it would fall back to eager flex (dense scores)
    import torch._dynamo
    for knob in ("cache_size_limit", "recompile_limit", "accumulated_cache_size_limit",
                 "accumulated_recompile_limit"):
        if hasattr(torch._dynamo.config, knob):
            setattr(torch._dynamo.config, knob, max(256, getattr(torch._dynamo.config, knob)))
    start, rows = time.time(), []
    for L in args.lengths:
        for name in args.patterns:
            if time.time() - start > args.budget:
                rows.append({"pattern": name, "L": L, "error": "skipped: time budget spent"})
                continue
            try:
                rows.append(bench_row(name, L, args))
            except Exception as e:
                rows.append({"pattern": name, "L": L, "error": f"{type(e).__name__}: {str(e)[:300]}"})
            print(format_table(rows[-1:]), flush=True)
    table = (f"# {torch.cuda.get_device_name()}  B={B} H={H} D={D} bfloat16; "
             f"ratios above 1: spdsl faster\n" + format_table(rows))
    print(table)
    write_results(out_dir, {"device": torch.cuda.get_device_name(), "B": B, "H": H, "D": D,
                            "dtype": "bfloat16", "rows": rows}, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
