#!/usr/bin/env bash
# Writes the CLI benchmark's experiments into DIR: http200.json (200 GET probes against URL), process200.json
# (200 probes running `true`) and empty.json (an empty method: start-up, loading, journal and store only).
# Usage: bench/cli/experiments.sh DIR URL
set -euo pipefail
DIR=$1
URL=$2
PROBES=200

# experiment NAME TITLE PROVIDER_JSON COUNT
experiment() {
  local file=$DIR/$1.json title=$2 provider=$3 count=$4 i
  {
    printf '{"title": "%s", "description": "chaosfn CLI benchmark", "method": [' "$title"
    for (( i = 0; i < count; i++ )); do
      (( i > 0 )) && printf ','
      printf '\n  {"type": "probe", "name": "probe-%d", "provider": %s}' "$i" "$provider"
    done
    printf '\n]}\n'
  } > "$file"
}

mkdir -p "$DIR"
experiment http200 "$PROBES http probes" "{\"type\": \"http\", \"url\": \"$URL\", \"timeout\": 3}" "$PROBES"
experiment process200 "$PROBES process probes" '{"type": "process", "path": "true"}' "$PROBES"
experiment empty "an empty method" '{}' 0
