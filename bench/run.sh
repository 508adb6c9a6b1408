#!/usr/bin/env bash
# Import benchmark: one command, results in docs/benchmarks.md.
#   bash bench/run.sh            (1,000,000 and 100,000 rows)
# Measures, in one run and on this machine: psql's \copy of a generated 1M-row NOMIS API CSV into a table with a primary
# key, the app's end-to-end import of the same file (upload, validation, commit) into PostgreSQL and into SQLite, and the
# app's peak memory for 100k and 1M rows. Needs PostgreSQL's server binaries (apt-get install postgresql) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d /tmp/mhe-bench-XXXX)
chmod 755 "$work"
trap 'if [ -n "${pgdata:-}" ]; then $as_pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true; fi; rm -rf "$work"' EXIT

echo "Building the app (Release)..."
dotnet publish src/MhEmployment.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
for n in 100000 1000000; do python3 bench/generate_nomis.py $n "$work/nomis-$n.csv"; done
chmod 644 "$work"/*.csv

pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg=""
[ "$(id -u)" -eq 0 ] && as_pg="runuser -u postgres --"
pgdata="$work/pg"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$pgdata" && [ -n "$as_pg" ] && chown postgres "$pgdata" "$work"
$as_pg "$pgbin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C >/dev/null
$as_pg "$pgbin/pg_ctl" -D "$pgdata" -o "-p $port -k $work -c listen_addresses=127.0.0.1" -l "$work/pg.log" -w start >/dev/null
psql_() { psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }
now() { date +%s.%N; }

# Baseline: psql \copy of the same file into a table with a primary key on the observation's key.
psql_ -d postgres -c "CREATE DATABASE baseline"
psql_ -d baseline -c "CREATE TABLE nomis (date text, date_name text, date_code text, date_type text, date_typecode int, date_sortorder int,
  geography bigint, geography_name text, geography_code text, geography_type text, geography_typecode int, geography_sortorder int,
  gender int, gender_name text, gender_code int, gender_type text, gender_typecode int, gender_sortorder int,
  c_age int, c_age_name text, c_age_code int, c_age_type text, c_age_typecode int, c_age_sortorder int,
  measures int, measures_name text, obs_value double precision, obs_status text, obs_status_name text, obs_conf text, obs_conf_name text,
  urn text, record_offset bigint, record_count bigint, PRIMARY KEY (date_code, geography_code, gender, c_age, measures))"
t0=$(now); psql_ -d baseline -c "\\copy nomis FROM '$work/nomis-1000000.csv' CSV HEADER"; t1=$(now)
psql_seconds=$(python3 -c "print($t1 - $t0)")

# The app, end to end: the CLI's import runs the same upload, validation and commit as the pages.
mapping='{"*":"ni152-out-of-work-benefits"}'
app_import() { # provider connection file -> "seconds peak_kb"
  local provider=$1 connection=$2 file=$3
  env Database__Provider="$provider" ConnectionStrings__"$provider"="$connection" Imports__StoragePath="$work/storage" \
      Imports__LoadSampleData=false Accounts__FirstAdminPasswordFile="$work/admin.txt" DOTNET_ENVIRONMENT=Production \
      Serilog__MinimumLevel__Default=Warning dotnet "$work/app/MhEmployment.Web.dll" migrate >/dev/null
  local t0 t1
  t0=$(now)
  env Database__Provider="$provider" ConnectionStrings__"$provider"="$connection" Imports__StoragePath="$work/storage" \
      Imports__LoadSampleData=false Accounts__FirstAdminPasswordFile="$work/admin.txt" DOTNET_ENVIRONMENT=Production \
      Serilog__MinimumLevel__Default=Warning \
      /usr/bin/time -f "%M" -o "$work/peak" dotnet "$work/app/MhEmployment.Web.dll" import "$file" --mapping "$mapping" --commit >"$work/import.log" 2>&1 \
      || { cat "$work/import.log"; exit 1; }
  t1=$(now)
  echo "$(python3 -c "print($t1 - $t0)") $(cat "$work/peak")"
}
pg_db() { psql_ -d postgres -c "CREATE DATABASE $1"; echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$1"; }

read -r pg_1m pg_1m_kb < <(app_import Postgres "$(pg_db app1m)" "$work/nomis-1000000.csv")
read -r pg_100k pg_100k_kb < <(app_import Postgres "$(pg_db app100k)" "$work/nomis-100000.csv")
read -r sq_1m sq_1m_kb < <(app_import Sqlite "Data Source=$work/app1m.db" "$work/nomis-1000000.csv")
read -r sq_100k sq_100k_kb < <(app_import Sqlite "Data Source=$work/app100k.db" "$work/nomis-100000.csv")
stored=$(psql_ -d app1m -At -c 'SELECT COUNT(*) FROM "IndicatorValues"')

rate() { python3 -c "print(f'{$1 / $2:,.0f}')"; }
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
cat > docs/benchmarks.md <<MD
# Benchmarks

Run with \`bash bench/run.sh\`; this file is rewritten by each run.

- Date: $(date -u +"%Y-%m-%d %H:%M UTC")
- Machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB memory, $(uname -sr)
- PostgreSQL $($pgbin/postgres --version | awk '{print $3}') (a private cluster, default settings, on loopback); SQLite as bundled with Microsoft.Data.Sqlite
- Input: a generated NOMIS API CSV (34 columns, the full layout of a real download) over 306 real area codes (\`bench/generate_nomis.py\`)

## Imports (issue 4)

| measurement | 1,000,000 rows | 100,000 rows | target |
|---|---|---|---|
| \`psql \\copy\` into a table with a primary key | $(seconds "$psql_seconds") s ($(rate 1000000 "$psql_seconds") rows/s) | | baseline |
| app import into PostgreSQL, end to end (upload, validate, commit) | $(seconds "$pg_1m") s ($(rate 1000000 "$pg_1m") rows/s) | $(seconds "$pg_100k") s | ≥ 0.8 × psql: **$(python3 -c "print(f'{$psql_seconds / $pg_1m:.2f}')") ×** |
| app import into SQLite, end to end | $(seconds "$sq_1m") s ($(rate 1000000 "$sq_1m") rows/s) | $(seconds "$sq_100k") s | ≥ 150,000 rows/s |
| app peak memory (RSS), PostgreSQL | $((pg_1m_kb / 1024)) MB | $((pg_100k_kb / 1024)) MB | flat, ≤ 400 MB |
| app peak memory (RSS), SQLite | $((sq_1m_kb / 1024)) MB | $((sq_100k_kb / 1024)) MB | flat, ≤ 400 MB |

Values stored by the 1M-row PostgreSQL import: $stored. The app's times include starting the .NET process and
its checks of every row (areas, catalogue, duplicates); psql only parses and inserts.
MD
cat docs/benchmarks.md
