"""The autotuner: search space, search, measurement, tuning database, CLI, RPC.

Kernels are tuned with few trials on small shapes; the chosen config is checked against
the float64 reference (forward and gradients). The database is checked under concurrent
writers, truncation, garbage and a version change. The RPC test starts a TVM tracker and
two servers on 127.0.0.1 and checks that the kernels really went through them.
"""

import argparse
import json
import multiprocessing
import os
import random
import signal
import socket
import subprocess
import sys
import time
from dataclasses import replace

import pytest
import torch

import spdsl
from spdsl.codegen.cpu.schedule import ScheduleConfig
from spdsl.tune.db import config_for
from spdsl.tune.search import default_config, search_space, tune
from spdsl.tune.db import VERSION, Bucket, TuningDB, cpu_target_id, signature_id
from conftest import EXAMPLES, assert_within_eager_budget

WINDOW = spdsl.parse("pattern w(window = 40) { mask = causal and q - k < window }")["w"]
HINTED = spdsl.parse("pattern hinted { block = 32\n mask = causal }")["hinted"]


def _bigbird():
    return spdsl.load(str(EXAMPLES / "bigbird.spdsl"))["bigbird"].bind(size=32)


@pytest.fixture
def db(tmp_path):
    return TuningDB(tmp_path / "tuning.jsonl")


# ---- search space -----------------------------------------------------------------------------

def test_space_respects_the_block_hint_unless_overridden():
    pat = _bigbird()
    fixed = search_space(pat, 64)
    assert "block_q" not in fixed.knobs and "block_k" not in fixed.knobs
    assert (fixed.default.block_q, fixed.default.block_k) == (32, 32)
    free = search_space(pat, 64, allow_block_override=True)
    assert {"block_q", "block_k"} <= set(free.knobs)
    assert free.size() > fixed.size()


def test_space_configs_are_valid_and_neighbours_stay_inside():
    space = search_space(WINDOW, 48)
    assert all(48 % v == 0 for v in space.knobs["dim_tile"])
    rng = random.Random(0)
    for _ in range(200):
        cfg = space.mutate(space.sample(rng), rng)
        if space.valid(cfg):
            cfg.with_lanes(space.lanes).check(48)  # never raises for a valid config
    for n in space.neighbours(space.default):
        assert space.valid(n)
        assert sum(getattr(n, k) != getattr(space.default, k) for k in space.knobs) == 1


# ---- the search, on a synthetic device -------------------------------------------------------

class FakeMeasurer:
    """A device whose time is a known function of the config: the search must find the
    optimum without a full grid, and never choose a failing config."""

    target = "fake/cpu"

    def __init__(self, broken):
        self.broken, self.prepared = broken, []

    def cost(self, c):
        return 1.0 + abs(c.block_k - 32) / 32 + abs(c.key_tile - 2) / 4 + abs(c.dim_tile - 8) / 8

    def prepare(self, cfg):
        self.prepared.append(cfg)
        if self.broken(cfg):
            raise RuntimeError("wrong result: relative error 3.1e-01")
        return cfg

    def measure(self, handles, rounds, rng):
        fast = [h for h in handles if h.block_q == 16 and h.key_tile == 1]  # fastest, and broken
        assert not fast, "a failed config was timed"
        return [[self.cost(h) * 1e-3 * (1 + 0.01 * rng.random()) for _ in range(rounds)] for h in handles]

    def close(self):
        pass


def test_search_finds_the_optimum_and_never_picks_a_failure(db):
    broken = lambda c: c.block_q == 16 and c.key_tile == 1  # noqa: E731
    meas = FakeMeasurer(broken)
    space_size = search_space(WINDOW, 64, allow_block_override=True).size()
    res = tune(WINDOW, seq=256, heads=2, head_dim=64, trials=40, budget=60, db=db, measurer=meas,
               progress=False, allow_block_override=True, seed=1)
    assert len({tuple(sorted(vars(c).items())) for c in meas.prepared}) <= 40 < space_size  # no full grid
    best = res.best_config
    assert meas.cost(best) == pytest.approx(1.0, abs=0.2)
    assert not broken(best) and res.speedup and res.speedup > 1
    recs = db.records()
    screened = [r for r in recs if r["stage"] == "screen"]
    assert len(screened) == len(meas.prepared)  # every trial is in the database
    failed = [r for r in recs if not r["ok"]]
    assert all("wrong result" in r["error"] for r in failed)
    cfg, rec = db.best("fake/cpu", res.signature)
    assert cfg == best and rec["ok"]


# ---- real kernels --------------------------------------------------------------------------

def _check(attn, pat, H, L, D, seed=0):
    gen = torch.Generator().manual_seed(seed)
    q, k, v, dout = (torch.randn(1, H, L, D, generator=gen, dtype=torch.float64) for _ in range(4))
    rq, rk, rv = (t.clone().requires_grad_() for t in (q, k, v))
    ref = spdsl.reference_attention(pat, rq, rk, rv)
    ref.backward(dout)
    eq, ek, ev = (t.float().requires_grad_() for t in (q, k, v))
    eager = spdsl.reference_attention(pat, eq, ek, ev)   # float32, eagerly: the error budget
    eager.backward(dout.float())
    kq, kk, kv = (t.float().requires_grad_() for t in (q, k, v))
    out = attn(kq, kk, kv)
    out.backward(dout.float())
    for what, got, want, e in (("out", out, ref, eager), ("dq", kq.grad, rq.grad, eq.grad),
                               ("dk", kk.grad, rk.grad, ek.grad), ("dv", kv.grad, rv.grad, ev.grad)):
        assert_within_eager_budget(got, want, e, what=what)


def test_tuned_config_is_exact_forward_and_backward(db):
    res = tune(WINDOW, seq=384, heads=2, head_dim=32, trials=3, budget=60, db=db, progress=False,
               allow_block_override=True)
    assert res.best_ms is not None and res.default_ms is not None
    assert all(r["target"] == cpu_target_id() for r in db.records())
    assert len([r for r in db.records() if r["stage"] == "screen"]) == 3
    cfg, reason = config_for(WINDOW, 32, torch.float32, seq=300, db=db)
    assert cfg == res.best_config and "bucket L512" in reason
    attn = spdsl.compile(WINDOW, head_dim=32, dtype=torch.float32, config=cfg)
    _check(attn, WINDOW, H=2, L=130, D=32)
    summary = res.summary()   # both timed above, so the summary states the speedup they give
    assert WINDOW.name in summary and f"{res.best_ms:9.3f} ms" in summary and f"{res.default_ms:9.3f} ms" in summary
    assert f"speedup  {res.speedup:.2f}x" in summary


def test_a_config_that_fails_is_recorded_and_never_chosen(db, monkeypatch):
    import spdsl.tune.measure as tn

    real = tn.check_error

    def poisoned(run, pattern, head_dim, dtype, seed=0, **kwargs):  # a kernel that computes garbage
        err, eager = real(run, pattern, head_dim, dtype, seed, **kwargs)
        return (0.5, eager) if poisoned.bad else (err, eager)

    poisoned.bad = False
    real_prepare = tn.LocalMeasurer.prepare

    def prepare(self, cfg):
        poisoned.bad = cfg.key_tile == 2
        if cfg.dim_tile == 2:
            raise RuntimeError("TVMError: build failed")
        return real_prepare(self, cfg)

    monkeypatch.setattr(tn, "check_error", poisoned)
    monkeypatch.setattr(tn.LocalMeasurer, "prepare", prepare)
    # the block hint leaves key_tile and dim_tile: generation 0 is the default and its 4 neighbours
    res = tune(HINTED, seq=256, heads=1, head_dim=32, trials=5, budget=60, db=db, progress=False)
    assert len({(t.config.key_tile, t.config.dim_tile) for t in res.trials}) == 5
    failed = [t for t in res.trials if not t.ok]
    assert failed and all(t.config.key_tile == 2 or t.config.dim_tile == 2 for t in failed)
    assert res.best_config.key_tile != 2 and res.best_config.dim_tile != 2
    cfg, _ = db.best(res.target, res.signature)
    assert cfg.key_tile != 2 and cfg.dim_tile != 2
    assert any("wrong result" in (r["error"] or "") for r in db.records())


# ---- the database ---------------------------------------------------------------------------

def _rec(db, i, bucket="L1024/H8", ok=True, ms=None, default_ms=10.0, **kw):
    return db.record(target="t", signature="s", bucket=bucket, config=ScheduleConfig(key_tile=[1, 2, 4, 8][i % 4]),
                     ok=ok, time_ms=ms if ms is not None else 10.0 - i % 4, default_ms=default_ms,
                     run="r", stage="screen", **kw)


def _writer(path, n, worker):
    db = TuningDB(path)
    for i in range(n):
        db.record(target="t", signature="s", bucket="L1024/H8", config=ScheduleConfig(), ok=True,
                  time_ms=1.0 + i, worker=worker, pad="x" * 3000)  # long lines: many write()s would tear


def test_concurrent_writers_lose_nothing(tmp_path):
    path = tmp_path / "db.jsonl"
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(path, 60, w)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    recs = TuningDB(path).records()
    assert len(recs) == 240 and len({r["id"] for r in recs}) == 240
    assert sorted(sum(r["worker"] == w for r in recs) for w in range(4)) == [60] * 4
    assert len(path.read_text().splitlines()) == 240


def test_truncated_garbage_and_foreign_versions_are_skipped(db, caplog):
    for i in range(3):
        _rec(db, i)
    text = db.path.read_bytes()
    db.path.write_bytes(text[:-25])  # a writer killed mid-line
    with caplog.at_level("DEBUG", logger="spdsl.tune"):
        assert len(db.records()) == 2
    assert "truncated" in caplog.text
    with open(db.path, "ab") as f:
        f.write(b"\n\x00\xff garbage\n[1, 2]\n")
        f.write(json.dumps({"v": VERSION + 1, "target": "t", "signature": "s", "bucket": "L1024/H8",
                            "config": {}, "ok": True, "time_ms": 0.001}).encode() + b"\n")
    rec = _rec(db, 3)  # appended after the damage, on a line of its own
    recs = db.records()
    assert len(recs) == 3 and recs[-1]["id"] == rec["id"]
    assert db.best("t", "s")[1]["time_ms"] != 0.001


def test_best_export_import(db, tmp_path):
    for i in range(4):
        _rec(db, i)
    _rec(db, 9, ok=False, ms=0.1)                       # failed: never chosen
    _rec(db, 5, bucket="L4096/H8", ms=9.5)              # the largest bucket wins when none is asked
    cfg, rec = db.best("t", "s")
    assert rec["bucket"] == "L4096/H8"
    cfg, rec = db.best("t", "s", Bucket(1024, 8))
    assert rec["time_ms"] == 7.0 and cfg.key_tile == 8
    assert db.best("t", "s", "L1024") is not None and db.best("t", "s", "L2048/H8") is None
    assert db.best("t", "other") is None
    out = tmp_path / "export.jsonl"
    assert db.export(out) == 6
    other = TuningDB(tmp_path / "other.jsonl")
    assert other.import_(out) == 6 and other.import_(out) == 0       # merge dedupes
    assert db.import_(other.path) == 0
    assert "L4096/H8" in db.show()


def test_a_raced_run_speaks_through_its_chosen_config(db):
    default, close = ScheduleConfig(), ScheduleConfig(key_tile=2)
    for cfg, ms, chosen in ((default, 10.0, True), (close, 9.9, False)):  # within the noise margin
        db.record(target="t", signature="s", bucket="L1024/H8", config=cfg, ok=True, time_ms=ms, default_ms=10.0,
                  run="r1", stage="final", **({"chosen": True} if chosen else {}))
    db.record(target="t", signature="s", bucket="L1024/H8", config=close, ok=True, time_ms=9.0, default_ms=10.0,
              run="r1", stage="screen")
    assert db.best("t", "s")[0] == default


def test_config_for(db, tmp_path):
    cfg, reason = config_for(WINDOW, 32, torch.float32, db=TuningDB(tmp_path / "none.jsonl"))
    assert cfg is None and "no tuning database" in reason
    target, sig = cpu_target_id(), signature_id(WINDOW, torch.float32, 32)
    tuned = replace(default_config(WINDOW), key_tile=2)
    db.record(target=target, signature=sig, bucket=Bucket.of(4096, H=8), config=tuned, ok=True, time_ms=5.0,
              default_ms=6.0, run="r", stage="final")
    cfg, reason = config_for(WINDOW, 32, torch.float32, seq=8000, db=db)
    assert cfg == tuned and "nearest tuned bucket L4096/H8" in reason
    cfg, reason = config_for(WINDOW, 32, torch.float16, db=db)
    assert cfg is None and "no tuned config" in reason


# ---- the CLI -------------------------------------------------------------------------------

def _cli(argv):
    from spdsl.cli.common import shape_args
    from spdsl.cli.tune import add_tune_command

    ap = argparse.ArgumentParser(prog="spdsl")
    add_tune_command(ap.add_subparsers(dest="command"), shape_args)
    args = ap.parse_args(argv)
    return args.fn(args)


def test_cli_tune_and_db(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SPDSL_TUNING_DB", str(tmp_path / "db.jsonl"))
    src = tmp_path / "w.spdsl"
    src.write_text("pattern w(window = 40) { mask = causal and q - k < window }\n")
    assert _cli(["tune", str(src), "--seq", "200", "--heads", "1", "--dim", "32", "--trials", "2",
                 "--json", "--no-progress"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["best_ms"] and len([t for t in report["trials"] if t["stage"] == "screen"]) == 2
    assert _cli(["tune", "--db", "show"]) == 0
    assert "w " in capsys.readouterr().out
    assert _cli(["tune", "--db", "export", str(tmp_path / "x.jsonl")]) == 0
    assert _cli(["tune", "--db", "import", str(tmp_path / "x.jsonl")]) == 0
    assert "imported 0 new records" in capsys.readouterr().out


# ---- remote measurement through TVM's RPC tracker and servers -------------------------------

def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _spawn(args, log, cwd):
    # a session of its own: the servers fork per connection, and killpg ends them all
    return subprocess.Popen([sys.executable, "-m", *args], stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True, cwd=cwd)


def _listening(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _wait_for(pred, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if pred():
                return
        except Exception:
            pass
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}")


def test_rpc_measures_on_the_servers(tmp_path, db):
    pytest.importorskip("tornado")  # the tracker needs it
    from tvm import rpc

    port = _free_port()
    key = "spdsl-test"
    procs, logs = [], []
    try:
        tlog = open(tmp_path / "tracker.log", "w")
        procs.append(_spawn(["tvm.exec.rpc_tracker", "--host", "127.0.0.1", "--port", str(port),
                             "--port-end", str(port + 1)], tlog, tmp_path))
        _wait_for(lambda: _listening(port), 60, "the tracker")
        base = _free_port()
        for i in range(2):
            logs.append(open(tmp_path / f"server{i}.log", "w"))
            # Disjoint port ranges: two servers probing one range at once can race to one port.
            lo = base + 50 * i
            procs.append(_spawn(["tvm.exec.rpc_server", "--host", "127.0.0.1", "--port", str(lo),
                                 "--port-end", str(lo + 50), "--tracker", f"127.0.0.1:{port}",
                                 "--key", key], logs[-1], tmp_path))
        _wait_for(lambda: rpc.connect_tracker("127.0.0.1", port).summary()["queue_info"][key]["free"] == 2,
                  60, "two servers")
        res = tune(WINDOW, seq=256, heads=2, head_dim=32, trials=3, budget=60, db=db, progress=False,
                   rpc=f"127.0.0.1:{port}:{key}", allow_block_override=True)
        assert res.target.startswith(f"rpc/{key}/")
        assert res.best_ms is not None and all(t.ok for t in res.trials)
        assert all(r["target"] == res.target for r in db.records())
        for i in range(2):  # both servers loaded our kernels: no local fallback
            text = (tmp_path / f"server{i}.log").read_text()
            assert "load_module" in text and "kernel-" in text, text
    finally:
        for p in procs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in procs:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)


def test_compile_consults_the_database_and_can_tune_first(tmp_path, monkeypatch, caplog):
    import logging

    monkeypatch.setenv("SPDSL_TUNING_DB", str(tmp_path / "tuning.jsonl"))
    with caplog.at_level(logging.DEBUG, logger="spdsl"):
        plain = spdsl.compile(WINDOW, head_dim=32)
    assert "no tuned config" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="spdsl"):
        tuned = spdsl.compile(WINDOW, head_dim=32, tune={"trials": 3, "budget": 60, "allow_block_override": True},
                              seq=256, heads=2)
    records = TuningDB(tmp_path / "tuning.jsonl").records()
    assert records, "tune=True wrote nothing to the database"
    best, _ = config_for(WINDOW, 32, torch.float32, seq=256, heads=2, db=TuningDB(tmp_path / "tuning.jsonl"))
    assert tuned.config == (best or plain.config)
    assert "spdsl: " in caplog.text and WINDOW.name in caplog.text
    gen = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(1, 2, 100, 32, generator=gen, dtype=torch.float64) for _ in range(3))
    assert_within_eager_budget(tuned(q.float(), k.float(), v.float()), spdsl.reference_attention(WINDOW, q, k, v),
                               spdsl.reference_attention(WINDOW, q.float(), k.float(), v.float()))


# ---- CUDA knobs (searched and stored without a GPU; measured on one) ------------------------

def test_cuda_space_configs_build_forward_and_backward():
    from spdsl.codegen.cuda.config import CudaConfig
    from spdsl.codegen.cuda.kernels import config_ok as cuda_config_ok
    from spdsl.tune.cuda import cuda_search_space

    for dtype, head_dim in ((torch.bfloat16, 128), (torch.float16, 64), (torch.float32, 64)):
        space = cuda_search_space(WINDOW, head_dim, dtype, allow_block_override=True)
        name = str(dtype).replace("torch.", "")
        assert set(space.knobs) == {"block_q", "block_k", "kv_tile", "smem_pad", "stages"}
        assert space.valid(space.default) and space.default == CudaConfig()
        rng = random.Random(0)
        valid = [c for c in (space.mutate(space.sample(rng), rng) for _ in range(200)) if space.valid(c)]
        assert len({c for c in valid}) > 10
        for cfg in valid:
            cfg.check(head_dim, name)                    # never raises for a valid config
            if cfg.uses_tensor_cores(name):
                assert cfg.threads(name) == 2 * cfg.block_q  # warps follow block_q
        for n in space.neighbours(space.default):
            assert space.valid(n)
    # 48 KiB of shared memory: configs whose chunks cannot fit are pruned, not built
    assert not cuda_config_ok(CudaConfig(block_q=64, block_k=16), 1024, "bfloat16")
    assert cuda_config_ok(CudaConfig(block_q=64, block_k=128), 128, "bfloat16")
    hinted = cuda_search_space(spdsl.parse("pattern p { block = (32, 128) mask = causal }")["p"], 64,
                               torch.float16)
    assert "block_q" not in hinted.knobs and hinted.default.block_k == 128


class FakeGPU:
    """A GPU whose step time is a known function of the config."""

    target = "cuda/sm_90"

    def prepare(self, cfg):
        return cfg

    def measure(self, handles, rounds, rng):
        cost = lambda c: 1 + abs(c.block_k - 32) / 32 + abs(c.kv_tile - 64) / 64 + c.smem_pad / 64  # noqa: E731
        return [[cost(h) * 1e-3 * (1 + 0.01 * rng.random()) for _ in range(rounds)] for h in handles]

    def close(self):
        pass


def test_cuda_tuning_is_stored_and_compile_uses_it(tmp_path, monkeypatch):
    from spdsl.codegen.cuda.config import CudaConfig

    monkeypatch.setenv("SPDSL_TUNING_DB", str(tmp_path / "tuning.jsonl"))
    db = TuningDB(tmp_path / "tuning.jsonl")
    res = tune(WINDOW, seq=1024, heads=4, head_dim=64, dtype=torch.bfloat16, device="cuda", trials=20,
               budget=60, db=db, measurer=FakeGPU(), progress=False, allow_block_override=True)
    best = res.best_config
    assert isinstance(best, CudaConfig) and best.block_k == 32 and best.smem_pad == 0
    cfg, reason = config_for(WINDOW, 64, torch.bfloat16, seq=1024, device="cuda", arch="sm_90", db=db)
    assert cfg == best, reason
    assert config_for(WINDOW, 64, torch.bfloat16, seq=1024, device="cuda", arch="sm_80", db=db)[0] is None
    assert config_for(WINDOW, 64, torch.bfloat16, seq=1024, db=db)[0] is None  # not a CPU config
    if not torch.cuda.is_available():  # no GPU: compile(device="cuda") builds for sm_90
        attn = spdsl.compile(WINDOW, head_dim=64, dtype=torch.bfloat16, device="cuda", seq=1024)
        assert attn.config == best and "mma.sync" in attn.cuda_source


def test_cuda_tuning_needs_a_gpu_here(tmp_path, monkeypatch, capsys):
    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    with pytest.raises(RuntimeError, match="CUDA GPU"):
        tune(WINDOW, seq=256, heads=2, head_dim=64, dtype=torch.float16, device="cuda",
             db=TuningDB(tmp_path / "t.jsonl"), progress=False)
    from spdsl.cli.main import main

    rc = main(["tune", str(EXAMPLES / "sliding_window.spdsl"), "--device", "cuda", "--dim", "64"])
    assert rc == 2 and "--device cuda" in capsys.readouterr().err
