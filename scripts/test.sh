#!/usr/bin/env bash
# Runs every test suite: unit, integration on SQLite and PostgreSQL, and the browser journeys.
# On a Debian-like machine it installs what the suites need (PostgreSQL server binaries, Chromium);
# elsewhere it says what to install. The PostgreSQL tests start their own private cluster unless
# MHE_TEST_POSTGRES names a server; the browser tests use /usr/bin/chromium unless CHROMIUM_PATH is set.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if [ -z "${MHE_TEST_POSTGRES:-}" ] && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  missing+=(postgresql)
fi
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
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
    echo "Install PostgreSQL's server (initdb and pg_ctl under /usr/lib/postgresql/<version>/bin) and Chromium," >&2
    echo "or set MHE_TEST_POSTGRES to a superuser connection string and CHROMIUM_PATH to a Chromium executable." >&2
    exit 1
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test MhEmployment.sln --nologo 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test assemblies.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status without a failing test: a project did not build or a test host crashed (see above)." >&2
fi
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
