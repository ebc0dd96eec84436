#!/usr/bin/env bash
# Whole-process wall time, CPU time and peak RSS of `chaosfn run` on 200-probe experiments, against baselines
# measured in the same round, then the engine's in-process overhead per activity. The baselines:
#   hello          a JVM hello world;
#   jdk-get200     200 GETs through HttpURLConnection in a fresh JVM (bench/http-client), the floor of the http run;
#   jdk-spawn200   200 runs of `true`, output read, in a fresh JVM with the launcher's flags (Spawn.java), the floor
#                  of the process run;
#   py-http200     the I/O alone of Chaos Toolkit's http200 run: 200 requests.get, a new Session each;
#   py-process200  the I/O alone of its process200 run: 200 subprocess.run(["true"]) with captured output.
# The two py-* rows are a lower bound of the reference's own time on this machine now (bench/cli/reference_io.py).
#
# Prerequisites: a JDK 17 (java, javac) on PATH, GNU time at /usr/bin/time (Debian package `time`), and
# functions/target/chaosfn.jar built (`mvn -o -q install -DskipTests`; `package` also builds the AppCDS archive
# bin/chaosfn uses). Optional: PYTHON (default python3) with the requests package for the py-* rows, which are
# left out without it; BASELINE, another checkout of chaosfn with its jar built, whose bin/chaosfn runs the same
# experiments in the same rounds (rows base-*), to measure a change. The script installs nothing.
#
# Usage: bench/cli/run.sh [RUNS]   (RUNS >= 7, default 9; commands are interleaved round-robin so a burst of load
# from other processes spreads over all of them instead of skewing one)
set -euo pipefail
RUNS=${1:-9}
if (( RUNS < 7 )); then
  echo "RUNS must be at least 7" >&2
  exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$ROOT/functions/target/chaosfn.jar
[[ -f $JAR ]] || { echo "missing $JAR: run mvn -o -q install -DskipTests first" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "missing /usr/bin/time (apt-get install time)" >&2; exit 1; }
OUT=$(mktemp -d)
SERVER_PID=
trap '[[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$OUT"' EXIT

javac -d "$OUT/classes" "$HERE/Hello.java" "$HERE/Spawn.java" "$HERE/BenchServer.java" "$HERE/../http-client/HttpClientBench.java"
javac -cp "$JAR" -d "$OUT/classes" "$HERE/EngineOverhead.java"
java -Dsun.net.httpserver.nodelay=true -cp "$OUT/classes" BenchServer > "$OUT/port" &
SERVER_PID=$!
while [[ ! -s $OUT/port ]]; do sleep 0.1; done
PORT=$(cat "$OUT/port")

"$HERE/experiments.sh" "$OUT" "http://127.0.0.1:$PORT/health"

declare -A COMMANDS=(
  [hello]="java -cp $OUT/classes Hello"
  [jar-empty]="java -jar $JAR run --journal-path $OUT/journal.json --store dir:$OUT/store $OUT/empty.json"
  [jar-http200]="java -jar $JAR run --journal-path $OUT/journal.json --store dir:$OUT/store $OUT/http200.json"
  [jar-process200]="java -jar $JAR run --journal-path $OUT/journal.json --store dir:$OUT/store $OUT/process200.json"
  [bin-empty]="$ROOT/bin/chaosfn run --journal-path $OUT/journal.json --store dir:$OUT/store $OUT/empty.json"
  [bin-http200]="$ROOT/bin/chaosfn run --journal-path $OUT/journal.json --store dir:$OUT/store $OUT/http200.json"
  [bin-process200]="$ROOT/bin/chaosfn run --journal-path $OUT/journal.json --store dir:$OUT/store $OUT/process200.json"
)
ORDER=(hello jdk-get200 jdk-spawn200 jar-empty jar-http200 jar-process200 bin-empty bin-http200 bin-process200)
COMMANDS[jdk-get200]="java -cp $OUT/classes HttpClientBench urlconnection $PORT 200"
COMMANDS[jdk-spawn200]="java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData \
  -Djdk.lang.Process.launchMechanism=VFORK -cp $OUT/classes Spawn 200"
if [[ -n ${BASELINE:-} ]]; then
  for kind in empty http200 process200; do
    COMMANDS[base-$kind]="$BASELINE/bin/chaosfn run --journal-path $OUT/journal.json --store dir:$OUT/store $OUT/$kind.json"
    ORDER+=("base-$kind")
  done
fi
# The interpreter itself, not a version manager's shim in front of it (pyenv's adds ~0.3 s to every start).
if PY=$("${PYTHON:-python3}" -c 'import requests, sys; print(sys.executable)' 2> /dev/null); then
  COMMANDS[py-http200]="$PY $HERE/reference_io.py http 200 http://127.0.0.1:$PORT/health"
  COMMANDS[py-process200]="$PY $HERE/reference_io.py process 200"
  ORDER+=(py-http200 py-process200)
else
  echo "no ${PYTHON:-python3} with requests: the py-* baselines are left out" >&2
fi

# One measurement: wall ms (date around the command), user+sys ms and peak RSS KiB (GNU time).
measure() {
  local name=$1 start end
  start=$(date +%s%N)
  # shellcheck disable=SC2086 # the command lines above are word-split on purpose
  if ! /usr/bin/time -o "$OUT/time" -f "%U %S %M" ${COMMANDS[$name]} > /dev/null 2> "$OUT/stderr"; then
    echo "$name failed:" >&2
    cat "$OUT/stderr" >&2
    exit 1
  fi
  end=$(date +%s%N)
  awk -v wall=$(( (end - start) / 1000000 )) '{ printf "%d %d %d\n", wall, ($1 + $2) * 1000, $3 }' "$OUT/time" \
    >> "$OUT/$name.times"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in "${ORDER[@]}"; do measure "$name"; : > "$OUT/$name.times"; done  # one warm-up each
for (( i = 0; i < RUNS; i++ )); do
  for name in "${ORDER[@]}"; do measure "$name"; done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
HELLO_WALL=$(cut -d' ' -f1 "$OUT/hello.times" | median)
HELLO_RSS=$(cut -d' ' -f3 "$OUT/hello.times" | median)
printf "\n%-15s %22s %10s %20s %10s\n" "command" "wall ms med (min-max)" "x hello" "cpu ms med" "RSS MiB"
for name in "${ORDER[@]}"; do
  wall=$(cut -d' ' -f1 "$OUT/$name.times" | median)
  min=$(cut -d' ' -f1 "$OUT/$name.times" | sort -n | head -1)
  max=$(cut -d' ' -f1 "$OUT/$name.times" | sort -n | tail -1)
  cpu=$(cut -d' ' -f2 "$OUT/$name.times" | median)
  rss=$(cut -d' ' -f3 "$OUT/$name.times" | median)
  awk -v n="$name" -v w="$wall" -v lo="$min" -v hi="$max" -v h="$HELLO_WALL" -v c="$cpu" -v r="$rss" \
    'BEGIN { printf "%-15s %8d (%5d-%5d) %9.1fx %20d %10.1f\n", n, w, lo, hi, w / h, c, r / 1024 }'
done
echo "(${RUNS} runs each; hello-world peak RSS $(awk -v r="$HELLO_RSS" 'BEGIN { printf "%.1f", r / 1024 }') MiB)"
for launcher in jar bin; do
  empty=$(cut -d' ' -f1 "$OUT/$launcher-empty.times" | median)
  for kind in http200 process200; do
    full=$(cut -d' ' -f1 "$OUT/$launcher-$kind.times" | median)
    awk -v l="$launcher" -v k="${kind%200}" -v f="$full" -v e="$empty" \
      'BEGIN { printf "%s: whole-process cost per %s probe (median 200-probe run - median empty run) / 200 = %.2f ms\n", l, k, (f - e) / 200 }'
  done
done

for pair in http200:jdk-get200 process200:jdk-spawn200; do
  ours=$(cut -d' ' -f1 "$OUT/bin-${pair%%:*}.times" | median)
  floor=$(cut -d' ' -f1 "$OUT/${pair#*:}.times" | median)
  awk -v k="${pair%%:*}" -v f="${pair#*:}" -v o="$ours" -v b="$floor" \
    'BEGIN { printf "bin/chaosfn %s / %s (the same I/O in a bare JVM) = %.2f\n", k, f, o / b }'
done
if [[ -s $OUT/py-http200.times ]]; then
  for kind in http200 process200; do
    ours=$(cut -d' ' -f1 "$OUT/bin-$kind.times" | median)
    io=$(cut -d' ' -f1 "$OUT/py-$kind.times" | median)
    awk -v k="$kind" -v o="$ours" -v p="$io" \
      'BEGIN { printf "bin/chaosfn %s / Chaos Toolkit I/O alone (a lower bound of the reference now) = %.2f\n", k, o / p }'
  done
fi

echo
echo "engine overhead, in-process (java -cp chaosfn.jar EngineOverhead):"
java -cp "$JAR:$OUT/classes" EngineOverhead
