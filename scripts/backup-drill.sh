#!/usr/bin/env bash
# Backup and restore drill: scripts/backup-drill.sh [database]   (default: backoffice)
# pg_dump of the database (custom format) into .data/backups/, pg_restore into a fresh database
# backoffice_restored, the same row counts compared table by table, then the Release build of the app
# started on the restored database: /healthz must answer 200 and the order list the same total.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
SOURCE="${1:-backoffice}"
TARGET=backoffice_restored
BACKUPS="$DATA_DIR/backups"; mkdir -p "$BACKUPS"
DUMP="$BACKUPS/$SOURCE-$(date -u +%Y%m%dT%H%M%SZ).dump"
ensure_dotnet
pg_ensure_running
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
counts() {
  pg_psql "$1" -tA -c "select string_agg(format('%s=%s', t, (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I', t), false, true, '')))[1]::text), ' ' order by t)
    from unnest(array['filing_orders','filing_materials','filing_timeline','audit_log','workflow_instances','workflow_journal','review_tasks','bureau_submissions','bureau_events','outbox_messages','users','api_tokens']) t"
}

[ -n "$(pg_psql postgres -tAc "select 1 from pg_database where datname = '$SOURCE'")" ] || die "no database $SOURCE (run ./backoffice run or bench/faults.sh first)"
start="$(now)"
"$PG_BIN/pg_dump" --format=custom --file="$DUMP" "$(pg_url "$SOURCE")"
say "pg_dump of $SOURCE: $(du -h "$DUMP" | cut -f1) in $(since "$start") s -> $DUMP"

pg_recreate_database "$TARGET" >/dev/null
start="$(now)"
"$PG_BIN/pg_restore" --no-owner --exit-on-error --dbname="$(pg_url "$TARGET")" "$DUMP"
say "pg_restore into $TARGET in $(since "$start") s"

before="$(counts "$SOURCE")"; after="$(counts "$TARGET")"
say "rows in $SOURCE:   $before"
say "rows in $TARGET: $after"
[ "$before" = "$after" ] || die "row counts differ after restore"

say "building (Release) and starting the app on $TARGET"
dotnet build "$ROOT/src/Backoffice.Web" -c Release -nologo -v quiet >/dev/null
PORT=5299; while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
start="$(now)"
ASPNETCORE_ENVIRONMENT=Testing Backoffice__TestMode=true ConnectionStrings__Backoffice="$(pg_connection_string "$TARGET")" \
  dotnet "$ROOT/src/Backoffice.Web/bin/Release/net10.0/Backoffice.Web.dll" --urls "http://127.0.0.1:$PORT" >"$BACKUPS/restored-app.log" 2>&1 &
APP_PID=$!
trap 'kill "$APP_PID" 2>/dev/null || true' EXIT
healthy=""
for _ in $(seq 1 240); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/healthz" || true)" = 200 ] && { healthy=yes; break; }
  sleep 0.5
done
[ -n "$healthy" ] || die "the app on the restored database never became healthy; see $BACKUPS/restored-app.log"
total="$(curl -s -H 'Authorization: Bearer test-console-key' "http://127.0.0.1:$PORT/api/filings?pageSize=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')"
expected="$(pg_psql "$SOURCE" -tAc 'select count(*) from filing_orders')"
say "app healthy on the restored database after $(since "$start") s; GET /api/filings total $total (source: $expected)"
[ "$total" = "$expected" ] || die "the restored app lists $total orders, the source has $expected"
say "backup drill passed"
