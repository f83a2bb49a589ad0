"""Autotuning: the search over schedule knobs (``search``), measurement on this machine
(``measure``), over TVM RPC (``rpc``) and on a GPU (``cuda``), and the tuning database
that ``spdsl.compile`` consults (``db``)."""

from spdsl.tune.search import DEFAULT_BUDGET_S, TuneResult, tune

__all__ = ["DEFAULT_BUDGET_S", "TuneResult", "tune"]
