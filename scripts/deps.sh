#!/usr/bin/env bash
# Installs the Debian packages forbear needs to build and test (as root on Debian bookworm); clang and
# its sanitizer and libFuzzer runtimes (libclang-rt-14-dev) are for the hostile-input checks.
set -euo pipefail
# Build and tests: compilers, Boost (Spirit X3, Graph), JSON, Catch2, Graphviz (graph --format svg),
# clang + its sanitizer/libFuzzer runtimes, pkg-config (the installed forbear.pc is tested), the
# Python module and its tests (Debian's /usr/bin/python3), Dask for the scale-out example, Google
# Benchmark and CLIPS for bench/.
packages=(g++ cmake make pkg-config libboost-dev nlohmann-json3-dev catch2 graphviz clang libclang-rt-14-dev
  python3-dev pybind11-dev python3-pytest python3-dask python3-distributed libbenchmark-dev libclips-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi
