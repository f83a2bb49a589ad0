"""The command line, as a user runs it."""

import json
import subprocess
import sys

import numpy as np
import pytest

from conftest import EXAMPLES, ROOT
from spdsl.cli.main import main


def example(name: str) -> str:
    return str(EXAMPLES / f"{name}.spdsl")


def run(*args):
    """The command line in a fresh process, in the repository root (relative paths are from there)."""
    r = subprocess.run([sys.executable, "-m", "spdsl.cli", *args], capture_output=True, text=True, cwd=ROOT)
    assert "Traceback" not in r.stderr, r.stderr
    return r


def test_check_all_examples():
    paths = sorted(str(p) for p in EXAMPLES.glob("*.spdsl"))
    assert paths, f"no examples under {EXAMPLES}"
    r = run("check", *paths)
    assert r.returncode == 0 and "sliding_window.spdsl: ok" in r.stdout


def test_help_for_every_command():
    for cmd in ("check", "show", "explain"):
        r = run(cmd, "--help")
        assert r.returncode == 0 and "usage: spdsl " + cmd in r.stdout


def test_explain_json_matches_the_python_api(capsys):
    assert main(["explain", example("sliding_window"), "--seq", "1000", "--heads", "2",
                 "--block", "64", "-p", "window=100", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    import spdsl
    ex = spdsl.load(EXAMPLES / "sliding_window.spdsl")["sliding_window"].bind(window=100).explain(
        Lq=1000, H=2, block=64)
    assert data == json.loads(json.dumps(ex.to_dict()))
    mask = spdsl.load(EXAMPLES / "sliding_window.spdsl")["sliding_window"].bind(window=100).dense_mask(1000, H=2)
    assert data["nonzero_elements"] == int(mask.sum()) and data["density_exact"]
    assert data["empty_rows"] == 0
    assert data["full_blocks"] + data["partial_blocks"] + data["empty_blocks"] == 2 * 16 * 16


def test_explain_counts_empty_rows(tmp_path, capsys):
    src = tmp_path / "empty_rows.spdsl"
    src.write_text("pattern gap { mask = k < q - 100 }\n")
    assert main(["explain", str(src), "--lq", "300", "--lk", "200", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # positions (LANGUAGE.md 1.1): q = qi + (Lk - Lq) = qi - 100 and k = ki >= 0, so a row
    # sees a key when q - 100 > 0, i.e. qi >= 201: rows 0..200 see none
    assert data["empty_rows"] == 201
    # with q_offset = 0 (rows are positions) only queries 0..100 see no key
    assert main(["explain", str(src), "--lq", "300", "--lk", "200", "--q-offset", "0", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["empty_rows"] == 101


def test_show_ascii_png_and_head(tmp_path, capsys):
    png = tmp_path / "bb.png"
    assert main(["show", example("bigbird") + ":bigbird", "--seq", "1000", "--heads", "3", "--head", "2",
                 "--png", str(png)]) == 0
    out = capsys.readouterr().out
    assert "█" in out and "head 2" in out and png.stat().st_size > 0
    from PIL import Image
    assert Image.open(png).size[0] >= 1000


def test_runtime_inputs_from_npy(tmp_path, capsys):
    ids = np.sort(np.random.default_rng(1).integers(0, 4, size=(1, 512)), axis=-1)
    np.save(tmp_path / "doc.npy", ids)
    assert main(["explain", example("documents"), "--seq", "512", "--input", f"doc={tmp_path / 'doc.npy'}",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    import spdsl, torch
    m = spdsl.load(EXAMPLES / "documents.spdsl")["documents"].dense_mask(512, doc=torch.from_numpy(ids))
    assert data["nonzero_elements"] == int(m.sum())


@pytest.mark.parametrize("args, words", [
    (["explain", "examples/documents.spdsl"], "--random-inputs"),
    (["explain", "examples/composed.spdsl"], "pick one with FILE:PATTERN"),
    (["explain", "examples/composed.spdsl:nope"], "no pattern 'nope'"),
    (["explain", "examples/sliding_window.spdsl", "-p", "windw=3"], "did you mean 'window'"),
    (["explain", "no/such/file.spdsl"], "cannot find the pattern file"),
    (["show", "examples/sliding_window.spdsl", "--head", "3", "--heads", "2"], "out of range"),
])
def test_errors_exit_2(args, words):
    r = run(*args)
    assert r.returncode == 2 and words in r.stderr


def test_bad_flag_values_exit_2():
    r = run("explain", "examples/sliding_window.spdsl", "--seq", "0")
    assert r.returncode == 2 and "at least 1" in r.stderr
