"""Knobs of the CUDA kernels, as one frozen (hashable, cache-keyable) value."""

from __future__ import annotations

from dataclasses import dataclass

SHARED_LIMIT = 48 * 1024  # static shared memory per thread block without an opt-in
ARCHS = ("sm_80", "sm_90")


@dataclass(frozen=True)
class CudaConfig:
    """How a CUDA attention kernel is tiled.

    block_q, block_k  the layout's block sizes (the BSR the kernel walks is built for them)
    warps             warps per thread block of the tensor-core forward; each warp owns
                      16 query rows, so block_q must be 16 * warps there; 0 (the
                      default): block_q / 16. The tensor-core backward follows the
                      blocks too (dQ: block_q / 16 warps, dK/dV: block_k / 16)
    kv_tile           keys staged in shared memory at a time by the fp32 (CUDA-core)
                      kernels, and queries by the tensor-core dK/dV kernel (rounded to
                      a multiple of 16); shrunk to a divisor of the block that fits
                      48 KiB when too large
    smem_pad          elements of padding per shared-memory row (bank conflicts)
    stages            K/V pipeline depth of the tensor-core forward: 2 copies the next
                      chunk of keys (cp.async) while the current one is computed; 1
                      loads, waits, computes. Its chunk is the largest multiple of 16
                      dividing block_k whose stages x (K, V) tiles fit 48 KiB
    tensor_cores      None: tensor cores for float16/bfloat16, CUDA cores for float32;
                      False forces the CUDA-core kernel for every dtype

    One thread block is one (batch, head, query block) row, taken in a host-made order
    (longest row first).
    """

    block_q: int = 64
    block_k: int = 64
    warps: int = 0
    kv_tile: int = 32
    smem_pad: int = 8
    stages: int = 2
    tensor_cores: bool | None = None

    def uses_tensor_cores(self, dtype: str) -> bool:
        if self.tensor_cores is False:
            return False
        return dtype in ("float16", "bfloat16")

    def mma_warps(self) -> int:
        return self.warps or max(1, self.block_q // 16)

    def threads(self, dtype: str) -> int:
        return 32 * self.mma_warps() if self.uses_tensor_cores(dtype) else self.block_q

    def check(self, head_dim: int, dtype: str, v_head_dim: int | None = None) -> None:
        """ValueError unless the forward kernel takes this config at ``head_dim`` (q, k)
        and ``v_head_dim`` (v, the output; default ``head_dim``) in ``dtype``."""
        dv = head_dim if v_head_dim is None else v_head_dim
        for name in ("block_q", "block_k", "kv_tile", "stages"):
            if getattr(self, name) <= 0:
                raise ValueError(f"CudaConfig.{name} must be positive")
        if self.warps < 0:
            raise ValueError("CudaConfig.warps must be 0 (block_q / 16) or positive")
        if self.stages not in (1, 2):
            raise ValueError("CudaConfig.stages must be 1 or 2")
        if self.smem_pad < 0 or self.smem_pad % 8:
            raise ValueError("CudaConfig.smem_pad must be a non-negative multiple of 8")
        if self.uses_tensor_cores(dtype):
            if self.block_q != 16 * self.mma_warps():
                raise ValueError("tensor-core kernel: block_q must be 16 * warps")
            if self.block_k % 16 or head_dim % 16:
                raise ValueError("tensor-core kernel: block_k and head_dim must be multiples of 16")
            if dv % 16:
                raise ValueError("tensor-core kernel: v_head_dim must be a multiple of 16")
            mma_chunk(self, head_dim, dv)
        else:
            if self.block_q > 1024:
                raise ValueError("CUDA-core kernel: block_q (threads) must be <= 1024")
            simt_kv_tile(self, head_dim, dv)


def _dims(head_dim: int, v_head_dim: int | None) -> str:
    same = v_head_dim is None or v_head_dim == head_dim
    return f"head_dim {head_dim}" if same else f"head_dims {head_dim} (q, k) and {v_head_dim} (v)"


def mma_chunk(cfg: CudaConfig, head_dim: int, v_head_dim: int | None = None) -> int:
    """Keys per pipelined chunk of the tensor-core forward: the largest multiple of 16
    dividing block_k whose ``stages`` K and V tiles (padded rows; V's ``v_head_dim`` wide,
    default ``head_dim``) fit 48 KiB and whose 16-byte loads spread evenly over the
    block's threads."""
    dv = head_dim if v_head_dim is None else v_head_dim
    threads = 32 * cfg.mma_warps()
    for kc in range(cfg.block_k // 16 * 16, 0, -16):
        if cfg.block_k % kc or (kc * head_dim) % (8 * threads) or (kc * dv) % (8 * threads):
            continue
        if cfg.stages * kc * (head_dim + dv + 2 * cfg.smem_pad) * 2 <= SHARED_LIMIT:
            return kc
    raise ValueError("tensor-core kernel: no chunk of keys fits 48 KiB of shared memory with "
                     f"{cfg.stages} stage(s) at {_dims(head_dim, v_head_dim)}, or spreads evenly over "
                     f"{threads} threads; lower stages or head_dim, or change block_k")


def simt_kv_tile(cfg: CudaConfig, head_dim: int, v_head_dim: int | None = None) -> int:
    """The CUDA-core kernel's keys per shared tile: the largest divisor of block_k that is
    <= kv_tile and whose fp32 K and V tiles (V ``v_head_dim`` wide) fit 48 KiB."""
    dv = head_dim if v_head_dim is None else v_head_dim
    for t in range(min(cfg.kv_tile, cfg.block_k), 0, -1):
        if cfg.block_k % t == 0 and t * (head_dim + dv) * 4 <= SHARED_LIMIT:
            return t
    raise ValueError(f"{_dims(head_dim, v_head_dim)} is too large for the CUDA-core kernel")
