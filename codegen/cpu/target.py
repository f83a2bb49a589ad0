"""The CPU target: which LLVM CPU we build for and how wide its vectors are."""

from __future__ import annotations

import functools
import os


@functools.lru_cache(maxsize=None)
def host_cpu() -> str:
    """LLVM's name for this machine's CPU (``"native"`` would silently mean ``generic``)."""
    from tvm.target import codegen

    return codegen.llvm_get_system_cpu()


def host_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def configure_threads() -> None:
    """Give TVM's thread pools torch's thread count unless the user chose one.

    TVM 0.27 sizes a thread's pool once, when that thread first launches a parallel loop,
    from ``TVM_NUM_THREADS``, else ``OMP_NUM_THREADS``, else hardware_concurrency() / 2
    on x86 (it assumes hyper-threading): on a VM without SMT that halves the cores, and on
    a 2-vCPU machine every kernel ran single-threaded. ``torch.get_num_threads()`` (the
    physical cores unless the user set it) is what the surrounding torch program uses.
    Call before the first kernel launch; pools that exist already keep their size.
    """
    if "TVM_NUM_THREADS" in os.environ or "OMP_NUM_THREADS" in os.environ:
        return
    try:
        import torch

        n = torch.get_num_threads()
    except ImportError:
        n = host_cores()
    os.environ["TVM_NUM_THREADS"] = str(max(1, n))


def cpu_target(mcpu: str | None = None, num_cores: int | None = None):
    """A ``tvm.target.Target`` for the host CPU (or the named ``mcpu``)."""
    import tvm

    return tvm.target.Target(
        {"kind": "llvm", "mcpu": mcpu or host_cpu(), "num-cores": num_cores or host_cores()}
    )


def as_target(target=None):
    """``target`` as a Target: None means the host CPU; a dict or Target passes through."""
    import tvm

    if target is None:
        return cpu_target()
    if isinstance(target, tvm.target.Target):
        return target
    return tvm.target.Target(target)


def vector_lanes(target, dtype_bits: int = 32) -> int:
    """How many ``dtype_bits`` elements fit one vector register of ``target`` (at least 4)."""
    from tvm.target import codegen

    bits = codegen.llvm_get_vector_width(as_target(target))
    if bits is None or bits <= 0:
        bits = 128
    return max(4, bits // dtype_bits)


def bf16_products(target) -> str:
    """How bfloat16 kernels for ``target`` multiply blocks (``ScheduleConfig.products``):
    "dpbf16" where LLVM gives the target AVX512-BF16 (vdpbf16ps), else "fp32". AMX tiles
    are not generated yet: an AMX CPU gets "dpbf16" too (it has AVX512-BF16)."""
    from tvm.target import codegen

    features = codegen.llvm_get_cpu_features(as_target(target))
    return "dpbf16" if "avx512bf16" in features else "fp32"
