#!/bin/sh
# t0300-plan-import: the reference plan data/plans/shenxian-2022.md (莘政办发
# 〔2022〕5号): --dry-run stores nothing; the import stores 9 sections and 22
# tasks, its --json output is valid, the 有关 phrases are 待明确 with no
# members, 各镇人民政府（街道办事处） is the 24 towns and subdistricts, task
# 11 has no lead and task 12 has 11, an audit row is written; the plain-text
# copy gives the same task titles.
# SPDX-License-Identifier: MIT
. "$TOP/tests/lib/lib.sh"
cd "$T" || exit 1

PLAN="$TOP/data/plans/shenxian-2022.md"
TXT="$TOP/tests/import/fixtures/shenxian-2022.txt"
q() { sql "$1"; }
jq_() { sqlite3 :memory: "$1"; }	# JSON through sqlite3's json1

setup_db || not_ok "setup: init, divisions and units"
ntowns=$(awk -F, '$4 == "371522" && ($3 == "town" || $3 == "subdistrict")' \
    "$TOP/data/divisions/shandong.csv" | wc -l)	# 4 街道 + 20 镇

# --- --dry-run stores nothing --------------------------------------------------
dump_all >"$T/before.dump"
run 0 "$FAZHI" plan import --db "$DB" --dry-run "$PLAN"
dump_all >"$T/after.dump"
if [ -s "$T/before.dump" ] && cmp -s "$T/before.dump" "$T/after.dump"; then
	ok "--dry-run leaves the whole database as it was"
else not_ok "--dry-run leaves the whole database as it was"
	diff "$T/before.dump" "$T/after.dump" | head -5 | sed 's/^/# /'
fi
eq "$(q 'SELECT count(*) FROM plan')" 0 "--dry-run: no plan row"
run 0 "$FAZHI" plan import --db "$DB" --dry-run --json "$PLAN"
eq "$(jq_ "SELECT json_valid(readfile('$T/out'))")" 1 "--dry-run --json is valid JSON"
eq "$(jq_ "SELECT json_array_length(readfile('$T/out'), '\$.plan.tasks')")" 22 \
    "--dry-run --json shows the 22 tasks"
eq "$(q 'SELECT count(*) FROM plan')" 0 "--dry-run --json: still no plan row"

# --- the import ------------------------------------------------------------------
naudit=$(q 'SELECT count(*) FROM audit')
run 0 "$FAZHI" plan import --db "$DB" --json "$PLAN"
J="$T/import.json"
cp "$T/out" "$J"
cp "$T/err" "$T/import.err"
eq "$(jq_ "SELECT json_valid(readfile('$J'))")" 1 "import --json output is valid JSON"
eq "$(jq_ "SELECT json_extract(readfile('$J'), '\$.plan.doc_no')")" "莘政办发〔2022〕5号" \
    "--json: plan.doc_no"
eq "$(jq_ "SELECT json_array_length(readfile('$J'), '\$.plan.sections')")" 9 \
    "--json: 9 sections"
eq "$(jq_ "SELECT json_array_length(readfile('$J'), '\$.plan.tasks')")" 22 \
    "--json: 22 tasks"
eq "$(jq_ "SELECT json_type(readfile('$J'), '\$.warnings')")" array \
    "--json: warnings is an array"
# the 有关 phrases, read off the document: 县政府有关部门 in tasks 6, 9, 17;
# 县有关部门 in 8, 10, 21; 县直有关部门 in 15, 16, 18
eq "$(jq_ "SELECT group_concat(t, ',') FROM (SELECT json_extract(value, '\$.task') t FROM json_each(readfile('$J'), '\$.warnings') WHERE json_extract(value, '\$.code') = 'designate_unit' ORDER BY t)")" \
    "6,8,9,10,15,16,17,18,21" "--json: a designate_unit warning for each 有关 task"
eq "$(jq_ "SELECT count(*) FROM json_each(readfile('$J'), '\$.warnings') WHERE json_extract(value, '\$.code') = 'unknown_unit'")" \
    0 "--json: every other unit phrase is in the directory"

# the same warnings as text (a fresh database, no --json)
fresh() {
	"$FAZHI" init --db "$1" >/dev/null &&
	"$FAZHI" divisions import --db "$1" "$TOP/data/divisions/shandong.csv" >/dev/null &&
	"$FAZHI" units import --db "$1" "$TOP/data/units/shenxian.csv" >/dev/null
}
textdb=$(db_new text)
fresh "$textdb"
run 0 "$FAZHI" plan import --db "$textdb" "$PLAN"
for ph in 县有关部门 县政府有关部门 县直有关部门; do
	n=$(grep '待明确' "$T/err" | grep -cF "$ph")
	eq "$n" 3 "warnings name $ph as 待明确 (3 tasks)"
done
for t in 6 8 9 10 15 16 17 18 21; do
	if grep '待明确' "$T/err" | grep -qE "任务 ?${t}[^0-9]"; then
		ok "a 待明确 warning names task $t"
	else not_ok "a 待明确 warning names task $t"; fi
done

# --- what is stored ------------------------------------------------------------
eq "$(q 'SELECT count(*) FROM plan')" 1 "one plan row"
eq "$(q "SELECT doc_no || '|' || title || '|' || year || '|' || issue_date FROM plan")" \
    "莘政办发〔2022〕5号|莘县2022年法治政府建设工作计划|2022|2022-04-12" \
    "plan doc_no, title, year, issue date"
eq "$(q 'SELECT revision FROM plan')" 1 "revision 1"
eq "$(q 'SELECT count(*) FROM plan_section')" 9 "9 sections"
eq "$(q 'SELECT numeral FROM plan_section ORDER BY ord' | join_lines '')" \
    "一二三四五六七八九" "sections 一 to 九 in order"
eq "$(q 'SELECT count(*) FROM task')" 22 "22 tasks"
eq "$(q "SELECT min(number) || '-' || max(number) || '-' || count(DISTINCT number) FROM task")" \
    "1-22-22" "tasks numbered 1 to 22"
eq "$(q "SELECT count(*) FROM task t JOIN plan_section s ON s.plan_id = t.plan_id AND s.ord = t.section GROUP BY s.ord ORDER BY s.ord" | join_lines ,)" \
    "1,4,3,1,2,3,1,5,2" "tasks per section as printed (1,4,3,1,2,3,1,5,2)"
eq "$(q 'SELECT title FROM task WHERE number = 1')" \
    "推动学习宣传贯彻习近平法治思想走深走实" "task 1 title"
eq "$(q 'SELECT count(*) FROM plan_source')" 1 "one plan_source row"
eq "$(q 'SELECT bytes FROM plan_source')" "$(wc -c <"$PLAN" | tr -d ' ')" \
    "plan_source records the file size"
eq "$(q 'SELECT sha256 FROM plan_source')" "$(sha256sum "$PLAN" | cut -d' ' -f1)" \
    "plan_source records the file's SHA-256"

# lead and responsible references
lead() { q "SELECT count(*) FROM task_unit_ref r JOIN task t ON t.id = r.task_id WHERE t.number = $1 AND r.role = 'lead'"; }
eq "$(lead 11)" 0 "task 11 has no lead unit"
eq "$(q "SELECT count(*) FROM task_unit_ref r JOIN task t ON t.id = r.task_id WHERE t.number = 11 AND r.role = 'responsible'")" \
    2 "task 11 has its 2 responsible phrases"
eq "$(lead 12)" 11 "task 12 has 11 lead units"
eq "$(q "SELECT count(DISTINCT m.unit_id) FROM task_unit_ref r JOIN task t ON t.id = r.task_id JOIN task_unit_member m ON m.ref_id = r.id WHERE t.number = 12 AND r.role = 'lead' AND r.kind = 'unit'")" \
    11 "task 12's 11 leads are 11 different directory units"
eq "$(q "SELECT u.name FROM task_unit_ref r JOIN task t ON t.id = r.task_id JOIN task_unit_member m ON m.ref_id = r.id JOIN unit u ON u.id = m.unit_id WHERE t.number = 12 AND r.phrase = '县地方金融监管局'")" \
    "莘县地方金融监督管理局" "县地方金融监管局 is 莘县地方金融监督管理局"
eq "$(q "SELECT u.name FROM task_unit_ref r JOIN task t ON t.id = r.task_id JOIN task_unit_member m ON m.ref_id = r.id JOIN unit u ON u.id = m.unit_id WHERE t.number = 21 AND r.role = 'lead' ORDER BY r.ord, m.ord" | join_lines ,)" \
    "莘县人民政府办公室" "task 21: 县政府办公室（县大数据局） is one office"
eq "$(q "SELECT count(*) FROM task_unit_ref WHERE kind = 'unknown'")" 0 \
    "no unknown unit phrase"

# 有关 phrases: designate, no members
eq "$(q "SELECT count(*) FROM task_unit_ref WHERE phrase LIKE '%有关%'")" 9 \
    "9 有关 phrases (tasks 6 8 9 10 15 16 17 18 21)"
eq "$(q "SELECT count(*) FROM task_unit_ref WHERE phrase LIKE '%有关%' AND kind <> 'designate'")" \
    0 "every 有关 phrase is kind designate"
eq "$(q "SELECT count(*) FROM task_unit_member m JOIN task_unit_ref r ON r.id = m.ref_id WHERE r.phrase LIKE '%有关%'")" \
    0 "有关 phrases have zero member rows"

# 各镇人民政府（街道办事处）: every task, 24 members each
G='各镇人民政府（街道办事处）'
eq "$(q "SELECT count(*) FROM task_unit_ref WHERE phrase = '$G' AND role = 'responsible' AND kind = 'group'")" \
    22 "$G is a responsible group in all 22 tasks"
eq "$(q "SELECT DISTINCT n FROM (SELECT count(m.ord) n FROM task_unit_ref r LEFT JOIN task_unit_member m ON m.ref_id = r.id WHERE r.phrase = '$G' GROUP BY r.id) x ORDER BY n" | join_lines ,)" \
    "$ntowns" "$G expands to $ntowns members in each task"
eq "$(q "SELECT count(DISTINCT u.id) FROM task_unit_ref r JOIN task_unit_member m ON m.ref_id = r.id JOIN unit u ON u.id = m.unit_id WHERE r.phrase = '$G' AND u.kind IN ('town', 'subdistrict')")" \
    "$ntowns" "... and the members are the towns and subdistricts"

# an audit row
eq "$(q 'SELECT count(*) FROM audit')" $((naudit + 1)) "the import wrote one audit row"
eq "$(q "SELECT count(*) FROM audit WHERE id = (SELECT max(id) FROM audit) AND (object || ' ' || coalesce(detail, '') LIKE '%莘政办发〔2022〕5号%' OR object || ' ' || coalesce(detail, '') LIKE '%莘县2022年法治政府建设工作计划%')")" \
    1 "the audit row names the plan"

# --- list and show -----------------------------------------------------------------
run 0 "$FAZHI" plan list --db "$DB" --json
eq "$(jq_ "SELECT json_array_length(readfile('$T/out'))")" 1 "plan list --json: one plan"
run 0 "$FAZHI" plan show --db "$DB" --json
cp "$T/out" "$T/show.json"
eq "$(jq_ "SELECT json_valid(readfile('$T/show.json'))")" 1 "plan show --json is valid"
eq "$(jq_ "SELECT json_array_length(readfile('$T/show.json'), '\$.plan.tasks')")" 22 \
    "plan show --json: 22 tasks"
eq "$(jq_ "SELECT json_array_length(readfile('$T/show.json'), '\$.plan.tasks[11].lead')")" 11 \
    "plan show --json: task 12 has 11 leads"
eq "$(jq_ "SELECT json_array_length(readfile('$T/show.json'), '\$.plan.tasks[10].lead')")" 0 \
    "plan show --json: task 11 has no lead"
run 0 "$FAZHI" plan show --db "$DB" "莘政办发〔2022〕5号"
has "$T/out" "待明确" "plan show marks 有关 phrases 待明确"

# --- the plain-text copy gives the same tasks ------------------------------------
q 'SELECT number, title FROM task ORDER BY number' >"$T/md.titles"
DB2=$(db_new txt)
fresh "$DB2"
run 0 "$FAZHI" plan import --db "$DB2" "$TXT"
sql_on "$DB2" 'SELECT number, title FROM task ORDER BY number' >"$T/txt.titles"
eq "$(wc -l <"$T/txt.titles" | tr -d ' ')" 22 "the .txt gives 22 tasks"
if cmp -s "$T/md.titles" "$T/txt.titles"; then
	ok "the .txt gives the same 22 task titles as the .md"
else not_ok "the .txt gives the same 22 task titles as the .md"
	diff "$T/md.titles" "$T/txt.titles" | head -10 | sed 's/^/# /'
fi
eq "$(sql_on "$DB2" 'SELECT count(*) FROM plan_section')" 9 "the .txt gives 9 sections"

echo "1..$_n"
