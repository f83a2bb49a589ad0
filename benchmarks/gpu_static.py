"""What can be known of the GPU kernels without a GPU, for the rows gpu_bench.py times:
ptxas's resource report per kernel (registers, spills, shared memory), the tensor-core
instructions in the PTX, and each row's floor (useful FLOPs over the H200's measured bf16
rate, bytes over its copy bandwidth), so that a GPU run can be read against them.

    python benchmarks/gpu_static.py [--arch sm_90] [--out DIR]

Needs nvcc, not a GPU. Writes gpu_static.json and gpu_static.txt to DIR (default
benchmarks/results/).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import gpu_bench  # noqa: E402  (shapes, patterns, inputs of the timed rows)

# Measured on this workplace's H200 (device/KINDS.md, 2026-10-28): an 8192^3 bf16 matmul
# through PyTorch at 788 TFLOP/s, a device-to-device copy at 4.3 TB/s (read + write).
H200_BF16_FLOPS = 788e12
H200_BYTES_PER_S = 4.3e12


def ptxas_report(source: str, arch: str, workdir: pathlib.Path, name: str) -> dict:
    """Registers, spill bytes, shared memory and instruction counts of one kernel."""
    cu = workdir / f"{name}.cu"
    cu.write_text(source)
    res = subprocess.run(["nvcc", f"-arch={arch}", "-cubin", "-Xptxas", "-v", str(cu), "-o",
                          str(workdir / f"{name}.cubin")], capture_output=True, text=True)
    if res.returncode:
        raise RuntimeError(res.stderr[-2000:])
    ptx = subprocess.run(["nvcc", f"-arch={arch}", "-ptx", str(cu), "-o", "-"],
                         capture_output=True, text=True).stdout
    grab = lambda pat: int(re.search(pat, res.stderr).group(1)) if re.search(pat, res.stderr) else 0  # noqa: E731
    return {"registers": grab(r"Used (\d+) registers"), "spill_bytes": grab(r"(\d+) bytes spill stores"),
            "smem_bytes": grab(r"(\d+) bytes smem"), "mma": ptx.count("mma.sync"),
            "ldmatrix": ptx.count("ldmatrix"), "cp_async": ptx.count("cp.async.cg")}


def row_floor(name: str, L: int) -> dict:
    """Useful FLOPs and bytes of one forward and one backward at gpu_bench's shape, and the
    time floors they give on an H200."""
    pat = gpu_bench.load_pattern(name)
    B, H, D = gpu_bench.B, gpu_bench.H, gpu_bench.D
    inputs = {"doc": gpu_bench.doc_ids(L)} if pat.inputs else {}
    ex = pat.explain(Lq=L, Lk=L, H=H, B=B, block=(64, 64), head_dim=D, **inputs)
    fwd_flops = 4.0 * ex.nonzero_elements * D          # Q K^T and P V
    bwd_flops = 2.5 * fwd_flops                        # S, dP, dQ, dK, dV (FlashAttention's count)
    elem = B * H * L * D * 2                           # one bf16 [B, H, L, D] tensor
    fwd_bytes, bwd_bytes = 4 * elem, 8 * elem          # q k v out / q k v o do dq dk dv
    floor = lambda f, b: max(f / H200_BF16_FLOPS, b / H200_BYTES_PER_S) * 1e3  # noqa: E731
    return {"pattern": name, "L": L, "density": round(ex.density, 4),
            "fwd_gflop": round(fwd_flops / 1e9, 1), "fwd_floor_ms": round(floor(fwd_flops, fwd_bytes), 4),
            "bwd_floor_ms": round(floor(bwd_flops, bwd_bytes), 4)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--arch", default="sm_90")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results"))
    args = ap.parse_args(argv)
    cuda = gpu_bench.cuda_backend()
    kernels, floors = [], []
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        for name in gpu_bench.PATTERNS:
            pat = gpu_bench.load_pattern(name)
            fwd, bwd, *_ = gpu_bench.spdsl_kernels(pat, 1024, {"doc": gpu_bench.doc_ids(1024)} if pat.inputs else {},
                                                   args.arch)
            for kernel, src in (("forward", fwd.source), *bwd.sources.items()):
                kernels.append({"pattern": name, "kernel": kernel,
                                **ptxas_report(src, args.arch, work, f"{name}_{kernel}")})
            floors += [row_floor(name, L) for L in (8192, 32768)]
    lines = [f"# {args.arch}, bfloat16, head_dim {gpu_bench.D}, blocks 64x64, stages 2 (ptxas -v; PTX counts)",
             f"{'pattern':16s} {'kernel':8s} {'regs':>5s} {'spill B':>8s} {'smem B':>7s} {'mma':>5s} {'ldmatrix':>9s} {'cp.async':>9s}"]
    lines += [f"{k['pattern']:16s} {k['kernel']:8s} {k['registers']:5d} {k['spill_bytes']:8d} {k['smem_bytes']:7d} "
              f"{k['mma']:5d} {k['ldmatrix']:9d} {k['cp_async']:9d}" for k in kernels]
    lines += ["", f"# floors on an H200 (bf16 {H200_BF16_FLOPS / 1e12:.0f} TFLOP/s, {H200_BYTES_PER_S / 1e12:.1f} TB/s "
              f"measured there), B={gpu_bench.B} H={gpu_bench.H} D={gpu_bench.D}: a GPU run's times read against these",
              f"{'pattern':16s} {'L':>6s} {'density':>8s} {'fwd GFLOP':>10s} {'fwd floor ms':>13s} {'bwd floor ms':>13s}"]
    lines += [f"{f['pattern']:16s} {f['L']:6d} {f['density']:8.4f} {f['fwd_gflop']:10.1f} {f['fwd_floor_ms']:13.4f} "
              f"{f['bwd_floor_ms']:13.4f}" for f in floors]
    text = "\n".join(lines) + "\n"
    print(text, end="")
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "gpu_static.txt").write_text(text)
    (out / "gpu_static.json").write_text(json.dumps({"kernels": kernels, "floors": floors}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
