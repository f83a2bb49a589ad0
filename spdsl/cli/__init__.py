"""The ``spdsl`` command line: one module per command group (``main``: check, show,
explain, cache and the parser; ``kernels``: compile, run; ``tune``), helpers they share
in ``common``."""

from spdsl.cli.main import main

__all__ = ["main"]
