#!/usr/bin/env bash
# People search on PostgreSQL with 30,000 people over 60 schools: the first page (50 rows) of a text search, asked
# many times over HTTP of the running app (java -Xmx256m -jar), with a personal API token. Target: p95 <= 50 ms
# server time. Also EXPLAIN (ANALYZE, BUFFERS) of the search statements exactly as the app sends them (taken from
# PostgreSQL's statement log), with the custom and the generic plan.
# PostgreSQL: the zonky 17 binaries from ~/.m2 (the major documented for production) or else the system's
# (Debian's postgresql package, installed when missing), run on 127.0.0.1 as the postgres user.
# Writes $RESULTS/search.md. Usage: bench/search.sh [requests-per-term]   (PGPORT, PORT, RESULTS may be set)
source "$(dirname "$0")/lib.sh"
PER_TERM=${1:-100}
PGPORT=${PGPORT:-15432}
PORT=${PORT:-18081}
BASE=http://127.0.0.1:$PORT
WORK=${WORK:-/tmp/spil-bench-pg}
OUT=$RESULTS/search.md
ADMIN=bench-admin@spil.example
PASSWORD=Bench-Wachtwoord-2026-xyz
TOKEN=spil_bench-token-$(date +%s%N)
ACTUATOR_TOKEN=bench-metrics-$(date +%s%N)
machine_line=$(machine)

# --- PostgreSQL (a database owned by the application's user, who creates pg_trgm itself) and the app ---
start_postgres
start_app() { start_spil 180; }
start_app
healthy=$HEALTHY
echo "app healthy on PostgreSQL $PGVERSION after $healthy ms" >&2

# --- data and a token ---
gen_start=$(now_ms)
PGPASSWORD=spil-bench sql -U spil -d spil -f "$ROOT/bench/people.sql" >"$WORK/gen.log"
sql -U postgres -d spil -c "vacuum analyze"
gen_ms=$(( $(now_ms) - gen_start ))
make_token
counts=$(PGPASSWORD=spil-bench sql -U spil -d spil -Atc "select (select count(*) from person), (select count(*) from school),
  (select count(*) from membership), (select count(*) from class_group), pg_size_pretty(pg_total_relation_size('person'))")

TERMS=(peet janss van "de s" lotte emma maes yilmaz 5a an "bench-07.example" zzzz)
AUTH=(-H "Authorization: Bearer $TOKEN")

# sends N searches for a term (each to a random school) over one keep-alive connection; prints "code seconds" lines
batch() {
  local term=$1 n=$2 args=() enc
  enc=$(printf '%s' "$term" | sed 's/ /%20/g')
  for _ in $(seq 1 "$n"); do
    args+=(-o /dev/null "$BASE/api/v1/schools/bench-$(printf '%02d' $(( RANDOM % 60 + 1 )))/people?q=$enc")
  done
  curl -s "${AUTH[@]}" -w '%{http_code} %{time_starttransfer}\n' "${args[@]}"
}
stats() { # stdin: seconds; prints p50 p95 max in ms
  sort -n | awk '{ v[NR] = $1 * 1000 } END { if (NR == 0) { print "- - -"; exit }
    i50 = int(NR * 0.50 + 0.999); i95 = int(NR * 0.95 + 0.999); printf "%.1f %.1f %.1f\n", v[i50], v[i95], v[NR] }'
}
metric() { # server-side timer of the people list for 200 answers: count sum max p50 p95
  curl -s -H "Authorization: Bearer $ACTUATOR_TOKEN" "$BASE/actuator/prometheus" \
    | grep '^http_server_requests_seconds' | grep 'method="GET"' | grep 'status="200"' | grep 'uri="/api/v1/schools/{code}/people"' \
    | awk '/_count/ { c = $NF } /_sum/ { s = $NF } /_max/ { m = $NF } /quantile="0.5"/ { p50 = $NF } /quantile="0.95"/ { p95 = $NF }
           END { printf "%s %s %s %s %s\n", c, s, m, p50, p95 }'
}

ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
# CPU seconds used so far by PostgreSQL: the postmaster and all its children (the pool's backends stay alive)
pg_cpu_s() {
  local pm
  pm=$(head -1 "$WORK/data/postmaster.pid")
  { cat "/proc/$pm/stat"; for c in $(pgrep -P "$pm"); do cat "/proc/$c/stat" 2>/dev/null || true; done; } \
    | awk -v t="$(getconf CLK_TCK)" '{ s += $14 + $15 } END { printf "%.2f", s / t }'
}

# Measures every term against the running app; appends a section to $WORK/measure.md.
measure() {
  local title=$1 c0 s0 c1 s1 m1 sp50 sp95 ap50 ap95 amax n load rows=() term bad p50 p95 max total server_mean
  for term in "${TERMS[@]}"; do batch "$term" 20 >/dev/null; done   # warm-up: JIT, connection pool, PostgreSQL caches
  read -r c0 s0 _ < <(metric)
  local app0 pg0 app_ms pg_ms
  app0=$(cpu_s "$APP"); pg0=$(pg_cpu_s)
  : >"$WORK/all.txt"
  load=$(load1)
  for term in "${TERMS[@]}"; do
    batch "$term" "$PER_TERM" >"$WORK/term.txt"
    bad=$(awk '$1 != 200' "$WORK/term.txt" | wc -l)
    read -r p50 p95 max < <(awk '{ print $2 }' "$WORK/term.txt" | stats)
    total=$(curl -s "${AUTH[@]}" "$BASE/api/v1/schools/bench-07/people?q=$(printf '%s' "$term" | sed 's/ /%20/g')" | grep -o '"total":[0-9]*' | cut -d: -f2)
    rows+=("| \`$term\` | $total | $PER_TERM | $p50 | $p95 | $max | $bad |")
    cat "$WORK/term.txt" >>"$WORK/all.txt"
  done
  read -r c1 s1 m1 sp50 sp95 < <(metric)
  app_ms=$(awk -v a="$app0" -v b="$(cpu_s "$APP")" -v n="$(wc -l <"$WORK/all.txt")" 'BEGIN { printf "%.1f", (b - a) * 1000 / n }')
  pg_ms=$(awk -v a="$pg0" -v b="$(pg_cpu_s)" -v n="$(wc -l <"$WORK/all.txt")" 'BEGIN { printf "%.1f", (b - a) * 1000 / n }')
  read -r ap50 ap95 amax < <(awk '{ print $2 }' "$WORK/all.txt" | stats)
  n=$(wc -l <"$WORK/all.txt")
  server_mean=$(awk -v c0="$c0" -v s0="$s0" -v c1="$c1" -v s1="$s1" 'BEGIN { printf "%.1f", (s1 - s0) / (c1 - c0) * 1000 }')
  SUMMARY+=("| $title | $load | $n | $ap50 | **$ap95** | $amax | $server_mean | $(ms "$sp95") | $app_ms + $pg_ms |")
  {
    echo "#### $title"
    echo
    echo "Load average when measuring: $load."
    echo
    echo "| term | matches in bench-07 | requests | p50 (ms) | p95 (ms) | max (ms) | not 200 |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
    echo "| **all** | | $n | **$ap50** | **$ap95** | $amax | |"
    echo
    echo "Server side (Micrometer's \`http.server.requests\` timer of this handler, inside the app): mean $server_mean ms"
    echo "over $(( ${c1%.*} - ${c0%.*} )) requests; p50 $(ms "$sp50") ms, p95 $(ms "$sp95") ms, max $(ms "$m1") ms (percentiles over the"
    echo "timer's last two minutes, warm-up excluded as far as the window allows)."
    echo
  } >>"$WORK/measure.md"
}

SUMMARY=()
: >"$WORK/measure.md"
measure "PostgreSQL defaults (random_page_cost = 4)"
stop_app "$APP"
sql -U postgres -c "alter system set random_page_cost = 1.1" -c "select pg_reload_conf()" >/dev/null
start_app
measure "random_page_cost = 1.1 (the usual setting for SSDs)"

# --- the statements as the app sends them, from PostgreSQL's log, then EXPLAIN (ANALYZE) of each ---
sql -U postgres -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
sleep 0.5
curl -s "${AUTH[@]}" -o /dev/null "$BASE/api/v1/schools/bench-07/people?q=peet"
sleep 0.5
sql -U postgres -c "alter system reset log_min_duration_statement" -c "alter system reset random_page_cost" \
  -c "select pg_reload_conf()" >/dev/null
explain_of() { # $1: a fragment that identifies the statement
  local line stmt params
  line=$(grep -n "execute .*: $1" "$WORK/pg.log" | tail -1 | cut -d: -f1)
  stmt=$(sed -n "${line}p" "$WORK/pg.log" | sed 's/^.*execute [^:]*: //')
  params=$(sed -n "$((line + 1))p" "$WORK/pg.log" | sed 's/^.*Parameters: //; s/\$[0-9]* = //g')
  echo "Statement: \`$stmt\`"
  echo
  echo "Parameters: \`$params\`"
  echo
  for cost in 4 1.1; do
    for mode in force_custom_plan force_generic_plan; do
      echo "Plan with \`random_page_cost = $cost\`, \`plan_cache_mode = $mode\`:"
      echo
      echo '```'
      PGPASSWORD=spil-bench psql -h 127.0.0.1 -p "$PGPORT" -U spil -d spil -qAt <<SQL
set random_page_cost = $cost;
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
  done
}
count_explain=$(explain_of "select count(\*) from membership m")
page_explain=$(explain_of "select p.id, p.first_name")

{
  echo "Ran \`bench/search.sh $PER_TERM\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $machine_line."
  echo
  echo "PostgreSQL $PGVERSION on 127.0.0.1 (default settings, locale C.UTF-8); the app with \`java -Xmx256m -jar\`"
  echo "(healthy after $(awk -v m="$healthy" 'BEGIN{printf "%.1f", m/1000}') s, Flyway migrating an empty database). Data written by \`bench/people.sql\` in $(awk -v m="$gen_ms" 'BEGIN{printf "%.1f", m/1000}') s: people, schools,"
  echo "memberships, classes, size of the person table with its indexes = \`$counts\`."
  echo
  echo "Each request: \`GET /api/v1/schools/bench-NN/people?q=TERM\` (first page, 50 rows, sorted by name) for a random one"
  echo "of the 60 schools, with a personal API token, over a keep-alive connection; the time is curl's"
  echo "\`time_starttransfer\` (request sent → first byte of the answer). After a warm-up of 20 requests per term."
  echo "Measured twice: with PostgreSQL's default planner costs, then (app restarted) with \`random_page_cost = 1.1\`."
  echo "\"CPU per request\" is the CPU time the app's JVM and PostgreSQL's processes used during the measured requests,"
  echo "divided by their number: the work one search costs, which hardly depends on how busy the machine is (the"
  echo "latencies do: the requests wait for a core)."
  echo
  echo "| setting | load average | requests | p50 (ms) | p95 (ms) | max (ms) | server mean (ms) | server p95 (ms) | CPU per request: app + PostgreSQL (ms) |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${SUMMARY[@]}"
  echo
  cat "$WORK/measure.md"
  echo "### The statements as the app sends them"
  echo
  echo "Taken from PostgreSQL's statement log during one request (\`q=peet\`, school bench-07), then prepared and run"
  echo "with EXPLAIN (ANALYZE, BUFFERS) with the planner's custom plan (values known) and its generic plan (what a"
  echo "server-side prepared statement may switch to after five executions)."
  echo
  echo "#### The count"
  echo
  echo "$count_explain"
  echo "#### The page"
  echo
  echo "$page_explain"
} >"$OUT"
cat "$OUT"
