"""Runtime features of spdsl.compile, each against the float64 reference (forward and
gradients, through autograd) at odd sizes with grouped-query heads and rows that see no
key: a differentiable log-sum-exp (two attentions merged by their lse), the layout
cache's key over pattern inputs of any dtype, k/v broadcast over the batch, the output
written as [B, Lq, H, D] (``out_layout="blhd"``) and strided q/k/v views read in place;
and the same on the CUDA kernels in CPU emulation (tests/cuda_emu.py)."""

import pytest
import torch

import spdsl
import spdsl.runtime.op as rt
from conftest import assert_within_eager_budget, max_error
from spdsl.codegen.cpu.schedule import ScheduleConfig
from spdsl.runtime import layouts

B, H, HK, LQ, LK, D = 2, 4, 2, 37, 53, 16
SPLIT = 26                      # the key halves of the lse merge: [0, 26) and [26, 53)
# q = qi + (Lk - Lq) = qi + 16: rows 0..3 see no key at all, rows 4..29 only the first
# half, rows 30..36 both halves
LATE = spdsl.parse("pattern late { mask = k <= q - 20 }")["late"]
NEG_INF = float("-inf")


@pytest.fixture
def poisoned_outputs(monkeypatch):
    """Outputs start as NaN, so an element the kernel fails to write shows."""
    monkeypatch.setattr(rt, "POISON_OUTPUTS", True)


@pytest.fixture(scope="module")
def attn():
    """One build (blocks 16 x 16: several blocks of every kind at these sizes) for every
    CPU test here; its explicit-offsets variant is built by the merge test."""
    return spdsl.compile(LATE, head_dim=D, config=ScheduleConfig(block_q=16, block_k=16))


def randn(*shape, seed):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)


def qkv(seed, kv_batch=B):
    return randn(B, H, LQ, D, seed=seed), randn(kv_batch, HK, LK, D, seed=seed + 1), \
        randn(kv_batch, HK, LK, D, seed=seed + 2)


def finite_or_zero(lse):
    return torch.where(torch.isfinite(lse), lse, torch.zeros_like(lse))


def check_through(kernel_fn, ref_fn, tensors, seed, dtype=torch.float32):
    """``kernel_fn`` (the kernels, in ``dtype``) against ``ref_fn`` (the reference) run in
    float64, with ``ref_fn`` in ``dtype`` as the error budget: each returns a tuple of
    tensors, compared one by one, then weighted by fixed random tensors and summed into one
    loss whose gradients with respect to ``tensors`` are compared. -inf entries (the lse
    of a row with no key) must be -inf in both and take no part in the loss."""
    leaves = {}

    def run(fn, dt, key):
        leaves[key] = [t.detach().to(dt).requires_grad_() for t in tensors]
        return fn(*leaves[key])

    got, ref, eager = run(kernel_fn, dtype, "got"), run(ref_fn, torch.float64, "ref"), \
        run(ref_fn, dtype, "eager")
    weights = [randn(*r.shape, seed=seed + 10 + i) for i, r in enumerate(ref)]
    for i, (g, r, e) in enumerate(zip(got, ref, eager)):
        assert g.shape == r.shape and not g.isnan().any(), f"output {i}"
        finite = torch.isfinite(r)
        assert torch.equal(torch.isfinite(g), finite), f"output {i}: -inf where the reference has it"
        assert_within_eager_budget(g[finite], r[finite], e[finite], floor=1e-5, what=f"output {i}")
    for key, outs in (("got", got), ("ref", ref), ("eager", eager)):
        loss = sum((finite_or_zero(o) * w.to(o.dtype)).sum() for o, w in zip(outs, weights))
        loss.backward()
    def grad(t):  # None: the outputs do not depend on t (v, when only lse is used)
        return torch.zeros_like(t) if t.grad is None else t.grad

    for i, (g, r, e) in enumerate(zip(leaves["got"], leaves["ref"], leaves["eager"])):
        assert g.grad.shape == g.shape and not g.grad.isnan().any(), f"grad {i}"
        assert_within_eager_budget(g.grad, grad(r), grad(e), floor=1e-5, what=f"grad {i}")
    return got, leaves["got"]


# ---- 1. the log-sum-exp carries gradient -------------------------------------------------

@pytest.mark.usefixtures("poisoned_outputs")
def test_lse_gradient_alone_and_with_the_output(attn):
    got, leaves = check_through(lambda q, k, v: attn(q, k, v, return_lse=True),
                                lambda q, k, v: spdsl.reference_attention(LATE, q, k, v, return_lse=True),
                                qkv(0), seed=0)
    out, lse = got
    assert torch.isneginf(lse[:, :, :4]).all() and torch.isfinite(lse[:, :, 4:]).all()
    assert (leaves[0].grad[:, :, :4] == 0).all()        # rows with no key: zero gradient
    # lse alone: d lse / d s = P, so dv = 0 and dq, dk come from lse's gradient only
    check_through(lambda q, k, v: attn(q, k, v, return_lse=True)[1:],
                  lambda q, k, v: spdsl.reference_attention(LATE, q, k, v, return_lse=True)[1:],
                  qkv(3), seed=3)


def test_rows_with_no_key_ignore_a_nan_lse_gradient(attn):
    """A row with lse = -inf has no score its lse depends on: whatever gradient reaches
    its lse (here NaN, as from a careless merge), its q gets 0 and nothing else moves."""
    q, k, v = (t.float().requires_grad_() for t in qkv(5))
    out, lse = attn(q, k, v, return_lse=True)
    dlse = randn(B, H, LQ, seed=6).float()
    torch.autograd.backward([out, lse], [torch.ones_like(out), dlse])
    clean = [t.grad.clone() for t in (q, k, v)]
    for t in (q, k, v):
        t.grad = None
    out, lse = attn(q, k, v, return_lse=True)
    dlse[:, :, :4] = float("nan")
    torch.autograd.backward([out, lse], [torch.ones_like(out), dlse])
    assert all(torch.equal(t.grad, c) for t, c in zip((q, k, v), clean))
    assert (q.grad[:, :, :4] == 0).all()


def merge(o1, l1, o2, l2):
    """Two attentions over disjoint keys as one, by their lse (rows that see no key in
    either give 0 and -inf, and no NaN gradient)."""
    m = torch.maximum(l1, l2).detach()
    m = torch.where(torch.isneginf(m), torch.zeros_like(m), m)
    e1, e2 = torch.exp(l1 - m), torch.exp(l2 - m)
    total = e1 + e2
    safe = torch.where(total == 0, torch.ones_like(total), total)
    out = (e1[..., None] * o1 + e2[..., None] * o2) / safe[..., None]
    lse = torch.where(total == 0, torch.full_like(total, NEG_INF), m + torch.log(safe))
    return out, lse


@pytest.mark.usefixtures("poisoned_outputs")
def test_two_halves_merged_by_lse_match_one_attention(attn):
    """Context parallelism's step: each half of the keys at its own positions (explicit
    offsets; the halves are strided views of k and v), merged by lse; out, lse and every
    gradient (through both lse) against one attention over all keys."""
    def halves(q, k, v):
        o1, l1 = attn(q, k[:, :, :SPLIT], v[:, :, :SPLIT], return_lse=True, q_offset=LK - LQ, kv_offset=0)
        o2, l2 = attn(q, k[:, :, SPLIT:], v[:, :, SPLIT:], return_lse=True, q_offset=LK - LQ,
                      kv_offset=SPLIT)
        assert torch.isneginf(l2[:, :, :30]).all() and torch.isfinite(l2[:, :, 30:]).all()
        return merge(o1, l1, o2, l2)

    got, leaves = check_through(halves, lambda q, k, v: spdsl.reference_attention(LATE, q, k, v, return_lse=True),
                                qkv(10), seed=10)
    assert torch.isneginf(got[1][:, :, :4]).all() and (leaves[0].grad[:, :, :4] == 0).all()


# ---- 2. the layout cache's key -------------------------------------------------------------

GATE = spdsl.parse("""pattern gate {
    input shift : int[B]
    input weight : float[Lk]
    mask = k <= q + shift[b] and weight[k] > 0
}""")["gate"]


@pytest.fixture(scope="module")
def gate_attn():
    return spdsl.compile(GATE, head_dim=D, config=ScheduleConfig(block_q=16, block_k=16))


@pytest.mark.usefixtures("poisoned_outputs")
def test_layout_key_tells_dtypes_with_the_same_bytes_apart(gate_attn):
    """int8 -1 and uint8 255 are the same byte; the second call must not reuse the first's
    layout (causal shifted back by one vs. every key)."""
    q, k, v = (t.float() for t in qkv(20))
    weight = torch.ones(LK)
    for shift in (torch.full((B,), -1, dtype=torch.int8), torch.full((B,), 255, dtype=torch.uint8)):
        out = gate_attn(q, k, v, shift=shift, weight=weight)
        ref = spdsl.reference_attention(GATE, q.double(), k.double(), v.double(), shift=shift, weight=weight)
        eager = spdsl.reference_attention(GATE, q, k, v, shift=shift, weight=weight)
        assert_within_eager_budget(out, ref, eager, floor=1e-5, what=str(shift.dtype))
    keys = [key for key in gate_attn._layouts]
    assert len(keys) == 2 and keys[0][:5] == keys[1][:5] and keys[0][5] != keys[1][5]


@pytest.mark.usefixtures("poisoned_outputs")
@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float16])
def test_float_input_in_half_precision(gate_attn, dtype):
    """A float input given in bfloat16 / float16 is read as float32 (its sign decides the
    mask here: half the keys are off); equal values in another dtype hit the same kernel
    inputs but not the same cache entry."""
    q, k, v = (t.float() for t in qkv(30))
    weight = randn(LK, seed=31).to(dtype)
    shift = torch.zeros(B, dtype=torch.int64)
    out = gate_attn(q, k, v, shift=shift, weight=weight)
    ref = spdsl.reference_attention(GATE, q.double(), k.double(), v.double(), shift=shift, weight=weight.float())
    eager = spdsl.reference_attention(GATE, q, k, v, shift=shift, weight=weight.float())
    assert_within_eager_budget(out, ref, eager, floor=1e-5, what=f"{dtype} weight")
    assert torch.equal(gate_attn(q, k, v, shift=shift, weight=weight.float()), out)


def test_input_digest_covers_dtype_shape_and_bytes():
    digest = layouts._input_digest
    base = torch.tensor([1, 2, 3, 4], dtype=torch.int32)
    assert digest("x", base) == digest("x", base.clone())
    assert digest("x", base) != digest("y", base)
    assert digest("x", base) != digest("x", base.view(2, 2))                       # shape
    assert digest("x", base) != digest("x", base.view(torch.float32))              # dtype
    assert digest("x", torch.tensor([-1], dtype=torch.int8)) != digest("x", torch.tensor([255], dtype=torch.uint8))
    assert digest("x", torch.tensor([True])) != digest("x", torch.tensor([1], dtype=torch.uint8))
    t = torch.arange(12.0).view(3, 4)
    assert digest("x", t.t()) == digest("x", t.t().contiguous())                   # values, not strides
    assert digest("x", torch.tensor(2.5, dtype=torch.bfloat16)) != digest("x", torch.tensor(2.5))


# ---- 3. k / v broadcast over the batch -----------------------------------------------------

@pytest.mark.usefixtures("poisoned_outputs")
def test_kv_batch_one_broadcasts_and_sums_gradients(attn):
    """k, v [1, Hk, Lk, D] under q [B, H, Lq, D]: read with batch stride 0 (no copy), their
    gradients summed over the batch, as the reference's expand gives them."""
    def ref(q, k, v):
        return spdsl.reference_attention(LATE, q, k.expand(B, -1, -1, -1), v.expand(B, -1, -1, -1),
                                         return_lse=True)

    check_through(lambda q, k, v: attn(q, k, v, return_lse=True), ref, qkv(40, kv_batch=1), seed=40)
    q = torch.randn(B, H, LQ, D)
    with pytest.raises(ValueError, match="batch sizes differ"):
        attn(q, torch.randn(3, HK, LK, D), torch.randn(3, HK, LK, D))


# ---- 4. the output as [B, Lq, H, D], strided q / k / v --------------------------------------

def as_view(t):
    """A [B, H, L, D] tensor as a transposed view of a [B, L, H, D] one (how transformers
    passes q, k, v)."""
    return t.transpose(1, 2).contiguous().transpose(1, 2)


@pytest.mark.usefixtures("poisoned_outputs")
def test_out_layout_blhd(attn):
    """out [B, Lq, H, D] contiguous, written by the kernels; its gradient read in that
    layout; q / k / v given as transposed views; k / v also broadcast."""
    def kernel(q, k, v):
        out, lse = attn(as_view(q), as_view(k), as_view(v), return_lse=True, out_layout="blhd")
        assert out.shape == (B, LQ, H, D) and out.is_contiguous()
        return out, lse

    def ref(q, k, v):
        out, lse = spdsl.reference_attention(LATE, q, k.expand(B, -1, -1, -1), v.expand(B, -1, -1, -1),
                                             return_lse=True)
        return out.transpose(1, 2), lse

    check_through(kernel, ref, qkv(50), seed=50)
    check_through(kernel, ref, qkv(60, kv_batch=1), seed=60)
    with pytest.raises(ValueError, match="out_layout"):
        attn(*(torch.randn(B, H, LQ, D) for _ in range(3)), out_layout="bshd")


def test_broadcast_read_in_place_transposed_views_copied_once(attn):
    """On the way to the CPU kernels a batch-1 k is not copied (batch stride 0) and neither
    is a contiguous q; a transposed view (v) is copied once, before autograd saves it
    (reading it strided is slower than the copy: runtime.op.kernel_view)."""
    seen = []
    forward = attn._kernel_sets.variant(False)["forward"]

    def spy(q, k, v, *args, **kwargs):
        seen.append((q, k, v))
        return forward(q, k, v, *args, **kwargs)

    attn._kernel_sets.variants[False]["forward"] = spy
    try:
        q, k = torch.randn(B, H, LQ, D), torch.randn(1, HK, LK, D)
        v = as_view(torch.randn(1, HK, LK, D))
        attn(q, k, v, out_layout="blhd")
    finally:
        attn._kernel_sets.variants[False]["forward"] = forward
    (sq, sk, sv), = seen
    assert sq is q and sk.data_ptr() == k.data_ptr() and sk.stride(0) == 0
    assert sv.data_ptr() != v.data_ptr() and sv.stride()[1:] == (LK * D, D, 1) and torch.equal(sv[0:1], v)
    assert rt.kernel_view(v, "cuda") is v      # the CUDA kernels read views in place


def test_cpu_kernels_read_and_write_strided_views(attn):
    """The CPU kernels themselves take any outer strides (what ``kernel_view`` copies is a
    speed choice): transposed views in, out and gradients give bitwise the results of
    contiguous tensors."""
    q, k, v, dout = (torch.randn(B, n, L, D) for n, L in ((H, LQ), (HK, LK), (HK, LK), (H, LQ)))
    dlse = torch.randn(B, H, LQ)
    layout, inputs = attn.layout_for(B, H, LQ, LK, {})
    forward, backward = attn._kernel_sets.variant(False)["forward"], attn.backward_kernels
    out, lse = forward(q, k, v, layout, scale=attn.scale, inputs=inputs)
    grads = backward(q, k, v, out, lse, dout, layout, scale=attn.scale, inputs=inputs, dlse=dlse)
    views = [as_view(t) for t in (q, k, v)]
    out_view = torch.empty(B, LQ, H, D).transpose(1, 2)
    forward(*views, layout, scale=attn.scale, inputs=inputs, out=out_view)
    assert torch.equal(out_view, out)
    view_grads = backward(*views, out_view, lse, as_view(dout), layout, scale=attn.scale, inputs=inputs,
                          dlse=dlse)
    assert all(torch.equal(a, b) for a, b in zip(view_grads, grads))


def test_blhd_under_torch_compile(attn):
    q, k, v = (t.float() for t in qkv(70))
    eager = attn(q, k, v, out_layout="blhd")
    compiled = torch.compile(lambda q, k, v: attn(q, k, v, out_layout="blhd") * 2, fullgraph=True, backend="eager")
    assert torch.equal(compiled(q, k, v), eager * 2)


# ---- the CUDA kernels, emulated on the CPU ---------------------------------------------------

@pytest.mark.parametrize("dtype", ["bfloat16", "float32"])
def test_cuda_kernels_take_dlse_strides_and_broadcast_in_emulation(dtype, tmp_path, monkeypatch):
    """The op's implementation of a device="cuda" build (tensor cores for bfloat16, CUDA
    cores for float32) with its kernels emulated on the CPU: q / k / v as transposed views,
    k / v broadcast over the batch (stride 0), out written as [B, Lq, H, D], dout read in
    that layout, and lse's gradient; against float64 autograd."""
    import cuda_emu
    from spdsl.codegen.cuda import kernels as cuda
    from spdsl.codegen.cuda.config import CudaConfig

    if not cuda_emu.have_compiler():
        pytest.skip("needs g++ with C++20 <barrier>, _Float16")
    monkeypatch.setattr(rt, "POISON_OUTPUTS", True)
    dt = getattr(torch, dtype)
    config = CudaConfig(block_q=32, block_k=32, kv_tile=16) if dtype == "bfloat16" else None
    cuda_attn = spdsl.compile(LATE, head_dim=D, dtype=dt, device="cuda", config=config)
    assert cuda_attn._forward.tensor_cores == (dtype == "bfloat16")
    fwd_func, _, _ = cuda.forward_primfunc(LATE.mask, LATE.score, head_dim=D, dtype=dtype, config=cuda_attn.config)
    (dq_func, dkdv_func), _, _ = cuda.backward_primfuncs(LATE.mask, LATE.score, head_dim=D, dtype=dtype,
                                                        config=cuda_attn.config)
    cuda_emu.emulate_launches(cuda_attn._forward, {"forward": fwd_func}, tmp_path)
    cuda_emu.emulate_launches(cuda_attn.backward_kernels, {"dq": dq_func, "dkdv": dkdv_func}, tmp_path)

    # the reference reads the values the kernels read (rounded to dtype)
    q64, k64, v64 = (t.to(dt).double() for t in qkv(80, kv_batch=1))
    dout64, dlse64 = randn(B, LQ, H, D, seed=83).to(dt).double(), randn(B, H, LQ, seed=84).float().double()
    q, k, v = as_view(q64.to(dt)), as_view(k64.to(dt)), as_view(v64.to(dt))
    kb, vb = (t.expand(B, -1, -1, -1) for t in (k, v))
    out, lse = cuda_attn.run_forward(q, kb, vb, [], cuda_attn.scale, blhd=True)
    dq, dk, dv = cuda_attn.run_backward(q, kb, vb, out, lse, dout64.to(dt), [], cuda_attn.scale, blhd=True,
                                        dlse=dlse64.float())
    leaves = [t.clone().requires_grad_() for t in (q64, k64, v64)]
    ref, ref_lse = spdsl.reference_attention(LATE, leaves[0], leaves[1].expand(B, -1, -1, -1),
                                             leaves[2].expand(B, -1, -1, -1), return_lse=True)
    finite = torch.isfinite(ref_lse)
    torch.autograd.backward([ref.transpose(1, 2), ref_lse], [dout64, torch.where(finite, dlse64, 0.0)])
    assert out.shape == (B, LQ, H, D) and out.is_contiguous()
    assert torch.equal(torch.isfinite(lse), finite) and max_error(lse[finite], ref_lse[finite]) < 1e-4
    tol = 2e-2 if dtype == "bfloat16" else 1e-5
    for what, got, want in (("out", out, ref.transpose(1, 2)), ("dq", dq, leaves[0].grad),
                            ("dk", dk.sum(0, keepdim=True), leaves[1].grad),
                            ("dv", dv.sum(0, keepdim=True), leaves[2].grad)):
        assert got.dtype == dt and not got.isnan().any(), what
        assert ((got.double() - want).norm() / want.norm()).item() < tol, what
