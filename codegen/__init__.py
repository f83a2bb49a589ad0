"""Lowering of the spdsl IR through Apache TVM: CPU and NVIDIA GPU kernels (forward,
dQ, dK/dV), built through one road with a disk cache.

Map of the stage:

    build.py            the one road: (IR, kernel, dtype, head_dim(s), config, device, target)
                        -> loaded kernels, through the disk cache (key made before any TIR)
    cache.py            the content-addressed disk cache of built kernels
    common/lower.py     IR expression -> TIR PrimExpr (inputs, random_blocks tables, ints);
                        the kernel's extra arguments read off the IR (kernel_extras)
    common/derivative.py  d(score expression)/d(score) as IR, for the backward kernels
    common/signature.py   size vars, the kernel signature, mask/score callables for TVMScript
    common/layout.py    the packed block layout the kernels read (rows and, cached, columns)
    common/vecmath.py   a vectorisable exp2
    common/paged.py     K/V read through a block table (paged KV caches), for both targets
    cpu/schedule.py     ScheduleConfig: the CPU kernels' knobs
    cpu/target.py       the host CPU target, its vector width, TVM's thread count
    cpu/loops.py        the CPU kernels' loop nests, each written once (TVMScript macros)
    cpu/forward.py      the forward kernel (online softmax, lse out)
    cpu/backward.py     the dQ and dK/dV kernels
    cpu/kernels.py      PrimFuncs by kernel, compile, the callable wrappers, emit
    cpu/paged.py        the paged forward (forward.py's, paged flag) and its wrapper
    cuda/config.py      CudaConfig: the GPU kernels' knobs (blocks, warps, tiles, stages)
    cuda/frame.py       a GPU kernel's frame: signature, grid, task decoding
    cuda/blocks.py      block kinds and the cp.async pipeline, each written once
    cuda/tiles.py       warp-level pieces of the tensor-core kernels (mma, ldmatrix, cp.async)
    cuda/forward.py     the GPU forward: CUDA-core (fp32) and mma.sync tensor-core (fp16/bf16)
    cuda/backward.py    the GPU dQ and dK/dV kernels on CUDA cores (fp32)
    cuda/backward_mma.py  the GPU dQ and dK/dV kernels on tensor cores (fp16/bf16)
    cuda/kernels.py     PrimFuncs, compile, the callable wrappers, offline nvcc, layouts
    cuda/paged.py       the paged forward (forward.py's, paged flag) and its wrapper

Importing this package does not import TVM; the entry points below load it on use.
"""

from spdsl.codegen import build as _road
from spdsl.codegen.build import KERNEL_ABI
from spdsl.codegen.cpu.schedule import ScheduleConfig

__all__ = ["KERNEL_ABI", "ScheduleConfig", "build_forward", "build_backward",
           "build_forward_cuda", "build_backward_cuda", "emit", "emit_cuda"]


def build_forward(mask, score=None, *, head_dim: int, dtype="float32", config=None,
                  input_decls=None, target=None, v_head_dim=None):
    """The CPU forward kernel (``cpu.kernels.ForwardKernel``) of a mask / score IR, built
    for the host CPU (or ``target``); not disk-cached."""
    return _road.build(mask, score, kernel="forward", head_dim=head_dim, dtype=dtype, config=config,
                 input_decls=input_decls, target=target, cache=False, v_head_dim=v_head_dim).kernel


def build_backward(mask, score=None, *, head_dim: int, dtype="float32", config=None,
                   input_decls=None, target=None, v_head_dim=None):
    """The CPU dQ and dK/dV kernels (``cpu.kernels.BackwardKernels``): gradients come back
    in ``dtype``; the kernels themselves are float32 and the wrapper converts."""
    return _road.build(mask, score, kernel="backward", head_dim=head_dim, dtype=dtype, config=config,
                 input_decls=input_decls, target=target, cache=False, v_head_dim=v_head_dim).kernel


def build_forward_cuda(mask, score=None, *, head_dim: int, dtype, config=None, input_decls=None,
                       arch: str = "sm_90", v_head_dim=None):
    """The CUDA forward kernel (``cuda.kernels.CudaForward``: ``module`` the built TVM
    module, ``source`` the CUDA C) for ``arch``; works without a GPU; not disk-cached."""
    return _road.build(mask, score, kernel="forward", head_dim=head_dim, dtype=dtype, device="cuda",
                 config=config, input_decls=input_decls, target=arch, cache=False,
                 v_head_dim=v_head_dim).kernel


def build_backward_cuda(mask, score=None, *, head_dim: int, dtype, config=None, input_decls=None,
                        arch: str = "sm_90", v_head_dim=None):
    """The CUDA dQ and dK/dV kernels (``cuda.kernels.CudaBackward``, ``sources`` by name);
    ``config`` must be the forward's (they share the layout's blocks). Works without a GPU."""
    return _road.build(mask, score, kernel="backward", head_dim=head_dim, dtype=dtype, device="cuda",
                 config=config, input_decls=input_decls, target=arch, cache=False,
                 v_head_dim=v_head_dim).kernel


def emit(*args, **kwargs):
    """The TVMScript or LLVM IR of a CPU kernel (``cpu.kernels.emit``)."""
    from spdsl.codegen.cpu.kernels import emit as _emit

    return _emit(*args, **kwargs)


def emit_cuda(mask, score=None, *, head_dim: int, dtype, config=None, input_decls=None,
              arch: str = "sm_90", v_head_dim=None) -> str:
    """The CUDA C source of the forward kernel (what ``--emit cuda`` shows)."""
    return build_forward_cuda(mask, score, head_dim=head_dim, dtype=dtype, config=config,
                              input_decls=input_decls, arch=arch, v_head_dim=v_head_dim).source
