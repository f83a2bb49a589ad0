"""The tuning database: every measured schedule config, on disk, as JSON lines.

One record a line (UTF-8 JSON, keys sorted)::

    {"v": 1, "id": "<uuid hex>", "target": "cpu/emeraldrapids/<features>/2t",
     "signature": "<pattern key>/float32/d64", "bucket": "L8192/H8",
     "config": {"block_q": 64, ...}, "ok": true, "time_ms": 12.3, "default_ms": 14.1,
     "error": null, "stage": "screen" | "final", "pattern": "longformer",
     "shape": {"B": 1, "H": 8, "Lq": 8000, "Lk": 8000, "D": 64}, "run": "<uuid hex>",
     "created": 1790000000.0, "host": "...", "spdsl": "0.1.0", "tvm": "0.27.0", ...}

- ``target``: which machine measured (CPU name, a digest of its feature flags, the thread
  count; a GPU name and compute capability later). ``signature``: which kernel (the
  pattern's normalised IR hash, dtype, head dim). ``bucket``: which shape (the next power of
  two of max(Lq, Lk), and H).
- ``time_ms`` is the median of the config's timings; ``default_ms`` the default config's,
  measured in the same interleaved rounds, so ``time_ms / default_ms`` compares runs made
  at different times and loads. Failed configs (build error, wrong result) have ``ok``
  false and an ``error``; they are never chosen.

Writers append one whole line with one ``write`` under an exclusive ``fcntl`` lock, so
concurrent processes never interleave; readers take a shared lock. A truncated last line
(a writer killed mid-write) or any line that is not a JSON object is skipped and reported
at debug level; the next append starts on a fresh line. Records of another format version
(``v``) are ignored. ``import_`` merges another file, deduplicated by record id.

The file is ``$SPDSL_TUNING_DB``, else ``spdsl.cache.cache_dir() / "tuning.jsonl"``.
"""

from __future__ import annotations

import json
import logging
import math
import os
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Iterator

log = logging.getLogger("spdsl.tune")

VERSION = 1


def default_path() -> Path:
    env = os.environ.get("SPDSL_TUNING_DB")
    if env:
        return Path(env)
    from spdsl.codegen.cache import cache_dir
    return cache_dir() / "tuning.jsonl"


# ---- keys ------------------------------------------------------------------------------

def next_pow2(n: int) -> int:
    return 1 << max(0, int(n) - 1).bit_length()


@dataclass(frozen=True)
class Bucket:
    """A shape bucket: the next power of two of max(Lq, Lk), and the query heads H
    (None: any H, for a query)."""

    L: int
    H: int | None = None

    @classmethod
    def of(cls, Lq: int, Lk: int | None = None, H: int | None = None) -> "Bucket":
        return cls(next_pow2(max(Lq, Lk or Lq)), H)

    @classmethod
    def parse(cls, text: str) -> "Bucket":
        parts = dict((p[0], int(p[1:])) for p in text.split("/") if p)
        return cls(parts["L"], parts.get("H"))

    @property
    def id(self) -> str:
        return f"L{self.L}" + (f"/H{self.H}" if self.H is not None else "")

    def matches(self, other: "Bucket") -> bool:
        return self.L == other.L and (self.H is None or other.H is None or self.H == other.H)


def cpu_target_id(num_threads: int | None = None) -> str:
    """The host CPU's fingerprint: LLVM's CPU name, a digest of /proc/cpuinfo's feature
    flags and the thread count the kernels run with."""
    from spdsl.codegen.cpu.target import host_cpu
    from spdsl.device import cpu_features

    if num_threads is None:
        from spdsl.codegen.common.layout import current_threads
        from spdsl.codegen.cpu.target import configure_threads
        configure_threads()  # what the kernels will run with, as spdsl.codegen.cpu sets it
        num_threads = current_threads()
    return f"cpu/{host_cpu()}/{cpu_features()}/{num_threads}t"


def signature_id(pattern, dtype, head_dim: int) -> str:
    """The kernel's identity: the normalised IR hash, dtype and head dim."""
    name = str(dtype).replace("torch.", "")
    return f"{pattern.key()}/{name}/d{head_dim}"


# ---- the database ----------------------------------------------------------------------

class TuningDB:
    """A JSON-lines tuning database (see the module docstring).

    >>> db = TuningDB()
    >>> hit = db.best(cpu_target_id(), signature_id(pat, "float32", 64), Bucket.of(8192, H=8))
    >>> if hit: config, record = hit
    """

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else default_path()

    # -- writing --

    def record(self, *, target: str, signature: str, bucket: Bucket | str, config, ok: bool,
               time_ms: float | None = None, default_ms: float | None = None, error: str | None = None,
               **extra) -> dict:
        """Append one measurement; returns the record written."""
        from spdsl.version import VERSION as SPDSL_VERSION

        rec = {"v": VERSION, "id": uuid.uuid4().hex, "target": target, "signature": signature,
               "bucket": bucket.id if isinstance(bucket, Bucket) else str(bucket),
               "config": _config_dict(config), "ok": bool(ok), "time_ms": time_ms, "default_ms": default_ms,
               "error": error, "created": time.time(), "spdsl": SPDSL_VERSION, **extra}
        self._append([rec])
        return rec

    def _append(self, records: list[dict]) -> None:
        if not records:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = "".join(json.dumps(r, sort_keys=True, default=str) + "\n" for r in records).encode()
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            with _locked(fd, exclusive=True):
                size = os.fstat(fd).st_size
                if size and os.pread(fd, 1, size - 1) != b"\n":
                    data = b"\n" + data  # a writer died mid-line: do not glue onto its fragment
                view = memoryview(data)
                while view:
                    n = os.write(fd, view)
                    view = view[n:]
                os.fsync(fd)
        finally:
            os.close(fd)

    # -- reading --

    def records(self) -> list[dict]:
        """Every valid record of this format version, in file order."""
        return list(_read(self.path))

    def best(self, target: str, signature: str, bucket: Bucket | str | None = None):
        """``(ScheduleConfig, record)`` of the fastest working config, or None.

        ``bucket`` None: the largest bucket that has a working config (an H-less bucket
        matches any H; the largest H wins). Within it, configs rank by their time over
        the default's time measured in the same rounds (absolute time where that is
        missing); a run that ended with a race (its "final" records, one "chosen") is
        represented by its chosen config alone: the default when nothing beat it by the
        tuner's margin."""
        if isinstance(bucket, str):
            bucket = Bucket.parse(bucket)
        cands = []
        for rec in self.records():
            if rec.get("target") != target or rec.get("signature") != signature or not rec.get("ok"):
                continue
            if rec.get("time_ms") is None:
                continue
            try:
                b = Bucket.parse(rec["bucket"])
                config = config_from_dict(rec["config"], target)
            except (KeyError, ValueError, TypeError) as e:
                log.debug("spdsl tuning db: skipping a record with an unusable config or bucket (%s)", e)
                continue
            if bucket is not None and not bucket.matches(b):
                continue
            cands.append((b, config, rec))
        if not cands:
            return None
        top_l = max(b.L for b, _, _ in cands)
        top_h = max((b.H or 0) for b, _, _ in cands if b.L == top_l)
        cands = [c for c in cands if c[0].L == top_l and (c[0].H or 0) == top_h]
        # a run that raced its best configs speaks through its chosen config only
        decided = {rec.get("run") for _, _, rec in cands if rec.get("chosen")}
        run_best = [(config, rec) for _, config, rec in cands
                    if rec.get("chosen") or rec.get("run") not in decided]
        config, rec = min(run_best, key=lambda cr: _score(cr[1]))
        return config, rec

    def buckets(self, target: str, signature: str) -> list[Bucket]:
        seen = {r["bucket"] for r in self.records()
                if r.get("target") == target and r.get("signature") == signature and r.get("ok")}
        out = []
        for text in seen:
            try:
                out.append(Bucket.parse(text))
            except (KeyError, ValueError):
                pass
        return sorted(out, key=lambda b: (b.L, b.H or 0))

    # -- moving records --

    def export(self, path: str | os.PathLike) -> int:
        """Write every valid record to ``path`` (atomically); returns how many."""
        recs = self.records()
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tuning-", dir=path.parent)
        try:
            with os.fdopen(fd, "w") as f:
                for r in recs:
                    f.write(json.dumps(r, sort_keys=True, default=str) + "\n")
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return len(recs)

    def import_(self, path: str | os.PathLike) -> int:
        """Merge the records of another database file; returns how many were new."""
        have = {r["id"] for r in self.records() if "id" in r}
        new, seen = [], set()
        for r in _read(Path(path)):
            rid = r.get("id")
            if not rid or rid in have or rid in seen:
                continue
            seen.add(rid)
            new.append(r)
        self._append(new)
        return len(new)

    def show(self) -> str:
        """A readable summary: per target, kernel and bucket, the best config against the default."""
        groups: dict = {}
        for r in self.records():
            groups.setdefault((r.get("target"), r.get("signature"), r.get("bucket")), []).append(r)
        if not groups:
            return f"no tuning records in {self.path}"
        lines = [f"{sum(len(g) for g in groups.values())} records in {self.path}"]
        for (target, sig, bucket), recs in sorted(groups.items(), key=lambda kv: tuple(map(str, kv[0]))):
            ok = [r for r in recs if r.get("ok") and r.get("time_ms") is not None]
            name = recs[-1].get("pattern", "?")
            head = f"{name:16s} {sig.split('/', 1)[1] if '/' in str(sig) else sig:14s} {bucket:12s} {target}"
            hit = self.best(target, sig, bucket)
            if hit is None:
                lines.append(f"  {head}\n      {len(recs)} trials, all failed")
                continue
            cfg, rec = hit
            ratio = rec["default_ms"] / rec["time_ms"] if rec.get("default_ms") else None
            lines.append(f"  {head}\n      {len(recs)} trials ({len(recs) - len(ok)} failed); best {rec['time_ms']:.3f} ms"
                         + (f", {ratio:.2f}x the default" if ratio else "") + f": {_short(rec['config'])}")
        return "\n".join(lines)


def _score(rec: dict) -> tuple:
    if rec.get("default_ms"):
        return (0, rec["time_ms"] / rec["default_ms"], rec["time_ms"])
    return (1, rec["time_ms"], 0.0)


def _short(config: dict) -> str:
    return " ".join(f"{k}={v}" for k, v in config.items() if k != "lanes")


# ---- configs as JSON ----------------------------------------------------------------------

def _config_dict(config) -> dict:
    from dataclasses import asdict, is_dataclass
    if is_dataclass(config):
        return asdict(config)
    return dict(config)


def config_from_dict(d: dict, target: str = "cpu"):
    """A ScheduleConfig (a CudaConfig for a "cuda/..." target) from a record; knobs it
    lacks keep their defaults (they did not exist when it was measured); a knob this
    version does not know makes it unusable."""
    if str(target).startswith("cuda/"):
        from spdsl.codegen.cuda.config import CudaConfig as cls
    else:
        from spdsl.codegen.cpu.schedule import ScheduleConfig as cls

    known = {f.name for f in fields(cls)}
    unknown = set(d) - known
    if unknown:
        raise ValueError(f"unknown knob(s) {sorted(unknown)}")
    return cls(**d)


# ---- the file ------------------------------------------------------------------------------

@contextmanager
def _locked(fd: int, exclusive: bool) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # not POSIX: single-writer use only
        yield
        return
    fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _read(path: Path) -> Iterator[dict]:
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return
    try:
        with _locked(fd, exclusive=False):
            with os.fdopen(os.dup(fd), "rb") as f:
                data = f.read()
    finally:
        os.close(fd)
    for n, line in enumerate(data.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except (ValueError, UnicodeDecodeError):
            log.debug("spdsl tuning db: %s:%d is not JSON (a truncated or foreign line); skipped", path, n)
            continue
        if not isinstance(rec, dict):
            log.debug("spdsl tuning db: %s:%d is not a record; skipped", path, n)
            continue
        if rec.get("v") != VERSION:
            log.debug("spdsl tuning db: %s:%d has format version %r, not %d; ignored", path, n, rec.get("v"), VERSION)
            continue
        if not all(isinstance(rec.get(k), str) for k in ("target", "signature", "bucket")) \
                or not isinstance(rec.get("config"), dict):
            log.debug("spdsl tuning db: %s:%d lacks target/signature/bucket/config; skipped", path, n)
            continue
        yield rec


def cuda_target_id(arch: str | None = None) -> str:
    """The tuning database's target for CUDA builds: the GPU architecture (sm_XY), the
    local GPU's where there is one. Same-arch GPUs share tuned configs."""
    if arch is None:
        from spdsl.device import cuda_arch
        arch = cuda_arch()
    return f"cuda/{arch}"


# ---- what spdsl.compile asks --------------------------------------------------------------------

def config_for(pattern, head_dim: int, dtype, seq: int | tuple[int, int] | None = None, *,
               heads: int | None = None, db: TuningDB | None = None, target: str | None = None,
               device: str = "cpu", arch: str | None = None):
    """``(config | None, reason)``: the tuned config the database holds for this kernel
    on this machine (``device="cuda"``: for GPUs of ``arch``, a CudaConfig), for
    ``seq``'s bucket (else the nearest bucket; ``seq`` None: the largest bucket), or None
    and why not. The reason is meant for a debug log."""
    import torch

    from spdsl.dtypes import dtype_name

    db = db or TuningDB()
    name = dtype_name(dtype if dtype is not None else torch.float32)
    sig = signature_id(pattern, name, head_dim)
    try:
        if target is None and device == "cuda":
            target = cuda_target_id(arch)
        target = target or cpu_target_id()
    except Exception as e:  # no TVM, odd machine: compile must go on with the default
        return None, f"no tuned config: cannot fingerprint this machine ({e})"
    if not db.path.exists():
        return None, f"no tuned config: no tuning database at {db.path}"
    if seq is None:
        hit, how = db.best(target, sig), "the largest tuned bucket"
    else:
        Lq, Lk = (seq, seq) if isinstance(seq, int) else seq
        want = Bucket.of(Lq, Lk, heads)
        hit, how = db.best(target, sig, want), f"bucket {want.id}"
        if hit is None:
            buckets = db.buckets(target, sig)
            if buckets:
                near = min(buckets, key=lambda b: (abs(math.log2(b.L) - math.log2(want.L)), -b.L,
                                                   0 if heads is None or b.H == heads else 1))
                hit, how = db.best(target, sig, near), f"nearest tuned bucket {near.id} (asked {want.id})"
    if hit is None:
        return None, f"no tuned config for {pattern.name} ({sig.split('/', 1)[1]}) on {target} in {db.path}"
    cfg, rec = hit
    try:
        if target.startswith("cuda/"):
            from spdsl.codegen.cuda.kernels import config_ok as cuda_config_ok
            if not cuda_config_ok(cfg, head_dim, name):
                raise ValueError("the CUDA kernels do not build for it")
        else:
            cfg.check(head_dim)
    except ValueError as e:
        return None, f"tuned config in {db.path} is no longer valid ({e}); using the default"
    speed = f", {rec['default_ms'] / rec['time_ms']:.2f}x the default" if rec.get("default_ms") else ""
    return cfg, f"tuned config from {db.path}, {how}: {rec['time_ms']:.3f} ms{speed} (run {str(rec.get('run'))[:8]})"
