"""What the CPU benchmarks record about the machine they ran on: the CPU model and the
vector and matrix features that decide which kernel path runs (issue 14: results carry
the CPU model and its flags)."""

from __future__ import annotations

import pathlib
import platform

# the features that choose a CPU kernel path: AVX-512 FMAs, the bfloat16 dot products
# (vdpbf16ps), AVX512-FP16 and the AMX tiles
FLAGS = ("avx512f", "avx512_bf16", "avx512_fp16", "amx_tile", "amx_bf16", "amx_int8")


def _cpuinfo() -> list[str]:
    try:
        return pathlib.Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return []


def cpu_model() -> str:
    """The CPU's model name (/proc/cpuinfo), else what platform knows."""
    for line in _cpuinfo():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def cpu_flags() -> dict[str, bool]:
    """Which of :data:`FLAGS` this CPU has (all False where /proc/cpuinfo is missing)."""
    have = set()
    for line in _cpuinfo():
        if line.startswith("flags"):
            have = set(line.split(":", 1)[1].split())
            break
    return {flag: flag in have for flag in FLAGS}


def describe() -> str:
    """One line: the model and the flags it has and lacks."""
    flags = cpu_flags()
    has = " ".join(f for f, v in flags.items() if v) or "none"
    lacks = " ".join(f for f, v in flags.items() if not v) or "none"
    return f"{cpu_model()} (has: {has}; lacks: {lacks})"
