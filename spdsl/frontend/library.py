"""Loading pattern files: imports, duplicate definitions, and checking every pattern.

``load(path)`` and ``parse(text)`` return a :class:`Library`, a read-only mapping from
pattern name to :class:`~spdsl.pattern.Pattern`. Every error of the file and of its
imports is collected and raised once as a PatternError.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from spdsl.frontend import syntax as A
from spdsl.frontend.check import RESERVED, Checker
from spdsl.errors import CheckError, Diagnostic, ParseError, PatternError, Reporter, did_you_mean
from spdsl.frontend.syntax import SourceReadError, decode, looks_like_pattern_file, parse_module, read_source


MAX_IMPORT_DEPTH = 64  # files in one chain of imports; deeper is refused at the import


class _Loader:
    """``confine``: every import must resolve (symbolic links followed) inside the folder
    of the file that imports it, for services that check untrusted patterns."""

    def __init__(self, confine: bool = False):
        self.reporter = Reporter()
        self.modules: dict[str, A.Module] = {}
        self.parse_errors: list[Diagnostic] = []
        self.confine = confine

    def load_text(self, text: str, name: str, directory: Path, key: str | None = None) -> A.Module | None:
        return self._module(text, name, directory, stack=[key or name])

    def _module(self, text: str, name: str, directory: Path, stack: list[str]) -> A.Module | None:
        """Parse one file; ``stack`` ends with this file's key (its resolved path)."""
        try:
            mod = parse_module(text, name)
        except ParseError as e:
            self.parse_errors.extend(e.errors)
            return None
        self.reporter.add_source(mod.source)
        self.modules[stack[-1]] = mod
        for imp in mod.imports:
            self._import(imp, directory, stack)
        return mod

    def _import(self, imp: A.ImportDef, directory: Path, stack: list[str]) -> None:
        path = (directory / imp.path).resolve()
        key = str(path)
        if key in stack:
            chain = " -> ".join(_display(s) for s in stack[stack.index(key):] + [key])
            self.reporter.error(imp.span, f"import cycle: {chain}", "remove one of these imports")
            return
        if key in self.modules:
            return
        if len(stack) >= MAX_IMPORT_DEPTH:
            self.reporter.error(imp.span, f"imports nested more than {MAX_IMPORT_DEPTH} files deep "
                                f"(this import would be file {len(stack) + 1} of one chain)",
                                "import the shared files from one top-level file instead of chaining them")
            return
        if self.confine and not path.is_relative_to(directory):
            self.reporter.error(imp.span, f"import '{imp.path}' leaves the importing file's folder "
                                "(imports are confined to it and its subfolders)",
                                "copy the imported file next to the importing one")
            return
        if path.suffix != ".spdsl":
            self.reporter.error(imp.span, f"cannot import '{imp.path}': only pattern files (*.spdsl) can be "
                                "imported" + (f" (it resolves to {_display(key)})" if path.name != Path(imp.path).name
                                              else ""))
            return
        try:
            data = read_source(path, _display(key))
        except SourceReadError as e:
            if e.missing:
                self.reporter.error(imp.span, f"cannot find the imported file '{imp.path}' (looked for {_display(key)})",
                                    "import paths are relative to the importing file")
            else:
                self.reporter.error(imp.span, f"cannot import '{imp.path}': {e.message}")
            return
        try:
            text = decode(data, _display(key), quote=False)
        except ParseError as e:
            self.parse_errors.extend(e.errors)
            return
        if not looks_like_pattern_file(text):
            # it may be any file the import names: say so without quoting a byte of it
            self.reporter.error(imp.span, f"'{imp.path}' is not a pattern file (it does not start with "
                                "'import' or 'pattern')")
            return
        self._module(text, _display(key), path.parent, stack + [key])

    def pattern_table(self) -> tuple[dict[str, A.PatternDef], dict[str, str]]:
        """Every pattern visible from the root: name -> definition, name -> module."""
        table: dict[str, A.PatternDef] = {}
        owner: dict[str, str] = {}
        for mod_name, mod in self.modules.items():
            for p in mod.patterns:
                if p.name in RESERVED:
                    self.reporter.error(p.name_span, f"'{p.name}' is a built-in name and cannot name a pattern",
                                        "rename the pattern")
                    continue
                if p.name in table:
                    first = table[p.name]
                    where = self.reporter.diagnostic(first.name_span, "")
                    place = f"line {where.line}" if owner[p.name] == mod_name else f"{os.path.basename(where.file)}:{where.line}"
                    self.reporter.error(p.name_span, f"pattern '{p.name}' is already defined ({place})",
                                        "rename one of them")
                    continue
                table[p.name] = p
                owner[p.name] = mod_name
        return table, owner


class Library(Mapping):
    """The patterns of a file (and of its imports), by name."""

    def __init__(self, patterns: dict, root: str, root_names: list[str]):
        self._patterns = patterns
        self.file = root
        self.root_names = root_names

    def __getitem__(self, name: str):
        try:
            return self._patterns[name]
        except KeyError:
            hint = did_you_mean(name, self._patterns)
            raise KeyError(f"no pattern '{name}' in {self.file}" + (f"; {hint}" if hint else
                           f"; it has {', '.join(sorted(self._patterns)) or 'no patterns'}")) from None

    def __iter__(self):
        return iter(self._patterns)

    def __len__(self):
        return len(self._patterns)

    def pattern(self, name: str | None = None):
        """The named pattern, or the only pattern the file itself defines."""
        if name is not None:
            return self[name]
        if len(self.root_names) == 1:
            return self._patterns[self.root_names[0]]
        if not self.root_names:
            raise PatternError(f"{self.file} defines no pattern")
        raise PatternError(f"{self.file} defines {len(self.root_names)} patterns "
                           f"({', '.join(self.root_names)}); pick one with FILE:PATTERN")

    def __repr__(self):
        return f"Library({self.file!r}, {sorted(self._patterns)})"


def _library(loader: _Loader, root: A.Module | None, name: str) -> Library:
    from spdsl.pattern import Pattern

    if loader.parse_errors and root is None:
        raise ParseError(loader.parse_errors)
    table, owner = loader.pattern_table()
    checker = Checker(table, loader.reporter)
    patterns = {n: Pattern._from_def(d, checker, loader.reporter, {}) for n, d in table.items()}
    errors = loader.parse_errors + loader.reporter.diagnostics
    if errors:
        cls = ParseError if loader.parse_errors else CheckError
        raise cls(sorted(errors, key=lambda d: (d.file != name, d.file, d.line, d.column)))
    roots = [p.name for p in root.patterns] if root else []
    return Library(patterns, name, roots)


def parse(text: str, name: str = "<string>", directory: str | os.PathLike | None = None, *,
          confine_imports: bool = False) -> Library:
    """Check pattern source text. Imports are resolved relative to ``directory``
    (default: the current directory). ``confine_imports=True``: every import must stay
    inside the importing file's folder (``directory`` for the text itself), as a service
    that checks untrusted patterns needs. Raises PatternError on any problem.

    >>> lib = spdsl.parse("pattern w(window = 64) { mask = causal and q - k < window }")
    >>> lib["w"].bind(window=128)
    """
    loader = _Loader(confine=confine_imports)
    root = loader.load_text(text.removeprefix("\ufeff"), name, Path(directory or os.getcwd()).resolve())
    return _library(loader, root, name)


def load(path: str | os.PathLike, *, confine_imports: bool = False) -> Library:
    """Read and check a pattern file (``*.spdsl``) and its imports. Only a regular file
    of at most 1 MiB is read. ``confine_imports=True``: every import must stay inside the
    importing file's folder (symbolic links followed), as a service that checks untrusted
    patterns needs (see docs/security.md).

    >>> lib = spdsl.load("examples/longformer.spdsl")
    >>> pat = lib["longformer"].bind(window=256)
    """
    p = Path(path)
    try:
        data = read_source(p, str(path))
    except SourceReadError as e:
        raise PatternError(e.message) from None
    name = str(path)
    text = decode(data, name)
    loader = _Loader(confine=confine_imports)
    root = loader.load_text(text, name, p.resolve().parent, key=str(p.resolve()))
    return _library(loader, root, name)


def _display(path: str) -> str:
    """A path as the user would write it: relative to the current directory if inside."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel
