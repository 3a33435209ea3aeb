#!/usr/bin/env bash
# Two nodes behind nginx, loopback only: ./bench/nodes.sh [orders] [seconds] [desk seconds] [background orders]
# Starts the Release build twice (test mode, one database backoffice_nodes of the local cluster, each
# node its own port and HOME) and nginx from Debian (installed with apt when missing) in front of them,
# configured by scripts/nginx-conf.sh. Drives the orders through their workflows through nginx
# (bench/Backoffice.Faults), kills node 1 with kill -9 while the load runs and starts it again, then
# prints what held: a staff cookie signed in on one node used on the other, requests nginx could not
# serve, and (from the database) every acknowledged order approved with one bureau submission and one
# approval message. Then the desk under a working day's load: the background of
# bench/Backoffice.Bench/InboxSeed.sql (1,000,000 orders, 100,000 open tasks, held by the 53 team members of
# bench/desk-members.sql; 0 skips it) and the mixed load
# of bench/Backoffice.Faults (desk) through nginx alone (1 client), then at 8 and at 32 closed-loop clients,
# [desk seconds] each (60 by default, 0 skips it), with p50/p95/p99 per kind of call beside /healthz and the
# load average: the pass alone shows what each call takes when nothing waits for it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
ORDERS="${1:-300}"
LIMIT="${2:-300}"
DESK_SECONDS="${3:-60}"
BACKGROUND="${4:-1000000}"
case "$BACKGROUND" in 0|1000000) ;; *) die "the background is 0 or 1000000 orders (InboxSeed.sql)" ;; esac
WORK="$DATA_DIR/nodes"; rm -rf "$WORK"; mkdir -p "$WORK/nginx" "$WORK/home1" "$WORK/home2"
DRIVER_LOG="$WORK/driver.log"
free_port() { local p="$1"; while port_in_use "$p"; do p=$((p + 1)); done; echo "$p"; }
PORT1="$(free_port 5301)"; PORT2="$(free_port $((PORT1 + 1)))"; PROXY_PORT="$(free_port 8301)"
URL="http://127.0.0.1:$PROXY_PORT"
PIDS=("" ""); NGINX_CONF="$WORK/nginx/nginx.conf"
cleanup() {
  for pid in "${PIDS[@]}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

ensure_dotnet
pg_ensure_running
[ -x /usr/sbin/nginx ] || apt_install nginx-light
pg_recreate_database backoffice_nodes >/dev/null
export ConnectionStrings__Backoffice="$(pg_connection_string backoffice_nodes)"
say "building (Release)"
dotnet build "$ROOT/src/Backoffice.Web" -c Release -nologo -v quiet >/dev/null
dotnet build "$ROOT/bench/Backoffice.Faults" -c Release -nologo -v quiet >/dev/null

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
ready() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/healthz/ready" || true; }
wait_ready() {
  local start; start="$(now)"
  for _ in $(seq 1 240); do [ "$(ready "$1")" = 200 ] && { since "$start"; return; }; sleep 0.5; done
  die "the node on port $1 did not become ready; see $WORK/node*.log"
}
start_node() { # index port
  HOME="$WORK/home$1" ASPNETCORE_ENVIRONMENT=Testing Backoffice__TestMode=true Backoffice__SignInsPerMinute=10000 \
    Backoffice__DataProtectionKey=bench-nodes-share-this-key-ring-secret-000 Backoffice__KnownProxies__0=127.0.0.1 \
    dotnet "$ROOT/src/Backoffice.Web/bin/Release/net10.0/Backoffice.Web.dll" --urls "http://127.0.0.1:$2" >>"$WORK/node$1.log" 2>&1 &
  PIDS[$1 - 1]=$!
}

started="$(now)"
start_node 1 "$PORT1"; say "node 1 ready in $(wait_ready "$PORT1") s on port $PORT1"
start_node 2 "$PORT2"; say "node 2 ready in $(wait_ready "$PORT2") s on port $PORT2"
"$ROOT/scripts/nginx-conf.sh" --listen "127.0.0.1:$PROXY_PORT" --prefix "$WORK/nginx" "127.0.0.1:$PORT1" "127.0.0.1:$PORT2" >"$NGINX_CONF"
/usr/sbin/nginx -p "$WORK/nginx" -c "$NGINX_CONF"
say "nginx on $URL"

# A staff cookie signed in through node 1 and used on node 2.
jar="$WORK/cookies.txt"
form="$(curl -s -c "$jar" "http://127.0.0.1:$PORT1/sign-in")"
token="$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$form" | head -1)"
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "Username=reviewer" --data-urlencode "Password=Passw0rd!" \
  --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$PORT1/sign-in"
session_before="$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "http://127.0.0.1:$PORT2/inbox")"

dotnet "$ROOT/bench/Backoffice.Faults/bin/Release/net10.0/Backoffice.Faults.dll" load "$URL" "$ORDERS" 16 "$LIMIT" >"$DRIVER_LOG" 2>&1 &
DRIVER_PID=$!
until grep -qs '^CREATED' "$DRIVER_LOG"; do
  kill -0 "$DRIVER_PID" 2>/dev/null || { cat "$DRIVER_LOG"; die "the load driver stopped"; }
  sleep 1
done
grep '^CREATED' "$DRIVER_LOG"
sleep 20
kill -9 "${PIDS[0]}"; wait "${PIDS[0]}" 2>/dev/null || true
killed_at="$(now)"
say "kill -9 of node 1 at $(since "$started") s"
sleep 5
start_node 1 "$PORT1"
say "node 1 restarted, ready $(wait_ready "$PORT1") s after its start ($(since "$killed_at") s after the kill)"
session_after="$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "http://127.0.0.1:$PORT1/inbox")"

wait "$DRIVER_PID" || true
cat "$DRIVER_LOG"
set +e
dotnet "$ROOT/bench/Backoffice.Faults/bin/Release/net10.0/Backoffice.Faults.dll" verify
status=$?
set -e
requests="$(wc -l <"$WORK/nginx/access.log")"
failed_during_kill="$(awk '$9 >= 500' "$WORK/nginx/access.log" | wc -l)"
if [ "$DESK_SECONDS" -gt 0 ]; then
  if [ "$BACKGROUND" -gt 0 ]; then
    seeded="$(now)"
    pg_psql backoffice_nodes -f "$ROOT/bench/desk-members.sql"
    pg_psql backoffice_nodes -f "$ROOT/bench/Backoffice.Bench/InboxSeed.sql"
    pg_psql backoffice_nodes -c "vacuum analyze"
    say "background of $BACKGROUND orders and 100,000 open tasks seeded in $(since "$seeded") s"
  fi
  for clients in 1 8 32; do
    say "desk load, $clients client(s) through nginx$([ "$clients" = 1 ] && echo ", alone"); load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
    dotnet "$ROOT/bench/Backoffice.Faults/bin/Release/net10.0/Backoffice.Faults.dll" desk "$URL" "$clients" "$DESK_SECONDS" "$BACKGROUND" \
      | tee -a "$WORK/desk.log" || true
    say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  done
fi
failed="$failed_during_kill"
say "what held (orders $ORDERS, 2 nodes, kill -9 of node 1, total $(since "$started") s):"
say "  staff cookie from node 1 on node 2: $session_before; on node 1 after its restart: $session_after (200 = kept)"
say "  requests through nginx: $requests, answered 5xx: $failed (the driver retries them)"
say "  orders, bureau submissions and approval messages exactly once: $([ "$status" = 0 ] && echo yes || echo NO, see above)"
exit "$status"
