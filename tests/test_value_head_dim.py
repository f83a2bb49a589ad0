"""A value head dim Dv other than the query/key head dim D (issue 12 item 8), as
FlexAttention and MLA-style models have it: q, k [.., D], v [.., Dv], out [.., Dv], lse
unchanged; dq, dk [.., D], dv [.., Dv].

``spdsl.compile(pat, head_dim=D, v_head_dim=Dv)``. The CPU kernels are checked against
autograd through the float64 reference (forward, lse, gradients, a learnable input's
gradient) on odd sizes with grouped-query heads, rows that see no key, K/V broadcast over
the batch and the [B, Lq, H, Dv] output layout; the paged forward against the unpaged
call; the CUDA kernels (tensor cores, fp16) in CPU emulation and through nvcc. Three
compiled ops serve every CPU case (a module-scoped fixture)."""

from __future__ import annotations

import math
import types

import pytest
import torch

import spdsl
from conftest import assert_within_eager_budget, max_error
from spdsl.codegen.cpu.schedule import ScheduleConfig

LIB = spdsl.parse("""
pattern gated(w = 40) {
    input gate : float[H]
    mask = causal and q - k < w
    score = score * gate[h]
}
""")
PAT = LIB["gated"]
CFG = ScheduleConfig(block_q=16, block_k=32)
OPS = {  # name: (D, Dv, dtype); the CPU backward kernels are float32 for every dtype, so
    # the two "mla" ops share theirs (built once)
    "mla": (192, 128, torch.float32),
    "mla_bf16": (192, 128, torch.bfloat16),
    "wide_v": (24, 40, torch.float32),     # Dv > D, neither a multiple of 16
}


@pytest.fixture(scope="module")
def ops():
    """``ops(name)``: the compiled attention of OPS[name], built once for the module."""
    built = {}

    def get(name):
        if name not in built:
            D, Dv, dtype = OPS[name]
            built[name] = spdsl.compile(PAT, head_dim=D, v_head_dim=Dv, dtype=dtype, config=CFG)
        return built[name]

    return get


def _tensors(D, Dv, dtype, *, B, H, Hk, Lq, Lk, kv_batch, seed):
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(B, H, Lq, D, generator=g)
    k = torch.randn(kv_batch, Hk, Lk, D, generator=g)
    v = torch.randn(kv_batch, Hk, Lk, Dv, generator=g)
    gate = 0.5 + torch.rand(H, generator=g)
    dout = torch.randn(B, H, Lq, Dv, generator=g)
    return [t.to(dtype) for t in (q, k, v)], gate, dout.to(dtype)


def _reference(q, k, v, gate, dout, B):
    """(out, lse, dq, dk, dv, dgate) through autograd of the reference in q's dtype; k and v
    of batch 1 are expanded (their gradients summed over the batch, as the op's)."""
    q, k, v, gate = (t.detach().clone().requires_grad_() for t in (q, k, v, gate))
    kx, vx = (t.expand(B, *t.shape[1:]) for t in (k, v))
    out, lse = spdsl.reference_attention(PAT, q, kx, vx, gate=gate, return_lse=True)
    out.backward(dout)
    return out.detach(), lse.detach(), q.grad, k.grad, v.grad, gate.grad


# Where the gate requires grad, the backward is the gradient variant of learnable inputs
# (its dQ kernel also sums d out / d gate; dP and Delta run over Dv): the wide_v op builds
# only that one, so every call of it learns the gate.
LEARN = {"wide_v"}
CALLS = [
    # op, B, H, Hk, Lq, Lk, kv_batch, out_layout: Lq > Lk puts the first Lq - Lk queries
    # at negative positions (default q_offset = Lk - Lq): rows that see no key
    ("mla", 2, 4, 2, 70, 50, 2, "bhld"),
    ("mla_bf16", 2, 4, 1, 45, 37, 1, "blhd"),       # K/V broadcast over the batch
    ("wide_v", 1, 2, 2, 20, 75, 1, "blhd"),
    ("wide_v", 2, 2, 1, 61, 29, 2, "bhld"),
]


@pytest.mark.parametrize("name,B,H,Hk,Lq,Lk,kv_batch,out_layout", CALLS)
def test_forward_and_backward_against_float64(ops, name, B, H, Hk, Lq, Lk, kv_batch, out_layout):
    D, Dv, dtype = OPS[name]
    attn = ops(name)
    (q, k, v), gate, dout = _tensors(D, Dv, dtype, B=B, H=H, Hk=Hk, Lq=Lq, Lk=Lk,
                                     kv_batch=kv_batch, seed=Lq * Lk)
    qg, kg, vg, gg = (t.clone().requires_grad_() for t in (q, k, v, gate))
    gg.requires_grad_(name in LEARN)
    out, lse = attn(qg, kg, vg, gate=gg, return_lse=True, out_layout=out_layout)
    want = (B, Lq, H, Dv) if out_layout == "blhd" else (B, H, Lq, Dv)
    assert out.shape == want and out.dtype == dtype and out.is_contiguous()
    out_bhld = out.transpose(1, 2) if out_layout == "blhd" else out
    out.backward(dout.transpose(1, 2).contiguous() if out_layout == "blhd" else dout)

    ref = _reference(*(t.double() for t in (q, k, v, gate, dout)), B)
    eager = _reference(q, k, v, gate.to(dtype), dout, B)
    got = (out_bhld, lse, qg.grad, kg.grad, vg.grad, gg.grad)
    for what, g, r, e in zip(("out", "lse", "dq", "dk", "dv", "dgate"), got, ref, eager):
        if what == "dgate" and name not in LEARN:
            assert g is None
            continue
        assert g.shape == r.shape, what
        if what == "lse":
            empty = torch.isinf(r)
            assert torch.equal(torch.isinf(g), empty)
            g, r, e = g[~empty], r[~empty], e[~empty]
        assert_within_eager_budget(g, r, e, what=f"{name} {what}")
    empty = torch.isinf(ref[1])
    assert empty.any() == (Lq > Lk)
    if empty.any():  # rows that see no key: zero output and zero dq
        assert out_bhld[empty].abs().max() == 0 and qg.grad[empty].abs().max() == 0
    if name in LEARN:
        assert ref[5].abs().max() > 0.01  # a gradient worth checking


def test_paged_decoding_against_unpaged(ops):
    """Decoding over a paged cache whose v pages are Dv wide: shuffled pages, unused rows
    NaN, against the same op on each sequence's unpaged K/V and the float64 reference."""
    D, Dv, dtype = OPS["wide_v"]
    attn = ops("wide_v")
    H, Hk, page, lens = 2, 2, 32, [37, 70, 5]
    g = torch.Generator().manual_seed(9)
    ks = [torch.randn(1, Hk, n, D, generator=g) for n in lens]
    vs = [torch.randn(1, Hk, n, Dv, generator=g) for n in lens]
    need = [math.ceil(n / page) for n in lens]
    n_pages = sum(need) + 2
    kp = torch.full((n_pages, Hk, page, D), float("nan"))
    vp = torch.full((n_pages, Hk, page, Dv), float("nan"))
    order = torch.randperm(n_pages, generator=g).tolist()
    table = torch.full((len(lens), max(need)), -1, dtype=torch.int32)
    for b, n in enumerate(lens):
        for p in range(need[b]):
            lo, hi = p * page, min((p + 1) * page, n)
            table[b, p] = phys = order.pop()
            kp[phys, :, :hi - lo], vp[phys, :, :hi - lo] = ks[b][0, :, lo:hi], vs[b][0, :, lo:hi]
    q = torch.randn(len(lens), H, 1, D, generator=g)
    gate = 0.5 + torch.rand(H, generator=g)
    out = attn(q, kp, vp, block_table=table, seq_lens=torch.tensor(lens), gate=gate)
    assert out.shape == (len(lens), H, 1, Dv) and not out.isnan().any()
    for b in range(len(lens)):
        unpaged = attn(q[b:b + 1], ks[b], vs[b], gate=gate)
        ref = spdsl.reference_attention(PAT, q[b:b + 1].double(), ks[b].double(), vs[b].double(),
                                        gate=gate.double())
        eager = spdsl.reference_attention(PAT, q[b:b + 1], ks[b], vs[b], gate=gate)
        assert_within_eager_budget(out[b:b + 1], ref, eager, what=f"sequence {b}")
        assert max_error(out[b:b + 1], unpaged) < 1e-5


def test_wrong_v_head_dim_is_a_clear_error(ops):
    attn = ops("wide_v")   # D 24, Dv 40
    q, k = torch.randn(1, 2, 8, 24), torch.randn(1, 2, 8, 24)
    with pytest.raises(ValueError, match=r"v has head dim 24, but this kernel was compiled for "
                                         r"head_dim=24 for q and k, v_head_dim=40 for v"):
        attn(q, k, torch.randn(1, 2, 8, 24), gate=torch.ones(2))
    with pytest.raises(ValueError, match=r"k has head dim 40, .*head_dim=24 for q and k, v_head_dim=40"):
        attn(q, torch.randn(1, 2, 8, 40), torch.randn(1, 2, 8, 40), gate=torch.ones(2))
    with pytest.raises(ValueError, match="same shape up to the head dim"):
        attn(q, k, torch.randn(1, 2, 9, 40), gate=torch.ones(2))
    with pytest.raises(ValueError, match=r"v has head dim 24, .*v_head_dim=40 for v"):  # the op itself
        torch.ops.spdsl.attention(q, k, torch.randn(1, 2, 8, 24), [torch.ones(2)], attn.id, attn.scale, False)
    pages = dict(block_table=torch.zeros(1, 1, dtype=torch.int32), seq_lens=torch.tensor([4]))
    with pytest.raises(ValueError, match=r"v_pages has head dim 24, .*v_head_dim=40 for v"):
        attn(q[:, :, :1], torch.randn(1, 2, 32, 24), torch.randn(1, 2, 32, 24), gate=torch.ones(2), **pages)
    # one head dim compiled: the message says how to ask for a second
    from spdsl.runtime.op import CompiledAttention
    same = types.SimpleNamespace(head_dim=64, v_head_dim=64)
    with pytest.raises(ValueError, match=r"compiled for head_dim=64 \(a v head dim other than q's and k's "
                                         r"needs spdsl.compile\(\.\.\., v_head_dim=32\)\)"):
        CompiledAttention.check_head_dims(same, torch.empty(1, 1, 1, 64), torch.empty(1, 1, 1, 64),
                                          torch.empty(1, 1, 1, 32))
    with pytest.raises(ValueError, match="v_head_dim must be a positive int"):
        spdsl.compile(PAT, head_dim=32, v_head_dim=0)


def test_fake_tensor_shapes(ops):
    """The op's fake (meta) implementation gives out [.., Dv] (torch.compile traces it)."""
    from torch._subclasses.fake_tensor import FakeTensorMode

    attn = ops("wide_v")
    with FakeTensorMode():
        q, k, v = torch.empty(2, 2, 9, 24), torch.empty(2, 2, 11, 24), torch.empty(2, 2, 11, 40)
        for blhd, shape in ((False, (2, 2, 9, 40)), (True, (2, 9, 2, 40))):
            out, lse = torch.ops.spdsl.attention(q, k, v, [torch.empty(2)], attn.id, attn.scale, blhd)
            assert tuple(out.shape) == shape and tuple(lse.shape) == (2, 2, 9)


def test_keys_and_checks_without_a_build():
    """The build key names v_head_dim only where it differs (kernels of one head dim keep
    their keys); the tuning signature likewise; the configs check both dims; the CPU
    backward is keyed by its own (float32) dtype."""
    from spdsl.codegen.build import key_material
    from spdsl.codegen.cuda.config import CudaConfig
    from spdsl.tune.db import _signature_shape, signature_id

    cfg = CFG.with_lanes(16)
    common = dict(head_dim=64, dtype="float32", device="cpu", config=cfg, target=None)
    one = key_material(PAT.mask, PAT.score, list(PAT.inputs.values()), **common)
    assert "v_head_dim" not in one
    assert key_material(PAT.mask, PAT.score, list(PAT.inputs.values()), **common, v_head_dim=64) == one
    two = key_material(PAT.mask, PAT.score, list(PAT.inputs.values()), **common, v_head_dim=32)
    assert two == {**one, "v_head_dim": 32}
    # the CPU backward kernels are float32 whatever the dtype: keyed so, built once
    from spdsl.codegen.build import _kernel_dtype
    assert _kernel_dtype("backward", "bfloat16", "cpu") == _kernel_dtype("backward_inputs", "float16", "cpu") \
        == "float32"
    assert _kernel_dtype("forward", "bfloat16", "cpu") == _kernel_dtype("backward", "bfloat16", "cuda") == "bfloat16"
    assert signature_id(PAT, "float32", 64).endswith("/d64")
    assert signature_id(PAT, "float32", 64, 64).endswith("/d64")
    sig = signature_id(PAT, "float32", 192, 128)
    assert sig.endswith("/d192v128") and _signature_shape(sig) == (192, "float32", 128)
    with pytest.raises(ValueError, match="v_head_dim 8192 with blocks"):
        ScheduleConfig().check(64, 8192)
    with pytest.raises(ValueError, match="v_head_dim must be a multiple of 16"):
        CudaConfig().check(64, "float16", 40)
    CudaConfig().check(64, "float32", 40)     # the CUDA-core kernel takes any width


def test_tuning_searches_and_records_per_v_head_dim(tmp_path):
    """The tuner on a synthetic device (no build): dim_tile divides both head dims, the
    records go under the "d48v20" signature, and compile's lookup finds them there."""
    from spdsl.tune.db import TuningDB, config_for
    from spdsl.tune.search import tune

    class Fake:
        target = "fake/cpu"
        prepared: list = []

        def prepare(self, cfg):
            self.prepared.append(cfg)
            return cfg

        def measure(self, handles, rounds, rng):
            return [[1e-3 * (1 + abs(h.key_tile - 2) + 0.01 * rng.random()) for _ in range(rounds)]
                    for h in handles]

        def close(self):
            pass

    db, meas = TuningDB(tmp_path / "db.jsonl"), Fake()
    res = tune(PAT, seq=256, heads=2, head_dim=48, v_head_dim=20, trials=8, budget=60, db=db,
               measurer=meas, progress=False, seed=1)
    assert res.signature.endswith("/d48v20") and meas.prepared
    assert all(48 % c.dim_tile == 0 and 20 % c.dim_tile == 0 for c in meas.prepared)
    cfg, why = config_for(PAT, 48, torch.float32, db=db, target="fake/cpu", v_head_dim=20)
    assert cfg == res.best_config, why
    assert config_for(PAT, 48, torch.float32, db=db, target="fake/cpu")[0] is None  # another kernel


def test_cli_compile_emits_the_v_head_dim(capsys):
    from spdsl.cli.main import main

    assert main(["compile", "examples/sliding_window.spdsl", "--dim", "48", "--v-head-dim", "32",
                 "--emit", "tir"]) == 0
    tir = capsys.readouterr().out
    assert 'V: T.Buffer((B, Hk, Lk, 32)' in tir and 'O: T.Buffer((B, H, Lq, 32)' in tir
    assert '"Lq", 48)' in tir and '"Lk", 48)' in tir          # q and k


# ---- CUDA: tensor cores (fp16) in CPU emulation, and through nvcc -------------------------

CUDA_D, CUDA_DV = 16, 32


@pytest.fixture(scope="module")
def cuda_kernels():
    """(CudaForward, CudaBackward, their PrimFuncs by name) for D 16, Dv 32, fp16: the
    wrappers made from the PrimFuncs (as codegen.build does) so that TIR is made once."""
    from spdsl.codegen.common.lower import kernel_extras
    from spdsl.codegen.cuda import kernels as cuda

    decls = list(PAT.inputs.values())
    dims = dict(head_dim=CUDA_D, v_head_dim=CUDA_DV, dtype="float16", input_decls=decls)
    func, _, cfg = cuda.forward_primfunc(PAT.mask, PAT.score, **dims)
    (dq, dkdv), _, _ = cuda.backward_primfuncs(PAT.mask, PAT.score, config=cfg, **dims)
    funcs = {"forward": func, "dq": dq, "dkdv": dkdv}
    modules = {name: cuda.compile_primfunc(f, "sm_90") for name, f in funcs.items()}
    extras = kernel_extras(PAT.mask, PAT.score, decls)
    common = dict(config=cfg, head_dim=CUDA_D, dtype="float16", arch="sm_90", v_head_dim=CUDA_DV)
    fwd = cuda.CudaForward(modules["forward"], extras, **common)
    bwd = cuda.CudaBackward({n: modules[n] for n in ("dq", "dkdv")}, extras, **common)
    return fwd, bwd, {"forward": func}, {"dq": dq, "dkdv": dkdv}


def test_cuda_kernels_in_cpu_emulation(cuda_kernels, tmp_path):
    """CudaForward and CudaBackward called as on a GPU, their kernels run in emulation
    (tests/cuda_emu.py): out, dq, dk, dv against float64, with rows that see no key."""
    import cuda_emu
    from spdsl.codegen.cuda import kernels as cuda

    if not cuda_emu.have_compiler():
        pytest.skip("needs g++ with C++20 <barrier>, _Float16")
    fwd, bwd, fwd_funcs, bwd_funcs = cuda_kernels
    assert fwd.tensor_cores and bwd.tensor_cores
    cuda_emu.emulate_launches(fwd, fwd_funcs, tmp_path)
    cuda_emu.emulate_launches(bwd, bwd_funcs, tmp_path)
    B, H, Hk, Lq, Lk = 1, 2, 1, 100, 90
    (q, k, v), gate, dout = _tensors(CUDA_D, CUDA_DV, torch.float16, B=B, H=H, Hk=Hk, Lq=Lq, Lk=Lk,
                                     kv_batch=B, seed=3)
    layout = cuda.pattern_layout(PAT, B, H, Lq, Lk, fwd.config, gate=gate)
    out, lse = fwd(q, k, v, layout, inputs={"gate": gate})
    dq, dk, dv = bwd(q, k, v, out, lse, dout, layout, inputs={"gate": gate})
    ref = _reference(*(t.double() for t in (q, k, v, gate, dout)), B)
    eager = _reference(q, k, v, gate.half(), dout, B)
    for what, g, r, e in zip(("out", "dq", "dk", "dv"), (out, dq, dk, dv), (ref[0], *ref[2:5]),
                             (eager[0], *eager[2:5])):
        assert g.shape == r.shape and not g.isnan().any(), what
        err, eager_err = ((x.double() - r).norm() / r.norm() for x in (g, e))
        assert err <= 2 * eager_err + 1e-4, (what, err.item(), eager_err.item())
    empty = torch.isinf(ref[1])
    assert empty.any() and torch.equal(torch.isinf(lse), empty) and out[empty].abs().max() == 0


@pytest.mark.skipif(__import__("shutil").which("nvcc") is None, reason="nvcc not installed")
def test_cuda_kernels_compile_with_nvcc(cuda_kernels):
    """The dK/dV kernel holds every piece that differs with Dv (the Q / dO copies of two
    widths, products and accumulations over each, fragments and accumulators of each)."""
    from spdsl.codegen.cuda import kernels as cuda

    _, bwd, _, _ = cuda_kernels
    ptx = cuda.compile_offline(bwd.sources["dkdv"], "sm_90", "ptx").decode()
    assert ".entry dkdv_kernel" in ptx and "mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32" in ptx
