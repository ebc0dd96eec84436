#!/usr/bin/env bash
# Cold start of every handler through the Lambda Runtime Interface Client 2.10.1 (a new JVM per measurement)
# against a local Runtime API stand-in, next to a hello-world handler, in interleaved rounds. See ColdStart.java.
#
# Prerequisites: a JDK 17+ and node on PATH; functions/target/chaosfn.jar built (mvn -o -q install -DskipTests);
# infrastructure/local/node_modules installed (npm ci, which the Maven build runs). The runtime client is fetched
# into the local Maven repository with `mvn dependency:get` (it is no dependency of the project).
#
# Usage: bench/coldstart/run.sh [ROUNDS]   (ROUNDS >= 5, default 7)
set -euo pipefail
ROUNDS=${1:-7}
if (( ROUNDS < 5 )); then
  echo "ROUNDS must be at least 5" >&2
  exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$ROOT/functions/target/chaosfn.jar
DYNALITE=$ROOT/infrastructure/local/target/chaosfn-local-dynamodb-0.1.0.jar
for built in "$JAR" "$DYNALITE"; do
  [[ -f $built ]] || { echo "missing $built: run mvn -o -q install -DskipTests first" >&2; exit 1; }
done
REPO=${MAVEN_REPOSITORY:-$HOME/.m2/repository}   # override when settings.xml moves it
jar_of() { # group artifact version
  local path="$REPO/${1//.//}/$2/$3/$2-$3.jar"
  [[ -f $path ]] || mvn -B -q dependency:get -Dartifact="$1:$2:$3" -Dtransitive=false >&2
  echo "$path"
}
RIC=$(jar_of com.amazonaws aws-lambda-java-runtime-interface-client 2.10.1)
SERIALIZATION=$(jar_of com.amazonaws aws-lambda-java-serialization 1.2.0)
CORE=$(jar_of com.amazonaws aws-lambda-java-core 1.4.0)
UTILS=$(jar_of software.amazon.awssdk utils-lite 2.34.0)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

javac -d "$OUT/classes" -cp "$CORE:$JAR:$DYNALITE" "$HERE/HelloHandler.java" "$HERE/ColdStart.java"
java -cp "$JAR:$DYNALITE:$OUT/classes" ColdStart "$ROUNDS" "$ROOT" "$RIC:$SERIALIZATION" \
  "$RIC:$SERIALIZATION:$CORE:$UTILS" "$OUT/classes"
