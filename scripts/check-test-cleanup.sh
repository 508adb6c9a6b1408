#!/usr/bin/env bash
# Checks that a test run leaves nothing behind: no file in the temporary folder and no process running (PostgreSQL,
# an app, Chromium), after scripts/test.sh passes, fails or has its test host killed (kill -9), and after 'dotnet test'
# run directly passes or is killed. Each run gets an empty temporary folder of its own (TMPDIR) that must be empty
# again when it ends (run directly, but for the empty folders 'dotnet test' itself makes for any project). It runs a
# few quick tests on both databases and in the browser, not the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

filter="FullyQualifiedName~ScratchFolderTests|FullyQualifiedName~KeysSurviveRestartTests|FullyQualifiedName~FirstSignInJourneyTests"
logs=$(mktemp -d)
problems=0

# The processes of a run: their environment or command line names the run's temporary folder.
run_processes() {
  local proc
  for proc in /proc/[0-9]*; do
    [ "${proc#/proc/}" != "$BASHPID" ] || continue
    if grep -qzF "$1" "$proc/environ" "$proc/cmdline" 2>/dev/null; then
      echo "  ${proc#/proc/} $(tr '\0' ' ' <"$proc/cmdline" 2>/dev/null | cut -c 1-150)"
    fi
  done
}

# Kills a run's test host once its PostgreSQL cluster is up (so that there is something to clean up).
kill_test_host_when_busy() {
  local folder=$1 host="" proc
  for _ in $(seq 300); do
    for proc in /proc/[0-9]*; do
      if grep -qzF testhost "$proc/cmdline" 2>/dev/null && grep -qzF MhEmployment.IntegrationTests "$proc/cmdline" \
        && grep -qzF "$folder" "$proc/environ" 2>/dev/null; then
        host=${proc#/proc/}
      fi
    done
    if [ -n "$host" ] && [[ "$(run_processes "$folder")" == *postgres* ]]; then
      sleep 3
      echo "  killing test host $host"
      kill -KILL "$host"
      return
    fi
    sleep 1
  done
  echo "  the test host never got busy"
  problems=$((problems + 1))
}

# What is left in a run's temporary folder. 'dotnet build' and 'dotnet test' make two empty folders there for any
# project; scripts/test.sh runs them inside its scratch folder, but 'dotnet test' run directly leaves them.
leftovers() {
  if [ "$1" = script ]; then
    ls -A "$2"
  else
    find "$2" -mindepth 1 -maxdepth 1 ! -empty -printf '%f\n' -o ! -type d -printf '%f\n'
  fi
}

# Runs a command with an empty temporary folder of its own and checks that it leaves the folder empty and nothing running.
check() {
  local name=$1 expected=$2 kill=$3 mode folder status=0
  shift 3
  mode=direct
  [[ " $* " != *" scripts/test.sh "* ]] || mode=script
  folder=$(mktemp -d)
  chmod 711 "$folder" # as /tmp is: the 'postgres' account reaches its cluster inside
  echo "== $name"
  if [ "$kill" = kill ]; then
    env TMPDIR="$folder" "$@" >"$logs/$name.log" 2>&1 &
    kill_test_host_when_busy "$folder"
    wait $! || status=$?
  else
    env TMPDIR="$folder" "$@" >"$logs/$name.log" 2>&1 || status=$?
  fi
  if { [ "$expected" = pass ] && [ "$status" -ne 0 ]; } || { [ "$expected" = fail ] && [ "$status" -eq 0 ]; }; then
    echo "  expected to $expected, exited with $status:"
    tail -n 20 "$logs/$name.log"
    problems=$((problems + 1))
  fi
  # Run directly, the test host's watchdog cleans up just after it ends.
  for _ in $(seq 60); do
    [ -n "$(leftovers "$mode" "$folder")" ] || [ -n "$(run_processes "$folder")" ] || break
    sleep 1
  done
  if [ -n "$(leftovers "$mode" "$folder")" ] || [ -n "$(run_processes "$folder")" ]; then
    echo "  LEFT BEHIND:"
    leftovers "$mode" "$folder" | sed 's/^/  /'
    run_processes "$folder"
    problems=$((problems + 1))
  else
    echo "  nothing left (exit $status; $(grep -E '^Tests: ' "$logs/$name.log" || echo 'no summary'))"
  fi
  rm -rf "$folder"
}

check "script, passing" pass no bash scripts/test.sh --filter "$filter"
check "script, failing (no PostgreSQL at the given address)" fail no \
  env MHE_TEST_POSTGRES="Host=127.0.0.1;Port=1;Username=postgres;Timeout=3" bash scripts/test.sh --filter "$filter"
check "script, test host killed" fail kill bash scripts/test.sh --filter "$filter"
check "dotnet test, passing" pass no dotnet test tests/MhEmployment.IntegrationTests --no-build --nologo --filter "$filter"
check "dotnet test, test host killed" fail kill dotnet test tests/MhEmployment.IntegrationTests --no-build --nologo --filter "$filter"

rm -rf "$logs"
if [ "$problems" -gt 0 ]; then
  echo "$problems problem(s)."
  exit 1
fi
echo "Every run cleaned up after itself."
