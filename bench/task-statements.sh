#!/usr/bin/env bash
# The task list's and an instance migration's statements, now and formerly, on the seeded backoffice_bench
# (docs/INBOX.md; seed it with ./bench/run.sh inbox 1 1): ./bench/task-statements.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
pg_ensure_running
"$PG_BIN/psql" -X -q "$(pg_url backoffice_bench)" -f "$ROOT/bench/task-statements.sql" | grep -E "^[A-Za-z/]| Seq Scan| Index Scan|Execution Time"
