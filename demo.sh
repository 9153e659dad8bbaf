#!/usr/bin/env bash
# Installs what is missing, builds the plugin jar and runs the demo on sample-data/.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
mvn -B -ntp -q -Dstyle.color=never package -DskipTests
java -jar target/Pars_Reader-0.1.0.jar demo "$@"
