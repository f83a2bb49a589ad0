"""The printer and the simplifier, by property: print(parse(x)) parses back to the same
IR, and the simplified IR computes what the source says (checked against NumPy)."""

import numpy as np
from hypothesis import given, settings, strategies as st, HealthCheck

import spdsl
from conftest import EXAMPLES

INT_LEAVES = [("q", "q"), ("k", "k"), ("qi", "qi"), ("ki", "ki"), ("h", "h"), ("b", "b"), ("Lq", "Lq"), ("Lk", "Lk"),
              ("H", "H"), ("w", "w")]


def _ints():
    leaf = st.one_of(st.sampled_from(INT_LEAVES),
                     st.integers(-20, 40).map(lambda v: (str(v) if v >= 0 else f"({v})", f"({v})")))

    def grow(children):
        binop = st.tuples(children, st.sampled_from(["+", "-", "*"]), children).map(
            lambda t: (f"({t[0][0]} {t[1]} {t[2][0]})", f"({t[0][1]} {t[1]} {t[2][1]})"))
        divmod_ = st.tuples(children, st.sampled_from(["//", "%"]), st.integers(1, 9) | st.integers(-9, -1)).map(
            lambda t: (f"({t[0][0]} {t[1]} {t[2] if t[2] > 0 else f'({t[2]})'})",
                       f"np.{'floor_divide' if t[1] == '//' else 'mod'}({t[0][1]}, {t[2]})"))
        fn = st.tuples(st.sampled_from(["min", "max"]), children, children).map(
            lambda t: (f"{t[0]}({t[1][0]}, {t[2][0]})", f"np.{'minimum' if t[0] == 'min' else 'maximum'}({t[1][1]}, {t[2][1]})"))
        absn = children.map(lambda c: (f"abs({c[0]})", f"np.abs({c[1]})"))
        neg = children.map(lambda c: (f"-{c[0]}", f"(-{c[1]})"))
        return st.one_of(binop, divmod_, fn, absn, neg)

    return st.recursive(leaf, grow, max_leaves=8)


def _bools(ints):
    cmp = st.tuples(ints, st.sampled_from(["==", "!=", "<", "<=", ">", ">="]), ints).map(
        # np.asarray: a comparison of two constants is a Python bool, and ~True is -2
        lambda t: (f"({t[0][0]} {t[1]} {t[2][0]})", f"np.asarray({t[0][1]} {t[1]} {t[2][1]})"))
    leaf = st.one_of(cmp, st.just(("causal", "(k <= q)")), st.just(("true", "True_")))

    def grow(children):
        andor = st.tuples(children, st.sampled_from(["and", "or"]), children).map(
            lambda t: (f"({t[0][0]} {t[1]} {t[2][0]})", f"({t[0][1]} {'&' if t[1] == 'and' else '|'} {t[2][1]})"))
        nt = children.map(lambda c: (f"(not {c[0]})", f"(~{c[1]})"))
        ite = st.tuples(children, children, children).map(
            lambda t: (f"(if {t[0][0]} then {t[1][0]} else {t[2][0]})", f"np.where({t[0][1]}, {t[1][1]}, {t[2][1]})"))
        return st.one_of(andor, nt, ite)

    return st.recursive(leaf, grow, max_leaves=4)


PROGRAMS = _bools(_ints())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PROGRAMS, st.integers(1, 50))
def test_print_parse_round_trip(prog, w):
    src = f"pattern p(w = {w}) {{\n    let d = q - k\n    mask = {prog[0]} or d == 1000\n}}"
    pat = spdsl.parse(src)["p"]
    again = spdsl.parse(str(pat))["p"]
    assert again.mask == pat.mask
    assert str(again) == str(pat)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PROGRAMS, st.integers(1, 50), st.sampled_from([(7, 7, 3, 2), (5, 9, 2, 1), (1, 6, 2, 2)]))
def test_simplified_ir_computes_the_source(prog, w, sizes):
    Lq, Lk, H, B = sizes
    pat = spdsl.parse(f"pattern p(w = {w}) {{ mask = {prog[0]} }}")["p"]
    got = pat.dense_mask(Lq, Lk, H=H, B=B).numpy()
    env = {"np": np, "w": w, "Lq": Lq, "Lk": Lk, "H": H, "B": B,
           "b": np.arange(B).reshape(B, 1, 1, 1), "h": np.arange(H).reshape(1, H, 1, 1),
           "qi": np.arange(Lq).reshape(1, 1, Lq, 1), "ki": np.arange(Lk).reshape(1, 1, 1, Lk),
           # positions (LANGUAGE.md 1.1), default offsets: q = qi + (Lk - Lq), k = ki
           "q": np.arange(Lq).reshape(1, 1, Lq, 1) + (Lk - Lq), "k": np.arange(Lk).reshape(1, 1, 1, Lk),
           "True_": np.ones((1, 1, 1, 1), bool)}
    want = np.broadcast_to(eval(prog[1], env), (B, H, Lq, Lk))  # the test's own NumPy reading
    assert (got == want).all()


def test_examples_round_trip():
    paths = sorted(EXAMPLES.glob("*.spdsl"))
    assert paths, f"no examples under {EXAMPLES}"
    for path in paths:
        lib = spdsl.load(path)
        for name in lib.root_names:
            pat = lib[name]
            again = spdsl.parse(str(pat))[name]
            assert again.mask == pat.mask and again.score == pat.score, path


def test_shared_lets_are_printed_once():
    pat = spdsl.parse("pattern p { let d = abs(q - k)\n mask = d < 8 or d > 100 }")["p"]
    text = str(pat)
    assert "let d = abs(q - k)" in text and text.count("abs(") == 1
