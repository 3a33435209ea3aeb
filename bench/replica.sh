#!/usr/bin/env bash
# A streaming replica on loopback, and reports built on it while the primary takes load:
#   ./bench/replica.sh [orders] [seconds]
# Starts a PostgreSQL cluster of its own (.data/replica-drill/primary, a free port from 55401 up), copies it
# with pg_basebackup -R (streaming replication over loopback) into .data/replica-drill/replica and starts
# that as a hot standby, then one app node (Release build, test mode) with ConnectionStrings__Backoffice on
# the primary and ConnectionStrings__Replica on the standby. While the fault drill's load driver
# (bench/Backoffice.Faults) drives orders through their workflows on the primary, it downloads the SLA report
# every few seconds and prints how long it took, the rows the standby read meanwhile (pg_stat_database of the
# standby) and how far the standby was behind (replay lag, orders on each side). Both clusters stop at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
ORDERS="${1:-120}"
LIMIT="${2:-180}"
DB=backoffice_replica_drill
WORK="$DATA_DIR/replica-drill"
free_port() { local p="$1"; while port_in_use "$p"; do p=$((p + 1)); done; echo "$p"; }

ensure_postgres_installed
[ -f "$WORK/primary/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$WORK/primary" -m immediate stop >/dev/null 2>&1 || true
[ -f "$WORK/replica/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$WORK/replica" -m immediate stop >/dev/null 2>&1 || true
rm -rf "$WORK"; mkdir -p "$WORK/log" "$WORK/home"
# The drill's own primary: lib.sh's cluster functions pointed at another directory and port.
PG_DATA="$WORK/primary"; PG_LOG_DIR="$WORK/log"
export BACKOFFICE_PG_PORT; BACKOFFICE_PG_PORT="$(free_port 55401)"
REPLICA_PORT="$(free_port $((BACKOFFICE_PG_PORT + 1)))"; APP_PORT="$(free_port 5401)"
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  for dir in "$WORK/replica" "$WORK/primary"; do
    [ -f "$dir/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

ensure_dotnet
pg_ensure_running
pg_recreate_database "$DB" >/dev/null
say "primary on 127.0.0.1:$BACKOFFICE_PG_PORT; pg_basebackup to the standby"
mkdir -p "$WORK/replica"; chmod 700 "$WORK/replica"
[ "$(id -u)" = 0 ] && chown "$(pg_os_user)" "$WORK/replica" "$WORK/log"
started="$(date +%s.%N)"
as_pg env PGPASSWORD="$(pg_password)" "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$BACKOFFICE_PG_PORT" -U "$PG_ROLE" \
  -D "$WORK/replica" -R -X stream -c fast
as_pg "$PG_BIN/pg_ctl" -D "$WORK/replica" -l "$WORK/log/replica.log" -o "-p $REPLICA_PORT" -w -t 60 start >/dev/null
say "standby on 127.0.0.1:$REPLICA_PORT (copied and started in $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s)"
primary_sql() { psql -X -qtA "$(pg_url "$DB")" -c "$1"; }
replica_sql() { psql -X -qtA "postgresql://$PG_ROLE:$(pg_password)@127.0.0.1:$REPLICA_PORT/$DB" -c "$1"; }
say "primary's view: $(primary_sql "select application_name || ' ' || state || ', sync ' || sync_state from pg_stat_replication")"

export ConnectionStrings__Backoffice; ConnectionStrings__Backoffice="$(pg_connection_string "$DB")"
export ConnectionStrings__Replica="Host=127.0.0.1;Port=$REPLICA_PORT;Username=$PG_ROLE;Password=$(pg_password);Database=$DB"
say "building (Release)"
dotnet build "$ROOT/src/Backoffice.Web" -c Release -nologo -v quiet >/dev/null
dotnet build "$ROOT/bench/Backoffice.Faults" -c Release -nologo -v quiet >/dev/null
HOME="$WORK/home" ASPNETCORE_ENVIRONMENT=Testing Backoffice__TestMode=true Backoffice__SignInsPerMinute=10000 \
  dotnet "$ROOT/src/Backoffice.Web/bin/Release/net10.0/Backoffice.Web.dll" --urls "http://127.0.0.1:$APP_PORT" >"$WORK/node.log" 2>&1 &
APP_PID=$!
URL="http://127.0.0.1:$APP_PORT"
for _ in $(seq 1 240); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/healthz/ready" || true)" = 200 ] && break; sleep 0.5; done
say "node ready on $URL, reading reports, board figures and order search from the standby on port $REPLICA_PORT"

token="$(curl -s -H 'Content-Type: application/json' -d '{"username":"management","password":"Passw0rd!"}' "$URL/api/tokens" \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
[ -n "$token" ] || die "management could not sign in; see $WORK/node.log"
dotnet "$ROOT/bench/Backoffice.Faults/bin/Release/net10.0/Backoffice.Faults.dll" load "$URL" "$ORDERS" 8 "$LIMIT" >"$WORK/driver.log" 2>&1 &
DRIVER_PID=$!
from="$(TZ=Asia/Shanghai date -d '-30 days' +%F)"; to="$(TZ=Asia/Shanghai date +%F)"
printf '%-8s %-10s %-10s %-14s %-14s %-18s %s\n' "at (s)" "report" "bytes" "standby read" "replay lag" "orders prim/stby" "sla.xlsx $from..$to"
round=0
while kill -0 "$DRIVER_PID" 2>/dev/null; do
  round=$((round + 1))
  before="$(replica_sql "select tup_returned + tup_fetched from pg_stat_database where datname = '$DB'")"
  report="$(curl -s -o "$WORK/sla.xlsx" -w '%{http_code} %{time_total} %{size_download}' -H "Authorization: Bearer $token" \
    "$URL/api/reports/sla.xlsx?from=$from&to=$to")"
  sleep 1.5   # a standby backend's statistics reach pg_stat_database within a second of going idle
  after="$(replica_sql "select tup_returned + tup_fetched from pg_stat_database where datname = '$DB'")"
  lag="$(replica_sql "select coalesce(round(extract(epoch from now() - pg_last_xact_replay_timestamp())::numeric * 1000), 0) || ' ms'")"
  counts="$(primary_sql "select count(*) from filing_orders")/$(replica_sql "select count(*) from filing_orders")"
  read -r code secs bytes <<<"$report"
  printf '%-8s %-10s %-10s %-14s %-14s %-18s %s\n' "$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')" \
    "$code ${secs}s" "$bytes" "$((after - before)) rows" "$lag" "$counts" ""
  sleep 5
done
wait "$DRIVER_PID" || true
grep -E '^(CREATED|DRIVEN|UNEXPECTED)' "$WORK/driver.log" || tail -5 "$WORK/driver.log"
say "writes on the standby are refused: $(replica_sql "insert into teams (id, name) values ('x', 'x')" 2>&1 | head -1)"
