"""spdsl.compile(device="cuda") and `spdsl compile --target cuda` on any machine."""

import subprocess
import sys

import pytest
import torch

import spdsl
from conftest import EXAMPLES, ROOT


def test_compile_for_cuda_without_a_gpu():
    pat = spdsl.load(EXAMPLES / "longformer.spdsl")["longformer"]
    attn = spdsl.compile(pat, head_dim=64, dtype=torch.bfloat16, device="cuda")
    src = attn.cuda_source
    assert "__global__" in src and "mma.sync" in src
    q = torch.randn(1, 2, 64, 64, dtype=torch.bfloat16)
    with pytest.raises(ValueError, match="compiled for 'cuda'"):
        attn(q, q, q)


def test_cuda_backward_is_a_clear_error():
    pat = spdsl.load(EXAMPLES / "sliding_window.spdsl")["sliding_window"]
    attn = spdsl.compile(pat, head_dim=64, dtype=torch.float16, device="cuda")
    with pytest.raises(NotImplementedError, match="GPU backward"):
        attn.backward_kernels


def test_cli_emit_cuda():
    r = subprocess.run([sys.executable, "-m", "spdsl.cli", "compile", str(EXAMPLES / "bigbird.spdsl"), "--target",
                        "cuda", "--dtype", "bfloat16", "--dim", "128", "--emit", "cuda"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "__global__" in r.stdout and r.stdout.count("mma.sync") >= 64
    r = subprocess.run([sys.executable, "-m", "spdsl.cli", "compile", str(EXAMPLES / "bigbird.spdsl"), "--emit",
                        "cuda"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "--target cuda" in r.stderr
