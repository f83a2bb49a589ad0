"""The checker and the Pattern API: binding, composition, imports, inputs, types."""

import pytest

import spdsl
from conftest import EXAMPLES
from spdsl.ir.nodes import Const, FLOAT, INT


def test_bind_specialises_and_folds():
    lib = spdsl.load(EXAMPLES / "longformer.spdsl")
    pat = lib["longformer"].bind(window=100)
    assert pat.values == {"window": 100}
    assert "abs(q - k) <= 50" in str(pat)                     # window // 2 folded
    assert str(lib["longformer"]) != str(pat)                  # the library's pattern is untouched
    assert pat.bind(globals=0).mask != pat.mask


def test_unknown_and_missing_parameters():
    lib = spdsl.load(EXAMPLES / "sliding_window.spdsl")
    with pytest.raises(spdsl.PatternError, match="no parameter 'windw'; did you mean 'window'"):
        lib["sliding_window"].bind(windw=3)
    p = spdsl.parse("pattern p(window) { mask = q - k < window }")["p"]
    assert p.unbound == ("window",)
    with pytest.raises(spdsl.PatternError, match=r"without a value: window"):
        p.dense_mask(8)
    assert p.bind(window=2).dense_mask(4)[0, 0].sum().item() == 4 + 3 + 3 + 3  # |q - k| ... q - k < 2


def test_bind_type_and_value_errors():
    lib = spdsl.load(EXAMPLES / "sliding_window.spdsl")
    with pytest.raises(spdsl.PatternError, match="is int"):
        lib["sliding_window"].bind(window=2.5)
    p = spdsl.parse("pattern p(n = 3) { mask = q % n == 0 }")["p"]
    with pytest.raises(spdsl.PatternError, match="modulo by zero"):
        p.bind(n=0)
    assert spdsl.parse("pattern p(c = 1.5) { score = score * c }")["p"].bind(c=2).score is not None


def test_float_parameters_promote_and_defaults_must_be_constant():
    p = spdsl.load(EXAMPLES / "softcap.spdsl")["softcap"].bind(cap=20)
    assert isinstance(p.score.a, Const) and p.score.a.type == FLOAT and p.score.a.value == 20.0
    with pytest.raises(spdsl.PatternError, match="must be a constant"):
        spdsl.parse("pattern p(w = q) { mask = true }")


def test_composition_inlines_and_merges_inputs():
    lib = spdsl.parse("""
        pattern docs { input doc : int[B, Lk]
                       mask = doc[b, q] == doc[b, k] }
        pattern win(window = 4) { mask = causal and q - k < window }
        pattern both { mask = docs and win(window = 2) }
        pattern all_defaults { mask = win }
    """)
    both = lib["both"]
    assert set(both.inputs) == {"doc"}
    assert "q - k < 2" in str(both)
    assert lib["all_defaults"].mask == lib["win"].mask
    with pytest.raises(spdsl.PatternError, match="declared as"):
        spdsl.parse("""pattern a { input doc : int[B, Lk]  mask = doc[b, k] == 0 }
                       pattern c { input doc : int[B, Lq]  mask = a and doc[b, q] == 1 }""")


def test_pattern_arguments_must_be_constants():
    with pytest.raises(spdsl.PatternError, match="compile-time constant"):
        spdsl.parse("pattern w(n = 1) { mask = q - k < n }\npattern p { mask = w(n = q) }")
    lib = spdsl.parse("pattern w(n = 1) { mask = q - k < n }\npattern p { mask = w(n = Lk // 4) }")
    m = lib["p"].dense_mask(8)[0, 0]
    assert m[5, 4] and not m[5, 3]


def test_imports_are_relative_and_transitive(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "base.spdsl").write_text("pattern base_win(w = 8) { mask = q - k < w }")
    (tmp_path / "sub" / "mid.spdsl").write_text('import "base.spdsl"\npattern mid { mask = base_win(w = 4) }')
    (tmp_path / "top.spdsl").write_text('import "sub/mid.spdsl"\npattern top { mask = mid and base_win }')
    lib = spdsl.load(tmp_path / "top.spdsl")
    assert set(lib) == {"top", "mid", "base_win"}
    assert lib.pattern().name == "top"                      # one pattern of its own: no name needed


def test_diamond_imports_are_not_duplicates(tmp_path):
    (tmp_path / "c.spdsl").write_text("pattern cc { mask = true }")
    (tmp_path / "a.spdsl").write_text('import "c.spdsl"\npattern aa { mask = cc }')
    (tmp_path / "b.spdsl").write_text('import "c.spdsl"\npattern bb { mask = cc }')
    (tmp_path / "top.spdsl").write_text('import "a.spdsl"\nimport "b.spdsl"\npattern t { mask = aa and bb }')
    assert "t" in spdsl.load(tmp_path / "top.spdsl")


def test_types():
    p = spdsl.parse("pattern p { mask = q / 2 > 1 and 2 ** 3 == 8 and min(q, 2.5) < 3 }")["p"]
    assert p.mask is not None
    assert spdsl.parse("pattern p { score = score + 1 }")["p"].score.type == FLOAT
    for bad, words in [("mask = 2 ** -1 == 0", "negative power"),
                       ("mask = if q then true else false", "condition of 'if' must be bool"),
                       ("mask = not q", "'not' needs a bool"),
                       ("mask = true < false", "needs numbers"),
                       ("mask = q == true", "cannot compare int with bool"),
                       ("score = q < k", "score must be a number"),
                       ("block = 2.5", "constant int"),
                       ("mask = exp", "is a function"),
                       ("mask = q(1)", "not a function"),
                       ("mask = foo(1)", "unknown function or pattern 'foo'")]:
        with pytest.raises(spdsl.PatternError, match=words):
            spdsl.parse(f"pattern p {{ {bad} }}")


def test_block_hint():
    assert spdsl.load(EXAMPLES / "bigbird.spdsl")["bigbird"].bind(size=32).block_hint == (32, 32)
    assert spdsl.parse("pattern p { block = (64, 32) }")["p"].block_hint == (64, 32)


def test_inputs_checked_at_call_time():
    import torch
    doc = spdsl.load(EXAMPLES / "documents.spdsl")["documents"]
    ids = torch.zeros(2, 16, dtype=torch.int64)
    assert doc.dense_mask(16, B=2, doc=ids).shape == (2, 1, 16, 16)
    for kwargs, words in [({}, "needs the input 'doc'"),
                          ({"doc": ids, "dox": ids}, "no input 'dox'"),
                          ({"doc": ids[:, :8]}, r"must have shape \(2, 16\)"),
                          ({"doc": ids.float()}, "declared int")]:
        with pytest.raises(spdsl.PatternError, match=words):
            doc.dense_mask(16, B=2, **kwargs)
    with pytest.raises(spdsl.PatternError, match="out of range"):   # doc[b, q] needs Lq <= Lk
        doc.dense_mask(20, 16, B=2, doc=ids)


def test_data_dependent_index_is_checked_at_call_time():
    import torch
    p = spdsl.parse("pattern p { input pos : int[Lk]\n input t : float[8]\n mask = t[pos[k]] > 0.5 }")["p"]
    ok = torch.arange(8)
    assert p.dense_mask(4, 8, pos=ok, t=torch.rand(8)).shape == (1, 1, 4, 8)
    with pytest.raises(spdsl.PatternError, match="out of range"):
        p.dense_mask(4, 8, pos=ok + 1, t=torch.rand(8))


def test_import_spdsl_is_light():
    import subprocess, sys
    code = "import sys, spdsl; print(' '.join(m for m in ('torch', 'tvm') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_key_ignores_names_and_spacing():
    a = spdsl.parse("pattern a { mask = causal and q - k < 8 }")["a"]
    b = spdsl.parse("pattern other {\n  mask = causal and q-k<8  # same\n}")["other"]
    assert a.key() == b.key()
    assert a.key() != spdsl.parse("pattern a { mask = causal and q - k < 9 }")["a"].key()
