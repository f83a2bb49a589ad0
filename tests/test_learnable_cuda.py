"""Learnable score inputs on the CUDA kernels (issue 12 item 2; ``codegen/cuda/input_grads.py``,
``codegen/cuda/learnable.py``):
the gradient variant's dQ kernel (``dq_inputs``) with the pattern's dK/dV kernel, built for
the cuda target, run in the CPU emulator of CUDA (tests/cuda_emu.py) through the op's own
backward (``CompiledAttention.run_backward_inputs``: build road, GradBuffers on the call's
device, the host's reduction), against autograd through the float64 reference.

One pattern holds the three kinds of accumulation: a per-head gate (``partial``, an index
without q or k: per-thread registers and a block tree), a clamped relative-position table
(``partial``, indexed by q - k: a serial pass per tile) and a [H, Lq, Lk] bias
(``elements``); at Lq=37 != Lk=53, grouped-query heads, rows that see no key (qi < 4), in
float32 (CUDA cores), bfloat16 and float16 (tensor-core dK/dV), with FULL blocks that
cross Lq. Budget: one op (three kernel builds) per dtype, reused across the file's checks."""

from __future__ import annotations

import re
import shutil

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("tvm")

import cuda_emu
import spdsl
from conftest import assert_within_eager_budget
from spdsl.codegen.cuda.config import CudaConfig

B, H, HK, LQ, LK, D = 2, 4, 2, 37, 53, 16
LIB = spdsl.parse("""
pattern learn {                     # rows with q < 20 (qi < 4) see no key
    input gate : float[H]
    input rel : float[9]
    input bias : float[H, Lq, Lk]
    mask = causal and k >= 20 and q - k < 24
    score = score * sigmoid(gate[h]) + tanh(rel[min(max(q - k, -4), 4) + 4]) + bias[h, qi, ki]
}
""")
PAT = LIB["learn"]
LEARN = ("bias", "gate", "rel")

# float32 at the default 64 x 64 blocks (two staged tiles of keys per block, all blocks
# PARTIAL); the 16-bit dtypes at 16 x 16 (several blocks per row, FULL blocks among them,
# one crossing Lq: its rows past Lq must add nothing)
CONFIGS = {torch.float32: None, torch.bfloat16: CudaConfig(block_q=16, block_k=16),
           torch.float16: CudaConfig(block_q=16, block_k=16)}
needs_emulator = pytest.mark.skipif(not cuda_emu.have_compiler(), reason="needs g++ with C++20 <barrier>, _Float16")


def emulate(kernels, primfuncs: dict, workdir):
    """``cuda_emu.emulate_launches`` for the gradient variant: its kernel's sizes also
    include those of the accumulation buffers (``n_tasks_<input>``, ``n_<input>``,
    ``n_slots``), bound from the tensors passed for them."""
    compiled: dict = {}

    def launch(module, name, args, device):
        names = [p.name for p in primfuncs[name].params]
        assert len(names) == len(args), (name, names, len(args))
        arrays = {n: cuda_emu.to_numpy(a) for n, a in zip(names, args) if isinstance(a, torch.Tensor)}
        (scale,) = [float(a) for a in args if not isinstance(a, torch.Tensor)]
        B, H, Lq, _ = arrays["Q"].shape
        sizes = {"B": B, "H": H, "Hk": arrays["K"].shape[1], "Lq": Lq, "Lk": arrays["K"].shape[2],
                 "nnz": len(arrays["CI" if "CI" in arrays else "RI"])}
        sizes["n_rows" if "RP" in arrays else "n_cols"] = len(arrays["RP" if "RP" in arrays else "CP"])
        for n, a in arrays.items():
            if n.startswith("dpart_"):
                sizes[f"n_tasks_{n[6:]}"], sizes[f"n_{n[6:]}"] = a.shape
            elif n.startswith("del_"):
                sizes["n_slots"] = a.shape[0]
        if name not in compiled:
            compiled[name] = cuda_emu.Emulated(module, name, workdir, kernels.sources[name])
        compiled[name](len(arrays["ORD"]), arrays, sizes, scale)

    kernels._require_cuda = lambda q: None
    kernels._launch = launch
    return kernels


@pytest.fixture(scope="module")
def ops(tmp_path_factory):
    """{dtype: a device="cuda" op whose gradient variant runs in emulation}, built on first
    use; the PrimFuncs the build road generated are kept (the emulator binds arguments by
    their parameter names) rather than generated a second time."""
    from spdsl.codegen.cuda import learnable

    made: dict = {}
    generate = learnable.primfuncs

    def get(dtype):
        if dtype not in made:
            attn = spdsl.compile(PAT, head_dim=D, dtype=dtype, device="cuda", config=CONFIGS[dtype])
            seen = []
            learnable.primfuncs = lambda *a, **kw: seen.append(generate(*a, **kw)) or seen[-1]
            try:
                kernels = attn._kernel_sets.backward_of(False, "backward_inputs")
            finally:
                learnable.primfuncs = generate
            funcs = seen[0] if seen else generate(PAT.mask, PAT.score, head_dim=D, dtype=str(dtype)[6:],
                                                  config=attn.config, input_decls=list(PAT.inputs.values()))
            emulate(kernels, funcs, tmp_path_factory.mktemp(str(dtype)[6:]))
            made[dtype] = attn, funcs
        return made[dtype]

    return get


def _data(seed: int, dtype):
    gen = torch.Generator().manual_seed(seed)
    q, dout = (torch.randn(B, H, LQ, D, generator=gen) for _ in range(2))
    k, v = (torch.randn(B, HK, LK, D, generator=gen) for _ in range(2))
    inputs = {"gate": torch.randn(H, generator=gen), "rel": torch.randn(9, generator=gen),
              "bias": torch.randn(H, LQ, LK, generator=gen)}
    return [t.to(dtype) for t in (q, k, v, dout)], inputs


def _autograd(q, k, v, dout, inputs, dtype):
    """(out, lse, dq, dk, dv, {input: grad}) of the reference in ``dtype``."""
    q, k, v = (t.detach().to(dtype).clone().requires_grad_() for t in (q, k, v))
    inputs = {n: t.detach().to(dtype).clone().requires_grad_() for n, t in inputs.items()}
    out, lse = spdsl.reference_attention(PAT, q, k, v, return_lse=True, **inputs)
    out.backward(dout.to(dtype))
    return out, lse, q.grad, k.grad, v.grad, {n: inputs[n].grad for n in LEARN}


def _kernel_grads(attn, q, k, v, dout, inputs, out, lse):
    extra = [inputs[n] for n in attn.input_names]
    return attn.run_backward_inputs(q, k, v, out.detach().to(q.dtype), lse.detach().float(), dout, extra,
                                    attn.scale)


@needs_emulator
@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16, torch.float16], ids=str)
def test_input_gradients_match_float64_autograd(ops, dtype):
    attn, _ = ops(dtype)
    assert set(attn.learnable) == set(LEARN)
    (q, k, v, dout), inputs = _data(1, dtype)
    ref = _autograd(q.double(), k.double(), v.double(), dout.double(),
                    {n: t.double() for n, t in inputs.items()}, torch.float64)
    # the same computation by torch in the kernels' dtype: the error budget
    eager = _autograd(q, k, v, dout, inputs, dtype)
    dq, dk, dv, dinputs = _kernel_grads(attn, q, k, v, dout, inputs, ref[0], ref[1])
    for got, i, what in ((dq, 2, "dq"), (dk, 3, "dk"), (dv, 4, "dv")):
        assert got.dtype == dtype and not got.isnan().any(), what
        assert_within_eager_budget(got, ref[i], eager[i], what=f"{dtype} {what}")
    for name, got in zip(attn.learnable, dinputs):
        want = ref[5][name]
        assert got.dtype == torch.float32 and got.shape == inputs[name].shape, name
        assert want.abs().max() > 0 and not got.isnan().any(), name
        assert_within_eager_budget(got, want, eager[5][name], what=f"{dtype} d{name}")
    # rows that see no key (qi < 4): their bias entries get exactly 0
    assert torch.count_nonzero(dinputs[attn.learnable.index("bias")][:, :4]) == 0


@needs_emulator
def test_input_gradients_are_deterministic(ops):
    attn, _ = ops(torch.bfloat16)
    (q, k, v, dout), inputs = _data(2, torch.bfloat16)
    ref = _autograd(q.double(), k.double(), v.double(), dout.double(),
                    {n: t.double() for n, t in inputs.items()}, torch.float64)
    first = _kernel_grads(attn, q, k, v, dout, inputs, ref[0], ref[1])
    second = _kernel_grads(attn, q, k, v, dout, inputs, ref[0], ref[1])
    assert torch.equal(first[0], second[0])
    for a, b in zip(first[3], second[3]):
        assert torch.equal(a, b)


def test_variant_routes_to_the_cuda_core_dq_and_compiles(ops):
    """The variant's modules (the CUDA-core dQ with the learnable step, the dtype's
    tensor-core dK/dV), its kernel's buffers after the pattern's (GradBuffers order), the
    accumulation chosen per site, and nvcc's PTX of its dQ kernel: no atomics."""
    from spdsl.codegen.cuda import input_grads, kernels as cuda, learnable

    plan = learnable.grad_plan(PAT.mask, PAT.score, list(PAT.inputs.values()))
    assert {s.load.input.name: (s.mode, input_grads.uniform(s)) for s in plan.sites} == \
        {"gate": ("partial", True), "rel": ("partial", False), "bias": ("elements", False)}
    attn, funcs = ops(torch.bfloat16)
    params = [p.name for p in funcs["dq_inputs"].params]
    assert params[-8:] == ["in_bias", "in_gate", "in_rel", "OFF", "dpart_gate", "dpart_rel", "del_0", "deli_0"]
    sources = attn._kernel_sets.backward_of(False, "backward_inputs").sources
    assert set(sources) == {"dq_inputs", "dkdv"} and "mma.sync" in sources["dkdv"]
    src = sources["dq_inputs"]
    assert "dq_inputs_kernel(" in src and "mma.sync" not in src and "atomic" not in src
    if shutil.which("nvcc") is None:
        pytest.skip("nvcc not installed: the source was built, not compiled")
    ptx = cuda.compile_offline(src, "sm_90", "ptx").decode()
    assert ".entry dq_inputs_kernel" in ptx
    assert not re.search(r"^\s*(@!?%p\d+\s+)?(atom|red)\.", ptx, re.M)  # no atomic instruction


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_learnable_inputs_on_a_gpu(dtype=torch.bfloat16):
    """The op on a GPU: gate, rel and bias (CUDA tensors) learn through autograd, against
    float64 autograd on the CPU; two backward runs give bitwise equal gradients (one dtype:
    benchmarks/gpu_check.sh gives all its GPU tests 210 s)."""
    attn = spdsl.compile(PAT, head_dim=D, dtype=dtype, device="cuda")
    (q, k, v, dout), inputs = _data(5, dtype)
    ref = _autograd(q.double(), k.double(), v.double(), dout.double(),
                    {n: t.double() for n, t in inputs.items()}, torch.float64)
    eager = _autograd(q, k, v, dout, inputs, dtype)
    runs = []
    for _ in range(2):
        leaves = [t.cuda().requires_grad_() for t in (q, k, v)]
        learnt = {n: t.cuda().requires_grad_() for n, t in inputs.items()}
        attn(*leaves, **learnt).backward(dout.cuda())
        runs.append([t.grad.cpu() for t in leaves] + [learnt[n].grad.cpu() for n in LEARN])
    for a, b in zip(*runs):
        assert torch.equal(a, b)
    wants = [ref[2], ref[3], ref[4]] + [ref[5][n] for n in LEARN]
    budgets = [eager[2], eager[3], eager[4]] + [eager[5][n] for n in LEARN]
    for got, want, budget, what in zip(runs[0], wants, budgets, ["dq", "dk", "dv", *LEARN]):
        assert want.abs().max() > 0 and not got.isnan().any(), what
        assert_within_eager_budget(got, want, budget, what=f"{dtype} d{what}")
