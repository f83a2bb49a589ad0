"""docs/flex.md's side-by-side table, every row run: the FlexAttention column through
``flex_attention`` (eager, float32), the spdsl column through ``spdsl.reference_attention``
(float64) on the same tensors; the outputs must agree. FlexAttention has no backward on
the CPU, so the gradients of q, k and v are checked against autograd through the
FlexAttention mods applied densely in float64 (what its math reference does)."""

from __future__ import annotations

import pathlib
import re

import pytest

torch = pytest.importorskip("torch")
flex = pytest.importorskip("torch.nn.attention.flex_attention")

import spdsl  # noqa: E402

DOC = pathlib.Path(__file__).resolve().parent.parent / "docs" / "flex.md"
B, H, HK, L, D = 2, 4, 2, 100, 16   # L = 100: the relative-position row reads rel[q - k + 99]

pytestmark = pytest.mark.filterwarnings("ignore:.*flex_attention called without torch.compile")


def table_rows() -> list[tuple[str, list[str]]]:
    """(FlexAttention lambda, spdsl lines) of each table row whose first cell is a lambda."""
    rows = []
    for line in DOC.read_text().splitlines():
        if not line.startswith("| `lambda"):
            continue
        cells = [c.replace("\0", "|").strip() for c in line.replace(r"\|", "\0").strip("|").split("|")]
        flex_code = re.findall(r"`([^`]*)`", cells[0])
        spdsl_lines = re.findall(r"`([^`]*)`", cells[1])
        assert len(flex_code) == 1 and spdsl_lines, line
        rows.append((flex_code[0], spdsl_lines))
    return rows


ROWS = table_rows()


def captured() -> dict:
    """The tensors the rows capture, one set for every row."""
    g = torch.Generator().manual_seed(7)
    doc = torch.sort(torch.randint(0, 4, (B, L), generator=g), dim=1).values
    keep = torch.rand(B, L, generator=g) > 0.3
    keep[:, 0] = True
    return {
        "prefix": torch.tensor([17, 60]),
        "doc": doc,
        "window": torch.tensor([0, 3, 10, 40]),
        "keep": keep,
        "n": torch.tensor(37),
        "slope": torch.rand(H, generator=g),
        "head_offset": torch.rand(H, generator=g) + 0.5,
        "gate": torch.randn(H, generator=g),
        "bias": torch.randn(H, L, L, generator=g),
        "rel": torch.randn(2 * L - 1, generator=g),
        "rel_h": torch.randn(H, 17, generator=g),
    }


def dense_from_mods(fn, is_score: bool, q, k, v):
    """Attention with a FlexAttention mod applied on the whole (b, h, q_idx, kv_idx) grid."""
    k, v = (t.repeat_interleave(H // HK, dim=1) for t in (k, v))
    b, h, qi, ki = (torch.arange(n).view(*[-1 if i == d else 1 for i in range(4)])
                    for d, n in enumerate((B, H, L, L)))
    scores = q @ k.transpose(-1, -2) * D ** -0.5
    if is_score:
        scores = fn(scores, b, h, qi, ki)
    else:
        scores = scores.masked_fill(~fn(b, h, qi, ki).expand_as(scores), float("-inf"))
    probs = torch.softmax(scores, dim=-1).nan_to_num(0.0)  # rows without keys: 0
    return probs @ v


def test_the_table_has_its_rows():
    assert len(ROWS) >= 25
    assert sum(code.startswith("lambda score") for code, _ in ROWS) >= 10


@pytest.mark.parametrize("flex_code,spdsl_lines", ROWS, ids=[" ; ".join(r[1]) for r in ROWS])
def test_row(flex_code, spdsl_lines):
    tensors = captured()
    fn = eval(flex_code, {"torch": torch, **tensors})  # noqa: S307 (our own doc)
    pattern = spdsl.parse("pattern p {\n" + "\n".join(spdsl_lines) + "\n}\n")["p"]
    ins = {name: tensors[name] for name in pattern.inputs}

    g = torch.Generator().manual_seed(len(flex_code))
    q = torch.randn(B, H, L, D, generator=g)
    k = torch.randn(B, HK, L, D, generator=g)
    v = torch.randn(B, HK, L, D, generator=g)
    dout = torch.randn(B, H, L, D, generator=g)

    is_score = flex_code.startswith("lambda score")
    if is_score:
        out = flex.flex_attention(q, k, v, score_mod=fn, enable_gqa=True)
    else:
        mask = flex.create_block_mask(fn, B, H, L, L, device="cpu")
        out = flex.flex_attention(q, k, v, block_mask=mask, enable_gqa=True)

    rq, rk, rv = (t.double().requires_grad_() for t in (q, k, v))
    ref = spdsl.reference_attention(pattern, rq, rk, rv, **ins)
    ref.backward(dout.double())
    torch.testing.assert_close(out.double(), ref.detach(), atol=2e-4, rtol=1e-3)

    fq, fk, fv = (t.double().requires_grad_() for t in (q, k, v))
    as64 = {n: t.double() if t.is_floating_point() else t for n, t in tensors.items()}
    fn64 = eval(flex_code, {"torch": torch, **as64})  # noqa: S307
    dense_from_mods(fn64, is_score, fq, fk, fv).backward(dout.double())
    for name, got, want in (("dq", fq, rq), ("dk", fk, rk), ("dv", fv, rv)):
        torch.testing.assert_close(got.grad, want.grad, atol=1e-9, rtol=1e-7,
                                   msg=lambda m, n=name: f"{n}: {m}")
