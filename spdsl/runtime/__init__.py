"""The PyTorch side: ``spdsl.compile`` builds a pattern's kernels (through
``spdsl.codegen.build``) and wraps them as the ``torch.ops.spdsl.attention`` custom op
with its fake implementation and autograd (``op``); layouts per call are built and
cached there too."""

from spdsl.runtime.op import CompiledAttention, SparseAttention, compile

__all__ = ["CompiledAttention", "SparseAttention", "compile"]
