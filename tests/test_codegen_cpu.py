"""The CPU back end (codegen/) against float64 oracles.

Kernels are compared with dense float64 PyTorch attention (forward and autograd
gradients) at odd sizes, with outputs poisoned with NaN so an unwritten element fails.
Block layouts are built here by brute force from the dense mask (tests only: the real
layouts come from the analyser). Builds are shared through module-scoped fixtures.
"""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")
tvm = pytest.importorskip("tvm")

from conftest import assert_within_eager_budget, max_error  # noqa: E402
from spdsl import codegen  # noqa: E402
from spdsl.codegen.cpu import kernels as cpu  # noqa: E402
from spdsl.codegen.common import layout as lay  # noqa: E402
from spdsl.codegen.common import lower  # noqa: E402
from spdsl.codegen.common import derivative as deriv  # noqa: E402
from spdsl.ir import nodes as ir  # noqa: E402
from spdsl.analysis.evaluate import evaluate

F, I, BOOL = ir.FLOAT, ir.INT, ir.BOOL
V = ir.Var


def bin_(op, a, b, t):
    return ir.Binary(op, a, b, t)


def c(v):
    return ir.Const(v, F if isinstance(v, float) else I)


# the IR reads positions (LANGUAGE.md 1.1): the kernels rewrite q -> qi + (Lk - Lq), k -> ki
# (spdsl/ir/positions.py), and the oracles below bind q and k as those positions
CAUSAL = bin_("<=", V("k"), V("q"), BOOL)


def window(w):
    return bin_("and", CAUSAL, bin_("<", bin_("-", V("q"), V("k"), I), c(w), BOOL), BOOL)


ALIBI = bin_("-", V("score"), bin_(
    "*",
    bin_("**", c(2.0), bin_("/", bin_("*", c(-8.0), bin_("+", V("h"), c(1), I), F), V("H"), F), F),
    bin_("-", V("q"), V("k"), I), F), F)
SOFTCAP = bin_("*", c(5.0), ir.Call("tanh", (bin_("/", V("score"), c(5.0), F),), F), F)
DOC = ir.InputDecl("doc", I, ("B", "Lk"))
DOC_Q, DOC_K = ir.Index(DOC, (V("b"), V("q"))), ir.Index(DOC, (V("b"), V("k")))
DOCUMENTS = bin_("and", bin_("==", DOC_Q, DOC_K, BOOL), bin_(">=", DOC_Q, c(0), BOOL), BOOL)


# ----------------------------------------------------------------------------- oracles


def dense_mask(expr, B, H, Lq, Lk, inputs=None):
    if expr is None:
        return np.ones((B, H, Lq, Lk), bool)
    ar = np.arange
    env = {"b": ar(B).reshape(B, 1, 1, 1), "h": ar(H).reshape(1, H, 1, 1),
           "q": ar(Lq).reshape(1, 1, Lq, 1) + (Lk - Lq), "k": ar(Lk).reshape(1, 1, 1, Lk),
           "B": B, "H": H, "Lq": Lq, "Lk": Lk}
    m = evaluate(expr, env, inputs={n: np.asarray(t) for n, t in (inputs or {}).items()})
    return np.array(np.broadcast_to(m, (B, H, Lq, Lk)), dtype=bool)


def layout_from_dense(mask, bq, bk):
    """Brute-force BSR: one class per distinct (FULL, nonzero) block pattern of a head."""
    B, H, Lq, Lk = mask.shape
    nqb, nkb = lay.cdiv(Lq, bq), lay.cdiv(Lk, bk)
    pad = np.zeros((B, H, nqb * bq, nkb * bk), bool)
    pad[:, :, :Lq, :Lk] = mask
    inside = np.zeros((nqb * bq, nkb * bk), bool)
    inside[:Lq, :Lk] = True
    blocks = pad.reshape(B, H, nqb, bq, nkb, bk)
    nonzero = blocks.any(axis=(3, 5))
    full = (blocks | ~inside.reshape(nqb, bq, nkb, bk)).all(axis=(3, 5)) & nonzero
    classes, seen, head_class = [], {}, np.zeros((B, H), np.int32)
    for b in range(B):
        for h in range(H):
            key = (nonzero[b, h].tobytes(), full[b, h].tobytes())
            if key not in seen:
                seen[key] = len(classes)
                rows, cols = np.nonzero(nonzero[b, h])
                row_ptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=nqb))])
                classes.append((row_ptr, cols.astype(np.int32), full[b, h][rows, cols]))
            head_class[b, h] = seen[key]
    return lay.pack(classes, head_class, nqb, nkb, bq, bk)


def score_torch(score, s, B, H, Lq, Lk):
    if score is None:
        return s
    env = {"b": torch.arange(B).view(B, 1, 1, 1), "h": torch.arange(H).view(1, H, 1, 1),
           "q": torch.arange(Lq).view(1, 1, Lq, 1) + (Lk - Lq), "k": torch.arange(Lk).view(1, 1, 1, Lk),
           "B": B, "H": H, "Lq": Lq, "Lk": Lk, "score": s}
    return evaluate(score, env, xp="torch", float_dtype=s.dtype)


def reference(q, k, v, mask, score, scale):
    B, H, Lq, _ = q.shape
    Hk, Lk = k.shape[1], k.shape[2]
    k = k.repeat_interleave(H // Hk, 1)
    v = v.repeat_interleave(H // Hk, 1)
    s = score_torch(score, scale * q @ k.transpose(-1, -2), B, H, Lq, Lk)
    s = s.masked_fill(~torch.from_numpy(np.ascontiguousarray(mask)), float("-inf"))
    lse = torch.logsumexp(s, -1)
    p = torch.exp(s - lse[..., None]).nan_to_num(0.0)
    return p @ v, lse


def qkv(B, H, Hk, Lq, Lk, D, seed=0):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(B, H, Lq, D, generator=g), torch.randn(B, Hk, Lk, D, generator=g),
            torch.randn(B, Hk, Lk, D, generator=g))


def run_and_check(fwd, bwd, mask_expr, score, B, H, Hk, Lq, Lk, D, inputs=None):
    """The kernels against float64, each error within the budget that the same float32
    computation done eagerly by torch sets (conftest.assert_within_eager_budget)."""
    q, k, v = qkv(B, H, Hk, Lq, Lk, D, seed=Lq * 7 + Lk)
    mask = dense_mask(mask_expr, B, H, Lq, Lk, inputs)
    layout = layout_from_dense(mask, fwd.config.block_q, fwd.config.block_k)
    out = torch.full_like(q, float("nan"))
    lse = torch.full((B, H, Lq), float("nan"))
    fwd(q, k, v, layout, out=out, lse=lse, inputs=inputs)
    q64, k64, v64 = (t.double().requires_grad_() for t in (q, k, v))
    ref_out, ref_lse = reference(q64, k64, v64, mask, score, D ** -0.5)
    q32, k32, v32 = (t.clone().requires_grad_() for t in (q, k, v))
    eager_out, eager_lse = reference(q32, k32, v32, mask, score, D ** -0.5)
    assert not out.isnan().any() and not lse.isnan().any()
    assert_within_eager_budget(out, ref_out, eager_out, what="out")
    empty = torch.from_numpy(~mask.any(-1))
    assert torch.equal(torch.isinf(lse), empty)
    assert_within_eager_budget(lse[~empty], ref_lse[~empty], eager_lse[~empty], metric=max_error, floor=1e-4,
                               what="lse")
    if empty.any():
        assert out[empty].abs().max() == 0
    if bwd is None:
        return
    dout = torch.randn(out.shape, generator=torch.Generator().manual_seed(Lq + 1))
    ref_out.backward(dout.double())
    eager_out.backward(dout)
    # both backward paths where the fused kernel exists: dQ and dK/dV kernels, and fused
    for fused in (False, True) if bwd.has_fused else (False,):
        grads = tuple(torch.full_like(t, float("nan")) for t in (q, k, v))
        grads = bwd(q, k, v, out, lse, dout, layout, inputs=inputs, grads=grads, fused=fused)
        for what, got, want, eager in zip(("dq", "dk", "dv"), grads, (q64.grad, k64.grad, v64.grad),
                                          (q32.grad, k32.grad, v32.grad)):
            assert not got.isnan().any()
            assert_within_eager_budget(got, want, eager, what=f"{what} (fused={fused})")
        if empty.any():
            assert grads[0][empty].abs().max() == 0


# ----------------------------------------------------------------------------- builds


def kernels(mask, score, D, backward=True, **kw):
    fwd = codegen.build_forward(mask, score, head_dim=D, **kw)
    bwd = codegen.build_backward(mask, score, head_dim=D, **kw) if backward else None
    return fwd, bwd


@pytest.fixture(scope="module")
def causal64():
    return kernels(CAUSAL, None, 64)


@pytest.fixture(scope="module")
def alibi32():
    return kernels(CAUSAL, ALIBI, 32)


@pytest.fixture(scope="module")
def softcap32():
    return kernels(None, SOFTCAP, 32)


@pytest.fixture(scope="module")
def documents32():
    return kernels(DOCUMENTS, None, 32)


# ----------------------------------------------------------------------------- kernels


@pytest.mark.parametrize("B,H,Hk,Lq,Lk", [
    (1, 2, 2, 300, 300),   # lengths not multiples of the block
    (1, 4, 2, 100, 300),   # Lq < Lk, grouped-query
    (2, 2, 1, 1, 300),     # decoding: one query sees every key
    (1, 1, 1, 64, 64),
])
def test_causal_forward_backward(causal64, B, H, Hk, Lq, Lk):
    run_and_check(*causal64, CAUSAL, None, B, H, Hk, Lq, Lk, 64)


@pytest.mark.parametrize("D", [32, 80, 128])
def test_head_dims_window(D):
    fwd = codegen.build_forward(window(70), None, head_dim=D)
    run_and_check(fwd, None, window(70), None, 1, 2, 1, 300, 300, D)


def test_alibi_gradients(alibi32):
    run_and_check(*alibi32, CAUSAL, ALIBI, 1, 4, 2, 200, 200, 32)


def test_softcap_gradients(softcap32):
    run_and_check(*softcap32, None, SOFTCAP, 1, 2, 2, 130, 190, 32)


def test_documents_empty_rows(documents32):
    ids = torch.randint(0, 3, (2, 300), generator=torch.Generator().manual_seed(3))
    ids = ids.sort(dim=1).values.to(torch.int32)
    ids[:, 150:165] = -1  # these queries see no key: out 0, lse -inf, zero gradients
    run_and_check(*documents32, DOCUMENTS, None, 2, 2, 2, 300, 300, 32, inputs={"doc": ids})


def test_random_blocks_forward():
    rb = ir.RandomBlocks(c(2), c(64), c(7))
    mask = bin_("or", rb, bin_("==", bin_("//", V("q"), c(64), I), bin_("//", V("k"), c(64), I), BOOL), BOOL)
    fwd = codegen.build_forward(mask, None, head_dim=32)
    run_and_check(fwd, None, mask, None, 1, 3, 3, 300, 450, 32)


def test_missing_input_is_an_error(documents32):
    fwd, _ = documents32
    q, k, v = qkv(1, 1, 1, 64, 64, 32)
    layout = layout_from_dense(np.ones((1, 1, 64, 64), bool), 64, 64)
    with pytest.raises(ValueError, match="doc"):
        fwd(q, k, v, layout)


def test_fused_backward_chunks_balance_the_threads(causal64):
    """The fused kernel's tasks are chunks of the key blocks of a (batch, key head): as
    few chunks as leave the threads evenly loaded, split by cost (causal: the first key
    blocks see the most queries); where no chunking balances, the dQ and dK/dV kernels
    run (they balance per key block)."""
    import numpy as np

    _, bwd = causal64
    assert bwd.has_fused

    def transposed(B, H, L=2048):
        return layout_from_dense(dense_mask(CAUSAL, B, H, L, L), 64, 64).transposed

    eight, one = transposed(1, 8), transposed(1, 1)
    assert bwd.fused_chunks(eight, 8, num_threads=2).tolist() == [0, 32]   # one chunk: 4 heads a thread
    assert bwd.fused_chunks(eight, 2, num_threads=2).tolist() == [0, 32]   # grouped-query: a task a key head
    two = bwd.fused_chunks(one, 1, num_threads=2)
    assert len(two) == 3 and 0 < two[1] < 16   # causal: the heavy first key blocks make a short chunk
    costs = one.col_costs(1)
    assert abs(costs[:two[1]].sum() - costs[two[1]:].sum()) <= costs.max()
    assert bwd.fused_chunks(one, 1, num_threads=64) is None       # 32 key blocks cannot feed 64 threads
    assert not bwd.runs_fused(one, 1, num_threads=64) and bwd.runs_fused(one, 1, num_threads=2)
    assert np.array_equal(bwd.fused_chunks(one, 1, num_threads=2), two)     # cached, same answer


@pytest.mark.parametrize("B,H,Hk,Lq,Lk,threads", [(2, 4, 2, 130, 200, 1), (1, 3, 1, 1, 70, 1),
                                                   (1, 2, 1, 700, 700, 2)])
def test_fused_backward_gives_the_split_kernels_gradients(causal64, B, H, Hk, Lq, Lk, threads):
    """Forced either way, the two backward paths agree to rounding (the fused one sums dQ
    over key blocks in another order), with and without an lse gradient, in one chunk and
    in several (one key head balanced for 2 threads)."""
    fwd, bwd = causal64
    q, k, v = qkv(B, H, Hk, Lq, Lk, 64, seed=B + Lq)
    layout = layout_from_dense(dense_mask(CAUSAL, B, H, Lq, Lk), 64, 64)
    if threads > 1:
        assert len(bwd.fused_chunks(layout.transposed, Hk, num_threads=threads)) > 2
    out, lse = fwd(q, k, v, layout)
    dout = torch.randn(out.shape, generator=torch.Generator().manual_seed(1))
    for dlse in (None, torch.randn(lse.shape, generator=torch.Generator().manual_seed(2))):
        split = bwd(q, k, v, out, lse, dout, layout, dlse=dlse, fused=False)
        fused = bwd(q, k, v, out, lse, dout, layout, dlse=dlse, fused=True, num_threads=threads)
        for a, b in zip(split, fused):
            torch.testing.assert_close(b, a, rtol=1e-5, atol=1e-6)


def test_no_fused_kernel_where_it_cannot_exist():
    """On vdpbf16ps a head dim not in 16s (the fused dQ tiles put it across the lanes)
    gets no fused kernel (token-permuted rows do: tests/test_fused_permuted.py); kernels
    without one refuse a forced fused call with a clear error."""
    from spdsl.codegen.cpu.backward import fuses

    dots = cpu.ScheduleConfig(products="dpbf16")
    assert fuses("float32", cpu.ScheduleConfig(block_q=32, block_k=64), 32) and fuses("bfloat16", dots, 32)
    assert not fuses("bfloat16", dots, 24)
    bwd = direct_backward(CAUSAL, 16, "float32")    # dQ and dK/dV kernels only
    assert not bwd.has_fused
    q, k, v = qkv(1, 2, 2, 70, 70, 16)
    layout = layout_from_dense(dense_mask(CAUSAL, 1, 2, 70, 70), 64, 64)
    assert not bwd.runs_fused(layout.transposed, 2, num_threads=1)
    with pytest.raises(ValueError, match="no fused kernel"):
        bwd(q, k, v, q, torch.zeros(1, 2, 70), torch.ones_like(q), layout, fused=True)


def eager_low_precision(q, k, v, dout, mask, scale):
    """Attention and its gradients computed by torch ops in q's own dtype (bf16 / fp16):
    the error budget a half-precision kernel is held to."""
    q, k, v = (t.detach().clone().requires_grad_() for t in (q, k, v))
    group = q.shape[1] // k.shape[1]
    s = (q @ k.repeat_interleave(group, 1).transpose(-1, -2)) * scale
    s = s.masked_fill(~torch.from_numpy(np.ascontiguousarray(mask)), float("-inf"))
    out = torch.softmax(s, -1).nan_to_num(0.0) @ v.repeat_interleave(group, 1)
    out.backward(dout)
    return out.detach(), (q.grad, k.grad, v.grad)


def direct_backward(mask, D, dtype):
    """dQ / dK/dV kernels that read and write ``dtype`` (build_backward builds float32
    ones and converts, which measured faster)."""
    from spdsl.codegen.cpu.backward import dkdv_primfunc, dq_primfunc

    config = cpu.resolve_config(cpu.ScheduleConfig(products="fp32"), D, None)  # FMAs: the float32 arithmetic
    dq_func, sig = dq_primfunc(mask, None, D, config, dtype=dtype)
    dkdv_func, _ = dkdv_primfunc(mask, None, D, config, dtype=dtype)
    return cpu.BackwardKernels(cpu.compile_primfunc(dq_func, None), cpu.compile_primfunc(dkdv_func, None),
                               sig, config, D, dtype=dtype)


@pytest.mark.parametrize("dtype", ["bfloat16", "float16"])
def test_half_precision_forward_backward(dtype, causal64):
    """bf16 / fp16 tensors in and out (float32 arithmetic): errors against float64 no
    worse than those of the same computation done by torch in that dtype."""
    dt = getattr(torch, dtype)
    B, H, Hk, Lq, Lk, D = 1, 4, 2, 200, 260, 64
    fwd = codegen.build_forward(CAUSAL, None, head_dim=D, dtype=dt)
    bwd = causal64[1]  # build_backward's kernels are float32 for every dtype
    q, k, v = (t.to(dt) for t in qkv(B, H, Hk, Lq, Lk, D, seed=5))
    dout = torch.randn(B, H, Lq, D, generator=torch.Generator().manual_seed(6)).to(dt)
    mask = dense_mask(CAUSAL, B, H, Lq, Lk)
    layout = layout_from_dense(mask, 64, 64)
    out = torch.full_like(q, float("nan"))
    lse = torch.full((B, H, Lq), float("nan"))
    fwd(q, k, v, layout, out=out, lse=lse)
    grads = tuple(torch.full_like(t, float("nan")) for t in (q, k, v))
    grads = bwd(q, k, v, out, lse, dout, layout, grads=grads, fused=False)  # as the direct ones below
    q64, k64, v64 = (t.double().requires_grad_() for t in (q, k, v))
    ref_out, ref_lse = reference(q64, k64, v64, mask, None, D ** -0.5)
    ref_out.backward(dout.double())
    eager_out, eager_grads = eager_low_precision(q, k, v, dout, mask, D ** -0.5)
    err = lambda a, b: (a.double() - b).abs().max().item()
    assert out.dtype == dt and not out.isnan().any()
    assert err(out, ref_out.detach()) <= 1.5 * err(eager_out, ref_out.detach())
    torch.testing.assert_close(lse.double(), ref_lse.detach(), atol=1e-4, rtol=1e-4)
    for got, want, eager in zip(grads, (q64.grad, k64.grad, v64.grad), eager_grads):
        assert got.dtype == dt and not got.isnan().any()
        assert err(got, want) <= 1.5 * err(eager, want)
    # kernels that load and store the half type directly: the same float32 arithmetic
    direct = direct_backward(CAUSAL, D, dtype)
    poisoned = tuple(torch.full_like(t, float("nan")) for t in (q, k, v))
    for a, b in zip(grads, direct(q, k, v, out, lse, dout, layout, grads=poisoned)):
        assert b.dtype == dt and torch.equal(a, b)
    with pytest.raises(TypeError, match="built for"):
        direct(q.float(), k.float(), v.float(), out.float(), lse, dout.float(), layout)


def test_layout_size_mismatch_is_an_error(causal64):
    fwd, _ = causal64
    q, k, v = qkv(1, 2, 2, 128, 128, 64)
    layout = layout_from_dense(np.ones((1, 1, 128, 128), bool), 64, 64)  # one head
    with pytest.raises(ValueError, match="does not fit"):
        fwd(q, k, v, layout)


def test_layout_block_mismatch_is_an_error(causal64):
    fwd, _ = causal64
    q, k, v = qkv(1, 1, 1, 64, 64, 64)
    layout = layout_from_dense(np.ones((1, 1, 64, 64), bool), 32, 32)
    with pytest.raises(ValueError, match="blocks"):
        fwd(q, k, v, layout)


def test_emit_tir_and_llvm():
    tir = cpu.emit(window(64), None, head_dim=32, what="tir")
    assert "T.parallel" in tir and "T.vectorized" in tir
    llvm = cpu.emit(window(64), None, head_dim=32, what="llvm")
    assert "define" in llvm and "x float>" in llvm  # vector code
    assert "fmuladd.v" in llvm and "@expf" not in llvm  # vector FMAs, exp2 as a polynomial


# ----------------------------------------------------------------------------- layout


def test_transpose_matches_dense_blocks():
    mask = dense_mask(window(90), 1, 2, 300, 250)
    layout = layout_from_dense(mask, 64, 32)
    t = lay.transpose(layout)
    for cls in range(layout.n_classes):
        rows = layout.row_ptr[cls * (layout.n_qb + 1):(cls + 1) * (layout.n_qb + 1)]
        cols = t.col_ptr[cls * (layout.n_kb + 1):(cls + 1) * (layout.n_kb + 1)]
        by_row = {(r, int(layout.col_idx[j]), int(layout.full[j]))
                  for r in range(layout.n_qb) for j in range(rows[r], rows[r + 1])}
        by_col = {(int(t.row_idx[j]), s, int(t.full[j]))
                  for s in range(layout.n_kb) for j in range(cols[s], cols[s + 1])}
        assert by_row == by_col


@pytest.mark.parametrize("threads", [2, 3, 5, 16])
def test_task_order_balances_tvm_chunks(threads):
    """TVM gives thread t the tasks [t*step, (t+1)*step) of the parallel loop (step =
    ceil(N / threads)): the order must make those chunks carry equal work."""
    mask = dense_mask(CAUSAL, 1, 3, 64 * 40, 64 * 40)
    layout = layout_from_dense(mask, 64, 64)
    costs = layout.row_costs()
    order = layout.task_order(threads)
    assert order.dtype == np.int32 and sorted(order.tolist()) == list(range(len(costs)))
    naive = lay.chunk_loads(costs, np.arange(len(costs)), threads)
    loads = lay.chunk_loads(costs, order, threads)
    busy = lambda loads: loads.max() / loads[loads > 0].mean()  # 120 tasks: 15 chunks of 8
    assert busy(naive) > 1.15 or threads % 3 == 0  # whole heads per thread
    assert busy(loads) < 1.02
    t = lay.transpose(layout)
    kv_order = t.task_order(threads, kv_heads=3)
    kv_loads = lay.chunk_loads(t.col_costs(3), kv_order, threads)
    assert sorted(kv_order.tolist()) == list(range(3 * layout.n_kb))
    assert busy(kv_loads) < 1.02


def test_uniform_rows_keep_the_identity_order():
    """Equal-cost tasks (a sliding window's inner rows, whole heads per thread) stay in
    index order: neighbouring rows share K / V blocks in cache."""
    layout = layout_from_dense(np.ones((1, 4, 640, 640), bool), 64, 64)
    assert np.array_equal(layout.task_order(2), np.arange(40))
    mask = dense_mask(window(256), 1, 1, 64 * 40, 64 * 40)
    order = layout_from_dense(mask, 64, 64).task_order(3)
    assert (np.diff(order) == 1).mean() > 0.9


def test_any_task_order_gives_the_same_result(causal64):
    """The kernels run tasks in whatever order the layout holds (here a random one)."""
    fwd, bwd = causal64
    B, H, Hk, L = 2, 2, 1, 300
    q, k, v = qkv(B, H, Hk, L, L, 64, seed=11)
    mask = dense_mask(CAUSAL, B, H, L, L)
    layout, shuffled = layout_from_dense(mask, 64, 64), layout_from_dense(mask, 64, 64)
    t, t_shuffled = lay.transpose(layout), lay.transpose(shuffled)
    n = lay.current_threads()
    rng = np.random.default_rng(0)
    shuffled._orders[("tensor", n, None)] = torch.from_numpy(
        rng.permutation(B * H * layout.n_qb).astype(np.int32))
    t_shuffled._orders[("tensor", n, Hk)] = torch.from_numpy(
        rng.permutation(B * Hk * layout.n_kb).astype(np.int32))
    dout = torch.randn(q.shape, generator=torch.Generator().manual_seed(12))
    results = []
    for lo, tr in ((layout, t), (shuffled, t_shuffled)):
        out, lse = torch.full_like(q, float("nan")), torch.full((B, H, L), float("nan"))
        fwd(q, k, v, lo, out=out, lse=lse)
        grads = tuple(torch.full_like(x, float("nan")) for x in (q, k, v))
        results.append((out, lse, *bwd(q, k, v, out, lse, dout, lo, transposed=tr, grads=grads)))
    q64, k64, v64 = (x.double().requires_grad_() for x in (q, k, v))
    ref_out, _ = reference(q64, k64, v64, mask, None, 64 ** -0.5)
    ref_out.backward(dout.double())
    q32, k32, v32 = (x.clone().requires_grad_() for x in (q, k, v))
    eager_out, _ = reference(q32, k32, v32, mask, None, 64 ** -0.5)
    eager_out.backward(dout)
    for a, b in zip(*results):
        assert torch.equal(a, b)
    assert_within_eager_budget(results[1][0], ref_out, eager_out, what="out")
    for what, got, want, eager in zip(("dq", "dk", "dv"), results[1][2:], (q64.grad, k64.grad, v64.grad),
                                      (q32.grad, k32.grad, v32.grad)):
        assert_within_eager_budget(got, want, eager, what=what)


# ----------------------------------------------------------------------------- lowering


INT_EXPRS = [
    bin_("//", bin_("-", V("q"), c(7), I), c(3), I),
    bin_("%", bin_("-", V("q"), c(7), I), c(-3), I),
    bin_("//", bin_("-", V("q"), V("k"), I), bin_("-", V("k"), c(3), I), I),  # / 0 at k = 3
    bin_("%", bin_("-", V("q"), V("k"), I), bin_("-", V("k"), c(3), I), I),
    bin_("**", V("k"), c(3), I),
    bin_("**", c(2), V("k"), I),
    ir.Call("abs", (bin_("-", V("q"), V("k"), I),), I),
    ir.Select(bin_("<", V("q"), V("k"), BOOL), V("q"), bin_("*", V("k"), c(2), I), I),
]
FLOAT_EXPRS = [
    bin_("/", V("q"), bin_("+", V("k"), c(1), I), F),
    bin_("**", c(2.0), bin_("*", c(-0.5), V("k"), F), F),
    ir.Call("max", (bin_("*", c(0.5), V("q"), F), V("k")), F),
    ir.Call("sqrt", (bin_("+", V("q"), c(0.25), F),), F),
    bin_("+", ir.Call("tanh", (bin_("/", V("q"), c(7.0), F),), F), V("k"), F),
]


def _compile_points(exprs):
    from tvm import te

    n = te.var("n")
    qp, kp = te.placeholder((n,), "int32", "q"), te.placeholder((n,), "int32", "k")
    i32 = lambda x: tvm.tirx.const(x, "int32")

    def compute(e):
        def body(i):
            env = lower.Env({"q": qp(i), "k": kp(i), "b": i32(0), "h": i32(0),
                             "B": i32(1), "H": i32(1), "Lq": i32(50), "Lk": i32(50)})
            return lower.dtype_cast(lower.lower_expr(e, env), "float64")
        return body

    outs = [te.compute((n,), compute(e), name=f"e{i}") for i, e in enumerate(exprs)]
    return tvm.compile(te.create_prim_func([qp, kp, *outs]), target={"kind": "llvm"})


def test_lowering_matches_the_evaluator():
    exprs = INT_EXPRS + FLOAT_EXPRS
    fn = _compile_points(exprs)
    q, k = np.meshgrid(np.arange(-9, 12), np.arange(0, 9), indexing="ij")
    q, k = q.ravel().astype(np.int32), k.ravel().astype(np.int32)
    outs = [torch.zeros(len(q), dtype=torch.float64) for _ in exprs]
    fn["main"](torch.from_numpy(q), torch.from_numpy(k), *outs)
    env = {"q": q.astype(np.int64), "k": k.astype(np.int64), "b": 0, "h": 0,
           "B": 1, "H": 1, "Lq": 50, "Lk": 50}
    for e, got in zip(exprs, outs):
        want = np.broadcast_to(evaluate(e, env, float_dtype=np.float64), q.shape)
        np.testing.assert_allclose(got.numpy(), want.astype(np.float64), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("expr", [ALIBI, SOFTCAP,
    bin_("*", ir.Call("exp", (bin_("/", V("score"), c(3.0), F),), F), ir.Call("sqrt", (ir.Call("abs", (V("score"),), F),), F), F),
    bin_("**", V("score"), c(3.0), F),
    ir.Call("min", (V("score"), bin_("*", c(0.5), V("score"), F)), F),
    ir.Select(bin_(">", V("q"), V("k"), BOOL), bin_("/", c(1.0), bin_("+", c(2.0), ir.Call("log", (bin_("*", V("score"), V("score"), F),), F), F), F), V("score"), F),
])
def test_derivative_matches_finite_differences(expr):
    d = deriv.derivative(expr)
    s = np.linspace(0.3, 4.0, 41)
    env = {"q": np.arange(41) % 7, "k": np.arange(41) % 5, "h": 1, "b": 0,
           "B": 1, "H": 4, "Lq": 8, "Lk": 8}
    f = lambda x: evaluate(expr, {**env, "score": x}, float_dtype=np.float64)
    eps = 1e-6
    numeric = (f(s + eps) - f(s - eps)) / (2 * eps)
    got = np.broadcast_to(evaluate(d, {**env, "score": s}, float_dtype=np.float64), s.shape)
    np.testing.assert_allclose(got, numeric, rtol=1e-5, atol=1e-6)


def test_derivative_of_alibi_is_one():
    assert deriv.derivative(ALIBI) == ir.Const(1.0, F)


def test_a_head_dim_beyond_the_stack_tiles_is_refused_not_a_crash():
    """head_dim 16384 at block 64 overflowed the pool threads' stacks (SIGSEGV); it is a
    ValueError before anything is built, and 4096 still builds."""
    import spdsl

    pat = spdsl.parse("pattern w { mask = causal }")["w"]
    with pytest.raises(ValueError, match="stack tiles"):
        spdsl.compile(pat, head_dim=16384)
    cpu.resolve_config(None, 4096, None)
