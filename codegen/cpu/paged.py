"""The CPU forward kernel over a paged KV cache (loop-level TVMScript).

The same online-softmax walk as ``forward.py`` (one parallel task per (batch, head,
query block), S transposed, base-2 softmax, register-tile products from
``loops.cpu_loops``), but keys and values are read through a block table instead of
from one [B, Hk, Lk, D] tensor:

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
sequence and a block that crosses it is PARTIAL (masked per element); the kernel also
skips any listed block that starts past the sequence (never reading the table there)
and clamps row reads to the sequence's last row, so a masked row's V (0 * NaN) cannot
reach the output. The logical length ``Lk`` the pattern sees is the table's capacity,
``max_pages * page_size``; it is a scalar argument.

Kept as its own variant (rather than a flag of ``forward_primfunc``) while the unpaged
forward is being changed elsewhere; the two share every loop nest but the task body.
"""

from __future__ import annotations

from tvm import tirx
from tvm.script import tirx as T

from spdsl.codegen.common import layout as lay
from spdsl.codegen.common.signature import NEG_INF, ExprLowerer, SizeVars, declare_kernel, make_signature
from spdsl.codegen.common.vecmath import LN2, LOG2E, exp2
from spdsl.codegen.cpu.loops import cpu_loops, stack_buffer, stack_buffers, stack_tiles
from spdsl.codegen.cpu.forward import task_start
from spdsl.codegen.cpu.schedule import ScheduleConfig, dim_tile_for

# the hidden int [B] input that carries seq_lens (spdsl/runtime/paged.py adds it to the mask)
SEQ_LENS = "paged_seq_lens"


def paged_forward_primfunc(mask, score, head_dim: int, cfg: ScheduleConfig, input_decls=None,
                           dtype: str = "float32", v_head_dim: int | None = None):
    """The paged forward kernel as a PrimFunc (symbolic B, H, Hk, Lq, n_pages, page_size,
    max_pages; fixed head_dim and v_head_dim, default head_dim). ``mask`` must read the
    hidden input ``paged_seq_lens``.

    Arguments: q k_pages v_pages out lse head_class row_ptr col_idx full order scale
    block_table Lk, then the inputs and random tables of ``make_signature``.
    """
    sv = SizeVars.fresh()
    sig = make_signature(mask, score, sv, input_decls)
    if SEQ_LENS not in sig.inputs:
        raise ValueError(f"the paged kernel's mask must read the hidden input {SEQ_LENS!r}")
    ex = ExprLowerer(mask, score, sv, sig)
    D, BQ, BK = head_dim, cfg.block_q, cfg.block_k
    DV = D if v_head_dim is None else v_head_dim
    p = declare_kernel("forward", sv, sig, head_dim=D, block_q=BQ, block_k=BK, dtype=dtype,
                       v_head_dim=DV)
    n_pages, page_size, max_pages = (tirx.Var(n, "int32") for n in ("n_pages", "page_size", "max_pages"))
    KP = tirx.decl_buffer((n_pages, sv.Hk, page_size, D), dtype, name="KP")
    VP = tirx.decl_buffer((n_pages, sv.Hk, page_size, DV), dtype, name="VP")
    BT = tirx.decl_buffer((sv.B, max_pages), "int32", name="BT")
    SL = ex.inputs[SEQ_LENS]
    Q, O, LSE = p["Q"], p["O"], p["LSE"]
    CI, FL, scale = p.IDX, p.FL, p.scale
    Lqv = sv.Lq
    KT, DT = cfg.key_tile, dim_tile_for(DV, cfg.dim_tile)
    _, row_tasks, block_kinds, products, accumulate = cpu_loops(p, sv, block_q=BQ, lanes=BQ)
    start = task_start(Q, Lqv, D, DV, BQ)
    fold_log2e = ex.score is None
    q_factor = LOG2E if fold_log2e else 1.0
    s_factor = 1.0 if fold_log2e else LOG2E

    def score_value(variant, b, h, q, k, n_keys, s):
        """The base-2 score of one element; -inf where masked or at/after ``n_keys``."""
        qc = tirx.min(q, Lqv - 1)
        kc = k if variant == "full" else tirx.min(k, n_keys - 1)
        val = ex.score_at(b, h, qc, kc, s) * s_factor
        if variant == "full":
            return val
        keep = k < n_keys
        if variant == "partial":
            keep = tirx.And(keep, ex.mask_at(b, h, qc, kc))
        return tirx.Select(keep, val, tirx.const(NEG_INF, "float32"))

    @T.macro
    def scores(variant, S, b, h, q0, k0, n_keys):
        for r in T.serial(BK):
            for i in T.vectorized(BQ):
                S[r, i] = score_value(variant, b, h, q0 + i, k0 + r, n_keys, S[r, i])

    @T.macro
    def task(b, h, hk, q0, rbeg, rend):
        qs: T.let = scale * T.float32(q_factor)
        n_keys: T.let = SL[b]
        QT, OT = stack_tiles((D, DV), BQ)
        S = stack_buffer(BK, BQ)
        M, MU, MX, AL, LS = stack_buffers((BQ,), 5)
        start(QT, OT, M, LS, b, h, q0, qs)
        for j in T.serial(rbeg, rend):
            k0: T.let = CI[j] * BK
            if k0 < n_keys:
                # one table read per key block; rows clamped to the sequence's last key
                page: T.let = BT[b, k0 // page_size]
                first: T.let = k0 % page_size
                end: T.let = first + T.min(BK, n_keys - k0)
                products(S, KP, QT, None, None, None, page, hk, first, end, BK, KT, D, D)
                block_kinds(FL[j], k0 + BK > n_keys, not fold_log2e, scores, S, b, h, q0, k0, n_keys)
                for i in T.vectorized(BQ):
                    MX[i] = M[i]
                for r in T.serial(BK):
                    for i in T.vectorized(BQ):
                        MX[i] = T.max(MX[i], S[r, i])
                for i in T.vectorized(BQ):
                    MU[i] = T.Select(MX[i] == T.float32(NEG_INF), T.float32(0), MX[i])
                    AL[i] = exp2(M[i] - MU[i])
                    M[i] = MX[i]
                    LS[i] = LS[i] * AL[i]
                for r in T.serial(BK):
                    for i in T.vectorized(BQ):
                        S[r, i] = exp2(S[r, i] - MU[i])
                        LS[i] = LS[i] + S[r, i]
                accumulate(OT, VP, S, None, None, None, page, hk, first, end, BK, AL, DV, DT, DV, DT)
        for i in T.serial(T.min(BQ, Lqv - q0)):
            l: T.let = LS[i]
            inv: T.let = T.Select(l == T.float32(0), T.float32(0), T.float32(1) / l)
            for d in T.serial(DV):
                O[b, h, q0 + i, d] = T.Cast(dtype, OT[d, i] * inv)
            LSE[b, h, q0 + i] = T.Select(l == T.float32(0), T.float32(NEG_INF),
                                         (M[i] + T.log2(l)) * T.float32(LN2))

    @T.prim_func(check_well_formed=False)
    def forward_paged():
        row_tasks(task)

    params = [Q, KP, VP, O, LSE, p.HC, p.PTR, p.IDX, p.FL, p.ORD, p.scale, BT, sv.Lk, *sig.buffers]
    func = tirx.PrimFunc(params, forward_paged.body, forward_paged.ret_type, forward_paged.attrs)
    func = func.with_attr("tirx.noalias", True).with_attr("global_symbol", "forward_paged")
    return func, sig


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
