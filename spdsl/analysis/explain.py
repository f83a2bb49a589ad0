"""``Pattern.explain`` and ``spdsl explain``: what a layout costs, without an L x L mask.

Block counts, FLOPs and layout memory come from the block layout alone, from its runs
(spdsl/analysis/block_layout.py), never from one entry per block: causal at a billion tokens
explains in about a minute and 1.5 GB. The element density needs the PARTIAL blocks'
elements: they are counted exactly when their total area is small enough, else estimated
from a random sample of PARTIAL blocks (and the report says so).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from spdsl.analysis.permute import MIN_GAIN

EXACT_PARTIAL_ELEMENTS = 1 << 24   # count PARTIAL blocks exactly up to this many elements
SAMPLE_BLOCKS = 512


@dataclass
class Explanation:
    pattern: str
    params: dict
    Lq: int
    Lk: int
    H: int
    B: int
    block_q: int
    block_k: int
    head_dim: int
    full_blocks: int
    partial_blocks: int
    empty_blocks: int
    nonzero_elements: int
    density: float
    density_exact: bool
    flops_forward: int
    flops_dense: int
    flops_useful: int
    empty_rows: int | None
    load_imbalance: float
    layout_classes: int
    layout_bytes: int
    refined_incomplete: int
    # token permutation (spdsl/analysis/permute.py), where the mask reads q % s or k % s
    permutation: str | None = None
    permuted_flops_forward: int | None = None
    permutation_kept: bool | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        total = self.full_blocks + self.partial_blocks + self.empty_blocks
        visited = (self.full_blocks + self.partial_blocks) / total if total else 0.0
        params = ", ".join(f"{k}={v}" for k, v in self.params.items())
        saved = self.flops_dense / self.flops_forward if self.flops_forward else float("inf")
        rows = "unknown (too large to count exactly)" if self.empty_rows is None else f"{self.empty_rows:,}"
        lines = [
            f"pattern     {self.pattern}({params})  Lq={self.Lq} Lk={self.Lk} H={self.H} B={self.B}  "
            f"block {self.block_q}x{self.block_k}  head_dim {self.head_dim}",
            f"blocks      FULL {self.full_blocks:,}  PARTIAL {self.partial_blocks:,}  EMPTY {self.empty_blocks:,}"
            f"  ({visited:.2%} of blocks visited)",
            f"density     {self.density:.4%} of elements ({self.nonzero_elements:,} of "
            f"{self.Lq * self.Lk * self.H * self.B:,}){'' if self.density_exact else ', estimated'}",
            f"FLOPs       forward {_g(self.flops_forward)} vs dense {_g(self.flops_dense)}: "
            f"{saved:.1f}x fewer (useful {_g(self.flops_useful)})",
            f"empty rows  {rows} (queries that see no key: output 0)",
            f"balance     max/mean blocks per query block {self.load_imbalance:.2f}",
            f"layout      {self.layout_classes} distinct layout{'s' if self.layout_classes != 1 else ''} "
            f"for {self.B * self.H} (batch, head) pairs, {_bytes(self.layout_bytes)}",
        ]
        if self.permutation is not None:
            after = self.permuted_flops_forward
            gain = self.flops_forward / after if after else float("inf")
            verdict = ("kept: the CPU kernels visit rows in this order" if self.permutation_kept
                       else f"not kept (needs {MIN_GAIN:g}x)")
            change = f"{gain:.1f}x fewer" if gain >= 1 else f"{1 / gain:.1f}x more"
            lines.append(f"permuted    {self.permutation}: forward {_g(self.flops_forward)} -> "
                         f"{_g(after)} ({change}), {verdict}")
        return "\n".join(lines)


def _g(flops: int) -> str:
    for unit, scale in (("TFLOP", 1e12), ("GFLOP", 1e9), ("MFLOP", 1e6)):
        if flops >= scale:
            return f"{flops / scale:.2f} {unit}"
    return f"{flops} FLOP"


def _bytes(n: int) -> str:
    for unit, scale in (("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} B"


def explain(pattern, *, Lq, Lk, H, B, block, head_dim, inputs, q_offset=None,
            kv_offset=None) -> Explanation:
    from spdsl.analysis.sizes import as_numpy
    from spdsl.analysis.blocks import classify
    from spdsl.analysis.layout_stats import layout_stats

    sizes = pattern.sizes(Lq, Lk, H, B)
    rows, arrays = pattern.rows_and_inputs(sizes, inputs, q_offset, kv_offset)
    arrays = as_numpy(arrays)
    bq, bk = pattern.block_sizes(block)
    lay = classify(rows.mask, Lq=sizes.Lq, Lk=sizes.Lk, H=sizes.H, B=sizes.B,
                   block_q=bq, block_k=bk, inputs=arrays)
    stats = layout_stats(rows.mask, lay, arrays, exact_limit=EXACT_PARTIAL_ELEMENTS,
                         sample_blocks=SAMPLE_BLOCKS)
    counts = stats.blocks
    mult = lay.multiplicity()
    visited_area = lay.visited_elements()
    nonzero = int(round(stats.nonzero))
    total = stats.elements
    perm = _permutation(rows.mask, sizes, bq, bk, visited_area)
    return Explanation(
        pattern=pattern.name, params=dict(pattern.values) or _defaults(pattern),
        Lq=sizes.Lq, Lk=sizes.Lk, H=sizes.H, B=sizes.B, block_q=bq, block_k=bk, head_dim=head_dim,
        full_blocks=counts["full"], partial_blocks=counts["partial"], empty_blocks=counts["empty"],
        nonzero_elements=nonzero, density=nonzero / total, density_exact=not stats.nonzero_is_estimate,
        flops_forward=4 * head_dim * visited_area, flops_dense=4 * head_dim * total,
        flops_useful=4 * head_dim * nonzero,
        empty_rows=int(stats.empty_rows) if stats.empty_rows_is_exact else None,
        load_imbalance=stats.load_imbalance, layout_classes=int((mult > 0).sum()),
        layout_bytes=lay.nbytes, refined_incomplete=lay.refined_incomplete,
        **({} if perm is None else dict(permutation=perm.perm.describe(),
                                        permuted_flops_forward=4 * head_dim * perm.after,
                                        permutation_kept=perm.kept)))


def _permutation(mask, sizes, bq: int, bk: int, visited: int):
    """The best token permutation's evaluation (``permute.evaluate``), or None."""
    from spdsl.analysis.permute import evaluate

    return evaluate(mask, Lq=sizes.Lq, Lk=sizes.Lk, H=sizes.H, B=sizes.B, block_q=bq,
                    block_k=bk, before=visited)


def _defaults(pattern) -> dict:
    return {k: v for k, v in pattern.params.items() if v is not None}
