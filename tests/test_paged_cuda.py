"""Paged KV caches on the CUDA kernels (codegen/cuda/paged.py: the CUDA forward with its K/V
read through a block table, common/paged.py), run through ``attn(q, k_pages, v_pages,
block_table=, seq_lens=)`` (spdsl/runtime/paged.py) with the kernels emulated on the CPU
(tests/cuda_emu.py).

The page pools are made as in tests/test_paged.py: pages shuffled, free pages and the
tails of partly filled pages NaN, a physical page shared by two sequences (a common
prefix), table entries past a sequence -1 or far out of range (never read). Each result is compared, sequence by
sequence, with the float64 reference (within the error budget of the same computation
done eagerly in the kernel's dtype) and with the same compiled attention called on the
gathered, unpaged K/V (its kernel emulated too). Without a GPU nvcc compiles the paged
source to PTX; with one (``-m gpu``) a decoding step runs for real.
"""

from __future__ import annotations

import math
import shutil

import pytest
import torch

import cuda_emu
import spdsl
from spdsl.analysis.reference import reference_attention
from spdsl.codegen.cuda.config import CudaConfig
from spdsl.codegen.cuda.forward import forward_primfunc
from spdsl.runtime import paged as rt_paged

from conftest import assert_within_eager_budget, max_error

needs_emulator = pytest.mark.skipif(not cuda_emu.have_compiler(),
                                    reason="needs g++ with C++20 <barrier>, _Float16")
D = 32            # tensor cores: a multiple of 16
H, HK = 4, 2      # grouped-query attention (test_paged's pools have HK key heads)
LENS = [37, 70, 5]
BLOCK_K = 32      # pages of 32 (its multiple) and 16 (a key-block-16 variant)
LIB = spdsl.parse("""
pattern window(w = 45) { mask = causal and q - k < w }
pattern ahead(w = 45) { mask = q - k < w }
""")  # ahead: a window that also sees every later key of the sequence (no causal mask)


def sequences(lens, dtype, seed=0):
    """Per sequence K, V [1, HK, L, D]; sequence 2 starts with sequence 0's first 16 keys."""
    g = torch.Generator().manual_seed(seed)
    ks = [torch.randn(1, HK, n, D, generator=g).to(dtype) for n in lens]
    vs = [torch.randn(1, HK, n, D, generator=g).to(dtype) for n in lens]
    n = min(16, lens[0], lens[2])
    ks[2][:, :, :n], vs[2][:, :, :n] = ks[0][:, :, :n], vs[0][:, :, :n]
    return ks, vs


def paged(ks, vs, page_size, dtype, spare_pages=3, seed=1):
    """(k_pages, v_pages, block_table int32): shuffled pages, NaN where unused, sequence
    2's first page shared with sequence 0's where their keys agree, entries past each
    sequence -1 or 10**6."""
    g = torch.Generator().manual_seed(seed)
    lens = [k.shape[2] for k in ks]
    need = [math.ceil(n / page_size) for n in lens]
    kp = torch.full((sum(need) + spare_pages, HK, page_size, D), float("nan"), dtype=dtype)
    vp = kp.clone()
    order = torch.randperm(kp.shape[0], generator=g).tolist()
    table = torch.full((len(lens), max(need) + 1), -1, dtype=torch.int32)
    table[:, -1] = 10 ** 6
    for b, (k, v) in enumerate(zip(ks, vs)):
        for p in range(need[b]):
            lo, hi = p * page_size, min((p + 1) * page_size, lens[b])
            same = b == 2 and p == 0 and hi == page_size and torch.equal(k[:, :, :hi], ks[0][:, :, :hi])
            page = int(table[0, 0]) if same else order.pop()
            table[b, p] = page
            kp[page, :, :hi - lo], vp[page, :, :hi - lo] = k[0, :, lo:hi], v[0, :, lo:hi]
    return kp, vp, table


class Emulation:
    """One compiled device="cuda" attention whose paged and unpaged forwards run in CPU
    emulation: each wrapper's own ``__call__`` builds the positional arguments, bound here
    to the PrimFunc's parameter names (a wrong argument order in a wrapper shows)."""

    def __init__(self, dtype, workdir, config, pat=LIB["window"]):
        self.attn = spdsl.compile(pat, head_dim=D, dtype=dtype, device="cuda", config=config)
        self.workdir = workdir
        func, _ = forward_primfunc(pat.mask, pat.score, D, self.attn.config, [], str(dtype)[6:])
        self._emulate(self.attn._forward, func)

    def paged_variant(self, page_size):
        v = rt_paged._variant(self.attn, page_size)
        fwd = v["forward"]
        if not getattr(fwd, "emulated", False):
            rows = v["rows"]
            func, _ = forward_primfunc(rows.mask, rows.score, D, v["config"], list(rows.inputs.values()),
                                       fwd.dtype, paged=True)
            self._emulate(fwd, func)
        return v

    def _emulate(self, kernels, func):
        compiled = {}
        names = [p.name for p in func.params]
        # a library of its own per kernel (dlopen would hand back an earlier one of the same path)
        workdir = self.workdir / f"k{len(list(self.workdir.iterdir()))}"
        workdir.mkdir()

        def launch(module, name, args, device):
            assert len(names) == len(args), (names, len(args))
            arrays, ints, scale = {}, {}, None
            for pname, a in zip(names, args):
                if isinstance(a, torch.Tensor):
                    assert a.device.type == "cpu"
                    arrays[pname] = cuda_emu.to_numpy(a)
                elif isinstance(a, float):
                    scale = a
                else:
                    ints[pname] = int(a)      # the paged kernel's Lk
            kv = "KP" if "KP" in arrays else "K"
            B, H_, Lq, _ = arrays["Q"].shape
            sizes = dict(B=B, H=H_, Hk=arrays[kv].shape[1], Lq=Lq, n_rows=len(arrays["RP"]),
                         nnz=len(arrays["CI"]), **ints)
            if kv == "KP":
                sizes.update(n_pages=arrays["KP"].shape[0], page_size=arrays["KP"].shape[2],
                             max_pages=arrays["BT"].shape[1])
            else:
                sizes["Lk"] = arrays["K"].shape[2]
            if name not in compiled:
                compiled[name] = cuda_emu.Emulated(module, name, workdir, kernels.source)
            compiled[name](len(arrays["ORD"]), arrays, sizes, scale)

        kernels._require_cuda = lambda q: None
        kernels._launch = launch
        kernels.emulated = True

    def unpaged(self, q, k, v):
        out, _ = self.attn.run_forward(q, k, v, [], self.attn.scale)
        return out


@pytest.fixture(scope="module")
def emulations(tmp_path_factory):
    if not cuda_emu.have_compiler():
        pytest.skip("needs g++ with C++20 <barrier>, _Float16")
    made = {}

    def get(dtype, name="window"):
        if (dtype, name) not in made:
            made[dtype, name] = Emulation(dtype, tmp_path_factory.mktemp(str(dtype)[6:]),
                                          CudaConfig(block_q=16, block_k=BLOCK_K), LIB[name])
        return made[dtype, name]

    return get


def run_paged(emu: Emulation, dtype, lq, page_size, lens=LENS, seed=2, vllm_layout=False):
    """The paged call (runtime checks, layout, variant) with the kernel emulated on CPU
    tensors (the caller skips the device check). ``vllm_layout``: the pages are a permuted
    view of a [n_pages, page_size, Hk, D] pool, read in place."""
    ks, vs = sequences(lens, dtype)
    kp, vp, table = paged(ks, vs, page_size, dtype)
    if vllm_layout:
        kp, vp = (t.transpose(1, 2).contiguous().transpose(1, 2) for t in (kp, vp))
        assert not kp.is_contiguous()
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(len(lens), H, lq, D, generator=g).to(dtype)
    emu.paged_variant(page_size)
    out, lse = emu.attn(q, kp, vp, block_table=table, seq_lens=torch.tensor(lens), return_lse=True)
    return q, ks, vs, out, lse


@pytest.fixture
def cpu_tensors_for_cuda_builds(monkeypatch):
    """The paged call's device check off: the emulated kernels take CPU tensors."""
    monkeypatch.setattr(rt_paged, "_check_device", lambda attn, label, t: None)


CASES = [
    # dtype, pattern, Lq, page_size, tensor cores
    (torch.bfloat16, "window", 1, 32, True),   # decoding, pages of the key block
    (torch.bfloat16, "window", 5, 16, True),   # chunked prefill, pages below the key block (a variant)
    (torch.float16, "ahead", 1, 32, True),
    (torch.float16, "ahead", 5, 32, True),
    (torch.float32, "window", 5, 16, False),   # the CUDA-core kernel (float32), a variant too
]


@needs_emulator
@pytest.mark.parametrize("dtype,name,lq,page_size,tensor_cores", CASES)
def test_paged_against_unpaged_and_float64(emulations, cpu_tensors_for_cuda_builds, dtype, name, lq,
                                           page_size, tensor_cores):
    """Three sequences of lengths 37, 70 and 5 (the last sharing the first's first page
    where pages are 16) under a sliding window (causal, or seeing later keys too), GQA;
    the pages hold NaN in every unused row, and the bfloat16 prefill reads them as a
    strided view."""
    emu = emulations(dtype, name)
    q, ks, vs, out, lse = run_paged(emu, dtype, lq, page_size, vllm_layout=dtype == torch.bfloat16 and lq > 1)
    assert emu.attn.config.uses_tensor_cores(str(dtype)[6:]) == tensor_cores
    assert rt_paged._variant(emu.attn, page_size)["config"].block_k == min(page_size, BLOCK_K)
    assert out.shape == q.shape and not out.isnan().any() and not lse.isnan().any()
    pat = LIB[name]
    for b, n in enumerate(LENS):
        qb = q[b:b + 1]
        ref, ref_lse = reference_attention(pat, qb.double(), ks[b].double(), vs[b].double(), return_lse=True)
        eager = reference_attention(pat, qb, ks[b], vs[b])
        what = f"{dtype} Lq={lq} page={page_size} sequence {b} (length {n})"
        assert_within_eager_budget(out[b:b + 1], ref, eager, what=what)
        assert max_error(lse[b:b + 1], ref_lse) < 1e-3, what
        unpaged = emu.unpaged(qb, ks[b], vs[b])
        assert_within_eager_budget(unpaged, ref, eager, what=what + " unpaged")
        # the same kernel code on the same keys: equal but for the key block's summation order
        tol = 1e-5 if dtype == torch.float32 else 2e-2
        assert max_error(out[b:b + 1], unpaged) < tol, what


@needs_emulator
def test_empty_sequence_and_explicit_offsets(emulations, cpu_tensors_for_cuda_builds):
    """seq_lens 0 (no key: out 0, lse -inf, no table entry read) beside full sequences,
    and explicit q_offset / kv_offset (LANGUAGE.md positions)."""
    emu = emulations(torch.bfloat16)
    lens = [0, 64, 20]
    ks, vs = sequences([16, 64, 20], torch.bfloat16)
    kp, vp, table = paged(ks, vs, 32, torch.bfloat16)
    table[0] = -1                                  # sequence 0 has no page at all
    emu.paged_variant(32)                          # emulated, whichever test ran before
    q = torch.randn(3, H, 1, D).bfloat16()
    out, lse = emu.attn(q, kp, vp, block_table=table, seq_lens=torch.tensor(lens), return_lse=True)
    assert torch.equal(out[0], torch.zeros_like(out[0])) and bool((lse[0] == -math.inf).all())
    out = emu.attn(q, kp, vp, block_table=table, seq_lens=torch.tensor(lens), q_offset=100, kv_offset=70)
    for b in (1, 2):
        ref = reference_attention(LIB["window"], q[b:b + 1].double(), ks[b].double(), vs[b].double(),
                                  q_offset=100, kv_offset=70)
        eager = reference_attention(LIB["window"], q[b:b + 1], ks[b], vs[b], q_offset=100, kv_offset=70)
        assert_within_eager_budget(out[b:b + 1], ref, eager, what=f"offsets, sequence {b}")


@needs_emulator
def test_decoding_steps_share_one_layout(emulations, cpu_tensors_for_cuda_builds):
    """Successive decoding steps (every sequence one key longer) reuse one layout, built
    for the block_q - Lq + 1 steps one query block covers; under a mask that sees later
    keys a FULL block of that layout crosses a sequence's end (keys 50..63 of sequence 0),
    which the kernel masks against this step's length. Each step against float64."""
    emu = emulations(torch.float16, "ahead")
    v = emu.paged_variant(32)
    built = len(v["layouts"])
    g = torch.Generator().manual_seed(4)
    for step in range(3):
        lens = [50 + step, 33 + step, 70 + step]
        ks, vs = sequences(lens, torch.float16, seed=step)
        kp, vp, table = paged(ks, vs, 32, torch.float16)
        q = torch.randn(3, H, 1, D, generator=g).half()
        out = emu.attn(q, kp, vp, block_table=table, seq_lens=torch.tensor(lens))
        for b in range(3):
            ref = reference_attention(LIB["ahead"], q[b:b + 1].double(), ks[b].double(), vs[b].double())
            eager = reference_attention(LIB["ahead"], q[b:b + 1], ks[b], vs[b])
            assert_within_eager_budget(out[b:b + 1], ref, eager, what=f"step {step} sequence {b}")
    assert len(v["layouts"]) == built + 1
    layout = next(reversed(v["layouts"].values()))[0]
    row = int(layout.head_class[0, 0]) * (layout.n_qb + 1)
    blocks = dict(zip(layout.col_idx[layout.row_ptr[row]:layout.row_ptr[row + 1]].tolist(),
                      layout.full[layout.row_ptr[row]:layout.row_ptr[row + 1]].tolist()))
    # keys 32..63 FULL though sequence 0 ends at 50..52; keys 64.. listed for later steps
    assert blocks == {0: 0, 1: 1, 2: 0}


def test_errors_stay_clear(emulations, monkeypatch):
    """Wrong dtype, wrong device, a page size the tensor cores cannot take: spdsl's own
    messages, before any kernel runs."""
    emu = emulations(torch.bfloat16)
    ks, vs = sequences(LENS, torch.bfloat16)
    kp, vp, table = paged(ks, vs, 32, torch.bfloat16)
    q = torch.randn(3, H, 1, D).bfloat16()
    lens = torch.tensor(LENS)
    with pytest.raises(ValueError, match=r"q is on cpu, but this kernel was compiled for 'cuda'"):
        emu.attn(q, kp, vp, block_table=table, seq_lens=lens)
    monkeypatch.setattr(rt_paged, "_check_device", lambda attn, label, t: None)
    with pytest.raises(TypeError, match=r"k_pages is torch.float16, but this kernel was compiled for torch.bfloat16"):
        emu.attn(q, kp.half(), vp, block_table=table, seq_lens=lens)
    with pytest.raises(ValueError, match=r"page_size 8 .* share no key block the kernels can take \(a multiple of 16"):
        rt_paged._variant(emu.attn, 8)
    with pytest.raises(RuntimeError, match="inference only"):
        emu.attn(q.requires_grad_(), kp, vp, block_table=table, seq_lens=lens)


@pytest.mark.skipif(shutil.which("nvcc") is None, reason="nvcc not installed")
def test_nvcc_compiles_the_paged_kernel(emulations):
    """The paged source (tensor cores, bfloat16) compiles to PTX with the unpaged kernel's
    mma, ldmatrix and cp.async instructions."""
    from spdsl.codegen.cuda.kernels import compile_offline

    emu = emulations(torch.bfloat16)
    fwd = rt_paged._variant(emu.attn, 32)["forward"]
    assert "forward_paged_kernel(" in fwd.source and "BT_ptr[" in fwd.source
    ptx = compile_offline(fwd.source, "sm_90", "ptx").decode()
    unpaged = compile_offline(emu.attn.cuda_source, "sm_90", "ptx").decode()
    for op in ("mma.sync.aligned", "cp.async.cg.shared.global", "ldmatrix.sync"):
        assert ptx.count(op) == unpaged.count(op), op
    assert ".entry forward_paged_kernel" in ptx


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float32])
def test_paged_decode_on_a_gpu(dtype):
    """A decoding step and a chunked prefill on the GPU: page tables on the device, pages
    with NaN rows, against float64 and the unpaged call."""
    attn = spdsl.compile(LIB["window"], head_dim=D, dtype=dtype, device="cuda")
    lens = [37, 700, 5]
    ks, vs = sequences(lens, dtype)
    for lq, page_size in ((1, 64), (5, 32)):   # 32: a key-block-32 variant of the default 64
        kp, vp, table = paged(ks, vs, page_size, dtype)
        q = torch.randn(3, H, lq, D).to(dtype)
        out = attn(q.cuda(), kp.cuda(), vp.cuda(), block_table=table.cuda(), seq_lens=torch.tensor(lens).cuda())
        assert out.is_cuda and not out.isnan().any()
        for b in range(3):
            ref = reference_attention(LIB["window"], q[b:b + 1].double(), ks[b].double(), vs[b].double())
            eager = reference_attention(LIB["window"], q[b:b + 1], ks[b], vs[b])
            assert_within_eager_budget(out[b:b + 1].cpu(), ref, eager, what=f"gpu {dtype} Lq={lq} {b}")
            unpaged = attn(q[b:b + 1].cuda(), ks[b].cuda(), vs[b].cuda())
            assert max_error(out[b:b + 1], unpaged) < (2e-2 if dtype != torch.float32 else 1e-5)
