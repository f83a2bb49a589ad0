"""IR -> readable pattern text (what ``--emit ir``, golden files and cache keys show).

The output is valid pattern syntax: parsing it back gives the same IR. Sub-expressions
used more than once (shared lets) are printed once as ``let``s, under the user's own
name where the IR kept it.
"""

from __future__ import annotations

from spdsl.ir.nodes import BOOL, FLOAT, INT, Binary, Call, Const, Expr, Index, Param, RandomBlocks, Select, Unary, Var, children, walk
from spdsl.ir.simplify import CAUSAL

# Binding strength, loosest first; matches LANGUAGE.md's table.
_LEVEL = {"if": 1, "or": 2, "and": 3, "not": 4, "==": 5, "!=": 5, "<": 5, "<=": 5, ">": 5, ">=": 5,
          "+": 6, "-": 6, "*": 7, "/": 7, "//": 7, "%": 7, "neg": 8, "**": 9}
_ATOM = 10
MAX_NESTING = 50   # deeper sub-expressions are printed as lets


def dim_text(d) -> str:
    """A dim of an input declaration as the user would write it."""
    if isinstance(d, (str, int)):
        return str(d)
    return print_expr(d)


def input_text(decl) -> str:
    """An input declaration's type as the user wrote it: ``bool[B, Lk]``, ``int[]``."""
    return f"{decl.elem}[{', '.join(dim_text(d) for d in decl.declared_dims)}]"


def _const_text(c: Const) -> str:
    if c.type == BOOL:
        return "true" if c.value else "false"
    if c.type == FLOAT:
        r = repr(float(c.value))
        if r in ("inf", "-inf"):
            return r   # the literal inf (LANGUAGE.md 1.1)
        if r == "nan":
            return "(0.0 / 0.0)"
        return r
    return str(c.value)


class _Printer:
    def __init__(self, roots: list[Expr], anonymous: bool):
        self.anonymous = anonymous
        uses: dict[int, int] = {}
        nodes: dict[int, Expr] = {}
        for root in roots:
            for n in walk(root):
                nodes[id(n)] = n
                for c in children(n):
                    uses[id(c)] = uses.get(id(c), 0) + 1
        for root in roots:
            uses[id(root)] = uses.get(id(root), 0) + 1
        self.order: list[Expr] = []  # shared nodes, children first
        seen = set()
        depth: dict[int, int] = {}   # nesting of a node's text up to the next let
        for root in roots:
            for n in walk(root):
                if id(n) in seen:
                    continue
                seen.add(id(n))
                kids = children(n)
                d = 1 + max((depth[id(c)] for c in kids), default=0)
                causal = n is CAUSAL or (isinstance(n, Binary) and n.op == "<=" and n == CAUSAL)
                # Deep chains (thousands of lets each used once) are cut into lets too:
                # the text stays within the parser's nesting limit and printing is not
                # recursive beyond MAX_NESTING.
                if kids and not causal and (uses.get(id(n), 0) > 1 or d >= MAX_NESTING):
                    self.order.append(n)
                    d = 0
                depth[id(n)] = d
        self.names: dict[int, str] = {}
        taken: set[str] = set()
        for i, n in enumerate(self.order):
            name = None if anonymous else getattr(n, "name", None)
            if not name or name in taken:
                name = f"t{i}"
            taken.add(name)
            self.names[id(n)] = name

    def lets(self) -> list[str]:
        return [f"let {self.names[id(n)]} = {self.expr(n, top=True)}" for n in self.order]

    def expr(self, e: Expr, top: bool = False) -> str:
        text, _ = self._e(e, top)
        return text

    def _wrap(self, e: Expr, need: int, right: bool = False) -> str:
        text, level = self._e(e)
        if level < need or (right and level == need):
            return f"({text})"
        return text

    def _e(self, e: Expr, top: bool = False) -> tuple[str, int]:
        if not top and id(e) in self.names:
            return self.names[id(e)], _ATOM
        if e == CAUSAL:
            return "causal", _ATOM
        if isinstance(e, Const):
            text = _const_text(e)
            return text, (_LEVEL["neg"] if text.startswith("-") else _ATOM)
        if isinstance(e, (Var, Param)):
            return e.name, _ATOM
        if isinstance(e, Index):
            if e.input.scalar:  # `input n : int[]` is read bare; stored as n[0]
                return e.input.name, _ATOM
            return f"{e.input.name}[{', '.join(self.expr(a) for a in e.args)}]", _ATOM
        if _bool_read(e):  # a bool input, stored as int 0/1 and read as x[...] != 0
            return self._e(e.a)
        if isinstance(e, Call):
            return f"{e.fn}({', '.join(self.expr(a) for a in e.args)})", _ATOM
        if isinstance(e, RandomBlocks):
            kw = "".join(f", {n} = {self.expr(x)}" for n, x in (("shared", e.shared), ("past", e.past))
                         if not (isinstance(x, Const) and x.value is False))
            return f"random_blocks({self.expr(e.r)}, {self.expr(e.size)}, {self.expr(e.seed)}{kw})", _ATOM
        if isinstance(e, Select):
            return (f"if {self.expr(e.cond)} then {self.expr(e.a)} else {self._wrap(e.b, 1)}", 1)
        if isinstance(e, Unary):
            if e.op == "not":
                return f"not {self._wrap(e.x, _LEVEL['not'])}", _LEVEL["not"]
            return f"-{self._wrap(e.x, _LEVEL['neg'])}", _LEVEL["neg"]
        if isinstance(e, Binary):
            lvl = _LEVEL[e.op]
            if e.op == "**":  # right associative; the exponent may be a unary minus
                return f"{self._wrap(e.a, _ATOM)} ** {self._wrap(e.b, _LEVEL['neg'])}", lvl
            if lvl == 5:  # comparisons do not chain
                return f"{self._wrap(e.a, 6)} {e.op} {self._wrap(e.b, 6)}", lvl
            return f"{self._wrap(e.a, lvl)} {e.op} {self._wrap(e.b, lvl, right=True)}", lvl
        raise TypeError(f"cannot print {e!r}")


def _bool_read(e: Expr) -> bool:
    return (isinstance(e, Binary) and e.op == "!=" and isinstance(e.a, Index) and e.a.input.declared == BOOL
            and isinstance(e.b, Const) and e.b.type == INT and e.b.value == 0)


def print_expr(e: Expr) -> str:
    p = _Printer([e], anonymous=False)
    return "\n".join(p.lets() + [p.expr(e, top=True)])


def print_kernel_ir(mask: Expr, score: Expr | None, input_decls) -> str:
    """What a kernel is built from, names anonymised: its inputs, shared lets, mask and
    score (the IR part of a kernel cache key: equal for equal kernels)."""
    roots = [e for e in (mask, score) if e is not None]
    p = _Printer(roots, anonymous=True)
    lines = [f"input {d.name} : {input_text(d)}" for d in sorted(input_decls, key=lambda d: d.name)]
    lines += p.lets()
    if mask is not None:  # None: every key (a dense mask)
        lines.append(f"mask = {p.expr(mask, top=id(mask) not in p.names)}")
    if score is not None:
        lines.append(f"score = {p.expr(score, top=id(score) not in p.names)}")
    return "\n".join(lines)


def print_pattern(pattern, anonymous: bool = False) -> str:
    """The specialised pattern as text: inputs, shared lets, mask, score, block."""
    roots = [pattern.mask] + ([pattern.score] if pattern.score is not None else [])
    p = _Printer(roots, anonymous)
    name = "p" if anonymous else pattern.name
    params = ""
    if pattern.unbound:
        params = "(" + ", ".join(pattern.unbound) + ")"
    lines = [f"pattern {name}{params} {{"]
    for decl in pattern.inputs.values():
        lines.append(f"    input {decl.name} : {input_text(decl)}")
    lines += ["    " + s for s in p.lets()]
    lines.append(f"    mask = {p.expr(pattern.mask, top=id(pattern.mask) not in p.names)}")
    if pattern.score is not None:
        lines.append(f"    score = {p.expr(pattern.score, top=id(pattern.score) not in p.names)}")
    if pattern.block_hint is not None:
        bq, bk = pattern.block_hint
        lines.append(f"    block = {bq}" if bq == bk else f"    block = ({bq}, {bk})")
    lines.append("}")
    return "\n".join(lines)


__all__ = ["print_expr", "print_kernel_ir", "print_pattern", "INT"]
