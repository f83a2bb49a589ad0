"""Malformed input of any kind gives a PatternError or a Library, never another exception,
and never hangs (a pattern file is data)."""

import pytest
from hypothesis import given, settings, strategies as st, HealthCheck

import spdsl
from conftest import EXAMPLES
from spdsl.frontend.syntax import decode

EXAMPLE_TEXTS = [text for text in (p.read_text() for p in sorted(EXAMPLES.glob("*.spdsl"))) if "import" not in text]
assert EXAMPLE_TEXTS, f"no self-contained examples under {EXAMPLES}"
TOKENS = ["pattern", "p", "(", ")", "{", "}", "mask", "score", "block", "let", "input", "=", "==", "<", "<=",
          "and", "or", "not", "if", "then", "else", "q", "k", "h", "b", "Lq", "Lk", "H", "B", "causal",
          "random_blocks", "abs", "min", "max", "exp", "tanh", "+", "-", "*", "/", "//", "%", "**", ",", ":",
          "int", "float", "[", "]", "1", "0", "2.5", "1e-3", "true", "false", "#", "\n", "score", "x", "import",
          '"a.spdsl"', "1_000", "$", "\x00", "é"]


def _parse_or_pattern_error(text: str):
    try:
        lib = spdsl.parse(text, "fuzz.spdsl")
    except spdsl.PatternError as e:
        assert str(e) and "__ANON" not in str(e) and "Traceback" not in str(e)
        return None
    for name in lib:
        str(lib[name])
    return lib


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes(data):
    try:
        text = decode(data, "fuzz.spdsl")
    except spdsl.PatternError:
        return      # refusing undecodable bytes with a PatternError is the behaviour under test
    _parse_or_pattern_error(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), max_size=60))
def test_random_token_soup(tokens):
    _parse_or_pattern_error(" ".join(tokens))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EXAMPLE_TEXTS), st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 3),
                                                          st.sampled_from(TOKENS)), min_size=1, max_size=4))
def test_mutated_examples(text, edits):
    for pos, kind, tok in edits:
        pos %= max(1, len(text))
        if kind == 0:
            text = text[:pos] + text[pos + 1:]                  # delete a character
        elif kind == 1:
            text = text[:pos] + tok + text[pos:]                # insert a token
        elif kind == 2:
            text = text[:pos] + text[pos + 1:pos + 2] + text[pos:pos + 1] + text[pos + 2:]  # swap
        else:
            text = text[:pos] + " " + tok + " " + text[pos + len(tok):]   # overwrite
    _parse_or_pattern_error(text)


@pytest.mark.parametrize("text", [
    "(" * 100_000,
    "pattern p { mask = " + "(" * 5_000 + "q < k" + ")" * 5_000 + " }",
    "pattern p { mask = q " + "+ q " * 20_000 + "< k }",
    "pattern p { mask = " + "not " * 10_000 + "true }",
    "pattern p { mask = q < k }\n" * 20_000,
    "x" * 2_000_000,
])
def test_huge_or_deep_inputs_fail(text):
    # how fast they fail: benchmarks/front_end.py
    with pytest.raises(spdsl.PatternError):
        spdsl.parse(text, "big.spdsl")


def test_ten_megabyte_file(tmp_path):
    path = tmp_path / "big.spdsl"
    path.write_bytes(b"pattern p { mask = q < k }\n" * 400_000)
    with pytest.raises(spdsl.PatternError, match="at most"):
        spdsl.load(path)


def test_a_pattern_file_never_executes_python(tmp_path):
    marker = tmp_path / "pwned"
    text = f'pattern p {{ mask = __import__("os").system("touch {marker}") }}'
    with pytest.raises(spdsl.PatternError):
        spdsl.parse(text)
    assert not marker.exists()
