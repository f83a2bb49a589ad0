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


def test_cuda_backward_builds_without_a_gpu():
    pat = spdsl.load(EXAMPLES / "sliding_window.spdsl")["sliding_window"]
    attn = spdsl.compile(pat, head_dim=64, dtype=torch.float16, device="cuda")
    bwd = attn.backward_kernels
    assert set(bwd.sources) == {"dq", "dkdv"} and all("__global__" in src for src in bwd.sources.values())


def test_cli_emit_cuda():
    r = subprocess.run([sys.executable, "-m", "spdsl.cli", "compile", str(EXAMPLES / "bigbird.spdsl"), "--target",
                        "cuda", "--dtype", "bfloat16", "--dim", "128", "--emit", "cuda"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "__global__" in r.stdout and r.stdout.count("mma.sync") >= 64
    r = subprocess.run([sys.executable, "-m", "spdsl.cli", "compile", str(EXAMPLES / "bigbird.spdsl"), "--emit",
                        "cuda"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "--target cuda" in r.stderr


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float16])
def test_cuda_op_forward_and_gradients_on_a_gpu(dtype):
    pat = spdsl.load(EXAMPLES / "longformer.spdsl")["longformer"].bind(window=64, globals=8)
    attn = spdsl.compile(pat, head_dim=64, dtype=dtype, device="cuda")
    gen = torch.Generator().manual_seed(0)
    q, k, v, dout = (torch.randn(1, 4, 300, 64, generator=gen, dtype=torch.float64) for _ in range(4))
    k, v = k[:, :2].contiguous(), v[:, :2].contiguous()
    ref_in = [t.clone().requires_grad_() for t in (q, k, v)]
    ref = spdsl.reference_attention(pat, *ref_in)
    ref.backward(dout)
    eager_in = [t.to(dtype).requires_grad_() for t in (q, k, v)]
    eager = spdsl.reference_attention(pat, *eager_in)
    eager.backward(dout.to(dtype))
    dev_in = [t.to(dtype).cuda().requires_grad_() for t in (q, k, v)]
    out = attn(*dev_in)
    out.backward(dout.to(dtype).cuda())
    rel = lambda a, b: ((a.double().cpu() - b).norm() / b.norm()).item()
    assert rel(out, ref) <= 4 * rel(eager, ref) + 1e-3
    for d, r, e in zip(dev_in, ref_in, eager_in):
        assert rel(d.grad, r.grad) <= 4 * rel(e.grad, r.grad) + 1e-3


def test_cli_cuda_builds_all_three_kernels_and_emits_each():
    def cli(*args):
        return subprocess.run([sys.executable, "-m", "spdsl.cli", *args], capture_output=True, text=True, cwd=ROOT)

    r = cli("compile", str(EXAMPLES / "documents.spdsl"), "--target", "cuda", "--dtype", "float16", "--dim", "64")
    assert r.returncode == 0, r.stderr
    assert "tensor-core forward, dQ and dK/dV kernels for sm_90" in r.stdout
    for kernel in ("dq", "dkdv"):
        r = cli("compile", str(EXAMPLES / "documents.spdsl"), "--target", "cuda", "--dtype", "float16",
                "--dim", "64", "--emit", "cuda", "--kernel", kernel)
        assert r.returncode == 0 and f"{kernel}_kernel(" in r.stdout and "mma.sync" in r.stdout
    # a config the kernels cannot take: a clear error, exit 2, no traceback
    r = cli("compile", str(EXAMPLES / "sliding_window.spdsl"), "--target", "cuda", "--dtype", "bfloat16",
            "--dim", "1024", "--block", "16,16")
    assert r.returncode == 2 and "48 KiB" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks the message of a machine without a GPU")
def test_cli_run_on_cuda_without_a_gpu_says_so():
    r = subprocess.run([sys.executable, "-m", "spdsl.cli", "run", str(EXAMPLES / "sliding_window.spdsl"),
                        "--device", "cuda"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "GPU" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_cli_run_on_cuda():
    r = subprocess.run([sys.executable, "-m", "spdsl.cli", "run", str(EXAMPLES / "longformer.spdsl"),
                        "--device", "cuda", "--dtype", "bfloat16", "--seq", "1024", "--heads", "4",
                        "--json"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    import json
    report = json.loads(r.stdout)
    assert report["device"] == "cuda" and report["relative_error"] < 2e-2


@pytest.mark.parametrize("head_dim,tensor_cores", [(32, True), (40, False)])
def test_op_implementation_runs_the_cuda_kernels_in_emulation(head_dim, tensor_cores, tmp_path, monkeypatch):
    """The op's forward and backward implementations of a device="cuda" build (layout,
    pattern inputs, scale, transposed layout, Delta) with its kernels emulated on the CPU
    (tests/cuda_emu.py), against float64 autograd. A head_dim the tensor cores cannot take
    (not a multiple of 16) falls back to the CUDA-core kernels."""
    import cuda_emu
    import spdsl.runtime.op as rt
    from spdsl.codegen.cuda import kernels as cuda

    if not cuda_emu.have_compiler():
        pytest.skip("needs g++ with C++20 <barrier>, _Float16")
    monkeypatch.setattr(rt, "POISON_OUTPUTS", True)
    pat = spdsl.load(EXAMPLES / "documents.spdsl")["documents"]
    attn = spdsl.compile(pat, head_dim=head_dim, dtype=torch.bfloat16, device="cuda", scale=0.2)
    assert attn._forward.tensor_cores == attn.backward_kernels.tensor_cores == tensor_cores
    decls = list(pat.inputs.values())
    fwd_func, _, _ = cuda.forward_primfunc(pat.mask, pat.score, head_dim=head_dim, dtype="bfloat16",
                                           config=attn.config, input_decls=decls)
    (dq_func, dkdv_func), _, _ = cuda.backward_primfuncs(pat.mask, pat.score, head_dim=head_dim,
                                                        dtype="bfloat16", config=attn.config, input_decls=decls)
    cuda_emu.emulate_launches(attn._forward, {"forward": fwd_func}, tmp_path)
    cuda_emu.emulate_launches(attn.backward_kernels, {"dq": dq_func, "dkdv": dkdv_func}, tmp_path)
    g = torch.Generator().manual_seed(3)
    B, H, Hk, L = 1, 4, 2, 140
    q, k, v, dout = (torch.randn(B, n, L, head_dim, generator=g).bfloat16() for n in (H, Hk, Hk, H))
    doc = (torch.arange(L) // 50).view(1, L)
    out, lse = attn.run_forward(q, k, v, [doc], attn.scale)
    dq, dk, dv = attn.run_backward(q, k, v, out, lse, dout, [doc], attn.scale)
    leaves = [t.double().requires_grad_() for t in (q, k, v)]
    ref = spdsl.reference_attention(pat, *leaves, scale=0.2, doc=doc)
    ref.backward(dout.double())
    for got, want in ((out, ref), (dq, leaves[0].grad), (dk, leaves[1].grad), (dv, leaves[2].grad)):
        assert got.dtype == torch.bfloat16 and not got.isnan().any()
        assert ((got.double() - want).norm() / want.norm()).item() < 2e-2
