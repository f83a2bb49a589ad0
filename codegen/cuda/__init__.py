"""The NVIDIA GPU back end: the knobs (``config``), the kernel frame (``frame``: signature,
grid, task decoding), block-level control written once (``blocks``: block kinds, the
cp.async pipeline), warp-level tensor-core pieces (``tiles``), the forward (``forward``),
dQ and dK/dV on CUDA cores (``backward``) and on tensor cores (``backward_mma``), the
gradients of learnable inputs (``input_grads``: the dQ step; ``learnable``: the variant
and its wrapper), and the callable wrappers (``kernels``)."""
