#!/usr/bin/env bash
# Builds chaosfn and plays the seed story on this machine (see README.md next to this file).
# Needs Java 17, Maven and Node.js; exits 0 when the story came out as expected.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -B -q package -DskipTests
if [ ! -d infrastructure/local/node_modules ]; then
  (cd infrastructure/local && npm ci --no-audit --no-fund)
fi
exec java -jar sandbox/target/chaosfn-sandbox.jar
