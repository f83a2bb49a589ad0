"""The ``spdsl`` command line: check, show, explain (and the kernel commands).

Exit status: 0 success, 2 a pattern error (bad file, bad parameter, bad sizes), 1 any
other failure. A pattern is named ``FILE:PATTERN``; a file with one pattern needs no name.
"""

from __future__ import annotations

import argparse
import json
import sys

from spdsl.cli.common import lengths, load_pattern, make_inputs, positive, shape_args
from spdsl.errors import PatternError

EXIT_PATTERN = 2


def cmd_check(args) -> int:
    from spdsl.frontend.library import load

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
    lq, lk = lengths(args)
    inputs = make_inputs(pat, args, lq, lk, args.batch, args.heads)
    ex = pat.explain(Lq=lq, Lk=lk, H=args.heads, B=args.batch, block=args.block, head_dim=args.dim, **inputs)
    print(json.dumps(ex.to_dict(), indent=2) if args.json else ex)
    return 0


def cmd_show(args) -> int:
    from spdsl.cli.show import ascii_layout, write_png

    pat = load_pattern(args.target, args.param)
    lq, lk = lengths(args, default=512)
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
    shape_args(p)
    p.add_argument("--head", type=int, default=0, help="which head to draw (default 0)")
    p.add_argument("--png", metavar="FILE", help="also write a picture of the mask with the block grid")
    p.add_argument("--width", type=positive, default=64, help="max characters across (default 64)")
    p.set_defaults(fn=cmd_show)

    p = sub.add_parser("explain", help="density, blocks, FLOPs saved, balance, layout memory")
    shape_args(p)
    p.add_argument("--dim", type=positive, default=64, help="head dim for the FLOP counts (default 64)")
    p.set_defaults(fn=cmd_explain)

    from spdsl.cli.kernels import add_kernel_commands
    from spdsl.cli.tune import add_tune_command
    add_kernel_commands(sub, shape_args)
    add_tune_command(sub, shape_args)
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
