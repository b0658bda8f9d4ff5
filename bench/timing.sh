# Timing helpers shared by bench/cli.sh and bench/compare.sh (sourced, not run).

# measure OUT -- CMD...: runs CMD with GNU time; appends "wall_s rss_kb exit" to OUT. CMD's standard error
# goes to OUT.err (the last command's only), so a caller can say why a run failed.
measure() {
  local out=$1; shift; shift
  local t; t=$(mktemp)
  local status=0
  /usr/bin/time -f '%e %M' -o "$t" "$@" >/dev/null 2>"$out.err" || status=$?
  echo "$(tail -1 "$t") $status" >> "$out"
  rm -f "$t"
}

# median: the median of the numbers on standard input, one a line.
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
