#!/usr/bin/env bash
# Fault drill, loopback only: ./bench/faults.sh [orders] [seconds]
# Starts the Release build of the app in test mode on its own database (backoffice_faults) of the local
# cluster, drives the orders through their workflows (bench/Backoffice.Faults), kills the app with
# kill -9 twice and restarts it, restarts PostgreSQL once (watching /healthz go unhealthy and recover
# by itself, and Quartz check in to its clustered store again), publishes a new definition version
# under load (every bureau event is sent twice, an approval before the SMS verification and a rejection
# after the approval, none of which may apply), then verifies from the database that every order is approved with exactly one bureau
# submission and one approval message; last, 20 reviewers race to claim and complete the same 200
# tasks. Prints figures.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
ORDERS="${1:-2000}"
LIMIT="${2:-480}"
WORK="$DATA_DIR/faults"; mkdir -p "$WORK"; rm -f "$WORK"/*.log
APP_LOG="$WORK/app.log"; DRIVER_LOG="$WORK/driver.log"
PORT=5199; while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
URL="http://127.0.0.1:$PORT"
APP_PID=""; DRIVER_PID=""
cleanup() {
  [ -n "$DRIVER_PID" ] && kill "$DRIVER_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  pg_ensure_running
}
trap cleanup EXIT

ensure_dotnet
pg_ensure_running
pg_recreate_database backoffice_faults >/dev/null
export ConnectionStrings__Backoffice="$(pg_connection_string backoffice_faults)"
say "building (Release)"
dotnet build "$ROOT/src/Backoffice.Web" -c Release -nologo -v quiet >/dev/null
dotnet build "$ROOT/bench/Backoffice.Faults" -c Release -nologo -v quiet >/dev/null

health() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL/healthz" || true; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
wait_healthy() {
  local start; start="$(now)"
  for _ in $(seq 1 240); do [ "$(health)" = 200 ] && { since "$start"; return; }; sleep 0.5; done
  die "the app did not become healthy; see $APP_LOG"
}
# Jobs the killed app had fetched and not finished stay invisible for the invisibility timeout; a
# watcher in the background waits until a live app has run them all and says how long that took.
watch_orphans() {
  local ids start="$(now)"
  ids="$(pg_psql backoffice_faults -tA -c "select coalesce(string_agg(id::text, ','), '') from hangfire.jobqueue where fetchedat is not null")"
  [ -n "$ids" ] || { echo "ORPHANS kill -9 number $1: no job was running"; return; }
  for _ in $(seq 1 400); do
    left="$(pg_psql backoffice_faults -tA -c "select count(*) from hangfire.jobqueue where id in ($ids)" 2>/dev/null || echo down)"
    [ "$left" = 0 ] && { echo "ORPHANS kill -9 number $1: $(tr ',' '\n' <<<"$ids" | wc -l) jobs left running by the killed app, all run again $(since "$start") s after the kill"; return; }
    sleep 1
  done
  echo "ORPHANS kill -9 number $1: jobs $ids still not run again after 400 s"
}
start_app() {
  ASPNETCORE_ENVIRONMENT=Testing Backoffice__TestMode=true Backoffice__SignInsPerMinute=10000 \
    dotnet "$ROOT/src/Backoffice.Web/bin/Release/net10.0/Backoffice.Web.dll" --urls "$URL" >>"$APP_LOG" 2>&1 &
  APP_PID=$!
}

started="$(now)"
start_app
say "app up in $(wait_healthy) s on $URL"
dotnet "$ROOT/bench/Backoffice.Faults/bin/Release/net10.0/Backoffice.Faults.dll" load "$URL" "$ORDERS" 16 "$LIMIT" >"$DRIVER_LOG" 2>&1 &
DRIVER_PID=$!
until grep -qs '^CREATED' "$DRIVER_LOG"; do
  kill -0 "$DRIVER_PID" 2>/dev/null || { cat "$DRIVER_LOG"; die "the load driver stopped"; }
  sleep 1
done
grep '^CREATED' "$DRIVER_LOG"

kills=0; WATCHERS=()
for pause in 20 40; do
  sleep "$pause"
  kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; kills=$((kills + 1))
  say "kill -9 number $kills at $(since "$started") s"
  watch_orphans "$kills" >>"$WORK/orphans.log" &
  WATCHERS+=("$!")
  start_app
  say "restarted, healthy again after $(wait_healthy) s"
done

sleep 15
before="$(health)"
pg_stop
sleep 3
during="$(health)"
pg_ensure_running
say "PostgreSQL restarted; /healthz was $before before, $during while it was down"
say "app healthy again by itself $(wait_healthy) s after PostgreSQL came back"
checkin="select coalesce(max(last_checkin_time), 0) from qrtz_scheduler_state"
back="$(now)"; seen="$(pg_psql backoffice_faults -tAc "$checkin")"
until [ "$(pg_psql backoffice_faults -tAc "$checkin")" -gt "$seen" ]; do
  awk -v t="$(since "$back")" 'BEGIN { exit !(t < 120) }' || die "Quartz did not check in within 120 s of PostgreSQL's restart"
  sleep 0.5
done
say "Quartz checked in to its clustered store again $(since "$back") s after that"

wait "$DRIVER_PID" || true; DRIVER_PID=""
cat "$DRIVER_LOG"
wait "${WATCHERS[@]}"
cat "$WORK/orphans.log"
set +e
dotnet "$ROOT/bench/Backoffice.Faults/bin/Release/net10.0/Backoffice.Faults.dll" verify
status=$?
say "20 reviewers race for the same 200 new tasks"
dotnet "$ROOT/bench/Backoffice.Faults/bin/Release/net10.0/Backoffice.Faults.dll" race "$URL" 200 20 || status=1
set -e
say "orders $ORDERS, kill -9 $kills, PostgreSQL restarts 1 (/healthz $before -> $during -> 200), total $(since "$started") s"
exit "$status"
