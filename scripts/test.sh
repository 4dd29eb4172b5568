#!/usr/bin/env bash
# Installs packages, builds, and runs the whole test suite through ctest.
# Corpus-scale tests run when NEWSHOUND_CORPORA points at the shared corpora (CI sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh "${NEWSHOUND_BUILD_TYPE:-Release}"
cd "${NEWSHOUND_BUILD_DIR:-build}"
ctest --output-on-failure -j"$(nproc)"
