"""A checked pattern: its IR, parameter binding, and what can be asked of it.

A :class:`Pattern` is immutable. ``bind`` returns a new, further specialised pattern;
everything else (dense reference mask, block layout, explanation, FlexAttention
mask_mod) is computed from the same IR.
"""

from __future__ import annotations

from spdsl.ir.printer import input_text

import hashlib
import math
from typing import Any

from spdsl.frontend import syntax as A
from spdsl.frontend.check import Built, Checker
from spdsl.errors import BindError, PatternError, Reporter, did_you_mean
from spdsl.ir.nodes import BOOL, INT, Binary, Expr, InputDecl, free_vars, params_read
from spdsl.analysis.sizes import Sizes, as_numpy
from spdsl.ir.dims import DimError, declared_shape, dim_text, dim_value, storage_shape

DEFAULT_BLOCK = 64


def kernel_block_error(block_q: int, block_k: int, device: str = "cpu") -> str | None:
    """Why the compiled kernels cannot take blocks ``(block_q, block_k)`` with their
    default tiles, or None when they can (the rule is data of the front end, documented
    in docs/semantics.md; tests tie it to the kernels' own checks)."""
    from spdsl.frontend.check import KERNEL_BLOCK_K_MULTIPLE, KERNEL_BLOCK_Q_MAX_CUDA, KERNEL_BLOCK_Q_MULTIPLE

    problems = []
    if block_q < 1 or block_q % KERNEL_BLOCK_Q_MULTIPLE:
        problems.append(f"the query block must be a positive multiple of {KERNEL_BLOCK_Q_MULTIPLE}")
    if block_k < 1 or block_k % KERNEL_BLOCK_K_MULTIPLE:
        problems.append(f"the key block must be a positive multiple of {KERNEL_BLOCK_K_MULTIPLE}")
    if device == "cuda" and block_q > KERNEL_BLOCK_Q_MAX_CUDA:
        problems.append(f"the query block must be at most {KERNEL_BLOCK_Q_MAX_CUDA} on CUDA")
    return "; ".join(problems) or None


class Pattern:
    """One pattern of a library, possibly specialised by :meth:`bind`."""

    def __init__(self, definition: A.PatternDef, checker: Checker, reporter: Reporter,
                 values: dict[str, Any], built: Built):
        self._def = definition
        self._checker = checker
        self._reporter = reporter
        self.values = dict(values)
        self._built = built
        self._restrictions: tuple[Pattern, ...] = ()   # patterns ANDed in by restrict()
        self._rows: dict[bool, Pattern] = {}            # at_rows() results, by explicit offsets
        self._is_rows = False

    @classmethod
    def _from_def(cls, definition, checker, reporter, values) -> "Pattern":
        built = checker.build(definition, values)
        return cls(definition, checker, reporter, values, built)

    # ---- what it is ---------------------------------------------------------------

    @property
    def name(self) -> str:
        return self._def.name

    @property
    def params(self) -> dict[str, Any]:
        """Parameter name -> default value (None where there is no default)."""
        out = {}
        for p in self._def.params:
            d = self._checker._default(p) if p.default is not None else None
            out[p.name] = d.value if d is not None and hasattr(d, "value") else None
        return out

    @property
    def mask(self) -> Expr:
        return self._built.mask

    @property
    def score(self) -> Expr | None:
        return self._built.score

    @property
    def inputs(self) -> dict[str, InputDecl]:
        return dict(self._built.inputs)

    @property
    def block_hint(self) -> tuple[int, int] | None:
        return self._built.block

    @property
    def index_checks(self):
        return self._built.index_checks

    @property
    def unbound(self) -> tuple[str, ...]:
        return self._built.unbound

    def locate(self, span) -> str:
        """Where ``span`` (a span of one of this pattern's IR nodes) lies in its source,
        as ``file:line:col`` (just the file when the node has no position)."""
        d = self._reporter.diagnostic(span, "")
        return f"{d.file}:{d.line}:{d.column}" if d.line else d.file

    def __repr__(self) -> str:
        vals = ", ".join(f"{k}={v!r}" for k, v in self.values.items())
        return f"<Pattern {self.name}({vals})>"

    def __str__(self) -> str:
        from spdsl.ir.printer import print_pattern
        return print_pattern(self)

    def key(self) -> str:
        """A hash of the normalised IR: equal for patterns that compute the same thing."""
        from spdsl.ir.printer import print_pattern
        return hashlib.sha256(print_pattern(self, anonymous=True).encode()).hexdigest()[:32]

    # ---- specialisation -------------------------------------------------------------

    def bind(self, **values) -> "Pattern":
        """A copy with parameters fixed: ``lib["sliding_window"].bind(window=512)``."""
        names = [p.name for p in self._def.params]
        for k in values:
            if k not in names:
                hint = did_you_mean(k, names) or (f"its parameters: {', '.join(names)}" if names
                                                  else f"'{self.name}' has no parameters")
                raise BindError(f"pattern '{self.name}' has no parameter '{k}'; {hint}")
        merged = {**self.values, **values}
        before = len(self._reporter.diagnostics)
        self._checker.reset_budget()
        built = self._checker.build(self._def, merged)
        new = self._reporter.diagnostics[before:]
        del self._reporter.diagnostics[before:]
        self._reporter._seen.clear()
        if new:
            raise BindError(new)
        out = Pattern(self._def, self._checker, self._reporter, merged, built)
        for other in self._restrictions:
            out = out.restrict(other)
        return out

    def restrict(self, other: "Pattern") -> "Pattern":
        """This pattern (its score, name and block hint) seeing only the keys that ``other``
        also lets through: the mask becomes ``self.mask and other.mask`` and the inputs of
        both are taken (an input named in both must be declared the same way). Both must be
        bound. For masks that come from outside the pattern: padding, documents, caches.

        >>> padded = window.restrict(spdsl.parse(KEEP_KEYS)["keep_keys"])
        """
        from dataclasses import replace

        self.require_bound()
        other.require_bound()
        for name, decl in other.inputs.items():
            mine = self._built.inputs.get(name)
            if mine is not None and input_text(mine) != input_text(decl):
                raise BindError(f"pattern '{self.name}' and pattern '{other.name}' both have an input "
                                f"'{name}', declared differently ({input_text(mine)} and {input_text(decl)})")
        mask = Binary("and", self.mask, other.mask, BOOL)
        built = replace(self._built, mask=mask, inputs={**self._built.inputs, **other.inputs},
                        index_checks=self._built.index_checks + other.index_checks)
        out = Pattern(self._def, self._checker, self._reporter, self.values, built)
        out._restrictions = self._restrictions + (other,)
        return out

    def at_rows(self, explicit_offsets: bool = False) -> "Pattern":
        """This pattern over row numbers (what the analysis, the reference and the kernels
        read): every position ``q`` becomes ``qi + q_offset``, ``k`` becomes ``ki + kv_offset``
        (``spdsl.ir.positions.at_rows``). Without ``explicit_offsets`` the offsets are their
        defaults ``Lk - Lq`` and ``0``; with it they are the hidden inputs ``q_offset`` and
        ``kv_offset`` (``int[B]``), which the result declares among its inputs."""
        if self._is_rows:
            return self
        key = bool(explicit_offsets)
        if key not in self._rows:
            from dataclasses import replace
            from spdsl.ir import positions as P

            oq, ok = P.offsets(key)
            rows = lambda e: P.at_rows(e, oq, ok)
            built = replace(self._built, mask=rows(self.mask), score=rows(self.score),
                            inputs={**self._built.inputs, **(P.OFFSET_DECLS if key else {})},
                            index_checks=tuple(replace(c, index=rows(c.index))
                                               for c in self._built.index_checks))
            out = Pattern(self._def, self._checker, self._reporter, self.values, built)
            out._is_rows = True
            self._rows[key] = out
        return self._rows[key]

    def rows_and_inputs(self, sizes: Sizes, inputs: dict, q_offset=None, kv_offset=None):
        """(the pattern over rows, its checked inputs) for one call: explicit offsets (an
        int or an int tensor [B] each; either may be None) select the variant that reads
        them as inputs, else the default one."""
        inputs = dict(inputs)
        explicit = q_offset is not None or kv_offset is not None
        rows = self.at_rows(explicit)
        if explicit:
            from spdsl.ir.positions import offset_tensors
            try:
                inputs.update(offset_tensors(q_offset, kv_offset, sizes.B, sizes.Lq, sizes.Lk))
            except (TypeError, ValueError) as exc:
                raise BindError(str(exc).removeprefix("spdsl: ")) from None
        return rows, rows.check_inputs(sizes, inputs)

    def require_bound(self) -> None:
        if self.unbound:
            names = ", ".join(self.unbound)
            raise BindError(f"pattern '{self.name}' has parameters without a value: {names}; "
                            f"bind them first: .bind({', '.join(n + '=...' for n in self.unbound)})")

    # ---- call-time checks ------------------------------------------------------------

    def check_inputs(self, sizes: Sizes, inputs: dict[str, Any]) -> dict[str, Any]:
        """Inputs as numpy-compatible arrays after checking names, shapes and values."""
        self.require_bound()
        decls = self._built.inputs
        extra = sorted(set(inputs) - set(decls))
        if extra:
            hint = did_you_mean(extra[0], decls)
            raise BindError(f"pattern '{self.name}' has no input '{extra[0]}'"
                            + (f"; {hint}" if hint else f"; its inputs: {', '.join(decls) or 'none'}"))
        missing = sorted(set(decls) - set(inputs))
        if missing:
            d = decls[missing[0]]
            raise BindError(f"pattern '{self.name}' needs the input '{d.name}' "
                            f"({input_text(d)}): pass {d.name}=" + ("value" if d.scalar else "tensor"))
        out = {}
        for name, decl in decls.items():
            out[name] = _check_input(decl, inputs[name], sizes)
        self._check_index_ranges(sizes, out)
        return out

    def check_input(self, name: str, value, sizes: Sizes):
        """One input as :meth:`check_inputs` returns it (its type and shape checked; the
        index ranges, which read every input, are not)."""
        return _check_input(self._built.inputs[name], value, sizes)

    def _check_index_ranges(self, sizes: Sizes, inputs: dict) -> None:
        if not self._built.index_checks:
            return
        from spdsl.analysis.intervals import value_range
        for chk in self._built.index_checks:
            lo, hi, valid = value_range(chk.index, sizes.as_dict(), as_numpy(inputs))
            dim = chk.input.dims[chk.dim]
            n = dim_value(dim, sizes.as_dict())   # the input's shape was checked: it has a value
            if not valid or lo < 0 or hi > n - 1:
                loc = f" ({self.locate(chk.span)})"
                dim_name = f" ({dim_text(dim)} = {n})" if not isinstance(dim, int) else ""
                raise BindError(f"input '{chk.input.name}' would be read out of range{loc}: index "
                                f"{chk.dim + 1} reaches {int(lo) if lo < 0 else int(hi)}, but that dimension "
                                f"has {n} entries{dim_name}; sizes B={sizes.B} H={sizes.H} Lq={sizes.Lq} Lk={sizes.Lk}")

    # ---- what can be asked ------------------------------------------------------------

    def sizes(self, Lq: int, Lk: int | None = None, H: int = 1, B: int = 1) -> Sizes:
        Lk = Lq if Lk is None else Lk
        for name, v in (("Lq", Lq), ("Lk", Lk), ("H", H), ("B", B)):
            if not isinstance(v, int) or isinstance(v, bool) or v < 1:
                raise BindError(f"{name} must be a positive int, got {v!r}")
        return Sizes(B, H, Lq, Lk)

    def dense_mask(self, Lq: int, Lk: int | None = None, H: int = 1, B: int = 1, *,
                   q_offset=None, kv_offset=None, **inputs):
        """The mask as a torch bool tensor [B, H, Lq, Lk] (the reference; O(Lq*Lk)).
        ``q_offset`` / ``kv_offset`` (int or int tensor [B]) place the rows at positions."""
        from spdsl.analysis.evaluate import dense_mask
        sizes = self.sizes(Lq, Lk, H, B)
        rows, arrays = self.rows_and_inputs(sizes, inputs, q_offset, kv_offset)
        return dense_mask(rows.mask, sizes.Lq, sizes.Lk, sizes.H, sizes.B, inputs=arrays)

    def layout(self, Lq: int, Lk: int | None = None, H: int = 1, B: int = 1,
               block: int | tuple[int, int] | None = None, *, q_offset=None, kv_offset=None, **inputs):
        """The block layout (FULL / PARTIAL / EMPTY per block), by interval analysis."""
        from spdsl.analysis.blocks import classify
        sizes = self.sizes(Lq, Lk, H, B)
        rows, arrays = self.rows_and_inputs(sizes, inputs, q_offset, kv_offset)
        bq, bk = self.block_sizes(block)
        return classify(rows.mask, Lq=sizes.Lq, Lk=sizes.Lk, H=sizes.H, B=sizes.B,
                        block_q=bq, block_k=bk, inputs=as_numpy(arrays))

    def block_sizes(self, block=None) -> tuple[int, int]:
        if block is None:
            block = self._built.block or DEFAULT_BLOCK
        if isinstance(block, int):
            block = (block, block)
        bq, bk = block
        for v in (bq, bk):
            if not isinstance(v, int) or v < 1:
                raise BindError(f"a block size must be a positive int, got {v!r}")
        return bq, bk

    def check_kernel_block(self, device: str = "cpu") -> None:
        """Raise a BindError located at the pattern's ``block = ...`` line when the
        kernels cannot take its block sizes (see :func:`kernel_block_error`); the
        analysis (layout, explain, show) takes any positive block."""
        if self._built.block is None:
            return
        bq, bk = self._built.block
        problem = kernel_block_error(bq, bk, device)
        if problem is None:
            return
        values = ", ".join(f"{k}={v!r}" for k, v in self.values.items())
        d = self._reporter.diagnostic(self._built.block_span,
                                      f"the kernels cannot take this block hint ({bq}, {bk})"
                                      + (f" (with {values})" if values else "") + f": {problem}",
                                      "choose block sizes such as 16, 32, 64 or 128")
        raise BindError([d])

    def explain(self, Lq: int, Lk: int | None = None, H: int = 1, B: int = 1, block=None,
                head_dim: int = 64, *, q_offset=None, kv_offset=None, **inputs):
        """Density, FULL/PARTIAL/EMPTY counts, FLOPs against dense and more; ``q_offset`` /
        ``kv_offset`` (int or int tensor [B]) place the rows at positions."""
        from spdsl.analysis.explain import explain
        return explain(self, Lq=Lq, Lk=Lk, H=H, B=B, block=block, head_dim=head_dim, inputs=inputs,
                       q_offset=q_offset, kv_offset=kv_offset)

    def to_flex_mask_mod(self, Lq: int | None = None, Lk: int | None = None, H: int | None = None,
                         B: int | None = None, **inputs):
        """The same mask as a FlexAttention ``mask_mod(b, h, q_idx, kv_idx)`` (row indices;
        pass ``q_offset=`` / ``kv_offset=`` among ``inputs`` for other than the defaults)."""
        from spdsl.analysis.flex import to_mask_mod
        return to_mask_mod(self, Lq=Lq, Lk=Lk, H=H, B=B, inputs=inputs)

    def to_flex_score_mod(self, Lq: int | None = None, Lk: int | None = None, H: int | None = None,
                          B: int | None = None, **inputs):
        """The score expression as a FlexAttention ``score_mod`` (identity without one)."""
        from spdsl.analysis.flex import to_score_mod
        return to_score_mod(self, Lq=Lq, Lk=Lk, H=H, B=B, inputs=inputs)


def _check_input(decl: InputDecl, value, sizes: Sizes):
    """The input as the kernels store it (a contiguous CPU torch tensor: int64 or float32,
    a bool input as int 0/1, a scalar as one element), after checking its type and shape
    against the declaration the user wrote."""
    import torch
    import numpy as np

    what = input_text(decl)
    if isinstance(value, np.ndarray):
        value = torch.from_numpy(value)
    elif decl.scalar and isinstance(value, (bool, int, float, np.generic)):
        number = value.item() if isinstance(value, np.generic) else value
        if decl.elem == INT and isinstance(number, float) or decl.elem == "bool" and not isinstance(number, bool):
            raise BindError(f"input '{decl.name}' is declared {what}; got the {type(number).__name__} {number!r}")
        value = torch.tensor(number)
    if not isinstance(value, torch.Tensor):
        want = "a Python number or a 0-d tensor" if decl.scalar else "a tensor"
        raise BindError(f"input '{decl.name}' ({what}) must be {want}, got {type(value).__name__}")
    try:
        want = declared_shape(decl, sizes.as_dict())
    except DimError as e:
        raise BindError(f"input '{decl.name}' ({what}) has no shape at sizes B={sizes.B} H={sizes.H} "
                        f"Lq={sizes.Lq} Lk={sizes.Lk}: {e}") from None
    if tuple(value.shape) != want and not (decl.scalar and tuple(value.shape) == (1,)):
        if decl.scalar:  # a one-element [1] tensor is taken too (it is how the kernels store it)
            raise BindError(f"input '{decl.name}' is a scalar ({what}): pass a Python number or a 0-d "
                            f"tensor, got shape {tuple(value.shape)}")
        names = ", ".join(str(d) if isinstance(d, int) else f"{d}={w}" if isinstance(d, str) else f"{dim_text(d)} = {w}"
                          for d, w in zip(decl.dims, want))
        raise BindError(f"input '{decl.name}' must have shape {want} ({decl.elem}[{names}]), "
                        f"got {tuple(value.shape)}")
    dt = value.dtype
    if decl.elem == "bool":
        if dt.is_floating_point or dt.is_complex:
            raise BindError(f"input '{decl.name}' is declared {what}; got a {dt} tensor "
                            f"(pass a bool tensor)")
        value = (value != 0).to(torch.int64)
    elif decl.elem == INT:
        if dt.is_floating_point or dt.is_complex:
            raise BindError(f"input '{decl.name}' is declared {what}; got a {dt} tensor")
        value = value.to(torch.int64)
    else:
        if dt.is_complex or dt == torch.bool:
            raise BindError(f"input '{decl.name}' is declared {what}; got a {dt} tensor")
        value = value.to(torch.float32)
    value = value.detach().cpu().contiguous()
    return value.reshape(storage_shape(decl, sizes.as_dict())) if decl.scalar else value
