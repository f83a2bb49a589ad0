"""Errors that know where they happened.

Every problem in a pattern file becomes a :class:`Diagnostic` (file, line, column, the
source line, a message and an optional hint). A phase collects all of them and raises
one :class:`PatternError` carrying the whole list, formatted as::

    sliding.spdsl:2:31: error: unknown name 'windw'
        mask = causal and q - k < windw
                                  ^^^^^
    hint: did you mean 'window'?
"""

from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass, field
from typing import Iterable

from spdsl.ir.nodes import Span


class Source:
    """A file's text with a fast offset -> (line, column) map."""

    def __init__(self, name: str, text: str):
        self.name = name
        self.text = text
        self._line_starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self._line_starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end == -1 else self.text[start:end]

    def span(self, start: int, end: int) -> Span:
        return Span(self.name, start, end)


@dataclass(frozen=True)
class Diagnostic:
    file: str
    line: int
    column: int
    source_line: str
    message: str
    hint: str | None = None
    width: int = 1

    def format(self) -> str:
        # One printable character per source character keeps the caret aligned.
        text = "".join(c if c.isprintable() else ("\ufffd" if c != "\t" else " ") for c in self.source_line)
        # Long lines are cut around the caret so that a 10 MB line prints readably.
        col = self.column - 1
        if len(text) > 160:
            lo = max(0, col - 60)
            text = ("..." if lo else "") + text[lo:lo + 120] + "..."
            col = col - lo + (3 if lo else 0)
        width = max(1, min(self.width, len(text) - col if len(text) > col else 1))
        out = [f"{self.file}:{self.line}:{self.column}: error: {self.message}",
               "    " + text.rstrip(),
               "    " + " " * col + "^" * width]
        if self.hint:
            out.append(f"hint: {self.hint}")
        return "\n".join(out)


class PatternError(ValueError):
    """A pattern file (or a use of a pattern) is wrong.

    ``file``, ``line``, ``column``, ``source_line``, ``message`` and ``hint`` describe
    the first problem; ``errors`` holds every :class:`Diagnostic` found."""

    def __init__(self, errors: Iterable[Diagnostic] | str):
        if isinstance(errors, str):
            errors = [Diagnostic("<spdsl>", 0, 0, "", errors)]
        self.errors: list[Diagnostic] = list(errors)
        first = self.errors[0]
        self.file, self.line, self.column = first.file, first.line, first.column
        self.source_line, self.message, self.hint = first.source_line, first.message, first.hint
        super().__init__(self._format())

    def _format(self) -> str:
        parts = []
        for d in self.errors:
            if d.line == 0:
                parts.append(f"error: {d.message}" + (f"\nhint: {d.hint}" if d.hint else ""))
            else:
                parts.append(d.format())
        if len(self.errors) > 1:
            parts.append(f"{len(self.errors)} errors")
        return "\n\n".join(parts)


class ParseError(PatternError):
    """The text does not follow the grammar."""


class CheckError(PatternError):
    """Names, types, arity, bounds: the program parses but means nothing valid."""


class BindError(PatternError):
    """A parameter binding or a call-time size/input does not fit the pattern."""


@dataclass
class Reporter:
    """Collects diagnostics for one compilation; ``raise_if_any`` raises them at once."""

    sources: dict[str, Source] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _seen: set = field(default_factory=set)
    reports: int = 0   # calls of error(), repeats included: "did anything go wrong since"

    def add_source(self, source: Source) -> Source:
        self.sources[source.name] = source
        return source

    def error(self, span: Span | None, message: str, hint: str | None = None) -> None:
        self.reports += 1
        key = (span, message)
        if key in self._seen:
            return  # an inlined pattern re-checked at each call site reports once
        self._seen.add(key)
        self.diagnostics.append(self.diagnostic(span, message, hint))

    def diagnostic(self, span: Span | None, message: str, hint: str | None = None) -> Diagnostic:
        if span is None or span.file not in self.sources:
            return Diagnostic(span.file if span else "<spdsl>", 0, 0, "", message, hint)
        src = self.sources[span.file]
        line, col = src.line_col(span.start)
        end_line, end_col = src.line_col(max(span.start, span.end))
        width = end_col - col if end_line == line and end_col > col else 1
        return Diagnostic(src.name, line, col, src.line_text(line), message, hint, width)

    def raise_if_any(self, cls: type[PatternError] = CheckError) -> None:
        if self.diagnostics:
            errors = sorted(self.diagnostics, key=lambda d: (d.file, d.line, d.column))
            raise cls(errors)


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    # A ratio >= 0.6 needs lengths within a factor of 2 (2*M/T >= 0.6): filter first, and
    # look at a bounded number of candidates so that a hint never costs more than a few ms.
    near = sorted({c for c in candidates if 0.4 * len(name) <= len(c) <= 2.5 * len(name) + 1},
                  key=lambda c: (abs(len(c) - len(name)), c))[:2000]
    close = difflib.get_close_matches(name, near, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
