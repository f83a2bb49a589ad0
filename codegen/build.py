"""The one road from a pattern's IR to loaded kernels, for every caller (the runtime, the
command line, the tuners), through the disk cache.

    fwd = build(mask, score, kernel="forward", head_dim=64, dtype="float32")
    bwd = build(mask, score, kernel="backward", head_dim=64, dtype="float32",
                config=fwd.config)
    out, lse = fwd.kernel(q, k, v, layout)            # CPU: codegen.cpu.kernels wrappers
    cuda = build(mask, score, kernel="forward", head_dim=128, dtype="bfloat16",
                 device="cuda", target="sm_90")       # CUDA: codegen.cuda.kernels wrappers

The cache key is made before any TIR exists: the IR (printed, names anonymised), the
kernel's options (kind, dtype, head_dim, v_head_dim where it differs from head_dim, resolved
config, device and target with the CPU's feature flags), the kernel ABI, the spdsl and TVM versions, and a digest of the code
generator's own source files (as Triton's ``triton_key()``): a change to any file of
``codegen/`` changes every key, so no stale kernel can load. A hit therefore generates no
TIR and compiles nothing; a miss generates, compiles and stores. In one process a build is
made once (an in-process memo under the same key).

CUDA builds are cached too (the exported host library plus the CUDA source); loading one
needs the CUDA runtime, so on a machine without it an entry is left in place and the
kernels are built again (building needs no GPU).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from spdsl.dtypes import dtype_name

log = logging.getLogger("spdsl")

# Bumped whenever a kernel's argument list or argument dtypes change (an old library would
# be called with the wrong arguments). 2: a task-order buffer follows the layout buffers.
KERNEL_ABI = 2
KINDS = ("forward", "backward", "backward_inputs", "forward_paged")
# backward_inputs: the backward's gradient variant for learnable inputs (common/input_grads.py);
# forward_paged: the forward reading K/V through a page table (cpu/paged.py, cuda/paged.py)
MODULES = {"forward": ("forward",), "backward": ("dq", "dkdv"), "backward_inputs": ("dq_inputs", "dkdv"),
           "forward_paged": ("forward_paged",)}
# (CUDA's; the CPU back end names its own: :func:`module_names`)
CUDA_SOURCE = "source.cu"

# TVM's CPU thread pool spins its workers after every kernel (by default for 300k rounds)
# and PyTorch's OpenMP pool does the same after every op: inside a model the two pools take
# turns on the same cores and each runs while the other spins (a BERT forward was 2x slower
# with spdsl's faster attention). Workers that sleep at once cost a few microseconds per
# kernel; a user's own setting wins. Read by TVM when its pool starts (the first kernel).
os.environ.setdefault("TVM_THREAD_POOL_SPIN_COUNT", "0")

_MEMO: dict[str, "Build"] = {}
_LOCK = threading.Lock()


@dataclass
class Build:
    """Loaded kernels and how they came: ``kernel`` is the callable wrapper (CPU:
    ``ForwardKernel`` / ``BackwardKernels``; CUDA: ``CudaForward`` / ``CudaBackward``)."""

    kernel: object
    config: object
    key: str
    from_cache: bool
    seconds: float


def generator_digest(root: Path | None = None) -> str:
    """SHA-256 of every Python source file of the code generator (``codegen/``, or the
    folder ``root``), by relative path and content: the part of a cache key that covers
    the compiler itself. This process's own generator is read once."""
    if root is None:
        return _own_generator_digest()
    return _digest_sources(Path(root))


@functools.lru_cache(maxsize=None)
def _own_generator_digest() -> str:
    # the kernels' int width is chosen by the overflow analysis: it is part of the generator
    import importlib.util

    overflow = Path(importlib.util.find_spec("spdsl.analysis.overflow").origin)
    extra = hashlib.sha256(overflow.read_bytes()).hexdigest()
    return hashlib.sha256((_digest_sources(Path(__file__).resolve().parent) + extra).encode()).hexdigest()


def _digest_sources(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        h.update(str(path.relative_to(root)).encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


def resolve_config(config, *, head_dim: int, dtype: str, device: str, target,
                   v_head_dim: int | None = None):
    """The config the kernels are built with (defaults filled, CPU vector lanes set),
    after checking the kernels can take it (ValueError if not)."""
    if device == "cuda":
        from spdsl.codegen.cuda.config import CudaConfig

        config = config or CudaConfig()
        config.check(head_dim, dtype, v_head_dim)
        return config
    from spdsl.codegen.cpu.kernels import resolve_config as cpu_config

    return cpu_config(config, head_dim, target, v_head_dim)


def key_material(mask, score, input_decls, *, head_dim: int, dtype: str, device: str, config,
                 target, v_head_dim: int | None = None) -> dict:
    """Everything that changes the kernels of a pattern, as JSON-able data (no TIR
    needed); each module's cache key adds its name (``"kernel": "forward"``, ...).
    ``v_head_dim`` enters only where it differs from ``head_dim``, so that the kernels of
    one head dim keep the keys they had before there was a second."""
    import tvm

    from spdsl.ir.printer import print_kernel_ir
    from spdsl.version import VERSION

    if device == "cuda":
        where = {"target": f"cuda {target}"}
    else:
        from spdsl.codegen.cpu.target import as_target
        from spdsl.device import cpu_features

        where = {"target": str(as_target(target)), "features": cpu_features()}
    dims = {"head_dim": head_dim}
    if v_head_dim is not None and v_head_dim != head_dim:
        dims["v_head_dim"] = v_head_dim
    return {"abi": KERNEL_ABI, "generator": generator_digest(),
            "ir": print_kernel_ir(mask, score, input_decls), **dims,
            "dtype": dtype, "device": device, "config": asdict(config), **where,
            "spdsl": VERSION, "tvm": tvm.__version__}


def build(mask, score=None, *, kernel: str, head_dim: int, dtype="float32", device: str = "cpu",
          config=None, input_decls=(), target=None, cache: bool = True,
          label: str | None = None, v_head_dim: int | None = None) -> Build:
    """Build (or load) the ``kernel`` ("forward", or "backward": dQ and dK/dV) of a mask /
    score IR for ``device`` ("cpu": ``target`` a TVM target or None for the host; "cuda":
    ``target`` an arch such as "sm_90"). ``input_decls``: the pattern's declared inputs
    (all become kernel arguments). ``cache=False`` skips the disk cache. ``v_head_dim``:
    the head dim of v and the output where it differs from q's and k's (None: the same)."""
    if kernel not in KINDS:
        raise ValueError(f"kernel must be one of {KINDS}, not {kernel!r}")
    if device not in ("cpu", "cuda"):
        raise ValueError(f"device must be 'cpu' or 'cuda', not {device!r}")
    dtype = dtype_name(dtype)
    if device == "cuda":
        target = target or "sm_90"
    if v_head_dim == head_dim:
        v_head_dim = None  # one head dim: the kernels, and their keys, of before
    decls = list(input_decls or ())
    config = resolve_config(config, head_dim=head_dim, dtype=dtype, device=device, target=target,
                            v_head_dim=v_head_dim)
    kernel_dtype = _kernel_dtype(kernel, dtype, device, config, head_dim, v_head_dim)
    material = key_material(mask, score, decls, head_dim=head_dim, dtype=kernel_dtype,
                            device=device, config=config, target=target, v_head_dim=v_head_dim)
    names = module_names(kernel, device, config, head_dim, dtype, v_head_dim)
    from spdsl.codegen.cache import KernelCache, key_of

    key = key_of({**material, "kernel": kernel})
    with _LOCK:
        hit = _MEMO.get(key)
        if hit is not None:
            return hit
        start = time.perf_counter()
        store = KernelCache() if cache else None
        got = _load(store, material, names, device) if store is not None else None
        from_cache = got is not None
        wrap = dict(kernel=kernel, head_dim=head_dim, dtype=dtype, device=device, config=config, target=target,
                    v_head_dim=v_head_dim)
        if got is None:
            got = _generate(mask, score, decls, **wrap)
            if store is not None:
                for name, module in got[0].items():
                    store.store({**material, "kernel": name}, module, label=label,
                                files={CUDA_SOURCE: got[1][name]} if device == "cuda" else None)
        try:
            wrapper = _wrap(*got, mask, score, decls, **wrap)
        except Exception as e:
            if not from_cache:
                raise
            # a cached library that loads but cannot be used: drop it, build afresh
            for name in names:
                store.drop({**material, "kernel": name}, f"its kernel cannot be used: {e}")
            got, from_cache = _generate(mask, score, decls, **wrap), False
            wrapper = _wrap(*got, mask, score, decls, **wrap)
        seconds = time.perf_counter() - start
        log.debug("spdsl: %s kernel of %s %s in %.2f s", kernel, label or "a pattern",
                  "loaded from the cache" if from_cache else "built", seconds)
        result = Build(wrapper, config, key, from_cache, seconds)
        _MEMO[key] = result
        return result


def module_names(kernel: str, device: str, config, head_dim: int, dtype: str,
                 v_head_dim: int | None = None) -> tuple[str, ...]:
    """The modules a ``kernel`` build makes: the CPU back end says
    (``cpu.kernels.module_names``: its backward also has the fused "dqkv" where it exists);
    CUDA's are :data:`MODULES`."""
    if device == "cpu":
        from spdsl.codegen.cpu.kernels import module_names as cpu_modules

        return cpu_modules(kernel, dtype, config, head_dim, v_head_dim)
    return MODULES[kernel]


def _kernel_dtype(kernel: str, dtype: str, device: str, config=None, head_dim: int = 0,
                  v_head_dim: int | None = None) -> str:
    """The dtype a kernel is keyed by: its tensors' dtype. The CPU backward kernels are
    float32 for every dtype (the wrapper converts), so a float32 and a bfloat16 attention
    of one pattern share them, built once; except bfloat16 ones whose products run on
    vdpbf16ps under the resolved ``config`` (None: not known, float32), which take
    bfloat16 (``cpu.kernels.backward_dtype``)."""
    if device == "cpu" and kernel in ("backward", "backward_inputs"):
        from spdsl.codegen.cpu.kernels import backward_dtype

        return backward_dtype(kernel, dtype, config, head_dim, v_head_dim)
    return dtype


def _load(store, material: dict, names, device: str):
    """({module name: module}, {module name: CUDA source}) of the modules ``names`` from the
    cache, or None if any is missing."""
    if device == "cuda" and not _cuda_loader():
        return None  # entries stay: they load on a machine with the CUDA runtime
    modules, sources = {}, {}
    for name in names:
        got = store.load({**material, "kernel": name}, files=(CUDA_SOURCE,) if device == "cuda" else (),
                         functions=(name,))
        if got is None:
            return None
        modules[name], files = got
        sources[name] = files.get(CUDA_SOURCE, "")
    return modules, sources


def _cuda_loader() -> bool:
    import tvm_ffi

    return tvm_ffi.get_global_func("ffi.Module.load_from_bytes.cuda", allow_missing=True) is not None


def _generate(mask, score, decls, *, kernel, head_dim, dtype, device, config, target, v_head_dim):
    """({module name: built module}, {module name: CUDA source}) made from the IR."""
    if device == "cuda":
        from spdsl.codegen.cuda import kernels as cuda

        if kernel == "backward_inputs":  # the gradient variant: cuda/learnable.py
            from spdsl.codegen.cuda import learnable

            funcs = learnable.primfuncs(mask, score, head_dim=head_dim, dtype=dtype, config=config,
                                        input_decls=decls, v_head_dim=v_head_dim)
        elif kernel == "forward_paged":
            from spdsl.codegen.cuda.paged import paged_forward_primfunc

            func, _, _ = paged_forward_primfunc(mask, score, head_dim=head_dim, dtype=dtype, config=config,
                                                input_decls=decls, v_head_dim=v_head_dim)
            funcs = {"forward_paged": func}
        elif kernel == "forward":
            func, _, _ = cuda.forward_primfunc(mask, score, head_dim=head_dim, dtype=dtype,
                                               config=config, input_decls=decls, v_head_dim=v_head_dim)
            funcs = {"forward": func}
        else:
            (dq, dkdv), _, _ = cuda.backward_primfuncs(mask, score, head_dim=head_dim, dtype=dtype,
                                                      config=config, input_decls=decls,
                                                      v_head_dim=v_head_dim)
            funcs = {"dq": dq, "dkdv": dkdv}
        modules = {name: cuda.compile_primfunc(f, target) for name, f in funcs.items()}
        return modules, {name: cuda.module_source(m) for name, m in modules.items()}
    from spdsl.codegen.cpu import kernels as cpu

    if kernel == "forward_paged":
        from spdsl.codegen.cpu.paged import paged_forward_primfunc

        func, _ = paged_forward_primfunc(mask, score, head_dim, config, decls, dtype, v_head_dim)
        return {"forward_paged": cpu.compile_primfunc(func, target)}, {}
    funcs = cpu.primfuncs(mask, score, kernel=kernel, head_dim=head_dim, dtype=dtype,
                          config=config, input_decls=decls, v_head_dim=v_head_dim)
    return {name: cpu.compile_primfunc(f, target) for name, f in funcs.items()}, {}


def _wrap(modules, sources, mask, score, decls, *, kernel, head_dim, dtype, device, config, target,
          v_head_dim):
    from spdsl.codegen.common.lower import kernel_extras

    extras = kernel_extras(mask, score, decls)
    dv = {"v_head_dim": v_head_dim}
    if device == "cuda":
        from spdsl.codegen.cuda import kernels as cuda

        if kernel == "forward_paged":
            from spdsl.codegen.cuda.paged import CudaPagedForward

            return CudaPagedForward(modules["forward_paged"], extras, config, head_dim, dtype, target,
                                    source=sources["forward_paged"], **dv)
        if kernel == "forward":
            return cuda.CudaForward(modules["forward"], extras, config, head_dim, dtype, target,
                                    source=sources["forward"], **dv)
        if kernel == "backward_inputs":
            from spdsl.codegen.cuda.learnable import CudaInputGradBackward, grad_plan

            return CudaInputGradBackward(modules, extras, config, head_dim, dtype, target,
                                         grad_plan(mask, score, decls), sources=sources, **dv)
        return cuda.CudaBackward(modules, extras, config, head_dim, dtype, target, sources=sources, **dv)
    from spdsl.codegen.cpu import kernels as cpu

    if kernel == "forward":
        return cpu.ForwardKernel(modules["forward"], extras, config, head_dim, dtype, **dv)
    if kernel == "backward_inputs":
        from spdsl.codegen.common.input_grads import plan
        from spdsl.codegen.common.signature import ExprLowerer, SizeVars, make_signature

        sv = SizeVars.fresh()  # the plan of the score exactly as the kernel lowered it
        ex = ExprLowerer(mask, score, sv, make_signature(mask, score, sv, decls))
        return cpu.InputGradBackward(modules["dq_inputs"], modules["dkdv"], extras, config, head_dim,
                                     plan(ex.score), dtype=cpu.backward_dtype(kernel, dtype, config, head_dim,
                                                                              v_head_dim), **dv)
    if kernel == "forward_paged":
        from spdsl.codegen.cpu.paged import PagedForwardKernel

        return PagedForwardKernel(modules["forward_paged"], extras, config, head_dim, dtype, **dv)
    return cpu.BackwardKernels(modules["dq"], modules["dkdv"], extras, config, head_dim,
                               dtype=cpu.backward_dtype(kernel, dtype, config, head_dim, v_head_dim),
                               fused_module=modules.get("dqkv"), **dv)


def clear_memo() -> None:
    """Forget this process's builds (the next build loads from disk or builds)."""
    with _LOCK:
        _MEMO.clear()
