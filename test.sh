#!/usr/bin/env bash
# Installs what is missing, builds the plugin jar and runs every test (UI tests under Xvfb),
# then fuzzes each parser and codec for about a minute (scripts/fuzz.sh, README "Fuzzing":
# FUZZ_BUDGET seconds of fuzzing shared by the targets, 275 by default; FUZZ_BUDGET=0 skips it).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
# UI tests (*IT) need a display: run Maven under a virtual X server
xvfb-run -a -s "-screen 0 1366x768x24" mvn -B -ntp -Dstyle.color=never verify "$@"
# Bounded fuzzing on the classes verify compiled: a crash, uncaught error or hang fails the build
if [ "${FUZZ_BUDGET:-275}" != 0 ]; then
  FUZZ_BUDGET="${FUZZ_BUDGET:-275}" scripts/fuzz.sh
fi
