#!/usr/bin/env bash
# Issue 4 item 11(a): the journal store listing benchmark on dynalite (not a test; results in docs/performance.md).
# Usage: bench/store/run.sh [runs=100000] [experiments=5] [repetitions=200]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -q -o -pl shared -am test-compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -q -o -pl shared dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec java -Xmx1g -Dchaosfn.root="$root" \
  -cp "shared/target/classes:shared/target/test-classes:$(cat "$cp_file")" \
  bench/store/StoreListingBenchmark.java "$@"
