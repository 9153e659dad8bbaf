#!/usr/bin/env bash
# Installs what is missing, builds the plugin jar and runs every test (UI tests under Xvfb).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
# UI tests (*IT) need a display: run Maven under a virtual X server
xvfb-run -a -s "-screen 0 1366x768x24" mvn -B -ntp -Dstyle.color=never verify "$@"
