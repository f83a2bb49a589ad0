"""Parse: text -> AST with source spans (stage 1 of the pipeline).

The grammar lives in ``grammar/spdsl.lark`` (imported as ``spdsl.grammar``). Lark's own
exceptions never leave this module: they are re-worded into :class:`ParseError` with
the file, line, column, a caret and words a user understands. After a syntax error
the parser resynchronises at the next top-level ``pattern``/``import`` so that every
broken definition of a file is reported, not only the first.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import threading
from dataclasses import dataclass, field
from importlib import resources
from typing import Union

from spdsl.errors import Diagnostic, ParseError, Reporter, Source
from spdsl.ir.nodes import Span

MAX_FILE_BYTES = 1 << 20       # pattern files are tiny; a bigger one is a mistake
MAX_DEPTH = 200                # nesting beyond this is refused, never a RecursionError

KEYWORDS = {"pattern", "import", "let", "input", "if", "then", "else", "and", "or",
            "not", "true", "false", "in", "inf"}

# ---- the AST -------------------------------------------------------------------------

def _meta():
    return field(default=None, compare=False, hash=False, repr=False)


@dataclass(frozen=True)
class Node:
    pass


@dataclass(frozen=True)
class Lit(Node):
    value: Union[int, float, bool]
    span: Span | None = _meta()
    depth: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True)
class Name(Node):
    id: str
    span: Span | None = _meta()
    depth: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True)
class Op(Node):
    """Unary (``neg``, ``not``) and binary operators, comparisons included."""

    op: str
    args: tuple
    span: Span | None = _meta()
    op_span: Span | None = _meta()
    depth: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True)
class InList(Node):
    """``value in (item, ...)``: membership in a list of constants (items may be empty
    here; the checker reports an empty list where it is written)."""

    value: Node
    items: tuple[Node, ...]
    span: Span | None = _meta()
    op_span: Span | None = _meta()
    depth: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True)
class Paren(Node):
    inner: Node
    span: Span | None = _meta()
    depth: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True)
class If(Node):
    cond: Node
    a: Node
    b: Node
    span: Span | None = _meta()
    depth: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True)
class Arg:
    name: str | None          # None for a positional argument
    value: Node
    span: Span | None = _meta()


@dataclass(frozen=True)
class CallExpr(Node):
    fn: str
    args: tuple[Arg, ...]
    span: Span | None = _meta()
    fn_span: Span | None = _meta()
    depth: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True)
class IndexExpr(Node):
    name: str
    args: tuple[Node, ...]
    span: Span | None = _meta()
    name_span: Span | None = _meta()
    depth: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True)
class Stmt:
    kind: str                 # let input mask score block
    name: str | None
    value: object             # Node, tuple of Nodes (block pair) or InputType
    span: Span | None = _meta()
    name_span: Span | None = _meta()


@dataclass(frozen=True)
class InputType:
    dtype: str                # int, float or bool
    dims: tuple[Node, ...]    # int expressions of sizes, parameters and literals; () is a scalar
    span: Span | None = _meta()   # the type as written (``int[B, Lk]``)


@dataclass(frozen=True)
class ParamDef:
    name: str
    default: Node | None
    span: Span | None = _meta()


@dataclass(frozen=True)
class PatternDef:
    name: str
    params: tuple[ParamDef, ...]
    body: tuple[Stmt, ...]
    span: Span | None = _meta()
    name_span: Span | None = _meta()


@dataclass(frozen=True)
class ImportDef:
    path: str
    span: Span | None = _meta()


@dataclass
class Module:
    source: Source
    imports: list[ImportDef]
    patterns: list[PatternDef]


# ---- Lark -> AST ---------------------------------------------------------------------

class _TooDeep(Exception):
    def __init__(self, span):
        self.span = span


def _depth(*nodes) -> int:
    d = 1 + max((getattr(n, "depth", 0) for n in nodes), default=0)
    if d > MAX_DEPTH:
        raise _TooDeep(nodes[0].span if nodes else None)
    return d


def _int(text: str) -> int:
    return int(text.replace("_", ""))


class _Builder:
    """Lark callbacks: each turns one grammar rule into an AST node.

    Runs inline during the LALR parse (bottom-up, no recursion), so nesting depth is
    checked as nodes are made."""

    def __init__(self):
        self.file = "<string>"
        self.base = 0
        self.errors: list[tuple[Span, str, str | None]] = []

    def _span(self, meta_or_tok) -> Span:
        m = meta_or_tok
        start = getattr(m, "start_pos", None)
        end = getattr(m, "end_pos", None)
        if start is None:
            start = end = 0
        return Span(self.file, self.base + start, self.base + end)

    def _tok_span(self, tok) -> Span:
        return Span(self.file, self.base + tok.start_pos, self.base + tok.end_pos)

    def _name(self, tok) -> str:
        if str(tok) in KEYWORDS:
            self.errors.append((self._tok_span(tok), f"'{tok}' is a keyword and cannot be used as a name", None))
        return str(tok)

    def callbacks(self):
        def span_of(children):
            spans = [c.span for c in children if getattr(c, "span", None) is not None]
            toks = [self._tok_span(c) for c in children if hasattr(c, "start_pos") and c.start_pos is not None]
            allspans = spans + toks
            return Span(self.file, min(s.start for s in allspans), max(s.end for s in allspans))

        def start(c):
            return list(c)

        def import_stmt(c):
            tok = c[0]
            return ImportDef(str(tok)[1:-1], span=self._tok_span(tok))

        def pattern_def(c):
            name_tok = c[0]
            rest = list(c[1:])
            params = ()
            if rest and isinstance(rest[0], tuple):
                params = rest.pop(0)
            return PatternDef(self._name(name_tok), params, tuple(rest),
                              span=span_of([name_tok]), name_span=self._tok_span(name_tok))

        def params(c):
            return tuple(p for p in c if p is not None)

        def param(c):
            return ParamDef(self._name(c[0]), c[1], span=self._tok_span(c[0]))

        def let_stmt(c):
            return Stmt("let", self._name(c[0]), c[1], span=span_of(c), name_span=self._tok_span(c[0]))

        def input_stmt(c):
            dims = tuple(d for d in c[2:] if d is not None)
            type_span = span_of([c[1]] + list(dims))
            return Stmt("input", self._name(c[0]), InputType(str(c[1]), dims, span=type_span),
                        span=span_of([c[0], c[1]]), name_span=self._tok_span(c[0]))

        def dim(c):
            return c[0]

        def mask_stmt(c):
            return Stmt("mask", None, c[0], span=c[0].span)

        def score_stmt(c):
            return Stmt("score", None, c[0], span=c[0].span)

        def block_stmt(c):
            return Stmt("block", None, (c[0],), span=c[0].span)

        def block_pair(c):
            return Stmt("block", None, (c[0], c[1]), span=span_of(c))

        def if_expr(c):
            return If(c[0], c[1], c[2], span=span_of(c), depth=_depth(*c))

        def binop(name):
            def make(c):
                return Op(name, (c[0], c[1]), span=span_of(c), depth=_depth(c[0], c[1]))
            return make

        def compare(c):
            return Op(str(c[1]), (c[0], c[2]), span=span_of([c[0], c[2]]),
                      op_span=self._tok_span(c[1]), depth=_depth(c[0], c[2]))

        def member(c):
            items = tuple(x for x in c[2:] if x is not None)
            return InList(c[0], items, span=span_of([c[0], c[1]] + list(items)),
                          op_span=self._tok_span(c[1]), depth=_depth(c[0], *items))

        def arith(c):
            return Op(str(c[1]), (c[0], c[2]), span=span_of([c[0], c[2]]),
                      op_span=self._tok_span(c[1]), depth=_depth(c[0], c[2]))

        def pow_(c):
            return Op("**", (c[0], c[1]), span=span_of(c), depth=_depth(c[0], c[1]))

        def neg(c):
            return Op("neg", (c[1],), span=span_of(c), depth=_depth(c[1]))

        def not_op(c):
            return Op("not", (c[0],), span=span_of(c), depth=_depth(c[0]))

        def call(c):
            args = tuple(a for a in c[1:] if a is not None)
            return CallExpr(str(c[0]), args, span=span_of([c[0]] + [a.value for a in args]),
                            fn_span=self._tok_span(c[0]), depth=_depth(*[a.value for a in args]))

        def index(c):
            args = tuple(c[1:])
            return IndexExpr(str(c[0]), args, span=span_of(c), name_span=self._tok_span(c[0]),
                             depth=_depth(*args))

        def arg(c):
            return Arg(None, c[0], span=c[0].span)

        def kwarg(c):
            return Arg(str(c[0]), c[1], span=span_of(c))

        def int_lit(c):
            return Lit(_int(c[0]), span=self._tok_span(c[0]))

        def float_lit(c):
            return Lit(float(str(c[0]).replace("_", "")), span=self._tok_span(c[0]))

        def inf_lit(c):
            return Lit(float("inf"), span=self._tok_span(c[0]))

        def true_lit(c):
            return Lit(True, span=self._tok_span(c[0]))

        def false_lit(c):
            return Lit(False, span=self._tok_span(c[0]))

        def name(c):
            return Name(self._name(c[0]), span=self._tok_span(c[0]))

        def paren(c):
            return Paren(c[0], span=c[0].span, depth=_depth(c[0]))

        table = dict(start=start, import_stmt=import_stmt, pattern_def=pattern_def, params=params,
                     param=param, let_stmt=let_stmt, input_stmt=input_stmt, dim=dim,
                     mask_stmt=mask_stmt, score_stmt=score_stmt, block_stmt=block_stmt,
                     block_pair=block_pair, if_expr=if_expr, or_op=binop("or"),
                     and_op=binop("and"), not_op=not_op, compare=compare, arith=arith,
                     neg=neg, member=member, inf_lit=inf_lit, call=call, index=index, arg=arg, kwarg=kwarg, int_lit=int_lit,
                     float_lit=float_lit, true_lit=true_lit, false_lit=false_lit, name=name,
                     paren=paren)
        table["pow"] = pow_
        return table


_lock = threading.Lock()
_parser = None
_builder = _Builder()


def _get_parser():
    global _parser
    if _parser is None:
        from lark import Lark
        from lark.visitors import Transformer

        grammar = resources.files("spdsl.grammar").joinpath("spdsl.lark").read_text()
        callbacks = _builder.callbacks()
        # Lark's LALR calls transformer methods by rule name as the tree is reduced.
        Inline = type("Inline", (Transformer,), {k: (lambda f: lambda self, c: f(c))(v)
                                                  for k, v in callbacks.items()})
        _parser = Lark(grammar, parser="lalr", transformer=Inline(), propagate_positions=False,
                       maybe_placeholders=True)
    return _parser


# ---- error re-wording ----------------------------------------------------------------

_EXPR_START = {"INT", "FLOAT", "INF", "NAME", "LPAR", "MINUS", "TRUE", "FALSE", "NOT", "IF"}
_STATEMENTS = {"LET", "INPUT", "MASK", "SCORE", "BLOCK"}
_OPERATORS = {"PLUS", "MINUS", "MUL_OP", "CMP_OP", "IN", "AND", "OR", "__ANON_0", "LSQB", "LPAR"}
_WORDS = {
    "RBRACE": "'}'", "LBRACE": "'{'", "RPAR": "')'", "LPAR": "'('", "RSQB": "']'",
    "LSQB": "'['", "COMMA": "','", "EQUAL": "'='", "COLON": "':'", "NAME": "a name",
    "INT": "an integer", "FLOAT": "a number", "STRING": "a quoted file name",
    "ELEM_TYPE": "'int', 'float' or 'bool'", "THEN": "'then'", "ELSE": "'else'",
    "PATTERN": "'pattern'", "IMPORT": "'import'", "$END": "the end of the file",
}


def _describe_expected(expected: set[str]) -> str:
    if expected & _STATEMENTS and expected & (_OPERATORS - {"LPAR", "LSQB"}):
        # After a complete expression LALR accepts almost anything; say it plainly.
        return "an operator, a new statement or '}'"
    parts = []
    if expected & {"INT", "FLOAT", "NAME", "NOT", "IF"} and not expected & {"RBRACE"}:
        parts.append("an expression")
    elif expected & _OPERATORS:
        parts.append("an operator")
    if expected & _STATEMENTS:
        parts.append("a statement (let, input, mask, score, block)")
    for name in ("RPAR", "RSQB", "COMMA", "THEN", "ELSE", "EQUAL", "COLON", "LBRACE", "RBRACE",
                 "ELEM_TYPE", "STRING", "PATTERN", "IMPORT"):
        if name in expected:
            parts.append(_WORDS[name])
    if "NAME" in expected and "an expression" not in parts:
        parts.append("a name")
    if not parts and expected & _OPERATORS:
        parts.append("an operator")
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " or " + parts[-1]


def _accepts(e) -> set[str]:
    """The tokens really acceptable where the parse stopped (LALR's own 'expected'
    merges lookaheads of several states and over-promises)."""
    ip = getattr(e, "interactive_parser", None)
    if ip is None:
        return set()
    try:
        return set(ip.accepts())
    except Exception:  # accepts() replays the parser; never let it hide the real error
        return set()


def _token_words(tok) -> str:
    if tok is None or tok.type == "$END":
        return "end of file"
    text = str(tok)
    return f"'{text}'" if len(text) <= 30 else f"'{text[:27]}...'"


def _hint_for(tok_text: str, expected: set[str]) -> str | None:
    if tok_text == "=" and "CMP_OP" in expected:
        return "use '==' to compare"
    if tok_text.startswith('"'):
        return "quoted strings appear only in import lines"
    if expected == {"EQUAL"}:
        return "statements are written 'mask = EXPR', 'score = EXPR', 'let NAME = EXPR'"
    if tok_text == "}" and expected & _EXPR_START:
        return "an expression is missing before '}'"
    return None


def _lark_error(e, source: Source, base: int) -> Diagnostic:
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

    rep = Reporter()
    rep.add_source(source)
    if isinstance(e, UnexpectedCharacters):
        pos = base + e.pos_in_stream
        ch = source.text[pos] if pos < len(source.text) else ""
        shown = repr(ch)[1:-1] if ch.isprintable() else f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"U+{ord(ch):04X}"
        return rep.diagnostic(Span(source.name, pos, pos + 1), f"unexpected character '{shown}'",
                              "names are letters, digits and '_'; see LANGUAGE.md for the operators")
    precise = _accepts(e)
    if isinstance(e, UnexpectedToken) and e.token.type != "$END":
        tok = e.token
        expected = precise or set(e.expected or e.accepts or ())
        want = _describe_expected(expected)
        msg = f"unexpected {_token_words(tok)}" + (f"; expected {want}" if want else "")
        start = base + (tok.start_pos or 0)
        return rep.diagnostic(Span(source.name, start, start + max(1, len(str(tok)))), msg,
                              _hint_for(str(tok), expected))
    expected = precise or set(getattr(e, "expected", None) or ())
    want = _describe_expected(expected)
    end = len(source.text)
    return rep.diagnostic(Span(source.name, max(0, end - 1), end),
                          "unexpected end of file" + (f"; expected {want}" if want else ""),
                          "is a '}' or ')' missing?" if expected & {"RBRACE", "RPAR"} else None)


def _top_level_items(text: str) -> list[int]:
    """Offsets where top-level ``pattern``/``import`` keywords start (brace depth 0),
    skipping comments and strings: the points where the parser can resynchronise."""
    starts, depth, i, n = [], 0, 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            i = n if j == -1 else j
            continue
        if c == '"':
            j = text.find('"', i + 1)
            nl = text.find("\n", i + 1)
            i = n if j == -1 else (j + 1 if nl == -1 or j < nl else nl)
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif depth == 0 and (c == "p" or c == "i") and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            for kw in ("pattern", "import"):
                end = i + len(kw)
                if text.startswith(kw, i) and (end >= n or not (text[end].isalnum() or text[end] == "_")):
                    starts.append(i)
                    break
        i += 1
    return starts


def _parse_chunk(text: str, source: Source, base: int):
    """Parse ``text`` (which starts at ``base`` in the file): items, or a Diagnostic."""
    from lark.exceptions import UnexpectedInput

    parser = _get_parser()
    with _lock:
        _builder.file, _builder.base, _builder.errors = source.name, base, []
        try:
            items = parser.parse(text)
        except UnexpectedInput as e:
            return None, [_lark_error(e, source, base)]
        except _TooDeep as e:
            rep = Reporter()
            rep.add_source(source)
            return None, [rep.diagnostic(e.span, f"expression nested more than {MAX_DEPTH} levels deep",
                                         "split it with 'let'")]
        except RecursionError:
            rep = Reporter()
            rep.add_source(source)
            return None, [rep.diagnostic(Span(source.name, base, base + 1), "expression nested too deeply")]
        rep = Reporter()
        rep.add_source(source)
        errs = [rep.diagnostic(span, msg, hint) for span, msg, hint in _builder.errors]
        return items, errs


class SourceReadError(Exception):
    """A pattern file that cannot be read: ``message`` names the file, never its content;
    ``missing`` tells a path that does not exist from one that cannot be read."""

    def __init__(self, message: str, missing: bool = False):
        super().__init__(message)
        self.message, self.missing = message, missing


def read_source(path: str | os.PathLike, shown: str | None = None) -> bytes:
    """The bytes of the pattern file ``path`` (``shown``: its name in messages), read
    without trusting what the path names: only a regular file is read (a FIFO, a device
    such as /dev/zero, a socket or a folder is refused before a byte is read; the open is
    non-blocking so a FIFO swapped in after the check cannot hang it), and at most
    MAX_FILE_BYTES + 1 bytes are read (``decode`` reports a file over the limit)."""
    shown = str(path) if shown is None else shown
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise SourceReadError(f"cannot find the pattern file '{shown}'", missing=True) from None
    except IsADirectoryError:
        raise SourceReadError(f"'{shown}' is a folder, not a pattern file") from None
    except OSError as e:
        raise SourceReadError(f"cannot read '{shown}': {e.strerror or e}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise SourceReadError(f"'{shown}' is a folder, not a pattern file")
        if not stat.S_ISREG(st.st_mode):
            raise SourceReadError(f"'{shown}' is not a regular file (a device, FIFO or socket); "
                                  "pattern files are regular files")
        chunks, left = [], MAX_FILE_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as e:
        raise SourceReadError(f"cannot read '{shown}': {e.strerror or e}") from None
    finally:
        os.close(fd)


def decode(data: bytes, name: str, quote: bool = True) -> str:
    """UTF-8 text of a pattern file (a leading byte-order mark is dropped), or a
    PatternError that says where it is not. ``quote=False``: the error names the file
    and offset but shows none of its bytes (a file that may not be a pattern file)."""
    if len(data) > MAX_FILE_BYTES:
        raise ParseError([Diagnostic(name, 0, 0, "",
                                     f"file is larger than {MAX_FILE_BYTES // 1024} KiB: a pattern "
                                     f"file may be at most {MAX_FILE_BYTES // 1024} KiB",
                                     "is this really a pattern file?")])
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        start = data.rfind(b"\n", 0, e.start) + 1
        end = data.find(b"\n", e.start)
        shown = data[start:end if end != -1 else len(data)].decode("utf-8", "replace") if quote else ""
        raise ParseError([Diagnostic(name, line, col, shown, f"the file is not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start})",
                                     "pattern files are UTF-8 text")]) from None


def looks_like_pattern_file(text: str) -> bool:
    """Whether ``text`` starts (after blank lines and comments) as a pattern file does:
    with ``import`` or ``pattern``, or holds nothing at all. Errors in a file that does not
    are reported without quoting it: it may be any file an import named."""
    for line in text.splitlines():
        code = line.split("#", 1)[0].strip()
        if code:
            return re.match(r"(import|pattern)\b", code) is not None
    return True


def parse_module(text: str, name: str = "<string>") -> Module:
    """Parse a whole file. Raises ParseError listing every syntax error found."""
    if len(text) > MAX_FILE_BYTES:
        decode(text.encode("utf-8", "surrogatepass"), name)  # raises the size error
    source = Source(name, text)
    items, errors = _parse_chunk(text, source, 0)
    if items is None:
        items, errors = _parse_with_recovery(text, source)
    if errors:
        raise ParseError(sorted(errors, key=lambda d: (d.line, d.column)))
    return Module(source, [i for i in items if isinstance(i, ImportDef)],
                  [i for i in items if isinstance(i, PatternDef)])


def _parse_with_recovery(text: str, source: Source):
    starts = _top_level_items(text)
    if not starts or starts[0] != 0:
        starts = [0] + starts
    items, errors = [], []
    for begin, end in zip(starts, starts[1:] + [len(text)]):
        chunk_items, chunk_errors = _parse_chunk(text[begin:end], source, begin)
        errors.extend(chunk_errors)
        items.extend(chunk_items or [])
        if len(errors) >= 50:
            break  # enough to act on; random bytes would otherwise print thousands
    if not errors:  # the whole failed but every piece parsed: report the first failure
        _, errors = _parse_chunk(text, source, 0)
    return items, errors
