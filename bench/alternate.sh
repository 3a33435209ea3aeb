#!/usr/bin/env bash
# Old and new builds alternately on one PostgreSQL (docs/ENGINE.md, docs/INBOX.md): each run, each build in turn on a
# newly created backoffice_bench, so that the machine's load falls on both alike.
#   ./bench/alternate.sh RUNS WORKTREE... -- BENCH-ARGUMENTS
# e.g. `git worktree add ../old b4e6bd8`, build its bench (dotnet build bench/Backoffice.Bench -c Release) and
#   ./bench/alternate.sh 3 ../old . -- 200 1            the engine benchmark
#   ./bench/alternate.sh 1 . ../old -- inbox 200 3      the inbox benchmark, the new build first
# Each worktree's own Release build of bench/Backoffice.Bench runs from its bench folder.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
runs="${1:?runs}"; shift
builds=()
while [ "$#" -gt 0 ] && [ "$1" != -- ]; do builds+=("$(cd "$1" && pwd)"); shift; done
[ "${1:-}" = -- ] && shift
[ "${#builds[@]}" -gt 0 ] || { echo "usage: $0 RUNS WORKTREE... -- BENCH-ARGUMENTS" >&2; exit 2; }
pg_ensure_running
export ConnectionStrings__Backoffice="$(pg_connection_string backoffice_bench)"
for run in $(seq 1 "$runs"); do
  for build in "${builds[@]}"; do
    pg_recreate_database backoffice_bench >/dev/null
    echo "== run $run, $build at $(git -C "$build" rev-parse --short HEAD), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M) UTC"
    (cd "$build/bench/Backoffice.Bench" && bin/Release/net10.0/Backoffice.Bench "$@")
  done
done
