#!/usr/bin/env bash
# Inventory on PostgreSQL with a school group's data (bench/inventory.sql: 40 schools, 40,000 assets, 2,000 models,
# 500 software titles, 400,000 installations, plus a school with 40,000 assets for the export), against the running
# app (java -Xmx256m -jar) with a personal API token of a central admin:
#   - the first page of the asset list with a text filter (target p95 <= 50 ms server time);
#   - one asset, over the API and as the web page (target <= 30 ms);
#   - the compliance view of one school (target <= 200 ms), and EXPLAIN (ANALYZE) of its query;
#   - CSV import of 10,000 rows, dry run and real (target <= 10 s each);
#   - export of 40,000 rows as CSV and XLSX (streams: memory flat), with the JVM's resident memory sampled meanwhile.
# PostgreSQL as in bench/search.sh. Writes $RESULTS/inventory.md.
# Usage: bench/inventory.sh [requests-per-term]   (PGPORT, PORT, RESULTS may be set)
source "$(dirname "$0")/lib.sh"
PER_TERM=${1:-50}
PGPORT=${PGPORT:-15433}
PORT=${PORT:-18082}
BASE=http://127.0.0.1:$PORT
WORK=${WORK:-/tmp/spil-bench-inv}
OUT=$RESULTS/inventory.md
ADMIN=bench-admin@spil.example
PASSWORD=Bench-Wachtwoord-2026-xyz
TOKEN=spil_bench-token-$(date +%s%N)
ACTUATOR_TOKEN=bench-metrics-$(date +%s%N)
machine_line=$(machine)

# --- PostgreSQL and the app (Flyway makes the tables) ---
start_postgres -c random_page_cost=1.1
start_spil 900
healthy=$HEALTHY
echo "app healthy on PostgreSQL $PGVERSION after $healthy ms" >&2

# --- data and a token ---
gen_start=$(now_ms)
usql -f "$ROOT/bench/inventory.sql" >"$WORK/gen.log"
sql -U postgres -d spil -c "vacuum analyze"
gen_ms=$(( $(now_ms) - gen_start ))
make_token
counts=$(usql -Atc "select (select count(*) from asset), (select count(*) from asset_model),
  (select count(distinct name_key) from software_title), (select count(*) from software_installation),
  pg_size_pretty(pg_total_relation_size('asset')), pg_size_pretty(pg_total_relation_size('software_installation'))")
echo "data: $counts in $gen_ms ms" >&2
AUTH=(-H "Authorization: Bearer $TOKEN")

school() { printf 'inv-%02d' $(( RANDOM % 40 + 1 )); }
stats() { # stdin: seconds; prints p50 p95 max in ms
  sort -n | awk '{ v[NR] = $1 * 1000 } END { if (NR == 0) { print "- - -"; exit }
    i50 = int(NR * 0.50 + 0.999); i95 = int(NR * 0.95 + 0.999); printf "%.1f %.1f %.1f\n", v[i50], v[i95], v[NR] }'
}
metric() { # server-side timer of one handler (uri template $1) for 200 answers: count sum max p50 p95
  curl -s -H "Authorization: Bearer $ACTUATOR_TOKEN" "$BASE/actuator/prometheus" \
    | grep '^http_server_requests_seconds' | grep 'status="200"' | grep "uri=\"$1\"" \
    | awk '/_count/ { c = $NF } /_sum/ { s = $NF } /_max/ { m = $NF } /quantile="0.5"/ { p50 = $NF } /quantile="0.95"/ { p95 = $NF }
           END { printf "%s %s %s %s %s\n", c, s, m, p50, p95 }'
}
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
# Sends the URLs of file $1 over one keep-alive connection (with extra curl args $2...); prints "code seconds" lines
run_urls() {
  local file=$1; shift
  local args=()
  while read -r url; do args+=(-o /dev/null "$url"); done <"$file"
  curl -s "$@" -w '%{http_code} %{time_starttransfer}\n' "${args[@]}"
}
ROWS=()
# measure NAME URI-TEMPLATE URL-FILE [curl args]: warm-up with the same URLs, then measure; appends a table row
measure() {
  local name=$1 uri=$2 file=$3; shift 3
  local c0 s0 c1 s1 m1 sp50 sp95 p50 p95 max bad n
  run_urls "$file" "$@" >/dev/null
  read -r c0 s0 _ < <(metric "$uri")
  run_urls "$file" "$@" >"$WORK/times.txt"
  read -r c1 s1 m1 sp50 sp95 < <(metric "$uri")
  bad=$(awk '$1 != 200' "$WORK/times.txt" | wc -l)
  n=$(wc -l <"$WORK/times.txt")
  read -r p50 p95 max < <(awk '{ print $2 }' "$WORK/times.txt" | stats)
  local mean
  mean=$(awk -v c0="$c0" -v s0="$s0" -v c1="$c1" -v s1="$s1" 'BEGIN { if (c1 > c0) printf "%.1f", (s1 - s0) / (c1 - c0) * 1000; else print "-" }')
  ROWS+=("| $name | $(load1) | $n | $p50 | **$p95** | $max | $mean | $(ms "${sp95:-0}") | $bad |")
  echo "$name: p50 $p50 p95 $p95 max $max (server mean $mean, p95 $(ms "${sp95:-0}")), not 200: $bad" >&2
}

# 1. asset list, first page, text filter
TERMS=(dell latitude "inv07-0001" thinkpad "len-" "-000042" 3f zzzz)
: >"$WORK/list.txt"
for term in "${TERMS[@]}"; do
  for _ in $(seq 1 "$PER_TERM"); do
    echo "$BASE/api/v1/schools/$(school)/assets?q=$(printf '%s' "$term" | sed 's/ /%20/g')" >>"$WORK/list.txt"
  done
done
measure "asset list, first page (50) with \`q\` (${#TERMS[@]} terms)" "/api/v1/schools/{code}/assets" "$WORK/list.txt" "${AUTH[@]}"

# 2. one asset: API by tag, and the web page by id (signed in with the form)
: >"$WORK/asset.txt"; : >"$WORK/page.txt"
usql -Atc "select s.code, a.tag, a.id from asset a join school s on s.id = a.school_id
  where s.code like 'inv-%' and s.code <> 'inv-xl' order by random() limit $(( PER_TERM * 4 ))" | while IFS='|' read -r code tag id; do
  echo "$BASE/api/v1/schools/$code/assets/$tag" >>"$WORK/asset.txt"
  echo "$BASE/schools/$code/assets/$id" >>"$WORK/page.txt"
done
measure "one asset (API, by tag)" "/api/v1/schools/{code}/assets/{tag}" "$WORK/asset.txt" "${AUTH[@]}"
sign_in "$BASE" "$ADMIN" "$WORK/jar" "$PASSWORD" >/dev/null
measure "asset page (web, with history and software)" "/schools/{code}/assets/{id}" "$WORK/page.txt" -b "$WORK/jar"

# 3. compliance of one school
: >"$WORK/compliance.txt"
for _ in $(seq 1 "$PER_TERM"); do echo "$BASE/api/v1/schools/$(school)/software/compliance" >>"$WORK/compliance.txt"; done
measure "compliance view of one school" "/api/v1/schools/{code}/software/compliance" "$WORK/compliance.txt" "${AUTH[@]}"
compliance_size=$(curl -s "${AUTH[@]}" "$BASE/api/v1/schools/inv-07/software/compliance" | wc -c)
school07=$(usql -Atc "select id from school where code = 'inv-07'")
compliance_explain=$(usql -At <<SQL
explain (analyze, buffers)
select t.id, t.name, t.publisher, t.platform, coalesce(o.seats, 0) as seats,
  coalesce(o.unlimited, 0) as unlimited, coalesce(o.licences, 0) as licences, coalesce(u.used, 0) as used
from software_title t
left join (
  select i.title_id, count(*) as used
  from software_installation i join asset a on a.id = i.asset_id and a.school_id = i.school_id
  where i.school_id = $school07 and a.school_id = $school07 and i.removed_at is null and a.status not in ('LOST', 'STOLEN', 'RETIRED', 'DISPOSED')
  group by i.title_id) u on u.title_id = t.id
left join (
  select l.title_id, count(*) as licences,
    sum(case when l.type in ('FREE', 'SITE') then 0 else coalesce(l.seats, 0) end) as seats,
    max(case when l.type in ('FREE', 'SITE') then 1 else 0 end) as unlimited
  from software_licence l
  where l.school_id = $school07 and l.archived = false
    and (l.start_date is null or l.start_date <= current_date) and (l.end_date is null or l.end_date >= current_date)
  group by l.title_id) o on o.title_id = t.id
where t.school_id = $school07 and t.archived = false and (u.title_id is not null or o.title_id is not null)
order by case when coalesce(o.unlimited, 0) = 0 and coalesce(u.used, 0) > coalesce(o.seats, 0) then 0 else 1 end, t.name_key;
SQL
)

# 4. CSV import of 10,000 rows into inv-01 (new assets), dry run then real, then the same file again (all unchanged)
{
  echo "Inventarisnummer;Serienummer;Categorie;Fabrikant;Model;Status;Lokaal;Aankoopdatum;Prijs;Hostnaam"
  for i in $(seq 1 10000); do
    printf 'IMP-%05d;IMPSN%07d;Laptop;Dell;Latitude 5440;In gebruik;Blok 1 1.%02d;01/09/2025;849,99;imp-%05d\n' \
      "$i" "$i" $(( i % 10 + 1 )) "$i"
  done
} >"$WORK/import.csv"
import_run() { # $1 query string; prints "seconds created updated unchanged errors"
  curl -s -m 900 "${AUTH[@]}" -H 'Content-Type: text/csv' --data-binary "@$WORK/import.csv" \
    -w '\n%{time_total}\n' "$BASE/api/v1/schools/inv-01/assets/import$1" >"$WORK/import.out"
  local secs body
  secs=$(tail -1 "$WORK/import.out")
  body=$(head -n -1 "$WORK/import.out")
  echo "$secs $(grep -o '"created":[0-9]*' <<<"$body" | cut -d: -f2) $(grep -o '"updated":[0-9]*' <<<"$body" | cut -d: -f2) \
$(grep -o '"unchanged":[0-9]*' <<<"$body" | cut -d: -f2) $(grep -o '"errors":\[[^]]*\]' <<<"$body" | grep -o '"row":' | wc -l)"
}
IMPORTS=()
for run in "?dryRun=true|dry run (new rows)" "|real run (new rows)" "?dryRun=true|dry run (same file again)" "|real run (same file again)"; do
  read -r secs created updated unchanged errors < <(import_run "${run%%|*}")
  IMPORTS+=("| ${run#*|} | **$secs** | $created | $updated | $unchanged | $errors |")
  echo "import ${run#*|}: $secs s ($created created, $updated updated, $unchanged unchanged, $errors errors)" >&2
done

# 5. export of 40,000 rows (inv-xl), CSV and XLSX, the JVM's resident memory sampled every 0.2 s meanwhile
EXPORTS=()
for kind in csv xlsx; do
  rss0=$(rss_mb "$APP")
  ( while kill -0 "$APP" 2>/dev/null; do rss_mb "$APP"; echo; sleep 0.2; done ) >"$WORK/rss.txt" &
  sampler=$!
  read -r code secs bytes < <(curl -s -m 900 "${AUTH[@]}" -o "$WORK/export.$kind" -w '%{http_code} %{time_total} %{size_download}\n' \
    "$BASE/api/v1/schools/inv-xl/assets/export.$kind")
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  peak=$(grep -v '^$' "$WORK/rss.txt" | sort -n | tail -1)
  rows=$([[ $kind == csv ]] && echo $(( $(wc -l <"$WORK/export.$kind") - 1 )) || echo "—")
  EXPORTS+=("| $kind | $code | **$secs** | $(( bytes / 1024 )) KiB | $rows | $rss0 MB | $peak MB | $(rss_mb "$APP") MB |")
  echo "export $kind: $code in $secs s, $bytes bytes, rss $rss0 → peak $peak MB" >&2
done

{
  echo "Ran \`bench/inventory.sh $PER_TERM\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $machine_line."
  echo
  echo "PostgreSQL $PGVERSION on 127.0.0.1 (\`random_page_cost = 1.1\`, locale C.UTF-8); the app with \`java -Xmx256m -jar\`"
  echo "(healthy after $(awk -v m="$healthy" 'BEGIN{printf "%.1f", m/1000}') s). Data written by \`bench/inventory.sql\` in $(awk -v m="$gen_ms" 'BEGIN{printf "%.1f", m/1000}') s: assets (incl. 40,000 in inv-xl),"
  echo "models, distinct software titles, installations, size of asset and software_installation with indexes ="
  echo "\`$counts\`."
  echo
  echo "Each request with a personal API token of a central admin (the web page: signed in with the form), over one"
  echo "keep-alive connection, to a random one of the 40 schools; time = curl's \`time_starttransfer\`; after a warm-up"
  echo "with the same requests. Server = Micrometer's \`http.server.requests\` timer of the handler (inside the app)."
  echo
  echo "| what | load average | requests | p50 (ms) | p95 (ms) | max (ms) | server mean (ms) | server p95 (ms) | not 200 |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Compliance answer of one school: $compliance_size bytes (500 titles). Its query, EXPLAIN (ANALYZE, BUFFERS), school inv-07:"
  echo
  echo '```'
  echo "$compliance_explain"
  echo '```'
  echo
  echo "CSV import into inv-01 (1,000 assets already), 10,000 rows (Belgian Excel dialect: tag, serial, category,"
  echo "manufacturer, model, status, room, purchase date, price, hostname), as one \`POST …/assets/import\` body:"
  echo
  echo "| run | seconds | created | updated | unchanged | error rows |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${IMPORTS[@]}"
  echo
  echo "Export of school inv-xl (40,000 assets), resident memory of the JVM (\`-Xmx256m\`) before, highest while"
  echo "streaming (sampled every 0.2 s) and after:"
  echo
  echo "| format | status | seconds | size | data rows | RSS before | RSS peak | RSS after |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${EXPORTS[@]}"
} >"$OUT"
cat "$OUT"
