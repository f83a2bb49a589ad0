"""The PyTorch side: ``spdsl.compile`` builds a pattern's kernels (through
``spdsl.codegen.build``) and wraps them as the ``torch.ops.spdsl.attention`` custom op
with its fake implementation and autograd (``op``). The op holds its kernels per offsets
variant and permutation (``kernel_sets``) and its layouts per call (``layouts``); a paged
KV cache is read by ``paged``."""

from spdsl.runtime.op import CompiledAttention, SparseAttention, compile

__all__ = ["CompiledAttention", "SparseAttention", "compile"]
