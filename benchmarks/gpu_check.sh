#!/usr/bin/env bash
# One-shot check on a lent GPU machine (H100/H200, no internet; it gets a copy of the
# working tree): install what is needed from wheels already there or carried in the tree,
# run the GPU tests, then the GPU benchmark. Everything goes to $OUT if set, else
# benchmarks/results/. Meant to finish in under 8 minutes.
#
#   bash benchmarks/gpu_check.sh
set -u
cd "$(dirname "$0")/.."
RESULTS="${OUT:-benchmarks/results}"
mkdir -p "$RESULTS"
LOG="$RESULTS/gpu_check.log"
exec > >(tee "$LOG") 2>&1
PY="${PYTHON:-python3}"
START=$(date +%s)
say() { echo "== [$(( $(date +%s) - START ))s] $*"; }

say "machine"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv 2>/dev/null || echo "no nvidia-smi"
"$PY" --version

# Wheels carried in the tree (benchmarks/wheels/*.whl or wheels/*.whl), installed offline.
WHEELS=""
for d in benchmarks/wheels wheels; do
    [ -d "$d" ] && WHEELS="$WHEELS --find-links $d"
done
pip_offline() { "$PY" -m pip install --no-index $WHEELS "$@"; }

say "python packages"
if ! "$PY" -c "import torch" 2>/dev/null; then
    pip_offline torch || { echo "torch is missing and no wheel for it; stopping"; exit 1; }
fi
for mod_pkg in "tvm:apache-tvm" "lark:lark" "numpy:numpy" "pytest:pytest" "hypothesis:hypothesis"; do
    mod="${mod_pkg%%:*}"; pkg="${mod_pkg#*:}"
    "$PY" -c "import $mod" 2>/dev/null || pip_offline "$pkg" || echo "could not install $pkg"
done
# cuda-bindings lets TVM compile CUDA with NVRTC; without it, use nvcc if there is one.
if ! "$PY" -c "import cuda.bindings" 2>/dev/null; then
    pip_offline cuda-bindings 2>/dev/null || true
fi
if ! "$PY" -c "import cuda.bindings" 2>/dev/null; then
    if command -v nvcc >/dev/null; then
        export TVM_CUDA_COMPILE_MODE=nvcc
        echo "no cuda-bindings: TVM_CUDA_COMPILE_MODE=nvcc"
    else
        echo "WARNING: neither cuda-bindings nor nvcc: TVM cannot compile CUDA kernels"
    fi
fi
"$PY" -m pip install --no-deps --no-build-isolation -e . >/dev/null 2>&1 \
    || echo "pip install -e . failed; using the source tree on PYTHONPATH"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
"$PY" -c "import torch, tvm; print('torch', torch.__version__, 'cuda', torch.cuda.is_available(), 'tvm', tvm.__version__)"
if [ "$("$PY" -c 'import torch; print(torch.cuda.is_available())')" != "True" ]; then
    echo "CUDA is not available to torch: GPU tests and benchmark would only skip; stopping"
    exit 1
fi

say "GPU tests (pytest -m gpu)"
timeout 150 "$PY" -m pytest -q -m gpu tests/test_codegen_cuda.py \
    --junitxml="$RESULTS/gpu_tests.xml" -p no:cacheprovider
TESTS_RC=$?

say "benchmark (gpu_bench.py)"
LEFT=$(( 450 - ($(date +%s) - START) ))
[ "$LEFT" -lt 60 ] && LEFT=60
timeout "$LEFT" "$PY" benchmarks/gpu_bench.py --out "$RESULTS" --budget $(( LEFT - 60 ))
BENCH_RC=$?

say "done: tests rc=$TESTS_RC bench rc=$BENCH_RC; results in $RESULTS"
exit $(( TESTS_RC != 0 || BENCH_RC != 0 ))
