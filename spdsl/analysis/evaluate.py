"""The concrete evaluator: the reference semantics of the IR, on NumPy or PyTorch arrays.

Every other stage (the interval analysis, the generated kernels) must agree with this
file.  The semantics, exactly:

* ``int`` values are int64 (a call whose ints could overflow is refused first: spdsl/analysis/overflow.py); ``float`` values are ``float_dtype``
  (float32 for masks, the score's dtype inside a score expression); ``bool`` is bool.
* ``//`` and ``%`` are floor division and modulo with Python's signs.  An integer
  ``//`` or ``%`` by zero at run time gives 0 (kernels cannot raise; the checker already
  rejects a constant zero).  On floats they follow IEEE (``x // 0.0`` is +-inf or NaN).
* ``/`` always gives a float.  Mixing int and float promotes the int to float.
* ``**``: the node's type says int or float.  ``int ** int`` is exact int64 power; a
  negative exponent at run time (the checker normally proves there is none) gives 0.
* Comparisons follow IEEE, as torch and the kernels do: a NaN compares false, except ``!=``.
* ``and`` / ``or`` / ``not`` on bools; ``if`` is ``where``.
* ``abs``, ``min``, ``max`` (2 or more arguments) on int or float; ``exp``, ``log``,
  ``tanh``, ``sqrt``, ``sin``, ``cos``, ``tan``, ``sigmoid`` on float (IEEE results:
  ``log(-1)`` is NaN, ``log(0)`` is -inf, ``sin(inf)`` is NaN; ``sigmoid(x)`` is
  ``1 / (1 + exp(-x))``, computed as ``e / (1 + e)``, ``e = exp(-|x|)``, for x < 0).
* ``Index(input, args)``: a gather at int64 indices (broadcast).  The caller proves the
  bounds beforehand; an index out of range here raises IndexError naming the input.
* ``random_blocks(r, size, seed, shared, past)``: see spdsl/analysis/random_blocks.py and
  docs/random_blocks.md.
* ``B``, ``H``, ``Lq``, ``Lk`` are the call sizes; a ``Param`` still unbound is an error.
"""

from __future__ import annotations

from typing import Any, Mapping

import numpy as np

from spdsl.ir import nodes as ir
from spdsl.analysis.random_blocks import chosen_blocks, random_block_sizes

# Tables bigger than this are looked up by membership in the chosen list instead.
_MAX_TABLE_ELEMENTS = 1 << 24


def _np_sigmoid(x):
    """1 / (1 + exp(-x)) without overflow (e / (1 + e), e = exp(-|x|)), in x's dtype."""
    x = np.asarray(x)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1, e) / (1 + e)


class _NumpyOps:
    name = "numpy"
    int_dtype = np.int64
    bool_dtype = np.bool_

    @staticmethod
    def float_dtype(d):
        return np.dtype(d if d is not None else np.float32)

    @staticmethod
    def const(value, dtype):
        return np.asarray(value, dtype=dtype)

    @staticmethod
    def cast(x, dtype):
        return np.asarray(x).astype(dtype, copy=False)

    @staticmethod
    def asarray(x, dtype=None):
        if hasattr(x, "detach"):  # a torch tensor handed to the numpy backend
            x = x.detach().cpu().numpy()
        return np.asarray(x, dtype=dtype)

    is_float = staticmethod(lambda x: np.issubdtype(np.asarray(x).dtype, np.floating))
    where = staticmethod(np.where)
    floordiv = staticmethod(np.floor_divide)
    mod = staticmethod(np.remainder)
    power = staticmethod(np.power)
    abs = staticmethod(np.abs)
    minimum = staticmethod(np.minimum)
    maximum = staticmethod(np.maximum)
    exp = staticmethod(np.exp)
    log = staticmethod(np.log)
    tanh = staticmethod(np.tanh)
    sqrt = staticmethod(np.sqrt)
    sin = staticmethod(np.sin)
    cos = staticmethod(np.cos)
    tan = staticmethod(np.tan)
    sigmoid = staticmethod(lambda x: _np_sigmoid(x))
    isnan = staticmethod(np.isnan)
    any_ = staticmethod(lambda x: bool(np.any(x)))
    last_any = staticmethod(lambda x: np.any(x, axis=-1))
    clip = staticmethod(np.clip)
    shape = staticmethod(lambda x: np.shape(x))


class _TorchOps:
    name = "torch"

    def __init__(self):
        import torch

        self.torch = torch
        self.int_dtype = torch.int64
        self.bool_dtype = torch.bool

    def float_dtype(self, d):
        if d is None:
            return self.torch.float32
        if isinstance(d, self.torch.dtype):
            return d
        return getattr(self.torch, np.dtype(d).name)

    def const(self, value, dtype):
        # torch.full, not torch.tensor: under torch.compile a torch.tensor(...) literal
        # becomes lift_fresh_copy, which Inductor's FlexAttention lowering rejects.
        return self.torch.full((), value, dtype=dtype)

    def cast(self, x, dtype):
        return x.to(dtype)

    def asarray(self, x, dtype=None):
        t = self.torch
        if isinstance(x, t.Tensor):
            return x if dtype is None else x.to(dtype)
        return t.as_tensor(np.asarray(x), dtype=dtype)

    def is_float(self, x):
        return x.is_floating_point()

    def where(self, c, a, b):
        return self.torch.where(c, a, b)

    def floordiv(self, a, b):
        return self.torch.div(a, b, rounding_mode="floor")

    def mod(self, a, b):
        return self.torch.remainder(a, b)

    def power(self, a, b):
        return self.torch.pow(a, b)

    def __getattr__(self, name):
        # abs minimum maximum exp log tanh sqrt sin cos tan sigmoid isnan share their
        # names with torch
        return getattr(self.torch, name)

    def any_(self, x):
        return bool(x.any())

    def last_any(self, x):
        return x.any(dim=-1)

    def shape(self, x):
        return tuple(x.shape)


_BACKENDS: dict[str, Any] = {"numpy": _NumpyOps()}


def backend(xp: str):
    """The op table for ``"numpy"`` or ``"torch"`` (torch imported on first use)."""
    if xp not in _BACKENDS:
        if xp != "torch":
            raise ValueError(f"unknown array backend {xp!r}; use 'numpy' or 'torch'")
        _BACKENDS["torch"] = _TorchOps()
    return _BACKENDS[xp]


class _Evaluator:
    """One evaluation: the environment, the backend and a memo keyed by node identity."""

    def __init__(self, ops, env, float_dtype, inputs, random_tables):
        self.ops = ops
        self.env = env
        self.fdt = ops.float_dtype(float_dtype)
        self.inputs = inputs or {}
        self.random_tables = random_tables if random_tables is not None else {}
        self.memo: dict[int, Any] = {}

    def run(self, expr):
        if self.ops.name == "numpy":
            with np.errstate(all="ignore"):  # IEEE results (inf, NaN) are the semantics
                return self._run(expr)
        return self._run(expr)  # torch: traced by dynamo under FlexAttention; no numpy here

    def _run(self, expr):
        # no shared cache under torch: dynamo refuses a global mutated inside FlexAttention
        order, uses = plan(expr, cache=self.ops.name == "numpy")
        left = dict(uses)
        memo = self.memo
        for node in order:
            memo[id(node)] = self.node(node)
            # a value is dropped once its last parent has read it: memory follows the
            # width of the DAG, not its size (10k lets in a chain hold two values)
            for c in ir.children(node):
                left[id(c)] -= 1
                if left[id(c)] == 0:
                    del memo[id(c)]
        return memo[id(expr)]

    def val(self, node):
        return self.memo[id(node)]

    def num(self, node, as_float):
        """A child's value, promoted to float where the parent computes in float."""
        v = self.val(node)
        if as_float and node.type == ir.INT:
            return self.ops.cast(v, self.fdt)
        return v

    def node(self, e):
        method = getattr(self, "eval_" + type(e).__name__)
        return method(e)

    # ---- leaves ---------------------------------------------------------------
    def eval_Const(self, e):
        dtype = {ir.INT: self.ops.int_dtype, ir.FLOAT: self.fdt,
                 ir.BOOL: self.ops.bool_dtype}[e.type]
        return self.ops.const(e.value, dtype)

    def eval_Var(self, e):
        if e.name not in self.env:
            raise ValueError(f"the evaluator was given no value for {e.name!r}")
        v = self.env[e.name]
        dtype = self.fdt if e.name == "score" else self.ops.int_dtype
        if isinstance(v, (int, np.integer, float)):
            return self.ops.const(v, dtype)
        return self.ops.asarray(v, dtype)

    def eval_Param(self, e):
        raise ValueError(f"parameter {e.name!r} has no value: bind it before evaluating "
                         f"(pattern.bind({e.name}=...))")

    # ---- operators ------------------------------------------------------------
    def eval_Unary(self, e):
        x = self.val(e.x)
        return ~x if e.op == "not" else -x

    def eval_Binary(self, e):
        op = e.op
        if op in ir.LOGIC_OPS:
            a, b = self.val(e.a), self.val(e.b)
            return (a & b) if op == "and" else (a | b)
        if op in ir.COMPARE_OPS:
            return self.compare(e)
        as_float = e.type == ir.FLOAT or op == "/"
        a, b = self.num(e.a, as_float), self.num(e.b, as_float)
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            return a / b
        if op in ("//", "%"):
            return self.divmod(op, a, b, as_float)
        return self.power(a, b, as_float)

    def compare(self, e):
        as_float = ir.FLOAT in (e.a.type, e.b.type)
        a, b = self.num(e.a, as_float), self.num(e.b, as_float)
        result = {"==": lambda: a == b, "!=": lambda: a != b, "<": lambda: a < b,
                  "<=": lambda: a <= b, ">": lambda: a > b, ">=": lambda: a >= b}[e.op]()
        return result

    def divmod(self, op, a, b, as_float):
        ops = self.ops
        fn = ops.floordiv if op == "//" else ops.mod
        if as_float:
            return fn(a, b)
        zero = b == 0
        safe = ops.where(zero, ops.const(1, ops.int_dtype), b)
        return ops.where(zero, ops.const(0, ops.int_dtype), fn(a, safe))

    def power(self, a, b, as_float):
        ops = self.ops
        if as_float:
            return ops.power(a, b)
        negative = b < 0
        safe = ops.where(negative, ops.const(0, ops.int_dtype), b)
        return ops.where(negative, ops.const(0, ops.int_dtype), ops.power(a, safe))

    def eval_Call(self, e):
        ops = self.ops
        as_float = e.type == ir.FLOAT
        args = [self.num(a, as_float) for a in e.args]
        if e.fn == "abs":
            return ops.abs(args[0])
        if e.fn in ("min", "max"):
            fn = ops.minimum if e.fn == "min" else ops.maximum
            out = args[0]
            for a in args[1:]:
                out = fn(out, a)
            return out
        x = args[0]
        if not ops.is_float(x):
            x = ops.cast(x, self.fdt)
        return getattr(ops, e.fn)(x)

    def eval_Select(self, e):
        as_float = e.type == ir.FLOAT
        a, b = self.num(e.a, as_float), self.num(e.b, as_float)
        return self.ops.where(self.val(e.cond), a, b)

    def eval_Index(self, e):
        name = e.input.name
        if name not in self.inputs:
            raise ValueError(f"input {name!r} was not given (pass {name}=... at call time)")
        dtype = self.ops.int_dtype if e.input.dtype == ir.INT else self.fdt
        arr = self.ops.asarray(self.inputs[name], dtype)
        shape = self.ops.shape(arr)
        if len(shape) != len(e.args):
            raise IndexError(f"input {name!r} has {len(shape)} dimensions, "
                             f"indexed with {len(e.args)}")
        idx = []
        for dim, (arg, n) in enumerate(zip(e.args, shape)):
            i = self.val(arg)
            # Bounds were proven or checked before any evaluation (Pattern.check_inputs);
            # this second look is for NumPy only: under vmap a data-dependent branch fails.
            if self.ops.name == "numpy" and self.ops.any_((i < 0) | (i >= n)):
                raise IndexError(f"input {name!r}: index out of range in dimension "
                                 f"{dim} (size {n})")
            idx.append(i)
        return arr[tuple(idx)]

    def eval_RandomBlocks(self, e):
        from spdsl.analysis.random_blocks import call_key

        key = call_key(e)
        size = key[1]
        if size <= 0:
            raise ValueError(f"random_blocks: size must be positive, got {size}")
        ops = self.ops
        h = self.eval_Var(ir.Var("h"))
        if e.qpos is not None:  # positions after at_rows
            q, k = self.memo[id(e.qpos)], self.memo[id(e.kpos)]
        else:
            q, k = (self.eval_Var(ir.Var(n)) for n in ("q", "k"))
        sz = ops.const(size, ops.int_dtype)
        qb, kb = ops.floordiv(q, sz), ops.floordiv(k, sz)
        nkb = -(-int(self.env["Lk"]) // size)
        # a position below 0, or a key block past the ceil(Lk / size) candidates, is never chosen
        inside = (qb >= 0) & (kb >= 0) & (kb < nkb)
        table = self.random_table(key, qb)
        if table is not None:
            qbc = ops.clip(qb, 0, table.shape[1] - 1)
            kbc = ops.clip(kb, 0, table.shape[2] - 1)
            return table[h, qbc, kbc] & inside
        chosen = self.random_chosen(key, qb)  # past: -1 pads, never equal to kb >= 0
        qbc = ops.clip(qb, 0, chosen.shape[1] - 1)
        return ops.last_any(chosen[h, qbc] == kb[..., None]) & inside

    def _query_blocks(self, size, qb) -> int:
        """Query blocks the table covers: every block of positions < Lk, and any
        further block this evaluation reads (explicit offsets)."""
        from spdsl.analysis.random_blocks import query_block_count
        top = qb if isinstance(qb, int) else (int(qb.max()) if getattr(qb, "numel", getattr(qb, "size", 1)) else 0)
        return query_block_count(size, int(self.env["Lk"]), (top + 1) * size)

    def random_chosen(self, key, qb):
        # cached under its own key so that repeated calls with one dict reuse it
        from spdsl.analysis.random_blocks import key_chosen

        size, ckey = key[1], ("chosen",) + key
        nqb = self._query_blocks(size, qb)
        if ckey not in self.random_tables or self.random_tables[ckey].shape[1] < nqb:
            H, Lk = (int(self.env[n]) for n in ("H", "Lk"))
            self.random_tables[ckey] = self.ops.asarray(key_chosen(key, H, nqb, -(-Lk // size)),
                                                        self.ops.int_dtype)
        return self.ops.asarray(self.random_tables[ckey], self.ops.int_dtype)

    def random_table(self, key, qb):
        if key in self.random_tables:
            return self.ops.asarray(self.random_tables[key], self.ops.bool_dtype)
        size = key[1]
        H, Lk = (int(self.env[n]) for n in ("H", "Lk"))
        nqb, nkb = self._query_blocks(size, qb), -(-Lk // size)
        if H * nqb * nkb > _MAX_TABLE_ELEMENTS:
            return None
        from spdsl.analysis.random_blocks import key_table

        return self.ops.asarray(key_table(key, H, nqb, nkb), self.ops.bool_dtype)

    def constant_of(self, x, what):
        if not isinstance(x, ir.Const):
            raise ValueError(f"random_blocks: {what} must be a constant after binding")
        return int(x.value)


_PLANS: dict[int, tuple] = {}


def plan(expr: ir.Expr, cache: bool = True) -> tuple[list, dict[int, int]]:
    """(every node of ``expr`` children first, how many parents read each node (by
    ``id``)): what an evaluation needs to drop each value after its last use.  With
    ``cache``, kept for the few expressions evaluated over and over (one classify call
    evaluates its mask many times)."""
    hit = _PLANS.get(id(expr)) if cache else None
    if hit is not None and hit[0] is expr:
        return hit[1], hit[2]
    order = list(ir.walk(expr))
    uses: dict[int, int] = {id(n): 0 for n in order}
    for n in order:
        for c in ir.children(n):
            uses[id(c)] += 1
    if cache:
        if len(_PLANS) > 64:
            _PLANS.clear()
        _PLANS[id(expr)] = (expr, order, uses)
    return order, uses


def evaluate(expr: ir.Expr, env: Mapping[str, Any], *, xp: str = "numpy",
             float_dtype=None, inputs: Mapping[str, Any] | None = None,
             random_tables: dict | None = None):
    """Evaluate an IR DAG over broadcastable arrays.

    ``env`` maps ``b h qi ki`` (rows; or ``q k`` for an expression over positions) to int64
    arrays (broadcastable against each other), ``B H Lq Lk`` to ints and, inside a score
    expression, ``score`` to a float array. ``xp`` is ``"numpy"`` or ``"torch"``;
    ``float_dtype`` the float type (default float32). ``inputs`` maps input names to arrays;
    ``random_tables`` may hold precomputed bool tables ``[H, n_qb, ceil(Lk/size)]`` keyed by
    ``(r, size, seed)`` (``random_blocks.table_key``: ``(r, size, seed, shared, past)``
    where a keyword argument is true), covering every query block (of positions) the expression reads
    (``random_blocks.query_block_count``); they are used as given.

    >>> from spdsl.ir.nodes import Binary, Var
    >>> evaluate(Binary("-", Var("qi"), Var("ki"), "int"), {"qi": 5, "ki": 7}).item()
    -2
    """
    ops = backend(xp)
    return _Evaluator(ops, env, float_dtype, inputs, random_tables).run(expr)


def _sizes_env(sizes: Mapping[str, int]) -> dict[str, int]:
    return {n: int(sizes[n]) for n in ir.SIZE_VARS if n in sizes}


def evaluate_points(expr: ir.Expr, b, h, q, k, sizes: Mapping[str, int],
                    inputs: Mapping[str, Any] | None = None, *, float_dtype=np.float32,
                    random_tables: dict | None = None) -> np.ndarray:
    """NumPy evaluation of ``expr`` (over rows, see ``spdsl.ir.positions``) at the points
    ``(b[i], h[i], qi[i], ki[i])``.

    The four index arguments are 1-D (or scalar) int arrays of one common length;
    ``sizes`` maps ``B H Lq Lk`` to ints.  Returns a 1-D array, one value a point."""
    from spdsl.ir.positions import at_rows, default_offsets

    expr = at_rows(expr, *default_offsets())  # over positions: the default offsets
    arrays = [np.asarray(x, dtype=np.int64) for x in (b, h, q, k)]
    n = np.broadcast_shapes(*(a.shape for a in arrays))
    env = dict(zip(ir.ROW_VARS, arrays))
    env.update(_sizes_env(sizes))
    out = evaluate(expr, env, xp="numpy", float_dtype=float_dtype, inputs=inputs,
                   random_tables=random_tables)
    return np.broadcast_to(out, n)


def dense_mask(mask_expr: ir.Expr, Lq: int, Lk: int, H: int = 1, B: int = 1,
               inputs: Mapping[str, Any] | None = None):
    """The whole mask as a torch bool tensor ``[B, H, Lq, Lk]`` (float32 arithmetic).

    The oracle for tests and for the reference attention; it costs B*H*Lq*Lk. A mask
    over positions is read with the default offsets (``spdsl.ir.positions``); pass one
    rewritten by ``at_rows`` (and the offset inputs) for others."""
    import torch
    from spdsl.ir.positions import at_rows, default_offsets

    mask_expr = at_rows(mask_expr, *default_offsets())
    ar = lambda n: torch.arange(n, dtype=torch.int64)
    env = {"b": ar(B).view(B, 1, 1, 1), "h": ar(H).view(1, H, 1, 1),
           "qi": ar(Lq).view(1, 1, Lq, 1), "ki": ar(Lk).view(1, 1, 1, Lk),
           "B": B, "H": H, "Lq": Lq, "Lk": Lk}
    out = evaluate(mask_expr, env, xp="torch", float_dtype=torch.float32, inputs=inputs)
    return out.expand(B, H, Lq, Lk).contiguous()
