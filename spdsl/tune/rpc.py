"""Remote measurement for the tuner through TVM's own RPC tracker and servers.

    python -m tvm.exec.rpc_tracker --host 0.0.0.0 --port 9190
    python -m tvm.exec.rpc_server --tracker HOST:9190 --key my-cpu       (on each device)
    spdsl tune examples/longformer.spdsl --seq 8192 --heads 8 --rpc HOST:9190:my-cpu

Kernels are built here (``spdsl.codegen.cpu``, for ``target``: the host CPU unless told
otherwise) and exported to a .so; each candidate is uploaded to a server, loaded, checked
there against the float64 reference (computed here) on the small check shape, and timed
with the remote module's ``time_evaluator`` on argument tensors made on the remote device
(q, k, v, out, lse, the packed block layout of the real pattern, the pattern's inputs).
One session per server the tracker lists for the key (at most ``max_sessions``); a round of
timings hands one candidate at a time to each free server, so the servers measure in
parallel and every candidate visits different servers over the rounds.

Every RPC step has a time limit: connecting to the tracker and its handshake
(``connect_timeout``), each tracker request, each session, upload, check and timing
(``timeout``). A peer that refuses, never answers or answers garbage ends in one
:class:`RPCError` naming the address and the step, never a hang or a traceback from
inside TVM. TVM RPC has no authentication: use it on loopback or a trusted network only
(docs/security.md).
"""

from __future__ import annotations

import logging
import math
import os
import queue
import json
import shutil
import socket
import struct
import tempfile
import threading
import time

import numpy as np

from spdsl.runtime.layouts import call_layout
from spdsl.tune.measure import CHECK_SHAPE, MIN_SAMPLE_S, WrongResult, accept, random_inputs

log = logging.getLogger("spdsl.tune")

CONNECT_TIMEOUT_S = 10.0   # connecting to the tracker and its handshake
STEP_TIMEOUT_S = 60.0      # any other RPC step: a request, a session, an upload, a run
MAX_REPLY_BYTES = 16 << 20  # a tracker's JSON reply; a bigger one is garbage


class RPCError(RuntimeError):
    """An RPC step failed or timed out; the message names the address and the step."""


def parse_address(text: str) -> tuple[str, int, str]:
    parts = str(text).rsplit(":", 2)
    if len(parts) != 3 or not parts[0] or not parts[1].isdigit() or not parts[2] \
            or not 0 < int(parts[1]) < 65536:
        raise ValueError(f"expected HOST:PORT:KEY (a TVM RPC tracker and a device key), got '{text}'")
    return parts[0], int(parts[1]), parts[2]


def _one_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return (text[-1] if text else type(e).__name__)[:300]


def bounded(what: str, address: str, fn, timeout: float):
    """``fn()``, or RPCError if it raises or has not returned in ``timeout`` seconds (TVM's
    RPC calls block in C++ without a time limit: it runs in a daemon thread, which is
    abandoned on a timeout)."""
    box: dict = {}

    def run():
        try:
            box["value"] = fn()
        except BaseException as e:  # handed to the caller
            box["error"] = e

    t = threading.Thread(target=run, daemon=True, name=f"spdsl-rpc-{what}")
    t.start()
    t.join(timeout)
    if t.is_alive():
        raise RPCError(f"RPC {what} at {address}: no answer in {timeout:g} s")
    if "error" in box:
        e = box["error"]
        if isinstance(e, RPCError):
            raise e
        raise RPCError(f"RPC {what} at {address} failed: {_one_line(e)}") from e
    return box["value"]


class Tracker:
    """A TVM RPC tracker client whose every step has a time limit and whose replies are
    checked (TVM's own TrackerSession retries a refused connection for 60 s and waits
    for an answer forever)."""

    def __init__(self, host: str, port: int, *, connect_timeout: float = CONNECT_TIMEOUT_S,
                 timeout: float = STEP_TIMEOUT_S):
        from tvm.rpc import base

        self.host, self.port, self.timeout = host, port, timeout
        self.address = f"{host}:{port}"
        try:
            self.sock = socket.create_connection((host, port), timeout=connect_timeout)
        except ConnectionRefusedError:
            raise RPCError(f"RPC tracker at {self.address}: connection refused (is "
                           "`python -m tvm.exec.rpc_tracker` running there?)") from None
        except socket.timeout:
            raise RPCError(f"RPC tracker at {self.address}: no answer to connect in {connect_timeout:g} s") from None
        except OSError as e:
            raise RPCError(f"RPC tracker at {self.address}: cannot connect ({e.strerror or e})") from None
        try:
            self.sock.sendall(struct.pack("<i", base.RPC_TRACKER_MAGIC))
            magic = struct.unpack("<i", self._recv(4, "handshake"))[0]
        except BaseException:
            self.close()
            raise
        if magic != base.RPC_TRACKER_MAGIC:
            self.close()
            raise RPCError(f"RPC tracker at {self.address}: the peer is not a TVM RPC tracker (wrong handshake)")
        self.sock.settimeout(timeout)

    def _recv(self, n: int, what: str) -> bytes:
        chunks, left = [], n
        try:
            while left:
                chunk = self.sock.recv(min(left, 1 << 16))
                if not chunk:
                    raise RPCError(f"RPC tracker at {self.address}: connection closed during the {what}")
                chunks.append(chunk)
                left -= len(chunk)
        except socket.timeout:
            raise RPCError(f"RPC tracker at {self.address}: no answer to the {what} in "
                           f"{self.sock.gettimeout():g} s") from None
        except OSError as e:
            raise RPCError(f"RPC tracker at {self.address}: the {what} failed ({e.strerror or e})") from None
        return b"".join(chunks)

    def _ask(self, message: list, what: str):
        """Send one JSON message; the checked ``[SUCCESS, value]`` reply's value."""
        from tvm.rpc import base

        data = json.dumps(message).encode()
        try:
            self.sock.sendall(struct.pack("<i", len(data)) + data)
        except OSError as e:
            raise RPCError(f"RPC tracker at {self.address}: cannot send the {what} ({e.strerror or e})") from None
        size = struct.unpack("<i", self._recv(4, what))[0]
        if not 0 <= size <= MAX_REPLY_BYTES:
            raise RPCError(f"RPC tracker at {self.address}: malformed reply to the {what} (length {size})")
        try:
            reply = json.loads(self._recv(size, what).decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise RPCError(f"RPC tracker at {self.address}: malformed reply to the {what} (not JSON)") from None
        if not isinstance(reply, list) or len(reply) != 2 or reply[0] != base.TrackerCode.SUCCESS:
            raise RPCError(f"RPC tracker at {self.address}: the {what} failed (reply {str(reply)[:100]})")
        return reply[1]

    def free_servers(self, key: str) -> int:
        """How many servers of ``key`` the tracker lists as free."""
        from tvm.rpc import base

        info = self._ask([base.TrackerCode.SUMMARY], "summary")
        queue_info = info.get("queue_info") if isinstance(info, dict) else None
        entry = (queue_info or {}).get(key) if isinstance(queue_info, dict) else None
        free = entry.get("free", 0) if isinstance(entry, dict) else 0
        if isinstance(free, bool) or not isinstance(free, int) or free < 0:
            raise RPCError(f"RPC tracker at {self.address}: malformed summary (free servers {str(free)[:40]})")
        return free

    def request(self, key: str, priority: int = 1):
        """A session on a free server of ``key`` (an ``RPCSession``)."""
        from tvm import rpc
        from tvm.rpc import base

        value = self._ask([base.TrackerCode.REQUEST, key, "", priority], f"request for a '{key}' server")
        if not (isinstance(value, list) and len(value) == 3 and isinstance(value[0], str)
                and isinstance(value[1], int) and not isinstance(value[1], bool) and 0 < value[1] < 65536
                and isinstance(value[2], str)):
            raise RPCError(f"RPC tracker at {self.address}: malformed reply to the request "
                           f"({str(value)[:100]})")
        url, port, matchkey = value
        return bounded("session", f"{url}:{port}", lambda: rpc.connect(url, port, matchkey, 0), self.timeout)

    def close(self) -> None:
        sock, self.sock = getattr(self, "sock", None), None
        if sock is not None:
            sock.close()


def _np(t) -> np.ndarray:
    """A torch tensor as NumPy (bfloat16 through ml_dtypes, which TVM understands)."""
    import torch

    t = t.detach().cpu().contiguous()
    if t.dtype == torch.bfloat16:
        import ml_dtypes
        return t.view(torch.int16).numpy().view(ml_dtypes.bfloat16)
    return t.numpy()


class _Shape:
    """Host-side arrays of one call shape, per block size (layouts are cached)."""

    def __init__(self, pattern, B, H, Lq, Lk, head_dim, dtype, inputs, seed, v_head_dim=None):
        import torch

        self.pattern, self.B, self.H, self.Lq, self.Lk = pattern, B, H, Lq, Lk
        gen = torch.Generator().manual_seed(seed)
        self.q64, self.k64, self.v64 = (torch.randn(B, H, L, d, generator=gen, dtype=torch.float64)
                                        for L, d in ((Lq, head_dim), (Lk, head_dim), (Lk, v_head_dim or head_dim)))
        self.qkv = [_np(t.to(dtype)) for t in (self.q64, self.k64, self.v64)]
        self.dtype_name = str(dtype).replace("torch.", "")
        self.inputs = inputs
        self._layouts: dict = {}

    def layout(self, bq, bk):
        if (bq, bk) not in self._layouts:
            self._layouts[(bq, bk)] = call_layout(self.pattern, (bq, bk), self.B, self.H, self.Lq, self.Lk,
                                                    self.inputs)
        return self._layouts[(bq, bk)]


class _Server:
    """One RPC session: its device, loaded modules and argument tensors."""

    def __init__(self, sess, index, address: str, timeout: float):
        self.sess, self.index, self.address, self.timeout = sess, index, address, timeout
        self.dev = sess.cpu(0)
        try:
            self.threads = int(bounded("thread count", address, sess.get_function("runtime.NumThreads"), timeout))
        except RPCError as e:  # an older server: any order is correct, only the balance differs
            log.debug("spdsl tune: %s", e)
            self.threads = 1
        self.modules: dict = {}
        self.args: dict = {}

    def module(self, cand):
        """The candidate's module on this server. Runs in a worker thread whose whole
        step ``_parallel`` bounds in time."""
        if cand.path not in self.modules:
            name = os.path.basename(cand.path)
            self.sess.upload(cand.path, name)
            self.modules[cand.path] = self.sess.load_module(name)
        return self.modules[cand.path]

    def arguments(self, shape: _Shape, cand, which: str):
        """The kernel's arguments on this server for ``shape`` and the candidate's blocks."""
        import tvm

        key = (which, cand.config.block_q, cand.config.block_k)
        if key not in self.args:
            packed, kin = shape.layout(cand.config.block_q, cand.config.block_k)
            q, k, v = (tvm.runtime.tensor(a, self.dev) for a in shape.qkv)
            out = tvm.runtime.empty((*shape.qkv[0].shape[:3], shape.qkv[2].shape[3]), shape.dtype_name, self.dev)
            lse = tvm.runtime.empty((shape.B, shape.H, shape.Lq), "float32", self.dev)
            lay = [packed.head_class, packed.row_ptr, packed.col_idx, packed.full, packed.task_order(self.threads)]
            extra = cand.extras.args(kin, shape.H, shape.Lq, shape.Lk)
            rest = [tvm.runtime.tensor(np.ascontiguousarray(a), self.dev) for a in lay]
            rest_extra = [tvm.runtime.tensor(_np(t), self.dev) for t in extra]
            self.args[key] = (q, k, v, out, lse, rest, rest_extra)
        q, k, v, out, lse, rest, rest_extra = self.args[key]
        return [q, k, v, out, lse, *rest, cand.scale, *rest_extra], out


class _Candidate:
    def __init__(self, config, path, extras, scale):
        self.config, self.path, self.extras, self.scale = config, path, extras, scale
        self.number = None


class RPCMeasurer:
    """The tuner's measurer (see spdsl.tune.LocalMeasurer) on the servers of a tracker."""

    def __init__(self, address: str, pattern, *, B, H, Lq, Lk, head_dim, dtype, inputs, target=None,
                 max_sessions: int = 8, timeout: float = STEP_TIMEOUT_S,
                 connect_timeout: float = CONNECT_TIMEOUT_S, v_head_dim: int | None = None):
        """``timeout``: seconds at most for each RPC step (waiting for a free server, a
        session, an upload, a check, a timing); ``connect_timeout``: for connecting to
        the tracker. Raises RPCError (a RuntimeError naming the address and the step)."""
        from spdsl.tune.db import cpu_target_id

        self.host, self.port, self.key = parse_address(address)
        self.address = f"{self.host}:{self.port}"
        self.pattern, self.head_dim, self.dtype, self.target_spec = pattern, head_dim, dtype, target
        self.v_head_dim = v_head_dim
        self.dtype_name = str(dtype).replace("torch.", "")
        self.timeout = float(timeout)
        self.servers: list = []
        self.tmp = tempfile.mkdtemp(prefix="spdsl-tune-rpc-")
        try:
            self.tracker = Tracker(self.host, self.port, connect_timeout=connect_timeout, timeout=self.timeout)
            n = self.count_servers(self.timeout)
            for i in range(min(n, max_sessions)):
                sess = self.tracker.request(self.key)
                self.servers.append(_Server(sess, i, self.address, self.timeout))
        except BaseException:
            self.close()
            raise
        # Records say where they were measured: the build target and the tracker's key.
        self.target = f"rpc/{self.key}/" + cpu_target_id(self.servers[0].threads).split("/", 1)[1]
        self.big = _Shape(pattern, B, H, Lq, Lk, head_dim, dtype, inputs, seed=0, v_head_dim=v_head_dim)
        L = CHECK_SHAPE["L"]
        self.small = _Shape(pattern, CHECK_SHAPE["B"], CHECK_SHAPE["H"], L, L, head_dim, dtype,
                            random_inputs(pattern, CHECK_SHAPE["B"], CHECK_SHAPE["H"], L, L, 0), seed=0,
                            v_head_dim=v_head_dim)
        self._ref = None
        self.sessions_used: set = set()

    def count_servers(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while True:
            free = self.tracker.free_servers(self.key)
            if free:
                return free
            if time.monotonic() > deadline:
                raise RPCError(f"no RPC server with key '{self.key}' at the tracker {self.address} "
                               f"(waited {timeout:g} s)")
            time.sleep(0.5)

    # -- the measurer interface --

    def prepare(self, cfg):
        return self._check(self._build(cfg))

    def prepare_many(self, configs) -> list:
        """Build every config here, then check them on the servers in parallel."""
        built = []
        for cfg in configs:
            try:
                built.append(self._build(cfg))
            except Exception as e:
                built.append(e)
        todo = [(i, c) for i, c in enumerate(built) if not isinstance(c, Exception)]
        results = self._parallel(todo, lambda srv, cand: self._check_on(srv, cand))
        for (i, cand), res in zip(todo, results):
            built[i] = res if isinstance(res, Exception) else cand
        return built

    def measure(self, handles, rounds, rng) -> list[list[float]]:
        samples = [[] for _ in handles]
        for _ in range(rounds):
            order = list(range(len(handles)))
            rng.shuffle(order)
            res = self._parallel([(i, handles[i]) for i in order], self._time_on)
            for i, r in zip(order, res):
                if isinstance(r, Exception):
                    raise r
                samples[i].append(r)
        return samples

    def close(self) -> None:
        for s in getattr(self, "servers", []):
            s.modules.clear()
            s.args.clear()
        self.servers = []
        tracker = getattr(self, "tracker", None)
        if tracker is not None:
            tracker.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- work --

    def _build(self, cfg) -> _Candidate:
        from spdsl.codegen.build import build

        made = build(self.pattern.mask, self.pattern.score, kernel="forward", head_dim=self.head_dim,
                     dtype=self.dtype_name, config=cfg, input_decls=list(self.pattern.inputs.values()),
                     target=self.target_spec, label=self.pattern.name, v_head_dim=self.v_head_dim)
        fd, path = tempfile.mkstemp(prefix="kernel-", suffix=".so", dir=self.tmp)
        os.close(fd)
        made.kernel.module.export_library(path)
        return _Candidate(made.config, path, made.kernel.extras, float(self.head_dim) ** -0.5)

    def _check(self, cand):
        res = self._parallel([(0, cand)], self._check_on)[0]
        if isinstance(res, Exception):
            raise res
        return cand

    def _check_on(self, srv: _Server, cand: _Candidate):
        import torch

        from spdsl.analysis.reference import reference_attention

        mod = srv.module(cand)
        args, out = srv.arguments(self.small, cand, "check")
        mod["forward"](*args)
        got = torch.from_numpy(np.asarray(out.numpy(), dtype=np.float64))
        if self._ref is None:
            s = self.small
            ref = reference_attention(self.pattern, s.q64, s.k64, s.v64, **s.inputs)
            low = [t.to(self.dtype) for t in (s.q64, s.k64, s.v64)]
            eager = reference_attention(self.pattern, *low, **s.inputs).double()
            self._ref = (ref, eager)
        ref, eager = self._ref
        norm = ref.norm().clamp_min(1e-30)
        err = ((got - ref).norm() / norm).item()
        eager_err = ((eager - ref).norm() / norm).item()
        if not (math.isfinite(err) and accept(err, eager_err, self.dtype)):
            raise WrongResult(f"wrong result on {self.key} server {srv.index}: relative error {err:.2e} "
                              f"against float64 (eager {self.dtype_name} gives {eager_err:.2e})")
        # first timing on the real shape: warms up, and sets the calls per sample
        args, _ = srv.arguments(self.big, cand, "time")
        once = mod.time_evaluator("forward", srv.dev, number=1, repeat=1)(*args).results[0]
        cand.number = max(1, math.ceil(MIN_SAMPLE_S / max(once, 1e-6)))
        return cand

    def _time_on(self, srv: _Server, cand: _Candidate) -> float:
        mod = srv.module(cand)
        args, _ = srv.arguments(self.big, cand, "time")
        ev = mod.time_evaluator("forward", srv.dev, number=cand.number or 1, repeat=1)
        return float(ev(*args).results[0])

    def _parallel(self, tasks, work) -> list:
        """Run ``work(server, item)`` for each (index, item), one item per server at a
        time; returns results (or exceptions) in the order of ``tasks``. Each step has
        ``timeout`` seconds: a server still busy past that is dropped (its item fails
        with an RPCError); with no server left, RPCError."""
        if not self.servers:
            raise RPCError(f"no RPC server left at the tracker {self.address} (all timed out)")
        jobs: queue.Queue = queue.Queue()
        for n, (_, item) in enumerate(tasks):
            jobs.put((n, item))
        results: list = [None] * len(tasks)
        busy: dict = {}  # server index -> (item number, started)
        lock = threading.Lock()

        def worker(srv):
            while True:
                try:
                    n, item = jobs.get_nowait()
                except queue.Empty:
                    return
                with lock:
                    busy[srv.index] = (n, time.monotonic())
                try:
                    res = work(srv, item)
                    self.sessions_used.add(srv.index)
                except Exception as e:  # recorded as this candidate's failure
                    res = e if isinstance(e, WrongResult) else _rpc_error(e, srv)
                with lock:
                    if busy.pop(srv.index, None) is None:
                        return  # timed out meanwhile: the item is failed, the server dropped
                    results[n] = res

        threads = {s.index: threading.Thread(target=worker, args=(s,), daemon=True) for s in self.servers}
        for t in threads.values():
            t.start()
        while any(t.is_alive() for t in threads.values()):
            for t in threads.values():
                t.join(0.05)
            now = time.monotonic()
            with lock:
                late = [i for i, (_, began) in busy.items() if now - began > self.timeout]
                for i in late:
                    n, _ = busy.pop(i)
                    results[n] = RPCError(f"RPC step on {self.key} server {i} at the tracker {self.address}: "
                                          f"no answer in {self.timeout:g} s; server dropped")
                    log.warning("spdsl tune: %s", results[n])
                    self.servers = [s for s in self.servers if s.index != i]
                    threads.pop(i)
            if not threads:
                break
        for n, res in enumerate(results):
            if res is None:  # never started: every server was dropped
                results[n] = RPCError(f"no RPC server left at the tracker {self.address} (all timed out)")
        return results


def _rpc_error(e: Exception, srv: _Server) -> Exception:
    """A failure of an RPC step as one line naming the server (TVM's errors carry a C++
    backtrace)."""
    if isinstance(e, RPCError):
        return e
    return RPCError(f"RPC step on server {srv.index} at {srv.address} failed: {_one_line(e)}")
