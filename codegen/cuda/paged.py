"""The CUDA forward over a paged KV cache: ``forward.py``'s kernels (tensor cores or CUDA
cores) with K and V read through a block table (``common/paged.py``), and its wrapper.

    fwd = build(rows.mask, rows.score, kernel="forward_paged", device="cuda", ...).kernel
    out, lse = fwd(q, k_pages, v_pages, block_table, layout, inputs={..., "paged_seq_lens": lens})

Nothing here is a second kernel: the paged flag changes the K/V addressing of the walks
over key tiles (``blocks.key_tiles``, ``blocks.key_chunks``) and the arguments.
"""

from __future__ import annotations

from spdsl.codegen.common import layout as lay
from spdsl.codegen.cuda.config import CudaConfig
from spdsl.codegen.cuda.kernels import CudaForward, aligned_rows
from spdsl.dtypes import dtype_name


def paged_forward_primfunc(mask, score=None, *, head_dim: int, dtype, config: CudaConfig | None = None,
                           input_decls=None, v_head_dim: int | None = None):
    """(PrimFunc ``forward_paged``, KernelSignature, CudaConfig) of the paged forward;
    ``mask`` must read the hidden input ``paged_seq_lens``. Arguments: q k_pages v_pages
    out lse head_class row_ptr col_idx full order scale block_table Lk, then the inputs
    and random tables (the CPU paged kernel's ABI)."""
    from spdsl.codegen.cuda.forward import forward_primfunc

    dtype = dtype_name(dtype)
    config = config or CudaConfig()
    config.check(head_dim, dtype, v_head_dim)
    func, sig = forward_primfunc(mask, score, head_dim, config, input_decls, dtype, v_head_dim, paged=True)
    return func, sig, config


class CudaPagedForward(CudaForward):
    """A built paged forward kernel. Call it with CUDA tensors q [B, H, Lq, D], k_pages
    [n_pages, Hk, page_size, D], v_pages [n_pages, Hk, page_size, Dv], block_table int
    [B, max_pages] and a layout built for the pattern with ``paged_seq_lens`` among its
    inputs (``inputs`` must hold it). The runtime (``spdsl.runtime.paged``) checks the
    table's values and seq_lens before calling; ``page_size`` must be a multiple of the
    kernel's key block."""

    def __call__(self, q, k_pages, v_pages, block_table, layout: lay.PackedLayout, *, scale=None,
                 inputs=None, out=None, lse=None):
        import torch

        self._require_cuda(q)
        q, k_pages, v_pages = (aligned_rows(t) for t in (q, k_pages, v_pages))
        b, h, lq, d = q.shape
        self._check_dims(q, v_pages)
        page_size = k_pages.shape[2]
        if page_size % self.config.block_k:
            raise ValueError(f"page_size {page_size} is not a multiple of the kernel's key block "
                             f"{self.config.block_k}")
        lk = block_table.shape[1] * page_size
        if out is None:
            out = torch.empty((b, h, lq, self.v_head_dim), dtype=q.dtype, device=q.device)
        if lse is None:
            lse = torch.empty((b, h, lq), dtype=torch.float32, device=q.device)
        table = block_table.to(device=q.device, dtype=torch.int32).contiguous()
        args = [q, k_pages, v_pages, out, lse, *self._layout_args(layout, q.device, b, h, lq),
                float(d ** -0.5 if scale is None else scale), table, lk,
                *self._extra_args(inputs, q.device, h, lq, lk)]
        self._launch(self.module, "forward_paged", args, q.device)
        return out, lse
