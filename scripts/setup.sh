#!/usr/bin/env bash
# Installs what newshound builds and tests with: Debian 12 packages, then the browser suite's two npm
# packages (playwright-core and axe-core, pinned in tests/browser/package-lock.json). Idempotent; needs
# root (or sudo) for the packages. Arguments are further Debian packages to install with them.
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGES=(
  build-essential cmake pkg-config
  libxapian-dev xapian-tools
  libicu-dev
  libcpp-httplib-dev libcli11-dev libspdlog-dev nlohmann-json3-dev
  libcld2-dev libstemmer-dev libgumbo-dev libexpat1-dev libre2-dev
  catch2
  python3 zstd
  # ss, which the soak test reads the server's listen queue with.
  iproute2
  # The browser suite: Debian's chromium, and fonts for Arabic, Hebrew, Devanagari and CJK pages.
  chromium fonts-noto-core fonts-noto-cjk
)
# Node.js with npm: Debian's own unless the machine already has one (e.g. from NodeSource, whose
# nodejs package bundles npm and conflicts with Debian's npm package).
command -v npm > /dev/null || PACKAGES+=(nodejs npm)
# Packages a caller needs besides these (scripts/bench.sh: the peer engines; scripts/fuzz.sh: clang).
PACKAGES+=("$@")

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
else
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm ci installs exactly the lock file's versions; skipped when they are already installed.
lock=tests/browser/package-lock.json
installed=tests/browser/node_modules/.package-lock.json
if [ -f "$installed" ] && node -e '
  const a = require(process.argv[1]).packages, b = require(process.argv[2]).packages;
  for (const k of Object.keys(a)) if (k && (!b[k] || b[k].version !== a[k].version)) process.exit(1);
' "$(pwd)/$lock" "$(pwd)/$installed"; then
  echo "setup: browser test packages present"
else
  echo "setup: installing browser test packages (npm ci)"
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
fi
