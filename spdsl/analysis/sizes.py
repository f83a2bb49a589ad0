"""The sizes of one call and its pattern inputs as the analyses read them (a leaf module)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sizes:
    B: int
    H: int
    Lq: int
    Lk: int

    def as_dict(self) -> dict[str, int]:
        return {"B": self.B, "H": self.H, "Lq": self.Lq, "Lk": self.Lk}


def as_numpy(inputs: dict) -> dict:
    """Checked pattern inputs (CPU torch tensors) as NumPy arrays, by name."""
    return {k: v.numpy() for k, v in inputs.items()}
