#!/usr/bin/env bash
# Asset register benchmark (issue 14, "Performance"): one command, results in docs/benchmarks.md.
#   bash bench/assets.sh
# Loads 20,000 synthetic assets across England (bench/generate_assets.py, seeded) into each database, starts the
# Release app, signs in as a Viewer and requests, one after another, the register's filtered first page and a
# borough's coverage page; reports the server's time per request (curl's time to the first byte on loopback) at
# p50 and p99. Target: p99 <= 50 ms on SQLite and on PostgreSQL.
# Needs PostgreSQL's server binaries (apt-get install postgresql), python3, curl and sqlite3.
# Settings: REQUESTS (measured per URL, default 300), WARMUP (requests first, default 300: with 30, the JIT was still recompiling hot methods during the first URL measured, which doubled its CPU a request).
# Writes only the block between <!-- assets:start --> and <!-- assets:end --> of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
requests=${REQUESTS:-300}
warmup=${WARMUP:-300}
started=$(date -u +"%Y-%m-%d %H:%M UTC")
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

bench_start assets-bench

areas_sql="SELECT \"Code\" AS code, \"Kind\" AS kind FROM \"Areas\" WHERE \"ValidTo\" IS NULL
  AND \"Kind\" IN ('LondonBorough','MetropolitanDistrict','UnitaryAuthority','NonMetropolitanDistrict','County','Region','IntegratedCareBoard','SubIcbLocation') ORDER BY \"Code\""
items_sql="SELECT \"Id\" AS id FROM \"AssetChecklistItems\" WHERE \"RetiredUtc\" IS NULL ORDER BY \"Id\""

pg_start
psql_ -d postgres -c "CREATE DATABASE assets"

register_path="/assets?area=E09000012&domain=3&rating=2&sort=name"
coverage_path="/assets/coverage/E09000012"
viewer=viewer@bench.local
declare -A result

measure() { # provider label path: sequential requests, server time (time to first byte) in ms -> p50 p99
  local provider=$1 label=$2 url="$base$3" i
  for i in $(seq 1 "$warmup"); do curl -sf -b "$work/jar" -c "$work/jar" -o /dev/null "$url"; done
  : >"$work/times"
  local cpu_before; cpu_before=$(awk '{print $14 + $15}' "/proc/$app_pid/stat")
  for i in $(seq 1 "$requests"); do
    curl -sf -b "$work/jar" -c "$work/jar" -o "$work/page.html" -w '%{http_code} %{time_starttransfer}\n' "$url" >>"$work/times"
  done
  read -r p50 p99 bad < <(python3 - "$work/times" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
times = sorted(float(t) * 1000 for _, t in rows)
pick = lambda p: times[min(len(times) - 1, int(p * len(times)))]
print(f"{pick(0.5):.1f} {pick(0.99):.1f} {sum(1 for c, _ in rows if c != '200')}")
PY
)
  [ "$bad" = 0 ] || { echo "$url: $bad responses were not 200." >&2; exit 1; }
  # The app's own CPU time per request (user + system, from /proc), which other work on a shared machine does not inflate.
  local cpu_ms; cpu_ms=$(awk -v b="$cpu_before" -v n="$requests" -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15 - b) * 1000 / hz / n}' "/proc/$app_pid/stat")
  result[$provider.$label.p50]=$p50 result[$provider.$label.p99]=$p99 result[$provider.$label.cpu]=$cpu_ms
  printf '  %-8s %-45s p50 %6s ms  p99 %6s ms  app CPU %5s ms/request  (%s requests)\n' "$provider" "$3" "$p50" "$p99" "$cpu_ms" "$requests"
}

for provider in Sqlite Postgres; do
  if [ "$provider" = Sqlite ]; then connection="Data Source=$work/assets.db"; else connection=$(pg_connection assets); fi
  echo "== $provider"
  verb "$provider" "$connection" migrate >/dev/null
  if [ "$provider" = Sqlite ]; then
    sqlite3 -header -csv "$work/assets.db" "$areas_sql" >"$work/areas.csv"
    sqlite3 -header -csv "$work/assets.db" "$items_sql" >"$work/items.csv"
    python3 bench/generate_assets.py "$work/areas.csv" "$work/items.csv" "$work"
    chmod 644 "$work"/*.csv
    python3 - "$work" <<'PY'
import csv, sqlite3, sys
folder = sys.argv[1]
db = sqlite3.connect(f"{folder}/assets.db")
for table, file in (("Assets", "assets.csv"), ("AssetItems", "asset_items.csv"), ("AssetAreas", "asset_areas.csv")):
    rows = list(csv.reader(open(f"{folder}/{file}")))
    columns = ",".join(f'"{c}"' for c in rows[0])
    db.executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({",".join("?" * len(rows[0]))})',
                   ([v if v != "" else None for v in row] for row in rows[1:]))
db.commit()
db.execute("ANALYZE")
db.close()
PY
  else
    for pair in Assets:assets.csv AssetItems:asset_items.csv AssetAreas:asset_areas.csv; do
      table=${pair%%:*} file=${pair#*:}
      columns=$(head -1 "$work/$file" | sed 's/\([^,]*\)/"\1"/g')
      psql_ -d assets -c "\\copy \"$table\" ($columns) FROM '$work/$file' WITH (FORMAT csv, HEADER true)"
    done
    psql_ -d assets -c 'ANALYZE'
  fi
  viewer_temp=$(verb "$provider" "$connection" users add --email "$viewer" --role Viewer | tail -1)
  viewer_password=$(new_password)

  app_start "$provider" "$connection" "$work/app-$provider.log"
  first_sign_in "$base" "$viewer" "$viewer_temp" "$viewer_password" "$work/jar"

  curl -sf -b "$work/jar" -o "$work/register.html" "$base$register_path"
  result[$provider.matches]=$(grep -o '[0-9,]* assets\? match' "$work/register.html" | head -1)
  [ -n "${result[$provider.matches]}" ] || { echo "The register did not answer with its results; signed in?" >&2; exit 1; }
  curl -sf -b "$work/jar" -o "$work/coverage.html" "$base$coverage_path"
  result[$provider.coverage]=$(grep -o 'Items with an asset</dt><dd>[^<]*' "$work/coverage.html" | sed 's/.*<dd>//')
  result[$provider.assets]=$(if [ "$provider" = Sqlite ]; then sqlite3 "$work/assets.db" 'SELECT COUNT(*) FROM "Assets"'; else psql_ -d assets -At -c 'SELECT COUNT(*) FROM "Assets"'; fi)

  measure "$provider" register "$register_path"
  measure "$provider" coverage "$coverage_path"
  measure "$provider" unfiltered "/assets"
  app_stop
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)

r() { echo "${result[$1]}"; }
verdict() { python3 -c "import sys; print('**PASS**' if max(map(float, sys.argv[1:])) <= 50 else '**FAIL**')" "$@"; }
block="$work/block.md"
{
  echo "## Asset register (issue 14)"
  echo
  echo "Run with \`bash bench/assets.sh\`; this section is rewritten by each run."
  echo
  echo "- Date: $started"
  echo "- Machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB memory, $(uname -sr); load average (1, 5, 15 min) at the start $load_start, at the end $load_end (the machine is shared)"
  echo "- Data: $(r Sqlite.assets) assets (SQLite) / $(r Postgres.assets) (PostgreSQL) across England, generated by \`bench/generate_assets.py\` (seeded): 75% serve one local authority, 5% two, 10% a region, 7% an ICB, 3% a sub-ICB location; one or two checklist items each; 80% rated; loaded straight into the tables"
  echo "- App: Release build, Production environment, Serilog at Warning; PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') in a private cluster with default settings"
  echo "- Method: $requests requests per URL one after another (after $warmup to warm up), as a signed-in Viewer, with curl on loopback; the figure is curl's time to the first byte, which is the server's time to build the page"
  echo
  echo "| | SQLite p50 / p99 (app CPU a request) | PostgreSQL p50 / p99 (app CPU a request) | target |"
  echo "|---|---|---|---|"
  echo "| register, filtered first page \`$register_path\` ($(r Sqlite.matches)) | $(r Sqlite.register.p50) / $(r Sqlite.register.p99) ms ($(r Sqlite.register.cpu) ms) | $(r Postgres.register.p50) / $(r Postgres.register.p99) ms ($(r Postgres.register.cpu) ms) | p99 ≤ 50 ms: $(verdict "$(r Sqlite.register.p99)" "$(r Postgres.register.p99)") |"
  echo "| Hackney's coverage \`$coverage_path\` (items with an asset: $(r Sqlite.coverage)) | $(r Sqlite.coverage.p50) / $(r Sqlite.coverage.p99) ms ($(r Sqlite.coverage.cpu) ms) | $(r Postgres.coverage.p50) / $(r Postgres.coverage.p99) ms ($(r Postgres.coverage.cpu) ms) | p99 ≤ 50 ms: $(verdict "$(r Sqlite.coverage.p99)" "$(r Postgres.coverage.p99)") |"
  echo "| reference: the register unfiltered, first page \`/assets\` | $(r Sqlite.unfiltered.p50) / $(r Sqlite.unfiltered.p99) ms ($(r Sqlite.unfiltered.cpu) ms) | $(r Postgres.unfiltered.p50) / $(r Postgres.unfiltered.p99) ms ($(r Postgres.unfiltered.cpu) ms) | |"
  echo
  echo "The times are wall-clock times on a machine shared with other work: when its load average is well above its"
  echo "$(nproc) cores, a request waits for a core, and p99 shows that wait more than the app's own cost. The app's CPU time"
  echo "a request (the mean, from /proc) is what the page itself costs, whatever else runs."
} >"$block"

python3 bench/write_section.py assets "$block"
echo
cat "$block"
