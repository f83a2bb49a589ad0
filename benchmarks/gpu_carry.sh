#!/usr/bin/env bash
# Builds .gpu_carry/ (git-ignored): the Python packages the lent GPU machine lacks
# (apache-tvm, apache-tvm-ffi, lark), packed to fit the 64 MiB that may travel with the
# working tree. Run it here (pip must reach the package registry), then make the device
# call that benchmarks/gpu_check.sh's header describes. The wheels are for the GPU
# machine's Python (CPython 3.12, x86-64 manylinux), not this one's.
#
#   bash benchmarks/gpu_carry.sh
#
# What it makes (gpu_check.sh unpacks both into one folder and puts it on PYTHONPATH):
#   .gpu_carry/site.tar.xz             the three wheels installed with pip --target, less
#                                      tvm/lib/libtvm_compiler.so and the parts pruned below
#   .gpu_carry/libtvm_compiler.so.xz   that library alone (259 MB; xz with the x86 filter)
# Pruned, as neither `import tvm` nor tvm.compile / tvm.support.nvcc for CUDA reads them:
# tvm/3rdparty (CUTLASS headers, only for the CUTLASS BYOC; TVM's CUDA source includes
# nothing from there), tvm/web (the WebAssembly runtime), the relax model importers
# (tvm/relax/frontend/{onnx,torch,tflite,stablehlo}) and pip's bin/ scripts.
# Idempotent: the wheels are kept in $SPDSL_GPU_CARRY_CACHE (default ~/.cache/spdsl-gpu-carry)
# and each output is rebuilt only when missing, older than the wheels, or made with other
# settings. Compressing the library takes about 5 minutes on one core.
set -euo pipefail
cd "$(dirname "$0")/.."

PINS=(apache-tvm==0.27.0.post1 apache-tvm-ffi==0.1.15.post2 lark==1.3.1)
CARRY=.gpu_carry
SITE_TAR=site.tar.xz
COMPILER_XZ=libtvm_compiler.so.xz
COMPILER_IN_SITE=tvm/lib/libtvm_compiler.so
PRUNE=(bin tvm/3rdparty tvm/web tvm/relax/frontend/onnx tvm/relax/frontend/torch
       tvm/relax/frontend/tflite tvm/relax/frontend/stablehlo)
XZ_SITE=(--x86 --lzma2=preset=9e -T1)
XZ_COMPILER=(--x86 --lzma2=preset=9e,dict=256MiB -T1)
LIMIT_CARRY=$((62 * 1024 * 1024))   # leaves about 2 MiB of the 64 MiB for the repo itself
LIMIT_TREE=$((64 * 1024 * 1024))
PLATFORM=(--python-version 3.12 --implementation cp --only-binary=:all:
          --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64
          --platform manylinux_2_24_x86_64 --platform manylinux_2_17_x86_64
          --platform manylinux2014_x86_64 --platform manylinux1_x86_64)
CACHE="${SPDSL_GPU_CARRY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/spdsl-gpu-carry}"
WHEELS="$CACHE/wheels"
say() { echo "gpu_carry: $*"; }
die() { echo "gpu_carry: ERROR: $*" >&2; exit 1; }
command -v xz >/dev/null || die "xz is not installed"

# ---- 1. the wheels (downloaded once) ---------------------------------------------------
mkdir -p "$WHEELS" "$CARRY/.stamps"
wheel_of() {  # the cached wheel file of a pin, or nothing
    local name="${1%%==*}" ver="${1#*==}"
    compgen -G "$WHEELS/${name//-/_}-$ver-*.whl" | head -n 1 || true
}
missing=()
for pin in "${PINS[@]}"; do [ -n "$(wheel_of "$pin")" ] || missing+=("$pin"); done
if [ ${#missing[@]} -gt 0 ]; then
    say "downloading ${missing[*]}"
    python3 -m pip download -q --no-deps "${PLATFORM[@]}" -d "$WHEELS" "${missing[@]}" \
        || die "pip download failed"
fi
wheels=()
for pin in "${PINS[@]}"; do
    w="$(wheel_of "$pin")"; [ -n "$w" ] || die "no wheel for $pin in $WHEELS"
    wheels+=("$w")
done

# An output is current if it exists, is newer than every wheel, and was made with the
# same settings (its stamp in .gpu_carry/.stamps/).
stamp_of() {
    local w; for w in "${wheels[@]}"; do echo "$(basename "$w") $(stat -c %s "$w")"; done
    echo "$@"
}
current() {
    local out="$CARRY/$1"; shift
    [ -s "$out" ] && [ "$(cat "$CARRY/.stamps/$(basename "$out")" 2>/dev/null)" = "$(stamp_of "$@")" ] \
        || return 1
    local w; for w in "${wheels[@]}"; do [ "$out" -nt "$w" ] || return 1; done
}
site_settings="prune=${PRUNE[*]} xz=${XZ_SITE[*]}"
compiler_settings="xz=${XZ_COMPILER[*]}"

# ---- 2. install into a scratch folder, prune, pack --------------------------------------
if current "$SITE_TAR" "$site_settings" && current "$COMPILER_XZ" "$compiler_settings"; then
    say "outputs are current; not rebuilding (delete $CARRY/ to force)"
else
    STAGE="$(mktemp -d "${TMPDIR:-/tmp}/gpu_carry.XXXXXX")"
    trap 'rm -rf "$STAGE"' EXIT
    say "installing the wheels into $STAGE/site"
    python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir "${PLATFORM[@]}" \
        --target "$STAGE/site" "${wheels[@]}" || die "pip install --target failed"
    [ -f "$STAGE/site/$COMPILER_IN_SITE" ] || die "$COMPILER_IN_SITE is not in the tvm wheel"
    for p in "${PRUNE[@]}"; do rm -rf "${STAGE:?}/site/$p"; done
    find "$STAGE/site" -name __pycache__ -prune -exec rm -rf {} +
    mv "$STAGE/site/$COMPILER_IN_SITE" "$STAGE/compiler.so"

    if ! current "$SITE_TAR" "$site_settings"; then
        say "packing $CARRY/$SITE_TAR"
        tar -C "$STAGE/site" --sort=name --owner=0 --group=0 --numeric-owner -cf - . \
            | xz "${XZ_SITE[@]}" -c > "$CARRY/$SITE_TAR.tmp"
        mv "$CARRY/$SITE_TAR.tmp" "$CARRY/$SITE_TAR"
        stamp_of "$site_settings" > "$CARRY/.stamps/$SITE_TAR"
    fi
    if ! current "$COMPILER_XZ" "$compiler_settings"; then
        say "compressing $COMPILER_IN_SITE ($(stat -c %s "$STAGE/compiler.so") bytes; about 5 minutes)"
        xz "${XZ_COMPILER[@]}" -c "$STAGE/compiler.so" > "$CARRY/$COMPILER_XZ.tmp"
        mv "$CARRY/$COMPILER_XZ.tmp" "$CARRY/$COMPILER_XZ"
        stamp_of "$compiler_settings" > "$CARRY/.stamps/$COMPILER_XZ"
    fi
fi

# ---- 3. sizes ----------------------------------------------------------------------------
carry_bytes=$(find "$CARRY" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
tree_bytes=$(git ls-files -z --cached --others --exclude-standard \
    | (xargs -0 stat -c %s 2>/dev/null || true) | awk '{s += $1} END {print s + 0}')
for f in "$SITE_TAR" "$COMPILER_XZ"; do printf '  %-24s %12d bytes\n' "$f" "$(stat -c %s "$CARRY/$f")"; done
printf '  %-24s %12d bytes (limit %d)\n' "$CARRY total" "$carry_bytes" "$LIMIT_CARRY"
printf '  %-24s %12d bytes (limit %d)\n' "with the working tree" "$((carry_bytes + tree_bytes))" "$LIMIT_TREE"
[ "$carry_bytes" -le "$LIMIT_CARRY" ] || die "$CARRY is $carry_bytes bytes, over $LIMIT_CARRY: it will not travel"
[ $((carry_bytes + tree_bytes)) -le "$LIMIT_TREE" ] \
    || die "$CARRY and the working tree together are over 64 MiB: the device call would be refused"
say "ready: call run with carry [\"$CARRY\"] and command 'bash benchmarks/gpu_check.sh'"
