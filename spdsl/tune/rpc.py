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
"""

from __future__ import annotations

import logging
import math
import os
import queue
import shutil
import tempfile
import threading
import time

import numpy as np

from spdsl.runtime.op import call_layout
from spdsl.tune.measure import CHECK_SHAPE, MIN_SAMPLE_S, WrongResult, accept, random_inputs

log = logging.getLogger("spdsl.tune")


def parse_address(text: str) -> tuple[str, int, str]:
    host, port, key = text.rsplit(":", 2)
    if not host or not port.isdigit() or not key:
        raise ValueError(f"expected HOST:PORT:KEY (a TVM RPC tracker and a device key), got '{text}'")
    return host, int(port), key


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

    def __init__(self, pattern, B, H, Lq, Lk, head_dim, dtype, inputs, seed):
        import torch

        self.pattern, self.B, self.H, self.Lq, self.Lk = pattern, B, H, Lq, Lk
        gen = torch.Generator().manual_seed(seed)
        self.q64, self.k64, self.v64 = (torch.randn(B, H, L, head_dim, generator=gen, dtype=torch.float64)
                                        for L in (Lq, Lk, Lk))
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

    def __init__(self, sess, index):
        self.sess, self.index = sess, index
        self.dev = sess.cpu(0)
        try:
            self.threads = int(sess.get_function("runtime.NumThreads")())
        except Exception:  # an older server: any order is correct, only the balance differs
            self.threads = 1
        self.modules: dict = {}
        self.args: dict = {}

    def module(self, cand):
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
            out = tvm.runtime.empty(shape.qkv[0].shape, shape.dtype_name, self.dev)
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
                 max_sessions: int = 8, timeout: float = 60.0):
        from tvm import rpc

        from spdsl.tune.db import cpu_target_id

        self.host, self.port, self.key = parse_address(address)
        self.pattern, self.head_dim, self.dtype, self.target_spec = pattern, head_dim, dtype, target
        self.dtype_name = str(dtype).replace("torch.", "")
        self.tmp = tempfile.mkdtemp(prefix="spdsl-tune-rpc-")
        self.tracker = rpc.connect_tracker(self.host, self.port)
        n = self.count_servers(timeout)
        self.servers = [_Server(self.tracker.request(self.key, priority=1, session_timeout=0), i)
                        for i in range(min(n, max_sessions))]
        # Records say where they were measured: the build target and the tracker's key.
        self.target = f"rpc/{self.key}/" + cpu_target_id(self.servers[0].threads).split("/", 1)[1]
        self.big = _Shape(pattern, B, H, Lq, Lk, head_dim, dtype, inputs, seed=0)
        L = CHECK_SHAPE["L"]
        self.small = _Shape(pattern, CHECK_SHAPE["B"], CHECK_SHAPE["H"], L, L, head_dim, dtype,
                            random_inputs(pattern, CHECK_SHAPE["B"], CHECK_SHAPE["H"], L, L, 0), seed=0)
        self._ref = None
        self.sessions_used: set = set()

    def count_servers(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while True:
            info = self.tracker.summary()
            free = (info.get("queue_info", {}).get(self.key) or {}).get("free", 0)
            if free:
                return int(free)
            if time.monotonic() > deadline:
                raise RuntimeError(f"no RPC server with key '{self.key}' at the tracker {self.host}:{self.port}")
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
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- work --

    def _build(self, cfg) -> _Candidate:
        from spdsl.codegen.build import build

        made = build(self.pattern.mask, self.pattern.score, kernel="forward", head_dim=self.head_dim,
                     dtype=self.dtype_name, config=cfg, input_decls=list(self.pattern.inputs.values()),
                     target=self.target_spec, label=self.pattern.name)
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
        time; returns results (or exceptions) in the order of ``tasks``."""
        jobs: queue.Queue = queue.Queue()
        for n, (_, item) in enumerate(tasks):
            jobs.put((n, item))
        results: list = [None] * len(tasks)

        def worker(srv):
            while True:
                try:
                    n, item = jobs.get_nowait()
                except queue.Empty:
                    return
                try:
                    results[n] = work(srv, item)
                    self.sessions_used.add(srv.index)
                except Exception as e:  # recorded as this candidate's failure
                    results[n] = e

        threads = [threading.Thread(target=worker, args=(s,), daemon=True) for s in self.servers]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return results
