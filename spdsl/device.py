"""Facts about the machine that kernels and their caches depend on (a leaf module)."""

from __future__ import annotations

import functools
import hashlib


@functools.lru_cache(maxsize=None)
def cpu_features() -> str:
    """A digest of the host CPU's feature flags: a kernel built for AVX-512 must not be
    loaded on a machine without it, even if LLVM names both CPUs the same."""
    try:
        with open("/proc/cpuinfo") as f:
            flags = next((line for line in f if line.startswith("flags")), "")
    except OSError:
        import platform
        flags = platform.processor()
    return hashlib.sha256(" ".join(sorted(flags.split())).encode()).hexdigest()[:16]


def cuda_arch() -> str:
    """The local GPU's architecture (sm_XY), or sm_90 where there is no GPU to ask."""
    import torch
    if torch.cuda.is_available():
        major, minor = torch.cuda.get_device_capability()
        return f"sm_{major}{minor}"
    return "sm_90"
