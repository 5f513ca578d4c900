# lib.sh: helpers for the command-line tests (tests/cli/t*.sh), which
# print TAP: "ok N - what" or "not ok N - what". Source it first.
#   $FAZHI  the binary under test     $TOP  the repository
#   $T      a fresh temporary folder, removed at exit
#   $DB     a fresh database: a SQLite file inside $T, or with
#           FAZHI_TEST_BACKEND=pg a new database on the test cluster
#   $BACKEND sqlite or pg
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
	cleanup() {
		psql -q "$PGADMIN" -c "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)" \
		    >/dev/null 2>&1
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

# sql "QUERY": run SQL on $DB with the backend's own client, rows as
# |-separated lines (sqlite3 or psql -At), for checks behind the program
sql() {
	if [ "$BACKEND" = pg ]; then psql -X -q -At "$DB" -c "$1"
	else sqlite3 "$DB" "$1"; fi
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
