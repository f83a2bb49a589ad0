"""Gradients of learnable float inputs (LANGUAGE.md 1.1: a float input that requires grad
receives its gradient, as a learnable bias): the plan the kernels and the host share.

With ``s = score(raw, inputs)`` the final score and ``G = dL/ds = P (dP - Delta)`` (what
the backward forms before multiplying by ``ds/draw``), an input ``x`` gets

    dL/dx[i] = sum over the elements (b, h, q, k) whose load of x reads x[i] of
               G * ds/d(that load)

Each distinct load site (``bias[h, q, k]``, ``gate[h]``; equal index expressions are one
site) has its own symbolic derivative (``derivative.load_derivative``), evaluated per
element where the score's own derivative is, and is 0 wherever G is 0 (masked keys, a
score of -inf, empty rows), never NaN there.

Accumulation is deterministic: no atomics, every sum in a fixed order. The dQ kernel of
the gradient variant (one task per (batch, head, query block), ``dq_primfunc(learn=)``)
adds each visited element's contribution in one of two ways, chosen per input from its
declared shape (compile time):

``partial``  the shape holds at most one of ``Lq``, ``Lk`` (``[H]``, ``[Lk]``, ``[9]``,
    ``[B, Lq]``): each task adds into its own row of a float32 ``[n_tasks, N]`` buffer in
    its sequential order; the host sums the rows in float64 (``torch.sum``). Memory:
    ``4 * B * H * ceil(Lq / block_q) * N`` bytes (a ``[Lk]`` bias at B=1 H=8 L=4096,
    block 64: 8 MiB).
``elements`` the shape holds both (``[H, Lq, Lk]``): each task writes every visited
    element's contribution and the flat index it goes to into block-sparse buffers
    (float32 and int32 ``[visited blocks, block_k, block_q]``, one pair per site); the host
    scatter-adds them with ``index_add_`` (sequential on the CPU; on CUDA ``index_put_``
    with ``accumulate``, which sorts instead of using atomics). Memory: 8 bytes per
    visited element and site, as much as the float32 gradient of a ``[B, H, Lq, Lk]``
    bias restricted to the visited blocks: per-task rows of N = H Lq Lk would cost far
    more (``B H Lq / block_q`` copies).

Measured (B=1 H=8 L=1024 D=64 causal, float32, 2 shared cores, backward median of 5):
``score * exp(gate[h])`` plain 248 ms, with d(gate) 284 ms (partial rows: 4 KiB; element
buffers would be 34 MiB); ``score + bias[h, qi, ki]`` plain 445 ms, with d(bias) 667 ms
(element buffers 34 MiB next to the 32 MiB gradient itself; per-task rows would be 4 GiB).

The variant is a separate build (kind ``backward_inputs``: modules ``dq_inputs`` and
``dkdv``), made only when a call asks for an input's gradient; it computes the gradients
of every float input the score reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from spdsl.ir import nodes as ir

from spdsl.codegen.common.derivative import load_derivative, load_sites

PARTIAL, ELEMENTS = "partial", "elements"
LENGTHS = ("Lq", "Lk")


@dataclass(frozen=True)
class Site:
    """One load of a learnable input: the ``load`` node, d score / d load, and how its
    contributions are accumulated (its input's mode)."""

    load: ir.Index
    derivative: ir.Expr
    mode: str


@dataclass(frozen=True)
class InputGradPlan:
    """The learnable inputs of a score (name -> declaration, sorted) and their sites."""

    inputs: dict
    sites: tuple

    def mode(self, name: str) -> str:
        return mode_of(self.inputs[name])

    @property
    def partial_inputs(self) -> list[str]:
        return [n for n in self.inputs if self.mode(n) == PARTIAL]

    @property
    def element_sites(self) -> list[Site]:
        return [s for s in self.sites if s.mode == ELEMENTS]


def mode_of(decl: ir.InputDecl) -> str:
    """``partial`` unless the input's shape grows with both lengths (see the module doc)."""
    return ELEMENTS if all(n in decl.dims for n in LENGTHS) else PARTIAL


def learnable_inputs(score: ir.Expr | None) -> dict:
    """The float inputs a score reads (name -> declaration, sorted): those that can have
    a gradient. A float input read only by the mask has gradient 0."""
    if score is None:
        return {}
    return dict(sorted((n, d) for n, d in ir.inputs_read(score).items() if d.dtype == ir.FLOAT))


def plan(score: ir.Expr | None) -> InputGradPlan:
    """The plan of ``score`` exactly as the kernel lowers it (the sites are its nodes)."""
    sites = tuple(Site(s, load_derivative(score, s), mode_of(s.input)) for s in load_sites(score))
    return InputGradPlan(learnable_inputs(score), sites)


@dataclass
class GradBufferDecls:
    """The gradient variant's extra kernel arguments as TIR buffers, declared once for the
    CPU and CUDA kernels (:func:`declare_grad_buffers`); :attr:`buffers` is the argument
    order, the one :meth:`GradBuffers.args` passes."""

    parts: dict        # input name -> float32 [n_tasks, numel] rows (a partial input)
    elems: list        # per element site: (float32, int32) [n_slots, block_k, block_q]
    OFF: object        # int64 [B, H] element offsets, or None without element sites
    buffers: list


def declare_grad_buffers(plan: InputGradPlan, sv, block_q: int, block_k: int) -> GradBufferDecls:
    """The buffers of ``plan``'s gradients (``sv``: the kernel's ``signature.SizeVars``)."""
    from tvm import tirx

    parts = {n: tirx.decl_buffer((tirx.Var(f"n_tasks_{n}", "int32"), tirx.Var(f"n_{n}", "int32")),
                                 "float32", name=f"dpart_{n}") for n in plan.partial_inputs}
    n_slots = tirx.Var("n_slots", "int32")
    elems = [(tirx.decl_buffer((n_slots, block_k, block_q), "float32", name=f"del_{i}"),
              tirx.decl_buffer((n_slots, block_k, block_q), "int32", name=f"deli_{i}"))
             for i in range(len(plan.element_sites))]
    OFF = tirx.decl_buffer((sv.B, sv.H), "int64", name="OFF") if elems else None
    buffers = ([OFF] if OFF is not None else []) + list(parts.values())
    for pair in elems:
        buffers += list(pair)
    return GradBufferDecls(parts, elems, OFF, buffers)


class GradBuffers:
    """One call's accumulation buffers (torch, on ``device``) in the kernel's argument
    order (:meth:`args`: the element offsets ``OFF`` int64 [B, H] when a site writes
    elements, a ``[n_tasks, N]`` row buffer per partial input, then (values, indices) per
    element site), and their reduction to gradients (:meth:`grads`)."""

    def __init__(self, plan: InputGradPlan, layout, shapes: dict, B: int, H: int, device="cpu"):
        import numpy as np
        import torch

        self.plan, self.shapes = plan, shapes
        for name, shape in shapes.items():
            if _numel(shape) >= 2**31:
                raise ValueError(f"spdsl: input '{name}' has {_numel(shape)} elements; its "
                                 "gradient needs fewer than 2**31")
        n_tasks = B * H * layout.n_qb
        self.parts = {n: torch.zeros((n_tasks, _numel(shapes[n])), dtype=torch.float32, device=device)
                      for n in plan.partial_inputs}
        self.off, self.elems = None, []
        if plan.element_sites:
            rp = layout.row_ptr.reshape(-1, layout.n_qb + 1)
            per_class = (rp[:, -1] - rp[:, 0]).astype(np.int64)
            counts = per_class[layout.head_class].reshape(-1)
            total = int(counts.sum())
            off = np.concatenate([[0], np.cumsum(counts)[:-1]]).reshape(B, H)
            self.off = torch.from_numpy(np.ascontiguousarray(off, dtype=np.int64)).to(device)
            make = torch.empty if total else torch.zeros  # a pad slot no task writes
            shape = (max(total, 1), layout.block_k, layout.block_q)
            self.elems = [(make(shape, dtype=torch.float32, device=device),
                           make(shape, dtype=torch.int32, device=device))
                          for _ in plan.element_sites]

    def args(self) -> list:
        out = [] if self.off is None else [self.off]
        out += list(self.parts.values())
        for values, index in self.elems:
            out += [values, index]
        return out

    def grads(self) -> dict:
        """{input name: float32 gradient of the input's shape}."""
        import torch

        out = {n: p.sum(0, dtype=torch.float64).to(torch.float32) for n, p in self.parts.items()}
        for site, (values, index) in zip(self.plan.element_sites, self.elems):
            name = site.load.input.name
            acc = out.get(name)
            if acc is None:
                acc = out[name] = torch.zeros(_numel(self.shapes[name]), dtype=torch.float32,
                                              device=values.device)
            if acc.device.type == "cpu":  # sequential: deterministic
                acc.index_add_(0, index.reshape(-1), values.reshape(-1))
            else:  # CUDA's index_add_ uses atomics; index_put_'s accumulate sorts: deterministic
                acc.index_put_((index.reshape(-1).long(),), values.reshape(-1), accumulate=True)
        return {n: g.reshape(self.shapes[n]) for n, g in out.items()}


def _numel(shape) -> int:
    n = 1
    for d in shape:
        n *= int(d)
    return n
