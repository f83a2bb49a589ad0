"""The commands that help choose a sparsity: ``spdsl coverage`` and ``spdsl sweep``.

    spdsl coverage MODEL FILE[:PATTERN] [--param NAME=V]... --text FILE [--seq N] [--top-k K]
                   [--block N|Q,K] [--layers 0,2] [--warn-below X] [--json] [--png FILE]
    spdsl sweep    MODEL FILE[:PATTERN] --param window=64,128,256 [--param globals=4] --text FILE
                   [--repeat N] [--max-loss X] [--json] [--png FILE] [--no-progress]
    spdsl sweep    MODEL FILE[:PATTERN] --param window=16,32,64 --text FILE --train [--steps N]
                   [--seq-len L] [--batch B] [--lr X] [--eval-every K] [--seed S] [--max-loss X] ...

MODEL is a Hugging Face model folder, or a config (a folder or .json without weights:
random weights; with --train only its config is read). Wired into spdsl/cli/main.py with
``add_choose_commands(subparsers)``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys

from spdsl.cli.common import (UsageError, block, confine_arg, finite_positive, int_in, param, parse_value,
                              positive, seed_arg)

MAX_SEQ = 1 << 17
MAX_TEXT_BYTES = 1 << 30
MAX_STEPS = 10_000_000
TRAIN_ONLY = ("steps", "lr", "eval_every", "eval_windows", "seed", "device")   # options that need --train


def _levels(text: str) -> tuple[str, list]:
    """NAME=V or NAME=V1,V2,...: one value fixes a parameter, several are levels."""
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE[,VALUE...], got '{text}'")
    name, values = text.split("=", 1)
    parts = [v.strip() for v in values.split(",")]
    if not all(parts):
        raise argparse.ArgumentTypeError(f"an empty value in '{text}'")
    return name.strip(), [parse_value(v) for v in parts]


def _layers(text: str) -> list[int]:
    try:
        out = [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected layer numbers such as 0,2,4, got '{text}'") from None
    if not out or min(out) < 0:
        raise argparse.ArgumentTypeError(f"expected layer numbers from 0, got '{text}'")
    return out


def _fraction(text: str) -> float:
    v = finite_positive(text) if text.strip() not in ("0", "0.0") else 0.0
    if v > 1:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {text}")
    return v


def read_texts(paths: list[str], split: str) -> list[str]:
    """The texts of ``--text`` files, whole or cut at blank lines or at lines."""
    out = []
    for path in paths:
        try:
            with open(path, "rb") as f:
                raw = f.read(MAX_TEXT_BYTES + 1)
        except OSError as e:
            raise UsageError(f"--text {path}: {e.strerror or e}") from None
        if len(raw) > MAX_TEXT_BYTES:
            raise UsageError(f"--text {path} is over {MAX_TEXT_BYTES >> 20} MiB; use --max-segments on a shorter file")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise UsageError(f"--text {path} is not UTF-8 (byte {e.start})") from None
        if split == "file":
            pieces = [text]
        elif split == "paragraphs":
            pieces = re.split(r"\n\s*\n", text)
        else:
            pieces = text.splitlines()
        out += [p.strip() for p in pieces if p.strip()]
    if not out:
        raise UsageError("the --text files hold no text")
    return out


def _check_png(path: str | None) -> None:
    if path:
        from spdsl.cli.show import PictureError, check_png_path
        try:
            check_png_path(path)
        except PictureError as e:
            raise UsageError(str(e)) from None


def _write(kind: str, report, path: str, to_stderr: bool) -> None:
    from spdsl.choose import plots
    draw = {"coverage": plots.coverage_png, "sweep": plots.sweep_png, "train": plots.train_png}[kind]
    try:
        info = draw(report, path)
    except plots.PlotError as e:
        raise UsageError(str(e)) from None
    print(f"wrote {path} ({info})", file=sys.stderr if to_stderr else sys.stdout)


def cmd_coverage(args) -> int:
    from spdsl.choose.coverage import coverage, format_report

    _check_png(args.png)
    texts = read_texts(args.text, args.split)
    report = coverage(args.model, _pattern(args, args.param), texts, top_k=args.top_k, block=args.block,
                      seq=args.seq, max_segments=args.max_segments, batch=args.batch, layers=args.layers,
                      warn_below=args.warn_below, maps=bool(args.png))
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(format_report(report, worst=args.worst))
    for w in report.warnings if args.json else ():
        print(f"warning: {w}", file=sys.stderr)
    if args.png:
        _write("coverage", report, args.png, args.json)
    return 0


def cmd_sweep(args) -> int:
    _check_png(args.png)
    fixed = {n: v[0] for n, v in args.param if len(v) == 1}
    levels = {n: v for n, v in args.param if len(v) > 1}
    if not levels and args.train and fixed:      # one level: the A/B of that binding against dense
        levels, fixed = {n: [v] for n, v in fixed.items()}, {}
    if not levels:
        raise UsageError("name the levels with a comma list: --param window=64,128,256"
                         + (" (with --train one value is one level)" if args.train else ""))
    if args.train:
        return _cmd_train(args, fixed, levels)
    given = [o for o in TRAIN_ONLY if getattr(args, o) is not None]
    if given:
        raise UsageError(f"--{given[0].replace('_', '-')} is an option of --train")
    from spdsl.choose.sweep import format_table, sweep

    texts = read_texts(args.text, args.split)
    report = sweep(args.model, _pattern(args, list(fixed.items())), texts, levels=levels, seq=args.seq,
                   max_segments=args.max_segments, batch=args.batch, repeat=args.repeat or 3, layers=args.layers,
                   progress=False if args.no_progress else None)
    if args.json:
        print(json.dumps(report.to_dict(args.max_loss), indent=2))
    else:
        print(format_table(report, args.max_loss))
    if args.png:
        _write("sweep", report, args.png, args.json)
    return 0


def _cmd_train(args, fixed: dict, levels: dict) -> int:
    if args.repeat is not None:
        raise UsageError("--repeat times the inference sweep; with --train every step is timed")
    if "torch" not in sys.modules:
        # torch's OpenMP threads spin between ops and take the cores from spdsl's kernel
        # threads (and from each other on a busy machine): steps measured 2-5x slower
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from spdsl.choose.train import format_table, train_sweep

    texts = read_texts(args.text, args.split)
    options = {k: getattr(args, k) for k in ("steps", "lr", "eval_every", "eval_windows", "seed")
               if getattr(args, k) is not None}
    report = train_sweep(args.model, _pattern(args, list(fixed.items())), texts, levels=levels, seq=args.seq,
                         batch=args.batch, layers=args.layers, device=args.device,
                         progress=False if args.no_progress else None, **options)
    if args.json:
        print(json.dumps(report.to_dict(args.max_loss), indent=2))
    else:
        print(format_table(report, args.max_loss))
    for w in report.warnings if args.json else ():
        print(f"warning: {w}", file=sys.stderr)
    if args.png:
        _write("train", report, args.png, args.json)
    return 0


def _pattern(args, params):
    from spdsl.cli.common import load_pattern
    return load_pattern(args.target, params, args)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("model", metavar="MODEL", help="Hugging Face model folder, or a config folder / .json (random weights)")
    p.add_argument("target", metavar="FILE[:PATTERN]", help="pattern file, optionally :PATTERN")
    p.add_argument("--text", action="append", required=True, metavar="FILE", help="UTF-8 text (repeatable)")
    p.add_argument("--split", choices=("file", "paragraphs", "lines"), default="file",
                   help="cut the text into pieces before segmenting (default: the whole file is one text)")
    p.add_argument("--seq", type=int_in(2, MAX_SEQ), default=None,
                   help="tokens per segment (default the model's longest, at most 512)")
    p.add_argument("--max-segments", type=positive, default=16, help="segments to run (default 16)")
    p.add_argument("--batch", type=positive, default=4, help="segments per forward pass (default 4)")
    p.add_argument("--layers", type=_layers, default=None, metavar="I,J,...",
                   help="attention layers to measure / sparsify (default all)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--png", metavar="FILE.png", help="also draw a picture (needs matplotlib)")
    confine_arg(p)


def add_choose_commands(sub) -> None:
    p = sub.add_parser("coverage", help="how much of a model's real attention a pattern keeps, per layer and head")
    _common(p)
    p.add_argument("--param", "-p", action="append", type=param, default=[], metavar="NAME=VALUE",
                   help="bind a parameter (repeatable)")
    p.add_argument("--top-k", type=int_in(1, 1 << 16), default=8, help="recall of each query's top-k keys (default 8)")
    p.add_argument("--block", type=block, default=None, metavar="N|Q,K",
                   help="block size for the FULL/PARTIAL split (default: the pattern's hint, else 64)")
    p.add_argument("--warn-below", type=_fraction, default=0.9, metavar="X",
                   help="warn for heads keeping less than X of the dense mass (default 0.9)")
    p.add_argument("--worst", type=positive, default=10, help="heads listed as losing the most (default 10)")
    p.set_defaults(fn=cmd_coverage)

    p = sub.add_parser("sweep", help="quality and speed of sparsity levels against the dense model")
    _common(p)
    p.add_argument("--param", "-p", action="append", type=_levels, default=[], metavar="NAME=V[,V...]",
                   help="a comma list makes levels (window=64,128,256); one value fixes the parameter "
                        "(with --train and no comma list, the values make one level)")
    p.add_argument("--repeat", type=int_in(1, 1000), default=None, help="timed passes per level (median; default 3)")
    p.add_argument("--max-loss", type=finite_positive, default=None, metavar="X",
                   help="name the sparsest level whose loss (KL, or 1 - cosine; with --train: final "
                        "validation loss above dense's, nats/token) is within X")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    t = p.add_argument_group("training A/B (--train)")
    t.add_argument("--train", action="store_true",
                   help="train MODEL's config from scratch, dense and at every level, and compare validation loss")
    t.add_argument("--steps", type=int_in(1, MAX_STEPS), default=None, help="training steps per level (default 200)")
    t.add_argument("--seq-len", dest="seq", type=int_in(2, MAX_SEQ), default=None, metavar="L",
                   help="tokens per training window (the same as --seq; default the model's longest, at most 256)")
    t.add_argument("--lr", type=finite_positive, default=None, metavar="X", help="AdamW learning rate (default 1e-3)")
    t.add_argument("--eval-every", type=int_in(1, MAX_STEPS), default=None, metavar="K",
                   help="validation loss every K steps (default: about 20 times a run)")
    t.add_argument("--eval-windows", type=int_in(1, 1 << 16), default=None, metavar="N",
                   help="validation windows of L tokens (default 16)")
    t.add_argument("--seed", type=seed_arg, default=None, help="seed of the weights and the batches (default 0)")
    t.add_argument("--device", choices=("cpu", "cuda"), default=None, help="default: cuda where there is one")
    p.set_defaults(fn=cmd_sweep)
