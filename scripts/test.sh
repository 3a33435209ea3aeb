# ./backoffice test: a fresh test database, every test project, one closing line "N passed, N failed".
ensure_dotnet
ensure_browser
if [ -z "${ConnectionStrings__Backoffice:-}" ]; then
  pg_ensure_running
  pg_recreate_database backoffice_test >/dev/null
  export ConnectionStrings__Backoffice="$(pg_connection_string backoffice_test)"
else
  say "using the database of ConnectionStrings__Backoffice for the tests"
fi
results="$DATA_DIR/test-results"
rm -rf "$results"; mkdir -p "$results"
ensure_designer_built
ensure_console_built
ensure_dashboard_built
ensure_contract_tools
say "building"
dotnet build "$ROOT/Backoffice.sln" -c Release -nologo -v quiet
say "testing"
set +e
BACKOFFICE_TEST_RESULTS="$results" BACKOFFICE_TEST_SERVER_LOG="$results/server.log" dotnet test "$ROOT/Backoffice.sln" -c Release --no-build --nologo -v quiet \
  --logger "trx" --results-directory "$results" "$@"
status=$?
set -e
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$failed" -ne 0 ] && command -v python3 >/dev/null; then
  python3 "$ROOT/scripts/test-failures.py" "$results"/*.trx || true
fi
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
