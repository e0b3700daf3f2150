#!/usr/bin/env bash
# Installs what is missing, builds everything and runs all tests: the C++ tests and the examples
# through ctest, and the shipped rules against their expected outcomes (part of the C++ tests).
# Then the hostile-input checks, each in a build directory of its own:
#   build-asan  the whole suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   build-tsan  the concurrency tests ([concurrency]: batch --threads, shared rule sets) under
#               ThreadSanitizer
#   build-fuzz  each libFuzzer target for FORBEAR_FUZZ_SECONDS seconds (default 30; scripts/fuzz.sh,
#               with Clang, which libFuzzer needs)
# The sanitizer builds use the project's compiler (GCC), like the normal build.
# FORBEAR_QUICK=1 stops after the normal build and tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFORBEAR_BUILD_TESTS=ON -DFORBEAR_BUILD_EXAMPLES=ON
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2

if [[ "${FORBEAR_QUICK:-0}" == 1 ]]; then exit 0; fi

# -O1 keeps the sanitized builds quick to compile and their stack traces readable.
configure_sanitized() {  # BUILD_DIR SANITIZERS
  cmake -S . -B "$1" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DFORBEAR_SANITIZE="$2" -DFORBEAR_BUILD_TESTS=ON -DFORBEAR_BUILD_EXAMPLES=ON
}

echo "== AddressSanitizer + UndefinedBehaviorSanitizer: the whole test suite (build-asan)"
configure_sanitized build-asan address,undefined
cmake --build build-asan -j2
ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j2

echo "== ThreadSanitizer: the concurrency tests (build-tsan)"
configure_sanitized build-tsan thread
cmake --build build-tsan -j2 --target forbear_concurrency_tests
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 build-tsan/tests/forbear_concurrency_tests "[concurrency]"

echo "== libFuzzer: each target for ${FORBEAR_FUZZ_SECONDS:-30}s (build-fuzz)"
bash scripts/fuzz.sh "${FORBEAR_FUZZ_SECONDS:-30}"
