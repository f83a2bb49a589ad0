"""The ``spdsl`` command line: check, show, explain (and the kernel commands).

Exit status: 0 success, 2 a user error (a bad pattern file, parameter, option, size or
file named on the command line: one message, no traceback), 1 any other failure
(a bug in spdsl shows its traceback: hiding it would help nobody). A pattern is named
``FILE:PATTERN``; a file with one pattern needs no name.
"""

from __future__ import annotations

import errno
import json
import os
import sys

from spdsl.cli.common import (ELEMENT_BYTES, ArgumentParser, UsageError, check_grid, confine_arg, int_in, lengths,
                              load_library, load_pattern, make_inputs, offset_args, offsets, shape_args)
from spdsl.errors import PatternError

EXIT_PATTERN = 2
MAX_JSON_BLOCKS = 1 << 20   # `show --json` lists every block of one head
MAX_WORLD = 1 << 16         # `explain --world`


def cmd_check(args) -> int:
    failed = 0
    report = []
    for path in args.files:
        try:
            lib = load_library(path, args)
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
    pat = load_pattern(args.target, args.param, args)
    lq, lk = lengths(args)
    check_grid(pat, args.block, lq, lk, args.batch, args.heads)
    inputs = make_inputs(pat, args, lq, lk, args.batch, args.heads)
    ex = pat.explain(Lq=lq, Lk=lk, H=args.heads, B=args.batch, block=args.block, head_dim=args.dim,
                     **offsets(args), **inputs)
    if args.world is None:
        print(json.dumps(ex.to_dict(), indent=2) if args.json else ex)
        return 0
    plan = _context_parallel_plan(pat, args, lq, lk, inputs)
    size = dict(head_dim=args.dim, kv_heads=args.kv_heads or args.heads, element_bytes=ELEMENT_BYTES[args.dtype])
    if args.json:
        print(json.dumps({**ex.to_dict(), "context_parallel": plan.report(**size)}, indent=2))
    else:
        print(f"{ex}\n\n{plan.describe(**size)}")
    return 0


def _context_parallel_plan(pat, args, lq: int, lk: int, inputs: dict):
    """``explain --world N``: the context-parallel plan of the sequence over N ranks."""
    from spdsl.integrations import distributed

    if lq != lk or offsets(args):
        raise UsageError("--world shards one sequence (its queries and keys alike): give --seq, not "
                         "--lq/--lk or offsets")
    if args.world > lq:
        raise UsageError(f"--world {args.world} is more ranks than the {lq} positions of --seq")
    try:
        sharding = distributed.shard(pat, lq, args.world, args.sharding, B=args.batch, H=args.heads,
                                     block=args.block, **inputs)
        return distributed.plan(pat, sharding, B=args.batch, H=args.heads, block=args.block, **inputs)
    except distributed.ContextParallelError as e:
        raise UsageError(str(e).removeprefix("spdsl: ")) from None


def cmd_show(args) -> int:
    from spdsl.cli.show import PictureError, ascii_layout, check_png_path, pooled_kinds, write_png

    if args.heads is None:       # `--head 3` alone draws head 3 of four
        args.heads = args.head + 1
    if args.head >= args.heads:
        raise UsageError(f"--head {args.head} is out of range for --heads {args.heads} (heads count from 0)")
    try:
        if args.png:             # before the analysis: a bad path costs nothing
            check_png_path(args.png)
    except PictureError as e:
        raise UsageError(str(e)) from None
    pat = load_pattern(args.target, args.param, args)
    lq, lk = lengths(args, default=512)
    check_grid(pat, args.block, lq, lk, args.batch, args.heads)
    inputs = make_inputs(pat, args, lq, lk, args.batch, args.heads)
    bq, bk = pat.block_sizes(args.block)
    n_blocks = -(-lq // bq) * -(-lk // bk)
    if args.json and n_blocks > MAX_JSON_BLOCKS:
        raise UsageError(f"show --json lists every block: {n_blocks:,} at Lq={lq} Lk={lk} with blocks {bq}x{bk}, "
                         f"more than {MAX_JSON_BLOCKS:,}; use a larger --block, a shorter --seq, or explain --json")
    inputs = {**inputs, **offsets(args)}
    lay = pat.layout(lq, lk, H=args.heads, B=args.batch, block=args.block, **inputs)
    if args.json:
        kinds = pooled_kinds(lay, args.head, 1, 1)
        print(json.dumps({"pattern": pat.name, "Lq": lq, "Lk": lk, "block_q": lay.block_q,
                          "block_k": lay.block_k, "head": args.head, "kinds": kinds.tolist(),
                          "legend": {"0": "EMPTY", "1": "PARTIAL", "2": "FULL"}}))
    else:
        print(ascii_layout(pat, lay, head=args.head, width=args.width))
    if args.png:
        try:
            info = write_png(pat, lay, args.png, head=args.head, inputs=inputs)
        except PictureError as e:
            raise UsageError(str(e)) from None
        print(f"wrote {args.png} ({info})", file=sys.stderr if args.json else sys.stdout)
    return 0


def build_parser() -> ArgumentParser:
    from spdsl.cli.common import MAX_HEADS, dtype_arg, head_dim_arg, heads_arg
    from spdsl.cli.show import MAX_WIDTH

    ap = ArgumentParser(prog="spdsl", description="spdsl: a compiler for attention sparsity.")
    ap.add_argument("--version", action="version", version=f"spdsl {__import__('spdsl').__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("check", help="parse and check pattern files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    confine_arg(p)
    p.set_defaults(fn=cmd_check)

    p = sub.add_parser("show", help="draw a pattern's block layout (ASCII, or --png)")
    shape_args(p, heads_default=None)
    offset_args(p)
    p.add_argument("--head", type=int_in(0, MAX_HEADS - 1), default=0,
                   help="which head to draw, from 0 (default 0; --heads defaults to --head + 1)")
    p.add_argument("--png", metavar="FILE.png", help="also write a picture of the mask with the block grid")
    p.add_argument("--width", type=int_in(1, MAX_WIDTH), default=64, help="max characters across (default 64)")
    p.set_defaults(fn=cmd_show)

    p = sub.add_parser("explain", help="density, blocks, FLOPs saved, balance, layout memory")
    shape_args(p)
    offset_args(p)
    p.add_argument("--dim", type=head_dim_arg, default=64, help="head dim for the FLOP counts (default 64)")
    p.add_argument("--world", type=int_in(1, MAX_WORLD), default=None, metavar="N",
                   help="also plan context parallelism over N ranks: each rank's work and K/V bytes moved")
    p.add_argument("--sharding", choices=["auto", "contiguous", "zigzag", "lpt"], default="auto",
                   help="with --world: how positions are dealt to the ranks (default auto: balanced)")
    p.add_argument("--kv-heads", type=heads_arg, default=None, help="with --world: key/value heads (default --heads)")
    p.add_argument("--dtype", type=dtype_arg, default="float32", help="with --world: K/V element type for the bytes")
    p.set_defaults(fn=cmd_explain)

    from spdsl.cli.kernels import add_kernel_commands
    from spdsl.cli.tune import add_tune_command
    add_kernel_commands(sub, shape_args)
    add_tune_command(sub, shape_args)
    from spdsl.cli.choose import add_choose_commands
    add_choose_commands(sub)
    return ap


def _drop_stdout() -> None:
    """Point stdout at /dev/null: what is still buffered for a closed pipe or a full
    device must not fail again (with a traceback) when Python exits."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is no file (a test's capture)
        pass


def main(argv: list[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    try:
        status = args.fn(args)
        sys.stdout.flush()
        return status
    except BrokenPipeError:       # `spdsl show ... | head`
        _drop_stdout()
        return 0
    except OSError as e:
        if e.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise
        print(f"error: cannot write the output: {e.strerror}", file=sys.stderr)
        _drop_stdout()
        return EXIT_PATTERN
    except PatternError as e:     # every user error ends here (UsageError is one)
        print(e, file=sys.stderr)
        return EXIT_PATTERN
    except MemoryError:           # sizes the machine cannot hold, found while allocating
        print("error: out of memory; lower --seq/--lq/--lk, --heads, --batch or --dim", file=sys.stderr)
        return EXIT_PATTERN
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
