#!/bin/sh
# t0500-plan-reimport: the same 文号 imported again. The identical file is
# "unchanged"; the revision tests/import/fixtures/shenxian-2022-rev.md
# without --update changes nothing and shows the diff of
# tests/import/expected/shenxian-2022-rev.diff.json; with --update the plan
# becomes revision 2, matched tasks keep their ids, the removed one is gone
# and plan_source keeps both texts.
# SPDX-License-Identifier: MIT
. "$TOP/tests/lib/lib.sh"
cd "$T" || exit 1

PLAN="$TOP/data/plans/shenxian-2022.md"
REV="$TOP/tests/import/fixtures/shenxian-2022-rev.md"
EXP="$TOP/tests/import/expected/shenxian-2022-rev.diff.json"
q() { sql "$1"; }
jq_() { sqlite3 :memory: "$1"; }
snapshot() {
	dump_tables plan plan_section plan_source task task_measure task_unit_ref task_unit_member indicator audit
}
same_snapshot() {	# same_snapshot "what"
	snapshot >"$T/snap.after"
	if cmp -s "$T/snap.before" "$T/snap.after"; then ok "$1"; else
		not_ok "$1"; diff "$T/snap.before" "$T/snap.after" | head -6 |
		    sed 's/^/# /'
	fi
}
# the expected diff, read from the golden file: "22", "5", "7", "21"
exp() { jq_ "SELECT group_concat(value, ',') FROM json_each(readfile('$EXP'), '\$.$1')"; }
ADDED=$(exp added); REMOVED=$(exp removed)
CHANGED=$(exp changed); UNITS=$(exp units_changed)
eq "$ADDED|$REMOVED|$CHANGED|$UNITS" "22|5|7|21" \
    "the golden diff reads added 22, removed 5, changed 7, units_changed 21"

setup_db || not_ok "setup: init, divisions and units"
run 0 "$FAZHI" plan import --db "$DB" "$PLAN"
eq "$(q 'SELECT revision FROM plan')" 1 "first import: revision 1"

# --- the identical file again: unchanged ---------------------------------------
snapshot >"$T/snap.before"
for upd in "" "--update"; do
	run 0 "$FAZHI" plan import --db "$DB" $upd "$PLAN"
	if grep -qE '相同|未改动|无变化|没有变化' "$T/out"; then
		ok "identical file ${upd:-without --update}: says unchanged"
	else not_ok "identical file ${upd:-without --update}: says unchanged"
		sed 's/^/# /' "$T/out" | head -5; fi
	same_snapshot "identical file ${upd:-without --update}: nothing changes"
done
run 0 "$FAZHI" plan import --db "$DB" --json "$PLAN"
eq "$(jq_ "SELECT json_extract(readfile('$T/out'), '\$.action')")" unchanged \
    "identical file --json: action unchanged"

# --- the revision without --update: nothing changes, the diff is shown ----------
before=$(db_new before)
db_copy "$DB" "$before"
run 0 "$FAZHI" plan import --db "$DB" "$REV"
cp "$T/out" "$T/diff.txt"
same_snapshot "revision without --update: nothing changes"
# the text names each number next to its kind of change
line_has() {	# line_has ERE-of-label number "what"
	if grep -E "$1" "$T/diff.txt" | grep -qE "(^|[^0-9])$2([^0-9]|$)"; then
		ok "$3"; else not_ok "$3"; sed 's/^/# /' "$T/diff.txt" | head -20
	fi
}
line_has '新增|增加|添加' "$ADDED" "the text lists added task $ADDED"
line_has '删除|移除|去掉' "$REMOVED" "the text lists removed task $REMOVED"
line_has '(内容|文字|文本).*(变|改)' "$CHANGED" "the text lists changed task $CHANGED"
line_has '单位.*(变|改)' "$UNITS" "the text lists units changed in task $UNITS"
has "$T/diff.txt" "--update" "the text says how to apply it (--update)"
run 0 "$FAZHI" plan import --db "$DB" --json "$REV"
cp "$T/out" "$T/diff.json"
eq "$(jq_ "SELECT json_valid(readfile('$T/diff.json'))")" 1 "--json: valid"
for k in added removed changed units_changed; do
	eq "$(jq_ "SELECT json_extract(readfile('$T/diff.json'), '\$.diff.$k')")" \
	    "$(jq_ "SELECT json_extract(readfile('$EXP'), '\$.$k')")" \
	    "--json: diff.$k as in the golden file"
done
same_snapshot "revision --json without --update: nothing changes"
run 0 "$FAZHI" plan import --db "$DB" --dry-run --update "$REV"
same_snapshot "revision --dry-run --update: nothing changes"

# --- the revision with --update ------------------------------------------------------
naudit=$(q 'SELECT count(*) FROM audit')
run 0 "$FAZHI" plan import --db "$DB" --update "$REV"
# old and new side by side, as SQLite's ATTACH gave: a copy of the database
# after the update, with the tasks of the copy from before it as b_task
cmp=$(db_new cmp)
db_copy "$DB" "$cmp"
sql_on "$cmp" 'CREATE TABLE b_task (id BIGINT, number INTEGER, title TEXT, text TEXT)'
sql_on "$before" "SELECT 'INSERT INTO b_task VALUES (' || id || ', ' || number || ', ''' || replace(title, '''', '''''') || ''', ''' || replace(text, '''', '''''') || ''');' FROM task" >"$T/b_task.sql"
sql_on "$cmp" "$(cat "$T/b_task.sql")"
sql_on "$before" 'SELECT id, number, title, text FROM task ORDER BY id' >"$T/b_task.want"
sql_on "$cmp" 'SELECT id, number, title, text FROM b_task ORDER BY id' >"$T/b_task.got"
if [ -s "$T/b_task.want" ] && cmp -s "$T/b_task.want" "$T/b_task.got"; then
	ok "setup: the tasks from before the update, beside the new ones"
else not_ok "setup: the tasks from before the update, beside the new ones"; fi
qb() { sql_on "$cmp" "$1"; }
eq "$(q 'SELECT count(*) FROM plan')" 1 "still one plan"
eq "$(q 'SELECT revision FROM plan')" 2 "the plan is revision 2"
eq "$(q 'SELECT id FROM plan')" "$(sql_on "$before" 'SELECT id FROM plan')" \
    "the plan keeps its id"
eq "$(q 'SELECT count(*) FROM plan_source')" 2 "plan_source has 2 rows"
eq "$(q "SELECT revision || ':' || sha256 FROM plan_source ORDER BY revision" | join_lines ' ')" \
    "1:$(sha256sum "$PLAN" | cut -d' ' -f1) 2:$(sha256sum "$REV" | cut -d' ' -f1)" \
    "plan_source holds both texts as revisions 1 and 2"
eq "$(q 'SELECT count(*) FROM task')" 22 "22 tasks (one removed, one added)"
eq "$(q "SELECT min(number) || '-' || max(number) FROM task")" "1-22" \
    "tasks numbered 1 to 22 as in the revision"
eq "$(q 'SELECT count(*) FROM audit')" $((naudit + 1)) "an audit row for the update"

# matched tasks (same title) keep their ids: 21 of them
eq "$(qb "SELECT count(*) FROM task t JOIN b_task o ON o.title = t.title")" 21 \
    "21 old tasks are still there by title"
eq "$(qb "SELECT count(*) FROM task t JOIN b_task o ON o.title = t.title WHERE o.number NOT IN ($CHANGED, $UNITS) AND o.id = t.id")" \
    19 "the 19 unchanged tasks keep their ids"
eq "$(qb "SELECT count(*) FROM task t JOIN b_task o ON o.title = t.title WHERE o.number IN ($CHANGED, $UNITS) AND o.id = t.id")" \
    2 "the 2 changed tasks keep their ids too"
eq "$(qb "SELECT t.number FROM task t JOIN b_task o ON o.title = t.title WHERE o.number = 6")" \
    5 "old task 6 is now numbered 5"
# the removed task is gone, with its references
eq "$(qb "SELECT count(*) FROM task WHERE id = (SELECT id FROM b_task WHERE number = $REMOVED) OR title = (SELECT title FROM b_task WHERE number = $REMOVED)")" \
    0 "removed task $REMOVED is gone"
eq "$(qb "SELECT count(*) FROM task_unit_ref WHERE task_id = (SELECT id FROM b_task WHERE number = $REMOVED)")" \
    0 "... and so are its unit references"
eq "$(q 'SELECT count(*) FROM task_unit_ref WHERE task_id NOT IN (SELECT id FROM task)')" \
    0 "no unit reference is left without its task"
# the added task
eq "$(qb "SELECT title FROM task WHERE number = $ADDED AND title NOT IN (SELECT title FROM b_task)")" \
    "加强政务数据安全保护" "task $ADDED is the new 加强政务数据安全保护"
eq "$(q "SELECT r.phrase FROM task_unit_ref r JOIN task t ON t.id = r.task_id WHERE t.number = $ADDED AND r.role = 'lead' ORDER BY r.ord" | join_lines '、')" \
    "县政府办公室（县大数据局）、县公安局" "task $ADDED has its two lead units"
# the changed text and the changed units
eq "$(qb "SELECT count(*) FROM task t JOIN b_task o ON o.id = t.id WHERE o.number = $CHANGED AND t.text <> o.text AND t.text LIKE '%加强政府信息公开专栏建设%'")" \
    1 "old task $CHANGED has the revised text"
eq "$(qb "SELECT r.phrase FROM task_unit_ref r JOIN task t ON t.id = r.task_id JOIN b_task o ON o.title = t.title WHERE o.number = $UNITS AND r.role = 'lead' ORDER BY r.ord" | join_lines '、')" \
    "县政府办公室（县大数据局）、县司法局" "old task $UNITS now has 县司法局 as a lead too"

# --- the revision once more: unchanged ----------------------------------------------
snapshot >"$T/snap.before"
run 0 "$FAZHI" plan import --db "$DB" --update "$REV"
if grep -qE '相同|未改动|无变化|没有变化' "$T/out"; then
	ok "the revision again: says unchanged"
else not_ok "the revision again: says unchanged"; fi
same_snapshot "the revision again: nothing changes"
eq "$(q 'SELECT revision FROM plan')" 2 "still revision 2"
# and the old text, without --update, is a difference again, not applied
run 0 "$FAZHI" plan import --db "$DB" "$PLAN"
same_snapshot "the old text without --update changes nothing"

echo "1..$_n"
