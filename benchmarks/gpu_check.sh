#!/usr/bin/env bash
# One-shot check on a lent GPU machine (H100/H200, no internet; it gets a copy of the
# working tree): install what is needed from what the tree carries, run the GPU tests,
# then the GPU benchmark. Everything goes to $OUT if set, else benchmarks/results/.
# Meant to finish in under 8 minutes.
#
# The machine has torch, numpy, pytest, hypothesis, cuda-bindings and nvcc, but not
# apache-tvm, apache-tvm-ffi or lark. Those travel in .gpu_carry/ (git-ignored; about
# 60 MiB), which benchmarks/gpu_carry.sh builds here. So a session runs, here:
#
#   bash benchmarks/gpu_carry.sh
#
# and then calls the device tool's `run` with carry: [".gpu_carry"], command
# `bash benchmarks/gpu_check.sh` and timeout_s 540. When `import tvm, tvm_ffi, lark`
# fails there, this script unpacks .gpu_carry/ into $GPU_SITE (default /tmp/site; about
# 10 s) and puts it first on PYTHONPATH. Wheels in benchmarks/wheels/ or wheels/ are
# also installed offline for whatever is still missing.
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
# >>> unpack .gpu_carry (tests/test_gpu_scripts.py runs this block on its own)
# TVM, tvm-ffi and lark from .gpu_carry/ (benchmarks/gpu_carry.sh makes these two files).
SITE="${GPU_SITE:-/tmp/site}"
CARRY=.gpu_carry
SITE_TAR="$CARRY/site.tar.xz"
COMPILER_XZ="$CARRY/libtvm_compiler.so.xz"
COMPILER_IN_SITE=tvm/lib/libtvm_compiler.so
if "$PY" -c "import tvm, tvm_ffi, lark" 2>/dev/null; then
    :
elif PYTHONPATH="$SITE" "$PY" -c "import tvm, tvm_ffi, lark" 2>/dev/null; then
    export PYTHONPATH="$SITE:$PWD${PYTHONPATH:+:$PYTHONPATH}"   # unpacked by an earlier run
    echo "using $SITE, unpacked before"
else
    if [ -f "$SITE_TAR" ] && [ -f "$COMPILER_XZ" ]; then
        say "unpacking $CARRY/ into $SITE"
        mkdir -p "$SITE/$(dirname "$COMPILER_IN_SITE")"
        # The two unpack at once; the library (259 MB) takes about 5 s on one core.
        timeout 120 xz -d -T0 -c "$COMPILER_XZ" > "$SITE/$COMPILER_IN_SITE.part" &
        LIB_PID=$!
        timeout 120 xz -d -T0 -c "$SITE_TAR" | tar -xf - -C "$SITE"
        TAR_RC=$?
        wait "$LIB_PID"
        LIB_RC=$?
        if [ "$TAR_RC" = 0 ] && [ "$LIB_RC" = 0 ]; then
            mv "$SITE/$COMPILER_IN_SITE.part" "$SITE/$COMPILER_IN_SITE"
            chmod 755 "$SITE/$COMPILER_IN_SITE"
            export PYTHONPATH="$SITE:$PWD${PYTHONPATH:+:$PYTHONPATH}"
            say "unpacked; PYTHONPATH=$PYTHONPATH"
        else
            echo "unpacking $CARRY/ failed (tar rc=$TAR_RC, xz rc=$LIB_RC)"
        fi
    else
        echo "no $SITE_TAR / $COMPILER_XZ: run 'bash benchmarks/gpu_carry.sh' on the developer" \
             "machine and name .gpu_carry in the call's carry"
    fi
fi
# <<< unpack .gpu_carry
if ! "$PY" -c "import torch" 2>/dev/null; then
    pip_offline torch || { echo "torch is missing and no wheel for it; stopping"; exit 1; }
fi
for mod_pkg in "tvm_ffi:apache-tvm-ffi" "tvm:apache-tvm" "lark:lark" "numpy:numpy" "pytest:pytest" "hypothesis:hypothesis"; do
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
if ! "$PY" -m pip install --no-deps --no-build-isolation -e . >/dev/null 2>&1; then
    # codegen/ and grammar/ are spdsl.codegen and spdsl.grammar only through pyproject's
    # package-dir: without the install, lay the package out with links instead
    SRC=/tmp/spdsl_src
    rm -rf "$SRC" && mkdir -p "$SRC/spdsl"
    for f in spdsl/*; do ln -s "$PWD/$f" "$SRC/spdsl/"; done
    ln -s "$PWD/codegen" "$SRC/spdsl/codegen"
    ln -s "$PWD/grammar" "$SRC/spdsl/grammar"
    export PYTHONPATH="$SRC${PYTHONPATH:+:$PYTHONPATH}"
    echo "pip install -e . failed; spdsl linked into $SRC"
fi
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
"$PY" -c "import spdsl.codegen.cuda" || { echo "spdsl does not import; stopping"; exit 1; }
"$PY" -c "import torch, tvm; print('torch', torch.__version__, 'cuda', torch.cuda.is_available(), 'tvm', tvm.__version__, tvm.__file__)"
if [ "$("$PY" -c 'import torch; print(torch.cuda.is_available())')" != "True" ]; then
    echo "CUDA is not available to torch: GPU tests and benchmark would only skip; stopping"
    exit 1
fi

say "GPU tests (pytest -m gpu): forward, backward, the torch op, learnable inputs, paged KV decoding"
timeout 210 "$PY" -m pytest -q -m gpu tests/test_codegen_cuda.py tests/test_codegen_cuda_backward.py \
    tests/test_runtime_cuda.py tests/test_learnable_cuda.py tests/test_paged_cuda.py \
    --junitxml="$RESULTS/gpu_tests.xml" -p no:cacheprovider
TESTS_RC=$?

say "context parallel over NCCL (gpu_context_parallel.py; skipped with one GPU)"
timeout 120 "$PY" benchmarks/gpu_context_parallel.py
CP_RC=$?

say "benchmark (gpu_bench.py)"
LEFT=$(( 450 - ($(date +%s) - START) ))
[ "$LEFT" -lt 60 ] && LEFT=60
timeout "$LEFT" "$PY" benchmarks/gpu_bench.py --out "$RESULTS" --budget $(( LEFT - 60 ))
BENCH_RC=$?

say "done: tests rc=$TESTS_RC context parallel rc=$CP_RC bench rc=$BENCH_RC; results in $RESULTS"
exit $(( TESTS_RC != 0 || CP_RC != 0 || BENCH_RC != 0 ))
