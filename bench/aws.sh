#!/usr/bin/env bash
# Breach Triage AWS benchmark: the issue-9 figures that need the AWS wire protocols, in one command.
#   1. RequestCountTest: 10,000 rows through the Lambda handlers on the emulators (fauxqs, dynalite), every
#      SDK call counted per function, the request budgets asserted (reads, writes, SNS).
#   2. bench/cold-start.sh: the score function's first event in a fresh JVM beside a bare hello world, with
#      the classes it loaded.
# bench/run.sh measures the rest (the embedded run, the CLI, memory, Met scale). Prints both tables and
# writes them to bench/out/aws.md; exits non-zero if the request test fails (a budget broken) or either
# part cannot run.
#
# Usage: bench/aws.sh [--help]
# Knobs (environment): AWS_BENCH_COLD=0 skips the cold start; COLD_RUNS (default 5 here) and the other
# COLD_* knobs of bench/cold-start.sh pass through to it.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)

case "${1:-}" in
  -h|--help)
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 0 ;;
  "") ;;
  *)
    echo "aws.sh: unexpected argument '$1' (it takes none; see bench/aws.sh --help)" >&2
    exit 2 ;;
esac

. "$root/bin/java-env"
cd "$root"
out=$root/bench/out
mkdir -p "$out"
say() { echo "aws-bench: $*" >&2; }
report=$out/aws.md
log=$out/aws-request-count.log
started=$(date +%s)
say "load before: $(uptime)"

# The emulators are npm packages (infra/local); the test starts and stops them as processes.
if [ ! -d "$root/infra/local/node_modules" ]; then
  say "installing the emulators (npm ci in infra/local)..."
  npm ci --prefix "$root/infra/local" --no-audit --no-fund >&2
fi

say "1/2 RequestCountTest (10,000 rows on fauxqs and dynalite; about 1.5 min)..."
test_args=(-B test -pl functions -am -Dtriage.excludedGroups=none -Dgroups=requestCount -Dtest=RequestCountTest
  -Dsurefire.failIfNoSpecifiedTests=false)
# Offline first (a machine that has run bin/test has every artifact); online only if that fails to resolve.
if ! mvn -o "${test_args[@]}" >"$log" 2>&1; then
  if grep -q "Tests run:.*Failures: [1-9]\|Tests run:.*Errors: [1-9]" "$log"; then
    say "RequestCountTest failed (a request budget broken?); its output: $log"
    grep -A3 "FAIL\|AssertionFailedError\|expected" "$log" | head -40 >&2 || true
    exit 1
  fi
  mvn "${test_args[@]}" >"$log" 2>&1 || { say "RequestCountTest could not run; its output: $log"; tail -30 "$log" >&2; exit 1; }
fi
# The test prints its table to standard output, which surefire keeps in the build log: from its heading
# ("Request counts, ...") to the emulator fallbacks' line, and the re-delivery line if there is one.
table=$(awk '/^Request counts, /{on=1} on && fb { if (/^re-delivering/) print; exit } on { print }
  on && /^of which emulator fallbacks/ { fb=1 }' "$log")
if [ -z "$table" ]; then
  say "RequestCountTest passed but printed no table; its output: $log"
  exit 1
fi

cold=""
if [ "${AWS_BENCH_COLD:-1}" != 0 ]; then
  say "2/2 bench/cold-start.sh (COLD_RUNS=${COLD_RUNS:-5})..."
  COLD_RUNS=${COLD_RUNS:-5} bash "$root/bench/cold-start.sh" >"$out/aws-cold-start.log" 2>&1 \
    || { say "bench/cold-start.sh failed; its output: $out/aws-cold-start.log"; tail -20 "$out/aws-cold-start.log" >&2; exit 1; }
  cold=$(cat "$out/cold-start.md")
fi

{
  echo "# AWS figures ($(date -u +%Y-%m-%dT%H:%MZ), $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo 'no git'))"
  echo
  echo "## Requests: 10,000 rows on the emulators (RequestCountTest; its budgets asserted, so this table exists only if they hold)"
  echo
  echo '```'
  echo "$table"
  echo '```'
  if [ -n "$cold" ]; then
    echo
    echo "## Cold start (bench/cold-start.sh)"
    echo
    echo "$cold"
  fi
  echo
  echo "bench/aws.sh as a whole: load average at the end $(cut -d' ' -f1-3 /proc/loadavg); took $(( $(date +%s) - started )) s."
} | tee "$report"
say "written to $report"
