#!/usr/bin/env bash
# Reliability checks of issue 5 that need no running Calc, as `.ci/run` (./leadplan test) runs them:
#   asan      core and in-process add-in tests built and run with ASan + UBSan (preset asan-ubsan)
#   valgrind  the same suites of the plain build under valgrind memcheck (scripts/trust-valgrind.py)
#   fuzz      the libFuzzer targets over the core and the add-in component: their seeds, then
#             bounded fuzzing, both fuzzers at once (preset fuzz)
# usage: scripts/trust-checks.sh [asan|valgrind|fuzz ...]     (default: all three)
# Environment: LEADPLAN_BUILD_DIR  plain build to check with valgrind (default build/;
#                                  configured and built here if needed)
#              LEADPLAN_FUZZ_SECONDS  fuzzing time (default 60)
# Every check runs even when an earlier one fails; the summary at the end says which passed,
# and the exit status is non-zero if any failed. Build logs are shown only on failure.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
build=${LEADPLAN_BUILD_DIR:-$top/build}
fuzz_seconds=${LEADPLAN_FUZZ_SECONDS:-60}
jobs=$(nproc)
summary=()
failed=0

# Runs a command with its output in a log; prints the log's tail when it fails.
quiet() {
  local log=$1
  shift
  if ! "$@" >"$log" 2>&1; then
    echo "   failed: $*" >&2
    tail -n 80 "$log" >&2
    return 1
  fi
}

result() {  # name, status, detail
  local verdict=PASS
  [ "$2" = 0 ] || { verdict=FAIL; failed=1; }
  summary+=("$(printf '%-10s %s  %s' "$1" "$verdict" "$3")")
  echo "== $1: $verdict $3"
}

check_asan() {
  echo "== asan: AddressSanitizer + UndefinedBehaviorSanitizer build (build-asan/)"
  local logs=$top/build-asan/trust-logs status=0 started=$SECONDS
  mkdir -p "$logs"
  rm -f "$logs/ctest.log"  # the summary must not report an earlier run
  quiet "$logs/configure.log" cmake --preset asan-ubsan &&
    quiet "$logs/build.log" cmake --build --preset asan-ubsan -j"$jobs" &&
    ctest --preset asan-ubsan --timeout 1200 | tee "$logs/ctest.log" || status=1
  local ran
  ran=$(grep -Eo '^ *[0-9]+/[0-9]+ Test +#[0-9]+: [^ ]+ [.]* *[A-Za-z*]+' "$logs/ctest.log" 2>/dev/null |
    sed -E 's/.*: ([^ ]+) [. ]*(.*)/\1 \2/' | paste -sd, -)
  # An add-in build without its in-process tests under the sanitizers is not a pass.
  if [ -f "$top/tests/addin/CMakeLists.txt" ] && ! grep -q 'addin_tests' "$logs/ctest.log" 2>/dev/null; then
    echo "   addin_tests did not run under the sanitizers" >&2
    status=1
  fi
  result asan "$status" "in $((SECONDS - started)) s: ${ran:-no tests ran}"
}

check_valgrind() {
  echo "== valgrind: memcheck of the in-process suites of $build"
  local status=0 started=$SECONDS logs=$build/trust-logs
  mkdir -p "$logs"
  rm -f "$logs/valgrind.log"
  if [ ! -f "$build/CMakeCache.txt" ]; then
    if [ "$build" = "$top/build" ]; then
      quiet "$logs/configure.log" cmake --preset default || status=1
    else
      quiet "$logs/configure.log" cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo || status=1
    fi
  fi
  if [ "$status" = 0 ]; then
    quiet "$logs/build.log" cmake --build "$build" -j"$jobs" &&
      /usr/bin/python3 "$top/scripts/trust-valgrind.py" "$build" | tee "$logs/valgrind.log" || status=1
  fi
  local suites
  suites=$(grep -Eo '^valgrind [^:]+: [A-Z]+' "$logs/valgrind.log" 2>/dev/null | sed 's/^valgrind //' | paste -sd, -)
  result valgrind "$status" "in $((SECONDS - started)) s: ${suites:-nothing ran}"
}

check_fuzz() {
  echo "== fuzz: libFuzzer (clang, ASan + UBSan) over the core and the add-in, ${fuzz_seconds} s each (build-fuzz/)"
  local logs=$top/build-fuzz/trust-logs status=0 started=$SECONDS
  mkdir -p "$logs"
  rm -f "$logs/ctest.log" "$top/build-fuzz/Testing/Temporary/LastTest.log"
  quiet "$logs/configure.log" cmake --preset fuzz -DLEADPLAN_FUZZ_SECONDS="$fuzz_seconds" &&
    quiet "$logs/build.log" cmake --build --preset fuzz -j"$jobs" &&
    ctest --preset fuzz | tee "$logs/ctest.log" || status=1
  # libFuzzer's own account of each run: inputs executed, coverage, corpus; crash lines
  # (a failed check, a sanitizer summary, where the input was saved) go to stderr.
  local last=$top/build-fuzz/Testing/Temporary/LastTest.log stats=""
  [ -f "$last" ] && stats=$(awk '
    /^[0-9]+\/[0-9]+ Testing: / { name = $3 }
    /^fuzz_[a-z]+: |^SUMMARY: |Test unit written/ { print "   " name ": " $0 > "/dev/stderr" }
    /^#[0-9]+[[:space:]]+DONE / { done[name] = $3 " " $4 ", " $5 " " $6 ", " $7 " " $8 }
    /^stat::number_of_executed_units:/ { runs[name] = $2 }
    END {
      for (n in runs)
        if (n !~ /_seeds$/) { printf "%s%s: %s inputs (%s)", sep, n, runs[n], done[n]; sep = "; " }
    }' "$last")
  result fuzz "$status" "in $((SECONDS - started)) s: ${stats:-no fuzzing output}"
}

checks=("$@")
[ ${#checks[@]} -gt 0 ] || checks=(asan valgrind fuzz)
for check in "${checks[@]}"; do
  case "$check" in
    asan) check_asan ;;
    valgrind) check_valgrind ;;
    fuzz) check_fuzz ;;
    *) echo "unknown check: $check (asan, valgrind, fuzz)" >&2; exit 2 ;;
  esac
done

echo "== trust checks summary"
printf '   %s\n' "${summary[@]}"
exit "$failed"
