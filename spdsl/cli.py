"""The ``spdsl`` command line: check, show, explain (and the kernel commands).

Exit status: 0 success, 2 a pattern error (bad file, bad parameter, bad sizes), 1 any
other failure. A pattern is named ``FILE:PATTERN``; a file with one pattern needs no name.
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from .errors import PatternError

EXIT_PATTERN = 2


def _value(text: str):
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"[+-]?[0-9][0-9_]*", text):
        return int(text.replace("_", ""))
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number or true/false") from None


def _param(text: str) -> tuple[str, object]:
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got '{text}'")
    name, value = text.split("=", 1)
    return name.strip(), _value(value.strip())


def _input(text: str) -> tuple[str, str]:
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"expected NAME=FILE.npy, got '{text}'")
    name, path = text.split("=", 1)
    return name.strip(), path.strip()


def _positive(text: str) -> int:
    try:
        v = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not an integer") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {v}")
    return v


def _block(text: str) -> tuple[int, int]:
    parts = text.replace("x", ",").split(",")
    if len(parts) == 1:
        v = _positive(parts[0])
        return v, v
    if len(parts) == 2:
        return _positive(parts[0]), _positive(parts[1])
    raise argparse.ArgumentTypeError(f"a block is N or Q,K; got '{text}'")


def split_target(target: str) -> tuple[str, str | None]:
    """``FILE:PATTERN`` -> (FILE, PATTERN); a plain FILE -> (FILE, None)."""
    if ":" in target:
        path, name = target.rsplit(":", 1)
        if name and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) and path:
            return path, name
    return target, None


def load_pattern(target: str, params: list[tuple[str, object]]):
    from .library import load

    path, name = split_target(target)
    lib = load(path)
    pat = lib.pattern(name)
    return pat.bind(**dict(params)) if params else pat


def _shape_args(p: argparse.ArgumentParser, heads_default: int = 1) -> None:
    p.add_argument("target", metavar="FILE[:PATTERN]", help="pattern file, optionally :PATTERN")
    p.add_argument("--param", "-p", action="append", type=_param, default=[], metavar="NAME=VALUE",
                   help="bind a parameter (repeatable)")
    p.add_argument("--seq", type=_positive, default=None, help="query and key length (Lq = Lk)")
    p.add_argument("--lq", type=_positive, default=None, help="query length")
    p.add_argument("--lk", type=_positive, default=None, help="key length")
    p.add_argument("--heads", type=_positive, default=heads_default, help="query heads H")
    p.add_argument("--batch", type=_positive, default=1, help="batch size B")
    p.add_argument("--block", type=_block, default=None, metavar="N|Q,K",
                   help="block size (default: the pattern's hint, else 64)")
    p.add_argument("--input", action="append", type=_input, default=[], metavar="NAME=FILE.npy",
                   help="a runtime input from a .npy file (repeatable)")
    p.add_argument("--random-inputs", action="store_true",
                   help="draw runtime inputs at random (int: sorted ids, like packed documents)")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def _lengths(args, default: int = 1024) -> tuple[int, int]:
    lq = args.lq or args.seq or default
    lk = args.lk or args.seq or lq
    return lq, lk


def make_inputs(pat, args, Lq: int, Lk: int, B: int, H: int) -> dict:
    import numpy as np

    given = {}
    for name, path in args.input:
        try:
            given[name] = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as e:
            raise PatternError(f"cannot read input '{name}' from {path}: {e}") from None
    sizes = {"B": B, "H": H, "Lq": Lq, "Lk": Lk}
    rng = np.random.default_rng(0)
    for name, decl in pat.inputs.items():
        if name in given:
            continue
        if not args.random_inputs:
            raise PatternError(f"pattern '{pat.name}' needs the input '{name}' "
                               f"({decl.dtype}[{', '.join(map(str, decl.dims))}]): pass --input {name}=FILE.npy "
                               f"or --random-inputs")
        shape = tuple(d if isinstance(d, int) else sizes[d] for d in decl.dims)
        if decl.dtype == "int":
            last = shape[-1] if shape else 1
            ids = np.sort(rng.integers(0, max(2, last // 256 + 1), size=shape), axis=-1)
            given[name] = ids.astype(np.int64)
        else:
            given[name] = rng.random(shape, dtype=np.float32)
    return given


# ---- commands ---------------------------------------------------------------------------

def cmd_check(args) -> int:
    from .library import load

    failed = 0
    report = []
    for path in args.files:
        try:
            lib = load(path)
            report.append({"file": path, "ok": True, "patterns": sorted(lib.root_names)})
            if not args.json:
                print(f"{path}: ok ({', '.join(lib.root_names) or 'no patterns'})")
        except PatternError as e:
            failed += 1
            report.append({"file": path, "ok": False, "errors": [d.__dict__ for d in e.errors]})
            if not args.json:
                print(e, file=sys.stderr)
    if args.json:
        print(json.dumps(report, indent=2))
    return EXIT_PATTERN if failed else 0


def cmd_explain(args) -> int:
    pat = load_pattern(args.target, args.param)
    lq, lk = _lengths(args)
    inputs = make_inputs(pat, args, lq, lk, args.batch, args.heads)
    ex = pat.explain(Lq=lq, Lk=lk, H=args.heads, B=args.batch, block=args.block, head_dim=args.dim, **inputs)
    print(json.dumps(ex.to_dict(), indent=2) if args.json else ex)
    return 0


def cmd_show(args) -> int:
    from .show import ascii_layout, write_png

    pat = load_pattern(args.target, args.param)
    lq, lk = _lengths(args, default=512)
    if args.head >= args.heads:
        raise PatternError(f"--head {args.head} is out of range for --heads {args.heads}")
    inputs = make_inputs(pat, args, lq, lk, args.batch, args.heads)
    lay = pat.layout(lq, lk, H=args.heads, B=args.batch, block=args.block, **inputs)
    if args.json:
        kinds = lay.kinds(0, args.head)
        print(json.dumps({"pattern": pat.name, "Lq": lq, "Lk": lk, "block_q": lay.block_q,
                          "block_k": lay.block_k, "head": args.head, "kinds": kinds.tolist(),
                          "legend": {"0": "EMPTY", "1": "PARTIAL", "2": "FULL"}}))
    else:
        print(ascii_layout(pat, lay, head=args.head, width=args.width))
    if args.png:
        info = write_png(pat, lay, args.png, head=args.head, inputs=inputs)
        print(f"wrote {args.png} ({info})", file=sys.stderr if args.json else sys.stdout)
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="spdsl", description="spdsl: a compiler for attention sparsity.")
    ap.add_argument("--version", action="version", version=f"spdsl {__import__('spdsl').__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("check", help="parse and check pattern files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(fn=cmd_check)

    p = sub.add_parser("show", help="draw a pattern's block layout (ASCII, or --png)")
    _shape_args(p)
    p.add_argument("--head", type=int, default=0, help="which head to draw (default 0)")
    p.add_argument("--png", metavar="FILE", help="also write a picture of the mask with the block grid")
    p.add_argument("--width", type=_positive, default=64, help="max characters across (default 64)")
    p.set_defaults(fn=cmd_show)

    p = sub.add_parser("explain", help="density, blocks, FLOPs saved, balance, layout memory")
    _shape_args(p)
    p.add_argument("--dim", type=_positive, default=64, help="head dim for the FLOP counts (default 64)")
    p.set_defaults(fn=cmd_explain)

    from .cli_kernels import add_kernel_commands
    from .tune_cli import add_tune_command
    add_kernel_commands(sub, _shape_args)
    add_tune_command(sub, _shape_args)
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    try:
        return args.fn(args)
    except PatternError as e:
        print(e, file=sys.stderr)
        return EXIT_PATTERN
    except KeyError as e:  # a missing pattern name in a library
        print(f"error: {e.args[0]}", file=sys.stderr)
        return EXIT_PATTERN
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
