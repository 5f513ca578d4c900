#!/bin/sh
# t1295-indicator-ids.sh: migration 0019 moves the records behind each
# stored indicator value from one row per record (indicator_value_record)
# into three lists in the value's row, ascending ids written as the
# difference from the one before (the first from 0). A store made by the
# migrations before 0019, with the rows of a value of an earlier run:
#
#   value 1: counted 8, 3, 4; failing 2        → "3,1,4", "2", none
#   value 2: counted 10, 1; excluded 7         → "1,9", none, "7"
#   value 3: no records                        → none, none, none
#
# After fazhi init the lists are those, the old table is gone, and
# decoding them gives the same ids back.
. "$TOP/tests/lib/lib.sh"

dialect=sqlite
[ "$BACKEND" = pg ] && dialect=pg
apply() { # FILE: run a migration file on $DB as the program would
	if [ "$BACKEND" = pg ]; then
		psql -X -q -v ON_ERROR_STOP=1 "$DB" -f "$1" >/dev/null
	else
		sqlite3 -bail "$DB" < "$1"
	fi
}
[ "$BACKEND" = pg ] && psql -X -q "$PGADMIN" -c "CREATE DATABASE \"$PGDB\"" >/dev/null
sql "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)" >/dev/null
for f in "$TOP"/sql/$dialect/*.sql; do
	name=$(basename "$f" .sql)
	n=$(echo "$name" | sed 's/_.*//; s/^0*//')
	[ "$n" -ge 19 ] && continue
	apply "$f" || fail "migration $name by hand"
	sql "INSERT INTO schema_version VALUES ($n, '$name', '2026-01-01T00:00:00Z')" >/dev/null
done
eq "$(sql "SELECT max(version) FROM schema_version")" "$(ls "$TOP"/sql/$dialect | sed 's/_.*//; s/^0*//' | awk '$1 < 19' | sort -n | tail -1)" \
    "a store as the migrations before 0019 leave it"

sql "INSERT INTO indicator_def (id, key, version, name, registry, kind, numerator, params, unit, scope, source, basis, created_by, created_at) VALUES (901, 'test.rate', 1, '测试率', 'normative', 'rate', '{}', '{}', '%', 'county', '本系统定义', 'ours', 'test', '2022-12-31T00:00:00Z')" >/dev/null
sql "INSERT INTO indicator_run (id, as_of, year, period_start, period_end, computed_at, actor) VALUES (901, '2022-12-31', 2022, '2022-01-01', '2022-12-31', '2022-12-31T00:00:00Z', 'test')" >/dev/null
for v in 1 2 3; do
	sql "INSERT INTO indicator_value (id, run_id, def_id, numerator, denominator, value, met, inputs_sha256) VALUES (90$v, 901, 901, 0, 0, NULL, NULL, 'x')" >/dev/null
done
sql "INSERT INTO indicator_value_record (value_id, record_id, role) VALUES (901, 8, 'counted'), (901, 3, 'counted'), (901, 4, 'counted'), (901, 2, 'failing'), (902, 10, 'counted'), (902, 1, 'counted'), (902, 7, 'excluded')" >/dev/null

run 0 "$FAZHI" init --db "$DB"
eq "$(sql "SELECT max(version) FROM schema_version")" "$(ls "$TOP"/sql/$dialect | sed 's/_.*//; s/^0*//' | sort -n | tail -1)" \
    "init applies 0019 and what follows"
lists() { sql "SELECT coalesce(counted_ids, '-') || ' ' || coalesce(failing_ids, '-') || ' ' || coalesce(excluded_ids, '-') FROM indicator_value WHERE id = $1"; }
eq "$(lists 901)" "3,1,4 2 -" "value 1: counted 3 4 8 as 3,1,4; failing 2"
eq "$(lists 902)" "1,9 - 7" "value 2: counted 1 10 as 1,9; excluded 7"
eq "$(lists 903)" "- - -" "value 3: no records, no lists"
eq "$(value_ids "SELECT counted_ids FROM indicator_value WHERE id = 901" | join_lines ' ')" "3 4 8" \
    "the list decodes to the ids it was made from"
eq "$(table_exists indicator_value_record)" 0 \
    "the table of one row per record is gone"
