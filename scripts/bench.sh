#!/usr/bin/env bash
# Every benchmark in one run: forbear's own microbenchmarks (bench/run.sh: load, evaluate, scale,
# batch, memory) and then the side-by-side comparison with CLIPS, json-rules-engine and zen-engine
# (bench/peers/run.sh, which first checks every engine's answers against the reference).
# Results: docs/en/performance.md and docs/en/peer-comparison.md say how to read them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
echo "== forbear's microbenchmarks (bench/run.sh)"
bash bench/run.sh
echo "== forbear and its peers (bench/peers/run.sh)"
bash bench/peers/run.sh
