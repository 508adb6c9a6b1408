#!/usr/bin/env bash
# Runs every test suite: unit, integration on SQLite and PostgreSQL, and the browser journeys. Arguments go to
# dotnet test (e.g. --filter "FullyQualifiedName~Imports").
# On a Debian-like machine it installs what the suites need (PostgreSQL server binaries, Chromium, nginx, LibreOffice
# Writer with metric-compatible fonts for the PDF exports); elsewhere it says what to install. The browser tests use
# /usr/bin/chromium unless CHROMIUM_PATH is set; the PDF tests use soffice from the PATH.
# The script owns what the run makes: one scratch folder, exported as TMPDIR so that every temporary file of the tests,
# the app and the processes they start lands in it, and a private PostgreSQL cluster in it, unless MHE_TEST_POSTGRES
# names a server. However the run ends (tests failing, a test host killed, Ctrl-C), it stops the run's processes and
# its cluster, drops the run's databases from a server it was given, and deletes the folder.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if [ -z "${MHE_TEST_POSTGRES:-}" ] && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  missing+=(postgresql)
fi
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi
# nginx stands in front of two app instances in the scaling-out test (Hosting/TwoInstancesBehindProxyTests.cs); the tests
# start it themselves, as a private process on a free port.
if [ ! -x /usr/sbin/nginx ] && [ ! -x /usr/local/sbin/nginx ]; then
  missing+=(nginx)
fi
# Liberation and Carlito stand in for Arial, Times New Roman and Calibri with the same widths, so a document breaks its
# pages as in Word. About 50 s to install on a 2-core machine.
if ! command -v soffice >/dev/null; then
  missing+=(libreoffice-writer-nogui fonts-liberation2 fonts-crosextra-carlito)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing ${missing[*]} with apt-get..."
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "The tests need: ${missing[*]}." >&2
    echo "Install PostgreSQL's server (initdb and pg_ctl under /usr/lib/postgresql/<version>/bin), Chromium, nginx (in" >&2
    echo "/usr/sbin or /usr/local/sbin) and LibreOffice Writer (soffice on the PATH), or set MHE_TEST_POSTGRES to a superuser connection string and CHROMIUM_PATH to a" >&2
    echo "Chromium executable." >&2
    exit 1
  fi
fi

run_id=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
scratch=$(mktemp -d "${TMPDIR:-/tmp}/mhe-test-run-XXXXXX")
chmod 711 "$scratch" # the 'postgres' account reaches its cluster inside
mkdir "$scratch/tmp"
given_postgres=${MHE_TEST_POSTGRES:-}
pg_data=""

# initdb refuses to run as root, so as root the cluster belongs to the 'postgres' account.
as_cluster_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local bin port
  bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_ctl="$bin/pg_ctl"
  mkdir "$scratch/pg"
  [ "$(id -u)" -ne 0 ] || chown postgres "$scratch/pg"
  if ! as_cluster_owner test -w "$scratch/pg"; then
    echo "The 'postgres' account cannot reach $scratch: let it search the folders above it, or set TMPDIR to one it can." >&2
    exit 1
  fi
  pg_data="$scratch/pg/data"
  as_cluster_owner "$bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
  for _ in 1 2 3 4 5; do # a random free port; another one if it was taken meanwhile
    port=$((20000 + RANDOM % 30000))
    if as_cluster_owner "$pg_ctl" -D "$pg_data" -l "$scratch/pg/server.log" -w -t 60 -o "-p $port -k $scratch/pg \
        -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500" \
        start >/dev/null; then
      export MHE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Include Error Detail=true"
      return
    fi
  done
  cat "$scratch/pg/server.log" >&2
  echo "Could not start a private PostgreSQL cluster." >&2
  exit 1
}

# The databases the tests made on a server they were given are named after the run (PostgresServer.cs).
drop_run_databases() {
  local part key pgenv=()
  if ! command -v psql >/dev/null; then
    echo "psql is not installed: drop the databases mhe_test_${run_id}_* from the MHE_TEST_POSTGRES server by hand." >&2
    return
  fi
  local IFS=';'
  for part in $given_postgres; do
    key=$(printf '%s' "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
    case $key in
      host | server) pgenv+=("PGHOST=${part#*=}") ;;
      port) pgenv+=("PGPORT=${part#*=}") ;;
      username | userid | user) pgenv+=("PGUSER=${part#*=}") ;;
      password) pgenv+=("PGPASSWORD=${part#*=}") ;;
      database | db) pgenv+=("PGDATABASE=${part#*=}") ;;
    esac
  done
  env "${pgenv[@]}" psql -Xq -v ON_ERROR_STOP=1 >/dev/null <<SQL ||
SELECT format('DROP DATABASE %I WITH (FORCE)', datname) FROM pg_database WHERE datname LIKE 'mhe\_test\_${run_id}\_%' \gexec
SQL
    echo "Could not drop the databases mhe_test_${run_id}_* from the MHE_TEST_POSTGRES server." >&2
}

# Every process of the run carries its TMPDIR, also those that left the script's process group (Chromium) and the
# compiler server, if the build started one.
stop_run_processes() {
  local environ pid
  for environ in /proc/[0-9]*/environ; do
    if grep -qxzF "TMPDIR=$scratch/tmp" "$environ" 2>/dev/null; then
      pid=${environ#/proc/}
      kill -KILL "${pid%/environ}" 2>/dev/null || true
    fi
  done
}

cleanup() {
  trap - EXIT INT TERM HUP
  [ -z "$pg_data" ] || as_cluster_owner "$pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
  stop_run_processes
  [ -z "$given_postgres" ] || drop_run_databases
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Runs a command in the background, showing its output from a file as it comes, so that a signal reaches the trap at once.
run() {
  local log=$1 pid tail_pid status=0
  shift
  "$@" </dev/null >"$log" 2>&1 &
  pid=$!
  tail -n +1 -f --pid="$pid" "$log" &
  tail_pid=$!
  wait "$pid" || status=$?
  wait "$tail_pid"
  return "$status"
}

export TMPDIR="$scratch/tmp" MHE_TEST_RUN="$run_id" MSBUILDDISABLENODEREUSE=1
status=0
run "$scratch/build.log" dotnet build MhEmployment.sln --nologo || status=$?
log="$scratch/test.log"
touch "$log"
if [ "$status" -eq 0 ]; then
  [ -n "$given_postgres" ] || start_postgres
  run "$log" dotnet test MhEmployment.sln --no-build --nologo "$@" || status=$?
fi

# One closing line for the whole run, summed over the test assemblies (none, if the build failed or a host crashed).
count() { grep -oE "$1: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}' || true; }
passed=$(count Passed)
failed=$(count Failed)
skipped=$(count Skipped)
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status without a failing test: a project did not build or a test host crashed (see above)." >&2
fi
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
