#!/usr/bin/env bash
# Two builds' inbox pages and tasks API side by side on the seeded backoffice_bench (docs/INBOX.md):
#   ./bench/run.sh inbox 1 1                      seeds backoffice_bench (1,000,000 orders, 300,000 tasks) and leaves it
#   ./bench/inbox-pair.sh OLD_WORKTREE NEW_WORKTREE [requests] [sessions]    600 requests a target, 2 sessions by default
# Each worktree's Release build of src/Backoffice.Web runs (dotnet build src/Backoffice.Web -c Release); the newer build
# migrates the database first when it has migrations the seed's build did not have.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
[ "$#" -ge 2 ] || { echo "usage: $0 OLD_WORKTREE NEW_WORKTREE [requests] [sessions]" >&2; exit 2; }
pg_ensure_running
export ConnectionStrings__Backoffice="$(pg_connection_string backoffice_bench)"
exec python3 "$ROOT/bench/inbox-pair.py" "$(cd "$1" && pwd)" "$(cd "$2" && pwd)" "${@:3}"
