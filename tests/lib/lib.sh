# lib.sh: helpers for the command-line tests (tests/cli/t*.sh), which
# print TAP: "ok N - what" or "not ok N - what". Source it first.
#   $FAZHI  the binary under test     $TOP  the repository
#   $T      a fresh temporary folder, removed at exit
#   $DB     a fresh database path inside $T
# SPDX-License-Identifier: MIT
set -u
: "${FAZHI:=$(pwd)/build/fazhi}"
: "${TOP:=$(pwd)}"
T=$(mktemp -d)
DB="$T/fazhi.db"
trap 'rm -rf "$T"' EXIT INT TERM
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

# count_rows TABLE: rows in a table of $DB (sqlite3 CLI)
count_rows() { sqlite3 "$DB" "SELECT count(*) FROM $1"; }
