"""``spdsl.compile``: a pattern as a PyTorch attention op (forward and backward).

The compiled callable is one op, ``torch.ops.spdsl.attention``, registered with
``torch.library.custom_op`` with a fake (meta) implementation and an autograd formula,
so it runs under ``torch.autograd`` and ``torch.compile(fullgraph=True)``. Each compiled
pattern registers its kernels under an id that the op receives as a constant string.

Per call, the block layout for the call's sizes and runtime inputs is built by the
interval analysis (never an L x L mask) and kept in a small LRU cache
(``spdsl/runtime/layouts.py``). The kernels, one set per offsets variant and per token
permutation, come through ``spdsl.codegen.build`` (one road, with the disk cache), each
built on first use (``spdsl/runtime/kernel_sets.py``).

Positions (LANGUAGE.md): with the default offsets one build serves every call; a call
that passes ``q_offset=`` / ``kv_offset=`` runs the explicit-offsets variant, which reads
them as two hidden int [B] inputs appended to the op's ``inputs`` list.

Token permutation (docs/permute.md): where the mask reads ``q % s`` / ``k % s``, each call
runs the residue-major order judged at its own lengths, and its backward its forward's.

Layouts: the kernels take q, k, v, the output and its gradient with any outer strides
(the head dim contiguous), so a batch-1 k/v is broadcast with a batch stride of 0 and
``out_layout="blhd"`` has the kernels write a [B, Lq, H, D] tensor directly. Which views
are read in place and which are copied first is :func:`kernel_view`'s choice.
"""

from __future__ import annotations

import hashlib
import logging
import threading

from spdsl.device import cuda_arch
from spdsl.dtypes import dtype_name
from spdsl.errors import BindError
from spdsl.ir.printer import input_text
from spdsl.runtime.kernel_sets import COMPILED, KernelSets
from spdsl.runtime.layouts import LayoutCache

log = logging.getLogger("spdsl")

_REGISTRY: dict[str, "CompiledAttention"] = {}
_LOCK = threading.Lock()
POISON_OUTPUTS = False     # set by the tests: outputs start as NaN so unwritten elements show


class CompiledAttention:
    """Block-sparse attention under one pattern; call it like SDPA.

    ``attn(q, k, v, **inputs)`` with ``q`` [B, H, Lq, D], ``k`` [B, Hk, Lk, D] and ``v``
    [B, Hk, Lk, Dv] (H % Hk == 0; Dv is ``v_head_dim``, by default D) returns ``out``
    [B, H, Lq, Dv]. ``q_offset=`` / ``kv_offset=`` (an int
    or an int tensor [B]) give the positions of the rows (defaults ``Lk - Lq`` and ``0``;
    LANGUAGE.md "Positions"). ``**inputs`` are the pattern's inputs; they may come in
    any dtype (a float input in bfloat16 is read as float32).

    ``return_lse=True`` also returns the log-sum-exp [B, H, Lq] (float32, -inf for rows
    that see no key). It is differentiable: d lse / d score = P, so its gradient enters
    the backward only through Delta (the dQ kernel computes rowsum(dO * O) - dlse, one
    read per row; zeros are passed when lse takes no gradient). Two attentions over
    disjoint key sets can so be merged by their lse and trained through, as context
    parallelism does::

        o1, l1 = attn(q, k1, v1, return_lse=True, q_offset=off, kv_offset=0)
        o2, l2 = attn(q, k2, v2, return_lse=True, q_offset=off, kv_offset=k1.shape[2])
        lse = torch.logaddexp(l1, l2)
        out = torch.exp(l1 - lse)[..., None] * o1 + torch.exp(l2 - lse)[..., None] * o2

    (guard rows where both are -inf). Rows that see no key get zero gradients whatever
    their lse's gradient.

    ``k`` and ``v`` may have batch 1 under a ``q`` of batch B (a shared prefix): they are
    expanded, a view with batch stride 0 that the kernels read in place (no copy), and
    autograd sums their gradients over the batch (the dK/dV kernel writes one [B, Hk, Lk,
    D] gradient, which the expand's backward reduces).

    ``out_layout="blhd"`` returns ``out`` as a contiguous [B, Lq, H, D] tensor (what
    transformers models want as attn_output), written there by the kernels with no
    transpose or copy; its gradient is read in that layout too. The default, ``"bhld"``,
    is SDPA's [B, H, Lq, D]. q, k and v may be any views (e.g. ``x.view(B, L, H,
    D).transpose(1, 2)``): the CUDA kernels read them in place when their rows are 16-byte
    aligned; the CPU kernels copy a transposed view once, before autograd saves it (it is
    faster than reading it strided, see :func:`kernel_view`).

    Paged KV cache (inference only; CPU and CUDA): ``attn(q, k_pages, v_pages, block_table=...,
    seq_lens=...)`` with pages [n_pages, Hk, page_size, D], ``block_table`` int
    [B, max_pages] and ``seq_lens`` [B]; the queries default to the last Lq positions of
    each sequence (``spdsl.runtime.paged``).
    """

    def __init__(self, pattern, *, head_dim: int, dtype, device: str, scale, config, target,
                 cache: bool, v_head_dim: int | None = None, permute: bool = True,
                 seq: int | None = None):
        import torch

        self.pattern = pattern
        self.head_dim = head_dim
        self.v_head_dim = head_dim if v_head_dim is None else v_head_dim
        self.dtype = getattr(torch, dtype_name(dtype))
        self.device = device
        self.scale = float(head_dim) ** -0.5 if scale is None else float(scale)
        if device == "cuda":
            from spdsl.codegen.cuda.config import CudaConfig as ScheduleConfig
        else:
            from spdsl.codegen.cpu.schedule import ScheduleConfig
        base = config or ScheduleConfig()
        if config is None and pattern.block_hint is not None:
            from dataclasses import replace
            base = replace(base, block_q=pattern.block_hint[0], block_k=pattern.block_hint[1])
        if config is None and device == "cuda":
            base = _cuda_fallback(base, head_dim, str(self.dtype).replace("torch.", ""),
                                  self.v_head_dim)
        self.config = base
        self.target = target
        self.use_cache = cache
        self.input_names = sorted(pattern.inputs)
        # float inputs the score reads: those that can be learnt (their gradient comes
        # from the backward's gradient variant, built only when a call asks for one)
        from spdsl.codegen.common.input_grads import learnable_inputs
        self.learnable = list(learnable_inputs(pattern.score))
        self._layouts = LayoutCache((base.block_q, base.block_k))
        # token permutation (spdsl/analysis/permute.py): CPU only, decided per call length
        permute = permute and device == "cpu" and not self.learnable
        self._kernel_sets = KernelSets(pattern, head_dim=head_dim, v_head_dim=self.v_head_dim,
                                       dtype=self.dtype, device=device, config=base, target=target,
                                       cache=cache, permute=permute, seq=seq)
        default = self._kernel_sets.variant(False)
        self._forward, self.int_width = default["forward"], default["int_width"]
        self.key, self.loaded_from_cache = self._kernel_sets.key, self._kernel_sets.loaded_from_cache
        self.id = f"{pattern.name}-{self._identity()}"
        _REGISTRY[self.id] = self

    def _identity(self) -> str:
        """The op's kernel id: a digest of everything that changes what a call computes
        (the build key covers the IR with its parameters, dtype, head_dim, config, target
        and device; the scale, inputs and int width are added), so two compiled callables
        share an id only when they compute the same function. v_head_dim is added only
        where it differs from head_dim (the ids of one head dim stay as they were)."""
        parts = (self.key, self.scale.hex(), self.device, str(self.dtype), str(self.head_dim),
                 repr(self.config), ",".join(self.input_names), self.int_width, str(self.target))
        if self.v_head_dim != self.head_dim:
            parts += (f"v{self.v_head_dim}",)
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:24]

    # ---- kernels (spdsl/runtime/kernel_sets.py) --------------------------------------

    @property
    def build_seconds(self) -> float:
        """Seconds spent building or loading this op's kernels so far (paged ones included)."""
        return self._kernel_sets.build_seconds

    @property
    def permutation(self):
        """The ``permute.Permutation`` judged at compile time (at ``seq=``, default 4096), whose
        forward kernel was built then (None: rows in order). Each call runs the one judged
        at its own lengths: :meth:`permutation_for`."""
        return self._kernel_sets.variants[False]["perm"]

    def permutation_for(self, Lq: int, Lk: int | None = None):
        """The ``permute.Permutation`` (None: rows in order) a call with ``Lq`` query rows and
        ``Lk`` key rows (default ``Lq``) and the default offsets runs, forward and backward.

        For ``causal and (q - k) % 128 == 0`` with 64 x 64 blocks: ``Permutation(q=128,
        k=128)`` at 4096, None at 1024 (the permuted grid's padding would compute more),
        ``Permutation(q=0, k=128)`` for a decoding call ``(1, 4096)``.
        """
        return self._kernel_sets.permutation_at(False, Lq, Lq if Lk is None else Lk)

    @property
    def cuda_source(self) -> str:
        """The CUDA C of the forward kernel (device="cuda" only)."""
        if self.device != "cuda":
            raise ValueError("cuda_source exists for device='cuda' builds")
        return self._forward.source

    @property
    def backward_kernels(self):
        return self._kernel_sets.backward_of(False)

    def kernels(self, explicit_offsets: bool = False, backward: bool = False, lengths=None):
        """(forward kernel, backward kernels or None) of the default-offsets or the
        explicit-offsets variant (``q_offset`` / ``kv_offset`` inputs), built on first use:
        for callers that run the kernels on layouts of their own (``spdsl.distributed``).
        ``lengths=(Lq, Lk)``: those a call of these lengths runs (their permutation,
        :meth:`permutation_for`, matches ``layout_for``'s layout); else the compile-time ones."""
        sets = self._kernel_sets
        perm = COMPILED if lengths is None else sets.permutation_at(explicit_offsets, *lengths)
        forward = sets.kernel_set(explicit_offsets, perm)["forward"]
        return forward, sets.backward_of(explicit_offsets, perm=perm) if backward else None

    # ---- layouts (spdsl/runtime/layouts.py) ------------------------------------------

    def layout_for(self, B: int, H: int, Lq: int, Lk: int, inputs: dict, device=None):
        """(packed layout, checked kernel inputs on ``device``, default the build's) for
        one call's sizes and inputs, over the grid of the permutation a call of these
        lengths runs (:meth:`permutation_for`); cached. ``inputs`` holding ``q_offset`` and
        ``kv_offset`` (int [B] tensors) selects the explicit-offsets variant."""
        return self._plan(B, H, Lq, Lk, inputs, device)[1:]

    def _plan(self, B: int, H: int, Lq: int, Lk: int, inputs: dict, device=None):
        """(permutation, packed layout, kernel inputs) of one call: :meth:`layout_for`."""
        from spdsl.ir.positions import Q_OFFSET

        device = str(device or self.device)
        explicit = Q_OFFSET in inputs
        v = self._kernel_sets.variant(explicit)
        perm = self._kernel_sets.permutation_at(explicit, Lq, Lk)
        return (perm, *self._layouts.get(v["rows"], v["int_width"], perm, B, H, Lq, Lk, inputs, device))

    # ---- calls -----------------------------------------------------------------------

    def __call__(self, q, k, v, *, return_lse: bool = False, out_layout: str = "bhld",
                 q_offset=None, kv_offset=None, **inputs):
        import torch

        for name, x in inputs.items():  # a Python number for an int[] / float[] / bool[] scalar
            decl = self.pattern.inputs.get(name)
            if decl is not None and decl.scalar and isinstance(x, (bool, int, float)):
                inputs[name] = torch.tensor(x)
        from spdsl.runtime.paged import is_paged_call, paged_attention
        if is_paged_call(self, inputs):  # k, v are pages: spdsl/runtime/paged.py
            return paged_attention(self, q, k, v, return_lse=return_lse, q_offset=q_offset,
                                   kv_offset=kv_offset, **inputs)
        _check_call(self, q, k, v, inputs)
        if out_layout not in OUT_LAYOUTS:
            raise ValueError(f"spdsl: out_layout must be one of {', '.join(map(repr, OUT_LAYOUTS))}, "
                             f"got {out_layout!r}")
        q, k, v = (kernel_view(t, self.device) for t in (q, k, v))
        if k.shape[0] != q.shape[0]:  # batch 1 under batch B: a stride-0 view, summed by autograd
            k, v = (t.expand(q.shape[0], *t.shape[1:]) for t in (k, v))
        extra = [inputs[n] for n in self.input_names]
        if q_offset is not None or kv_offset is not None:
            from spdsl.ir.positions import offset_tensors
            offs = offset_tensors(q_offset, kv_offset, q.shape[0], q.shape[2], k.shape[2],
                                  device=q.device if self.device != "cpu" else "cpu")
            extra += [offs["q_offset"], offs["kv_offset"]]
        out, lse = torch.ops.spdsl.attention(q, k, v, extra, self.id, self.scale,
                                             out_layout == "blhd")
        return (out, lse) if return_lse else out

    def _call_inputs(self, extra: list) -> tuple[bool, dict]:
        """(explicit offsets?, inputs by name) of the op's ``inputs`` list: the pattern's
        inputs in name order, then ``q_offset`` and ``kv_offset`` when given."""
        explicit = len(extra) == len(self.input_names) + 2
        names = self.input_names + (["q_offset", "kv_offset"] if explicit else [])
        return explicit, dict(zip(names, extra))

    def run_forward(self, q, k, v, extra: list, scale: float, blhd: bool = False):
        """The op's real implementation: validate values, build the layout, run. Returns
        (out, lse), out contiguous [B, H, Lq, Dv], or [B, Lq, H, Dv] when ``blhd``."""
        import torch

        # the op may be called directly (the transformers hook does): a v narrower or wider
        # than the kernels' would be read and written out of bounds
        self.check_head_dims(q, k, v)
        explicit, inputs = self._call_inputs(extra)
        B, H, Lq, _ = q.shape
        perm, *entry = self._plan(B, H, Lq, k.shape[2], inputs, q.device)
        forward = self._kernel_sets.kernel_set(explicit, perm)["forward"]
        out = torch.empty(_out_shape(q.shape, blhd, v.shape[-1]), dtype=q.dtype, device=q.device)
        lse = torch.empty((B, H, Lq), dtype=torch.float32, device=q.device)
        if POISON_OUTPUTS:  # tests: an element the kernel fails to write stays NaN
            out.fill_(float("nan"))
            lse.fill_(float("nan"))
        forward(q, k, v, entry[0], scale=scale, inputs=entry[1], out=_as_bhld(out, blhd), lse=lse)
        return out, lse

    def run_backward(self, q, k, v, out, lse, dout, extra: list, scale: float,
                     blhd: bool = False, dlse=None):
        """(dq, dk, dv) of one call; ``out`` and ``dout`` in the forward's out layout,
        ``dlse`` the gradient of lse or None. dk, dv are [B, Hk, Lk, D / Dv] even when k, v
        were broadcast over the batch (autograd's expand sums them)."""
        self.check_head_dims(q, k, v)
        explicit, inputs = self._call_inputs(extra)
        B, H, Lq, _ = q.shape
        # the forward's permutation: both are judged from (Lq, Lk) alone (permutation_at)
        perm, *entry = self._plan(B, H, Lq, k.shape[2], inputs, q.device)
        dout = kernel_view(_as_bhld(dout, blhd), self.device)
        backward = self._kernel_sets.backward_of(explicit, perm=perm)
        dq, dk, dv = backward(q, k, v, _as_bhld(out, blhd), lse, dout, entry[0], scale=scale,
                              inputs=entry[1], dlse=dlse)
        return dq.to(q.dtype), dk.to(k.dtype), dv.to(v.dtype)

    def run_backward_inputs(self, q, k, v, out, lse, dout, extra: list, scale: float,
                            blhd: bool = False, dlse=None):
        """:meth:`run_backward` plus the gradients of the learnable inputs
        (``self.learnable``, in that order; each in its input's dtype and shape)."""
        self.check_head_dims(q, k, v)
        explicit, inputs = self._call_inputs(extra)
        B, H, Lq, _ = q.shape
        perm, *entry = self._plan(B, H, Lq, k.shape[2], inputs, q.device)
        kernels = self._kernel_sets.backward_of(explicit, "backward_inputs", perm)
        dout = kernel_view(_as_bhld(dout, blhd), self.device)
        dq, dk, dv, grads = kernels(q, k, v, _as_bhld(out, blhd), lse, dout, entry[0], scale=scale,
                                    inputs=entry[1], dlse=dlse)
        # on the input's own device (a CPU bias may feed a CUDA call) and in its dtype
        dinputs = [grads[n].to(device=inputs[n].device, dtype=inputs[n].dtype) for n in self.learnable]
        return dq.to(q.dtype), dk.to(k.dtype), dv.to(v.dtype), dinputs

    def check_head_dims(self, q, k, v, labels=("q", "k", "v")) -> None:
        """ValueError unless q's and k's last dim is head_dim and v's v_head_dim (tensors
        named ``labels`` in the message, which names both dims)."""
        dims = f"head_dim={self.head_dim}"
        if self.v_head_dim != self.head_dim:
            dims += f" for q and k, v_head_dim={self.v_head_dim} for v"
        wanted = (self.head_dim, self.head_dim, self.v_head_dim)
        for label, t, want in zip(labels, (q, k, v), wanted):
            got = t.shape[-1]
            if got == want:
                continue
            hint = ""
            if label == labels[2] and self.v_head_dim == self.head_dim:
                hint = f" (a v head dim other than q's and k's needs spdsl.compile(..., v_head_dim={got}))"
            raise ValueError(f"spdsl: {label} has head dim {got}, but this kernel was compiled for {dims}{hint}")

    def __repr__(self) -> str:
        dv = f" v_head_dim={self.v_head_dim}" if self.v_head_dim != self.head_dim else ""
        return (f"<spdsl.CompiledAttention {self.pattern.name} head_dim={self.head_dim}{dv} "
                f"dtype={self.dtype} blocks={self.config.block_q}x{self.config.block_k}>")


def _cuda_fallback(config, head_dim: int, dtype: str, v_head_dim: int | None = None):
    """The default CudaConfig, or its CUDA-core variant where the tensor-core kernels cannot
    take this head_dim / block shape (head_dim not a multiple of 16, say): slower, but it
    runs, and the debug log says why."""
    from dataclasses import replace

    from spdsl.codegen.cuda.kernels import config_ok as cuda_config_ok

    if not config.uses_tensor_cores(dtype) or cuda_config_ok(config, head_dim, dtype, v_head_dim):
        return config
    simt = replace(config, tensor_cores=False)
    if cuda_config_ok(simt, head_dim, dtype, v_head_dim):
        log.debug("spdsl: the tensor-core kernels cannot take head_dim %d with blocks %dx%d; "
                  "using the CUDA-core kernels", head_dim, config.block_q, config.block_k)
        return simt
    return config  # neither builds: the build says why


OUT_LAYOUTS = ("bhld", "blhd")


def _out_shape(q_shape, blhd: bool, v_dim: int) -> tuple:
    B, H, Lq, _ = q_shape
    return (B, Lq, H, v_dim) if blhd else (B, H, Lq, v_dim)


def _as_bhld(t, blhd: bool):
    """A [B, Lq, H, Dv] tensor as the [B, H, Lq, Dv] view the kernels index (no copy)."""
    return t.transpose(1, 2) if blhd else t


def kernel_view(t, device: str):
    """``t`` ([B, heads, L, D]) as it goes to the kernels. The CUDA kernels read any view in
    place (their wrapper copies one whose rows are not 16-byte aligned). The CPU kernels
    read one in place only when each batch entry is contiguous (any batch stride: a
    broadcast k/v has 0); a transposed [B, L, H, D] view is copied: its rows lie H * D
    elements apart, a power-of-two stride at which a K/V block's rows share few L1 sets,
    and the kernels ran 20-24% slower reading it than the copy costs (H=8 D=64 L=4096:
    forward 102 vs 82 ms, backward 414 vs 343 ms, three copies 21 ms;
    ``benchmarks/runtime_layouts.py --strides-ab``)."""
    if device != "cpu":
        return t
    _, heads, length, dim = t.shape
    inner = (heads * length * dim, length * dim, dim, 1)
    if all(s == want or n == 1 for s, want, n in zip(t.stride()[1:], inner[1:], t.shape[1:])):
        return t
    return t.contiguous()


def _check_call(attn: CompiledAttention, q, k, v, inputs: dict) -> None:
    """Metadata checks before any kernel runs (traceable: no data is read here)."""
    import torch

    for label, t in (("q", q), ("k", k), ("v", v)):
        if not isinstance(t, torch.Tensor):
            raise TypeError(f"spdsl: {label} must be a torch.Tensor, got {type(t).__name__}")
        if t.dim() != 4:
            raise ValueError(f"spdsl: {label} must be 4-D [B, H, L, D] (SDPA layout), got shape {tuple(t.shape)}")
        if t.dtype != attn.dtype:
            raise TypeError(f"spdsl: {label} is {t.dtype}, but this kernel was compiled for {attn.dtype}")
        if t.device.type != attn.device:  # also catches CPU tensors given to a device="cuda" build
            raise ValueError(f"spdsl: {label} is on {t.device}, but this kernel was compiled for '{attn.device}'")
    attn.check_head_dims(q, k, v)
    if k.shape[:-1] != v.shape[:-1]:
        raise ValueError(f"spdsl: k and v must have the same shape up to the head dim, got {tuple(k.shape)} "
                         f"and {tuple(v.shape)}")
    if q.shape[0] != k.shape[0] and k.shape[0] != 1:
        raise ValueError(f"spdsl: batch sizes differ: q has {q.shape[0]}, k/v have {k.shape[0]} "
                         f"(k/v may have batch 1, broadcast over q's batch)")
    if k.shape[1] < 1 or q.shape[1] % k.shape[1]:
        raise ValueError(f"spdsl: q has {q.shape[1]} heads and k/v {k.shape[1]}; "
                         f"grouped-query attention needs H % Hk == 0")
    if min(q.shape[2], k.shape[2], q.shape[0], q.shape[1]) < 1:
        raise ValueError(f"spdsl: empty tensor (q {tuple(q.shape)}, k {tuple(k.shape)})")
    names = set(attn.input_names)
    extra = sorted(set(inputs) - names)
    if extra:
        raise BindError(f"pattern '{attn.pattern.name}' has no input '{extra[0]}'; its inputs: "
                        f"{', '.join(attn.input_names) or 'none'}")
    missing = sorted(names - set(inputs))
    if missing:
        d = attn.pattern.inputs[missing[0]]
        raise BindError(f"pattern '{attn.pattern.name}' needs the input '{d.name}' "
                        f"({input_text(d)}): pass {d.name}=tensor")
    for name in attn.input_names:
        if not isinstance(inputs[name], torch.Tensor):
            raise BindError(f"input '{name}' must be a torch.Tensor, got {type(inputs[name]).__name__}")
        if attn.device == "cpu" and inputs[name].device.type != "cpu":
            raise ValueError(f"spdsl: input '{name}' is on {inputs[name].device}; the CPU kernels need it on the CPU")


# ---- the op ---------------------------------------------------------------------------------

def _register_ops():
    import torch

    # Schemas are spelt out: this module uses postponed annotations, which infer_schema cannot read.
    # out is [B, H, Lq, Dv], or [B, Lq, H, Dv] when blhd (Dv: v's last dim); both contiguous.
    # k and v may be batch-broadcast views (stride 0): their gradients are per batch entry.
    @torch.library.custom_op("spdsl::attention", mutates_args=(), schema=(
        "(Tensor q, Tensor k, Tensor v, Tensor[] inputs, str kernel, float scale, bool blhd) "
        "-> (Tensor, Tensor)"))
    def attention(q, k, v, inputs, kernel, scale, blhd):
        return _REGISTRY[kernel].run_forward(q, k, v, list(inputs), scale, blhd)

    @attention.register_fake
    def _(q, k, v, inputs, kernel, scale, blhd):
        return q.new_empty(_out_shape(q.shape, blhd, v.shape[-1])), q.new_empty(q.shape[:3], dtype=torch.float32)

    @torch.library.custom_op("spdsl::attention_backward", mutates_args=(), schema=(
        "(Tensor q, Tensor k, Tensor v, Tensor out, Tensor lse, Tensor dout, Tensor? dlse, Tensor[] inputs, "
        "str kernel, float scale, bool blhd) -> (Tensor, Tensor, Tensor)"))
    def attention_backward(q, k, v, out, lse, dout, dlse, inputs, kernel, scale, blhd):
        return _REGISTRY[kernel].run_backward(q, k, v, out, lse, dout, list(inputs), scale, blhd, dlse)

    @attention_backward.register_fake
    def _(q, k, v, out, lse, dout, dlse, inputs, kernel, scale, blhd):
        return q.new_empty(q.shape), k.new_empty(k.shape), v.new_empty(v.shape)

    def setup_context(ctx, inputs, output):
        q, k, v, extra, kernel, scale, blhd = inputs
        out, lse = output
        ctx.save_for_backward(q, k, v, out, lse, *extra)
        ctx.kernel, ctx.scale, ctx.n_extra, ctx.blhd = kernel, scale, len(extra), blhd
        # the pattern's float inputs that require grad (learnable biases, LANGUAGE.md 1.1)
        ctx.learn = [t.requires_grad and t.dtype.is_floating_point for t in extra]

    def backward(ctx, dout, dlse):
        q, k, v, out, lse, *extra = ctx.saved_tensors
        if dout is None:
            dout = torch.zeros_like(out)
        if any(ctx.learn):  # a learnable input: the gradient variant (_backward_with_inputs)
            return _backward_with_inputs(ctx, q, k, v, out, lse, dout, dlse, extra)
        dq, dk, dv = torch.ops.spdsl.attention_backward(q, k, v, out, lse, dout, dlse, extra,
                                                         ctx.kernel, ctx.scale, ctx.blhd)
        return dq, dk, dv, [None] * ctx.n_extra, None, None, None

    @torch.library.custom_op("spdsl::attention_backward_inputs", mutates_args=(), schema=(
        "(Tensor q, Tensor k, Tensor v, Tensor out, Tensor lse, Tensor dout, Tensor? dlse, Tensor[] inputs, "
        "str kernel, float scale, bool blhd) -> (Tensor, Tensor, Tensor, Tensor[])"))
    def attention_backward_inputs(q, k, v, out, lse, dout, dlse, inputs, kernel, scale, blhd):
        return _REGISTRY[kernel].run_backward_inputs(q, k, v, out, lse, dout, list(inputs), scale, blhd,
                                                     dlse)

    @attention_backward_inputs.register_fake
    def _(q, k, v, out, lse, dout, dlse, inputs, kernel, scale, blhd):
        attn = _REGISTRY[kernel]
        names = dict(zip(attn.input_names, inputs))
        return (torch.empty_like(q), torch.empty_like(k), torch.empty_like(v),
                [torch.empty_like(names[n]) for n in attn.learnable])

    attention.register_autograd(backward, setup_context=setup_context)


def _backward_with_inputs(ctx, q, k, v, out, lse, dout, dlse, extra):
    """The op's backward when a float input requires grad: the gradient variant, its
    gradients placed at their inputs' positions (a float input only the mask reads gets
    zeros: the mask is piecewise constant)."""
    import torch

    attn = _REGISTRY[ctx.kernel]
    wanted = [n for n, learn in zip(attn.input_names, ctx.learn) if learn]
    if any(n in attn.learnable for n in wanted):
        dq, dk, dv, grads = torch.ops.spdsl.attention_backward_inputs(
            q, k, v, out, lse, dout, dlse, extra, ctx.kernel, ctx.scale, ctx.blhd)
        by_name = dict(zip(attn.learnable, grads))
    else:
        dq, dk, dv = torch.ops.spdsl.attention_backward(q, k, v, out, lse, dout, dlse, extra,
                                                         ctx.kernel, ctx.scale, ctx.blhd)
        by_name = {}
    dinputs = [None] * ctx.n_extra
    for i, (name, learn) in enumerate(zip(attn.input_names, ctx.learn)):
        if learn:
            dinputs[i] = by_name[name] if name in by_name else torch.zeros_like(extra[i])
    return dq, dk, dv, dinputs, None, None, None


_registered = False


def compile(pattern, *, head_dim: int, dtype=None, device: str = "cpu", scale: float | None = None,
            config=None, target=None, cache: bool = True, seq=None,
            heads: int = 8, v_head_dim: int | None = None, permute: bool = True,
            **params) -> CompiledAttention:
    """Compile ``pattern`` into block-sparse attention kernels for ``device``.

    ``params`` bind the pattern's parameters (``window=512``); ``config`` is a
    ``spdsl.codegen.ScheduleConfig`` (block sizes and tiles; for ``device="cuda"`` a
    ``CudaConfig``). Without one, the tuning database is consulted (the best config tuned
    on this machine, or for this GPU architecture, for this kernel, for the bucket of
    ``seq`` if given), else the defaults (the pattern's ``block`` hint is honoured).
    (``spdsl.compile(tune=...)`` tunes first, then calls this.)
    ``scale`` defaults to 1/sqrt(head_dim). One build serves every length and batch.
    ``v_head_dim``: the head dim of v and of the output where it differs from q's and k's
    (MLA-style models: 192 and 128); None: head_dim.
    ``permute``: let the CPU kernels visit queries and keys in residue-major order where
    the mask reads ``q % s`` / ``k % s`` and that cuts the computed blocks at least 1.5x,
    judged per call at the call's lengths (``attn.permutation_for(Lq, Lk)``; the kernels
    of each permutation are built on first use, those judged at ``seq``, default 4096,
    now); outputs and gradients stay in the caller's order (spdsl/analysis/permute.py,
    docs/permute.md). ``permute=False`` turns it off.

    >>> attn = spdsl.compile(lib["longformer"], head_dim=64, dtype=torch.float32, window=256)
    >>> out = attn(q, k, v)            # [B, H, L, D], autograd works
    """
    global _registered
    import torch

    if device not in ("cpu", "cuda"):
        raise ValueError(f"device '{device}' is not supported; use 'cpu' or 'cuda'")
    if device == "cuda" and target is None:
        target = cuda_arch()
    for name, dim in (("head_dim", head_dim), ("v_head_dim", head_dim if v_head_dim is None else v_head_dim)):
        if not isinstance(dim, int) or isinstance(dim, bool) or dim < 1:
            raise ValueError(f"{name} must be a positive int, got {dim!r}")
    if params:
        pattern = pattern.bind(**params)
    pattern.require_bound()
    if config is None:
        config = _tuned_config(pattern, head_dim, dtype or torch.float32, seq, heads, device,
                               target if device == "cuda" else None, v_head_dim)
    if config is None:  # the pattern's block hint is used: a located error if the kernels cannot take it
        pattern.check_kernel_block(device)
    with _LOCK:
        if not _registered:
            _register_ops()
            _registered = True
    return CompiledAttention(pattern, head_dim=head_dim, dtype=dtype or torch.float32, device=device,
                             scale=scale, config=config, target=target, cache=cache, v_head_dim=v_head_dim,
                             permute=permute, seq=seq)


def _tuned_config(pattern, head_dim, dtype, seq, heads, device="cpu", arch=None, v_head_dim=None):
    from spdsl.tune.db import config_for

    config, reason = config_for(pattern, head_dim, dtype, seq=seq, device=device, arch=arch,
                                v_head_dim=v_head_dim)
    log.debug("spdsl: %s head_dim=%d %s: %s", pattern.name, head_dim, dtype, reason)
    return config


def SparseAttention(pattern, **kwargs):
    """An ``nn.Module`` around :func:`compile`: ``forward(q, k, v, **inputs) -> out``."""
    import torch

    class _SparseAttention(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.attn = compile(pattern, **kwargs)

        def forward(self, q, k, v, **inputs):
            return self.attn(q, k, v, **inputs)

        def extra_repr(self) -> str:
            return repr(self.attn)

    return _SparseAttention()
