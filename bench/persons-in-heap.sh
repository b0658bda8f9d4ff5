#!/usr/bin/env bash
# What the person store's storage costs the embedded run: the run as shipped against the same run with only
# its people in a hash map (nothing written for them), then each person written once at the end (the least a
# durable design pays), alternating in one JVM at the bench's heap. Prints a Markdown table (also written to
# bench/out/persons-in-heap.md). The data is bench/run.sh's (generated on its first run).
#
# Usage: bench/persons-in-heap.sh [ROUNDS]   (default 3; a million-row round takes about a minute here)
# Knobs (environment): BENCH_PEOPLE=250000 BENCH_ROWS=1000000 BENCH_SEED=42 BENCH_INVALID=0.001 (which generated
# data, as bench/run.sh names it), BENCH_XMX=512m, BENCH_REBUILD=1
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
case "${1:-3}" in
  -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *[!0-9]*|0) echo "persons-in-heap.sh: ROUNDS must be a whole number of 1 or more, not '$1' (see --help)" >&2; exit 2 ;;
esac
rounds=${1:-3}
. "$root/bin/java-env"
cd "$root"
people=${BENCH_PEOPLE:-250000}
rows=${BENCH_ROWS:-1000000}
data=$root/bench/out/data-p$people-s${BENCH_SEED:-42}-i${BENCH_INVALID:-0.001}
if [ ! -f "$data/roster.csv" ] || [ ! -f "$data/manifest-$rows.csv" ]; then
  echo "persons-in-heap.sh: no generated data in $data (roster.csv, manifest-$rows.csv): run bench/run.sh first," >&2
  echo "  or BENCH_PEOPLE=$people BENCH_ROWS=$rows BENCH_CLI=0 BENCH_RUN_REPS=1 bench/run.sh" >&2
  exit 1
fi
. "$root/bench/build.sh"
cp=$(bench_classpath "$root")
mkdir -p "$root/bench/out"
echo "persons-in-heap: load before: $(uptime)" >&2
"$JAVA_HOME/bin/java" -Xmx"${BENCH_XMX:-512m}" -cp "$cp" \
  org.breachtriage.bench.BenchMain persons-in-heap --roster "$data/roster.csv" --manifest "$data/manifest-$rows.csv" \
  --work "$root/bench/out/work-persons-in-heap" --rounds "$rounds" | tee "$root/bench/out/persons-in-heap.md"
rm -rf "$root/bench/out/work-persons-in-heap"
echo "persons-in-heap: load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
