#!/usr/bin/env bash
# Needs-summary export benchmark (issue 16, "Performance"): one command, results in docs/benchmarks.md.
#   bash bench/exports.sh
# Loads all-England values (bench/generate_england.py) and 20,000 assets (bench/generate_assets.py) into each database,
# starts the Release app and, as an Officer, requests Hackney's summary one request after another as DOCX, XLSX, CSV
# and JSON (GET /api/v1/areas/E09000012/summary.{format}), reporting curl's total time on loopback (the server's time,
# the transfer on loopback being negligible) at p50 and p95; then exports all London's boroughs (33) and the North
# East's (12) as zips through the bulk export pages, timing each from the request to the finished zip and reading
# the app's peak memory (VmHWM, reset before each) to see that memory stays flat in the number of boroughs.
# Targets: DOCX <= 300 ms, XLSX <= 200 ms, London's zip <= 8 s, memory flat.
# Settings: REQUESTS (per format, default 40), WARMUP (default 10), BULK_FORMAT (default docx).
# Writes only the block between <!-- exports:start --> and <!-- exports:end --> of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
requests=${REQUESTS:-40}
warmup=${WARMUP:-10}
bulk_format=${BULK_FORMAT:-docx}
started=$(date -u +"%Y-%m-%d %H:%M UTC")
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

bench_start exports-bench
pg_start
psql_ -d postgres -c "CREATE DATABASE exports"

officer=officer@bench.local
summary="/api/v1/areas/E09000012/summary"
declare -A result

measure() { # provider format: sequential requests -> p50 p95 in ms, and the file's size
  local provider=$1 format=$2 url="$base$summary.$2" i
  for i in $(seq 1 "$warmup"); do curl -sf -H "Authorization: Bearer $token" -o /dev/null "$url"; done
  : >"$work/times"
  for i in $(seq 1 "$requests"); do
    curl -sf -H "Authorization: Bearer $token" -o "$work/summary.$format" -w '%{http_code} %{time_total}\n' "$url" >>"$work/times"
  done
  read -r p50 p95 bad < <(request_percentiles "$work/times" 0.95 0)
  [ "$bad" = 0 ] || { echo "$url: $bad responses were not 200." >&2; exit 1; }
  result[$provider.$format.p50]=$p50 result[$provider.$format.p95]=$p95
  result[$provider.$format.size]=$(( $(stat -c %s "$work/summary.$format") / 1024 ))
  printf '  %-8s %-5s p50 %5s ms  p95 %5s ms  (%s KB)\n' "$provider" "$format" "$p50" "$p95" "${result[$provider.$format.size]}"
}

# A region's boroughs as one zip through the bulk export pages: seconds from the request to the finished job, the
# app's peak memory above what it held before (MB), and the zip's entries.
bulk() { # provider label region
  local provider=$1 label=$2 region=$3 job started_ns status rss_before
  curl -sf -b "$work/jar" -c "$work/jar" -o "$work/bulk.html" "$base/exports/bulk"
  rss_before=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status")
  echo 5 >"/proc/$app_pid/clear_refs"
  started_ns=$(date +%s%N)
  local fields=(--data-urlencode "Form.Region=$region" --data-urlencode "Form.Format=$bulk_format" --data-urlencode "Form.Benchmark=england"
    --data-urlencode "Form.Scheme=Default" --data-urlencode "__RequestVerificationToken=$(token_of "$work/bulk.html")")
  local key; for key in headlines narrative spine-chart key-charts red-red assets rag-analysis gaps priorities; do fields+=(--data-urlencode "Form.Sections=$key"); done
  job=$(curl -sf -b "$work/jar" -c "$work/jar" -o /dev/null -w '%{redirect_url}' "$base/exports/bulk" "${fields[@]}")
  [ -n "$job" ] || { echo "The bulk export of $region was not accepted." >&2; exit 1; }
  status=running
  for _ in $(seq 1 1200); do
    curl -sf -b "$work/jar" -o "$work/job.html" "$job"
    if grep -q 'id="download"' "$work/job.html"; then status=done; break; fi
    if grep -q 'tag-failed\|tag-historical' "$work/job.html"; then status=failed; break; fi
    sleep 0.05
  done
  [ "$status" = done ] || { echo "The bulk export of $region ended $status." >&2; exit 1; }
  result[$provider.$label.seconds]=$(python3 -c "import sys; print(f'{(int(sys.argv[2]) - int(sys.argv[1])) / 1e9:.1f}')" "$started_ns" "$(date +%s%N)")
  result[$provider.$label.peak]=$(( ($(awk '/VmHWM/ {print $2}' "/proc/$app_pid/status") - rss_before) / 1024 ))
  curl -sf -b "$work/jar" -o "$work/bulk.zip" "$base$(grep -o 'id="download" class="button" href="[^"]*"' "$work/job.html" | sed 's/.*href="//; s/"$//; s/&amp;/\&/g')"
  result[$provider.$label.files]=$(python3 -c "import sys, zipfile; print(len(zipfile.ZipFile(sys.argv[1]).namelist()))" "$work/bulk.zip")
  result[$provider.$label.size]=$(( $(stat -c %s "$work/bulk.zip") / 1024 ))
  printf '  %-8s %-10s %s s, peak +%s MB, %s files, %s KB\n' "$provider" "$label" "${result[$provider.$label.seconds]}" \
    "${result[$provider.$label.peak]}" "${result[$provider.$label.files]}" "${result[$provider.$label.size]}"
}

for provider in Sqlite Postgres; do
  if [ "$provider" = Sqlite ]; then connection="Data Source=$work/exports.db" database="$work/exports.db"; else connection=$(pg_connection exports) database=exports; fi
  echo "== $provider"
  verb "$provider" "$connection" migrate >/dev/null
  load_england_values "$provider" "$database" "$connection"
  load_assets "$provider" "$database"
  result[$provider.values]=$(bench_count "$provider" "$database" IndicatorValues)
  result[$provider.assets]=$(bench_count "$provider" "$database" Assets)
  officer_temp=$(verb "$provider" "$connection" users add --email "$officer" --role Officer | tail -1)
  token=$(verb "$provider" "$connection" tokens add --email "$officer" --name "exports benchmark" --days 2 | tail -1)

  app_start "$provider" "$connection" "$work/app-$provider.log"
  first_sign_in "$base" "$officer" "$officer_temp" "$(new_password)" "$work/jar"
  for format in docx xlsx csv json; do measure "$provider" "$format"; done
  result[$provider.headlines]=$(python3 -c "import json, sys; s = json.load(open(sys.argv[1])); a = s['areas'][0]; print(f\"{len(a['headlines'])} headline indicators, {len(a['charts'])} charts, {len(a['values'])} values, {len(a['gaps'])} gaps\")" "$work/summary.json")
  bulk "$provider" northeast E12000001
  bulk "$provider" london E12000007
  app_stop
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)

r() { echo "${result[$1]}"; }
verdict() { python3 -c "import sys; limit = float(sys.argv[1]); print('**PASS**' if max(map(float, sys.argv[2:])) <= limit else '**FAIL**')" "$@"; }
# Flat: London's 33 boroughs take no more than 1.5 times the North East's 12 (plus 16 MB for the noise of a garbage
# collector that runs when it likes); memory growing with the boroughs would be near 33 / 12 = 2.75 times.
flat() { python3 -c "import sys; ne, ldn = map(float, sys.argv[1:]); print('**PASS**' if ldn <= 1.5 * max(ne, 0) + 16 else '**FAIL**')" "$@"; }
block="$work/block.md"
{
  echo "## Needs-summary exports (issue 16)"
  echo
  echo "Run with \`bash bench/exports.sh\`; this section is rewritten by each run."
  echo
  echo "- Date: $started"
  echo "- Machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB memory, $(uname -sr); load average (1, 5, 15 min) at the start $load_start, at the end $load_end (the machine is shared)"
  echo "- Data: $(r Sqlite.values) values (every area in effect today × the catalogue × 15 periods) and $(r Sqlite.assets) assets, both seeded; Hackney's summary: $(r Sqlite.headlines)"
  echo "- App: Release build, Production environment, Serilog at Warning; PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') in a private cluster with default settings"
  echo "- Method: $requests requests per format one after another (after $warmup to warm up) with curl on loopback as an Officer with a token; the figure is curl's total time. Bulk: the form posted as an Officer, the job page polled every 50 ms until the zip is done ($bulk_format files); peak memory is the app's VmHWM above its resident memory before the export (reset before each)"
  echo
  echo "| | SQLite p50 / p95 | PostgreSQL p50 / p95 | target |"
  echo "|---|---|---|---|"
  echo "| Hackney's DOCX ($(r Sqlite.docx.size) KB) | $(r Sqlite.docx.p50) / $(r Sqlite.docx.p95) ms | $(r Postgres.docx.p50) / $(r Postgres.docx.p95) ms | ≤ 300 ms (p95): $(verdict 300 "$(r Sqlite.docx.p95)" "$(r Postgres.docx.p95)") |"
  echo "| Hackney's XLSX ($(r Sqlite.xlsx.size) KB) | $(r Sqlite.xlsx.p50) / $(r Sqlite.xlsx.p95) ms | $(r Postgres.xlsx.p50) / $(r Postgres.xlsx.p95) ms | ≤ 200 ms (p95): $(verdict 200 "$(r Sqlite.xlsx.p95)" "$(r Postgres.xlsx.p95)") |"
  echo "| Hackney's CSV ($(r Sqlite.csv.size) KB) | $(r Sqlite.csv.p50) / $(r Sqlite.csv.p95) ms | $(r Postgres.csv.p50) / $(r Postgres.csv.p95) ms | |"
  echo "| Hackney's JSON ($(r Sqlite.json.size) KB) | $(r Sqlite.json.p50) / $(r Sqlite.json.p95) ms | $(r Postgres.json.p50) / $(r Postgres.json.p95) ms | |"
  echo
  echo "| bulk zip ($bulk_format) | SQLite: time, peak memory | PostgreSQL: time, peak memory | target |"
  echo "|---|---|---|---|"
  echo "| North East, $(r Sqlite.northeast.files) boroughs ($(r Sqlite.northeast.size) KB) | $(r Sqlite.northeast.seconds) s, +$(r Sqlite.northeast.peak) MB | $(r Postgres.northeast.seconds) s, +$(r Postgres.northeast.peak) MB | |"
  echo "| London, $(r Sqlite.london.files) boroughs ($(r Sqlite.london.size) KB) | $(r Sqlite.london.seconds) s, +$(r Sqlite.london.peak) MB | $(r Postgres.london.seconds) s, +$(r Postgres.london.peak) MB | ≤ 8 s: $(verdict 8 "$(r Sqlite.london.seconds)" "$(r Postgres.london.seconds)"); memory flat: $(flat "$(r Sqlite.northeast.peak)" "$(r Sqlite.london.peak)") / $(flat "$(r Postgres.northeast.peak)" "$(r Postgres.london.peak)") |"
} >"$block"

python3 bench/write_section.py exports "$block"
echo
cat "$block"
