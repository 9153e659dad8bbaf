#!/usr/bin/env bash
# Installs what is missing, builds the plugin jar and runs every test (UI tests under Xvfb),
# then fuzzes each parser and codec for about a minute (scripts/fuzz.sh, README "Fuzzing";
# FUZZ_SECONDS=0 skips that phase).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
# UI tests (*IT) need a display: run Maven under a virtual X server
xvfb-run -a -s "-screen 0 1366x768x24" mvn -B -ntp -Dstyle.color=never verify "$@"
# Bounded fuzzing on the classes verify compiled: a crash, uncaught error or hang fails the build
if [ "${FUZZ_SECONDS:-55}" != 0 ]; then
  FUZZ_SECONDS="${FUZZ_SECONDS:-55}" scripts/fuzz.sh
fi
