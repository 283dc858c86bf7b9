#!/usr/bin/env bash
# Rebuilds the java-llama.cpp 4.2.0 native library with jllama-docextract.patch applied (the sources
# in jllama-4.2.0/ are already patched) and copies it where NativeLibrary finds it in the jar.
# Offline except the package index: llama.cpp comes from the llama-cpp-python 0.3.8 sdist, whose
# vendor/llama.cpp (commit 7841fc7, March 2025) is a few days older than the b4916 the binding pins.
# Needs cmake, g++ and a JDK; about 6 minutes per build on 2 cores.
# Usage: native/build.sh [WORK_DIR [VARIANT...]] — VARIANT is probe, avx2, avx512 or amx (default: all four).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="${1:-$(mktemp -d -t docextract-native-XXXXXX)}"
shift || true
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(probe avx2 avx512 amx)
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"

[ -f "$work"/llama_cpp_python-0.3.8.tar.gz ] ||
  python3 -m pip download --quiet --no-deps --no-binary :all: llama-cpp-python==0.3.8 -d "$work"
[ -d "$work"/llama_cpp_python-0.3.8 ] || tar -xzf "$work"/llama_cpp_python-0.3.8.tar.gz -C "$work"
# llama-threads.patch, for every build: tinyBLAS's chunk counter per computation rather than one
# static for the process, so that copies of a model decoding side by side (model.replicas) do not
# take each other's work.
rm -rf "$work/llama-src" && cp -r "$work/llama_cpp_python-0.3.8/vendor/llama.cpp" "$work/llama-src"
patch -p1 -d "$work/llama-src" < "$here/llama-threads.patch"
llama="$work/llama-src"

# The binding fetches nlohmann/json 3.11.3; llama.cpp carries the same version as common/json.hpp.
mkdir -p "$work/json/include/nlohmann"
cp "$llama/common/json.hpp" "$work/json/include/nlohmann/json.hpp"
cat > "$work/json/CMakeLists.txt" <<'EOT'
cmake_minimum_required(VERSION 3.14)
project(nlohmann_json_shim CXX)
add_library(nlohmann_json INTERFACE)
target_include_directories(nlohmann_json INTERFACE ${CMAKE_CURRENT_SOURCE_DIR}/include)
EOT

rm -rf "$work/src"
cp -r "$here/jllama-4.2.0" "$work/src"
resources="$here/../src/main/resources/io/docextract/model/native"
# Two builds, GGML_NATIVE=OFF so neither depends on the building machine: AVX2 (what the stock
# library targets) and AVX-512 with VNNI/BF16/VBMI, which NativeLibrary picks only on a CPU that
# reports all of those flags (model.CpuFeatures).
build() {
  local name="$1" dest="$2"; shift 2
  cmake -S "$work/src" -B "$work/build-$name" -DCMAKE_BUILD_TYPE=Release -DOS_NAME=Linux -DOS_ARCH=x86_64 \
    "-DJNI_INCLUDE_DIRS=$java_home/include;$java_home/include/linux" \
    -DFETCHCONTENT_FULLY_DISCONNECTED=ON "-DFETCHCONTENT_SOURCE_DIR_LLAMA.CPP=${llama_src:-$llama}" \
    "-DFETCHCONTENT_SOURCE_DIR_JSON=$work/json" \
    -DLLAMA_CURL=OFF -DGGML_NATIVE=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
    -DLLAMA_BUILD_SERVER=OFF "$@"
  cmake --build "$work/build-$name" --config Release -j "$(nproc)" --target jllama
  # The binding's CMakeLists installs the library into its own resources folder.
  mkdir -p "$resources/$dest"
  cp "$work/src/src/main/resources/de/kherud/llama/Linux/x86_64/libjllama.so" "$resources/$dest/libjllama.so"
  sha256sum "$resources/$dest/libjllama.so"
}
# The AMX probe (cpu-probe.c): a few lines of JNI, no instruction-set flags, seconds to build.
probe() {
  mkdir -p "$resources/linux-x86_64"
  gcc -O2 -shared -fPIC -Wall -Wextra -Werror -I"$java_home/include" -I"$java_home/include/linux" \
    -Wl,--build-id=none -o "$resources/linux-x86_64/libdocextract-cpuprobe.so" "$here/cpu-probe.c"
  strip --strip-unneeded "$resources/linux-x86_64/libdocextract-cpuprobe.so"
  sha256sum "$resources/linux-x86_64/libdocextract-cpuprobe.so"
}
avx512=(-DGGML_AVX512=ON -DGGML_AVX512_VBMI=ON -DGGML_AVX512_VNNI=ON -DGGML_AVX512_BF16=ON)
for variant in "${variants[@]}"; do
  case "$variant" in
    avx2) build avx2 linux-x86_64 ;;
    avx512) build avx512 linux-x86_64-avx512 "${avx512[@]}" ;;
    probe) probe ;;
    # AVX-512 plus ggml's AMX kernels (ggml-cpu/amx: Q4_0/Q4_1/Q8_0/K-quant weights in an AMX
    # buffer). ggml asks the kernel for the tile state (arch_prctl ARCH_REQ_XCOMP_PERM) at init and
    # keeps to the AVX-512 paths when refused; NativeLibrary picks this build only when the CPU
    # lists amx_tile/amx_int8/amx_bf16 and the kernel grants the tile state (cpu-probe.c).
    # llama-amx.patch, on a copy of llama.cpp for this build only: AMX kernels for Q8_0 weights
    # only (its Q4_0/Q4_1 ones answer garbage), and LoRA tensors kept out of the AMX buffer
    # (upstream #12593; without it loading an adapter crashes).
    amx)
      rm -rf "$work/llama-amx" && cp -r "$llama" "$work/llama-amx"
      patch -p1 -d "$work/llama-amx" < "$here/llama-amx.patch"
      llama_src="$work/llama-amx" build amx linux-x86_64-amx "${avx512[@]}" \
        -DGGML_AMX_TILE=ON -DGGML_AMX_INT8=ON -DGGML_AMX_BF16=ON ;;
    *) echo "unknown variant $variant (probe, avx2, avx512, amx)" >&2; exit 2 ;;
  esac
done
