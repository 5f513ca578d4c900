#!/bin/sh
# t0100-init: `fazhi init` creates a database at schema version 1 and says
# so again (exit 0) when run twice; a database from a newer fazhi (version
# 99) is refused; every command on a missing or uninitialised database
# exits 1 and says to run fazhi init; every command answers --help (exit 0,
# text starting with 用法); unknown commands and options exit 2.
# SPDX-License-Identifier: MIT
. "$TOP/tests/lib/lib.sh"
cd "$T" || exit 1	# so the default database var/fazhi.db lands in $T

# starts FILE "prefix" "what": the first line of FILE starts with prefix
starts() {
	case "$(head -n 1 "$1")" in
	"$2"*) ok "$3" ;;
	*) not_ok "$3"; echo "# first line: $(head -n 1 "$1")" ;;
	esac
}

# --- init creates a database at version 1 ---------------------------------
run 0 "$FAZHI" init --db "$DB"
if [ -s "$DB" ]; then ok "init created $DB"; else not_ok "init created $DB"; fi
eq "$(sqlite3 "$DB" 'SELECT max(version) FROM schema_version' 2>&1)" 1 \
    "schema_version says version 1"
eq "$(sqlite3 "$DB" 'SELECT count(*) FROM schema_version' 2>&1)" 1 \
    "schema_version has one row"
for t in unit unit_name division plan plan_section plan_source task \
    task_unit_ref task_unit_member indicator audit; do
	eq "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '$t'")" 1 \
	    "table $t exists"
done

# --- a second init: up to date, nothing changes ---------------------------
sqlite3 "$DB" .dump >"$T/dump1"
run 0 "$FAZHI" init --db "$DB"
has "$T/out" "最新" "second init says the database is up to date (最新)"
sqlite3 "$DB" .dump >"$T/dump2"
if cmp -s "$T/dump1" "$T/dump2"; then ok "second init changes nothing"
else not_ok "second init changes nothing"; fi

# FAZHI_DB names the database when --db is absent
FAZHI_DB="$T/env.db"; export FAZHI_DB
"$FAZHI" init >/dev/null 2>&1
unset FAZHI_DB
eq "$(sqlite3 "$T/env.db" 'SELECT max(version) FROM schema_version' 2>&1)" 1 \
    "init honours FAZHI_DB"

# --- a database of a newer fazhi (version 99) is refused ------------------
cp "$DB" "$T/v99.db"
sqlite3 "$T/v99.db" "INSERT INTO schema_version (version, name, applied_at) VALUES (99, '0099_future', '2099-01-01T00:00:00Z')"
sqlite3 "$T/v99.db" .dump >"$T/v99.before"
run 1 "$FAZHI" init --db "$T/v99.db"
has "$T/err" "版本" "init on a version-99 database mentions 版本"
sqlite3 "$T/v99.db" .dump >"$T/v99.after"
if cmp -s "$T/v99.before" "$T/v99.after"; then
	ok "init leaves the version-99 database alone"
else not_ok "init leaves the version-99 database alone"; fi
run 1 "$FAZHI" units list --db "$T/v99.db"
has "$T/err" "版本" "units list on a version-99 database mentions 版本"
run 1 "$FAZHI" plan list --db "$T/v99.db"
has "$T/err" "版本" "plan list on a version-99 database mentions 版本"
run 1 "$FAZHI" units import --db "$T/v99.db" "$TOP/data/units/shenxian.csv"
eq "$(sqlite3 "$T/v99.db" 'SELECT count(*) FROM unit')" 0 \
    "units import into a version-99 database stores nothing"

# --- commands on a missing database -----------------------------------------
plan="$TOP/data/plans/shenxian-2022.md"
miss="$T/missing.db"
for cmd in "units list" "units import $TOP/data/units/shenxian.csv" \
    "divisions import $TOP/data/divisions/shandong.csv" \
    "plan import $plan" "plan list" "plan show" "plan export --format csv"; do
	# shellcheck disable=SC2086 # $cmd is split on purpose
	run 1 "$FAZHI" $cmd --db "$miss"
	has "$T/err" "fazhi init" "missing db: $cmd tells to run fazhi init"
	if [ -e "$miss" ]; then
		not_ok "missing db: $cmd does not create $miss"; rm -f "$miss"
	else ok "missing db: $cmd does not create $miss"; fi
done
# the default database (var/fazhi.db in the current folder) and FAZHI_DB
run 1 "$FAZHI" plan list
has "$T/err" "fazhi init" "default db missing: tells to run fazhi init"
FAZHI_DB="$T/nowhere.db"; export FAZHI_DB
run 1 "$FAZHI" units list
unset FAZHI_DB
has "$T/err" "fazhi init" "FAZHI_DB missing: tells to run fazhi init"
# an existing file that is not a fazhi database yet
: >"$T/blank.db"
run 1 "$FAZHI" plan list --db "$T/blank.db"
has "$T/err" "fazhi init" "uninitialised db: tells to run fazhi init"

# --- --help everywhere -------------------------------------------------------
for cmd in "" "init" "divisions" "divisions import" "units" "units import" \
    "units list" "plan" "plan import" "plan list" "plan show" "plan export"; do
	# shellcheck disable=SC2086
	run 0 "$FAZHI" $cmd --help
	starts "$T/out" "用法" "fazhi${cmd:+ $cmd} --help starts with 用法"
done
# -h too, and help works without any database around
run 0 "$FAZHI" plan import -h
starts "$T/out" "用法" "fazhi plan import -h starts with 用法"
if [ -e "$T/var/fazhi.db" ]; then not_ok "--help created no database"
else ok "--help created no database"; fi

# --- usage errors exit 2 ----------------------------------------------------
run 2 "$FAZHI"
run 2 "$FAZHI" frobnicate
has "$T/err" "frobnicate" "unknown command is named in the message"
run 2 "$FAZHI" units frobnicate
run 2 "$FAZHI" plan frobnicate
run 2 "$FAZHI" divisions frobnicate
run 2 "$FAZHI" init --bogus --db "$T/bogus.db"
if [ -e "$T/bogus.db" ]; then not_ok "init --bogus creates no database"
else ok "init --bogus creates no database"; fi
run 2 "$FAZHI" init --db "$DB" extra-operand
run 2 "$FAZHI" units list --bogus --db "$DB"
run 2 "$FAZHI" units import --db "$DB"
run 2 "$FAZHI" units import --bogus --db "$DB" "$TOP/data/units/shenxian.csv"
run 2 "$FAZHI" divisions import --db "$DB"
run 2 "$FAZHI" plan import --bogus --db "$DB" "$plan"
run 2 "$FAZHI" plan import --db "$DB"
run 2 "$FAZHI" plan import --db "$DB" --format pdf "$plan"
run 2 "$FAZHI" plan list --bogus --db "$DB"
run 2 "$FAZHI" plan show --bogus --db "$DB"
run 2 "$FAZHI" plan export --bogus --format csv --db "$DB"
eq "$(sqlite3 "$DB" 'SELECT count(*) FROM unit') $(sqlite3 "$DB" 'SELECT count(*) FROM plan')" \
    "0 0" "usage errors stored nothing"

echo "1..$_n"
