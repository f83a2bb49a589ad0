import os
import pathlib

import pytest

# Under pytest-xdist every core already runs a worker (kernel builds are single-threaded):
# one compute thread per worker, for torch and for TVM's pool, instead of each worker
# starting a thread per core and all of them contending (the suite's wall time is mostly
# kernel builds competing with those threads).
if os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ.setdefault("TVM_NUM_THREADS", "1")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    try:
        import torch as _torch
        _torch.set_num_threads(1)
    except ImportError:
        pass

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = pathlib.Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/* from the current output")


@pytest.fixture
def update_golden(request):
    return request.config.getoption("--update-golden")


def check_golden(path: pathlib.Path, text: str, update: bool) -> None:
    """Compare ``text`` with the golden file (or rewrite it under --update-golden)."""
    if update or not path.exists():
        if not update:
            pytest.fail(f"no golden file {path.name}; run pytest --update-golden and review the diff")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return
    assert text == path.read_text(), f"{path.name} differs; if intended, run pytest --update-golden"


# A kernel is held to the error of the same computation done eagerly by torch in the
# kernel's dtype (both measured against a float64 reference), never to a magic number:
# a budget that follows the dtype, the sizes and the pattern.
EAGER_FACTOR = 8.0


def rel_error(x, ref) -> float:
    """||x - ref|| / ||ref|| in float64 (0 for an empty tensor)."""
    ref = ref.detach().double()
    if ref.numel() == 0:
        return 0.0
    return ((x.detach().double() - ref).norm() / ref.norm().clamp_min(1e-30)).item()


def max_error(x, ref) -> float:
    """max |x - ref| in float64 (0 for an empty tensor)."""
    ref = ref.detach().double()
    return (x.detach().double() - ref).abs().max().item() if ref.numel() else 0.0


def assert_within_eager_budget(got, ref, eager, *, factor: float = EAGER_FACTOR, floor: float = 1e-6,
                               metric=rel_error, what: str = "") -> None:
    """``got``'s error against the float64 ``ref`` is at most ``factor`` times the error of
    ``eager`` (the same computation by torch in the kernel's dtype) plus ``floor``.

    >>> assert_within_eager_budget(out, ref64, reference_attention(pat, q32, k32, v32))
    """
    err, eager_err = metric(got, ref), metric(eager, ref)
    assert err <= factor * eager_err + floor, \
        f"{what}: error {err:.3g} > {factor:g} x eager error {eager_err:.3g} + {floor:g}"


@pytest.fixture(scope="session", autouse=True)
def _private_kernel_cache(tmp_path_factory):
    """Kernels built by the suite go to a cache of its own, shared by all its tests (and,
    under pytest-xdist, by all its workers: the cache takes concurrent writers)."""
    import os
    old = os.environ.get("SPDSL_CACHE_DIR")
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = tmp_path_factory.getbasetemp().parent / "spdsl-cache"
        shared.mkdir(mode=0o700, exist_ok=True)
        os.environ["SPDSL_CACHE_DIR"] = str(shared)
    else:
        os.environ["SPDSL_CACHE_DIR"] = str(tmp_path_factory.mktemp("spdsl-cache"))
    yield
    if old is None:
        os.environ.pop("SPDSL_CACHE_DIR", None)
    else:
        os.environ["SPDSL_CACHE_DIR"] = old


# CI runs the property tests on a fixed sequence of examples (a red CI must mean a
# change broke something); locally they keep exploring new examples each run.
try:
    import os as _os

    from hypothesis import settings as _settings

    _settings.register_profile("ci", derandomize=True, print_blob=True)
    if _os.environ.get("CI"):
        _settings.load_profile("ci")
except ImportError:  # hypothesis is a test dependency; without it those tests fail to import anyway
    pass


def run_bounded(code: str, *args: str, seconds: float = 60, memory_mb: int = 2048, env=None,
                stdin=None):
    """Run ``python -c code *args`` in a fresh process under a wall-clock limit and an
    address-space limit (RLIMIT_AS), as hostile-input tests need: a hang or a memory
    blow-up fails the test instead of the machine. Returns the CompletedProcess; on a
    timeout, fails with what the process printed so far."""
    import os
    import resource
    import subprocess
    import sys

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))

    try:
        return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                              timeout=seconds, preexec_fn=limit, cwd=ROOT, stdin=stdin,
                              env={**os.environ, **(env or {})})
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"did not finish in {seconds} s; output so far: {e.stdout!r} {e.stderr!r}")


def run_cli_bounded(*args: str, seconds: float = 60, memory_mb: int = 2048, env=None):
    """``spdsl ARGS`` through :func:`run_bounded`."""
    return run_bounded("import sys; from spdsl.cli.main import main; sys.exit(main(sys.argv[1:]))",
                       *args, seconds=seconds, memory_mb=memory_mb, env=env)


def has_avx512_bf16() -> bool:
    """Whether this CPU's LLVM target has AVX512-BF16 (the bfloat16 kernels' vdpbf16ps path)."""
    from spdsl.codegen.cpu.target import bf16_products

    return bf16_products(None) == "dpbf16"
