# lib.sh: helpers for the command-line tests (tests/cli/t*.sh), which
# print TAP: "ok N - what" or "not ok N - what". Source it first.
#   $FAZHI  the binary under test     $TOP  the repository
#   $T      a fresh temporary folder, removed at exit
#   $DB     a fresh database: a SQLite file inside $T, or with
#           FAZHI_TEST_BACKEND=pg a new database on the test cluster
#   $BACKEND sqlite or pg
# More databases: db_new, db_copy, db_exists, sql_on, on_db (below).
# SPDX-License-Identifier: MIT
set -u
: "${FAZHI:=$(pwd)/build/fazhi}"
: "${TOP:=$(pwd)}"
T=$(mktemp -d)
BACKEND=${FAZHI_TEST_BACKEND:-sqlite}
if [ "$BACKEND" = pg ]; then
	# A database of its own on the cluster of tests/with-pg.sh.
	PGDB="fzcli_$$_$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')"
	DB="postgresql:///$PGDB?host=$FAZHI_TEST_PG_HOST&user=$FAZHI_TEST_PG_USER"
	PGADMIN="postgresql:///postgres?host=$FAZHI_TEST_PG_HOST&user=$FAZHI_TEST_PG_USER"
	# $DB and every database of db_new: the names starting with $PGDB
	cleanup() {
		for _d in $(psql -X -q -At "$PGADMIN" -c "SELECT datname FROM pg_database WHERE left(datname, ${#PGDB}) = '$PGDB'" 2>/dev/null); do
			psql -X -q "$PGADMIN" -c "DROP DATABASE IF EXISTS \"$_d\" WITH (FORCE)" \
			    >/dev/null 2>&1
		done
		rm -rf "$T"
	}
else
	DB="$T/fazhi.db"
	cleanup() { rm -rf "$T"; }
fi
trap cleanup EXIT
trap 'exit 1' INT TERM
export FAZHI_NO_PROGRESS=1
_n=0
_on_db=

ok() { _n=$((_n + 1)); echo "ok $_n - $1"; }
not_ok() { _n=$((_n + 1)); echo "not ok $_n - $1"; }

# check "what" command...: passes when the command exits 0
check() {
	what=$1; shift
	if "$@" >"$T/.out" 2>"$T/.err"; then ok "$what"; else
		not_ok "$what"; sed 's/^/# /' "$T/.out" "$T/.err" | head -20
	fi
}

# run CODE command...: runs it, stdout in $T/out, stderr in $T/err; the
# exit code must be CODE
run() {
	want=$1; shift
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "exit $want: $*"; else
		not_ok "exit $want (got $got): $*"
		sed 's/^/# /' "$T/out" "$T/err" | head -20
	fi
}

# has FILE "text" "what": FILE contains the fixed string
has() {
	if grep -qF -- "$2" "$1"; then ok "$3"; else
		not_ok "$3"; echo "# '$2' not in $1:"; sed 's/^/# /' "$1" | head -10
	fi
}

# lacks FILE "text" "what"
lacks() {
	if grep -qF -- "$2" "$1"; then not_ok "$3"; echo "# '$2' found in $1"
	else ok "$3"; fi
}

# eq "got" "want" "what"
eq() {
	if [ "$1" = "$2" ]; then ok "$3"; else
		not_ok "$3"; echo "# got:  $1"; echo "# want: $2"
	fi
}

# A database with the 莘县 directory loaded.
setup_db() {
	"$FAZHI" init --db "$DB" >/dev/null &&
	"$FAZHI" divisions import --db "$DB" "$TOP/data/divisions/shandong.csv" >/dev/null &&
	"$FAZHI" units import --db "$DB" "$TOP/data/units/shenxian.csv" >/dev/null
}

# sql "QUERY": run SQL on $DB (or the database of on_db) with the backend's
# own client, rows as |-separated lines (sqlite3 or psql -At), for checks
# behind the program. Keep the SQL portable: no group_concat (join_lines),
# no instr (LIKE, substr), no "strings".
sql() { sql_on "${_on_db:-$DB}" "$1"; }

# sql_on DB "QUERY": the same on another database of this backend
sql_on() {
	if [ "$BACKEND" = pg ]; then psql -X -q -At "$1" -c "$2"
	else sqlite3 "$1" "$2"; fi
}

# value_ids "QUERY": the record ids of the lists of ids (migration 0019:
# differences from the previous id, comma-separated) the query returns,
# one list per line, an id per output line
value_ids() {
	sql "$1" | awk -F, '{ s = 0; for (i = 1; i <= NF; i++) if ($i != "") { s += $i; print s } }'
}

# count_rows TABLE: rows in a table of $DB
count_rows() { sql "SELECT count(*) FROM $1"; }

# dump_tables T1 T2...: the rows of tables, ordered, for before/after checks
dump_tables() {
	for _t in "$@"; do
		echo "== $_t"
		sql "SELECT * FROM $_t ORDER BY 1, 2"
	done
}

# on_db DB COMMAND...: run a helper of this file (sql, count_rows,
# dump_tables, dump_all...) on another database of this backend
on_db() (
	_on_db=$1; shift
	"$@"
)

# db_new NAME: where another database of this backend goes, not created:
# $T/NAME.db, or a database ${PGDB}_NAME on the test cluster (dropped at
# exit like $DB)
db_new() {
	if [ "$BACKEND" = pg ]; then
		echo "postgresql:///${PGDB}_$1?host=$FAZHI_TEST_PG_HOST&user=$FAZHI_TEST_PG_USER"
	else echo "$T/$1.db"; fi
}

# db_name DB: a PostgreSQL database's name, out of its DSN
db_name() { _d=${1#*///}; echo "${_d%%\?*}"; }

# db_exists DB: the SQLite file, or the PostgreSQL database, exists
db_exists() {
	if [ "$BACKEND" = pg ]; then
		[ "$(psql -X -q -At "$PGADMIN" -c "SELECT count(*) FROM pg_database WHERE datname = '$(db_name "$1")'")" = 1 ]
	else [ -e "$1" ]; fi
}

# db_copy FROM TO: copy database FROM, which no one is using, to a new
# database TO (of db_new)
db_copy() {
	if [ "$BACKEND" = pg ]; then
		psql -X -q "$PGADMIN" -c "CREATE DATABASE \"$(db_name "$2")\" TEMPLATE \"$(db_name "$1")\""
	else cp "$1" "$2"; fi
}

# table_exists TABLE: 1 if $DB has that table, else 0 (the catalogue of
# each backend)
table_exists() {
	if [ "$BACKEND" = pg ]; then
		sql "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '$1'"
	else sql "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '$1'"; fi
}

# dump_schema: the tables, columns and indexes of $DB, for before/after
# checks (the catalogue of each backend)
dump_schema() {
	if [ "$BACKEND" = pg ]; then
		sql "SELECT table_name, ordinal_position, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 2"
		sql "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1, 2"
	else sql "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY 1, 2"; fi
}

# list_tables: the tables of $DB, one a line, sorted
list_tables() {
	if [ "$BACKEND" = pg ]; then
		sql "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1"
	else sql "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1"; fi
}

# dump_all: the schema and every row of every table of $DB, for checks that
# a command left the whole database as it was
dump_all() {
	dump_schema
	# shellcheck disable=SC2046 # one word a table
	dump_tables $(list_tables)
}

# join_lines SEP: the lines of stdin as one line, SEP between them (what
# group_concat gives, which PostgreSQL lacks)
join_lines() {
	awk -v s="$1" 'NR > 1 { printf "%s", s } { printf "%s", $0 } END { if (NR) print "" }'
}
