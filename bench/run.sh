#!/bin/sh
# LeadPlan's benchmark, from a clean clone: builds leadplan.oxt, the benchmark-only floor
# add-in and the core micro-benchmark into build-bench/ (override with
# LEADPLAN_BENCH_BUILD), then measures. Prints `name value` lines and target verdicts;
# docs/performance.md explains them. Takes 6 to 9 minutes on 2 cores.
#
#   bench/run.sh                 everything
#   bench/run.sh --rows 20000    any option of bench/calc_bench.py (see --help)
#
# Exit status: 0 done, 1 variants disagree (a bug), 2 setup failure; with --strict, 3
# when a target is missed.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${LEADPLAN_BENCH_BUILD:-$repo/build-bench}
jobs=$(nproc 2>/dev/null || echo 2)
mkdir -p "$build"

# The build type is the project's default (RelWithDebInfo, -O2), as leadplan.oxt ships.
cmake -S "$repo" -B "$build" -DLEADPLAN_BENCH=ON >"$build/bench-configure.log" 2>&1 \
  || { cat "$build/bench-configure.log"; exit 2; }
cmake --build "$build" --target bench_all -j "$jobs" >"$build/bench-build.log" 2>&1 \
  || { tail -n 50 "$build/bench-build.log"; exit 2; }

core_json="$build/bench/core.json"
# 15 repetitions per function, spread over the whole run in random order (the machine's
# speed drifts in phases of seconds); calc_bench.py reads the JSON and reports each
# function's best and median repetition.
"$build/bench/bench_core" --benchmark_repetitions=15 --benchmark_enable_random_interleaving=true \
  --benchmark_min_time=0.05 --benchmark_out="$core_json" --benchmark_out_format=json \
  >"$build/bench/core.txt"

echo "# machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
  "$(/usr/lib/libreoffice/program/soffice --version 2>/dev/null | head -n 1)," \
  "load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
exec /usr/bin/python3 "$repo/bench/calc_bench.py" --build "$build" --core-json "$core_json" \
  --json "$build/bench/results.json" "$@"
