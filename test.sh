#!/usr/bin/env bash
# Installs what is missing, builds the plugin jar and runs every test (UI tests under Xvfb).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
mvn -B -ntp verify "$@"
