"""Block-layout speed: spdsl's interval analysis against FlexAttention's create_block_mask.

Both produce the block structure of the same pattern (FULL / PARTIAL / EMPTY blocks of
128 x 128) on the CPU. Ratios are measured in this run. Also: `spdsl explain` of a
sliding window at L = 1,048,576, H = 16 (time and peak memory of the whole process).

    python benchmarks/layout.py [--quick]
Writes benchmarks/results/layout.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import platform
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PATTERNS = [("sliding_window", {"window": 512}, 1), ("bigbird", {"size": 128}, 1),
            ("causal", {}, 1)]


def median_time(fn, repeats: int, warmup: bool = True) -> float:
    if warmup:
        fn()  # warm-up (and first-call caches)
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def load(name, params):
    import spdsl
    if name == "causal":
        return spdsl.parse("pattern causal_only { mask = causal }")["causal_only"]
    return spdsl.load(ROOT / "examples" / f"{name}.spdsl")[name].bind(**params)


def bench(L: int, H: int, repeats: int) -> list[dict]:
    import torch
    from torch.nn.attention.flex_attention import create_block_mask

    rows = []
    for name, params, _ in PATTERNS:
        pat = load(name, params)
        ours = median_time(lambda: pat.layout(L, H=H, block=128), repeats)
        mask_mod = pat.to_flex_mask_mod(Lq=L, Lk=L, H=H, B=1)
        per_head = pat.layout(L, H=H, block=128).depends_on_h
        # At 32K, create_block_mask over H heads at once needs H * L * L bytes (OOM at H=4):
        # time one head and scale by H (its work is per head).
        flex_h = (H if L <= 4096 else 1) if per_head else None
        head_scale = H / flex_h if per_head else 1
        # create_block_mask is not compiled here (nothing to warm up); at 32K one run takes minutes.
        theirs = median_time(lambda: create_block_mask(mask_mod, 1, flex_h, L, L, device="cpu",
                                                       BLOCK_SIZE=128), max(1, repeats // 2),
                             warmup=L <= 4096) * head_scale
        lay = pat.layout(L, H=H, block=128)
        rows.append({"pattern": name, "L": L, "H": H, "spdsl_s": ours, "flex_create_block_mask_s": theirs,
                     "ratio": theirs / ours, "counts": lay.counts()})
        print(f"{name:15s} L={L:6d}  spdsl {ours * 1e3:9.2f} ms   create_block_mask {theirs * 1e3:10.1f} ms"
              f"   ratio {theirs / ours:8.1f}x", flush=True)
    return rows


def explain_1m() -> dict:
    code = (
        "import resource, time, spdsl\n"
        "t = time.perf_counter()\n"
        "p = spdsl.load('examples/sliding_window.spdsl')['sliding_window']\n"
        "ex = p.explain(Lq=1 << 20, H=16, block=128)\n"
        "dt = time.perf_counter() - t\n"
        # VmHWM, not ru_maxrss: the latter inherits the parent's peak across fork.
        "hwm = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
        "import sys; print(dt, hwm, ex.full_blocks, ex.partial_blocks, 'torch' in sys.modules)\n")
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        dt, rss, full, partial, torch_loaded = out.stdout.split()
        runs.append((float(dt), int(rss) / 1024))
    dt = statistics.median(r[0] for r in runs)
    rss = max(r[1] for r in runs)
    print(f"spdsl explain sliding_window L=1,048,576 H=16 block 128: {dt:.3f} s (median of 3), "
          f"peak RSS {rss:.0f} MiB  (FULL {full}, PARTIAL {partial})")
    return {"seconds": dt, "peak_rss_mib": rss, "full": int(full), "partial": int(partial)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="L = 4096 only")
    args = ap.parse_args()
    import torch
    rows = bench(4096, 8, repeats=5)
    if not args.quick:
        rows += bench(32768, 4, repeats=2)
    big = explain_1m()
    result = {"machine": platform.processor() or platform.machine(), "torch": torch.__version__,
              "threads": torch.get_num_threads(), "layout": rows, "explain_1m": big,
              "date": time.strftime("%Y-%m-%d %H:%M")}
    out = ROOT / "benchmarks" / "results" / "layout.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
