"""The kernel cache: keys cover what changes a kernel; corrupt entries are rebuilt;
two processes compiling the same kernel at once both end with a correct kernel."""

import json
import os
import subprocess
import sys
from dataclasses import replace

import torch

import spdsl
from spdsl.codegen.cache import KernelCache, key_of
from spdsl.codegen.cpu.schedule import ScheduleConfig
from conftest import EXAMPLES, ROOT

PAT = spdsl.parse("pattern w(window = 40) { mask = causal and q - k < window }")["w"]


def _key(pattern=PAT, **kw):
    from spdsl.codegen.build import key_material, resolve_config

    args = dict(head_dim=32, dtype="float32", device="cpu", config=None, target=None)
    args.update(kw)
    config = resolve_config(args.pop("config"), head_dim=args["head_dim"], dtype=args["dtype"],
                            device=args["device"], target=args["target"])
    return key_of(key_material(pattern.mask, pattern.score, list(pattern.inputs.values()),
                               config=config, **args))


def test_key_changes_with_everything_that_changes_the_kernel(monkeypatch):
    base = _key()
    assert _key() == base                                          # deterministic
    changed = [_key(pattern=PAT.bind(window=41)), _key(head_dim=64), _key(dtype="bfloat16"),
               _key(config=ScheduleConfig(block_q=32)), _key(config=replace(ScheduleConfig(), key_tile=2)),
               _key(target={"kind": "llvm", "mcpu": "skylake", "num-cores": 2}),
               _key(device="cuda", target="sm_90"), _key(device="cuda", target="sm_80")]
    assert base not in changed and len(set(changed)) == len(changed)
    monkeypatch.setattr("spdsl.device.cpu_features", lambda: "other-cpu")
    assert _key() != base
    monkeypatch.undo()
    monkeypatch.setattr("spdsl.version.VERSION", "9.9.9")
    assert _key() != base
    monkeypatch.undo()
    monkeypatch.setattr("spdsl.codegen.build.generator_digest", lambda: "another generator")
    assert _key() != base
    monkeypatch.undo()
    # Same kernel under another name or spacing: same key.
    same = spdsl.parse("pattern other(window = 40) {\n mask = causal and q-k<window }")["other"]
    assert _key(pattern=same) == base


def test_a_changed_code_generator_gives_new_keys(tmp_path):
    """The key covers the generator's own sources: a constant changed in vecmath.py (which
    changes the generated TIR) changes the digest, so an old library can never load."""
    import shutil

    from spdsl.codegen.build import generator_digest

    copy = tmp_path / "codegen"
    shutil.copytree(ROOT / "codegen", copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert generator_digest(copy) == generator_digest(ROOT / "codegen")
    vecmath = copy / "common" / "vecmath.py"
    vecmath.write_text(vecmath.read_text() + "\nEXTRA = 1.0\n")
    assert generator_digest(copy) != generator_digest(ROOT / "codegen")
    (copy / "cpu" / "new_pass.py").write_text("# a new file of the generator\n")
    assert len({generator_digest(copy), generator_digest(ROOT / "codegen")}) == 2


def test_a_cached_load_in_a_fresh_process_builds_nothing(tmp_path):
    """Built once; then a new process whose TIR generators and TVM compiler raise when
    called compiles the pattern, runs forward and backward, and gets the right answer."""
    env = {**os.environ, "SPDSL_CACHE_DIR": str(tmp_path)}
    setup = ("import torch, spdsl\n"
             f"pat = spdsl.load({str(EXAMPLES / 'documents.spdsl')!r})['documents']\n")
    first = setup + "a = spdsl.compile(pat, head_dim=32); a.backward_kernels; print(a.loaded_from_cache)\n"
    r = subprocess.run([sys.executable, "-c", first], capture_output=True, text=True, cwd=ROOT, env=env)
    assert r.returncode == 0 and r.stdout.strip() == "False", r.stderr
    second = setup + (
        "import tvm\n"
        "from spdsl.codegen.cpu import backward, forward\n"
        "def refuse(*a, **k): raise AssertionError('a cache hit generated or compiled code')\n"
        "forward.forward_primfunc = backward.dq_primfunc = backward.dkdv_primfunc = refuse\n"
        "tvm.compile = refuse\n"
        "a = spdsl.compile(pat, head_dim=32)\n"
        "q, k, v = (torch.randn(2, 3, 130, 32, dtype=torch.float64, requires_grad=True) for _ in range(3))\n"
        "doc = torch.randint(0, 3, (2, 130)).sort(-1).values\n"
        "out = a(*(t.float() for t in (q, k, v)), doc=doc)\n"
        "out.sum().backward()\n"
        "ref = spdsl.reference_attention(pat, q, k, v, doc=doc)\n"
        "print(a.loaded_from_cache, (out.double() - ref).abs().max().item())\n")
    r = subprocess.run([sys.executable, "-c", second], capture_output=True, text=True, cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr
    cached, err = r.stdout.split()
    assert cached == "True" and float(err) < 1e-5


def test_cuda_builds_are_cached_with_their_source(tmp_path, monkeypatch):
    """CUDA builds go through the same road: each module's library and CUDA source are
    stored. Without the CUDA runtime (this machine) an entry cannot be loaded, so it is
    left in place (not dropped as corrupt) and the kernels are built again."""
    from spdsl.codegen.build import build, clear_memo

    monkeypatch.setenv("SPDSL_CACHE_DIR", str(tmp_path))
    common = dict(kernel="backward", head_dim=32, dtype="bfloat16", device="cuda", target="sm_90")
    first = build(PAT.mask, PAT.score, **common)
    entries = KernelCache(tmp_path).entries()
    assert sorted(e["kernel"] for e in entries) == ["dkdv", "dq"]
    for name in ("dq", "dkdv"):
        entry = next(e for e in entries if e["kernel"] == name)
        assert (tmp_path / "kernels" / entry["key"] / "source.cu").read_text() == first.kernel.sources[name]
    clear_memo()
    again = build(PAT.mask, PAT.score, **common)
    assert not again.from_cache and again.key == first.key
    assert len(KernelCache(tmp_path).entries()) == 2


def _attn(**kw):
    return spdsl.compile(PAT, head_dim=32, **kw)


def test_store_load_and_corrupt_entries_are_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("SPDSL_CACHE_DIR", str(tmp_path))
    from spdsl.codegen.build import clear_memo
    clear_memo()
    a = _attn()
    assert not a.loaded_from_cache
    entries = KernelCache().entries()
    assert len(entries) == 1 and entries[0]["kernel"] == "forward"
    assert entries[0]["generator"] and entries[0]["abi"]
    clear_memo()
    assert _attn().loaded_from_cache
    # Corrupt the library: it must be dropped and rebuilt, never loaded.
    lib = next((tmp_path / "kernels").glob("*/kernel.so"))
    # Replaced, not truncated in place: this process has the library mapped, and cutting a
    # mapped file under it would crash it (SIGBUS), which is not what this test is about.
    (tmp_path / "cut.so").write_bytes(lib.read_bytes()[:1000])
    os.replace(tmp_path / "cut.so", lib)
    clear_memo()
    b = _attn()
    assert not b.loaded_from_cache
    q, k, v = (torch.randn(1, 1, 70, 32) for _ in range(3))
    ref = spdsl.reference_attention(PAT, q, k, v)
    assert torch.allclose(b(q, k, v), ref, atol=1e-5)
    # Garbage meta: rebuilt as well.
    meta = next((tmp_path / "kernels").glob("*/meta.json"))
    meta.write_text("{not json")
    clear_memo()
    assert not _attn().loaded_from_cache
    # A foreign entry (key material that does not match) is not used.
    meta = next((tmp_path / "kernels").glob("*/meta.json"))
    data = json.loads(meta.read_text())
    data["material"]["head_dim"] = 999
    meta.write_text(json.dumps(data))
    clear_memo()
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
    assert "4 cached kernels" in r.stdout and all(n in r.stdout for n in ("forward", "dq", "dkdv", "dqkv"))
    r = run("cache", "clear")
    assert "removed 4" in r.stdout
    assert KernelCache(tmp_path).entries() == []
