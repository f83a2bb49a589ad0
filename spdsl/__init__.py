"""spdsl: a compiler for attention sparsity.

Write a pattern in the spdsl language, check it, analyse its block layout, and run it as
attention: ``spdsl.load``/``spdsl.parse`` give a :class:`Library` of :class:`Pattern`s.

    >>> import spdsl
    >>> lib = spdsl.load("examples/sliding_window.spdsl")
    >>> pat = lib["sliding_window"].bind(window=128)
    >>> print(pat.explain(Lq=4096, H=8))

Importing spdsl imports neither torch nor TVM; they load where they are used.
"""

from spdsl.errors import BindError, CheckError, ParseError, PatternError
from spdsl.frontend.library import Library, load, parse
from spdsl.pattern import Pattern

from spdsl.version import VERSION as __version__


def reference_attention(pattern, q, k, v, *, scale=None, return_lse=False, q_offset=None,
                        kv_offset=None, **inputs):
    """Attention under ``pattern`` in plain PyTorch (the oracle every kernel is checked
    against). ``q``: [B, H, Lq, D]; ``k``: [B, Hk, Lk, D], ``v``: [B, Hk, Lk, Dv] with
    H % Hk == 0 (Dv may differ from D; the output is [B, H, Lq, Dv]).
    Any float dtype (float64 included); empty rows give 0 (log-sum-exp -inf).
    ``q_offset`` / ``kv_offset`` (an int or an int tensor [B]) place the rows at
    positions (LANGUAGE.md "Positions"; defaults ``Lk - Lq`` and ``0``).

    >>> out = spdsl.reference_attention(pat, q, k, v)
    """
    from spdsl.analysis.reference import reference_attention as _ref
    return _ref(pattern, q, k, v, scale=scale, return_lse=return_lse, q_offset=q_offset,
                kv_offset=kv_offset, **inputs)


def compile(pattern, *, head_dim, dtype=None, device="cpu", scale=None, config=None, target=None,
            cache=True, tune=False, seq=None, heads=8, v_head_dim=None, **params):
    """Compile a pattern into block-sparse attention kernels (forward and backward).

    Returns a callable ``attn(q, k, v, return_lse=False, **inputs)`` with SDPA's layout
    ([B, H, L, D]; k/v may have fewer heads). One build serves every length.
    ``v_head_dim``: v's (and the output's) head dim where it differs from q's and k's
    (as FlexAttention and MLA-style models allow: 192 and 128); default ``head_dim``. Without a
    ``config``, the tuning database's best config for this machine is used (if any);
    ``tune=True`` tunes first at ``seq`` and ``heads``. ``device="cuda"`` builds the GPU
    forward kernel (on any machine; it runs where there is a GPU).

    >>> attn = spdsl.compile(lib["sliding_window"], head_dim=64, dtype=torch.float32, window=512)
    >>> out = attn(q, k, v)
    """
    from spdsl.runtime.op import compile as _compile
    if tune and config is None:
        from spdsl.tune.search import tune as run_tune
        options = tune if isinstance(tune, dict) else {}  # e.g. {"trials": 8, "budget": 60}
        bound = pattern.bind(**params) if params else pattern
        run_tune(bound, seq=seq or 4096, heads=heads, head_dim=head_dim, dtype=dtype, progress=False,
                 device=device, v_head_dim=v_head_dim, **options)
    return _compile(pattern, head_dim=head_dim, dtype=dtype, device=device, scale=scale, config=config,
                    target=target, cache=cache, seq=seq, heads=heads, v_head_dim=v_head_dim, **params)


def coverage(model, pattern, texts, **kwargs):
    """How much of a model's dense attention (softmax mass, top-k keys) falls inside
    ``pattern``, per layer and head, on real ``texts`` (``spdsl.choose.coverage``)."""
    from spdsl.choose.coverage import coverage as _coverage
    return _coverage(model, pattern, texts, **kwargs)


def sweep(model, pattern, texts, *, levels, train: bool = False, **kwargs):
    """Quality and speed of sparsity ``levels`` against the dense model, measured in one
    run (``spdsl.choose.sweep``); ``train=True``: the training A/B, each level trained
    from scratch from the model's config (``spdsl.choose.train.train_sweep``)."""
    if train:
        from spdsl.choose.train import train_sweep
        return train_sweep(model, pattern, texts, levels=levels, **kwargs)
    from spdsl.choose.sweep import sweep as _sweep
    return _sweep(model, pattern, texts, levels=levels, **kwargs)


def SparseAttention(pattern, **kwargs):
    """An ``nn.Module`` wrapping :func:`compile`: ``forward(q, k, v, **inputs)``."""
    from spdsl.runtime.op import SparseAttention as _module
    return _module(pattern, **kwargs)


def __getattr__(name):
    # spdsl.distributed: context parallelism (spdsl/integrations/distributed.py), imported on first use
    if name == "distributed":
        from spdsl.integrations import distributed
        return distributed
    raise AttributeError(f"module 'spdsl' has no attribute {name!r}")


__all__ = ["compile", "SparseAttention", "coverage", "sweep", "PatternError", "ParseError", "CheckError", "BindError", "load", "parse", "Library",
           "Pattern", "reference_attention", "__version__"]
