#!/bin/sh
# Installs the pars-reader launcher beside the jar and makes its class-data-sharing archive
# (issue 16): a training run of typical commands on sample-data/case-001 (and score on
# sample-data/cohort, whose ~3,000 classes otherwise load from the jar: issue 15; and a WADO-RS
# retrieve of the sample case from a DICOMweb server inside the training JVM: issue 13) with
# -XX:ArchiveClassesAtExit. Run by `mvn package` (after the shade step); by hand:
#   scripts/make-launcher.sh target/Pars_Reader-0.1.0.jar
# A second, smaller archive (Pars_Reader-VERSION-pacs.jsa) is trained on the WADO-RS retrieve alone,
# for the pacs commands: mapping an archive costs a start time by its size (the JVM relocates it),
# and the whole archive's 25 MB cost a retrieve ~10 ms more than this one's ~8 MB (issue 13, point 7).
# The archives belong to this exact jar and JVM; the launcher ignores them when either changed.
# A failed training leaves no archive (the launcher then starts without one) and fails the build.
set -eu
cd "$(dirname "$0")/.."
jar=$1
[ -f "$jar" ] || { echo "make-launcher: no jar $jar" >&2; exit 1; }
dir=$(CDPATH='' cd -- "$(dirname -- "$jar")" && pwd -P)
jar=$dir/$(basename -- "$jar")          # the path the launcher will give the JVM

cp src/main/sh/pars-reader "$dir/pars-reader"
chmod 755 "$dir/pars-reader"
rm -f "${jar%.jar}.jsa" "${jar%.jar}-pacs.jsa"

if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi
sample=sample-data/case-001
series=2.25.144238974742240537401837040969335971267   # the post-contrast CT (README examples)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# train JSA COMMAND-LINES...: the archive JSA from one CdsTraining run of the command lines
train() {
    jsa=$1
    log=$jsa.log
    shift
    if "$java" -Djava.awt.headless=true -XX:TieredStopAtLevel=1 \
            -XX:ArchiveClassesAtExit="$tmp/a.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
            -cp "$jar" org.parsreader.cli.CdsTraining "$@" >"$log" 2>&1 && [ -s "$tmp/a.jsa" ]; then
        mv "$tmp/a.jsa" "$jsa"
        rm -f "$log"
    else
        echo "make-launcher: the training run for $jsa failed (log: $log)" >&2
        cat "$log" >&2
        exit 1
    fi
}
train "${jar%.jar}.jsa" \
    --help + help info + info "$sample" + info --json "$sample" \
    + volume-stats "$sample" --series "$series" + volume-stats "$sample" --series "$series" --json \
    + reformat "$sample" --series "$series" --plane sagittal --out "$tmp/r.nrrd" \
    + score --findings sample-data/cohort --outcomes sample-data/cohort/outcomes.csv --out "$tmp/score" \
      --group-by guidance --group guidance --linear ppr,change@odi --multivariable bme_isthmic_any,age \
    + dicomweb-retrieve "$sample"
train "${jar%.jar}-pacs.jsa" pacs --help + dicomweb-retrieve "$sample"
