#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, AddressSanitizer and UndefinedBehaviorSanitizer into
# build-fuzz/, and runs each for RUNS executions, two at a time, from the seeds in fuzz/seeds/ and the test
# fixtures. Usage: fuzz.sh [RUNS] [TARGET ...]   (RUNS defaults to 10000000; targets default to all:
# page_text html feed jsonl reuters date query)
# The corpus each run grows is kept in var/fuzz/TARGET/corpus and used by the next run; an input that
# crashes is saved as var/fuzz/TARGET/crash-*, and the script then exits 1. var/fuzz/report.txt gets one
# line per target: executions, seconds, corpus size, crashes; var/fuzz/TARGET/runs.txt keeps that line of
# every run, to add runs up. NEWSHOUND_FUZZ_SECONDS bounds each target's
# run in time as well (whichever ends first); NEWSHOUND_FUZZ_JOBS sets how many run at once (default: cores).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-10000000}
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(page_text html feed jsonl reuters date query)

# clang and its sanitizer and libFuzzer runtimes (Debian 12: clang 14).
bash scripts/setup.sh clang libclang-rt-14-dev

build="${NEWSHOUND_FUZZ_BUILD_DIR:-$root/build-fuzz}"
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSHOUND_FUZZ=ON \
  -DNEWSHOUND_BUILD_TESTS=OFF > /dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

# Seeds: the committed ones (fuzz/seeds/: the parsers' seeds and every reader input that once failed),
# and the fixtures each reader's tests already use (fuzz/CMakeLists.txt lists the same for the replay
# tests). Bash reads a running script as it goes: to change this one while it runs, rename a copy over it.
seeds_for() {
  case $1 in
    page_text) echo tests/fixtures/pages tests/fixtures/extraction/pages tests/fixtures/broken samples/pages ;;
    html) echo tests/fixtures/html tests/fixtures/extraction/html fuzz/seeds/html ;;
    feed) echo tests/fixtures/feeds ;;
    jsonl) echo tests/fixtures/articles.jsonl tests/fixtures/hostile.jsonl tests/fixtures/multilingual.jsonl \
                tests/fixtures/near_duplicates tests/fixtures/broken/broken.jsonl ;;
    reuters) echo tests/fixtures/reuters ;;
    date | query) echo "fuzz/seeds/$1" ;;
  esac
}

# One target's run. Inputs up to MAX_LEN bytes: every seed fits whole (the longest, a JSONL fixture, is
# 5.3 KB; pages and feeds are under 3.4 KB), and a longer input mostly costs time, not coverage: the
# readers' work is per line, element or item, and their size limits have unit tests. An input slower than
# TIMEOUT_S or a process above RSS_MB is a crash. Queries: twice what a search request takes
# (SearchRequest::MAX_QUERY_BYTES, 1024).
fuzz_one() {
  local name=$1 out="$root/var/fuzz/$1"
  local MAX_LEN=8192 TIMEOUT_S=10 RSS_MB=2048
  [ "$name" = query ] && MAX_LEN=2048
  mkdir -p "$out/corpus"
  local seeds=()
  for s in $(seeds_for "$name"); do
    if [ -d "$s" ]; then seeds+=("$s"); else mkdir -p "$out/seeds" && cp "$s" "$out/seeds/"; fi
  done
  [ -d "$out/seeds" ] && seeds+=("$out/seeds")
  local start=$SECONDS status=0
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/fuzz/fuzz_$name" -runs="$runs" -max_len=$MAX_LEN -timeout=$TIMEOUT_S -rss_limit_mb=$RSS_MB \
    -max_total_time="${NEWSHOUND_FUZZ_SECONDS:-0}" -print_final_stats=1 -artifact_prefix="$out/" "$out/corpus" "${seeds[@]}" > "$out/log.txt" 2>&1 || status=$?
  local execs
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/log.txt" | tail -1)
  local crashes
  crashes=$(find "$out" -maxdepth 1 \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  printf '%-10s %12s executions %6d s  corpus %5d inputs  crashes %d  exit %d\n' "$name" "${execs:-?}" \
    $((SECONDS - start)) "$(find "$out/corpus" -type f | wc -l)" "$crashes" "$status" | tee -a "$out/runs.txt"
}
export -f fuzz_one seeds_for
export root build runs

mkdir -p var/fuzz
jobs=${NEWSHOUND_FUZZ_JOBS:-$(nproc)}
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'fuzz_one {}' | tee var/fuzz/report.txt
# Any saved crashing input, or a run that did not finish cleanly, fails the script.
! grep -qv 'crashes 0  exit 0$' var/fuzz/report.txt
