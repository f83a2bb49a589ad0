"""The CPU back end: forward (``forward``) and dQ, dK/dV (``backward``) kernels as
loop-level TVMScript over shared loop macros (``loops``), their knobs (``schedule``), the
host target (``target``), and the callable wrappers (``kernels``)."""
