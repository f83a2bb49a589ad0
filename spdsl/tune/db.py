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
import re
import stat
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
        """``L<length>[/H<heads>]``, both positive (ValueError otherwise)."""
        m = re.fullmatch(r"L([0-9]{1,13})(?:/H([0-9]{1,7}))?", str(text))
        if not m:
            raise ValueError(f"a bucket is L<length>[/H<heads>], not {str(text)[:40]!r}")
        L, H = int(m[1]), (int(m[2]) if m[2] is not None else None)
        if not 1 <= L <= MAX_BUCKET_L or (H is not None and not 1 <= H <= MAX_BUCKET_H):
            raise ValueError(f"bucket {text!r} is out of range")
        return cls(L, H)

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


def signature_id(pattern, dtype, head_dim: int, v_head_dim: int | None = None) -> str:
    """The kernel's identity: the normalised IR hash, dtype and head dim ("d64"; "d192v128"
    where v's head dim differs, so that records of one head dim keep their signature)."""
    name = str(dtype).replace("torch.", "")
    dims = f"d{head_dim}" if v_head_dim in (None, head_dim) else f"d{head_dim}v{v_head_dim}"
    return f"{pattern.key()}/{name}/{dims}"


# ---- the database ----------------------------------------------------------------------

class TuningDB:
    """A JSON-lines tuning database (see the module docstring).

    >>> db = TuningDB()
    >>> hit = db.best(cpu_target_id(), signature_id(pat, "float32", 64), Bucket.of(8192, H=8))
    >>> if hit: config, record = hit
    """

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else default_path()
        self.skipped = 0  # malformed records the last read skipped

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
        """Every valid record of this format version, in file order (``skipped`` counts
        the malformed ones left out)."""
        recs, self.skipped = _read(self.path)
        return recs

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
        """Merge the records of another database file; returns how many were new.
        Its records are validated as on read (``skipped`` counts the malformed ones); a
        missing file, a folder or a special file raises ValueError."""
        path = Path(path)
        if not path.exists():
            raise ValueError(f"cannot import '{path}': no such file")
        have = {r["id"] for r in self.records() if "id" in r}
        new, seen = [], set()
        theirs, self.skipped = _read(path, strict=True)
        for r in theirs:
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
        skipped = (f" ({self.skipped} malformed record{'s' if self.skipped != 1 else ''} skipped)"
                   if self.skipped else "")
        if not groups:
            return f"no tuning records in {self.path}{skipped}"
        lines = [f"{sum(len(g) for g in groups.values())} records in {self.path}{skipped}"]
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


def _read(path: Path, strict: bool = False) -> tuple[list[dict], int]:
    """(valid records of this format version, how many malformed ones were skipped).
    Only a regular file is read (never a FIFO or a device); a missing file has no
    records; ``strict``: a path that is not a regular file raises ValueError (an import),
    else it is logged and read as empty (the database itself: compiles go on)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return [], 0
    except OSError as e:
        if strict:
            raise ValueError(f"cannot read the tuning database '{path}': {e.strerror or e}") from None
        log.warning("spdsl tuning db: cannot read %s (%s); no tuned configs", path, e.strerror or e)
        return [], 0
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            if strict:
                raise ValueError(f"'{path}' is not a regular file; a tuning database is a JSON-lines file")
            log.warning("spdsl tuning db: %s is not a regular file; no tuned configs", path)
            return [], 0
        with _locked(fd, exclusive=False):
            with os.fdopen(os.dup(fd), "rb") as f:
                data = f.read()
    finally:
        os.close(fd)
    out, skipped = [], 0
    for n, line in enumerate(data.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except (ValueError, UnicodeDecodeError, RecursionError):
            log.debug("spdsl tuning db: %s:%d is not JSON (a truncated or foreign line); skipped", path, n)
            skipped += 1
            continue
        if isinstance(rec, dict) and rec.get("v") != VERSION:
            log.debug("spdsl tuning db: %s:%d has format version %r, not %d; ignored", path, n, rec.get("v"), VERSION)
            continue
        problem = record_problem(rec)
        if problem:
            log.debug("spdsl tuning db: %s:%d skipped: %s", path, n, problem)
            skipped += 1
            continue
        out.append(rec)
    return out, skipped


# ---- what a record may hold ----------------------------------------------------------------

# Inclusive ranges of every knob a record may carry (the tuner searches far inside them; a
# value outside is a damaged or hostile record: a huge block would build for minutes).
MAX_BLOCK = 512
CPU_KNOBS = {"block_q": (1, MAX_BLOCK), "block_k": (1, MAX_BLOCK), "key_tile": (1, MAX_BLOCK),
             "dim_tile": (1, MAX_BLOCK), "bwd_key_tile": (1, MAX_BLOCK), "lanes": (0, 64)}
CUDA_KNOBS = {"block_q": (1, MAX_BLOCK), "block_k": (1, MAX_BLOCK), "warps": (0, 32),
              "kv_tile": (1, MAX_BLOCK), "smem_pad": (0, 64), "stages": (1, 2)}
MAX_BUCKET_L, MAX_BUCKET_H = 1 << 40, 1 << 20
_OPTIONAL_TEXT = ("id", "run", "stage", "error", "pattern", "host", "spdsl", "tvm")


def _is_int(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _is_time(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x) and x > 0


def record_problem(rec) -> str | None:
    """Why ``rec`` (a parsed line of this format version) cannot be used, or None: the
    fields spdsl reads must have their types, the bucket and the config knobs their
    ranges, and a working record a positive finite time."""
    if not isinstance(rec, dict):
        return "not a JSON object"
    for k in ("target", "signature", "bucket"):
        if not isinstance(rec.get(k), str):
            return f"'{k}' is not text"
    for k in _OPTIONAL_TEXT:
        if rec.get(k) is not None and not isinstance(rec[k], str):
            return f"'{k}' is not text"
    if not isinstance(rec.get("ok"), bool):
        return "'ok' is not true or false"
    if rec.get("chosen") is not None and not isinstance(rec["chosen"], bool):
        return "'chosen' is not true or false"
    for k in ("time_ms", "default_ms"):
        if rec.get(k) is not None and not _is_time(rec[k]):
            return f"'{k}' is not a positive finite number of milliseconds"
    if rec["ok"] and rec.get("time_ms") is None:
        return "a working record without 'time_ms'"
    try:
        Bucket.parse(rec["bucket"])
    except (KeyError, ValueError, TypeError, OverflowError):
        return f"bucket {rec['bucket'][:40]!r} is not L<length>[/H<heads>] with positive values"
    return config_problem(rec.get("config"), rec["target"], rec["signature"], check=rec["ok"])


def config_problem(d, target: str, signature: str = "", check: bool = True) -> str | None:
    """Why a record's config cannot be used for ``target``, or None. ``check``: also ask
    the config's own ``check`` (with the signature's dtype and head dim where it names
    them), as a config the kernels refuse must never be chosen."""
    if not isinstance(d, dict):
        return "'config' is not an object"
    cuda = str(target).startswith("cuda/")
    ranges = CUDA_KNOBS if cuda else CPU_KNOBS
    for k, v in d.items():
        if not cuda and k == "products":
            from spdsl.codegen.cpu.schedule import PRODUCTS
            if v not in PRODUCTS:
                return f"config knob products={str(v)[:40]!r} is not one of {PRODUCTS}"
            continue
        if cuda and k == "tensor_cores":
            if v is not None and not isinstance(v, bool):
                return "config knob tensor_cores is not true, false or null"
            continue
        if k not in ranges:
            return f"unknown config knob {str(k)[:40]!r}"
        lo, hi = ranges[k]
        if not _is_int(v) or not lo <= v <= hi:
            return f"config knob {k}={str(v)[:40]} is not an integer in [{lo}, {hi}]"
    if not check:
        return None
    try:
        cfg = config_from_dict(d, target)
        head_dim, dtype, v_head_dim = _signature_shape(signature)
        if cuda:
            if head_dim is not None:
                cfg.check(head_dim, dtype or "float32", v_head_dim)
        else:
            cfg.check(head_dim or 64, v_head_dim)
    except (ValueError, TypeError) as e:
        return f"config is not buildable ({e})"
    return None


def _signature_shape(signature: str) -> tuple[int | None, str | None, int | None]:
    """(head dim, dtype, v head dim or None) of a "<pattern key>/<dtype>/d<head dim>[v<v
    head dim>]" signature, or Nones."""
    parts = str(signature).rsplit("/", 2)
    if len(parts) != 3 or parts[2][:1] != "d" or len(parts[2]) >= 16:
        return None, None, None
    dims = parts[2][1:].split("v")
    if len(dims) == 1 and dims[0].isdigit() and len(dims[0]) < 7:
        return int(dims[0]), parts[1], None
    if len(dims) == 2 and all(x.isdigit() and len(x) < 7 for x in dims):
        return int(dims[0]), parts[1], int(dims[1])
    return None, None, None


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
               device: str = "cpu", arch: str | None = None, v_head_dim: int | None = None):
    """``(config | None, reason)``: the tuned config the database holds for this kernel
    on this machine (``device="cuda"``: for GPUs of ``arch``, a CudaConfig), for
    ``seq``'s bucket (else the nearest bucket; ``seq`` None: the largest bucket), or None
    and why not. The reason is meant for a debug log."""
    import torch

    from spdsl.dtypes import dtype_name

    db = db or TuningDB()
    name = dtype_name(dtype if dtype is not None else torch.float32)
    sig = signature_id(pattern, name, head_dim, v_head_dim)
    try:
        if target is None and device == "cuda":
            target = cuda_target_id(arch)
        target = target or cpu_target_id()
    except Exception as e:  # no TVM, odd machine: compile must go on with the default
        return None, f"no tuned config: cannot fingerprint this machine ({e})"
    if not db.path.exists():
        return None, f"no tuned config: no tuning database at {db.path}"
    try:
        hit, how = _lookup(db, target, sig, seq, heads)
    except Exception as e:  # a damaged database must never stop a compile: use the default
        log.warning("spdsl tuning db: cannot use %s (%s); using the default config", db.path, e)
        return None, f"no tuned config: the tuning database {db.path} is unusable ({e})"
    if hit is None:
        return None, f"no tuned config for {pattern.name} ({sig.split('/', 1)[1]}) on {target} in {db.path}"
    cfg, rec = hit
    try:
        if target.startswith("cuda/"):
            from spdsl.codegen.cuda.kernels import config_ok as cuda_config_ok
            if not cuda_config_ok(cfg, head_dim, name, v_head_dim):
                raise ValueError("the CUDA kernels do not build for it")
        else:
            cfg.check(head_dim, v_head_dim)
    except (ValueError, TypeError) as e:
        return None, f"tuned config in {db.path} is no longer valid ({e}); using the default"
    speed = f", {rec['default_ms'] / rec['time_ms']:.2f}x the default" if rec.get("default_ms") else ""
    return cfg, f"tuned config from {db.path}, {how}: {rec['time_ms']:.3f} ms{speed} (run {str(rec.get('run'))[:8]})"


def _lookup(db: TuningDB, target: str, sig: str, seq, heads):
    """(best hit or None, how it was found) for ``seq``'s bucket, else the nearest."""
    if seq is None:
        return db.best(target, sig), "the largest tuned bucket"
    Lq, Lk = (seq, seq) if isinstance(seq, int) else seq
    want = Bucket.of(Lq, Lk, heads)
    hit, how = db.best(target, sig, want), f"bucket {want.id}"
    if hit is None:
        buckets = db.buckets(target, sig)
        if buckets:
            near = min(buckets, key=lambda b: (abs(math.log2(b.L) - math.log2(want.L)), -b.L,
                                               0 if heads is None or b.H == heads else 1))
            hit, how = db.best(target, sig, near), f"nearest tuned bucket {near.id} (asked {want.id})"
    return hit, how
