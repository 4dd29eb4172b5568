#!/usr/bin/env bash
# Configures and builds newshound into build/ (or $NEWSHOUND_BUILD_DIR). Usage: build.sh [Release|RelWithDebInfo|Debug]
set -euo pipefail
cd "$(dirname "$0")/.."
type=${1:-Release}
dir=${NEWSHOUND_BUILD_DIR:-build}
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE="$type" > /dev/null
cmake --build "$dir" -j"$(nproc)"
