#!/usr/bin/env bash
# Load with an import running (issue 18, "Load"): one command, results in docs/benchmarks.md.
#   bash bench/load.sh
# With all-England values (bench/generate_england.py) and 20,000 assets (bench/generate_assets.py) loaded, wrk sends a
# scripted mix of dashboard, indicator, comparison, coverage and needs-summary export requests (pages with a signed-in
# Officer's session cookie, /api/v1 with the Officer's API token; bench/load.lua) over CONNECTIONS connections for
# DURATION seconds, while an Analyst uploads a generated IMPORT_ROWS-row NOMIS CSV (bench/generate_nomis.py) to
# POST /api/v1/imports with commit=true on the first instance and waits for it to be committed. Three configurations,
# each on its own copy of the same data: SQLite with one instance; PostgreSQL (a private cluster) with two instances on
# different ports sharing the database and the upload folder (Imports:StoragePath), wrk's threads dealt to both;
# PostgreSQL with one instance, for the throughput of one instance against two.
# Targets: zero errors (answers of status 400 and above, and socket errors), p99 <= 250 ms; reported with whether the import committed
# within the window.
# Needs PostgreSQL's server binaries (apt-get install postgresql), python3, curl and sqlite3; installs wrk if missing.
# Settings: DURATION (60), CONNECTIONS (64), WARMUP (most seconds of warm-up, 180), IMPORT_ROWS (1000000), COMMIT_WAIT (seconds the import
# may take after the window before it is reported as not committed, 240), CONFIGS ("sqlite pg2 pg1"; fewer to try
# the script out: the report then has blanks), REQUEST_LOG (a folder: the instances log every request's server time,
# Serilog's request log at Information, and their logs are copied there, app-CONFIG-INSTANCE.log; the figures then
# include the logging's own cost, so docs/benchmarks.md is left as it is).
# Time: about 5 minutes for the data and 3 to 8 for each configuration (the warm-up, the window, then the wait for
# the commit), besides publishing the app; longer on a busy machine.
# Disk: the work folder (under TMPDIR, default /tmp) holds the CSV (about 310 MB for 1M rows), the databases and one
# uploaded copy at a time; it is deleted however the script ends.
# Writes only the block between <!-- load:start --> and <!-- load:end --> of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
duration=${DURATION:-60}
connections=${CONNECTIONS:-64}
# The warm-up lets the runtime finish compiling the hot paths at full optimisation, as on a server that has been up
# for a while; the import's own code is still cold in the window. Measured on this machine (2026-12-07, SQLite, the
# mix alone in 20 s steps): 835, 1,377, 2,650, 2,950, 2,880, 2,950 requests a second, p99 1.6 s, 274, 74, 72, 74, 70 ms.
# Tiered compilation runs beside 64 busy connections on 2 cores, so a fixed 30 s left the window's first half still
# warming. The warm-up now runs in steps of warmup_step seconds until two steps in a row are each within 5% of the
# throughput of the step before (at most WARMUP seconds).
warmup=${WARMUP:-180}
warmup_step=15
import_rows=${IMPORT_ROWS:-1000000}
commit_wait=${COMMIT_WAIT:-240}
configs=${CONFIGS:-sqlite pg2 pg1}
threads=2
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +"%Y-%m-%d %H:%M UTC")
# One wrk run of a minute with one session cookie: the app's once-a-minute check of a session would hand wrk a new
# cookie it cannot keep (bench/lib.sh, ensure_session), so the check waits an hour here.
app_extra_settings=(Security__SessionRevalidationSeconds=3600)
request_log=${REQUEST_LOG:-}
if [ -n "$request_log" ]; then
  mkdir -p "$request_log"
  app_extra_settings+=(Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware=Information
    Serilog__MinimumLevel__Override__MhEmployment=Information)
fi

bench_start load
install_wrk

officer=officer@bench.local analyst=analyst@bench.local
mapping='{"*":"ni152-out-of-work-benefits"}'
# The mix, walked in turn by each of wrk's threads: 8 dashboard, 5 indicator, 3 comparison, 4 coverage and 4 export
# requests in 24. Exports are the needs-summary downloads in CSV and XLSX, through the API and through the summary
# page's download links. DOCX (about 130 ms a request on an idle machine, bench/exports.sh) and PDF (LibreOffice, not
# installed here) are left out.
paths=(
  /areas/E09000012 /indicators/esa-mental-behavioural-rate /needs-assets?region=E12000007 /assets/coverage/E09000012
  /api/v1/areas/E09000012/summary.csv /areas/E08000025 /api/v1/areas/E09000012/profile /api/v1/comparison?region=E12000007
  /indicators /areas/E10000020 /api/v1/areas/E09000012/coverage "/exports/summary?areas=E10000020&handler=Download&format=xlsx"
  /areas/E12000007 /api/v1/indicators/esa-mental-behavioural-rate /assets/coverage/E08000025 /areas/E92000001
  /api/v1/areas/E08000025/summary.xlsx /api/v1/comparison?region=england /indicators/ni152-out-of-work-benefits
  /areas/E09000011 "/api/v1/values?indicator=esa-mental-behavioural-rate&area=E09000012" /api/v1/areas/E08000025/coverage
  /api/v1/areas/E08000025/profile "/exports/summary?areas=E09000011&handler=Download&format=csv"
)

echo "Generating the ${import_rows}-row NOMIS CSV..."
python3 bench/generate_nomis.py "$import_rows" "$work/nomis.csv"
chmod 644 "$work/nomis.csv"
nomis_mb=$(( $(stat -c %s "$work/nomis.csv") / 1048576 ))

# The data, once per database engine: values, assets and the two accounts (an Officer reading and exporting, an
# Analyst importing), each with an API token. PostgreSQL's configurations get copies of this database (TEMPLATE).
prepare_data() { # provider database connection -> the files officer-temp-, officer-token-, analyst-token-PROVIDER
  local provider=$1 db=$2 connection=$3
  verb "$provider" "$connection" migrate >/dev/null
  load_england_values "$provider" "$db" "$connection"
  load_assets "$provider" "$db"
  verb "$provider" "$connection" users add --email "$officer" --role Officer | tail -1 >"$work/officer-temp-$provider"
  verb "$provider" "$connection" tokens add --email "$officer" --name "load benchmark" --days 2 | tail -1 >"$work/officer-token-$provider"
  verb "$provider" "$connection" users add --email "$analyst" --role Analyst >/dev/null
  verb "$provider" "$connection" tokens add --email "$analyst" --name "load benchmark" --days 2 | tail -1 >"$work/analyst-token-$provider"
  result[$provider.values]=$(bench_count "$provider" "$db" IndicatorValues)
  result[$provider.assets]=$(bench_count "$provider" "$db" Assets)
}
if [[ " $configs " == *" pg"* ]]; then
  pg_start
  psql_ -d postgres -c "CREATE DATABASE base"
fi
# SQLite first when it runs: load_england_values generates its file from the first database's areas.
[[ " $configs " == *" sqlite "* ]] && { echo "Loading SQLite..."; prepare_data Sqlite "$work/load.db" "Data Source=$work/load.db"; }
if [ -n "${pgport:-}" ]; then
  echo "Loading PostgreSQL..."
  prepare_data Postgres base "$(pg_connection base)"
  psql_ -d base -c "VACUUM ANALYZE"
fi

category() { # path -> what the mix counts it as
  case $1 in
    */summary*|/exports/*) echo export ;;
    */coverage*) echo coverage ;;
    */comparison*|/needs-assets*) echo comparison ;;
    /indicators*|/api/v1/indicators*|/api/v1/values*) echo indicator ;;
    *) echo dashboard ;;
  esac
}
now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(now)"; }

warm_up() { # ports label: the mix in steps until the throughput settles -> result[label.warmup]
  local ports_list=$1 label=$2 spent=0 previous=0 flat=0 rate steps=()
  while [ "$spent" -lt "$warmup" ]; do
    rate=$(LOAD_PORTS=$ports_list wrk -t"$threads" -c"$connections" -d"${warmup_step}s" -s bench/load.lua "${bases[0]}" \
      -- "$cookie" "$officer_token" "${paths[@]}" | awk '/^load requests/ { printf "%.0f", $3 / $5 }')
    spent=$(( spent + warmup_step )) steps+=("$rate")
    # Settled: two steps in a row within 5% of the step before (one flat step was seen mid-climb with two instances).
    if [ "$previous" -gt 0 ] && [ $(( rate * 100 )) -le $(( previous * 105 )) ]; then flat=$(( flat + 1 )); else flat=0; fi
    [ "$flat" -lt 2 ] || break
    previous=$rate
  done
  result[$label.warmup]="$spent s ($(IFS=,; echo "${steps[*]}" | sed 's/,/, /g') req/s in its ${warmup_step}-second steps)"
  echo "  warm-up: ${result[$label.warmup]}"
}

run_config() { # label provider instances
  local label=$1 provider=$2 instances=$3 connection db i pid
  if [ "$provider" = Sqlite ]; then
    db="$work/load.db" connection="Data Source=$work/load.db"
  else
    db=$label
    psql_ -d postgres -c "CREATE DATABASE $db TEMPLATE base"
    connection=$(pg_connection "$db")
  fi
  echo "== $label: $provider, $instances instance(s)"
  # The instances share the database and the upload folder (app_env: Imports__StoragePath=$work/storage-PROVIDER).
  local bases=() ports=() pids=()
  for i in $(seq 1 "$instances"); do
    app_start "$provider" "$connection" "$work/app-$label-$i.log"
    bases+=("$base") ports+=("${base##*:}") pids+=("$app_pid") bench_pids+=("$app_pid")
    app_pid=""
  done
  local officer_token analyst_token cookie
  officer_token=$(cat "$work/officer-token-$provider") analyst_token=$(cat "$work/analyst-token-$provider")
  first_sign_in "${bases[0]}" "$officer" "$(cat "$work/officer-temp-$provider")" "$(new_password)" "$work/jar"
  cookie=$(jar_cookies "$work/jar")
  # Every path answers 200 on every instance (the session signed in on the first is valid on the others).
  local path code auth
  for base in "${bases[@]}"; do
    for path in "${paths[@]}"; do
      if [[ $path == /api/* ]]; then auth="Authorization: Bearer $officer_token"; else auth="Cookie: $cookie"; fi
      code=$(curl -s -o "$work/body" -w '%{http_code}' -H "$auth" "$base$path")
      [ "$code" = 200 ] || { echo "$base$path answered $code." >&2; head -c 600 "$work/body" >&2; exit 1; }
    done
  done
  # Each request alone, before the window: 5 of each path one after another on the first instance (curl's total time).
  : >"$work/alone"
  for path in "${paths[@]}"; do
    if [[ $path == /api/* ]]; then auth="Authorization: Bearer $officer_token"; else auth="Cookie: $cookie"; fi
    for i in 1 2 3 4 5; do
      echo "$(category "$path") $path $(curl -s -o /dev/null -w '%{time_total}' -H "$auth" "${bases[0]}$path")" >>"$work/alone"
    done
  done
  result[$label.alone]=$(python3 - "$work/alone" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
for path in dict.fromkeys(p for _, p, _ in rows):  # each path's median, for the console
    print(f"    {statistics.median(float(t) * 1000 for _, q, t in rows if q == path):6.1f} ms  {path}", file=sys.stderr)
ms = lambda kind: statistics.median(float(t) * 1000 for k, _, t in rows if k == kind)
print(" / ".join(f"{ms(k):.0f}" for k in ("dashboard", "indicator", "comparison", "coverage", "export"))
      + f"; mean of the mix {statistics.mean(float(t) * 1000 for _, _, t in rows):.0f} ms")
PY
)
  echo "  alone (median ms: dashboard / indicator / comparison / coverage / export): ${result[$label.alone]}"
  local ports_list; ports_list=$(IFS=,; echo "${ports[*]}")
  warm_up "$ports_list" "$label"

  # The window: wrk for DURATION seconds; 2 s in, the upload of the import to the first instance, then its status
  # polled every half second (on the first instance) until it is committed.
  result[$label.load]=$(cut -d' ' -f1-3 /proc/loadavg)
  local cpu_before=0; for pid in "${pids[@]}"; do cpu_before=$(( cpu_before + $(awk '{print $14 + $15}' "/proc/$pid/stat") )); done
  LOAD_PORTS=$ports_list wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 30s -s bench/load.lua "${bases[0]}" \
    -- "$cookie" "$officer_token" "${paths[@]}" >"$work/wrk-$label.txt" 2>&1 &
  local wrk_pid=$! t0; t0=$(now)
  bench_pids+=("$wrk_pid")
  sleep 2
  curl -sf -H "Authorization: Bearer $analyst_token" -F "file=@$work/nomis.csv;type=text/csv" -F "mapping=$mapping" -F commit=true \
    "${bases[0]}/api/v1/imports" >"$work/upload.json" || { echo "The upload was refused." >&2; cat "$work/upload.json" >&2; exit 1; }
  result[$label.uploaded]=$(since "$t0")
  local import_id status="" committed=""
  import_id=$(python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['id'])" "$work/upload.json")
  while python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "$(since "$t0")" "$(( duration + commit_wait ))"; do
    status=$(curl -sf -H "Authorization: Bearer $analyst_token" "${bases[0]}/api/v1/imports/$import_id" | tee "$work/import.json" \
      | python3 -c "import json, sys; print(json.load(sys.stdin)['status'])") || status=unanswered
    case $status in
      committed) committed=$(since "$t0"); break ;;
      failed|undone|interrupted) break ;;
    esac
    sleep 0.5
  done
  wait "$wrk_pid" || true
  local cpu_after=0; for pid in "${pids[@]}"; do cpu_after=$(( cpu_after + $(awk '{print $14 + $15}' "/proc/$pid/stat") )); done
  result[$label.cpu]=$(python3 -c "import sys; print(f'{(int(sys.argv[2]) - int(sys.argv[1])) / int(sys.argv[3]):.0f}')" "$cpu_before" "$cpu_after" "$(getconf CLK_TCK)")
  result[$label.status]=$status result[$label.committed]=$committed
  result[$label.rows]=$(python3 -c "import json, sys; i = json.load(open(sys.argv[1])); print(f\"{i['rowCount']:,} rows: {i['newCount']:,} new, {i['changedCount']:,} changed\")" "$work/import.json")
  read -r _ _ requests _ seconds _ bad _ connect _ read_ _ write _ timeout _ p50 _ p99 _ max _ by_port < <(grep '^load ' "$work/wrk-$label.txt") \
    || { echo "wrk gave no summary." >&2; cat "$work/wrk-$label.txt" >&2; exit 1; }
  result[$label.requests]=$requests result[$label.bad]=$bad result[$label.socket]=$(( connect + read_ + write + timeout ))
  result[$label.rps]=$(python3 -c "print(f'{$requests / $seconds:.0f}')")
  result[$label.p50]=$(python3 -c "print(f'{$p50 / 1000:.1f}')") result[$label.p99]=$(python3 -c "print(f'{$p99 / 1000:.1f}')")
  result[$label.max]=$(python3 -c "print(f'{$max / 1000:.0f}')")
  result[$label.ports]=$(python3 -c "import sys; print(' / '.join(f'{int(p.split(\"=\")[1]):,}' for p in sys.argv[1].split(',')))" "$by_port")
  echo "  $requests requests in $seconds s (${result[$label.rps]}/s; per instance ${result[$label.ports]}), $bad of status 400 and above, ${result[$label.socket]} socket errors; p50 ${result[$label.p50]} ms, p99 ${result[$label.p99]} ms, max ${result[$label.max]} ms"
  echo "  import: uploaded after ${result[$label.uploaded]} s, ${status:-no status}${committed:+ at $committed s} (${result[$label.rows]}); app CPU ${result[$label.cpu]} s"
  for pid in "${pids[@]}"; do kill "$pid"; wait "$pid" 2>/dev/null || true; done
  bench_pids=()
  [ -z "$request_log" ] || cp "$work"/app-"$label"-*.log "$request_log"/
  rm -rf "$work/storage-$provider"
  [ "$provider" = Postgres ] && psql_ -d postgres -c "DROP DATABASE $db"
  return 0
}

declare -A instances_of=([sqlite]=1 [pg2]=2 [pg1]=1) provider_of=([sqlite]=Sqlite [pg2]=Postgres [pg1]=Postgres)
for config in $configs; do run_config "$config" "${provider_of[$config]}" "${instances_of[$config]}"; done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# The report.
r() { echo "${result[$1]:-}"; }
first() { local key; for key in "$@"; do [ -z "$(r "$key")" ] || { r "$key"; return; }; done; } # the first of these results there is
errors() { [ -z "$(r "$1.bad")" ] || echo $(( $(r "$1.bad") + $(r "$1.socket") )); }
verdict() { # label -> PASS when there were no errors and p99 <= 250 ms
  [ -n "$(r "$1.p99")" ] || return 0
  python3 -c "import sys; e, p = int(sys.argv[1]), float(sys.argv[2]); print('**PASS**' if e == 0 and p <= 250 else '**FAIL**')" "$(errors "$1")" "$(r "$1.p99")"
}
judge() { # value op limit unit
  [ -n "$1" ] || return 0
  python3 -c "import sys; v, op, l, u = sys.argv[1:]; ok = float(v) <= float(l) if op == '<=' else float(v) == float(l); print(f'{v}{u} ' + ('**PASS**' if ok else '**FAIL**'))" "$@"
}
cell() { # value suffix [prefix]: nothing when the configuration did not run
  [ -z "$1" ] || echo "${3:-}$1$2${3:+)}"
}
error_cell() { # label
  [ -z "$(r "$1.bad")" ] || echo "$(judge "$(errors "$1")" "==" 0 "") ($(r "$1.bad") + $(r "$1.socket"))"
}
import_cell() { # label
  [ -n "$(r "$1.status")" ] || return 0
  if [ -n "$(r "$1.committed")" ]; then
    python3 -c "import sys; u, c, d = map(float, sys.argv[1:]); print(f'uploaded {u:.1f} s and committed {c:.1f} s into the window: ' + ('**yes**, within it' if c <= d else f'**no**, {c - d:.1f} s after it'))" \
      "$(r "$1.uploaded")" "$(r "$1.committed")" "$duration"
  else
    echo "uploaded $(r "$1.uploaded") s into the window; **not committed**: $(r "$1.status") after $(( duration + commit_wait )) s"
  fi
}
ratio=""
[ -n "$(r pg1.rps)" ] && [ -n "$(r pg2.rps)" ] && ratio=$(python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$(r pg2.rps)" "$(r pg1.rps)")
row() { echo "| $1 | $2 | $3 | $4 | $5 |"; }
mix=$(for kind in dashboard indicator comparison coverage export; do
  printf '%s %s, ' "$(for path in "${paths[@]}"; do category "$path"; done | grep -cx "$kind")" "$kind"; done)
mix="${mix%, } requests in ${#paths[@]}"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
block="$work/block.md"
{
  echo "## Load with an import running (issue 18)"
  echo
  echo "Run with \`bash bench/load.sh\`; this section is rewritten by each run."
  echo
  echo "- Date: $started"
  echo "- Machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB memory, $(uname -sr); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), the app instances, PostgreSQL and the import all on the same machine (loopback)"
  echo "- Load average (1, 5, 15 min) at the start: $load_start; before each window: SQLite $(r sqlite.load), PostgreSQL two instances $(r pg2.load), one instance $(r pg1.load); at the end: $load_end. The machine is shared with other work: a load above about 2 to 3 during a window means others were running too, and every figure here is noisy"
  echo "- Data: $(first Sqlite.values Postgres.values) values (every area in effect today × the catalogue × 15 periods, \`bench/generate_england.py\`, loaded with \`import --commit\`) and $(first Sqlite.assets Postgres.assets) assets (\`bench/generate_assets.py\`), both seeded; each configuration on its own copy (PostgreSQL: \`CREATE DATABASE ... TEMPLATE\`)"
  echo "- App: Release build (ReadyToRun), Production environment, Serilog at Warning, sessions re-checked hourly rather than each minute (so that one wrk run keeps its cookie); PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') in a private cluster with default settings; SQLite as bundled with Microsoft.Data.Sqlite. Two instances: two processes on different ports with the same connection string and the same \`Imports:StoragePath\`"
  echo "- Requests: wrk \`-t$threads -c$connections -d${duration}s --timeout 30s\` with \`bench/load.lua\`, after a warm-up with the same mix in ${warmup_step}-second steps until two steps in a row are each within 5% of the throughput of the step before (at most ${warmup} s: tiered compilation under full load takes about a minute here, see the table); with two instances each of wrk's threads keeps its $(( connections / threads )) connections on one instance. Each thread walks this list in turn ($mix); pages as a signed-in Officer (session cookie), \`/api/v1\` with the Officer's API token: $(printf '`%s`, ' "${paths[@]}" | sed 's/, $//'). DOCX downloads (about 130 ms a request alone, see the exports section) and PDF (needs LibreOffice, not installed here) are not in the mix"
  echo "- Import: 2 s into the window an Analyst uploads a generated ${import_rows}-row NOMIS API CSV ($nomis_mb MB, \`bench/generate_nomis.py\`, mapped to \`ni152-out-of-work-benefits\`) to the first instance's \`POST /api/v1/imports\` with \`commit=true\`, then polls \`GET /api/v1/imports/{id}\` every 0.5 s until it is \`committed\`"
  echo "- Errors: answers of status 400 and above (pages are sent with \`X-Requested-With: XMLHttpRequest\`, so that a lost session answers 401 rather than a redirect to the sign-in page; every path answered 200 on every instance before the window) and wrk's socket errors (connect, read, write, timeout). wrk counts them itself: a Lua response() function would have it copy every body into Lua, which took about half a core"
  echo
  echo "| | SQLite, one instance | PostgreSQL, two instances | PostgreSQL, one instance | target |"
  echo "|---|---|---|---|---|"
  row "requests in the window" "$(r sqlite.requests)" "$(r pg2.requests)$(cell "$(r pg2.ports)" " per instance" " (")" "$(r pg1.requests)" ""
  row "throughput" "$(cell "$(r sqlite.rps)" " req/s")" "$(cell "$(r pg2.rps)" " req/s")" "$(cell "$(r pg1.rps)" " req/s")" "two instances ÷ one: ${ratio:-–} ×"
  row "latency p50" "$(cell "$(r sqlite.p50)" " ms")" "$(cell "$(r pg2.p50)" " ms")" "$(cell "$(r pg1.p50)" " ms")" ""
  row "latency p99" "$(judge "$(r sqlite.p99)" "<=" 250 " ms")" "$(judge "$(r pg2.p99)" "<=" 250 " ms")" "$(judge "$(r pg1.p99)" "<=" 250 " ms")" "≤ 250 ms"
  row "slowest request" "$(cell "$(r sqlite.max)" " ms")" "$(cell "$(r pg2.max)" " ms")" "$(cell "$(r pg1.max)" " ms")" ""
  row "errors: status ≥ 400 + socket" "$(error_cell sqlite)" "$(error_cell pg2)" "$(error_cell pg1)" "0"
  row "import ($(first sqlite.rows pg2.rows pg1.rows))" "$(import_cell sqlite)" "$(import_cell pg2)" "$(import_cell pg1)" ""
  row "warm-up until the throughput settled" "$(r sqlite.warmup)" "$(r pg2.warmup)" "$(r pg1.warmup)" ""
  row "each request alone, before the window (median ms: dashboard / indicator / comparison / coverage / export)" "$(r sqlite.alone)" "$(r pg2.alone)" "$(r pg1.alone)" ""
  row "app CPU time from the window's start to its end or the commit, whichever is later (all instances)" "$(cell "$(r sqlite.cpu)" " s")" "$(cell "$(r pg2.cpu)" " s")" "$(cell "$(r pg1.cpu)" " s")" ""
  row "verdict (zero errors, p99 ≤ 250 ms)" "$(verdict sqlite)" "$(verdict pg2)" "$(verdict pg1)" ""
  echo
  echo "wrk, the app instances, PostgreSQL and the import share the machine's $(nproc) cores: a second instance adds no"
  echo "processor, so two instances here show that the topology works under load rather than how it scales; on"
  echo "separate machines throughput would grow with the instances until the database is the limit. wrk keeps all"
  echo "$connections connections busy (a closed loop), so a request's latency is about $connections ÷ the throughput. Reads come from the"
  echo "output cache (ADR 0022) at a tenth of a millisecond of processor, and a needs-summary download costs about 1 ms"
  echo "(its CSV, or its workbook but for the page naming the reader, written once per built summary: ADR 0025). The tail"
  echo "comes from the import, not from steady serving: while the file arrives and is validated the request rate falls,"
  echo "and after the commit the dashboards' reload of the indicator's million values (off the thread pool; nobody waits"
  echo "for it) shares the processors with the requests, on every instance at once."
} >"$block"

if [ -n "$request_log" ]; then
  echo "Request logs in $request_log; docs/benchmarks.md left as it is (the figures include the logging)."
else
  python3 bench/write_section.py load "$block"
fi
echo
cat "$block"
