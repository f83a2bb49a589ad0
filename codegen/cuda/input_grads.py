"""Gradients of learnable score inputs on the CUDA kernels: the dQ kernel's extra step
(``codegen/common/input_grads.py`` has the math, the two deterministic accumulation modes
and the host's reduction, shared with the CPU).

The variant's dQ kernel is the CUDA-core one (``backward.dq_simt_primfunc(learn=True)``)
for every dtype; its dK/dV kernel is the plain one of the dtype (tensor cores for
float16 / bfloat16). Why the CUDA-core dQ: it has one thread per query row and a key per
loop step, so each element's G = P (dP - Delta), its raw score and its (q, k) sit in one
thread's registers, where the per-site derivative (the CPU's ``Site.derivative`` IR,
lowered by the same expression lowerer) is evaluated as the score's own derivative is;
the tensor-core dQ spreads an element over mma fragments (C layout, 4 lanes a row) and
would need the same step written again for that layout. dQ runs three of the backward's
seven block products, and the plain kernels still serve every call that learns no input.

Per staged tile of keys (after the S and dP products, before dS overwrites S), each
thread computes G of its row's elements (0 where masked, out of range, or on a row past
Lq), then per load site ``c = G * d score / d load`` (0 where G is 0) and:

``partial``, an index that reads neither q nor k (``gate[h]``)  adds c into a register
    of its own across the whole task; at the task's end the block sums the registers by
    a shared-memory tree in a fixed order and thread 0 adds the sum into the task's row.
``partial``, other indices (``bias[q - k + W]``, ``bias[k]``, ``bias[off[q]]``)  writes c
    and its flat index into a shared [tile, block_q] scratch; after a barrier thread 0
    adds them into the task's row serially (keys, then queries), then a barrier. Serial:
    several elements may go to one entry, and no atomics (determinism). The slow one:
    one thread's pass over each tile's block_q x tile elements, read-modify-writes of
    global memory (not measured on a GPU yet).
``elements`` (``bias[h, q, k]``)  writes c and its flat index into the block's slot of
    the element buffers, at its (key, query) place: every place of every visited block
    is written, in parallel, with no conflicts.

One task is one (b, h, query block) thread block, task = (b H + h) n_qb + qb, as the
GradBuffers rows; the host sums rows in float64 and scatter-adds element buffers
deterministically (``GradBuffers.grads``). The variant's PrimFuncs and its wrapper are in
``learnable.py``.
"""

from __future__ import annotations

from tvm import tirx
from tvm.script import tirx as T

from spdsl.ir import nodes as ir

from spdsl.codegen.common import lower as lw
from spdsl.codegen.common.tvmscript import sequence
from spdsl.codegen.common.input_grads import PARTIAL, InputGradPlan, declare_grad_buffers
from spdsl.codegen.cuda.blocks import by_block_kind

_POSITIONS = {"q", "k", "qi", "ki", "score"}


def uniform(site) -> bool:
    """Whether a load's index is the same for every (q, k) of a task (``gate[h]``)."""
    return not any(ir.free_vars(a) & _POSITIONS or any(isinstance(n, ir.RandomBlocks) for n in ir.walk(a))
                   for a in site.load.args)


class CudaLearnStep:
    """The variant's extra kernel arguments (:attr:`buffers`: the CPU ``LearnStep``'s,
    same names and order, :class:`GradBuffers` order) and its shared memory (:attr:`shared`:
    bytes per staged key, fixed bytes); :meth:`macros` gives the kernel's pieces."""

    def __init__(self, plan: InputGradPlan, g, sv, block_q: int, block_k: int):
        self.plan, self.g, self.sv, self.BQ, self.BK = plan, g, sv, block_q, block_k
        decls = declare_grad_buffers(plan, sv, block_q, block_k)
        self.parts, self.elems, self.OFF, self.buffers = decls.parts, decls.elems, decls.OFF, decls.buffers
        partial = [s for s in plan.sites if s.mode == PARTIAL]
        self.uniform = [s for s in partial if uniform(s)]
        self.serial = [s for s in partial if not uniform(s)]
        self.shared = (8 * block_q if self.serial else 0, 4 * block_q)

    # ---- per element ------------------------------------------------------------------

    def _g(self, b, h, q, k, raw, dp, lse2, delta, kind):
        """G = P (dP - Delta), 0 where masked, out of range, or on a row past Lq (the
        CUDA-core block kinds check the keys only: such a row recomputes row Lq - 1)."""
        g, zero = self.g, tirx.const(0.0, "float32")
        keep = tirx.And(q < self.sv.Lq, g.keep(b, h, q, k, kind))
        return tirx.Select(keep, g.p(b, h, q, k, raw, lse2) * (dp - delta), zero)

    def _contribution(self, site, b, h, q, k, raw, gval):
        zero = tirx.const(0.0, "float32")
        d = self.g.ex.expr_at(site.derivative, *self.g._at(b, h, q, k), raw)
        return tirx.Select(gval == zero, zero, gval * d)

    def _flat(self, site, b, h, q, k):
        return lw.flat_input_index(site.load, self.g.ex.env(*self.g._at(b, h, q, k)))

    # ---- the kernel's pieces ------------------------------------------------------------

    def macros(self, tile: int):
        """(scratch, zero_acc, step, finish) for a dQ kernel staging ``tile`` keys at a time:

        ``GR, ACC, CS, XS, RED = T.meta_var(scratch())``  its buffers, in the body
        ``zero_acc(ACC)``  at the task's start
        ``step(partial, crosses, GR, ACC, CS, XS, SR, PR, ST, HC, RP, CI, b, h, qi, qb, n_qb, j, kc, tx)``
            per staged tile, SR the raw scores and PR dP of the thread's row, ST (lse2, Delta)
        ``finish(ACC, RED, b, h, qi, qb, n_qb, tx)``  at the task's end
        """
        BQ, BK, KT = self.BQ, self.BK, tile
        n_acc = max(1, len(self.uniform))
        serial = bool(self.serial)

        def scratch():
            return (T.alloc_buffer((KT,), "float32", scope="local"),
                    T.alloc_buffer((n_acc,), "float32", scope="local"),
                    T.alloc_buffer((KT * BQ if serial else 1,), "float32", scope="shared"),
                    T.alloc_buffer((KT * BQ if serial else 1,), "int32", scope="shared"),
                    T.alloc_buffer((BQ,), "float32", scope="shared"))

        @T.macro
        def g_values(kind, GR, SR, PR, ST, b, h, qi, kc):
            for r in T.serial(KT):
                GR[r] = self._g(b, h, qi, kc + r, SR[r], PR[r], ST[0], ST[1], kind)

        steps = [self._uniform_step(s, i, KT) for i, s in enumerate(self.uniform)]
        steps += [self._serial_step(s, KT) for s in self.serial]
        steps += [self._element_step(s, EL, ELI, KT) for s, (EL, ELI) in zip(self.plan.element_sites, self.elems)]
        sites = sequence(steps)
        OFF = self.OFF

        @T.macro
        def step(partial, crosses, GR, ACC, CS, XS, SR, PR, ST, HC, RP, CI, b, h, qi, qb, n_qb, j, kc, tx):
            by_block_kind(partial, crosses, g_values, GR, SR, PR, ST, b, h, qi, kc)
            row: T.let = (b * self.sv.H + h) * n_qb + qb  # the task: GradBuffers row
            slot: T.let = j - T.Cast("int32", RP[HC[b, h] * (n_qb + 1)])
            kin: T.let = kc - CI[j] * BK
            if OFF is not None:
                sites(GR, ACC, CS, XS, SR, b, h, qi, kc, kin, tx, row, T.Cast("int32", OFF[b, h]) + slot)
            else:
                sites(GR, ACC, CS, XS, SR, b, h, qi, kc, kin, tx, row, slot)

        @T.macro
        def zero_acc(ACC):
            for u in T.serial(n_acc):
                ACC[u] = T.float32(0)

        finishes = [self._uniform_finish(s, i) for i, s in enumerate(self.uniform)]
        finish_all = sequence(finishes)

        @T.macro
        def finish(ACC, RED, b, h, qi, qb, n_qb, tx):
            row: T.let = (b * self.sv.H + h) * n_qb + qb  # the task: GradBuffers row
            finish_all(ACC, RED, b, h, qi, tx, row)

        return scratch, zero_acc, step, finish

    def _uniform_step(self, site, u, KT):
        @T.macro
        def run(GR, ACC, CS, XS, SR, b, h, qi, kc, kin, tx, task, slot):
            for r in T.serial(KT):
                ACC[u] = ACC[u] + self._contribution(site, b, h, qi, kc + r, SR[r], GR[r])
        return run

    def _uniform_finish(self, site, u):
        BQ, PART = self.BQ, self.parts[site.load.input.name]
        strides = []
        s = 1
        while s < BQ:
            s *= 2
        while s > 1:
            s //= 2
            strides.append(s)
        tree = sequence([_tree_level(s, BQ) for s in strides])

        @T.macro
        def run(ACC, RED, b, h, qi, tx, task):
            T.tvm_storage_sync("shared")  # RED's last readers are done
            RED[tx] = ACC[u]
            T.tvm_storage_sync("shared")
            tree(RED, tx)
            if tx == 0:
                x: T.let = self._flat(site, b, h, qi, 0)
                PART[task, x] = PART[task, x] + RED[0]
        return run

    def _serial_step(self, site, KT):
        BQ, PART = self.BQ, self.parts[site.load.input.name]

        @T.macro
        def run(GR, ACC, CS, XS, SR, b, h, qi, kc, kin, tx, task, slot):
            for r in T.serial(KT):
                CS[r * BQ + tx] = self._contribution(site, b, h, qi, kc + r, SR[r], GR[r])
                XS[r * BQ + tx] = self._flat(site, b, h, qi, kc + r)
            T.tvm_storage_sync("shared")
            if tx == 0:
                for e in T.serial(KT * BQ):
                    PART[task, XS[e]] = PART[task, XS[e]] + CS[e]
            T.tvm_storage_sync("shared")
        return run

    def _element_step(self, site, EL, ELI, KT):
        @T.macro
        def run(GR, ACC, CS, XS, SR, b, h, qi, kc, kin, tx, task, slot):
            for r in T.serial(KT):
                EL[slot, kin + r, tx] = self._contribution(site, b, h, qi, kc + r, SR[r], GR[r])
                ELI[slot, kin + r, tx] = self._flat(site, b, h, qi, kc + r)
        return run


def _tree_level(stride: int, width: int):
    @T.macro
    def level(RED, tx):
        if tx < stride and tx + stride < width:
            RED[tx] = RED[tx] + RED[tx + stride]
        T.tvm_storage_sync("shared")
    return level


__all__ = ["CudaLearnStep", "uniform"]
