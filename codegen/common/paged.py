"""K and V read through a block table (paged KV caches), for the CPU and CUDA forwards.

The paged kernels are the forward kernels with another K/V addressing, nothing else:

    KP, VP   [n_pages, Hk, page_size, D]   pages shared by every sequence (VP [..., Dv]);
                                           strided like the unpaged tensors (rows contiguous)
    BT       int32 [B, max_pages]          logical page -> physical page
    seq_lens the hidden int [B] input ``paged_seq_lens``: sequence b's keys are its
             logical rows 0 .. seq_lens[b] - 1 (``spdsl.runtime.paged`` adds
             ``ki < paged_seq_lens[b]`` to the mask, so the layout is exact per sequence)
    Lk       a scalar argument: the table's capacity, max_pages * page_size, the length
             the pattern sees

A key block (or a tile or chunk of one) lies inside one page (``page_size`` is a multiple
of the key block), so its rows are found with one table read: logical rows ``row0 + r``
are rows ``row0 % page_size + r`` of page ``BT[b, row0 // page_size]``. The loops that
read K and V (float32 FMAs, and on the bfloat16 dot path K's pair words and V packed into
pairs) take (batch, first row, row limit) and never read a row at or past the limit
(they clamp or zero-fill); :meth:`PagedKV.rows` gives them (page, first row in the page,
the sequence's end in that page's rows) instead: the same loops, shifted. Rows past the
sequence (other sequences' keys, NaN) are never read, and a tile that starts past the
sequence is skipped before the table is read.
"""

from __future__ import annotations

from tvm import tirx
from tvm.script import tirx as T

# the hidden int [B] input that carries seq_lens (spdsl/runtime/paged.py adds it to the mask)
SEQ_LENS = "paged_seq_lens"


class PagedKV:
    """The paged K/V buffers of one kernel and their addressing (see the module doc).
    ``sv``: the kernel's size vars (``Hk`` and ``B`` shape the pages and the table);
    ``inputs``: the kernel's input buffers by name (``ExprLowerer.inputs``), which must
    hold the hidden ``paged_seq_lens``."""

    def __init__(self, sv, inputs: dict, *, head_dim: int, v_head_dim: int, dtype: str):
        if SEQ_LENS not in inputs:
            raise ValueError(f"the paged kernel's mask must read the hidden input {SEQ_LENS!r}")
        self.n_pages, self.page_size, self.max_pages = \
            (tirx.Var(n, "int32") for n in ("n_pages", "page_size", "max_pages"))
        self.K = _pages((self.n_pages, sv.Hk, self.page_size, head_dim), dtype, "KP")
        self.V = _pages((self.n_pages, sv.Hk, self.page_size, v_head_dim), dtype, "VP")
        self.BT = tirx.decl_buffer((sv.B, self.max_pages), "int32", name="BT")
        self.seq_lens = inputs[SEQ_LENS]
        self.Lk = sv.Lk

    def limit(self, b):
        """Sequence b's length: its keys are logical rows below it."""
        return self.seq_lens[b]

    def rows(self, b, row0):
        """(page, first, limit) of the key rows from logical ``row0`` of sequence b (a
        tile inside one page, starting before the sequence's end): the physical page
        (one table read), row0's row in it, and the sequence's end in that page's rows
        (rows at or past it must not be read), each bound as a let. The end holds a load
        of seq_lens: as an expression repeated in every row index it made the CPU
        bfloat16 dot-path decoding 1.13x slower (the FMA path was unchanged; presumably
        the vdpbf16ps placeholder, an opaque call to LLVM's optimiser, keeps the load in
        the inner loop)."""
        page = _let("page", self.BT[b, tirx.truncdiv(row0, self.page_size)])
        first = _let("first", tirx.truncmod(row0, self.page_size))
        return page, first, _let("end", self.seq_lens[b] - (row0 - first))

    def params(self, func: tirx.PrimFunc, scale: tirx.Var) -> tirx.PrimFunc:
        """``func`` (a forward kernel whose body reads K and V only through this object)
        with the paged ABI: its unpaged K and V parameters replaced by KP and VP, and the
        table and Lk after ``scale``: q k_pages v_pages out lse head_class row_ptr col_idx
        full order scale block_table Lk, then the inputs and random tables."""
        params = list(func.params)  # buffers are parameters as they are (TVM 0.27)
        params[1:3] = [self.K, self.V]
        at = next(i for i, p in enumerate(params) if p.same_as(scale)) + 1
        params[at:at] = [self.BT, self.Lk]
        return tirx.PrimFunc(params, func.body, func.ret_type, attrs=func.attrs)


def _pages(shape, dtype: str, name: str) -> tirx.Buffer:
    """A pages buffer with symbolic outer strides (``KP_s0`` ..) and contiguous rows, as
    the unpaged [B, Hk, Lk, D] tensors are declared: a permuted view of a [n_pages,
    page_size, Hk, D] pool (vLLM's layout) is read in place."""
    strides = [tirx.Var(f"{name}_s{i}", "int32") for i in range(3)]
    return tirx.decl_buffer(shape, dtype, name=name, strides=[*strides, tirx.const(1, "int32")])


def _let(name: str, value):
    """``name: T.let = value`` from Python (a Bind in the current TVMScript frame)."""
    return T.bind(value, var=tirx.Var(name, value.ty))
