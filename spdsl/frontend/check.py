"""Check: AST -> typed IR (stage 2 of the pipeline).

Names are resolved, types checked, patterns inlined at their call sites, lets shared,
parameters folded, index bounds proven (or turned into call-time checks). The checker
keeps going after an error: a bad expression gets the type ``error`` and later checks
on it stay silent, so one mistake gives one message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from spdsl.ir import simplify as S
from spdsl.frontend import syntax as A
from spdsl.frontend.bounds import IndexCheck, check_index_bounds
from spdsl.errors import Reporter, did_you_mean
from spdsl.ir.printer import input_text, print_expr
from spdsl.ir.nodes import BOOL, ERROR, FLOAT, INT, INDEX_VARS, SIZE_VARS, Const, Expr, Index, InputDecl, Param, RandomBlocks, Span, Var, free_vars, inputs_read, walk

BUILTIN_VARS = INDEX_VARS + SIZE_VARS
MATH_FUNCS = {"exp", "log", "tanh", "sqrt", "sin", "cos", "tan", "sigmoid"}
NUMERIC_FUNCS = {"abs": (1, 1), "min": (2, None), "max": (2, None)}
BUILTIN_FUNCS = MATH_FUNCS | set(NUMERIC_FUNCS) | {"random_blocks"}
RANDOM_BLOCKS_PARAMS = ("r", "size", "seed", "shared", "past")
# q_offset / kv_offset name the hidden inputs of explicit offsets (spdsl/ir/positions.py)
RESERVED = set(BUILTIN_VARS) | {"score", "causal", "q_offset", "kv_offset"} | BUILTIN_FUNCS

ERR = Const(0, ERROR)

# Checking visits each AST node once per distinct inlining of its pattern (a pattern
# called again with the same arguments is shared, not re-checked). The visits of one
# library load (or one bind) are capped at EXPANSION_BASE + the characters of its files
# (a node takes at least ~2 characters, so a legal file needs at most half that): this
# bounds the work and the IR of patterns whose calls fan out with different arguments
# (p1(w) calls p0(2*w) and p0(2*w+1), p2 calls p1 so, ...), which no sharing can save.
EXPANSION_BASE = 100_000
# random_blocks' r and size are counts of blocks and a block length: int32 in kernels.
RANDOM_BLOCKS_MAX = (1 << 31) - 1
MAX_HINTS = 100  # "did you mean" searches per library
# The block sizes the kernels take (data the front end owns; tests tie it to codegen's
# ScheduleConfig.check): block_q a multiple of KERNEL_BLOCK_Q_MULTIPLE, block_k of
# KERNEL_BLOCK_K_MULTIPLE (the CPU kernels' register tiles), block_q at most
# KERNEL_BLOCK_Q_MAX_CUDA on CUDA (one thread per query row in the CUDA-core kernels).
KERNEL_BLOCK_Q_MULTIPLE = 2
KERNEL_BLOCK_K_MULTIPLE = 4
KERNEL_BLOCK_Q_MAX_CUDA = 1024


@dataclass(frozen=True)
class Built:
    """The checked IR of one pattern under one set of parameter values."""

    mask: Expr
    score: Expr | None
    inputs: dict[str, InputDecl]
    block: tuple[int, int] | None
    index_checks: tuple[IndexCheck, ...]
    unbound: tuple[str, ...]
    block_span: Span | None = None   # where the pattern's own `block = ...` is


@dataclass
class _Scope:
    pattern: A.PatternDef
    params: dict[str, Expr]
    lets: dict[str, Expr] = field(default_factory=dict)
    let_lines: dict[str, Span] = field(default_factory=dict)
    inputs: dict[str, InputDecl] = field(default_factory=dict)
    in_score: bool = False
    later_lets: set | None = None   # every let name of the pattern (made on first need)


class Checker:
    """Builds the IR of patterns; one instance per library (it owns the reporter)."""

    def __init__(self, patterns: dict[str, A.PatternDef], reporter: Reporter):
        self.patterns = patterns
        self.rep = reporter
        self._stack: list[str] = []
        self._inputs: dict[str, InputDecl] = {}
        self._index_checks: list[IndexCheck] = []
        self._cycles: set[frozenset] = set()
        self._inlined: dict[tuple, Expr] = {}   # (pattern, argument key) -> its mask
        self._hints = 0
        self._input_log: list[InputDecl] = []
        self._in_default = False
        self._limit: int | None = None
        self._visits = 0
        self._too_big = False

    # ---- entry points -------------------------------------------------------------

    def build(self, pdef: A.PatternDef, values: dict[str, Union[int, float, bool]]) -> Built:
        """IR of ``pdef`` with ``values`` (and defaults) bound; others stay Params."""
        self._stack = [pdef.name]
        self._inputs = {}
        self._input_log: list[InputDecl] = []
        self._index_checks = []
        self._too_big = False
        params, unbound = {}, []
        for p in pdef.params:
            if p.name in values:
                params[p.name] = self._value_const(p, values[p.name])
            elif p.default is not None:
                params[p.name] = self._default(p)
            else:
                params[p.name] = Param(p.name, INT, span=p.span)
                unbound.append(p.name)
        scope = _Scope(pdef, params)
        self._block_span = None
        errors_before = len(self.rep.diagnostics)
        mask, score, block = self._body(pdef, scope)
        if not unbound and len(self.rep.diagnostics) == errors_before:
            self._refuse_hopeless(mask, score)
        block_span = self._block_span if block is not None else None
        return Built(mask, score, dict(self._inputs), block, tuple(self._index_checks), tuple(unbound),
                     block_span)

    def _refuse_hopeless(self, mask: Expr, score: Expr | None) -> None:
        """An int sub-expression that leaves int64 even at sizes 1 and inputs 0 can run
        for no call at all: refuse it here rather than at every call."""
        from spdsl.analysis.overflow import hopeless

        bad = hopeless(mask, score)
        if bad is not None:
            worst = bad.hi if bad.hi > -bad.lo else bad.lo
            self.rep.error(bad.node.span, f"this int expression reaches {worst:.3g} even at "
                                          f"Lq = Lk = 1, beyond int64: no call can compute it exactly",
                           "use smaller constants, or floats (write 1.0 * x) where exactness is not needed")

    def param_type(self, p: A.ParamDef) -> str:
        if p.default is None:
            return INT
        d = self._default(p)
        return d.type

    def _value_const(self, p: A.ParamDef, value) -> Expr:
        want = self.param_type(p) if p.default is not None else None
        if isinstance(value, bool):
            got = BOOL
        elif isinstance(value, int):
            got = INT
        elif isinstance(value, float):
            got = FLOAT
        else:
            self.rep.error(p.span, f"parameter '{p.name}' must be an int, float or bool, "
                                   f"got {type(value).__name__}")
            return ERR
        if want is not None and want != got and not (want == FLOAT and got == INT):
            self.rep.error(p.span, f"parameter '{p.name}' is {want} (from its default), "
                                   f"but was bound to the {got} {value!r}")
            return ERR
        try:
            return S.const(value, want or got, p.span)
        except S.ConstantRangeError as e:
            self.rep.error(p.span, f"parameter '{p.name}': {e}")
            return ERR

    def _default(self, p: A.ParamDef) -> Expr:
        visits, inside = self._visits, self._in_default  # a default is a small constant: not capped
        self._in_default = True
        try:
            e = self._expr(p.default, _Scope(A.PatternDef("", (), ()), {}))
        finally:
            self._visits, self._in_default = visits, inside
        if e.type != ERROR and not isinstance(e, Const):
            self.rep.error(p.default.span, f"the default of '{p.name}' must be a constant",
                           "defaults may use literals and operators only")
            return ERR
        return e

    def _budget(self) -> int:
        if self._limit is None:
            self._limit = EXPANSION_BASE + sum(len(src.text) for src in self.rep.sources.values())
        return self._limit

    def reset_budget(self) -> None:
        """Start a new count of visits (for a bind: a new top-level request)."""
        self._visits = 0

    def _did_you_mean(self, name: str, candidates) -> str | None:
        """A hint for the first MAX_HINTS misspellings; later ones get none, so that a
        file of thousands of unknown names is not quadratic."""
        if self._hints >= MAX_HINTS:
            return None
        self._hints += 1
        return did_you_mean(name, candidates)

    # ---- statements -----------------------------------------------------------------

    def _body(self, pdef: A.PatternDef, scope: _Scope):
        seen: dict[str, A.Stmt] = {}
        for p in pdef.params:
            if p.name in RESERVED:
                self.rep.error(p.span, f"'{p.name}' is a built-in name and cannot be a parameter")
        names = [p.name for p in pdef.params]
        for i, n in enumerate(names):
            if n in names[:i]:
                self.rep.error(pdef.params[i].span, f"parameter '{n}' is listed twice")
        for st in pdef.body:
            if st.kind == "input":
                self._declare_input(st, scope)
        mask = score = None
        block = None
        for st in pdef.body:
            if st.kind in ("mask", "score", "block"):
                if st.kind in seen:
                    self.rep.error(st.span, f"'{st.kind}' is set twice in pattern '{pdef.name}'",
                                   f"a pattern has at most one '{st.kind} = ...'")
                    continue
                seen[st.kind] = st
            if st.kind == "let":
                self._let(st, scope)
            elif st.kind == "mask":
                mask = self._mask(st.value, scope)
            elif st.kind == "score":
                score = self._score(st.value, scope)
            elif st.kind == "block":
                block = self._block(st.value, scope)
                if len(self._stack) == 1:  # the pattern being built, not an inlined callee
                    self._block_span = st.span
        return (mask if mask is not None else S.const(True, BOOL)), score, block

    def _declare_input(self, st: A.Stmt, scope: _Scope) -> None:
        name = st.name
        if name in RESERVED:
            self.rep.error(st.name_span, f"'{name}' is a built-in name and cannot be an input")
            return
        if name in scope.inputs or name in scope.params:
            self.rep.error(st.name_span, f"'{name}' is already defined in pattern '{scope.pattern.name}'")
            return
        dims = [self._dim(node, scope) for node in st.value.dims]
        if any(d is None for d in dims):
            dims = [d if d is not None else 1 for d in dims]  # reported; keep the input known
        elem = st.value.dtype
        # bool inputs are stored as int 0/1, scalars as one element (the kernels read
        # only int and float tensors of size dims; see InputDecl)
        decl = InputDecl(name, INT if elem == BOOL else elem, tuple(dims) or (1,), span=st.name_span,
                         declared=BOOL if elem == BOOL else None, scalar=not dims)
        scope.inputs[name] = decl
        self._use_input(decl, st.name_span)

    def _dim(self, node: A.Node, scope: _Scope):
        """One dim of an input declaration: a size name, an int >= 1, or an int expression
        of B, H, Lq, Lk, parameters and literals (evaluated at call time); None when bad."""
        if isinstance(node, A.Name) and node.id not in SIZE_VARS and node.id not in scope.params:
            self.rep.error(node.span, f"'{node.id}' is not a dimension; use B, H, Lq, Lk, a parameter "
                                      f"or an integer", self._did_you_mean(node.id, list(SIZE_VARS) + list(scope.params)))
            return None
        e = self._expr(node, _Scope(scope.pattern, scope.params))
        if e.type == ERROR:
            return None
        if e.type != INT:
            self.rep.error(node.span, f"an input dimension must be an int, but this is {e.type}")
            return None
        bad = sorted(free_vars(e) - set(SIZE_VARS)) + sorted(inputs_read(e))
        if bad or any(isinstance(n, RandomBlocks) for n in walk(e)):
            what = f"'{bad[0]}'" if bad else "random_blocks"
            self.rep.error(node.span, f"an input dimension may use B, H, Lq, Lk, parameters and literals, "
                                      f"but this reads {what}")
            return None
        if isinstance(e, Const):
            if e.value < 1:
                self.rep.error(node.span, "an input dimension must be at least 1"
                               + (f", but this is {e.value}" if not isinstance(node, A.Lit) else ""))
                return None
            return e.value
        if isinstance(e, Var):
            return e.name
        return e

    def _use_input(self, decl: InputDecl, span: Span | None) -> None:
        self._input_log.append(decl)
        old = self._inputs.get(decl.name)
        if old is None:
            self._inputs[decl.name] = decl
        elif old != decl:
            self.rep.error(span, f"input '{decl.name}' is declared as {_decl_text(decl)} here but as "
                                 f"{_decl_text(old)} in another pattern this one uses",
                           "patterns that share an input must declare it the same way")

    def _let(self, st: A.Stmt, scope: _Scope) -> None:
        name = st.name
        if name in RESERVED:
            self.rep.error(st.name_span, f"'{name}' is a built-in name and cannot be redefined")
            return
        if name in scope.lets:
            line = self.rep.diagnostic(scope.let_lines[name], "").line
            self.rep.error(st.name_span, f"'{name}' is already defined (line {line}); a let is never redefined",
                           "choose another name")
            return
        if name in scope.params or name in scope.inputs:
            self.rep.error(st.name_span, f"'{name}' is already a {'parameter' if name in scope.params else 'input'}")
            return
        value = self._expr(st.value, scope, allow_score=True)
        scope.lets[name] = _named(value, name)
        scope.let_lines[name] = st.name_span

    def _mask(self, node: A.Node, scope: _Scope) -> Expr:
        e = self._expr(node, scope)
        if e.type not in (BOOL, ERROR):
            self.rep.error(node.span, f"the mask must be a bool expression, but this is {e.type}",
                           "compare it with something, e.g. 'q - k < 256'")
            return ERR
        return e

    def _score(self, node: A.Node, scope: _Scope) -> Expr:
        e = self._expr(node, scope, allow_score=True)
        if e.type == BOOL:
            self.rep.error(node.span, "the score must be a number, but this is bool",
                           "to drop keys use 'mask = ...'")
            return ERR
        return S.promote(e, FLOAT)

    def _block(self, nodes: tuple, scope: _Scope):
        sizes = []
        for node in nodes:
            e = self._expr(node, scope)
            if e.type == ERROR or isinstance(e, Param):
                return None
            if not (isinstance(e, Const) and e.type == INT):
                self.rep.error(node.span, "a block size must be a constant int")
                return None
            if not 1 <= e.value <= 4096:
                self.rep.error(node.span, f"a block size must be between 1 and 4096, got {e.value}")
                return None
            sizes.append(e.value)
        if any(isinstance(n, Param) for n in sizes):
            return None
        return (sizes[0], sizes[-1])

    # ---- expressions --------------------------------------------------------------------

    def _expr(self, node: A.Node, scope: _Scope, allow_score: bool = False) -> Expr:
        old = scope.in_score
        scope.in_score = allow_score
        try:
            return self._e(node, scope)
        finally:
            scope.in_score = old

    def _e(self, node: A.Node, scope: _Scope) -> Expr:
        self._visits += 1
        if self._visits > self._budget() and not self._in_default:
            if not self._too_big:
                self._too_big = True
                self.rep.error(node.span, f"checking stopped here: the patterns expand into more than "
                                          f"{self._budget():,} expression nodes once pattern calls are inlined",
                               "calls with the same arguments are shared; calls that fan out with "
                               "different arguments at every level grow exponentially")
            return ERR
        try:
            return self._e_node(node, scope)
        except S.ConstantRangeError as e:
            self.rep.error(node.span, str(e))
            return ERR

    def _e_node(self, node: A.Node, scope: _Scope) -> Expr:
        if isinstance(node, A.Paren):
            return self._e(node.inner, scope)
        if isinstance(node, A.Lit):
            v = node.value
            t = BOOL if isinstance(v, bool) else INT if isinstance(v, int) else FLOAT
            return S.const(v, t, node.span)
        if isinstance(node, A.Name):
            return self._name(node, scope)
        if isinstance(node, A.Op):
            return self._op(node, scope)
        if isinstance(node, A.If):
            return self._if(node, scope)
        if isinstance(node, A.CallExpr):
            return self._call(node, scope)
        if isinstance(node, A.IndexExpr):
            return self._index(node, scope)
        if isinstance(node, A.InList):
            return self._in_list(node, scope)
        raise TypeError(f"unknown AST node {node!r}")  # a bug in the parser, not user input

    def _visible(self, scope: _Scope) -> list[str]:
        return (list(scope.lets) + list(scope.params) + list(scope.inputs) + list(self.patterns)
                + list(BUILTIN_VARS) + ["causal", "score"] + sorted(BUILTIN_FUNCS))

    def _name(self, node: A.Name, scope: _Scope) -> Expr:
        n = node.id
        if n in scope.lets:
            return scope.lets[n]
        if n in scope.params:
            return scope.params[n]
        if n in scope.inputs:
            decl = scope.inputs[n]
            if decl.scalar:
                return _read(Index(decl, (S.const(0, INT),), span=node.span))
            self.rep.error(node.span, f"input '{n}' is a tensor; index it, e.g. "
                                      f"{n}[{', '.join(_dim_index(d) for d in decl.dims)}]")
            return ERR
        if n in BUILTIN_VARS:
            return Var(n, span=node.span)
        if n == "score":
            if not scope.in_score:
                self.rep.error(node.span, "'score' can only be used inside 'score = ...'",
                               "the mask decides which keys are seen; the score expression rewrites their scores")
                return ERR
            return Var("score", span=node.span)
        if n == "causal":
            return S.CAUSAL
        if n in self.patterns:
            return self._inline(n, (), node.span, scope, bare=True)
        if n in BUILTIN_FUNCS:
            self.rep.error(node.span, f"'{n}' is a function; call it: {n}(...)")
            return ERR
        if scope.later_lets is None:
            scope.later_lets = {s.name for s in scope.pattern.body if s.kind == "let"}
        if n in scope.later_lets:
            self.rep.error(node.span, f"'{n}' is used before its definition",
                           "a let must be defined before it is used")
            return ERR
        hint = self._did_you_mean(n, self._visible(scope)) if self._hints < MAX_HINTS else None
        self.rep.error(node.span, f"unknown name '{n}'", hint)
        return ERR

    def _op(self, node: A.Op, scope: _Scope) -> Expr:
        op = node.op
        if op in ("neg", "not"):
            x = self._e(node.args[0], scope)
            if x.type == ERROR:
                return ERR
            if op == "not":
                if x.type != BOOL:
                    self.rep.error(node.args[0].span, f"'not' needs a bool, but this is {x.type}")
                    return ERR
                return S.unary("not", x, BOOL, node.span)
            if x.type == BOOL:
                self.rep.error(node.args[0].span, "'-' needs a number, but this is bool")
                return ERR
            return S.unary("neg", x, x.type, node.span)
        if op in ("==", "!=", "<", "<=", ">", ">="):
            for side in node.args:
                if isinstance(side, A.InList) or isinstance(side, A.Op) and side.op in ("==", "!=", "<", "<=", ">", ">="):
                    self.rep.error(node.op_span or node.span, "comparisons cannot be chained",
                                   "write 'a < b and b < c'")
                    return ERR
        a = self._e(node.args[0], scope)
        b = self._e(node.args[1], scope)
        if a.type == ERROR or b.type == ERROR:
            return ERR
        return self._binary(node, op, a, b)

    def _binary(self, node: A.Op, op: str, a: Expr, b: Expr) -> Expr:
        where = node.op_span or node.span
        if op in ("and", "or"):
            for side, e in zip(node.args, (a, b)):
                if e.type != BOOL:
                    self.rep.error(side.span, f"'{op}' needs bool operands, but this is {e.type}",
                                   "compare numbers first, e.g. 'q - k < 8'")
                    return ERR
            return S.binary(op, a, b, BOOL, node.span)
        if op in ("==", "!="):
            if (a.type == BOOL) != (b.type == BOOL):
                self.rep.error(where, f"cannot compare {a.type} with {b.type}")
                return ERR
            if a.type != BOOL:
                a, b = _unify(a, b)
            return S.binary(op, a, b, BOOL, node.span)
        for side, e in zip(node.args, (a, b)):
            if e.type == BOOL:
                self.rep.error(side.span, f"'{op}' needs numbers, but this is bool")
                return ERR
        if op in ("<", "<=", ">", ">="):
            a, b = _unify(a, b)
            return S.binary(op, a, b, BOOL, node.span)
        if op in ("//", "%"):
            for side, e in zip(node.args, (a, b)):
                if e.type != INT:
                    self.rep.error(side.span, f"'{op}' is integer {'floor division' if op == '//' else 'modulo'}, "
                                              f"but this is {e.type}", "use '/' for float division")
                    return ERR
            if S.is_const(b, 0):
                self.rep.error(node.args[1].span, f"{'division' if op == '//' else 'modulo'} by zero")
                return ERR
            return S.binary(op, a, b, INT, node.span)
        if op == "/":
            if S.is_const(b, 0):
                self.rep.error(node.args[1].span, "division by zero")
                return ERR
            return S.binary("/", S.promote(a, FLOAT), S.promote(b, FLOAT), FLOAT, node.span)
        if op == "**":
            if a.type == INT and b.type == INT:
                if isinstance(b, Const) and b.value < 0:
                    self.rep.error(node.args[1].span, "an int raised to a negative power",
                                   "write a float base, e.g. 2.0 ** -1")
                    return ERR
                return S.binary("**", a, b, INT, node.span)
            return S.binary("**", S.promote(a, FLOAT), S.promote(b, FLOAT), FLOAT, node.span)
        a, b = _unify(a, b)
        return S.binary(op, a, b, a.type, node.span)

    def _if(self, node: A.If, scope: _Scope) -> Expr:
        c = self._e(node.cond, scope)
        a = self._e(node.a, scope)
        b = self._e(node.b, scope)
        if ERROR in (c.type, a.type, b.type):
            return ERR
        if c.type != BOOL:
            self.rep.error(node.cond.span, f"the condition of 'if' must be bool, but this is {c.type}")
            return ERR
        if (a.type == BOOL) != (b.type == BOOL):
            self.rep.error(node.b.span, f"both branches of 'if' must have the same type: "
                                        f"'then' gives {a.type}, 'else' gives {b.type}")
            return ERR
        if a.type != BOOL:
            a, b = _unify(a, b)
        return S.select(c, a, b, a.type, node.span)

    def _call(self, node: A.CallExpr, scope: _Scope) -> Expr:
        fn = node.fn
        if fn in scope.lets or fn in scope.params or fn in scope.inputs or fn in BUILTIN_VARS or fn in ("score", "causal"):
            what = "input" if fn in scope.inputs else "value"
            hint = f"index an input with square brackets: {fn}[...]" if fn in scope.inputs else None
            if fn in scope.inputs and scope.inputs[fn].scalar:
                hint = f"'{fn}' is a scalar ({_decl_text(scope.inputs[fn])}): write it bare, '{fn}'"
            self.rep.error(node.fn_span, f"'{fn}' is a {what}, not a function or pattern", hint)
            return ERR
        if fn in self.patterns:
            return self._inline(fn, node.args, node.span, scope, fn_span=node.fn_span)
        if fn in BUILTIN_FUNCS:
            return self._builtin(node, scope)
        self.rep.error(node.fn_span, f"unknown function or pattern '{fn}'",
                       self._did_you_mean(fn, list(self.patterns) + sorted(BUILTIN_FUNCS)))
        return ERR

    def _builtin(self, node: A.CallExpr, scope: _Scope) -> Expr:
        fn = node.fn
        if fn == "random_blocks":
            return self._random_blocks_call(node, scope)
        if any(a.name is not None for a in node.args):
            kw = next(a for a in node.args if a.name is not None)
            self.rep.error(kw.span, f"'{fn}' takes no keyword arguments")
            return ERR
        args = [self._e(a.value, scope) for a in node.args]
        lo, hi = (1, 1) if fn in MATH_FUNCS else NUMERIC_FUNCS[fn]
        if len(args) < lo or (hi is not None and len(args) > hi):
            want = f"{lo}" if lo == hi else f"at least {lo}"
            self.rep.error(node.span, f"'{fn}' takes {want} argument{'s' if lo != 1 else ''}, got {len(args)}")
            return ERR
        if any(a.type == ERROR for a in args):
            return ERR
        for a, e in zip(node.args, args):
            if e.type == BOOL:
                self.rep.error(a.span, f"'{fn}' needs numbers, but this is bool")
                return ERR
        if fn in MATH_FUNCS:
            return S.call(fn, (S.promote(args[0], FLOAT),), FLOAT, node.span)
        t = FLOAT if any(a.type == FLOAT for a in args) else INT
        return S.call(fn, tuple(S.promote(a, t) for a in args), t, node.span)

    def _random_blocks_call(self, node: A.CallExpr, scope: _Scope) -> Expr:
        """``random_blocks(r, size, seed, shared = false, past = false)``: arguments by
        position or by name, as in Python; shared and past are bool constants."""
        names = RANDOM_BLOCKS_PARAMS
        signature = "random_blocks(r, size, seed, shared = false, past = false)"
        given: dict[str, A.Arg] = {}
        ok = True
        for i, a in enumerate(node.args):
            if a.name is None and i >= len(names):
                self.rep.error(a.span, f"'random_blocks' takes at most {len(names)} arguments, "
                                       f"got {len(node.args)}", signature)
                return ERR
            key = names[i] if a.name is None else a.name
            if key not in names:
                self.rep.error(a.span, f"'random_blocks' has no argument '{key}'",
                               self._did_you_mean(key, names) or signature)
                ok = False
            elif key in given:
                self.rep.error(a.span, f"argument '{key}' is given twice")
                ok = False
            else:
                given[key] = a
        missing = [n for n in names[:3] if n not in given]
        if missing and ok:
            self.rep.error(node.span, f"'random_blocks' is missing argument{'s' if len(missing) > 1 else ''} "
                                      f"{', '.join(repr(m) for m in missing)}", signature)
            return ERR
        if not ok:
            return ERR
        args = {n: self._e(a.value, scope) for n, a in given.items()}
        if any(e.type == ERROR for e in args.values()):
            return ERR
        for n in names[3:]:
            if n not in args:
                continue
            e, span = args[n], given[n].value.span
            if e.type != BOOL:
                self.rep.error(span, f"random_blocks: '{n}' must be true or false, but this is {e.type}")
                return ERR
            if free_vars(e) or inputs_read(e):
                self.rep.error(span, f"random_blocks: '{n}' must be a constant (it may use parameters)")
                return ERR
        return self._random_blocks(node, [args[n] for n in names[:3]], [given[n] for n in names[:3]],
                                   args.get("shared"), args.get("past"))

    def _random_blocks(self, node: A.CallExpr, args: list[Expr], arg_nodes, shared, past) -> Expr:
        for a, e, what in zip(arg_nodes, args, ("r", "size", "seed")):
            if e.type != INT:
                self.rep.error(a.span, f"random_blocks: '{what}' must be an int, but this is {e.type}")
                return ERR
            if free_vars(e) or inputs_read(e):
                sizes = free_vars(e) & set(SIZE_VARS)
                hint = None
                if sizes and what == "r":
                    hint = "r is capped at the number of key blocks: a large constant means 'every block'"
                self.rep.error(a.span, f"random_blocks: '{what}' must be a constant (it may use parameters"
                                       + (f", not the size {', '.join(sorted(sizes))})" if sizes else ")"), hint)
                return ERR
        r, size, _ = args
        if isinstance(size, Const) and size.value < 1:
            self.rep.error(arg_nodes[1].span, "random_blocks: 'size' must be at least 1")
            return ERR
        if isinstance(r, Const) and r.value < 0:
            self.rep.error(arg_nodes[0].span, "random_blocks: 'r' must not be negative")
            return ERR
        for a, e, what in zip(arg_nodes, (r, size), ("r", "size")):
            if isinstance(e, Const) and e.value > RANDOM_BLOCKS_MAX:
                self.rep.error(a.span, f"random_blocks: '{what}' must be at most {RANDOM_BLOCKS_MAX}, got {e.value}",
                               "r is capped at the number of key blocks anyway" if what == "r" else None)
                return ERR
        return S.random_blocks(args[0], args[1], args[2], node.span, shared=shared, past=past)

    def _index(self, node: A.IndexExpr, scope: _Scope) -> Expr:
        n = node.name
        if n not in scope.inputs:
            if n in scope.lets or n in scope.params or n in BUILTIN_VARS:
                self.rep.error(node.name_span, f"'{n}' is not an input and cannot be indexed",
                               f"declare it: input {n} : int[...]")
            else:
                self.rep.error(node.name_span, f"unknown input '{n}'",
                               self._did_you_mean(n, scope.inputs) or f"declare it: input {n} : int[B, Lk]")
            return ERR
        decl = scope.inputs[n]
        if decl.scalar:
            self.rep.error(node.span, f"input '{n}' is a scalar ({_decl_text(decl)}) and cannot be indexed",
                           f"write it bare: {n}")
            return ERR
        args = [self._e(a, scope) for a in node.args]
        if len(args) != len(decl.dims):
            self.rep.error(node.span, f"input '{n}' has {len(decl.dims)} dimension{'s' if len(decl.dims) != 1 else ''} "
                                      f"({_decl_text(decl)}), but is indexed with {len(args)}")
            return ERR
        if any(a.type == ERROR for a in args):
            return ERR
        for a, e in zip(node.args, args):
            if e.type != INT:
                self.rep.error(a.span, f"an index must be an int, but this is {e.type}")
                return ERR
            if "score" in free_vars(e):
                self.rep.error(a.span, "an index cannot depend on the score")
                return ERR
        idx = Index(decl, tuple(args), span=node.span)
        ok = True
        for dim, (a, e) in enumerate(zip(node.args, args)):
            result = check_index_bounds(e, decl.dims[dim])
            if result.error:
                self.rep.error(a.span, f"index {dim + 1} of '{n}' {result.error}", result.hint)
                ok = False
            elif result.needs_call_check:
                self._index_checks.append(IndexCheck(decl, dim, e, a.span))
        return _read(idx) if ok else ERR

    def _in_list(self, node: A.InList, scope: _Scope) -> Expr:
        """``A in (C1, C2, ...)`` as ``A == C1 or A == C2 ...`` (A is computed once: the IR
        is a DAG and expressions are pure)."""
        if isinstance(node.value, (A.Op, A.InList)) and (isinstance(node.value, A.InList) or
                                                         node.value.op in ("==", "!=", "<", "<=", ">", ">=")):
            self.rep.error(node.op_span or node.span, "comparisons cannot be chained",
                           "write 'a < b and b < c'")
            return ERR
        a = self._e(node.value, scope)
        items = [self._e(item, scope) for item in node.items]
        if not node.items:
            self.rep.error(node.op_span or node.span, "'in' needs at least one constant in its list",
                           "write the values to compare with, e.g. 'x in (0, 2)'")
            return ERR
        if a.type == ERROR or any(c.type == ERROR for c in items):
            return ERR
        out = None
        for item, c in zip(node.items, items):
            moving = sorted(free_vars(c)) + sorted(inputs_read(c))
            if moving or any(isinstance(n, RandomBlocks) for n in walk(c)):
                self.rep.error(item.span, f"the list of 'in' holds constants, but this reads '{moving[0]}'"
                               if moving else "the list of 'in' holds constants, but this is random_blocks",
                               "literals and parameters only; compare with '==' for anything else")
                return ERR
            if (a.type == BOOL) != (c.type == BOOL):
                self.rep.error(item.span, f"cannot compare {a.type} with {c.type} in 'in'")
                return ERR
            x, y = (a, c) if a.type == BOOL else _unify(a, c)
            eq = S.binary("==", x, y, BOOL, node.span)
            out = eq if out is None else S.binary("or", out, eq, BOOL, node.span)
        return out

    # ---- pattern calls --------------------------------------------------------------

    def _inline(self, name: str, args: tuple, span: Span | None, caller: _Scope,
                bare: bool = False, fn_span: Span | None = None) -> Expr:
        callee = self.patterns[name]
        if name in self._stack:
            members = self._stack[self._stack.index(name):]
            if frozenset(members) not in self._cycles:  # one message per cycle, not per member
                self._cycles.add(frozenset(members))
                cycle = " -> ".join(members + [name])
                self.rep.error(fn_span or span, f"pattern '{name}' calls itself ({cycle}); recursion is not allowed")
            return ERR
        if bare and any(p.default is None for p in callee.params):
            missing = [p.name for p in callee.params if p.default is None]
            self.rep.error(span, f"pattern '{name}' needs arguments ({', '.join(missing)})",
                           f"call it: {name}({', '.join(m + '=...' for m in missing)})")
            return ERR
        values = self._bind_args(callee, args, span, caller)
        if values is None:
            return ERR
        # A pattern called again with the same arguments gives the same IR object: the
        # body is checked once and shared (the IR is a DAG), so p2 = p1 and p1 with
        # p1 = p0 or p0 ... stays linear.
        # Kept across builds (a library checks many patterns that call the same ones): an
        # entry replays the inputs and index checks its expansion added; expansions that
        # reported an error are not kept, so that every build reports its own errors.
        key = (name, tuple((n, _arg_key(e)) for n, e in sorted(values.items())))
        hit = self._inlined.get(key)
        if hit is not None:
            mask, inputs, checks = hit
            for decl in inputs:
                self._use_input(decl, span)
            self._index_checks.extend(c for c in checks if c not in self._index_checks)
            return mask
        reports, n_inputs, n_checks = self.rep.reports, len(self._input_log), len(self._index_checks)
        self._stack.append(name)
        try:
            params = {}
            for p in callee.params:
                params[p.name] = values[p.name] if p.name in values else self._default(p)
            scope = _Scope(callee, params)
            mask, _, _ = self._body(callee, scope)
        finally:
            self._stack.pop()
        if self.rep.reports == reports and mask.type != ERROR:
            used = list({d.name: d for d in self._input_log[n_inputs:]}.values())
            self._inlined[key] = (mask, used, tuple(self._index_checks[n_checks:]))
        return mask

    def _bind_args(self, callee: A.PatternDef, args: tuple, span, caller: _Scope) -> dict | None:
        names = [p.name for p in callee.params]
        values: dict[str, Expr] = {}
        positional = [a for a in args if a.name is None]
        ok = True
        if len(positional) > len(names):
            self.rep.error(positional[len(names)].span,
                           f"pattern '{callee.name}' takes {len(names)} argument{'s' if len(names) != 1 else ''}, "
                           f"got {len(positional)}")
            return None
        for a in args:
            if a.name is None:
                continue
            if a.name not in names:
                self.rep.error(a.span, f"pattern '{callee.name}' has no parameter '{a.name}'",
                               self._did_you_mean(a.name, names) or (f"its parameters: {', '.join(names)}" if names else
                                                               f"'{callee.name}' takes no parameters"))
                ok = False
        kw_seen = set()
        for i, a in enumerate(args):
            key = names[i] if a.name is None else a.name
            if a.name is not None and a.name not in names:
                continue
            if key in kw_seen:
                self.rep.error(a.span, f"argument '{key}' is given twice")
                ok = False
                continue
            kw_seen.add(key)
            values[key] = a
        missing = [p.name for p in callee.params if p.default is None and p.name not in values]
        if missing and ok:
            self.rep.error(span, f"pattern '{callee.name}' is missing argument{'s' if len(missing) > 1 else ''} "
                                 f"{', '.join(repr(m) for m in missing)}")
            ok = False
        if not ok:
            return None
        return self._arg_values(callee, values, caller)

    def _arg_values(self, callee: A.PatternDef, args: dict, caller: _Scope) -> dict | None:
        out = {}
        for p in callee.params:
            if p.name not in args:
                continue
            a = args[p.name]
            e = self._e(a.value, caller)
            if e.type == ERROR:
                return None
            if free_vars(e) & {"b", "h", "q", "k", "qi", "ki", "score"} or inputs_read(e):
                self.rep.error(a.value.span, f"argument '{p.name}' must be a compile-time constant",
                               "pattern arguments may use parameters and sizes, not b, h, q, k, qi, ki or inputs")
                return None
            want = self.param_type(p)
            if p.default is not None and e.type != want and not (want == FLOAT and e.type == INT):
                self.rep.error(a.value.span, f"argument '{p.name}' of '{callee.name}' must be {want}, but this is {e.type}")
                return None
            out[p.name] = S.promote(e, want) if p.default is not None else e
        return out


def _arg_key(e: Expr) -> tuple:
    """A pattern argument's value as a hashable key (equal for equal values)."""
    if isinstance(e, Const):
        return ("const", e.type, e.value)
    return ("expr", e.type, print_expr(e))


def _unify(a: Expr, b: Expr) -> tuple[Expr, Expr]:
    if a.type == b.type:
        return a, b
    return S.promote(a, FLOAT), S.promote(b, FLOAT)


def _named(e: Expr, name: str) -> Expr:
    """Record a let's name on its node (for the printer) without touching equality."""
    if (hasattr(e, "name") and not isinstance(e, (Var, Param)) and e is not S.CAUSAL
            and getattr(e, "name", None) is None):
        try:
            object.__setattr__(e, "name", name)
        except (AttributeError, TypeError):
            pass
    return e


def _decl_text(d: InputDecl) -> str:
    return input_text(d)


def _read(idx: Index) -> Expr:
    """An input read as the user sees it: a bool input is stored as int 0/1."""
    if idx.input.declared == BOOL:
        return S.binary("!=", idx, S.const(0, INT), BOOL, idx.span)
    return idx


def _dim_index(d) -> str:
    return {"B": "b", "H": "h", "Lq": "qi", "Lk": "k"}.get(d, "0") if isinstance(d, str) else "0"
