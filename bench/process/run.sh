#!/bin/sh
# Milliseconds per process probe (`/usr/bin/true`): the OS floor, the old thread-per-stream capture and the
# process provider itself, interleaved in one JVM with the CLI launcher's flags.
# Prerequisites: JDK 17 on PATH and functions/target/chaosfn.jar built (mvn -o -q install -DskipTests).
# Usage: bench/process/run.sh [ROUNDS] [PROBES]   (defaults 9 and 200)
set -eu
ROUNDS=${1:-9}
PROBES=${2:-200}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=$HERE/../../functions/target/chaosfn.jar
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
javac -cp "$JAR" -d "$OUT" "$HERE/ProcessProbeBenchmark.java"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djdk.lang.Process.launchMechanism=VFORK \
  -cp "$JAR:$OUT" ProcessProbeBenchmark "$ROUNDS" "$PROBES"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
