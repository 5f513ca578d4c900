#!/bin/sh
# with-pg.sh: run a command with a throw-away PostgreSQL cluster of its own.
# initdb into a temporary folder, listen only on a Unix socket there (no TCP
# port to collide with), export FAZHI_TEST_PG_HOST/USER/DSN, run the
# command, and stop and delete the cluster at exit, also when it fails.
# Usage: tests/with-pg.sh COMMAND [ARG...]   (runs COMMAND alone if no PG)
# SPDX-License-Identifier: MIT
set -u
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
	echo "with-pg.sh: PostgreSQL server not installed; PostgreSQL tests skipped" >&2
	exec "$@"
fi
dir=$(mktemp -d /tmp/fazhi-pg.XXXXXX)
as=""
if [ "$(id -u)" -eq 0 ]; then
	chown postgres "$dir"
	as="runuser -u postgres --"
fi
stop() {
	$as "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
	rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM
if ! $as "$bindir/initdb" -D "$dir/data" -A trust -U fazhi -E UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
	cat "$dir/initdb.log" >&2
	exit 1
fi
if ! $as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
    "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" \
    start >/dev/null; then
	cat "$dir/server.log" >&2
	exit 1
fi
export FAZHI_TEST_PG_HOST="$dir"
export FAZHI_TEST_PG_USER=fazhi
export FAZHI_TEST_PG_DSN="postgresql:///fazhi_test?host=$dir&user=fazhi"
export FAZHI_TEST_PG_BIN="$bindir"
export FAZHI_TEST_PG_DATA="$dir/data"
export FAZHI_TEST_PG_AS="$as"
"$@"
