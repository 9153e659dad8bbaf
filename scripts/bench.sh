#!/usr/bin/env bash
# Load/index benchmark: Pars Reader against the raw read of the same bytes, ImageJ's
# FolderOpener, PixelMed and dcm2niix, in one script. Data (about 2 GB) is generated into
# bench-data/ on first run. Results are recorded in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mvn -B -ntp -q package -DskipTests
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
DATA=${1:-bench-data}
JAR=target/Pars_Reader-0.1.0.jar

echo "## In one warm JVM"
java -Xms8g -Xmx8g -Djava.awt.headless=true -cp "$CP" org.parsreader.bench.LoadBenchmark "$DATA"

# median wall time in ms of 7 runs after one warm-up run (page cache warm)
median_ms() {
  local t=()
  for i in 0 1 2 3 4 5 6 7; do
    local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
    [ "$i" -gt 0 ] && t+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | sed -n 4p
}
echo
echo "## Whole process (JVM start included), median of 7"
echo
echo "| case | command | median ms |"
echo "|---|---|---:|"
for set in ct400 jpegll200; do
  echo "| $set | java: read every byte (floor) | $(median_ms java -cp "$CP" org.parsreader.bench.RawReadMain "$DATA/$set") |"
  echo "| $set | **java -jar Pars_Reader volume-stats** | $(median_ms java -jar $JAR volume-stats "$DATA/$set") |"
  [ "$set" = ct400 ] && echo "| $set | ImageJ FolderOpener | $(median_ms java -Djava.awt.headless=true -cp "$CP" org.parsreader.bench.FolderOpenerMain "$DATA/$set") |"
  echo "| $set | dcm2niix (to NIfTI, uncompressed) | $(median_ms sh -c "d=\$(mktemp -d); dcm2niix -z n -o \$d $DATA/$set; rm -rf \$d") |"
done
echo "| index3000 | java: read every byte (floor) | $(median_ms java -cp "$CP" org.parsreader.bench.RawReadMain "$DATA/index3000") |"
echo "| index3000 | **java -jar Pars_Reader info** | $(median_ms java -jar $JAR info "$DATA/index3000") |"

echo
echo "## Contrast segmentation"
echo
echo "| case | method | median s | vs summing pass |"
echo "|---|---|---:|---:|"
java -Xmx6g -cp "$CP" org.parsreader.bench.ContrastBenchmark "$DATA/thresholded.u8"
/usr/bin/python3 scripts/scipy-label.py "$DATA/thresholded.u8"
