"""LANGUAGE.md 1.1 positions: q = qi + q_offset, k = ki + kv_offset (defaults Lk - Lq, 0).

Kernels (forward and gradients) and the float64 reference against masks written by hand,
chunked prefill against the rows of the full computation, a static KV cache with explicit
offsets (a Python int and a per-batch tensor), the qi/ki built-ins, inputs read by
position or by row, random_blocks at an offset, the FlexAttention export, explain, and
the op under torch.compile with tensor offsets."""

import numpy as np
import pytest
import torch

import spdsl

SRC = """
pattern window(w = 8) { mask = causal and q - k < w }
pattern cache(w = 8, filled = 40) { mask = causal and q - k < w and k < filled }
pattern rows { mask = qi == ki }
pattern by_position { input doc : int[B, Lk]
    mask = doc[b, q] == doc[b, k] }
pattern by_row { input qdoc : int[B, Lq]
    input kdoc : int[B, Lk]
    mask = qdoc[b, qi] == kdoc[b, ki] }
pattern rnd { mask = random_blocks(2, 16, 7) or (causal and q - k < 4) }
pattern alibi_window { mask = causal and q - k < 24
    score = score - 0.1 * (q - k) }
"""
LIB = spdsl.parse(SRC)
D = 16


def qkv(B, H, Hk, Lq, Lk, seed=0):
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(B, H, Lq, D, generator=g, dtype=torch.float64)
    k = torch.randn(B, Hk, Lk, D, generator=g, dtype=torch.float64)
    v = torch.randn(B, Hk, Lk, D, generator=g, dtype=torch.float64)
    return q, k, v


def run(fn, q, k, v, **kw):
    """(out, dq, dk, dv) of ``fn`` with float64 results; ``fn`` gets copies at q's dtype."""
    ts = [t.detach().clone().requires_grad_() for t in (q, k, v)]
    out = fn(*ts, **kw)
    (out * torch.linspace(-1, 1, out.shape[-1], dtype=out.dtype)).sum().backward()
    return [out.detach().double()] + [t.grad.double() for t in ts]


def masked_reference(mask, q, k, v):
    """SDPA-style attention in float64 under a dense bool mask [B or 1, 1, Lq, Lk]."""
    group = q.shape[1] // k.shape[1]
    k, v = k.repeat_interleave(group, 1), v.repeat_interleave(group, 1)
    s = (q @ k.transpose(-1, -2)) * D ** -0.5
    s = s.masked_fill(~mask, float("-inf"))
    p = torch.softmax(s, -1).nan_to_num(0.0)
    return p @ v


def close(a, b, tol=2e-5):
    for x, y in zip(a, b):
        assert (x - y).abs().max().item() < tol


@pytest.fixture(scope="module")
def window_attn():
    return spdsl.compile(LIB["window"], head_dim=D, dtype=torch.float32)


@pytest.fixture(scope="module")
def cache_attn():
    return spdsl.compile(LIB["cache"], head_dim=D, dtype=torch.float32)


def test_causal_is_k_le_q():
    assert "causal" in str(LIB["window"])
    m = LIB["window"].dense_mask(1, 100)[0, 0, 0]
    assert m.nonzero().flatten().tolist() == list(range(92, 100))


def test_decoding_sees_the_last_keys(window_attn):
    B, H, Hk, Lq, Lk = 2, 4, 2, 1, 100
    q, k, v = qkv(B, H, Hk, Lq, Lk)
    hand = torch.zeros(1, 1, Lq, Lk, dtype=torch.bool)
    hand[..., 92:] = True
    want = run(lambda *t: masked_reference(hand, *t), q, k, v)
    ref = run(lambda *t: spdsl.reference_attention(LIB["window"], *t), q, k, v)
    close(ref, want, 1e-10)
    got = run(window_attn, *(t.float() for t in (q, k, v)))
    close(got, want)


@pytest.mark.parametrize("Lq, Lk", [(32, 96), (13, 77)])
def test_chunked_prefill_equals_rows_of_full(window_attn, Lq, Lk):
    q, k, v = qkv(2, 4, 2, Lk, Lk, seed=1)
    full = run(window_attn, *(t.float() for t in (q, k, v)))
    chunk = run(window_attn, *(t.float() for t in (q[:, :, Lk - Lq:], k, v)))
    assert (chunk[0] - full[0][:, :, Lk - Lq:]).abs().max() < 2e-5
    ref = spdsl.reference_attention(LIB["window"], q[:, :, Lk - Lq:], k, v)
    assert (chunk[0] - ref).abs().max() < 2e-5
    ref_full = spdsl.reference_attention(LIB["window"], q, k, v)
    assert (ref - ref_full[:, :, Lk - Lq:]).abs().max() < 1e-12


@pytest.mark.parametrize("offset", [30, torch.tensor([30, 17])])
def test_static_kv_cache(cache_attn, offset):
    B, H, Hk, Lq, Lk = 2, 4, 2, 10, 128   # queries at positions offset .. offset + 9
    q, k, v = qkv(B, H, Hk, Lq, Lk, seed=2)
    offs = torch.as_tensor(offset).expand(B) if isinstance(offset, int) else offset
    hand = torch.zeros(B, 1, Lq, Lk, dtype=torch.bool)
    for bi in range(B):
        for i in range(Lq):
            pos = int(offs[bi]) + i
            for j in range(Lk):
                hand[bi, 0, i, j] = j <= pos and pos - j < 8 and j < 40
    want = run(lambda *t: masked_reference(hand, *t), q, k, v)
    ref = run(lambda *t: spdsl.reference_attention(LIB["cache"], *t, q_offset=offset, kv_offset=0), q, k, v)
    close(ref, want, 1e-10)
    assert torch.equal(LIB["cache"].dense_mask(Lq, Lk, B=B, q_offset=offset), hand.expand(B, 1, Lq, Lk))
    got = run(lambda *t: cache_attn(*t, q_offset=offset, kv_offset=0), *(t.float() for t in (q, k, v)))
    close(got, want)
    # the default variant still answers the default offsets after the explicit one was built
    plain = run(cache_attn, *(t.float() for t in (q, k, v)))
    plain_ref = run(lambda *t: spdsl.reference_attention(LIB["cache"], *t), q, k, v)
    close(plain, plain_ref)


def test_kv_offset_moves_the_keys():
    m = LIB["window"].dense_mask(3, 20, q_offset=10, kv_offset=5)[0, 0]
    for i in range(3):
        for j in range(20):
            assert bool(m[i, j]) == (j + 5 <= i + 10 and (i + 10) - (j + 5) < 8)


def test_qi_ki_builtins():
    m = LIB["rows"].dense_mask(4, 6)[0, 0]
    assert torch.equal(m, torch.eye(4, 6, dtype=torch.bool))
    assert torch.equal(LIB["rows"].dense_mask(4, 6, q_offset=100)[0, 0], m)


def test_inputs_read_by_position_or_row():
    B, Lq, Lk = 2, 5, 12
    g = torch.Generator().manual_seed(3)
    doc = torch.randint(0, 3, (B, Lk), generator=g)
    m = LIB["by_position"].dense_mask(Lq, Lk, B=B, doc=doc)
    want = doc[:, None, Lk - Lq:, None] == doc[:, None, None, :]
    assert torch.equal(m, want)
    qdoc = doc[:, Lk - Lq:].clone()
    m2 = LIB["by_row"].dense_mask(Lq, Lk, B=B, qdoc=qdoc, kdoc=doc)
    assert torch.equal(m2, want)
    # reading by position past the document is refused at call time, with the offsets
    with pytest.raises(spdsl.PatternError, match="out of range"):
        LIB["by_position"].dense_mask(Lq, Lk, B=B, doc=doc, q_offset=10)
    with pytest.raises(spdsl.PatternError, match="out of range"):
        LIB["by_position"].dense_mask(Lk + 1, Lk, B=B, doc=doc)   # default q_offset = -1


def test_random_blocks_at_an_offset_matches_the_full_rows():
    pat = LIB["rnd"]
    full = pat.dense_mask(80, 80, H=2)
    part = pat.dense_mask(23, 80, H=2)
    assert torch.equal(part, full[:, :, 80 - 23:])
    explicit = pat.dense_mask(23, 80, H=2, q_offset=40)
    assert torch.equal(explicit, full[:, :, 40:63])
    # the interval analysis agrees with the dense mask at the offset
    lay = pat.layout(23, 80, H=2, block=8, q_offset=40)
    assert _layout_matches(lay, explicit, 8)
    q, k, v = qkv(1, 2, 2, 80, 80, seed=4)
    attn = spdsl.compile(pat, head_dim=D, dtype=torch.float32)
    qf, kf, vf = (t.float() for t in (q, k, v))
    got = attn(qf[:, :, 40:63], kf, vf, q_offset=40)
    whole = attn(qf, kf, vf)
    assert (got - whole[:, :, 40:63]).abs().max() < 2e-5
    got_default = attn(qf[:, :, 57:], kf, vf)
    assert (got_default - whole[:, :, 57:]).abs().max() < 2e-5


def _layout_matches(lay, dense, block) -> bool:
    kinds = lay.kinds()
    m = dense[0, 0].numpy()
    for i in range(kinds.shape[0]):
        for j in range(kinds.shape[1]):
            blk = m[i * block:(i + 1) * block, j * block:(j + 1) * block]
            want = 2 if blk.all() else 0 if not blk.any() else 1
            if kinds[i, j] != want:
                return False
    return True


@pytest.mark.parametrize("offsets", [{}, {"q_offset": 30, "kv_offset": 0}])
def test_layout_against_dense_at_lq_ne_lk(offsets):
    pat = LIB["cache"]
    lay = pat.layout(10, 128, block=4, **offsets)
    assert _layout_matches(lay, pat.dense_mask(10, 128, **offsets), 4)


def test_flex_export_at_lq_ne_lk():
    B, H, Lq, Lk = 2, 2, 7, 33
    for name in ("window", "rnd"):
        pat = LIB[name]
        for offsets in ({}, {"q_offset": torch.tensor([3, 20])}):
            mm = pat.to_flex_mask_mod(Lq=Lq, Lk=Lk, H=H, B=B, **offsets)
            b = torch.arange(B).view(B, 1, 1, 1)
            h = torch.arange(H).view(1, H, 1, 1)
            qi = torch.arange(Lq).view(1, 1, Lq, 1)
            ki = torch.arange(Lk).view(1, 1, 1, Lk)
            got = mm(b, h, qi, ki).expand(B, H, Lq, Lk)
            assert torch.equal(got, pat.dense_mask(Lq, Lk, H=H, B=B, **offsets)), (name, offsets)
    sm = LIB["alibi_window"].to_flex_score_mod(Lq=Lq, Lk=Lk)
    s = torch.zeros(1, 1, Lq, Lk)
    got = sm(s, torch.zeros(()), torch.zeros(()), torch.arange(Lq).view(Lq, 1), torch.arange(Lk).view(1, Lk))
    assert torch.allclose(got[0, 0, 0], -0.1 * ((Lk - Lq) - torch.arange(Lk)).float())


def test_explain_with_offsets():
    pat = LIB["window"]
    e = pat.explain(1, 100, block=4)
    assert e.nonzero_elements == 8
    e2 = pat.explain(1, 100, block=4, q_offset=3)
    assert e2.nonzero_elements == 4


def test_cli_explain_q_offset(capsys, tmp_path):
    from spdsl.cli.main import main
    f = tmp_path / "w.spdsl"
    f.write_text(SRC)
    code = main(["explain", f"{f}:window", "--lq", "1", "--lk", "100", "--q-offset", "3", "--block", "4", "--json"])
    out = capsys.readouterr().out
    assert code in (0, None)
    import json
    assert json.loads(out)["nonzero_elements"] == 4


def test_torch_compile_with_tensor_offsets(cache_attn):
    B, H, Hk, Lq, Lk = 2, 4, 2, 10, 128
    q, k, v = (t.float() for t in qkv(B, H, Hk, Lq, Lk, seed=5))
    offs = torch.tensor([30, 12])

    def f(q, k, v, qo):
        return cache_attn(q, k, v, q_offset=qo, kv_offset=0)

    compiled = torch.compile(f, fullgraph=True)
    got = compiled(q, k, v, offs)
    want = spdsl.reference_attention(LIB["cache"], q.double(), k.double(), v.double(), q_offset=offs)
    assert (got.double() - want).abs().max() < 2e-5


def test_overflow_at_a_rewritten_position_is_located(tmp_path):
    """``q`` becomes ``qi + q_offset[b]``: the inserted nodes carry the span of the ``q``
    (or ``k``) they replace, so an overflow there names file:line:col, not just the file."""
    src = tmp_path / "far.spdsl"
    src.write_text("pattern far {\n    mask = k <= q and q - k < 8\n}\n")
    pat = spdsl.load(str(src))["far"]
    q, k, v = qkv(1, 1, 1, 4, 8)
    with pytest.raises(spdsl.PatternError, match=r"far\.spdsl:2:17: 'qi \+ q_offset\[b\]'") as err:
        spdsl.reference_attention(pat, q, k, v, q_offset=2**63 - 1)
    assert "int64" in str(err.value)
    with pytest.raises(spdsl.PatternError, match=r"far\.spdsl:2:12: 'ki \+ kv_offset\[b\]'"):
        spdsl.reference_attention(pat, q, k, v, kv_offset=2**63 - 3)
    # the default offsets too: every node put in for a position has the position's span
    from spdsl.ir import nodes as ir
    rows = pat.at_rows()
    for node in ir.walk(rows.mask):
        assert node.span is not None, node


def test_random_tables_grow_with_the_positions_and_are_reused():
    """Decoding with growing explicit offsets: the kernels' random_blocks table is rebuilt
    only when a new query block is needed, a larger one serves smaller calls, and the
    cache stays bounded."""
    from spdsl.codegen.common import layout as lay
    from spdsl.analysis.random_blocks import random_block_table

    key = (2, 16, 7)
    tables = lay.RandomTables([key], limit=4)
    built = []
    conv = lambda t: built.append(t) or t
    off = lambda v: {"q_offset": torch.tensor([v], dtype=torch.int32)}
    for pos in range(60, 100):                  # one query a step, 64 keys
        (t,) = tables.args(off(pos), 2, 1, 64, conv)
        assert t.shape[1] * 16 > pos
        assert (t.astype(bool) == random_block_table(7, 2, 4, 2, t.shape[1])).all()
    assert [t.shape[1] for t in built] == [4, 5, 6, 7]   # ceil(Lk/16) = 4 blocks first
    (t,) = tables.args({}, 2, 1, 64, conv)      # default offsets: the last table serves
    assert t is built[-1] and len(built) == 4
    for lk in range(16, 16 * 10, 16):
        tables.args({}, 2, 1, lk, conv)
    assert len(tables._tables) == 4
