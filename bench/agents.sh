#!/usr/bin/env bash
# Automatic inventory on PostgreSQL: inventories per second through POST /agent, against the running app
# (java -Xmx256m -jar), as the FusionInventory agent sends them (XML, zlib, HTTP Basic with an agent key).
#   1. seed: $KNOWN machines report for the first time (each ~300 programs, from a pool of 600 names as Windows lists
#      them, e.g. "Programma P17 (x64 nl)", so that machines share titles as a school's do);
#   2. the mix of the target, $RUNS times: $MIX inventories, 90% re-inventories of known machines with one program
#      updated, 10% new machines with ~300 programs; sent by one curl with $PARALLEL connections at once.
# Inventories per second = requests / wall time of the mix; also p50/p95 of curl's time_total, status codes, the
# JVM's resident memory before and after each run and the load average (the machine may be shared).
# Writes $RESULTS/agents.md. Usage: bench/agents.sh [known-machines] [mix-size] [runs] [parallel]
source "$(dirname "$0")/lib.sh"
KNOWN=${1:-1000}
MIX=${2:-2000}
RUNS=${3:-3}
PARALLEL=${4:-8}
PGPORT=${PGPORT:-15437}
PORT=${PORT:-18186}
BASE=http://127.0.0.1:$PORT
WORK=${WORK:-/tmp/spil-bench-agents}
OUT=$RESULTS/agents.md
ADMIN=bench-admin@spil.example
PASSWORD=Bench-Wachtwoord-2026-xyz
TOKEN=spil_bench-token-$(date +%s%N)
ACTUATOR_TOKEN=bench-metrics-$(date +%s%N)
SCHOOL=bench-agents
machine_line=$(machine)

start_postgres -c random_page_cost=1.1
start_spil 900
healthy=$HEALTHY
echo "app healthy on PostgreSQL $PGVERSION after $healthy ms" >&2
make_token
AUTH=(-H "Authorization: Bearer $TOKEN")
curl -fs "${AUTH[@]}" -H 'Content-Type: application/json' -d "{\"code\":\"$SCHOOL\",\"name\":\"Benchmark agents\",\"level\":\"SECUNDAIR\"}" \
  "$BASE/api/v1/schools" >/dev/null
KEY=$(curl -fs "${AUTH[@]}" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$BASE/api/v1/schools/$SCHOOL/agent-keys" \
  | grep -o '"key":"[^"]*"' | cut -d'"' -f4)

# --- the documents (perl with Compress::Zlib, part of perl itself) ---
mkdir -p "$WORK/docs"
gen_start=$(now_ms)
perl -MCompress::Zlib -e '
  my ($dir, $known, $mix, $runs) = @ARGV;
  sub doc {
    my ($m, $variant) = @_;
    my $soft = "";
    for my $i (0 .. 299) {
      my $p = ($m * 7 + $i) % 600;
      my $v = $i == 0 ? "1.$variant.0" : "2.$p.0";
      $soft .= "<SOFTWARES><NAME>Programma P$p (x64 nl)</NAME><VERSION>$v</VERSION><PUBLISHER>Uitgever " . ($p % 40)
        . " BV</PUBLISHER><SYSTEM_CATEGORY>application</SYSTEM_CATEGORY><FROM>registry</FROM></SOFTWARES>\n";
    }
    my $mac = sprintf("02:00:00:%02x:%02x:%02x", ($m >> 16) & 255, ($m >> 8) & 255, $m & 255);
    my $xml = qq{<?xml version="1.0" encoding="UTF-8" ?>\n<REQUEST><CONTENT>
<BIOS><BDATE>01/02/2024</BDATE><BMANUFACTURER>LENOVO</BMANUFACTURER><BVERSION>R1UET60W</BVERSION><SMANUFACTURER>LENOVO</SMANUFACTURER><SMODEL>ThinkPad L14</SMODEL><SSN>BENCH$m</SSN></BIOS>
<HARDWARE><NAME>pc-$m</NAME><UUID>6b1c0e2a-58f4-4c1e-9d3a-} . sprintf("%012d", $m) . qq{</UUID><MEMORY>16384</MEMORY><CHASSIS_TYPE>Notebook</CHASSIS_TYPE><VMSYSTEM>Physical</VMSYSTEM><LASTLOGGEDUSER>leerling$m</LASTLOGGEDUSER></HARDWARE>
<OPERATINGSYSTEM><NAME>Windows</NAME><FULL_NAME>Microsoft Windows 11 Pro</FULL_NAME><VERSION>23H2</VERSION><ARCH>64-bit</ARCH></OPERATINGSYSTEM>
<CPUS><NAME>13th Gen Intel(R) Core(TM) i5-1335U</NAME><CORE>10</CORE></CPUS>
<DRIVES><LETTER>C:</LETTER><FILESYSTEM>NTFS</FILESYSTEM><TOTAL>486734</TOTAL><FREE>301228</FREE></DRIVES>
<NETWORKS><DESCRIPTION>Wi-Fi</DESCRIPTION><MACADDR>$mac</MACADDR><IPADDRESS>10.20.} . ($m % 250) . qq{.7</IPADDRESS><VIRTUALDEV>0</VIRTUALDEV></NETWORKS>
<MONITORS><CAPTION>LEN T24i-30</CAPTION><MANUFACTURER>Lenovo</MANUFACTURER><SERIAL>MON$m</SERIAL></MONITORS>
$soft<VERSIONCLIENT>FusionInventory-Agent_v2.6</VERSIONCLIENT>
</CONTENT><DEVICEID>pc-$m-2024-09-02-08-12-40</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>\n};
    return compress($xml);
  }
  sub put { my ($f, $d) = @_; open(my $h, ">:raw", "$dir/$f") or die; print $h $d; close $h; }
  put(sprintf("seed-%05d", $_), doc($_, 0)) for 0 .. $known - 1;
  my $next = $known;
  for my $r (1 .. $runs) {
    for my $i (0 .. $mix - 1) {
      my $d = $i % 10 == 0 ? doc($next++, 0) : doc(($i * 7919 + $r) % $known, $r);
      put(sprintf("mix-%d-%05d", $r, $i), $d);
    }
  }' "$WORK/docs" "$KNOWN" "$MIX" "$RUNS"
gen_ms=$(( $(now_ms) - gen_start ))
doc_kb=$(( $(du -sk "$WORK/docs" | cut -f1) / (KNOWN + MIX * RUNS) ))
echo "documents: $(ls "$WORK/docs" | wc -l) in $gen_ms ms, ~$doc_kb KiB each compressed" >&2

# curl config of a set of documents ($1: file prefix) -> sends them with $PARALLEL connections; "code seconds" lines
send_all() {
  local prefix=$1 cfg=$WORK/curl-$1.cfg
  : >"$cfg"
  local first=1
  for f in "$WORK/docs/$prefix"-*; do
    (( first )) || echo next >>"$cfg"
    first=0
    printf 'url = "%s/agent"\ndata-binary = "@%s"\nuser = "%s:%s"\nheader = "Content-Type: application/x-compress-zlib"\noutput = "/dev/null"\nwrite-out = "%%{http_code} %%{time_total}\\n"\n' \
      "$BASE" "$f" "$SCHOOL" "$KEY" >>"$cfg"
  done
  curl -s --no-progress-meter --parallel --parallel-immediate --parallel-max "$PARALLEL" -K "$cfg"
}
stats() { sort -n | awk '{ v[NR] = $1 * 1000 } END { i50 = int(NR * 0.50 + 0.999); i95 = int(NR * 0.95 + 0.999); printf "%.0f %.0f %.0f\n", v[i50], v[i95], v[NR] }'; }

ROWS=()
run() { # $1 label, $2 file prefix, $3 requests
  local label=$1 prefix=$2 n=$3 load0 rss0 t0 t1 secs rate bad p50 p95 max
  load0=$(load1); rss0=$(rss_mb "$APP")
  t0=$(now_ms)
  send_all "$prefix" >"$WORK/times-$prefix.txt"
  t1=$(now_ms)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
  rate=$(awk -v n="$n" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", n * 1000 / (b - a) }')
  bad=$(awk '$1 != 200' "$WORK/times-$prefix.txt" | wc -l)
  read -r p50 p95 max < <(awk '{ print $2 }' "$WORK/times-$prefix.txt" | stats)
  ROWS+=("| $label | $load0 → $(load1) | $n | $secs | **$rate** | $p50 | $p95 | $max | $bad | $rss0 → $(rss_mb "$APP") MB |")
  echo "$label: $n in $secs s = $rate/s (p50 $p50 ms, p95 $p95 ms, max $max ms), not 200: $bad, load $load0 → $(load1)" >&2
}

run "seed: $KNOWN new machines (300 programs each)" seed "$KNOWN"
sql -U postgres -d spil -c "vacuum analyze" >/dev/null
for r in $(seq 1 "$RUNS"); do
  run "mix run $r: 90% re-inventories (1 program updated), 10% new" "mix-$r" "$MIX"
done
counts=$(usql -Atc "select (select count(*) from asset), (select count(*) from agent_software),
  (select count(*) from software_title), (select count(*) from software_installation),
  (select count(*) from agent_submission), pg_size_pretty(pg_database_size('spil'))")
cpu=$(cpu_s "$APP")

{
  echo "Ran \`bench/agents.sh $KNOWN $MIX $RUNS $PARALLEL\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $machine_line."
  echo
  echo "PostgreSQL $PGVERSION on 127.0.0.1 (\`random_page_cost = 1.1\`); the app with \`java -Xmx256m -jar\` (healthy after"
  echo "$(awk -v m="$healthy" 'BEGIN{printf "%.1f", m/1000}') s); the client (one curl, $PARALLEL transfers at once) on the same 2 cores. Documents: FusionInventory XML,"
  echo "zlib, ~$doc_kb KiB each compressed (~300 programs), made in $(awk -v m="$gen_ms" 'BEGIN{printf "%.1f", m/1000}') s. Afterwards: assets, reported programs, catalog"
  echo "titles, installations, submissions, database size = \`$counts\`; the app used $cpu s of CPU in all."
  echo
  echo "| what | load average (start → end) | inventories | seconds | **per second** | p50 (ms) | p95 (ms) | max (ms) | not 200 | RSS of the JVM |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
} >"$OUT"
cat "$OUT"
