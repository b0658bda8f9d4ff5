# The bench's build step, shared by bench/run.sh and bench/persons-in-heap.sh (sourced, not run).

# bench_classpath ROOT: builds core, samples, embedded and bench when the classes are missing or older than
# their sources (or BENCH_REBUILD=1), with package, never install (~/.m2 is shared), then prints the class path
# a bench JVM runs on.
bench_classpath() {
  local root=$1 cpfile=$1/bench/target/classpath.txt
  if [ "${BENCH_REBUILD:-0}" = 1 ] || [ ! -f "$cpfile" ] || [ -n "$(find "$root/pom.xml" "$root"/{core,samples,embedded,bench}/pom.xml \
      "$root"/{core,samples,embedded,bench}/src/main -newer "$cpfile" -type f -print -quit 2>/dev/null)" ]; then
    echo "bench: building core, samples, embedded and bench (mvn package)..." >&2
    (cd "$root" && mvn -q -B -DskipTests package -pl bench -am >&2)
  fi
  echo "$root/bench/target/classes:$(cat "$cpfile")"
}
