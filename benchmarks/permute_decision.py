"""How long deciding a token permutation takes (docs/permute.md, "Cost of judging").

A compiled op judges the permutation once per call-length range, on the first call in it
(``permute.CallPermutations``); ``spdsl explain`` judges at its length. This times one
``permute.choose`` (CPU time, ``time.process_time``: the machine is shared) per case,
median of ``--repeats``, and prints the decision and the computed elements before / after.

    python benchmarks/permute_decision.py [--repeats 5]
"""

from __future__ import annotations

import argparse
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spdsl  # noqa: E402
from spdsl.analysis import permute  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    head = spdsl.parse("pattern head(stride = 128) { mask = causal and (q - k) % stride == 0 }")["head"]
    union = spdsl.load(ROOT / "examples" / "strided.spdsl")["strided"]
    cases = [("causal and (q - k) % 128 == 0", head, 1024, 1024), ("", head, 4096, 4096), ("", head, 1, 4096),
             ("examples/strided.spdsl", union, 4096, 4096)]
    print(f"# permute.choose, 64 x 64 blocks: CPU time, median of {args.repeats}")
    for name, pat, lq, lk in cases:
        mask = pat.at_rows(False).mask
        times = []
        for _ in range(args.repeats):
            t = time.process_time()
            perm = permute.choose(mask, Lq=lq, Lk=lk, block_q=64, block_k=64)
            times.append(time.process_time() - t)
        ev = permute.evaluate(mask, Lq=lq, Lk=lk, block_q=64, block_k=64)
        print(f"{name:30s} Lq={lq:>5} Lk={lk:>5}  {statistics.median(times) * 1e3:8.1f} ms  -> {perm or 'in order'}"
              f"  (computed elements {ev.before} in order, {ev.after} permuted)", flush=True)


if __name__ == "__main__":
    main()
