#!/usr/bin/env bash
# Load/index benchmark: Pars Reader against the raw read of the same bytes, ImageJ's
# FolderOpener, PixelMed, dcm2niix and (JPEG-LS) dcmtk's dcmdjpls, in one script. Data (about 2 GB) is generated into
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
# dcmtk takes one file per process: all files of a folder, one after another, or on every core
dcmtk_all() { local out; out=$(mktemp -d); for f in "$2"/*; do "$1" "$f" "$out/x.dcm"; done; rm -rf "$out"; }
dcmtk_par() {
  local out; out=$(mktemp -d)
  ls -d "$2"/* | xargs -P "$(nproc)" -n 1 sh -c '"$0" "$2" "$1/$(basename "$2")"' "$1" "$out"
  rm -rf "$out"
}
# the 200 uncompressed files the JPEG-LS copies were made from
first200() {
  local d f; d=$(mktemp -d)
  for f in $(ls "$DATA"/ct400/* | head -200); do ln -s "$(readlink -f "$f")" "$d/"; done
  echo "$d"
}
CT200=$(first200)
for set in jpegls200 jplsnear200; do
  echo "| $set | java: read every byte (floor) | $(median_ms java -cp "$CP" org.parsreader.bench.RawReadMain "$DATA/$set") |"
  echo "| $set | **java -jar Pars_Reader volume-stats** | $(median_ms java -jar $JAR volume-stats "$DATA/$set") |"
  # CharLS (native, inside dcmtk) on the same 200 files
  echo "| $set | dcmdjpls, 200 processes one after another | $(median_ms dcmtk_all dcmdjpls "$DATA/$set") |"
  echo "| $set | dcmdjpls, 200 processes, $(nproc) at a time | $(median_ms dcmtk_par dcmdjpls "$DATA/$set") |"
  echo "| $set | dcmconv of the uncompressed originals (dcmtk start, read, write; no decoding), one after another | $(median_ms dcmtk_all dcmconv "$CT200") |"
done
rm -rf "$CT200"
echo "| index3000 | java: read every byte (floor) | $(median_ms java -cp "$CP" org.parsreader.bench.RawReadMain "$DATA/index3000") |"
echo "| index3000 | **java -jar Pars_Reader info** | $(median_ms java -jar $JAR info "$DATA/index3000") |"

echo
echo "## Start-up (issue 16): the pars-reader launcher, median of 7"
echo
echo "| case | command | median ms |"
echo "|---|---|---:|"
echo "| ct400 | **target/pars-reader volume-stats** | $(median_ms target/pars-reader volume-stats "$DATA/ct400") |"
echo "| ct400 | ImageJ FolderOpener (its own JVM) | $(median_ms java -Djava.awt.headless=true -cp "$CP" org.parsreader.bench.FolderOpenerMain "$DATA/ct400") |"
echo "| index3000 | **target/pars-reader info** | $(median_ms target/pars-reader info "$DATA/index3000") |"
echo "| index3000 | cat of every file to /dev/null | $(median_ms sh -c "cat $DATA/index3000/* >/dev/null") |"
echo
echo "First open of a session, in process (fresh JVM each, ImageJ classes loaded), ms:"
for i in 1 2 3 4 5; do
  for m in parsreader noheaders folderopener; do
    java -Djava.awt.headless=true -cp "$CP" org.parsreader.bench.FirstOpenMain $m "$DATA/ct400"
  done
done

echo
echo "## Contrast segmentation"
echo
echo "| case | method | median s | vs summing pass |"
echo "|---|---|---:|---:|"
java -Xmx6g -cp "$CP" org.parsreader.bench.ContrastBenchmark "$DATA/thresholded.u8"
/usr/bin/python3 scripts/scipy-label.py "$DATA/thresholded.u8"

echo
echo "## Reformat (issue 12)"
echo
java -Xmx3g -Djava.awt.headless=true -cp "$CP" org.parsreader.bench.ReformatBenchmark

# PACS retrieve and SR/SEG export (issue 13): its own script, also runnable alone
scripts/bench-pacs.sh "$DATA" --built
