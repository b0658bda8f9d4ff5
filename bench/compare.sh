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

work=$(mktemp -d "${TMPDIR:-/tmp}/compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
for tree in "$old" "$new"; do "$tree/bin/triage" --version >/dev/null; done # builds outside any timing

# run_once TREE: one timed run on a fresh state dir; prints "wall_s rss_mb".
run_once() {
  local tree=$1 state; state=$(mktemp -d "$work/state.XXXXXX")
  "$tree/bin/triage" --state-dir "$state" staff import "$roster" >/dev/null 2>"$work/import.err" \
    || { echo "compare: staff import failed in $tree:" >&2; cat "$work/import.err" >&2; exit 1; }
  local status=0
  /usr/bin/time -f '%e %M' -o "$work/time" "$tree/bin/triage" --state-dir "$state" run "$manifest" \
    >/dev/null 2>"$work/run.err" || status=$?
  if [ "$status" != 0 ]; then
    echo "compare: run failed in $tree (exit $status):" >&2; tail -5 "$work/run.err" >&2; exit 1
  fi
  rm -rf "$state"
  local wall rss; read -r wall rss < <(tail -1 "$work/time")
  echo "$wall $((rss / 1024))"
}

declare -a old_walls=() new_walls=() old_rss=() new_rss=()
for round in $(seq 1 "$rounds"); do
  for side in old new; do
    if [ $side = old ]; then tree=$old; else tree=$new; fi
    read -r wall rss < <(run_once "$tree")
    echo "compare: round $round/$rounds, $side ($tree): ${wall} s, peak RSS ${rss} MB, load $(cut -d' ' -f1 /proc/loadavg)" >&2
    if [ $side = old ]; then old_walls+=("$wall"); old_rss+=("$rss"); else new_walls+=("$wall"); new_rss+=("$rss"); fi
  done
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
join() { local out; printf -v out '%s, ' "$@"; echo "${out%, }"; }
om=$(median "${old_walls[@]}") nm=$(median "${new_walls[@]}")
echo "| build | \`run\` wall s, in round order | median | peak RSS MB |"
echo "|---|---|---:|---|"
echo "| old: $old | $(join "${old_walls[@]}") | $om | $(join "${old_rss[@]}") |"
echo "| new: $new | $(join "${new_walls[@]}") | $nm | $(join "${new_rss[@]}") |"
awk -v o="$om" -v n="$nm" 'BEGIN { printf "\nold ÷ new (medians): %.1f×\n", o / n }'
