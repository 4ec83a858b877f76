#!/usr/bin/env bash
# Runs both benchmarks and puts their figures into docs/benchmarks.md, between the markers
# <!-- startup:begin --> … <!-- startup:end --> and <!-- search:begin --> … <!-- search:end -->; the text around
# the markers (what the figures mean, what to do about a missed target) is kept as written; likewise
# <!-- inventory:begin --> … <!-- inventory:end --> for bench/inventory.sh and <!-- policy:begin --> … <!-- policy:end -->
# for bench/policy.sh, <!-- agents:begin --> … <!-- agents:end --> for bench/agents.sh,
# <!-- helpdesk:begin --> … <!-- helpdesk:end --> for bench/helpdesk.sh, <!-- learning:begin --> …
# <!-- learning:end --> for bench/learning.sh, <!-- knowledge:begin --> … <!-- knowledge:end --> for bench/knowledge.sh
# and <!-- lending:begin --> … <!-- lending:end --> for bench/lending.sh.
# Usage: bench/run-all.sh [startup-runs] [search-requests-per-term] [inventory-requests-per-term] [policy-requests]
#        [agents-known-machines] [agents-mix] [helpdesk-requests-per-filter] [knowledge-requests-per-term]
#        [lending-week-requests]
source "$(dirname "$0")/lib.sh"
"$ROOT/bench/search.sh" "${2:-100}" >/dev/null
"$ROOT/bench/startup.sh" "${1:-3}" >/dev/null
"$ROOT/bench/inventory.sh" "${3:-50}" >/dev/null
"$ROOT/bench/policy.sh" "${4:-30}" >/dev/null
"$ROOT/bench/agents.sh" "${5:-1000}" "${6:-2000}" 3 >/dev/null
"$ROOT/bench/helpdesk.sh" "${7:-60}" >/dev/null
"$ROOT/bench/learning.sh" >/dev/null
"$ROOT/bench/knowledge.sh" "${8:-50}" >/dev/null
"$ROOT/bench/lending.sh" "${9:-100}" >/dev/null
splice() { # $1 marker name, $2 file with the new content
  awk -v name="$1" -v file="$2" '
    $0 == "<!-- " name ":begin -->" { print; while ((getline line < file) > 0) print line; skip = 1; next }
    $0 == "<!-- " name ":end -->" { skip = 0 }
    !skip { print }' "$ROOT/docs/benchmarks.md" >"$RESULTS/benchmarks.md.new"
  mv "$RESULTS/benchmarks.md.new" "$ROOT/docs/benchmarks.md"
}
splice startup "$RESULTS/startup.md"
splice search "$RESULTS/search.md"
splice inventory "$RESULTS/inventory.md"
splice policy "$RESULTS/policy.md"
splice agents "$RESULTS/agents.md"
splice helpdesk "$RESULTS/helpdesk.md"
splice learning "$RESULTS/learning.md"
splice knowledge "$RESULTS/knowledge.md"
splice lending "$RESULTS/lending.md"
echo "docs/benchmarks.md updated" >&2
