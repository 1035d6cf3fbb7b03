#!/usr/bin/env bash
# Installs what Airlock's tests need on Debian or Ubuntu: a Docker engine and
# Chromium (plus busybox-static for tiny local test images, and xvfb for the
# Electron smoke test where an Electron binary exists). Safe to run twice.
set -euo pipefail

packages=(docker.io chromium busybox-static xvfb curl)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: ${packages[*]} already installed"
  exit 0
fi

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "setup: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
# Ubuntu ships Chromium as a snap stub; Debian's package is the real browser.
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
