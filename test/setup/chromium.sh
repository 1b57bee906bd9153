#!/usr/bin/env bash
# What `make test` needs beyond npm: a Chromium for the report.html browser test. Installs Debian's
# package when it can (root, or password-less sudo); otherwise says exactly what to do and fails,
# since a suite that quietly skips its browser test would pass without testing the page.
set -euo pipefail

if [ -n "${CHROMIUM:-}" ]; then
  if [ -x "$CHROMIUM" ]; then exit 0; fi
  echo "make test: CHROMIUM=$CHROMIUM is not an executable file." >&2
  exit 1
fi
if command -v chromium >/dev/null 2>&1; then exit 0; fi

how="sudo apt-get install chromium   (Debian; on Ubuntu: chromium-browser), or point CHROMIUM=/path/to/chrome at any Chromium or Chrome"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "make test: the report.html test needs Chromium and this machine has no apt-get. Install Chromium or Chrome, then run: CHROMIUM=/path/to/chrome make test" >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "make test: the report.html test needs Chromium, and installing it needs root. Run: $how" >&2
  exit 1
fi
echo "make test: installing Debian's chromium for the report.html browser test"
if ! { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium >/dev/null; }; then
  echo "make test: installing chromium with apt-get failed (see above). Run: $how" >&2
  exit 1
fi
command -v chromium >/dev/null 2>&1 || { echo "make test: apt-get installed chromium but it is not on PATH. Set CHROMIUM=/path/to/chromium" >&2; exit 1; }
