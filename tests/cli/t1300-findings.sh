#!/bin/sh
# t1300-findings.sh: 督察 → 整改 → 销号 from the command line. A 市级督察
# finding against 县司法局 and 县市场监管局 on task 13: bad input names the
# field in Chinese; each unit rectifies its own share only; the check and
# the 销号 are refused to a supervisor of the rectifying unit (司法局督办)
# and to the person who submitted; 核查不通过 sends it back with the
# reason; 销号 needs evidence; 重新打开 keeps the history; a unit sees only
# its own findings; everything is audited.
. "$TOP/tests/lib/lib.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$2" --role "$3" \
    --password-stdin "$1" >/dev/null; }
adduser sup 依法治县办甲 yfzxb:supervisor
adduser sfjsup 司法局督办 sfj:supervisor
adduser sfjc 司法局联络员 sfj:clerk
adduser scc 市场监管局联络员 scjg:clerk
adduser zcc 朝城镇联络员 371522102:clerk
F() { "$FAZHI" finding "$@" --db "$DB"; }

run 0 "$FAZHI" finding --help
has "$T/out" "用法" "help starts with 用法"

# --- bad input: the field is named ------------------------------------------
run 1 F add --as sup --source 巡视 --found 2022-05-10 --deadline 2022-06-10 \
    --description 公示不及时 --requirement 整改 --unit sfj
has "$T/err" "问题来源应为省级督察、市级督察、县级督察或投诉举报" "a bad source is named"
run 1 F add --as sup --source 市级督察 --found 2022-05-10 --deadline 2022-05-01 \
    --description 公示不及时 --requirement 整改 --unit sfj
has "$T/err" "整改期限（2022-05-01）不能早于发现日期（2022-05-10）" "a deadline before the finding"
run 1 F add --as sup --source 市级督察 --found 2022-02-30 --deadline 2022-06-10 \
    --description 公示不及时 --requirement 整改 --unit sfj
has "$T/err" "发现日期应为有效的 YYYY-MM-DD 日期" "an impossible date"
run 1 F add --as sup --source 市级督察 --found 2022-05-10 --deadline 2022-06-10 \
    --requirement 整改 --unit sfj
has "$T/err" "请填写问题描述" "the description is required"
run 1 F add --as sup --source 市级督察 --found 2022-05-10 --deadline 2022-06-10 \
    --description 公示不及时 --requirement 整改
has "$T/err" "请至少指定一个整改责任单位" "a unit is required"
run 1 F add --as sup --source 市级督察 --found 2022-05-10 --deadline 2022-06-10 \
    --description 公示不及时 --requirement 整改 --unit 无此单位
has "$T/err" "单位名录中没有“无此单位”" "an unknown unit"
run 1 F add --as sfjc --source 市级督察 --found 2022-05-10 --deadline 2022-06-10 \
    --description 公示不及时 --requirement 整改 --unit sfj
has "$T/err" "只有依法治县办（督察人员）可以登记督察发现问题" "a clerk may not register findings"
eq "$(count_rows finding)" 0 "nothing stored"

# --- register ----------------------------------------------------------------
run 0 F add --as sup --source 市级督察 --doc-no "聊法督〔2022〕3号" \
    --doc-title 关于莘县法治政府建设督察情况的反馈意见 --found 2022-05-10 \
    --deadline 2022-06-10 --description "行政执法公示信息更新不及时" \
    --requirement "一个月内完成整改并报送整改情况" --unit 县司法局 --unit scjg --task 13
has "$T/out" "已登记督察发现问题 1" "registered as number 1"
eq "$(sql "SELECT source_kind || ' ' || state || ' ' || coalesce(repeat_of, 0) FROM finding WHERE id = 1")" \
    "city open 0" "a 市级督察 finding, open, no repeat"
eq "$(sql "SELECT count(*) FROM rectification WHERE finding_id = 1 AND state = 'pending'")" 2 \
    "one pending rectification per unit"
run 0 F show 1 --as sup
has "$T/out" "市级督察 聊法督〔2022〕3号" "show: the source"
has "$T/out" "关联任务：第13项" "show: the task"
has "$T/out" "整改责任单位：莘县司法局（待整改）" "show: 司法局 待整改"

# A unit sees only findings that name it, and only its own share.
run 1 F show 1 --as zcc
has "$T/err" "只能查看本单位的督察发现问题" "朝城镇 may not see it"
run 0 F list --as zcc
has "$T/out" "共 0 个问题" "朝城镇's list is empty"
run 0 F show 1 --as scc
lacks "$T/out" "莘县司法局" "县市场监管局 sees only its own share"

# --- rectify -----------------------------------------------------------------
run 1 F rectify 1 --as sup --unit sfj --text 已整改
has "$T/err" "只有整改责任单位的联络员或负责人可以填报整改情况" "the 依法治县办 does not rectify for a unit"
run 1 F rectify 1 --as scc --unit sfj --text 已整改
has "$T/err" "只能查看和处理本单位的督察发现问题" "县市场监管局 may not rectify 司法局's share"
run 1 F rectify 1 --text 已整改
has "$T/err" "该问题有多个整改责任单位，请指定单位" "several units: --unit is required of fazhi itself"
run 1 F rectify 1 --as sfjc --submit
has "$T/err" "请填写整改情况后再提交" "a unit's clerk means its own unit's share"
run 1 F rectify 1 --as sfjc --unit sfj --submit
has "$T/err" "请填写整改情况后再提交" "no text, no submission"
run 0 F rectify 1 --as sfjc --unit sfj --text "已在政府网站补充公示 32 条执法信息"
eq "$(sql "SELECT r.state FROM rectification r JOIN unit u ON u.id = r.unit_id WHERE u.code = 'sfj'")" \
    rectifying "整改中"
eq "$(sql "SELECT state FROM finding WHERE id = 1")" rectifying "the finding is 整改中"
printf '%%PDF-1.4\n%% 公示截图\n' >"$T/shot.pdf"
run 0 F rectify 1 --as sfjc --unit sfj --file "$T/shot.pdf" --submit
has "$T/out" "已上传佐证材料 shot.pdf" "evidence uploaded"
has "$T/out" "已提交整改情况" "submitted"
run 1 F rectify 1 --as sfjc --unit sfj --text 再改
has "$T/err" "整改已提交，不能再修改整改情况" "submitted: no more changes"

# --- check: not by the rectifying unit ---------------------------------------
run 1 F check 1 --as sfjc --unit sfj --pass
has "$T/err" "只有依法治县办（督察人员）可以核查" "a clerk may not check"
run 1 F check 1 --as sfjsup --unit sfj --pass
has "$T/err" "核查须由整改责任单位以外的人员进行，您属于莘县司法局" \
    "a supervisor of 司法局 may not check 司法局's rectification"
run 1 F check 1 --as sup --unit sfj --fail
has "$T/err" "请填写核查意见" "a failed check needs a comment"
run 0 F check 1 --as sup --unit sfj --fail --comment "未附公示页面链接"
eq "$(sql "SELECT r.state || ' ' || r.check_comment FROM rectification r JOIN unit u ON u.id = r.unit_id WHERE u.code = 'sfj'")" \
    "rectifying 未附公示页面链接" "核查不通过: back to 整改中 with the reason"
run 0 F rectify 1 --as sfjc --unit sfj --text "已补充公示页面链接" --submit
run 1 F close 1 --as sup --unit sfj
has "$T/err" "整改已提交，须核查通过后才能销号" "no 销号 before the check"
run 0 F check 1 --as sup --unit sfj --pass --comment 属实
eq "$(sql "SELECT r.state || ' ' || r.checked_by FROM rectification r JOIN unit u ON u.id = r.unit_id WHERE u.code = 'sfj'")" \
    "verified sup" "核查通过 by sup"

# --- 销号 ----------------------------------------------------------------------
run 1 F close 1 --as sfjsup --unit sfj
has "$T/err" "销号须由整改责任单位以外的人员进行，您属于莘县司法局" "司法局's supervisor may not close it"
run 0 F close 1 --as sup --unit sfj
has "$T/out" "已销号" "closed"
eq "$(sql "SELECT state FROM finding WHERE id = 1")" rectifying \
    "the finding stays 整改中 while 县市场监管局's share is open"

# 县市场监管局: submitted without evidence, checked, 销号 refused.
run 0 F rectify 1 --as scc --unit scjg --text "已完成整改" --submit
run 0 F check 1 --as sup --unit scjg --pass
run 1 F close 1 --as sup --unit scjg
has "$T/err" "没有佐证材料，不能销号" "no evidence, no 销号"
# A checker who belongs to the unit (given a role there since) is refused.
echo "$PW" | "$FAZHI" user add --db "$DB" --name 兼职 --role scjg:clerk --role yfzxb:supervisor \
    --password-stdin dual >/dev/null
run 0 F reopen 1 --as sup --unit scjg --reason "补充佐证材料"
printf '%%PDF-1.4\n%% 整改台账\n' >"$T/ledger.pdf"
run 0 F rectify 1 --as scc --unit scjg --file "$T/ledger.pdf" --submit
run 1 F check 1 --as dual --unit scjg --pass
has "$T/err" "您属于莘县市场监督管理局" "a checker with a role in the unit is refused"
run 0 F check 1 --as sup --unit scjg --pass
run 0 F close 1 --as sup --unit scjg
eq "$(sql "SELECT state FROM finding WHERE id = 1")" closed "both shares closed: the finding is 已销号"

# --- 重新打开 keeps the history -------------------------------------------------
run 1 F reopen 1 --as sup --unit sfj
has "$T/err" "请填写重新打开的理由" "a reason is required"
run 0 F reopen 1 --as sup --unit sfj --reason "复查发现仍有未公示信息"
eq "$(sql "SELECT r.state || ' ' || r.reopened FROM rectification r JOIN unit u ON u.id = r.unit_id WHERE u.code = 'sfj'")" \
    "rectifying 1" "reopened: 整改中, counted"
eq "$(sql "SELECT state FROM finding WHERE id = 1")" rectifying "the finding is open again"
# 司法局's events: rectify, evidence, submit, check_fail, submit, check_pass,
# close, reopen.
eq "$(sql "SELECT e.action FROM finding_event e JOIN unit u ON u.id = e.unit_id WHERE u.code = 'sfj' ORDER BY e.id" | join_lines ,)" \
    "rectify,evidence,submit,check_fail,submit,check_pass,close,reopen" "司法局's history, in order"
run 0 F show 1 --as sup
has "$T/out" "重新打开 莘县司法局：复查发现仍有未公示信息" "show: the reopening with its reason"
has "$T/out" "核查不通过 莘县司法局：未附公示页面链接" "show: the failed check kept"
eq "$(sql "SELECT count(*) FROM audit WHERE object = 'finding/1'")" \
    "$(sql "SELECT count(*) FROM finding_event WHERE finding_id = 1")" "every event audited"

# --- 重复问题 ---------------------------------------------------------------------
addf() { _s=$1 _f=$2 _d=$3; shift 3
	F add --as sup --source "$_s" --found "$_f" --deadline 2026-12-31 --description "$_d" \
	    --requirement 限期整改 "$@"; }
# 2: 2023, 司法局 and task 13 again: same unit and task as 1 (2022) -> repeat of 1.
run 0 addf 县级督察 2023-02-10 "执法信息公示滞后" --unit sfj --task 13
eq "$(sql "SELECT coalesce(repeat_of, 0) FROM finding WHERE id = 2")" 1 "same unit and task, last year: repeat of 1"
# 3: 县市场监管局, no task, a description unlike 1's: not a repeat.
run 0 addf 投诉举报 2023-02-11 "行政许可办理超过承诺时限" --unit scjg
eq "$(sql "SELECT coalesce(repeat_of, 0) FROM finding WHERE id = 3")" 0 "same unit, other text: not a repeat"
# 4: 县市场监管局, "行政许可办理超过承诺时限，群众多次反映": 3's 12 bigrams all
#    in 4's 19; Dice 2*12/(12+18) = 0.8 >= 0.5 -> repeat of 3 (the newest match;
#    1 shares the unit but not the text: 0 bigrams in common).
run 0 addf 投诉举报 2023-03-01 "行政许可办理超过承诺时限，群众多次反映" --unit scjg
eq "$(sql "SELECT coalesce(repeat_of, 0) FROM finding WHERE id = 4")" 3 "similar text, same unit: repeat of 3"
# 5: 朝城镇 with 4's text: shares neither unit nor task: not a repeat.
run 0 addf 投诉举报 2023-03-02 "行政许可办理超过承诺时限，群众多次反映" --unit 371522102
eq "$(sql "SELECT coalesce(repeat_of, 0) FROM finding WHERE id = 5")" 0 "another unit: not a repeat"
# 6: 2025, 司法局 and task 13: 1 (2022) and 2 (2023) are older than last year.
run 0 addf 省级督察 2025-01-05 "执法信息公示滞后" --unit sfj --task 13
eq "$(sql "SELECT coalesce(repeat_of, 0) FROM finding WHERE id = 6")" 0 "two years before: not a repeat"
run 0 F list --as sup --year 2023
has "$T/out" "共 4 个问题" "4 findings of 2023"
has "$T/out" "2023-03-01  投诉举报  整改期限 2026-12-31  待整改  重复问题" "list marks the repeat"
run 0 F list --as sup --state closed
has "$T/out" "共 0 个问题" "none closed now"
run 0 F show 2 --as sup --json
eq "$(sed -n 's/^  "repeat_of": \(.*\),$/\1/p' "$T/out")" 1 "JSON: repeat_of"
run 2 F show abc
