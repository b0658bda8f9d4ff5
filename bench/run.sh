#!/usr/bin/env bash
# Breach Triage benchmark: parse-only vs the full embedded run, peak heap, accounting.
# One command: bench/run.sh. Prints Markdown tables (also written to bench/out/results.md).
#
# Knobs (environment):
#   BENCH_PEOPLE=250000          roster size
#   BENCH_ROWS="250000 1000000"  manifest sizes; one JVM per size, all under the same -Xmx
#   BENCH_SEED=42 BENCH_INVALID=0.001   generator seed, share of deliberately invalid rows
#   BENCH_XMX=512m               heap limit of every scenario JVM
#   BENCH_PARSE_REPS=3 BENCH_RUN_REPS=2 BENCH_FLOOR_REPS=1  repetitions, interleaved within each JVM
#                                (parse, run, floor, parse, run, parse); a 1M-row run takes 1.5 min here
#                                (the floor: the same pipeline on in-memory maps, see FloorRun)
#   BENCH_PROBE_SECONDS=10       live-set probe period (a forced full GC); 0 turns it off
#   BENCH_PROFILE=1              record the largest scenario's last run with JFR and summarise it
#   BENCH_REBUILD=1              rebuild even when the classes look current
#   BENCH_CLI=1                  also time the CLI (bench/cli.sh): `bin/triage run` vs `validate`, each a fresh
#                                JVM on bin/triage's default heap, with peak resident memory; 0 skips it
#   BENCH_CLI_ROWS=$BENCH_ROWS   manifest sizes for the CLI (against the BENCH_PEOPLE roster)
#   BENCH_CLI_REPS=1             CLI repetitions per size
#   BENCH_MET=1                  also the Met-scale CLI scenario (BENCH_MET_PEOPLE=50000, BENCH_MET_ROWS=47000)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$root/bin/java-env"
cd "$root"

people=${BENCH_PEOPLE:-250000}
rows_list=${BENCH_ROWS:-250000 1000000}
seed=${BENCH_SEED:-42}
invalid=${BENCH_INVALID:-0.001}
xmx=${BENCH_XMX:-512m}
parse_reps=${BENCH_PARSE_REPS:-3}
run_reps=${BENCH_RUN_REPS:-2}
floor_reps=${BENCH_FLOOR_REPS:-1}
probe=${BENCH_PROBE_SECONDS:-10}
out=$root/bench/out
results=$out/results
work=$out/work

say() { echo "bench: $*" >&2; }
started=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
say "load before: $(uptime)"

# Build only what the bench needs.
. "$root/bench/build.sh"
cp=$(bench_classpath "$root")
bench() { "$JAVA_HOME/bin/java" "$@"; }

max_rows=0
for r in $rows_list; do [ "$r" -gt "$max_rows" ] && max_rows=$r; done
common=(--out "$out" --people "$people" --seed "$seed" --invalid-fraction "$invalid")
bench -cp "$cp" org.breachtriage.bench.BenchMain generate "${common[@]}" --rows "$(echo $rows_list | tr ' ' ',')"

rm -rf "$work" "$results"
mkdir -p "$results"
files=()
failed=0
for r in $rows_list; do
  extra=()
  if [ "${BENCH_PROFILE:-0}" = 1 ] && [ "$r" = "$max_rows" ]; then
    extra=(--jfr "$out/run-$r.jfr")
  fi
  say "scenario: $r rows, -Xmx$xmx, load $(cut -d' ' -f1-3 /proc/loadavg)"
  status=0
  bench "-Xmx$xmx" -cp "$cp" org.breachtriage.bench.BenchMain scenario "${common[@]}" --rows "$r" \
    --work "$work" --result "$results/$r.json" --parse-reps "$parse_reps" --run-reps "$run_reps" --floor-reps "$floor_reps" \
    --heap-probe-seconds "$probe" "${extra[@]}" || status=$?
  case $status in
    0) ;;
    3) failed=1 ;;  # measured, but a check failed: the tables below say which
    *) exit "$status" ;;
  esac
  files+=("$results/$r.json")
done

cli_table=""
if [ "${BENCH_CLI:-1}" = 1 ]; then
  cli_args=()
  data=$out/data-p$people-s$seed-i$invalid
  for r in ${BENCH_CLI_ROWS:-$rows_list}; do
    cli_args+=("$r rows, $people roster" "$data/roster.csv" "$data/manifest-$r.csv")
  done
  if [ "${BENCH_MET:-1}" = 1 ]; then
    met_people=${BENCH_MET_PEOPLE:-50000} met_rows=${BENCH_MET_ROWS:-47000}
    bench -cp "$cp" org.breachtriage.bench.BenchMain generate --out "$out" --people "$met_people" --seed "$seed" \
      --invalid-fraction "$invalid" --rows "$met_rows"
    met=$out/data-p$met_people-s$seed-i$invalid
    cli_args+=("Met scale" "$met/roster.csv" "$met/manifest-$met_rows.csv")
  fi
  cli_table=$(BENCH_CLI_WORK="$work" "$root/bench/cli.sh" "${cli_args[@]}")
fi

{
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(uname -m)); load average (1, 5, 15 min) before: $load_before"
  echo
  bench -cp "$cp" org.breachtriage.bench.BenchMain table "${files[@]}"
  echo
  if [ -n "$cli_table" ]; then
    echo "**The CLI** (\`bin/triage run\` vs \`bin/triage validate\` of the same file, each a fresh JVM on bin/triage's default"
    echo "heap; wall clock including JVM start; peak RSS from GNU time; targets: run ≤ 4× validate at 1M rows, ≤ 2× at Met scale;"
    echo "RSS ≤ 1 GB at 1M rows and within 10% of the 250k-row figure)"
    echo
    echo "$cli_table"
    echo
  fi
  echo "Load average (1, 5, 15 min) at the end: $(cut -d' ' -f1-3 /proc/loadavg); bench took $(( $(date +%s) - started )) s."
} > "$out/results.md"
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  bench -cp "$cp" org.breachtriage.bench.BenchMain profile "$out/run-$max_rows.jfr" --top 20 > "$out/profile.txt"
  say "JFR summary of the ${max_rows}-row run: $out/profile.txt"
fi
cat "$out/results.md"
if [ "$failed" = 1 ]; then
  say "A CHECK FAILED (see the accounting section above); state dirs kept in $work"
  exit 1
fi
rm -rf "$work"
