"""Front-end speed against its targets: the block classifier at L = 1,048,576, and how fast
malformed, huge or deeply nested pattern text is refused.

The tests check what these calls return; how long they take depends on the machine and
its load, so the times are measured here and printed beside their targets.

    python benchmarks/front_end.py
Prints a table; writes nothing.
"""

from __future__ import annotations

import pathlib
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spdsl  # noqa: E402
from spdsl.analysis.blocks import classify  # noqa: E402

HUGE_TEXTS = {
    "100,000 '('": "(" * 100_000,
    "5,000 nested parentheses": "pattern p { mask = " + "(" * 5_000 + "q < k" + ")" * 5_000 + " }",
    "20,000 '+ q'": "pattern p { mask = q " + "+ q " * 20_000 + "< k }",
    "10,000 'not'": "pattern p { mask = " + "not " * 10_000 + "true }",
    "20,000 patterns": "pattern p { mask = q < k }\n" * 20_000,
    "2,000,000 'x'": "x" * 2_000_000,
}


def seconds(fn, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def refused(fn) -> None:
    try:
        fn()
    except spdsl.PatternError:
        return
    raise AssertionError("accepted")


def row(what: str, took: float, target: float) -> None:
    verdict = "ok" if took < target else "SLOW"
    print(f"{what:55s} {took:8.3f} s   target < {target:g} s   {verdict}")


def main() -> None:
    window = spdsl.load(ROOT / "examples" / "sliding_window.spdsl")["sliding_window"].bind(window=256)
    row("classify sliding_window L=1,048,576 H=16 block 128",
        seconds(lambda: classify(window.mask, Lq=1 << 20, Lk=1 << 20, H=16, block_q=128, block_k=128)), 2.0)
    for what, text in HUGE_TEXTS.items():
        row(f"parse refuses {what}", seconds(lambda: refused(lambda: spdsl.parse(text, "big.spdsl"))), 10.0)
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "big.spdsl"
        path.write_bytes(b"pattern p { mask = q < k }\n" * 400_000)
        row("load refuses a 10 MB file", seconds(lambda: refused(lambda: spdsl.load(path))), 5.0)


if __name__ == "__main__":
    main()
