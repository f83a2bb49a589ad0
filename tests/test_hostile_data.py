"""Issue 10, part C: data spdsl used to trust. Pattern files and imports (special files,
secrets, confinement, depth, BOM), the tuning database, the kernel cache and RPC peers.
Every hostile input runs bounded: in a subprocess under time and memory limits where a
regression would hang or blow up, else in-process on small temporary files."""

import errno
import json
import logging
import os
import shutil
import time

import pytest

import spdsl
from conftest import run_bounded, run_cli_bounded

SECRET = "TOPSECRET-hunter2"
PATTERN = "pattern w(window = 40) { mask = causal and q - k < window }\n"
BIG_MB = 6000  # processes that import torch and TVM


def _error(fn, *args, **kwargs) -> spdsl.PatternError:
    with pytest.raises(spdsl.PatternError) as info:
        fn(*args, **kwargs)
    return info.value


# ---- pattern files: only regular files, at most the limit read ------------------------------

def test_check_of_dev_zero_is_refused_without_reading_it():
    r = run_cli_bounded("check", "/dev/zero", seconds=30, memory_mb=1500)
    assert r.returncode == 2, r.stderr
    assert "not a regular file" in r.stderr and "Traceback" not in r.stderr


def test_importing_dev_urandom_is_a_located_error_in_small_memory(tmp_path):
    (tmp_path / "a.spdsl").write_text('import "/dev/urandom"\n' + PATTERN)
    r = run_bounded("import spdsl, sys\ntry:\n    spdsl.load(sys.argv[1])\nexcept spdsl.PatternError as e:\n"
                    "    print(e)\n", str(tmp_path / "a.spdsl"), seconds=30, memory_mb=1500)
    assert r.returncode == 0, r.stderr
    assert "a.spdsl:1:8:" in r.stdout and "/dev/urandom" in r.stdout


def test_importing_a_fifo_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "pipe.spdsl")
    (tmp_path / "a.spdsl").write_text('import "pipe.spdsl"\n' + PATTERN)
    r = run_bounded("import spdsl, sys\ntry:\n    spdsl.load(sys.argv[1])\nexcept spdsl.PatternError as e:\n"
                    "    print(e)\n", str(tmp_path / "a.spdsl"), seconds=30, memory_mb=1500)
    assert r.returncode == 0, r.stderr
    assert "a.spdsl:1:8:" in r.stdout and "not a regular file" in r.stdout


def test_loading_a_fifo_or_a_folder_is_refused(tmp_path):
    os.mkfifo(tmp_path / "pipe.spdsl")
    assert "not a regular file" in str(_error(spdsl.load, tmp_path / "pipe.spdsl"))
    assert "is a folder" in str(_error(spdsl.load, tmp_path))


def test_a_file_over_the_limit_is_refused(tmp_path):
    big = tmp_path / "big.spdsl"
    big.write_text(PATTERN + "#" * (2 << 20))
    assert "larger than 1024 KiB" in str(_error(spdsl.load, big))


# ---- imports: no secrets in errors, confinement, depth ---------------------------------------

def test_importing_a_non_pattern_file_never_quotes_it(tmp_path):
    secret = tmp_path / "shadow"
    secret.write_text(f"root:{SECRET}:19000:0:99999:7:::\n")
    (tmp_path / "link.spdsl").symlink_to(secret)                           # a .spdsl name for it
    (tmp_path / "looks.spdsl").write_text(f"root:{SECRET}\n")              # .spdsl, not a pattern
    (tmp_path / "binary.spdsl").write_bytes(f"pattern x {{ {SECRET} \xff }}".encode("latin-1"))
    for target, says in (("shadow", "only pattern files"), (str(secret), "only pattern files"),
                         ("link.spdsl", "only pattern files"), ("looks.spdsl", "is not a pattern file"),
                         ("binary.spdsl", "not UTF-8")):
        top = tmp_path / "top.spdsl"
        top.write_text(f'import "{target}"\n' + PATTERN)
        text = str(_error(spdsl.load, top))
        assert says in text and SECRET not in text, text


def test_confine_imports(tmp_path):
    (tmp_path / "outside.spdsl").write_text("pattern outside { mask = causal }\n")
    inner = tmp_path / "svc"
    (inner / "lib").mkdir(parents=True)
    (inner / "lib" / "ok.spdsl").write_text("pattern ok { mask = causal }\n")
    (inner / "escape.spdsl").symlink_to(tmp_path / "outside.spdsl")
    good = inner / "good.spdsl"
    good.write_text('import "lib/ok.spdsl"\npattern good { mask = ok }\n')
    assert set(spdsl.load(good, confine_imports=True)) == {"ok", "good"}
    for imp in ("../outside.spdsl", str(tmp_path / "outside.spdsl"), "escape.spdsl"):
        bad = inner / "bad.spdsl"
        bad.write_text(f'import "{imp}"\npattern bad {{ mask = causal }}\n')
        assert set(spdsl.load(bad)) == {"outside", "bad"}                   # allowed by default
        e = _error(spdsl.load, bad, confine_imports=True)
        assert (e.line, e.column) == (1, 8) and "leaves the importing file's folder" in e.message
    text = 'import "../outside.spdsl"\npattern t { mask = causal }\n'
    assert "leaves" in str(_error(spdsl.parse, text, "t.spdsl", inner, confine_imports=True))
    # a nested file is confined to its own folder
    (inner / "lib" / "up.spdsl").write_text('import "../good.spdsl"\npattern up { mask = causal }\n')
    top = inner / "top.spdsl"
    top.write_text('import "lib/up.spdsl"\npattern top { mask = up }\n')
    e = _error(spdsl.load, top, confine_imports=True)
    assert e.file.endswith("up.spdsl") and "leaves" in e.message


def test_a_1000_deep_import_chain_is_located_at_the_import_over_the_limit(tmp_path):
    from spdsl.frontend.library import MAX_IMPORT_DEPTH

    for i in range(1000):
        head = f'import "f{i + 1}.spdsl"\n' if i < 999 else ""
        (tmp_path / f"f{i}.spdsl").write_text(head + f"pattern p{i} {{ mask = causal }}\n")
    r = run_bounded("import spdsl, sys\ntry:\n    spdsl.load(sys.argv[1])\nexcept spdsl.PatternError as e:\n"
                    "    print(e.file, e.line, e.column, e.message)\n", str(tmp_path / "f0.spdsl"),
                    seconds=60, memory_mb=1500)
    assert r.returncode == 0, r.stderr
    file, line, col, message = r.stdout.split(" ", 3)
    assert file.endswith(f"f{MAX_IMPORT_DEPTH - 1}.spdsl") and (line, col) == ("1", "8")
    assert f"more than {MAX_IMPORT_DEPTH} files deep" in message
    # a chain at the limit loads
    (tmp_path / f"f{MAX_IMPORT_DEPTH - 1}.spdsl").write_text("pattern last { mask = causal }\n")
    assert len(spdsl.load(tmp_path / "f0.spdsl")) == MAX_IMPORT_DEPTH


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    f = tmp_path / "bom.spdsl"
    f.write_bytes(b"\xef\xbb\xbf" + PATTERN.encode())
    assert list(spdsl.load(f)) == ["w"]
    assert list(spdsl.parse("\ufeff" + PATTERN)) == ["w"]
    (tmp_path / "top.spdsl").write_text('import "bom.spdsl"\npattern t { mask = w }\n')
    assert set(spdsl.load(tmp_path / "top.spdsl")) == {"w", "t"}
    e = _error(spdsl.parse, "\ufeffpattern w { mask = nope }")
    assert (e.line, e.column) == (1, 20)                                 # columns not shifted


# ---- the tuning database ----------------------------------------------------------------------

def _good(**over):
    rec = {"v": 1, "id": os.urandom(8).hex(), "target": "t", "signature": "s", "bucket": "L1024/H8",
           "config": {"block_q": 64, "block_k": 64, "key_tile": 4}, "ok": True, "time_ms": 5.0,
           "default_ms": 10.0, "run": "r", "stage": "screen", "pattern": "w"}
    rec.update(over)
    return rec


BAD_RECORDS = {
    "string block": {"config": {"block_q": "64"}},
    "null block": {"config": {"block_q": None}},
    "float block": {"config": {"block_q": 64.0}},
    "huge block": {"config": {"block_q": 1 << 20, "block_k": 1 << 20}},
    "bool block": {"config": {"block_q": True}},
    "unknown knob": {"config": {"warp_speed": 9}},
    "config not an object": {"config": [64, 64]},
    "zero time": {"time_ms": 0},
    "string time": {"time_ms": "fast"},
    "nan time": {"time_ms": float("nan")},
    "zero default": {"default_ms": 0.0},
    "negative bucket": {"bucket": "L-1024/H8"},
    "garbage bucket": {"bucket": "Lots"},
    "huge bucket": {"bucket": "L" + "9" * 30},
    "list run": {"run": ["r"]},
    "int pattern": {"pattern": 7},
    "string ok": {"ok": "yes"},
    "working without time": {"time_ms": None},
    "unbuildable": {"config": {"block_k": 64, "key_tile": 5}},
}


@pytest.mark.parametrize("name", sorted(BAD_RECORDS))
def test_a_malformed_tuning_record_is_skipped_and_counted(tmp_path, name, caplog):
    from spdsl.tune.db import TuningDB

    db = TuningDB(tmp_path / "db.jsonl")
    good = _good(time_ms=9.0)
    bad = _good(**{"time_ms": 1.0, **BAD_RECORDS[name]})
    db.path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    with caplog.at_level(logging.DEBUG, logger="spdsl.tune"):
        assert [r["id"] for r in db.records()] == [good["id"]]
    assert db.skipped == 1 and "skipped" in caplog.text
    cfg, rec = db.best("t", "s")
    assert rec["id"] == good["id"] and cfg.block_q == 64
    text = db.show()
    assert "1 malformed record skipped" in text and "best 9.000 ms" in text
    other = TuningDB(tmp_path / "other.jsonl")
    assert other.import_(db.path) == 1 and other.skipped == 1 and len(other.records()) == 1


def test_tuned_config_lookup_falls_back_on_any_database(tmp_path, monkeypatch):
    import torch

    from spdsl.tune.db import Bucket, TuningDB, config_for, cpu_target_id, signature_id

    pat = spdsl.parse(PATTERN)["w"]
    db = TuningDB(tmp_path / "db.jsonl")
    target, sig = cpu_target_id(), signature_id(pat, "float32", 32)
    lines = [_good(**{"target": target, "signature": sig, "bucket": Bucket.of(256, H=2).id, **BAD_RECORDS[n]})
             for n in ("huge block", "string time", "list run", "negative bucket")]
    db.path.write_text("".join(json.dumps(r) + "\n" for r in lines))
    cfg, reason = config_for(pat, 32, torch.float32, seq=256, heads=2, db=db)
    assert cfg is None and "no tuned config" in reason
    monkeypatch.setattr(TuningDB, "best", lambda *a, **k: 1 / 0)       # whatever goes wrong
    cfg, reason = config_for(pat, 32, torch.float32, seq=256, heads=2, db=db)
    assert cfg is None and "unusable" in reason


def test_compile_with_a_hostile_database_builds_the_default_quickly(tmp_path):
    """Before: a record with block sizes of 2^20 made spdsl.compile build for 300+ s."""
    code = (
        "import json, sys, spdsl, torch\n"
        "from spdsl.tune.db import Bucket, cpu_target_id, signature_id\n"
        f"pat = spdsl.parse({PATTERN!r})['w']\n"
        "rec = {'v': 1, 'id': 'x', 'target': cpu_target_id(), 'signature': signature_id(pat, 'float32', 32),\n"
        "       'bucket': Bucket.of(256, H=2).id, 'ok': True, 'time_ms': 0.001, 'default_ms': 1.0,\n"
        "       'config': {'block_q': 1 << 20, 'block_k': 1 << 20, 'key_tile': 1, 'dim_tile': 1, 'bwd_key_tile': 1}}\n"
        "open(sys.argv[1], 'w').write(json.dumps(rec) + '\\n' + '{\"v\": 1, \"target\": 5}\\n')\n"
        "attn = spdsl.compile(pat, head_dim=32, seq=256, heads=2)\n"
        "q, k, v = (torch.randn(1, 2, 100, 32) for _ in range(3))\n"
        "print(attn.config.block_q, (attn(q, k, v) - spdsl.reference_attention(pat, q, k, v)).abs().max().item())\n")
    r = run_bounded(code, str(tmp_path / "db.jsonl"), seconds=150, memory_mb=BIG_MB,
                    env={"SPDSL_TUNING_DB": str(tmp_path / "db.jsonl"), "SPDSL_CACHE_DIR": str(tmp_path / "c")})
    assert r.returncode == 0, r.stderr
    block, err = r.stdout.split()
    assert int(block) <= 512 and float(err) < 1e-5


def test_db_import_of_missing_folder_or_device_raises(tmp_path):
    from spdsl.tune.db import TuningDB

    db = TuningDB(tmp_path / "db.jsonl")
    with pytest.raises(ValueError, match="no such file"):
        db.import_(tmp_path / "missing.jsonl")
    with pytest.raises(ValueError, match="regular file|folder|Is a directory"):
        db.import_(tmp_path)
    r = run_bounded("import sys\nfrom spdsl.tune.db import TuningDB\ntry:\n"
                    "    TuningDB(sys.argv[1]).import_('/dev/zero')\nexcept ValueError as e:\n    print(e)\n",
                    str(tmp_path / "db.jsonl"), seconds=30, memory_mb=1500)
    assert r.returncode == 0 and "not a regular file" in r.stdout, r.stderr


def test_a_database_that_is_a_fifo_reads_as_empty(tmp_path):
    from spdsl.tune.db import TuningDB

    os.mkfifo(tmp_path / "db.jsonl")
    r = run_bounded("import sys\nfrom spdsl.tune.db import TuningDB\n"
                    "db = TuningDB(sys.argv[1]); print(len(db.records()), db.best('t', 's'))\n",
                    str(tmp_path / "db.jsonl"), seconds=30, memory_mb=1500)
    assert r.returncode == 0 and r.stdout.split() == ["0", "None"], r.stderr
    assert TuningDB  # imported here too: the module must not read anything at import


# ---- the kernel cache -------------------------------------------------------------------------

def _tiny_module(name="forward"):
    """A small TVM library defining ``name`` (fast to build)."""
    import tvm
    from tvm import te

    a = te.placeholder((4,), name="A")
    b = te.compute((4,), lambda i: a[i] + 1.0, name="B")
    return tvm.compile(te.create_prim_func([a, b]).with_attr("global_symbol", name), target="llvm")


@pytest.fixture(scope="module")
def tiny():
    return {"forward": _tiny_module("forward"), "dq": _tiny_module("dq")}


MATERIAL = {"kernel": "forward", "ir": "test", "device": "cpu"}


def _cache(tmp_path):
    from spdsl.codegen.cache import KernelCache

    root = tmp_path / "cache"
    root.mkdir(mode=0o700, parents=True)
    return KernelCache(root)


def test_cache_round_trip_and_functions_checked(tmp_path, tiny):
    cache = _cache(tmp_path)
    entry = cache.store(MATERIAL, tiny["forward"])
    assert entry is not None and oct(os.stat(entry).st_mode & 0o777) == "0o700"
    assert cache.load(MATERIAL, functions=("forward",)) is not None
    assert cache.load(MATERIAL, functions=("dkdv",)) is None          # not what was asked: dropped
    assert not entry.exists()


@pytest.mark.parametrize("mode", [0o770, 0o777, 0o757])
def test_a_group_or_world_writable_cache_is_not_used(tmp_path, tiny, mode, caplog):
    cache = _cache(tmp_path)
    assert cache.store(MATERIAL, tiny["forward"]) is not None
    os.chmod(cache.root, mode)
    with caplog.at_level(logging.WARNING, logger="spdsl.cache"):
        assert cache.load(MATERIAL) is None
        assert cache.store({**MATERIAL, "ir": "other"}, tiny["forward"]) is None
    assert "writable by other users" in caplog.text
    assert len(list(cache.kernels.iterdir())) == 1                     # nothing written, nothing dropped
    os.chmod(cache.root, 0o700)
    os.chmod(cache.kernels, mode)
    assert cache.load(MATERIAL) is None
    os.chmod(cache.kernels, 0o700)
    assert cache.load(MATERIAL) is not None


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_a_cache_owned_by_another_user_is_not_used(tmp_path, tiny, caplog):
    cache = _cache(tmp_path)
    assert cache.store(MATERIAL, tiny["forward"]) is not None
    os.chown(cache.root, 12345, -1)
    with caplog.at_level(logging.WARNING, logger="spdsl.cache"):
        assert cache.load(MATERIAL) is None
    assert "owned by another user" in caplog.text
    os.chown(cache.root, os.getuid(), -1)
    lib = next(cache.kernels.glob("*/kernel.so"))
    os.chown(lib, 12345, -1)                                             # one entry's file
    assert cache.load(MATERIAL) is None and not lib.exists()


def test_a_symlinked_entry_is_never_written_through(tmp_path, tiny):
    from spdsl.codegen.cache import key_of

    cache = _cache(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    cache.kernels.mkdir()
    (cache.kernels / key_of(MATERIAL)).symlink_to(elsewhere)
    entry = cache.store(MATERIAL, tiny["forward"])
    assert entry is not None and not entry.is_symlink() and entry.is_dir()
    assert list(elsewhere.iterdir()) == []
    assert cache.load(MATERIAL) is not None


def test_symlinked_entry_files_are_not_loaded(tmp_path, tiny):
    cache = _cache(tmp_path)
    entry = cache.store(MATERIAL, tiny["forward"])
    real = tmp_path / "real.so"
    shutil.copy(entry / "kernel.so", real)
    os.unlink(entry / "kernel.so")
    (entry / "kernel.so").symlink_to(real)                              # same bytes, same sha
    assert cache.load(MATERIAL) is None and not entry.exists() and real.exists()
    # a link planted at the library's name is replaced by the store, not written through
    entry = cache.store(MATERIAL, tiny["forward"])
    os.unlink(entry / "kernel.so")
    (entry / "kernel.so").symlink_to(real)
    real.write_bytes(b"victim")
    cache.store(MATERIAL, tiny["forward"])
    assert real.read_bytes() == b"victim" and not (entry / "kernel.so").is_symlink()
    # a linked entry folder is dropped (the link only), never loaded
    entry2 = tmp_path / "entry2"
    shutil.copytree(entry, entry2)
    shutil.rmtree(entry)
    entry.symlink_to(entry2)
    assert cache.load(MATERIAL) is None and not os.path.lexists(entry) and (entry2 / "kernel.so").exists()


def test_cache_clear_on_a_symlinked_folder_reports_what_it_did(tmp_path, tiny):
    cache = _cache(tmp_path)
    cache.store(MATERIAL, tiny["forward"])
    target = tmp_path / "target"
    cache.kernels.rename(target)
    cache.kernels.symlink_to(target)
    assert cache.clear() == 0
    assert not os.path.lexists(cache.kernels) and len(list(target.iterdir())) == 1
    cache = _cache(tmp_path / "b")
    cache.store(MATERIAL, tiny["forward"])
    cache.store({**MATERIAL, "ir": "x"}, tiny["forward"])
    (cache.kernels / "stray-link").symlink_to(target)
    assert cache.clear() == 3 and not cache.kernels.exists() and target.exists()


def test_stale_temporary_files_are_cleaned(tmp_path, tiny):
    cache = _cache(tmp_path)
    entry = cache.store(MATERIAL, tiny["forward"])
    old, fresh = entry / ".kernel-dead.so", entry / ".kernel-busy.so"
    for f in (old, fresh, entry / ".tmp-dead"):
        f.write_bytes(b"partial")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    os.utime(entry / ".tmp-dead", (two_hours_ago, two_hours_ago))
    cache.entries()
    assert not old.exists() and not (entry / ".tmp-dead").exists() and fresh.exists()
    os.utime(fresh, (two_hours_ago, two_hours_ago))
    cache.store(MATERIAL, tiny["forward"])
    assert not fresh.exists()


@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "No space left on device"),
                                   RuntimeError("Compilation error: ld: final link failed: No space left on device")])
def test_a_full_disk_runs_uncached(tmp_path, tiny, error, caplog):
    class Full:
        def export_library(self, path):
            with open(path, "wb") as f:
                f.write(b"half a library")
            raise error

    cache = _cache(tmp_path)
    with caplog.at_level(logging.WARNING, logger="spdsl.cache"):
        assert cache.store(MATERIAL, Full()) is None
    assert "uncached" in caplog.text
    assert [p.name for p in cache.kernels.glob("*/*")] == []             # no temporary left


def test_a_full_disk_does_not_stop_a_compile(tmp_path, monkeypatch):
    import torch
    import tvm

    from spdsl.codegen.build import clear_memo

    def full(self, path, *a, **k):  # as TVM reports the linker's failure
        with open(path, "wb") as f:
            f.write(b"half a library")
        raise RuntimeError("Compilation error:\n/usr/bin/ld: final link failed: No space left on device")

    monkeypatch.setenv("SPDSL_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setattr(tvm.runtime.Executable, "export_library", full, raising=False)
    clear_memo()
    pat = spdsl.parse("pattern full(window = 24) { mask = causal and q - k < window }")["full"]
    attn = spdsl.compile(pat, head_dim=16)
    q, k, v = (torch.randn(1, 1, 40, 16) for _ in range(3))
    assert (attn(q, k, v) - spdsl.reference_attention(pat, q, k, v)).abs().max() < 1e-5
    assert not any((tmp_path / "c").rglob("kernel.so"))


def test_a_foreign_library_with_a_matching_sha_is_dropped_and_rebuilt(tmp_path, monkeypatch, tiny):
    """A valid library of another kernel, with a meta rewritten to its checksum, loads: it
    must be found foreign, dropped and rebuilt, and later compiles in the same process
    must work (dlopen would hand back the foreign library for the entry's path)."""
    import torch

    from spdsl.codegen.build import clear_memo
    from spdsl.codegen.cache import KernelCache, _file_hash

    monkeypatch.setenv("SPDSL_CACHE_DIR", str(tmp_path / "c"))
    clear_memo()
    pat = spdsl.parse("pattern foreign(window = 24) { mask = causal and q - k < window }")["foreign"]
    spdsl.compile(pat, head_dim=16)
    (entry,) = KernelCache().entries()
    fwd = tmp_path / "c" / "kernels" / entry["key"]
    tiny["dq"].export_library(str(fwd / "kernel.so"))
    meta = json.loads((fwd / "meta.json").read_text())
    meta["sha256"] = _file_hash(fwd / "kernel.so")
    (fwd / "meta.json").write_text(json.dumps(meta))
    q, k, v = (torch.randn(1, 1, 40, 16) for _ in range(3))
    ref = spdsl.reference_attention(pat, q, k, v)
    for _ in range(2):
        clear_memo()
        again = spdsl.compile(pat, head_dim=16)
        assert (again(q, k, v) - ref).abs().max() < 1e-5
    assert again.loaded_from_cache                                      # rebuilt once, then a hit


# ---- RPC peers: every step bounded, one clear error ----------------------------------------------

RPC_SCRIPT = r'''
import json, socket, struct, sys, threading, time
import torch, spdsl
from tvm.rpc import base
from spdsl.tune.rpc import RPCError, RPCMeasurer

MAGIC = base.RPC_TRACKER_MAGIC

def listen(serve):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
    def loop():
        while True:
            c, _ = s.accept()
            threading.Thread(target=serve, args=(c,), daemon=True).start()
    threading.Thread(target=loop, daemon=True).start()
    return s.getsockname()[1]

def silent(c):
    time.sleep(60)

def garbage(c):
    c.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n")
    time.sleep(60)

def reply(c, value):
    data = json.dumps(value).encode()
    c.sendall(struct.pack("<i", len(data)) + data)

def recv(c):
    n = struct.unpack("<i", base.recvall(c, 4))[0]
    return json.loads(base.recvall(c, n))

def tracker(answers):
    def serve(c):
        base.recvall(c, 4); c.sendall(struct.pack("<i", MAGIC))
        for a in answers:
            recv(c)
            if a == "huge":
                c.sendall(struct.pack("<i", 2_000_000_000) + b"x" * 64)
            elif a == "not json":
                c.sendall(struct.pack("<i", 5) + b"{oops")
            else:
                reply(c, a)
        time.sleep(60)
    return serve

closed = socket.socket(); closed.bind(("127.0.0.1", 0)); refused = closed.getsockname()[1]; closed.close()
silent_port = listen(silent)
summary = [0, {"queue_info": {"k": {"free": 1, "pending": 0}}, "server_info": []}]
cases = {
    "refused": refused,
    "silent": silent_port,
    "garbage": listen(garbage),
    "huge reply": listen(tracker(["huge"])),
    "not json": listen(tracker(["not json"])),
    "bad summary": listen(tracker([[0, {"queue_info": {"k": {"free": "lots"}}}]])),
    "failed request": listen(tracker([summary, [1, "no"]])),
    "bad request": listen(tracker([summary, [0, ["127.0.0.1", "port", "k"]]])),
    "no servers": listen(tracker([[0, {"queue_info": {}}]] * 100)),
    "session never answers": listen(tracker([summary, [0, ["127.0.0.1", silent_port, "k"]]])),
}
pat = spdsl.parse("pattern w(window = 40) { mask = causal and q - k < window }")["w"]
out = {}
for name, port in cases.items():
    start = time.monotonic()
    try:
        RPCMeasurer(f"127.0.0.1:{port}:k", pat, B=1, H=1, Lq=64, Lk=64, head_dim=32, dtype=torch.float32,
                    inputs={}, timeout=2, connect_timeout=1)
        out[name] = ["no error", 0]
    except RPCError as e:
        out[name] = [str(e), time.monotonic() - start]
    except Exception as e:
        out[name] = [f"{type(e).__name__}: {e}", -1]
print(json.dumps(out))
'''


@pytest.fixture(scope="module")
def rpc_failures():
    r = run_bounded(RPC_SCRIPT, seconds=120, memory_mb=BIG_MB)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("case, says", [
    ("refused", "connection refused"),
    ("silent", "no answer to the handshake in 1 s"),
    ("garbage", "not a TVM RPC tracker"),
    ("huge reply", "malformed reply to the summary"),
    ("not json", "not JSON"),
    ("bad summary", "malformed summary"),
    ("failed request", "request for a 'k' server failed"),
    ("bad request", "malformed reply to the request"),
    ("no servers", "no RPC server with key 'k'"),
    ("session never answers", "no answer in 2 s"),
])
def test_rpc_failures_are_one_bounded_error(rpc_failures, case, says):
    message, seconds = rpc_failures[case]
    assert says in message and "127.0.0.1:" in message, message
    assert 0 <= seconds < 10 and "\n" not in message, (message, seconds)
