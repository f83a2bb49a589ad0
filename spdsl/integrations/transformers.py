"""spdsl as an attention implementation of Hugging Face transformers (5.x).

    >>> import spdsl.integrations.transformers as st
    >>> st.register()                                    # attn_implementation="spdsl"
    >>> model = AutoModelForCausalLM.from_pretrained(path, attn_implementation="spdsl")
    >>> st.use(model, "examples/longformer.spdsl", layers=range(0, 12, 2), window=256)

``register()`` installs two things under one name, as transformers needs both: the
attention function, and a mask function. Without the second, transformers drops padding,
sliding windows and cache offsets before attention is called (it builds masks only for
names it knows).

Per layer the attention function reads what the model passes (``is_causal``,
``sliding_window``, ``softcap``, ``scaling``) and picks a built-in pattern:

- causal: ``mask = causal``; with a sliding window W: ``causal and q - k < W`` (a query
  sees W keys, itself included, as transformers' ``sliding_window_overlay``);
- bidirectional (encoders): no mask; with a window W: ``abs(q - k) <= W``;
- a softcap c: ``score = c * tanh(score / c)`` (Gemma-2).

Padding arrives from the mask function as a per-key flag that the pattern reads
(``keep[b, ki]``), with the queries' and keys' positions (``q_offset``, ``kv_offset``:
static and sliding caches), so batches with padding run block-sparse too. :func:`use` replaces the
built-in pattern of chosen layers with any pattern. Kernels are built the first time a
layer shape is seen, outside traced code (``torch.compile(fullgraph=True)`` works: the
build runs once while tracing, as a constant). ``use(model, context_parallel=group)`` runs
the layers over the ranks of a process group, each rank feeding its shard of the tokens
(``spdsl.distributed``, docs/distributed.md). Query rows that see no key give 0, as SDPA
(transformers' eager attention averages them instead). Attention dropout is not
implemented: a model in training mode with attention dropout > 0 gets a clear error.
"""

from __future__ import annotations

import itertools
import threading
from pathlib import Path
from typing import Any

import torch

NAME = "spdsl"
_MAGIC = 0x5D5D1         # the last element of an spdsl mask tensor: it is ours, not a user's
_KEEP_KEYS = "pattern keep_keys {\n    input keep : int[B, Lk]\n    mask = keep[b, ki] != 0\n}\n"
_UNSUPPORTED = ("s_aux", "sinks", "position_bias", "cu_seq_lens_q", "cu_seq_lens_k")

_LOCK = threading.Lock()
_COMPILED: dict[tuple, Any] = {}          # kernel spec -> CompiledAttention
_USER: dict[str, Any] = {}               # token -> bound user pattern (see use())
_tokens = itertools.count()


# ---- registration ------------------------------------------------------------------------

def register(name: str = NAME) -> None:
    """Make ``attn_implementation=name`` (default "spdsl") select spdsl's attention, for
    every model that goes through transformers' attention interface. Call it before
    ``from_pretrained`` or ``model.set_attn_implementation(name)``."""
    from transformers import AttentionInterface, AttentionMaskInterface

    AttentionInterface.register(name, attention_forward)
    AttentionMaskInterface.register(name, spdsl_mask)


def use(model, pattern=None, *, layers=None, name: str | None = None, context_parallel=None,
        sharding="contiguous", **params):
    """Let the attention layers ``layers`` (indices; default all) of ``model`` compute
    with ``pattern`` (a ``.spdsl`` path, or a :class:`spdsl.Pattern`) bound to ``params``,
    in place of the built-in pattern the model's config implies. Padding still applies.

    ``context_parallel=group`` (a torch.distributed process group, or ``True`` for the
    whole world) makes those layers context parallel (``spdsl.distributed``): each rank
    feeds its shard of the tokens, split by ``sharding`` (``"contiguous"``, ``"zigzag"``
    or a ``spdsl.distributed.Sharding``), with their ``position_ids``; ``False`` turns it
    off. Returns ``model``.

    >>> use(model, "examples/longformer.spdsl", layers=[0, 2, 4], window=256)
    >>> use(model, context_parallel=True, sharding="zigzag")
    """
    from spdsl.frontend.library import load

    if pattern is None and (params or context_parallel is None):
        raise ValueError("spdsl: use() needs a pattern, or context_parallel= to change only that")
    if isinstance(pattern, (str, Path)):
        lib = load(pattern)
        pattern = lib[_pick(lib, Path(pattern), name)]
    if params:
        pattern = pattern.bind(**params)
    if pattern is not None:
        pattern.require_bound()
    modules = attention_modules(model)
    if not modules:
        raise ValueError("spdsl: found no attention layers in this model (modules with a "
                         "'layer_idx' whose class name ends in 'Attention')")
    wanted = set(range(len(modules))) if layers is None else set(layers)
    unknown = sorted(wanted - set(range(len(modules))))
    if unknown:
        raise ValueError(f"spdsl: the model has attention layers 0..{len(modules) - 1}; "
                         f"no layer {unknown[0]}")
    token = None
    if pattern is not None:
        token = f"user-{next(_tokens)}"
        _USER[token] = pattern
    parallel = None if context_parallel in (None, False) else \
        (None if context_parallel is True else context_parallel, sharding)
    for i, module in enumerate(modules):
        if i in wanted:
            if token is not None:
                module.spdsl_pattern = token
            if context_parallel is not None:
                module.spdsl_context_parallel = parallel
    return model


def _pick(lib, path: Path, name: str | None) -> str:
    names = list(lib)
    if name is not None:
        if name not in names:
            raise ValueError(f"spdsl: {path} has no pattern '{name}'; it has: {', '.join(names)}")
        return name
    if len(names) == 1:
        return names[0]
    if path.stem in names:
        return path.stem
    raise ValueError(f"spdsl: {path} holds several patterns ({', '.join(names)}); pass name=...")


def attention_modules(model) -> list:
    """The model's attention modules in layer order (those with a ``layer_idx``)."""
    found = [m for m in model.modules()
             if type(m).__name__.endswith("Attention") and getattr(m, "layer_idx", None) is not None]
    return sorted(found, key=lambda m: m.layer_idx)


# ---- the mask function -------------------------------------------------------------------

def spdsl_mask(batch_size, q_length, kv_length, q_offset=0, kv_offset=0, mask_function=None,
               attention_mask=None, local_size=None, allow_is_causal_skip=True,
               allow_is_bidirectional_skip=False, dtype=None, config=None, use_vmap=False,
               device=None, **kwargs):
    """transformers' mask hook: None where nothing is masked beyond what the layer's own
    pattern says (no padding, default positions), else an int32 tensor
    ``[B, 1, 1, Lk + 3]``: per key 1 (keep) or 0 (padding or an unfilled cache slot), then
    ``q_offset``, ``kv_offset`` and a marker. Being a 4-D tensor, it survives ``generate``'s
    static-cache round trip, and it costs O(B * Lk), not O(B * Lq * Lk)."""
    plain = (isinstance(q_offset, int) and isinstance(kv_offset, int) and kv_offset == 0
             and q_offset == kv_length - q_length)
    if attention_mask is None and plain:
        return None
    if attention_mask is None:
        keep = torch.ones(batch_size, kv_length, dtype=torch.int32, device=device)
    else:
        keep = _keys_in_window(attention_mask, kv_length, kv_offset).to(torch.int32)
    qo = torch.as_tensor(q_offset, dtype=torch.int32, device=keep.device).reshape(-1, 1)
    ko = torch.as_tensor(kv_offset, dtype=torch.int32, device=keep.device).reshape(-1, 1)
    marker = torch.full((batch_size, 1), _MAGIC, dtype=torch.int32, device=keep.device)
    row = torch.cat([keep, qo.expand(batch_size, 1), ko.expand(batch_size, 1), marker], dim=1)
    return row.view(batch_size, 1, 1, kv_length + 3)


def _keys_in_window(attention_mask, kv_length: int, kv_offset) -> torch.Tensor:
    """The 2-D padding mask [B, seen] as a flag per key slot [B, kv_length]: slots past
    what the mask covers (unfilled static-cache slots) are not kept."""
    mask = attention_mask.bool()
    need = kv_length + (kv_offset if isinstance(kv_offset, int) else 0)
    if mask.shape[-1] < need:
        mask = torch.nn.functional.pad(mask, (0, need - mask.shape[-1]), value=False)
    if isinstance(kv_offset, int):
        return mask[:, kv_offset:kv_offset + kv_length]
    idx = torch.arange(kv_length, device=mask.device) + kv_offset
    return mask.gather(1, idx.expand(mask.shape[0], kv_length))


def _decode(mask, Lk: int):
    """(keep [B, Lk] int32 or None, q_offset [B], kv_offset [B]) from what reached the
    attention function."""
    if mask is None:
        return None, None, None
    if (isinstance(mask, torch.Tensor) and mask.dim() == 4 and mask.dtype == torch.int32
            and mask.shape[1] == 1 and mask.shape[2] == 1 and mask.shape[3] == Lk + 3):
        row = mask[:, 0, 0]
        return row[:, :Lk], row[:, Lk], row[:, Lk + 1]
    raise ValueError(
        "spdsl: this attention mask was not made by spdsl's mask function (a 4-D "
        f"{getattr(mask, 'dtype', type(mask).__name__)} mask of shape {tuple(getattr(mask, 'shape', ()))}); "
        "call spdsl.integrations.transformers.register() before loading the model, and "
        "express custom masks as a pattern (spdsl.integrations.transformers.use)")


# ---- the attention function --------------------------------------------------------------

def attention_forward(module, query, key, value, attention_mask, dropout: float = 0.0,
                      scaling: float | None = None, sliding_window: int | None = None,
                      softcap: float | None = None, is_causal: bool | None = None, **kwargs):
    """transformers' attention hook: q [B, H, Lq, D], k/v [B, Hk, Lk, D] (views, often
    transposed) -> ([B, Lq, H, D] contiguous, written so by the kernels
    (``out_layout="blhd"``), None)."""
    for kw in _UNSUPPORTED:
        if kwargs.get(kw) is not None:
            raise NotImplementedError(f"spdsl: the attention argument '{kw}' is not supported yet")
    if module.training and dropout and dropout > 0:
        raise NotImplementedError(
            f"spdsl: attention dropout ({dropout}) is not implemented; set the config's attention "
            "dropout to 0 (attention_dropout, or attention_probs_dropout_prob for BERT) to train")
    causal = bool(is_causal if is_causal is not None else getattr(module, "is_causal", True))
    if sliding_window is None:
        sliding_window = getattr(module, "sliding_window", None)
    keep, q_offset, kv_offset = _decode(attention_mask, key.shape[2])
    user = getattr(module, "spdsl_pattern", None)
    scale = float(scaling) if scaling is not None else query.shape[-1] ** -0.5
    spec = (user, causal,
            None if sliding_window is None else int(sliding_window),
            None if softcap is None else float(softcap), keep is not None, query.shape[-1],
            value.shape[-1], str(query.dtype).removeprefix("torch."), query.device.type, scale)
    parallel = getattr(module, "spdsl_context_parallel", None)
    if parallel is not None:
        return _context_parallel(spec, parallel, keep, query, key, value), None
    kernel = _kernel_id(*spec)
    # with a mask from spdsl_mask, the queries' and keys' positions come with it (a static
    # cache's queries are not the last Lq of its Lk slots; a sliding cache drops old keys)
    extra = [] if keep is None else [keep, q_offset.long(), kv_offset.long()]
    # the kernels write [B, Lq, H, D] directly, the layout the model's o_proj reads (no
    # transpose copy); the (transposed) q/k/v views go in as they are to the CUDA kernels,
    # and are copied once for the CPU ones (spdsl.runtime.op.kernel_view says why)
    from spdsl.runtime.op import kernel_view

    query, key, value = (kernel_view(t, query.device.type) for t in (query, key, value))
    out, _ = torch.ops.spdsl.attention(query, key, value, extra, kernel, scale, True)
    return out, None


def _context_parallel(spec: tuple, parallel: tuple, keep, query, key, value):
    """The layer's attention over the ranks of a process group (``spdsl.distributed``):
    each holds a shard of the sequence, as ``[B, Lq, H, D]`` for the model."""
    from spdsl.integrations import distributed

    if keep is not None:
        raise NotImplementedError(
            "spdsl: context parallelism runs whole sequences without padding or a KV cache (training, "
            "prefill): call the model with use_cache=False and no attention_mask")
    group, sharding = parallel
    out = distributed.attention(_compiled(*spec), query, key, value, group=group, sharding=sharding)
    return out.transpose(1, 2).contiguous()


@torch.compiler.assume_constant_result
def _kernel_id(user: str | None, causal: bool, window: int | None, softcap: float | None,
               padded: bool, head_dim: int, v_head_dim: int, dtype: str, device: str,
               scale: float) -> str:
    """The op id of the kernels for one layer shape, built the first time it is seen.
    Runs as a constant while torch.compile traces: nothing here is traced."""
    return _compiled(user, causal, window, softcap, padded, head_dim, v_head_dim, dtype, device, scale).id


def _compiled(user: str | None, causal: bool, window: int | None, softcap: float | None,
              padded: bool, head_dim: int, v_head_dim: int, dtype: str, device: str, scale: float):
    """The compiled op (``CompiledAttention``) for one layer shape, built on first use
    (``v_head_dim``: the values' head dim, narrower than q/k's in MLA-style models)."""
    spec = (user, causal, window, softcap, padded, head_dim, v_head_dim, dtype, device, scale)
    with _LOCK:
        hit = _COMPILED.get(spec)
        if hit is None:
            from spdsl.frontend.library import parse
            from spdsl.runtime.op import compile as compile_attention

            pattern = _USER[user] if user is not None else layer_pattern(causal, window, softcap)
            if padded:
                pattern = pattern.restrict(parse(_KEEP_KEYS, "<spdsl padding>")["keep_keys"])
            hit = compile_attention(pattern, head_dim=head_dim, v_head_dim=v_head_dim,
                                    dtype=getattr(torch, dtype), device=device, scale=scale)
            _COMPILED[spec] = hit
    return hit


def layer_pattern(causal: bool, window: int | None = None, softcap: float | None = None):
    """The built-in pattern of a layer (see the module's docstring)."""
    from spdsl.frontend.library import parse

    lines = []
    if causal and window is not None:
        lines.append(f"mask = causal and q - k < {int(window)}")
    elif causal:
        lines.append("mask = causal")
    elif window is not None:
        lines.append(f"mask = abs(q - k) <= {int(window)}")
    if softcap is not None:
        lines.append(f"score = {float(softcap)!r} * tanh(score / {float(softcap)!r})")
    text = "pattern layer {\n" + "".join(f"    {line}\n" for line in lines) + "}\n"
    return parse(text, "<spdsl transformers layer>")["layer"]
