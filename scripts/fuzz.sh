#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/) with Clang, AddressSanitizer and UndefinedBehaviorSanitizer
# in build-fuzz/, and runs each target for a bounded time on its seed corpus (tests/fuzz/corpus/).
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 seconds; rules, case and c_api)
#
# New inputs that add coverage go to build-fuzz/corpus/TARGET/ (kept between runs, never committed);
# a crash, a leak, a timeout or an input that needs too much memory stops the target and is written
# to build-fuzz/findings/TARGET/. The script then fails. Copy the finding into
# tests/fuzz/regressions/TARGET/, fix the bug, and add a test of the exact answer in tests/limits/.
# README.md ("Fuzzing and sanitizers") shows how to run a longer campaign.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=(rules case c_api)

cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DFORBEAR_BUILD_FUZZERS=ON \
  -DFORBEAR_BUILD_TESTS=OFF -DFORBEAR_BUILD_EXAMPLES=OFF -DFORBEAR_BUILD_CLI=OFF > /dev/null
cmake --build build-fuzz -j2 --target "${targets[@]/#/fuzz_}"

status=0
for target in "${targets[@]}"; do
  corpus="build-fuzz/corpus/$target"
  findings="build-fuzz/findings/$target"
  mkdir -p "$corpus" "$findings"
  echo "fuzz: $target for ${seconds}s"
  # -timeout: an input that takes longer is a hang; -rss_limit_mb: one that needs more is a memory
  # exhaustion (both are findings). -max_len lets inputs grow to the size of a real rule file.
  if ! "build-fuzz/tests/fuzz/fuzz_$target" "$corpus" "tests/fuzz/corpus/$target" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$findings/" -print_final_stats=1 > "build-fuzz/fuzz_$target.log" 2>&1; then
    status=1
    echo "fuzz: $target FOUND A PROBLEM; input in $findings/, log in build-fuzz/fuzz_$target.log:"
    grep -E "ERROR|SUMMARY|Test unit written" "build-fuzz/fuzz_$target.log" | head -20 || true
  else
    grep -E "^stat::number_of_executed_units|^stat::new_units_added" "build-fuzz/fuzz_$target.log" | sed "s/^/fuzz: $target /"
  fi
done
exit "$status"
