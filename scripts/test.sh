#!/usr/bin/env bash
# Installs packages, builds, and runs the whole test suite through ctest; then builds the same suite with
# AddressSanitizer and UndefinedBehaviorSanitizer and runs it again (NEWSHOUND_SANITIZE=0 skips that).
# Corpus-scale tests run when NEWSHOUND_CORPORA points at the shared corpora (CI sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash scripts/setup.sh
bash scripts/build.sh "${NEWSHOUND_BUILD_TYPE:-Release}"
(cd "${NEWSHOUND_BUILD_DIR:-build}" && ctest --output-on-failure -j"$(nproc)")

if [ "${NEWSHOUND_SANITIZE:-1}" != 0 ]; then
  san="${NEWSHOUND_SANITIZE_BUILD_DIR:-$root/build-sanitize}"
  cmake -S . -B "$san" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSHOUND_SANITIZE=ON >/dev/null
  cmake --build "$san" -j"$(nproc)"
  # Leaks count as failures; the first undefined behaviour stops the test that hit it.
  (cd "$san" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     ctest --output-on-failure -j"$(nproc)")
fi
