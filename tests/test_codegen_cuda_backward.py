"""The CUDA backward kernels (codegen/cuda_backward.py, cuda.build_backward_cuda).

Without a GPU (every machine): representative examples build for the cuda target into a
dQ and a dK/dV kernel, each with a ``__global__`` function that nvcc compiles to PTX for
sm_80 and sm_90; the mask is evaluated only in PARTIAL blocks; the wrapper's arguments
fit the kernels' parameter lists. With a GPU (``-m gpu``): dq, dk, dv against torch
autograd of ``spdsl.reference_attention`` in float64, the error compared with a
same-dtype eager autograd run's, with grouped-query heads and empty rows.
"""

from __future__ import annotations

import pathlib
import shutil

import pytest

torch = pytest.importorskip("torch")
tvm = pytest.importorskip("tvm")

ROOT = pathlib.Path(__file__).resolve().parent.parent
from spdsl import codegen
from spdsl.codegen.cuda import kernels as cuda
from spdsl.codegen.cuda import backward as cb
from spdsl.codegen.cuda import backward_mma as codegen_mma
from spdsl.codegen.cuda.config import CudaConfig

import cuda_emu
import spdsl
from conftest import assert_within_eager_budget

HAVE_NVCC = shutil.which("nvcc") is not None
needs_nvcc = pytest.mark.skipif(not HAVE_NVCC, reason="nvcc not installed")
needs_gpu = pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device")
REPRESENTATIVE = ["sliding_window", "alibi", "softcap", "documents", "bigbird", "longformer"]


def example(name: str):
    return spdsl.load(ROOT / "examples" / f"{name}.spdsl")[name]


def build(pat, dtype="bfloat16", arch="sm_90", head_dim=64, config=None):
    return codegen.build_backward_cuda(pat.mask, pat.score, head_dim=head_dim, dtype=dtype,
                                    config=config, input_decls=list(pat.inputs.values()),
                                    arch=arch)


def kernel_body(source: str, name: str) -> str:
    start = source.index(f"{name}_kernel(", source.index("__global__ void __launch_bounds__"))
    return source[source.index("{", source.index(")", start)):]


def block_at(text: str, open_brace: int) -> str:
    """The text of the brace block opening at ``open_brace``."""
    depth = 0
    for i in range(open_brace, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return text[open_brace:i + 1]
    raise AssertionError("unbalanced braces")


# ----------------------------------------------------------------------------- no GPU


# ~4 s a case (TVM builds two kernels ~2-4 s, nvcc ~1.5 s); ~50 s in all on 2 cores.
CASES = [(n, "sm_90", "bfloat16") for n in REPRESENTATIVE] + \
        [(n, "sm_80", "float16") for n in REPRESENTATIVE]


# mma.sync per key block (dQ: S, dP, dQ += dS K) and per query tile (dK/dV: S^T, dP^T,
# dV, dK) at block 64 x 64, head_dim 64, 32-query dK/dV tiles: 3 x 32 and 4 x 16
MMA_COUNT = {"dq": 96, "dkdv": 64}


@needs_nvcc
@pytest.mark.parametrize("name,arch,dtype", CASES)
def test_example_backward_compiles_with_tensor_cores(name, arch, dtype):
    bwd = build(example(name), dtype, arch)
    assert set(bwd.sources) == {"dq", "dkdv"} and bwd.tensor_cores
    ab = {"bfloat16": "bf16", "float16": "f16"}[dtype]
    for kernel, src in bwd.sources.items():
        assert f"__global__ void __launch_bounds__(128) {kernel}_kernel" in src  # 4 warps
        assert src.count("mma.sync") == MMA_COUNT[kernel]
        ptx = cuda.compile_offline(src, arch, "ptx").decode()
        assert f".target {arch}" in ptx and f".entry {kernel}_kernel" in ptx
        assert ptx.count(f"mma.sync.aligned.m16n8k16.row.col.f32.{ab}.{ab}.f32") == MMA_COUNT[kernel]
        # every B fragment by ldmatrix.x4 (two mma each); .trans where k runs down the tile
        ldsm = ptx.count("ldmatrix.sync.aligned.m8n8.x4.shared.b16")
        trans = ptx.count("ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16")
        assert 2 * (ldsm + trans) == MMA_COUNT[kernel] and trans == MMA_COUNT[kernel] // {"dq": 6, "dkdv": 4}[kernel]


@needs_nvcc
def test_fp32_backward_uses_cuda_cores():
    bwd = build(example("sliding_window"), "float32", "sm_80")
    assert not bwd.tensor_cores
    for kernel, src in bwd.sources.items():
        assert f"__global__ void __launch_bounds__(64) {kernel}_kernel" in src
        ptx = cuda.compile_offline(src, "sm_80", "ptx").decode()
        assert "ld.shared" in ptx and "mma.sync" not in ptx


@needs_nvcc
@pytest.mark.parametrize("dtype,head_dim", [("bfloat16", 128), ("float16", 64)])
def test_tensor_core_backward_cubin_spills_little(dtype, head_dim, tmp_path):
    """ptxas's report: at most a few bytes of spills (D=128 keeps dQ or dK and dV, and
    Q and dO or K and V fragments, in 255 registers)."""
    import re
    import subprocess

    bwd = build(example("sliding_window"), dtype, "sm_90", head_dim=head_dim)
    for kernel, source in bwd.sources.items():
        src = tmp_path / f"{kernel}.cu"
        src.write_text(source)
        res = subprocess.run(["nvcc", "-arch=sm_90", "-cubin", "-Xptxas", "-v", str(src), "-o",
                              str(tmp_path / f"{kernel}.cubin")], capture_output=True, text=True)
        assert res.returncode == 0, res.stderr
        spills = [int(x) for x in re.findall(r"(\d+) bytes spill stores", res.stderr)]
        assert spills and max(spills) <= 32, res.stderr


@needs_nvcc
def test_fp32_backward_compiles_d128():
    bwd = build(example("softcap"), "float32", "sm_90", head_dim=128)
    for src in bwd.sources.values():
        assert "tanhf" in src or "tanh(" in src  # the softcap derivative is in the kernel
        assert b".entry" in cuda.compile_offline(src, "sm_90", "ptx")


@pytest.mark.parametrize("kernel", ["dq", "dkdv"])
def test_mask_code_only_in_partial_blocks(kernel):
    body = kernel_body(build(example("documents")).sources[kernel], kernel)
    partial_at = body.index("== (uchar)0) {")   # if (full[j] == 0): the PARTIAL block
    partial = block_at(body, partial_at + len("== (uchar)0) ") )
    assert "in_doc_ptr[" in partial
    assert body.count("in_doc_ptr[") == partial.count("in_doc_ptr[")


def test_empty_rows_never_reach_nan():
    """lse = -inf is turned into +inf before exp2, so P = 0 for an empty row."""
    bwd = build(example("sliding_window"))
    for src in bwd.sources.values():
        assert "-CUDART_INF_F" in src and "CUDART_INF_F;" in src


def test_symbolic_sizes_one_build():
    bwd = build(example("sliding_window"))
    for kernel, src in bwd.sources.items():
        head = src[src.index(f"{kernel}_kernel("):].split("{", 1)[0]
        for name in ("int H", "int Hk", "int Lk", "int Lq"):
            assert name in head


def test_config_checks():
    with pytest.raises(ValueError, match="1024"):
        cb.check_backward(CudaConfig(block_q=2048, warps=128), 64)
    with pytest.raises(ValueError, match="too large"):
        cb.check_backward(CudaConfig(), 8192)
    with pytest.raises(ValueError, match="query tile"):
        cb.check_backward(CudaConfig(block_q=64, block_k=16, kv_tile=32), 64)
    assert cb.backward_tile(CudaConfig(kv_tile=24), 64, 64) == 16  # a divisor of the block
    assert cb.backward_tile(CudaConfig(), 64, 256) == 16           # 48 KiB of shared memory


def test_tensor_core_config_checks():
    check_mma_backward, mma_backward_tile = codegen_mma.check_mma_backward, codegen_mma.mma_backward_tile

    with pytest.raises(ValueError, match="multiples of 16"):
        check_mma_backward(CudaConfig(block_k=40), 64, "float16")
    with pytest.raises(ValueError, match="float16 or bfloat16"):
        check_mma_backward(CudaConfig(), 64, "float32")
    with pytest.raises(ValueError, match="48 KiB"):
        check_mma_backward(CudaConfig(block_q=64, block_k=16), 1024, "bfloat16")
    check_mma_backward(CudaConfig(block_q=64, block_k=128), 128, "bfloat16")  # 32-key chunks
    assert mma_backward_tile(CudaConfig(kv_tile=48), 64) == 32    # a multiple of 16 dividing 64
    assert mma_backward_tile(CudaConfig(kv_tile=8), 64) == 16
    assert mma_backward_tile(CudaConfig(kv_tile=64), 128) == 16     # registers at head_dim 128
    assert mma_backward_tile(CudaConfig(block_q=128, kv_tile=128), 32) == 64


def test_wrapper_arguments_match_the_kernel_abi():
    """What CudaBackward passes (built on the CPU here) fits the PrimFuncs' parameters."""
    pat = example("bigbird")
    (dq, dkdv), sig, config = cuda.backward_primfuncs(pat.mask, pat.score, head_dim=64,
                                                      dtype="float16")
    bwd = build(pat, "float16")
    b, h, hk, lq, lk = 2, 4, 2, 300, 280
    layout = cuda.pattern_layout(pat, b, h, lq, lk, config)
    row_args = bwd._layout_args(layout, "cpu", b, h, lq)
    col_args = bwd._transposed_args(layout, None, "cpu", b, h, hk, lk)
    for args in (row_args, col_args):
        assert [str(t.dtype) for t in args] == ["torch.int32", "torch.int64", "torch.int32",
                                                "torch.uint8", "torch.int32"]
    assert row_args[-1].shape == (b * h * 5,)
    n_kb = -(-lk // config.block_k)
    assert col_args[-1].shape == (b * hk * n_kb,)
    assert sorted(col_args[-1].tolist()) == list(range(b * hk * n_kb))
    extra = bwd._extra_args({}, "cpu", h, lq, lk)
    assert [tuple(t.shape) for t in extra] == [(4, 5, 5)]  # the random_blocks table
    # q k v o do lse dlse dq delta | layout | scale | extras, and q k v do lse delta dk dv | ...
    assert len(dq.params) == 9 + len(row_args) + 1 + len(extra)
    assert len(dkdv.params) == 8 + len(col_args) + 1 + len(extra)
    def buffers(func, n):
        return [(p.name, str(p.ty.dtype)) for p in func.params[:n]]  # buffer-typed params

    f16, f32 = "float16", "float32"
    assert buffers(dq, 9) == [("Q", f16), ("K", f16), ("V", f16), ("O", f16), ("DO", f16),
                              ("LSE", f32), ("DLSE", f32), ("DQ", f16), ("DELTA", f32)]
    assert buffers(dkdv, 8) == [("Q", f16), ("K", f16), ("V", f16), ("DO", f16), ("LSE", f32),
                             ("DELTA", f32), ("DK", f16), ("DV", f16)]
    with pytest.raises(ValueError, match="other sizes"):
        bwd._transposed_args(layout, None, "cpu", b, h, hk, lk + 200)
    with pytest.raises(ValueError, match="group"):
        bwd._transposed_args(layout, None, "cpu", b, h, 3, lk)


def test_column_order_longest_first():
    pat = spdsl.parse("pattern c { mask = causal }")["c"]
    layout = cuda.pattern_layout(pat, 1, 4, 300, 300)
    t = cuda.lay.transpose(layout)
    order = cuda.gpu_column_order(t, 2)
    costs = t.col_costs(2)[order]
    assert sorted(order.tolist()) == list(range(len(order)))
    assert all(costs[i] >= costs[i + 1] for i in range(len(costs) - 1))


# ----------------------------------------------------------------------------- CPU emulation
#
# Without a GPU the kernels still run: their CUDA C, compiled by g++ with a shim that
# emulates CUDA threads, barriers, warp shuffles and mma.sync (tests/cuda_emu.py), on the
# same BlockLayout buffers the wrapper passes. It checks the generated code's indexing,
# fragment layouts, masking, grouped-query sums and empty rows against float64 autograd;
# not its speed or races between thread blocks.

EMU_CASES = [
    # name, params, dtype, B, H, Hk, Lq, Lk, D: lengths not multiples of 64, grouped heads
    ("sliding_window", {"window": 40}, "float32", 2, 4, 2, 130, 110, 16),  # 20 empty rows
    ("documents", {}, "float32", 2, 2, 1, 150, 150, 16),
    ("softcap", {"cap": 2.0}, "float32", 1, 2, 2, 100, 70, 16),
    ("bigbird", {"size": 16, "window": 1, "globals": 1, "random": 2}, "float32", 1, 2, 1, 150, 150, 24),
    # tensor cores (~4 s each: 128 emulated threads meet for every mma)
    ("sliding_window", {"window": 40}, "bfloat16", 1, 2, 1, 130, 100, 32),  # 30 empty rows
    ("softcap", {"cap": 2.0}, "float16", 1, 2, 1, 100, 70, 16),           # dscore/draw
    ("documents", {}, "bfloat16", 1, 2, 2, 150, 150, 16),                 # PARTIAL blocks
    ("bigbird", {"size": 16, "window": 1, "globals": 1, "random": 2}, "bfloat16", 1, 2, 1, 150, 150, 128),
]


@pytest.mark.skipif(not cuda_emu.have_compiler(), reason="needs g++ with C++20 <barrier>, _Float16")
@pytest.mark.parametrize("name,params,dtype,B,H,Hk,Lq,Lk,D", EMU_CASES)
def test_kernels_in_cpu_emulation(name, params, dtype, B, H, Hk, Lq, Lk, D, tmp_path):
    pat = example(name).bind(**params) if params else example(name)
    bwd = build(pat, dtype, "sm_90", head_dim=D)
    assert bwd.tensor_cores == (dtype != "float32")
    dt = getattr(torch, dtype)
    g = torch.Generator().manual_seed(Lq + Lk)
    q, k, v = (torch.randn(B, n, L, D, generator=g).to(dt) for n, L in ((H, Lq), (Hk, Lk), (Hk, Lk)))
    dout = torch.randn(B, H, Lq, D, generator=g).to(dt)
    inputs = {"doc": (torch.arange(Lk) // 45).view(1, Lk).repeat(B, 1)} if pat.inputs else {}
    layout = cuda.pattern_layout(pat, B, H, Lq, Lk, bwd.config, **inputs)
    with torch.no_grad():
        out, lse = spdsl.reference_attention(pat, q.double(), k.double(), v.double(),
                                             return_lse=True, **inputs)
    dq, dk, dv, delta = cuda_emu.run_backward(bwd, layout, q, k, v, out.to(dt), lse, dout,
                                              inputs, tmp_path, D ** -0.5)
    ref = _grads(pat, q.double(), k.double(), v.double(), dout.double(), inputs)
    eager = _grads(pat, q, k, v, dout, inputs)  # the same dtype, eagerly: the error budget
    for what, got, r, e in zip(("dq", "dk", "dv"), (dq, dk, dv), ref, eager):
        assert got.dtype == dt and not got.isnan().any(), what  # every element written
        assert r.abs().max() > 0.1
        if dtype == "float32":
            assert_within_eager_budget(got, r, e, what=what)
        else:  # no worse than the same-dtype eager autograd run
            err, eager_err = ((x.double() - r).norm() / r.norm() for x in (got, e))
            assert err <= 2 * eager_err + 1e-4, (what, err.item(), eager_err.item())
    assert not delta.isnan().any()
    # the pipelined copies landing at once instead of at the wait: same bits (the pipeline
    # is the same at every head_dim; D=128 would double the slowest case, ~40 s)
    if bwd.tensor_cores and D <= 32:
        again = cuda_emu.run_backward(bwd, layout, q, k, v, out.to(dt), lse, dout, inputs, tmp_path,
                                      D ** -0.5, eager_copies=True)
        assert all(torch.equal(a, b) for a, b in zip(again, (dq, dk, dv, delta)))
    empty = torch.isinf(lse)
    assert empty.any() == (name == "sliding_window")
    if empty.any():
        assert dq[empty].abs().max().item() == 0


# ----------------------------------------------------------------------------- GPU


GPU_CASES = [
    # name, params, dtype, B, H, Hk, Lq, Lk, D
    ("sliding_window", {"window": 100}, "bfloat16", 1, 4, 2, 300, 300, 64),
    ("sliding_window", {"window": 100}, "float16", 2, 2, 1, 300, 200, 64),  # 100 empty rows
    ("documents", {}, "float16", 2, 2, 1, 260, 260, 64),
    ("bigbird", {}, "bfloat16", 1, 2, 2, 333, 333, 128),
    ("alibi", {}, "float16", 1, 4, 4, 200, 300, 64),
    ("softcap", {}, "bfloat16", 1, 2, 1, 190, 190, 64),
    ("longformer", {"window": 64, "globals": 8}, "float32", 1, 4, 2, 300, 300, 64),
    ("sliding_window", {"window": 64}, "float32", 1, 2, 2, 1, 150, 80),   # decoding, D=80
]


def _grads(pat, q, k, v, dout, inputs):
    q, k, v = (t.detach().requires_grad_() for t in (q, k, v))
    out = spdsl.reference_attention(pat, q, k, v, **inputs)
    out.backward(dout)
    return q.grad, k.grad, v.grad


@pytest.mark.gpu
@needs_gpu
@pytest.mark.parametrize("name,params,dtype,B,H,Hk,Lq,Lk,D", GPU_CASES)
def test_backward_matches_reference_on_gpu(name, params, dtype, B, H, Hk, Lq, Lk, D):
    pat = example(name).bind(**params) if params else example(name)
    arch = "sm_%d%d" % torch.cuda.get_device_capability()
    bwd = build(pat, dtype, arch, head_dim=D)
    dt = getattr(torch, dtype)
    g = torch.Generator(device="cuda").manual_seed(Lq + Lk)
    q, k, v = (torch.randn(B, n, L, D, device="cuda", generator=g).to(dt)
               for n, L in ((H, Lq), (Hk, Lk), (Hk, Lk)))
    dout = torch.randn(B, H, Lq, D, device="cuda", generator=g).to(dt)
    inputs = {}
    if pat.inputs:  # documents: a few packed sequences
        inputs["doc"] = (torch.arange(Lk, device="cuda") // 70).view(1, Lk).repeat(B, 1)
    cpu_inputs = {n: t.cpu() for n, t in inputs.items()}
    layout = cuda.pattern_layout(pat, B, H, Lq, Lk, bwd.config, **cpu_inputs)
    qc, kc, vc, doc = (t.cpu() for t in (q, k, v, dout))
    with torch.no_grad():
        out, lse = spdsl.reference_attention(pat, qc.double(), kc.double(), vc.double(),
                                             return_lse=True, **cpu_inputs)
    dq, dk, dv = bwd(q, k, v, out.to("cuda", dt), lse.to("cuda", torch.float32), dout, layout,
                     inputs=inputs)
    torch.cuda.synchronize()
    ref = _grads(pat, qc.double(), kc.double(), vc.double(), doc.double(), cpu_inputs)
    eager = _grads(pat, qc, kc, vc, doc, cpu_inputs)  # same dtype, on the CPU
    for what, got, r, e in zip(("dq", "dk", "dv"), (dq, dk, dv), ref, eager):
        assert got.dtype == dt and got.shape == r.shape
        got = got.cpu().double()
        assert not got.isnan().any(), what
        err = (got - r).abs().max().item()
        eager_err = (e.double() - r).abs().max().item()
        floor = 1e-5 * max(1.0, r.abs().max().item())
        assert err <= 4 * eager_err + floor, (what, err, eager_err)
    empty = torch.isinf(lse)
    if name == "sliding_window" and Lq > Lk:
        assert empty.any()
    if empty.any():
        assert dq.cpu()[empty].abs().max().item() == 0


@pytest.mark.skipif(not cuda_emu.have_compiler(), reason="needs g++ with C++20 <barrier>, _Float16")
@pytest.mark.parametrize("name,params,dtype", [
    ("bigbird", {"size": 16, "window": 1, "globals": 1, "random": 2}, "bfloat16"),  # random tables
    ("documents", {}, "float16"),                                                # a pattern input
])
def test_wrappers_pass_arguments_in_kernel_order(name, params, dtype, tmp_path):
    """CudaForward and CudaBackward as called on a GPU, their kernels run in emulation on
    arguments bound by the PrimFuncs' parameter names: forward, dQ, dK/dV against float64."""
    pat = example(name).bind(**params) if params else example(name)
    decls = list(pat.inputs.values())
    fwd = codegen.build_forward_cuda(pat.mask, pat.score, head_dim=32, dtype=dtype, input_decls=decls)
    bwd = build(pat, dtype, "sm_90", head_dim=32)
    (fwd_func, _, _) = cuda.forward_primfunc(pat.mask, pat.score, head_dim=32, dtype=dtype, input_decls=decls)
    (dq_func, dkdv_func), _, _ = cuda.backward_primfuncs(pat.mask, pat.score, head_dim=32, dtype=dtype,
                                                        input_decls=decls)
    cuda_emu.emulate_launches(fwd, {"forward": fwd_func}, tmp_path)
    cuda_emu.emulate_launches(bwd, {"dq": dq_func, "dkdv": dkdv_func}, tmp_path)
    B, H, Hk, L, D = 1, 2, 1, 100, 32   # two query blocks, the last cut; grouped heads
    dt = getattr(torch, dtype)
    g = torch.Generator().manual_seed(11)
    q, k, v, dout = (torch.randn(B, n, L, D, generator=g).to(dt) for n in (H, Hk, Hk, H))
    inputs = {"doc": (torch.arange(L) // 45).view(1, L).repeat(B, 1)} if pat.inputs else {}
    layout = cuda.pattern_layout(pat, B, H, L, L, fwd.config, **inputs)
    out, lse = fwd(q, k, v, layout, inputs=inputs)
    dq, dk, dv = bwd(q, k, v, out, lse, dout, layout, inputs=inputs)
    ref_out = spdsl.reference_attention(pat, q.double(), k.double(), v.double(), **inputs)
    eager_out = spdsl.reference_attention(pat, q, k, v, **inputs)
    ref = _grads(pat, q.double(), k.double(), v.double(), dout.double(), inputs)
    eager = _grads(pat, q, k, v, dout, inputs)
    for what, got, r, e in zip(("out", "dq", "dk", "dv"), (out, dq, dk, dv), (ref_out, *ref), (eager_out, *eager)):
        err, eager_err = ((x.double() - r).norm() / r.norm() for x in (got, e))
        assert err <= 2 * eager_err + 1e-4, (what, err.item(), eager_err.item())
