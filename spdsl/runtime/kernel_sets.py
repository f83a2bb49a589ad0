"""The kernels of one compiled op, per offsets variant and per token permutation, each
built on first use through the one build road (``spdsl.codegen.build``, with the disk
cache).

Variants (LANGUAGE.md "Positions"): the kernels read the pattern over rows
(``Pattern.at_rows``). With the default offsets (``q_offset = Lk - Lq``, ``kv_offset = 0``,
sizes known in the kernel) one build serves every call; a call that passes ``q_offset=`` /
``kv_offset=`` uses a second variant that reads them as two hidden int [B] inputs.

Permutations (docs/permute.md): where the mask reads ``q % s`` / ``k % s``, each call runs
the residue-major order judged at its own lengths (judged once per bucket of lengths,
``permute.length_bucket``); each permutation has its own kernels (the forward of the one
judged at ``seq=`` is built with the variant), and a call's backward runs its forward's
permutation (both are judged from Lq and Lk alone).
"""

from __future__ import annotations

PERMUTE_JUDGE_SEQ = 4096   # the length whose permutation compile() builds without seq=
COMPILED = object()        # "the permutation judged at compile time" (KernelSets.kernel_set)


class KernelSets:
    """The forward and backward kernels of one pattern under one build configuration, per
    offsets variant and per permutation, built on first use.

    ``variants`` maps False (default offsets) / True (explicit) to a dict: the rows
    pattern ("rows"), its int width, the permutation of each call length ("perms", None:
    in order), the forward and backward kernels of the one
    judged at compile time ("perm"; the backward built on first use), and under "others"
    those of the other permutations calls have needed (:meth:`kernel_set`).
    ``permute``: whether rows may be permuted at all (the op says: CPU, no learnable
    inputs, not turned off); ``seq``: the length whose permutation is judged first.
    """

    def __init__(self, pattern, *, head_dim: int, v_head_dim: int, dtype, device: str, config,
                 target, cache: bool, permute: bool, seq: int | None):
        self.pattern = pattern
        self.config = config
        self._build_args = dict(head_dim=head_dim, dtype=dtype, device=device, target=target,
                                cache=cache, label=pattern.name, v_head_dim=v_head_dim)
        self._permute = permute
        self._permute_seq = seq if isinstance(seq, int) and seq > 0 else PERMUTE_JUDGE_SEQ
        self.variants: dict[bool, dict] = {}
        self.build_seconds = 0.0
        self.key = self.loaded_from_cache = None   # those of the first build (the op's key)

    def variant(self, explicit: bool) -> dict:
        """The kernels for default (False) or explicit (True) offsets; the forward kernel
        is built at once, the backward on first use."""
        v = self.variants.get(explicit)
        if v is None:
            from spdsl.analysis.overflow import kernel_int_width

            rows = self.pattern.at_rows(explicit)
            v = {"rows": rows, "int_width": kernel_int_width(rows.mask, rows.score),
                 "backward": None, "backward_inputs": None,
                 "perms": self._permutations(rows, explicit), "others": {}}
            v["perm"] = v["perms"].compiled if v["perms"] is not None else None
            v["forward"] = self.build("forward", rows, perm=v["perm"])
            self.variants[explicit] = v
        return v

    def _permutations(self, rows, explicit: bool):
        """The variant's ``permute.CallPermutations`` (judged at ``seq=`` now, at other
        lengths on first call), or None where rows stay in order: ``permute=False``, CUDA,
        learnable inputs, explicit offsets, or a mask that reads no ``q % s`` / ``k % s``."""
        if not self._permute or explicit:
            return None
        from spdsl.analysis.permute import CallPermutations, candidates

        if not any(candidates(rows.mask)):
            return None
        return CallPermutations(rows.mask, block_q=self.config.block_q, block_k=self.config.block_k,
                                seq=self._permute_seq)

    def permutation_at(self, explicit: bool, Lq: int, Lk: int):
        """The permutation (None: in order) a call of Lq queries and Lk keys runs."""
        v = self.variant(explicit)
        return v["perm"] if v["perms"] is None else v["perms"].at(Lq, Lk)

    def kernel_set(self, explicit: bool, perm=COMPILED) -> dict:
        """The kernels of one variant for one permutation ("forward", "backward",
        "backward_inputs", "perm"): the variant's own for the compile-time permutation,
        else those built on first use (forward now, backward when asked)."""
        v = self.variant(explicit)
        if perm is COMPILED or perm == v["perm"]:
            return v
        made = v["others"].get(perm)
        if made is None:
            made = v["others"][perm] = {"forward": self.build("forward", v["rows"], perm=perm),
                                        "backward": None, "backward_inputs": None, "perm": perm}
        return made

    def backward_of(self, explicit: bool, kind: str = "backward", perm=COMPILED):
        """The backward kernels, or with ``kind="backward_inputs"`` their gradient variant
        for learnable inputs (``codegen/common/input_grads.py``), of permutation ``perm``
        (default the compile-time one); built on first use."""
        made = self.kernel_set(explicit, perm)
        if made[kind] is None:
            made[kind] = self.build(kind, self.variant(explicit)["rows"], perm=made["perm"])
        return made[kind]

    def build(self, kernel: str, rows, perm=None):
        """``kernel`` ("forward" or "backward") of the pattern over rows ``rows`` through
        the one build road (codegen.build); ``perm`` the rows' permutation. The first
        build's key is the op's (``CompiledAttention.key``)."""
        config = self.config
        if perm:
            from spdsl.codegen.cpu.kernels import PermutedConfig
            config = PermutedConfig.of(config, perm)
        return self.build_result(kernel, rows, config).kernel

    def build_result(self, kernel: str, rows, config, label: str | None = None):
        """The build road's whole result (``codegen.build``: kernel, config, key, ...) of
        ``kernel`` over rows ``rows`` with ``config``, counted in :attr:`build_seconds`
        (the paged forward builds through here with its own key block and ``label``)."""
        from spdsl.codegen.build import build

        args = self._build_args if label is None else {**self._build_args, "label": label}
        made = build(rows.mask, rows.score, kernel=kernel, config=config,
                     input_decls=list(rows.inputs.values()), **args)
        self.build_seconds += made.seconds
        if self.key is None:
            self.key, self.loaded_from_cache = made.key, made.from_cache
        return made
