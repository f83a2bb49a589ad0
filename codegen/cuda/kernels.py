"""Entry points of the NVIDIA GPU back end: build the forward kernel of a pattern for a
CUDA architecture, show its CUDA source, compile that source offline, and call the
kernel on CUDA torch tensors.

    fwd = build_forward_cuda(mask, score, head_dim=128, dtype="bfloat16", arch="sm_90")
    print(fwd.source)                              # CUDA C with a __global__ kernel
    ptx = compile_offline(fwd.source, "sm_90")     # nvcc, no GPU needed
    out, lse = fwd(q, k, v, layout)                # on a GPU: torch CUDA tensors
    bwd = build_backward_cuda(mask, score, head_dim=128, dtype="bfloat16", arch="sm_90")
    dq, dk, dv = bwd(q, k, v, out, lse, dout, layout)

``mask`` and ``score`` are checked IR expressions (``None``: dense / unchanged score);
every parameter must be bound. B, H, Hk, Lq and Lk are symbolic: one build serves every
size. The layout (``layout.PackedLayout``, the CPU kernels' BSR) must be built for
``config.block_q`` x ``config.block_k``; :func:`pattern_layout` builds one from a Pattern.

float16 / bfloat16 use the tensor-core kernel (PTX mma.sync m16n8k16, fp32 accumulation);
float32 uses the CUDA-core kernel. The backward is a dQ kernel that also writes Delta, then
a dK/dV kernel over the transposed layout: on tensor cores for float16 / bfloat16
(``backward_mma.py``), on CUDA cores for float32 (``cuda_backward.py``); gradients
come back in the inputs' dtype. Building needs no GPU
and no compiler: TVM keeps the CUDA source and compiles it when the module is first
loaded on a GPU (NVRTC through the ``cuda-bindings`` package, or nvcc with
``TVM_CUDA_COMPILE_MODE=nvcc``).
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np

from spdsl.codegen.common import layout as lay
from spdsl.dtypes import dtype_name
from spdsl.codegen.cuda.config import ARCHS, CudaConfig

def aligned_rows(t):
    """``t`` as the kernels can read it: the head dim contiguous and every row 16 bytes
    aligned (they copy rows 16 bytes at a time: cp.async, vector loads). Strided views
    that keep that (a transposed [B, L, H, D] tensor, a batch-broadcast K/V of stride 0)
    pass as they are; others, and views starting mid-row, are copied."""
    if _rows_aligned(t):
        return t
    t = t.contiguous()
    return t if t.data_ptr() % 16 == 0 else t.clone()


def _rows_aligned(t) -> bool:
    size = t.element_size()
    return t.stride(-1) == 1 and t.data_ptr() % 16 == 0 and \
        all(s * size % 16 == 0 for s in t.stride()[:-1])


def cuda_target(arch: str = "sm_90"):
    """The TVM target for ``arch`` (sm_80, sm_90, ...) with a generic LLVM host."""
    import tvm

    if not (isinstance(arch, str) and arch.startswith("sm_") and arch[3:].isdigit()):
        raise ValueError(f"arch must look like 'sm_90', not {arch!r}")
    return tvm.target.Target({"kind": "cuda", "arch": arch}, host={"kind": "llvm"})


def forward_primfunc(mask, score=None, *, head_dim: int, dtype, config: CudaConfig | None = None,
                     input_decls=None, v_head_dim: int | None = None):
    """(PrimFunc, KernelSignature, CudaConfig) of the forward kernel for ``dtype``
    (``v_head_dim``: v's and the output's head dim, None: head_dim)."""
    from spdsl.codegen.cuda.forward import forward_primfunc as make

    dtype = dtype_name(dtype)
    config = config or CudaConfig()
    config.check(head_dim, dtype, v_head_dim)
    func, sig = make(mask, score, head_dim, config, input_decls, dtype, v_head_dim)
    return func, sig, config


def backward_primfuncs(mask, score=None, *, head_dim: int, dtype, config: CudaConfig | None = None,
                       input_decls=None, v_head_dim: int | None = None):
    """((dq PrimFunc, dkdv PrimFunc), KernelSignature, CudaConfig) of the backward kernels
    for ``dtype``: tensor cores for float16 / bfloat16 (``backward_mma.py``), CUDA
    cores (float32 arithmetic) for float32 or ``config.tensor_cores=False``."""
    from spdsl.codegen.cuda.backward_mma import backward_primfuncs as make

    dtype = dtype_name(dtype)
    config = config or CudaConfig()
    (dq, dkdv), sig = make(mask, score, head_dim, config, input_decls, dtype, v_head_dim)
    return (dq, dkdv), sig, config


def config_ok(cfg: CudaConfig, head_dim: int, dtype: str, v_head_dim: int | None = None) -> bool:
    """Whether the forward and backward kernels both build for ``cfg``."""
    from spdsl.codegen.cuda.backward import check_backward
    from spdsl.codegen.cuda.backward_mma import check_mma_backward

    try:
        cfg.check(head_dim, dtype, v_head_dim)
        if cfg.uses_tensor_cores(dtype):
            check_mma_backward(cfg, head_dim, dtype, v_head_dim)
        else:
            check_backward(cfg, head_dim, v_head_dim)
    except ValueError:
        return False
    return True


def compile_primfunc(func, arch: str):
    """A kernel's PrimFunc built for ``arch`` (no GPU needed: the module keeps the CUDA
    source); RuntimeError if TVM made a host-only module, which would run nothing."""
    import tvm

    with tvm.transform.PassContext(opt_level=3):
        module = tvm.compile(func, target=cuda_target(arch))
    if "__global__" not in module_source(module):
        raise RuntimeError(f"the CUDA build of {func.attrs['global_symbol']} produced no "
                           "__global__ kernel")
    return module


def module_source(module) -> str:
    """The CUDA source kept in a built module (the device module is an import)."""
    mod = getattr(module, "mod", module)
    for sub in mod.imports:
        src = sub.inspect_source("cuda")
        if src:
            return src
    return ""


def compile_offline(source: str, arch: str = "sm_90", fmt: str = "ptx") -> bytes:
    """``source`` compiled by the installed nvcc to ``fmt`` ("ptx", "cubin" or "fatbin")
    for ``arch``; needs nvcc, not a GPU."""
    from tvm.support import nvcc

    with cuda_target(arch):
        return bytes(nvcc.compile_cuda(source, fmt, arch=arch,
                                       compiler="nvcc"))


def gpu_order(layout: lay.PackedLayout) -> np.ndarray:
    """int32 [B*H*n_qb]: thread-block order, longest row first (the GPU schedules blocks
    roughly in launch order, so heavy rows start early and light ones fill the tail)."""
    costs = layout.row_costs()
    return np.argsort(-costs, kind="stable").astype(np.int32)


def pattern_layout(pattern, B: int, H: int, Lq: int, Lk: int | None = None,
                   config: CudaConfig | None = None, **inputs) -> lay.PackedLayout:
    """The packed block layout of a (bound) Pattern for one call size, by the analyser."""
    config = config or CudaConfig()
    cls = pattern.layout(Lq, Lk, H, B, block=(config.block_q, config.block_k), **inputs)
    return lay.from_analysis(cls)


class CudaForward:
    """A built CUDA forward kernel. Call it with CUDA torch tensors ([B, H, L, D], strided
    views welcome: :func:`aligned_rows`); the kernel runs zero-copy on torch's current stream
    and writes ``out`` (which may be a strided view: a [B, L, H, D] tensor transposed; rows
    that are not 16-byte aligned go through a copy) and ``lse``."""

    def __init__(self, module, extras, config: CudaConfig, head_dim: int, dtype: str, arch: str,
                 source: str | None = None, v_head_dim: int | None = None):
        self.module, self.config, self.head_dim, self.dtype, self.arch = \
            module, config, head_dim, dtype, arch
        self.v_head_dim = head_dim if v_head_dim is None else v_head_dim
        self.input_names = list(extras.inputs)
        self.random_keys = list(extras.random_keys)
        self.source = source if source is not None else module_source(module)
        self.tensor_cores = config.uses_tensor_cores(dtype)
        self._device_layouts: OrderedDict = OrderedDict()
        self._tables = lay.RandomTables(self.random_keys)

    def _layout_args(self, layout: lay.PackedLayout, device, b: int, h: int, lq: int):
        if (layout.block_q, layout.block_k) != (self.config.block_q, self.config.block_k):
            raise ValueError(f"layout blocks {layout.block_q}x{layout.block_k} do not match the "
                             f"kernel's {self.config.block_q}x{self.config.block_k}")
        if tuple(layout.head_class.shape) != (b, h) or layout.n_qb != lay.cdiv(lq, self.config.block_q):
            raise ValueError("the layout was built for other sizes than this call's")
        key = (id(layout), str(device))
        hit = self._device_layouts.get(key)
        if hit is None or hit[0] is not layout:
            import torch

            tensors = [t.to(device) for t in layout.torch_tensors()]
            tensors.append(torch.from_numpy(gpu_order(layout)).to(device))
            hit = (layout, tensors)
            self._device_layouts[key] = hit
            if len(self._device_layouts) > 16:
                self._device_layouts.popitem(last=False)
        return hit[1]

    def _extra_args(self, inputs, device, h: int, lq: int, lk: int):
        import torch

        inputs = inputs or {}
        missing = [n for n in self.input_names if n not in inputs]
        if missing:
            raise ValueError(f"missing pattern input(s): {', '.join(missing)}")
        out = [inputs[n].to(device=device, dtype=torch.int32 if not inputs[n].is_floating_point()
                            else torch.float32).contiguous() for n in self.input_names]
        out += self._tables.args(inputs, h, lq, lk, lambda t: torch.from_numpy(t).to(device),
                                 str(device))
        return out

    def _require_cuda(self, q) -> None:
        if not q.is_cuda:
            raise ValueError(f"{type(self).__name__} takes CUDA tensors")

    def _check_dims(self, q, v) -> None:
        d, dv = q.shape[-1], v.shape[-1]
        if (d, dv) != (self.head_dim, self.v_head_dim) or str(q.dtype).replace("torch.", "") != self.dtype:
            raise ValueError(f"kernel built for head_dim {self.head_dim} (v {self.v_head_dim}) {self.dtype}, "
                             f"got {d} (v {dv}) {q.dtype}")

    def _launch(self, module, kernel: str, args: list, device) -> None:
        """Run ``module[kernel](*args)`` on torch's current stream of ``device``."""
        import torch
        import tvm_ffi

        with torch.cuda.device(device), tvm_ffi.use_torch_stream():
            module[kernel](*args)

    def __call__(self, q, k, v, layout: lay.PackedLayout, *, scale=None, inputs=None,
                 out=None, lse=None):
        import torch

        self._require_cuda(q)
        q, k, v = (aligned_rows(t) for t in (q, k, v))
        b, h, lq, d = q.shape
        self._check_dims(q, v)
        given = out
        # an out view whose rows are not 16-byte aligned is written through a contiguous copy
        if out is None or not _rows_aligned(out):
            out = torch.empty((b, h, lq, self.v_head_dim), dtype=q.dtype, device=q.device)
        lse = torch.empty((b, h, lq), dtype=torch.float32, device=q.device) if lse is None else lse
        args = [q, k, v, out, lse, *self._layout_args(layout, q.device, b, h, lq),
                float(d ** -0.5 if scale is None else scale),
                *self._extra_args(inputs, q.device, h, lq, k.shape[2])]
        self._launch(self.module, "forward", args, q.device)
        if given is not None and given is not out:
            given.copy_(out)
            out = given
        return out, lse


def gpu_column_order(transposed: lay.TransposedLayout, kv_heads: int) -> np.ndarray:
    """int32 [B*Hk*n_kb]: the dK/dV kernel's thread-block order, longest column first."""
    costs = transposed.col_costs(kv_heads)
    return np.argsort(-costs, kind="stable").astype(np.int32)


class CudaBackward(CudaForward):
    """Built CUDA dQ and dK/dV kernels. Call with CUDA torch tensors and the forward's
    ``out`` and ``lse``; both kernels run zero-copy on torch's current stream (dQ first:
    it writes Delta, which dK/dV reads) and return (dq, dk, dv) in the inputs' dtype.
    ``dlse``: the gradient of lse (None: zero). k and v may be batch-broadcast (stride 0):
    dk and dv come back per batch entry, [B, Hk, Lk, D], for the caller to sum."""

    def __init__(self, modules: dict, extras, config: CudaConfig, head_dim: int, dtype: str,
                 arch: str, sources: dict | None = None, v_head_dim: int | None = None):
        self.modules, self.config, self.head_dim, self.dtype, self.arch = \
            modules, config, head_dim, dtype, arch
        self.v_head_dim = head_dim if v_head_dim is None else v_head_dim
        self.dq_name = "dq_inputs" if "dq_inputs" in modules else "dq"  # the gradient variant's
        self.module = modules[self.dq_name]
        self.input_names = list(extras.inputs)
        self.random_keys = list(extras.random_keys)
        self.sources = sources or {name: module_source(m) for name, m in modules.items()}
        self.source = "\n".join(self.sources.values())
        self.tensor_cores = config.uses_tensor_cores(dtype)
        self._device_layouts: OrderedDict = OrderedDict()
        self._tables = lay.RandomTables(self.random_keys)

    def _transposed_args(self, layout: lay.PackedLayout, transposed, device, b: int, h: int,
                         hk: int, lk: int):
        """head_class col_ptr row_idx full_t order of the dK/dV kernel, on ``device``."""
        if transposed is None:
            transposed = layout.transposed
        if tuple(transposed.head_class.shape) != (b, h) or \
                transposed.n_kb != lay.cdiv(lk, self.config.block_k):
            raise ValueError("the transposed layout was built for other sizes than this call's")
        if h % hk:
            raise ValueError(f"{h} query heads do not group into {hk} key heads")
        key = ("t", id(layout), id(transposed), hk, str(device))
        hit = self._device_layouts.get(key)
        if hit is None or hit[0] is not transposed:
            import torch

            tensors = [t.to(device) for t in transposed.torch_tensors()]
            tensors.append(torch.from_numpy(gpu_column_order(transposed, hk)).to(device))
            hit = (transposed, tensors)
            self._device_layouts[key] = hit
            if len(self._device_layouts) > 16:
                self._device_layouts.popitem(last=False)
        return hit[1]

    def __call__(self, q, k, v, out, lse, dout, layout: lay.PackedLayout, *, scale=None,
                 inputs=None, transposed: lay.TransposedLayout | None = None, dlse=None,
                 dq_extra=()):
        # dq_extra: arguments appended to the dQ kernel's (the gradient variant's buffers)
        import torch

        self._require_cuda(q)
        q, k, v, out, dout = (aligned_rows(t) for t in (q, k, v, out, dout))
        lse = lse.contiguous().float()
        b, h, lq, d = q.shape
        hk, lk = k.shape[1], k.shape[2]
        self._check_dims(q, v)
        scale = float(d ** -0.5 if scale is None else scale)
        extra = self._extra_args(inputs, q.device, h, lq, lk)
        dq, dk, dv = (torch.empty(t.shape, dtype=t.dtype, device=q.device) for t in (q, k, v))
        delta = torch.empty((b, h, lq), dtype=torch.float32, device=q.device)
        dlse = (torch.zeros((b, h, lq), dtype=torch.float32, device=q.device) if dlse is None
                else dlse.to(device=q.device, dtype=torch.float32).contiguous())
        dq_args = [q, k, v, out, dout, lse, dlse, dq, delta,
                   *self._layout_args(layout, q.device, b, h, lq), scale, *extra, *dq_extra]
        dkdv_args = [q, k, v, dout, lse, delta, dk, dv,
                     *self._transposed_args(layout, transposed, q.device, b, h, hk, lk),
                     scale, *extra]
        self._launch(self.modules[self.dq_name], self.dq_name, dq_args, q.device)  # writes Delta
        self._launch(self.modules["dkdv"], "dkdv", dkdv_args, q.device)  # reads it, same stream
        return dq, dk, dv


__all__ = ["ARCHS", "CudaBackward", "CudaConfig", "CudaForward", "compile_primfunc", "config_ok",
           "backward_primfuncs", "gpu_column_order",
           "compile_offline", "gpu_order", "pattern_layout", "cuda_target", "forward_primfunc"]
