#!/usr/bin/env bash
# Dashboards at scale (issue 13, "Benchmark"): one command, results in docs/benchmarks.md.
#   bash bench/scale.sh                     (10,000,000 values; VALUES=500000 DURATION=8 READERS_SECONDS=30 for a quick run)
# On SQLite, then on PostgreSQL (a private cluster): a generated national store of VALUES values (every area in effect
# today, of every kind the app holds x a catalogue of INDICATORS indicators x 20 periods x sex and age slices, by
# bench/generate_national.py), loaded CHUNK_ROWS values at a time with the app's `import --commit`, then:
#   1. memory: the app's resident memory (VmRSS) after serving every area's dashboard once, against a fresh app with
#      the same catalogue and no values after a few pages; target <= 100 bytes per stored value above it;
#   2. cold start: the first borough dashboard after a restart; target <= 5 s;
#   3. steady state: the borough dashboard against the static file, measured as bench/dashboards.sh does (wrk, 16
#      connections, alternating runs); target >= 0.5 x the static file's rate with p99 <= 20 ms; then the largest theme's page, one run;
#   4. readers during a change: 32 wrk connections reading dashboards and the profile API for READERS_SECONDS (at least,
#      and until the change is over) while a CHANGE_ROWS-row revision is uploaded, committed and undone through the HTTP
#      API; targets: no errors, p99 <= 250 ms, no request over 1 s, the new figures visible to another person within
#      5 s of the commit's end (and the old ones within 5 s of the undo's).
# Needs PostgreSQL's server binaries (apt-get install postgresql), python3, curl and sqlite3; installs wrk if missing.
# Settings: VALUES (10000000), INDICATORS (200), CHUNK_ROWS (1000000), CHANGE_ROWS (1000000, at most VALUES),
# READERS_SECONDS (60), READERS (32), DURATION and WARMUP (seconds of the steady-state runs, 20 and 5), ROUNDS (4),
# PROVIDERS ("Sqlite Postgres"; one of them to try the script out: the report then has blanks for the other),
# MAX_RSS_MB (60% of the machine's memory: the app serving every dashboard stops there, reported as failing).
# Disk: the work folder (under TMPDIR, default /tmp) holds both databases and the app's copies of the uploads, about
# 600 bytes a value at the peak (6 GB for 10M); it is deleted however the script ends.
# Writes only the block between <!-- scale:start --> and <!-- scale:end --> of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
values=${VALUES:-10000000}
indicators_n=${INDICATORS:-200}
chunk_rows=${CHUNK_ROWS:-1000000}
change_rows=${CHANGE_ROWS:-1000000}
[ "$change_rows" -le "$values" ] || change_rows=$values
readers_seconds=${READERS_SECONDS:-60}
readers=${READERS:-32}
duration=${DURATION:-20}
warmup=${WARMUP:-5}
connections=16 threads=2
rounds=${ROUNDS:-4}
providers=${PROVIDERS:-Sqlite Postgres}
max_rss_mb=${MAX_RSS_MB:-$(awk '/MemTotal/ {print int($2 / 1024 * 0.6)}' /proc/meminfo)}
slice_seconds=$(( (duration + rounds - 1) / rounds ))
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +"%Y-%m-%d %H:%M UTC")
# The readers' run is one wrk run of a minute or more with one session cookie: the app's once-a-minute check of a
# session would hand wrk a new cookie it cannot keep (bench/lib.sh, ensure_session), so the check waits an hour here.
# The dashboards' reloads are logged (Information) so that their times can be reported beside what readers saw.
app_extra_settings=(Security__SessionRevalidationSeconds=3600 Serilog__MinimumLevel__Override__MhEmployment.Web.Features.Profiles.DashboardCache=Information)

bench_start scale
install_wrk
pg_start
psql_ -d postgres -c "CREATE DATABASE scale" -c "CREATE DATABASE empty"

static_path=/css/site.css
dashboard_path=/areas/E09000012
# The dashboard opens at its first theme with a national catalogue; the theme holding most of its indicators is
# measured too (one run), as the page a reader may open that costs most.
largest_theme_path="/areas/E09000012?theme=benefits"
profile_path=/api/v1/areas/E09000011/profile
reader_paths=(/areas/E09000012 "$profile_path" /areas/E09000011 "$profile_path" /areas/E08000025 "$profile_path"
  /areas/E10000020 "$profile_path" /areas/E12000007 "$profile_path" /areas/E92000001 "$profile_path")
analyst=analyst@bench.local viewer=viewer@bench.local

query() { # provider database sql [csv]: the answer, as CSV with its header when asked
  if [ "$1" = Sqlite ]; then
    if [ -n "${4:-}" ]; then sqlite3 -header -csv "$work/$2.db" "$3"; else sqlite3 "$work/$2.db" "$3"; fi
  elif [ -n "${4:-}" ]; then psql_ -d "$2" --csv -c "$3"; else psql_ -d "$2" -At -c "$3"; fi
}
same_csv() { python3 -c "import csv, sys; sys.exit(list(csv.reader(open(sys.argv[1]))) != list(csv.reader(open(sys.argv[2]))))" "$1" "$2"; } # sqlite3 quotes more
connection_of() { if [ "$1" = Sqlite ]; then echo "Data Source=$work/$2.db"; else pg_connection "$2"; fi; }

# The catalogue: the app's seeded indicators and copies of them (same value type, period type, methods; keys
# scale-N-<key>) up to INDICATORS, written straight into the table as an analyst's catalogue edits would leave them.
cat >"$work/catalogue.sql" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $indicators_n),
  base AS (SELECT *, ROW_NUMBER() OVER (ORDER BY "Key") AS r, COUNT(*) OVER () AS c FROM "Indicators")
INSERT INTO "Indicators" ("Key", "Name", "Definition", "Theme", "Unit", "ValueType", "Multiplier", "Polarity", "Source",
  "Age", "Sex", "PeriodType", "IntervalMethod", "ComparisonMethod", "NeedsReview")
SELECT 'scale-' || n.i || '-' || b."Key", b."Name" || ' (benchmark copy ' || n.i || ')', b."Definition", b."Theme", b."Unit",
  b."ValueType", b."Multiplier", b."Polarity", b."Source", b."Age", b."Sex", b."PeriodType", b."IntervalMethod",
  b."ComparisonMethod", b."NeedsReview"
FROM n JOIN base b ON b.r = (n.i - 1) % b.c + 1 WHERE n.i > b.c ORDER BY n.i;
SQL
areas_sql='SELECT "Code" AS code FROM "Areas" WHERE "ValidTo" IS NULL ORDER BY "Code"'
catalogue_sql='SELECT "Key" AS key, "ValueType" AS value_type, "Multiplier" AS multiplier, "PeriodType" AS period_type, "Sex" AS sex, "Age" AS age FROM "Indicators" ORDER BY "Key"'

prepare_store() { # provider database: migrated, seeded, with the catalogue and two accounts (tokens in the files)
  local provider=$1 db=$2 connection; connection=$(connection_of "$1" "$2")
  verb "$provider" "$connection" migrate >/dev/null
  if [ "$provider" = Sqlite ]; then sqlite3 "$work/$db.db" <"$work/catalogue.sql"; else psql_ -d "$db" -f "$work/catalogue.sql"; fi
  verb "$provider" "$connection" users add --email "$analyst" --role Analyst >/dev/null
  verb "$provider" "$connection" tokens add --email "$analyst" --name "scale benchmark" --days 2 | tail -1 >"$work/analyst-token-$provider-$db"
  verb "$provider" "$connection" users add --email "$viewer" --role Viewer | tail -1 >"$work/viewer-temp-$provider-$db"
  verb "$provider" "$connection" tokens add --email "$viewer" --name "scale benchmark" --days 2 | tail -1 >"$work/viewer-token-$provider-$db"
}
viewer_signs_in() { # provider database: the first sign-in and password change -> $session_cookie
  viewer_password=$(new_password)
  first_sign_in "$base" "$viewer" "$(cat "$work/viewer-temp-$1-$2")" "$viewer_password" "$work/jar"
  session_cookie=$(jar_cookies "$work/jar") session_born=$(date +%s)
}
rss_mb() { awk -v f="$1" '$1 == f":" {printf "%.1f", $2 / 1024}' "/proc/$app_pid/status"; } # VmRSS or VmHWM
get() { # path (API paths with the viewer's token) -> the status code; the body in $work/body
  if [[ $1 == /api/* ]]; then curl -s -o "$work/body" -w '%{http_code}' -H "Authorization: Bearer $viewer_token" "$base$1"
  else curl -s -o "$work/body" -w '%{http_code}' -H "Cookie: $session_cookie" "$base$1"; fi
}
expect_ok() { local code; code=$(get "$1"); [ "$code" = 200 ] || { echo "$base$1 answered $code." >&2; head -c 600 "$work/body" >&2; exit 1; }; }

# The value the readers' change alters: the first indicator's latest figure on the profile, as another person sees it.
watched_value() {
  curl -sf -H "Authorization: Bearer $viewer_token" "$base$profile_path" | python3 -c "
import json, sys
rows = [r for r in json.load(sys.stdin)['indicators'] if r['indicator'] == sys.argv[1]]
print(rows[0]['value'] if rows else 'none')" "$watched_key"
}
seconds_until() { # equal|differ value -> seconds until the watched value is (or is no longer) that value; 'never' after 120 s
  python3 - "$base$profile_path" "$viewer_token" "$watched_key" "$1" "$2" <<'PY'
import json, sys, time, urllib.request
url, token, key, mode, value = sys.argv[1:]
start = time.monotonic()
while time.monotonic() - start < 120:
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        rows = json.load(urllib.request.urlopen(req, timeout=60))["indicators"]
        now = str(next((r["value"] for r in rows if r["indicator"] == key), "none"))
        if (now == value) == (mode == "equal"):
            print(f"{time.monotonic() - start:.2f}")
            sys.exit(0)
    except OSError:
        pass
    time.sleep(0.1)
print("never")
PY
}
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "${2:-$(now)}"; }

declare -A loads
for provider in $providers; do
  echo "== $provider"
  connection=$(connection_of "$provider" scale)

  # 1a. The empty store's memory: same catalogue and accounts, no values; a fresh app after a few pages.
  prepare_store "$provider" empty
  viewer_token=$(cat "$work/viewer-token-$provider-empty")
  app_start "$provider" "$(connection_of "$provider" empty)" "$work/app-$provider-empty.log"
  viewer_signs_in "$provider" empty
  for path in / "$dashboard_path" /areas/E92000001 /indicators "$profile_path"; do expect_ok "$path"; done
  sleep 2
  result[$provider.rss_empty]=$(rss_mb VmRSS)
  app_stop
  echo "  empty store: ${result[$provider.rss_empty]} MB resident after a few pages"

  # The store: catalogue and areas as the first database has them (the second's must be the same), then the values a
  # chunk at a time.
  prepare_store "$provider" scale
  if [ ! -f "$work/areas.csv" ]; then
    query "$provider" scale "$areas_sql" csv >"$work/areas.csv"
    query "$provider" scale "$catalogue_sql" csv >"$work/catalogue.csv"
    read -r periods_n series_n < <(python3 bench/generate_national.py "$work/areas.csv" "$work/catalogue.csv" --values "$values" --shape)
    [ "$change_rows" -ge $(( periods_n * ($(wc -l <"$work/areas.csv") - 1) )) ] \
      || { echo "CHANGE_ROWS=$change_rows is less than one indicator's values; the change would not reach its latest period." >&2; exit 1; }
  else
    query "$provider" scale "$areas_sql" csv >"$work/areas-$provider.csv"
    query "$provider" scale "$catalogue_sql" csv >"$work/catalogue-$provider.csv"
    same_csv "$work/areas-$provider.csv" "$work/areas.csv" || { echo "$provider's areas differ from the first database's." >&2; exit 1; }
    same_csv "$work/catalogue-$provider.csv" "$work/catalogue.csv" || { echo "$provider's catalogue differs from the first database's." >&2; exit 1; }
  fi
  load_seconds=0 generate_seconds=0
  for ((first = 0; first < values; first += chunk_rows)); do
    t0=$(now)
    python3 bench/generate_national.py "$work/areas.csv" "$work/catalogue.csv" "$work/chunk.csv" --values "$values" --first "$first" --rows "$chunk_rows" 2>/dev/null
    chmod 644 "$work/chunk.csv"
    t1=$(now)
    verb "$provider" "$connection" import "$work/chunk.csv" --commit >"$work/import.log" 2>&1 || { cat "$work/import.log"; exit 1; }
    t2=$(now)
    rm "$work/chunk.csv"
    generate_seconds=$(python3 -c "print(f'{$t1 - $t0 + $generate_seconds:.2f}')")
    load_seconds=$(python3 -c "print(f'{$t2 - $t1 + $load_seconds:.2f}')")
    printf '\r  loaded %s of %s values (import %s s so far)' "$(( first + chunk_rows < values ? first + chunk_rows : values ))" "$values" "$load_seconds"
  done
  echo
  # As autovacuum would a minute later (untimed): otherwise the planner has no statistics for the new rows.
  [ "$provider" = Postgres ] && psql_ -d scale -c "VACUUM ANALYZE"
  result[$provider.stored]=$(query "$provider" scale 'SELECT COUNT(*) FROM "IndicatorValues"')
  result[$provider.load]=$load_seconds result[$provider.generate]=$generate_seconds
  result[$provider.rate]=$(python3 -c "print(f'{$values / $load_seconds:,.0f}')")
  echo "  import: $load_seconds s (${result[$provider.rate]} values/s; generating the files took $generate_seconds s more)"
  viewer_token=$(cat "$work/viewer-token-$provider-scale")
  analyst_token=$(cat "$work/analyst-token-$provider-scale")

  # 1b. Every area's dashboard once, from a fresh app; then its memory.
  app_start "$provider" "$connection" "$work/app-$provider.log"
  viewer_signs_in "$provider" scale
  expect_ok "/api/v1/areas"
  python3 -c "import json, sys; print('\n'.join(a['code'] for a in json.load(open(sys.argv[1]))))" "$work/body" >"$work/codes"
  # In batches, with the app's memory checked after each: an app outgrowing the machine would take the others on it
  # down too, so serving stops at MAX_RSS_MB and the figure is reported as reached after so many areas.
  result[$provider.areas]=$(wc -l <"$work/codes")
  : >"$work/codes-answered"
  t0=$(now) served=0
  while read -r -a batch; do
    printf "url = \"$base/areas/%s\"\noutput = /dev/null\n" "${batch[@]}" >"$work/batch.curl"
    curl -s -H "Cookie: $session_cookie" -w '%{http_code}\n' -K "$work/batch.curl" >>"$work/codes-answered"
    served=$(( served + ${#batch[@]} ))
    printf '\r  dashboards served: %s of %s, resident %s MB' "$served" "${result[$provider.areas]}" "$(rss_mb VmRSS)"
    if python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) > float(sys.argv[2]) else 1)" "$(rss_mb VmRSS)" "$max_rss_mb"; then
      result[$provider.over]=" (over MAX_RSS_MB=$max_rss_mb after $served of ${result[$provider.areas]} areas: stopped there)"
      break
    fi
  done < <(xargs -n 20 <"$work/codes")
  echo
  result[$provider.all_seconds]=$(elapsed "$t0")
  bad=$(grep -vc '^200$' "$work/codes-answered" || true)
  [ "$bad" = 0 ] || { echo "$bad of the $served dashboards did not answer 200." >&2; sort "$work/codes-answered" | uniq -c >&2; exit 1; }
  sleep 2
  result[$provider.rss_full]=$(rss_mb VmRSS) result[$provider.hwm]=$(rss_mb VmHWM)
  result[$provider.per_value]=$(python3 -c "print(f'{(${result[$provider.rss_full]} - ${result[$provider.rss_empty]}) * 1048576 / ${result[$provider.stored]}:.0f}')")
  echo "  every dashboard (${result[$provider.areas]}) once: ${result[$provider.all_seconds]} s; resident ${result[$provider.rss_full]} MB (peak ${result[$provider.hwm]} MB): ${result[$provider.per_value]} bytes a value above the empty store${result[$provider.over]:-}"

  # 2. Cold start: a restart, then the first borough dashboard (with the session from before: the keys are in the database).
  app_stop
  t0=$(now)
  app_start "$provider" "$connection" "$work/app-$provider-cold.log"
  result[$provider.ready]=$(elapsed "$t0")
  read -r code first_seconds < <(curl -s -o "$work/body" -w '%{http_code} %{time_total}\n' -H "Cookie: $session_cookie" "$base$dashboard_path")
  [ "$code" = 200 ] && grep -q 'table class="table profile"' "$work/body" || { echo "The first dashboard answered $code without its table." >&2; exit 1; }
  result[$provider.cold]=$(printf '%.2f' "$first_seconds")
  echo "  cold start: answering after ${result[$provider.ready]} s; first dashboard ${result[$provider.cold]} s"

  # 3. Steady state, as bench/dashboards.sh measures it.
  loads[$provider]=$(cut -d' ' -f1-3 /proc/loadavg)
  measure_alternating "$provider" "$static_path" "$dashboard_path"
  measure "$provider" largest "$largest_theme_path"

  # 4. Readers during a change: the revision (the same keys as the store's first CHANGE_ROWS values, other figures).
  if [ ! -f "$work/change.csv" ]; then
    python3 bench/generate_national.py "$work/areas.csv" "$work/catalogue.csv" "$work/change.csv" --values "$values" --rows "$change_rows" --revise 2>/dev/null
  fi
  watched_key=$(awk -F, 'NR == 2 {print $1}' "$work/catalogue.csv")
  before=$(watched_value)
  for path in "${reader_paths[@]}"; do expect_ok "$path"; done
  wrk -t"$threads" -c"$readers" -d3600s --timeout 30s -s bench/readers.lua "$base" -- "$session_cookie" "$viewer_token" "${reader_paths[@]}" >"$work/readers.txt" 2>&1 &
  readers_pid=$! bench_pids+=("$readers_pid")
  readers_t0=$(now)
  sleep 3
  t0=$(now)
  curl -sf -H "Authorization: Bearer $analyst_token" -F "file=@$work/change.csv;type=text/csv" -F commit=true "$base/api/v1/imports" >"$work/upload.json" \
    || { echo "The upload was refused." >&2; exit 1; }
  import_id=$(python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['id'])" "$work/upload.json")
  while :; do
    status=$(curl -sf -H "Authorization: Bearer $analyst_token" "$base/api/v1/imports/$import_id" | tee "$work/import.json" | python3 -c "import json, sys; print(json.load(sys.stdin)['status'])")
    case $status in
      committed) break ;;
      validating|committing) sleep 0.2 ;;
      *) echo "The change stopped as '$status'." >&2; head -c 2000 "$work/import.json" >&2; exit 1 ;;
    esac
  done
  result[$provider.commit]=$(elapsed "$t0")
  result[$provider.changed]=$(python3 -c "import json, sys; i = json.load(open(sys.argv[1])); print(f\"{i['changedCount']:,} changed, {i['newCount']:,} new\")" "$work/import.json")
  result[$provider.seen_commit]=$(seconds_until differ "$before")
  t0=$(now)
  code=$(curl -s -o "$work/undo.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $analyst_token" "$base/api/v1/imports/$import_id/undo")
  [ "$code" = 200 ] || { echo "The undo answered $code." >&2; cat "$work/undo.json" >&2; exit 1; }
  result[$provider.undo]=$(elapsed "$t0")
  result[$provider.seen_undo]=$(seconds_until equal "$before")
  python3 -c "import sys, time; time.sleep(max(0, float(sys.argv[1]) + float(sys.argv[2]) - time.time()))" "$readers_t0" "$readers_seconds"
  kill -INT "$readers_pid"; wait "$readers_pid" || true
  bench_pids=()
  result[$provider.readers_seconds]=$(elapsed "$readers_t0")
  read -r _ _ requests _ bad _ connect _ read_ _ write _ timeout _ p50 _ p99 _ max < <(grep '^readers ' "$work/readers.txt") \
    || { echo "wrk gave no summary." >&2; cat "$work/readers.txt" >&2; exit 1; }
  result[$provider.r_requests]=$requests result[$provider.r_bad]=$bad
  result[$provider.r_socket]=$(( connect + read_ + write + timeout ))
  result[$provider.r_p50]=$(python3 -c "print(f'{$p50 / 1000:.1f}')") result[$provider.r_p99]=$(python3 -c "print(f'{$p99 / 1000:.1f}')")
  result[$provider.r_max]=$(python3 -c "print(f'{$max / 1000:.1f}')")
  echo "  readers: $requests requests in ${result[$provider.readers_seconds]} s, $bad of status 400 and above, ${result[$provider.r_socket]} socket errors; p50 ${result[$provider.r_p50]} ms, p99 ${result[$provider.r_p99]} ms, max ${result[$provider.r_max]} ms"
  # The app's own log: how long the reloads of the commit's and the undo's versions took (from the database's commit).
  read -r result[$provider.reload_commit] result[$provider.reload_undo] < <(python3 - "$work/app-$provider-cold.log" <<'PY'
import json, sys
times = []
for line in open(sys.argv[1]):
    try:
        event = json.loads(line)
    except ValueError:
        continue
    if "Elapsed" in event and "moved from data version" in event.get("@mt", event.get("@m", "")):
        h, m, s = event["Elapsed"].split(":")
        times.append(f"{int(h) * 3600 + int(m) * 60 + float(s):.2f}")
print(*(times[-2:] if len(times) >= 2 else ["?", "?"]))
PY
)
  echo "  change: commit ${result[$provider.commit]} s (${result[$provider.changed]}), reloaded in ${result[$provider.reload_commit]} s, seen after ${result[$provider.seen_commit]} s; undo ${result[$provider.undo]} s, reloaded in ${result[$provider.reload_undo]} s, seen after ${result[$provider.seen_undo]} s"
  app_stop
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# The report: every figure against its target, and the same block in docs/benchmarks.md.
r() { echo "${result[$1]:-}"; }
judge() { # value op limit [unit] -> "value unit **PASS**" or FAIL ('never' fails)
  python3 - "$@" <<'PY'
import sys
value, op, limit = sys.argv[1:4]
unit = sys.argv[4] if len(sys.argv) > 4 else ""
if value == "":
    sys.exit(print(""))
ok = value != "never" and (float(value) <= float(limit) if op == "<=" else float(value) >= float(limit))
print(f"{value}{' ' + unit if unit and value != 'never' else ''} {'**PASS**' if ok else '**FAIL**'}")
PY
}
ratio() { [ -z "$(r "$1.static.rps")" ] || python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$(r "$1.${2:-dashboard}.rps")" "$(r "$1.static.rps")"; }
errors() { [ -z "$(r "$1.r_bad")" ] || echo $(( $(r "$1.r_bad") + $(r "$1.r_socket") )); }
row() { # label sqlite postgres target
  echo "| $1 | $2 | $3 | $4 |"
}
quick=""
[ "$values" = 10000000 ] || quick=" (quick run, VALUES=$values)"
areas_n=$(( $(wc -l <"$work/areas.csv") - 1 ))
thousands() { python3 -c "import sys; print(f'{int(sys.argv[1]):,}')" "$1"; }
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
block="$work/block.md"
{
  echo "## Dashboards at scale (issue 13)$quick"
  echo
  echo "Run with \`bash bench/scale.sh\`; this section is rewritten by each run."
  echo
  echo "- Date: $started"
  echo "- Machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB memory, $(uname -sr); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}') on the same machine (loopback)"
  echo "- Load average (1, 5, 15 min) at the start: $load_start; before SQLite's steady-state runs: ${loads[Sqlite]:-}; before PostgreSQL's: ${loads[Postgres]:-}; at the end: $load_end (the machine is shared)"
  echo "- Data: $(r Sqlite.stored) values (SQLite) / $(r Postgres.stored) (PostgreSQL): $areas_n areas in effect today (every kind the app holds: England, regions, counties, unitary authorities, metropolitan and non-metropolitan districts, London boroughs, NHS regions, ICBs, sub-ICB locations) × $indicators_n indicators (the seeded catalogue and copies of it) × $periods_n periods × $series_n series (an indicator's own sex and age, then other sexes and age bands), generated by \`bench/generate_national.py\` and loaded $(thousands "$chunk_rows") values at a time with the \`import --commit\` verb"
  echo "- App: Release build, Production environment, Serilog at Warning, sessions re-checked hourly rather than each minute (so that one wrk run of a minute keeps its cookie); PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') in a private cluster with default settings; SQLite as bundled with Microsoft.Data.Sqlite"
  echo "- Memory: the app's VmRSS from /proc, 2 s after its last request. Empty store: a fresh app on a database with the same catalogue and no values, after \`/\`, the borough dashboard, England's, \`/indicators\` and the profile API. Full store: a fresh app after every area's dashboard (\`/areas/{code}\` for each code of \`/api/v1/areas\`) once"
  echo "- Steady state: as \`bench/dashboards.sh\` measures it: wrk \`-t$threads -c$connections --latency\` after a ${warmup}-second warm-up, the static file and the dashboard in $rounds alternating runs of ${slice_seconds} s each, as a signed-in Viewer"
  echo "- Readers during a change: wrk \`-t$threads -c$readers --timeout 30s\` rotating over the dashboards of Hackney, Greenwich, Birmingham, Norfolk, London and England (as a signed-in Viewer) and \`$profile_path\` (the Viewer's API token), from 3 s before an Analyst uploads a $(thousands "$change_rows")-row revision of the store's first values to \`POST /api/v1/imports\` with \`commit=true\` until at least $readers_seconds s and the undo (\`POST /api/v1/imports/{id}/undo\`) are over. Errors: answers that are not 2xx and socket errors. \"Seen after\": from the API reporting the commit \`committed\` (the undo answering) until another person (the Viewer's token) gets the new figure (the old one) for \`$watched_key\` from the profile API, polled every 0.1 s"
  echo
  echo "| | SQLite | PostgreSQL | target |"
  echo "|---|---|---|---|"
  row "load: \`import --commit\`, $(thousands "$values") values in chunks" "$(r Sqlite.load) s ($(r Sqlite.rate) values/s)" "$(r Postgres.load) s ($(r Postgres.rate) values/s)" ""
  row "memory, empty store (resident)" "$(r Sqlite.rss_empty) MB" "$(r Postgres.rss_empty) MB" ""
  row "memory after every area's dashboard once (resident; peak)" "$(r Sqlite.rss_full) MB; $(r Sqlite.hwm) MB" "$(r Postgres.rss_full) MB; $(r Postgres.hwm) MB" ""
  row "bytes a stored value above the empty store" "$(judge "$(r Sqlite.per_value)" "<=" 100)$(r Sqlite.over)" "$(judge "$(r Postgres.per_value)" "<=" 100)$(r Postgres.over)" "≤ 100"
  row "every area's dashboard once, one after another ($areas_n areas)" "$(r Sqlite.all_seconds) s" "$(r Postgres.all_seconds) s" ""
  row "cold start: app answering after" "$(r Sqlite.ready) s" "$(r Postgres.ready) s" ""
  row "cold start: first borough dashboard \`$dashboard_path\`" "$(judge "$(r Sqlite.cold)" "<=" 5 s)" "$(judge "$(r Postgres.cold)" "<=" 5 s)" "≤ 5 s"
  row "static file \`$static_path\`: requests/s (p99)" "$(r Sqlite.static.rps) ($(r Sqlite.static.p99) ms)" "$(r Postgres.static.rps) ($(r Postgres.static.p99) ms)" "baseline"
  row "borough dashboard: requests/s (p50)" "$(r Sqlite.dashboard.rps) ($(r Sqlite.dashboard.p50) ms)" "$(r Postgres.dashboard.rps) ($(r Postgres.dashboard.p50) ms)" ""
  row "dashboard ÷ static" "$(judge "$(ratio Sqlite)" ">=" 0.5 ×)" "$(judge "$(ratio Postgres)" ">=" 0.5 ×)" "≥ 0.5 ×"
  row "dashboard p99" "$(judge "$(r Sqlite.dashboard.p99)" "<=" 20 ms)" "$(judge "$(r Postgres.dashboard.p99)" "<=" 20 ms)" "≤ 20 ms"
  row "largest theme \`$largest_theme_path\`: requests/s (p99); ÷ static" "$(r Sqlite.largest.rps) ($(r Sqlite.largest.p99) ms); $(ratio Sqlite largest) ×" "$(r Postgres.largest.rps) ($(r Postgres.largest.p99) ms); $(ratio Postgres largest) ×" ""
  row "page sizes: static / dashboard / largest theme (bytes, headers included)" "$(r Sqlite.static.bytes) / $(r Sqlite.dashboard.bytes) / $(r Sqlite.largest.bytes)" "$(r Postgres.static.bytes) / $(r Postgres.dashboard.bytes) / $(r Postgres.largest.bytes)" ""
  row "readers: requests in the run (p50)" "$(r Sqlite.r_requests) in $(r Sqlite.readers_seconds) s ($(r Sqlite.r_p50) ms)" "$(r Postgres.r_requests) in $(r Postgres.readers_seconds) s ($(r Postgres.r_p50) ms)" ""
  row "readers: errors (status 400 and above + socket)" "$(judge "$(errors Sqlite)" "<=" 0) ($(r Sqlite.r_bad) + $(r Sqlite.r_socket))" "$(judge "$(errors Postgres)" "<=" 0) ($(r Postgres.r_bad) + $(r Postgres.r_socket))" "0"
  row "readers: p99" "$(judge "$(r Sqlite.r_p99)" "<=" 250 ms)" "$(judge "$(r Postgres.r_p99)" "<=" 250 ms)" "≤ 250 ms"
  row "readers: slowest request" "$(judge "$(r Sqlite.r_max)" "<=" 1000 ms)" "$(judge "$(r Postgres.r_max)" "<=" 1000 ms)" "≤ 1 s"
  row "change: upload to committed (${result[Sqlite.changed]:-${result[Postgres.changed]:-}})" "$(r Sqlite.commit) s" "$(r Postgres.commit) s" ""
  row "change: the dashboards' reload of the commit's version (app log)" "$(r Sqlite.reload_commit) s" "$(r Postgres.reload_commit) s" ""
  row "change: new figures seen after the commit" "$(judge "$(r Sqlite.seen_commit)" "<=" 5 s)" "$(judge "$(r Postgres.seen_commit)" "<=" 5 s)" "≤ 5 s"
  row "change: undo" "$(r Sqlite.undo) s" "$(r Postgres.undo) s" ""
  row "change: the dashboards' reload of the undo's version (app log)" "$(r Sqlite.reload_undo) s" "$(r Postgres.reload_undo) s" ""
  row "change: old figures seen after the undo" "$(judge "$(r Sqlite.seen_undo)" "<=" 5 s)" "$(judge "$(r Postgres.seen_undo)" "<=" 5 s)" "≤ 5 s"
  echo
  echo "wrk and the app share the machine's $(nproc) cores, and so do the commit and the undo with the readers. Generating"
  echo "the values' files took $(r Sqlite.generate) s (SQLite) and $(r Postgres.generate) s (PostgreSQL) besides the load."
} >"$block"

python3 bench/write_section.py scale "$block"
echo
cat "$block"
