#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz (build/fuzz: clang++, ASan +
# UBSan, UB fatal), replays issue 9's reproducers as regression seeds, then
# fuzzes each harness for the given number of seconds and prints the figures.
# Usage: scripts/fuzz.sh [seconds-per-harness] [harness...]   (default: 60, all)
#   npm run fuzz -- 600            ten minutes each
# The corpus grows in build/fuzz/corpus/<harness>; crashes land in
# build/fuzz/artifacts/ (copy one to tests/fuzz/regressions/<harness>/ once fixed).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
harnesses=("$@")
# Default: every harness in tests/fuzz (one per *_fuzz.cc).
if [ ${#harnesses[@]} -eq 0 ]; then
  for source in "$root"/tests/fuzz/*_fuzz.cc; do harnesses+=("$(basename "$source" .cc)"); done
fi
build="$root/build/fuzz"
jobs=${BTALK_JOBS:-2}
# Per input: far above any bounded input under ASan (the worst reproducer takes
# about a second), far below what defect 1 took (minutes under ASan).
timeout=${BTALK_FUZZ_TIMEOUT:-10}

# BTALK_SANITIZE too: scripts/test.sh builds the GoogleTest suite here as well
# (target btalk_core_tests), under the same ASan + UBSan, sharing the core's objects.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++ -DBTALK_FUZZ=ON \
  -DBTALK_SANITIZE=ON -DBTALK_BUILD_TESTS=ON -DBTALK_BUILD_BENCHMARKS=OFF >/dev/null || exit 1
cmake --build "$build" -j "$jobs" --target "${harnesses[@]}" >/dev/null || { cmake --build "$build" -j 1 --target "${harnesses[@]}"; exit 1; }

rm -rf "$build/seeds"
node "$root/tests/fuzz/make-seeds.js" "$build/seeds" || exit 1
mkdir -p "$build/artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

failed=()
summary=()
for harness in "${harnesses[@]}"; do
  bin="$build/$harness"
  log="$build/$harness.log"
  corpus="$build/corpus/$harness"
  mkdir -p "$corpus"
  # Regression seeds: generated ones (issue 9) and committed findings.
  regressions=()
  for dir in "$build/seeds/regressions/$harness" "$root/tests/fuzz/regressions/$harness"; do
    [ -d "$dir" ] && regressions+=("$dir"/*)
  done
  if [ ${#regressions[@]} -gt 0 ]; then
    if ! "$bin" -timeout="$timeout" -rss_limit_mb=2048 "${regressions[@]}" >"$build/$harness.regressions.log" 2>&1; then
      echo "FAIL $harness: a regression seed failed (see $build/$harness.regressions.log)"
      tail -20 "$build/$harness.regressions.log"
      failed+=("$harness")
      continue
    fi
  fi
  seeds=()
  [ -d "$build/seeds/$harness" ] && seeds=("$build/seeds/$harness")
  "$bin" -dict="$root/tests/fuzz/fuzz.dict" -timeout="$timeout" -rss_limit_mb=2048 -max_len=65536 \
    -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$build/artifacts/$harness-" \
    "$corpus" "${seeds[@]}" >"$log" 2>&1
  status=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  units=$(ls "$corpus" | wc -l)
  line="$harness: ${execs:-?} runs in ${seconds} s, ${#regressions[@]} regression seeds, corpus $units files"
  if [ $status -ne 0 ]; then
    line="$line, FAILED (exit $status; see $log)"
    failed+=("$harness")
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -10
  fi
  summary+=("$line")
  echo "$line"
done

echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failures in ${failed[*]}" >&2
  exit 1
fi
