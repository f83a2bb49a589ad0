"""How much of a model's real attention a pattern keeps.

The model runs densely (sdpa) on real text; a hook sees every layer's queries and keys,
and, chunk of query rows by chunk, computes the dense softmax in float64 exactly as the
layer does (its scale, its own mask: causal, sliding window, padding; softcap) and
measures, for every layer and head:

- ``mean`` / ``worst``: the share of each query's softmax mass on keys the pattern keeps,
  averaged over queries, and at the worst query (where it is, too);
- ``topk_recall``: of each query's ``top_k`` heaviest keys, the share the pattern keeps;
- ``full`` / ``partial``: the mass on kept keys inside FULL blocks and inside PARTIAL
  blocks of the pattern's block layout (``full + partial == mean``): how much of what is
  kept the fast path (no mask evaluated) carries;
- ``empty_rows``: queries that see keys in the model but none under the pattern (spdsl
  gives them 0); ``leaked_rows``: queries for which the pattern keeps keys the model's
  own mask hides (future keys of a causal model: put ``causal and`` in the mask).

Memory: one chunk of rows x every key x heads in float64 at a time (``chunk``), never an
L x L matrix per head; a 16k-token segment fits.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

import numpy as np

from spdsl.choose import models as M

CHUNK_ELEMENTS = 1 << 22          # float64 scores per chunk (32 MiB), over batch x heads x rows x keys
MASK_CACHE_ELEMENTS = 1 << 26     # pattern masks of one pass's chunks kept for the next layers
MAP_SIDE = 256                    # the recorded attention maps are pooled to at most this many cells a side
FULL_KIND = 2                     # spdsl.analysis.intervals.FULL


@dataclass
class HeadCoverage:
    layer: int
    head: int
    mean: float                   # mean over queries of the dense mass the pattern keeps
    worst: float                  # that share at the worst query
    worst_segment: int            # where the worst query is: segment, and row in it
    worst_query: int
    topk_recall: float            # mean share of each query's top-k keys the pattern keeps
    full: float                   # mean mass on kept keys in FULL blocks
    partial: float                # ... in PARTIAL blocks (full + partial == mean)
    empty_rows: int               # queries the pattern leaves with no key
    leaked_rows: int              # queries the pattern lets see keys the model masks
    queries: int


@dataclass
class CoverageReport:
    """Per layer and head coverage (``heads``), worst first with :meth:`worst`;
    ``to_records()`` / ``to_frame()`` for a notebook, ``to_dict()`` for JSON."""

    pattern: str
    params: dict
    model: str
    kind: str
    segments: int
    tokens: int
    seq: int
    top_k: int
    block: tuple[int, int]
    warn_below: float | None
    heads: list[HeadCoverage]
    warnings: list[str] = field(default_factory=list)
    maps: dict | None = field(default=None, repr=False)   # (layer, head) -> pooled map; see plots.py

    @property
    def mean(self) -> float:
        """Mean coverage over every head's queries."""
        n = sum(h.queries for h in self.heads)
        return sum(h.mean * h.queries for h in self.heads) / n if n else float("nan")

    def worst(self, n: int = 10) -> list[HeadCoverage]:
        return sorted(self.heads, key=lambda h: (h.mean, h.worst))[:n]

    def grid(self, what: str = "mean") -> np.ndarray:
        """[layers, heads] of one statistic (NaN where a layer was not measured)."""
        layers = max(h.layer for h in self.heads) + 1
        width = max(h.head for h in self.heads) + 1
        out = np.full((layers, width), np.nan)
        for h in self.heads:
            out[h.layer, h.head] = getattr(h, what)
        return out

    def to_records(self) -> list[dict]:
        return [asdict(h) for h in self.heads]

    def to_frame(self):
        import pandas as pd
        return pd.DataFrame.from_records(self.to_records())

    def to_dict(self) -> dict:
        return {"pattern": self.pattern, "params": self.params, "model": self.model, "kind": self.kind,
                "segments": self.segments, "tokens": self.tokens, "seq": self.seq, "top_k": self.top_k,
                "block": list(self.block), "warn_below": self.warn_below, "mean": self.mean,
                "worst_heads": [[h.layer, h.head] for h in self.worst(10)],
                "heads": self.to_records(), "warnings": self.warnings}

    def __str__(self) -> str:
        return format_report(self)


# ---- the public entry -------------------------------------------------------------------

def coverage(model, pattern, texts, *, tokenizer=None, top_k: int = 8, block=None, seq: int | None = None,
             max_segments: int | None = 16, batch: int = 4, layers=None, warn_below: float | None = 0.9,
             chunk: int | None = None, maps: bool = False, kind: str | None = None,
             inputs: dict | None = None, **params) -> CoverageReport:
    """How much of ``model``'s dense attention on ``texts`` falls inside ``pattern``.

    ``model``: a Hugging Face model folder, a config (``.json`` or object: random weights),
    or a loaded model (pass its ``tokenizer``, else text is read byte by byte).
    ``pattern``: a :class:`spdsl.Pattern`, a ``.spdsl`` path or ``FILE:NAME``, bound to
    ``params``. ``texts``: a string or a list of strings, each cut into segments of
    ``seq`` tokens (default the model's longest, at most 512), at most ``max_segments``.
    ``block``: the layout's block for the FULL/PARTIAL split (default the pattern's).
    ``layers``: which attention layers to measure (default all). ``chunk``: query rows
    per step (default: about 4M float64 scores). ``maps``: keep pooled attention maps
    of the first segment for :func:`spdsl.choose.plots.coverage_png`. ``inputs``: the
    pattern's runtime inputs, if it has any (shapes at the segment's sizes).

    >>> rep = coverage("all-MiniLM-L6-v2", "examples/longformer.spdsl", text, window=32, globals=4)
    >>> rep.mean, rep.worst(3)
    """
    import torch

    if top_k < 1:
        raise M.ModelError(f"top_k must be at least 1, got {top_k}")
    loaded = M.load_model(model, tokenizer=tokenizer, kind=kind)
    pat = M.load_bound_pattern(pattern, params)
    pat.require_bound()
    seq = seq or min(M.max_length(loaded.model) or 512, 512)
    segs = M.segments(texts, loaded.tokenizer, vocab_size=loaded.model.config.vocab_size, seq=seq,
                      max_segments=max_segments)
    bq, bk = pat.block_sizes(block)
    wanted = None if layers is None else set(layers)
    probe = _Probe(pat, inputs or {}, top_k=top_k, block=(bq, bk), chunk=chunk, maps=maps,
                   layer_of=M.layer_index(loaded.model), wanted=wanted)
    device = next(loaded.model.parameters()).device
    with torch.no_grad(), M.recording(loaded.model, probe):
        for idx, ids in M.batches(segs, batch):
            probe.segment_ids = idx
            loaded.model(input_ids=ids.to(device))
    heads = probe.results()
    if not heads:
        raise M.ModelError("no attention layer was measured: the model's attention does not go through "
                           "transformers' attention interface, or `layers` names none of its layers")
    report = CoverageReport(pattern=pat.name, params=dict(pat.values), model=loaded.name, kind=loaded.kind,
                            segments=len(segs), tokens=sum(len(s) for s in segs), seq=seq, top_k=top_k,
                            block=(bq, bk), warn_below=warn_below, heads=heads, maps=probe.maps or None)
    report.warnings = _warnings(report)
    return report


# ---- the probe: statistics per attention call -------------------------------------------

class _Tally:
    """Running sums for one layer's heads."""

    def __init__(self, H: int):
        z = lambda: np.zeros(H)
        self.mass, self.full, self.recall = z(), z(), z()
        self.queries = np.zeros(H, np.int64)
        self.empty = np.zeros(H, np.int64)
        self.leaked = np.zeros(H, np.int64)
        self.worst = np.full(H, np.inf)
        self.worst_at = np.zeros((H, 2), np.int64)


class _Probe:
    def __init__(self, pattern, inputs: dict, *, top_k: int, block, chunk, maps: bool, layer_of: dict,
                 wanted):
        self.pattern = pattern
        self.inputs = inputs
        self.top_k = top_k
        self.block = block
        self.chunk = chunk
        self.keep_maps = maps
        self.layer_of = layer_of
        self.wanted = wanted
        self.segment_ids: list[int] = []
        self.tallies: dict[int, _Tally] = {}
        self.maps: dict = {}
        self._kinds: dict = {}
        self._masks: dict = {}

    def __call__(self, module, query, key, attention_mask, kwargs):
        import torch

        layer = self.layer_of.get(id(module))
        if layer is None or (self.wanted is not None and layer not in self.wanted):
            return
        B, H, Lq, _ = query.shape
        Lk = key.shape[2]
        tally = self.tallies.setdefault(layer, _Tally(H))
        scale = kwargs.get("scaling")
        scale = query.shape[-1] ** -0.5 if scale is None else float(scale)
        causal = kwargs.get("is_causal")
        causal = bool(getattr(module, "is_causal", False) if causal is None else causal)
        window = kwargs.get("sliding_window") or getattr(module, "sliding_window", None)
        softcap = kwargs.get("softcap")
        rows_pat, arrays = self._rows(B, H, Lq, Lk)
        kinds = self._kind_table(B, H, Lq, Lk)
        q = query.detach().to(torch.float64)
        k = key.detach().to(torch.float64)
        if k.shape[1] != H:       # grouped-query attention: each key head serves H / Hk query heads
            k = k.repeat_interleave(H // k.shape[1], dim=1)
        step = self.chunk or max(1, CHUNK_ELEMENTS // max(1, B * H * Lk))
        b0 = self.segment_ids.index(0) if self.keep_maps and 0 in self.segment_ids else None
        record_map = b0 is not None and layer not in self.maps
        for r0 in range(0, Lq, step):
            r1 = min(Lq, r0 + step)
            visible = model_mask(attention_mask, causal, window, Lq, Lk, r0, r1, q.device)
            kept, full = self._chunk_masks(rows_pat, arrays, kinds, B, H, Lq, Lk, r0, r1)
            kept, full = kept.to(q.device), full.to(q.device)
            s = torch.matmul(q[:, :, r0:r1], k.transpose(-1, -2)) * scale
            if softcap:
                s = softcap * (s / softcap).tanh()
            p = softmax_where(s, visible)
            self._tally(tally, p, visible, kept, full, r0)
            if record_map:
                self._record_map(layer, p[b0], kept.expand(B, H, r1 - r0, Lk)[b0], r0, Lq, Lk)

    def _tally(self, tally: _Tally, p, visible, kept, full, r0: int) -> None:
        import torch

        B, H, c, Lk = p.shape
        # masks stay in their broadcast shapes (a pattern rarely depends on b or h):
        # only the products with p are full size
        has_key = visible.any(-1).expand(B, H, c)
        kept_seen = kept & visible
        mass = torch.linalg.vecdot(p, kept.to(p.dtype))
        in_full = torch.linalg.vecdot(p, (kept & full).to(p.dtype))
        kk = min(self.top_k, Lk)
        top_i = p.topk(kk, dim=-1).indices
        n_vis = visible.sum(-1, keepdim=True).clamp(max=kk).expand(B, H, c, 1)   # top-k among visible keys
        real = torch.arange(kk, device=p.device) < n_vis
        hits = (kept.expand(B, H, c, Lk).gather(-1, top_i) & real).sum(-1)
        recall = hits.to(p.dtype) / n_vis.squeeze(-1).clamp(min=1).to(p.dtype)
        empty = (has_key & ~kept_seen.any(-1)).expand(B, H, c)
        leaked = (kept & ~visible).any(-1).expand(B, H, c)
        w = has_key.to(p.dtype)
        tally.mass += (mass * w).sum((0, 2)).cpu().numpy()
        tally.full += (in_full * w).sum((0, 2)).cpu().numpy()
        tally.recall += (recall * w).sum((0, 2)).cpu().numpy()
        tally.queries += has_key.sum((0, 2)).cpu().numpy()
        tally.empty += empty.sum((0, 2)).cpu().numpy()
        tally.leaked += leaked.sum((0, 2)).cpu().numpy()
        masked = torch.where(has_key, mass, torch.full_like(mass, math.inf))   # [B, H, c]
        low = masked.permute(1, 0, 2).reshape(H, -1).min(-1)
        values = low.values.cpu().numpy()
        better = values < tally.worst
        for h in np.nonzero(better)[0]:
            b, row = divmod(int(low.indices[h]), c)
            tally.worst[h] = values[h]
            tally.worst_at[h] = (self.segment_ids[b], r0 + row)

    def _record_map(self, layer: int, p, kept, r0: int, Lq: int, Lk: int) -> None:
        """Pooled attention map and pattern of every head of the first segment: mean
        probability and kept fraction per cell of an at most MAP_SIDE x MAP_SIDE grid."""
        import torch

        H, c, _ = p.shape
        gq, gk = min(Lq, MAP_SIDE), min(Lk, MAP_SIDE)
        entry = self.maps.get(("building", layer))
        if entry is None:
            entry = {"attention": torch.zeros(H, gq, gk, dtype=torch.float64),
                     "kept": torch.zeros(H, gq, gk, dtype=torch.float64),
                     "cells": torch.zeros(gq, gk, dtype=torch.float64), "Lq": Lq, "Lk": Lk}
            self.maps[("building", layer)] = entry
        rb = (torch.arange(r0, r0 + c) * gq // Lq)
        kb = (torch.arange(Lk) * gk // Lk)
        for name, val in (("attention", p.cpu()), ("kept", kept.cpu().to(torch.float64))):
            cols = torch.zeros(H, c, gk, dtype=torch.float64).index_add_(2, kb, val)
            entry[name].index_add_(1, rb, cols)
        ones = torch.zeros(c, gk, dtype=torch.float64).index_add_(1, kb, torch.ones(c, Lk, dtype=torch.float64))
        entry["cells"].index_add_(0, rb, ones)
        if r0 + c == Lq:
            del self.maps[("building", layer)]
            cells = entry["cells"].clamp(min=1)
            self.maps[layer] = {"attention": (entry["attention"] / cells).numpy(),
                                "kept": (entry["kept"] / cells).numpy(), "Lq": Lq, "Lk": Lk}

    def _chunk_masks(self, rows_pat, arrays, kinds, B, H, Lq, Lk, r0, r1):
        """(pattern mask, FULL-block flags) of rows r0:r1; every layer of a pass asks for
        the same, so they are kept while they are small."""
        key = (B, H, Lq, Lk, r0, r1)
        hit = self._masks.get(key)
        if hit is None:
            hit = (pattern_rows(rows_pat, arrays, B, H, Lq, Lk, r0, r1), _full_elements(kinds, self.block, r0, r1, Lk))
            if any(k[:4] != key[:4] for k in self._masks):
                self._masks.clear()
            if sum(m.numel() for pair in self._masks.values() for m in pair) < MASK_CACHE_ELEMENTS:
                self._masks[key] = hit
        return hit

    def _rows(self, B, H, Lq, Lk):
        sizes = self.pattern.sizes(Lq, Lk, H, B)
        rows, arrays = self.pattern.rows_and_inputs(sizes, self.inputs)
        from spdsl.analysis.overflow import require_exact
        require_exact(rows, "int64", dict(B=B, H=H, Lq=Lq, Lk=Lk), arrays, "coverage")
        return rows, arrays

    def _kind_table(self, B, H, Lq, Lk):
        """FULL flags per (b, h, query block, key block), as a bool tensor (batch and head
        dims of size 1 where the layout does not depend on them)."""
        import torch

        key = (B, H, Lq, Lk)
        if key not in self._kinds:
            lay = self.pattern.layout(Lq, Lk, H=H, B=B, block=self.block, **self.inputs)
            nb, nh = (B if lay.depends_on_b else 1), (H if lay.depends_on_h else 1)
            table = np.stack([np.stack([lay.kinds(b, h) == FULL_KIND for h in range(nh)]) for b in range(nb)])
            self._kinds[key] = torch.from_numpy(table)
        return self._kinds[key]

    def results(self) -> list[HeadCoverage]:
        out = []
        for layer in sorted(self.tallies):
            t = self.tallies[layer]
            n = np.maximum(t.queries, 1)
            for h in range(len(t.queries)):
                out.append(HeadCoverage(
                    layer=layer, head=h, mean=float(t.mass[h] / n[h]),
                    worst=float(t.worst[h]) if np.isfinite(t.worst[h]) else float("nan"),
                    worst_segment=int(t.worst_at[h, 0]), worst_query=int(t.worst_at[h, 1]),
                    topk_recall=float(t.recall[h] / n[h]), full=float(t.full[h] / n[h]),
                    partial=float((t.mass[h] - t.full[h]) / n[h]), empty_rows=int(t.empty[h]),
                    leaked_rows=int(t.leaked[h]), queries=int(t.queries[h])))
        return out


# ---- masks and the softmax, one chunk of rows -------------------------------------------

def model_mask(attention_mask, causal: bool, window: int | None, Lq: int, Lk: int, r0: int, r1: int, device):
    """The keys the model itself lets rows ``r0:r1`` see, bool, broadcastable to
    [B, H, r1 - r0, Lk]: its 4-D mask (bool, or additive float), or without one causal
    (the queries are the last Lq positions) and the sliding window, as sdpa reads them."""
    import torch

    if attention_mask is not None:
        m = attention_mask[:, :, r0:r1, :Lk] if attention_mask.dim() == 4 else attention_mask[..., r0:r1, :Lk]
        if m.dtype == torch.bool:
            return m.to(device)
        return (m > torch.finfo(m.dtype).min / 2).to(device)
    qpos = torch.arange(r0, r1, device=device).view(-1, 1) + (Lk - Lq)
    kpos = torch.arange(Lk, device=device).view(1, -1)
    keep = torch.ones(r1 - r0, Lk, dtype=torch.bool, device=device)
    if causal and Lq > 1:
        keep &= kpos <= qpos
    if window:
        keep &= (qpos - kpos) < int(window)
    return keep.view(1, 1, r1 - r0, Lk)


def pattern_rows(rows, arrays: dict, B: int, H: int, Lq: int, Lk: int, r0: int, r1: int):
    """The pattern's mask for query rows ``r0:r1`` (bool, broadcastable to
    [B, H, r1 - r0, Lk]): the IR over rows evaluated at those rows only."""
    import torch
    from spdsl.analysis.evaluate import evaluate

    ar = lambda a, n: torch.arange(a, a + n, dtype=torch.int64)
    env = {"b": ar(0, B).view(B, 1, 1, 1), "h": ar(0, H).view(1, H, 1, 1),
           "qi": ar(r0, r1 - r0).view(1, 1, r1 - r0, 1), "ki": ar(0, Lk).view(1, 1, 1, Lk),
           "B": B, "H": H, "Lq": Lq, "Lk": Lk}
    out = evaluate(rows.mask, env, xp="torch", float_dtype=torch.float32, inputs=arrays)
    out = torch.as_tensor(out, dtype=torch.bool)
    while out.dim() < 4:
        out = out.unsqueeze(0)
    return out


def _full_elements(kinds, block, r0: int, r1: int, Lk: int):
    """Per element of rows ``r0:r1``: does it lie in a FULL block (bool [B|1, H|1, c, Lk])."""
    import torch

    bq, bk = block
    qb = torch.arange(r0, r1) // bq
    kb = torch.arange(Lk) // bk
    return kinds[:, :, qb][:, :, :, kb]


def softmax_where(s, visible):
    """Softmax over the visible keys; a row with none gives zeros (not NaN)."""
    import torch

    if not bool(visible.all()):
        s = s.masked_fill(~visible, -math.inf)
    p = torch.softmax(s, dim=-1)
    if not bool(visible.any(-1).all()):
        p = p.nan_to_num(0.0)
    return p


# ---- warnings and the table -------------------------------------------------------------

def _warnings(rep: CoverageReport) -> list[str]:
    out = []
    empty = [h for h in rep.heads if h.empty_rows]
    if empty:
        total = sum(h.empty_rows for h in empty)
        names = ", ".join(f"layer {h.layer} head {h.head} ({h.empty_rows})" for h in empty[:5])
        out.append(f"{total:,} query rows see no key under the pattern (spdsl gives them 0) in "
                   f"{len(empty)} heads: {names}{', ...' if len(empty) > 5 else ''}")
    leaked = [h for h in rep.heads if h.leaked_rows]
    if leaked:
        out.append(f"the pattern lets queries see keys the model's own mask hides ({len(leaked)} heads, "
                   f"e.g. layer {leaked[0].layer} head {leaked[0].head}: {leaked[0].leaked_rows:,} rows); "
                   + ("for a causal model write `causal and ...` in the mask: spdsl.integrations."
                      "transformers.use replaces the model's mask with the pattern" if rep.kind == "causal"
                      else "spdsl.integrations.transformers.use would let them through"))
    if rep.warn_below is not None:
        low = [h for h in rep.worst(len(rep.heads)) if h.mean < rep.warn_below]
        if low:
            names = ", ".join(f"layer {h.layer} head {h.head} ({h.mean:.3f})" for h in low[:5])
            out.append(f"{len(low)} of {len(rep.heads)} heads keep less than {rep.warn_below:g} of the dense "
                       f"attention mass: {names}{', ...' if len(low) > 5 else ''}")
    return out


def format_report(rep: CoverageReport, worst: int = 10) -> str:
    params = ", ".join(f"{k}={v}" for k, v in rep.params.items())
    lines = [f"coverage of {rep.pattern}({params}) on {rep.model} ({rep.kind}): {rep.segments} segments, "
             f"{rep.tokens:,} tokens (at most {rep.seq} a segment), blocks {rep.block[0]}x{rep.block[1]}",
             f"mean over all heads: {rep.mean:.4f} of the dense softmax mass",
             "",
             f"{'layer':>5}  {'mean':>6}  {'worst q':>7}  {'top-' + str(rep.top_k):>6}  {'FULL':>6}  "
             f"{'PARTIAL':>7}  {'empty':>5}  lowest head"]
    by_layer: dict[int, list[HeadCoverage]] = {}
    for h in rep.heads:
        by_layer.setdefault(h.layer, []).append(h)
    for layer, hs in sorted(by_layer.items()):
        n = sum(h.queries for h in hs) or 1
        avg = lambda a: sum(getattr(h, a) * h.queries for h in hs) / n
        low = min(hs, key=lambda h: h.mean)
        lines.append(f"{layer:>5}  {avg('mean'):6.4f}  {min(h.worst for h in hs):7.4f}  {avg('topk_recall'):6.4f}  "
                     f"{avg('full'):6.4f}  {avg('partial'):7.4f}  {sum(h.empty_rows for h in hs):5d}  "
                     f"head {low.head} ({low.mean:.4f})")
    lines += ["", f"the {min(worst, len(rep.heads))} heads that lose the most",
              f"{'layer':>5}  {'head':>4}  {'mean':>6}  {'worst q':>7}  {'(segment:row)':>13}  "
              f"{'top-' + str(rep.top_k):>6}  {'FULL':>6}  {'PARTIAL':>7}"]
    for h in rep.worst(worst):
        lines.append(f"{h.layer:>5}  {h.head:>4}  {h.mean:6.4f}  {h.worst:7.4f}  "
                     f"{f'{h.worst_segment}:{h.worst_query}':>13}  {h.topk_recall:6.4f}  {h.full:6.4f}  "
                     f"{h.partial:7.4f}")
    if rep.warnings:
        lines += [""] + [f"warning: {w}" for w in rep.warnings]
    return "\n".join(lines)
