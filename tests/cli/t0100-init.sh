#!/bin/sh
# t0100-init: `fazhi init` creates a database at the newest schema and says
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

# whole DB: the schema and every row of a database, as text
whole() { on_db "$1" dump_all; }
# drop_db DB: remove a database a command should not have made
drop_db() {
	if [ "$BACKEND" = pg ]; then
		psql -X -q "$PGADMIN" -c "DROP DATABASE IF EXISTS \"$(db_name "$1")\" WITH (FORCE)" >/dev/null 2>&1
	else rm -f "$1"; fi
}

# --- init creates a database at the newest version -------------------------
# One row per numbered migration file; the version is the highest number
# (numbers may have gaps while a change numbered below is on another branch).
nmig=$(ls "$TOP"/sql/sqlite/[0-9]*.sql | wc -l)
latest=$(ls "$TOP"/sql/sqlite/[0-9]*.sql | sed 's|.*/||; s|_.*||; s|^0*||' | sort -n | tail -n 1)
# with PostgreSQL, from a DSN naming a database the server does not have yet
if db_exists "$DB"; then not_ok "no database $DB before init"
else ok "no database $DB before init"; fi
run 0 "$FAZHI" init --db "$DB"
if [ "$BACKEND" = sqlite ]; then
	if [ -s "$DB" ]; then ok "init created $DB"; else not_ok "init created $DB"; fi
else
	if db_exists "$DB"; then ok "init created the database $(db_name "$DB")"
	else not_ok "init created the database $(db_name "$DB")"; fi
fi
eq "$(sql 'SELECT max(version) FROM schema_version' 2>&1)" "$latest" \
    "schema_version says the newest version"
eq "$(sql 'SELECT count(*) FROM schema_version' 2>&1)" "$nmig" \
    "schema_version has one row per migration"
for t in unit unit_name division plan plan_source plan_section task \
    task_unit_ref task_unit_member indicator audit account account_role \
    session period calendar_day calendar_year; do
	eq "$(table_exists "$t")" 1 "table $t exists"
done

# --- a second init: up to date, nothing changes ---------------------------
whole "$DB" >"$T/dump1"
run 0 "$FAZHI" init --db "$DB"
has "$T/out" "最新" "second init says the database is up to date (最新)"
whole "$DB" >"$T/dump2"
if [ -s "$T/dump1" ] && cmp -s "$T/dump1" "$T/dump2"; then
	ok "second init changes nothing"
else not_ok "second init changes nothing"
	diff "$T/dump1" "$T/dump2" | head -5 | sed 's/^/# /'
fi

# FAZHI_DB names the database when --db is absent
envdb=$(db_new env)
FAZHI_DB="$envdb"; export FAZHI_DB
"$FAZHI" init >/dev/null 2>&1
unset FAZHI_DB
eq "$(sql_on "$envdb" 'SELECT max(version) FROM schema_version' 2>&1)" "$latest" \
    "init honours FAZHI_DB"

# --- a database of a newer fazhi (version 99) is refused ------------------
v99=$(db_new v99)
db_copy "$DB" "$v99"
sql_on "$v99" "INSERT INTO schema_version (version, name, applied_at) VALUES (99, '0099_future', '2099-01-01T00:00:00Z')"
eq "$(sql_on "$v99" 'SELECT max(version) FROM schema_version' 2>&1)" 99 \
    "setup: a copy of the database at version 99"
whole "$v99" >"$T/v99.before"
run 1 "$FAZHI" init --db "$v99"
has "$T/err" "版本" "init on a version-99 database mentions 版本"
whole "$v99" >"$T/v99.after"
if cmp -s "$T/v99.before" "$T/v99.after"; then
	ok "init leaves the version-99 database alone"
else not_ok "init leaves the version-99 database alone"; fi
run 1 "$FAZHI" units list --db "$v99"
has "$T/err" "版本" "units list on a version-99 database mentions 版本"
run 1 "$FAZHI" plan list --db "$v99"
has "$T/err" "版本" "plan list on a version-99 database mentions 版本"
run 1 "$FAZHI" units import --db "$v99" "$TOP/data/units/shenxian.csv"
eq "$(sql_on "$v99" 'SELECT count(*) FROM unit')" 0 \
    "units import into a version-99 database stores nothing"

# --- commands on a missing database -----------------------------------------
# a SQLite file, or with PostgreSQL a database the server does not have
plan="$TOP/data/plans/shenxian-2022.md"
miss=$(db_new missing)
for cmd in "units list" "units import $TOP/data/units/shenxian.csv" \
    "divisions import $TOP/data/divisions/shandong.csv" \
    "plan import $plan" "plan list" "plan show" "plan export --format csv"; do
	# shellcheck disable=SC2086 # $cmd is split on purpose
	run 1 "$FAZHI" $cmd --db "$miss"
	has "$T/err" "fazhi init" "missing db: $cmd tells to run fazhi init"
	if db_exists "$miss"; then
		not_ok "missing db: $cmd does not create $miss"; drop_db "$miss"
	else ok "missing db: $cmd does not create $miss"; fi
done
# the default database (var/fazhi.db in the current folder) and FAZHI_DB
run 1 "$FAZHI" plan list
has "$T/err" "fazhi init" "default db missing: tells to run fazhi init"
FAZHI_DB=$(db_new nowhere); export FAZHI_DB
run 1 "$FAZHI" units list
has "$T/err" "fazhi init" "FAZHI_DB missing: tells to run fazhi init"
if db_exists "$FAZHI_DB"; then not_ok "FAZHI_DB missing: nothing created"
else ok "FAZHI_DB missing: nothing created"; fi
unset FAZHI_DB
# an existing file, or PostgreSQL database, that is not a fazhi database yet
blank=$(db_new blank)
if [ "$BACKEND" = sqlite ]; then
	: >"$blank"
else
	psql -X -q "$PGADMIN" -c "CREATE DATABASE \"$(db_name "$blank")\""
fi
run 1 "$FAZHI" plan list --db "$blank"
has "$T/err" "fazhi init" "uninitialised db: tells to run fazhi init"
if [ "$BACKEND" = pg ]; then
	# a server that cannot be reached: exit 1, 无法连接, for init too
	bad='postgresql://nobody@127.0.0.1:1/x'
	run 1 "$FAZHI" plan list --db "$bad"
	has "$T/err" "无法连接" "unreachable server: plan list says 无法连接"
	run 1 "$FAZHI" init --db "$bad"
	has "$T/err" "无法连接" "unreachable server: init says 无法连接"
fi

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
bogus=$(db_new bogus)
run 2 "$FAZHI" init --bogus --db "$bogus"
if db_exists "$bogus"; then not_ok "init --bogus creates no database"
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
eq "$(count_rows unit) $(count_rows plan)" \
    "0 0" "usage errors stored nothing"

echo "1..$_n"
