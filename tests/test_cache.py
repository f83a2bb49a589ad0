"""The kernel cache: keys cover what changes a kernel; corrupt entries are rebuilt;
two processes compiling the same kernel at once both end with a correct kernel."""

import json
import os
import subprocess
import sys
from dataclasses import replace

import pytest
import torch

import spdsl
from spdsl.codegen.cache import KernelCache, key_of
from spdsl.codegen.cpu.schedule import ScheduleConfig
from conftest import EXAMPLES, ROOT

PAT = spdsl.parse("pattern w(window = 40) { mask = causal and q - k < window }")["w"]


def _key(pattern=PAT, **kw):
    args = dict(head_dim=32, dtype=torch.float32, device="cpu", scale=None, config=None, target=None, cache=False)
    args.update(kw)
    from spdsl.runtime.op import CompiledAttention
    obj = CompiledAttention.__new__(CompiledAttention)
    obj.pattern, obj.head_dim, obj.dtype, obj.target = pattern, args["head_dim"], args["dtype"], args["target"]
    obj.device = "cpu"
    obj.config = args["config"] or ScheduleConfig()
    return obj._key()


def test_key_changes_with_everything_that_changes_the_kernel(monkeypatch):
    base = _key()
    assert _key() == base                                          # deterministic
    changed = [_key(pattern=PAT.bind(window=41)), _key(head_dim=64), _key(dtype=torch.bfloat16),
               _key(config=ScheduleConfig(block_q=32)), _key(config=replace(ScheduleConfig(), key_tile=2)),
               _key(target={"kind": "llvm", "mcpu": "skylake", "num-cores": 2})]
    assert base not in changed and len(set(changed)) == len(changed)
    monkeypatch.setattr("spdsl.runtime.op._cpu_features", lambda: "other-cpu")
    assert _key() != base
    monkeypatch.undo()
    monkeypatch.setattr("spdsl.__version__", "9.9.9")
    assert _key() != base
    monkeypatch.undo()
    # Same kernel under another name or spacing: same key.
    same = spdsl.parse("pattern other(window = 40) {\n mask = causal and q-k<window }")["other"]
    assert _key(pattern=same) == base


def _attn(**kw):
    return spdsl.compile(PAT, head_dim=32, **kw)


def test_store_load_and_corrupt_entries_are_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("SPDSL_CACHE_DIR", str(tmp_path))
    import spdsl.runtime.op as rt
    rt._BUILT.clear()
    a = _attn()
    assert not a.loaded_from_cache
    entries = KernelCache().entries()
    assert len(entries) == 1 and entries[0]["kernel"] == "forward"
    rt._BUILT.clear()
    assert _attn().loaded_from_cache
    # Corrupt the library: it must be dropped and rebuilt, never loaded.
    lib = next((tmp_path / "kernels").glob("*/kernel.so"))
    # Replaced, not truncated in place: this process has the library mapped, and cutting a
    # mapped file under it would crash it (SIGBUS), which is not what this test is about.
    (tmp_path / "cut.so").write_bytes(lib.read_bytes()[:1000])
    os.replace(tmp_path / "cut.so", lib)
    rt._BUILT.clear()
    b = _attn()
    assert not b.loaded_from_cache
    q, k, v = (torch.randn(1, 1, 70, 32) for _ in range(3))
    ref = spdsl.reference_attention(PAT, q, k, v)
    assert torch.allclose(b(q, k, v), ref, atol=1e-5)
    # Garbage meta: rebuilt as well.
    meta = next((tmp_path / "kernels").glob("*/meta.json"))
    meta.write_text("{not json")
    rt._BUILT.clear()
    assert not _attn().loaded_from_cache
    # A foreign entry (key material that does not match) is not used.
    meta = next((tmp_path / "kernels").glob("*/meta.json"))
    data = json.loads(meta.read_text())
    data["material"]["head_dim"] = 999
    meta.write_text(json.dumps(data))
    rt._BUILT.clear()
    assert not _attn().loaded_from_cache


def test_two_processes_compiling_at_once(tmp_path):
    code = ("import torch, spdsl\n"
            "p = spdsl.parse('pattern w(window = 40) { mask = causal and q - k < window }')['w']\n"
            "a = spdsl.compile(p, head_dim=32)\n"
            "q, k, v = (torch.randn(1, 2, 90, 32) for _ in range(3))\n"
            "err = (a(q, k, v) - spdsl.reference_attention(p, q, k, v)).abs().max().item()\n"
            "print(err)\n")
    env = {**os.environ, "SPDSL_CACHE_DIR": str(tmp_path)}
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, cwd=ROOT, env=env) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert float(out.strip()) < 1e-5
    assert len(KernelCache(tmp_path).entries()) == 1


def test_cache_cli(tmp_path):
    env = {**os.environ, "SPDSL_CACHE_DIR": str(tmp_path)}
    run = lambda *a: subprocess.run([sys.executable, "-m", "spdsl.cli", *a], capture_output=True, text=True,
                                    cwd=ROOT, env=env)
    r = run("compile", str(EXAMPLES / "sliding_window.spdsl"), "--dim", "32", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["cached"] is False
    r = run("compile", str(EXAMPLES / "sliding_window.spdsl"), "--dim", "32", "--json")
    assert json.loads(r.stdout)["cached"] is True
    r = run("cache", "list")
    assert "3 cached kernels" in r.stdout and "forward" in r.stdout and "dkdv" in r.stdout
    r = run("cache", "clear")
    assert "removed 3" in r.stdout
    assert KernelCache(tmp_path).entries() == []
