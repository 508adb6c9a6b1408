# Shared by the benchmarks that run the app (bench/dashboards.sh, assets.sh, needs.sh, exports.sh, scale.sh): sourced, not run.
# bench_start NAME makes the work folder ($work) and the trap that, however the script ends, stops the app
# ($app_pid), any process in $bench_pids and the PostgreSQL cluster, and deletes the folder; it also publishes the app
# (Release, ReadyToRun) to $work/app. Then: pg_start (a private cluster on a free port, psql_), verb and app_start
# (the app's command line and server with one provider's settings), sign_in and first_sign_in (as a person, for
# pages), and the wrk measurement of bench/dashboards.sh (prepare, slice, finish, measure, measure_alternating).

bench_start() { # name
  work=$(mktemp -d "${TMPDIR:-/tmp}/mhe-$1-XXXX")
  chmod 755 "$work"
  app_pid="" bench_pids=()
  trap bench_cleanup EXIT
  echo "Building the app (Release)..."
  dotnet publish src/MhEmployment.Web -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "$work/app" --nologo -v quiet >/dev/null
}
bench_cleanup() {
  local pid
  for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ -n "${pgdata:-}" ]; then $as_pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}

pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg=""
[ "$(id -u)" -eq 0 ] && as_pg="runuser -u postgres --"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# PostgreSQL: a private cluster on a free port ($pgport), default settings.
pg_start() {
  pgdata="$work/pg"
  pgport=$(free_port)
  mkdir -p "$pgdata"
  [ -n "$as_pg" ] && chown postgres "$pgdata" "$work"
  $as_pg "$pgbin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C >/dev/null
  $as_pg "$pgbin/pg_ctl" -D "$pgdata" -o "-p $pgport -k $work -c listen_addresses=127.0.0.1" -l "$work/pg.log" -w start >/dev/null
}
psql_() { psql -h 127.0.0.1 -p "$pgport" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
pg_connection() { echo "Host=127.0.0.1;Port=$pgport;Username=postgres;Database=$1"; }

# The app's verbs and the server, with one provider's settings. Request logging (Serilog, Information) is off.
# A script may add settings of its own in the array app_extra_settings.
app_extra_settings=()
app_env() { # provider connection -> the array settings
  settings=(Database__Provider="$1" ConnectionStrings__"$1"="$2" Imports__StoragePath="$work/storage-$1"
    Imports__LoadSampleData=false Accounts__FirstAdminPasswordFile="$work/admin-$1.txt" DOTNET_ENVIRONMENT=Production
    ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning "${app_extra_settings[@]}")
}
verb() { # provider connection args...
  local provider=$1 connection=$2; shift 2
  app_env "$provider" "$connection"
  (cd "$work/app" && env "${settings[@]}" dotnet MhEmployment.Web.dll "$@")
}
app_start() { # provider connection log -> $app_pid, $base (on a free port), once the app answers
  local port
  port=$(free_port)
  base="http://127.0.0.1:$port"
  app_env "$1" "$2"
  (cd "$work/app" && exec env "${settings[@]}" dotnet MhEmployment.Web.dll --urls "$base") >"$3" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 240); do curl -sf -o /dev/null "$base/health/live" && break; sleep 0.25; done
  curl -sf -o /dev/null "$base/health/live" || { cat "$3"; exit 1; }
}
app_stop() {
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
}

# Signs in (antiforgery token from the form, then the post) into a cookie jar.
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }
sign_in() { # base email password jar
  local base=$1 email=$2 password=$3 jar=$4
  rm -f "$jar"
  curl -sf -c "$jar" -b "$jar" -o "$work/login.html" "$base/Account/Login"
  curl -sf -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' "$base/Account/Login" \
    --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" \
    --data-urlencode "__RequestVerificationToken=$(token_of "$work/login.html")" | grep -q 302 \
    || { echo "Sign-in as $email failed." >&2; exit 1; }
}
first_sign_in() { # base email one-time-password new-password jar: signs in and makes the forced password change
  local base=$1 email=$2 temp=$3 password=$4 jar=$5
  sign_in "$base" "$email" "$temp" "$jar"
  curl -sf -c "$jar" -b "$jar" -o "$work/change.html" "$base/Account/ChangePassword"
  # Followed to the account page as a browser would: it shows the "password changed" flash, which drops its cookie.
  curl -sfL -c "$jar" -b "$jar" -o /dev/null "$base/Account/ChangePassword" \
    --data-urlencode "Input.CurrentPassword=$temp" --data-urlencode "Input.NewPassword=$password" \
    --data-urlencode "Input.ConfirmPassword=$password" --data-urlencode "__RequestVerificationToken=$(token_of "$work/change.html")"
}
jar_cookies() { # jar -> "a=b; c=d" (curl marks HttpOnly cookies with a #HttpOnly_ prefix on the domain)
  sed 's/^#HttpOnly_//' "$1" | awk -F'\t' 'NF >= 7 && $1 !~ /^#/ {v = v (v ? "; " : "") $6 "=" $7} END {print v}'
}
new_password() { echo "bench-$(python3 -c 'import secrets; print(secrets.token_hex(12))')"; }

# ---- wrk on loopback, as bench/dashboards.sh measures (settings: threads, connections, warmup, rounds, slice_seconds,
# duration; a signed-in $viewer with $viewer_password; results in the associative array result).

install_wrk() {
  if ! command -v wrk >/dev/null; then
    echo "Installing wrk..."
    local sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
    $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq wrk >/dev/null
  fi
  # wrk prints its latency at every 0.1 percent too, so that alternating runs can be reported as one.
  cat >"$work/quantiles.lua" <<'LUA'
done = function(summary, latency, requests)
  local q = {}
  for i = 1, 1000 do q[i] = latency:percentile(i / 10) end
  io.write("quantiles " .. table.concat(q, " ") .. "\n")
end
LUA
}

size_of() { # the response size of a URL with this cookie, headers included, as wrk counts it
  curl -s -o /dev/null -H "Cookie: $2" -w '%{size_header} %{size_download}' "$1" | awk '{print $1 + $2}'
}

# wrk output -> "rps p50_ms p99_ms requests bytes_per_request non2xx errors"
parse_wrk() {
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(s):
    n, u = re.match(r"([\d.]+)(us|ms|s|m)", s).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[u]
def size(s):
    n, u = re.match(r"([\d.]+)([KMGT]?B)", s).groups()
    return float(n) * 1024 ** "BKMGT".index(u[0] if u != "B" else "B")
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
m = re.search(r"(\d+) requests in [\d.]+\w+, ([\d.]+\w+) read", text)
requests, read = int(m.group(1)), size(m.group(2))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = re.search(r"Socket errors: (.*)", text)
print(f"{rps:.0f} {p50:.2f} {p99:.2f} {requests} {read / max(requests, 1):.0f} {non2xx.group(1) if non2xx else 0} "
      f"{'yes' if errors else 'no'}")
PY
}

declare -A result
# The app re-checks a session against its account once it is 60 s old and then issues a new cookie, which a browser
# keeps but wrk cannot: each wrk run gets a session young enough to last it, signing in again when needed (not for
# every run: sign-in is rate-limited per address).
session_cookie="" session_born=0
ensure_session() { # seconds the next run lasts -> $session_cookie
  if [ -z "$session_cookie" ] || [ $(( $(date +%s) - session_born + $1 + 5 )) -ge 60 ]; then
    sign_in "$base" "$viewer" "$viewer_password" "$work/jar"
    session_cookie=$(jar_cookies "$work/jar") session_born=$(date +%s)
  fi
}

prepare() { # provider label path [status]: checks the answer, notes its size, warms up
  local provider=$1 label=$2 path=$3 url="$base$3" status=${4:-200} code
  ensure_session "$warmup"
  code=$(curl -s -o "$work/page.html" -w '%{http_code}' -H "Cookie: $session_cookie" "$url")
  [ "$code" = "$status" ] || { echo "$url answered $code, not $status." >&2; exit 1; }
  result[$provider.$label.expected]=$(size_of "$url" "$session_cookie")
  wrk -t"$threads" -c"$connections" -d"${warmup}s" -H "Cookie: $session_cookie" "$url" >/dev/null
  : >"$work/slices-$provider-$label"
}

slice() { # provider label path status seconds: one measured wrk run, checked and kept for finish
  local provider=$1 label=$2 path=$3 url="$base$3" status=$4 seconds=$5 expected=${result[$1.$2.expected]}
  ensure_session "$seconds"
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$work/quantiles.lua" -H "Cookie: $session_cookie" "$url" >"$work/wrk.txt"
  read -r rps p50 p99 requests per_request non2xx socket_errors < <(parse_wrk "$work/wrk.txt")
  # wrk counts a redirect to the sign-in page as a success: check that responses were the page's size throughout.
  # (wrk's byte count includes the responses still arriving when it stopped, up to one per connection.)
  python3 -c "import sys; e, g, n, c = map(float, sys.argv[1:]); sys.exit(0 if 0.95 * e <= g <= 1.05 * e * (n + c) / n else 1)" \
    "$expected" "$per_request" "$requests" "$connections" || { echo "$url: responses averaged $per_request bytes, expected $expected." >&2; cat "$work/wrk.txt" >&2; exit 1; }
  if [ "$status" = 200 ]; then
    [ "$non2xx" = 0 ] || { echo "$url: $non2xx responses were not 2xx/3xx." >&2; cat "$work/wrk.txt" >&2; exit 1; }
  fi
  echo "$rps $p50 $p99 $requests $per_request $socket_errors $(grep '^quantiles' "$work/wrk.txt" | cut -d' ' -f2-)" >>"$work/slices-$provider-$label"
}

finish() { # provider label path: one result from the URL's runs, as if they were one (rate over their total time;
  # p50 and p99 of all their requests, from each run's latency at every 0.1 percent)
  local provider=$1 label=$2 path=$3
  read -r rps p50 p99 requests per_request socket_errors runs < <(python3 - "$work/slices-$provider-$label" <<'PY'
import bisect, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
rps, n, size = ([float(r[i]) for r in rows] for i in (0, 3, 4))
quantiles = [[int(v) for v in r[6:]] for r in rows]  # microseconds at 0.1, 0.2, ... 100 percent
assert all(len(q) == 1000 for q in quantiles), "wrk's quantiles missing"
seconds = sum(k / r for k, r in zip(n, rps))
def percentile(p):  # the smallest latency at or below which p of all the runs' requests fell
    share = lambda x: sum(k * bisect.bisect_right(q, x) / 1000 for k, q in zip(n, quantiles)) / sum(n)
    return next(x for x in sorted({v for q in quantiles for v in q}) if share(x) >= p - 1e-9) / 1000
print(f"{sum(n) / seconds:.0f} {percentile(0.5):.2f} {percentile(0.99):.2f} {sum(n):.0f} "
      f"{sum(b * k for b, k in zip(size, n)) / sum(n):.0f} {'yes' if any(r[5] == 'yes' for r in rows) else 'no'} {len(rows)}")
PY
)
  printf '  %-10s %-45s %8s req/s  p50 %7s ms  p99 %7s ms  (%s requests, %s bytes each, %s run(s))\n' \
    "$provider" "$path" "$rps" "$p50" "$p99" "$requests" "$per_request" "$runs"
  result[$provider.$label.rps]=$rps result[$provider.$label.p50]=$p50 result[$provider.$label.p99]=$p99
  result[$provider.$label.bytes]=$per_request result[$provider.$label.errors]=$socket_errors
}

measure() { # provider label path [status]: one run of DURATION seconds
  prepare "$@"
  slice "$1" "$2" "$3" "${4:-200}" "$duration"
  finish "$1" "$2" "$3"
}

# The static file and the dashboard, whose ratio is the target: measured in ROUNDS alternating runs that share
# DURATION each, so that other work on a shared machine weighs on both alike rather than on whichever ran when it
# started.
measure_alternating() { # provider static_path dashboard_path
  local provider=$1 static=$2 dashboard=$3 round
  prepare "$provider" static "$static"
  prepare "$provider" dashboard "$dashboard"
  for round in $(seq 1 "$rounds"); do
    slice "$provider" static "$static" 200 "$slice_seconds"
    slice "$provider" dashboard "$dashboard" 200 "$slice_seconds"
  done
  finish "$provider" static "$static"
  finish "$provider" dashboard "$dashboard"
}

# ---- Data for the benchmarks of needs versus assets and exports: all-England values and 20,000 assets.

bench_query() { # provider database sql -> CSV with a header (database: the SQLite file, or the PostgreSQL database's name)
  if [ "$1" = Sqlite ]; then sqlite3 -header -csv "$2" "$3"; else psql_ -d "$2" --csv -c "$3"; fi
}
bench_count() { # provider database table
  if [ "$1" = Sqlite ]; then sqlite3 "$2" "SELECT COUNT(*) FROM \"$3\""; else psql_ -d "$2" -At -c "SELECT COUNT(*) FROM \"$3\""; fi
}

# Every area in effect today x the catalogue x 15 periods (bench/generate_england.py), imported and committed by the
# app's own import verb; the file is generated once, on the first call.
load_england_values() { # provider database connection
  if [ ! -f "$work/england.csv" ]; then
    bench_query "$1" "$2" "SELECT \"Code\" AS code, \"Kind\" AS kind, \"RegionCode\" AS region, \"ParentCode\" AS parent
      FROM \"Areas\" WHERE \"ValidTo\" IS NULL AND substr(\"Code\", 1, 3) IN ('E06','E07','E08','E09','E10','E12','E92') ORDER BY \"Code\"" >"$work/values-areas.csv"
    python3 bench/generate_england.py "$work/values-areas.csv" src/MhEmployment.Web/Data/Seed/indicators.json "$work/england.csv"
    chmod 644 "$work/england.csv"
  fi
  verb "$1" "$3" import "$work/england.csv" --commit >"$work/import.log" 2>&1 || { cat "$work/import.log"; exit 1; }
}

# 20,000 assets across England (bench/generate_assets.py, seeded), loaded straight into the tables; generated once.
load_assets() { # provider database
  local provider=$1 db=$2
  if [ ! -f "$work/assets.csv" ]; then
    bench_query "$provider" "$db" "SELECT \"Code\" AS code, \"Kind\" AS kind FROM \"Areas\" WHERE \"ValidTo\" IS NULL
      AND \"Kind\" IN ('LondonBorough','MetropolitanDistrict','UnitaryAuthority','NonMetropolitanDistrict','County','Region','IntegratedCareBoard','SubIcbLocation') ORDER BY \"Code\"" >"$work/areas.csv"
    bench_query "$provider" "$db" "SELECT \"Id\" AS id FROM \"AssetChecklistItems\" WHERE \"RetiredUtc\" IS NULL ORDER BY \"Id\"" >"$work/items.csv"
    python3 bench/generate_assets.py "$work/areas.csv" "$work/items.csv" "$work"
    chmod 644 "$work"/*.csv
  fi
  if [ "$provider" = Sqlite ]; then
    python3 - "$work" "$db" <<'PY'
import csv, sqlite3, sys
folder, path = sys.argv[1], sys.argv[2]
db = sqlite3.connect(path)
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
    local pair table file columns
    for pair in Assets:assets.csv AssetItems:asset_items.csv AssetAreas:asset_areas.csv; do
      table=${pair%%:*} file=${pair#*:}
      columns=$(head -1 "$work/$file" | sed 's/\([^,]*\)/"\1"/g')
      psql_ -d "$db" -c "\\copy \"$table\" ($columns) FROM '$work/$file' WITH (FORMAT csv, HEADER true)"
    done
    psql_ -d "$db" -c 'ANALYZE'
  fi
}

# Lines "status seconds" (curl's -w '%{http_code} %{time_total}\n') -> "p50 pN bad": milliseconds at the median and at
# the given upper percentile (0.99, 0.95) with the given decimals, and how many answers were not 200.
request_percentiles() { # file upper decimals
  python3 - "$@" <<'PY'
import sys
path, upper, decimals = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
rows = [line.split() for line in open(path)]
times = sorted(float(t) * 1000 for _, t in rows)
pick = lambda p: times[min(len(times) - 1, int(p * len(times)))]
print(f"{pick(0.5):.{decimals}f} {pick(upper):.{decimals}f} {sum(1 for c, _ in rows if c != '200')}")
PY
}
