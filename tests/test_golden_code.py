"""Golden files of generated code: the printed IR of every example, the TVMScript of the
CPU forward / dQ / dK/dV kernels of three examples, and the CUDA source of all three
kernels of two (tensor-core bf16 and CUDA-core fp32). A change to the code generator
shows here as a diff to review; `pytest --update-golden` rewrites them."""

import pytest

import spdsl
from conftest import EXAMPLES, GOLDEN, check_golden

CODE = GOLDEN / "code"
KERNELS = ("forward", "dq", "dkdv")


def _patterns():
    for path in sorted(EXAMPLES.glob("*.spdsl")):
        lib = spdsl.load(path)
        for name in lib.root_names:
            yield path.stem, name


@pytest.mark.parametrize("stem,name", list(_patterns()))
def test_printed_ir(stem, name, update_golden):
    pat = spdsl.load(EXAMPLES / f"{stem}.spdsl")[name]
    pat = pat.bind(**{p: 3 for p in pat.unbound})
    check_golden(CODE / "ir" / f"{stem}.{name}.txt", str(pat) + "\n", update_golden)


def test_every_example_has_printed_ir():
    assert len(list(_patterns())) >= len(list(EXAMPLES.glob("*.spdsl")))


@pytest.mark.parametrize("example", ["documents", "bigbird", "softcap"])
@pytest.mark.parametrize("kernel", KERNELS)
def test_cpu_tir(example, kernel, update_golden):
    from spdsl.codegen import emit

    pat = spdsl.load(EXAMPLES / f"{example}.spdsl")[example]
    text = emit(pat.mask, pat.score, head_dim=64, what="tir", kernel=kernel,
                input_decls=list(pat.inputs.values()))
    check_golden(CODE / "tir" / f"{example}.{kernel}.py", text, update_golden)


@pytest.mark.parametrize("example,dtype", [("sliding_window", "bfloat16"), ("documents", "float32")])
def test_cuda_source(example, dtype, update_golden):
    from spdsl.codegen import build_backward_cuda, build_forward_cuda

    pat = spdsl.load(EXAMPLES / f"{example}.spdsl")[example]
    common = dict(head_dim=64, dtype=dtype, input_decls=list(pat.inputs.values()), arch="sm_90")
    fwd = build_forward_cuda(pat.mask, pat.score, **common)
    bwd = build_backward_cuda(pat.mask, pat.score, **{**common, "config": fwd.config})
    sources = {"forward": fwd.source, **bwd.sources}
    for kernel in KERNELS:
        check_golden(CODE / "cuda" / f"{example}.{dtype}.{kernel}.cu", sources[kernel],
                     update_golden)
