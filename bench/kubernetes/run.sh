#!/usr/bin/env bash
# terminate_pods benchmark: 10,000 pods, 100 matching, with 0 and 10 ms of added latency; bounded concurrent
# deletes vs one by one, on the fabric8 mock and on the benchmark's own API server stand-in
# (ApiServerStandIn.java, benchmark code only). Results go in docs/performance.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -q -o -pl shared -am test-compile
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -q -o -pl shared dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath"
cp="shared/target/classes:shared/target/test-classes:$(cat "$work/classpath")"
javac -d "$work/classes" -cp "$cp" bench/kubernetes/ApiServerStandIn.java bench/kubernetes/TerminatePodsBenchmark.java
# The JDK HttpServer leaves Nagle on unless told: each response (headers, then body) would wait for the
# client's delayed ACK, about 10 ms a request on loopback, which the stand-in must not add.
exec java -Xmx1g -Dsun.net.httpserver.nodelay=true -cp "$work/classes:$cp" TerminatePodsBenchmark "$@"
