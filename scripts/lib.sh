# Shared set-up for ./backoffice: a local PostgreSQL cluster kept in .data/ (git-ignored).
# Sourced by ./backoffice; expects ROOT to be the repository root.

DATA_DIR="$ROOT/.data"
PG_DATA="$DATA_DIR/pg"
PG_LOG_DIR="$DATA_DIR/pg-log"
PG_PORT_FILE="$DATA_DIR/pg-port"
PG_ROLE="backoffice"
PG_PASSWORD_FILE="$DATA_DIR/pg-password"

say() { printf '\033[1m[backoffice]\033[0m %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "'$*' needs root and sudo is not available"
  fi
}

apt_install() {
  say "installing $* with apt"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_bin_dir() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

ensure_postgres_installed() {
  pg_bin_dir >/dev/null || apt_install postgresql
  PG_BIN="$(pg_bin_dir)" || die "PostgreSQL binaries not found after installing"
  command -v psql >/dev/null || apt_install postgresql-client
}

# The operating-system user that owns the cluster: initdb refuses root, so root runs it as 'postgres'.
pg_os_user() {
  if [ "$(id -u)" != 0 ]; then id -un; return; fi
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
  fi
  echo postgres
}

as_pg() {
  local user; user="$(pg_os_user)"
  if [ "$(id -u)" = 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

# When root keeps the repository under a private directory (mktemp -d is 0700), the cluster's
# owner could not reach .data/: grant traversal (not reading) on each ancestor that lacks it.
ensure_traversable() {
  [ "$(id -u)" = 0 ] || return 0
  local dir="$1" user; user="$(pg_os_user)"
  while [ "$dir" != "/" ]; do
    if ! runuser -u "$user" -- test -x "$dir" 2>/dev/null; then chmod o+x "$dir"; fi
    dir="$(dirname "$dir")"
  done
}

pg_password() {
  if [ ! -s "$PG_PASSWORD_FILE" ]; then
    mkdir -p "$DATA_DIR"
    (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$PG_PASSWORD_FILE")
  fi
  cat "$PG_PASSWORD_FILE"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The cluster's port: BACKOFFICE_PG_PORT, else the one chosen at init, else the first free from 54329.
pg_port() {
  if [ -n "${BACKOFFICE_PG_PORT:-}" ]; then echo "$BACKOFFICE_PG_PORT"; return; fi
  if [ -s "$PG_PORT_FILE" ]; then cat "$PG_PORT_FILE"; return; fi
  local port=54329
  while port_in_use "$port"; do port=$((port + 1)); done
  mkdir -p "$DATA_DIR"; echo "$port" >"$PG_PORT_FILE"; echo "$port"
}

pg_init() {
  local user pwfile; user="$(pg_os_user)"
  say "creating the local PostgreSQL cluster in $PG_DATA"
  mkdir -p "$PG_DATA" "$PG_LOG_DIR"
  ensure_traversable "$PG_DATA"
  pwfile="$PG_LOG_DIR/.pw"
  pg_password >"$pwfile"
  if [ "$(id -u)" = 0 ]; then chown "$user" "$PG_DATA" "$PG_LOG_DIR" "$pwfile"; fi
  chmod 700 "$PG_DATA"
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_ROLE" --pwfile="$pwfile" -E UTF8 --locale=C \
    --auth-host=scram-sha-256 --auth-local=scram-sha-256 >"$PG_LOG_DIR/initdb.log" 2>&1 \
    || { rm -f "$pwfile"; cat "$PG_LOG_DIR/initdb.log" >&2; die "initdb failed"; }
  rm -f "$pwfile"
  cat >>"$PG_DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $(pg_port)
unix_socket_directories = ''
max_connections = 300
shared_buffers = 256MB
max_prepared_transactions = 0
CONF
}

pg_is_running() {
  [ -f "$PG_DATA/PG_VERSION" ] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

pg_url() { echo "postgresql://$PG_ROLE:$(pg_password)@127.0.0.1:$(pg_port)/${1:-postgres}"; }

pg_connection_string() {
  echo "Host=127.0.0.1;Port=$(pg_port);Username=$PG_ROLE;Password=$(pg_password);Database=$1"
}

pg_psql() { local db="$1"; shift; psql -X -q -v ON_ERROR_STOP=1 "$(pg_url "$db")" "$@"; }

pg_ensure_running() {
  ensure_postgres_installed
  [ -f "$PG_DATA/PG_VERSION" ] || pg_init
  if ! pg_is_running; then
    ensure_traversable "$PG_DATA"
    say "starting PostgreSQL on 127.0.0.1:$(pg_port)"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG_DIR/postgresql.log" -o "-p $(pg_port)" -w -t 60 start >/dev/null \
      || { tail -20 "$PG_LOG_DIR/postgresql.log" >&2; die "PostgreSQL did not start"; }
  fi
}

pg_ensure_database() {
  local db="$1"
  if [ -z "$(pg_psql postgres -tAc "select 1 from pg_database where datname = '$db'")" ]; then
    pg_psql postgres -c "create database \"$db\""
  fi
}

pg_recreate_database() {
  pg_psql postgres -c "drop database if exists \"$1\" with (force)" -c "create database \"$1\""
}

pg_stop() {
  ensure_postgres_installed
  if pg_is_running; then as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null; say "PostgreSQL stopped"
  else say "PostgreSQL is not running"; fi
}

pg_status() {
  ensure_postgres_installed
  if pg_is_running; then say "PostgreSQL runs on 127.0.0.1:$(pg_port) ($PG_DATA)"; else say "PostgreSQL is stopped"; fi
}

# The browser tests drive Debian's Chromium (never a downloaded browser) and need a CJK font for
# the Chinese pages' screenshots, and Chromium's Chinese resources for what it draws itself (date inputs).
ensure_browser() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -f /usr/lib/chromium/locales/zh-CN.pak ] || missing+=(chromium-l10n)
  [ -n "$(fc-list 2>/dev/null | grep -i 'wqy-microhei')" ] || missing+=(fonts-wqy-microhei)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

ensure_dotnet() {
  command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is required"
}

DESIGNER_DIR="$ROOT/src/Backoffice.Web/Designer"
DESIGNER_OUT="$ROOT/src/Backoffice.Web/wwwroot/build/designer"

ensure_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then apt_install nodejs npm; fi
  local major; major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "the workflow designer's build needs Node.js 20 or later (found $(node --version))"
}

# Installs the pinned OpenAPI contract tools (Redocly, openapi-typescript, tsc) of tests/contract with npm ci
# when its lock file changed: the contract test lints the served document and type-checks a console against it.
ensure_contract_tools() {
  local dir="$ROOT/tests/contract"
  if [ -f "$dir/node_modules/.package-lock.json" ] && [ ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then return 0; fi
  ensure_node
  say "installing the OpenAPI contract tools"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci in tests/contract failed"
}

# Builds a front end (React, Vite) of the web app into wwwroot/build/<name> when its sources changed since the
# last build; the hash of the sources is kept beside the output.
build_front_end() {
  local dir="$1" out="$2" entry="$3" what="$4" stamp="$2/.sources" hash
  hash="$(cd "$dir" && find src package.json package-lock.json vite.config.js -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"
  if [ -f "$out/$entry" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$hash" ]; then return 0; fi
  ensure_node
  say "building $what"
  (
    cd "$dir"
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund --loglevel=error
    fi
    npx vite build --logLevel warn
  ) || die "the build of $what failed"
  echo "$hash" >"$stamp"
}

ensure_designer_built() {
  build_front_end "$DESIGNER_DIR" "$DESIGNER_OUT" designer.js "the workflow designer"
}

# The charts of /dashboard (ECharts), drawn from the figures the page carries.
ensure_dashboard_built() {
  build_front_end "$ROOT/src/Backoffice.Web/DashboardCharts" "$ROOT/src/Backoffice.Web/wwwroot/build/dashboard" dashboard.js "the dashboard charts"
}

# The reference console served at /console in test mode (docs/CONSOLE.md). Vite only transpiles; its type check
# against the client generated from the served OpenAPI document runs in the contract test.
ensure_console_built() {
  build_front_end "$ROOT/src/Backoffice.Web/ReferenceConsole" "$ROOT/src/Backoffice.Web/wwwroot/build/console" console.js "the reference console"
}

