#!/bin/bash
# Builds `ethos --features cuda` on a machine without a CUDA toolkit or GPU, from NVIDIA's
# CUDA 13.0 Python wheels (fetched with pip from the package registry).
#
#   scripts/cuda/toolkit_from_wheels.sh [DIR]    # DIR defaults to /tmp/cuda
#   source DIR/env.sh && cargo build --release --features cuda -p ethos
#
# With a system toolkit (nvcc on PATH, libraries in /usr/local/cuda) none of this is
# needed: `CUDA_COMPUTE_CAP=90 cargo build --release --features cuda -p ethos`.
#
# The wheels carry nvcc, the headers and the libraries cudarc links against, but not the
# driver (libcuda.so.1), which only a machine with a GPU has. cudarc links the driver
# dynamically, so the link needs a stub with the driver's soname that exports the
# functions it names; at run time the real driver is loaded instead (as with the stubs
# NVIDIA ships in a full toolkit). The binary then needs libcublas.so.13,
# libcublasLt.so.13, libcurand.so.10 and libcudart.so.13 at run time (LD_LIBRARY_PATH).
set -euo pipefail
DIR=${1:-/tmp/cuda}
mkdir -p "$DIR/wheels"
python3 -m pip download --no-deps --only-binary=:all: --platform manylinux_2_28_x86_64 \
    --platform manylinux_2_27_x86_64 --platform manylinux2014_x86_64 --python-version 3.11 \
    -d "$DIR/wheels" "nvidia-cuda-nvcc==13.0.*" "nvidia-cuda-runtime==13.0.*" \
    "nvidia-cuda-nvrtc==13.0.*" "nvidia-cuda-crt==13.0.*" "nvidia-nvvm==13.0.*" \
    "nvidia-cuda-cccl==13.0.*" "nvidia-cublas==13.0.*" "nvidia-curand"
for wheel in "$DIR"/wheels/*.whl; do unzip -q -o "$wheel" -d "$DIR"; done
ROOT="$DIR/nvidia/cu13"
(cd "$ROOT/lib"
 for lib in cublas cublasLt nvrtc cudart; do ln -sf "lib$lib.so.13" "lib$lib.so"; done
 ln -sf libcurand.so.10 libcurand.so)
# The driver stub: every cu* function cudarc's bindings declare.
(cd "$(dirname "$0")/../.." && cargo fetch --quiet)
CUDARC=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/cudarc-0.19.* | tail -1)
mkdir -p "$ROOT/lib/stubs"
grep -rhoE '\bfn cu[A-Z][A-Za-z0-9_]*' "$CUDARC/src/driver/sys/" | sort -u |
    awk '{print "void "$2"(void){}"}' > "$DIR/libcuda_stub.c"
cc -shared -fPIC -Wl,-soname,libcuda.so.1 -o "$ROOT/lib/stubs/libcuda.so" "$DIR/libcuda_stub.c"
cat > "$DIR/env.sh" <<ENV
export CUDA_ROOT=$ROOT
export PATH=$ROOT/bin:\$PATH
# No GPU here to ask: build the kernels for Hopper (H100/H200); 80 for Ampere.
export CUDA_COMPUTE_CAP=\${CUDA_COMPUTE_CAP:-90}
# A target folder of its own keeps the CPU build's artifacts.
export CARGO_TARGET_DIR=\${CARGO_TARGET_DIR:-target/cuda}
ENV
echo "toolkit in $ROOT; now: source $DIR/env.sh && cargo build --release --features cuda -p ethos"
