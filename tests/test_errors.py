"""Error messages, as users see them: golden files for every kind of mistake."""

import pathlib
import subprocess
import sys

import pytest

import spdsl
from conftest import GOLDEN, ROOT, check_golden

CASES = sorted(p for p in (GOLDEN / "errors").glob("*.spdsl"))
assert CASES, f"no error cases under {GOLDEN / 'errors'}"


def _message(path: pathlib.Path, monkeypatch) -> str:
    # loaded by a relative path, so that the golden messages do not name this checkout
    monkeypatch.chdir(GOLDEN / "errors")
    try:
        spdsl.load(path.relative_to(GOLDEN / "errors"))
    except spdsl.PatternError as e:
        return str(e) + "\n"
    pytest.fail(f"{path.name} loaded without an error")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_error_golden(path, update_golden, monkeypatch):
    check_golden(path.with_suffix(".txt"), _message(path, monkeypatch), update_golden)


def test_import_cycle_golden(update_golden, monkeypatch):
    check_golden(GOLDEN / "errors" / "cycle" / "a.txt",
                 _message(GOLDEN / "errors" / "cycle" / "a.spdsl", monkeypatch), update_golden)


def test_error_fields():
    with pytest.raises(spdsl.PatternError) as info:
        spdsl.parse("pattern w(window = 8) {\n    mask = causal and q - k < windw\n}", "w.spdsl")
    e = info.value
    assert isinstance(e, ValueError)
    assert (e.file, e.line, e.column) == ("w.spdsl", 2, 31)
    assert e.source_line == "    mask = causal and q - k < windw"
    assert "unknown name 'windw'" in e.message and e.hint == "did you mean 'window'?"
    assert "^^^^^" in str(e) and "__ANON" not in str(e)


def test_every_error_of_a_file_is_reported():
    e = pytest.raises(spdsl.PatternError, spdsl.load, GOLDEN / "errors" / "type_errors.spdsl").value
    assert len(e.errors) == 3
    e = pytest.raises(spdsl.PatternError, spdsl.load, GOLDEN / "errors" / "syntax_several.spdsl").value
    assert [d.line for d in e.errors] == [1, 5, 7]


def test_one_mistake_gives_one_message():
    # `x` is broken once; its three uses must not repeat the error.
    e = pytest.raises(spdsl.PatternError, spdsl.parse,
                      "pattern a { let x = q + true\n mask = x < 1 and x > 2 or x == 3 }").value
    assert len(e.errors) == 1


def test_cli_exit_status_2_and_message():
    path = GOLDEN / "errors" / "unknown_name.spdsl"
    r = subprocess.run([sys.executable, "-m", "spdsl.cli", "check", str(path)], capture_output=True, text=True,
                       cwd=ROOT)
    assert r.returncode == 2
    assert "did you mean 'window'?" in r.stderr and "Traceback" not in r.stderr
