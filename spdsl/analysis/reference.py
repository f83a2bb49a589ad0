"""The reference: attention under a pattern in plain PyTorch, straight from the IR.

This is the oracle every kernel is checked against (in float64), and the definition of
what a pattern means (LANGUAGE.md): scores ``scale * <q, k>``, rewritten by the score
expression, softmax over the keys the mask keeps, empty rows give 0 and lse -inf.
"""

from __future__ import annotations


def check_qkv(q, k, v, *, name: str = "attention"):
    """Shapes (B, H, Hk, Lq, Lk, D) of SDPA-layout q/k/v, or a clear ValueError/TypeError."""
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
    if k.shape != v.shape:
        raise ValueError(f"{name}: k and v must have the same shape, got {tuple(k.shape)} and {tuple(v.shape)}")
    if Bk != B:
        raise ValueError(f"{name}: batch sizes differ: q has {B}, k/v have {Bk}")
    if Dk != D:
        raise ValueError(f"{name}: head dims differ: q has {D}, k/v have {Dk}")
    if Hk < 1 or H % Hk:
        raise ValueError(f"{name}: q has {H} heads and k/v {Hk}; grouped-query attention needs H % Hk == 0")
    if min(B, H, Lq, Lk, D) < 1:
        raise ValueError(f"{name}: empty tensor (shape q {tuple(q.shape)}, k {tuple(k.shape)})")
    return B, H, Hk, Lq, Lk, D


def index_env(B: int, H: int, Lq: int, Lk: int, device) -> dict:
    import torch

    ar = lambda n: torch.arange(n, dtype=torch.int64, device=device)
    return {"b": ar(B).view(B, 1, 1, 1), "h": ar(H).view(1, H, 1, 1),
            "q": ar(Lq).view(1, 1, Lq, 1), "k": ar(Lk).view(1, 1, 1, Lk),
            "B": B, "H": H, "Lq": Lq, "Lk": Lk}


def apply_score(pattern, s, env: dict, inputs: dict):
    """The pattern's score expression applied to raw scores ``s`` (autograd flows)."""
    from spdsl.analysis.evaluate import evaluate

    if pattern.score is None:
        return s
    out = evaluate(pattern.score, {**env, "score": s}, xp="torch", float_dtype=s.dtype,
                   inputs={n: t.to(s.device) for n, t in inputs.items()})
    return out.to(s.dtype).expand_as(s)


def reference_attention(pattern, q, k, v, *, scale=None, return_lse=False, **inputs):
    import torch

    B, H, Hk, Lq, Lk, D = check_qkv(q, k, v, name="reference_attention")
    scale = D ** -0.5 if scale is None else float(scale)
    sizes = pattern.sizes(Lq, Lk, H, B)
    arrays = pattern.check_inputs(sizes, inputs)
    from spdsl.analysis.evaluate import dense_mask
    mask = dense_mask(pattern.mask, Lq, Lk, H, B, inputs=arrays).to(q.device)

    group = H // Hk
    kx = k.repeat_interleave(group, dim=1) if group > 1 else k
    vx = v.repeat_interleave(group, dim=1) if group > 1 else v
    s = torch.matmul(q, kx.transpose(-1, -2)) * scale
    s = apply_score(pattern, s, index_env(B, H, Lq, Lk, q.device), arrays)

    neg_inf = torch.tensor(float("-inf"), dtype=s.dtype, device=s.device)
    s = torch.where(mask, s, neg_inf)
    m = s.amax(dim=-1, keepdim=True)
    # Empty rows: shift by 0 instead of -inf so exp gives 0, not NaN (and no NaN grads).
    m = torch.where(torch.isfinite(m), m, torch.zeros_like(m)).detach()
    p = torch.exp(s - m)
    l = p.sum(dim=-1, keepdim=True)
    safe_l = torch.where(l > 0, l, torch.ones_like(l))
    out = torch.matmul(p / safe_l, vx)
    if not return_lse:
        return out
    lse = torch.where(l > 0, m + torch.log(safe_l), neg_inf).squeeze(-1)
    return out, lse
