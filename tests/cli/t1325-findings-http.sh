#!/bin/sh
# t1325-findings-http.sh: 督察 → 整改 → 销号 through the HTTP API, with the
# roles of the web application: only the 依法治县办 registers, checks,
# closes and reopens (403 to a unit's clerk before any handler); a unit
# reads only findings naming it and only its share; bad input answers 400
# naming the field in Chinese; evidence uploaded and downloaded; the 通报
# to readers only, as JSON and as an escaped HTML page.
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$2" --role "$3" \
    --password-stdin "$1" >/dev/null; }
adduser sup 依法治县办甲 yfzxb:supervisor
adduser sfjsup 司法局督办 sfj:supervisor
adduser ld 县领导 xzf:leader
adduser sfjc 司法局联络员 sfj:clerk
adduser scc 市场监管局联络员 scjg:clerk
if start_server S --today 2022-06-20; then ok "server started"
else not_ok "server started"; exit 0; fi
for u in sup sfjsup ld sfjc scc; do login $u $PW "$S"; done
unit() { sql "SELECT id FROM unit WHERE code = '$1'"; }
SFJ=$(unit sfj); SCJG=$(unit scjg)
TASK=$(sql "SELECT id FROM task WHERE number = 13")

# --- registering -------------------------------------------------------------
BODY="{\"source_kind\":\"省级督察\",\"doc_no\":\"鲁法督〔2022〕1号\",\"found_on\":\"2022-05-10\",\"deadline\":\"2022-06-10\",\"description\":\"<b>行政执法</b>公示不及时\",\"requirement\":\"限期整改\",\"tasks\":[$TASK],\"units\":[$SFJ,$SCJG]}"
as sfjc POST "$S/api/findings" "$BODY"
code 403 "a clerk may not register a finding"
as sup POST "$S/api/findings" "{\"source_kind\":\"巡察\",\"found_on\":\"2022-05-10\",\"deadline\":\"2022-06-10\",\"description\":\"甲\",\"requirement\":\"乙\",\"units\":[$SFJ]}"
code 400 "a bad source is a 400"
eq "$(jget .error.field)" source_kind "naming source_kind"
has "$T/body" "问题来源应为省级督察、市级督察、县级督察或投诉举报" "in Chinese"
as sup POST "$S/api/findings" "{\"source_kind\":\"county\",\"found_on\":\"2022-05-10\",\"deadline\":\"2022-06-10\",\"description\":\"甲\",\"requirement\":\"乙\",\"units\":[]}"
code 400 "no unit is a 400"
eq "$(jget .error.field)" units "naming units"
as sup POST "$S/api/findings" "{\"source_kind\":\"county\",\"found_on\":\"2022-05-10\",\"deadline\":\"2022-06-10\",\"description\":\"甲\",\"requirement\":\"乙\",\"units\":[\"x\"]}"
code 400 "units must be ids"
eq "$(count_rows finding)" 0 "nothing stored"
as sup POST "$S/api/findings" "$BODY"
code 200 "the 依法治县办 registers it"
F=$(jget .finding.id)
eq "$(jget .finding.source_name)" 省级督察 "source named in Chinese"
eq "$(jget '.finding.units | length')" 2 "two shares"

# --- reading ------------------------------------------------------------------
as scc GET "$S/api/findings/$F"
code 200 "县市场监管局 reads it"
eq "$(jget '[.finding.units[].unit_id] | join(",")')" "$SCJG" "only its own share"
as scc GET "$S/api/findings"
eq "$(jget '.findings[0].units | length')" 1 "the list shows only its share too"
as ld GET "$S/api/findings?state=open"
eq "$(jget '.findings | length')" 1 "a county leader sees all"
as ld GET "$S/api/findings?source=%E6%8A%95%E8%AF%89%E4%B8%BE%E6%8A%A5"
eq "$(jget '.findings | length')" 0 "filtered by source (投诉举报): none"
as ld GET "$S/api/findings?source=nonsense"
code 400 "an unknown source is a 400"

# --- rectifying ----------------------------------------------------------------
printf '%%PDF-1.4\n%% 整改报告\n' >"$T/r.pdf"
as scc POST "$S/api/findings/$F/evidence?name=%E6%95%B4%E6%94%B9.pdf&unit_id=$SFJ" "" --data-binary @"$T/r.pdf"
code 403 "no evidence for another unit's share"
as scc POST "$S/api/findings/$F/evidence?name=x.exe" "" --data-binary @"$T/r.pdf"
code 400 "a file type not taken"
as scc POST "$S/api/findings/$F/evidence?name=%E6%95%B4%E6%94%B9.pdf" "" --data-binary @"$T/r.pdf"
code 200 "the clerk's own share takes the file (its unit understood)"
E=$(jget .evidence.id)
as scc GET "$S/api/finding-evidence/$E"
code 200 "the file back"
if cmp -s "$T/body" "$T/r.pdf"; then ok "byte for byte"; else not_ok "byte for byte"; fi
as sfjc GET "$S/api/finding-evidence/$E"
code 403 "司法局 may not read 县市场监管局's file"
as scc POST "$S/api/findings/$F/rectify" '{"text":"已公示","submit":true}'
code 200 "submitted"
eq "$(jget '.finding.units[0].state_name')" 已提交 "已提交"

# --- check, 销号, reopen ----------------------------------------------------------
as scc POST "$S/api/findings/$F/check" "{\"unit_id\":$SCJG}"
code 403 "a clerk may not check (refused by role)"
as sup POST "$S/api/findings/$F/check" "{\"unit_id\":$SCJG,\"pass\":\"yes\"}"
code 400 "pass must be a boolean"
eq "$(jget .error.field)" pass "naming pass"
as sup POST "$S/api/findings/$F/check" "{\"unit_id\":$SCJG,\"pass\":true}"
code 200 "核查通过"
M=$(jget "[.finding.units[] | select(.unit_id == $SCJG)][0].can.close")
eq "$M" true "the answer says it can be closed"
as sup POST "$S/api/findings/$F/close" "{\"unit_id\":$SCJG}"
code 200 "销号"
as sup POST "$S/api/findings/$F/reopen" "{\"unit_id\":$SCJG}"
code 400 "no reason"
eq "$(jget .error.field)" reason "naming reason"
# 司法局's share: its own supervisor may not check it.
as sfjc POST "$S/api/findings/$F/rectify" '{"text":"已整改","submit":true}'
code 200 "司法局 submits"
as sfjsup POST "$S/api/findings/$F/check" "{\"unit_id\":$SFJ,\"pass\":true}"
code 403 "司法局's supervisor may not check 司法局's share"
has "$T/body" "核查须由整改责任单位以外的人员进行" "saying why"

# --- the 通报 -------------------------------------------------------------------------
as scc GET "$S/api/bulletin"
code 403 "a clerk may not read the 通报"
as ld GET "$S/api/bulletin?as_of=2022-06-20"
code 200 "a county leader reads it"
eq "$(jget '[.units[] | .unit_name + ":" + (.open_findings | tostring)] | join(",")')" \
    "莘县司法局:1" "司法局's open finding; 县市场监管局 (closed, no report) has nothing to count"
as ld GET "$S/api/bulletin?format=html&title=%3Cscript%3E%E9%80%9A%E6%8A%A5"
code 200 "as a page"
has "$T/head" "text/html" "HTML"
has "$T/body" "<h1>&lt;script&gt;通报</h1>" "the title escaped"
as ld GET "$S/api/bulletin?format=docx"
code 200 "the 通报 as DOCX"
has "$T/head" "wordprocessingml" "served as a Word document"
as ld GET "$S/api/bulletin?format=pdf"
code 400 "an unknown format"
