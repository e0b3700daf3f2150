#!/usr/bin/env bash
# Installs what is missing, builds everything and runs all tests: the C++ tests and the examples
# through ctest, and the shipped rules against their expected outcomes (part of the C++ tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFORBEAR_BUILD_TESTS=ON -DFORBEAR_BUILD_EXAMPLES=ON
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2
