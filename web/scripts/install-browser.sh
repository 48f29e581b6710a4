#!/usr/bin/env bash
# Installs Debian's Chromium for the end-to-end tests (web/e2e). Idempotent: does nothing when
# /usr/bin/chromium is already there. Needs root (or sudo without a password); system-tests'
# BrowserFlowsTest runs it before the browser flows. Nothing else downloads a browser:
# the tests use playwright-core, which ships no browser, with this executable.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium is installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  # -n: never wait for a password (system-tests runs this without a terminal)
  sudo=(sudo -n)
else
  echo "install-browser: run as root, or install sudo" >&2
  exit 1
fi

"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
echo "installed: $(/usr/bin/chromium --version)"
