#!/usr/bin/env bash
# terminate_pods benchmark: 10,000 pods, 100 matching, on the fabric8 mock API server with 0 and 10 ms of
# added latency; bounded concurrent deletes vs one by one. Results go in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl shared test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx1g -cp "shared/target/test-classes:shared/target/classes:$(cat shared/target/bench-classpath.txt)" \
  io.chaosfn.kubernetes.bench.TerminatePodsBenchmark
