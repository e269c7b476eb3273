#!/usr/bin/env bash
# Set up all the tests need on a fresh Debian machine: a venv with the pinned packages, and Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r tests/requirements.txt
if ! command -v chromium >/dev/null 2>&1; then
  # Playwright cannot download its own browser here; Debian's Chromium is the one the tests drive.
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
fi
