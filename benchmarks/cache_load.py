"""How long a kernel cache hit takes in a fresh process: the forward, dQ and dK/dV
kernels of an example loaded through codegen.build (no TIR is generated on a hit), and
the whole spdsl.compile call (which also registers the torch op, once per process).
Target (issue 9): the cached load <= 0.2 s.

    python benchmarks/cache_load.py [EXAMPLE] [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
PROBE = """
import json, sys, time
import torch, tvm, spdsl
from spdsl.codegen.build import build
pat = spdsl.load(sys.argv[1])[sys.argv[2]]
decls = list(pat.inputs.values())
t = time.perf_counter()
fwd = build(pat.mask, pat.score, kernel="forward", head_dim=64, input_decls=decls, label=pat.name)
bwd = build(pat.mask, pat.score, kernel="backward", head_dim=64, config=fwd.config, input_decls=decls)
load = time.perf_counter() - t
t = time.perf_counter()
spdsl.compile(pat, head_dim=64, dtype=torch.float32).backward_kernels
whole = time.perf_counter() - t
print(json.dumps({"cached": fwd.from_cache and bwd.from_cache, "load_s": load, "compile_s": whole}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("example", nargs="?", default="documents")
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    path = ROOT / "examples" / f"{args.example}.spdsl"
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "SPDSL_CACHE_DIR": cache}
        run = lambda: json.loads(subprocess.run(  # noqa: E731
            [sys.executable, "-c", PROBE, str(path), args.example], env=env, check=True,
            capture_output=True, text=True).stdout)
        first = run()
        hits = [run() for _ in range(args.repeats)]
    assert not first["cached"] and all(h["cached"] for h in hits)
    load = statistics.median(h["load_s"] for h in hits)
    whole = statistics.median(h["compile_s"] for h in hits)
    print(f"{args.example}: first build {first['load_s']:.2f} s; cached load in a fresh process "
          f"{load * 1000:.1f} ms (median of {args.repeats}; target <= 200 ms), whole spdsl.compile "
          f"{whole * 1000:.0f} ms (includes registering the torch op once per process)")


if __name__ == "__main__":
    main()
