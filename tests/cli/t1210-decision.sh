#!/bin/sh
# t1210-decision.sh: the 重大行政决策 registry (tasks 10 and 11) and its
# rates: import of a fixture of 10 decisions of 3 units
# (tests/registry/decision-2022.csv), every bad file refused with line and
# column and nothing stored, export → import round trips, the rates
# computed and checked against values worked out by hand below (the
# 7-working-day review over 国庆 2022, before and after the calendar is
# loaded), 集体讨论率 linked to task 11 of the reference plan, and who may
# read and write what through the API.
#
# The fixture ("P" 公众参与: the comment period in days, end − start; "E"
# 专家论证 and "R" 风险评估: date, 否, 不适用 or empty; "L" 合法性审查:
# 送审 → 完成; "C" 会议类型; 决定 the 决定日期, the year's date):
#
#   id  item          P                  E      R      L             C      决定
#   1   XZF-2022-01   03-01→03-31 = 30   04-10  04-15  04-20→05-05   常务   05-10
#   2   XZF-2022-02   04-01→04-30 = 29   不适用 05-06  09-28→10-12   常务   10-20
#   3   XZF-2022-03   06-01→07-01 = 30   07-05  07-08  09-30→10-11   常务   10-13
#   4   XZF-2022-04   11-01→12-01        12-05  —      12-10→—       —      —  (not decided)
#   5   XZF-2022-05   02-10→03-15 = 33   否     不适用 —             专题   06-15
#   6   ZRZY-2022-01  01-05→02-04 = 30   02-10  02-12  02-14→02-21   班子   02-25
#   7   ZRZY-2022-02  不适用             05-10  不适用 05-16→05-30   班子   06-02
#   8   ZRZY-2021-05  (decided 2021-12-28: another year)
#   9   CC-2022-01    07-01→07-20 = 19   不适用 —      08-01→08-12   常务   08-18
#   10  CC-2022-02    08-20→09-20 = 31   11-15  09-28  10-10→10-20   全体   11-10
#
# (县政府 = 1-5, 县自然资源局 = 6-8, 朝城镇 = 9-10.) Working days after 送审
# on the 2022 calendar (10-01..10-07 off, Saturday 10-08 and Sunday 10-09
# worked; 04-24 worked, 04-30..05-04 off):
#   1: 04-21 04-22 04-24 04-25 04-26 04-27 04-28 = the 7th; 05-05 ≥ it: met.
#   2: 09-29 09-30 10-08 10-09 10-10 10-11 10-12 = the 7th: 10-12 met,
#      exactly (weekdays alone: 10-07 the 7th, met too).
#   3: 09-30 → 10-08 (1) 10-09 (2) 10-10 (3) 10-11 (4): not met. Weekdays
#      alone: 10-03 … 10-07 (1-5), 10-10 (6), 10-11 (7): met — the
#      calendar decides.
#   6: 02-15 … 02-18 (1-4), 02-21 (5): not met either way.
#   7: 05-17 … 05-20 (1-4), 05-23 (5), 05-24 (6), 05-25 (7) ≤ 05-30: met.
#   9: 08-02 … 08-05 (1-4), 08-08 … 08-10 (5-7) ≤ 08-12: met.
#   10: 10-11 … 10-14 (1-4), 10-17 … 10-19 (5-7) ≤ 10-20: met.
#
# As of 2022-12-31, year 2022: the decided records are 1 2 3 5 6 7 9 10 (4
# is not decided, 8 was decided in 2021: neither is in any figure).
#   集体讨论率: 8 decided; 常务/全体/领导班子 all but 5 (专题会议) → 7/8.
#     县政府 3/4, 县自然资源局 2/2, 朝城镇 2/2.
#   公众参与率: 不适用 7 out → 7; ≥ 30 days and ended before the decision:
#     1 (30, counts) 3 (30) 5 (33) 6 (30) 10 (31); 2 (29) and 9 (19) fail →
#     5/7. 县政府 3/4, 县自然资源局 1/1, 朝城镇 1/2.
#   专家论证率: 不适用 2 and 9 out → 6; done by the decision: 1 3 6 7; 5 (否)
#     and 10 (论证 11-15 after the decision 11-10) fail → 4/6. 县政府 2/3,
#     县自然资源局 2/2, 朝城镇 0/1.
#   风险评估率: 不适用 5 and 7 out → 6; 1 2 3 6 10 done; 9 left empty fails
#     → 5/6. 县政府 3/3, 县自然资源局 1/1, 朝城镇 1/2.
#   合法性审查率: 8; all but 5 (never reviewed) → 7/8. 县政府 3/4.
#   合法性审查时间达标率: the reviewed ones, 7 (5 out); without the calendar
#     1 2 3 7 9 10 → 6/7; with it 3 fails too → 5/7. 县政府 2/3 (3/3
#     before), 县自然资源局 1/2, 朝城镇 2/2.
#   法定程序完整率: every procedure done or 不适用: 1 3 6 7 → 4/8 (2 fails
#     公众参与, 5 three of them, 9 公众参与 and 风险评估, 10 专家论证). 县政府
#     2/4, 县自然资源局 2/2, 朝城镇 0/2.
# As of 2022-06-30 (decided by then: 1 5 6 7): 集体讨论率 3/4, 公众参与率
#   3/3 (7 不适用).
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

FIX="$TOP/tests/registry/decision-2022.csv"
HEAD=$(head -n 1 "$FIX")
setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
state() { dump_tables reg_decision registry_history | cksum; count_rows audit; }
# bad NAME ROW: a CSV file of one row in $T
bad() { printf '%s\n%s\n' "$HEAD" "$2" >"$T/$1.csv"; }
# row FIELD=VALUE...: a good row of 县政府 (XZF-2022-20) with some cells
# changed, by column number
row() {
	printf '%s\n' "县政府,XZF-2022-20,测试事项,2022,是,2022-02-20,是,2022-03-01,2022-03-31,是,2022-04-01,不适用,,2022-04-06,2022-04-18,合法,政府常务会议,县政府第9次常务会议,2022-04-20,通过,2022-04-25,2022-05-10,,测试" |
	awk -F, -v OFS=, -v set="$*" '{ n = split(set, a, " ");
	    for (i = 1; i <= n; i++) { split(a[i], kv, "="); $kv[1] = kv[2] } print }'
}

# --- a good file ------------------------------------------------------------
run 0 "$FAZHI" registry import decision --db "$DB" "$FIX"
has "$T/out" "10 行（CSV），新增 10，更新 0，未变 0" "the fixture's 10 decisions are imported"
eq "$(count_rows reg_decision)" 10 "10 records stored"
eq "$(sql "SELECT count(*) FROM reg_decision d JOIN unit u ON u.id = d.unit_id WHERE u.code = 'xzf'")" 5 \
    "县政府, xzf and 莘县人民政府 are one 决策机关"
eq "$(sql "SELECT count(*) FROM reg_decision d JOIN unit u ON u.id = d.unit_id WHERE u.code = 'zrzyj'")" 3 \
    "县自然资源局 by short form, code and full name"
eq "$(sql "SELECT in_catalog || ' ' || year FROM reg_decision WHERE item_no = 'XZF-2022-05'")" "0 2022" \
    "列入年度目录 否 is stored as 0, 年度 as a number"
eq "$(sql "SELECT count(*) FROM reg_decision WHERE decided IS NULL")" 1 "one decision not yet decided"
row_ok=$(row)
run 0 "$FAZHI" registry list decision --db "$DB" --unit 朝城镇 --json
eq "$(jq -r '[.records[].item_no] | join(" ")' "$T/out")" "CC-2022-01 CC-2022-02" \
    "registry list --unit: 朝城镇's two, by 决定日期"

# --- bad files: exit 1, line and column named, nothing stored --------------
before=$(state)
bad date "$(row 19=2022-02-30)"
run 1 "$FAZHI" registry import decision --db "$DB" "$T/date.csv"
has "$T/err" "第2行第19列（决定日期）：“2022-02-30”不是有效日期" "a date that does not exist: line 2, column 19"
bad unit "$(row 1=县不存在局)"
run 1 "$FAZHI" registry import decision --db "$DB" "$T/unit.csv"
has "$T/err" "第2行第1列（决策机关）：单位名录中没有“县不存在局”" "an unknown unit: line 2, column 1"
printf '%s\n%s\n%s\n%s\n' "$HEAD" "$(row)" "$(row 1=县自然资源局)" "$(row 1=莘县人民政府 3=另一事项)" >"$T/dup.csv"
run 1 "$FAZHI" registry import decision --db "$DB" "$T/dup.csv"
has "$T/err" "第4行第2列（决策事项编号）：“XZF-2022-20”与第2行重复" \
    "a 决策事项编号 twice for one 决策机关: the later line, column 2"
lacks "$T/err" "第3行" "the same 编号 of another unit is no duplicate"
bad order "$(row 19=2022-04-15)"
run 1 "$FAZHI" registry import decision --db "$DB" "$T/order.csv"
has "$T/err" "第2行第19列（决定日期）：决定日期 2022-04-15 早于合法性审查完成日期 2022-04-18：未经合法性审查的决策草案不得提交讨论" \
    "decided before the review ended: the 决定日期's cell"
bad illegal "$(row 16=不合法)"
run 1 "$FAZHI" registry import decision --db "$DB" "$T/illegal.csv"
has "$T/err" "第2行第19列（决定日期）：合法性审查意见为不合法" "decided after an opinion of 不合法"
bad comment "$(row 8=2022-03-31 9=2022-03-01)"
run 1 "$FAZHI" registry import decision --db "$DB" "$T/comment.csv"
has "$T/err" "第2行第9列（征求意见截止日期）：征求意见截止日期 2022-03-01 早于开始日期 2022-03-31" \
    "a comment period ending before it starts"
bad review "$(row 14=2022-04-19)"
run 1 "$FAZHI" registry import decision --db "$DB" "$T/review.csv"
has "$T/err" "第2行第15列（审查完成日期）：审查完成日期 2022-04-18 早于送审日期 2022-04-19" \
    "a review done before it was asked for"
bad meeting "$(row 19= 20= 21= 22=)"
run 1 "$FAZHI" registry import decision --db "$DB" "$T/meeting.csv"
has "$T/err" "第2行第19列（决定日期）：填写了会议类型，须同时填写决定日期" "a meeting without its date"
bad nomeeting "$(row 17= 18=)"
run 1 "$FAZHI" registry import decision --db "$DB" "$T/nomeeting.csv"
has "$T/err" "第2行第17列（会议类型）：填写了决定日期，须同时填写会议类型" "a date without its meeting"
bad expert "$(row 10=否)"
run 1 "$FAZHI" registry import decision --db "$DB" "$T/expert.csv"
has "$T/err" "第2行第11列（论证日期）：专家论证为“否”，不应填写论证日期" "专家论证 否 with a date"
bad risk "$(row 12=是)"
run 1 "$FAZHI" registry import decision --db "$DB" "$T/risk.csv"
has "$T/err" "第2行第13列（风险评估日期）：风险评估为“是”，须填写风险评估日期" "风险评估 是 without a date"
bad pub "$(row 21=2022-04-19)"
run 1 "$FAZHI" registry import decision --db "$DB" "$T/pub.csv"
has "$T/err" "第2行第21列（公布日期）：公布日期 2022-04-19 早于决定日期 2022-04-20" "published before it was decided"
bad enum "$(row 17=党组会)"
run 1 "$FAZHI" registry import decision --db "$DB" "$T/enum.csv"
has "$T/err" "第2行第17列（会议类型）：“党组会”不是可选的值（可选：政府常务会议、政府全体会议、部门领导班子会议、专题会议、行政首长签批）" \
    "a 会议类型 not in the list names the allowed ones"
bad future "$(row 23=2023-03-01)"
run 1 "$FAZHI" registry import decision --db "$DB" --today 2023-02-01 "$T/future.csv"
has "$T/err" "第2行第23列（决策后评估日期）：2023-03-01晚于今天（2023-02-01）" "no date after today"
bad year "$(row 4=22)"
run 1 "$FAZHI" registry import decision --db "$DB" "$T/year.csv"
has "$T/err" "第2行第4列（年度）：年度 22 不在 2000 至 2100 之间" "a 年度 that is no year"
# One bad row among the fixture's good ones: none of them is stored.
{ cat "$FIX"; row 19=2022-04-15; } >"$T/mixed.csv"
run 1 "$FAZHI" registry import decision --db "$DB" "$T/mixed.csv"
has "$T/err" "第12行第19列（决定日期）" "one bad row among 11"
eq "$(state)" "$before" "no bad file changed a table or the audit log"

# --- export and import again ------------------------------------------------
run 0 "$FAZHI" registry export decision --db "$DB" -o "$T/d.xlsx"
run 0 "$FAZHI" registry export decision --db "$DB" -o "$T/d.csv"
eq "$(head -n 1 "$T/d.csv" | sed 's/^\xef\xbb\xbf//' | tr -d '\r')" "$HEAD" \
    "the CSV export has the import's 24 columns"
run 0 "$FAZHI" registry import decision --db "$DB" "$T/d.xlsx"
has "$T/out" "10 行（XLSX），新增 0，更新 0，未变 10" "the XLSX export imports back unchanged"
run 0 "$FAZHI" registry import decision --db "$DB" "$T/d.csv"
has "$T/out" "新增 0，更新 0，未变 10" "so does the CSV export"
cols="u.code, d.item_no, d.title, d.year, coalesce(d.in_catalog, -1)"
for c in catalog_published participation comment_from comment_to expert expert_date \
    risk risk_date review_sent review_done review_opinion meeting meeting_name \
    decided result published archived evaluated note; do
	cols="$cols, coalesce(d.$c, '-')"
done
view() { sql_on "$1" "SELECT $cols FROM reg_decision d JOIN unit u ON u.id = d.unit_id ORDER BY u.code, d.item_no"; }
for f in xlsx csv; do
	D2=$(db_new "rt$f")
	"$FAZHI" init --db "$D2" >/dev/null
	"$FAZHI" units import --db "$D2" "$TOP/data/units/shenxian.csv" >/dev/null
	run 0 "$FAZHI" registry import decision --db "$D2" "$T/d.$f"
	eq "$(view "$D2" | cksum)" "$(view "$DB" | cksum)" "an export in $f imported into a new store holds the same records"
done
# The undecided one is decided later: the same 编号 updates it.
grep -v '^县政府,XZF-2022-04,' "$FIX" >"$T/upd.csv"
echo "县政府,XZF-2022-04,莘县农村饮水安全巩固提升工程,2022,是,2022-02-20,是,2022-11-01,2022-12-01,是,2022-12-05,不适用,,2022-12-10,2022-12-21,合法,政府常务会议,县政府第30次常务会议,2023-01-10,通过,,,," >>"$T/upd.csv"
run 0 "$FAZHI" registry import decision --db "$DB" --today 2023-02-01 "$T/upd.csv"
has "$T/out" "新增 0，更新 1，未变 9" "deciding XZF-2022-04 in January 2023 updates one record"
X4=$(sql "SELECT id FROM reg_decision WHERE item_no = 'XZF-2022-04'")
eq "$(sql "SELECT revision || ' ' || decided FROM reg_decision WHERE id = $X4")" "2 2023-01-10" \
    "revision 2, decided 2023-01-10"

# --- the rates, as worked out above -----------------------------------------
# value KEY UNITCODE|county: "numerator/denominator" of the newest run
value() {
	if [ "$2" = county ]; then w="v.unit_id IS NULL"
	else w="v.unit_id = (SELECT id FROM unit WHERE code = '$2')"; fi
	sql "SELECT v.numerator || '/' || v.denominator FROM indicator_value v JOIN indicator_def d ON d.id = v.def_id WHERE d.key = 'decision.$1' AND $w AND v.run_id = (SELECT max(id) FROM indicator_run)"
}
# all UNIT: the seven rates of a unit (or county), in one line
all() {
	echo "$(value collective_rate "$1") $(value participation_rate "$1") $(value expert_rate "$1") $(value risk_rate "$1") $(value review_rate "$1") $(value review_time_rate "$1") $(value complete_rate "$1")"
}
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-06-30 --year 2022
eq "$(value collective_rate county) $(value participation_rate county)" "3/4 3/3" \
    "as of 2022-06-30: 集体讨论率 3/4 (专题会议), 公众参与率 3/3"
# Without the calendar, Monday to Friday: XZF-2022-03's review has 7.
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --year 2022
eq "$(value review_time_rate county) $(value review_time_rate xzf)" "6/7 3/3" \
    "no calendar: 合法性审查时间达标率 6/7, 县政府 3/3"
run 0 "$FAZHI" calendar import --db "$DB" "$TOP/data/calendar/2022.csv"
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --year 2022 --json
eq "$(all county)" "7/8 5/7 4/6 5/6 7/8 5/7 4/8" \
    "as of 2022-12-31 on the calendar: 7/8 5/7 4/6 5/6 7/8 5/7 4/8"
eq "$(all xzf)" "3/4 3/4 2/3 3/3 3/4 2/3 2/4" "县政府"
eq "$(all zrzyj)" "2/2 1/1 2/2 1/1 2/2 1/2 2/2" "县自然资源局"
eq "$(all 371522102)" "2/2 1/2 0/1 1/2 2/2 2/2 0/2" "朝城镇"
eq "$(jq -r '[.values[] | select(.key == "decision.collective_rate" and .unit == null) | .value_text] | .[0]' "$T/out")" \
    87.5% "集体讨论率 87.5% in the JSON"
# 28 values (7 rates × the county and 3 units); at 100%: 集体讨论率 of
# 县自然资源局 and 朝城镇 (2), 公众参与率 县自然资源局 (1), 专家论证率
# 县自然资源局 (1), 风险评估率 县政府 and 县自然资源局 (2), 合法性审查率
# 县自然资源局 and 朝城镇 (2), 时间达标率 朝城镇 (1), 完整率 县自然资源局 (1).
eq "$(sql "SELECT count(*) FROM indicator_value v JOIN indicator_def d ON d.id = v.def_id WHERE d.registry = 'decision' AND v.run_id = (SELECT max(id) FROM indicator_run)") $(sql "SELECT count(*) FROM indicator_value v JOIN indicator_def d ON d.id = v.def_id WHERE d.registry = 'decision' AND v.run_id = (SELECT max(id) FROM indicator_run) AND v.met = 1")" \
    "28 10" "28 values, 10 of them meet 100%"
run 0 "$FAZHI" indicators show --db "$DB" decision.review_time_rate --json
eq "$(jq -r '[.drill.failing[].item_no] | sort | join(" ")' "$T/out")" "XZF-2022-03 ZRZY-2022-01" \
    "the reviews too short: XZF-2022-03 (4 working days over 国庆) and ZRZY-2022-01 (5)"
eq "$(jq -r '[.drill.excluded[].item_no] | join(" ")' "$T/out")" XZF-2022-05 \
    "the decision never reviewed is outside this rate"
run 0 "$FAZHI" indicators show --db "$DB" decision.expert_rate --json
eq "$(jq -r '[.drill.failing[].item_no] | sort | join(" ")' "$T/out")" "CC-2022-02 XZF-2022-05" \
    "专家论证 missing: 否, and a 论证 after the decision"
eq "$(jq -r '[.drill.excluded[].item_no] | sort | join(" ")' "$T/out")" "CC-2022-01 XZF-2022-02" \
    "不适用 is outside the rate"
run 0 "$FAZHI" indicators show --db "$DB" decision.participation_rate --json
eq "$(jq -r '[.drill.failing[].item_no] | sort | join(" ")' "$T/out")" "CC-2022-01 XZF-2022-02" \
    "公众参与 short: 19 and 29 days (30 counts)"
ZR=$(sql "SELECT id FROM reg_decision WHERE item_no = 'ZRZY-2021-05'")
eq "$(value_ids "SELECT counted_ids FROM indicator_value WHERE run_id = (SELECT max(id) FROM indicator_run) UNION ALL SELECT failing_ids FROM indicator_value WHERE run_id = (SELECT max(id) FROM indicator_run) UNION ALL SELECT excluded_ids FROM indicator_value WHERE run_id = (SELECT max(id) FROM indicator_run)" | grep -cx -e "$X4" -e "$ZR")" 0 \
    "decided in 2023 or in 2021: in no figure of 2022"
run 0 "$FAZHI" indicators show --db "$DB" decision.complete_rate --unit 朝城镇
has "$T/out" "CC-2022-01" "show --unit lists a unit's incomplete decision"
lacks "$T/out" "XZF-2022-02" "and not another unit's"
has "$T/out" "《中共中央关于全面推进依法治国若干重大问题的决定》" "show cites the source"
has "$T/out" "依据（本系统定义）" "and that the combination is ours"

# The plan: task 11's 集体讨论率 is computed, red; task 9's stay linked.
run 0 "$FAZHI" indicators plan --db "$DB" --json
eq "$(jq -r '[.indicators[] | select(.task_number == 11) | .name + ":" + .light + ":" + .definition.key] | join(" ")' "$T/out")" \
    "集体讨论率:red:decision.collective_rate" "task 11's 集体讨论率 links to decision.collective_rate, red at 7/8"

# --- through the API ----------------------------------------------------------
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$1" --role "$2" --password-stdin "$1" >/dev/null; }
adduser sup yfzxb:supervisor
adduser ld xzf:leader
adduser zrc zrzyj:clerk
adduser ccc 371522102:clerk
if start_server A --today 2023-02-01; then ok "server started"; else not_ok "server"; exit 0; fi
for u in sup ld zrc ccc; do login $u $PW "$A"; done
R="$A/api/registries/decision"
as zrc GET "$A/api/registries"
eq "$(jget '.registries[] | select(.key == "decision") | (.fields | length | tostring) + " " + .key_field + " " + .date_field + " " + .title_field + " " + (.expires_field | tostring) + " " + .record_name')" \
    "24 item_no decided title null 决策事项" \
    "the description (the web page's): 24 fields, keyed by 决策事项编号, dated by 决定日期, no expiry"
as zrc GET "$R"
eq "$(jget .total)" 3 "a unit's clerk lists its own unit's 3 decisions"
as ld GET "$R"
eq "$(jget .total)" 10 "the county leader reads all 10"
X1=$(sql "SELECT id FROM reg_decision WHERE item_no = 'XZF-2022-01'")
as zrc GET "$R/$X1"
code 403 "another unit's decision by id: 403"
before=$(state)
as zrc POST "$R" '{"unit":"xzf","item_no":"X","title":"测试","year":2022}'
code 403 "a clerk of 县自然资源局 cannot enter 县政府's decision"
eq "$(jget .error.field)" unit "the refusal names 决策机关"
as zrc POST "$R" '{"unit":"zrzyj","item_no":"ZRZY-2022-03","title":"测试","year":2022,"review_sent":"2022-12-01","review_done":"2022-12-12","review_opinion":"合法","meeting":"部门领导班子会议","decided":"2022-12-09","result":"通过"}'
code 400 "a decision dated before its review ended is refused in the form"
eq "$(jget .error.field)" decided "naming the field: decided"
has "$T/body" "未经合法性审查的决策草案不得提交讨论" "and why"
as zrc POST "$R" '{"unit":"zrzyj","item_no":"ZRZY-2022-03","title":"测试","year":2022,"participation":"是","comment_from":"2022-11-01","comment_to":"2022-10-01"}'
code 400 "a comment period backwards"
eq "$(jget .error.field)" comment_to "naming comment_to"
as zrc POST "$R" '{"unit":"zrzyj","item_no":"ZRZY-2022-01","title":"测试","year":2022}'
code 409 "a 编号 the unit already has is a conflict"
eq "$(jget .error.field)" item_no "naming item_no"
as zrc POST "$R" '{"unit":"zrzyj","item_no":"X","title":"测试","year":2022,"decided":"2023-03-01","meeting":"部门领导班子会议","result":"通过"}'
eq "$(jget .error.field)" decided "a decision after today is refused"
as ld POST "$R" '{"unit":"xzf","item_no":"X","title":"测试","year":2022}'
code 403 "the county leader reads, does not write"
eq "$(state)" "$before" "nothing refused was stored"
as zrc POST "$R" '{"unit":"zrzyj","item_no":"ZRZY-2022-03","title":"莘县城镇开发边界管理细则","year":2022,"in_catalog":true,"participation":"不适用","expert":"不适用","risk":"不适用","review_sent":"2022-12-01","review_done":"2022-12-12"}'
code 400 "a review done needs its opinion"
eq "$(jget .error.field)" review_opinion "naming review_opinion"
as zrc POST "$R" '{"unit":"zrzyj","item_no":"ZRZY-2022-03","title":"莘县城镇开发边界管理细则","year":2022,"in_catalog":true,"participation":"不适用","expert":"不适用","risk":"不适用","review_sent":"2022-12-01","review_done":"2022-12-12","review_opinion":"合法"}'
code 200 "the clerk enters the unit's decision, not yet decided"
N=$(jget .record.id)
as ccc PUT "$R/$N" '{"revision":1,"meeting":"政府常务会议"}'
code 403 "朝城镇's clerk cannot change it"
# 2022-12-01 → 12-12: 12-02 (1), 12-05 … 12-09 (2-6), 12-12 (7): met.
as zrc PUT "$R/$N" '{"revision":1,"meeting":"部门领导班子会议","meeting_name":"局长办公会议2022年第31次","decided":"2022-12-20","result":"通过"}'
code 200 "decided at the 领导班子会议"
eq "$(jget .record.revision)" 2 "revision 2"
eq "$(jget '.history[1].before.decided') $(jget '.history[1].after.decided')" "null 2022-12-20" \
    "the history shows before and after"
# Indicators over the API: one decision more, at a 领导班子会议: 8/9.
as zrc POST "$A/api/indicators/compute" '{"as_of":"2022-12-31"}'
code 403 "a clerk cannot compute"
as sup POST "$A/api/indicators/compute" '{"as_of":"2022-12-31"}'
code 200 "the supervisor computes"
as ld GET "$A/api/plans/$(sql "SELECT id FROM plan")/indicators"
code 200 "the plan's indicators"
eq "$(jget '.indicators[] | select(.task_number == 11 and .name == "集体讨论率") | .definition.key + " " + (.value.numerator | tostring) + "/" + (.value.denominator | tostring) + " " + (.met | tostring) + " " + .light')" \
    "decision.collective_rate 8/9 false red" "task 11's 集体讨论率: 8/9, not met, red"
as ld GET "$A/api/indicators/decision.collective_rate"
V=$(jget '.values[0].id')
as zrc GET "$A/api/indicator-values/$V"
eq "$(jget '.counted | length') $(jget '.failing | length') $(jget .hidden)" "3 0 6" \
    "县自然资源局's clerk sees its 3 counted decisions; the other 6 are hidden"
as ld GET "$A/api/indicator-values/$V"
eq "$(jget '[.failing[].item_no] | join(" ")')" XZF-2022-05 "the leader sees the one decided at a 专题会议"
run 0 "$FAZHI" audit verify --db "$DB"
