#!/usr/bin/env bash
# PACS benchmark (issue 13, point 7): retrieving the 400-slice 512x512 CT from a loopback Orthanc
# by our C-GET, C-MOVE and WADO-RS (the pars-reader launcher, whole process) against dcmtk's
# getscu/movescu and curl of the same WADO-RS request, in one run; then SR + SEG export speed.
# Usage: scripts/bench-pacs.sh [DATA] (DATA as for scripts/bench.sh; ct400 is made there if
# missing). Needs orthanc, orthanc-dicomweb, dcmtk, curl (scripts/setup.sh). Results: BENCHMARKS.md.
# PACS_BENCH_ROUNDS (default 7) counted rounds; PACS_CMDS a subset of the commands, e.g.
# PACS_CMDS="ours-wado curl" while working on one of them.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-bench-data}
if [ "${2:-}" != --built ]; then
  scripts/setup.sh
  mvn -B -ntp -q package -DskipTests
  mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
fi
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

echo
echo "## PACS retrieve (issue 13): the 400-slice CT from a loopback Orthanc"
echo
# Orthanc (started by PacsRetrieveBenchmark, the tests' configuration) holds the CT; every
# command retrieves the whole study into a new empty folder (made empty before its clock starts).
# Rounds go through all commands in turn (so load drifts hit all alike): 1 warm-up + ROUNDS
# counted (PACS_BENCH_ROUNDS, default 7).
PB=$(mktemp -d)
coproc ORTHANC { exec java -cp "$CP" org.parsreader.bench.PacsRetrieveBenchmark "$DATA" "$PB"; }
OPID=$ORTHANC_PID OIN=${ORTHANC[1]}
read -r ready <&"${ORTHANC[0]}"
[ "$ready" = ready ] || { echo "PacsRetrieveBenchmark did not start Orthanc" >&2; exit 1; }
# shellcheck disable=SC1091
. "$PB/bench.env"
ACCEPT='Accept: multipart/related; type="application/dicom"; transfer-syntax=*'
# the command timed; its output folder is made empty (removed, and made for the dcmtk tools and
# curl, which need it) before the clock starts: deleting the last round's 400 files is no part of
# a retrieve, and charged one side only (curl's one file) it skewed the ratio
pacs_cmd() {
  local d=$PB/out-$1
  case $1 in
    ours-get) echo "target/pars-reader pacs retrieve --pacs-config $PB/pacs.json --protocol dimse --cache $d $STUDY" ;;
    ours-move) echo "target/pars-reader pacs retrieve --pacs-config $PB/pacs.json --protocol move --cache $d $STUDY" ;;
    ours-wado) echo "target/pars-reader pacs retrieve --pacs-config $PB/pacs.json --protocol dicomweb --cache $d $STUDY" ;;
    getscu) echo "getscu -S -aet GETSCU -aec $AET -od $d -k QueryRetrieveLevel=STUDY -k StudyInstanceUID=$STUDY $HOST $DICOM_PORT" ;;
    movescu) echo "movescu -S -aet $MOVESCU_AET -aem $MOVESCU_AET -aec $AET --port $MOVESCU_PORT -od $d -k QueryRetrieveLevel=STUDY -k StudyInstanceUID=$STUDY $HOST $DICOM_PORT" ;;
    curl) echo "curl -sSf -u $WEB_USER:$WEB_PASSWORD -H '$ACCEPT' -o $d/study.multipart $DICOMWEB/studies/$STUDY" ;;
  esac
}
# ... and the file system's debt is paid before it too (sync): otherwise each command ran while the
# kernel wrote back the 200 MB (400 files) the command before it had written, and which command
# followed which decided who paid for it (issue 13: WADO-RS ran after movescu, curl after WADO-RS)
pacs_prep() {
  rm -rf "$PB/out-$1"
  case $1 in ours-*) ;; *) mkdir "$PB/out-$1" ;; esac
  sync
}
PACS_CMDS="${PACS_CMDS:-ours-get getscu ours-move movescu ours-wado curl}"
echo "$(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for c in $PACS_CMDS; do : >"$PB/t-$c"; done
for round in $(seq 0 "${PACS_BENCH_ROUNDS:-7}"); do
  for c in $PACS_CMDS; do
    pacs_prep "$c"
    # wall, user + sys CPU seconds of the whole process tree
    /usr/bin/time -f "%e %U %S" -o "$PB/one" sh -c "$(pacs_cmd "$c")" >/dev/null 2>&1 || { echo "$c failed: $(pacs_cmd "$c")" >&2; exit 1; }
    [ "$round" -gt 0 ] && cat "$PB/one" >>"$PB/t-$c"
  done
done
med() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; the machine is shared: note it with the figures)"
echo
echo "| command | median wall s | median CPU s (user+sys) | files |"
echo "|---|---:|---:|---:|"
for c in $PACS_CMDS; do
  echo "| $c: \`$(pacs_cmd "$c" | sed "s|$PB|\$PB|g; s|$WEB_PASSWORD|***|g")\` | $(awk '{print $1}' "$PB/t-$c" | med) | $(awk '{printf "%.2f\n", $2 + $3}' "$PB/t-$c" | med) | $(find "$PB/out-$c" -type f | wc -l) |"
done
eval "exec $OIN>&-"   # Orthanc stops when its standard input closes
wait "$OPID" || true

echo
echo "## SR + SEG export of the sample case (issue 13, goal < 0.2 s warm)"
echo
java -cp "$CP" org.parsreader.bench.DicomExportBenchmark "$PB/sr"
rm -rf "$PB"
