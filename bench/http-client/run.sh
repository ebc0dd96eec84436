#!/bin/sh
# Whole-process time of N GETs with each JDK HTTP client, each run in a fresh JVM, against a local JDK
# HttpServer started here. Prints the median, min and max of RUNS runs per mode (after one warm-up run).
# Usage: bench/http-client/run.sh [RUNS] [N]
set -eu
RUNS=${1:-7}
N=${2:-200}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$(mktemp -d)
trap 'kill "$SERVER_PID" 2>/dev/null || true; rm -rf "$OUT"' EXIT

javac -d "$OUT" "$HERE/HttpClientBench.java"
# Without TCP_NODELAY the JDK server and delayed ACKs add ~40 ms to every keep-alive request.
java -Dsun.net.httpserver.nodelay=true -cp "$OUT" HttpClientBench server > "$OUT/port" &
SERVER_PID=$!
while [ ! -s "$OUT/port" ]; do sleep 0.1; done
PORT=$(cat "$OUT/port")

now() { date +%s%N; }

for MODE in hello urlconnection httpclient; do
  java -cp "$OUT" HttpClientBench "$MODE" "$PORT" "$N" 2>/dev/null
  : > "$OUT/times"
  i=0
  while [ "$i" -lt "$RUNS" ]; do
    START=$(now)
    java -cp "$OUT" HttpClientBench "$MODE" "$PORT" "$N" 2>> "$OUT/inprocess"
    END=$(now)
    echo $(( (END - START) / 1000000 )) >> "$OUT/times"
    i=$((i + 1))
  done
  sort -n "$OUT/times" | awk -v mode="$MODE" -v n="$N" '
    { t[NR] = $1 }
    END { printf "%-14s %d GETs: median %d ms, min %d ms, max %d ms (%d runs)\n", mode, (mode == "hello" ? 0 : n), t[int((NR + 1) / 2)], t[1], t[NR], NR }'
done
echo "in-process (first response / all):"
sort "$OUT/inprocess" | awk '{ print "  " $0 }'
