#!/usr/bin/env bash
# Benchmarks on a fresh database backoffice_bench of the local PostgreSQL (./backoffice db start):
#   ./bench/run.sh [orders] [runs]               engine steps/s against single-row updates (docs/ENGINE.md)
#   ./bench/run.sh --drivers N [orders] [rounds] engine at 1 and N drivers beside pgbench's TPC-B and WorkflowCore (docs/ENGINE.md)
#   ./bench/run.sh inbox [requests] [rounds]     inbox page and tasks API at 1M orders / 100k open tasks (docs/INBOX.md)
#   ./bench/run.sh operations [previews] [dry-runs]  impact preview and a 10,000-instance migration dry run at 100k orders (docs/ENGINE.md)
#   ./bench/run.sh events [orders] [clients]     events/s and webhook delivery latency p50/p95 with orders moving, 1000 and 16 by default (docs/CONSOLE.md)
#   ./bench/run.sh reports [orders...]           each report's time and peak memory and the dashboard's p95 at each size, 100000 1000000 by default (docs/REPORTS.md)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
pg_ensure_running
pg_recreate_database backoffice_bench >/dev/null
export ConnectionStrings__Backoffice="$(pg_connection_string backoffice_bench)"
if [ "${1:-}" = reports ]; then
  dotnet run -c Release --project "$ROOT/bench/Backoffice.Bench" -- "$@"
elif [ "${1:-}" = operations ]; then
  dotnet run -c Release --project "$ROOT/bench/Backoffice.Bench" -- operations "${2:-50}" "${3:-5}"
elif [ "${1:-}" = events ]; then
  dotnet run -c Release --project "$ROOT/bench/Backoffice.Bench" -- events "${2:-1000}" "${3:-16}"
elif [ "${1:-}" = --drivers ]; then
  dotnet run -c Release --project "$ROOT/bench/Backoffice.Bench" -- --drivers "${2:-8}" "${3:-200}" "${4:-3}"
elif [ "${1:-}" = inbox ]; then
  dotnet run -c Release --project "$ROOT/bench/Backoffice.Bench" -- inbox "${2:-200}" "${3:-3}"
else
  dotnet run -c Release --project "$ROOT/bench/Backoffice.Bench" -- "${1:-200}" "${2:-3}"
fi
