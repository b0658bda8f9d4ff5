#!/usr/bin/env bash
# Breach Triage cold-start benchmark: the score function's first event in a fresh JVM, beside a bare
# hello-world JVM, alternating in one run; with and without the AppCDS archive, and with and without
# TieredStopAtLevel=1. Prints a Markdown table (also written to bench/out/cold-start.md), then each
# handler's classes by library (AWS SDK, Jackson, runtime client, ours, other libraries, JDK; lambda
# classes apart) and how many the JVM and runtime client had loaded before the handler's first class.
#
# The function runs as Lambda's java21 runtime runs it: the deployment package
# (functions/target/breach-triage-functions.jar) unpacked as the task root, the real Java runtime
# interface client as the main class, a local Runtime API serving one SQS event, and the emulators
# (fauxqs, dynalite; started and stopped by this script) behind the AWS endpoints.
#
# Knobs (environment):
#   COLD_RUNS=7                  rounds; each round runs every variant once, in order
#   COLD_ROWS=5                  rows in each score event (the events/ fixture batches hold 3 and 2; at most 100)
#   COLD_ARCHIVE=path            an AppCDS archive to measure (default: make one with a training run,
#                                functions/target/cds/score.jsa, as the functions build's cds profile does)
#   COLD_NO_CDS=1                skip the AppCDS variants
#   COLD_JAR=path                another deployment package to measure (an older build, to compare)
#   COLD_COMPARE_JARS=a.jar,b.jar  other packages measured C1 only in the same rounds (what each change bought)
#   COLD_EXTRA_FLAGS="..."       JVM flags added to every measured JVM (experiments)
#   BENCH_REBUILD=1              rebuild even when the classes look current
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$root/bin/java-env"
cd "$root"

out=$root/bench/out
mkdir -p "$out"
say() { echo "cold-start: $*" >&2; }
say "load before: $(uptime)"

cpfile=$root/bench/target/classpath.txt
jar=$root/functions/target/breach-triage-functions.jar
measured=${COLD_JAR:-$jar}
if [ "${BENCH_REBUILD:-0}" = 1 ] || [ ! -f "$cpfile" ] || [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root"/*/pom.xml \
    "$root"/{core,aws,sandbox,functions,bench}/src/main -newer "$cpfile" -type f -print -quit 2>/dev/null)" ]; then
  say "building the functions jar and bench (mvn package)..."
  mvn -q -B -o -DskipTests package -pl bench -am >&2 || mvn -q -B -DskipTests package -pl bench -am >&2
fi
[ -d "$root/infra/local/node_modules" ] || (cd "$root/infra/local" && npm ci --no-audit --no-fund --loglevel=error)
cp="$root/bench/target/classes:$(cat "$cpfile")"

args=(--root "$root" --work "$out/cold" --jar "$measured" --runs "${COLD_RUNS:-7}" --extra-flags "${COLD_EXTRA_FLAGS:-}" --rows "${COLD_ROWS:-5}" --compare-jars "${COLD_COMPARE_JARS:-}")
if [ "${COLD_NO_CDS:-0}" != 1 ]; then
  if [ -n "${COLD_ARCHIVE:-}" ]; then
    args+=(--cds-archive "$COLD_ARCHIVE")
  else
    args+=(--train "$out/cold-archive/score.jsa")
  fi
fi
started=$(date +%s)
{
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(uname -m)); load average (1, 5, 15 min) before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  "$JAVA_HOME/bin/java" -cp "$cp" org.breachtriage.bench.cold.ColdStart "${args[@]}"
  echo
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); took $(( $(date +%s) - started )) s."
} | tee "$out/cold-start.md"
