"""The reference: attention under a pattern in plain PyTorch, straight from the IR.

This is the oracle every kernel is checked against (in float64), and the definition of
what a pattern means (LANGUAGE.md, docs/semantics.md): scores ``scale * <q, k>``, rewritten
by the score expression, softmax over the keys the mask keeps, empty rows give 0 and lse
-inf; NaN propagates as in SDPA, and a masked key is never read (not even its value row).
"""

from __future__ import annotations


def check_qkv(q, k, v, *, name: str = "attention"):
    """Shapes (B, H, Hk, Lq, Lk, D) of SDPA-layout q/k/v, or a clear ValueError/TypeError.
    v's head dim may differ from q's and k's (FlexAttention's rule; the output takes it)."""
    import torch

    for label, t in (("q", q), ("k", k), ("v", v)):
        if not isinstance(t, torch.Tensor):
            raise TypeError(f"{name}: {label} must be a torch.Tensor, got {type(t).__name__}")
        if t.dim() != 4:
            raise ValueError(f"{name}: {label} must be 4-D [B, H, L, D] (SDPA layout), got shape {tuple(t.shape)}")
        if not t.dtype.is_floating_point:
            raise TypeError(f"{name}: {label} must be a float tensor, got {t.dtype}")
    if not (q.dtype == k.dtype == v.dtype):
        raise TypeError(f"{name}: q, k, v must share a dtype, got {q.dtype}, {k.dtype}, {v.dtype}")
    if not (q.device == k.device == v.device):
        raise ValueError(f"{name}: q, k, v must be on one device, got {q.device}, {k.device}, {v.device}")
    B, H, Lq, D = q.shape
    Bk, Hk, Lk, Dk = k.shape
    if k.shape[:-1] != v.shape[:-1]:
        raise ValueError(f"{name}: k and v must have the same shape up to the head dim, got {tuple(k.shape)} "
                         f"and {tuple(v.shape)}")
    if Bk != B:
        raise ValueError(f"{name}: batch sizes differ: q has {B}, k/v have {Bk}")
    if Dk != D:
        raise ValueError(f"{name}: head dims differ: q has {D}, k/v have {Dk}")
    if Hk < 1 or H % Hk:
        raise ValueError(f"{name}: q has {H} heads and k/v {Hk}; grouped-query attention needs H % Hk == 0")
    if min(B, H, Lq, Lk, D, v.shape[-1]) < 1:
        raise ValueError(f"{name}: empty tensor (shape q {tuple(q.shape)}, k {tuple(k.shape)})")
    return B, H, Hk, Lq, Lk, D


def index_env(B: int, H: int, Lq: int, Lk: int, device) -> dict:
    import torch

    ar = lambda n: torch.arange(n, dtype=torch.int64, device=device)
    return {"b": ar(B).view(B, 1, 1, 1), "h": ar(H).view(1, H, 1, 1),
            "qi": ar(Lq).view(1, 1, Lq, 1), "ki": ar(Lk).view(1, 1, 1, Lk),
            "B": B, "H": H, "Lq": Lq, "Lk": Lk}


def apply_score(pattern, s, env: dict, inputs: dict):
    """The pattern's score expression applied to raw scores ``s`` (autograd flows)."""
    from spdsl.analysis.evaluate import evaluate

    if pattern.score is None:
        return s
    out = evaluate(pattern.score, {**env, "score": s}, xp="torch", float_dtype=s.dtype,
                   inputs={n: t.to(s.device) for n, t in inputs.items()})
    return out.to(s.dtype).expand_as(s)


def reference_attention(pattern, q, k, v, *, scale=None, return_lse=False, q_offset=None,
                        kv_offset=None, **inputs):
    import torch

    B, H, Hk, Lq, Lk, D = check_qkv(q, k, v, name="reference_attention")
    scale = D ** -0.5 if scale is None else float(scale)
    sizes = pattern.sizes(Lq, Lk, H, B)
    # over rows from here on: q = qi + q_offset, k = ki + kv_offset (spdsl/ir/positions.py)
    pattern, arrays = pattern.rows_and_inputs(sizes, inputs, q_offset, kv_offset)
    from spdsl.analysis.overflow import require_exact
    require_exact(pattern, "int64", dict(B=B, H=H, Lq=Lq, Lk=Lk), arrays, "the reference")
    from spdsl.analysis.evaluate import dense_mask
    mask = dense_mask(pattern.mask, Lq, Lk, H, B, inputs=arrays).to(q.device)

    group = H // Hk
    kx = k.repeat_interleave(group, dim=1) if group > 1 else k
    vx = v.repeat_interleave(group, dim=1) if group > 1 else v
    s = torch.matmul(q, kx.transpose(-1, -2)) * scale
    env = index_env(B, H, Lq, Lk, q.device)
    # a float input that requires grad is read as given, so autograd reaches it (a
    # learnable bias, LANGUAGE.md 1.1); the checked copies are detached float32
    arrays = {**arrays, **{n: t for n, t in inputs.items() if n in arrays and isinstance(t, torch.Tensor)
                           and t.requires_grad and pattern.inputs[n].dtype == "float"}}
    if pattern.score is not None and s.requires_grad:
        # A masked key, or a score of -inf, takes no part: no gradient flows through its
        # score expression (whose derivative may be infinite there, log at 0, and would
        # turn the zero into NaN), as in the kernels.
        with torch.no_grad():
            dead = ~mask | (apply_score(pattern, s, env, arrays) == float("-inf"))
        s = torch.where(dead, s.detach(), s)
    s = apply_score(pattern, s, env, arrays)

    neg_inf = torch.tensor(float("-inf"), dtype=s.dtype, device=s.device)
    # Only the mask removes keys (a masked score is never read, even if NaN); a score of
    # -inf removes its key too; a NaN score, or +inf (inf - inf), makes the row NaN.
    s = torch.where(mask, s, neg_inf)
    m = s.amax(dim=-1, keepdim=True)
    # Empty rows: shift by 0 instead of -inf so exp gives 0, not NaN (and no NaN grads).
    m = torch.where(m == float("-inf"), torch.zeros_like(m), m).detach()
    zero = torch.zeros_like(s)
    e = torch.where(mask, torch.exp(s - m), zero)
    l = e.sum(dim=-1, keepdim=True)
    empty = l == 0
    p = torch.where(mask, e / torch.where(empty, torch.ones_like(l), l), zero)
    out = _visible_product(p, vx, mask)
    if not return_lse:
        return out
    lse = torch.where(empty, neg_inf, m + torch.log(l)).squeeze(-1)
    return out, lse


def _visible_product(p, v, mask):
    """``p @ v`` summed over visible keys only: a masked key's value row is never read,
    even where it holds NaN or inf (0 * NaN would be NaN in a plain product)."""
    import torch

    bad = ~torch.isfinite(v).all(dim=-1)                      # [B, H, Lk]
    if not bool(bad.any()):
        return torch.matmul(p, v)
    keys = bad.any(dim=0).any(dim=0).nonzero().flatten()      # keys non-finite somewhere
    good_v = v.index_fill(2, keys, 0.0)
    out = torch.matmul(p.index_fill(3, keys, 0.0), good_v)
    pk = p.index_select(3, keys)                              # [B, H, Lq, nk]
    mk = mask.expand_as(p).index_select(3, keys)
    vk = v.index_select(2, keys)                              # [B, H, nk, D]
    terms = pk.unsqueeze(-1) * vk.unsqueeze(2)                # [B, H, Lq, nk, D]
    terms = torch.where(mk.unsqueeze(-1), terms, torch.zeros_like(terms))
    return out + terms.sum(dim=3)
