"""Attention over a paged KV cache (PagedAttention, as in vLLM and FlexAttention):
``attn(q, k_pages, v_pages, block_table=..., seq_lens=...)``.

Layout (chosen so that a key block of one head is one contiguous run of memory, as in the
unpaged [B, Hk, Lk, D] tensors):

    k_pages, v_pages   [n_pages, Hk, page_size, D]   (vLLM: [n_pages, page_size, Hk, D];
                                                     FlexAttention: [1, Hk, n_pages * page_size, D];
                                                     v_pages' last dim is v_head_dim)
    block_table        int32 / int64 [B, max_pages]  logical page p of sequence b is
                                                     physical page block_table[b, p]
    seq_lens           int tensor [B] (or an int)    sequence b's keys are its logical
                                                     rows 0 .. seq_lens[b] - 1

Positions (LANGUAGE.md): the pattern sees logical positions. Key row ``ki`` (logical key
index) is at ``k = ki + kv_offset`` (default 0) and query row ``qi`` at ``q = qi +
q_offset`` with ``q_offset`` by default ``seq_lens[b] - Lq`` for each batch element: the
queries are the last Lq keys of their own sequence (the new token when decoding, the new
chunk in chunked prefill, whose keys are already written to the cache). ``Lk`` in the
pattern (and in input shapes such as ``int[B, Lk]``) is the table's capacity,
``max_pages * page_size``, as for a static cache; keys at or beyond ``seq_lens[b]`` are
masked whatever the pattern says (their rows may hold anything, NaN included).

The kernels read K and V through the table (``codegen/common/paged.py``: the CPU kernel
``codegen/cpu/paged.py``, the CUDA forward with its paged flag ``codegen/cuda/paged.py``),
never gathering them: the pattern they read is the user's ``and ki < seq_lens[b]`` (a
hidden input), so the block layout, built by the interval analysis as for explicit
offsets, is exact per sequence. A key block must lie in one page: where ``page_size`` is
not a multiple of the compiled key block, a variant with the largest key block dividing
both is built on first use. With the default offsets, decoding steps share a layout: one
built for a query block tall enough for the next ``block_q - Lq + 1`` steps serves them
all (``_shared_layout_call``), so a decoding loop builds a layout once per that many
steps instead of at each (``benchmarks/paged_layout.py``).

Inference only: no gradient flows through a paged call (q, k_pages and v_pages must not
require grad). It runs on the device the attention was compiled for (device="cpu" or
"cuda"); block_table and seq_lens may be on either (they are read on the host to build
the layout).
"""

from __future__ import annotations

import math
from dataclasses import replace

from spdsl.errors import BindError
from spdsl.runtime.layouts import LayoutCache

SEQ_LENS = "paged_seq_lens"  # the hidden input (codegen/cpu/paged.py reads it by this name)
_KEY_LIMIT = """
pattern paged_keys {
    input paged_seq_lens : int[B]
    mask = ki < paged_seq_lens[b]
}
"""
_ANCHORS = 8  # decoding batches whose shared layouts are kept (``_shared_layout_call``)
_limit_pattern = None


def is_paged_call(attn, inputs: dict) -> bool:
    """Whether ``attn(..., **inputs)`` is a paged call (names the pattern does not use)."""
    return bool({"block_table", "seq_lens"} & (set(inputs) - set(attn.input_names)))


def paged_attention(attn, q, k_pages, v_pages, *, block_table=None, seq_lens=None, q_offset=None,
                    kv_offset=None, return_lse: bool = False, **inputs):
    """``attn`` (a CompiledAttention) over a paged KV cache; see the module docstring.
    Returns ``out`` [B, H, Lq, Dv] (and the float32 log-sum-exp [B, H, Lq] if
    ``return_lse``)."""
    import torch

    if block_table is None or seq_lens is None:
        raise ValueError("spdsl: a paged call needs both block_table= [B, max_pages] and seq_lens= [B]")
    if any(isinstance(t, torch.Tensor) and t.requires_grad for t in (q, k_pages, v_pages)):
        raise RuntimeError("spdsl: paged attention is inference only (no backward through the block "
                           "table): call it under torch.no_grad() or pass detached q, k_pages, v_pages")
    B, H, Lq, page_size, n_pages = _check_tensors(attn, q, k_pages, v_pages)
    table, lens = _check_table(block_table, seq_lens, B, page_size, n_pages)
    capacity = table.shape[1] * page_size
    if SEQ_LENS in attn.pattern.inputs:
        raise BindError(f"pattern '{attn.pattern.name}' declares an input '{SEQ_LENS}', a name the "
                        f"paged call reserves; rename it")
    from spdsl.ir.positions import offset_tensors

    default_offsets = q_offset is None and kv_offset is None
    if q_offset is None:
        q_offset = lens.to(torch.int64) - Lq
    try:
        offs = offset_tensors(q_offset, kv_offset, B, Lq, capacity)
    except (TypeError, ValueError) as exc:
        raise BindError(str(exc).removeprefix("spdsl: ")) from None
    names = set(attn.input_names)
    missing, extra = sorted(names - set(inputs)), sorted(set(inputs) - names)
    if missing or extra:
        problem = f"needs the input '{missing[0]}'" if missing else f"has no input '{extra[0]}'"
        raise BindError(f"pattern '{attn.pattern.name}' {problem}; its inputs: "
                        f"{', '.join(attn.input_names) or 'none'}")
    variant = _variant(attn, page_size)
    all_inputs = {**inputs, **offs, SEQ_LENS: lens.to(torch.int64)}
    shared = _shared_layout_call(attn, variant, Lq, lens, capacity) if default_offsets else None
    if shared is None:
        layout, kernel_inputs = _layout(attn, variant, B, H, Lq, capacity, all_inputs, q.device)
    else:  # one layout for several decoding steps; the kernel reads this step's lengths
        layout_lq, layout_inputs = shared
        layout, kernel_inputs = _layout(attn, variant, B, H, layout_lq, capacity,
                                        {**all_inputs, **layout_inputs}, q.device)
        kernel_inputs = {**kernel_inputs, **{n: t.to(device=q.device, dtype=torch.int32)
                                             for n, t in (*offs.items(), (SEQ_LENS, lens))}}
    if attn.device == "cpu":  # the CUDA wrapper reads aligned views in place
        q, k_pages, v_pages = (t.contiguous() for t in (q, k_pages, v_pages))
    out = torch.empty((B, H, Lq, v_pages.shape[-1]), dtype=q.dtype, device=q.device)
    lse = torch.empty((B, H, Lq), dtype=torch.float32, device=q.device)
    if block_table.device == q.device and block_table.dtype == torch.int32 and block_table.is_contiguous():
        table = block_table  # checked on the host; the kernel reads the caller's copy
    with torch.no_grad():
        variant["forward"](q, k_pages, v_pages, table, layout, scale=attn.scale,
                           inputs=kernel_inputs, out=out, lse=lse)
    return (out, lse) if return_lse else out


def paged_pattern(pattern):
    """``pattern`` over rows with explicit offsets, its mask ``and ki < paged_seq_lens[b]``."""
    global _limit_pattern
    if _limit_pattern is None:
        from spdsl.frontend.library import parse

        _limit_pattern = parse(_KEY_LIMIT)["paged_keys"]
    return pattern.restrict(_limit_pattern).at_rows(True)


def key_block_for(page_size: int, block_k: int, multiple: int = 4) -> int:
    """The key block of the paged kernel: ``block_k`` when it divides ``page_size``, else
    the largest divisor of both, which the kernels must take (a multiple of ``multiple``:
    4 on the CPU, 16 for the tensor-core kernels)."""
    if page_size % block_k == 0:
        return block_k
    g = math.gcd(page_size, block_k)
    if g % multiple:
        raise ValueError(f"spdsl: page_size {page_size} and the kernel's key block {block_k} share no "
                         f"key block the kernels can take (a multiple of {multiple} dividing both); "
                         f"use a page_size that is a multiple of {multiple}")
    return g


def _variant(attn, page_size: int) -> dict:
    """The paged rows pattern and forward kernel for this page size's key block (cached on
    ``attn``; built on first use through the one build road)."""
    from spdsl.analysis.overflow import kernel_int_width

    variants = attn.__dict__.setdefault("_paged_variants", {})
    cuda = attn.device == "cuda"
    tensor_cores = cuda and attn.config.uses_tensor_cores(str(attn.dtype).removeprefix("torch."))
    block_k = key_block_for(page_size, attn.config.block_k, 16 if tensor_cores else 4)
    v = variants.get(block_k)
    if v is None:
        if block_k == attn.config.block_k:
            config = attn.config
        elif cuda:
            config = replace(attn.config, block_k=block_k)
            try:
                config.check(attn.head_dim, str(attn.dtype).removeprefix("torch."), attn.v_head_dim)
            except ValueError as e:
                raise ValueError(f"spdsl: page_size {page_size} needs a key block of {block_k} (it must "
                                 f"lie in one page), which the CUDA kernels cannot take: {e}; use a "
                                 f"page_size that is a multiple of {attn.config.block_k}") from None
        else:
            config = replace(attn.config, block_k=block_k, key_tile=math.gcd(attn.config.key_tile, block_k),
                             bwd_key_tile=math.gcd(attn.config.bwd_key_tile, block_k))
        rows = paged_pattern(attn.pattern)
        made = attn._kernel_sets.build_result("forward_paged", rows, config,
                                              label=f"{attn.pattern.name} (paged)")
        v = {"rows": rows, "config": made.config, "forward": made.kernel,
             "int_width": kernel_int_width(rows.mask, rows.score),
             "layouts": LayoutCache((made.config.block_q, made.config.block_k))}
        variants[block_k] = v
    return v


def _shared_layout_call(attn, v: dict, Lq: int, lens, capacity: int):
    """(Lq, inputs) of a layout that serves this call and the next decoding steps, or None.

    With the default offsets the queries are the last Lq positions of each sequence, so
    the layout changes with seq_lens at every step. One query block of ``block_q`` rows
    covers the queries of ``steps = block_q - Lq + 1`` consecutive steps: the layout of
    that taller block, anchored at lengths ``s0`` (queries from ``s0 - Lq``, keys below
    ``s0 + steps - 1``), lists every key block that any call with lengths in ``[s0, s0 +
    steps)`` sees, and calls a block FULL only where it is full for each of them but for
    keys past the sequence, which the kernels mask and skip themselves (``common/paged.py``:
    their "edge" kind checks the sequence's length). A call reuses the latest anchor that
    covers every one of its lengths, else anchors a new layout at its own lengths: one
    layout build per ``steps`` decoding steps, whatever the batch. Not for inputs sized by
    Lq, for sequences shorter than Lq, or where the block would pass the table's capacity."""
    import torch

    block_q = v["config"].block_q
    steps = block_q - Lq + 1
    if steps < 2 or _reads_lq(v):
        return None
    anchors = v.setdefault("anchors", [])
    s0 = next((a for a in reversed(anchors) if a.shape == lens.shape and bool(((lens - a) >= 0).all())
               and bool(((lens - a) < steps).all()) and int(a.max()) + steps - 1 <= capacity), None)
    if s0 is None:
        if bool((lens < Lq).any()) or int(lens.max()) + steps - 1 > capacity:
            return None
        s0 = lens.clone()
        anchors.append(s0)
        del anchors[:-_ANCHORS]
    return block_q, {"q_offset": s0 - Lq, "kv_offset": torch.zeros_like(s0), SEQ_LENS: s0 + steps - 1}


def _reads_lq(v: dict) -> bool:
    """Whether the variant's layout depends on Lq itself (the mask or an index check reads
    it, or an input's shape does): a layout built for a taller query block would then be
    another pattern's. Found once per variant."""
    if "reads_lq" not in v:
        from spdsl.ir.nodes import free_vars

        rows = v["rows"]
        exprs = [rows.mask, *(chk.index for chk in rows.index_checks)]
        v["reads_lq"] = any("Lq" in free_vars(e) for e in exprs) or any(
            "Lq" in str(d) for decl in rows.inputs.values() for d in decl.dims)
    return v["reads_lq"]


def _layout(attn, v: dict, B: int, H: int, Lq: int, Lk: int, inputs: dict, device="cpu"):
    """(packed layout, kernel inputs on ``device``) of one paged call, from the variant's
    ``layouts.LayoutCache`` (keyed by the sizes and every input: seq_lens and offsets
    included)."""
    return v["layouts"].get(v["rows"], v["int_width"], None, B, H, Lq, Lk, inputs, str(device))


def _check_tensors(attn, q, k_pages, v_pages):
    """(B, H, Lq, page_size, n_pages) after checking types, shapes, dtypes and devices."""
    import torch

    for label, t in (("q", q), ("k_pages", k_pages), ("v_pages", v_pages)):
        if not isinstance(t, torch.Tensor):
            raise TypeError(f"spdsl: {label} must be a torch.Tensor, got {type(t).__name__}")
        if t.dim() != 4:
            shape = "[B, H, Lq, D]" if label == "q" else "[n_pages, Hk, page_size, D]"
            raise ValueError(f"spdsl: {label} must be 4-D {shape}, got shape {tuple(t.shape)}")
        if t.dtype != attn.dtype:
            raise TypeError(f"spdsl: {label} is {t.dtype}, but this kernel was compiled for {attn.dtype}")
        _check_device(attn, label, t)
    attn.check_head_dims(q, k_pages, v_pages, ("q", "k_pages", "v_pages"))
    if k_pages.shape[:-1] != v_pages.shape[:-1]:
        raise ValueError(f"spdsl: k_pages and v_pages must have the same shape up to the head dim, got "
                         f"{tuple(k_pages.shape)} and {tuple(v_pages.shape)}")
    B, H, Lq, _ = q.shape
    n_pages, Hk, page_size, _ = k_pages.shape
    if Hk < 1 or H % Hk:
        raise ValueError(f"spdsl: q has {H} heads and the pages {Hk}; grouped-query attention needs H % Hk == 0")
    if min(B, H, Lq, n_pages, page_size) < 1:
        raise ValueError(f"spdsl: empty tensor (q {tuple(q.shape)}, k_pages {tuple(k_pages.shape)})")
    return B, H, Lq, page_size, n_pages


def _check_device(attn, label: str, t) -> None:
    if t.device.type != attn.device:
        raise ValueError(f"spdsl: {label} is on {t.device}, but this kernel was compiled for '{attn.device}'")


def _check_table(block_table, seq_lens, B: int, page_size: int, n_pages: int):
    """(block table int32 [B, max_pages], seq_lens int64 [B]) after checking shapes, dtypes
    and values: 0 <= seq_lens[b] <= max_pages * page_size, and every page a sequence uses
    (logical pages below ceil(seq_lens[b] / page_size)) in range; entries past a sequence's
    last page are never read and may hold anything (-1, say)."""
    import torch

    if not isinstance(block_table, torch.Tensor):
        raise TypeError(f"spdsl: block_table must be an int tensor [B, max_pages], got "
                        f"{type(block_table).__name__}")
    if block_table.dtype not in (torch.int32, torch.int64, torch.int16, torch.uint8, torch.int8):
        raise TypeError(f"spdsl: block_table must be an int tensor [B, max_pages], got a "
                        f"{block_table.dtype} tensor")
    if block_table.dim() != 2 or block_table.shape[0] != B or block_table.shape[1] < 1:
        raise ValueError(f"spdsl: block_table must have shape [B, max_pages] with B = {B}, got "
                         f"{tuple(block_table.shape)}")
    if isinstance(seq_lens, int) and not isinstance(seq_lens, bool):
        seq_lens = torch.full((B,), seq_lens, dtype=torch.int64)
    if not isinstance(seq_lens, torch.Tensor) or seq_lens.dtype.is_floating_point \
            or seq_lens.dtype.is_complex or seq_lens.dtype == torch.bool:
        raise TypeError("spdsl: seq_lens must be an int or an int tensor [B]")
    if tuple(seq_lens.shape) != (B,):
        raise ValueError(f"spdsl: seq_lens must have shape [B] = ({B},), got {tuple(seq_lens.shape)}")
    lens = seq_lens.detach().to("cpu", torch.int64)
    table = block_table.detach().to("cpu", torch.int64)
    max_pages = table.shape[1]
    capacity = max_pages * page_size
    bad = (lens < 0) | (lens > capacity)
    if bool(bad.any()):
        b = int(bad.nonzero()[0, 0])
        raise ValueError(f"spdsl: seq_lens[{b}] = {int(lens[b])} is beyond the block table's capacity: "
                         f"{max_pages} pages of {page_size} keys hold at most {capacity}"
                         + (" (and it must not be negative)" if int(lens[b]) < 0 else ""))
    used = torch.arange(max_pages)[None, :] < ((lens + page_size - 1) // page_size)[:, None]
    wrong = used & ((table < 0) | (table >= n_pages))
    if bool(wrong.any()):
        b, p = (int(i) for i in wrong.nonzero()[0])
        raise ValueError(f"spdsl: block_table[{b}, {p}] = {int(table[b, p])} is not a page: k_pages "
                         f"has {n_pages} pages (0 .. {n_pages - 1}); sequence {b} uses logical pages "
                         f"0 .. {int((lens[b] + page_size - 1) // page_size) - 1}")
    return table.to(torch.int32).contiguous(), lens
