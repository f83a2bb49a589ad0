"""The autotuner: search a target's schedule knobs, measure on the real device, keep
every trial in the tuning database (spdsl/tune/db.py).

    res = spdsl.tune.tune(pat, seq=8192, heads=8, head_dim=64, dtype=torch.float32)
    print(res.summary())                 # default vs tuned, the trials table
    attn = spdsl.compile(pat, head_dim=64, config=res.best_config)

Why not MetaSchedule: see docs/tuning.md (it cannot sample a loop with data-dependent
bounds, and segfaults as installed). The search is an evolutionary walk over the knobs of
:class:`~spdsl.codegen.schedule.ScheduleConfig`, measured in batches that always include
the default config as a control, and a successive-halving race of the best few at the end:

1. generation 0: the default config and its neighbours (one knob one step away);
2. each later generation: mutations (one or two knobs moved one step, now and then a
   random value) of configs picked by tournament among the best measured so far, plus a
   random config for exploration; never a config seen before, never a full grid;
3. every candidate is built, checked against the float64 reference on a small odd shape
   (a build error or a wrong result is a failed trial, recorded and never chosen), then
   timed in interleaved rounds with the default (the machine is noisy: a candidate is
   ranked by its median time over the default's median in the same rounds);
4. the top few race the default in successive-halving rounds (each stage doubles the
   rounds and keeps the better half); the winner is the tuned config, unless it beats
   the default by less than MARGIN (noise: the default stays).
"""

from __future__ import annotations

import logging
import math
import random
import statistics
import time
import uuid
from dataclasses import asdict, dataclass, field, fields, replace

from spdsl.tune.db import Bucket, TuningDB, signature_id
from spdsl.tune.measure import LocalMeasurer, Progress, random_inputs
from spdsl.tune.space import Space

log = logging.getLogger("spdsl.tune")

DEFAULT_BUDGET_S = 150.0     # keeps one kernel's tuning under 3 minutes on a 2-core machine
GENERATION = 6               # candidates built and timed per batch
SCREEN_ROUNDS = 3            # interleaved timing rounds of a batch
RACE_SIZE = 4                # configs in the final successive-halving race
RACE_ROUNDS = 3              # rounds of its first stage (doubled each stage)
SEARCH_SHARE = 0.8           # share of the budget for the search; the rest for the race
MARGIN = 0.02                # a tuned config must beat the default by this much (noise)


# ---- the search space ------------------------------------------------------------------------

# Candidate values of the CPU knobs; a knob that ScheduleConfig does not have is skipped, a
# boolean knob this table does not name is tried both ways, any other unknown knob keeps its
# default. bwd_key_tile is not searched: the tuner times the forward kernel. products (how
# bfloat16 blocks are multiplied) is searched for bfloat16 only, on a CPU that has a choice.
CPU_KNOBS = {
    "block_q": (16, 32, 64, 128),
    "block_k": (16, 32, 64, 128),
    "key_tile": (1, 2, 4, 8),
    "dim_tile": (1, 2, 4, 8),
}
FIXED = {"lanes", "bwd_key_tile", "products"}
BF16_PRODUCTS = ("fp32", "dpbf16")


def default_config(pattern, block: tuple[int, int] | None = None):
    """The config spdsl.compile uses without a tuned one: the defaults with the pattern's
    block hint (or ``block``)."""
    from spdsl.codegen.cpu.schedule import ScheduleConfig

    cfg = ScheduleConfig()
    block = block or pattern.block_hint
    if block is not None:
        cfg = replace(cfg, block_q=block[0], block_k=block[1])
    return cfg


def search_space(pattern, head_dim: int, *, lanes: int | None = None, allow_block_override: bool = False,
                 block: tuple[int, int] | None = None, target: str = "cpu",
                 v_head_dim: int | None = None, dtype=None) -> Space:
    """The knobs of ``target`` to search for ``pattern``. The pattern's ``block`` hint
    fixes block_q and block_k unless ``allow_block_override``; ``block`` fixes them always.
    ``v_head_dim``: v's head dim where it differs (dim_tile must divide both). ``dtype``
    bfloat16 on a CPU with AVX512-BF16 adds ``products`` ("fp32" or "dpbf16"; the default
    config takes the target's choice)."""
    from spdsl.codegen.cpu.schedule import ScheduleConfig

    if target != "cpu":
        raise ValueError(f"no search space for target '{target}' yet (cpu only)")
    if lanes is None:
        from spdsl.codegen.cpu.target import vector_lanes
        lanes = vector_lanes(None)
    default = default_config(pattern, block)
    fixed_blocks = block is not None or (pattern.block_hint is not None and not allow_block_override)
    knobs = {}
    for f in fields(ScheduleConfig):
        if f.name in FIXED:
            continue
        if f.name in ("block_q", "block_k") and fixed_blocks:
            continue
        if f.name in CPU_KNOBS:
            values = CPU_KNOBS[f.name]
            if f.name in ("block_q", "block_k"):
                values = tuple(v for v in values if v % lanes == 0 or v == getattr(default, f.name))
            if f.name == "dim_tile":
                values = tuple(v for v in values if head_dim % v == 0 and (v_head_dim or head_dim) % v == 0)
            current = getattr(default, f.name)
            knobs[f.name] = tuple(sorted(set(values) | {current}))
        elif isinstance(getattr(default, f.name), bool):
            knobs[f.name] = (False, True)
    if dtype is not None and "bfloat16" in str(dtype):
        from spdsl.codegen.cpu.target import bf16_products

        chosen = bf16_products(None)
        if chosen != "fp32":
            default = replace(default, products=chosen)
            knobs["products"] = BF16_PRODUCTS
    return Space(default, knobs, head_dim, lanes, v_head_dim=v_head_dim)


# ---- results -----------------------------------------------------------------------------------

@dataclass
class Trial:
    config: object
    ok: bool = False
    error: str | None = None
    time_ms: float | None = None          # median of its timings
    default_ms: float | None = None       # the default's median in the same rounds
    build_s: float = 0.0
    stage: str = "screen"
    samples: list = field(default_factory=list, repr=False)

    @property
    def ratio(self) -> float:
        """time / default time in the same rounds (lower is better; inf when failed)."""
        if not self.ok or self.time_ms is None:
            return math.inf
        return self.time_ms / self.default_ms if self.default_ms else self.time_ms


@dataclass
class TuneResult:
    pattern: str
    target: str
    signature: str
    bucket: str
    shape: dict
    default_config: object
    default_ms: float | None
    best_config: object
    best_ms: float | None
    trials: list
    seconds: float
    db_path: str | None

    @property
    def speedup(self) -> float | None:
        if not self.default_ms or not self.best_ms:
            return None
        return self.default_ms / self.best_ms

    def to_dict(self) -> dict:
        return {"pattern": self.pattern, "target": self.target, "signature": self.signature,
                "bucket": self.bucket, "shape": self.shape, "default_config": asdict(self.default_config),
                "default_ms": self.default_ms, "best_config": asdict(self.best_config), "best_ms": self.best_ms,
                "speedup": self.speedup, "seconds": round(self.seconds, 2), "db": self.db_path,
                "trials": [{"config": asdict(t.config), "ok": t.ok, "error": t.error, "time_ms": t.time_ms,
                            "default_ms": t.default_ms, "stage": t.stage, "build_s": round(t.build_s, 3)}
                           for t in self.trials]}

    def table(self) -> str:
        names = [n for n in asdict(self.default_config) if n != "lanes"]
        head = " ".join(f"{n:>12s}" for n in names) + f" {'ms':>10s} {'vs default':>10s}  stage"
        rows = [head]
        for t in sorted(self.trials, key=lambda t: (t.ratio, t.stage != "final")):
            cells = " ".join(f"{getattr(t.config, n)!s:>12s}" for n in names)
            if t.ok:
                rel = f"{1 / t.ratio:9.2f}x" if t.default_ms else ""
                rows.append(f"{cells} {t.time_ms:10.3f} {rel:>10s}  {t.stage}")
            else:
                rows.append(f"{cells} {'failed':>10s} {'':>10s}  {(t.error or '')[:60]}")
        return "\n".join(rows)

    def summary(self) -> str:
        def cfg(c):
            return " ".join(f"{k}={v}" for k, v in asdict(c).items() if k != "lanes")
        n_failed = sum(not t.ok for t in self.trials)
        lines = [f"tuned {self.pattern} ({self.signature.split('/', 1)[1]}, bucket {self.bucket}) on {self.target}",
                 f"  {len({_ckey(t.config) for t in self.trials})} configs tried ({n_failed} failed) in {self.seconds:.0f} s",
                 f"  default  {_ms(self.default_ms)}  {cfg(self.default_config)}",
                 f"  tuned    {_ms(self.best_ms)}  {cfg(self.best_config)}"]
        if self.speedup:
            lines.append(f"  speedup  {self.speedup:.2f}x (same-run medians)")
        return "\n".join(lines)


def _ms(v) -> str:
    return f"{v:9.3f} ms" if v is not None else "   failed   "


def _ckey(cfg) -> tuple:
    return tuple(sorted(asdict(cfg).items()))


# ---- the search --------------------------------------------------------------------------------

def tune(pattern, *, seq, heads: int, head_dim: int, dtype=None, batch: int = 1, trials: int = 32,
         budget: float | None = None, inputs: dict | None = None, rpc: str | None = None,
         progress: bool = True, allow_block_override: bool = False, block: tuple[int, int] | None = None,
         db: TuningDB | None = None, seed: int = 0, measurer=None, device: str = "cpu",
         v_head_dim: int | None = None) -> TuneResult:
    """Tune ``pattern``'s kernel for ``device`` ("cpu", or "cuda": the local GPU, timing
    forward + backward, see ``cuda.py``) at one shape; every trial goes to the
    tuning database.

    ``seq``: Lq = Lk, or a pair (Lq, Lk). ``trials``: configs to build and measure at
    most; ``budget``: seconds at most (None: DEFAULT_BUDGET_S; math.inf: none).
    ``inputs``: the pattern's runtime inputs at this shape (random ones when None).
    ``rpc``: "HOST:PORT:KEY" of a TVM RPC tracker: build here, measure on its servers.
    The pattern's ``block`` hint fixes the block sizes unless ``allow_block_override``;
    ``block=(bq, bk)`` fixes them to these. ``db``: the database (default TuningDB()).
    ``measurer``: an object with ``target``, ``prepare(config) -> handle`` (raises on a
    failure), ``measure(handles, rounds, rng) -> seconds per handle per round`` and
    ``close()``, in place of the built-in ones (another device, or a test).
    ``v_head_dim``: v's head dim where it differs from ``head_dim`` (a kernel of its own,
    tuned and recorded under its own signature).

    >>> res = tune(pat, seq=8192, heads=8, head_dim=64, dtype=torch.float32, trials=16)
    >>> res.best_config, res.speedup
    """
    import torch

    from spdsl.dtypes import dtype_name

    start = time.perf_counter()
    dtype = dtype or torch.float32
    dtype = getattr(torch, dtype_name(dtype))
    budget = DEFAULT_BUDGET_S if budget is None else float(budget)
    pattern.require_bound()
    if v_head_dim == head_dim:
        v_head_dim = None
    Lq, Lk = (seq, seq) if isinstance(seq, int) else tuple(seq)
    if inputs is None:
        inputs = random_inputs(pattern, batch, heads, Lq, Lk, seed)
    inputs = {n: torch.as_tensor(t) for n, t in inputs.items()}
    db = db or TuningDB()
    rng = random.Random(seed)
    if device not in ("cpu", "cuda"):
        raise ValueError(f"device '{device}' is not supported; use 'cpu' or 'cuda'")
    if device == "cuda":
        from spdsl.tune.cuda import CudaMeasurer, cuda_search_space
        if rpc:
            raise ValueError("RPC measurement is for CPU targets; tune CUDA kernels on the GPU's machine")
        space = cuda_search_space(pattern, head_dim, dtype, allow_block_override=allow_block_override,
                                  block=block, v_head_dim=v_head_dim)
    else:
        space = search_space(pattern, head_dim, allow_block_override=allow_block_override, block=block,
                             v_head_dim=v_head_dim, dtype=dtype)
    dims = dict(head_dim=head_dim, v_head_dim=v_head_dim)
    if measurer is not None:
        meas = measurer
    elif device == "cuda":
        meas = CudaMeasurer(pattern, B=batch, H=heads, Lq=Lq, Lk=Lk, dtype=dtype, inputs=inputs, **dims)
    elif rpc:
        from spdsl.tune.rpc import RPCMeasurer
        # no RPC step may outlast the budget (a silent server or tracker)
        step = min(60.0, budget) if math.isfinite(budget) else 60.0
        meas = RPCMeasurer(rpc, pattern, B=batch, H=heads, Lq=Lq, Lk=Lk, dtype=dtype,
                           inputs=inputs, timeout=step, connect_timeout=min(10.0, step), **dims)
    else:
        meas = LocalMeasurer(pattern, B=batch, H=heads, Lq=Lq, Lk=Lk, dtype=dtype, inputs=inputs, **dims)
    shape = {"B": batch, "H": heads, "Lq": Lq, "Lk": Lk, "D": head_dim}
    if v_head_dim is not None:
        shape["Dv"] = v_head_dim
    run = _Run(pattern, space, meas, db, rng, trials, budget, start, dtype,
               shape=shape,
               bucket=Bucket.of(Lq, Lk, heads), progress=Progress(trials, progress))
    try:
        return run.go()
    finally:
        run.progress.close()
        meas.close()


class _Run:
    """State of one tuning run (see the module docstring for the algorithm)."""

    def __init__(self, pattern, space, meas, db, rng, trials, budget, start, dtype, shape, bucket, progress):
        self.pattern, self.space, self.meas, self.db, self.rng = pattern, space, meas, db, rng
        self.max_trials, self.budget, self.start, self.dtype = trials, budget, start, dtype
        self.shape, self.bucket, self.progress = shape, bucket, progress
        self.signature = signature_id(pattern, dtype, space.head_dim, space.v_head_dim)
        self.run_id = uuid.uuid4().hex
        self.seen: dict = {}          # config key -> Trial (screening)
        self.trials: list = []
        self.handles: dict = {}       # config key -> measurer handle
        self.default = space.default

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def go(self) -> TuneResult:
        first = [self.default] + self.space.neighbours(self.default)
        self.rng.shuffle(first[1:])
        queue = first
        while len(self.seen) < self.max_trials and self.elapsed() < SEARCH_SHARE * self.budget:
            room = self.max_trials - len(self.seen)
            batch = self._fresh(queue, min(GENERATION, room))
            queue = [c for c in queue if _ckey(c) not in self.seen and c not in batch]
            if not batch:
                batch = self._offspring(min(GENERATION, room))
            if not batch:
                break  # the space is exhausted
            self._screen(batch)
        best = self._race() or self.default
        best_ms = self._final_ms(best)
        default_ms = self._default_ms_for(best) if best is not self.default else None
        default_ms = default_ms or self._final_ms(self.default)
        return TuneResult(self.pattern.name, self.meas.target, self.signature, self.bucket.id, self.shape,
                          self.default, default_ms, best, best_ms, self.trials, self.elapsed(),
                          str(self.db.path))

    # -- candidates --

    def _fresh(self, configs, n) -> list:
        out, keys = [], set()
        for c in configs:
            k = _ckey(c)
            if k not in self.seen and k not in keys and self.space.valid(c):
                out.append(c)
                keys.add(k)
            if len(out) == n:
                break
        return out

    def _offspring(self, n) -> list:
        ranked = sorted((t for t in self.seen.values() if t.ok), key=lambda t: t.ratio)
        elite = ranked[:max(2, len(ranked) // 3)] or [Trial(self.default)]
        out, keys = [], set()
        for _ in range(200 * n):
            if len(out) == n:
                break
            if len(out) == n - 1 and n > 2 and self.rng.random() < 0.5:
                cand = self.space.sample(self.rng)           # exploration
            else:
                a, b = self.rng.choice(elite), self.rng.choice(elite)
                parent = a if a.ratio <= b.ratio else b      # tournament of two
                cand = self.space.mutate(parent.config, self.rng)
            k = _ckey(cand)
            if k in self.seen or k in keys or not self.space.valid(cand):
                continue
            out.append(cand)
            keys.add(k)
        return out

    # -- build, check, time --

    def _prepare(self, batch) -> list:
        """Build and check a batch (a measurer may do it in parallel); failures become
        failed trials."""
        t = time.perf_counter()
        if hasattr(self.meas, "prepare_many"):
            handles = self.meas.prepare_many(batch)
        else:
            handles = []
            for n, cfg in enumerate(batch):
                if n and self.elapsed() > SEARCH_SHARE * self.budget:
                    batch = batch[:n]  # out of time: the rest were never tried
                    break
                try:
                    handles.append(self.meas.prepare(cfg))
                except Exception as e:  # a config that does not build or computes garbage
                    handles.append(e)
        per = (time.perf_counter() - t) / max(len(batch), 1)
        trials = []
        for cfg, h in zip(batch, handles):
            trial = Trial(cfg, build_s=per)
            if isinstance(h, Exception):
                text = str(h).strip()
                trial.error = f"{type(h).__name__}: {text.splitlines()[0] if text else ''}"[:300]
                log.debug("spdsl tune: %s failed: %s", cfg, trial.error)
            else:
                trial.ok = True
                self.handles[_ckey(cfg)] = h
            trials.append(trial)
        return trials

    def _screen(self, batch) -> None:
        new = self._prepare(batch)
        for t in new:
            self.seen[_ckey(t.config)] = t
        controls = [self.default]
        best = self._leader()
        if best is not None and _ckey(best.config) != _ckey(self.default):
            controls.append(best.config)
        ok = [t for t in new if t.ok]
        timed = [c for c in controls if _ckey(c) in self.handles and _ckey(c) not in {_ckey(t.config) for t in ok}]
        configs = timed + [t.config for t in ok]
        samples = self._measure(configs, SCREEN_ROUNDS) if configs else []
        by_key = {_ckey(c): s for c, s in zip(configs, samples)}
        d_samples = by_key.get(_ckey(self.default))
        d_ms = statistics.median(d_samples) * 1e3 if d_samples else None
        for t in new:
            s = by_key.get(_ckey(t.config))
            if s:
                t.samples = s
                t.time_ms = statistics.median(s) * 1e3
                t.default_ms = d_ms
            self._write(t)
        self.trials += new
        lead = self._leader()
        note = f"best {lead.time_ms:.3f} ms ({1 / lead.ratio:.2f}x default)" if lead and lead.default_ms else ""
        self.progress.update(len(self.seen), note)

    def _measure(self, configs, rounds) -> list:
        return self.meas.measure([self.handles[_ckey(c)] for c in configs], rounds, self.rng)

    def _leader(self):
        ok = [t for t in self.seen.values() if t.ok and t.time_ms is not None]
        return min(ok, key=lambda t: t.ratio) if ok else None

    def _write(self, t: Trial, chosen: bool = False) -> None:
        extra = {"chosen": True} if chosen else {}
        try:
            self.db.record(target=self.meas.target, signature=self.signature, bucket=self.bucket, config=t.config,
                           ok=t.ok, time_ms=t.time_ms, default_ms=t.default_ms, error=t.error, stage=t.stage,
                           pattern=self.pattern.name, shape=self.shape, run=self.run_id,
                           build_s=round(t.build_s, 3), override_block=self._overrides(t.config), **extra)
        except OSError as e:  # a read-only disk must not lose the run's result
            log.warning("spdsl tune: cannot write the tuning database %s (%s)", self.db.path, e)

    def _overrides(self, cfg) -> bool:
        hint = self.pattern.block_hint
        return hint is not None and (cfg.block_q, cfg.block_k) != tuple(hint)

    # -- the final race --

    def _race(self):
        """Successive halving of the best few against the default; returns the winner."""
        ranked = sorted((t for t in self.seen.values() if t.ok and t.time_ms is not None), key=lambda t: t.ratio)
        if not ranked:
            return None
        dkey = _ckey(self.default)
        field_ = [t.config for t in ranked if _ckey(t.config) != dkey][:RACE_SIZE]
        has_default = dkey in self.handles
        self.race_samples: dict = {}      # config key -> [(stage, samples)]
        rounds, stage = RACE_ROUNDS, 0
        while field_:
            remaining = self.budget - self.elapsed()
            per_round = sum(self._per_call(c) for c in field_ + [self.default]) or 1e-3
            if stage > 0 and remaining < rounds * per_round:
                break
            # cheap kernels get more rounds (up to 4x) from the time left: noise is the enemy
            rounds = max(rounds, min(4 * rounds, int(0.3 * remaining / per_round)))
            configs = field_ + ([self.default] if has_default else [])
            samples = self._measure(configs, rounds)
            for c, s in zip(configs, samples):
                self.race_samples.setdefault(_ckey(c), []).append((stage, s))
            if len(field_) == 1:
                break
            field_ = sorted(field_, key=self._race_ratio)[:math.ceil(len(field_) / 2)]
            rounds, stage = rounds * 2, stage + 1
        if not self.race_samples:
            return ranked[0].config
        raced = [self.seen[k].config for k in self.race_samples]
        best = min(raced, key=self._race_ratio)
        if has_default and self._race_ratio(best) > 1.0 - MARGIN:
            best = self.default
        for key, stages in self.race_samples.items():
            cfg = self.seen[key].config
            t = Trial(cfg, ok=True, stage="final", samples=[x for _, s in stages for x in s])
            t.time_ms = self._final_ms(cfg)
            t.default_ms = self._default_ms_for(cfg)
            self.trials.append(t)
            self._write(t, chosen=key == _ckey(best))
        return best

    def _per_call(self, cfg) -> float:
        t = self.seen.get(_ckey(cfg))
        return (t.time_ms or 0) / 1e3 if t else 0.0

    def _race_ratio(self, cfg) -> float:
        ms, d = self._final_ms(cfg), self._default_ms_for(cfg)
        if ms is None:
            return math.inf
        return ms / d if d else ms

    def _final_ms(self, cfg):
        stages = getattr(self, "race_samples", {}).get(_ckey(cfg))
        if stages:
            return statistics.median([x for _, s in stages for x in s]) * 1e3
        t = self.seen.get(_ckey(cfg))
        return t.time_ms if t and t.ok else None

    def _default_ms_for(self, cfg):
        """The default's median over the race stages that ``cfg`` ran in."""
        race = getattr(self, "race_samples", {})
        mine = {st for st, _ in race.get(_ckey(cfg), [])}
        d = [x for st, s in race.get(_ckey(self.default), []) if st in mine for x in s]
        return statistics.median(d) * 1e3 if d else None
