"""The CUDA back end (codegen/cuda*.py).

Without a GPU (every machine): each LANGUAGE.md example builds for the cuda target into
source with a ``__global__`` kernel that nvcc compiles to PTX for sm_80 and sm_90, and the
float16 / bfloat16 kernels hold tensor-core ``mma.sync`` instructions. One kernel per
dtype is also compiled to a cubin (ptxas: registers, shared memory, no spills).
With a GPU (``-m gpu``): the forward against ``spdsl.reference_attention`` in float64,
its error compared with a same-dtype eager run's.
"""

from __future__ import annotations

import pathlib
import shutil
import sys

import pytest

torch = pytest.importorskip("torch")
tvm = pytest.importorskip("tvm")

ROOT = pathlib.Path(__file__).resolve().parent.parent
from spdsl import codegen
from spdsl.codegen.cuda import kernels as cuda
from spdsl.codegen.cuda.config import CudaConfig

import cuda_emu
import spdsl

EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*.spdsl"))
HAVE_NVCC = shutil.which("nvcc") is not None
needs_nvcc = pytest.mark.skipif(not HAVE_NVCC, reason="nvcc not installed")
needs_gpu = pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device")
MMA = {"float16": "mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32",
       "bfloat16": "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"}


def example(name: str):
    """The example file's pattern of the same name, else its last (composed.spdsl)."""
    lib = spdsl.load(ROOT / "examples" / f"{name}.spdsl")
    return lib[name] if name in lib.keys() else lib[list(lib.root_names)[-1]]


def build(pat, dtype="bfloat16", arch="sm_90", head_dim=64, config=None):
    return codegen.build_forward_cuda(pat.mask, pat.score, head_dim=head_dim, dtype=dtype,
                                   config=config, input_decls=list(pat.inputs.values()),
                                   arch=arch)


# ----------------------------------------------------------------------------- no GPU


# Every example on sm_90 (bf16) and sm_80 (fp16): ~2 s each (TVM build ~0.5-4 s, nvcc
# to PTX ~1-1.5 s); about 70 s in all on a 2-core machine.
CASES = [(n, "sm_90", "bfloat16") for n in EXAMPLES] + [(n, "sm_80", "float16") for n in EXAMPLES]

@needs_nvcc
@pytest.mark.parametrize("name,arch,dtype", CASES)
def test_example_compiles_with_tensor_cores(name, arch, dtype):
    fwd = build(example(name), dtype, arch)
    assert fwd.tensor_cores
    assert '__global__ void __launch_bounds__(128) forward_kernel' in fwd.source
    ptx = cuda.compile_offline(fwd.source, arch, "ptx").decode()
    assert f".target {arch}" in ptx
    assert ptx.count(MMA[dtype]) == 2 * (64 // 16) * (64 // 8)  # S = Q K^T and O += P V
    # K and V chunks copied by cp.async (64 keys x 64 dims / 8 per copy / 128 threads = 4
    # copies a thread, unrolled), the next chunk's in flight while this one is computed
    assert ptx.count("cp.async.cg.shared.global") == 2 * 4 and "cp.async.wait_group 1" in ptx
    # B fragments by ldmatrix.x4, two mma each: K as is, V transposed
    assert ptx.count("ldmatrix.sync.aligned.m8n8.x4.shared.b16") == (64 // 16) * (64 // 16)
    assert ptx.count("ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16") == (64 // 16) * (64 // 16)


@needs_nvcc
@pytest.mark.parametrize("name,arch", [("documents", "sm_80"), ("softcap", "sm_90"),
                                       ("bigbird", "sm_90")])
def test_fp32_kernel_compiles(name, arch):
    fwd = build(example(name), "float32", arch)
    assert not fwd.tensor_cores and "__global__" in fwd.source
    ptx = cuda.compile_offline(fwd.source, arch, "ptx").decode()
    assert "mma.sync" not in ptx and "ld.shared" in ptx


@needs_nvcc
@pytest.mark.parametrize("dtype,head_dim", [("bfloat16", 128), ("float16", 64), ("float32", 128)])
def test_cubin_builds_without_spills(dtype, head_dim, tmp_path):
    import subprocess

    fwd = build(example("sliding_window"), dtype, "sm_90", head_dim=head_dim)
    src = tmp_path / "k.cu"
    src.write_text(fwd.source)
    res = subprocess.run(["nvcc", "-arch=sm_90", "-cubin", "-Xptxas", "-v", str(src), "-o",
                          str(tmp_path / "k.cubin")], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    if dtype != "float32":  # the fp32 kernel keeps per-thread score rows in local memory
        import re

        spills = [int(x) for x in re.findall(r"(\d+) bytes spill stores", res.stderr)]
        assert spills and max(spills) <= 8, res.stderr  # D=128 bf16: 163 registers, none; D=64: 4 bytes


def test_mask_code_only_in_partial_blocks():
    src = build(example("documents")).source
    body = src[src.index("__global__ void __launch_bounds__"):]
    partial = body.index("FL_ptr[")                 # if (full[j] == 0): PARTIAL block
    edge = body.index("if (Lk < ", partial)          # FULL block crossing Lk: k < Lk only
    reads = [i for i in range(len(body)) if body.startswith("in_doc_ptr[", i)]
    assert reads and all(partial < i < edge for i in reads)


def test_config_checks():
    with pytest.raises(ValueError, match="16 \\* warps"):
        CudaConfig(block_q=32, warps=4).check(64, "float16")
    with pytest.raises(ValueError, match="multiples of 16"):
        CudaConfig().check(72, "bfloat16")
    with pytest.raises(ValueError, match="stages"):
        CudaConfig(stages=3).check(64, "float16")
    with pytest.raises(ValueError, match="48 KiB"):
        CudaConfig(stages=2, block_k=16).check(1024, "float16")
    mma_chunk = sys.modules[CudaConfig.__module__].mma_chunk
    assert mma_chunk(CudaConfig(), 64) == 64 and mma_chunk(CudaConfig(), 128) == 32  # 2 stages
    assert mma_chunk(CudaConfig(stages=1), 128) == 64
    CudaConfig().check(72, "float32")  # the CUDA-core kernel takes any head_dim
    assert CudaConfig(tensor_cores=False).threads("float16") == 64
    with pytest.raises(ValueError, match="arch"):
        cuda.cuda_target("hopper")


def test_symbolic_sizes_one_build():
    fwd = build(example("sliding_window"))
    head = fwd.source[fwd.source.index("__global__"):].split("{", 1)[0]
    for name in ("int H", "int Hk", "int Lk", "int Lq"):
        assert name in head


def test_gpu_order_longest_row_first():
    pat = spdsl.parse("pattern c { mask = causal }")["c"]
    layout = cuda.pattern_layout(pat, 1, 2, 300, 300)
    order = cuda.gpu_order(layout)
    costs = layout.row_costs()[order]
    assert sorted(order.tolist()) == list(range(len(order)))
    assert all(costs[i] >= costs[i + 1] for i in range(len(costs) - 1))


def test_bench_pieces_run_without_gpu(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import gpu_bench

    args = gpu_bench.parse_args(["--lengths", "8192", "--repeats", "3", "--no-sdpa"])
    assert args.lengths == [8192] and args.no_sdpa and args.patterns == list(gpu_bench.PATTERNS)
    table = gpu_bench.format_table([
        {"pattern": "causal", "L": 8192, "spdsl_ms": 2.0, "flex_ms": 3.0, "flex/spdsl": 1.5},
        {"pattern": "documents", "L": 8192, "error": "flex: boom"}])
    assert "flex/spdsl" in table and "1.5" in table and "documents L=8192: flex: boom" in table
    for name in gpu_bench.PATTERNS:
        assert gpu_bench.load_pattern(name).mask is not None
    # the kernels, layouts and density of a row build without a GPU
    fwd, bwd, layout, transposed, density = gpu_bench.spdsl_kernels(
        gpu_bench.load_pattern("documents"), 1024, {"doc": gpu_bench.doc_ids(1024)}, "sm_90")
    assert fwd.tensor_cores and bwd.tensor_cores and 0 < density < 1
    assert transposed.n_kb == layout.n_kb == 1024 // fwd.config.block_k
    # the baselines' backward runner: autograd through one saved graph, repeatable
    q, k, v, dout = (torch.randn(1, 2, 64, 16) for _ in range(4))
    grad = gpu_bench._grad_runner(torch.nn.functional.scaled_dot_product_attention, q, k, v, dout)
    assert all(torch.equal(a, b) for a, b in zip(grad(), grad()))
    monkeypatch.setenv("OUT", str(tmp_path))
    if not torch.cuda.is_available():
        assert gpu_bench.main(["--lengths", "8192"]) == 0
        assert "skipped" in (tmp_path / "gpu_bench.json").read_text()


def test_wrapper_arguments_match_the_kernel_abi():
    """What CudaForward passes (built on the CPU here) fits the PrimFunc's parameters."""
    pat = example("bigbird")
    func, sig, config = cuda.forward_primfunc(pat.mask, pat.score, head_dim=64, dtype="float16")
    fwd = build(pat, "float16")
    layout = cuda.pattern_layout(pat, 2, 4, 300, 300, config)
    lay_args = fwd._layout_args(layout, "cpu", 2, 4, 300)
    assert [str(t.dtype) for t in lay_args] == ["torch.int32", "torch.int64", "torch.int32",
                                                "torch.uint8", "torch.int32"]
    assert lay_args[-1].shape == (2 * 4 * 5,)
    extra = fwd._extra_args({}, "cpu", 4, 300, 300)
    assert [tuple(t.shape) for t in extra] == [(4, 5, 5)]  # the random_blocks table
    assert len(func.params) == 5 + len(lay_args) + 1 + len(extra)
    with pytest.raises(ValueError, match="other sizes"):
        fwd._layout_args(layout, "cpu", 2, 4, 400)


def test_gpu_check_script_parses():
    import subprocess

    script = ROOT / "benchmarks" / "gpu_check.sh"
    assert subprocess.run(["bash", "-n", str(script)]).returncode == 0


# ----------------------------------------------------------------------------- CPU emulation
#
# The kernels' CUDA C run on the CPU (tests/cuda_emu.py: threads, barriers, shuffles and
# mma.sync emulated), against float64: fragment layouts, online softmax, masking, ranges.

EMU_CASES = [
    # name, params, dtype, B, H, Hk, Lq, Lk, D
    ("sliding_window", {"window": 40}, "bfloat16", 1, 2, 1, 150, 130, 32),  # empty rows
    ("bigbird", {"size": 16, "window": 1, "globals": 1, "random": 2}, "float16", 1, 2, 2, 150, 150, 32),
    ("documents", {}, "bfloat16", 2, 2, 1, 140, 140, 16),
    ("alibi", {}, "float16", 1, 2, 2, 70, 100, 16),
    ("softcap", {"cap": 2.0}, "float32", 1, 2, 1, 90, 90, 16),   # the CUDA-core kernel
    ("longformer", {"window": 40, "globals": 4}, "bfloat16", 1, 2, 1, 130, 130, 128),  # 2 chunks a block
    ("streaming", {"window": 64, "sinks": 4}, "float16", 1, 2, 2, 1, 150, 64),  # decoding: one query row
]


@pytest.mark.skipif(not cuda_emu.have_compiler(), reason="needs g++ with C++20 <barrier>, _Float16")
@pytest.mark.parametrize("name,params,dtype,B,H,Hk,Lq,Lk,D", EMU_CASES)
def test_forward_in_cpu_emulation(name, params, dtype, B, H, Hk, Lq, Lk, D, tmp_path):
    pat = example(name).bind(**params) if params else example(name)
    fwd = build(pat, dtype, "sm_90", head_dim=D)
    assert fwd.tensor_cores == (dtype != "float32")
    dt = getattr(torch, dtype)
    g = torch.Generator().manual_seed(Lq * Lk)
    q, k, v = (torch.randn(B, n, L, D, generator=g).to(dt) for n, L in ((H, Lq), (Hk, Lk), (Hk, Lk)))
    inputs = {"doc": (torch.arange(Lk) // 45).view(1, Lk).repeat(B, 1)} if pat.inputs else {}
    layout = cuda.pattern_layout(pat, B, H, Lq, Lk, fwd.config, **inputs)
    out, lse = cuda_emu.run_forward(fwd, layout, q, k, v, inputs, tmp_path, D ** -0.5)
    ref, ref_lse = spdsl.reference_attention(pat, q.double(), k.double(), v.double(),
                                             return_lse=True, **inputs)
    eager = spdsl.reference_attention(pat, q, k, v, **inputs)  # same dtype
    assert not out.isnan().any() and not lse.isnan().any()  # every element written
    err, eager_err = ((x.double() - ref).norm() / ref.norm() for x in (out, eager))
    assert err <= 2 * eager_err + 1e-6, (err.item(), eager_err.item())
    empty = torch.isinf(ref_lse)
    assert torch.equal(torch.isinf(lse), empty) and empty.any() == (name == "sliding_window")
    if empty.any():
        assert out[empty].abs().max() == 0
    torch.testing.assert_close(lse.double()[~empty], ref_lse[~empty], atol=1e-5, rtol=1e-5)
    if fwd.tensor_cores:  # the K/V copies landing at once instead of at the wait: same bits
        eager_out, eager_lse = cuda_emu.run_forward(fwd, layout, q, k, v, inputs, tmp_path, D ** -0.5,
                                                    eager_copies=True)
        assert torch.equal(eager_out, out) and torch.equal(eager_lse, lse)


@pytest.mark.skipif(not cuda_emu.have_compiler(), reason="needs g++ with C++20 <barrier>, _Float16")
def test_random_blocks_at_explicit_offsets_in_cpu_emulation(tmp_path):
    """Positions (LANGUAGE.md 1.1) in the CUDA kernel: the explicit-offsets variant reads
    q_offset / kv_offset per batch; the random_blocks table covers query blocks past
    ceil(Lk / size) (queries at positions 200..269 with Lk = 100), and key blocks past the
    last one (kv_offset = 20) are never chosen."""
    from spdsl.ir.positions import offset_tensors

    pat = example("bigbird").bind(size=16, window=1, globals=1, random=2)
    rows = pat.at_rows(True)
    fwd = build(rows, "float16", "sm_90", head_dim=16)
    B, H, Lq, Lk, D = 2, 2, 70, 100, 16
    offs = dict(q_offset=torch.tensor([200, 37]), kv_offset=torch.tensor([0, 20]))
    g = torch.Generator().manual_seed(11)
    q, k, v = (torch.randn(B, H, L, D, generator=g).half() for L in (Lq, Lk, Lk))
    layout = cuda.pattern_layout(pat, B, H, Lq, Lk, fwd.config, **offs)
    inputs = offset_tensors(offs["q_offset"], offs["kv_offset"], B, Lq, Lk)
    out, lse = cuda_emu.run_forward(fwd, layout, q, k, v, inputs, tmp_path, D ** -0.5)
    ref, ref_lse = spdsl.reference_attention(pat, q.double(), k.double(), v.double(),
                                             return_lse=True, **offs)
    eager = spdsl.reference_attention(pat, q, k, v, **offs)
    assert not out.isnan().any() and not lse.isnan().any()
    err, eager_err = ((x.double() - ref).norm() / ref.norm() for x in (out, eager))
    assert err <= 2 * eager_err + 1e-6, (err.item(), eager_err.item())
    torch.testing.assert_close(lse.double(), ref_lse, atol=1e-5, rtol=1e-5)
    table = fwd._extra_args(inputs, "cpu", H, Lq, Lk)[-1]
    assert tuple(table.shape) == (H, 270 // 16 + 1, 7)     # query blocks of positions < 270


def test_emulator_sees_a_read_before_the_copy_landed(tmp_path):
    """The pipelined forward with its wait loosened by one group reads stale stages."""
    pat = example("sliding_window").bind(window=40)
    fwd = build(pat, "bfloat16", "sm_90", head_dim=32)
    assert "async_wait_group_1();" in fwd.source
    g = torch.Generator().manual_seed(5)
    q, k, v = (torch.randn(1, 2, 150, 32, generator=g).bfloat16() for _ in range(3))
    layout = cuda.pattern_layout(pat, 1, 2, 150, 150, fwd.config)
    ref = spdsl.reference_attention(pat, q.double(), k.double(), v.double())
    fwd.source = fwd.source.replace("async_wait_group_1();", "async_wait_group_2();")
    out, _ = cuda_emu.run_forward(fwd, layout, q, k, v, {}, tmp_path, 32 ** -0.5)
    assert ((out.double() - ref).norm() / ref.norm()).nan_to_num(1.0) > 0.1


# ----------------------------------------------------------------------------- GPU


GPU_CASES = [
    # name, params, dtype, B, H, Hk, Lq, Lk, D
    ("sliding_window", {"window": 100}, "bfloat16", 1, 4, 2, 300, 300, 64),
    ("sliding_window", {"window": 100}, "float16", 2, 2, 2, 1, 300, 128),
    ("documents", {}, "float16", 2, 2, 1, 260, 260, 64),
    ("bigbird", {}, "bfloat16", 1, 2, 2, 333, 333, 128),
    ("alibi", {}, "float16", 1, 4, 4, 200, 300, 64),
    ("softcap", {}, "bfloat16", 1, 2, 1, 190, 190, 64),
    ("per_head_window", {}, "float32", 1, 4, 2, 300, 300, 64),
    ("neighborhood_2d", {"width": 16, "radius": 2}, "float32", 1, 2, 2, 256, 256, 80),
    ("dilated", {"window": 64}, "float16", 1, 2, 2, 300, 300, 128),
]


@pytest.mark.gpu
@needs_gpu
@pytest.mark.parametrize("name,params,dtype,B,H,Hk,Lq,Lk,D", GPU_CASES)
def test_forward_matches_reference_on_gpu(name, params, dtype, B, H, Hk, Lq, Lk, D):
    pat = example(name).bind(**params) if params else example(name)
    arch = "sm_%d%d" % torch.cuda.get_device_capability()
    fwd = build(pat, dtype, arch, head_dim=D)
    dt = getattr(torch, dtype)
    g = torch.Generator(device="cuda").manual_seed(Lq + Lk)
    q = torch.randn(B, H, Lq, D, device="cuda", generator=g).to(dt)
    k = torch.randn(B, Hk, Lk, D, device="cuda", generator=g).to(dt)
    v = torch.randn(B, Hk, Lk, D, device="cuda", generator=g).to(dt)
    inputs = {}
    if pat.inputs:  # documents: a few packed sequences, ids increasing along the keys
        inputs["doc"] = (torch.arange(Lk, device="cuda") // 70).view(1, Lk).repeat(B, 1)
    layout = cuda.pattern_layout(pat, B, H, Lq, Lk, fwd.config,
                                 **{n: t.cpu() for n, t in inputs.items()})
    out = torch.full_like(q, float("nan"))
    lse = torch.full((B, H, Lq), float("nan"), device="cuda")
    fwd(q, k, v, layout, inputs=inputs, out=out, lse=lse)
    torch.cuda.synchronize()
    cpu_inputs = {n: t.cpu() for n, t in inputs.items()}
    ref, ref_lse = spdsl.reference_attention(pat, q.cpu().double(), k.cpu().double(),
                                             v.cpu().double(), return_lse=True, **cpu_inputs)
    eager = spdsl.reference_attention(pat, q.cpu(), k.cpu(), v.cpu(), **cpu_inputs)  # in dtype
    assert not out.isnan().any() and not lse.isnan().any()
    err = (out.cpu().double() - ref).abs().max().item()
    eager_err = (eager.double() - ref).abs().max().item()
    assert err <= 4 * eager_err + 1e-5, (err, eager_err)
    empty = torch.isinf(ref_lse)
    assert torch.equal(torch.isinf(lse.cpu()), empty)
    if empty.any():
        assert out.cpu()[empty].abs().max() == 0
    finite = ~empty
    torch.testing.assert_close(lse.cpu().double()[finite], ref_lse[finite], atol=2e-2, rtol=2e-2)


def _nvrtc_ready() -> bool:
    """cuda-bindings with a loadable libnvrtc and CUDA headers (what a GPU machine has)."""
    try:
        from cuda.bindings import nvrtc

        return nvrtc.nvrtcVersion()[0] == nvrtc.nvrtcResult.NVRTC_SUCCESS
    except Exception:
        return False


@pytest.mark.skipif(not _nvrtc_ready(), reason="needs cuda-bindings and libnvrtc (optional here)")
@pytest.mark.parametrize("dtype,head_dim", [("bfloat16", 128), ("float16", 64)])
def test_kernels_compile_with_nvrtc(dtype, head_dim):
    """The path TVM takes on a GPU machine with cuda-bindings: NVRTC, TVM's preamble, a
    cubin for sm_90, for all three kernels (forward, dQ, dK/dV)."""
    from tvm.support import nvcc

    pat = example("documents")
    fwd = build(pat, dtype, "sm_90", head_dim=head_dim)
    bwd = codegen.build_backward_cuda(pat.mask, pat.score, head_dim=head_dim, dtype=dtype,
                                   input_decls=list(pat.inputs.values()), arch="sm_90")
    for src in (fwd.source, *bwd.sources.values()):
        with cuda.cuda_target("sm_90"):
            cubin = bytes(nvcc.compile_cuda(src, "cubin", arch="sm_90", compiler="nvrtc"))
        assert cubin[:4] == b"\x7fELF"


def test_wrapper_hands_kernels_16_byte_aligned_rows():
    """cp.async and the 16-byte loads need aligned rows: a view starting mid-row is copied."""
    base = torch.randn(1 + 2 * 64 * 64, dtype=torch.float16)
    view = base[1:].view(1, 2, 64, 64)
    assert view.is_contiguous() and view.data_ptr() % 16 != 0
    fixed = cuda.aligned_rows(view)
    assert fixed.data_ptr() % 16 == 0 and torch.equal(fixed, view)
    ok = torch.randn(1, 2, 64, 64, dtype=torch.float16)
    assert cuda.aligned_rows(ok) is ok  # no copy when there is nothing to fix


def test_gpu_static_floors():
    """benchmarks/gpu_static.py's floors: causal at 8192 does half the dense products."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import gpu_static

    row = gpu_static.row_floor("causal", 8192)
    dense = 4.0 * 8192 * 8192 * 16 * 128 / 1e9
    assert abs(row["density"] - 0.5) < 1e-3 and abs(row["fwd_gflop"] - dense / 2) < 1.0
    assert row["fwd_floor_ms"] == pytest.approx(row["fwd_gflop"] * 1e9 / gpu_static.H200_BF16_FLOPS * 1e3, rel=1e-3)
    assert row["bwd_floor_ms"] > row["fwd_floor_ms"]
