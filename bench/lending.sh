#!/usr/bin/env bash
# The lending module on PostgreSQL: a school (lend) with 30 pools of 25 laptops, 8 lesson periods a day and a full
# school year of reservations (every pool reserved in every lesson period of every weekday, 4 reservations a day,
# written by SQL), against the running app (java -Xmx256m -jar). Measures the week view of a pool (target <= 50 ms
# server time) and making a reservation with 50 concurrent users, each with their own personal API token (target
# p95 <= 50 ms); a refused reservation (409: the devices are taken) counts as an answer too. Writes $RESULTS/lending.md.
# Usage: bench/lending.sh [week-requests] [reservations-per-user]   (PGPORT, PORT, RESULTS may be set)
source "$(dirname "$0")/lib.sh"
N=${1:-100}
PER_USER=${2:-20}
USERS=50
PGPORT=${PGPORT:-15435}
PORT=${PORT:-18085}
BASE=http://127.0.0.1:$PORT
WORK=${WORK:-/tmp/spil-bench-lending}
OUT=$RESULTS/lending.md
ADMIN=bench-admin@spil.example
PASSWORD=Bench-Wachtwoord-2026-xyz
TOKEN=spil_bench-token-$(date +%s%N)
ACTUATOR_TOKEN=bench-metrics-$(date +%s%N)
machine_line=$(machine)

start_postgres -c random_page_cost=1.1
start_spil 900
echo "app healthy on PostgreSQL $PGVERSION after $HEALTHY ms" >&2
make_token
AUTH=(-H "Authorization: Bearer $TOKEN")
JSON=(-H 'Content-Type: application/json')
# curl that stops the script with the answer when the app refuses
req() {
  local out code
  out=$(curl -s -w '\n%{http_code}' "$@"); code=${out##*$'\n'}
  if (( code >= 400 )); then echo "refused ($code): ${*: -1} -> ${out%$'\n'*}" >&2; exit 1; fi
}

# the current school year, the school, its lesson periods, 750 laptops (one CSV import) and 30 pools of 25
year=$(date +%Y); [[ $(date +%m) -lt 9 ]] && year=$((year - 1))
curl -s -o /dev/null "${AUTH[@]}" "${JSON[@]}" -d "{\"name\":\"$year-$((year + 1))\"}" "$BASE/api/v1/school-years"
req "${AUTH[@]}" "${JSON[@]}" -d '{"code":"lend","name":"Bench lending","level":"SECUNDAIR"}' "$BASE/api/v1/schools"
periods=""
for p in 1 2 3 4 5 6 7 8; do
  m=$(( 8 * 60 + 25 + (p - 1) * 50 )); start=$(printf '%02d:%02d' $((m / 60)) $((m % 60))); m=$((m + 50)); end=$(printf '%02d:%02d' $((m / 60)) $((m % 60)))
  periods+="${periods:+,}{\"number\":$p,\"start\":\"$start\",\"end\":\"$end\"}"
done
req "${AUTH[@]}" "${JSON[@]}" -X PUT -d "{\"periods\":[$periods],\"version\":0}" "$BASE/api/v1/schools/lend/lesson-periods"
{ echo "tag,category,status"; for i in $(seq -w 1 750); do echo "LND-$i,LAPTOP,IN_USE"; done; } >"$WORK/assets.csv"
req "${AUTH[@]}" -H 'Content-Type: text/csv' --data-binary @"$WORK/assets.csv" "$BASE/api/v1/schools/lend/assets/import"
for p in $(seq 0 29); do
  tags=$(for i in $(seq 1 25); do printf '"LND-%03d",' $((p * 25 + i)); done); tags=${tags%,}
  req "${AUTH[@]}" "${JSON[@]}" -d "{\"name\":\"Kar $((p + 1))\",\"reservableBy\":\"STAFF\",\"devices\":[$tags]}" \
    "$BASE/api/v1/schools/lend/pools"
done
# 50 teachers, each with a personal API token
for u in $(seq 1 $USERS); do
  req "${AUTH[@]}" "${JSON[@]}" \
    -d "{\"firstName\":\"Leerkracht\",\"lastName\":\"$u\",\"email\":\"t$u@lend.example\",\"kind\":\"STAFF\",\"roles\":[\"STAFF\"],\"password\":\"$PASSWORD\"}" \
    "$BASE/api/v1/schools/lend/people"
  usql -qc "insert into api_token (account_id, name, token_hash, prefix, created_at)
    select a.id, 'bench', encode(sha256(convert_to('$TOKEN-$u', 'UTF8')), 'hex'), left('$TOKEN-$u', 12), now()
    from account a join person p on p.id = a.person_id where p.email = 't$u@lend.example'"
done
# a full school year of reservations: per pool and weekday 4 reservations of 2 lesson periods, 5 to 7 devices each
usql -q <<SQL
insert into reservation (school_id, pool_id, person_id, person_name, on_day, periods, devices, starts_at, ends_at, status,
                         version, created_at, updated_at, updated_by)
select s.id, p.id, pe.id, 'Leerkracht', d::date, (k * 2 + 1) || ',' || (k * 2 + 2), 5 + (k % 3),
       d::date + time '08:25' + k * interval '100 minutes', d::date + time '10:05' + k * interval '100 minutes',
       case when d::date < current_date then 'RETURNED' else 'CONFIRMED' end, 0, now(), now(), 'bench'
from school s join device_pool p on p.school_id = s.id join person pe on pe.email = 't1@lend.example'
cross join generate_series(date '$year-09-01', date '$((year + 1))-06-30', interval '1 day') d
cross join generate_series(0, 3) k
where s.code = 'lend' and extract(isodow from d) < 6;
insert into reservation_slot (reservation_id, pool_id, on_day, period, devices)
select r.id, r.pool_id, r.on_day, split_part(r.periods, ',', x)::int, r.devices
from reservation r join school s on s.id = r.school_id cross join generate_series(1, 2) x where s.code = 'lend';
SQL
sql -U postgres -d spil -c "vacuum analyze"
reservations=$(usql -Atc "select count(*) from reservation r join school s on s.id = r.school_id where s.code = 'lend'")
slots=$(usql -Atc "select count(*) from reservation_slot s join device_pool p on p.id = s.pool_id join school sc on sc.id = p.school_id where sc.code = 'lend'")
pool=$(usql -Atc "select p.id from device_pool p join school s on s.id = p.school_id where s.code = 'lend' order by p.id limit 1 offset 14")

stats() { sort -n | awk '{ v[NR] = $1 * 1000 } END { i50 = int(NR * 0.50 + 0.999); i95 = int(NR * 0.95 + 0.999); printf "%.1f %.1f %.1f\n", v[i50], v[i95], v[NR] }'; }
# the server's own timer of one handler (uri template $1, method $2), all statuses: "count sum p95-of-the-200s"
metric() {
  curl -s -H "Authorization: Bearer $ACTUATOR_TOKEN" "$BASE/actuator/prometheus" \
    | grep '^http_server_requests_seconds' | grep "uri=\"$1\"" | grep "method=\"$2\"" \
    | awk '/_count/ { c += $NF } /_sum/ { s += $NF } /status="20[01]"/ && /quantile="0.95"/ { p95 = $NF }
           END { printf "%d %f %f\n", c, s, p95 }'
}
mean() { awk -v c0="$1" -v s0="$2" -v c1="$3" -v s1="$4" 'BEGIN { if (c1 > c0) printf "%.1f", (s1 - s0) / (c1 - c0) * 1000; else print "-" }'; }
WEEK_URI="/api/v1/schools/{code}/pools/{id}/week"
RESERVE_URI="/api/v1/schools/{code}/reservations"
ROWS=()
# the week view of one pool, a different week of the year each request, one after the other over one keep-alive connection
week() {
  local run=$1 load c0 s0 c1 s1 sp95 args=()
  load=$(load1)
  for i in $(seq 1 "$N"); do
    args+=(-o /dev/null "$BASE/api/v1/schools/lend/pools/$pool/week?date=$(date -d "$year-09-07 + $(( (i * 7 + run) % 280 )) days" +%F)")
  done
  read -r c0 s0 _ < <(metric "$WEEK_URI" GET)
  curl -s "${AUTH[@]}" -w '%{http_code} %{time_total}\n' "${args[@]}" >"$WORK/t.txt"
  read -r c1 s1 sp95 < <(metric "$WEEK_URI" GET)
  read -r p50 p95 max < <(awk '{ print $2 }' "$WORK/t.txt" | stats)
  bad=$(awk '$1 != 200' "$WORK/t.txt" | wc -l)
  ROWS+=("| week view of a pool, run $run | $load | $N | $p50 | **$p95** | $max | $(mean "$c0" "$s0" "$c1" "$s1") | $(awk -v s="$sp95" 'BEGIN { printf "%.1f", s * 1000 }') | $bad |")
  echo "week run $run: p50 $p50 p95 $p95 max $max ms, server mean $(mean "$c0" "$s0" "$c1" "$s1"), not 200: $bad (load $load)" >&2
}
# USERS teachers at once, each making PER_USER reservations of 1-3 devices for one lesson period on the coming weekdays;
# each teacher is one curl process sending its requests one after the other over a keep-alive connection
reserve() {
  local run=$1 load c0 s0 c1 s1 sp95 pids=()
  load=$(load1)
  mapfile -t days < <(for off in $(seq 1 160); do d=$(date -d "today + $off days" +%F); [[ $(date -d "$d" +%u) -le 5 ]] && echo "$d"; done)
  for u in $(seq 1 $USERS); do
    for j in $(seq 1 "$PER_USER"); do
      p=$(( (u * 7 + j + run) % 30 ))
      day=${days[$(( (u + j * 3 + run * 11) % ${#days[@]} ))]}
      printf 'url = "%s"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\n' \
        "$BASE/api/v1/schools/lend/reservations" "$TOKEN-$u"
      printf 'data = "{\\"pool\\":%d,\\"date\\":\\"%s\\",\\"periods\\":[%d],\\"devices\\":%d}"\n' \
        $(( first_pool + p )) "$day" $(( 1 + (u + j) % 8 )) $(( 1 + j % 3 ))
      printf 'output = "/dev/null"\nwrite-out = "%%{http_code} %%{time_total}\\n"\n'
      (( j < PER_USER )) && echo "next"
    done >"$WORK/r-$u.cfg"
  done
  read -r c0 s0 _ < <(metric "$RESERVE_URI" POST)
  for u in $(seq 1 $USERS); do curl -s -K "$WORK/r-$u.cfg" >"$WORK/r-$u.txt" & pids+=($!); done
  wait "${pids[@]}"
  read -r c1 s1 sp95 < <(metric "$RESERVE_URI" POST)
  cat "$WORK"/r-*.txt >"$WORK/r.txt"
  read -r p50 p95 max < <(awk '{ print $2 }' "$WORK/r.txt" | stats)
  ok=$(awk '$1 == 201' "$WORK/r.txt" | wc -l); full=$(awk '$1 == 409' "$WORK/r.txt" | wc -l)
  bad=$(awk '$1 != 201 && $1 != 409' "$WORK/r.txt" | wc -l)
  ROWS+=("| making a reservation, $USERS users at once, run $run ($ok made, $full refused as full) | $load | $((USERS * PER_USER)) | $p50 | **$p95** | $max | $(mean "$c0" "$s0" "$c1" "$s1") | $(awk -v s="$sp95" 'BEGIN { printf "%.1f", s * 1000 }') | $bad |")
  echo "reserve run $run: p50 $p50 p95 $p95 max $max ms, server mean $(mean "$c0" "$s0" "$c1" "$s1"), 201: $ok, 409: $full, other: $bad (load $load)" >&2
}
# USERS teachers working at once as people do: each makes PER_USER reservations, thinking 0.5-1.5 s between two (the
# runs above send without a pause, which measures the app saturated rather than 50 people at work)
reserve_paced() {
  local load c0 s0 c1 s1 sp95
  load=$(load1)
  read -r c0 s0 _ < <(metric "$RESERVE_URI" POST)
  # one light client process (python3, a thread per teacher on a keep-alive connection), so that starting curl 50
  # times a second does not take the cores the app needs
  python3 - "$BASE" "$TOKEN" "$USERS" "$PER_USER" "$first_pool" >"$WORK/paced.txt" <<'PY'
import datetime, http.client, json, random, sys, threading, time, urllib.parse
base, token, users, per_user, first_pool = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
days = [d for d in (datetime.date.today() + datetime.timedelta(days=o) for o in range(1, 161)) if d.weekday() < 5]
url = urllib.parse.urlparse(base)
lines, lock = [], threading.Lock()
def teacher(u):
    rnd = random.Random(u)
    conn = http.client.HTTPConnection(url.hostname, url.port)
    for j in range(1, per_user + 1):
        body = json.dumps({"pool": first_pool + (u * 5 + j * 3) % 30, "date": str(days[(u * 3 + j * 7 + 5) % len(days)]),
                           "periods": [1 + (u + j) % 8], "devices": 1})
        start = time.perf_counter()
        conn.request("POST", "/api/v1/schools/lend/reservations", body,
                     {"Authorization": "Bearer %s-%d" % (token, u), "Content-Type": "application/json"})
        answer = conn.getresponse(); answer.read()
        with lock:
            lines.append("%d %.6f" % (answer.status, time.perf_counter() - start))
        time.sleep(rnd.uniform(0.5, 1.5))
threads = [threading.Thread(target=teacher, args=(u,)) for u in range(1, users + 1)]
for t in threads: t.start()
for t in threads: t.join()
print("\n".join(lines))
PY
  read -r c1 s1 sp95 < <(metric "$RESERVE_URI" POST)
  read -r p50 p95 max < <(awk '{ print $2 }' "$WORK/paced.txt" | stats)
  ok=$(awk '$1 == 201' "$WORK/paced.txt" | wc -l); full=$(awk '$1 == 409' "$WORK/paced.txt" | wc -l)
  bad=$(awk '$1 != 201 && $1 != 409' "$WORK/paced.txt" | wc -l)
  ROWS+=("| making a reservation, $USERS users working at once (0.5–1.5 s between two) ($ok made, $full refused as full) | $load | $((USERS * PER_USER)) | $p50 | **$p95** | $max | $(mean "$c0" "$s0" "$c1" "$s1") | $(awk -v s="$sp95" 'BEGIN { printf "%.1f", s * 1000 }') | $bad |")
  echo "paced reserve: p50 $p50 p95 $p95 max $max ms, 201: $ok, 409: $full, other: $bad (load $load)" >&2
}
first_pool=$(usql -Atc "select min(p.id) from device_pool p join school s on s.id = p.school_id where s.code = 'lend'")
for _ in 1 2 3; do curl -s -o /dev/null "${AUTH[@]}" "$BASE/api/v1/schools/lend/pools/$pool/week"; done
for run in 1 2 3; do week $run; reserve $run; done
reserve_paced
usql -Atc "explain (analyze, buffers) select on_day, period, sum(devices) from reservation_slot where pool_id = $pool
  and on_day between date '$year-11-16' and date '$year-11-20' group by on_day, period" >"$WORK/explain-week.txt"

{
  echo "## Lending: week view and reservations ($(date -u +%Y-%m-%d))"
  echo
  echo "Machine: $machine_line (shared with other builds; the load average of each run is beside its figures). PostgreSQL"
  echo "$PGVERSION. Data: school \`lend\` with 30 pools of 25 laptops, 8 lesson periods a day and a full school year of"
  echo "reservations ($reservations reservations holding $slots pool lesson periods). Week view: \`GET …/pools/{id}/week\`"
  echo "for a different week each request, one after the other. Reserving: $USERS teachers at once, each with their own API token,"
  echo "each making $PER_USER reservations of 1–3 devices for one lesson period on the coming school days (a 409 because the"
  echo "devices are taken counts as an answer). Time = curl's \`time_total\` (whole answer); server = the app's own timer"
  echo "(Micrometer): the mean of the run and its recent p95."
  echo
  echo "| what | load average | requests | p50 (ms) | p95 (ms) | max (ms) | server mean (ms) | server p95 (ms) | errors |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
} >"$OUT"
cat "$OUT"
