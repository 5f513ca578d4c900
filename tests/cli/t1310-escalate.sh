#!/bin/sh
# t1310-escalate.sh: the ladder 提醒 → 催办 → 通报 → 约谈 (fazhi escalate)
# in working days overdue on the 2022 calendar, default thresholds 1, 3, 5
# and 10 working days:
#
#   finding 1, 县司法局, 整改期限 2022-06-10 (Friday); working days after it:
#     06-13 1, 06-14 2, 06-15 3, 06-16 4, 06-17 5, 06-20 6 … 06-24 10
#     today 06-13: 提醒 (reached 06-13)
#     today 06-17: 催办 (reached 06-15) and 通报 (reached 06-17)
#     today 06-24: 拟约谈 (reached 06-24), confirmed by the 依法治县办
#   finding 2, 县市场监管局, 整改期限 2022-09-30, submitted in time: nothing
#   finding 3, 朝城镇, 整改期限 2022-09-30, with 催办 at 2 working days:
#     10-01..10-07 国庆 off, 10-08 and 10-09 (Sat, Sun) 调休上班:
#     today 10-09: 2 working days: 提醒 (10-08) and 催办 (10-09)
#   a 未报 of task 13 by 县司法局 (deadline 2022-04-11, Monday): today
#     04-12: 1 working day: 提醒
. "$TOP/tests/lib/lib.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
"$FAZHI" calendar import --db "$DB" "$TOP/data/calendar/2022.csv" >/dev/null
"$FAZHI" period generate --db "$DB" --quarterly --due-day 10 --grace 0 1 >/dev/null
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$2" --role "$3" \
    --password-stdin "$1" >/dev/null; }
adduser sup 依法治县办甲 yfzxb:supervisor
adduser sfjsup 司法局督办 sfj:supervisor
adduser scc 市场监管局联络员 scjg:clerk
F() { "$FAZHI" finding "$@" --db "$DB"; }
E() { "$FAZHI" escalate --db "$DB" "$@"; }
steps() { sql "SELECT s.step || '@' || s.on_date || '/' || s.state FROM escalation s JOIN unit u ON u.id = s.unit_id WHERE s.item = '$1' ORDER BY s.id" | join_lines ,; }

run 0 "$FAZHI" escalate --help
has "$T/out" "用法" "help starts with 用法"
run 2 E --today 2022-13-01

F add --as sup --source 县级督察 --found 2022-05-10 --deadline 2022-06-10 \
    --description 行政执法公示不及时 --requirement 限期整改 --unit sfj >/dev/null
F add --as sup --source 县级督察 --found 2022-05-10 --deadline 2022-09-30 \
    --description 许可超时 --requirement 限期整改 --unit scjg >/dev/null
F add --as sup --source 投诉举报 --found 2022-08-01 --deadline 2022-09-30 \
    --description 窗口服务态度差 --requirement 限期整改 --unit 371522102 >/dev/null
eq "$(count_rows finding)" 3 "three findings"

run 0 E --today 2022-06-10
has "$T/out" "0 项新的督办步骤" "on the deadline: nothing"
run 0 E --today 2022-06-13
has "$T/out" "提醒  莘县司法局  督察发现问题第 1 号整改期限为 2022-06-10，已逾期 1 个工作日" \
    "one working day over: 提醒"
eq "$(steps finding/1)" "remind@2022-06-13/done" "提醒 recorded"
run 0 E --today 2022-06-13
has "$T/out" "0 项新的督办步骤" "again the same day: nothing new"
run 0 E --today 2022-06-17 --dry-run
has "$T/out" "试运行" "dry run says so"
eq "$(steps finding/1)" "remind@2022-06-13/done" "a dry run records nothing"
run 0 E --today 2022-06-17
has "$T/out" "2 项新的督办步骤" "5 working days: two steps"
eq "$(steps finding/1)" "remind@2022-06-13/done,urge@2022-06-15/done,bulletin@2022-06-17/done" \
    "催办 reached 06-15, 通报 06-17"
run 0 E --today 2022-06-23
has "$T/out" "0 项新的督办步骤" "9 working days: no 约谈 yet"
run 0 E --today 2022-06-24 --json
has "$T/out" '"step_name": "约谈"' "10 working days: 约谈"
has "$T/out" '"state": "proposed"' "proposed only"
eq "$(steps finding/1)" "remind@2022-06-13/done,urge@2022-06-15/done,bulletin@2022-06-17/done,interview@2022-06-24/proposed" \
    "拟约谈 recorded"
eq "$(sql "SELECT count(*) FROM notice WHERE kind = 'supervise'")" 3 \
    "a notice for 提醒, 催办 and 通报, none for 拟约谈"
eq "$(sql "SELECT message FROM notice WHERE kind = 'supervise' ORDER BY id LIMIT 1")" \
    "【提醒】督察发现问题第 1 号整改期限为 2022-06-10，已逾期 1 个工作日" "the notice's text"

# Only the 依法治县办, from outside the unit, confirms the 约谈.
ID=$(sql "SELECT id FROM escalation WHERE step = 'interview'")
run 1 E --confirm "$ID" --as scc
has "$T/err" "只有依法治县办（督察人员）可以确认约谈" "a clerk may not confirm"
run 1 E --confirm "$ID" --as sfjsup
has "$T/err" "约谈须由被约谈单位以外的人员确认，您属于莘县司法局" "司法局's supervisor may not confirm"
run 0 E --confirm "$ID" --as sup
eq "$(steps finding/1)" "remind@2022-06-13/done,urge@2022-06-15/done,bulletin@2022-06-17/done,interview@2022-06-24/confirmed" \
    "约谈 confirmed"
eq "$(sql "SELECT confirmed_by FROM escalation WHERE id = $ID")" sup "confirmed by sup"
eq "$(sql "SELECT count(*) FROM notice WHERE kind = 'supervise' AND message LIKE '【约谈】%'")" 1 "a notice of the 约谈"
run 1 E --confirm "$ID" --as sup
has "$T/err" "该记录不是拟约谈" "confirmed once"
run 0 E --list --unit sfj
has "$T/out" "2022-06-24  约谈  莘县司法局" "list: the 约谈"

# A 整改 submitted in time climbs nothing; the working-day calendar and a
# threshold from the settings.
F rectify 2 --as scc --text 已整改 --submit >/dev/null
sql "INSERT INTO setting (key, value, updated_by, updated_at) VALUES ('escalate.urge_days', '2', 'test', '2022-01-01T00:00:00Z')"
run 0 E --today 2022-10-09
eq "$(steps finding/2)" "" "submitted in time: no step"
eq "$(steps finding/3)" "remind@2022-10-08/done,urge@2022-10-09/done" \
    "国庆: 10-08 and 10-09 are working days; 催办 at 2"

# 未报 (recorded by fazhi remind) climbs too.
TASK=$(sql "SELECT id FROM task WHERE number = 13")
Q1=$(sql "SELECT id FROM period WHERE name = '2022年第一季度'")
SFJ=$(sql "SELECT id FROM unit WHERE code = 'sfj'")
sql "INSERT INTO missed_report (period_id, task_id, unit_id, deadline, recorded_at) VALUES ($Q1, $TASK, $SFJ, '2022-04-11', '2022-04-12T00:00:00Z')"
run 0 E --today 2022-04-12
has "$T/out" "提醒  莘县司法局  第13项任务的进展情况报送截止日期为 2022-04-11，至今未报，已逾期 1 个工作日" \
    "未报: 提醒"
eq "$(steps "report/$Q1/$TASK")" "remind@2022-04-12/done" "recorded on the report item"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'escalation.add'")" \
    "$(count_rows escalation)" "every step audited"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'escalation.confirm'")" 1 "the confirmation audited"
