#!/usr/bin/env bash
# Fuzzes the parsers and codecs (README "Fuzzing"), each target for a bounded time.
#
#   scripts/fuzz.sh                                   every target, FUZZ_SECONDS (60) each
#   FUZZ_SECONDS=3600 scripts/fuzz.sh RleDecoderFuzzTest#decode     one target for an hour
#   FUZZ_BUDGET=275 scripts/fuzz.sh                   275 s of fuzzing shared by the targets (test.sh)
#   scripts/fuzz.sh -Dbuild.dir=target-x              arguments starting with - go to Maven
#
# Jazzer fuzzes one @FuzzTest per JVM, so each target is one Maven run of surefire:test on the
# classes the build already compiled (no recompiling, no shading; a clean clone is compiled first).
# The heap is 512m, so an input that makes the code allocate gigabytes ends in OutOfMemoryError;
# one input running over FUZZ_TIMEOUT (10) seconds is a hang. A crash, an uncaught error or a hang
# fails the script (after the other targets ran); Jazzer saves the input under
# src/test/resources/<package>/<Class>Inputs/<method>/, where every mvn test replays it from then
# on. The corpus each run grows is kept in .cifuzz-corpus/ (not committed), so later runs go on from it.
set -uo pipefail
cd "$(dirname "$0")/.."

hang=${FUZZ_TIMEOUT:-10}
targets=()
mvn_args=()
for a in "$@"; do
  case "$a" in
    -*) mvn_args+=("$a") ;;
    *) targets+=("$a") ;;
  esac
done
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    HeaderReaderFuzzTest#fastPath
    HeaderReaderFuzzTest#pixelMedPath
    RleDecoderFuzzTest#decode
    JpegLosslessDecoderFuzzTest#decode
    JpegLsDecoderFuzzTest#decode
    FindingsJsonFuzzTest#read
  )
fi

if [ -n "${FUZZ_SECONDS:-}" ]; then
  seconds=$FUZZ_SECONDS
elif [ -n "${FUZZ_BUDGET:-}" ]; then
  seconds=$(( FUZZ_BUDGET / ${#targets[@]} ))   # a new target shortens the others, not the build
else
  seconds=60
fi

if [ ! -f target/test-classes/org/parsreader/fuzz/FuzzContract.class ]; then
  mvn -B -ntp -q -Dstyle.color=never test-compile "${mvn_args[@]}" || exit 1
fi
mkdir -p target

failed=()
for t in "${targets[@]}"; do
  extra=()
  case "$t" in
    # with PixelMed's parser instrumented too, the fuzzer follows its branches (~1500 edges in 2
    # minutes instead of our own ~360) and reaches further into files; the others need only ours
    *pixelMedPath) extra=("-Djazzer.instrument=org.parsreader.**,com.pixelmed.dicom.**") ;;
  esac
  echo "fuzz: $t for ${seconds}s"
  start=$(date +%s)
  # JUnit's own @Timeout enforcement is off (it would stop the whole fuzzing run); Jazzer turns the
  # default test-template timeout into libFuzzer's per-input -timeout. The outer timeout is a backstop.
  JAZZER_FUZZ=1 timeout --kill-after=30 $((seconds + 300)) \
    mvn -B -ntp -Dstyle.color=never "${mvn_args[@]}" "${extra[@]}" surefire:test \
      -Dtest="$t" -Dtest.heap=512m \
      -Djazzer.max_duration="${seconds}s" \
      -Djunit.jupiter.execution.timeout.mode=disabled \
      -Djunit.jupiter.execution.timeout.testtemplate.method.default="${hang}s" \
      > "target/fuzz-${t//#/-}.log" 2>&1
  rc=$?
  stats=$(grep -a -E '^Done [0-9]+ runs' "target/fuzz-${t//#/-}.log" | tail -1)
  echo "fuzz: $t exit $rc after $(( $(date +%s) - start ))s: ${stats:-no libFuzzer summary} (log target/fuzz-${t//#/-}.log)"
  if [ $rc -ne 0 ]; then
    failed+=("$t")
    grep -a -E 'FuzzTestFinding|== Java Exception|Caused by|Test unit written|timeout|ERROR\]' "target/fuzz-${t//#/-}.log" | head -20
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]}; the inputs are under src/test/resources/org/parsreader/**/*Inputs/ (add them to git: they are regression tests)" >&2
  exit 1
fi
echo "fuzz: all ${#targets[@]} targets ran ${seconds}s without a finding"
