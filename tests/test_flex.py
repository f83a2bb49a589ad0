"""FlexAttention export: pattern.to_flex_mask_mod / to_flex_score_mod on the CPU.

1. The mask_mod's values on the whole (b, h, q, k) grid equal pattern.dense_mask, both
   called directly with broadcast index tensors and through FlexAttention's own vmap
   (create_mask).
2. create_block_mask + flex_attention (eager; in this torch eager flex_attention still
   traces the mods with dynamo, so they must be traceable) against
   spdsl.reference_attention: the float32 kernel's error from the float64 reference is
   compared with the error of the float32 reference itself, plus a ~1e-4 bound.
3. Sizes a pattern needs (Lq, Lk, H) but was not given raise spdsl.PatternError.
"""

from __future__ import annotations

import functools
import pathlib

import numpy as np
import pytest
import torch

import spdsl
from conftest import assert_within_eager_budget, max_error

flex = pytest.importorskip("torch.nn.attention.flex_attention")
create_block_mask, create_mask, flex_attention = (flex.create_block_mask, flex.create_mask,
                                                  flex.flex_attention)

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "examples"

# eager flex_attention on CPU warns that it is unfused; that is what we test here
pytestmark = pytest.mark.filterwarnings("ignore:.*flex_attention called without torch.compile")


@functools.lru_cache(maxsize=None)
def example(name):
    return spdsl.load(str(EXAMPLES / f"{name}.spdsl"))[name]


def doc_ids(B, Lk, seed=0):
    rng = np.random.default_rng(seed)
    return torch.from_numpy(np.sort(rng.integers(0, 5, size=(B, Lk)), axis=1).astype(np.int64))


# id -> (pattern factory, needs doc)
PATTERNS = {
    "sliding_window": lambda: example("sliding_window").bind(window=50),
    "longformer": lambda: example("longformer").bind(window=40, globals=9),
    "bigbird": lambda: example("bigbird").bind(size=32, window=3, globals=1, random=2, seed=11),
    "documents": lambda: example("documents"),
    "per_head_window": lambda: example("per_head_window"),
    "prefix_lm": lambda: example("prefix_lm").bind(prefix=70),
    "alibi": lambda: example("alibi"),
    "softcap": lambda: example("softcap").bind(cap=1.5),
}
MASK_PATTERNS = ["sliding_window", "longformer", "bigbird", "documents", "per_head_window",
                 "prefix_lm"]


def inputs_for(name, B, Lk):
    return {"doc": doc_ids(B, Lk)} if name == "documents" else {}


def index_grid(B, H, Lq, Lk):
    ar = lambda n: torch.arange(n, dtype=torch.int64)
    return (ar(B).view(B, 1, 1, 1), ar(H).view(1, H, 1, 1),
            ar(Lq).view(1, 1, Lq, 1), ar(Lk).view(1, 1, 1, Lk))


def assert_same_mask(got, want, what):
    got = torch.as_tensor(got).expand(want.shape)
    bad = got != want
    if bad.any():
        idx = tuple(int(i) for i in bad.nonzero()[0])
        pytest.fail(f"{what}: {int(bad.sum())} elements differ, first at (b, h, q, k) = {idx}: "
                    f"got {bool(got[idx])}, expected {bool(want[idx])}")


# (B, H, Lq, Lk)
GRID_SIZES = [(2, 4, 100, 100), (1, 4, 37, 150), (2, 4, 1, 77)]


# ---------------------------------------------------------------------------
# mask_mod values
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("size", GRID_SIZES, ids=lambda s: "B{}H{}Lq{}Lk{}".format(*s))
@pytest.mark.parametrize("name", MASK_PATTERNS)
def test_mask_mod_on_broadcast_indices(name, size):
    B, H, Lq, Lk = size
    pat = PATTERNS[name]()
    ins = inputs_for(name, B, Lk)
    want = pat.dense_mask(Lq, Lk, H=H, B=B, **ins)
    mask_mod = pat.to_flex_mask_mod(Lq=Lq, Lk=Lk, H=H, B=B, **ins)
    got = mask_mod(*index_grid(B, H, Lq, Lk))
    assert isinstance(got, torch.Tensor) and got.dtype == torch.bool
    assert_same_mask(got, want, f"{name} mask_mod at B={B} H={H} Lq={Lq} Lk={Lk}")


@pytest.mark.parametrize("size", GRID_SIZES[:2], ids=lambda s: "B{}H{}Lq{}Lk{}".format(*s))
@pytest.mark.parametrize("name", MASK_PATTERNS)
def test_mask_mod_through_create_mask(name, size):
    """FlexAttention calls the mod with 0-d tensors under vmap."""
    B, H, Lq, Lk = size
    pat = PATTERNS[name]()
    ins = inputs_for(name, B, Lk)
    mask_mod = pat.to_flex_mask_mod(Lq=Lq, Lk=Lk, H=H, B=B, **ins)
    got = create_mask(mask_mod, B, H, Lq, Lk, device="cpu")
    assert tuple(got.shape) == (B, H, Lq, Lk)
    assert_same_mask(got, pat.dense_mask(Lq, Lk, H=H, B=B, **ins), f"{name} via create_mask")


def test_sizes_read_off_the_input_shape():
    """documents' doc is [B, Lk]: Lk and B come from it, only Lq must be given."""
    doc = doc_ids(2, 60)
    pat = example("documents")
    mask_mod = pat.to_flex_mask_mod(Lq=60, doc=doc)
    got = mask_mod(*index_grid(2, 1, 60, 60))
    assert_same_mask(got, pat.dense_mask(60, 60, B=2, doc=doc), "documents, sizes from doc")


def test_longformer_with_explicit_offsets_needs_no_lengths():
    # positions (LANGUAGE.md 1.1): the default q_offset = Lk - Lq needs both lengths;
    # explicit offsets do not
    pat = PATTERNS["longformer"]()
    with pytest.raises(spdsl.PatternError, match="Lk"):
        pat.to_flex_mask_mod()
    mask_mod = pat.to_flex_mask_mod(q_offset=0, kv_offset=0)
    assert_same_mask(mask_mod(*index_grid(1, 1, 90, 90)), pat.dense_mask(90, 90),
                     "longformer without sizes")


def test_score_mod_values():
    """score_mod(score, b, h, q, k) on a grid against alibi and softcap by hand."""
    B, H, Lq, Lk = 1, 4, 9, 13
    b, h, q, k = index_grid(B, H, Lq, Lk)
    score = torch.randn(B, H, Lq, Lk, generator=torch.Generator().manual_seed(0)) * 4
    # alibi reads positions: q - k = (q_idx + Lk - Lq) - kv_idx with the default offsets,
    # so its mod needs Lq and Lk, or explicit offsets
    slope = 2.0 ** (-8.0 * (h + 1).double() / H)
    with pytest.raises(spdsl.PatternError, match="Lk"):
        example("alibi").to_flex_score_mod(H=H)
    got = example("alibi").to_flex_score_mod(Lq=Lq, Lk=Lk, H=H)(score, b, h, q, k)
    torch.testing.assert_close(got.double(), score.double() - slope * (q + (Lk - Lq) - k),
                               rtol=1e-6, atol=1e-6)
    got = example("alibi").to_flex_score_mod(Lq=Lq, Lk=Lk, H=H, q_offset=7, kv_offset=2)(score, b, h, q, k)
    torch.testing.assert_close(got.double(), score.double() - slope * ((q + 7) - (k + 2)),
                               rtol=1e-6, atol=1e-6)
    got = PATTERNS["softcap"]().to_flex_score_mod()(score, b, h, q, k)
    torch.testing.assert_close(got, 1.5 * torch.tanh(score / 1.5), rtol=1e-6, atol=1e-6)
    ident = PATTERNS["sliding_window"]().to_flex_score_mod()
    assert ident(score, b, h, q, k) is score


# ---------------------------------------------------------------------------
# flex_attention against the reference
# ---------------------------------------------------------------------------
def run_flex(pat, q, k, v, ins, scale=None):
    B, H, Lq, _ = q.shape
    Lk = k.shape[2]
    mask_mod = pat.to_flex_mask_mod(Lq=Lq, Lk=Lk, H=H, B=B, **ins)
    score_mod = pat.to_flex_score_mod(Lq=Lq, Lk=Lk, H=H, B=B, **ins)
    block_mask = create_block_mask(mask_mod, B, H, Lq, Lk, device="cpu")
    out, aux = flex_attention(q, k, v, score_mod=score_mod, block_mask=block_mask, scale=scale,
                              enable_gqa=k.shape[1] != H, return_aux=flex.AuxRequest(lse=True))
    return out, aux.lse


def check_against_reference(pat, B, H, Hk, Lq, Lk, D, ins, scale=None, seed=0):
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(B, H, Lq, D, generator=g)
    k = torch.randn(B, Hk, Lk, D, generator=g)
    v = torch.randn(B, Hk, Lk, D, generator=g)
    out, lse = run_flex(pat, q, k, v, ins, scale=scale)
    ref64, lse64 = spdsl.reference_attention(pat, q.double(), k.double(), v.double(),
                                             scale=scale, return_lse=True, **ins)
    ref32 = spdsl.reference_attention(pat, q, k, v, scale=scale, **ins)
    assert out.shape == ref64.shape and out.dtype == torch.float32

    assert_within_eager_budget(out, ref64, ref32, factor=10, metric=max_error, what="out")

    rows = torch.isfinite(lse64)
    _, lse32 = spdsl.reference_attention(pat, q, k, v, scale=scale, return_lse=True, **ins)
    assert_within_eager_budget(lse[rows], lse64[rows], lse32[rows], metric=max_error, floor=1e-4, what="lse")
    assert (out[~rows] == 0).all()
    return rows


FLEX_CASES = [
    # (name, B, H, Hk, Lq, Lk, D)
    ("sliding_window", 2, 4, 4, 256, 256, 16),
    ("sliding_window", 1, 4, 2, 200, 200, 16),   # not a multiple of 128, GQA
    ("longformer", 1, 2, 2, 256, 256, 16),
    ("bigbird", 1, 4, 4, 256, 256, 16),
    ("bigbird", 1, 3, 1, 100, 300, 16),          # Lq < Lk, multi-query
    ("documents", 2, 2, 2, 256, 256, 16),
    ("documents", 2, 2, 1, 1, 256, 16),          # decoding
    ("per_head_window", 1, 4, 4, 256, 256, 16),
    ("per_head_window", 1, 4, 2, 128, 384, 32),
    ("prefix_lm", 1, 2, 2, 256, 256, 16),
    ("alibi", 1, 4, 2, 256, 256, 16),
    ("softcap", 1, 2, 2, 200, 200, 16),
]


@pytest.mark.parametrize("case", FLEX_CASES, ids=lambda c: "{}-B{}H{}Hk{}Lq{}Lk{}D{}".format(*c))
def test_flex_attention_matches_reference(case):
    name, B, H, Hk, Lq, Lk, D = case
    rows = check_against_reference(PATTERNS[name](), B, H, Hk, Lq, Lk, D, inputs_for(name, B, Lk))
    assert rows.any()


def test_flex_attention_scale_argument():
    check_against_reference(PATTERNS["alibi"](), 1, 2, 2, 128, 128, 16, {}, scale=0.9, seed=3)


def test_flex_attention_empty_rows():
    """Rows the mask leaves empty: 0 in both, never NaN."""
    pat = spdsl.parse("pattern p { mask = k < q - 10 }")["p"]
    rows = check_against_reference(pat, 1, 2, 2, 128, 128, 16, {})
    assert not rows[..., :11].any() and rows[..., 11:].all()


# ---------------------------------------------------------------------------
# missing sizes
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("name,given,missing", [
    ("sliding_window", {}, ["Lq", "Lk"]),
    ("prefix_lm", {"H": 2}, ["Lq", "Lk"]),
    ("per_head_window", {"Lq": 8, "Lk": 8}, ["H"]),
    ("bigbird", {"Lq": 8}, ["H", "Lk"]),
    ("documents", {}, ["Lq", "Lk"]),
])
def test_missing_sizes_raise(name, given, missing):
    pat = PATTERNS[name]()
    with pytest.raises(spdsl.PatternError) as err:
        pat.to_flex_mask_mod(**given)
    message = str(err.value)
    for size in missing:
        assert size in message, message
    assert name in message and "pass" in message


def test_missing_sizes_raise_for_score_mod_and_for_documents_with_doc():
    with pytest.raises(spdsl.PatternError, match="H"):
        example("alibi").to_flex_score_mod()
    with pytest.raises(spdsl.PatternError, match="Lq"):
        example("documents").to_flex_mask_mod(doc=doc_ids(1, 16))
    with pytest.raises(spdsl.PatternError, match="doc"):
        example("documents").to_flex_mask_mod(Lq=16, Lk=16)
    with pytest.raises(spdsl.PatternError, match="shape"):
        example("documents").to_flex_mask_mod(Lq=16, Lk=16, B=1, doc=doc_ids(1, 15))


def test_flex_attention_first_thing_in_a_fresh_process():
    """The mods must trace even when nothing in the process has evaluated a pattern yet
    (no lazily built module state may be created inside the traced mod)."""
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent(f"""
        import warnings; warnings.simplefilter("ignore")
        import torch, spdsl
        from torch.nn.attention.flex_attention import flex_attention
        pat = spdsl.load({str(EXAMPLES / "softcap.spdsl")!r})["softcap"].bind(cap=1.5)
        q = torch.randn(1, 2, 128, 16, generator=torch.Generator().manual_seed(0))
        out = flex_attention(q, q, q, score_mod=pat.to_flex_score_mod())
        ref = spdsl.reference_attention(pat, q.double(), q.double(), q.double())
        torch.testing.assert_close(out.double(), ref, rtol=1e-4, atol=1e-5)
        print("ok")
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-3000:]


def test_compiled_flex_attention_takes_the_mods():
    """torch.compile(flex_attention) lowers the mods through Inductor: constants in them
    must trace (a torch.tensor literal would not)."""
    L = 256
    pat = spdsl.load(EXAMPLES / "documents.spdsl")["documents"]
    doc = torch.sort(torch.randint(0, 3, (1, L), generator=torch.Generator().manual_seed(5))).values
    block_mask = create_block_mask(pat.to_flex_mask_mod(Lq=L, Lk=L, doc=doc), 1, None, L, L, device="cpu")
    q, k, v = (torch.randn(1, 2, L, 32, generator=torch.Generator().manual_seed(i)) for i in range(3))
    out = torch.compile(flex_attention)(q, k, v, block_mask=block_mask)
    ref = spdsl.reference_attention(pat, q.double(), k.double(), v.double(), doc=doc)
    eager = spdsl.reference_attention(pat, q, k, v, doc=doc)
    assert_within_eager_budget(out, ref, eager, factor=10, metric=max_error)
