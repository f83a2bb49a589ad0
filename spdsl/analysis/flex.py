"""The same pattern for PyTorch's FlexAttention: ``mask_mod`` and ``score_mod``.

FlexAttention calls these with scalar index tensors under vmap; the functions below
evaluate the pattern's IR with torch ops only (no Python branching on values), so they
trace under ``torch.compile`` as well.
"""

from __future__ import annotations

from spdsl.errors import BindError
from spdsl.ir.nodes import SIZE_VARS, free_vars, walk, RandomBlocks


def _sizes(pattern, exprs, Lq, Lk, H, B, inputs) -> dict:
    given = {"Lq": Lq, "Lk": Lk, "H": H, "B": B}
    # Sizes can be read off the inputs' shapes (an input declared [B, Lk] tells both).
    for name, decl in pattern.inputs.items():
        if name in inputs:
            for d, n in zip(decl.declared_dims, tuple(getattr(inputs[name], "shape", ()))):
                if isinstance(d, str) and given[d] is None:
                    given[d] = int(n)
    needed = set()
    for e in exprs:
        needed |= free_vars(e) & set(SIZE_VARS)
        if any(isinstance(n, RandomBlocks) for n in walk(e)):
            needed |= {"Lq", "Lk", "H"}
    missing = sorted(n for n in needed if given[n] is None)
    if missing:
        raise BindError(f"pattern '{pattern.name}' uses {', '.join(missing)}; pass "
                        f"{', '.join(m + '=...' for m in missing)} to build a FlexAttention mod")
    return {k: (v if v is not None else 1) for k, v in given.items()}


def _prepare(pattern, which, Lq, Lk, H, B, inputs):
    """(sizes, input tensors, random tables, the expression over rows). FlexAttention
    passes row indices (q_idx, kv_idx); the pattern reads positions, so its expression
    is rewritten by ``Pattern.at_rows``, with the offsets given as ``q_offset`` /
    ``kv_offset`` in ``inputs`` (their defaults otherwise)."""
    import torch
    from spdsl.analysis.evaluate import backend
    from spdsl.analysis.sizes import Sizes
    from spdsl.ir.positions import OFFSET_NAMES, offset_tensors

    backend("torch")  # built now: creating it inside a traced mod is a side effect dynamo rejects

    pattern.require_bound()
    inputs = dict(inputs)
    given = {n: inputs.pop(n) for n in OFFSET_NAMES if n in inputs and inputs[n] is not None}
    for n in OFFSET_NAMES:
        inputs.pop(n, None)
    rows = pattern.at_rows(bool(given))
    exprs = [rows.mask if which == "mask" else rows.score]
    # positions read with the default offsets need Lq and Lk (q = qi + Lk - Lq)
    sizes = _sizes(pattern, exprs, Lq, Lk, H, B, inputs)
    if given:
        inputs.update(offset_tensors(given.get("q_offset"), given.get("kv_offset"),
                                     sizes["B"], sizes["Lq"], sizes["Lk"]))
    arrays = rows.check_inputs(Sizes(**sizes), inputs) if rows.inputs else {}
    q_end = sizes["Lk"] if not given else int(arrays["q_offset"].max()) + sizes["Lq"]
    tables = {}
    for e in exprs:
        for n in walk(e):
            if isinstance(n, RandomBlocks):
                from spdsl.analysis.random_blocks import call_key, key_table, query_block_count
                key = call_key(n)
                size = key[1]
                nqb, nkb = query_block_count(size, sizes["Lk"], q_end), -(-sizes["Lk"] // size)
                tables[key] = torch.from_numpy(key_table(key, sizes["H"], nqb, nkb))
    return sizes, arrays, tables, exprs[0]


def to_mask_mod(pattern, *, Lq=None, Lk=None, H=None, B=None, inputs=None):
    from spdsl.analysis.evaluate import evaluate
    import torch

    sizes, arrays, tables, mask = _prepare(pattern, "mask", Lq, Lk, H, B, inputs or {})

    def mask_mod(b, h, q_idx, kv_idx):
        env = {"b": b, "h": h, "qi": q_idx, "ki": kv_idx, **sizes}
        dev = q_idx.device
        ins = {n: t.to(dev) for n, t in arrays.items()}
        tabs = {k: t.to(dev) for k, t in tables.items()}
        out = evaluate(mask, env, xp="torch", float_dtype=torch.float32, inputs=ins, random_tables=tabs)
        return out if isinstance(out, torch.Tensor) else torch.tensor(bool(out), device=dev)

    mask_mod.__name__ = f"spdsl_{pattern.name}_mask"
    return mask_mod


def to_score_mod(pattern, *, Lq=None, Lk=None, H=None, B=None, inputs=None):
    from spdsl.analysis.evaluate import backend, evaluate

    backend("torch")
    if pattern.score is None:
        def identity(score, b, h, q_idx, kv_idx):
            return score
        return identity
    sizes, arrays, _, expr = _prepare(pattern, "score", Lq, Lk, H, B, inputs or {})

    def score_mod(score, b, h, q_idx, kv_idx):
        env = {"b": b, "h": h, "qi": q_idx, "ki": kv_idx, "score": score, **sizes}
        ins = {n: t.to(score.device) for n, t in arrays.items()}
        return evaluate(expr, env, xp="torch", float_dtype=score.dtype, inputs=ins).to(score.dtype)

    score_mod.__name__ = f"spdsl_{pattern.name}_score"
    return score_mod
