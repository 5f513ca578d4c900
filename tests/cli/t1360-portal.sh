#!/bin/sh
# t1360-portal.sh: the public portal (/portal/) and its open data, seen
# by someone who has not signed in. The reference plan with task 13
# reported on by 县市场监管局: the report names its 联络员 (an account's
# name), a mobile and an ID card number, was returned once with a reason
# and an internal comment, then accepted; one evidence file is made public,
# one is not; another unit's report stays a draft. Only what the 依法治县办
# publishes appears (the values from the plan document), names and numbers
# masked; nothing else can be reached by any URL, and unpublished or
# unknown ids answer 404 like each other.
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
"$FAZHI" period generate --db "$DB" --quarterly --due-day 10 --grace 0 1 >/dev/null
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$2" --role "$3" \
    --password-stdin "$1" >/dev/null; }
adduser sup 依法治县办甲 yfzxb:supervisor
adduser scc 王小明 scjg:clerk
adduser scl 赵大海 scjg:unit_leader
adduser sfjc 司法局联络员 sfj:clerk
if start_server A --today 2022-04-08; then ok "server started"
else not_ok "server started"; exit 0; fi
for u in sup scc scl sfjc; do login $u $PW "$A"; done

P=$(sql "SELECT id FROM plan")
TASK=$(sql "SELECT id FROM task WHERE number = 13")
TASK9=$(sql "SELECT id FROM task WHERE number = 9")
Q1=$(sql "SELECT id FROM period WHERE name = '2022年第一季度'")
SCJG=$(sql "SELECT id FROM unit WHERE code = 'scjg'")
SFJ=$(sql "SELECT id FROM unit WHERE code = 'sfj'")
NAME=王小明 PHONE=13812345678 IDNO=37152219900101123X
REASON_TEXT=内部意见名单不全须重报 DRAFT=草稿尚未报送的秘密内容

# Anyone: GET with no cookie, body in $T/body.
pub() { req GET "$A$1"; }
# secrets FILE what: none of the unpublished strings is in FILE
secrets() {
	for s in "$NAME" 赵大海 "$PHONE" "$IDNO" "$REASON_TEXT" "$DRAFT" \
	    名单底稿.pdf 依法治县办甲 correct-horse; do
		if grep -q "$s" "$1"; then not_ok "$2: no “$s”"; return; fi
	done
	ok "$2: no name, number, comment, draft or private file"
}

# The report: names its 联络员, a phone and an ID number; two files.
as scc POST "$A/api/reports" "{\"period_id\":$Q1,\"task_id\":$TASK,\"unit_id\":$SCJG,\"progress\":\"in_progress\",\"narrative\":\"聘任行政执法社会监督员12名。联络员$NAME，电话$PHONE，身份证$IDNO。<script>alert(1)</script>\"}"
code 200 "the clerk writes a report"
R=$(jget .report.id)
printf '%%PDF-1.4\n%% 聘书\n' >"$T/pub.pdf"
printf '%%PDF-1.4\n%% 名单\n' >"$T/priv.pdf"
as scc POST "$A/api/reports/$R/evidence?name=%E8%81%98%E4%B9%A6.pdf" "" \
    -H 'Content-Type: application/pdf' --data-binary @"$T/pub.pdf"
EVPUB=$(jget .evidence.id)
as scc POST "$A/api/reports/$R/evidence?name=%E5%90%8D%E5%8D%95%E5%BA%95%E7%A8%BF.pdf" "" \
    -H 'Content-Type: application/pdf' --data-binary @"$T/priv.pdf"
EVPRIV=$(jget .evidence.id)
as scc POST "$A/api/reports/$R/submit"
as scl POST "$A/api/reports/$R/approve" '{}'
as sup POST "$A/api/reports/$R/review" "{\"decision\":\"return\",\"reason\":\"R02\",\"comment\":\"$REASON_TEXT\"}"
code 200 "the supervisor returns it with an internal comment"
as scc POST "$A/api/reports/$R/submit"
as scl POST "$A/api/reports/$R/approve" '{}'
as sup POST "$A/api/reports/$R/review" '{"decision":"accept"}'
eq "$(jget .report.state)" accepted "then accepts it"
as sfjc POST "$A/api/reports" "{\"period_id\":$Q1,\"task_id\":$TASK9,\"unit_id\":$SFJ,\"narrative\":\"$DRAFT\"}"
code 200 "another unit's report stays a draft"

# Off: the portal does not exist.
pub /portal/
code 404 "the portal is off until the supervisor turns it on"

# Who may change the settings.
req GET "$A/api/publication"
code 401 "the settings need a session"
req PUT "$A/api/publication" '{"enabled":true}'
code 401 "so does changing them"
req PUT "$A/api/evidence/$EVPUB/public" '{"public":true}'
code 401 "and an attachment's flag"
as scc PUT "$A/api/publication" '{"enabled":true}'
code 403 "a clerk may not publish"
as sup PUT "$A/api/publication" '{"plan_id":1,"fields":["names"]}'
code 400 "a field that cannot be public is refused"
as sup PUT "$A/api/publication" '{"enabled":true}'
code 200 "the supervisor turns the portal on"
eq "$(jget .enabled)" true "it is on"
eq "$(jget '.plans[0].published')" false "the plan is not published yet"

pub /portal/
code 200 "the home page answers"
lacks "$T/body" 莘县2022年法治政府建设工作计划 "but lists no unpublished plan"
pub "/portal/plans/$P"
code 404 "an unpublished plan is not found"
cp "$T/body" "$T/unpub.html"
pub "/portal/plans/999999"
if cmp -s "$T/body" "$T/unpub.html"; then ok "exactly as a plan that does not exist"
else not_ok "unpublished and unknown plans answer alike"; fi

as sup PUT "$A/api/publication" "{\"plan_id\":$P,\"published\":true,\"fields\":[\"task_text\",\"units\",\"status\",\"progress\"]}"
code 200 "the supervisor publishes the plan with four fields"
as sup PUT "$A/api/evidence/$EVPUB/public" '{"public":true}'
code 200 "and one attachment"
as sup PUT "$A/api/evidence/999999/public" '{"public":true}'
code 404 "an unknown attachment is not found"
as sup GET "$A/api/publication?plan=$P"
eq "$(jget "[.files[] | select(.public)] | length")" 1 "one file of the accepted report is public"
eq "$(jget "[.files[] | select(.public | not)] | length")" 1 "the other is not"
eq "$(sql "SELECT count(*) FROM audit WHERE action LIKE 'publication.%'")" 3 \
    "each change is in the audit log"

# The pages.
pub /portal/
has "$T/body" 莘县2022年法治政府建设工作计划 "the home page lists the plan"
has "$T/body" '莘政办发〔2022〕5号' "with its 文号"
has "$T/body" '<html lang="zh-CN">' "pages say their language"
has "$T/head" "default-src 'none'" "a strict Content-Security-Policy"
lacks "$T/body" "<script" "no script"
has "$T/body" 'href="#main"' "a skip link"
pub "/portal/plans/$P"
code 200 "the published plan"
has "$T/body" 六、健全行政执法工作体系 "its sections, as in the document"
has "$T/body" "/portal/plans/$P/tasks/13" "tasks by their number in the document"
pub "/portal/plans/$P/sections/6"
code 200 "a section's tasks"
has "$T/body" '<th scope="col">办理状态</th>' "a table with header cells"
pub "/portal/plans/$P/tasks/13"
code 200 "task 13's page"
has "$T/body" 创新开展行政执法监督 "its wording from the document"
has "$T/body" 县司法局 "its lead unit"
has "$T/body" 县政府各行政执法部门 "its responsible units"
has "$T/body" 聘任行政执法社会监督员12名 "the accepted progress"
has "$T/body" '138****5678' "the mobile number masked"
has "$T/body" '联络员＊＊＊' "the 联络员's name masked"
has "$T/body" "/portal/files/$EVPUB" "the public attachment linked"
has "$T/body" '&lt;script&gt;alert(1)&lt;/script&gt;' "markup in a report is shown as text"
lacks "$T/body" "/portal/files/$EVPRIV" "the other is not"
secrets "$T/body" "task 13"
pub "/portal/files/$EVPUB"
code 200 "the public attachment downloads"
if cmp -s "$T/body" "$T/pub.pdf"; then ok "with its bytes"; else not_ok "with its bytes"; fi
pub "/portal/files/$EVPRIV"
code 404 "the other attachment is not found"
pub "/portal/plans/$P/tasks/9"
secrets "$T/body" "task 9 (a draft)"
pub "/portal/plans/$P/indicators"
code 404 "indicators are not public yet"
pub "/portal/reports"
code 200 "the annual reports page"
has "$T/body" 暂无已公开的年度报告 "with no report yet"

# Conditional GET.
pub "/portal/plans/$P"
ETAG=$(grep -i '^etag:' "$T/head" | sed 's/^[^:]*: *//' | tr -d '\r')
req GET "$A/portal/plans/$P" "" -H "If-None-Match: $ETAG"
code 304 "an unchanged page answers 304 to its ETag"

# Open data.
pub /portal/data/plan.json
code 200 "plan.json"
eq "$(jget '.tasks | length')" 22 "22 tasks, as in the document"
eq "$(jget '.plan.doc_no')" '莘政办发〔2022〕5号' "the plan's 文号"
eq "$(jget '.tasks[] | select(.number == 13) | .lead[0]')" 县司法局 "task 13's lead unit"
eq "$(jget '.tasks[] | select(.number == 13) | .status.units_done')" 1 "one unit has finished"
eq "$(jget '.indicators')" null "no indicators while they are not public"
eq "$(jget '.tasks[] | select(.number == 4) | .text | contains("主要负责人履行推进法治建设第一责任人职责")')" true \
    "the plan's own words are never masked (负责人 is a role there)"
secrets "$T/body" "plan.json"
pub /portal/data/tasks.csv
code 200 "tasks.csv"
eq "$(head -c 3 "$T/body" | od -An -tx1 | tr -d ' ')" efbbbf "begins with a BOM"
eq "$(wc -l <"$T/body")" 23 "a header and 22 tasks"
has "$T/head" "text/csv" "served as CSV"
secrets "$T/body" "tasks.csv"
pub /portal/data/indicators.json
code 404 "indicators.json while not public"

as sup PUT "$A/api/publication" "{\"plan_id\":$P,\"published\":true,\"fields\":[\"task_text\",\"units\",\"status\",\"progress\",\"indicators\"]}"
code 200 "the indicators made public"
pub "/portal/plans/$P/indicators"
code 200 "the indicators page"
has "$T/body" 报备率 "task 9's 报备率"
has "$T/body" '<th scope="col">定义及依据</th>' "with the definitions"
pub /portal/data/indicators.csv
code 200 "indicators.csv"
eq "$(head -c 3 "$T/body" | od -An -tx1 | tr -d ' ')" efbbbf "begins with a BOM"
pub /portal/data/indicators.json
eq "$(jget '[.indicators[] | select(.name == "报备率")] | length')" 1 "indicators.json"

# Every page and file the portal links to, from the home page on.
: >"$T/seen"
echo /portal/ >"$T/todo"
n=0
while [ -s "$T/todo" ] && [ $n -lt 200 ]; do
	u=$(head -n 1 "$T/todo"); sed -i 1d "$T/todo"
	grep -qxF "$u" "$T/seen" && continue
	echo "$u" >>"$T/seen"; n=$((n + 1))
	ct=$(curl -s -o "$T/page" -w '%{content_type}' "$A$u")
	cat "$T/page" >>"$T/all"
	case $ct in text/html*) cat "$T/page" >>"$T/html" ;; esac
	grep -o 'href="/portal/[^"#]*"' "$T/page" | sed 's/^href="//; s/"$//' >>"$T/todo" || true
done
[ "$n" -gt 40 ] && ok "the crawl reached $n portal URLs" || not_ok "the crawl reached only $n URLs"
secrets "$T/all" "every page reached"
lacks "$T/html" "<script" "no page has a script (the data files hold the text as it is)"

# Unknown and malformed ids.
for u in "/portal/plans/$P/tasks/23" "/portal/plans/$P/tasks/0" "/portal/plans/$P/sections/99" \
    /portal/plans/abc "/portal/plans/$P/secret" /portal/files/999999 /portal/nothing \
    "/portal/plans/$P/tasks/13/x"; do
	pub "$u"
	[ "$(cat "$T/code")" = 404 ] || { not_ok "$u answers 404"; continue; }
done
ok "unknown ids and paths answer 404"
req POST "$A/portal/" ""
code 405 "the portal is read only"

# Withdrawn: gone at once, everywhere.
as sup PUT "$A/api/publication" "{\"plan_id\":$P,\"published\":false}"
code 200 "the plan is withdrawn"
for u in "/portal/plans/$P" "/portal/plans/$P/tasks/13" /portal/data/plan.json \
    /portal/data/tasks.csv "/portal/files/$EVPUB"; do
	pub "$u"
	[ "$(cat "$T/code")" = 404 ] || not_ok "$u is gone"
done
ok "its pages, data and files are gone"
as sup PUT "$A/api/publication" '{"enabled":false}'
pub /portal/style.css
code 200 "the stylesheet is always there"
pub /portal/
code 404 "with the portal off, nothing else"

