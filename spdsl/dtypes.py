"""Tensor dtypes the kernels take, by name (a leaf module: no torch, no TVM)."""

from __future__ import annotations

DTYPES = ("float32", "float16", "bfloat16")


class DtypeError(TypeError, ValueError):
    """A dtype the kernels do not take. Both a TypeError (a wrong argument type, as torch
    says) and a ValueError (a value outside the allowed set), so either handler sees it."""


def dtype_name(dtype) -> str:
    """"float32", "float16" or "bfloat16" for a torch dtype or its name; DtypeError else."""
    name = str(dtype).replace("torch.", "")
    if name not in DTYPES:
        raise DtypeError(f"dtype must be torch.float32, torch.float16 or torch.bfloat16, got {dtype}")
    return name
