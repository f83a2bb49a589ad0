"""The block layout of each call: its sizes and pattern inputs checked, blocks classified
by the interval analysis (never an L x L mask) and packed, over the grid of the call's
permutation; kept per compiled op in a small LRU cache (:class:`LayoutCache`).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from spdsl.errors import BindError

CACHE_SIZE = 32


class LayoutCache:
    """(packed layout, kernel inputs) of an op's recent calls, the least recently used
    dropped past ``size`` entries. An entry is keyed by the call's sizes, offsets variant,
    inputs (:func:`_input_digest`), device and permutation; iterating gives the keys."""

    def __init__(self, block: tuple[int, int], size: int = CACHE_SIZE):
        self.block = block
        self.size = size
        self._entries: OrderedDict = OrderedDict()
        self._score_only: dict[bool, tuple[str, ...]] = {}   # per offsets variant

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self):
        return iter(self._entries)

    def values(self):
        """The entries, least recently used first."""
        return self._entries.values()

    def get(self, rows, int_width: str, perm, B: int, H: int, Lq: int, Lk: int, inputs: dict,
            device: str):
        """(packed layout, checked kernel inputs on ``device``) of one call of the pattern
        over rows ``rows`` (its kernels' int width ``int_width``) on the grid of ``perm``
        (None: in order); built on a miss. ``inputs`` holding ``q_offset`` marks the
        explicit-offsets variant."""
        from spdsl.ir.positions import Q_OFFSET

        explicit = Q_OFFSET in inputs
        score_only = self._score_only.get(explicit)
        if score_only is None:  # once per variant: it walks the IR
            score_only = self._score_only[explicit] = score_only_inputs(rows)
        digest = hashlib.blake2b(digest_size=16)
        for name in sorted(rows.inputs):
            digest.update(_input_digest(name, inputs[name], values=name not in score_only))
        key = (B, H, Lq, Lk, explicit, digest.hexdigest(), device, perm)
        hit = self._entries.get(key)
        if hit is not None:
            self._entries.move_to_end(key)
            if not score_only:
                return hit
            # a learnable bias changes every step: its values reach the kernels, never the layout
            sizes = rows.sizes(Lq, Lk, H, B)
            fresh = {n: kernel_input(rows.check_input(n, inputs[n], sizes)) for n in score_only}
            if device != "cpu":
                fresh = {n: t.to(device) for n, t in fresh.items()}
            return hit[0], {**hit[1], **fresh}
        packed, kernel_inputs = call_layout(rows, self.block, B, H, Lq, Lk, inputs, perm=perm)
        from spdsl.analysis.overflow import require_exact
        require_exact(rows, int_width, dict(B=B, H=H, Lq=Lq, Lk=Lk), kernel_inputs)
        if device != "cpu":
            kernel_inputs = {n: t.to(device) for n, t in kernel_inputs.items()}
        entry = (packed, kernel_inputs)
        self._entries[key] = entry
        if len(self._entries) > self.size:
            self._entries.popitem(last=False)
        return entry


def call_layout(pattern, block: tuple[int, int], B: int, H: int, Lq: int, Lk: int, inputs: dict,
                perm=None):
    """(packed layout, kernel inputs on the CPU) of one call: its sizes and pattern inputs
    checked, blocks classified by the analysis (never an L x L mask) and packed; over
    the permuted grid when ``perm`` (a ``permute.Permutation``) is given."""
    from spdsl.analysis.blocks import classify
    from spdsl.analysis.sizes import as_numpy
    from spdsl.codegen.common.layout import from_analysis

    pattern = pattern.at_rows("q_offset" in inputs)  # already over rows: itself
    sizes = pattern.sizes(Lq, Lk, H, B)
    arrays = pattern.check_inputs(sizes, inputs)
    if perm:
        from spdsl.analysis.permute import permuted_layout
        classified = permuted_layout(pattern.mask, perm, Lq=sizes.Lq, Lk=sizes.Lk, H=sizes.H,
                                     B=sizes.B, block_q=block[0], block_k=block[1])
    else:
        classified = classify(pattern.mask, Lq=sizes.Lq, Lk=sizes.Lk, H=sizes.H, B=sizes.B,
                              block_q=block[0], block_k=block[1], inputs=as_numpy(arrays))
    return from_analysis(classified), {n: kernel_input(a, n) for n, a in arrays.items()}


def kernel_input(t, name: str | None = None):
    """Pattern inputs as the kernels read them: int32 / float32, contiguous (``name``
    for the error of an int input beyond int32)."""
    import torch

    if t.dtype == torch.int64:
        if t.numel() and (int(t.max()) > 2**31 - 1 or int(t.min()) < -2**31):
            what = f"the int input '{name}'" if name else "an int input"
            raise BindError(f"{what} holds values beyond int32, which the kernels use")
        return t.to(torch.int32).contiguous()
    return t.to(torch.float32).contiguous()


def _input_digest(name: str, t, values: bool = True) -> bytes:
    """What identifies one pattern input for the layout cache: its name, dtype, shape and
    bytes (any dtype: bfloat16, bool, int8 and uint8 holding the same bytes differ);
    ``values=False``: not its bytes (:func:`score_only_inputs`)."""
    import torch

    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{name}\0{t.dtype}\0{tuple(t.shape)}\0".encode())
    if values:
        flat = t.detach().cpu().contiguous().reshape(-1)
        digest.update(flat.view(torch.uint8).numpy().tobytes())
    return digest.digest()


def score_only_inputs(rows) -> tuple[str, ...]:
    """The float inputs whose values cannot change a call's layout or its checks: read by
    the score only (the mask never reads them, no index is computed from them). The layout
    cache keys them by dtype and shape, and a hit takes their values from the call."""
    from spdsl.ir.nodes import inputs_read

    seen = set(inputs_read(rows.mask))
    for chk in rows.index_checks:
        seen |= set(inputs_read(chk.index))
    return tuple(sorted(n for n, d in rows.inputs.items()
                        if d.dtype == "float" and d.declared is None and n not in seen))
