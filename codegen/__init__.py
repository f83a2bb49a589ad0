"""Lowering of the spdsl IR through Apache TVM (filled in by the kernel work)."""
