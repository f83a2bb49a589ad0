"""What the command groups share: FILE[:PATTERN] and --param parsing, shape options,
lengths, pattern inputs, dtypes."""

from __future__ import annotations

import argparse
import re

from spdsl.errors import PatternError


def parse_value(text: str):
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"[+-]?[0-9][0-9_]*", text):
        return int(text.replace("_", ""))
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number or true/false") from None


def param(text: str) -> tuple[str, object]:
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got '{text}'")
    name, value = text.split("=", 1)
    return name.strip(), parse_value(value.strip())


def input_file(text: str) -> tuple[str, str]:
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"expected NAME=FILE.npy, got '{text}'")
    name, path = text.split("=", 1)
    return name.strip(), path.strip()


def positive(text: str) -> int:
    try:
        v = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not an integer") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {v}")
    return v


def block(text: str) -> tuple[int, int]:
    parts = text.replace("x", ",").split(",")
    if len(parts) == 1:
        v = positive(parts[0])
        return v, v
    if len(parts) == 2:
        return positive(parts[0]), positive(parts[1])
    raise argparse.ArgumentTypeError(f"a block is N or Q,K; got '{text}'")


def split_target(target: str) -> tuple[str, str | None]:
    """``FILE:PATTERN`` -> (FILE, PATTERN); a plain FILE -> (FILE, None)."""
    if ":" in target:
        path, name = target.rsplit(":", 1)
        if name and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) and path:
            return path, name
    return target, None


def load_pattern(target: str, params: list[tuple[str, object]]):
    from spdsl.frontend.library import load

    path, name = split_target(target)
    lib = load(path)
    pat = lib.pattern(name)
    return pat.bind(**dict(params)) if params else pat


def shape_args(p: argparse.ArgumentParser, heads_default: int = 1) -> None:
    p.add_argument("target", metavar="FILE[:PATTERN]", help="pattern file, optionally :PATTERN")
    p.add_argument("--param", "-p", action="append", type=param, default=[], metavar="NAME=VALUE",
                   help="bind a parameter (repeatable)")
    p.add_argument("--seq", type=positive, default=None, help="query and key length (Lq = Lk)")
    p.add_argument("--lq", type=positive, default=None, help="query length")
    p.add_argument("--lk", type=positive, default=None, help="key length")
    p.add_argument("--heads", type=positive, default=heads_default, help="query heads H")
    p.add_argument("--batch", type=positive, default=1, help="batch size B")
    p.add_argument("--block", type=block, default=None, metavar="N|Q,K",
                   help="block size (default: the pattern's hint, else 64)")
    p.add_argument("--input", action="append", type=input_file, default=[], metavar="NAME=FILE.npy",
                   help="a runtime input from a .npy file (repeatable)")
    p.add_argument("--random-inputs", action="store_true",
                   help="draw runtime inputs at random (int: sorted ids, like packed documents)")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def lengths(args, default: int = 1024) -> tuple[int, int]:
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

def torch_dtype(name: str):
    import torch
    table = {"float32": torch.float32, "fp32": torch.float32, "float16": torch.float16, "fp16": torch.float16,
             "bfloat16": torch.bfloat16, "bf16": torch.bfloat16}
    if name not in table:
        raise PatternError(f"unknown --dtype '{name}'; use float32, float16 or bfloat16")
    return table[name]
