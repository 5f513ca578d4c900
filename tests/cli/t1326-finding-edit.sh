#!/bin/sh
# t1326-finding-edit.sh: a registered finding edited by the 依法治县办
# (PUT /api/findings/ID and fazhi finding edit): its texts, 整改期限,
# tasks and units, refused to others, to a unit that has started its
# 整改, and once 销号; audited before/after, shown in the history. The
# ladder counts from the edited deadline: registered with 整改期限
# 2022-06-10 (Friday), on 2022-06-17 it is 5 working days over (提醒,
# 催办, 通报 at thresholds 1, 3, 5); moved to 2022-06-30 it is not overdue
# (nothing); moved back, the three steps come for each unit.
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
"$FAZHI" calendar import --db "$DB" "$TOP/data/calendar/2022.csv" >/dev/null
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$2" --role "$3" \
    --password-stdin "$1" >/dev/null; }
adduser sup 依法治县办甲 yfzxb:supervisor
adduser sfjc 司法局联络员 sfj:clerk
adduser ld 县领导 xzf:leader
F() { "$FAZHI" finding "$@" --db "$DB"; }
F add --as sup --source 县级督察 --found 2022-05-10 --deadline 2022-06-10 \
    --description 行政执法公示不及时 --requirement 限期整改 --unit sfj --task 13 >/dev/null
unit() { sql "SELECT id FROM unit WHERE code = '$1'"; }
task() { sql "SELECT id FROM task WHERE number = $1"; }
SFJ=$(unit sfj); SCJG=$(unit scjg); T1=$(task 1); T13=$(task 13)
if start_server S --today 2022-06-13; then ok "server started"
else not_ok "server started"; exit 0; fi
for u in sup sfjc ld; do login $u $PW "$S"; done

as sfjc PUT "$S/api/findings/1" '{"deadline":"2022-06-30"}'
code 403 "a unit's clerk may not edit a finding"
as ld PUT "$S/api/findings/1" '{"deadline":"2022-06-30"}'
code 403 "nor a county leader"
as sup PUT "$S/api/findings/99" '{"deadline":"2022-06-30"}'
code 404 "no such finding"
as sup PUT "$S/api/findings/1" '{"deadline":"2022-05-01"}'
code 400 "a deadline before the finding was found"
has "$T/body" "整改期限（2022-05-01）不能早于发现日期（2022-05-10）" "says why"
as sup PUT "$S/api/findings/1" '{"deadline":"2022-06-10","description":"行政执法公示不及时"}'
code 400 "nothing changed"
has "$T/body" "没有需要修改的内容" "says so"
as sup PUT "$S/api/findings/1" '{"source_kind":"省级督察"}'
eq "$(jget .finding.source_name)" 省级督察 "the source changed"
as sup PUT "$S/api/findings/1" '{"source_kind":"county"}'

# The edit.
as sup PUT "$S/api/findings/1" "{\"description\":\"行政执法公示不及时、不完整\",\"requirement\":\"30日内完成整改\",\"deadline\":\"2022-06-30\",\"doc_no\":\"莘法督〔2022〕7号\",\"doc_title\":\"督察反馈意见\",\"tasks\":[$T1],\"units\":[$SFJ,$SCJG],\"reason\":\"督察组补充意见\"}"
code 200 "the 依法治县办 edits the finding"
eq "$(jget .finding.description)" "行政执法公示不及时、不完整" "the description"
eq "$(jget .finding.requirement)" "30日内完成整改" "the 整改要求"
eq "$(jget .finding.deadline)" 2022-06-30 "the 整改期限"
eq "$(jget .finding.doc_no) $(jget .finding.doc_title)" "莘法督〔2022〕7号 督察反馈意见" "the source document"
eq "$(jget '[.finding.tasks[].number] | join(",")')" 1 "the linked tasks: 13 replaced by 1"
eq "$(jget '[.finding.units[].unit_name] | join(",")')" "莘县司法局,莘县市场监督管理局" "a second unit"
eq "$(sql "SELECT state FROM rectification WHERE finding_id = 1 AND unit_id = $SCJG")" pending "its share, 待整改"
eq "$(jget '.finding.history[-1].action_name')" "修改督察发现问题" "the history shows the edit"
has "$T/body" "整改期限由 2022-06-10 改为 2022-06-30" "with the deadline's change"
has "$T/body" "督察组补充意见" "and the reason"
A=$(sql "SELECT detail FROM audit WHERE action = 'finding.edit' ORDER BY id DESC LIMIT 1")
eq "$(echo "$A" | jq -r '.before.deadline + " " + .after.deadline')" "2022-06-10 2022-06-30" "audited: the deadline before and after"
eq "$(echo "$A" | jq -r '.before.description + "|" + .after.description')" "行政执法公示不及时|行政执法公示不及时、不完整" "the description before and after"
eq "$(echo "$A" | jq -c '[.before.tasks, .after.tasks, .before.units, .after.units]')" "[[$T13],[$T1],[$SFJ],[$SFJ,$SCJG]]" "tasks and units before and after"
eq "$(echo "$A" | jq -r .after.reason)" 督察组补充意见 "the reason"
eq "$(sql "SELECT actor FROM audit WHERE action = 'finding.edit' ORDER BY id DESC LIMIT 1")" sup "by whom"

# The ladder counts from the new deadline.
run 0 "$FAZHI" escalate --db "$DB" --today 2022-06-17
has "$T/out" "0 项新的督办步骤" "2022-06-17 is before the new deadline: nothing"
run 0 F edit 1 --as sup --deadline 2022-06-10 --reason 恢复原期限
has "$T/out" "已修改督察发现问题 1" "the CLI edits it back"
run 0 "$FAZHI" escalate --db "$DB" --today 2022-06-17
has "$T/out" "6 项新的督办步骤" "5 working days over: three steps for each of two units"
eq "$(sql "SELECT count(*) FROM escalation WHERE finding_id = 1 AND unit_id = $SCJG")" 3 "the added unit is in the ladder"
run 1 F edit 1 --as sfjc --deadline 2022-07-10
has "$T/err" "只有依法治县办（督察人员）可以修改督察发现问题" "the CLI refuses a clerk"
run 2 F edit 1 --as sup --found 2022-05-11
has "$T/err" "发现日期不能修改" "found_on is not edited"

# A unit that has started its 整改 stays; an untouched one may go.
F rectify 1 --as sfjc --unit sfj --text "已补充公示" >/dev/null
as sup PUT "$S/api/findings/1" "{\"units\":[$SCJG]}"
code 409 "a unit that wrote its 整改情况 is not removed"
has "$T/body" "莘县司法局已填报整改情况或上传佐证材料，不能从整改责任单位中移除" "says why"
as sup PUT "$S/api/findings/1" "{\"units\":[$SFJ]}"
code 200 "an untouched unit is removed"
eq "$(sql "SELECT count(*) FROM rectification WHERE finding_id = 1")" 1 "one share left"

# 销号: no more edits.
printf '%%PDF-1.4\n%% 公示截图\n' >"$T/shot.pdf"
F rectify 1 --as sfjc --unit sfj --file "$T/shot.pdf" --submit >/dev/null
F check 1 --as sup --unit sfj --pass --comment 属实 >/dev/null
F close 1 --as sup --unit sfj >/dev/null
eq "$(sql "SELECT state FROM finding WHERE id = 1")" closed "销号"
as sup PUT "$S/api/findings/1" '{"deadline":"2022-07-31"}'
code 409 "a closed finding is not edited"
has "$T/body" "督察发现问题 1 已销号，不能再修改" "says why"
eq "$(jget .error.code)" CONFLICT "the error's code"
run 1 F edit 1 --as sup --deadline 2022-07-31
has "$T/err" "已销号，不能再修改" "nor from the CLI"
eq "$(sql "SELECT deadline FROM finding WHERE id = 1")" 2022-06-10 "unchanged"
