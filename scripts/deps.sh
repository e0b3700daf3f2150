#!/usr/bin/env bash
# Installs the Debian packages forbear needs to build and test (as root on Debian bookworm); clang and
# its sanitizer and libFuzzer runtimes (libclang-rt-14-dev) are for the hostile-input checks.
set -euo pipefail
packages=(g++ cmake make libboost-dev nlohmann-json3-dev catch2 graphviz clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi
