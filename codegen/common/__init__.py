"""What every target's kernels share: IR -> TIR expressions (``lower``), the symbolic
derivative of the score (``derivative``), the kernel signature and the pattern's extra
arguments (``signature``), the packed block layout in forward and transposed form
(``layout``), and a vectorisable exp2 (``vecmath``)."""
