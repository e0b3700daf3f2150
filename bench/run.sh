#!/usr/bin/env bash
# Builds forbear's microbenchmarks in Release (build-bench/) and runs them: medians of
# REPETITIONS runs (default 5) of each benchmark, then the memory and allocation counts.
# Extra arguments go to Google Benchmark, e.g. --benchmark_filter=peer.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DFORBEAR_BUILD_BENCH=ON \
  -DFORBEAR_BUILD_TESTS=OFF -DFORBEAR_BUILD_EXAMPLES=OFF >/dev/null
cmake --build build-bench -j2 --target forbear_bench forbear_bench_memory forbear_cli

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u '+%Y-%m-%d %H:%M UTC')"
./build-bench/bench/forbear_bench --benchmark_repetitions="${REPETITIONS:-5}" \
  --benchmark_report_aggregates_only=true --benchmark_display_aggregates_only=true "$@" 2>&1 |
  grep -v -E '_(mean|stddev|cv) '
./build-bench/bench/forbear_bench_memory
