#!/usr/bin/env bash
# The helpdesk queue on PostgreSQL with 500,000 tickets (five years of a school group of 60 schools; bench-01 has
# 50,000): the first page (50 rows, count included) of the queue's filters, asked many times over HTTP of the running
# app (java -Xmx256m -jar) with a personal API token of a central admin. Target: p95 <= 50 ms server time. Also the
# ticket page (target <= 30 ms) and EXPLAIN (ANALYZE, BUFFERS) of the queue's statements exactly as the app sends them.
# Writes $RESULTS/helpdesk.md. Usage: bench/helpdesk.sh [requests-per-filter]   (PGPORT, PORT, RESULTS may be set)
source "$(dirname "$0")/lib.sh"
PER=${1:-100}
PGPORT=${PGPORT:-15434}
PORT=${PORT:-18184}
BASE=http://127.0.0.1:$PORT
WORK=${WORK:-/tmp/spil-bench-helpdesk}
OUT=$RESULTS/helpdesk.md
ADMIN=bench-admin@spil.example
PASSWORD=Bench-Wachtwoord-2026-xyz
TOKEN=spil_bench-token-$(date +%s%N)
ACTUATOR_TOKEN=bench-metrics-$(date +%s%N)
machine_line=$(machine)

start_postgres
start_spil 600
healthy=$HEALTHY
echo "app healthy on PostgreSQL $PGVERSION after $healthy ms" >&2

gen_start=$(now_ms)
usql -f "$ROOT/bench/people.sql" >"$WORK/gen.log"
usql -v admin="$ADMIN" -f "$ROOT/bench/tickets.sql" >>"$WORK/gen.log"
sql -U postgres -d spil -c "vacuum analyze"
gen_ms=$(( $(now_ms) - gen_start ))
make_token
counts=$(usql -Atc "select count(*), count(*) filter (where status not in ('RESOLVED','CLOSED')),
  (select count(*) from ticket t join school s on s.id = t.school_id where s.code = 'bench-01'),
  (select count(*) from ticket t join school s on s.id = t.school_id where s.code = 'bench-01' and status not in ('RESOLVED','CLOSED')),
  pg_size_pretty(pg_total_relation_size('ticket')) from ticket")
category=$(usql -Atc "select min(id) + 2 from ticket_category")
last=$(usql -Atc "select max(number) from ticket t join school s on s.id = t.school_id where s.code = 'bench-01'")
AUTH=(-H "Authorization: Bearer $TOKEN")
Q=$BASE/api/v1/schools/bench-01/tickets
FILTERS=("open queue, newest first|$Q"
  "assigned to me|$Q?assignee=me"
  "unassigned|$Q?assignee=none"
  "overdue, due first|$Q?overdue=true&sort=due,asc"
  "one category, open|$Q?category=$category"
  "priority high, open|$Q?priority=HIGH"
  "all statuses, newest first|$Q?all=true"
  "all statuses, page 100|$Q?all=true&page=100"
  "text 'digibord', all statuses|$Q?all=true&q=digibord"
  "ticket by number|$Q?q=%23$((last - 7))"
  "ticket page|$Q/$last"
  "group queue (60 schools), open, newest first|$BASE/api/v1/tickets"
  "group queue, overdue, due first|$BASE/api/v1/tickets?overdue=true&sort=due,asc"
  "group queue, one school|$BASE/api/v1/tickets?school=bench-01")

batch() { # N requests of one URL over one keep-alive connection; prints "code seconds" lines
  local url=$1 n=$2 args=()
  for _ in $(seq 1 "$n"); do args+=(-o /dev/null "$url"); done
  curl -s "${AUTH[@]}" -w '%{http_code} %{time_starttransfer}\n' "${args[@]}"
}
stats() { sort -n | awk '{ v[NR] = $1 * 1000 } END { if (NR == 0) { print "- - -"; exit }
    i50 = int(NR * 0.50 + 0.999); i95 = int(NR * 0.95 + 0.999); printf "%.1f %.1f %.1f\n", v[i50], v[i95], v[NR] }'; }
metric() { # count and sum of the server-side timer of the two ticket handlers (200 answers)
  curl -s -H "Authorization: Bearer $ACTUATOR_TOKEN" "$BASE/actuator/prometheus" \
    | grep '^http_server_requests_seconds' | grep 'status="200"' | grep -E 'uri="/api/v1/(schools/\{code\}/)?tickets' \
    | awk '/_count/ { c += $NF } /_sum/ { s += $NF } END { printf "%s %s\n", c + 0, s + 0 }'
}

measure() { # $1 title; appends rows to $WORK/measure.md
  local entry name url c0 s0 c1 s1 p50 p95 max bad load
  for entry in "${FILTERS[@]}"; do batch "${entry#*|}" 10 >/dev/null; done
  load=$(load1)
  {
    echo "#### $1"
    echo
    echo "Load average when measuring: $load."
    echo
    echo "| filter (bench-01 unless named) | requests | p50 (ms) | p95 (ms) | max (ms) | server mean (ms) | not 200 |"
    echo "|---|---|---|---|---|---|---|"
  } >>"$WORK/measure.md"
  for entry in "${FILTERS[@]}"; do
    name=${entry%%|*}; url=${entry#*|}
    read -r c0 s0 < <(metric)
    batch "$url" "$PER" >"$WORK/one.txt"
    read -r c1 s1 < <(metric)
    bad=$(awk '$1 != 200' "$WORK/one.txt" | wc -l)
    read -r p50 p95 max < <(awk '{ print $2 }' "$WORK/one.txt" | stats)
    echo "| $name | $PER | $p50 | **$p95** | $max | $(awk -v c0="$c0" -v s0="$s0" -v c1="$c1" -v s1="$s1" \
      'BEGIN { if (c1 > c0) printf "%.1f", (s1 - s0) / (c1 - c0) * 1000; else print "-" }') | $bad |" >>"$WORK/measure.md"
  done
  echo >>"$WORK/measure.md"
}

: >"$WORK/measure.md"
measure "Run 1"
measure "Run 2"
measure "Run 3"

# --- the queue's statements as the app sends them, then EXPLAIN (ANALYZE, BUFFERS) ---
sql -U postgres -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
sleep 0.5
curl -s "${AUTH[@]}" -o /dev/null "$Q"
curl -s "${AUTH[@]}" -o /dev/null "$Q?assignee=none"
curl -s "${AUTH[@]}" -o /dev/null "$Q?overdue=true&sort=due,asc"
curl -s "${AUTH[@]}" -o /dev/null "$Q?all=true&q=digibord"
sleep 0.5
sql -U postgres -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
explain_of() { # $1: a fragment of the statement's first line, $2: which match from the end (1 = last)
  local found stmt params
  found=$(awk -v frag="$1" '
    /execute [^:]*: / { cap = index($0, frag) > 0; if (cap) { sub(/^.*execute [^:]*: /, ""); stmt = $0 }; next }
    cap && /DETAIL:  Parameters:/ { sub(/^.*Parameters: /, ""); gsub(/\$[0-9]+ = /, ""); print stmt "\t" $0; cap = 0; next }
    cap && /^[0-9][0-9][0-9][0-9]-/ { cap = 0 }
    cap { sub(/^[ \t]+/, " "); stmt = stmt $0 }
  ' "$WORK/pg.log" | tail -"${2:-1}" | head -1)
  stmt=${found%%$'\t'*}; params=${found#*$'\t'}
  echo "Statement: \`$stmt\`"
  echo
  echo "Parameters: \`$params\`"
  echo
  for mode in force_custom_plan force_generic_plan; do
    echo "Plan with \`plan_cache_mode = $mode\`:"
    echo
    echo '```'
    PGPASSWORD=spil-bench psql -h 127.0.0.1 -p "$PGPORT" -U spil -d spil -qAt <<SQL
set plan_cache_mode = $mode;
prepare q as $stmt;
\\o /dev/null
execute q($params);
\\o
explain (analyze, buffers) execute q($params);
SQL
    echo '```'
    echo
  done
}
open_count=$(explain_of "select count(*) from (select 1 from ticket t" 4)
open_page=$(explain_of "select s.code as school_code, t.number" 4)
unassigned_page=$(explain_of "select s.code as school_code, t.number" 3)
overdue_page=$(explain_of "select s.code as school_code, t.number" 2)
text_count=$(explain_of "select count(*) from (select 1 from ticket t" 1)
text_page=$(explain_of "select s.code as school_code, t.number" 1)

{
  echo "Ran \`bench/helpdesk.sh $PER\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $machine_line."
  echo
  echo "PostgreSQL $PGVERSION on 127.0.0.1 (default settings); the app with \`java -Xmx256m -jar\` (healthy after"
  echo "$(awk -v m="$healthy" 'BEGIN{printf "%.1f", m/1000}') s). Data by \`bench/people.sql\` and \`bench/tickets.sql\` in $(awk -v m="$gen_ms" 'BEGIN{printf "%.1f", m/1000}') s: tickets, open ones,"
  echo "bench-01's tickets, bench-01's open ones, size of the ticket table with its indexes = \`$counts\`."
  echo
  echo "Each request: \`GET /api/v1/schools/bench-01/tickets?…\` (first page, 50 rows, with the count capped at 5,001) or"
  echo "\`GET …/tickets/{number}\` with a central admin's API token over a keep-alive connection; p50/p95/max are curl's"
  echo "\`time_starttransfer\`, \"server mean\" is Micrometer's \`http.server.requests\` timer over the same requests."
  echo "Three runs one after the other, each after a warm-up of 10 requests per filter."
  echo
  cat "$WORK/measure.md"
  echo "### The statements as the app sends them"
  echo
  echo "#### Open queue: the count"
  echo
  echo "$open_count"
  echo "#### Open queue: the page"
  echo
  echo "$open_page"
  echo "#### Unassigned: the page"
  echo
  echo "$unassigned_page"
  echo "#### Overdue, due first: the page"
  echo
  echo "$overdue_page"
  echo "#### Free text 'digibord', all statuses: the count"
  echo
  echo "$text_count"
  echo "#### Free text 'digibord', all statuses: the page"
  echo
  echo "$text_page"
} >"$OUT"
cat "$OUT"
