"""The CPU forward kernel over a paged KV cache: ``forward.py``'s kernel with its paged
flag (K and V read through a block table, ``common/paged.py``), and its wrapper.

    K_pages, V_pages  [n_pages, Hk, page_size, D]   pages shared by every sequence (V_pages
                                                  [..., Dv] where the v head dim differs)
    BT                int32 [B, max_pages]          logical page -> physical page
    seq_lens          int32 [B]                     keys of sequence b: rows 0..seq_lens[b]-1

A key block (block_k rows, ``page_size % block_k == 0``) lies inside one page, so the
kernel reads the table once per key block: ``page = BT[b, k0 // page_size]`` and the
block's rows are ``K_pages[page, hk, k0 % page_size + r]``. No copy of K or V is made.

Rows at or beyond ``seq_lens[b]`` may hold anything (other sequences' keys, NaN): the
pattern the kernel reads is the user's mask ``and ki < seq_lens[b]`` (the runtime adds
that conjunct, ``spdsl.runtime.paged``), so the layout never lists a block past the
sequence and a block that crosses it is PARTIAL (masked per element) or, in a layout
shared by several decoding steps, FULL and checked against the sequence's length (the
"edge" kind); the kernel also skips any listed block that starts past the sequence
(never reading the table there) and clamps row reads to the sequence's last row, so a
masked row's V (0 * NaN) cannot reach the output. The logical length ``Lk`` the pattern
sees is the table's capacity, ``max_pages * page_size``; it is a scalar argument.

bfloat16 kernels multiply on ``vdpbf16ps`` where the unpaged forward does
(``forward.uses_dot_products``: ``ScheduleConfig.products == "dpbf16"``, even head dim
and block_k, block_q in 16s; docs/cpu_precision.md), else on float32 FMAs: the same
paged addressing either way. Decoding and prefill over a bfloat16 cache run 1.3-1.9x
faster on the dot path (``benchmarks/paged.py --products``).
"""

from __future__ import annotations

from spdsl.codegen.common import layout as lay
from spdsl.codegen.common.paged import SEQ_LENS
from spdsl.codegen.cpu.forward import forward_primfunc
from spdsl.codegen.cpu.schedule import ScheduleConfig

__all__ = ["SEQ_LENS", "PagedForwardKernel", "paged_forward_primfunc"]


def paged_forward_primfunc(mask, score, head_dim: int, cfg: ScheduleConfig, input_decls=None,
                           dtype: str = "float32", v_head_dim: int | None = None):
    """The paged forward kernel as a PrimFunc (symbolic B, H, Hk, Lq, n_pages, page_size,
    max_pages; fixed head_dim and v_head_dim, default head_dim). ``mask`` must read the
    hidden input ``paged_seq_lens``.

    Arguments: q k_pages v_pages out lse head_class row_ptr col_idx full order scale
    block_table Lk, then the inputs and random tables of ``make_signature``.
    """
    return forward_primfunc(mask, score, head_dim, cfg, input_decls, dtype, v_head_dim, paged=True)


class PagedForwardKernel:
    """A built paged forward kernel; call it with torch tensors (q [B, H, Lq, D],
    k_pages [n_pages, Hk, page_size, D], v_pages [n_pages, Hk, page_size, Dv],
    block_table int32 [B, max_pages],
    contiguous) and a layout built for the pattern with ``paged_seq_lens`` among its
    inputs (``inputs`` must hold it, int32 [B]). The runtime (``spdsl.runtime.paged``)
    checks the table's values before calling."""

    def __init__(self, module, extras, config, head_dim, dtype, v_head_dim=None):
        self.module, self.config, self.head_dim, self.dtype = module, config, head_dim, dtype
        self.v_head_dim = head_dim if v_head_dim is None else v_head_dim
        self.func = module["forward_paged"]
        self.input_names = list(extras.inputs)
        self.random_keys = list(extras.random_keys)
        self._tables = None

    def __call__(self, q, k_pages, v_pages, block_table, layout: lay.PackedLayout, *, scale=None,
                 inputs=None, out=None, lse=None):
        import torch

        b, h, lq, d = q.shape
        page_size = k_pages.shape[2]
        if page_size % self.config.block_k:
            raise ValueError(f"page_size {page_size} is not a multiple of the kernel's key block "
                             f"{self.config.block_k}")
        if (layout.block_q, layout.block_k) != (self.config.block_q, self.config.block_k) \
                or tuple(layout.head_class.shape) != (b, h) or layout.n_qb != lay.cdiv(lq, self.config.block_q):
            raise ValueError("the layout was not built for this call's sizes and the kernel's blocks")
        lk = block_table.shape[1] * page_size
        if out is None:
            out = torch.empty((b, h, lq, v_pages.shape[-1]), dtype=q.dtype)
        if lse is None:
            lse = torch.empty((b, h, lq), dtype=torch.float32)
        inputs = inputs or {}
        extra = [inputs[n].contiguous() for n in self.input_names]
        if self.random_keys:
            if self._tables is None:
                self._tables = lay.RandomTables(self.random_keys)
            extra += self._tables.args(inputs, h, lq, lk, torch.from_numpy)
        scale = float(d) ** -0.5 if scale is None else float(scale)
        self.func(q, k_pages, v_pages, out, lse, *layout.torch_tensors(), layout.order_tensor(),
                  scale, block_table, lk, *extra)
        return out, lse
