#!/usr/bin/env bash
# Installs the Debian packages forbear needs to build and test (as root on Debian bookworm).
set -euo pipefail
packages=(g++ cmake make libboost-dev nlohmann-json3-dev catch2 graphviz)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi
