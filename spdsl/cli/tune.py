"""The ``spdsl tune`` command: tune a pattern's kernel, or look after the tuning database.

    spdsl tune FILE[:PATTERN] --seq 8192 --heads 8 --dim 64 [--dtype float32] [--trials 32]
               [--budget SECONDS] [--rpc HOST:PORT:KEY] [--override-block] [--json]
    spdsl tune --db show | export FILE | import FILE

Wired into spdsl/cli/main.py with ``add_tune_command(subparsers, shape_args)``.
"""

from __future__ import annotations

import json
import sys

from spdsl.cli.common import (UsageError, check_grid, check_kernel_blocks, dtype_arg, finite_positive,
                              head_dim_arg, int_in, lengths, load_pattern, make_inputs, require_memory, seed_arg,
                              tensor_bytes, torch_dtype)
from spdsl.errors import PatternError

MAX_TRIALS = 10_000


def _rpc(text: str) -> str:
    import argparse

    parts = text.rsplit(":", 2)
    if len(parts) != 3 or not parts[0] or not parts[1].isdigit() or not parts[2] \
            or not 0 < int(parts[1]) < 65536:
        raise argparse.ArgumentTypeError(f"expected HOST:PORT:KEY (a TVM RPC tracker, a port 1-65535 and a "
                                         f"device key), got '{text}'")
    return text


def cmd_tune(args) -> int:
    if args.db:
        return _cmd_db(args)
    if not args.target:
        raise PatternError("spdsl tune needs FILE[:PATTERN] (or --db show|export FILE|import FILE)")
    pat = load_pattern(args.target, args.param, args)
    lq, lk = lengths(args, default=4096)
    B, H, D = args.batch, args.heads, args.dim
    check_kernel_blocks(pat, args.block, D)
    check_grid(pat, args.block, lq, lk, args.batch, args.heads)
    # before torch: sizes the machine cannot hold are refused in a moment, not after GBs
    require_memory(tensor_bytes(B, H, lq, lk, D, args.dtype, backward=True),
                   f"tune at B={B} H={H} Lq={lq} Lk={lk} D={D} {args.dtype}")
    inputs = make_inputs(pat, args, lq, lk, B, H)
    import torch

    from spdsl.tune.rpc import RPCError
    from spdsl.tune.search import tune

    if args.device == "cuda" and not torch.cuda.is_available():
        print("error: --device cuda tunes on this machine's GPU, and torch sees none here; run "
              "`spdsl tune --device cuda` on the machine with the GPU", file=sys.stderr)
        return 2
    inputs = {n: torch.as_tensor(a) for n, a in inputs.items()}
    try:
        res = tune(pat, seq=(lq, lk), heads=H, head_dim=D, dtype=torch_dtype(args.dtype), batch=B,
                   trials=args.trials, budget=args.budget, inputs=inputs, rpc=args.rpc,
                   progress=not args.no_progress, allow_block_override=args.override_block, block=args.block,
                   seed=args.seed, device=args.device)
    except PatternError:
        raise
    except RPCError as e:          # a tracker or server that refuses, never answers or answers garbage
        raise UsageError(str(e)) from None
    except ValueError as e:        # tune()'s word for arguments it cannot take (blocks, head_dim, --rpc)
        raise UsageError(str(e)) from None
    if args.json:
        print(json.dumps(res.to_dict(), indent=2, default=str))
    else:
        print(res.summary())
        if args.table:
            print(res.table())
        print(f"  database {res.db_path} (spdsl.compile consults it)")
    return 0 if res.best_ms is not None else 1


def _cmd_db(args) -> int:
    from spdsl.tune.db import TuningDB

    action, *rest = args.db
    if not (action == "show" and not rest or action in ("export", "import") and len(rest) == 1):
        raise UsageError("spdsl tune --db: expected 'show', 'export FILE' or 'import FILE'")
    db = TuningDB()
    if action == "show" and not rest:
        if args.json:
            print(json.dumps(db.records(), indent=1, default=str))
        else:
            print(db.show())
        return 0
    try:
        if action == "export":
            n = db.export(rest[0])
            print(f"exported {n} record{'s' if n != 1 else ''} from {db.path} to {rest[0]}")
        else:
            n = db.import_(rest[0])
            skipped = getattr(db, "skipped", 0)
            print(f"imported {n} new record{'s' if n != 1 else ''} from {rest[0]} into {db.path}"
                  + (f" (skipped {skipped} malformed)" if skipped else ""))
    except ValueError as e:        # import: a missing, special or malformed file
        raise UsageError(str(e)) from None
    except OSError as e:           # export: a folder that cannot be written, a full disk
        raise UsageError(f"cannot {action} {rest[0]}: {e.strerror or e}") from None
    return 0


def add_tune_command(sub, shape_args) -> None:
    p = sub.add_parser("tune", help="search the schedule knobs on this machine; keep the best in the tuning db")
    shape_args(p)
    for action in p._actions:  # `spdsl tune --db show` names no pattern
        if action.dest == "target":
            action.nargs, action.default = "?", None
    p.add_argument("--dim", type=head_dim_arg, default=64, help="head dim (default 64)")
    p.add_argument("--dtype", type=dtype_arg, default="float32", help="float32, float16 or bfloat16")
    p.add_argument("--trials", type=int_in(1, MAX_TRIALS), default=32,
                   help="configs to build and measure at most (default 32)")
    p.add_argument("--budget", type=finite_positive, default=None,
                   help="seconds at most (default: spdsl.tune.DEFAULT_BUDGET_S, 150)")
    p.add_argument("--device", choices=("cpu", "cuda"), default="cpu",
                   help="tune the CPU kernels (default) or the CUDA kernels on this machine's GPU "
                        "(timed on forward + backward)")
    p.add_argument("--rpc", type=_rpc, default=None, metavar="HOST:PORT:KEY",
                   help="build here, measure on the servers of a TVM RPC tracker")
    p.add_argument("--override-block", action="store_true",
                   help="also search block sizes when the pattern has a block hint")
    p.add_argument("--seed", type=seed_arg, default=0, help="seed of the search and the random inputs")
    p.add_argument("--table", action="store_true", help="also print every trial")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.add_argument("--db", nargs="+", metavar="ACTION", default=None,
                   help="the tuning database: show | export FILE | import FILE")
    p.set_defaults(fn=cmd_tune, heads=8)
