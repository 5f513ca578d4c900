#!/bin/sh
# t0600-plan-export: the 任务分工表 of the reference plan. CSV: UTF-8 BOM,
# header 序号,任务,牵头单位,责任单位,指标,时限 and 22 quoted records; md: a
# table row per task; xlsx (-o needed): a valid zip whose shared strings
# hold 县司法局 and 任务分工表 and whose sheet has 24 rows (title, header, 22).
# Usage errors exit 2; a plan that does not exist exits 1.
# SPDX-License-Identifier: MIT
. "$TOP/tests/lib/lib.sh"
cd "$T" || exit 1

PLAN="$TOP/data/plans/shenxian-2022.md"
DOCNO="莘政办发〔2022〕5号"
q() { sql "$1"; }

setup_db || not_ok "setup: init, divisions and units"
"$FAZHI" plan import --db "$DB" "$PLAN" >/dev/null 2>&1 ||
    not_ok "setup: import the reference plan"
ID=$(q 'SELECT id FROM plan')

# --- CSV -------------------------------------------------------------------------
run 0 "$FAZHI" plan export --db "$DB" --format csv
C="$T/plan.csv"
cp "$T/out" "$C"
eq "$(head -c 3 "$C" | od -An -tx1 | tr -d ' \n')" efbbbf "CSV starts with a UTF-8 BOM"
eq "$(tail -c +4 "$C" | head -n 1 | tr -d '\r')" "序号,任务,牵头单位,责任单位,指标,时限" \
    "CSV header"
tail -c +4 "$C" >"$T/nobom.csv"
# sqlite3 reads RFC 4180: the header names the columns, then one row per record
sqlite3 "$T/csv.db" ".import --csv $T/nobom.csv t" 2>"$T/import.err"
if [ -s "$T/import.err" ]; then not_ok "CSV reads cleanly as RFC 4180"
	sed 's/^/# /' "$T/import.err" | head -5
else ok "CSV reads cleanly as RFC 4180"; fi
eq "$(sqlite3 "$T/csv.db" 'SELECT count(*) FROM t')" 22 "CSV has 22 data records"
eq "$(grep -c '^"[0-9]' "$C")" 22 "22 lines start with a quoted number"
eq "$(sqlite3 "$T/csv.db" "SELECT group_concat(\"序号\", ',') FROM t")" \
    "$(seq -s, 1 22)" "CSV 序号 runs 1 to 22 in order"
# the tasks of $DB beside the CSV, as SQLite's ATTACH gave: table k
sqlite3 "$T/csv.db" 'CREATE TABLE k (number INTEGER, title TEXT)'
q "SELECT 'INSERT INTO k VALUES (' || number || ', ''' || replace(title, '''', '''''') || ''');' FROM task" >"$T/k.sql"
sqlite3 "$T/csv.db" <"$T/k.sql"
eq "$(sqlite3 "$T/csv.db" 'SELECT number, title FROM k ORDER BY number')" \
    "$(q 'SELECT number, title FROM task ORDER BY number')" \
    "setup: the tasks beside the CSV"
eq "$(sqlite3 "$T/csv.db" "SELECT count(*) FROM t JOIN k ON k.number = t.\"序号\" WHERE instr(t.\"任务\", k.title) = 1")" \
    22 "every 任务 cell starts with its task's title"
eq "$(sqlite3 "$T/csv.db" "SELECT count(*) FROM t WHERE \"序号\" = '1' AND instr(\"任务\", '推动学习宣传贯彻习近平法治思想走深走实') = 1 AND instr(\"牵头单位\", '司法局') > 0 AND instr(\"责任单位\", '各镇人民政府（街道办事处）') > 0")" \
    1 "task 1: title, 县司法局 leads, 各镇人民政府（街道办事处） responsible"
eq "$(sqlite3 "$T/csv.db" "SELECT \"牵头单位\" FROM t WHERE \"序号\" = '11'")" "" \
    "task 11 (no 牵头单位 in the document): empty 牵头单位 cell"
for u in 市场监管局 卫生健康局 应急 人力资源 综合 交通运输局 金融 教育 文化和旅游局 公安局 农业农村局; do
	printf '%s\n' "$u"
done >"$T/leads12"
n=0
while read -r u; do
	if [ "$(sqlite3 "$T/csv.db" "SELECT instr(\"牵头单位\", '$u') > 0 FROM t WHERE \"序号\" = '12'")" = 1 ]
	then n=$((n + 1)); fi
done <"$T/leads12"
eq "$n" 11 "task 12: all 11 lead units are in its 牵头单位 cell"
eq "$(sqlite3 "$T/csv.db" "SELECT count(*) FROM t WHERE \"序号\" = '8' AND instr(\"责任单位\", '县有关部门') > 0")" \
    1 "task 8: the 有关 phrase is kept as printed"

eq "$(sqlite3 "$T/csv.db" "SELECT count(*) FROM t WHERE \"序号\" = '22' AND (instr(\"时限\", '年底') > 0 OR instr(\"时限\", '2022-12-31') > 0)")" \
    1 "task 22 (年底前基本建设“无证明城市”): 时限 says 年底前"

# the same CSV with -o, and by 文号 and by id
run 0 "$FAZHI" plan export --db "$DB" --format csv -o "$T/o.csv"
if cmp -s "$C" "$T/o.csv"; then ok "-o writes the same CSV"; else not_ok "-o writes the same CSV"; fi
"$FAZHI" plan export --db "$DB" --format csv "$DOCNO" >"$T/bydoc.csv" 2>/dev/null
if cmp -s "$C" "$T/bydoc.csv"; then ok "export by 文号: same CSV"; else not_ok "export by 文号: same CSV"; fi
"$FAZHI" plan export --db "$DB" --format csv "$ID" >"$T/byid.csv" 2>/dev/null
if cmp -s "$C" "$T/byid.csv"; then ok "export by id: same CSV"; else not_ok "export by id: same CSV"; fi

# --- Markdown ----------------------------------------------------------------------
run 0 "$FAZHI" plan export --db "$DB" --format md
M="$T/plan.md"
cp "$T/out" "$M"
eq "$(grep -cE '^\| *[0-9]+ *\|' "$M")" 22 "md: 22 task rows"
eq "$(grep -oE '^\| *[0-9]+ *\|' "$M" | tr -dc '0-9\n' | tr '\n' ',')" \
    "$(seq -s, 1 22)," "md: rows 1 to 22, each once, in order"
has "$M" "| 序号 | 任务 | 牵头单位 | 责任单位 | 指标 | 时限 |" "md: the table header"
has "$M" "莘县2022年法治政府建设工作计划" "md: the plan title"
if grep -E '^\| *12 *\|' "$M" | grep -q '农业农村局'; then
	ok "md: task 12's row has its last lead unit"
else not_ok "md: task 12's row has its last lead unit"; fi
# every task row has the 6 columns: 7 unescaped bars
eq "$(grep -E '^\| *[0-9]+ *\|' "$M" | sed 's/\\|//g' | awk -F'|' 'NF != 8' | wc -l | tr -d ' ')" \
    0 "md: every task row has 6 cells"

# --- XLSX -------------------------------------------------------------------------
run 0 "$FAZHI" plan export --db "$DB" --format xlsx -o f.xlsx
X="$T/f.xlsx"
check "xlsx is a valid zip (unzip -t)" unzip -t "$X"
unzip -p "$X" xl/sharedStrings.xml >"$T/ss.xml" 2>/dev/null
has "$T/ss.xml" "县司法局" "xlsx shared strings hold 县司法局"
has "$T/ss.xml" "任务分工表" "xlsx shared strings hold 任务分工表"
has "$T/ss.xml" "推动政务数据资源有序共享" "xlsx shared strings hold task 22's title"
has "$T/ss.xml" "牵头单位" "xlsx shared strings hold the header"
unzip -p "$X" xl/worksheets/sheet1.xml >"$T/sheet.xml" 2>/dev/null
eq "$(grep -o '<row[ >]' "$T/sheet.xml" | wc -l | tr -d ' ')" 24 \
    "xlsx sheet has 24 rows (title, header, 22 tasks)"
unzip -p "$X" xl/workbook.xml >"$T/wb.xml" 2>/dev/null
has "$T/wb.xml" "任务分工表" "xlsx sheet is named 任务分工表"

# --- errors ------------------------------------------------------------------------
run 2 "$FAZHI" plan export --db "$DB" --format xlsx
eq "$(wc -c <"$T/out" | tr -d ' ')" 0 "xlsx without -o writes nothing to stdout"
has "$T/err" "-o" "xlsx without -o says to use -o"
run 2 "$FAZHI" plan export --db "$DB" --format pdf
has "$T/err" "pdf" "unknown format is named"
run 2 "$FAZHI" plan export --db "$DB"
run 2 "$FAZHI" plan export --db "$DB" --format csv "$ID" extra
run 1 "$FAZHI" plan export --db "$DB" --format csv 999
has "$T/err" "999" "a plan id that does not exist is named"
eq "$(wc -c <"$T/out" | tr -d ' ')" 0 "nothing exported for a missing plan"
run 1 "$FAZHI" plan export --db "$DB" --format csv "莘政办发〔2099〕1号"
has "$T/err" "莘政办发〔2099〕1号" "a 文号 that does not exist is named"
run 1 "$FAZHI" plan export --db "$DB" --format xlsx -o "$T/none.xlsx" 999
if [ -e "$T/none.xlsx" ]; then not_ok "no xlsx file for a missing plan"
else ok "no xlsx file for a missing plan"; fi
run 1 "$FAZHI" plan export --db "$DB" --format xlsx -o "$T/no/such/dir/f.xlsx"
run 1 "$FAZHI" plan export --db "$DB" --format csv -o "$T/no/such/dir/f.csv"
# a database without plans
empty=$(db_new empty)
"$FAZHI" init --db "$empty" >/dev/null
run 1 "$FAZHI" plan export --db "$empty" --format csv
has "$T/err" "plan import" "no plan yet: says to import one"

echo "1..$_n"
