"""What the command groups share: FILE[:PATTERN] and --param parsing, shape options and
their bounds, lengths, pattern inputs, dtypes, and the memory a command may take.

Every option is checked where argparse reads it (a one-line error, exit 2) so that
nonsense (a zero or negative size, a NaN, a length no analysis can serve) never reaches
the analyses or the kernels; sizes that are fine one by one but too much together are
checked against the machine's memory before anything is allocated.
"""

from __future__ import annotations

from spdsl.ir.printer import input_text

import argparse
import math
import os
import re
import stat

from spdsl.errors import PatternError

# The longest --seq/--lq/--lk: 16M tokens. The block analysis serves a sparse pattern at
# this length in seconds (a sliding window: 5 s, 0.5 GB); the float64 reference and the
# dense SDPA comparison are skipped far below it (--check-limit, --dense-limit).
MAX_LENGTH = 1 << 24
MAX_BATCH = 1 << 16              # --batch
MAX_HEADS = 1 << 12              # --heads
MAX_PAIRS = 1 << 20              # --batch x --heads: one layout entry per (b, h) pair
MAX_HEAD_DIM = 1024              # --dim: the CPU kernels keep block x head_dim tiles on the stack
MAX_GRID = 1 << 36               # query blocks x key blocks of one layout (16M tokens at block 64)
MAX_KERNEL_BLOCK = 512           # a kernel's block side (as the tuning database's schema)
MAX_TILE = 1 << 18               # block x head_dim and block_q x block_k elements of a CPU kernel's
                                 # stack tiles (head_dim 16384 at block 64 overflows the stack)


class UsageError(PatternError):
    """A command-line option or file named on the command line is wrong (exit 2)."""


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but a bad option is one line on stderr (exit 2), not the usage block."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _int(text: str) -> int:
    try:
        return int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not an integer") from None


def int_in(lo: int, hi: int | None = None):
    """An argparse type: an int between ``lo`` and ``hi`` (inclusive)."""
    def parse(text: str) -> int:
        v = _int(text)
        if v < lo:
            raise argparse.ArgumentTypeError(f"must be at least {lo}, got {v}")
        if hi is not None and v > hi:
            raise argparse.ArgumentTypeError(f"must be at most {hi:,}, got {v:,}")
        return v
    parse.__name__ = "int"
    return parse


positive = int_in(1)
length = int_in(1, MAX_LENGTH)
batch_arg = int_in(1, MAX_BATCH)
heads_arg = int_in(1, MAX_HEADS)
head_dim_arg = int_in(1, MAX_HEAD_DIM)
seed_arg = int_in(0, (1 << 63) - 1)
non_negative = int_in(0)


def finite_positive(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not math.isfinite(v) or v <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive finite number, got {text}")
    return v


def parse_value(text: str):
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"[+-]?[0-9][0-9_]*", text):
        try:
            return int(text.replace("_", ""))
        except ValueError:   # more digits than Python converts
            raise argparse.ArgumentTypeError(f"'{text[:20]}...' has too many digits") from None
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number or true/false") from None
    # `inf` is a float literal of the language; NaN is not, and 1e999 is no spelling of inf
    if math.isnan(v):
        raise argparse.ArgumentTypeError(f"'{text}' is not a number (NaN is no parameter value)")
    if math.isinf(v) and text.lower().lstrip("+-") not in ("inf", "infinity"):
        raise argparse.ArgumentTypeError(f"'{text}' is beyond the float range (write inf for infinity)")
    return v


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


def block(text: str) -> tuple[int, int]:
    parts = text.replace("x", ",").split(",")
    if len(parts) == 1:
        v = length(parts[0])
        return v, v
    if len(parts) == 2:
        return length(parts[0]), length(parts[1])
    raise argparse.ArgumentTypeError(f"a block is N or Q,K; got '{text}'")


DTYPES = {"float32": "float32", "fp32": "float32", "float16": "float16", "fp16": "float16",
          "bfloat16": "bfloat16", "bf16": "bfloat16"}
ELEMENT_BYTES = {"float32": 4, "float16": 2, "bfloat16": 2}


def dtype_arg(text: str) -> str:
    if text not in DTYPES:
        raise argparse.ArgumentTypeError(f"unknown dtype '{text}'; use float32, float16 or bfloat16")
    return DTYPES[text]


def split_target(target: str) -> tuple[str, str | None]:
    """``FILE:PATTERN`` -> (FILE, PATTERN); a plain FILE -> (FILE, None)."""
    if ":" in target:
        path, name = target.rsplit(":", 1)
        if name and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) and path:
            return path, name
    return target, None


def load_library(path: str, args):
    from spdsl.frontend.library import load

    return load(path, confine_imports=getattr(args, "confine_imports", False))


def load_pattern(target: str, params: list[tuple[str, object]], args=None):
    path, name = split_target(target)
    lib = load_library(path, args)
    try:
        pat = lib.pattern(name)
    except KeyError as e:  # a missing pattern name in a library
        raise UsageError(e.args[0]) from None
    return pat.bind(**dict(params)) if params else pat


def confine_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--confine-imports", action="store_true",
                   help="imports only from the pattern file's folder and below (for untrusted patterns)")


def shape_args(p: argparse.ArgumentParser, heads_default: int | None = 1) -> None:
    p.add_argument("target", metavar="FILE[:PATTERN]", help="pattern file, optionally :PATTERN")
    p.add_argument("--param", "-p", action="append", type=param, default=[], metavar="NAME=VALUE",
                   help="bind a parameter (repeatable)")
    p.add_argument("--seq", type=length, default=None, help=f"query and key length (Lq = Lk; at most {MAX_LENGTH:,})")
    p.add_argument("--lq", type=length, default=None, help="query length")
    p.add_argument("--lk", type=length, default=None, help="key length")
    p.add_argument("--heads", type=heads_arg, default=heads_default, help="query heads H")
    p.add_argument("--batch", type=batch_arg, default=1, help="batch size B")
    p.add_argument("--block", type=block, default=None, metavar="N|Q,K",
                   help="block size (default: the pattern's hint, else 64)")
    p.add_argument("--input", action="append", type=input_file, default=[], metavar="NAME=FILE.npy",
                   help="a runtime input from a .npy file (repeatable)")
    p.add_argument("--random-inputs", action="store_true",
                   help="draw runtime inputs at random (int: sorted ids, like packed documents)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    confine_arg(p)


def offset_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--q-offset", type=int, default=None, metavar="N",
                   help="position of the first query row (default Lk - Lq: the last Lq positions)")
    p.add_argument("--kv-offset", type=int, default=None, metavar="N",
                   help="position of the first key row (default 0)")


def offsets(args) -> dict:
    """``q_offset`` / ``kv_offset`` keyword arguments from --q-offset / --kv-offset."""
    return {n: getattr(args, n) for n in ("q_offset", "kv_offset") if getattr(args, n, None) is not None}


def lengths(args, default: int = 1024) -> tuple[int, int]:
    """(Lq, Lk) from --seq/--lq/--lk; also checks --batch x --heads."""
    lq = args.lq or args.seq or default
    lk = args.lk or args.seq or lq
    if args.batch * args.heads > MAX_PAIRS:
        raise UsageError(f"--batch {args.batch} x --heads {args.heads} is {args.batch * args.heads:,} (batch, head) "
                         f"pairs; at most {MAX_PAIRS:,}")
    return lq, lk


def check_grid(pat, block, lq: int, lk: int, B: int = 1, H: int = 1) -> None:
    """The blocks the analysis walks: the grid, once per (batch, head) pair the mask can
    tell apart, at most MAX_GRID (a layout is stored by its non-empty blocks, but their
    number grows with the grid)."""
    from spdsl.ir.nodes import depends_on

    bq, bk = pat.block_sizes(block)
    grid = -(-lq // bq) * -(-lk // bk)
    pairs = (B if depends_on(pat.mask, "b") else 1) * (H if depends_on(pat.mask, "h") else 1)
    if grid * pairs > MAX_GRID:
        per = f" for each of {pairs:,} (batch, head) pairs" if pairs > 1 else ""
        raise UsageError(f"Lq={lq} Lk={lk} with blocks {bq}x{bk} is a grid of {grid:,} blocks{per}; at most "
                         f"{MAX_GRID:,} in all: use a larger --block, a shorter --seq or fewer heads")


def check_kernel_blocks(pat, block, head_dim: int) -> None:
    """Blocks (--block, else the pattern's hint) the kernels can be built with: at most
    MAX_KERNEL_BLOCK a side, and tiles of at most MAX_TILE elements."""
    bq, bk = pat.block_sizes(block)
    where = "--block" if block is not None else f"the block hint of pattern '{pat.name}'"
    if max(bq, bk) > MAX_KERNEL_BLOCK:
        raise UsageError(f"blocks {bq}x{bk} (from {where}) are too large for the kernels: at most "
                         f"{MAX_KERNEL_BLOCK} a side")
    if max(bq, bk) * head_dim > MAX_TILE or bq * bk > MAX_TILE:
        raise UsageError(f"blocks {bq}x{bk} (from {where}) with head dim {head_dim} make kernel tiles larger "
                         f"than {MAX_TILE:,} elements; use smaller blocks or a smaller --dim")


# ---- memory -------------------------------------------------------------------------------

def _read_int(path: str) -> int | None:
    try:
        with open(path) as f:
            text = f.read(64).strip()
        return int(text)
    except (OSError, ValueError):
        return None


def available_memory() -> int:
    """Bytes this process can still allocate: MemAvailable, the cgroup's room and the
    address-space limit, whichever is least."""
    import resource

    room = []
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    room.append(int(line.split()[1]) * 1024)
                    break
    except (OSError, ValueError, IndexError):
        pass
    if not room:
        try:
            room.append(os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
        except (ValueError, OSError, AttributeError):
            pass
    limit, used = _read_int("/sys/fs/cgroup/memory.max"), _read_int("/sys/fs/cgroup/memory.current")
    if limit is not None and used is not None:
        room.append(max(0, limit - used))
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft != resource.RLIM_INFINITY:
        room.append(soft)
    return min(room) if room else 1 << 62


def gib(n: float) -> str:
    return f"{n / (1 << 30):.1f} GiB" if n >= 1 << 30 else f"{n / (1 << 20):.0f} MiB"


def require_memory(need: int, what: str, have: int | None = None, where: str = "this machine") -> None:
    """A clear error when ``need`` bytes do not fit in the memory left (half of it: the
    kernels, torch and TVM need the rest)."""
    have = available_memory() if have is None else have
    if need > have // 2:
        raise UsageError(f"{what} needs about {gib(need)} and {where} has {gib(have)} available; "
                         f"lower --seq/--lq/--lk, --heads, --batch or --dim")


def tensor_bytes(B: int, H: int, lq: int, lk: int, D: int, dtype_name: str, backward: bool = False) -> int:
    """q, k, v (drawn in float32, then cast) and the output (and, for ``backward``, the
    gradients of all four) of one call."""
    elem = ELEMENT_BYTES[dtype_name]
    qkvo = B * H * D * (2 * lq + 2 * lk)
    return qkvo * (4 + elem) * (2 if backward else 1) + B * H * lq * 4


# ---- pattern inputs -----------------------------------------------------------------------

def _input_shape(decl, sizes: dict) -> tuple[int, ...]:
    """The shape a user passes for ``decl`` at these sizes (``()`` for ``int[]``)."""
    from spdsl.ir.dims import DimError, declared_shape
    try:
        return declared_shape(decl, sizes)
    except DimError as e:
        raise UsageError(f"input '{decl.name}' ({input_text(decl)}): {e}") from None


def _load_npy(name: str, path: str, shape: tuple[int, ...]):
    import numpy as np

    try:
        st = os.stat(path)
    except OSError as e:
        raise UsageError(f"cannot read input '{name}' from {path}: {e.strerror or e}") from None
    if not stat.S_ISREG(st.st_mode):
        raise UsageError(f"cannot read input '{name}' from {path}: not a regular file")
    try:
        with open(path, "rb") as f:
            magic = f.read(6)
    except OSError as e:
        raise UsageError(f"cannot read input '{name}' from {path}: {e.strerror or e}") from None
    if magic != b"\x93NUMPY":
        raise UsageError(f"cannot read input '{name}' from {path}: not a .npy file (numpy.save writes one)")
    try:
        arr = np.load(path, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError, EOFError) as e:
        raise UsageError(f"cannot read input '{name}' from {path}: {str(e).splitlines()[0] if str(e) else e!r}") \
            from None
    if tuple(arr.shape) != shape:
        raise UsageError(f"input '{name}' from {path} has shape {list(arr.shape)}; the pattern needs {list(shape)}")
    return np.array(arr)


def make_inputs(pat, args, Lq: int, Lk: int, B: int, H: int) -> dict:
    import numpy as np

    sizes = {"B": B, "H": H, "Lq": Lq, "Lk": Lk}
    extra = sorted({n for n, _ in args.input} - set(pat.inputs))
    if extra:
        raise UsageError(f"pattern '{pat.name}' has no input '{extra[0]}'; its inputs: "
                         f"{', '.join(pat.inputs) or 'none'}")
    shapes = {n: _input_shape(d, sizes) for n, d in pat.inputs.items()}
    require_memory(sum(8 * math.prod(s) for s in shapes.values()), f"the inputs of pattern '{pat.name}'")
    given = {name: _load_npy(name, path, shapes[name]) for name, path in args.input}
    rng = np.random.default_rng(0)
    for name, decl in pat.inputs.items():
        if name in given:
            continue
        if not args.random_inputs:
            raise UsageError(f"pattern '{pat.name}' needs the input '{name}' "
                             f"({input_text(decl)}): pass --input {name}=FILE.npy "
                             f"or --random-inputs")
        shape = shapes[name]
        if decl.elem == "bool":
            given[name] = rng.random(shape) < 0.9
        elif decl.dtype == "int":
            last = shape[-1] if shape else 1
            ids = rng.integers(0, max(2, last // 256 + 1), size=shape)
            given[name] = (np.sort(ids, axis=-1) if shape else ids).astype(np.int64)
        else:
            given[name] = rng.random(shape, dtype=np.float32)
    return given


# ---- commands ---------------------------------------------------------------------------

def torch_dtype(name: str):
    import torch
    return getattr(torch, dtype_arg(name))
