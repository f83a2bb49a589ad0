"""Lowering of the spdsl IR through Apache TVM: CPU kernels (forward, dQ, dK/dV).

Map of the stage (each file under ~600 lines):

    lower.py          IR expression -> TIR PrimExpr (inputs, random_blocks tables, int semantics)
    derivative.py     d(score expression)/d(score) as IR, for the backward kernels
    layout.py         the packed BSR the kernels read, its transpose (CSC), random tables
    schedule.py       ScheduleConfig: the tiling knobs
    target.py         the host CPU target and its vector width
    vecmath.py        a vectorisable exp2
    kernel_common.py  size vars, extra arguments, mask/score callables for TVMScript
    cpu_forward.py    the forward kernel (online softmax, lse out)
    cpu_backward.py   the dQ and dK/dV kernels
    cpu.py            build_forward, build_backward, emit: the entry points
    cuda_config.py    CudaConfig: the GPU kernels' knobs (blocks, warps, tiles, tensor cores)
    cuda_tiles.py     warp-level pieces of the tensor-core kernels (mma, ldmatrix, cp.async macros)
    cuda_forward.py   the GPU forward: CUDA-core (fp32) and mma.sync tensor-core (fp16/bf16)
    cuda_backward.py  the GPU dQ and dK/dV kernels on CUDA cores (fp32)
    cuda_backward_mma.py  the GPU dQ and dK/dV kernels on tensor cores (fp16/bf16)
    cuda.py           build_forward_cuda, build_backward_cuda, emit_cuda: GPU entry points

Importing this package does not import TVM; the entry points below load it on use.
"""

from spdsl.codegen.cpu.schedule import ScheduleConfig

__all__ = ["KERNEL_ABI", "ScheduleConfig", "build_forward", "build_backward", "emit"]

# Bumped whenever a kernel's argument list or argument dtypes change; put it in any
# on-disk cache key of compiled kernels (an old .so would be called with the wrong
# arguments). 2: a task-order buffer follows the layout buffers (forward, dq, dkdv).
KERNEL_ABI = 2


def build_forward(*args, **kwargs):
    from spdsl.codegen.cpu.kernels import build_forward as _build

    return _build(*args, **kwargs)


def build_backward(*args, **kwargs):
    from spdsl.codegen.cpu.kernels import build_backward as _build

    return _build(*args, **kwargs)


def emit(*args, **kwargs):
    from spdsl.codegen.cpu.kernels import emit as _emit

    return _emit(*args, **kwargs)
