#!/usr/bin/env bash
# Debian's Chromium for the dashboard's browser tests (tests/web), installed when missing.
# Playwright drives this system browser: a browser download is impossible here.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
chromium --version
