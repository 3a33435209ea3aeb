#!/usr/bin/env bash
# Engine benchmark: ./bench/run.sh [orders] [runs] — starts the local PostgreSQL (./backoffice db start)
# and measures on a fresh database backoffice_bench.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
pg_ensure_running
pg_recreate_database backoffice_bench >/dev/null
export ConnectionStrings__Backoffice="$(pg_connection_string backoffice_bench)"
dotnet run -c Release --project "$ROOT/bench/Backoffice.Bench" -- "${1:-200}" "${2:-3}"
