"""The A/B sweep: each sparsity level of a pattern against the dense model, in one run.

For every level (a binding of the pattern's parameters, e.g. ``window=64, 128, 256``) the
model runs on the same segments of real text with the pattern on its attention layers
(``spdsl.integrations.transformers.use``), and the sweep measures:

- ``density``: the share of (query, key) pairs the pattern keeps (``Pattern.explain``,
  over the segments' lengths and the model's heads; the dense rows show the model's own
  pattern: 1 for an encoder, about one half for a causal model);
- ``blocks``: the share of (query block, key block) pairs the kernels visit: their work;
- ``attention_s`` / ``model_s``: seconds in the attention calls / in the whole forward
  pass over every segment (median of ``repeat`` timed passes after one untimed pass that
  builds the kernels); ``*_speedup`` against dense sdpa measured in the same run;
- quality against the dense model. A causal LM: perplexity of the text and the KL
  divergence KL(dense || level) of the next-token distributions (mean over tokens, nats);
  an encoder: cosine between dense and sparse mean-pooled segment embeddings (mean and
  worst) and nearest-neighbour agreement (the top-1 / top-5 neighbours of each segment
  among the others, dense against sparse).

The quality reference is the dense model run through spdsl's own kernels (its built-in
pattern: no mask for an encoder, causal for a decoder), so the quality columns measure
sparsity alone, not rounding: a level at full density gives KL 0 and cosine 1. The row
``dense (sdpa)`` shows how far sdpa itself is from that reference (float rounding).
``loss`` is KL (causal) or 1 - mean cosine (encoder); ``pick(max_loss)`` names the
sparsest level within it.
"""

from __future__ import annotations

import contextvars
import itertools
import math
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field

import numpy as np

from spdsl.choose import models as M

SPDSL_TIMED = "spdsl-sweep"
SDPA_TIMED = "sdpa-sweep"
MAX_LOGPROB_ELEMENTS = 1 << 28     # the dense next-token log-probs kept for the KL (float32: 1 GiB)


@dataclass
class Level:
    name: str                      # "dense (sdpa)", "dense (spdsl)" or "window=64, globals=4"
    params: dict                   # the level's parameter values ({} for dense)
    density: float
    blocks: float                  # share of (query block, key block) pairs the kernels visit
    attention_s: float
    model_s: float
    attention_speedup: float       # dense sdpa attention time / this level's
    model_speedup: float
    loss: float                    # KL (causal) or 1 - cosine (encoder) against the dense reference
    quality: dict                  # perplexity, kl / cosine, cosine_min, nn_top1, nn_top5
    pareto: bool = False           # on the front of (speedup up, loss down), by attention time

    @property
    def is_dense(self) -> bool:
        return not self.params


@dataclass
class SweepReport:
    """One row a level (dense first); ``to_records()`` / ``to_frame()`` for a notebook."""

    pattern: str
    fixed: dict
    model: str
    kind: str
    segments: int
    tokens: int
    seq: int
    repeat: int
    levels: list[Level]
    warnings: list[str] = field(default_factory=list)

    def to_records(self) -> list[dict]:
        out = []
        for lv in self.levels:
            row = {k: v for k, v in asdict(lv).items() if k != "quality"}
            row.update(lv.quality)
            out.append(row)
        return out

    def to_frame(self):
        import pandas as pd
        return pd.DataFrame.from_records(self.to_records())

    def pick(self, max_loss: float) -> Level | None:
        """The sparsest level (lowest density; then the fastest) whose loss is within
        ``max_loss``; None when none is."""
        ok = [lv for lv in self.levels if not lv.is_dense and lv.loss <= max_loss]
        return min(ok, key=lambda lv: (lv.density, -lv.attention_speedup)) if ok else None

    def to_dict(self, max_loss: float | None = None) -> dict:
        out = {"pattern": self.pattern, "fixed": self.fixed, "model": self.model, "kind": self.kind,
               "segments": self.segments, "tokens": self.tokens, "seq": self.seq, "repeat": self.repeat,
               "loss": "kl" if self.kind == "causal" else "1 - cosine",
               "levels": self.to_records(), "warnings": self.warnings}
        if max_loss is not None:
            best = self.pick(max_loss)
            out["max_loss"] = max_loss
            out["pick"] = None if best is None else best.params
        return out

    def __str__(self) -> str:
        return format_table(self)


# ---- the public entry -------------------------------------------------------------------

def sweep(model, pattern, texts, *, levels, tokenizer=None, seq: int | None = None,
          max_segments: int | None = 16, batch: int = 4, repeat: int = 3, layers=None,
          kind: str | None = None, progress: bool | None = None, **params) -> SweepReport:
    """Quality and speed of each sparsity level of ``pattern`` on ``model`` and ``texts``.

    ``levels``: ``{"window": [64, 128, 256]}`` (several names: every combination) or a
    list of parameter dicts; ``params`` fix the others. ``model``, ``tokenizer``,
    ``texts``, ``seq``, ``max_segments``: as :func:`spdsl.choose.coverage.coverage`.
    ``layers``: which attention layers take the pattern (default all). ``repeat``: timed
    passes per level (the median is kept). ``progress``: a tqdm bar on stderr (default:
    when stderr is a terminal and tqdm is installed).

    >>> rep = sweep(path, "examples/longformer.spdsl", text, levels={"window": [32, 64, 128]}, globals=4)
    >>> print(rep); rep.pick(0.01)
    """
    import spdsl.integrations.transformers as st

    loaded = M.load_model(model, tokenizer=tokenizer, kind=kind)
    base = M.load_bound_pattern(pattern, params)
    grid = level_grid(levels)
    bound = [base.bind(**lv) for lv in grid]          # a bad value fails now, before any run
    for b in bound:
        b.require_bound()
    mdl = loaded.model
    seq = seq or min(M.max_length(mdl) or 512, 512)
    segs = M.segments(texts, loaded.tokenizer, vocab_size=mdl.config.vocab_size, seq=seq,
                      max_segments=max_segments)
    if loaded.kind == "causal":
        vocab = mdl.config.vocab_size
        if sum(len(s) for s in segs) * vocab > MAX_LOGPROB_ELEMENTS:
            raise M.ModelError(f"{len(segs)} segments x {vocab:,} words of vocabulary is too many next-token "
                               "distributions to keep for the KL; lower max_segments or seq")
    _register()
    runs = 2 + len(grid)
    bar = progress_bar(progress, runs * (1 + repeat))
    device = next(mdl.parameters()).device
    batches = [(idx, ids.to(device)) for idx, ids in M.batches(segs, batch)]
    try:
        _clear_patterns(mdl)
        sdpa = _measure(mdl, SDPA_TIMED, batches, loaded.kind, repeat, bar, "dense (sdpa)")
        ref = _measure(mdl, SPDSL_TIMED, batches, loaded.kind, repeat, bar, "dense (spdsl)")
        measured = []
        for lv, pat in zip(grid, bound):
            st.use(mdl, pat, layers=layers)
            measured.append(_measure(mdl, SPDSL_TIMED, batches, loaded.kind, repeat, bar, level_label(lv)))
    finally:
        _clear_patterns(mdl)
        if bar is not None:
            bar.close()
    heads = mdl.config.num_attention_heads
    dense = density(st.layer_pattern(loaded.kind == "causal"), segs, heads)   # causal: about half
    rows = [_row("dense (sdpa)", {}, dense, sdpa, sdpa, ref, segs, loaded.kind),
            _row("dense (spdsl)", {}, dense, ref, sdpa, ref, segs, loaded.kind)]
    for lv, pat, run in zip(grid, bound, measured):
        rows.append(_row(level_label(lv), lv, density(pat, segs, heads), run, sdpa, ref, segs, loaded.kind))
    _mark_pareto(rows)
    report = SweepReport(pattern=base.name, fixed=dict(base.values), model=loaded.name, kind=loaded.kind,
                         segments=len(segs), tokens=sum(len(s) for s in segs), seq=seq, repeat=repeat,
                         levels=rows)
    report.warnings = _warnings(report, bound, seq)
    return report


def level_grid(levels) -> list[dict]:
    if isinstance(levels, dict):
        names = list(levels)
        values = [v if isinstance(v, (list, tuple)) else [v] for v in levels.values()]
        grid = [dict(zip(names, combo)) for combo in itertools.product(*values)]
    else:
        grid = [dict(lv) for lv in levels]
    if not grid or not all(grid):
        raise M.ModelError("a sweep needs at least one level: levels={'window': [64, 128, 256]}")
    return grid


def level_label(params: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in params.items())


# ---- timing -----------------------------------------------------------------------------

_ATTN_SECONDS: contextvars.ContextVar[list | None] = contextvars.ContextVar("spdsl_attn_seconds", default=None)


def _timed(fn):
    def attention(module, query, *args, **kwargs):
        box = _ATTN_SECONDS.get()
        if box is None:
            return fn(module, query, *args, **kwargs)
        _sync(query)
        t0 = time.perf_counter()
        out = fn(module, query, *args, **kwargs)
        _sync(out[0])
        box[0] += time.perf_counter() - t0
        return out
    return attention


def _sync(t) -> None:
    if t.is_cuda:
        import torch
        torch.cuda.synchronize(t.device)


def _register() -> None:
    from transformers import AttentionInterface, AttentionMaskInterface
    from transformers.integrations.sdpa_attention import sdpa_attention_forward
    from transformers.masking_utils import sdpa_mask
    import spdsl.integrations.transformers as st

    AttentionInterface.register(SPDSL_TIMED, _timed(st.attention_forward))
    AttentionMaskInterface.register(SPDSL_TIMED, st.spdsl_mask)
    AttentionInterface.register(SDPA_TIMED, _timed(sdpa_attention_forward))
    AttentionMaskInterface.register(SDPA_TIMED, sdpa_mask)


def _clear_patterns(model) -> None:
    """Undo ``st.use``: every layer back to the pattern its config implies."""
    from spdsl.integrations.transformers import attention_modules

    for m in attention_modules(model):
        if hasattr(m, "spdsl_pattern"):
            del m.spdsl_pattern


@dataclass
class _Run:
    outputs: dict                  # segment index -> embedding [D] (encoder) or log-probs [L, V] float32
    attention_s: float
    model_s: float


def _measure(model, impl: str, batches, kind: str, repeat: int, bar, label: str) -> _Run:
    """One untimed pass (kernels built, outputs kept), then ``repeat`` timed passes."""
    import torch

    outputs: dict = {}
    attn, whole = [], []
    with torch.no_grad(), M.implementation(model, impl):
        for r in range(1 + repeat):
            if bar is not None:
                bar.set_postfix_str(label + (" (building)" if r == 0 else ""), refresh=False)
            box = [0.0]
            token = _ATTN_SECONDS.set(box)
            try:
                t0 = time.perf_counter()
                for idx, ids in batches:
                    out = model(input_ids=ids)
                    if r == 0:
                        _keep(outputs, idx, out, kind)
                if ids.is_cuda:
                    torch.cuda.synchronize(ids.device)
                elapsed = time.perf_counter() - t0
            finally:
                _ATTN_SECONDS.reset(token)
            if r:
                attn.append(box[0])
                whole.append(elapsed)
            if bar is not None:
                bar.update(1)
    if not repeat:
        attn, whole = [math.nan], [math.nan]
    return _Run(outputs, statistics.median(attn), statistics.median(whole))


def _keep(outputs: dict, idx, out, kind: str) -> None:
    import torch

    if kind == "causal":
        lp = torch.log_softmax(out.logits.float(), dim=-1).cpu()
        for j, i in enumerate(idx):
            outputs[i] = lp[j]
    else:
        h = out.last_hidden_state.double().mean(dim=1).cpu()      # no padding: every token is real
        h = torch.nn.functional.normalize(h, dim=-1)
        for j, i in enumerate(idx):
            outputs[i] = h[j]


# ---- quality ----------------------------------------------------------------------------

def _row(name, params, dens: tuple[float, float], run: _Run, sdpa: _Run, ref: _Run, segs, kind) -> Level:
    quality = (causal_quality if kind == "causal" else encoder_quality)(run.outputs, ref.outputs, segs)
    loss = quality["kl"] if kind == "causal" else 1.0 - quality["cosine"]
    return Level(name=name, params=dict(params), density=dens[0], blocks=dens[1], attention_s=run.attention_s, model_s=run.model_s,
                 attention_speedup=_ratio(sdpa.attention_s, run.attention_s),
                 model_speedup=_ratio(sdpa.model_s, run.model_s), loss=float(loss), quality=quality)


def _ratio(a: float, b: float) -> float:
    return a / b if b > 0 else math.nan


def causal_quality(got: dict, ref: dict, segs) -> dict:
    """Perplexity of the text under ``got`` (and under the dense reference), and the
    mean KL(ref || got) of the next-token distributions, in float64 from float32
    log-probs (identical runs give exactly 0)."""
    nll = ref_nll = kl = 0.0
    n_next = n_all = 0
    for i, ids in enumerate(segs):
        p, q = ref[i].double(), got[i].double()
        kl += float((p.exp() * (p - q)).sum())
        n_all += p.shape[0]
        target = ids[1:].view(-1, 1)
        nll -= float(q[:-1].gather(1, target).sum())
        ref_nll -= float(p[:-1].gather(1, target).sum())
        n_next += len(ids) - 1
    return {"perplexity": math.exp(nll / n_next) if n_next else math.nan,
            "dense_perplexity": math.exp(ref_nll / n_next) if n_next else math.nan,
            "kl": kl / n_all}


def encoder_quality(got: dict, ref: dict, segs) -> dict:
    """Cosine between each segment's embedding and the dense one (mean, worst), and
    nearest-neighbour agreement: the share of segments whose top-1 neighbour (among the
    other segments) is the same dense and sparse, and the mean overlap of the top-5."""
    import torch

    n = len(segs)
    a = torch.stack([ref[i] for i in range(n)])
    b = torch.stack([got[i] for i in range(n)])
    # unit vectors: cos = 1 - |a - b|^2 / 2, precise near 1 (where the levels worth
    # comparing are) and exactly 1 for identical embeddings
    cos = 1.0 - 0.5 * (a - b).pow(2).sum(-1)
    out = {"cosine": float(cos.mean()), "cosine_min": float(cos.min())}
    if n >= 2:
        out["nn_top1"] = _neighbour_agreement(a, b, 1)
        out["nn_top5"] = _neighbour_agreement(a, b, min(5, n - 1))
    return out


def _neighbour_agreement(a, b, k: int) -> float:
    def top(x):
        sim = x @ x.T
        sim.fill_diagonal_(-math.inf)
        return sim.topk(k, dim=-1).indices

    ta, tb = top(a), top(b)
    overlap = [len(set(ta[i].tolist()) & set(tb[i].tolist())) / k for i in range(a.shape[0])]
    return float(np.mean(overlap))


def density(pattern, segs, heads: int) -> tuple[float, float]:
    """(kept pairs / all pairs, visited blocks / all blocks), summed over the segments
    (one explain per length)."""
    lengths: dict[int, int] = {}
    for s in segs:
        lengths[len(s)] = lengths.get(len(s), 0) + 1
    kept = total = visited = blocks = 0
    for L, count in lengths.items():
        ex = pattern.explain(Lq=L, H=heads)
        kept += count * ex.nonzero_elements
        total += count * L * L * heads
        visited += count * (ex.full_blocks + ex.partial_blocks)
        blocks += count * (ex.full_blocks + ex.partial_blocks + ex.empty_blocks)
    return kept / total, visited / blocks


def _mark_pareto(rows: list[Level]) -> None:
    for r in rows:
        r.pareto = not any(o is not r and o.attention_speedup >= r.attention_speedup and o.loss <= r.loss
                           and (o.attention_speedup > r.attention_speedup or o.loss < r.loss) for o in rows
                           if not math.isnan(o.attention_speedup))


def sees_future(pattern, seq: int) -> bool:
    """Whether ``pattern`` lets a query see a later key within the first ``seq`` (at most
    256) positions: in a causal model the pattern replaces the model's own mask."""
    L = min(seq, 256)
    return bool(pattern.dense_mask(L, L).triu(1).any())


def _warnings(rep: SweepReport, bound, seq: int) -> list[str]:
    out = []
    if rep.kind == "causal":
        for pat in bound:
            if sees_future(pat, seq):
                out.append(f"{pat.name}({level_label(pat.values)}) lets queries see later keys: in a causal model "
                           "the pattern replaces the model's own mask, so write `causal and ...`")
                break
    return out


def progress_bar(progress: bool | None, total: int, desc: str = "sweep", unit: str = "pass"):
    """A tqdm bar on stderr, or None: ``progress`` None means when stderr is a terminal."""
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, leave=False)


# ---- the table --------------------------------------------------------------------------

def format_table(rep: SweepReport, max_loss: float | None = None) -> str:
    fixed = level_label(rep.fixed)
    lines = [f"sweep of {rep.pattern}({fixed}) on {rep.model} ({rep.kind}): {rep.segments} segments, "
             f"{rep.tokens:,} tokens (at most {rep.seq} a segment), median of {rep.repeat} timed passes",
             "quality against the dense model run by spdsl's kernels; speedups against dense sdpa, same run",
             ""]
    if rep.kind == "causal":
        qcols = [("perplexity", "ppl", "{:9.3f}"), ("kl", "KL", "{:9.2e}")]
    else:
        qcols = [("cosine", "cosine", "{:9.6f}"), ("cosine_min", "worst cos", "{:9.6f}"),
                 ("nn_top1", "NN top-1", "{:9.3f}"), ("nn_top5", "NN top-5", "{:9.3f}")]
    width = max(len(lv.name) for lv in rep.levels)
    head = (f"{'level':<{width}}  {'density':>7}  {'blocks':>6}  {'attn s':>8}  {'attn x':>6}  {'model s':>8}  {'model x':>7}  "
            + "  ".join(f"{label:>9}" for _, label, _ in qcols) + "  pareto")
    lines.append(head)
    for lv in rep.levels:
        q = "  ".join((fmt.format(lv.quality[k]) if k in lv.quality else f"{'-':>9}") for k, _, fmt in qcols)
        lines.append(f"{lv.name:<{width}}  {lv.density:7.2%}  {lv.blocks:6.1%}  {lv.attention_s:8.4f}  {lv.attention_speedup:6.2f}  "
                     f"{lv.model_s:8.4f}  {lv.model_speedup:7.2f}  {q}  {'*' if lv.pareto else ''}")
    if max_loss is not None:
        best = rep.pick(max_loss)
        what = "KL" if rep.kind == "causal" else "1 - cosine"
        lines.append("")
        lines.append(f"no level keeps {what} within {max_loss:g}" if best is None else
                     f"pick: {best.name} (density {best.density:.2%}, {what} {best.loss:.3g} <= {max_loss:g}, "
                     f"attention {best.attention_speedup:.2f}x, model {best.model_speedup:.2f}x)")
    if rep.warnings:
        lines += [""] + [f"warning: {w}" for w in rep.warnings]
    return "\n".join(lines)
