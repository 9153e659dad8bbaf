#!/usr/bin/env bash
# Load/index benchmark: Pars Reader vs raw read, ImageJ FolderOpener, PixelMed, dcm2niix.
# Data (about 2 GB) is generated into bench-data/ on first run. Results: BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mvn -B -ntp -q test-compile -DskipTests
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
DATA=${1:-bench-data}
java -Xms8g -Xmx8g -Djava.awt.headless=true -cp "$CP" org.parsreader.bench.LoadBenchmark "$DATA"
echo
echo "dcm2niix (external process, median of 5, output to a temp folder):"
for set in ct400 jpegll200; do
  out=$(mktemp -d); times=()
  for i in 1 2 3 4 5 6; do
    s=$(date +%s.%N); dcm2niix -z n -o "$out" -f "%s_$i" "$DATA/$set" >/dev/null 2>&1; e=$(date +%s.%N)
    [ "$i" -gt 1 ] && times+=("$(echo "$e - $s" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | xargs printf "  %s: %.3f s\n" "$set"
  rm -rf "$out"
done
