#!/usr/bin/env bash
# The performance suite: newshound, plain Xapian, SQLite FTS5 and Lucene on the same corpora in one run
# (bench/run_bench.py; docs/performance.md). Installs the peers (Debian's libsqlite3, liblucene8-java,
# a JDK, wrk), builds in Release, and writes results.md and results.csv to build/bench-results/.
#
#   scripts/bench.sh                         # Reuters-21578, its 10x copy and Reuters 2006-2013, 3 runs
#   scripts/bench.sh --datasets reuters21578 --runs 1
#   scripts/bench.sh --datasets scale-1m     # the large mode: 1,000,000 stories
#
# Reads the shared corpora from NEWSHOUND_CORPORA (default ../shared/corpora beside the clone).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh libsqlite3-dev liblucene8-java default-jdk-headless wrk time
bash scripts/build.sh Release
build="${NEWSHOUND_BUILD_DIR:-build}"
corpora="${NEWSHOUND_CORPORA:-$(pwd)/../shared/corpora}"
[ -f "$corpora/reuters21578/reut2-000.sgm" ] || { echo "bench: no Reuters-21578 under $corpora (set NEWSHOUND_CORPORA)" >&2; exit 1; }
exec python3 bench/run_bench.py --build "$build" --corpora "$corpora" --out "$build/bench-results" "$@"
