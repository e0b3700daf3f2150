#!/usr/bin/env bash
# Installs what is missing, builds the forbear command, and advises on the bundled case 小王.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFORBEAR_BUILD_TESTS=OFF -DFORBEAR_BUILD_EXAMPLES=OFF
cmake --build build -j2 --target forbear_cli
./build/forbear advise --lang "${FORBEAR_LANG:-zh}" examples/cases/xiaowang.json
