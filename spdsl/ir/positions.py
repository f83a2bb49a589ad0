"""Positions to rows: the one place where ``q`` and ``k`` meet the call's offsets.

A checked pattern reads positions (``q = qi + q_offset``, ``k = ki + kv_offset``,
LANGUAGE.md "Positions"). Every later stage (interval analysis, reference, FlexAttention
export, kernels) binds row numbers only, so each first calls :func:`at_rows`, which
rewrites every ``q`` into ``qi + OQ`` and every ``k`` into ``ki + OK`` and gives each
``random_blocks`` its positions. The offsets are IR too:

* by default ``OQ = Lk - Lq`` and ``OK = 0``: sizes, known at call time, so the default
  needs no kernel argument and one kernel serves every length, decoding included;
* with offsets given at call time, ``OQ = q_offset[b]`` and ``OK = kv_offset[b]``: hidden
  int inputs declared ``int[B]`` (a Python int becomes a [B] tensor, see
  :func:`offset_tensors`). Their names are reserved, so no user input can clash.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spdsl.ir.nodes import INT, Binary, Const, Expr, Index, InputDecl, RandomBlocks, Span, Var, transform

Q_OFFSET, KV_OFFSET = "q_offset", "kv_offset"
OFFSET_NAMES = (Q_OFFSET, KV_OFFSET)
OFFSET_DECLS = {n: InputDecl(n, INT, ("B",)) for n in OFFSET_NAMES}


def default_offsets() -> tuple[Expr, Expr]:
    """``(Lk - Lq, 0)``: the queries are the last Lq positions of the keys."""
    return Binary("-", Var("Lk"), Var("Lq"), INT), Const(0, INT)


def input_offsets() -> tuple[Expr, Expr]:
    """``(q_offset[b], kv_offset[b])``, read from the hidden inputs."""
    return tuple(Index(OFFSET_DECLS[n], (Var("b"),)) for n in OFFSET_NAMES)


def offsets(explicit: bool) -> tuple[Expr, Expr]:
    return input_offsets() if explicit else default_offsets()


def at_rows(expr: Expr | None, oq: Expr, ok: Expr) -> Expr | None:
    """``expr`` over rows: ``q -> qi + oq``, ``k -> ki + ok``; random_blocks gets the
    same positions. Shared nodes are rewritten once (``ir.transform``). Every node put in
    for a position carries the span of the ``q``/``k`` (or ``random_blocks``) it replaces,
    so an error about it (an int overflow, say) still names ``file:line:col``."""
    if expr is None:
        return None

    def rewrite(e: Expr):
        if isinstance(e, Var) and e.name == "q":
            return _position("qi", oq, e.span)
        if isinstance(e, Var) and e.name == "k":
            return _position("ki", ok, e.span)
        if isinstance(e, RandomBlocks) and e.qpos is None:
            return RandomBlocks(e.r, e.size, e.seed, _position("qi", oq, e.span),
                                _position("ki", ok, e.span), shared=e.shared, past=e.past,
                                span=e.span, name=e.name)
        return None

    return transform(expr, rewrite)


def _position(row: str, off: Expr, span: Span | None) -> Expr:
    """``row + off``, every node of it located at ``span``."""
    if isinstance(off, Const) and off.value == 0:
        return Var(row, span=span)
    return Binary("+", Var(row, span=span), _located(off, span), INT, span=span)


def _located(e: Expr, span: Span | None) -> Expr:
    if span is None:
        return e
    return transform(e, lambda n: replace(n, span=span) if hasattr(n, "span") else None)


def offset_tensors(q_offset: Any, kv_offset: Any, B: int, Lq: int, Lk: int, device=None) -> dict:
    """The hidden inputs for explicit offsets: int64 tensors [B]. A Python int is
    broadcast; a missing offset takes its default (``Lk - Lq`` and ``0``)."""
    import torch

    out = {}
    for name, value, default in ((Q_OFFSET, q_offset, Lk - Lq), (KV_OFFSET, kv_offset, 0)):
        if value is None:
            value = default
        if isinstance(value, bool):
            raise TypeError(f"spdsl: {name} must be an int or an int tensor [B], got a bool")
        if isinstance(value, int):
            out[name] = torch.full((B,), value, dtype=torch.int64, device=device)
            continue
        if hasattr(value, "__array__") and not isinstance(value, torch.Tensor):
            value = torch.as_tensor(value)
        if not isinstance(value, torch.Tensor):
            raise TypeError(f"spdsl: {name} must be an int or an int tensor [B], got {type(value).__name__}")
        if value.dtype.is_floating_point or value.dtype.is_complex or value.dtype == torch.bool:
            raise TypeError(f"spdsl: {name} must be an int or an int tensor [B], got a {value.dtype} tensor")
        if value.dim() == 0:
            value = value.reshape(1).expand(B)
        if tuple(value.shape) != (B,):
            raise ValueError(f"spdsl: {name} must be an int or an int tensor of shape [B] = ({B},), "
                             f"got shape {tuple(value.shape)}")
        out[name] = value.to(torch.int64) if device is None else value.to(device=device, dtype=torch.int64)
    return out
