"""Pictures of a pattern: block layouts as text, masks as PNG (with the block grid)."""

from __future__ import annotations

import numpy as np

CHARS = {0: "·", 1: "▒", 2: "█"}
MAX_DENSE_PIXELS = 4096 * 4096     # beyond this the PNG shows blocks, not elements
MAX_SIDE = 2048                    # pixels along the longer side of a PNG


def _pool(kinds: np.ndarray, fq: int, fk: int) -> np.ndarray:
    """Merge fq x fk blocks into one cell: FULL if all FULL, EMPTY if all EMPTY."""
    nq, nk = kinds.shape
    pq, pk = -(-nq // fq) * fq, -(-nk // fk) * fk
    full = np.full((pq, pk), 2, np.int8)
    empty = np.zeros((pq, pk), np.int8)
    full[:nq, :nk] = kinds
    empty[:nq, :nk] = kinds
    fullish = full.reshape(pq // fq, fq, pk // fk, fk)
    emptyish = empty.reshape(pq // fq, fq, pk // fk, fk)
    out = np.ones((pq // fq, pk // fk), np.int8)
    out[(fullish == 2).all(axis=(1, 3))] = 2
    out[(emptyish == 0).all(axis=(1, 3))] = 0
    return out


def ascii_layout(pattern, layout, head: int = 0, width: int = 64) -> str:
    kinds = layout.kinds(0, head)
    nq, nk = kinds.shape
    f = max(1, -(-max(nq, nk) // width))
    cells = _pool(kinds, f, f) if f > 1 else kinds
    counts = layout.counts()
    head_note = f" head {head}" if layout.H > 1 else ""
    title = (f"{pattern.name}: Lq={layout.Lq} Lk={layout.Lk}{head_note}, block {layout.block_q}x{layout.block_k}"
             + (f", one character = {f}x{f} blocks" if f > 1 else ""))
    lines = [title, "keys ->"]
    lines += ["".join(CHARS[int(c)] for c in row) for row in cells]
    lines.append(f"█ FULL {counts['full']:,}   ▒ PARTIAL {counts['partial']:,}   · EMPTY {counts['empty']:,}"
                 f"   (all heads)")
    return "\n".join(lines)


def write_png(pattern, layout, path: str, head: int = 0, inputs: dict | None = None) -> str:
    """A picture: the mask's true elements dark, FULL blocks tinted green, PARTIAL
    yellow, the block grid in grey. Element-level when the mask is small enough."""
    from PIL import Image

    kinds = layout.kinds(0, head)
    Lq, Lk, bq, bk = layout.Lq, layout.Lk, layout.block_q, layout.block_k
    if Lq * Lk <= MAX_DENSE_PIXELS:
        mask = pattern.dense_mask(Lq, Lk, H=layout.H, B=layout.B, **(inputs or {}))[0, head].numpy()
        qi = np.minimum(np.arange(Lq) // bq, kinds.shape[0] - 1)
        ki = np.minimum(np.arange(Lk) // bk, kinds.shape[1] - 1)
        block_kind = kinds[qi[:, None], ki[None, :]]
        what = "elements"
    else:
        mask = kinds > 0
        block_kind = kinds
        bq = bk = 1
        what = "blocks (too large for elements)"
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
    img.save(path)
    return f"{img.size[0]}x{img.size[1]} pixels, {what}"
