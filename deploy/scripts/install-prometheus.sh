#!/usr/bin/env bash
# Installs Prometheus and promtool from Debian's `prometheus` package (Debian 12: 2.42).
# Idempotent: exits at once when promtool is already on the PATH. Needs root (or sudo).
# The Prometheus service the package enables is stopped and disabled again: Deskflow starts
# Prometheus itself when it wants one (docs/operations.md), and the tests need only promtool.
set -euo pipefail

if command -v promtool >/dev/null 2>&1; then
  echo "promtool already installed: $(command -v promtool)"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo -n)
else
  echo "install-prometheus: run as root (or install sudo): apt-get needs it" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# the package's post-install script would start a Prometheus on :9090; policy-rc.d (exit 101)
# tells invoke-rc.d not to start services while we install
policy=/usr/sbin/policy-rc.d
created_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
  "${sudo[@]}" chmod 755 "$policy"
  created_policy=true
fi
cleanup() {
  if [ "$created_policy" = true ]; then
    "${sudo[@]}" rm -f "$policy"
  fi
}
trap cleanup EXIT

"${sudo[@]}" apt-get update -qq
# --no-install-recommends: the recommended node exporter and web assets are not needed
"${sudo[@]}" apt-get install -y -qq --no-install-recommends prometheus >/dev/null

if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  "${sudo[@]}" systemctl disable --now prometheus >/dev/null 2>&1 || true
fi

command -v promtool >/dev/null
echo "installed $(promtool --version 2>&1 | head -1)"
