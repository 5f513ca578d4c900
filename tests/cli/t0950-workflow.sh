#!/bin/sh
# t0950-workflow.sh: the year's reporting cycle through the HTTP API, for
# task 13 of the reference plan (牵头单位：县司法局；责任单位：县政府各行政
# 执法部门，各镇人民政府（街道办事处）): a clerk of 县市场监管局 writes a report
# with evidence, its leader approves, the lead unit consolidates citing it,
# the 依法治县办 returns it with a coded reason, it is resubmitted and
# accepted, and the dashboard follows. Around it: who may read and change
# what, lateness judged on two servers whose "today" differs, extensions,
# 催办, 领办 and 办结, fazhi remind, and bad input that stores nothing.
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
"$FAZHI" period generate --db "$DB" --quarterly --due-day 10 --grace 0 1 >/dev/null
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$2" --role "$3" \
    --password-stdin "$1" >/dev/null; }
adduser sup 依法治县办甲 yfzxb:supervisor
adduser sfjsup 司法局督办 sfj:supervisor
adduser ld 县领导 xzf:leader
adduser sfjc 司法局联络员 sfj:clerk
adduser sfjl 司法局负责人 sfj:unit_leader
adduser scc 市场监管局联络员 scjg:clerk
adduser scl 市场监管局负责人 scjg:unit_leader
adduser zcc 朝城镇联络员 371522102:clerk
adduser gcc 观城镇联络员 371522103:clerk
adduser zcl 朝城镇负责人 371522102:unit_leader

# Server A thinks it is 8 April 2022 (before the first quarter's deadline
# of 10 April), server B 20 April 2022 (after it).
if start_server A --today 2022-04-08 && start_server B --today 2022-04-20; then
	ok "two servers with different dates"
else not_ok "servers started"; exit 0; fi
for u in sup sfjsup ld sfjc sfjl scc scl zcc gcc zcl; do login $u $PW "$A"; done
eq "$(cat "$T/code")" 200 "everyone signs in"

TASK=$(sql "SELECT id FROM task WHERE number = 13")
Q1=$(sql "SELECT id FROM period WHERE name = '2022年第一季度'")
unit() { sql "SELECT id FROM unit WHERE code = '$1'"; }
SFJ=$(unit sfj); SCJG=$(unit scjg); ZC=$(unit 371522102); GC=$(unit 371522103)
nreports() { count_rows report; }

# 交办: the document's units are assigned the task.
eq "$(sql "SELECT role FROM assignment WHERE task_id = $TASK AND unit_id = $SFJ")" lead \
    "县司法局 leads task 13, as the document says"
eq "$(sql "SELECT role FROM assignment WHERE task_id = $TASK AND unit_id = $GC")" responsible \
    "观城镇 is responsible for it (各镇人民政府（街道办事处）)"

as scc GET "$A/api/todo"
code 200 "我的待办 for a clerk"
eq "$(jget '[.items[] | select(.kind == "write" and .task_id == '"$TASK"')] | length')" 1 \
    "the clerk is asked to report on task 13"
eq "$(jget .period.name)" 2022年第一季度 "for the first quarter (today is 8 April)"

# A report, saved as a draft.
as scc POST "$A/api/reports" "{\"period_id\":$Q1,\"task_id\":$TASK,\"unit_id\":$SCJG,\"progress\":\"done\",\"narrative\":\"聘任行政执法社会监督员12名。\",\"measures\":[2,2,3]}"
code 200 "the clerk saves a report"
R=$(jget .report.id)
eq "$(jget .report.state)" draft "it is a draft"
eq "$(jget .report.kind)" unit "a responsible unit's report is a unit report"
eq "$(jget '.report.measures | join(",")')" 2,3 "measures touched, each once"
eq "$(sql "SELECT state FROM assignment WHERE task_id = $TASK AND unit_id = $SCJG")" claimed \
    "writing a report takes the task up (领办)"

# Evidence: required for 已完成, type checked by content, name made safe.
as scc POST "$A/api/reports/$R/submit"
code 400 "已完成 without evidence cannot be submitted"
eq "$(jget .error.field)" evidence "the error names the evidence"
printf '%%PDF-1.4\n%% 监督员聘书\n' >"$T/a.pdf"
as scc POST "$A/api/reports/$R/evidence?name=..%2F..%2Fetc%2F%E8%81%98%E4%B9%A6.pdf" "" \
    -H 'Content-Type: application/pdf' --data-binary @"$T/a.pdf"
code 200 "a PDF is accepted"
EV=$(jget .evidence.id)
eq "$(jget .evidence.name)" 聘书.pdf "the path in the file name is dropped"
eq "$(jget .evidence.sha256)" "$(sha256sum "$T/a.pdf" | cut -c1-64)" "its SHA-256 is kept"
printf 'MZ\220\0binary' >"$T/x.pdf"
as scc POST "$A/api/reports/$R/evidence?name=x.pdf" "" --data-binary @"$T/x.pdf"
code 400 "a program named .pdf is refused"
has "$T/body" "内容与扩展名" "because its content is not a PDF"
as scc POST "$A/api/reports/$R/evidence?name=run.exe" "" --data-binary @"$T/x.pdf"
code 400 "an .exe is refused"
as scc POST "$A/api/reports/$R/evidence?name=again.pdf" "" --data-binary @"$T/a.pdf"
code 409 "the same file twice in one report is refused"
as sup PUT "$A/api/settings" '{"upload.max_bytes":2048}'
code 200 "the supervisor lowers the upload limit"
head -c 4000 /dev/zero | sed 's/^/%PDF-/' >"$T/big.pdf"
as scc POST "$A/api/reports/$R/evidence?name=big.pdf" "" --data-binary @"$T/big.pdf"
code 413 "a file over the limit is refused"
eq "$(sql "SELECT count(*) FROM evidence WHERE report_id = $R")" 1 "only the good file is stored"

# Others cannot read or change the draft, by id or by list.
as gcc GET "$A/api/reports/$R"
code 403 "another town's clerk cannot read the draft by URL"
as gcc GET "$A/api/evidence/$EV"
code 403 "nor download its evidence"
as gcc PUT "$A/api/reports/$R" '{"narrative":"篡改"}'
code 403 "nor change it"
as gcc GET "$A/api/reports?task=$TASK"
eq "$(jget .total)" 0 "nor see it listed"
as sfjc GET "$A/api/reports/$R"
code 403 "the lead unit does not see a draft either"
as gcc POST "$A/api/reports" "{\"period_id\":$Q1,\"task_id\":$TASK,\"unit_id\":$SCJG,\"narrative\":\"x\"}"
code 403 "nobody writes for another unit"
eq "$(jget .error.field)" unit_id "the refusal names unit_id"
eq "$(sql "SELECT narrative FROM report WHERE id = $R")" 聘任行政执法社会监督员12名。 \
    "the report is unchanged"

# Submit → the unit leader approves (before the deadline: on time).
as scc POST "$A/api/reports/$R/submit"
eq "$(jget .report.state)" pending "submitted to the unit leader"
as scc POST "$A/api/reports/$R/approve" '{}'
code 403 "a clerk cannot approve"
as scl POST "$A/api/reports/$R/approve" '{}'
code 200 "the unit leader approves"
eq "$(jget .report.state)" submitted "now it waits for review"
eq "$(jget .report.late)" false "on 8 April it is on time"
as scl GET "$A/api/evidence/$EV"
code 200 "the unit's people download the evidence"
if cmp -s "$T/body" "$T/a.pdf"; then ok "the downloaded bytes are the uploaded ones"
else not_ok "the downloaded bytes are the uploaded ones"; fi
has "$T/head" "filename*=UTF-8''%E8%81%98%E4%B9%A6.pdf" "with its name, encoded"

# The lead unit consolidates on server B (20 April: late).
as sfjc GET "$B/api/reports/$R"
code 200 "the lead unit reads the submitted report"
as zcc POST "$B/api/reports" "{\"period_id\":$Q1,\"task_id\":$TASK,\"unit_id\":$ZC,\"narrative\":\"草稿\"}"
ZR=$(jget .report.id)
as sfjc POST "$B/api/reports" "{\"period_id\":$Q1,\"task_id\":$TASK,\"unit_id\":$SFJ,\"progress\":\"in_progress\",\"narrative\":\"汇总：全县聘任监督员。\",\"cites\":[$ZR]}"
code 400 "citing a draft is refused"
eq "$(jget .error.field)" cites "the error names cites"
eq "$(nreports)" 2 "and nothing was stored"
as sfjc POST "$B/api/reports" "{\"period_id\":$Q1,\"task_id\":$TASK,\"unit_id\":$SFJ,\"progress\":\"in_progress\",\"narrative\":\"汇总：全县聘任监督员。\",\"cites\":[$R]}"
code 200 "the lead unit writes its consolidated report"
C=$(jget .report.id)
eq "$(jget .report.kind)" consolidated "it is consolidated"
eq "$(jget '.report.cites[0].id')" "$R" "citing the co-unit's report"
as sfjl POST "$B/api/reports/$C/submit"
eq "$(jget .report.state)" submitted "a unit leader's own submission goes straight to review"
eq "$(jget .report.late)" true "on 20 April, after the 10 April deadline, it is late (迟报)"

# Review: nobody reviews their own unit; a return needs a coded reason.
as sfjsup POST "$B/api/reports/$C/review" '{"decision":"accept"}'
code 403 "a supervisor of 县司法局 cannot review 县司法局's report"
as scc POST "$B/api/reports/$R/review" '{"decision":"accept"}'
code 403 "a clerk cannot review"
as sup POST "$B/api/reports/$R/review" '{"decision":"return","comment":"请补充名单"}'
code 400 "a return without a reason is refused"
eq "$(jget .error.field)" reason "the error names the reason"
as sup POST "$B/api/reports/$R/review" '{"decision":"maybe"}'
eq "$(jget .error.field)" decision "an unknown decision names the field"
as sup GET "$B/api/plans/1/dashboard?period=$Q1"
cp "$T/body" "$T/dash0"
as sup POST "$B/api/reports/$R/review" '{"decision":"return","reason":"R02","comment":"请补充聘书扫描件"}'
code 200 "the supervisor returns it"
eq "$(jget .report.state)" returned "returned"
eq "$(jget .report.return_count)" 1 "the return is counted"
eq "$(jget '.report.history[-1].reason_name')" 缺少佐证材料 "with the coded reason"

# Resubmission: still on time (lateness is the first submission's).
as scc PUT "$B/api/reports/$R" '{"narrative":"聘任行政执法社会监督员12名，名单附后。"}'
code 200 "the clerk revises the returned report"
as scc POST "$B/api/reports/$R/submit"
as scl POST "$B/api/reports/$R/approve" '{"comment":"同意"}'
eq "$(jget .report.submissions)" 2 "submitted a second time"
eq "$(jget .report.late)" false "still not late: it was first sent on time"
as sup GET "$B/api/reports?state=submitted&queue=1"
eq "$(jget '[.items[].id] | sort | join(",")')" "$R,$C" "the review queue holds both reports"
as sfjsup GET "$B/api/reports?state=submitted&queue=1"
eq "$(jget '[.items[].id] | join(",")')" "$R" "a 司法局 supervisor's queue leaves out 司法局's own"
as sup POST "$B/api/reports/$R/review" '{"decision":"accept"}'
eq "$(jget .report.state)" accepted "accepted"
as sup POST "$B/api/reports/$C/review" '{"decision":"accept"}'
as scc PUT "$B/api/reports/$R" '{"narrative":"改"}'
code 400 "an accepted report cannot be changed"

# The dashboard changed.
as sup GET "$B/api/plans/1/dashboard?period=$Q1"
code 200 "the dashboard"
eq "$(jget .totals.accepted "$T/dash0")" 0 "before: nothing accepted"
eq "$(jget .totals.accepted)" 2 "after: two reports accepted"
eq "$(jget '.by_unit[] | select(.unit_id == '"$SCJG"') | .first_pass_rate')" 0 \
    "县市场监管局: accepted after a return, first-pass rate 0%"
eq "$(jget '.by_unit[] | select(.unit_id == '"$SFJ"') | .first_pass_rate')" 100 \
    "县司法局: accepted at once, 100%"
eq "$(jget '.by_unit[] | select(.unit_id == '"$SFJ"') | .late')" 1 "县司法局's report was late"
eq "$(jget '.by_task[] | select(.number == 13) | .accepted')" 2 "task 13: two accepted"
eq "$(jget '.by_task[] | select(.number == 13) | .total')" 51 "of its 51 units"
eq "$(jget '.by_task[] | select(.number == 13) | .light')" red "task 13 is red: units are overdue"
as scc GET "$B/api/plans/1/dashboard"
code 403 "a clerk has no dashboard"
as ld GET "$B/api/plans/1/dashboard"
code 200 "a county leader has"

# 延期: asked by the unit, decided by the supervisor; both dates kept.
as zcc POST "$A/api/extensions" "{\"period_id\":$Q1,\"task_id\":$TASK,\"unit_id\":$ZC,\"due\":\"2022-04-05\",\"reason\":\"人员调整\"}"
code 400 "an extension must move the deadline later"
eq "$(jget .error.field)" due "the error names due"
as zcc POST "$A/api/extensions" "{\"period_id\":$Q1,\"task_id\":$TASK,\"unit_id\":$ZC,\"due\":\"2022-04-30\",\"reason\":\"人员调整\"}"
code 200 "朝城镇 asks for 30 April"
X=$(jget .extension.id)
eq "$(jget .extension.original_due)" 2022-04-10 "the original deadline is kept"
as zcc POST "$A/api/extensions/$X/decide" '{"approve":true}'
code 403 "a clerk cannot approve an extension"
as sup POST "$A/api/extensions/$X/decide" '{"approve":true,"comment":"同意"}'
code 200 "the supervisor approves"
as sup GET "$B/api/plans/1/tasks?period=$Q1&per_page=200"
eq "$(jget '.items[] | select(.number == 13) | .assignments[] | select(.unit_id == '"$ZC"') | .due')" \
    2022-04-30 "朝城镇's deadline for task 13 is now 30 April"
eq "$(jget '.items[] | select(.number == 13) | .assignments[] | select(.unit_id == '"$ZC"') | .overdue')" \
    false "so on 20 April it is not overdue"
eq "$(jget '.items[] | select(.number == 13) | .assignments[] | select(.unit_id == '"$GC"') | .state')" \
    overdue "观城镇 is (逾期)"
eq "$(sql "SELECT original_due || ' ' || requested_due || ' ' || state FROM extension WHERE id = $X")" \
    "2022-04-10 2022-04-30 approved" "the store keeps both deadlines"

# 催办, seen by the unit only.
as sup POST "$A/api/urgings" "{\"unit_id\":$GC,\"task_id\":$TASK,\"message\":\"请于本周内报送第13项任务进展\"}"
code 200 "the supervisor urges 观城镇"
as gcc GET "$A/api/notices"
eq "$(jget '.items[0].message')" 请于本周内报送第13项任务进展 "观城镇 sees the 催办"
as zcc GET "$A/api/notices"
eq "$(jget '.items | length')" 0 "朝城镇 does not"

# 领办 and 办结.
ASG=$(sql "SELECT id FROM assignment WHERE task_id = $TASK AND unit_id = $GC")
as gcc POST "$A/api/assignments/$ASG/claim"
eq "$(jget .assignment.state)" claimed "观城镇 takes the task up (领办)"
as gcc POST "$A/api/assignments/$ASG/claim"
code 400 "twice is refused"
as sup POST "$A/api/assignments/$ASG/close"
code 400 "no 办结 without an accepted 已完成 report"
SASG=$(sql "SELECT id FROM assignment WHERE task_id = $TASK AND unit_id = $SCJG")
as sup POST "$A/api/assignments/$SASG/close"
eq "$(jget .assignment.state)" closed "县市场监管局's share is closed (办结)"

# 有关 groups: the supervisor designates their members.
T9=$(sql "SELECT id FROM task WHERE number = 9")
as sup POST "$A/api/tasks/$T9/assignments" "{\"unit_id\":$SCJG,\"role\":\"responsible\"}"
code 200 "the supervisor designates 县市场监管局 for task 9 (县政府有关部门)"
eq "$(sql "SELECT source FROM assignment WHERE task_id = $T9 AND unit_id = $SCJG")" designated \
    "the assignment says it was designated"
as sup POST "$A/api/tasks/$T9/assignments" "{\"unit_id\":$SCJG}"
code 409 "twice is a conflict"
as scc POST "$A/api/tasks/$T9/assignments" "{\"unit_id\":$GC}"
code 403 "a clerk cannot designate"

# Periods: the supervisor moves a due date (kept in the history) and locks.
Q2=$(sql "SELECT id FROM period WHERE name = '2022年第二季度'")
as sup POST "$A/api/periods/$Q2/due" '{"due":"2022-07-15","reason":"端午节假期顺延"}'
code 200 "the supervisor moves the second quarter's due date"
eq "$(sql "SELECT old_due || ' ' || new_due FROM period_due_change WHERE period_id = $Q2")" \
    "2022-07-10 2022-07-15" "the change is kept with the old date"
as sup POST "$A/api/periods/$Q2/lock"
code 200 "and locks it"
as zcc POST "$A/api/reports" "{\"period_id\":$Q2,\"task_id\":$TASK,\"unit_id\":$ZC,\"narrative\":\"x\"}"
code 400 "a locked period takes no report"
eq "$(jget .error.field)" period_id "the error names the period"
as scc POST "$A/api/periods/$Q2/unlock"
code 403 "a clerk cannot unlock it"
as sup POST "$A/api/periods/$Q2/unlock"
code 200 "the supervisor unlocks it"

# fazhi remind: a dry run records nothing; a run records 未报 once, and
# tells the 依法治县办 what waits for review (朝城镇's report, sent now by
# its leader).
as zcl POST "$A/api/reports/$ZR/submit"
eq "$(jget .report.state)" submitted "朝城镇's leader sends its report for review"
n_open=$(( $(sql "SELECT count(*) FROM assignment") - 3 ))
run 0 "$FAZHI" remind --db "$DB" --today 2022-04-20 --dry-run --json
eq "$(jq '[.units[].overdue | length] | add' "$T/out")" "$n_open" \
    "every assignment without a report by 10 April is overdue, except the extended one"
eq "$(jq -r '[.review[].report_id] | join(",")' "$T/out")" "$ZR" "it lists the report waiting for review"
eq "$(count_rows missed_report)" 0 "the dry run records nothing"
run 0 "$FAZHI" remind --db "$DB" --today 2022-04-20
has "$T/out" "新记未报 $n_open 项" "the run records them as 未报"
eq "$(count_rows missed_report)" "$n_open" "one 未报 per assignment"
eq "$(sql "SELECT count(*) FROM notice WHERE kind = 'overdue' AND unit_id = $GC")" 1 \
    "观城镇 gets an overdue notice"
YF=$(sql "SELECT id FROM unit WHERE code = 'yfzxb'")
eq "$(sql "SELECT message FROM notice WHERE kind = 'review' AND unit_id = $YF")" \
    "有 1 份报告待审核" "the 依法治县办 is told one report waits for review"
eq "$(sql "SELECT count(*) FROM notice WHERE kind = 'review' AND unit_id = $SFJ")" 1 \
    "and so is 县司法局, where a supervisor also sits"
run 0 "$FAZHI" remind --db "$DB" --today 2022-04-20
has "$T/out" "新记未报 0 项，发出提醒 0 条" "a second run the same day records nothing new"

# Bad input: clear 4xx with the field, nothing stored.
before=$(nreports)
as scc POST "$A/api/reports" '{"period_id":'
code 400 "malformed JSON"
as scc POST "$A/api/reports" '{"period_id":"one","task_id":1,"unit_id":1}'
eq "$(jget .error.field)" period_id "a wrong type names the field"
as scc POST "$A/api/reports" "{\"period_id\":99999,\"task_id\":$TASK,\"unit_id\":$SCJG}"
eq "$(jget .error.field)" period_id "an unknown period names the field"
as scc POST "$A/api/reports" "{\"period_id\":$Q1,\"task_id\":$TASK,\"unit_id\":$SCJG,\"progress\":\"finished\"}"
code 409 "a second report for the same period is a conflict"
as scc GET "$A/api/reports/999999"
code 404 "an unknown report is a 404"
eq "$(nreports)" "$before" "no bad request stored a report"
req POST "$A/api/reports" "{}" -b "$T/jar.scc"
code 403 "no CSRF token, no change"
cp "$T/csrf.scc" "$T/old.csrf"
as scc POST "$A/api/logout"
req POST "$A/api/reports" "{}" -b "$T/jar.scc" -H "X-CSRF-Token: $(cat "$T/old.csrf")"
code 401 "a replayed token after logout is refused"
as sup PUT "$A/api/settings" '{"light.red_returns":0}'
eq "$(jget .error.field)" light.red_returns "an out-of-range setting names itself"
login zcc $PW "$A"
sql "UPDATE session SET expires_at = '2000-01-01T00:00:00Z' WHERE account_id = (SELECT id FROM account WHERE login = 'zcc')" >/dev/null
as zcc GET "$A/api/todo"
code 401 "an expired session is refused"
eq "$(jget .error.code)" UNAUTHENTICATED "with UNAUTHENTICATED"

# Signing out everywhere ends the sessions on every server.
login ld $PW "$B"
cp "$T/jar.ld" "$T/jar.ldB"; cp "$T/csrf.ld" "$T/csrf.ldB"
login ld $PW "$A"
as ld POST "$A/api/logout" '{"everywhere":true}'
code 200 "a county leader signs out everywhere"
eq "$(jget .sessions_ended)" 3 "ending the three sessions opened (two here, one at the start)"
req GET "$B/api/todo" "" -b "$T/jar.ldB"
code 401 "the session opened on the other server is ended too"

# Every change is in the audit log with before and after, and the chain holds.
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'report.return' AND object = 'report/$R'")" 1 \
    "the return is audited"
has_json=$(sql "SELECT detail FROM audit WHERE action = 'report.return'")
case $has_json in *'"before":{"state":"submitted"'*'"after":{"state":"returned"'*) ok "with the state before and after";;
*) not_ok "with the state before and after: $has_json";; esac
as sup GET "$A/api/audit?q=report/$R"
eq "$(jget '[.items[].action] | index("report.accept") != null')" true "the audit log is searchable"
run 0 "$FAZHI" audit verify --db "$DB"
