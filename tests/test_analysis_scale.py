"""The analysis at scale (issue 10): ``explain`` and ``classify`` keep memory linear in the
layout's runs with fixed-size working batches, and the evaluator frees each value after
its last use.  The large cases run in a fresh process under a wall-clock and an
address-space limit that the whole-frontier analysis exceeded; each checks its numbers
against a closed form or an independent count, not just that it finished.  The small
cases run the batched code with tiny batches against the dense mask."""

import json
import textwrap

import numpy as np
import pytest

import spdsl
from conftest import run_bounded, run_cli_bounded
from spdsl.analysis import batches, blocks
from spdsl.analysis.evaluate import dense_mask
from spdsl.analysis.layout_stats import layout_stats
from spdsl.analysis.random_blocks import chosen_blocks

SMALL = 400      # MB of address space: a process that imports spdsl and numpy is ~160


def _last_json(out) -> dict:
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout[out.stdout.index("{"):])


# ---- in fresh processes, under limits -------------------------------------------------------

def test_bigbird_at_block_16_and_two_million_tokens_in_bounded_memory():
    """Was 565 MB resident (over 600 MB of address space) at 2M tokens, 2.1 GB at 4M:
    the whole frontier of regions at once.  The FULL blocks are counted independently:
    on the grid of size-64 blocks, the window, the global rows and columns and the
    chosen random blocks; each size-64 block is 4 x 4 blocks of 16."""
    L, size, block = 1 << 21, 64, 16
    out = run_cli_bounded("explain", "examples/bigbird.spdsl", "--seq", str(L), "--block", str(block),
                          "--json", seconds=90, memory_mb=SMALL)
    got = _last_json(out)
    n, per, n_qb = L // size, (size // block) ** 2, L // block
    i = np.arange(2, n)[:, None]
    cols = np.concatenate([i - 1, i, i + 1, np.broadcast_to([0, 1], (n - 2, 2)),
                           chosen_blocks(0, 3, n, 1, n)[0, 2:]], axis=1)
    cols = np.sort(np.where(cols < n, cols, -1), axis=1)
    distinct = (cols[:, 0] >= 0) + ((np.diff(cols, axis=1) != 0) & (cols[:, 1:] >= 0)).sum(1)
    true_cells = 2 * n + int(distinct.sum())        # the two global rows see every column
    assert got["full_blocks"] == true_cells * per
    assert got["partial_blocks"] == 0 and got["empty_blocks"] == n_qb * n_qb - true_cells * per
    assert got["nonzero_elements"] == true_cells * size * size and got["density_exact"]
    assert got["empty_rows"] == 0
    assert got["layout_bytes"] == 8 + 8 * (n_qb + 1) + 5 * got["full_blocks"]


def test_causal_at_64_million_tokens():
    """n = 2**20 query blocks: n (n - 1) / 2 = 5.5e11 FULL blocks and n PARTIAL ones, in a
    few hundred MB (before: 6 GB and 46 s at 1M tokens)."""
    code = textwrap.dedent("""
        import json, spdsl
        e = spdsl.parse("pattern c { mask = causal }")["c"].explain(Lq=1 << 26, block=64)
        print(json.dumps(e.to_dict()))
    """)
    got = _last_json(run_bounded(code, seconds=90, memory_mb=SMALL + 200))
    L, n = 1 << 26, 1 << 20
    nnz = n * (n + 1) // 2
    assert got["full_blocks"] == n * (n - 1) // 2 and got["partial_blocks"] == n
    assert got["empty_blocks"] == n * (n - 1) // 2
    assert got["nonzero_elements"] == L * (L + 1) // 2     # sampled, but every diagonal block is alike
    assert got["flops_forward"] == 4 * 64 * nnz * 64 * 64
    assert got["empty_rows"] == 0 and got["refined_incomplete"] == 0
    assert got["load_imbalance"] == pytest.approx(2 * n / (n + 1))
    assert got["layout_bytes"] == 8 + 8 * (n + 1) + 5 * nnz


def test_ten_thousand_lets_evaluate_in_bounded_memory(tmp_path):
    """``a0 = q - k``, ``a{i} = a{i-1} + 1``: evaluating the chain kept all 10,000
    intermediate arrays alive (over 8 GB at Lq = 1024).  The mask is ``q - k >= 2``."""
    n = 10_000
    text = "pattern lets {\n  let a0 = q - k\n" + "".join(f"  let a{i} = a{i - 1} + 1\n" for i in range(1, n)) \
        + f"  mask = a{n - 1} > {n}\n}}\n"
    path = tmp_path / "lets.spdsl"
    path.write_text(text)
    code = "import json, sys, spdsl\n" \
           "e = spdsl.load(sys.argv[1])['lets'].explain(Lq=1024)\nprint(json.dumps(e.to_dict()))"
    got = _last_json(run_bounded(code, str(path), seconds=60, memory_mb=SMALL))
    m = 1024 // 64
    assert got["full_blocks"] == (m - 1) * (m - 2) // 2 and got["partial_blocks"] == 2 * m - 1
    assert got["nonzero_elements"] == 1022 * 1023 // 2 and got["density_exact"]
    assert got["empty_rows"] == 2


def test_show_of_causal_at_16_million_tokens_reads_the_runs(tmp_path):
    """``spdsl show`` pooled one entry per block (``rows()``, ``col_idx``): 2.9 GB
    resident and 10 s at 1M tokens, out of memory at 16M (3.4e10 blocks).  Pooled from
    the runs it draws 16M in about a second.  Causal's picture is known cell by cell:
    FULL below the diagonal, PARTIAL on it, EMPTY above; the counts in closed form."""
    from PIL import Image

    L, side = 1 << 24, 2048
    n = L // 64
    pattern, png = tmp_path / "lower.spdsl", tmp_path / "lower.png"
    pattern.write_text("pattern lower { mask = causal }\n")
    out = run_cli_bounded("show", str(pattern), "--seq", str(L), "--png", str(png), seconds=60, memory_mb=SMALL)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.splitlines()
    assert lines[0] == f"lower: Lq={L} Lk={L}, block 64x64, one character = 4096x4096 blocks"
    assert lines[2:66] == ["█" * i + "▒" + "·" * (63 - i) for i in range(64)]
    assert lines[66] == f"█ FULL {n * (n - 1) // 2:,}   ▒ PARTIAL {n:,}   · EMPTY {n * (n - 1) // 2:,}   (all heads)"
    assert lines[67].endswith(f"({side}x{side} pixels, 128x128 blocks a pixel (too large for elements))")
    rgb = np.asarray(Image.open(png).convert("RGB"))
    i, j = np.indices((side, side))
    full, partial, empty = (30, 110, 40), (150, 110, 0), (255, 255, 255)
    want = np.where((j < i)[..., None], full, np.where((j == i)[..., None], partial, empty))
    assert rgb.shape == (side, side, 3) and (rgb == want).all()


# ---- in process: the batched code with tiny batches against the dense mask ----------------

def _kinds_of(mask, Lq, Lk, H, B, bq, bk, inputs=None):
    d = dense_mask(mask, Lq, Lk, H, B, inputs).numpy()
    nqb, nkb = -(-Lq // bq), -(-Lk // bk)
    pad = np.full((B, H, nqb * bq, nkb * bk), -1, np.int8)
    pad[:, :, :Lq, :Lk] = d
    cells = pad.reshape(B, H, nqb, bq, nkb, bk).transpose(0, 1, 2, 4, 3, 5).reshape(B, H, nqb, nkb, -1)
    any_t, any_f = (cells == 1).any(-1), (cells == 0).any(-1)
    return np.where(any_t & any_f, 1, np.where(any_t, 2, 0)), d


CASES = {
    "causal": ("pattern p { mask = causal }", 200, 333, {}),
    "window_rows_without_keys": ("pattern p { mask = causal and q - k > 20 and (q - k) % 3 == 0 }", 301, 301, {}),
    "bigbird": ("pattern p { mask = abs(q // 16 - k // 16) <= 1 or q < 16 or k < 32 or random_blocks(2, 16, 5) }",
                160, 200, {}),
    "per_head": ("pattern p { mask = causal and q - k < (if h < 1 then 20 else 90) }", 200, 200, {}),
    "documents": ("pattern p { input doc : int[B, Lk]\n mask = causal and doc[b, q] == doc[b, k] }", 150, 150,
                  {"doc": np.sort(np.random.default_rng(0).integers(0, 6, size=(2, 150)), axis=1)}),
    "odd": ("pattern p { mask = (q * 3 + k * 5) % 7 < 3 or q == k }", 130, 170, {}),
}


@pytest.fixture
def tiny_batches(monkeypatch):
    monkeypatch.setattr(batches, "REGIONS", 3)
    monkeypatch.setattr(batches, "BLOCKS", 5)
    monkeypatch.setattr(batches, "POINTS", 64)


@pytest.mark.parametrize("name", sorted(CASES))
def test_tiny_batches_give_the_dense_masks_layout_and_stats(name, tiny_batches):
    text, Lq, Lk, inputs = CASES[name]
    mask = spdsl.parse(text)["p"].mask
    H, B, bq, bk = 2, 2, 16, 8
    lay = blocks.classify(mask, Lq=Lq, Lk=Lk, H=H, B=B, block_q=bq, block_k=bk, inputs=inputs)
    want, dense = _kinds_of(mask, Lq, Lk, H, B, bq, bk, inputs)
    areas = np.zeros_like(want, dtype=np.int64)
    areas += (np.minimum((np.arange(want.shape[2]) + 1) * bq, Lq) - np.arange(want.shape[2]) * bq)[:, None] \
        * (np.minimum((np.arange(want.shape[3]) + 1) * bk, Lk) - np.arange(want.shape[3]) * bk)
    for b in range(B):
        for h in range(H):
            assert (lay.kinds(b, h) == want[b, h]).all(), (b, h)
            c = lay.layout(b, h)
            assert (np.diff(c.row_ptr) == (want[b, h] > 0).sum(1)).all()
            assert c.col_idx.dtype == np.int32 and c.row_ptr.dtype == np.int64
    assert lay.counts() == {"full": int((want == 2).sum()), "partial": int((want == 1).sum()),
                            "empty": int((want == 0).sum())}
    assert lay.visited_elements() == int(areas[want > 0].sum())
    assert lay.nbytes == lay.head_class.nbytes + sum(c.row_ptr.nbytes + c.col_idx.nbytes + c.full.nbytes
                                                     for c in lay.layouts)
    stats = layout_stats(mask, lay, inputs)
    assert not stats.nonzero_is_estimate and stats.nonzero == dense.sum()
    assert stats.empty_rows_is_exact and stats.empty_rows == (~dense.any(-1)).sum()
    sampled = layout_stats(mask, lay, inputs, exact_limit=0, sample_blocks=10 ** 6)
    assert sampled.nonzero == pytest.approx(dense.sum())


def test_runs_stay_few_and_compressed_rows_come_from_them(tiny_batches):
    """Causal: two runs a query block whatever its length; the compressed rows the kernels
    read are built from them on first use, in batches, as the closed form says."""
    n = 300
    mask = spdsl.parse("pattern c { mask = causal }")["c"].mask
    lay = blocks.classify(mask, Lq=n * 4, Lk=n * 4, H=1, block_q=4, block_k=4).layouts[0]
    assert lay.n_runs == 2 * n - 1 and lay.nnz == n * (n + 1) // 2 and lay.n_full == n * (n - 1) // 2
    r = np.arange(n + 1)
    assert (lay.row_ptr == r * (r + 1) // 2).all()
    rows = lay.rows()
    assert (lay.col_idx == np.arange(len(rows)) - lay.row_ptr[rows]).all()
    assert (lay.full == (lay.col_idx != rows)).all()


@pytest.mark.parametrize("name", sorted(CASES))
def test_pictures_pool_the_runs_as_the_dense_kinds(name, tiny_batches):
    """``spdsl show``'s cells, pooled from the runs a batch at a time, against the dense
    block kinds pooled cell by cell: FULL if all FULL, EMPTY if all EMPTY, else PARTIAL."""
    from spdsl.cli.show import pooled_kinds

    text, Lq, Lk, inputs = CASES[name]
    mask = spdsl.parse(text)["p"].mask
    lay = blocks.classify(mask, Lq=Lq, Lk=Lk, H=2, B=1, block_q=4, block_k=2, inputs=inputs)
    for head in range(2):
        kinds = lay.kinds(0, head)
        for fq, fk in [(1, 1), (2, 3), (3, 7), (7, 2), (64, 64), (1000, 1)]:
            cells = np.full((-(-lay.n_qb // fq), -(-lay.n_kb // fk)), -1)
            for cq in range(cells.shape[0]):
                for ck in range(cells.shape[1]):
                    cell = kinds[cq * fq:(cq + 1) * fq, ck * fk:(ck + 1) * fk]
                    cells[cq, ck] = 2 if (cell == 2).all() else 0 if (cell == 0).all() else 1
            assert (pooled_kinds(lay, head, fq, fk) == cells).all(), (head, fq, fk)
