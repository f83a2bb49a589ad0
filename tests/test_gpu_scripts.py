"""benchmarks/gpu_carry.sh (run here) and benchmarks/gpu_check.sh (run on a lent GPU
machine) agree on what travels in .gpu_carry/. Fast: no downloads, no TVM."""

import io
import lzma
import os
import re
import shutil
import subprocess
import sys
import tarfile

import pytest

from conftest import ROOT

CARRY_SH = ROOT / "benchmarks" / "gpu_carry.sh"
CHECK_SH = ROOT / "benchmarks" / "gpu_check.sh"
needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def _assignments(text: str) -> dict:
    """NAME=value lines at the start of a line, quotes removed, $CARRY/ kept literal."""
    return {m[1]: m[2].strip('"') for m in re.finditer(r"^([A-Z_]+)=(\S+)\s*$", text, re.M)}


@needs_bash
@pytest.mark.parametrize("script", [CARRY_SH, CHECK_SH], ids=lambda p: p.name)
def test_scripts_parse(script):
    r = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_unpack_names_match_what_gpu_carry_makes():
    made, used = _assignments(CARRY_SH.read_text()), _assignments(CHECK_SH.read_text())
    assert made["CARRY"] == used["CARRY"] == ".gpu_carry"
    assert used["SITE_TAR"] == "$CARRY/" + made["SITE_TAR"]
    assert used["COMPILER_XZ"] == "$CARRY/" + made["COMPILER_XZ"]
    assert used["COMPILER_IN_SITE"] == made["COMPILER_IN_SITE"] == "tvm/lib/libtvm_compiler.so"
    assert "/.gpu_carry/" in (ROOT / ".gitignore").read_text().split()
    header = CHECK_SH.read_text().split("\nset -u\n")[0]
    assert "bash benchmarks/gpu_carry.sh" in header and 'carry: [".gpu_carry"]' in header
    assert "bash benchmarks/gpu_check.sh" in header


def _fake_carry(carry):
    """A .gpu_carry/ shaped like gpu_carry.sh's, holding stand-in packages."""
    names = _assignments(CARRY_SH.read_text())
    carry.mkdir()
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for mod in ("tvm", "tvm_ffi", "lark"):
            body = b"import os\nLIB = os.path.join(os.path.dirname(__file__), 'lib')\n"
            info = tarfile.TarInfo(f"./{mod}/__init__.py")
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    (carry / names["SITE_TAR"]).write_bytes(lzma.compress(buf.getvalue(), preset=0))
    (carry / names["COMPILER_XZ"]).write_bytes(lzma.compress(b"\x7fELF stand-in", preset=0))


@needs_bash
@pytest.mark.skipif(shutil.which("xz") is None or shutil.which("timeout") is None,
                    reason="needs xz and timeout")
def test_unpack_block_installs_the_carried_packages(tmp_path):
    text = CHECK_SH.read_text()
    block = text[text.index("# >>> unpack .gpu_carry"):text.index("# <<< unpack .gpu_carry")]
    repo, site = tmp_path / "repo", tmp_path / "site"
    repo.mkdir()
    _fake_carry(repo / ".gpu_carry")
    # A Python without site-packages, so an installed tvm / lark cannot answer the import.
    py = tmp_path / "py"
    py.write_text(f'#!/bin/sh\nexec "{sys.executable}" -S "$@"\n')
    py.chmod(0o755)
    script = ('say() { echo "== $*"; }\n' + block +
              '"$PY" -c "import tvm, tvm_ffi, lark; print(tvm.__file__)"\n'
              'echo "PYTHONPATH=$PYTHONPATH"\n')
    env = {**os.environ, "PY": str(py), "GPU_SITE": str(site)}
    env.pop("PYTHONPATH", None)
    r = subprocess.run(["bash", "-c", script], cwd=repo, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"{site}/tvm/__init__.py" in r.stdout
    assert f"PYTHONPATH={site}:{repo}" in r.stdout
    lib = site / "tvm" / "lib" / "libtvm_compiler.so"
    assert lib.read_bytes() == b"\x7fELF stand-in" and os.access(lib, os.X_OK)
    assert not (site / "tvm" / "lib" / "libtvm_compiler.so.part").exists()
    # A second run finds the unpacked folder and does not unpack again.
    r = subprocess.run(["bash", "-c", script], cwd=repo, env=env, capture_output=True, text=True)
    assert r.returncode == 0 and "unpacked before" in r.stdout, r.stdout + r.stderr
