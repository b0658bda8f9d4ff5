#!/usr/bin/env bash
# Two builds of Breach Triage side by side: `bin/triage run` of the same manifest in each, alternating
# round by round, each on a fresh state dir with the roster imported first (not timed), each a fresh
# JVM on its own launcher's default heap, under GNU time (wall clock and the java process's peak RSS).
# Alternating is what makes two builds comparable on a shared machine: one build's runs all together
# would meet a different load from the other's.
#
# Usage: bench/compare.sh OLD_TREE NEW_TREE ROSTER MANIFEST [ROUNDS]
#   OLD_TREE, NEW_TREE  checkouts of the project (each with its bin/triage; a first run builds its jar)
#   ROUNDS              default 3
# For example, the tree before issue 9 against this one, at Met scale:
#   git clone -q . /tmp/before && git -C /tmp/before checkout -q 4bb1190
#   bench/compare.sh /tmp/before . bench/out/data-p50000-s42-i0.001/roster.csv bench/out/data-p50000-s42-i0.001/manifest-47000.csv
# (bench/run.sh generates that data the first time.) Prints one line per run and a Markdown table.
set -euo pipefail
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
case "${1:-}" in -h|--help) usage; exit 0 ;; esac
[ $# -ge 4 ] && [ $# -le 5 ] || { usage >&2; exit 2; }
for tree in "$1" "$2"; do
  [ -x "$tree/bin/triage" ] || { echo "compare: $tree is not a Breach Triage checkout (no bin/triage)" >&2; exit 2; }
done
old=$(cd "$1" && pwd) new=$(cd "$2" && pwd) roster=$(readlink -f "$3") manifest=$(readlink -f "$4") rounds=${5:-3}
for f in "$roster" "$manifest"; do
  [ -f "$f" ] || { echo "compare: no such file: $f" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "compare: needs GNU time at /usr/bin/time" >&2; exit 2; }
case "$rounds" in ''|*[!0-9]*|0) echo "compare: ROUNDS must be a positive whole number, not '$rounds'" >&2; exit 2 ;; esac

root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$root/bench/timing.sh" # measure, median
work=$(mktemp -d "${TMPDIR:-/tmp}/compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
for tree in "$old" "$new"; do "$tree/bin/triage" --version >/dev/null; done # builds outside any timing

# run_once LABEL TREE OUT: one timed run on a fresh state dir, its "wall_s rss_kb exit" appended to OUT.
run_once() {
  local label=$1 tree=$2 out=$3 state; state=$(mktemp -d "$work/state.XXXXXX")
  "$tree/bin/triage" --state-dir "$state" staff import "$roster" >/dev/null 2>"$work/import.err" \
    || { echo "compare: staff import failed in $tree:" >&2; cat "$work/import.err" >&2; exit 1; }
  measure "$out" -- "$tree/bin/triage" --state-dir "$state" run "$manifest"
  rm -rf "$state"
  local wall rss status; read -r wall rss status < <(tail -1 "$out")
  if [ "$status" != 0 ]; then
    echo "compare: run failed in $tree (exit $status):" >&2; tail -5 "$out.err" >&2; exit 1
  fi
  echo "compare: $label ($tree): ${wall} s, peak RSS $((rss / 1024)) MB, load $(cut -d' ' -f1 /proc/loadavg)" >&2
}

for round in $(seq 1 "$rounds"); do
  run_once "round $round/$rounds, old" "$old" "$work/old"
  run_once "round $round/$rounds, new" "$new" "$work/new"
done

walls() { cut -d' ' -f1 "$1" | paste -sd, | sed 's/,/, /g'; }
rss_mb() { awk '{print int($2 / 1024)}' "$1" | paste -sd, | sed 's/,/, /g'; }
om=$(cut -d' ' -f1 "$work/old" | median) nm=$(cut -d' ' -f1 "$work/new" | median)
echo "| build | \`run\` wall s, in round order | median | peak RSS MB |"
echo "|---|---|---:|---|"
echo "| old: $old | $(walls "$work/old") | $om | $(rss_mb "$work/old") |"
echo "| new: $new | $(walls "$work/new") | $nm | $(rss_mb "$work/new") |"
awk -v o="$om" -v n="$nm" 'BEGIN { printf "\nold ÷ new (medians): %.1f×\n", o / n }'
