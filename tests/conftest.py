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
        path.write_text(text)
        return
    assert text == path.read_text(), f"{path.name} differs; if intended, run pytest --update-golden"
