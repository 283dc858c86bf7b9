#!/usr/bin/env bash
# llama.cpp's own llama-bench, built from the same sources and with the same instruction-set flags
# as native/build.sh's variants, so `docextract bench` can say how close the runtime
# comes to llama.cpp on the same GGUF, threads and build (docs/benchmarks.md, "Against llama.cpp").
#
# Usage: bench/llama-bench.sh [--variant avx2|avx512|amx] [--threads N] [--json] [--build-only]
#                             [MODEL.gguf [llama-bench options...]]
#   --variant     which build (default: the one NativeLibrary picks here, from /proc/cpuinfo)
#   --threads     threads for both phases (default 2, the pipelines' setting)
#   --json        llama-bench's JSON (-o json) instead of its table
#   --build-only  build (or find) the binary and print its path
#   further options go to llama-bench (default -p 512 -n 64 -pg 512,64 -r 3: the last is 64 tokens
#   generated right after a 512-token prompt, decoding at the depth a reply is decoded at)
# The binaries are cached in ${DOCEXTRACT_LLAMA_BENCH:-~/.cache/docextract/llama-bench}/<variant>/;
# the first build of a variant takes about 6 minutes on 2 cores (only the llama-bench target).
# On a shared machine run it under the CPU lock: flock /tmp/docextract-cpu.lock bench/llama-bench.sh …
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${DOCEXTRACT_LLAMA_BENCH:-$HOME/.cache/docextract/llama-bench}"
variant="" threads=2 json=0 build_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --variant) variant="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --json) json=1; shift ;;
    --build-only) build_only=1; shift ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done

# The same rule as model.CpuFeatures, without the kernel's tile-state grant (the probe library is
# JNI): a machine whose kernel refuses AMX should pass --variant avx512.
if [ -z "$variant" ]; then
  flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
  variant=avx2
  all=1
  for f in avx512f avx512cd avx512vl avx512dq avx512bw avx512_vbmi avx512_vnni avx512_bf16; do
    [[ "$flags" == *" $f "* ]] || all=0
  done
  if [ "$all" = 1 ]; then
    variant=avx512
    [[ "$flags" == *" amx_tile "* && "$flags" == *" amx_int8 "* && "$flags" == *" amx_bf16 "* ]] &&
      variant=amx
  fi
fi

# native/build.sh's flags, variant by variant; GGML_NATIVE=OFF so the build is the shipped one, not
# whatever this CPU has. Static libraries, as the JNI library links them.
common=(-DCMAKE_BUILD_TYPE=Release -DGGML_NATIVE=OFF -DBUILD_SHARED_LIBS=OFF -DLLAMA_CURL=OFF
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=ON -DLLAMA_BUILD_SERVER=OFF)
avx512=(-DGGML_AVX512=ON -DGGML_AVX512_VBMI=ON -DGGML_AVX512_VNNI=ON -DGGML_AVX512_BF16=ON)
case "$variant" in
  avx2) flags_cmake=() ;;
  avx512) flags_cmake=("${avx512[@]}") ;;
  amx) flags_cmake=("${avx512[@]}" -DGGML_AMX_TILE=ON -DGGML_AMX_INT8=ON -DGGML_AMX_BF16=ON) ;;
  *) echo "unknown variant $variant (avx2, avx512, amx)" >&2; exit 2 ;;
esac

bin="$cache/$variant/bin/llama-bench"
if [ ! -x "$bin" ]; then
  mkdir -p "$cache"
  # llama.cpp as native/build.sh takes it: vendor/llama.cpp of the llama-cpp-python 0.3.8 sdist.
  [ -f "$cache"/llama_cpp_python-0.3.8.tar.gz ] ||
    python3 -m pip download --quiet --no-deps --no-binary :all: llama-cpp-python==0.3.8 -d "$cache"
  [ -d "$cache"/llama_cpp_python-0.3.8 ] || tar -xzf "$cache"/llama_cpp_python-0.3.8.tar.gz -C "$cache"
  src="$cache/llama_cpp_python-0.3.8/vendor/llama.cpp"
  if [ "$variant" = amx ]; then
    # The shipped AMX library's llama.cpp: AMX kernels for Q8_0 only, LoRA kept out of the AMX buffer.
    rm -rf "$cache/llama-amx" && cp -r "$src" "$cache/llama-amx"
    patch -s -p1 -d "$cache/llama-amx" < "$here/../native/llama-amx.patch"
    src="$cache/llama-amx"
  fi
  cmake -S "$src" -B "$cache/build-$variant" "${common[@]}" "${flags_cmake[@]}" >&2
  cmake --build "$cache/build-$variant" --config Release -j "$(nproc)" --target llama-bench >&2
  mkdir -p "$cache/$variant/bin"
  cp "$cache/build-$variant/bin/llama-bench" "$bin"
fi
if [ "$build_only" = 1 ]; then
  echo "$bin"
  exit 0
fi

[ $# -gt 0 ] || { echo "usage: bench/llama-bench.sh [--variant V] [--threads N] [--json] MODEL.gguf [options]" >&2; exit 2; }
model="$1"; shift
extra=("$@")
[ ${#extra[@]} -gt 0 ] || extra=(-p 512 -n 64 -pg 512,64 -r 3)
out=(-o md)
[ "$json" = 1 ] && out=(-o json)
echo "llama-bench $variant ($bin), $threads threads, $(basename "$model")" >&2
exec "$bin" -m "$model" -t "$threads" "${out[@]}" "${extra[@]}"
