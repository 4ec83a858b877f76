#!/usr/bin/env bash
# Start-up time and resident memory of `java -Xmx256m -jar target/spil-*.jar` on the embedded H2 database with the
# demo profile (targets: healthy in <= 10 s, RSS <= 400 MB). Each run starts on an empty data directory (the demo
# fills it), then loads pages as a signed-in central admin, stops, and starts a second time on the same directory
# (no demo fill then). Then the same with the jar extracted and a class data sharing (CDS) archive, Spring Boot's
# own recipe for a faster start. Writes $RESULTS/startup.md.
# Usage: bench/startup.sh [runs]   (PORT, RESULTS may be set; CDS=0 skips the CDS runs)
source "$(dirname "$0")/lib.sh"
RUNS=${1:-3}
PORT=${PORT:-18080}
BASE=http://127.0.0.1:$PORT
JAR=$(spil_jar)
ADMIN=bench-admin@spil.example
PASSWORD=Bench-Wachtwoord-2026-xyz
export SPIL_ADMIN_EMAIL=$ADMIN SPIL_ADMIN_PASSWORD=$PASSWORD SPIL_DEMO_PASSWORD=$PASSWORD
OUT=$RESULTS/startup.md
rows=()
machine_line=$(machine)
secs() { awk -v m="$1" 'BEGIN { printf "%.1f", m / 1000 }'; }

# One run: $1 label, then the java command line (without the app's arguments).
run_once() {
  local label=$1; shift
  local dir start pid healthy cpu demo_done started fill rss_start jar ids pages loads failed page_ms_total
  local code t rss_pages stop_start stopped healthy2 cpu2 rss_second avg_page load
  dir=$(mktemp -d /tmp/spil-bench-startup.XXXXXX)
  load=$(load1)
  start=$(now_ms)
  "$@" --spring.profiles.active=demo --spil.data-dir="$dir" --server.port="$PORT" >"$dir/first.log" 2>&1 &
  pid=$!
  healthy=$(wait_healthy "$PORT" "$start" 180 "$pid")
  cpu=$(cpu_s "$pid")
  until grep -q 'Demo data:' "$dir/first.log"; do kill -0 "$pid"; sleep 0.05; done
  demo_done=$(( $(now_ms) - start ))
  started=$(grep -o 'Started SpilApplication in [0-9.]* seconds' "$dir/first.log" | grep -o '[0-9.]*' | head -1)
  fill=$(grep -o 'classes ([0-9]* ms)' "$dir/first.log" | grep -o '[0-9]*' | tail -1)
  sleep 1
  rss_start=$(rss_mb "$pid")

  jar=$dir/cookies
  sign_in "$BASE" "$ADMIN" "$jar" "$PASSWORD" >/dev/null
  ids=$(curl -s -u "$ADMIN:$PASSWORD" "$BASE/api/v1/schools/de-linde/people?size=5" | grep -o '"id":[0-9]*' | cut -d: -f2 | head -3)
  pages=(/ /schools /schools/de-linde /schools/de-linde/people "/schools/de-linde/people?q=jan" "/schools/de-linde/people?page=2"
         /schools/de-linde/groups /schools/sint-jan/people "/schools/sint-jan/people?q=5a" /audit /profile)
  for id in $ids; do pages+=("/schools/de-linde/people/$id"); done
  loads=0; failed=0; page_ms_total=0
  for _ in $(seq 1 10); do
    for page in "${pages[@]}"; do
      read -r code t < <(curl -s -b "$jar" -o /dev/null -w '%{http_code} %{time_total}\n' "$BASE$page")
      loads=$((loads + 1)); [[ "$code" == 200 ]] || failed=$((failed + 1))
      page_ms_total=$(awk -v a="$page_ms_total" -v b="$t" 'BEGIN { printf "%.1f", a + b * 1000 }')
    done
  done
  rss_pages=$(rss_mb "$pid")
  stop_start=$(now_ms); stop_app "$pid"; stopped=$(( $(now_ms) - stop_start ))

  start=$(now_ms)
  "$@" --spring.profiles.active=demo --spil.data-dir="$dir" --server.port="$PORT" >"$dir/second.log" 2>&1 &
  pid=$!
  healthy2=$(wait_healthy "$PORT" "$start" 180 "$pid")
  cpu2=$(cpu_s "$pid")
  sleep 1
  rss_second=$(rss_mb "$pid")
  grep -q 'already has schools' "$dir/second.log" || echo "warning: second start did not skip the demo" >&2
  stop_app "$pid"
  avg_page=$(awk -v t="$page_ms_total" -v n="$loads" 'BEGIN { printf "%.0f", t / n }')
  rows+=("| $label | $load | $(secs "$healthy") ($cpu s CPU) | $started | $(secs "$demo_done") ($fill ms fill) | $rss_start | $rss_pages ($loads loads, $failed not 200, avg $avg_page ms) | $(secs "$stopped") | $(secs "$healthy2") ($cpu2 s CPU) | $rss_second |")
  echo "$label: healthy ${healthy} ms (${cpu} s CPU), RSS ${rss_start}/${rss_pages} MB, second start ${healthy2} ms (${cpu2} s CPU)" >&2
  rm -rf "$dir"
}

for run in $(seq 1 "$RUNS"); do
  run_once "jar, run $run" java -Xmx256m -jar "$JAR"
done

if [[ "${CDS:-1}" != 0 ]]; then
  cds=$(mktemp -d /tmp/spil-bench-cds.XXXXXX)
  java -Djarmode=tools -jar "$JAR" extract --destination "$cds/app" >/dev/null
  app_jar=$(ls "$cds"/app/*.jar | head -1)
  # training run: starts the context (on a scratch H2 database) and exits after refresh, writing the archive
  java -Xmx256m -XX:ArchiveClassesAtExit="$cds/spil.jsa" -Dspring.context.exit=onRefresh -jar "$app_jar" \
    --spil.data-dir="$cds/training" --server.port=0 >"$cds/training.log" 2>&1 || true
  if [[ -f "$cds/spil.jsa" ]]; then
    for run in $(seq 1 "$RUNS"); do
      run_once "extracted + CDS, run $run" java -Xmx256m -XX:SharedArchiveFile="$cds/spil.jsa" -jar "$app_jar"
    done
  else
    echo "CDS training run failed, see $cds/training.log" >&2
  fi
fi

{
  echo "Ran \`bench/startup.sh $RUNS\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $machine_line."
  echo
  echo "Command: \`java -Xmx256m -jar $(basename "$JAR") --spring.profiles.active=demo\` on an empty data directory"
  echo "(embedded H2 file database), the demo profile filling it with 2 schools, 41 staff and ~300 pupils; then"
  echo "\"extracted + CDS\": the same after \`java -Djarmode=tools -jar … extract\` and a training run with"
  echo "\`-XX:ArchiveClassesAtExit\`, started with \`-XX:SharedArchiveFile\`."
  echo "Page loads: 10 rounds over the home page, schools, a school, people lists (plain, search, page 2),"
  echo "classes, audit log, profile and three person pages, signed in as a central admin."
  echo "\"s CPU\" is the user + system CPU time the JVM had used when it became healthy: unlike the wall-clock time it"
  echo "hardly depends on what else runs on the machine. Health turns UP only after the demo fill (it runs before the"
  echo "application is ready), so the first start includes it."
  echo
  echo "| run | load average at start | first start: healthy (s) | Spring's \"Started in\" (s) | demo filled (s) | RSS after start (MB) | RSS after page loads (MB) | graceful stop (s) | second start: healthy (s) | RSS second start (MB) |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} >"$OUT"
cat "$OUT"
