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
dotnet publish src/MhEmployment.Web -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "$work/app" --nologo -v quiet >/dev/null
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

# Each measured load starts from the same state: the operating system's dirty pages written out and a PostgreSQL
# checkpoint just taken. Otherwise whichever load comes second pays for the first one's writes (a checkpoint forced
# by the WAL psql's load left, or the kernel flushing its pages), which measured about 2 s on a 1M-row load.
# After each load its database is vacuumed and analysed (untimed), as autovacuum would do a minute later, in the
# middle of the next measurement.
quiesce() { sync; psql_ -d postgres -c "CHECKPOINT"; }
settle() { psql_ -d "$1" -c "VACUUM ANALYZE"; }

# Baseline: psql \copy of the same file into a table with a primary key on the observation's key.
psql_ -d postgres -c "CREATE DATABASE baseline"
psql_copy() { # -> seconds
  psql_ -d baseline -c "DROP TABLE IF EXISTS nomis" -c "CREATE TABLE nomis (date text, date_name text, date_code text, date_type text, date_typecode int, date_sortorder int,
    geography bigint, geography_name text, geography_code text, geography_type text, geography_typecode int, geography_sortorder int,
    gender int, gender_name text, gender_code int, gender_type text, gender_typecode int, gender_sortorder int,
    c_age int, c_age_name text, c_age_code int, c_age_type text, c_age_typecode int, c_age_sortorder int,
    measures int, measures_name text, obs_value double precision, obs_status text, obs_status_name text, obs_conf text, obs_conf_name text,
    urn text, record_offset bigint, record_count bigint, PRIMARY KEY (date_code, geography_code, gender, c_age, measures))"
  quiesce
  local t0 t1
  t0=$(now); psql_ -d baseline -c "\\copy nomis FROM '$work/nomis-1000000.csv' CSV HEADER"; t1=$(now)
  settle baseline
  python3 -c "print($t1 - $t0)"
}

# The app, end to end: the CLI's import runs the same upload, validation and commit as the pages. Its log keeps the
# time of each step (Serilog override for the Imports namespace), which the tables below are made from.
mapping='{"*":"ni152-out-of-work-benefits"}'
app_import() { # provider connection file tag -> "seconds peak_kb user_s sys_s"
  local provider=$1 connection=$2 file=$3 tag=$4
  env Database__Provider="$provider" ConnectionStrings__"$provider"="$connection" Imports__StoragePath="$work/storage" \
      Imports__LoadSampleData=false Accounts__FirstAdminPasswordFile="$work/admin.txt" DOTNET_ENVIRONMENT=Production \
      Serilog__MinimumLevel__Default=Warning dotnet "$work/app/MhEmployment.Web.dll" migrate >/dev/null
  quiesce
  local t0 t1
  t0=$(now)
  env Database__Provider="$provider" ConnectionStrings__"$provider"="$connection" Imports__StoragePath="$work/storage" \
      Imports__LoadSampleData=false Accounts__FirstAdminPasswordFile="$work/admin.txt" DOTNET_ENVIRONMENT=Production \
      Serilog__MinimumLevel__Default=Warning Serilog__MinimumLevel__Override__MhEmployment.Web.Features.Imports=Information \
      /usr/bin/time -f "%M %U %S" -o "$work/peak" dotnet "$work/app/MhEmployment.Web.dll" import "$file" --mapping "$mapping" --commit >"$work/import-$tag.log" 2>&1 \
      || { cat "$work/import-$tag.log"; exit 1; }
  t1=$(now)
  [ "$provider" = Postgres ] && settle "${connection##*Database=}" >/dev/null
  echo "$(python3 -c "print($t1 - $t0)") $(cat "$work/peak")"
}
pg_db() { psql_ -d postgres -c "CREATE DATABASE $1"; echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$1"; }

# Three rounds, in turn (psql, the app into PostgreSQL, the app into SQLite), each on a fresh table or database; the
# figures reported are each one's median round, so that one disturbed run on a shared machine does not decide them.
rounds=3
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$work/rounds"
for r in $(seq 1 $rounds); do
  echo "Round $r of $rounds..."
  psql_s=$(psql_copy)
  read -r pg_s pg_kb pg_user pg_sys < <(app_import Postgres "$(pg_db app1m_$r)" "$work/nomis-1000000.csv" pg1m-$r)
  read -r sq_s sq_kb sq_user sq_sys < <(app_import Sqlite "Data Source=$work/app1m-$r.db" "$work/nomis-1000000.csv" sq1m-$r)
  echo "$r $psql_s $pg_s $pg_kb $pg_user $pg_sys $sq_s $sq_kb $sq_user $sq_sys" >> "$work/rounds"
done
read -r pg_100k pg_100k_kb _ _ < <(app_import Postgres "$(pg_db app100k)" "$work/nomis-100000.csv" pg100k)
read -r sq_100k sq_100k_kb _ _ < <(app_import Sqlite "Data Source=$work/app100k.db" "$work/nomis-100000.csv" sq100k)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
median_round() { sort -g -k"$1" "$work/rounds" | sed -n "$(( (rounds + 1) / 2 ))p"; } # column -> that round's line
read -r _ psql_seconds _ < <(median_round 2)
read -r pg_round _ pg_1m pg_1m_kb pg_1m_user pg_1m_sys _ < <(median_round 3)
read -r sq_round _ _ _ _ _ sq_1m sq_1m_kb sq_1m_user sq_1m_sys < <(median_round 7)
pg_1m_kb=$(sort -g -k4 "$work/rounds" | tail -1 | cut -d' ' -f4)   # memory: the largest of the rounds
sq_1m_kb=$(sort -g -k8 "$work/rounds" | tail -1 | cut -d' ' -f8)
all_rounds() { cut -d' ' -f"$1" "$work/rounds" | python3 -c "import sys; print(', '.join(f'{float(x):.2f}' for x in sys.stdin.read().split()))"; }
psql_all=$(all_rounds 2); pg_all=$(all_rounds 3); sq_all=$(all_rounds 7)
stored=$(psql_ -d app1m_$pg_round -At -c 'SELECT COUNT(*) FROM "IndicatorValues"')

# What the merge's INSERT costs on PostgreSQL, piece by piece: the same 1M rows into a bare copy of IndicatorValues,
# then with its four indexes, then with its three foreign keys checked by the usual per-row triggers.
cols='"IndicatorId","AreaCode","PeriodStart","PeriodEnd","PeriodLabel","Sex","AgeBand","Value","Count","Denominator","Lower95","Upper95","Lower998","Upper998","Note","ImportId"'
psql_ -d app1m_$pg_round -c "CREATE UNLOGGED TABLE bench_src AS SELECT * FROM \"IndicatorValues\"" \
  -c "CREATE TABLE bench_heap (LIKE \"IndicatorValues\" INCLUDING DEFAULTS INCLUDING IDENTITY)" \
  -c "CREATE TABLE bench_indexed (LIKE \"IndicatorValues\" INCLUDING ALL)"
timed_sql() { local t0 t1; quiesce; t0=$(now); psql_ -d app1m_$pg_round -c "$1"; t1=$(now); python3 -c "print($t1 - $t0)"; }
heap_s=$(timed_sql "INSERT INTO bench_heap ($cols) SELECT $cols FROM bench_src")
indexed_s=$(timed_sql "INSERT INTO bench_indexed ($cols) SELECT $cols FROM bench_src")
psql_ -d app1m_$pg_round -c "TRUNCATE bench_indexed" \
  -c "ALTER TABLE bench_indexed ADD FOREIGN KEY (\"AreaCode\") REFERENCES \"Areas\"(\"Code\"), ADD FOREIGN KEY (\"IndicatorId\") REFERENCES \"Indicators\"(\"Id\"), ADD FOREIGN KEY (\"ImportId\") REFERENCES \"Imports\"(\"Id\")"
triggers_s=$(timed_sql "INSERT INTO bench_indexed ($cols) SELECT $cols FROM bench_src")

steps() { # log -> "step<TAB>ms" lines, in order
  python3 - "$1" <<'PY'
import json, re, sys
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.search(r'\{"@t".*', line)  # text mode splits at the progress line's carriage returns too
    if not m:
        continue
    try:
        e = json.loads(m.group(0))
    except ValueError:
        continue
    if "Step" in e:
        print(f'{e["Step"]}\t{e["ElapsedMs"]}')
PY
}
step_table() { # pg-log sqlite-log -> markdown rows
  python3 - <(steps "$1") <(steps "$2") <<'PY'
import sys
def read(path):
    rows = []
    for line in open(path):
        step, ms = line.rstrip("\n").split("\t")
        rows.append((step, int(ms)))
    return rows
pg, sq = read(sys.argv[1]), read(sys.argv[2])
order = [s for s, _ in pg] + [s for s, _ in sq if s not in {p for p, _ in pg}]
pgd, sqd = dict(pg), dict(sq)
for step in order:
    f = lambda d: f"{d[step] / 1000:.2f} s" if step in d else "–"
    print(f"| {step} | {f(pgd)} | {f(sqd)} |")
PY
}

rate() { python3 -c "print(f'{$1 / $2:,.0f}')"; }
s2() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
dashboards_block=$(sed -n '/<!-- dashboards:start -->/,/<!-- dashboards:end -->/p' docs/benchmarks.md 2>/dev/null || true)
cat > docs/benchmarks.md <<MD
# Benchmarks

Run with \`bash bench/run.sh\`; this file is rewritten by each run.

- Date: $(date -u +"%Y-%m-%d %H:%M UTC")
- Machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB memory, $(uname -sr); load average (1, 5, 15 min) $load_before before the app's runs and $load_after after
- PostgreSQL $($pgbin/postgres --version | awk '{print $3}') (a private cluster, default settings, on loopback); SQLite as bundled with Microsoft.Data.Sqlite
- Input: a generated NOMIS API CSV (34 columns, the full layout of a real download, 307 MB for 1M rows) over 306 real area codes (\`bench/generate_nomis.py\`)
- App: published as the image publishes it (Release, ReadyToRun for this platform)
- Method: three rounds, each loading the 1M-row file once with psql, once with the app into PostgreSQL and once with the app into SQLite, every load on a fresh table or database and after \`sync\` and a PostgreSQL \`CHECKPOINT\` (so that no load pays for the writes of the one before), its database vacuumed and analysed afterwards (untimed, as autovacuum would, rather than in the middle of the next load). Each figure below is that load's median round. The app's time is one fresh process (\`import FILE --mapping ... --commit\`) from start to exit: .NET start-up, copying and hashing the upload, the encoding check, reading and validating every row, writing it, and the commit. With \`--commit\` there is no preview to stop at, so a file of new values is checked and written in one pass (ADR 0008); a file that changes stored values, has errors or needs mapping is validated and staged first and merged after, as the pages do. psql's time is its \`\\copy\` alone.

## Imports (issue 4)

| measurement | 1,000,000 rows | 100,000 rows | target |
|---|---|---|---|
| \`psql \\copy\` into a table with a primary key | $(s2 "$psql_seconds") s ($(rate 1000000 "$psql_seconds") rows/s) | | baseline |
| app import into PostgreSQL, end to end (upload, validate, commit) | $(s2 "$pg_1m") s ($(rate 1000000 "$pg_1m") rows/s) | $(s2 "$pg_100k") s | ≥ 0.8 × psql: **$(python3 -c "print(f'{$psql_seconds / $pg_1m:.2f}')") ×** |
| app import into SQLite, end to end | $(s2 "$sq_1m") s ($(rate 1000000 "$sq_1m") rows/s) | $(s2 "$sq_100k") s | ≥ 150,000 rows/s |
| app peak memory (RSS), PostgreSQL | $((pg_1m_kb / 1024)) MB | $((pg_100k_kb / 1024)) MB | flat, ≤ 400 MB |
| app peak memory (RSS), SQLite | $((sq_1m_kb / 1024)) MB | $((sq_100k_kb / 1024)) MB | flat, ≤ 400 MB |
| app CPU time (user + system), 1M rows | PostgreSQL $(s2 "$pg_1m_user") + $(s2 "$pg_1m_sys") s; SQLite $(s2 "$sq_1m_user") + $(s2 "$sq_1m_sys") s | | |

All three rounds, 1M rows: psql $psql_all s; the app into PostgreSQL $pg_all s; into SQLite $sq_all s.
Values stored by the median PostgreSQL import: $stored.

The machine has two cores and may be shared with other work: the load averages above say how busy it was, and a
busy machine slows every figure, psql's included.

History, same machine: the first working bulk path took 39.06 s on PostgreSQL (0.14 × psql) and 22.10 s on SQLite
(45,253 rows/s). A first round of speed work (keys checked in memory during validation; a staging table with no key,
index or foreign key, unlogged on PostgreSQL, written in PostgreSQL's binary COPY format and through SQLite's C API on
a second thread while the file is read; counts from the merge's own statements; foreign keys checked once per distinct
value; SQLite's staging emptied by truncation) brought that to 15.16 s (0.40 ×) and 12.51 s (79,945 rows/s). A second
round (ADR 0007: two indexes on the values table instead of four, no surrogate id; the app published ReadyToRun) gave
10.71 s (0.61 × a psql load of 6.56 s) and 9.97 s (100,266 rows/s), each load measured once and straight after the
one before. A third round: the validator looks up each run of rows' series, area, sex and period once and keeps its
keys as packed 64-bit ids; SQLite's staging binds only the values a row has and encodes repeated texts once;
PostgreSQL keeps \`ImportId\` in a BRIN index and empties staging with TRUNCATE; the \`import\` command copies and
hashes its file while the database is migrated. The method changed with it to the quiesced median of three rounds
above: measured that way psql's load takes about 3.5 s rather than 6.6 s, because it no longer pays for writing out
the freshly generated files. That round gave 6.84 s on PostgreSQL (0.57 × a psql load of 3.89 s) and 6.79 s on SQLite
(147,277 rows/s), for validation, staging and merge one after the other. The fourth round is the one pass of ADR 0008
for \`import --commit\`: the rows are validated on one thread and written straight into the values table on another,
in one transaction.

### Where the time goes (1M rows, from the app's step log)

| step | PostgreSQL | SQLite |
|---|---|---|
$(step_table "$work/import-pg1m-$pg_round.log" "$work/import-sq1m-$sq_round.log")

The steps leave out .NET start-up, EF Core's first use (overlapped with the upload copy) and writing the import's
history rows, which make up the rest of the end-to-end time. "read, validate and write values" is the one pass: the
file read and checked on one thread while the other writes the rows into \`IndicatorValues\`.

### What limits the PostgreSQL figure

Writing the rows into the values table, with its two indexes, is most of the pass. The same 1M rows, inserted in this
run into copies of \`IndicatorValues\`:

| table | time |
|---|---|
| no index, no constraint (what a bare load costs) | $(s2 "$heap_s") s |
| with its two indexes (the primary key imports merge on: indicator, period, area, sex, age band; the import) | $(s2 "$indexed_s") s |
| with the two indexes and its three foreign keys checked row by row (PostgreSQL's triggers) | $(s2 "$triggers_s") s |

(The index on the import is a BRIN index on PostgreSQL: an import's rows are appended together, so block ranges find
them for undo, and keeping it costs little; a b-tree there added about a sixth to this insert.)

psql's baseline table has one index and no foreign key, and psql does nothing but load. The app also reads and
checks 34 columns a row in .NET, on the same two cores as the server's COPY. Imports through the pages and the API
write each row twice: binary COPY into an index-free unlogged staging table while validating, then the merge, so that
the preview can show new, changed and unchanged counts before anything is committed; measured in the third round
above, that takes the app about 3 s more for 1M rows than the one pass. The row-by-row foreign-key triggers are
replaced, when the app's role may set \`session_replication_role\` (a superuser, or PostgreSQL 15+ with
\`GRANT SET ON PARAMETER\`), by one check per distinct area, indicator and import that takes the same
\`FOR KEY SHARE\` locks the triggers would; otherwise the triggers run and the commit takes the difference between
the last two rows longer.

What is left: the insert into the indexed values table (second row above) takes about 70 % of psql's whole load;
the pass overlaps it with validation, but the process's start-up and the copy and hash of the upload come before it.

### What limits the SQLite figure

SQLite runs in the app's process, so every row's insert costs the app's own CPU: one prepared 32-row INSERT through
SQLite's C API, binding only the values a row has, into the values table with its two indexes, on a second thread
while the first reads the file. Per-row foreign-key checks are replaced by one check per distinct value (SQLite's
single writer makes it equivalent). The commit's own step is mostly SQLite's checkpoint, which copies the pages the
pass wrote to its WAL into the database file.
MD
# The dashboard benchmark (bench/dashboards.sh) keeps its own section; carry it over.
if [ -n "$dashboards_block" ]; then printf '\n%s\n' "$dashboards_block" >> docs/benchmarks.md; fi
cat docs/benchmarks.md
