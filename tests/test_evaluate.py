"""The reference evaluator and random_blocks: backends agree, Python's signs for // and %,
run-time division by zero gives 0, and random_blocks matches its documented definition."""

import numpy as np
import pytest
import torch
from hypothesis import given, settings, strategies as st

from spdsl.ir import nodes as ir
from spdsl.analysis.evaluate import dense_mask, evaluate, evaluate_points
from spdsl.analysis.random_blocks import chosen_blocks, random_block_table
from spdsl.ir.nodes import Binary, Call, Const, Index, InputDecl, Param, RandomBlocks, Select, Unary, Var

q, k, h, b = Var("q"), Var("k"), Var("h"), Var("b")


def C(v):
    return Const(v, ir.FLOAT if isinstance(v, float) else ir.INT)


def both(expr, env, **kw):
    """Evaluate on numpy and torch; return both as numpy."""
    a = evaluate(expr, env, xp="numpy", **kw)
    tenv = {n: torch.as_tensor(v) if isinstance(v, np.ndarray) else v for n, v in env.items()}
    t = evaluate(expr, tenv, xp="torch", **kw)
    return np.asarray(a), t.numpy()


XS = np.array([-7, -3, -1, 0, 1, 2, 5, 9], dtype=np.int64)
ENV = {"q": XS[:, None], "k": XS[None, :], "b": np.int64(0), "h": np.int64(1),
       "B": 2, "H": 4, "Lq": 10, "Lk": 12}


@pytest.mark.parametrize("op", ["//", "%"])
def test_floor_division_and_modulo_follow_python(op):
    got, got_t = both(Binary(op, q, k, ir.INT), ENV)
    for i, x in enumerate(XS):
        for j, y in enumerate(XS):
            want = 0 if y == 0 else (x // y if op == "//" else x % y)
            assert got[i, j] == want, (x, y)
    assert (got == got_t).all()


def test_true_division_gives_float_and_promotion():
    got, got_t = both(Binary("/", q, C(2), ir.FLOAT), ENV)
    assert got.dtype == np.float32 and got_t.dtype == np.float32
    np.testing.assert_allclose(got.ravel(), XS / 2)
    mixed = Binary("+", q, C(0.5), ir.FLOAT)
    np.testing.assert_allclose(both(mixed, ENV)[0].ravel(), XS + 0.5)


def test_int_power_and_negative_exponent():
    got, got_t = both(Binary("**", q, C(3), ir.INT), ENV)
    assert (got.ravel() == XS ** 3).all() and (got == got_t).all()
    neg, neg_t = both(Binary("**", C(2), k, ir.INT), ENV)
    assert (neg.ravel() == np.where(XS < 0, 0, 2 ** np.maximum(XS, 0))).all()
    assert (neg == neg_t).all()


def test_nan_comparisons_follow_ieee():
    nan = Binary("/", C(0.0), C(0.0), ir.FLOAT)
    for op in ir.COMPARE_OPS:
        a, t = both(Binary(op, nan, C(1.0), ir.BOOL), ENV)
        want = op == "!="
        assert bool(a.all()) == want and bool(t.all()) == want, op


def test_calls_select_and_logic_agree():
    d = Binary("-", q, k, ir.INT)
    exprs = [
        Call("abs", (d,), ir.INT),
        Call("min", (q, k, C(1)), ir.INT),
        Call("max", (q, C(0.5)), ir.FLOAT),
        Call("exp", (Binary("/", d, C(4), ir.FLOAT),), ir.FLOAT),
        Call("tanh", (Binary("*", d, C(0.25), ir.FLOAT),), ir.FLOAT),
        Call("sqrt", (Binary("/", Call("abs", (d,), ir.INT), C(3), ir.FLOAT),), ir.FLOAT),
        Select(Binary("<", q, k, ir.BOOL), d, Unary("neg", d, ir.INT), ir.INT),
        Binary("or", Unary("not", Binary("==", q, k, ir.BOOL), ir.BOOL),
               Binary("and", Binary(">=", q, C(0), ir.BOOL), Binary("!=", k, C(2), ir.BOOL), ir.BOOL), ir.BOOL),
        Binary("<", Binary("**", C(2.0), Binary("/", q, C(4), ir.FLOAT), ir.FLOAT), C(1.5), ir.BOOL),
        Binary("-", Var("Lk"), Binary("//", Var("H"), C(2), ir.INT), ir.INT),
    ]
    for e in exprs:
        a, t = both(e, ENV)
        np.testing.assert_allclose(np.broadcast_to(a, t.shape).astype(float), t.astype(float),
                                   rtol=1e-6, err_msg=repr(e))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-50, 50), min_size=1, max_size=8),
       st.lists(st.integers(-9, 9), min_size=1, max_size=8), st.sampled_from(["//", "%"]))
def test_int_division_by_runtime_values_backends_agree(xs, ys, op):
    env = {"q": np.array(xs)[:, None], "k": np.array(ys)[None, :]}
    a, t = both(Binary(op, q, k, ir.INT), env)
    want = np.array([[0 if y == 0 else (x // y if op == "//" else x % y) for y in ys] for x in xs])
    assert (a == want).all() and (t == want).all()


def test_index_gathers_and_refuses_out_of_range():
    decl = InputDecl("doc", ir.INT, ("B", "Lk"))
    doc = np.arange(24).reshape(2, 12)
    e = Index(decl, (b, Var("qi")))
    got = evaluate_points(e, [0, 1, 1], 0, [3, 0, 11], 0, dict(B=2, H=1, Lq=12, Lk=12), {"doc": doc})
    assert got.tolist() == [3, 12, 23]
    with pytest.raises(IndexError, match="doc"):
        evaluate_points(e, [0], 0, [12], 0, dict(B=2, H=1, Lq=13, Lk=12), {"doc": doc})


def test_unbound_parameter_is_named():
    with pytest.raises(ValueError, match="window"):
        evaluate(Binary("<", q, Param("window", ir.INT), ir.BOOL), {"q": np.arange(3)})


def test_dense_mask_shape_and_causal():
    causal = Binary("<=", k, q, ir.BOOL)   # over positions: q = qi + (Lk - Lq) by default
    m = dense_mask(causal, 3, 5, H=2, B=2)
    assert m.shape == (2, 2, 3, 5) and m.dtype == torch.bool
    assert m[0, 0].tolist() == [[True, True, True, False, False],
                                [True, True, True, True, False],
                                [True] * 5]
    assert dense_mask(ir.TRUE, 2, 3).shape == (1, 1, 2, 3)


# ---- random_blocks ----------------------------------------------------------
def doc_snippet():
    """The reference implementation copied verbatim from docs/random_blocks.md."""
    import numpy as np

    def mix(z):  # splitmix64 on uint64, wrapping
        with np.errstate(over="ignore"):
            z = z + np.uint64(0x9E3779B97F4A7C15)
            z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
            z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
            return z ^ (z >> np.uint64(31))

    def random_blocks_table(seed, r, q_end, Lk, H, size, shared=False, past=False):
        """bool [H, ceil(q_end/size), ceil(Lk/size)] for the query positions below q_end."""
        nq, n = -(-q_end // size), -(-Lk // size)
        table = np.zeros((H, nq, n), dtype=bool)
        for h in range(H):
            for qb in range(nq):
                hh = 0 if shared else h
                prefix = mix(mix(mix(np.uint64(seed % 2**64)) ^ np.uint64(hh)) ^ np.uint64(qb))
                nc = min(qb + 1, n) if past else n  # the candidates: key blocks 0 .. nc - 1
                chosen = set()
                for j in range(nc - min(max(r, 0), nc), nc):
                    t = int(mix(prefix ^ np.uint64(j)) % np.uint64(j + 1))
                    chosen.add(j if t in chosen else t)
                table[h, qb, sorted(chosen)] = True
        return table

    def random_blocks_mask(table, size, h, q, k):
        """random_blocks at head h, query position q, key position k (int arrays, broadcast)."""
        qb, kb = q // size, k // size
        inside = (qb >= 0) & (kb >= 0) & (kb < table.shape[2])
        return inside & table[h, np.clip(qb, 0, table.shape[1] - 1), np.clip(kb, 0, table.shape[2] - 1)]

    return random_blocks_table, random_blocks_mask


def test_doc_snippet_is_in_the_doc():
    import inspect
    from pathlib import Path

    doc = (Path(__file__).parents[1] / "docs" / "random_blocks.md").read_text()
    body = [line for line in inspect.getsource(doc_snippet).splitlines()[3:-2] if line.strip()]
    indent = len(body[0]) - len(body[0].lstrip())
    code = doc.split("```python")[1].split("```")[0]
    assert [line[indent:] for line in body] == [l for l in code.splitlines() if l.strip()][1:]


@pytest.mark.parametrize("seed,r,Lq,Lk,H,size", [
    (0, 3, 300, 300, 2, 16), (7, 1, 100, 300, 3, 64), (-5, 50, 64, 100, 1, 8),
    (123456789, 0, 40, 40, 2, 8), (2 ** 40, 4, 129, 257, 2, 32)])
def test_module_matches_doc_snippet(seed, r, Lq, Lk, H, size):
    nq, n = -(-Lq // size), -(-Lk // size)
    want = doc_snippet()[0](seed, r, Lq, Lk, H, size)
    assert (random_block_table(seed, r, n, H, nq) == want).all()


@pytest.mark.parametrize("Lq,Lk,size", [(100, 70, 16), (30, 70, 16), (1, 65, 8), (70, 70, 7)])
def test_doc_snippet_mask_matches_dense_mask(Lq, Lk, size):
    """The documented table and mask, at the default positions q = qi + (Lk - Lq), k = ki
    (negative query positions when Lq > Lk), give the evaluator's mask."""
    table_of, mask_of = doc_snippet()
    rb = RandomBlocks(C(3), C(size), C(-4))
    got = dense_mask(rb, Lq, Lk, H=2, B=1)[0].numpy()
    hh, qi, ki = np.indices((2, Lq, Lk))
    want = mask_of(table_of(-4, 3, Lk, Lk, 2, size), size, hh, qi + (Lk - Lq), ki)
    assert (got == want).all() and want.any()


@settings(max_examples=40, deadline=None)
@given(st.integers(-2 ** 63, 2 ** 63 - 1), st.integers(-2, 40), st.integers(1, 60),
       st.integers(1, 4), st.integers(1, 20))
def test_exact_count_distinct_sorted_deterministic(seed, r, n, heads, nqb):
    c = chosen_blocks(seed, r, n, heads, nqb)
    m = max(0, min(r, n))
    assert c.shape == (heads, nqb, m)
    assert ((c >= 0) & (c < n)).all()
    assert (np.diff(c, axis=2) > 0).all()          # sorted and distinct
    assert (chosen_blocks(seed, r, n, heads, nqb) == c).all()
    # the choice of one block does not depend on how many query blocks or heads exist
    assert (chosen_blocks(seed, r, n, heads + 1, nqb + 3)[:heads, :nqb] == c).all()


def test_random_blocks_in_the_evaluator_matches_the_table():
    rb = RandomBlocks(C(2), C(16), C(9))
    m = dense_mask(rb, 100, 70, H=3, B=1)[0].numpy()
    table = random_block_table(9, 2, 5, 3, 7)
    hh, qq, kk = np.indices((3, 100, 70))
    pos = qq - 30           # positions: q = qi + (Lk - Lq); a negative one is never chosen
    assert (m == (table[hh, np.maximum(pos, 0) // 16, kk // 16] & (pos >= 0))).all()
    assert (table.sum(axis=2) == 2).all()
    # the membership path used at long lengths gives the same answer
    pts = evaluate_points(rb, 0, hh.ravel(), qq.ravel(), kk.ravel(), dict(B=1, H=3, Lq=100, Lk=70),
                          random_tables={("chosen", 2, 16, 9): chosen_blocks(9, 2, 5, 3, 7)})
    assert (pts.reshape(m.shape) == m).all()
