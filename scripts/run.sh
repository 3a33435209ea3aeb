# ./backoffice run: local database (unless ConnectionStrings__Backoffice is set), then the web app.
ensure_dotnet
if [ -z "${ConnectionStrings__Backoffice:-}" ]; then
  pg_ensure_running
  pg_ensure_database backoffice
  export ConnectionStrings__Backoffice="$(pg_connection_string backoffice)"
else
  say "using the database of ConnectionStrings__Backoffice; no local cluster started"
fi
urls="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --urls) urls="$2"; shift 2 ;;
    --urls=*) urls="${1#--urls=}"; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
if [ -z "${Smtp__Host:-}" ]; then
  # shellcheck source=scripts/mail-catcher.sh
  source "$ROOT/scripts/mail-catcher.sh"
  start_mail_catcher
else
  say "e-mail goes to the SMTP server $Smtp__Host"
fi
ensure_designer_built
ensure_console_built
ensure_dashboard_built
say "building"
dotnet build "$ROOT/src/Backoffice.Web" -c Release -v quiet -nologo >/dev/null || dotnet build "$ROOT/src/Backoffice.Web" -c Release -nologo
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Backoffice__DemoData="${Backoffice__DemoData:-true}"
export Backoffice__TestMode="${Backoffice__TestMode:-true}"
cd "$ROOT/src/Backoffice.Web"
exec dotnet "bin/Release/net10.0/Backoffice.Web.dll" --urls "$urls" "${args[@]}"
