"""Schedule knobs of the CPU kernels, as one frozen (hashable, cache-keyable) value."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class ScheduleConfig:
    """How a CPU attention kernel is tiled.

    block_q, block_k   the layout's block sizes (the BSR the kernel walks is built for them)
    key_tile           keys per register tile of S^T = K Q^T (accumulators: key_tile x
                       block_q / lanes vector registers; about 16-24 is the sweet spot)
    dim_tile           head-dim rows per register tile of O^T += V^T P^T (same count)
    bwd_key_tile       rows per fused S / dP register tile of the backward kernels (two
                       products share the loop, so half of key_tile keeps ~16 registers)
    lanes              the target's float32 vector lanes (0: filled in from the target at
                       build time). The kernels vectorise whole block rows (block_q or
                       block_k floats) and LLVM splits them into registers of this
                       width, so block sizes should be multiples of it; it is part of
                       the config so that a cache key changes with the target.
    products           how bfloat16 kernels multiply blocks: "dpbf16" (AVX512-BF16
                       vdpbf16ps: bfloat16 pairs, float32 sums), "fp32" (convert to
                       float32, FMAs); "" is filled in from the target at build time
                       ("dpbf16" where it has avx512bf16). float32 and float16 kernels
                       always use "fp32" products, and so does the learnable-inputs
                       backward.

    One parallel task is one (batch, head, query block) row (dK/dV: one key block).
    """

    block_q: int = 64
    block_k: int = 64
    key_tile: int = 4
    dim_tile: int = 4
    bwd_key_tile: int = 2
    lanes: int = 0
    products: str = ""

    def with_lanes(self, lanes: int) -> "ScheduleConfig":
        return self if self.lanes else replace(self, lanes=lanes)

    def with_products(self, products: str) -> "ScheduleConfig":
        return self if self.products else replace(self, products=products)

    def check(self, head_dim: int, v_head_dim: int | None = None) -> None:
        """ValueError unless the kernels can take this config at ``head_dim`` (q, k) and
        ``v_head_dim`` (v, the output; default ``head_dim``)."""
        for name in ("block_q", "block_k", "key_tile", "dim_tile", "bwd_key_tile"):
            if getattr(self, name) <= 0:
                raise ValueError(f"ScheduleConfig.{name} must be positive")
        if self.products not in PRODUCTS:
            raise ValueError(f"ScheduleConfig.products must be one of {PRODUCTS}, not {self.products!r}")
        if self.block_k % self.key_tile:
            raise ValueError("ScheduleConfig.key_tile must divide block_k")
        if self.block_k % self.bwd_key_tile or self.block_q % self.bwd_key_tile:
            raise ValueError("ScheduleConfig.bwd_key_tile must divide block_q and block_k")
        # The kernels keep their tiles on the thread's stack (TVM's pool threads have a few
        # MiB): head_dim 16384 at block 64 overflowed it (SIGSEGV). Each kernel holds at most
        # about three head_dim x block tiles and two block x block tiles of float32 (the
        # larger of the two head dims counted for every tile: an upper bound).
        dim = head_dim if v_head_dim is None else max(head_dim, v_head_dim)
        side = max(self.block_q, self.block_k)
        stack = 4 * (3 * dim * side + 2 * self.block_q * self.block_k)
        if stack > STACK_BYTES:
            dims = f"head_dim {head_dim}" if dim == head_dim else f"v_head_dim {v_head_dim}"
            raise ValueError(f"{dims} with blocks {self.block_q}x{self.block_k} needs "
                             f"{stack >> 20} MiB of stack tiles in the CPU kernels (at most "
                             f"{STACK_BYTES >> 20} MiB): use a smaller head_dim or block")


STACK_BYTES = 4 << 20
PRODUCTS = ("", "fp32", "dpbf16")


def dim_tile_for(head_dim: int, wanted: int) -> int:
    """The largest tile <= wanted that divides head_dim (head_dim 80 with 4 gives 4)."""
    for t in range(min(wanted, head_dim), 0, -1):
        if head_dim % t == 0:
            return t
    return 1
