#!/usr/bin/env bash
# The side-by-side peer comparison (docs/en/peer-comparison.md), from one command:
#   bench/peers/run.sh
# Installs the Debian packages it needs when they are missing, installs the pinned Node packages
# (npm ci), builds forbear and the C++ drivers in build-peers/ (Release), generates the cases, runs
# every engine on them, requires every engine's output to equal the hand-written reference's on every
# case (a mismatch stops the run and prints the case), and prints one markdown table with the machine.
#
# Environment: PEERS_RUNS (timed passes per engine, default 5), PEERS_CASES (default 10000),
# PEERS_SEED (default 20261122), PEERS_JOBS (build jobs, default 2), PEERS_FORBEAR_SOURCE (the forbear
# source tree to measure, default this one: e.g. another worktree, to compare branches), PEERS_BUILD_DIR
# (default build-peers/).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${PEERS_BUILD_DIR:-$root/build-peers}"
data="$here/data"
runs="${PEERS_RUNS:-5}"
cases="${PEERS_CASES:-10000}"
seed="${PEERS_SEED:-20261122}"
jobs="${PEERS_JOBS:-2}"
forbear_source="$(cd "${PEERS_FORBEAR_SOURCE:-$root}" && pwd)"

say() { echo "peers: $*" >&2; }

# --- Debian packages and Node ------------------------------------------------------------------
missing=()
for package in cmake g++ libboost-dev nlohmann-json3-dev libclips-dev libbenchmark-dev; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  say "installing ${missing[*]}"
  sudo_if_needed=()
  [[ $(id -u) -eq 0 ]] || sudo_if_needed=(sudo)
  "${sudo_if_needed[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_if_needed[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v node >/dev/null || { say "Node.js 20 or later is needed (node not found)"; exit 1; }
command -v npm >/dev/null || { say "npm is needed (not found)"; exit 1; }
node_major="$(node -p 'process.versions.node.split(".")[0]')"
((node_major >= 20)) || { say "Node.js 20 or later is needed (found $(node --version))"; exit 1; }

say "npm ci in bench/peers/node"
(cd "$here/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

# --- build ---------------------------------------------------------------------------------------
say "building in $build (Release), forbear from $forbear_source"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DFORBEAR_PEERS_SOURCE_DIR="$forbear_source" >/dev/null
cmake --build "$build" -j "$jobs" >/dev/null

# The workload in forbear's language, shared with the microbenchmarks.
rules="$forbear_source/bench/workload/peer_workload.rules"

# --- cases, engines, equality --------------------------------------------------------------------
mkdir -p "$data"
"$build/peer_generate" --out-dir "$data" --count "$cases" --seed "$seed"
summary="$data/summary.jsonl"
: >"$summary"

check() {  # engine-name output-file
  "$build/peer_compare" --engine "$1" --cases "$data/cases.jsonl" --expected "$data/expected.jsonl" --got "$2" || {
    say "FAILED: $1 does not give the reference's output (see the case above)"
    exit 1
  }
}

say "running the hand-written reference"
"$build/peer_bench_reference" --cases "$data/cases.jsonl" --out "$data/reference.jsonl" --runs "$runs" >>"$summary"
check reference "$data/reference.jsonl"

say "running forbear ($rules)"
"$build/peer_bench_forbear" --rules "$rules" --cases "$data/cases.jsonl" --out "$data/forbear.jsonl" --runs "$runs" >>"$summary"
check forbear "$data/forbear.jsonl"

say "running forbear's bound-facts API"
"$build/peer_bench_forbear_bound" --rules "$rules" --cases "$data/cases.jsonl" --out "$data/forbear_bound.jsonl" \
  --out-json "$data/forbear_assign.jsonl" --runs "$runs" >>"$summary"
check "forbear bound facts" "$data/forbear_bound.jsonl"
check "forbear Context::assign(json)" "$data/forbear_assign.jsonl"

say "running CLIPS"
"$build/peer_bench_clips" --clp "$here/clips/peer_workload.clp" --cases "$data/cases.jsonl" --out "$data/clips.jsonl" \
  --runs "$runs" >>"$summary"
check CLIPS "$data/clips.jsonl"

say "running json-rules-engine"
node "$here/node/bench.js" --engine json-rules-engine --model "$here/json-rules-engine/peer_workload.json" \
  --cases "$data/cases.jsonl" --out "$data/json-rules-engine.jsonl" --runs "$runs" >>"$summary"
check json-rules-engine "$data/json-rules-engine.jsonl"

say "running zen-engine"
node "$here/node/bench.js" --engine zen-engine --model "$here/zen/peer_workload.json" \
  --cases "$data/cases.jsonl" --out "$data/zen-engine.jsonl" --runs "$runs" >>"$summary"
check zen-engine "$data/zen-engine.jsonl"

# --- the table ---------------------------------------------------------------------------------
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo
echo "Every engine's output equals the reference on all $cases cases (seed $seed)."
echo
node "$here/node/report.js" "$summary"
echo
[[ $forbear_source == "$root" ]] || echo "forbear built from $forbear_source ($(git -C "$forbear_source" log -1 --format='%h %s' | cut -c1-80))."
echo "Machine: $(nproc) cores (nproc), ${cpu:-unknown CPU}, $(uname -sr); $(date -u '+%Y-%m-%d %H:%M UTC')."
