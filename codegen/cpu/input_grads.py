"""The CPU dQ kernel's extra step for learnable inputs (``codegen/common/input_grads.py``
has the math, the two accumulation modes and their cost).

Per nonzero block, after the block's S and dP products and before dS overwrites S:
G = P (dP - Delta) of every element (selected to 0 where masked or out of range) into a
scratch tile, then per load site its contribution ``G * d score / d load`` (0 where G is
0): added in the task's sequential order into the task's row of the site's input
(``partial``), or written with its flat index into the block's slot of the element
buffers (``elements``; slot = OFF[b, h] + the block's position in its class's rows).
The wrapper that runs the variant is ``kernels.InputGradBackward``.
"""

from __future__ import annotations

from tvm import tirx
from tvm.script import tirx as T

from spdsl.codegen.common import lower as lw
from spdsl.codegen.common.tvmscript import sequence
from spdsl.codegen.common.input_grads import InputGradPlan, declare_grad_buffers
from spdsl.codegen.cpu.loops import stack_buffer


class LearnStep:
    """The extra kernel arguments (:attr:`buffers`, after the pattern's inputs and random
    tables, in :class:`GradBuffers` order) and the per-block macro :attr:`block`, called
    as ``block(variant, S, DP, LR, DR, b, h, q0, k0, j)`` with S the raw scores and DP
    dP as [block_k, block_q] tiles and j the block's index in the layout."""

    def __init__(self, plan: InputGradPlan, g, p, sv, block_q: int, block_k: int):
        self.plan = plan
        decls = declare_grad_buffers(plan, sv, block_q, block_k)
        parts, elems, OFF, self.buffers = decls.parts, decls.elems, decls.OFF, decls.buffers
        BQ, BK = block_q, block_k
        HC, RP = p.HC, p.PTR
        zero = tirx.const(0.0, "float32")

        def contribution(site, b, h, q, k, raw, gval):
            d = g.ex.expr_at(site.derivative, *g._at(b, h, q, k), raw)
            return tirx.Select(gval == zero, zero, gval * d)

        def flat(site, b, h, q, k):
            return lw.flat_input_index(site.load, g.ex.env(*g._at(b, h, q, k)))

        steps = []
        for site in plan.sites:
            if site.mode == "partial":
                steps.append(_partial_step(site, parts[site.load.input.name], contribution, flat, BQ, BK))
        for site, (EL, ELI) in zip(plan.element_sites, elems):
            steps.append(_element_step(site, EL, ELI, contribution, flat, BQ, BK))
        sites = sequence(steps)

        @T.macro
        def block(variant, S, DP, LR, DR, b, h, q0, k0, j):
            GS = T.meta_var(stack_buffer(BK, BQ))
            for r in T.serial(BK):
                # the exponent first, stored: P built on it in the same expression made
                # the build time explode for Select-heavy scores (see GradElement.exponent)
                for i in T.vectorized(BQ):
                    GS[r, i] = g.exponent(b, h, q0 + i, k0 + r, S[r, i], LR[i])
                for i in T.vectorized(BQ):
                    GS[r, i] = T.Select(g.keep(b, h, q0 + i, k0 + r, variant),
                                        g.exp2_fn(GS[r, i]) * (DP[r, i] - DR[i]), zero)
            n_qb: T.let = T.truncdiv(sv.Lq + (BQ - 1), BQ)
            task: T.let = (b * sv.H + h) * n_qb + T.truncdiv(q0, BQ)
            slot: T.let = j - T.Cast("int32", RP[HC[b, h] * (n_qb + 1)])
            if OFF is not None:
                sites(GS, S, b, h, q0, k0, task, T.Cast("int32", OFF[b, h]) + slot)
            else:
                sites(GS, S, b, h, q0, k0, task, slot)

        self.block = block


def _partial_step(site, PART, contribution, flat, BQ, BK):
    @T.macro
    def step(GS, S, b, h, q0, k0, task, slot):
        for r in T.serial(BK):
            for i in T.serial(BQ):
                x: T.let = flat(site, b, h, q0 + i, k0 + r)
                PART[task, x] = PART[task, x] + contribution(site, b, h, q0 + i, k0 + r, S[r, i], GS[r, i])
    return step


def _element_step(site, EL, ELI, contribution, flat, BQ, BK):
    @T.macro
    def step(GS, S, b, h, q0, k0, task, slot):
        for r in T.serial(BK):
            for i in T.vectorized(BQ):
                EL[slot, r, i] = contribution(site, b, h, q0 + i, k0 + r, S[r, i], GS[r, i])
                ELI[slot, r, i] = flat(site, b, h, q0 + i, k0 + r)
    return step
