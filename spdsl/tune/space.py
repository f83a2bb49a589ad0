"""A tuning search space: the knobs, their ordered candidate values, the default config,
and the moves of the search (neighbours, mutation, sampling)."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Space:
    """The knobs searched and their ordered candidate values, and the default config."""

    default: object                      # ScheduleConfig (CPU) or CudaConfig
    knobs: dict                          # name -> tuple of values (ordered: neighbours are adjacent)
    head_dim: int
    lanes: int
    check: object = field(default=None, compare=False)  # cfg -> bool, in place of the CPU rules
    v_head_dim: int | None = None        # v's head dim where it differs from head_dim

    def valid(self, cfg) -> bool:
        if self.check is not None:
            return self.check(cfg)
        try:
            cfg.with_lanes(self.lanes).check(self.head_dim, self.v_head_dim)
        except ValueError:
            return False
        dims = (self.head_dim, self.v_head_dim or self.head_dim)
        if "dim_tile" in self.knobs and any(d % cfg.dim_tile for d in dims):
            return False  # dim_tile_for would round it to another config's kernel
        # accumulators of a register tile beyond the register file spill badly: pruned
        regs = 32 if self.lanes >= 16 else 16
        for tile in ("key_tile", "dim_tile"):
            if getattr(cfg, tile, 1) * math.ceil(cfg.block_q / self.lanes) > regs:
                return False
        return True

    def neighbours(self, cfg) -> list:
        out = []
        for name, values in self.knobs.items():
            cur = getattr(cfg, name)
            i = values.index(cur) if cur in values else None
            steps = [values[j] for j in ((i - 1, i + 1) if i is not None else range(len(values)))
                     if 0 <= j < len(values)]
            out += [replace(cfg, **{name: v}) for v in steps]
        return [c for c in out if self.valid(c)]

    def mutate(self, cfg, rng: random.Random):
        names = list(self.knobs)
        for name in rng.sample(names, k=min(len(names), 1 if rng.random() < 0.6 else 2)):
            values = self.knobs[name]
            cur = getattr(cfg, name)
            if rng.random() < 0.2 or cur not in values:
                cfg = replace(cfg, **{name: rng.choice(values)})
            else:
                i = values.index(cur) + rng.choice((-1, 1))
                cfg = replace(cfg, **{name: values[min(max(i, 0), len(values) - 1)]})
        return cfg

    def sample(self, rng: random.Random):
        return replace(self.default, **{n: rng.choice(v) for n, v in self.knobs.items()})

    def size(self) -> int:
        import itertools
        names = list(self.knobs)
        return sum(self.valid(replace(self.default, **dict(zip(names, vals))))
                   for vals in itertools.product(*(self.knobs[n] for n in names)))
