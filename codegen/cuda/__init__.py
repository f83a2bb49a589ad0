"""The NVIDIA GPU back end: the knobs (``config``), warp-level tensor-core pieces
(``tiles``), the forward (``forward``), dQ and dK/dV on CUDA cores (``backward``) and on
tensor cores (``backward_mma``), and the callable wrappers (``kernels``)."""
