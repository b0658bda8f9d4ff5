#!/usr/bin/env bash
# The CLI as an operator runs it: `bin/triage run` against `bin/triage validate` of the same file, on
# the default heap (bin/triage bounds it), each a fresh JVM, wall clock and peak resident memory
# (GNU time's maximum RSS of the java process: bin/triage execs it). Called by bench/run.sh; prints a
# Markdown table to stdout.
#
# Usage: bench/cli.sh LABEL ROSTER MANIFEST [LABEL ROSTER MANIFEST ...]
# Knobs: BENCH_CLI_REPS=1 (validate and run repetitions, interleaved validate, run, validate, run...)
#        BENCH_CLI_WORK (scratch state dirs; default bench/out/work)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
reps=${BENCH_CLI_REPS:-1}
work=${BENCH_CLI_WORK:-$root/bench/out/work}
triage=$root/bin/triage
say() { echo "bench: $*" >&2; }
mkdir -p "$work"
"$triage" --version >/dev/null # builds the CLI jar if it is stale (and its start-up cache), outside any timing
. "$root/bin/java-env"
. "$root/bin/startup-cache"
cache_note="bin/triage's JVM start-up cache: none (JDK $(startup_cache_jdk_version), or TRIAGE_STARTUP_CACHE=0)"
if startup_cache_supported; then
  jar=$root/cli/target/triage.jar cache=$(startup_cache_path "$root/cli/target/triage.jar")
  if [ -n "$(startup_cache_flags "$jar" "$cache")" ]; then
    cache_note="bin/triage's JVM start-up cache: used ($(du -m "$cache" | cut -f1) MB, trained by the demo; bin/startup-cache)"
  else
    cache_note="bin/triage's JVM start-up cache: none (its training failed: $cache.failed)"
  fi
fi

. "$root/bench/timing.sh" # measure, median

echo "| Scenario | Rows | Roster | validate: wall s (median) | run: wall s (median) | run ÷ validate | validate: peak RSS MB | run: peak RSS MB | run RSS against the first scenario on this roster | run exit codes |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
# The first scenario's run RSS per roster: a run's memory should follow its roster, not its manifest.
declare -A first_rss=()
while [ $# -ge 3 ]; do
  label=$1 roster=$2 manifest=$3; shift 3
  v=$(mktemp) r=$(mktemp)
  for ((i = 1; i <= reps; i++)); do
    state=$work/cli-$label-$i
    rm -rf "$state"
    "$triage" --state-dir "$state" staff import "$roster" >/dev/null
    say "cli $label #$i: validate, load $(cut -d' ' -f1 /proc/loadavg)"
    measure "$v" -- "$triage" --state-dir "$state" validate "$manifest"
    say "cli $label #$i: run, load $(cut -d' ' -f1 /proc/loadavg)"
    measure "$r" -- "$triage" --state-dir "$state" run "$manifest"
    rm -rf "$state"
  done
  vt=$(cut -d' ' -f1 "$v" | median); rt=$(cut -d' ' -f1 "$r" | median)
  vm=$(cut -d' ' -f2 "$v" | sort -n | tail -1); rm_=$(cut -d' ' -f2 "$r" | sort -n | tail -1)
  rows=$(($(wc -l < "$manifest") - 1)); people=$(($(wc -l < "$roster") - 1))
  codes=$(cut -d' ' -f3 "$r" | sort -u | tr '\n' ' ')
  if [ -z "${first_rss[$roster]:-}" ]; then
    first_rss[$roster]=$rm_ against="(the first)"
  elif [ "${first_rss[$roster]}" -le 0 ] 2>/dev/null || [ "$rm_" -le 0 ] 2>/dev/null; then
    against="not measured"
  else
    against=$(printf '%+.1f%%' "$(echo "100 * $rm_ / ${first_rss[$roster]} - 100" | bc -l)")
  fi
  printf '| %s | %s | %s | %.2f | %.2f | %.1f× | %d | %d | %s | %s|\n' "$label" "$rows" "$people" "$vt" "$rt" \
    "$(echo "$rt / $vt" | bc -l)" $((vm / 1024)) $((rm_ / 1024)) "$against" "$codes"
  rm -f "$v" "$r" "$v.err" "$r.err"
done
echo
echo "$cache_note"
