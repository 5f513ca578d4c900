#!/bin/sh
# t1260-indicator-reports.sh: the plan's manual indicators (those no
# registry computes: 全覆盖 of task 10, the 年底前 deadline of task 22) are
# reported by the responsible units in their progress reports, checked
# against the plan, and shown on the plan's indicators once the 依法治县办
# accepts the report, green or red against the plan's target. A computed
# indicator cannot be reported by hand until it is unlinked.
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
"$FAZHI" period generate --db "$DB" --quarterly --due-day 10 --grace 0 1 >/dev/null
# Links the plan's indicators named as a definition (task 9's three rates).
"$FAZHI" indicators compute --db "$DB" --as-of 2022-04-08 >/dev/null 2>&1
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$2" --role "$3" \
    --password-stdin "$1" >/dev/null; }
adduser sup 依法治县办甲 yfzxb:supervisor
adduser sfjc 司法局联络员 sfj:clerk
adduser sfjl 司法局负责人 sfj:unit_leader
adduser zfbc 县政府办联络员 zfb:clerk
adduser zfbl 县政府办负责人 zfb:unit_leader
if start_server S --today 2022-07-08; then ok "server started"
else not_ok "server started"; exit 0; fi
for u in sup sfjc sfjl zfbc zfbl; do login $u $PW "$S"; done

task() { sql "SELECT id FROM task WHERE number = $1"; }
T9=$(task 9); T10=$(task 10); T22=$(task 22)
Q1=$(sql "SELECT id FROM period WHERE name = '2022年第一季度'")
Q2=$(sql "SELECT id FROM period WHERE name = '2022年第二季度'")
SFJ=$(sql "SELECT id FROM unit WHERE code = 'sfj'")
ZFB=$(sql "SELECT id FROM unit WHERE code = 'zfb'")
COV=合法性审查县镇村三级
ADV=党政机关法律顾问
NOCERT=基本建设“无证明城市”
ind() { jget ".indicators[] | select(.task_number == $1 and .name == \"$2\") | $3"; }

as sup GET "$S/api/plans/1/indicators"
eq "$(ind 10 "$COV" .mode)" manual "task 10's 全覆盖 is a manual indicator"
eq "$(ind 10 "$COV" .reported)" null "nothing reported yet"
eq "$(ind 10 "$COV" .light)" none "so no light"
eq "$(ind 9 及时率 .mode)" computed "task 9's 及时率 is computed"

# Bad values are refused with the field named, and nothing is stored.
rep() { as sfjc POST "$S/api/reports" "{\"period_id\":$1,\"task_id\":$T10,\"unit_id\":$SFJ,\"narrative\":\"合法性审查工作推进情况。\",\"indicators\":$2}"; }
rep $Q1 "[{\"name\":\"$COV\",\"value\":120}]"
code 400 "a coverage over 100%"
eq "$(jget .error.field)" indicators "the field is named"
has "$T/body" "0 至 100" "the message says the range"
rep $Q1 '[{"name":"法治专题讲座","value":3}]'
code 400 "an indicator of another task"
has "$T/body" "本项任务没有名为“法治专题讲座”的指标" "named in the message"
rep $Q1 "[{\"name\":\"$COV\",\"value\":\"80\"}]"
code 400 "a value that is not a number"
rep $Q1 "[{\"name\":\"$COV\",\"value\":80},{\"name\":\"$COV\",\"value\":90}]"
code 400 "an indicator given twice"
rep $Q1 "[{\"name\":\"$COV\"}]"
code 400 "a coverage with neither a value nor done"
eq "$(count_rows report)" 0 "nothing was stored"

# A good report: a percentage and a done.
rep $Q1 "[{\"name\":\"$COV\",\"value\":80,\"note\":\"县、镇两级已覆盖，村级覆盖80%\"},{\"name\":\"$ADV\",\"done\":true}]"
code 200 "the report with its indicator values is saved"
R1=$(jget .report.id)
eq "$(jget '.report.indicators | length')" 2 "both values are kept"
eq "$(jget ".report.indicators[] | select(.name == \"$COV\") | .value")" 80 "the percentage"
eq "$(jget ".report.indicators[] | select(.name == \"$ADV\") | .done")" true "and the done"
as sfjc POST "$S/api/reports/$R1/submit"
as sfjl POST "$S/api/reports/$R1/approve" '{}'
eq "$(jget .report.state)" submitted "submitted and approved"
as sup GET "$S/api/plans/1/indicators"
eq "$(ind 10 "$COV" .reported)" null "not shown before the 依法治县办 accepts it"
as sup POST "$S/api/reports/$R1/review" '{"decision":"accept"}'
eq "$(jget .report.state)" accepted "accepted"
as sup GET "$S/api/plans/1/indicators"
# 80% against the plan's 100% (全覆盖): not met.
eq "$(ind 10 "$COV" .reported.value)" 80 "the accepted value is shown"
eq "$(ind 10 "$COV" .reported.unit_name)" 莘县司法局 "with the unit that reported it"
eq "$(ind 10 "$COV" .met)" false "80% is short of 全覆盖"
eq "$(ind 10 "$COV" .light)" red "red"
eq "$(ind 10 "$ADV" .light)" green "done: green"

# The next quarter's accepted report replaces it: 100% is met.
rep $Q2 "[{\"name\":\"$COV\",\"value\":100}]"
R2=$(jget .report.id)
as sfjc POST "$S/api/reports/$R2/submit"
as sfjl POST "$S/api/reports/$R2/approve" '{}'
as sup POST "$S/api/reports/$R2/review" '{"decision":"accept"}'
as sup GET "$S/api/plans/1/indicators"
eq "$(ind 10 "$COV" .reported.period_name)" 2022年第二季度 "the newest period's value"
eq "$(ind 10 "$COV" .light)" green "100%: green"

# Task 22's deadline (年底前): the report must say whether it is met.
z() { as zfbc POST "$S/api/reports" "{\"period_id\":$Q2,\"task_id\":$T22,\"unit_id\":$ZFB,\"narrative\":\"推进无证明城市建设。\",\"indicators\":$1}"; }
z "[{\"name\":\"$NOCERT\",\"value\":1}]"
code 400 "a deadline reported without done"
has "$T/body" "时限要求" "the message says what is missing"
z "[{\"name\":\"$NOCERT\",\"done\":false,\"note\":\"证明事项清单正在梳理\"}]"
code 200 "not met yet, with a note"
RZ=$(jget .report.id)
as zfbc POST "$S/api/reports/$RZ/submit"
as zfbl POST "$S/api/reports/$RZ/approve" '{}'
as sup POST "$S/api/reports/$RZ/review" '{"decision":"accept"}'
eq "$(jget .report.state)" accepted "the 县政府办公室's report is accepted"
as sup GET "$S/api/plans/1/indicators"
eq "$(ind 22 "$NOCERT" .light)" red "a deadline not met: red"

# A computed indicator is not reported by hand, until it is unlinked.
t9() { as sfjc POST "$S/api/reports" "{\"period_id\":$Q2,\"task_id\":$T9,\"unit_id\":$SFJ,\"indicators\":[{\"name\":\"及时率\",\"value\":95}]}"; }
t9
code 400 "a computed indicator reported by hand"
has "$T/body" "由台账计算" "is refused"
as sup PUT "$S/api/plans/1/indicators" '{"task_number":9,"name":"及时率","definition":null}'
eq "$(ind 9 及时率 .mode)" manual "unlinked: manual"
t9
code 200 "now it is reported"
# Another unit's clerk may not write the 司法局's report.
as zfbc PUT "$S/api/reports/$R1" "{\"indicators\":[{\"name\":\"$COV\",\"value\":100}]}"
code 403 "another unit's report"

# The command line shows the same.
"$FAZHI" indicators plan --db "$DB" >"$T/plan.txt" 2>&1
has "$T/plan.txt" "人工填报：100%（莘县司法局，2022年第二季度）" \
    "fazhi indicators plan: the accepted value, its unit and period"
has "$T/plan.txt" "人工填报：未完成（莘县人民政府办公室，2022年第二季度）" \
    "and the deadline not met"
