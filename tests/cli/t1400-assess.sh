#!/bin/sh
# t1400-assess.sh: the assessment (fazhi assess) on the hand-made reports
# of t1320, as of 2022-07-20, with the 2022 rubric below (weights add up to
# 100; points kept in 1/10000, shown with 2 decimals):
#
#   timely  报送及时  reports_on_time  25   25 × on time / (submitted + 未报)
#   pass    一次通过  first_pass       20   20 × never returned / accepted
#   ind     指标达标  indicators_met   20   20 × met / values met or not met
#   fix     督察整改  findings_closed  20   20 × closed shares / shares
#   late    逾期扣分  overdue_penalty  10   10 − 3 per overdue item, ≥ 0
#   bonus   加分项    manual            5   given by the 依法治县办
#
# Data (reports as in t1320; findings and indicator values added here):
#   司法局: 4/4 on time, 3/4 first pass; indicators (newest run as of the
#     date of each key): 及时率 met (an older run's "not met" and a later
#     run's, after 07-20, are not counted), 报备率 not met, 备案审查率
#     without a verdict (ignored) → 1/2; no findings (full marks); 0 overdue
#   市场监管局: 2/3, 3/3, no indicators (full marks), no findings, 0 overdue
#   朝城镇: 2/3 (one 未报), 2/2, no indicators; one finding open past its
#     deadline of 07-15 → 0/1; overdue: the 未报 and the finding = 2
#   观城镇: 2/3, 3/3, no indicators; one finding closed → 1/1; 0 overdue
#   公安局: 1/1, 1/1, no indicators; one finding open, not overdue → 0/1;
#     bonus 4.5 (with a reason and evidence)
#
#   司法局     25 + 15 + 10 + 20 + 10 + 0     = 80.00
#   市场监管局 16.6667 + 20 + 20 + 20 + 10 + 0 = 86.6667 → 86.67
#   朝城镇     16.6667 + 20 + 20 + 0 + 4 + 0   = 60.6667 → 60.67
#   观城镇     16.6667 + 20 + 20 + 20 + 10 + 0 = 86.6667 → 86.67
#   公安局     25 + 20 + 20 + 0 + 10 + 4.5     = 79.50
#   rank: 市场监管局 1 and 观城镇 1 (a tie, in unit order), 司法局 3,
#     公安局 4, 朝城镇 5
. "$TOP/tests/lib/lib.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
"$FAZHI" period generate --db "$DB" --quarterly --due-day 10 --grace 0 1 >/dev/null
Q2=$(sql "SELECT id FROM period WHERE name = '2022年第二季度'")
unit() { sql "SELECT id FROM unit WHERE code = '$1'"; }
task() { sql "SELECT id FROM task WHERE number = $1"; }
# rep UNIT TASK LATE RETURNS STATE FIRST_SUBMITTED [ACCEPTED]
rep() {
	_acc=NULL
	[ -n "${7:-}" ] && _acc="'${7}T09:00:00Z'"
	sql "INSERT INTO report (period_id, task_id, unit_id, kind, progress, narrative, state, late, returns, submissions, first_submitted_at, submitted_at, accepted_at, created_by, created_at, updated_at) VALUES ($Q2, $(task "$2"), $(unit "$1"), 'unit', 'in_progress', '进展', '$5', $3, $4, $(($4 + 1)), '${6}T08:00:00Z', '${6}T08:00:00Z', $_acc, 'test', '2022-07-01T00:00:00Z', '2022-07-01T00:00:00Z')"
}
rep sfj 1 0 0 accepted 2022-07-05 2022-07-06
rep sfj 2 0 0 accepted 2022-07-05 2022-07-06
rep sfj 3 0 1 accepted 2022-07-05 2022-07-12
rep sfj 4 0 0 accepted 2022-07-08 2022-07-09
rep sfj 5 1 0 submitted 2022-08-01
rep scjg 1 0 0 accepted 2022-07-05 2022-07-06
rep scjg 2 0 0 accepted 2022-07-06 2022-07-07
rep scjg 3 1 0 accepted 2022-07-12 2022-07-13
rep 371522102 1 0 0 accepted 2022-07-05 2022-07-06
rep 371522102 2 0 0 accepted 2022-07-05 2022-07-06
sql "INSERT INTO missed_report (period_id, task_id, unit_id, deadline, recorded_at) VALUES ($Q2, $(task 3), $(unit 371522102), '2022-07-11', '2022-07-12T00:00:00Z')"
rep 371522103 1 0 0 accepted 2022-07-05 2022-07-06
rep 371522103 2 1 0 accepted 2022-07-15 2022-07-16
rep 371522103 3 0 0 accepted 2022-07-05 2022-07-06
rep gaj 1 0 0 accepted 2022-07-04 2022-07-05
"$FAZHI" finding add --db "$DB" --source 县级督察 --found 2022-07-01 --deadline 2022-12-31 \
    --description 执法记录仪使用不规范 --requirement 限期整改 --unit gaj >/dev/null
"$FAZHI" finding add --db "$DB" --source 县级督察 --found 2022-07-01 --deadline 2022-07-15 \
    --description 行政执法公示不及时 --requirement 限期整改 --unit 371522102 >/dev/null
"$FAZHI" finding add --db "$DB" --source 县级督察 --found 2022-07-01 --deadline 2022-07-10 \
    --description 规范性文件未按期报备 --requirement 限期整改 --unit 371522103 >/dev/null
sql "UPDATE rectification SET state = 'closed' WHERE unit_id = $(unit 371522103)"
# Indicator runs: 901 (06-30) and 902 (07-15) count, 903 (08-01) is after
# the date. Each run has the county's value (unit NULL) of each key.
def() { sql "SELECT id FROM indicator_def WHERE key = 'normative.$1' AND version = 1"; }
irun() { sql "INSERT INTO indicator_run (id, as_of, year, period_start, period_end, computed_at, actor) VALUES ($1, '$2', 2022, '2022-01-01', '$2', '${2}T00:00:00Z', 'test')"; }
# ival RUN KEY UNIT MET
ival() {
	_u=NULL
	[ "$3" != county ] && _u=$(unit "$3")
	sql "INSERT INTO indicator_value (run_id, def_id, unit_id, numerator, denominator, value, met, inputs_sha256) VALUES ($1, $(def "$2"), $_u, 1, 1, 100, $4, 'x')"
}
irun 901 2022-06-30
irun 902 2022-07-15
irun 903 2022-08-01
ival 901 timely_rate county 0
ival 901 timely_rate sfj 0
ival 902 timely_rate county 1
ival 902 timely_rate sfj 1
ival 902 filing_rate county 0
ival 902 filing_rate sfj 0
ival 902 review_rate county -1
ival 902 review_rate sfj -1
ival 903 timely_rate county 0
ival 903 timely_rate sfj 0

run 0 "$FAZHI" assess --help
has "$T/out" "用法" "help starts with 用法"
run 0 "$FAZHI" assess run --help
has "$T/out" "用法" "a subcommand's help starts with 用法"
run 2 "$FAZHI" assess run --db "$DB" --as-of 2022-02-30
run 2 "$FAZHI" assess export --db "$DB" --format pdf -o "$T/x.pdf"
run 1 "$FAZHI" assess show --db "$DB"
has "$T/err" "还没有考核结果" "nothing to show before a run"

# The default rubric, seeded by the migration.
run 0 "$FAZHI" assess rubric show --db "$DB"
has "$T/out" "默认考核细则第 1 版" "the default rubric, version 1"
has "$T/out" "timely  报送及时  25 分  报送及时率" "its first item"
has "$T/out" "合计 100 分" "its weights add up to 100"

# Rubrics refused, each error naming the item.
cat >"$T/bad.json" <<'J'
{"items": [{"key": "timely", "name": "报送及时", "kind": "reports_on_time", "weight": 50},
 {"key": "bogus", "name": "群众满意度", "kind": "survey", "weight": 50}]}
J
run 1 "$FAZHI" assess rubric set --db "$DB" --year 2022 --file "$T/bad.json"
has "$T/err" "第 2 个考核项“群众满意度”的计分方式“survey”未知" "an unknown kind refused"
cat >"$T/bad.json" <<'J'
{"items": [{"key": "timely", "name": "报送及时", "kind": "reports_on_time", "weight": 120}]}
J
run 1 "$FAZHI" assess rubric set --db "$DB" --year 2022 --file "$T/bad.json"
has "$T/err" "第 1 个考核项“报送及时”的分值（weight）应为 0 到 100 的整数" "a weight over 100 refused"
cat >"$T/bad.json" <<'J'
{"items": [{"key": "a", "name": "甲", "kind": "manual", "weight": 5},
 {"key": "a", "name": "乙", "kind": "manual", "weight": 5}]}
J
run 1 "$FAZHI" assess rubric set --db "$DB" --year 2022 --file "$T/bad.json"
has "$T/err" "第 2 个考核项“乙”的标识“a”与第 1 个考核项重复" "a duplicate key refused"
cat >"$T/bad.json" <<'J'
{"items": [{"key": "late", "name": "逾期扣分", "kind": "overdue_penalty", "weight": 10}]}
J
run 1 "$FAZHI" assess rubric set --db "$DB" --year 2022 --file "$T/bad.json"
has "$T/err" "每项扣分（per_item）" "a penalty needs its points per item"
run 2 "$FAZHI" assess rubric set --db "$DB"

cat >"$T/rubric.json" <<'J'
{"note": "2022年度考核细则", "items": [
 {"key": "timely", "name": "报送及时", "kind": "reports_on_time", "weight": 25},
 {"key": "pass", "name": "一次通过", "kind": "first_pass", "weight": 20},
 {"key": "ind", "name": "指标达标", "kind": "indicators_met", "weight": 20},
 {"key": "fix", "name": "督察整改", "kind": "findings_closed", "weight": 20},
 {"key": "late", "name": "逾期扣分", "kind": "overdue_penalty", "weight": 10, "per_item": 3},
 {"key": "bonus", "name": "加分项", "kind": "manual", "weight": 5}]}
J
run 0 "$FAZHI" assess rubric set --db "$DB" --year 2022 --file "$T/rubric.json"
has "$T/out" "已保存考核细则第 1 版" "the 2022 rubric, version 1"
run 0 "$FAZHI" assess rubric show --db "$DB" --year 2022
has "$T/out" "late  逾期扣分  10 分  逾期扣分（每项扣 3 分）" "the penalty shown"

# Manual items: refused without evidence, without a reason, above the
# weight, or on an item that is not manual.
printf '%%PDF-1.4\n%% 省级示范项目命名文件\n' >"$T/award.pdf"
run 1 "$FAZHI" assess score --db "$DB" --year 2022 gaj bonus 4.5 --reason 获评省级法治政府建设示范项目
has "$T/err" "评分须附至少一份佐证材料" "a manual score without evidence refused"
run 1 "$FAZHI" assess score --db "$DB" --year 2022 gaj bonus 4.5 --file "$T/award.pdf"
has "$T/err" "评分须写明理由" "a manual score without a reason refused"
run 1 "$FAZHI" assess score --db "$DB" --year 2022 gaj bonus 6 --reason 示范 --file "$T/award.pdf"
has "$T/err" "“加分项”的得分应在 0 到 5 分之间" "more than the weight refused"
run 1 "$FAZHI" assess score --db "$DB" --year 2022 gaj timely 5 --reason 示范 --file "$T/award.pdf"
has "$T/err" "没有人工评分项“timely”" "a computed item cannot be scored by hand"
run 2 "$FAZHI" assess score --db "$DB" --year 2022 gaj bonus 4.555 --reason 示范 --file "$T/award.pdf"
run 0 "$FAZHI" assess score --db "$DB" --year 2022 gaj bonus 4.5 --reason 获评省级法治政府建设示范项目 --file "$T/award.pdf"
has "$T/out" "已评分" "a manual score with a reason and evidence"
eq "$(sql "SELECT points || ' ' || name FROM assess_manual")" "450 award.pdf" "kept in hundredths with its file"

run 0 "$FAZHI" assess run --db "$DB" --as-of 2022-07-20
cp "$T/out" "$T/run1"
has "$T/out" "考核结果（统计截至 2022-07-20，2022 年考核细则第 1 版）" "the date and the rubric's version"
eq "$(sed -n 2p "$T/out")" "1  莘县市场监督管理局  总分 86.67  报送及时 16.67（2/3）  一次通过 20.00（3/3）  指标达标 20.00（0/0）  督察整改 20.00（0/0）  逾期扣分 10.00（逾期 0 项）  加分项 0.00（未评）" \
    "1: 市场监管局, no indicators and no findings: full marks"
eq "$(sed -n 3p "$T/out")" "1  莘县观城镇人民政府  总分 86.67  报送及时 16.67（2/3）  一次通过 20.00（3/3）  指标达标 20.00（0/0）  督察整改 20.00（1/1）  逾期扣分 10.00（逾期 0 项）  加分项 0.00（未评）" \
    "1: 观城镇, tied, after 市场监管局 in unit order"
eq "$(sed -n 4p "$T/out")" "3  莘县司法局  总分 80.00  报送及时 25.00（4/4）  一次通过 15.00（3/4）  指标达标 10.00（1/2）  督察整改 20.00（0/0）  逾期扣分 10.00（逾期 0 项）  加分项 0.00（未评）" \
    "3: 司法局, the newest indicator values as of the date, the one without a verdict ignored"
eq "$(sed -n 5p "$T/out")" "4  莘县公安局  总分 79.50  报送及时 25.00（1/1）  一次通过 20.00（1/1）  指标达标 20.00（0/0）  督察整改 0.00（0/1）  逾期扣分 10.00（逾期 0 项）  加分项 4.50" \
    "4: 公安局, its open finding and its bonus"
eq "$(sed -n 5p "$T/out" | grep -c 未评)" 0 "公安局's bonus is scored"
eq "$(sed -n 6p "$T/out")" "5  莘县朝城镇人民政府  总分 60.67  报送及时 16.67（2/3）  一次通过 20.00（2/2）  指标达标 20.00（0/0）  督察整改 0.00（0/1）  逾期扣分 4.00（逾期 2 项）  加分项 0.00（未评）" \
    "5: 朝城镇, two overdue items: 10 − 2 × 3"
eq "$(wc -l <"$T/run1" | tr -d ' ')" 7 "only units with something to count, and the inputs' hash"
H1=$(sed -n 's/^输入摘要 //p' "$T/run1")

# The same data gives the same scores and the same inputs' hash.
run 0 "$FAZHI" assess run --db "$DB" --as-of 2022-07-20
eq "$(cat "$T/out")" "$(cat "$T/run1")" "run twice: the same scores and inputs' hash"
eq "$(sql "SELECT count(DISTINCT inputs_sha256) || ' ' || count(*) FROM assess_run")" "1 2" "two runs, one hash"
eq "$(sql "SELECT count(*) FROM (SELECT unit_id, item_key, points FROM assess_score WHERE run_id = 1 EXCEPT SELECT unit_id, item_key, points FROM assess_score WHERE run_id = 2) x")" 0 "the stored points of both runs agree"
eq "$(sql "SELECT points || ' ' || total || ' ' || rank FROM assess_score s JOIN unit u ON u.id = s.unit_id WHERE run_id = 1 AND u.code = 'scjg' AND item_key = 'timely'")" \
    "166667 866667 1" "stored in 1/10000 of a point: 25 × 2/3, the total and the rank"

# A change of the rubric is a new version; earlier runs keep theirs.
sed 's/"weight": 25}/"weight": 30}/; s/"name": "加分项"/"name": "=1+1加分"/; s/"manual", "weight": 5/"manual", "weight": 0/' \
    "$T/rubric.json" >"$T/rubric2.json"
run 0 "$FAZHI" assess rubric set --db "$DB" --year 2022 --file "$T/rubric2.json"
has "$T/out" "已保存考核细则第 2 版" "version 2"
run 0 "$FAZHI" assess show --db "$DB" --run 1
has "$T/out" "2022 年考核细则第 1 版" "run 1 keeps version 1"
has "$T/out" "输入摘要 $H1" "and its inputs' hash"
run 0 "$FAZHI" assess run --db "$DB" --as-of 2022-07-20 --json
has "$T/out" '"version": 2' "a new run uses version 2"
lacks "$T/out" "\"inputs_sha256\": \"$H1\"" "another rubric, another inputs' hash"
run 0 "$FAZHI" assess show --db "$DB" --unit gaj --json
has "$T/out" '"total": "80.00"' "公安局 with version 2: 30 + 20 + 20 + 0 + 10 + 0 (its 4.5 capped at the bonus's new weight 0)"
run 0 "$FAZHI" assess show --db "$DB" --unit sfj --json
has "$T/out" '"total": "85.00"' "司法局 with version 2: 30 + 15 + 10 + 20 + 10 + 0"

# show --unit, JSON, and the export.
run 0 "$FAZHI" assess show --db "$DB" --run 1 --unit sfj --json
has "$T/out" '"unit_name": "莘县司法局"' "--unit: 司法局"
lacks "$T/out" "莘县公安局" "--unit: only that unit"
has "$T/out" '"points": "10.00"' "司法局's indicators item"
run 0 "$FAZHI" assess show --db "$DB" --run 1 --unit gaj --json
has "$T/out" '"reason": "获评省级法治政府建设示范项目"' "a manual item shows its reason"
has "$T/out" '"file": "award.pdf"' "and its evidence file"
run 0 "$FAZHI" assess export --db "$DB" --run 1 --format csv -o "$T/a.csv"
eq "$(head -c 3 "$T/a.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "CSV: with a BOM"
has "$T/a.csv" '排名,单位,总分,报送及时,一次通过,指标达标,督察整改,逾期扣分,加分项' "CSV: the header"
has "$T/a.csv" '"1","莘县市场监督管理局","86.67","16.67","20.00","20.00","20.00","10.00","0.00"' "CSV: the first row"
run 0 "$FAZHI" assess export --db "$DB" --format csv -o "$T/b.csv"
has "$T/b.csv" "'=1+1加分" "CSV: a formula-looking item name defused"
run 0 "$FAZHI" assess export --db "$DB" --run 1 --format xlsx -o "$T/a.xlsx"
unzip -p "$T/a.xlsx" xl/sharedStrings.xml >"$T/ss.xml" 2>/dev/null
has "$T/ss.xml" "莘县朝城镇人民政府" "XLSX: the units"
unzip -p "$T/a.xlsx" xl/worksheets/sheet1.xml >"$T/sheet.xml" 2>/dev/null
lacks "$T/ss.xml" "60.67" "XLSX: the totals are not text"
has "$T/sheet.xml" "<v>60.67</v>" "XLSX: 朝城镇's total 60.67, a number"
has "$T/sheet.xml" "<v>86.67</v>" "XLSX: 86.67, a number"

# Every change audited.
eq "$(sql "SELECT action FROM audit WHERE action LIKE 'assess.%' ORDER BY id" | join_lines ' ')" \
    "assess.rubric assess.manual assess.run assess.run assess.rubric assess.run" "every change audited"
