#!/usr/bin/env bash
# The learning line at the issue's size on PostgreSQL: a school's own framework of 60 competences (6 areas), 6 learning
# domains and 2,000 activities over the school's 9 grades (basisonderwijs: K1–K3, L1–L6; no school kind has 12), against
# the running app (java -Xmx256m -jar). Measures the matrix page (target: rendered in <= 200 ms server time), the
# analysis over the API (target <= 50 ms; the analysis proper is also timed by LineAnalysisSizeTest) and the PDF of the
# line; server time from the app's own timer (/actuator/prometheus, mean of the measured requests), client time from
# curl. Writes $RESULTS/learning.md and puts it into docs/benchmarks.md between <!-- learning:begin --> and
# <!-- learning:end -->.
# Usage: bench/learning.sh [requests] [rounds]   (PGPORT, PORT, RESULTS may be set)
source "$(dirname "$0")/lib.sh"
N=${1:-40}
ROUNDS=${2:-3}
PGPORT=${PGPORT:-15436}
PORT=${PORT:-8186}
BASE=http://127.0.0.1:$PORT
WORK=${WORK:-/tmp/spil-bench-learning}
OUT=$RESULTS/learning.md
ADMIN=bench-admin@spil.example
PASSWORD=Bench-Wachtwoord-2026-xyz
TOKEN=spil_bench-token-$(date +%s%N)
ACTUATOR_TOKEN=bench-metrics-$(date +%s%N)
machine_line=$(machine)

start_postgres
start_spil 900
echo "app healthy on PostgreSQL $PGVERSION after $HEALTHY ms" >&2
make_token
AUTH=(-H "Authorization: Bearer $TOKEN")
SCHOOL=bench-learn
curl -sf -o /dev/null "${AUTH[@]}" -H 'Content-Type: application/json' -d "{\"code\":\"$SCHOOL\",\"name\":\"Bench leerlijn\",\"level\":\"BASIS\"}" \
  "$BASE/api/v1/schools"

# the framework (6 areas x 10 competences) and the line with 2,000 activities, generated with a fixed seed
python3 - "$WORK" <<'PY'
import json, random, sys
work = sys.argv[1]
random.seed(8)
comps = []
for a in range(1, 7):
    comps.append({"code": f"A{a}", "name": f"Gebied {a}"})
    for c in range(1, 11):
        comps.append({"code": f"A{a}.{c}", "parent": f"A{a}", "name": f"Competentie {a}.{c} met een omschrijving van gewone lengte"})
json.dump({"code": "bench-eigen", "version": "1", "name": "Eigen leerplan (bench)", "audience": "PUPIL",
           "levels": ["1", "2", "3"], "competences": comps}, open(f"{work}/framework.json", "w"))
grades = ["K1", "K2", "K3", "L1", "L2", "L3", "L4", "L5", "L6"]
domains = ["Wiskunde", "Taal", "Frans", "Wereldoriëntatie", "Muzische vorming", "Lichamelijke opvoeding"]
steps = ["INTRODUCE", "PRACTISE", "MASTER"]
forms = ["CLASS", "PARTNER", "CORNER", "GROUP", "CONTRACT", "SELF_DIRECTED"]
acts = [{"competence": f"A{random.randint(1, 6)}.{random.randint(1, 10)}", "grade": random.choice(grades),
         "domain": random.choice(domains), "description": f"Activiteit {i}: de leerlingen werken met een digitaal hulpmiddel",
         "tool": "Laptop", "step": random.choice(steps), "workForm": random.choice(forms)} for i in range(2000)]
json.dump({"domains": domains, "activities": acts}, open(f"{work}/line.json", "w"))
PY
framework=$(curl -sf "${AUTH[@]}" -H 'Content-Type: application/json' --data-binary @"$WORK/framework.json" \
  "$BASE/api/v1/schools/$SCHOOL/frameworks/import" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
python3 - "$WORK" "$framework" <<'PY'
import json, sys
d = json.load(open(f"{sys.argv[1]}/line.json")); d["framework"] = int(sys.argv[2])
json.dump(d, open(f"{sys.argv[1]}/line.json", "w"))
PY
curl -sf -o /dev/null "${AUTH[@]}" -X PUT -H 'Content-Type: application/json' --data-binary @"$WORK/line.json" \
  "$BASE/api/v1/schools/$SCHOOL/learning-line"
activities=$(usql -Atc "select count(*) from learning_activity a join school s on s.id = a.school_id where s.code = '$SCHOOL' and not a.archived")
JAR=$WORK/cookies
sign_in "$BASE" "$ADMIN" "$JAR" "$PASSWORD" >/dev/null

stats() { sort -n | awk '{ v[NR] = $1 * 1000 } END { i50 = int(NR * 0.50 + 0.999); i95 = int(NR * 0.95 + 0.999); printf "%.0f %.0f %.0f\n", v[i50], v[i95], v[NR] }'; }
metric() { # count and sum (s) of the server timer of uri template $1, status 200
  curl -s -H "Authorization: Bearer $ACTUATOR_TOKEN" "$BASE/actuator/prometheus" | grep '^http_server_requests_seconds' \
    | grep 'status="200"' | grep "uri=\"$1\"" | awk '/_count/ { c = $NF } /_sum/ { s = $NF } END { printf "%s %s\n", c + 0, s + 0 }'
}
ROWS=()
measure() { # name uri-template url count [curl args]
  local name=$1 uri=$2 url=$3 n=$4; shift 4
  local c0 s0 c1 s1 server size bad
  curl -s -o /dev/null "$@" "$url"; curl -s -o /dev/null "$@" "$url"
  read -r c0 s0 < <(metric "$uri")
  : >"$WORK/t.txt"
  for _ in $(seq 1 "$n"); do curl -s -o "$WORK/body" "$@" -w '%{http_code} %{time_total}\n' "$url" >>"$WORK/t.txt"; done
  read -r c1 s1 < <(metric "$uri")
  server=$(awk -v c0="$c0" -v s0="$s0" -v c1="$c1" -v s1="$s1" 'BEGIN { if (c1 > c0) printf "%.0f", (s1 - s0) / (c1 - c0) * 1000; else print "-" }')
  size=$(stat -c %s "$WORK/body")
  read -r p50 p95 max < <(awk '{ print $2 }' "$WORK/t.txt" | stats)
  bad=$(awk '$1 != 200' "$WORK/t.txt" | wc -l)
  ROWS+=("| $name | $(load1) | $n | **$server** | $p50 | $p95 | $max | $size | $bad |")
  echo "$name: server mean $server ms; client p50 $p50 p95 $p95 max $max ms; $size bytes; not 200: $bad" >&2
}
for round in $(seq 1 "$ROUNDS"); do
  measure "matrix page with analysis (HTML), round $round" "/schools/{code}/learning" "$BASE/schools/$SCHOOL/learning" "$N" -b "$JAR"
  measure "analysis (API, JSON), round $round" "/api/v1/schools/{code}/learning-line/analysis" \
    "$BASE/api/v1/schools/$SCHOOL/learning-line/analysis" "$N" "${AUTH[@]}"
  measure "learning line as PDF (matrix and 9 grade plans), round $round" "/api/v1/schools/{code}/learning-line/export.pdf" \
    "$BASE/api/v1/schools/$SCHOOL/learning-line/export.pdf" 5 "${AUTH[@]}"
done

{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M') UTC. Machine: $machine_line. PostgreSQL $PGVERSION."
  echo "Data: one school (basisonderwijs, 9 grades), its own framework of 60 competences in 6 areas, 6 learning domains,"
  echo "$activities activities (seeded random cells, steps and work forms), put in with one PUT of the line. Two warm-up"
  echo "requests, then $N requests per row ($ROUNDS rounds, to see the spread on the shared machine). Server = mean of the"
  echo "app's own request timer over the measured requests; client = curl's \`time_total\`."
  echo
  echo "| what | load average | requests | server mean (ms) | client p50 (ms) | client p95 (ms) | max (ms) | answer (bytes) | not 200 |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
} >"$OUT"
cat "$OUT"
awk -v file="$OUT" '
  $0 == "<!-- learning:begin -->" { print; while ((getline line < file) > 0) print line; skip = 1; next }
  $0 == "<!-- learning:end -->" { skip = 0 }
  !skip { print }' "$ROOT/docs/benchmarks.md" >"$RESULTS/benchmarks.md.new"
mv "$RESULTS/benchmarks.md.new" "$ROOT/docs/benchmarks.md"
