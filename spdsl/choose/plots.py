"""Pictures of coverage and of a sweep (matplotlib, imported here only: ``pip install
"spdsl[choose]"``).

- :func:`coverage_png`: per-head coverage as a layers x heads heat map, and beside it
  the real attention map of the head that loses the most (first segment, pooled to at
  most 256 cells a side, log scale) with the pattern's edge drawn over it.
- :func:`sweep_png`: quality loss against attention and whole-model speedup, each level
  labelled, the Pareto front drawn as a line.
- :func:`train_png`: the training A/B's validation loss against steps and against
  training time, one line a level, dense in black.
"""

from __future__ import annotations

import math

import numpy as np


LINEAR_BELOW = 1e-4     # the loss axis is linear below this, logarithmic above


class PlotError(ValueError):
    pass


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise PlotError("pictures need matplotlib: pip install 'spdsl[choose]' (or matplotlib)") from None
    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    return plt


def coverage_png(report, path: str, *, layer: int | None = None, head: int | None = None) -> str:
    """Write the coverage picture; the attention map is of ``layer``/``head`` (default
    the head with the lowest mean coverage among those with a recorded map)."""
    plt = _pyplot()
    grid = report.grid("mean")
    maps = report.maps or {}
    if layer is None or head is None:
        candidates = [h for h in report.worst(len(report.heads)) if h.layer in maps]
        if candidates:
            layer, head = candidates[0].layer, candidates[0].head
    has_map = layer in maps
    fig, axes = plt.subplots(1, 2 if has_map else 1, figsize=(12 if has_map else 6, 5), squeeze=False)
    ax = axes[0, 0]
    im = ax.imshow(grid, vmin=min(0.0, float(np.nanmin(grid))), vmax=1.0, cmap="viridis", aspect="auto")
    ax.set_xlabel("head")
    ax.set_ylabel("layer")
    ax.set_xticks(range(grid.shape[1]))
    ax.set_yticks(range(grid.shape[0]))
    if grid.size <= 400:
        for (i, j), v in np.ndenumerate(grid):
            if not math.isnan(v):
                ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=7,
                        color="white" if v < 0.6 else "black")
    params = ", ".join(f"{k}={v}" for k, v in report.params.items())
    ax.set_title(f"share of dense attention mass kept\n{report.pattern}({params}), mean {report.mean:.3f}")
    fig.colorbar(im, ax=ax, fraction=0.046)
    if has_map:
        m = maps[layer]
        att, kept = m["attention"][head], m["kept"][head]
        ax = axes[0, 1]
        floor = max(float(att[att > 0].min()) if (att > 0).any() else 1e-12, 1e-12)
        im = ax.imshow(np.log10(np.maximum(att, floor)), cmap="magma", aspect="auto", interpolation="nearest",
                       extent=(0, m["Lk"], m["Lq"], 0))
        if 0.0 < kept.min() < 1.0 or (kept.min() == 0.0 and kept.max() > 0.0):
            ys = (np.arange(kept.shape[0]) + 0.5) * m["Lq"] / kept.shape[0]
            xs = (np.arange(kept.shape[1]) + 0.5) * m["Lk"] / kept.shape[1]
            ax.contour(xs, ys, kept, levels=[0.5], colors="cyan", linewidths=0.8)
        h = next(x for x in report.heads if x.layer == layer and x.head == head)
        ax.set_title(f"layer {layer} head {head}: dense attention (log10), first segment\n"
                     f"inside the cyan line: what the pattern keeps ({h.mean:.3f} of the mass)")
        ax.set_xlabel("key")
        ax.set_ylabel("query")
        fig.colorbar(im, ax=ax, fraction=0.046)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return f"{grid.shape[0]} layers x {grid.shape[1]} heads" + (f", map of layer {layer} head {head}" if has_map else "")


def sweep_png(report, path: str) -> str:
    """Write quality loss against speed (attention and whole model), Pareto front marked."""
    plt = _pyplot()
    fig, axes = plt.subplots(1, 2, figsize=(12, 5))
    loss_name = "KL(dense || level), nats/token" if report.kind == "causal" else "1 - cosine of embeddings"
    for ax, speed, title in ((axes[0], "attention_speedup", "attention"), (axes[1], "model_speedup", "whole model")):
        pts = [(getattr(lv, speed), lv.loss, lv) for lv in report.levels if not math.isnan(getattr(lv, speed))]
        front = _front([(x, y) for x, y, _ in pts])
        for x, y, lv in pts:
            ax.scatter([x], [y], s=40, color="C3" if lv.is_dense else ("C0" if (x, y) in front else "C7"), zorder=3)
            ax.annotate(lv.name, (x, y), textcoords="offset points", xytext=(5, 4), fontsize=8)
        if front:
            fx, fy = zip(*sorted(front))
            ax.plot(fx, fy, "-", color="C0", alpha=0.6, label="Pareto front")
            ax.legend(loc="best", fontsize=8)
        # linear near 0 (the dense rows, rounding only), logarithmic above
        ax.set_yscale("symlog", linthresh=LINEAR_BELOW)
        ax.set_ylim(bottom=0)
        ax.set_xlabel(f"{title} speedup over dense sdpa (x)")
        ax.set_ylabel(loss_name)
        ax.set_title(f"{report.pattern}: quality against {title} speed")
        ax.grid(True, alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return f"{len(report.levels)} levels"


def train_png(report, path: str) -> str:
    """Write validation loss against steps and against training seconds, one line a level."""
    plt = _pyplot()
    fig, axes = plt.subplots(1, 2, figsize=(12, 5), sharey=True)
    sparse = [lv for lv in report.levels if not lv.is_dense]
    colours = plt.get_cmap("viridis")(np.linspace(0.0, 0.85, max(len(sparse), 1)))
    order = sorted(sparse, key=lambda lv: lv.density)
    for lv in report.levels:
        style = ({"color": "black", "linewidth": 2.0, "zorder": 3} if lv.is_dense else
                 {"color": colours[order.index(lv)], "linewidth": 1.3})
        label = f"{lv.name}: {lv.final_loss:.3f}"
        if not lv.is_dense:
            label += f" ({lv.delta:+.3f}, density {lv.density:.0%})"
        axes[0].plot(lv.steps, lv.val_loss, marker=".", label=label, **style)
        axes[1].plot(lv.time_s, lv.val_loss, marker=".", **style)
    tail = [v for lv in report.levels for v in lv.val_loss[len(lv.val_loss) // 4:] if math.isfinite(v)]
    if tail:       # the start (about log(vocabulary)) would flatten the part worth reading
        lo, hi = min(tail), max(tail)
        axes[0].set_ylim(lo - 0.05 * (hi - lo + 1e-9), hi + 0.3 * (hi - lo + 1e-9))
    axes[0].set_xlabel("training step")
    axes[1].set_xlabel(f"training seconds ({report.device}; evaluation and kernel builds not counted)")
    axes[0].set_ylabel("validation loss, nats/token")
    axes[0].set_title(f"{report.pattern}: validation loss against steps")
    axes[1].set_title(f"against time ({report.batch} x {report.seq} tokens a step)")
    axes[0].legend(loc="upper right", fontsize=8, title="final validation loss")
    for ax in axes:
        ax.grid(True, alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return f"{len(report.levels)} levels, {report.steps} steps"


def _front(points: list[tuple[float, float]]) -> set:
    """Points no other point beats on both speed (higher) and loss (lower)."""
    return {p for p in points
            if not any(o != p and o[0] >= p[0] and o[1] <= p[1] for o in points)}
