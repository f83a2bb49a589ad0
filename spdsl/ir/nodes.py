"""The typed, immutable IR that every later stage reads.

A checked pattern is two expression trees (``mask`` and ``score``) over these nodes.
Patterns are inlined, ``let``s are shared (the same node object appears wherever the
let is used, so the tree is a DAG), parameters that are bound are folded to constants.

Every node is a frozen dataclass. ``span`` (where in the source the node came from)
takes no part in equality or hashing, so two parses of the same text compare equal
whatever their spacing. ``name`` is a let's name, kept only so that the printer can
show the user's own names; it is not part of equality either.

Node kinds:

    Const(value, type)            int, float or bool literal
    Var(name)                     b h q k qi ki (indices), B H Lq Lk (sizes), score
    Param(name, type)             a parameter not bound yet
    Index(input, args, type)      an input tensor read at int indices
    Unary(op, x, type)            op in  neg not
    Binary(op, a, b, type)        op in  + - * / // % ** and or == != < <= > >=
    Call(fn, args, type)          fn in  abs min max exp log tanh sqrt sin cos tan sigmoid
    Select(cond, a, b, type)      if cond then a else b
    RandomBlocks(r, size, seed)   the random_blocks built-in (bool); after ``at_rows`` it
                                  also holds its query and key positions (qpos, kpos);
                                  ``shared`` and ``past`` are its bool keyword arguments
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Union

INT, FLOAT, BOOL = "int", "float", "bool"
ERROR = "error"  # the type of an expression that already failed to check

# ``q``/``k`` are positions (LANGUAGE.md, "Positions"), ``qi``/``ki`` row numbers. A checked
# pattern may read all four; ``spdsl.ir.positions.at_rows`` rewrites the positions into rows
# plus offsets, and every later stage (analysis, reference, kernels) binds only ROW_VARS.
INDEX_VARS = ("b", "h", "q", "k", "qi", "ki")
ROW_VARS = ("b", "h", "qi", "ki")
POSITION_VARS = ("q", "k")
SIZE_VARS = ("B", "H", "Lq", "Lk")
SIZE_OF_INDEX = {"b": "B", "h": "H", "qi": "Lq", "ki": "Lk"}

ARITH_OPS = ("+", "-", "*", "/", "//", "%", "**")
COMPARE_OPS = ("==", "!=", "<", "<=", ">", ">=")
LOGIC_OPS = ("and", "or")
MATH_FUNCS = ("exp", "log", "tanh", "sqrt", "sin", "cos", "tan", "sigmoid")
NUMERIC_FUNCS = ("abs", "min", "max")


@dataclass(frozen=True, slots=True)
class Span:
    """Where a node came from: a file and character offsets into its text."""

    file: str
    start: int
    end: int


def _span() -> Span | None:
    return field(default=None, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True)
class Const:
    value: Union[int, float, bool]
    type: str
    span: Span | None = _span()
    name: str | None = field(default=None, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True)
class Var:
    name: str
    span: Span | None = _span()

    @property
    def type(self) -> str:
        return FLOAT if self.name == "score" else INT


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    type: str
    span: Span | None = _span()


@dataclass(frozen=True, slots=True)
class InputDecl:
    """``input NAME : int[DIMS]`` as the kernels store it.

    ``dtype`` is ``int`` or ``float``; each dim is a size name (``B``...), an int, or an
    int expression of sizes and parameters (``Lq // 64``; see ``spdsl.ir.dims``). Two
    declarations are sugar over that storage, recorded so that messages, printing and
    call-time checks show what the user wrote: ``declared = "bool"`` (a ``bool[...]``
    input, stored as int 0/1 and read as ``x[...] != 0``) and ``scalar`` (``int[]``,
    stored as one element ``[1]`` and read as ``x[0]``)."""

    name: str
    dtype: str
    dims: tuple
    span: Span | None = _span()
    declared: str | None = None    # the element type written, where it is not ``dtype``
    scalar: bool = False

    @property
    def elem(self) -> str:
        """The element type as declared: int, float or bool."""
        return self.declared or self.dtype

    @property
    def declared_dims(self) -> tuple:
        """The dims as declared: ``()`` for a scalar."""
        return () if self.scalar else self.dims


@dataclass(frozen=True, slots=True)
class Index:
    input: InputDecl
    args: tuple["Expr", ...]
    span: Span | None = _span()
    name: str | None = field(default=None, compare=False, hash=False, repr=False)

    @property
    def type(self) -> str:
        return self.input.dtype


@dataclass(frozen=True, slots=True)
class Unary:
    op: str
    x: "Expr"
    type: str
    span: Span | None = _span()
    name: str | None = field(default=None, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    a: "Expr"
    b: "Expr"
    type: str
    span: Span | None = _span()
    name: str | None = field(default=None, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True)
class Call:
    fn: str
    args: tuple["Expr", ...]
    type: str
    span: Span | None = _span()
    name: str | None = field(default=None, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True)
class Select:
    cond: "Expr"
    a: "Expr"
    b: "Expr"
    type: str
    span: Span | None = _span()
    name: str | None = field(default=None, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True)
class RandomBlocks:
    r: "Expr"
    size: "Expr"
    seed: "Expr"
    # the positions it reads: None in a checked pattern (the variables q and k), the row
    # expressions qi + q_offset and ki + kv_offset after spdsl.ir.positions.at_rows
    qpos: "Expr | None" = None
    kpos: "Expr | None" = None
    # keyword arguments (LANGUAGE.md 1.1), bool expressions folded to constants by binding:
    # one draw for all heads; draws among key blocks <= q // size only
    shared: "Expr" = Const(False, BOOL)
    past: "Expr" = Const(False, BOOL)
    span: Span | None = _span()
    name: str | None = field(default=None, compare=False, hash=False, repr=False)

    @property
    def type(self) -> str:
        return BOOL

    def flags(self) -> tuple:
        """(shared, past), the keyword arguments' children."""
        return (self.shared, self.past)


Expr = Union[Const, Var, Param, Index, Unary, Binary, Call, Select, RandomBlocks]

TRUE = Const(True, BOOL)
FALSE = Const(False, BOOL)


def children(e: Expr) -> tuple[Expr, ...]:
    """The direct sub-expressions of a node, in source order."""
    if isinstance(e, Index) or isinstance(e, Call):
        return e.args
    if isinstance(e, Unary):
        return (e.x,)
    if isinstance(e, Binary):
        return (e.a, e.b)
    if isinstance(e, Select):
        return (e.cond, e.a, e.b)
    if isinstance(e, RandomBlocks):  # the constants first, then the positions (if any)
        return (e.r, e.size, e.seed, e.shared, e.past) + ((e.qpos, e.kpos) if e.qpos is not None else ())
    return ()


def with_children(e: Expr, new: tuple[Expr, ...]) -> Expr:
    """``e`` with its children replaced; ``e`` itself when nothing changed."""
    old = children(e)
    if len(old) == len(new) and all(x is y for x, y in zip(old, new)):
        return e
    if isinstance(e, Index):
        return Index(e.input, tuple(new), span=e.span, name=e.name)
    if isinstance(e, Call):
        return Call(e.fn, tuple(new), e.type, span=e.span, name=e.name)
    if isinstance(e, Unary):
        return Unary(e.op, new[0], e.type, span=e.span, name=e.name)
    if isinstance(e, Binary):
        return Binary(e.op, new[0], new[1], e.type, span=e.span, name=e.name)
    if isinstance(e, Select):
        return Select(new[0], new[1], new[2], e.type, span=e.span, name=e.name)
    if isinstance(e, RandomBlocks):
        pos = (new[5], new[6]) if len(new) == 7 else (None, None)
        return RandomBlocks(new[0], new[1], new[2], *pos, shared=new[3], past=new[4], span=e.span, name=e.name)
    return e


def walk(e: Expr, computed: bool = False) -> Iterator[Expr]:
    """Every distinct node of the DAG once, children before parents.

    With ``computed``, the arguments of ``random_blocks`` are not visited: they are
    folded constants the host reads to build its table, never values a kernel computes."""
    seen: set[int] = set()
    stack: list[tuple[Expr, bool]] = [(e, False)]
    while stack:
        node, expanded = stack.pop()
        if id(node) in seen:
            continue
        if expanded:
            seen.add(id(node))
            yield node
            continue
        stack.append((node, True))
        kids = children(node)
        if computed and isinstance(node, RandomBlocks):
            kids = kids[5:]  # only the positions are computed
        for c in reversed(kids):
            if id(c) not in seen:
                stack.append((c, False))


def transform(e: Expr, fn) -> Expr:
    """Rebuild the DAG bottom-up: ``fn(node_with_new_children)`` returns a node or None
    (keep). Shared nodes are rewritten once, so sharing survives the rewrite."""
    memo: dict[int, Expr] = {}
    for node in walk(e):
        new_children = tuple(memo[id(c)] for c in children(node))
        rebuilt = with_children(node, new_children)
        memo[id(node)] = fn(rebuilt) or rebuilt
    return memo[id(e)]


def free_vars(e: Expr) -> set[str]:
    """Names of the built-in variables (``q``, ``Lk``, ``score``...) that ``e`` reads."""
    return {n.name for n in walk(e) if isinstance(n, Var)}


def inputs_read(e: Expr) -> dict[str, InputDecl]:
    return {n.input.name: n.input for n in walk(e) if isinstance(n, Index)}


def params_read(e: Expr) -> set[str]:
    return {n.name for n in walk(e) if isinstance(n, Param)}


def _is_true(e: Expr) -> bool:
    return isinstance(e, Const) and e.value is True


def depends_on(e: Expr, var: str) -> bool:
    """Whether the value of ``e`` can change with the index variable ``var`` (b/h/q/k).

    Inputs with a dimension of ``var``'s size count as dependent on it only where
    the index at that dimension does; random_blocks depends on h and on its positions."""
    for n in walk(e):
        if isinstance(n, Var) and n.name == var:
            return True
        if isinstance(n, RandomBlocks) and n.qpos is None and var in ("h", "q", "k"):
            return True
        if isinstance(n, RandomBlocks) and var == "h" and not _is_true(n.shared):
            return True  # one draw per head, unless shared
    return False
