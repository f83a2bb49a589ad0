"""The gradient variant of the CUDA backward (kind ``backward_inputs``: modules
``dq_inputs`` and ``dkdv``) for learnable score inputs: its PrimFuncs and the wrapper
that runs it with the shared :class:`GradBuffers` on the call's device. The kernel step
and why the variant's dQ is the CUDA-core one: ``input_grads.py``.

    funcs = primfuncs(mask, score, head_dim=64, dtype="bfloat16", config=CudaConfig())
    bwd = CudaInputGradBackward(modules, extras, config, 64, "bfloat16", "sm_90",
                                grad_plan(mask, score))
    dq, dk, dv, grads = bwd(q, k, v, out, lse, dout, layout, inputs=inputs)
"""

from __future__ import annotations

from spdsl.codegen.common.input_grads import InputGradPlan
from spdsl.codegen.cuda.kernels import CudaBackward


class CudaInputGradBackward(CudaBackward):
    """The backward's gradient variant on CUDA: ``CudaBackward`` whose dQ kernel
    (``dq_inputs``) also accumulates the learnable inputs' gradients; a call returns
    ``(dq, dk, dv, {input name: float32 gradient on q's device})``."""

    def __init__(self, modules: dict, extras, config, head_dim: int, dtype: str, arch: str,
                 plan: InputGradPlan, sources: dict | None = None, v_head_dim: int | None = None):
        super().__init__(modules, extras, config, head_dim, dtype, arch, sources=sources,
                         v_head_dim=v_head_dim)
        self.plan = plan

    def __call__(self, q, k, v, out, lse, dout, layout, *, scale=None, inputs=None,
                 transposed=None, dlse=None):
        from spdsl.codegen.common.input_grads import GradBuffers

        b, h = q.shape[:2]
        inputs = inputs or {}
        missing = [n for n in self.plan.inputs if n not in inputs]
        if missing:
            raise ValueError(f"missing pattern input(s): {', '.join(missing)}")
        shapes = {n: tuple(inputs[n].shape) for n in self.plan.inputs}
        bufs = GradBuffers(self.plan, layout, shapes, b, h, device=q.device)
        dq, dk, dv = super().__call__(q, k, v, out, lse, dout, layout, scale=scale, inputs=inputs,
                                      transposed=transposed, dlse=dlse, dq_extra=bufs.args())
        return dq, dk, dv, bufs.grads()


def primfuncs(mask, score, *, head_dim: int, dtype: str, config, input_decls=None,
              v_head_dim: int | None = None) -> dict:
    """{"dq_inputs": PrimFunc, "dkdv": PrimFunc} of the gradient variant: the CUDA-core
    dQ with the learnable inputs' step, and the dtype's plain dK/dV kernel."""
    from spdsl.codegen.cuda.backward_mma import dkdv_primfunc

    dkdv, _ = dkdv_primfunc(mask, score, head_dim, config, input_decls, dtype, v_head_dim)
    dq, _ = dq_inputs_primfunc(mask, score, head_dim, config, input_decls, dtype, v_head_dim)
    return {"dq_inputs": dq, "dkdv": dkdv}


def grad_plan(mask, score, input_decls=None) -> InputGradPlan:
    """The plan of ``score`` exactly as the dQ kernel lowers it (its sites are that score's
    nodes): what the wrapper's GradBuffers follow."""
    from spdsl.codegen.common.input_grads import plan
    from spdsl.codegen.cuda.backward import setup

    _, _, g = setup(mask, score, input_decls)
    return plan(g.ex.score)


def dq_inputs_primfunc(mask, score, head_dim: int, cfg, input_decls=None, dtype: str = "float32",
                       v_head_dim: int | None = None):
    """The variant's dQ kernel ``dq_inputs`` (PrimFunc, KernelSignature): the CUDA-core dQ
    with the buffers of :class:`CudaLearnStep` after the pattern's inputs and tables."""
    from spdsl.codegen.cuda.backward import check_backward, dq_simt_primfunc

    check_backward(cfg, head_dim, v_head_dim)  # the CUDA-core dQ, whatever the dtype
    return dq_simt_primfunc(mask, score, head_dim, cfg, input_decls, dtype, v_head_dim, learn=True)


__all__ = ["CudaInputGradBackward", "dq_inputs_primfunc", "grad_plan", "primfuncs"]
