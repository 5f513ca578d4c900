#!/bin/sh
# t0960-openapi.sh: the running server against the OpenAPI description it
# serves at /api/openapi.yaml. A short year's cycle on task 13 of the
# reference plan (a report with evidence, submitted, approved, returned,
# revised and accepted; a consolidated report citing it; 领办, 办结, 交办 of
# another unit, 延期, 催办, a period added, moved, locked; settings;
# accounts), every GET route, some refusals; then tests/lib/openapi_check.py
# checks every answer (status, content type, JSON schema, and the request
# bodies sent), that routes.c and the description name the same routes,
# and that every described route answers something other than 404 or 405.
# Last, the checker must fail on descriptions broken on purpose.
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

PY=
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import yaml, jsonschema' 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
	not_ok "python3 with yaml and jsonschema (scripts/deps.sh test installs them)"
	exit 0
fi
CHECK="$TOP/tests/lib/openapi_check.py"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
"$FAZHI" period generate --db "$DB" --quarterly --due-day 10 --grace 0 1 >/dev/null
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$2" $3 \
    --password-stdin "$1" >/dev/null; }
adduser sup 依法治县办甲 "--role yfzxb:supervisor"
adduser sup2 依法治县办乙 "--role yfzxb:supervisor"
adduser ld 县领导 "--role xzf:leader"
adduser sfjc 司法局联络员 "--role sfj:clerk"
adduser sfjl 司法局负责人 "--role sfj:unit_leader"
adduser scc 市场监管局联络员 "--role scjg:clerk"
adduser scl 市场监管局负责人 "--role scjg:unit_leader"
adduser zcc 朝城镇联络员 "--role 371522102:clerk"
adduser gcc 观城镇联络员 "--role 371522103:clerk"
adduser admin 系统管理员 --admin

if start_server S --today 2022-04-08; then ok "server started (today 2022-04-08)"
else not_ok "server started"; exit 0; fi

TASK=$(sql "SELECT id FROM task WHERE number = 13")
Q1=$(sql "SELECT id FROM period WHERE name = '2022年第一季度'")
unit() { sql "SELECT id FROM unit WHERE code = '$1'"; }
SFJ=$(unit sfj); SCJG=$(unit scjg); ZC=$(unit 371522102); GC=$(unit 371522103)

# call WHO METHOD PATH [BODY [curl args]]: a request to the server as WHO
# ("-" for no session); the answer and the body sent are kept, and a line
# of $T/calls.tsv tells the checker about them.
mkdir -p "$T/calls"
: >"$T/calls.tsv"
ncall=0
call() {
	_who=$1; _m=$2; _p=$3; shift 3
	_b=""
	if [ $# -gt 0 ]; then _b=$1; shift; fi
	if [ "$_who" = - ]; then req "$_m" "$S$_p" "$_b" "$@"
	else as "$_who" "$_m" "$S$_p" "$_b" "$@"; fi
	ncall=$((ncall + 1))
	cp "$T/body" "$T/calls/$ncall.body"
	_rq=-
	if [ -n "$_b" ]; then
		printf '%s' "$_b" >"$T/calls/$ncall.req"
		_rq="$T/calls/$ncall.req"
	fi
	_ct=$(sed -n 's/^[Cc]ontent-[Tt]ype: *//p' "$T/head" | tr -d '\r' |
	    tail -n 1)
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$_m" "$_p" "$(cat "$T/code")" \
	    "$_ct" "$T/calls/$ncall.body" "$_rq" >>"$T/calls.tsv"
}

# Public routes, and the description as the server serves it.
call - GET /healthz
code 200 "healthz"
call - GET /api/openapi.yaml
code 200 "the server serves its description"
cp "$T/body" "$T/openapi.yaml"
if cmp -s "$T/openapi.yaml" "$TOP/docs/api/openapi.yaml"; then
	ok "it is docs/api/openapi.yaml, built into the program"
else not_ok "it is docs/api/openapi.yaml, built into the program"; fi
call - POST /api/login "{\"login\":\"sup\",\"password\":\"wrong-password!\"}"
code 401 "a wrong password"
for u in sup sup2 ld sfjc sfjl scc scl zcc gcc admin; do
	call - POST /api/login "{\"login\":\"$u\",\"password\":\"$PW\"}" \
	    -c "$T/jar.$u"
	jq -r .csrf "$T/body" >"$T/csrf.$u"
done
code 200 "everyone signs in"

# Reading, before any report.
call sup GET /api/me
call scc GET /api/todo
code 200 "我的待办 of a clerk"
call sup GET /api/plans
call sup GET /api/plans/1
code 200 "the plan"
call sup GET /api/plans/1/periods
call sup GET "/api/plans/1/tasks?per_page=5"
call sup GET "/api/plans/1/dashboard"
call sup GET /api/tasks/$TASK
call sup GET /api/return-reasons
call sup GET /api/units
call sup GET /api/settings
call admin GET /api/accounts
code 200 "the accounts, to an administrator"

# A report with evidence (两份, one removed again), submitted and approved.
call scc POST /api/reports "{\"period_id\":$Q1,\"task_id\":$TASK,\"unit_id\":$SCJG,\"progress\":\"done\",\"narrative\":\"聘任行政执法社会监督员12名。\",\"measures\":[2,3]}"
code 200 "a report is written"
R=$(jget .report.id)
printf '%%PDF-1.4\n%% 监督员聘书\n' >"$T/a.pdf"
printf '%%PDF-1.4\n%% 名单\n' >"$T/b.pdf"
call scc POST "/api/reports/$R/evidence?name=%E8%81%98%E4%B9%A6.pdf" "" \
    -H 'Content-Type: application/pdf' --data-binary @"$T/a.pdf"
code 200 "evidence is uploaded"
EV=$(jget .evidence.id)
call scc POST "/api/reports/$R/evidence?name=b.pdf" "" --data-binary @"$T/b.pdf"
EV2=$(jget .evidence.id)
call scc DELETE "/api/evidence/$EV2"
code 200 "and one file removed"
call scc GET "/api/evidence/$EV"
code 200 "the file is downloaded"
call scc POST "/api/reports/$R/submit"
eq "$(jget .report.state)" pending "submitted to the unit leader"
call scl POST "/api/reports/$R/approve" '{"comment":"同意"}'
eq "$(jget .report.state)" submitted "approved: waiting for review"

# Review: 退回 with a coded reason, revised, resubmitted, accepted.
call sup GET "/api/reports?state=submitted&queue=1"
call sup POST "/api/reports/$R/review" '{"decision":"return","reason":"R02","comment":"请补充聘书扫描件"}'
eq "$(jget .report.state)" returned "returned (退回)"
call scc PUT "/api/reports/$R" '{"narrative":"聘任行政执法社会监督员12名，名单附后。","measures":[1,2,3],"indicators":[{"name":"县乡两级执法协调监督工作体系","done":false,"note":"县级已建立，镇级推进中"}]}'
code 200 "revised"
call scc POST "/api/reports/$R/submit"
call scl POST "/api/reports/$R/approve" '{}'
call sup POST "/api/reports/$R/review" '{"decision":"accept","comment":"通过"}'
eq "$(jget .report.state)" accepted "accepted"

# The lead unit's consolidated report cites it.
call sfjc POST /api/reports "{\"period_id\":$Q1,\"task_id\":$TASK,\"unit_id\":$SFJ,\"progress\":\"in_progress\",\"narrative\":\"汇总：全县聘任监督员。\",\"cites\":[$R]}"
code 200 "a consolidated report citing it"
C=$(jget .report.id)
call sfjl POST "/api/reports/$C/submit"
eq "$(jget .report.state)" submitted "the leader's own submission goes to review"
call sup GET "/api/reports/$C"
call sup GET "/api/reports/$R"
eq "$(jget '.report.history | length')" 8 "the report's history: save, submit, approve, return, save, submit, approve, accept"

# 领办, 办结, 交办.
GASG=$(sql "SELECT id FROM assignment WHERE task_id = $TASK AND unit_id = $GC")
SASG=$(sql "SELECT id FROM assignment WHERE task_id = $TASK AND unit_id = $SCJG")
OTHER=$(sql "SELECT min(id) FROM unit WHERE id NOT IN (SELECT unit_id FROM assignment WHERE task_id = $TASK)")
call gcc POST "/api/assignments/$GASG/claim"
eq "$(jget .assignment.state)" claimed "领办"
call sup POST "/api/assignments/$SASG/close"
eq "$(jget .assignment.state)" closed "办结"
call sup POST "/api/tasks/$TASK/assignments" "{\"unit_id\":$OTHER,\"role\":\"responsible\"}"
eq "$(jget .assignment.state)" assigned "交办 to one more unit"

# 延期 and 催办.
call zcc POST /api/extensions "{\"period_id\":$Q1,\"task_id\":$TASK,\"unit_id\":$ZC,\"due\":\"2022-04-30\",\"reason\":\"人员调整\"}"
code 200 "延期 requested"
X=$(jget .extension.id)
call zcc GET "/api/extensions?unit=$ZC"
call sup POST "/api/extensions/$X/decide" '{"approve":true,"comment":"同意"}'
code 200 "and approved"
call sup GET "/api/extensions?plan=1&state=approved"
call sup POST /api/urgings "{\"unit_id\":$GC,\"task_id\":$TASK,\"period_id\":$Q1,\"message\":\"请于本周内报送第13项任务进展\"}"
code 200 "催办"
call sup POST /api/urgings "{\"unit_id\":$GC,\"message\":\"请核对本单位联络员名单\"}"
N=$(jget .notice.id)
call gcc GET /api/notices
call gcc POST "/api/notices/$N/read"
code 200 "a notice is read"
# fazhi remind (20 April) records 未报 and leaves reminders.
"$FAZHI" remind --db "$DB" --today 2022-04-20 >/dev/null
call gcc GET "/api/notices?unread=1"
call sup GET "/api/notices?unit=$GC&task=$TASK"

# Periods: one added by hand, its due date moved, locked and unlocked.
call sup POST /api/plans/1/periods '{"name":"2022年专项检查","starts":"2022-06-01","ends":"2022-06-30","due":"2022-07-05","grace_days":2}'
code 200 "a period is added"
P=$(jget .period.id)
call sup POST "/api/periods/$P/due" '{"due":"2022-07-10","reason":"节假日顺延"}'
call sup POST "/api/periods/$P/lock"
call sup POST "/api/periods/$P/unlock"
code 200 "locked and unlocked"

# Settings and accounts.
call sup PUT /api/settings '{"light.yellow_days":5}'
code 200 "a setting is changed"
call admin POST /api/accounts '{"login":"scc2","name":"市场监管局联络员乙","password":"another-horse-battery","roles":[{"unit":"scjg","role":"clerk"}]}'
code 200 "an account is added"
call admin GET /api/accounts
A=$(jget '.accounts[] | select(.login == "scc2") | .id')
call admin POST "/api/accounts/$A/password" '{"password":"third-horse-battery"}'
call admin POST "/api/accounts/$A/disable" '{}'
call admin POST "/api/accounts/$A/disable" '{"disabled":false}'
code 200 "disabled and enabled again"

# Everything read again, now with reports, extensions and notices in it.
call sup GET "/api/tasks/$TASK"
call sup GET "/api/plans/1/tasks?period=$Q1&per_page=200"
call sup GET "/api/plans/1/dashboard?period=$Q1"
call ld GET /api/plans/1/dashboard
call sup GET /api/todo
call scl GET /api/todo
call ld GET /api/todo
call gcc GET /api/todo
call sfjc GET "/api/reports?task=$TASK"
call sup GET "/api/audit?per_page=5"
call sup GET "/api/audit?q=report/$R&page=1"
call scc GET /api/me
call scc GET /api/calendar/2022
call admin POST /api/calendar/2027 '{"source":"测试","days":[{"date":"2027-01-01","kind":"off","name":"元旦"},{"date":"2027-01-02","kind":"off","name":"元旦"}]}'
code 200 "an administrator loads a calendar year"
call admin GET /api/calendar/2027

# Registries (台账) and indicators: a 行政规范性文件 typed in the form,
# corrected, reviewed by the 依法治县办, more imported from a CSV (a dry
# run first), exported, an evidence file; the filing rates computed, a
# definition changed (a new version), a plan indicator linked by hand.
call sfjc GET /api/registries
code 200 "the registries and their fields"
call sfjc POST /api/registries/normative '{"unit":"sfj","doc_no":"莘司发〔2022〕1号","title":"莘县行政执法公示办法","published":"2022-01-10","filed":"2022-01-20","expires":"2022-06-30"}'
code 200 "a 规范性文件 is entered"
NR=$(jget .record.id)
call sfjc PUT "/api/registries/normative/$NR" '{"revision":1,"note":"公布后第10日报送备案"}'
code 200 "and corrected"
call sup PUT "/api/registries/normative/$NR" '{"reviewed":"2022-02-10","conclusion":"予以备案"}'
code 200 "the 备案审查 result is entered by the 依法治县办"
printf '制定机关,文号,标题,公布日期,报送备案日期\nsfj,莘司发〔2022〕2号,莘县重大行政执法决定法制审核办法,2022-03-01,2022-03-31\n' >"$T/normative.csv"
call sfjc POST "/api/registries/normative/import?name=normative.csv&dry_run=1" "" \
    -H 'Content-Type: text/csv' --data-binary @"$T/normative.csv"
code 200 "an import checked (dry run)"
call sfjc POST "/api/registries/normative/import?name=normative.csv" "" \
    -H 'Content-Type: text/csv' --data-binary @"$T/normative.csv"
code 200 "and imported"
call sfjc GET /api/registries/normative
call sfjc GET "/api/registries/normative?q=%E5%85%AC%E7%A4%BA&from=2022-01-01&to=2022-12-31&page=1&per_page=20"
call sfjc GET "/api/registries/normative/$NR"
eq "$(jget '.history | length')" 3 "the record's history: created, corrected, reviewed"
call sfjc GET "/api/registries/normative/export?format=csv"
code 200 "exported as CSV"
call sfjc GET "/api/registries/normative/export"
code 200 "exported as XLSX"
call sfjc GET "/api/registries/normative/expiring?days=180"
call sfjc POST "/api/registries/normative/$NR/evidence?name=%E5%A4%87%E6%A1%88%E5%87%BD.pdf" "" \
    -H 'Content-Type: application/pdf' --data-binary @"$T/a.pdf"
code 200 "an evidence file of the record"
RE=$(jget .evidence.id)
call sfjc GET "/api/registry-evidence/$RE"
code 200 "downloaded"
call sup GET /api/indicators
call sup POST /api/indicators/compute '{"as_of":"2022-04-08"}'
code 200 "the indicators computed"
VID=$(jget '.values[0].id')
call sup GET "/api/indicator-values/$VID"
code 200 "a value with the records behind it"
call sup POST /api/indicators/compute '{"as_of":"2022-04-08","division":"371522"}'
code 200 "the indicators of one division computed"
call sup GET /api/divisions/371522/indicators
code 200 "and its dashboard"
call sup GET /api/divisions/37x/indicators
code 400 "a division code that is not digits"
call sup GET /api/indicators/normative.timely_rate
call sup PUT /api/indicators/normative.timely_rate '{"params":{"limit_days":20},"note":"本地规定：20日内报送备案。"}'
code 200 "a definition changed: a new version"
call sup GET /api/plans/1/indicators
eq "$(jget '.indicators[] | select(.task_number == 13) | .reported.done')" false \
    "task 13's manual indicator as the accepted report gives it"
call sup PUT /api/plans/1/indicators '{"task_number":9,"name":"及时率","definition":"normative.timely_rate"}'
code 200 "a plan indicator linked by hand"
call sup PUT /api/publication '{"enabled":true,"plan_id":1,"published":true,"fields":["task_text","status"]}'
code 200 "the plan published on the portal"
call sup PUT "/api/evidence/$EV/public" '{"public":true}'
code 200 "an evidence file made public"
call sup GET "/api/publication?plan=1"
code 200 "the publication settings with the plan's files"
printf '制定机关,文号,标题,公布日期,报送备案日期\nsfj,莘司发〔2022〕3号,某办法,2022-03-01,2022-02-01\n' >"$T/bad.csv"
call sfjc POST "/api/registries/normative/import?name=bad.csv" "" \
    -H 'Content-Type: text/csv' --data-binary @"$T/bad.csv"
code 400 "a bad row: every error with its line and column"
call scc PUT "/api/registries/normative/$NR" '{"note":"改"}'
code 403 "another unit's record"
call sfjc GET /api/registries/nosuch
code 404 "an unknown registry"

# 督察 → 整改 → 销号, the escalation ladder and the 通报.
call sup POST /api/findings "{\"source_kind\":\"市级督察\",\"doc_no\":\"聊法督〔2022〕3号\",\"found_on\":\"2022-03-01\",\"deadline\":\"2022-03-31\",\"description\":\"行政执法公示不及时\",\"requirement\":\"限期整改\",\"plan_id\":1,\"tasks\":[$TASK],\"units\":[$SCJG]}"
code 200 "a finding is registered"
FI=$(jget .finding.id)
call sup GET /api/findings
call scc GET "/api/findings?state=open&year=2022&source=city&page=1&per_page=20"
code 200 "findings, filtered"
call scc POST "/api/findings/$FI/evidence?name=%E6%95%B4%E6%94%B9.pdf" "" --data-binary @"$T/a.pdf"
code 200 "evidence of a rectification"
FE=$(jget .evidence.id)
call scc GET "/api/finding-evidence/$FE"
code 200 "the evidence file"
call scc POST "/api/findings/$FI/rectify" '{"text":"已在网站公示","submit":true}'
call sup POST "/api/findings/$FI/check" '{"pass":false,"comment":"缺少公示链接"}'
call scc POST "/api/findings/$FI/rectify" "{\"unit_id\":$SCJG,\"text\":\"已补充链接\",\"submit\":true}"
call sup POST "/api/findings/$FI/check" '{"pass":true,"comment":"属实"}'
call sup PUT "/api/findings/$FI" "{\"requirement\":\"限期整改并公示\",\"tasks\":[$TASK],\"units\":[$SCJG],\"reason\":\"补充要求\"}"
code 200 "a finding edited"
call sup POST "/api/findings/$FI/close" '{}'
code 200 "销号"
call scc PUT "/api/findings/$FI" '{"deadline":"2022-04-01"}'
code 403 "a clerk may not edit a finding"
call sup PUT "/api/findings/$FI" '{"deadline":"2022-04-01"}'
code 409 "a closed finding is not edited"
call sup POST "/api/findings/$FI/reopen" '{"reason":"复查发现仍有遗漏"}'
code 200 "重新打开"
call scc GET "/api/findings/$FI"
code 200 "the finding with its history"
call zcc GET "/api/findings/$FI"
code 403 "another unit may not read it"
call scc POST /api/escalations/run '{"dry_run":true}'
code 403 "a clerk may not run the ladder"
call sup POST /api/escalations/run '{"dry_run":true}'
code 200 "the ladder's preview"
call sup POST /api/escalations/run '{"dry_run":false}'
code 200 "the ladder run from the web"
"$FAZHI" escalate --db "$DB" --today 2022-04-20 >/dev/null
ESC=$(sql "SELECT id FROM escalation WHERE step = 'interview'")
call scc GET /api/escalations
code 200 "the unit's escalation steps"
call sup POST "/api/escalations/$ESC/confirm"
code 200 "a 约谈 confirmed"
call scc GET /api/notices
call sup GET "/api/bulletin?as_of=2022-04-20"
code 200 "the 通报 as data"
call ld GET "/api/bulletin?format=html&title=%E9%80%9A%E6%8A%A5"
code 200 "the 通报 as a page"
call ld GET "/api/bulletin?format=docx"
code 200 "the 通报 as DOCX"
call sup GET /api/assessment/rubric
code 200 "the default assessment rubric"
call sup PUT "/api/assessment/rubric?year=2022" '{"note":"2022年度","items":[{"key":"timely","name":"报送及时","kind":"reports_on_time","weight":40},{"key":"late","name":"逾期扣分","kind":"overdue_penalty","weight":10,"per_item":2},{"key":"bonus","name":"加分项","kind":"manual","weight":10}]}'
code 200 "a new version of the 2022 rubric"
call sup PUT "/api/assessment/rubric?year=2022" '{"items":[{"key":"x","name":"满意度","kind":"survey","weight":10}]}'
code 400 "an unknown kind refused"
call sup POST "/api/assessment/manual?unit_id=$SCJG&item=bonus&points=4.5&reason=%E7%A4%BA%E8%8C%83&name=award.pdf&year=2022" "" --data-binary @"$T/a.pdf"
code 200 "a manual item's points with evidence"
call sup POST /api/assessment/run '{"as_of":"2022-04-20"}'
code 200 "an assessment run"
call scc GET /api/assessment
code 200 "a unit's own row of the assessment"
eq "$(jget '[.units[].unit_id] | join(",")')" "$SCJG" "a clerk sees their unit only"
call ld GET "/api/assessment?format=csv"
code 200 "the assessment as CSV"
call ld GET "/api/assessment?format=xlsx"
code 200 "the assessment as XLSX"
AM=$(sql "SELECT id FROM assess_manual")
call scc GET "/api/assessment/manual/$AM/evidence"
code 200 "the unit downloads its score's evidence"
call zcc GET "/api/assessment/manual/$AM/evidence"
code 404 "another unit may not"
call scc POST /api/assessment/run '{}'
code 403 "a clerk may not compute the assessment"

# Refusals: each must be described, with the error body.
call - GET /api/plans
code 401 "no session"
call - POST /api/reports '{}' -b "$T/jar.scc"
code 403 "no CSRF token"
call scc GET /api/plans/1/dashboard
code 403 "a clerk has no dashboard"
call scc GET /api/reports/999999
code 404 "an unknown report"
call scc GET /api/plans/abc
code 400 "a bad id"
call scc GET "/api/plans/1/tasks?per_page=1000"
code 400 "a query argument out of range"
call scc POST /api/reports "{\"period_id\":$Q1,\"task_id\":$TASK,\"unit_id\":$SCJG}"
code 409 "a second report for the same period"
call scc POST /api/reports '{"period_id":'
code 400 "malformed JSON"
call scc POST /api/reports '{"period_id":"one"}'
code 400 "a wrong type"
call zcc POST /api/reports "{\"period_id\":$Q1,\"task_id\":$TASK,\"unit_id\":$ZC,\"narrative\":\"草稿\"}"
ZR=$(jget .report.id)
call sup PUT /api/settings '{"upload.max_bytes":2048}'
head -c 4000 /dev/zero | sed 's/^/%PDF-/' >"$T/big.pdf"
call zcc POST "/api/reports/$ZR/evidence?name=big.pdf" "" --data-binary @"$T/big.pdf"
code 413 "a file over the limit"
# The annual report: a unit's own draft, the county's generated, a
# sentence edited, downloaded, reviewed, refused while claims are flagged,
# the flags removed, published, verified and downloaded as PDF.
call scc POST /api/annual-reports '{"year":2022}'
code 403 "a clerk cannot write the county's annual report"
call scc POST /api/annual-reports '{"year":2022,"unit":"scjg"}'
code 200 "but writes its unit's"
call sup POST /api/annual-reports '{"year":2022}'
code 200 "the county's annual report is generated"
AR=$(jget .annual_report.id)
call sup GET /api/annual-reports
call sup GET "/api/annual-reports?year=2022"
call sup GET "/api/annual-reports/$AR"
call sup PUT "/api/annual-reports/$AR/sentence" '{"part":5,"paragraph":1,"sentence":1,"text":"无其他需要报告的情况。","claim":false,"reason":"改写"}'
code 200 "a sentence is edited"
call sup GET "/api/annual-reports/$AR/file?format=html"
call sup GET "/api/annual-reports/$AR/file"
call sup POST "/api/annual-reports/$AR/submit"
call sup POST "/api/annual-reports/$AR/approve" '{}'
code 403 "who submitted may not approve"
call sup2 POST "/api/annual-reports/$AR/approve" '{}'
code 200 "another supervisor approves"
call sup POST "/api/annual-reports/$AR/publish"
code 409 "publishing is refused while claims are flagged"
call sup POST "/api/annual-reports/$AR/return" '{"reason":"请核实"}'
code 200 "returned to draft"
flagged() { as sup GET "$S/api/annual-reports/$AR"; jq -r '[.content.parts |
    to_entries[] | .key as $p | .value.paragraphs | to_entries[] | .key as $g |
    .value.sentences | to_entries[] | select(.value.flag) |
    "{\"part\":\($p + 1),\"paragraph\":\($g + 1),\"sentence\":\(.key + 1),\"delete\":true}"][0] // empty' "$T/body"; }
i=0
while f=$(flagged) && [ -n "$f" ] && [ $i -lt 100 ]; do
	as sup PUT "$S/api/annual-reports/$AR/sentence" "$f"; i=$((i + 1))
done
call sup POST "/api/annual-reports/$AR/submit"
call sup2 POST "/api/annual-reports/$AR/approve"
call sup POST "/api/annual-reports/$AR/publish"
code 200 "published once no claim is flagged"
call sup GET "/api/annual-reports/$AR/verify"
eq "$(jget .ok)" true "its hashes hold"
call sup GET "/api/annual-reports/$AR/file?format=pdf"
code 200 "the PDF (LibreOffice)"
call scc POST /api/logout
code 200 "sign out"

# The check: every answer above, the route table both ways, and a call
# without a session to every described route.
"$PY" "$CHECK" "$T/openapi.yaml" --routes "$TOP/src/http/routes.c" \
    --probe "$S" --calls "$T/calls.tsv" --require-all >"$T/check.out" 2>&1
rc=$?
tab=$(printf '\t')
while IFS="$tab" read -r verdict what; do
	case $verdict in
	PASS) ok "$what" ;;
	FAIL) not_ok "$what" ;;
	*) echo "$verdict${what:+ $what}" ;;	# "# " detail lines
	esac
done <"$T/check.out"
eq "$rc" 0 "openapi_check.py passed ($ncall calls)"
[ -n "${FAZHI_KEEP_CALLS:-}" ] && cp -r "$T/calls" "$T/calls.tsv" "$FAZHI_KEEP_CALLS"/

# The checker must fail when the description is wrong. break NAME EXPR:
# a copy of the description changed by the Python statement EXPR on d.
break_spec() {
	"$PY" -c 'import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
s = d["components"]["schemas"]
exec(sys.argv[3])
yaml.safe_dump(d, open(sys.argv[2], "w", encoding="utf-8"), allow_unicode=True)' \
	    "$T/openapi.yaml" "$T/broken.yaml" "$1"
	"$PY" "$CHECK" "$T/broken.yaml" --routes "$TOP/src/http/routes.c" \
	    --calls "$T/calls.tsv" >"$T/broken.out" 2>&1
}
break_spec 's["Evidence"]["properties"]["size"] = {"type": "string"}'
eq $? 1 "a wrong field type in the description fails the check"
has "$T/broken.out" "GET /api/reports/{id} 200 response: at /report/evidence/0/size: " \
    "naming the method, the path, the status and the JSON pointer"
break_spec 'del s["Assignment"]["properties"]["state_name"]; s["Assignment"]["required"].remove("state_name")'
eq $? 1 "a field the description does not name fails the check"
has "$T/broken.out" "POST /api/assignments/{id}/claim 200 response: at /assignment:" \
    "naming where the field is"
break_spec 'del d["paths"]["/api/notices/{id}/read"]'
eq $? 1 "a route missing from the description fails the check"
has "$T/broken.out" "routes.c has POST /api/notices/{id}/read; the description does not" \
    "naming the route"
break_spec 'del d["paths"]["/api/reports/{id}"]["get"]["responses"]["404"]'
eq $? 1 "an undescribed status fails the check"
has "$T/broken.out" "GET /api/reports/{id}: status 404 is not among the described" \
    "naming the status"
