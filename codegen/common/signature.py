"""Pieces shared by the CPU kernels: size variables, the pattern's extra arguments, and
the mask / score expressions as callables that TVMScript kernels call while parsing."""

from __future__ import annotations

from dataclasses import dataclass

from tvm import tirx

from spdsl.ir import nodes as ir

from spdsl.codegen.common import lower as lw

STACK = {"disable_lower_builtin": True}
NEG_INF = float("-inf")


@dataclass
class KernelSignature:
    """What a built kernel takes after its fixed arguments: the pattern's inputs (sorted
    by name) and then one int8 table per random_blocks call."""

    inputs: dict[str, ir.InputDecl]
    random_keys: list[tuple[int, int, int]]
    buffers: list[tirx.Buffer]


@dataclass
class SizeVars:
    B: tirx.Var
    H: tirx.Var
    Hk: tirx.Var
    Lq: tirx.Var
    Lk: tirx.Var

    @staticmethod
    def fresh() -> "SizeVars":
        return SizeVars(*(tirx.Var(n, "int32") for n in ("B", "H", "Hk", "Lq", "Lk")))

    def env_sizes(self) -> dict:
        return {"B": self.B, "H": self.H, "Lq": self.Lq, "Lk": self.Lk}


def make_signature(mask: ir.Expr | None, score: ir.Expr | None, sv: SizeVars,
                   input_decls=None) -> KernelSignature:
    decls = lw.inputs_used(mask, score)
    for decl in input_decls or ():
        decls.setdefault(decl.name, decl)
    decls = dict(sorted(decls.items()))
    bufs = [lw.input_buffer(d, sv.env_sizes()) for d in decls.values()]
    keys = lw.random_blocks_used(mask, score)
    bufs += [lw.random_table_decl(key, sv.H) for key in keys]
    return KernelSignature(decls, keys, bufs)


class ExprLowerer:
    """Mask and score of one pattern as Python callables that return PrimExprs, for use
    inside TVMScript. ``None`` expressions mean dense mask / unchanged score."""

    def __init__(self, mask, score, sv: SizeVars, sig: KernelSignature):
        self.mask, self.score, self.sv = mask, score, sv
        n_in = len(sig.inputs)
        self.inputs = dict(zip(sig.inputs, sig.buffers[:n_in]))
        self.tables = dict(zip(sig.random_keys, sig.buffers[n_in:]))
        if isinstance(mask, ir.Const) and mask.value is True:
            self.mask = None
        if score is not None and isinstance(score, ir.Var) and score.name == "score":
            self.score = None

    def env(self, b, h, q, k, score=None) -> lw.Env:
        names = {"b": b, "h": h, "q": q, "k": k, **self.sv.env_sizes()}
        if score is not None:
            names["score"] = score
        return lw.Env(names, self.inputs, self.tables)

    def mask_at(self, b, h, q, k):
        if self.mask is None:
            return tirx.const(True, "bool")
        return lw.lower_expr(self.mask, self.env(b, h, q, k))

    def score_at(self, b, h, q, k, raw):
        if self.score is None:
            return raw
        return lw.lower_expr(self.score, self.env(b, h, q, k, raw))

    def expr_at(self, e, b, h, q, k, raw):
        return lw.lower_expr(e, self.env(b, h, q, k, raw))


def attach_extra_params(func: tirx.PrimFunc, sig: KernelSignature, name: str) -> tirx.PrimFunc:
    """The parsed kernel with the pattern's input buffers appended to its parameters."""
    params = list(func.params) + list(sig.buffers)
    out = tirx.PrimFunc(params, func.body, func.ret_type, func.attrs)
    return out.with_attr("global_symbol", name)
