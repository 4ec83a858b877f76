#!/usr/bin/env bash
# The policy module on PostgreSQL with the inventory bench data (bench/inventory.sql: 40 schools with 1,000 assets and
# a school inv-xl with 40,000): the replacement forecast and total cost of ownership of one school and of the whole group (target <= 500 ms for
# the group), and the plan of inv-xl (40,000 devices, a written plan with goals, actions and budget lines) as PDF
# (target <= 5 s for a school of 1,500 devices), Word and Markdown; against the running app (java -Xmx256m -jar)
# with a personal API token of a central admin. Writes $RESULTS/policy.md.
# Usage: bench/policy.sh [requests]   (PGPORT, PORT, RESULTS may be set)
source "$(dirname "$0")/lib.sh"
N=${1:-30}
PGPORT=${PGPORT:-15434}
PORT=${PORT:-18083}
BASE=http://127.0.0.1:$PORT
WORK=${WORK:-/tmp/spil-bench-policy}
OUT=$RESULTS/policy.md
ADMIN=bench-admin@spil.example
PASSWORD=Bench-Wachtwoord-2026-xyz
TOKEN=spil_bench-token-$(date +%s%N)
ACTUATOR_TOKEN=bench-metrics-$(date +%s%N)
machine_line=$(machine)

start_postgres -c random_page_cost=1.1
start_spil 900
echo "app healthy on PostgreSQL $PGVERSION after $HEALTHY ms" >&2
usql -f "$ROOT/bench/inventory.sql" >"$WORK/gen.log"
sql -U postgres -d spil -c "vacuum analyze"
make_token
devices=$(usql -Atc "select count(*) from asset where status in ('ORDERED','IN_STOCK','IN_USE','IN_REPAIR')")
xl=$(usql -Atc "select count(*) from asset a join school s on s.id = a.school_id where s.code = 'inv-xl'")
AUTH=(-H "Authorization: Bearer $TOKEN")

# a school year, and a written plan with 5 goals of 4 actions and budget lines for inv-xl
year=$(date +%Y); [[ $(date +%m) -lt 9 ]] && year=$((year - 1))
curl -s -o /dev/null "${AUTH[@]}" -H 'Content-Type: application/json' -d "{\"name\":\"$year-$((year + 1))\"}" "$BASE/api/v1/school-years"
goals=""
for g in 1 2 3 4 5; do
  actions=""
  for a in 1 2 3 4; do actions+="${actions:+,}{\"title\":\"Actie $g.$a\",\"deadline\":\"$((year + 1))-0$a-15\",\"resources\":\"Werkingsmiddelen\",\"successCriterion\":\"Klaar en geëvalueerd\"}"; done
  goals+="${goals:+,}{\"domain\":\"INFRASTRUCTURE\",\"kind\":\"TECHNICAL\",\"title\":\"Doel $g\",\"description\":\"$(printf 'Uitleg bij doel %s. %.0s' $g {1..20})\",\"actions\":[$actions]}"
done
text=$(printf 'Onze visie op ICT in de klas, zin %s. ' {1..60})
curl -sf -o /dev/null "${AUTH[@]}" -X PUT -H 'Content-Type: application/json' \
  -d "{\"vision\":\"$text\",\"startingSituation\":\"$text\",\"evaluation\":\"$text\",\"goals\":[$goals]}" "$BASE/api/v1/schools/inv-xl/policy-plan"
for y in 0 1 2; do
  curl -sf -o /dev/null "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d "{\"year\":$((year + y)),\"category\":\"DEVICES\",\"funding\":\"DIGIPLAN\",\"planned\":\"25000.00\"}" "$BASE/api/v1/schools/inv-xl/investment-plan/lines"
done

stats() { sort -n | awk '{ v[NR] = $1 * 1000 } END { i50 = int(NR * 0.50 + 0.999); i95 = int(NR * 0.95 + 0.999); printf "%.0f %.0f %.0f\n", v[i50], v[i95], v[NR] }'; }
ROWS=()
measure() { # name url count
  local name=$1 url=$2 n=$3 size
  curl -s -o /dev/null "${AUTH[@]}" "$url"; curl -s -o /dev/null "${AUTH[@]}" "$url"
  : >"$WORK/t.txt"
  for _ in $(seq 1 "$n"); do curl -s -o "$WORK/body" "${AUTH[@]}" -w '%{http_code} %{time_total}\n' "$url" >>"$WORK/t.txt"; done
  size=$(stat -c %s "$WORK/body")
  read -r p50 p95 max < <(awk '{ print $2 }' "$WORK/t.txt" | stats)
  bad=$(awk '$1 != 200' "$WORK/t.txt" | wc -l)
  ROWS+=("| $name | $(load1) | $n | $p50 | **$p95** | $max | $size | $bad |")
  echo "$name: p50 $p50 p95 $p95 max $max ms, $size bytes, not 200: $bad" >&2
}
measure "replacement forecast, whole group ($devices devices), 5 years" "$BASE/api/v1/replacement-forecast?years=5" "$N"
measure "replacement forecast, school inv-01 (1,000 devices), 5 years" "$BASE/api/v1/schools/inv-01/replacement-forecast?years=5" "$N"
measure "total cost of ownership, school inv-xl ($xl devices, 400,000 installations in the data)" "$BASE/api/v1/schools/inv-xl/tco" "$N"
measure "plan as PDF with charts, school inv-xl ($xl devices)" "$BASE/api/v1/schools/inv-xl/policy-plan.pdf" 10
measure "plan as Word, school inv-xl" "$BASE/api/v1/schools/inv-xl/policy-plan.docx" 10
measure "plan as Markdown, school inv-xl" "$BASE/api/v1/schools/inv-xl/policy-plan.md" 10

{
  echo "## Policy plan and replacement forecast ($(date -u +%Y-%m-%d))"
  echo
  echo "Machine: $machine_line. PostgreSQL $PGVERSION. Data: \`bench/inventory.sql\` ($devices devices in 41 schools;"
  echo "inv-xl alone has $xl). Plan of inv-xl: vision, starting situation and evaluation of 60 sentences each, 5 goals"
  echo "with 4 actions, 3 budget lines. Each request with a personal API token of a central admin, after two warm-up"
  echo "requests; time = curl's \`time_total\` (whole answer)."
  echo
  echo "| what | load average | requests | p50 (ms) | p95 (ms) | max (ms) | answer (bytes) | not 200 |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
} >"$OUT"
cat "$OUT"
