#!/usr/bin/env bash
# Installs the Debian 12 packages newshound builds and tests with. Idempotent; needs root (or sudo).
set -euo pipefail
PACKAGES=(
  build-essential cmake pkg-config
  libxapian-dev xapian-tools
  libicu-dev
  libcpp-httplib-dev libcli11-dev libspdlog-dev nlohmann-json3-dev
  libcld2-dev libstemmer-dev libgumbo-dev libexpat1-dev
  catch2
  python3 zstd
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
