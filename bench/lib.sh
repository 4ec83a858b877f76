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
