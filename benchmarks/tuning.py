"""Tuned against default schedule configs, and the time it takes to tune.

For each example (examples/*.spdsl: the pattern named like its file, else the file's last;
these are the LANGUAGE.md patterns) at B=1 H=8 D=64 fp32 and L = 8192: tune with the
default budget, then time the default and the tuned config's kernels in the same
interleaved rounds (medians). Reports the per-pattern ratio default / tuned, their geometric
mean, and the seconds each tuning took (target: <= 3 minutes per kernel on a 2-core machine).

    python benchmarks/tuning.py                                # the full run (about 40 min)
    python benchmarks/tuning.py --length 512 --trials 3 --budget 30 --patterns sliding_window
Writes benchmarks/results/tuning.json. The tuning database is a temporary one unless --db.
"""

from __future__ import annotations

import argparse
import json
import math
import pathlib
import platform
import random
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

import spdsl  # noqa: E402
from spdsl.tune.measure import random_inputs  # noqa: E402
from spdsl.tune.search import DEFAULT_BUDGET_S, tune  # noqa: E402
from spdsl.tune.db import TuningDB  # noqa: E402

B, H, D = 1, 8, 64


def examples(names=None):
    out = []
    for path in sorted((ROOT / "examples").glob("*.spdsl")):
        if names and path.stem not in names:
            continue
        lib = spdsl.load(path)
        name = path.stem if path.stem in lib.root_names else lib.root_names[-1]
        out.append((path.stem, lib[name]))
    return out


def same_run_ratio(pat, default_cfg, tuned_cfg, L, inputs, rounds):
    """(default ms, tuned ms): medians over interleaved rounds."""
    gen = torch.Generator().manual_seed(1)
    q, k, v = (torch.randn(B, H, L, D, generator=gen) for _ in range(3))
    fns = [spdsl.compile(pat, head_dim=D, dtype=torch.float32, config=c) for c in (default_cfg, tuned_cfg)]
    for f in fns:
        f(q, k, v, **inputs)
    samples = [[], []]
    rng = random.Random(0)
    for _ in range(rounds):
        order = [0, 1]
        rng.shuffle(order)
        for i in order:
            t = time.perf_counter()
            fns[i](q, k, v, **inputs)
            samples[i].append(time.perf_counter() - t)
    return tuple(statistics.median(s) * 1e3 for s in samples)


def shown(path: pathlib.Path) -> str:
    """``path`` relative to the checkout when it lies inside it: results must not name a machine's folders."""
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--length", type=int, default=8192)
    ap.add_argument("--trials", type=int, default=32)
    ap.add_argument("--budget", type=float, default=None, help=f"seconds per kernel (default {DEFAULT_BUDGET_S})")
    ap.add_argument("--rounds", type=int, default=9, help="interleaved rounds of the final comparison")
    ap.add_argument("--patterns", nargs="*", default=None, help="example file stems (default: all)")
    ap.add_argument("--db", default=None, help="tuning database (default: a temporary one)")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "tuning.json"))
    args = ap.parse_args()

    L = args.length
    tmp = tempfile.TemporaryDirectory(prefix="spdsl-tuning-bench-")
    db = TuningDB(args.db or pathlib.Path(tmp.name) / "tuning.jsonl")
    rows = []
    for stem, pat in examples(args.patterns):
        inputs = random_inputs(pat, B, H, L, L, 0)
        t = time.perf_counter()
        res = tune(pat, seq=L, heads=H, head_dim=D, dtype=torch.float32, trials=args.trials, budget=args.budget,
                   inputs=inputs, db=db, progress=sys.stderr.isatty())
        tune_s = time.perf_counter() - t
        d_ms, t_ms = same_run_ratio(pat, res.default_config, res.best_config, L, inputs, args.rounds)
        row = {"example": stem, "pattern": pat.name, "tune_s": round(tune_s, 1),
               "trials": len([x for x in res.trials if x.stage == "screen"]),
               "failed": sum(not x.ok for x in res.trials), "default_ms": round(d_ms, 3), "tuned_ms": round(t_ms, 3),
               "ratio": round(d_ms / t_ms, 3), "tuner_speedup": res.speedup and round(res.speedup, 3),
               "default_config": res.to_dict()["default_config"], "tuned_config": res.to_dict()["best_config"]}
        rows.append(row)
        print(f"{stem:16s} default {d_ms:9.2f} ms  tuned {t_ms:9.2f} ms  {d_ms / t_ms:5.2f}x  "
              f"(tuned in {tune_s:.0f} s, {row['trials']} trials)", flush=True)
    geo = math.exp(statistics.fmean(math.log(r["ratio"]) for r in rows)) if rows else None
    tune_times = [r["tune_s"] for r in rows]
    summary = {"geomean_ratio": geo and round(geo, 3), "tune_s_median": tune_times and statistics.median(tune_times),
               "tune_s_max": tune_times and max(tune_times), "budget_s": args.budget or DEFAULT_BUDGET_S}
    result = {"B": B, "H": H, "D": D, "L": L, "dtype": "float32", "trials": args.trials, "rounds": args.rounds,
              "machine": platform.processor() or platform.machine(), "torch_threads": torch.get_num_threads(),
              "summary": summary, "rows": rows}
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"geometric mean default/tuned: {geo:.3f}x over {len(rows)} kernels; tuning took "
          f"{summary['tune_s_median']:.0f} s median, {summary['tune_s_max']:.0f} s max; wrote {shown(out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
