#!/usr/bin/env bash
# Needs versus assets benchmark (issue 15, "Performance"): one command, results in docs/benchmarks.md.
#   bash bench/needs.sh
# Loads all-England values (every area in effect today x the catalogue x 15 periods, bench/generate_england.py) and
# 20,000 assets (bench/generate_assets.py) into each database, starts the Release app, and requests one after another
# the comparison of all England's and of London's upper-tier authorities (GET /api/v1/comparison) and London's
# comparison page, as a Viewer; reports the time per request until the whole answer has arrived (curl on loopback) at
# p50 and p99, and the app's CPU time a request. Targets: London p99 <= 20 ms, England p99 <= 100 ms, on both databases.
# The comparison is derived once per data version (need scores, each borough's coverage), so the first request after
# a change costs more: it is reported apart.
# Needs PostgreSQL's server binaries (apt-get install postgresql), python3, curl and sqlite3.
# Settings: REQUESTS (measured per URL, default 300), WARMUP (default 300: the app's background work after a start, such as
# saving the dashboards' snapshot, would otherwise be counted against the first URL).
# Writes only the block between <!-- needs:start --> and <!-- needs:end --> of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
requests=${REQUESTS:-300}
warmup=${WARMUP:-300}
started=$(date -u +"%Y-%m-%d %H:%M UTC")
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

bench_start needs-bench

pg_start
psql_ -d postgres -c "CREATE DATABASE needs"

london_api="/api/v1/comparison?region=E12000007"
england_api="/api/v1/comparison?region=england"
london_page="/needs-assets?region=E12000007"
viewer=viewer@bench.local
declare -A result

measure() { # provider label path: sequential requests, server time (time to first byte) in ms -> p50 p99, app CPU a request
  local provider=$1 label=$2 url="$base$3" i auth=()
  [[ $3 == /api/* ]] && auth=(-H "Authorization: Bearer $viewer_token")
  for i in $(seq 1 "$warmup"); do curl -sf "${auth[@]}" -b "$work/jar" -c "$work/jar" -o /dev/null "$url"; done
  : >"$work/times"
  local cpu_before; cpu_before=$(awk '{print $14 + $15}' "/proc/$app_pid/stat")
  for i in $(seq 1 "$requests"); do
    curl -sf "${auth[@]}" -b "$work/jar" -c "$work/jar" -o /dev/null -w '%{http_code} %{time_total}\n' "$url" >>"$work/times"
  done
  read -r p50 p99 bad < <(request_percentiles "$work/times" 0.99 1)
  [ "$bad" = 0 ] || { echo "$url: $bad responses were not 200." >&2; exit 1; }
  local cpu_ms; cpu_ms=$(awk -v b="$cpu_before" -v n="$requests" -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15 - b) * 1000 / hz / n}' "/proc/$app_pid/stat")
  result[$provider.$label.p50]=$p50 result[$provider.$label.p99]=$p99 result[$provider.$label.cpu]=$cpu_ms
  printf '  %-8s %-40s p50 %6s ms  p99 %6s ms  app CPU %5s ms/request  (%s requests)\n' "$provider" "$3" "$p50" "$p99" "$cpu_ms" "$requests"
}

for provider in Sqlite Postgres; do
  if [ "$provider" = Sqlite ]; then connection="Data Source=$work/needs.db"; else connection=$(pg_connection needs); fi
  echo "== $provider"
  verb "$provider" "$connection" migrate >/dev/null
  if [ "$provider" = Sqlite ]; then database="$work/needs.db"; else database=needs; fi
  load_england_values "$provider" "$database" "$connection"
  load_assets "$provider" "$database"
  result[$provider.values]=$(bench_count "$provider" "$database" IndicatorValues)
  result[$provider.assets]=$(bench_count "$provider" "$database" Assets)
  viewer_temp=$(verb "$provider" "$connection" users add --email "$viewer" --role Viewer | tail -1)
  viewer_password=$(new_password)
  viewer_token=$(verb "$provider" "$connection" tokens add --email "$viewer" --name "needs benchmark" --days 2 | tail -1)

  app_start "$provider" "$connection" "$work/app-$provider.log"
  first_sign_in "$base" "$viewer" "$viewer_temp" "$viewer_password" "$work/jar"
  # The first comparison of all England after the start derives every borough's coverage and the need scores.
  result[$provider.first]=$(curl -sf -H "Authorization: Bearer $viewer_token" -o "$work/england.json" -w '%{time_starttransfer}' "$base$england_api" \
    | python3 -c "import sys; print(f'{float(sys.stdin.read()) * 1000:.0f}')")
  result[$provider.areas]=$(python3 -c "import json, sys; c = json.load(open(sys.argv[1])); print(f\"{len(c['areas'])} areas, {sum(1 for a in c['areas'] for d in a['domains'] if d['compositeScore'] is not None)} scored cells\")" "$work/england.json")

  measure "$provider" england "$england_api"
  measure "$provider" london "$london_api"
  measure "$provider" page "$london_page"
  app_stop
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)

r() { echo "${result[$1]}"; }
verdict() { python3 -c "import sys; limit = float(sys.argv[1]); print('**PASS**' if max(map(float, sys.argv[2:])) <= limit else '**FAIL**')" "$@"; }
block="$work/block.md"
{
  echo "## Needs versus assets (issue 15)"
  echo
  echo "Run with \`bash bench/needs.sh\`; this section is rewritten by each run."
  echo
  echo "- Date: $started"
  echo "- Machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB memory, $(uname -sr); load average (1, 5, 15 min) at the start $load_start, at the end $load_end (the machine is shared)"
  echo "- Data: $(r Sqlite.values) values (every area in effect today × the catalogue × 15 periods, \`bench/generate_england.py\`) and $(r Sqlite.assets) assets (\`bench/generate_assets.py\`), both seeded; all England's comparison: $(r Sqlite.areas)"
  echo "- App: Release build, Production environment, Serilog at Warning; PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') in a private cluster with default settings"
  echo "- Method: $requests requests per URL one after another (after $warmup to warm up) with curl on loopback, as a Viewer (the API with the Viewer's token); the figure is curl's total time, until the whole answer has arrived on loopback"
  echo
  echo "| | SQLite p50 / p99 (app CPU a request) | PostgreSQL p50 / p99 (app CPU a request) | target |"
  echo "|---|---|---|---|"
  echo "| London's comparison \`$london_api\` | $(r Sqlite.london.p50) / $(r Sqlite.london.p99) ms ($(r Sqlite.london.cpu) ms) | $(r Postgres.london.p50) / $(r Postgres.london.p99) ms ($(r Postgres.london.cpu) ms) | p99 ≤ 20 ms: $(verdict 20 "$(r Sqlite.london.p99)" "$(r Postgres.london.p99)") |"
  echo "| all England's comparison \`$england_api\` | $(r Sqlite.england.p50) / $(r Sqlite.england.p99) ms ($(r Sqlite.england.cpu) ms) | $(r Postgres.england.p50) / $(r Postgres.england.p99) ms ($(r Postgres.england.cpu) ms) | p99 ≤ 100 ms: $(verdict 100 "$(r Sqlite.england.p99)" "$(r Postgres.england.p99)") |"
  echo "| London's comparison page \`$london_page\` | $(r Sqlite.page.p50) / $(r Sqlite.page.p99) ms ($(r Sqlite.page.cpu) ms) | $(r Postgres.page.p50) / $(r Postgres.page.p99) ms ($(r Postgres.page.cpu) ms) | |"
  echo "| the first all-England comparison after a start (derives need and coverage) | $(r Sqlite.first) ms | $(r Postgres.first) ms | |"
} >"$block"

python3 bench/write_section.py needs "$block"
echo
cat "$block"
