"""The package's shape, checked on its source: no module reaches for another's underscore
names, imports run one way (no cycles), ``import spdsl`` stays light, and codegen/ writes
each piece of kernel code once.

Source is read with ``ast`` and ``tokenize``; nothing here imports the modules it checks
(except ``import spdsl`` itself, in a fresh process).
"""

from __future__ import annotations

import ast
import io
import keyword
import subprocess
import sys
import tokenize
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from conftest import ROOT

# source folder -> the package name it installs as (pyproject.toml's package-dir)
PACKAGES = {"spdsl": ROOT / "spdsl", "spdsl.codegen": ROOT / "codegen"}


# ---------------------------------------------------------------------------------------- modules

@lru_cache(maxsize=None)
def modules() -> dict[str, Path]:
    """Every module of spdsl/ and codegen/ by its dotted name (a package by its own name)."""
    found = {}
    for package, folder in PACKAGES.items():
        for path in sorted(folder.rglob("*.py")):
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join([package, *parts])] = path
    assert "spdsl" in found and "spdsl.codegen" in found, sorted(found)
    return found


@lru_cache(maxsize=None)
def tree(name: str) -> ast.Module:
    path = modules()[name]
    return ast.parse(path.read_text(), str(path))


def is_package(name: str) -> bool:
    return modules()[name].name == "__init__.py"


def absolute(name: str, node: ast.ImportFrom) -> str:
    """The module an ``from X import ...`` in module ``name`` names, relative levels resolved."""
    if not node.level:
        return node.module or ""
    base = name.split(".")
    base = base if is_package(name) else base[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imported_modules(name: str):
    """(line, module) for every import statement of module ``name`` that names one of ours,
    at any depth (inside functions too). ``from pkg import x`` names ``pkg.x`` when that is
    a module of ours, else ``pkg``."""
    ours = modules()
    for node in ast.walk(tree(name)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in ours:
                    yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            source = absolute(name, node)
            for alias in node.names:
                target = f"{source}.{alias.name}"
                if target in ours:
                    yield node.lineno, target
                elif source in ours:
                    yield node.lineno, source


def where(name: str, line: int) -> str:
    return f"{modules()[name].relative_to(ROOT)}:{line}"


def private(attr: str) -> bool:
    return attr.startswith("_") and not (attr.startswith("__") and attr.endswith("__"))


# ------------------------------------------------------------------------------ (a) private names

def private_uses(name: str, source: ast.Module | None = None) -> list[str]:
    """Uses in module ``name`` (its ``source``, by default read from its file) of another
    module's underscore names: ``from X import _y``, and ``m._y`` where ``m`` is bound by
    an import of one of our modules."""
    ours, found = modules(), []
    module_tree = source or tree(name)
    bound: dict[str, str] = {}          # local name -> our module it stands for
    for node in ast.walk(module_tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in ours:
                    bound[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else \
                        alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            source = absolute(name, node)
            for alias in node.names:
                if f"{source}.{alias.name}" in ours:
                    bound[alias.asname or alias.name] = f"{source}.{alias.name}"
                elif source in ours and source != name and private(alias.name):
                    found.append(f"{where(name, node.lineno)}: from {source} import {alias.name}")
    for node in ast.walk(module_tree):
        if isinstance(node, ast.Attribute) and private(node.attr):
            chain, base = [node.attr], node.value
            while isinstance(base, ast.Attribute):      # spdsl.codegen.cpu._x: the module is the prefix
                chain.append(base.attr)
                base = base.value
            if isinstance(base, ast.Name) and base.id in bound:
                module = ".".join([bound[base.id], *reversed(chain[1:])])
                if module in ours and module != name:
                    found.append(f"{where(name, node.lineno)}: {ast.unparse(node)} ({module})")
    return found


def test_no_module_uses_another_modules_underscore_names():
    found = [use for name in modules() for use in private_uses(name)]
    assert not found, "underscore names used across modules:\n  " + "\n  ".join(found)


def test_the_private_name_check_sees_both_forms():
    probe = ast.parse("from spdsl.ir.nodes import _hidden, Var\nimport spdsl.ir.printer as pr\n"
                      "from ..ir import nodes\npr._wrap(1)\nnodes._x\nself._y\npr.__name__\n")
    uses = private_uses("spdsl.analysis.blocks", probe)
    assert len(uses) == 3, uses
    for words in ("import _hidden", "pr._wrap", "nodes._x"):
        assert any(words in use for use in uses), (words, uses)


# ------------------------------------------------------------------------------------ (b) cycles

def import_graph() -> dict[str, dict[str, int]]:
    """module -> {imported module: first line}, every import counted."""
    graph: dict[str, dict[str, int]] = {name: {} for name in modules()}
    for name in modules():
        for line, target in imported_modules(name):
            if target != name:
                graph[name].setdefault(target, line)
    return graph


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(graph) + 100))
    try:
        for v in sorted(graph):
            if v not in index:
                visit(v)
    finally:
        sys.setrecursionlimit(limit)
    return out


def describe(component: list[str], graph) -> str:
    inside = set(component)
    edges = [f"    {where(a, line)} imports {b}" for a in component for b, line in sorted(graph[a].items())
             if b in inside]
    return " <-> ".join(component) + "\n" + "\n".join(edges)


def test_no_import_cycles():
    graph = import_graph()
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(describe(c, graph) for c in found)


def test_the_cycle_check_finds_a_cycle():
    assert cycles({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"a": 1}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b": 1}, "b": {}}) == []


def test_the_front_end_does_not_import_codegen_or_the_runtime():
    graph = import_graph()
    front = [n for n in graph if n.startswith(("spdsl.frontend", "spdsl.ir", "spdsl.analysis"))]
    bad = [f"{where(a, line)} imports {b}" for a in front for b, line in graph[a].items()
           if b.startswith(("spdsl.codegen", "spdsl.runtime", "spdsl.tune", "spdsl.cli"))]
    assert not bad, "the front end reaches forward:\n  " + "\n  ".join(bad)


# ----------------------------------------------------------------------------- (c) light import

def test_import_spdsl_imports_neither_torch_nor_tvm():
    code = "import sys, spdsl; print(sorted(m for m in ('torch', 'tvm') if m in sys.modules))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]", f"import spdsl imported {r.stdout.strip()}"


# ------------------------------------------------------------------------ (d) duplicated code

MIN_LINES = 6
RICH_TOKENS = 5        # shape tokens (a dotted name counts once) that make a line more than thin
LONE_PUNCTUATION = set("()[]{},:;")
NAME, NUMBER, STRING = "N", "0", "S"


@dataclass(frozen=True)
class Line:
    number: int        # the physical line in its file
    text: str          # its tokens, whitespace folded
    shape: str         # the same with names, numbers and strings as placeholders
    tokens: int


def _ignored_lines(source: str) -> set[int]:
    """Lines of docstrings (any statement that is a bare string) and of import statements."""
    skip = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Import, ast.ImportFrom)) or (
                isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)):
            skip.update(range(node.lineno, node.end_lineno + 1))
    return skip


def code_lines(path: Path) -> list[Line]:
    """The lines that count: no blank, comment, docstring, import or lone-punctuation line."""
    source = path.read_text()
    skip = _ignored_lines(source)
    texts: dict[int, list[str]] = defaultdict(list)
    shapes: dict[int, list[str]] = defaultdict(list)
    in_fstring = 0
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        kind, row = tok.type, tok.start[0]
        if kind in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
                    tokenize.ENDMARKER) or row in skip:
            continue
        fstart, fend = getattr(tokenize, "FSTRING_START", None), getattr(tokenize, "FSTRING_END", None)
        if kind == fstart:
            in_fstring += 1
            if in_fstring == 1:
                start_row, parts = row, []
            parts.append(tok.string)
            continue
        if in_fstring:
            parts.append(tok.string)
            if kind == fend:
                in_fstring -= 1
                if not in_fstring:
                    texts[start_row].append("".join(parts))
                    shapes[start_row].append(STRING)
            continue
        texts[row].append(tok.string)
        if kind == tokenize.NAME and not keyword.iskeyword(tok.string):
            shapes[row].append(NAME)
        elif kind == tokenize.NUMBER:
            shapes[row].append(NUMBER)
        elif kind == tokenize.STRING:
            shapes[row].append(STRING)
        else:
            shapes[row].append(tok.string)
    lines = []
    for row in sorted(texts):
        if all(t in LONE_PUNCTUATION for t in texts[row]):
            continue
        shape = _fold_dotted(shapes[row])
        lines.append(Line(row, " ".join(texts[row]), " ".join(shape), len(shape)))
    return lines


def _fold_dotted(shape: list[str]) -> list[str]:
    """``N . N . N`` (``np.ndarray``, ``cfg.block_q``) is one placeholder: a dotted name is one name."""
    out: list[str] = []
    for tok in shape:
        if tok == NAME and len(out) >= 2 and out[-1] == "." and out[-2] == NAME:
            out.pop()
            continue
        out.append(tok)
    return out


def substantial(window: tuple[Line, ...]) -> bool:
    """Worth reporting: at least half its lines say more than a thin
    line does (``pass``, ``return x``, ``x = y.z``, ``field: np.ndarray``)."""
    return sum(line.tokens >= RICH_TOKENS for line in window) * 2 >= len(window)


@dataclass
class Match:
    kind: str          # "same" (to the letter) or "shape"
    a: tuple[Path, int, int]
    b: tuple[Path, int, int]

    def __str__(self):
        (pa, a0, a1), (pb, b0, b1) = self.a, self.b
        rel = lambda p: p.relative_to(ROOT) if p.is_relative_to(ROOT) else p.name  # noqa: E731
        return f"{rel(pa)}:{a0}-{a1} ~ {rel(pb)}:{b0}-{b1} ({self.kind}, {a1 - a0 + 1} lines)"


def duplicates(folder: Path, min_lines: int = MIN_LINES) -> list[Match]:
    """Pairs of places in ``folder``'s Python files that share ``min_lines`` or more
    consecutive code lines, the same text or the same shape; the longest run of each
    pair of places, overlapping windows merged."""
    files = {path: code_lines(path) for path in sorted(folder.rglob("*.py"))}
    found: dict[tuple, list] = {}       # (kind, file a, file b, offset a - offset b) -> window starts
    for kind in ("text", "shape"):
        seen = defaultdict(list)
        for path, lines in files.items():
            for i in range(len(lines) - min_lines + 1):
                window = tuple(lines[i:i + min_lines])
                if not substantial(window):
                    continue
                seen[tuple(getattr(line, kind) for line in window)].append((path, i))
        for places in seen.values():
            for x in range(len(places)):
                for y in range(x + 1, len(places)):
                    (pa, i), (pb, j) = places[x], places[y]
                    if pa == pb and abs(i - j) < min_lines:
                        continue                                  # a run repeating itself
                    found.setdefault((kind, pa, pb, i - j), []).append(i)
    runs = []
    for (kind, pa, pb, delta), starts in found.items():
        starts.sort()
        run_start = prev = starts[0]
        for s in starts[1:] + [None]:
            if s is not None and s == prev + 1:
                prev = s
                continue
            la, lb = files[pa], files[pb]
            i0, i1 = run_start, prev + min_lines - 1
            runs.append(Match("same" if kind == "text" else "shape",
                              (pa, la[i0].number, la[i1].number),
                              (pb, lb[i0 - delta].number, lb[i1 - delta].number)))
            if s is not None:
                run_start = prev = s
    # a shape run that a same-text run already covers adds nothing
    same = [m for m in runs if m.kind == "same"]

    def covered(m):
        return any(s.a[0] == m.a[0] and s.b[0] == m.b[0] and s.a[1] <= m.a[1] and m.a[2] <= s.a[2]
                   and s.b[1] <= m.b[1] and m.b[2] <= s.b[2] for s in same)

    runs = same + [m for m in runs if m.kind == "shape" and not covered(m)]
    return sorted(runs, key=lambda m: (-(m.a[2] - m.a[1]), str(m)))


def test_the_duplicate_check_finds_a_renamed_copy(tmp_path):
    body = "\n".join(f"    {v} = load(buf_{v}, i + {n}) * scale\n    acc_{v} += {v} * weight[{n}]"
                     for n, v in enumerate("abc"))
    (tmp_path / "one.py").write_text(f"def f(buf, i):\n{body}\n    return acc\n")
    renamed = body.replace("scale", "factor").replace("weight", "w")
    (tmp_path / "two.py").write_text(f'import os\n\n\ndef g(buf, i):\n    """doc"""\n{renamed}\n    return acc\n')
    (tmp_path / "thin.py").write_text("def h():\n" + "    pass\n" * 8 + "    x = y\n" * 8)
    (tmp_path / "thin2.py").write_text("def k():\n" + "    pass\n" * 8 + "    z = w\n" * 8)
    found = duplicates(tmp_path)
    assert [(m.kind, m.a[0].name, m.b[0].name) for m in found] == [("shape", "one.py", "two.py")], \
        [str(m) for m in found]
    assert found[0].a[1:] == (1, 8) and found[0].b[1:] == (4, 12)   # the import and docstring do not count


# The kernels: every file that writes TVMScript for a kernel, and the pieces they share.
KERNEL_FILES = ("cpu/forward.py", "cpu/backward.py", "cpu/loops.py", "cpu/paged.py", "common/signature.py",
                "common/paged.py", "cuda/paged.py",
                "cuda/forward.py", "cuda/backward.py", "cuda/backward_mma.py", "cuda/blocks.py",
                "cuda/frame.py", "cuda/tiles.py")
# Known repeats not yet written once (say so in the issue; remove an entry when fixed):
# the CUDA-core dQ and dK/dV builders open with the same Python setup lines (sizes, tile,
# staging helper) before their TVMScript bodies.
KNOWN = {("cuda/backward.py", "cuda/backward.py")}


def test_kernels_write_each_piece_of_code_once(tmp_path):
    """No run of six or more code lines stands twice in the kernels (to the letter, or alike
    but for names and values): a shared step belongs in one helper. Lines that only declare
    a kernel's local buffers (``X = T.alloc_buffer(...)``) are declarations, not steps."""
    for rel in KERNEL_FILES:
        src = (ROOT / "codegen" / rel).read_text().splitlines(keepends=True)
        kept = ["\n" if "= T.alloc_buffer(" in line else line for line in src]
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("".join(kept))
    found = [m for m in duplicates(tmp_path)
             if (str(m.a[0].relative_to(tmp_path)), str(m.b[0].relative_to(tmp_path))) not in KNOWN]
    assert not found, f"{len(found)} repeated runs in the kernels:\n  " + "\n  ".join(map(str, found))
