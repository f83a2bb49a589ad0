import pathlib

import pytest

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


@pytest.fixture(scope="session", autouse=True)
def _private_kernel_cache(tmp_path_factory):
    """Kernels built by the suite go to a cache of its own, shared by all its tests."""
    import os
    old = os.environ.get("SPDSL_CACHE_DIR")
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
