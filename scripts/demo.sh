#!/usr/bin/env bash
# Installs packages, builds in Release, indexes the bundled sample news and serves the web UI.
# Then open http://127.0.0.1:8080/ (set PORT or HOST to change where it listens).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh Release
bin="${NEWSHOUND_BUILD_DIR:-build}/app/newshound"
db=var/demo-index
rm -rf "$db"
mkdir -p var
"$bin" index --db "$db" samples/
exec "$bin" serve --db "$db" --host "${HOST:-127.0.0.1}" --port "${PORT:-8080}"
