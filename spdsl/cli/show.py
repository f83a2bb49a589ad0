"""Pictures of a pattern: block layouts as text, masks as PNG (with the block grid).

Both are drawn from the layout's runs (spdsl/analysis/block_layout.py) pooled into at
most ``width`` or MAX_SIDE cells a side, never from a dense block grid nor from one entry
per block, so that their memory follows the runs and the picture, whatever the length.
"""

from __future__ import annotations

import os

import numpy as np

CHARS = {0: "·", 1: "▒", 2: "█"}
MAX_DENSE_PIXELS = 4096 * 4096     # beyond this the PNG shows blocks, not elements
MAX_SIDE = 2048                    # pixels along the longer side of a PNG
MAX_WIDTH = 1024                   # characters across, at most
_POINTS = 1 << 18                  # mask elements evaluated at once for a PNG
PNG_SUFFIXES = (".png",)


class PictureError(ValueError):
    """A picture cannot be written where asked (the message says why, in one line)."""


def pooled_kinds(layout, head: int, fq: int, fk: int) -> np.ndarray:
    """int8 [ceil(n_qb / fq), ceil(n_kb / fk)]: each cell merges fq x fk blocks of
    (batch 0, ``head``): FULL (2) if all FULL, EMPTY (0) if all EMPTY, else PARTIAL (1).
    Counted from the layout's runs, a batch at a time: memory follows the runs and the
    number of cells, never the number of blocks."""
    lay = layout.layout(0, head)
    nq, nk = layout.n_qb, layout.n_kb
    cq, ck = -(-nq // fq), -(-nk // fk)
    nonzero = np.zeros((cq, ck + 1), np.int64)      # per-row differences: see _add_runs
    full = np.zeros((cq, ck + 1), np.int64)
    for r0, r1 in lay.row_chunks():
        qb, kb, width, is_full = lay.runs(r0, r1)
        _add_runs(nonzero, qb // fq, kb, width, fk)
        _add_runs(full, qb[is_full] // fq, kb[is_full], width[is_full], fk)
    nonzero = np.cumsum(nonzero, axis=1)[:, :ck]
    full = np.cumsum(full, axis=1)[:, :ck]
    rows = np.minimum(fq, nq - np.arange(cq, dtype=np.int64) * fq)
    cols = np.minimum(fk, nk - np.arange(ck, dtype=np.int64) * fk)
    out = np.ones((cq, ck), np.int8)
    out[full == np.outer(rows, cols)] = 2
    out[nonzero == 0] = 0
    return out


def _add_runs(steps: np.ndarray, row, kb, width, fk: int) -> None:
    """Add runs of key blocks [kb, kb + width) in cell rows ``row`` to ``steps``, whose
    cumulative sum along each row is the blocks per cell of ``fk`` key blocks.  A run
    puts ``head`` blocks in its first cell, ``fk`` in each cell between, ``tail`` in its
    last: four steps, whatever its width."""
    kb = kb.astype(np.int64)
    end = kb + width.astype(np.int64)                # one past the run's last key block
    c0, c1 = kb // fk, (end - 1) // fk
    head = np.minimum((c0 + 1) * fk, end) - kb
    inner = np.where(c1 > c0, fk, 0)
    tail = np.where(c1 > c0, end - c1 * fk, 0)
    flat, base = steps.reshape(-1), row.astype(np.int64) * steps.shape[1]
    for col, value in ((c0, head), (c0 + 1, inner - head), (c1, tail - inner), (c1 + 1, -tail)):
        np.add.at(flat, base + col, value)


def ascii_layout(pattern, layout, head: int = 0, width: int = 64) -> str:
    nq, nk = layout.n_qb, layout.n_kb
    f = max(1, -(-max(nq, nk) // width))
    cells = pooled_kinds(layout, head, f, f)
    counts = layout.counts()
    head_note = f" head {head}" if layout.H > 1 else ""
    title = (f"{pattern.name}: Lq={layout.Lq} Lk={layout.Lk}{head_note}, block {layout.block_q}x{layout.block_k}"
             + (f", one character = {f}x{f} blocks" if f > 1 else ""))
    lines = [title, "keys ->"]
    lines += ["".join(CHARS[int(c)] for c in row) for row in cells]
    lines.append(f"█ FULL {counts['full']:,}   ▒ PARTIAL {counts['partial']:,}   · EMPTY {counts['empty']:,}"
                 f"   (all heads)")
    return "\n".join(lines)


def check_png_path(path: str) -> None:
    """Refuse, before any work, a PNG path that cannot be written: a wrong suffix, a
    folder, a missing or read-only parent folder."""
    if os.path.isdir(path):
        raise PictureError(f"--png {path} is a folder; name a file such as {os.path.join(path, 'mask.png')}")
    if not path.lower().endswith(PNG_SUFFIXES):
        raise PictureError(f"--png {path}: the file name must end in .png")
    parent = os.path.dirname(path) or "."
    if not os.path.isdir(parent):
        raise PictureError(f"--png {path}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise PictureError(f"--png {path}: not writable")


def head_mask(pattern, layout, head: int, inputs) -> np.ndarray:
    """The mask of (batch 0, ``head``) as bool [Lq, Lk], evaluated a chunk of rows at a time."""
    from spdsl.analysis.evaluate import evaluate_points
    from spdsl.analysis.sizes import as_numpy

    sizes = pattern.sizes(layout.Lq, layout.Lk, layout.H, layout.B)
    inputs = dict(inputs or {})
    q_offset, kv_offset = inputs.pop("q_offset", None), inputs.pop("kv_offset", None)
    pattern, arrays = pattern.rows_and_inputs(sizes, inputs, q_offset, kv_offset)
    arrays = as_numpy(arrays)
    Lq, Lk = layout.Lq, layout.Lk
    out = np.empty((Lq, Lk), bool)
    step = max(1, _POINTS // Lk)
    tables: dict = {}
    for q0 in range(0, Lq, step):
        q1 = min(Lq, q0 + step)
        q = np.repeat(np.arange(q0, q1, dtype=np.int64), Lk)
        k = np.tile(np.arange(Lk, dtype=np.int64), q1 - q0)
        zero = np.zeros(len(q), np.int64)
        out[q0:q1] = evaluate_points(pattern.mask, zero, zero + head, q, k, sizes.as_dict(), arrays,
                                     random_tables=tables).reshape(q1 - q0, Lk)
    return out


def write_png(pattern, layout, path: str, head: int = 0, inputs: dict | None = None) -> str:
    """A picture: the mask's true elements dark, FULL blocks tinted green, PARTIAL
    yellow, the block grid in grey. Element-level when the mask is small enough."""
    from PIL import Image

    check_png_path(path)
    Lq, Lk, bq, bk = layout.Lq, layout.Lk, layout.block_q, layout.block_k
    if Lq * Lk <= MAX_DENSE_PIXELS:
        kinds = pooled_kinds(layout, head, 1, 1)
        mask = head_mask(pattern, layout, head, inputs)
        qi = np.minimum(np.arange(Lq) // bq, kinds.shape[0] - 1)
        ki = np.minimum(np.arange(Lk) // bk, kinds.shape[1] - 1)
        block_kind = kinds[qi[:, None], ki[None, :]]
        what = "elements"
    else:
        f = max(1, -(-max(layout.n_qb, layout.n_kb) // MAX_SIDE))
        block_kind = pooled_kinds(layout, head, f, f)
        mask = block_kind > 0
        bq = bk = 1
        what = "blocks (too large for elements)" if f == 1 else f"{f}x{f} blocks a pixel (too large for elements)"
    rgb = np.full(mask.shape + (3,), 255, np.uint8)
    rgb[block_kind == 2] = (222, 245, 222)
    rgb[block_kind == 1] = (252, 242, 200)
    rgb[mask & (block_kind == 2)] = (30, 110, 40)
    rgb[mask & (block_kind == 1)] = (150, 110, 0)
    rgb[mask & (block_kind == 0)] = (220, 0, 0)   # would be a classifier bug: shout in red
    scale = max(1, MAX_SIDE // max(mask.shape)) if max(mask.shape) < 512 else 1
    if scale > 1:
        rgb = rgb.repeat(scale, 0).repeat(scale, 1)
    if bq * scale >= 4:
        rgb[:: bq * scale, :] = (160, 160, 160)
    if bk * scale >= 4:
        rgb[:, :: bk * scale] = (160, 160, 160)
    img = Image.fromarray(rgb, "RGB")
    side = max(img.size)
    if side > MAX_SIDE:
        ratio = MAX_SIDE / side
        img = img.resize((max(1, int(img.size[0] * ratio)), max(1, int(img.size[1] * ratio))), Image.NEAREST)
    _save(img, path)
    return f"{img.size[0]}x{img.size[1]} pixels, {what}"


def _save(img, path: str) -> None:
    """Write next to ``path`` and rename: a full device leaves no half-written PNG."""
    import tempfile

    parent = os.path.dirname(path) or "."
    try:
        fd, tmp = tempfile.mkstemp(prefix=".spdsl-", suffix=".png", dir=parent)
    except OSError as e:
        raise PictureError(f"cannot write {path}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            img.save(f, format="PNG")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as e:
        raise PictureError(f"cannot write {path}: {e.strerror or e}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
