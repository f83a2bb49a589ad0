"""TVMScript helpers: :func:`sequence` (macros run one after another) and a faster macro
call (TVM 0.27), installed once when the kernels' code is imported.

Every ``T.macro`` call looks up the parser that is running it, and TVM does that with
``inspect.getouterframes``, which reads the source line of every frame on the stack
(finding each frame's file and module) just to look at each frame's globals. Our
kernels call macros thousands of times while one PrimFunc is parsed: that lookup was
about 64% of the time it took to write a backward kernel's TIR (profiled: longformer,
dQ + dK/dV, 2.4 s of CPU time). :func:`install` replaces it with the same walk over the
raw frames (``frame.f_back``), which finds the same parser in the same order without
reading any source. The generated TIR is unchanged (the golden tests compare it).

If TVM's ``ScriptMacro`` ever stops having the method, nothing is replaced.
"""

from __future__ import annotations

import sys

_INSTALLED = False


def _find_parser_def(self):
    """The innermost running parser: the first frame, from this one outwards, whose
    globals hold it (what TVM's own method returns)."""
    name = type(self).parser_object_name
    frame = sys._getframe(0)
    while frame is not None:
        parser = frame.f_globals.get(name)
        if parser is not None:
            return parser
        frame = frame.f_back
    raise RuntimeError(f"{name} not available")


def install() -> None:
    """Replace ``ScriptMacro._find_parser_def`` (once per process)."""
    global _INSTALLED
    if _INSTALLED:
        return
    from tvm.script.parser.core.parser import ScriptMacro

    if callable(getattr(ScriptMacro, "_find_parser_def", None)) and hasattr(ScriptMacro, "parser_object_name"):
        ScriptMacro._find_parser_def = _find_parser_def
    _INSTALLED = True


def sequence(macros):
    """One T.macro running ``macros`` in order with the same arguments (TVMScript has no
    loop over a Python list of macros)."""
    from tvm.script import tirx as T

    @T.macro
    def nothing(*args):
        T.evaluate(0)

    run = nothing
    for m in macros:
        run = _then(run, m)
    return run


def _then(first, second):
    from tvm.script import tirx as T

    @T.macro
    def both(*args):
        first(*args)
        second(*args)
    return both
