"""The command line against careless and hostile arguments (issue 10, "The command line").

Every bad option, size or file named on the command line ends in one line on stderr and
exit 2, never a traceback, a hang or gigabytes of memory. Each case runs in a fresh,
bounded process (conftest.run_cli_bounded). Options are checked where argparse reads them,
before torch or TVM is imported, so most cases run under a small memory limit: that the
limit holds is part of what they prove.
"""

import os
import socket

import pytest

from conftest import EXAMPLES, run_bounded, run_cli_bounded

SMALL_MB = 1500      # the front end alone: no torch, no TVM
HEAVY_MB = 6000      # torch + TVM imported
SW = str(EXAMPLES / "sliding_window.spdsl")
BIGBIRD = str(EXAMPLES / "bigbird.spdsl")
DOCS = str(EXAMPLES / "documents.spdsl")


def assert_one_line_error(r, *words):
    """Exit 2, no traceback, one line on stderr containing ``words``."""
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode == 2, (r.returncode, r.stdout[-2000:], r.stderr[-2000:])
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    for w in words:
        assert w in lines[0], (w, lines[0])


# ---- options checked where argparse reads them ----------------------------------------------

@pytest.mark.parametrize("args, words", [
    (["show", SW, "--head", "-1"], ["--head", "at least 0"]),
    (["show", SW, "--width", "0"], ["--width"]),
    (["show", SW, "--width", "100000000"], ["--width", "at most"]),
    (["compile", SW, "--dim", "0"], ["--dim", "at least 1"]),
    (["compile", SW, "--dim", "65536"], ["--dim", "at most"]),        # segfaulted in the kernel
    (["compile", SW, "--dtype", "float64"], ["unknown dtype"]),
    (["run", SW, "--repeats", "0"], ["--repeats", "at least 1"]),
    (["run", SW, "--seed", "-1"], ["--seed"]),
    (["run", SW, "--seed", str(10 ** 30)], ["--seed", "at most"]),    # overflowed in torch
    (["run", SW, "--check-limit", "-5"], ["--check-limit"]),
    (["tune", SW, "--budget", "inf"], ["--budget", "finite"]),
    (["tune", SW, "--budget", "nan"], ["--budget", "finite"]),
    (["tune", SW, "--budget", "-3"], ["--budget"]),
    (["tune", SW, "--trials", "0"], ["--trials", "at least 1"]),
    (["tune", SW, "--trials", "-1"], ["--trials", "at least 1"]),
    (["tune", SW, "--dim", "0"], ["--dim", "at least 1"]),
    (["tune", SW, "--rpc", "localhost:99999:cpu"], ["--rpc", "HOST:PORT:KEY"]),
    (["explain", SW, "--seq", "100000000"], ["--seq", "at most 16,777,216"]),
    (["explain", SW, "--lk", "0"], ["--lk", "at least 1"]),
    (["explain", SW, "--heads", "0"], ["--heads"]),
    (["explain", SW, "--batch", "-2"], ["--batch"]),
    (["explain", SW, "--block", "0"], ["--block"]),
    (["explain", SW, "--block", "64,0"], ["--block"]),
    (["explain", SW, "--seq", "9" * 5000], ["--seq", "not an integer"]),
    (["explain", SW, "-p", "window=nan"], ["NaN"]),
    (["explain", SW, "-p", "window=1e999"], ["beyond the float range"]),
    (["explain", SW, "--nonsense"], ["unrecognized"]),
])
def test_bad_options_are_one_line_exit_2(args, words):
    assert_one_line_error(run_cli_bounded(*args, seconds=30, memory_mb=SMALL_MB), *words)


# ---- sizes that are fine one by one but not together ----------------------------------------

def test_huge_run_is_refused_before_allocating():
    r = run_cli_bounded("run", SW, "--seq", "16777216", "--heads", "64", "--dim", "1024",
                        seconds=30, memory_mb=SMALL_MB)
    assert_one_line_error(r, "needs about", "GiB", "lower --seq")


def test_huge_tune_is_refused_before_allocating():
    r = run_cli_bounded("tune", SW, "--seq", "16777216", "--heads", "1024", "--dim", "512",
                        seconds=30, memory_mb=SMALL_MB)
    assert_one_line_error(r, "needs about", "lower --seq")


def test_too_many_batch_head_pairs():
    r = run_cli_bounded("explain", SW, "--heads", "4096", "--batch", "65536", seconds=30, memory_mb=SMALL_MB)
    assert_one_line_error(r, "pairs", "at most")
    r = run_cli_bounded("explain", SW, "--heads", "65536", seconds=30, memory_mb=SMALL_MB)
    assert_one_line_error(r, "--heads", "at most 4,096")


def test_a_grid_per_head_too_large_for_the_analysis():
    """BigBird's random blocks differ by head: each head is analysed, and 4096 heads of a
    16M-token grid are refused at once (65536 heads at 4096 tokens took 6 GB and a minute)."""
    r = run_cli_bounded("explain", BIGBIRD, "--seq", "16777216", "--heads", "4096", seconds=30, memory_mb=SMALL_MB)
    assert_one_line_error(r, "for each of 4,096 (batch, head) pairs", "fewer heads")


def test_show_at_the_longest_length_stays_small(tmp_path):
    """The ASCII drawing and the PNG pool the stored blocks: a 16M-token window is drawn
    without a dense grid of 68 billion blocks (which once took 2.2 TiB)."""
    png = tmp_path / "long.png"
    r = run_cli_bounded("show", SW, "--seq", "16777216", "--png", str(png), seconds=60, memory_mb=2500)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "one character =" in r.stdout and png.stat().st_size > 0


@pytest.mark.parametrize("command", ["explain", "show", "run", "tune"])
def test_a_grid_too_large_for_the_analysis(command):
    """Block 1 at a million tokens is 10^12 blocks: refused at once, not after GBs."""
    dim = ["--dim", "1"] if command in ("run", "tune") else []
    r = run_cli_bounded(command, SW, "--seq", "1000000", "--block", "1", "--heads", "1", *dim,
                        seconds=30, memory_mb=SMALL_MB)
    assert_one_line_error(r, "grid of 1,000,000,000,000 blocks", "larger --block")


def test_show_json_of_a_huge_grid_is_refused():
    r = run_cli_bounded("show", SW, "--seq", "16777216", "--json", seconds=30, memory_mb=SMALL_MB)
    assert_one_line_error(r, "show --json lists every block", "explain --json")


@pytest.mark.parametrize("args, words", [
    (["compile", SW, "--block", "1024"], ["at most 512 a side"]),
    (["compile", BIGBIRD, "-p", "size=2048"], ["block hint", "at most 512 a side"]),
    (["run", SW, "--block", "512", "--dim", "1024"], ["tiles"]),
])
def test_kernel_blocks_beyond_the_kernels(args, words):
    assert_one_line_error(run_cli_bounded(*args, seconds=30, memory_mb=SMALL_MB), *words)


# ---- show --png -------------------------------------------------------------------------

@pytest.mark.parametrize("where, words", [
    ("missing/sub/x.png", ["does not exist"]),
    (".", ["is a folder"]),
    ("x.bmpp", ["must end in .png"]),
    ("noext", ["must end in .png"]),
])
def test_show_png_to_a_bad_path(tmp_path, where, words):
    r = run_cli_bounded("show", SW, "--seq", "256", "--png", str(tmp_path / where), seconds=30,
                        memory_mb=SMALL_MB)
    assert_one_line_error(r, *words)


def test_show_png_to_a_full_device(tmp_path):
    """A write that fails half way (here: a file-size limit, as a full disk does) is one
    line, and leaves neither a half-written picture nor a temporary file behind."""
    png = tmp_path / "mask.png"
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000)); "
            "from spdsl.cli.main import main; sys.exit(main(sys.argv[1:]))")
    r = run_bounded(code, "show", SW, "--seq", "2048", "--png", str(png), seconds=60, memory_mb=2500)
    assert_one_line_error(r, "cannot write", str(png))
    assert os.listdir(tmp_path) == []


def test_output_to_a_full_device():
    """`spdsl explain ... > /dev/full`: one line, exit 2, and no second failure when
    Python flushes stdout at exit."""
    code = ("import os, sys; fd = os.open('/dev/full', os.O_WRONLY); os.dup2(fd, 1); "
            "from spdsl.cli.main import main; sys.exit(main(sys.argv[1:]))")
    r = run_bounded(code, "explain", SW, "--seq", "256", seconds=30, memory_mb=SMALL_MB)
    assert_one_line_error(r, "cannot write the output", "No space left")


def test_readme_show_example_works(tmp_path):
    """README: `spdsl show examples/bigbird.spdsl --seq 2048 --png bb.png --head 1` once said
    "--head 1 is out of range for --heads 1"; --heads now defaults to --head + 1."""
    png = tmp_path / "bb.png"
    r = run_cli_bounded("show", BIGBIRD, "--seq", "2048", "--png", str(png), "--head", "1",
                        seconds=60, memory_mb=2500)
    assert r.returncode == 0, r.stderr
    assert "head 1" in r.stdout and png.stat().st_size > 0
    r = run_cli_bounded("show", SW, "--head", "2", "--heads", "2", seconds=30, memory_mb=SMALL_MB)
    assert_one_line_error(r, "out of range")


# ---- files named on the command line ------------------------------------------------------

@pytest.mark.parametrize("what", ["missing", "folder", "/dev/zero"])
def test_db_import_of_a_bad_file(tmp_path, what):
    path = {"missing": str(tmp_path / "nope.jsonl"), "folder": str(tmp_path), "/dev/zero": "/dev/zero"}[what]
    r = run_cli_bounded("tune", "--db", "import", path, seconds=30, memory_mb=SMALL_MB,
                        env={"SPDSL_TUNING_DB": str(tmp_path / "db.jsonl")})
    assert_one_line_error(r, path)


def test_db_export_to_an_unwritable_place(tmp_path):
    (tmp_path / "file").write_text("x")
    r = run_cli_bounded("tune", "--db", "export", str(tmp_path / "file" / "out.jsonl"), seconds=30,
                        memory_mb=SMALL_MB, env={"SPDSL_TUNING_DB": str(tmp_path / "db.jsonl")})
    assert_one_line_error(r, "cannot export")


def test_db_unknown_action():
    assert_one_line_error(run_cli_bounded("tune", "--db", "frob", seconds=30, memory_mb=SMALL_MB),
                          "expected 'show'")


@pytest.mark.parametrize("what, words", [
    ("fifo", ["not a regular file"]),          # once hung in np.load
    ("/dev/zero", ["not a regular file"]),
    ("folder", ["not a regular file"]),
    ("missing", ["No such file"]),
    ("not_npy", ["not a .npy file"]),
    ("wrong_shape", ["has shape [3]", "the pattern needs [1, 256]"]),
])
def test_bad_input_files(tmp_path, what, words):
    import numpy as np

    path = tmp_path / "doc.npy"
    if what == "fifo":
        os.mkfifo(path)
    elif what == "not_npy":
        path.write_text("hello")
    elif what == "wrong_shape":
        np.save(path, np.arange(3))
    elif what in ("/dev/zero", "folder"):
        path = "/dev/zero" if what == "/dev/zero" else tmp_path
    r = run_cli_bounded("explain", DOCS, "--seq", "256", "--input", f"doc={path}", seconds=30,
                        memory_mb=SMALL_MB)
    assert_one_line_error(r, *words)


def test_unknown_input_name(tmp_path):
    r = run_cli_bounded("explain", SW, "--input", f"dco={tmp_path / 'x.npy'}", seconds=30, memory_mb=SMALL_MB)
    assert_one_line_error(r, "has no input 'dco'")


# ---- --confine-imports --------------------------------------------------------------------

@pytest.fixture
def escaping_import(tmp_path):
    (tmp_path / "shared.spdsl").write_text("pattern near { mask = q - k < 8 and k <= q }\n")
    (tmp_path / "svc").mkdir()
    main = tmp_path / "svc" / "main.spdsl"
    main.write_text('import "../shared.spdsl"\npattern p { mask = near }\n')
    return str(main)


@pytest.mark.parametrize("command", [["check"], ["explain"], ["show"], ["compile", "--emit", "ir"], ["run"],
                                     ["tune"]])
def test_confine_imports_on_every_pattern_command(escaping_import, command):
    r = run_cli_bounded(command[0], escaping_import, *command[1:], "--confine-imports", seconds=30,
                        memory_mb=SMALL_MB)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert "main.spdsl:1:" in r.stderr and "confined" in r.stderr


def test_without_confine_imports_the_import_is_followed(escaping_import):
    r = run_cli_bounded("check", escaping_import, seconds=30, memory_mb=SMALL_MB)
    assert r.returncode == 0 and "ok" in r.stdout, r.stderr


# ---- errors from the library behind a command ----------------------------------------------

def test_rpc_refused_is_one_line():
    with socket.socket() as s:      # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = run_cli_bounded("tune", SW, "--seq", "128", "--heads", "1", "--dim", "16", "--trials", "1",
                        "--budget", "60", "--no-progress", "--rpc", f"127.0.0.1:{port}:cpu",
                        seconds=120, memory_mb=HEAVY_MB)
    assert_one_line_error(r, f"127.0.0.1:{port}")


def test_a_config_the_kernels_refuse_is_one_line():
    """``emit`` raises ValueError for a block its tiles cannot split (key_tile 4 does not
    divide 13): one line, exit 2, not a traceback from the build road. (If the kernels
    learn to take such blocks, this must exit 0 instead.)"""
    r = run_cli_bounded("compile", SW, "--block", "7,13", "--emit", "tir", seconds=120, memory_mb=HEAVY_MB)
    if r.returncode == 0:
        assert "def " in r.stdout or "prim_func" in r.stdout
    else:
        assert_one_line_error(r)


def test_the_fused_backward_emits_on_cpu_and_is_refused_for_cuda():
    r = run_cli_bounded("compile", SW, "-p", "window=40", "--dim", "16", "--emit", "tir", "--kernel", "dqkv",
                        seconds=120, memory_mb=HEAVY_MB)
    assert r.returncode == 0 and "def dqkv(" in r.stdout and "DQA" in r.stdout, r.stderr[-3000:]
    r = run_cli_bounded("compile", SW, "-p", "window=40", "--target", "cuda", "--emit", "cuda", "--kernel", "dqkv",
                        seconds=120, memory_mb=HEAVY_MB)
    assert_one_line_error(r, "CPU kernel")


def test_a_sane_run_still_runs():
    """The bounds refuse nonsense, not work: a small run builds, checks and times."""
    r = run_cli_bounded("run", SW, "--seq", "128", "--heads", "1", "--dim", "16", "--repeats", "1",
                        "-p", "window=40", seconds=300, memory_mb=HEAVY_MB)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "relative error against the float64 reference" in r.stdout


def _naive_pool(kinds, fq, fk):
    """The dense definition: a cell is FULL if all its blocks are, EMPTY if none is stored."""
    import numpy as np

    nq, nk = kinds.shape
    out = np.ones((-(-nq // fq), -(-nk // fk)), np.int8)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            cell = kinds[i * fq:(i + 1) * fq, j * fk:(j + 1) * fk]
            out[i, j] = 2 if (cell == 2).all() else 0 if (cell == 0).all() else 1
    return out


@pytest.mark.parametrize("name, params, L, block", [
    ("sliding_window", {"window": 37}, 1000, 16),
    ("bigbird", {}, 700, None),
    ("longformer", {}, 999, 32),
])
def test_pooled_kinds_against_the_dense_grid(name, params, L, block):
    """`show` pools the stored blocks without the dense grid; it must agree with pooling
    the dense grid, on odd sizes and odd factors."""
    import spdsl
    from spdsl.cli.show import pooled_kinds

    pat = spdsl.load(EXAMPLES / f"{name}.spdsl")[name].bind(**params)
    lay = pat.layout(L, L - 13, H=2, block=block)
    for head in (0, 1):
        for fq, fk in ((1, 1), (3, 3), (4, 7), (64, 64)):
            assert (pooled_kinds(lay, head, fq, fk) == _naive_pool(lay.kinds(0, head), fq, fk)).all(), (fq, fk)


def test_png_mask_of_one_head_is_the_dense_mask():
    """The PNG evaluates one head's mask a chunk of rows at a time (not B*H*Lq*Lk at once);
    it must be that head's slice of the reference mask."""
    import numpy as np
    import torch

    import spdsl
    from spdsl.cli import show

    pat = spdsl.load(EXAMPLES / "bigbird.spdsl")["bigbird"]
    lay = pat.layout(300, 250, H=3, B=1)
    dense = pat.dense_mask(300, 250, H=3).numpy()
    for head in range(3):
        assert (show.head_mask(pat, lay, head, {}) == dense[0, head]).all()
    docs = spdsl.load(EXAMPLES / "documents.spdsl")["documents"]
    ids = {"doc": torch.from_numpy(np.sort(np.random.default_rng(3).integers(0, 3, (1, 200)), axis=-1))}
    lay = docs.layout(200, H=1, **ids)
    assert (show.head_mask(docs, lay, 0, ids) == docs.dense_mask(200, **ids).numpy()[0, 0]).all()
