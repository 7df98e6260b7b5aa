#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1 for the store tests, and print its URL.
#
#   export CLAMOR_TEST_PG="$(bash .ci/start-postgres.sh)"
#   bash .ci/start-postgres.sh stop
#
# Installs PostgreSQL from Debian when no server binaries are present. The cluster lives
# in $CLAMOR_PG_DIR (default /tmp/clamor-ci-pg), owned by an unprivileged user (the
# `postgres` system user when run as root), listens on loopback only on a free port,
# and trusts local connections: it is for tests, never for data. Re-running reuses the
# running server (or restarts the stopped one); it never touches other clusters.
set -euo pipefail

DIR="${CLAMOR_PG_DIR:-/tmp/clamor-ci-pg}"
DATA="$DIR/data"
DB="${CLAMOR_PG_DB:-clamor_test}"
DB_USER=clamor
log() { echo "start-postgres: $*" >&2; }

find_bin() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
        echo "$dir"
    fi
}

PGBIN="$(find_bin)"
if [[ -z "$PGBIN" ]]; then
    if [[ "$(id -u)" != 0 ]]; then
        log "PostgreSQL is not installed and installing it needs root (apt-get install postgresql)"
        exit 1
    fi
    log "installing PostgreSQL from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    PGBIN="$(find_bin)"
    [[ -n "$PGBIN" ]] || { log "PostgreSQL install failed"; exit 1; }
fi

# The server refuses to run as root: run it as an unprivileged user.
RUN=()
if [[ "$(id -u)" == 0 ]]; then
    OS_USER=postgres
    if ! id "$OS_USER" >/dev/null 2>&1; then
        OS_USER=clamorpg
        id "$OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$OS_USER"
    fi
    RUN=(runuser -u "$OS_USER" --)
else
    OS_USER="$(id -un)"
fi

mkdir -p "$DIR"
chown "$OS_USER" "$DIR" 2>/dev/null || true
chmod 700 "$DIR"

pg_ctl() { "${RUN[@]}" "$PGBIN/pg_ctl" "$@"; }

if [[ "${1:-}" == "stop" ]]; then
    if [[ -f "$DATA/PG_VERSION" ]]; then
        pg_ctl -D "$DATA" -m fast stop >&2 || true
    fi
    exit 0
fi

if [[ ! -f "$DATA/PG_VERSION" ]]; then
    rm -rf "$DATA"
    log "initdb in $DATA"
    "${RUN[@]}" "$PGBIN/initdb" -D "$DATA" -U "$DB_USER" --auth=trust -E UTF8 --locale=C.UTF-8 >&2 \
        || "${RUN[@]}" "$PGBIN/initdb" -D "$DATA" -U "$DB_USER" --auth=trust -E UTF8 --locale=C >&2
fi

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

if pg_ctl -D "$DATA" status >/dev/null 2>&1; then
    PORT="$(cat "$DIR/port")"
    log "reusing the server on 127.0.0.1:$PORT"
else
    PORT="$(free_port)"
    echo "$PORT" > "$DIR/port"
    rm -f "$DATA/postmaster.pid"
    log "starting the server on 127.0.0.1:$PORT"
    pg_ctl -D "$DATA" -l "$DIR/server.log" -w -t 60 \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >&2 \
        || { tail -n 20 "$DIR/server.log" >&2; exit 1; }
fi

PSQL=("$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d postgres -v ON_ERROR_STOP=1 -qtA)
for _ in $(seq 1 30); do
    "${PSQL[@]}" -c "SELECT 1" >/dev/null 2>&1 && break
    sleep 1
done
if [[ "$("${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]]; then
    "${PSQL[@]}" -c "CREATE DATABASE $DB" >&2
fi
echo "postgresql+psycopg://$DB_USER@127.0.0.1:$PORT/$DB"
