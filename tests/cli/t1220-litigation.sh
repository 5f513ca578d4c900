#!/bin/sh
# t1220-litigation.sh: the 行政应诉 registry (task 19, "负责人100%出庭应诉")
# and the 行政复议 registry (task 18): imports of the fixtures
# tests/registry/litigation-2022.csv and reconsideration-2024.csv, bad
# files refused with line and column and nothing stored, export → import
# round trips, the six rates checked against values worked out by hand
# below, the form refusing contradictions with the field named, who may
# write what, and 负责人出庭应诉率 linked to task 19 of the reference plan.
#
# 行政应诉 (one record per hearing; "case" is 案号 + 审级; year by
# 应诉通知日期; 负责人 = 职务级别 正职, 副职 or 分管负责人):
#
#   unit    登记编号 (案号…)      审级 开庭        负责人 (级别)   裁判
#   自然资源 行初5号-1            一审 2022-03-10  — (reason)      —
#   自然资源 行初5号-2            一审 2022-04-12  王五 正职       驳回诉讼请求
#   自然资源 行初9号-1            一审 2022-06-15  赵六 副职       撤销
#   自然资源 行初9号-二审-1 (案号 行初9号) 二审 2022-10-18 — (reason) 维持原判
#   自然资源 行初15号             一审 not heard                   原告撤诉
#   公安局   行初20号-1           一审 2022-05-10  孙七 分管负责人 确认违法
#   公安局   行初21号-1           一审 2022-09-09  周八 其他工作人员 驳回诉讼请求
#   公安局   行初30号-1           一审 2023-01-10  吴九 正职       —  (noticed 2022-12-01)
#   公安局   (2021)行初88号-1     一审 2022-01-12  —               驳回  (noticed 2021: out)
#   朝城镇   行初40号-1           一审 2022-07-07  郑十 正职       责令履行
#   朝城镇   行终50号             二审 not heard                   维持原判
#   朝城镇   行初45号-1           一审 2022-11-20  — (reason)      —
#
# As of 2022-12-31, year 2022 (11 records; 行初88号 is out):
#   负责人出庭应诉率, per case-instance heard by then: 自然资源 行初5号/一审
#     (met at the 2nd hearing only: counted once), 行初9号/一审 (met),
#     行初9号/二审 (not: same 案号, another instance); 行初15号 not heard:
#     excluded. 公安局 行初20号 (met), 行初21号 (not: 其他工作人员);
#     行初30号 heard 2023-01-10, after the as-of date: excluded. 朝城镇
#     行初40号 (met), 行初45号 (not); 行终50号 not heard: excluded.
#     → 自然资源 2/3, 公安局 1/2, 朝城镇 1/2; county 4/7.
#   主要负责人出庭应诉率 (正职 only), same groups: 行初5号, 行初40号 →
#     自然资源 1/3, 公安局 0/2, 朝城镇 1/2; county 2/7.
#   一审败诉率: 一审 judgments by then: 行初5号 驳回, 行初9号 撤销, 行初20号
#     确认违法, 行初21号 驳回, 行初40号 责令履行 → 5; lost: 行初9号,
#     行初20号, 行初40号 → 3/5; 自然资源 1/2, 公安局 1/2, 朝城镇 1/1
#     (原告撤诉 and the 二审 维持原判 are no first-instance judgments).
# As of 2023-01-31, year 2022: 行初30号 is heard, by 正职: 5/8 and 3/8;
#   公安局 2/3 and 1/3.
#
# 行政复议 (司法局 keeps every case; year by 受理日期; day N = 审结 − 受理):
#   1号 普通 受理 2024-01-10 审结 2024-03-10 day 60 (2024 is leap) 决定 撤销
#   2号 普通 2024-02-01 → 2024-04-02 day 61: late          决定 维持
#   3号 普通 延期 2024-03-01 → 2024-05-25 day 85 (≤ 90)     调解
#   4号 简易 2024-04-01 → 2024-05-02 day 31 (> 30): late    决定 确认违法
#   5号 简易 2024-06-03 → 2024-06-23 day 20                 和解后撤回申请
#   6号 普通 (是否 cells blank: 否) 2024-07-01 → 2024-08-15 day 45  决定 驳回
#   7号 普通 2024-09-02, not concluded; + 60 = 2024-11-01 < as-of: overdue
#   8号 普通 2024-11-20, not concluded; + 60 = 2025-01-19: not yet due
#   9号 普通 2024-08-01 → 2024-09-10 day 40                 终止
#   〔2023〕12号 受理 2023-12-15: out of 2024
# As of 2024-12-31, year 2024: concluded 1 2 3 4 5 6 9 → 7.
#   行政复议纠错率 = 撤销 (1号) + 确认违法 (4号) = 2/7.
#   行政复议调撤率 = 调解 (3号) + 和解后撤回申请 (5号) = 2/7.
#   行政复议按期审结率: due = the 7 concluded + 7号 (overdue) = 8 (8号
#     excluded); in time: 1 3 5 6 9 → 5/8; failing 2号 4号 7号.
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

LIT="$TOP/tests/registry/litigation-2022.csv"
REC="$TOP/tests/registry/reconsideration-2024.csv"
LHEAD=被告,登记编号,案号,案由,原告,法院,审级,应诉通知日期,是否开庭,开庭日期,出庭负责人,职务级别,未出庭原因,出庭应诉工作人员,裁判结果,裁判日期,备注
RHEAD=复议机构,案号,申请人,被申请人,行政行为,申请日期,受理日期,是否适用简易程序,是否延期,审结日期,结案方式,决定类型,备注
setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
state() { dump_tables reg_litigation reg_reconsideration registry_history | cksum; count_rows audit; }

# --- the fixtures -------------------------------------------------------------
run 0 "$FAZHI" registry import litigation --db "$DB" "$LIT"
has "$T/out" "12 行（CSV），新增 12，更新 0，未变 0" "the 12 hearings and case-instances are imported"
eq "$(sql "SELECT count(*) FROM reg_litigation l JOIN unit u ON u.id = l.unit_id WHERE u.code = 'zrzyj'")" 5 \
    "县自然资源局, zrzyj and its full name are one 被告"
eq "$(sql "SELECT heard || '|' || coalesce(hearing_date, '-') FROM reg_litigation WHERE reg_no = '（2022）鲁15行终50号'")" "0|-" \
    "是否开庭 否 is stored as 0, without a hearing date"
run 0 "$FAZHI" registry import reconsideration --db "$DB" "$REC"
has "$T/out" "10 行（CSV），新增 10，更新 0，未变 0" "the 10 复议 cases are imported"
eq "$(sql "SELECT count(DISTINCT agency_id) FROM reg_reconsideration")" 1 "司法局 keeps every case"
eq "$(sql "SELECT u.code FROM reg_reconsideration r JOIN unit u ON u.id = r.respondent_id WHERE r.case_no = '莘政复〔2024〕4号'")" gaj \
    "被申请人 is a unit of the directory"
eq "$(sql "SELECT coalesce(simple, -1) FROM reg_reconsideration WHERE case_no = '莘政复〔2024〕6号'") $(sql "SELECT coalesce(extended, -1) FROM reg_reconsideration WHERE case_no = '莘政复〔2024〕6号'")" "0 0" \
    "blank 是否 cells take the default 否"
run 0 "$FAZHI" registry columns litigation
has "$T/out" "职务级别" "registry columns lists the fields"
R3=$(sql "SELECT id FROM reg_reconsideration WHERE case_no = '莘政复〔2024〕3号'")
run 0 "$FAZHI" registry show reconsideration --db "$DB" "$R3"
has "$T/out" "是否延期" "registry show gives the case"
eq "$(grep '是否延期' "$T/out" | awk '{print $2}') $(grep '是否适用简易程序' "$T/out" | awk '{print $2}')" "是 否" \
    "with 是 and 否 for its yes-no fields"

# --- bad files: exit 1, line and column named, nothing stored ---------------
before=$(state)
lbad() { printf '%s\n%s\n' "$LHEAD" "$2" >"$T/$1.csv"; }
rbad() { printf '%s\n%s\n' "$RHEAD" "$2" >"$T/$1.csv"; }
lbad date "县公安局,X-1,X,案由,原告,莘县人民法院,一审,2022-02-30,否,,,,,,,,"
run 1 "$FAZHI" registry import litigation --db "$DB" "$T/date.csv"
has "$T/err" "第2行第8列（应诉通知日期）：“2022-02-30”不是有效日期" "a bad date: line 2, column 8"
lbad unit "县不存在局,X-1,X,案由,原告,莘县人民法院,一审,2022-02-03,否,,,,,,,,"
run 1 "$FAZHI" registry import litigation --db "$DB" "$T/unit.csv"
has "$T/err" "第2行第1列（被告）：单位名录中没有“县不存在局”" "an unknown 被告: line 2, column 1"
printf '%s\n%s\n%s\n%s\n' "$LHEAD" "县公安局,X-1,X,案由,原告,莘县人民法院,一审,2022-02-03,否,,,,,,,," \
    "县自然资源局,X-1,X,案由,原告,莘县人民法院,一审,2022-02-03,否,,,,,,,," \
    "gaj,X-1,X,案由,原告,莘县人民法院,一审,2022-02-04,否,,,,,,,," >"$T/dup.csv"
run 1 "$FAZHI" registry import litigation --db "$DB" "$T/dup.csv"
has "$T/err" "第4行第2列（登记编号）：“X-1”与第2行重复" "a 登记编号 twice for one 被告: the later line"
lacks "$T/err" "第3行" "the same 编号 of another unit is no duplicate"
lbad reason "县公安局,X-1,X,案由,原告,莘县人民法院,一审,2022-02-03,是,2022-03-01,,,,钱某,,,"
run 1 "$FAZHI" registry import litigation --db "$DB" "$T/reason.csv"
has "$T/err" "第2行第13列（未出庭原因）：开庭时负责人未出庭，须填写未出庭原因" \
    "a hearing without a 负责人 and without a reason"
lbad other "县公安局,X-1,X,案由,原告,莘县人民法院,一审,2022-02-03,是,2022-03-01,周八,其他工作人员,,,,,"
run 1 "$FAZHI" registry import litigation --db "$DB" "$T/other.csv"
has "$T/err" "第2行第13列（未出庭原因）：出庭的“周八”职务级别为其他工作人员，不是负责人" \
    "其他工作人员 is no 负责人: a reason is asked"
lbad notheard "县公安局,X-1,X,案由,原告,莘县人民法院,一审,2022-02-03,否,2022-03-01,,,,,,,"
run 1 "$FAZHI" registry import litigation --db "$DB" "$T/notheard.csv"
has "$T/err" "第2行第10列（开庭日期）：是否开庭为“否”，不填开庭日期" "a hearing date for a case not heard"
lbad rank "县公安局,X-1,X,案由,原告,莘县人民法院,一审,2022-02-03,是,2022-03-01,吴九,局长,,,,,"
run 1 "$FAZHI" registry import litigation --db "$DB" "$T/rank.csv"
has "$T/err" "第2行第12列（职务级别）：“局长”不是可选的值（可选：正职、副职、分管负责人、其他工作人员）" \
    "a 职务级别 not in the list names the allowed ones"
lbad instance "县公安局,X-1,X,案由,原告,莘县人民法院,一审,2022-02-03,否,,,,,,改判,2022-05-01,"
run 1 "$FAZHI" registry import litigation --db "$DB" "$T/instance.csv"
has "$T/err" "第2行第15列（裁判结果）：“改判”是二审、再审的裁判结果" "改判 in a 一审"
rbad decision "县司法局,莘政复〔2024〕20号,甲,县公安局,,2024-03-01,2024-03-02,否,否,2024-04-01,调解,撤销,"
run 1 "$FAZHI" registry import reconsideration --db "$DB" "$T/decision.csv"
has "$T/err" "第2行第12列（决定类型）：决定类型只在结案方式为“决定”时填写（本案结案方式：调解）" \
    "决定类型 without 结案方式 决定: line 2, column 12"
rbad nodecision "县司法局,莘政复〔2024〕20号,甲,县公安局,,2024-03-01,2024-03-02,否,否,2024-04-01,决定,,"
run 1 "$FAZHI" registry import reconsideration --db "$DB" "$T/nodecision.csv"
has "$T/err" "第2行第12列（决定类型）：结案方式为决定，须填写决定类型" "决定 without its type"
rbad order "县司法局,莘政复〔2024〕20号,甲,县公安局,,2024-03-05,2024-03-02,否,否,2024-03-01,终止,,"
run 1 "$FAZHI" registry import reconsideration --db "$DB" "$T/order.csv"
has "$T/err" "第2行第7列（受理日期）：受理日期 2024-03-02 早于申请日期 2024-03-05" "accepted before applied"
has "$T/err" "第2行第10列（审结日期）：审结日期 2024-03-01 早于受理日期 2024-03-02" "concluded before accepted"
rbad simple "县司法局,莘政复〔2024〕20号,甲,县公安局,,2024-03-01,2024-03-02,是,是,,,,"
run 1 "$FAZHI" registry import reconsideration --db "$DB" "$T/simple.csv"
has "$T/err" "第2行第9列（是否延期）：适用简易程序的案件不能延期" "简易程序 and 延期 together"
rbad respondent "县司法局,莘政复〔2024〕20号,甲,县不存在局,,2024-03-01,2024-03-02,否,否,,,,"
run 1 "$FAZHI" registry import reconsideration --db "$DB" "$T/respondent.csv"
has "$T/err" "第2行第4列（被申请人）：单位名录中没有“县不存在局”" "an unknown 被申请人"
# One bad row among the good ones: none is stored.
{ cat "$REC"; echo "县司法局,莘政复〔2024〕21号,乙,县公安局,,2024-03-01,2024-03-02,否,否,2024-04-01,终止,维持,"; } >"$T/mixed.csv"
run 1 "$FAZHI" registry import reconsideration --db "$DB" "$T/mixed.csv"
has "$T/err" "第12行第12列（决定类型）" "one bad row among 11"
eq "$(state)" "$before" "no bad file changed a table or the audit log"

# --- export and import again ------------------------------------------------
for r in litigation reconsideration; do
	run 0 "$FAZHI" registry export $r --db "$DB" -o "$T/$r.xlsx"
	run 0 "$FAZHI" registry export $r --db "$DB" -o "$T/$r.csv"
	run 0 "$FAZHI" registry import $r --db "$DB" "$T/$r.xlsx"
	has "$T/out" "新增 0，更新 0，未变" "the $r XLSX export imports back unchanged"
	run 0 "$FAZHI" registry import $r --db "$DB" "$T/$r.csv"
	has "$T/out" "新增 0，更新 0，未变" "so does the $r CSV export"
done
eq "$(head -n 1 "$T/litigation.csv" | sed 's/^\xef\xbb\xbf//' | tr -d '\r')" "$LHEAD" \
    "the 行政应诉 CSV export has the import's columns"
eq "$(head -n 1 "$T/reconsideration.csv" | sed 's/^\xef\xbb\xbf//' | tr -d '\r')" "$RHEAD" \
    "the 行政复议 CSV export too"
lview() { sql_on "$1" "SELECT u.code, l.reg_no, l.case_no, l.instance, l.noticed, l.heard, coalesce(l.hearing_date, '-'), coalesce(l.head, '-'), coalesce(l.head_rank, '-'), coalesce(l.absence_reason, '-'), coalesce(l.outcome, '-'), coalesce(l.judged, '-') FROM reg_litigation l JOIN unit u ON u.id = l.unit_id ORDER BY l.reg_no"; }
rview() { sql_on "$1" "SELECT u.code, r.case_no, p.code, r.accepted, coalesce(r.simple, 0), coalesce(r.extended, 0), coalesce(r.concluded, '-'), coalesce(r.closing, '-'), coalesce(r.decision, '-') FROM reg_reconsideration r JOIN unit u ON u.id = r.agency_id JOIN unit p ON p.id = r.respondent_id ORDER BY r.case_no"; }
D2=$(db_new rt)
"$FAZHI" init --db "$D2" >/dev/null
"$FAZHI" units import --db "$D2" "$TOP/data/units/shenxian.csv" >/dev/null
run 0 "$FAZHI" registry import litigation --db "$D2" "$T/litigation.xlsx"
run 0 "$FAZHI" registry import reconsideration --db "$D2" "$T/reconsideration.csv"
eq "$(lview "$D2" | cksum)" "$(lview "$DB" | cksum)" "the XLSX export of 行政应诉 in a new store holds the same records"
eq "$(rview "$D2" | cksum)" "$(rview "$DB" | cksum)" "the CSV export of 行政复议 too"

# --- the rates, as worked out above -----------------------------------------
value() {
	if [ "$2" = county ]; then w="v.unit_id IS NULL"
	else w="v.unit_id = (SELECT id FROM unit WHERE code = '$2')"; fi
	sql "SELECT v.numerator || '/' || v.denominator FROM indicator_value v JOIN indicator_def d ON d.id = v.def_id WHERE d.key = '$1' AND $w AND v.run_id = (SELECT max(id) FROM indicator_run)"
}
three() { echo "$(value "$1" zrzyj) $(value "$1" gaj) $(value "$1" 371522102) $(value "$1" county)"; }
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --year 2022
eq "$(three litigation.head_rate)" "2/3 1/2 1/2 4/7" \
    "负责人出庭应诉率 as of 2022-12-31: 自然资源 2/3, 公安局 1/2, 朝城镇 1/2, county 4/7"
eq "$(three litigation.chief_rate)" "1/3 0/2 1/2 2/7" "主要负责人出庭应诉率: 1/3, 0/2, 1/2, 2/7"
eq "$(three litigation.first_loss_rate)" "1/2 1/2 1/1 3/5" "一审败诉率: 1/2, 1/2, 1/1, 3/5"
run 0 "$FAZHI" indicators show --db "$DB" litigation.head_rate --json
eq "$(jq -r '[.drill.counted[].reg_no] | sort | join(" ")' "$T/out")" \
    "（2022）鲁1522行初20号-1 （2022）鲁1522行初40号-1 （2022）鲁1522行初5号-1 （2022）鲁1522行初5号-2 （2022）鲁1522行初9号-1" \
    "counted: both hearings of 行初5号 (负责人 at the second only) as one case-instance"
eq "$(jq -r '[.drill.failing[].reg_no] | sort | join(" ")' "$T/out")" \
    "（2022）鲁1522行初21号-1 （2022）鲁1522行初45号-1 （2022）鲁1522行初9号-二审-1" \
    "failing: 行初9号's 二审 (its 一审 met), 其他工作人员, and no 负责人"
eq "$(jq -r '[.drill.excluded[].reg_no] | sort | join(" ")' "$T/out")" \
    "（2022）鲁1522行初15号 （2022）鲁1522行初30号-1 （2022）鲁15行终50号" \
    "excluded: the two not heard and the hearing after the as-of date"
has "$T/out" "法释〔2020〕3号" "the definition cites its source"
run 0 "$FAZHI" indicators show --db "$DB" litigation.first_loss_rate
has "$T/out" "本系统定义" "一审败诉率 says the definition is ours"
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2023-01-31 --year 2022
eq "$(value litigation.head_rate county) $(value litigation.chief_rate county) $(value litigation.head_rate gaj) $(value litigation.chief_rate gaj)" \
    "5/8 3/8 2/3 1/3" "as of 2023-01-31: 行初30号 heard by its 正职: 5/8, 3/8; 公安局 2/3, 1/3"

run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2024-12-31 --year 2024
eq "$(value reconsideration.correction_rate county) $(value reconsideration.settle_rate county) $(value reconsideration.timely_rate county)" \
    "2/7 2/7 5/8" "as of 2024-12-31: 纠错率 2/7, 调撤率 2/7, 按期审结率 5/8"
eq "$(sql "SELECT count(*) FROM indicator_value v JOIN indicator_def d ON d.id = v.def_id WHERE d.registry = 'reconsideration' AND v.unit_id IS NOT NULL AND v.run_id = (SELECT max(id) FROM indicator_run)")" 0 \
    "复议 rates are the county's only"
run 0 "$FAZHI" indicators show --db "$DB" reconsideration.timely_rate --json
eq "$(jq -r '[.drill.failing[].case_no] | sort | join(" ")' "$T/out")" \
    "莘政复〔2024〕2号 莘政复〔2024〕4号 莘政复〔2024〕7号" \
    "late: day 61, 简易 day 31, and overdue unconcluded (day 60 and extended day 85 are in time)"
eq "$(jq -r '[.drill.excluded[].case_no] | join(" ")' "$T/out")" "莘政复〔2024〕8号" \
    "not yet due: 8号"
has "$T/out" "第六十二条" "按期审结率 cites 行政复议法第六十二条"
# As of 2024-11-01, the 60th day after 7号's 受理, it is not late yet
# (8号, accepted later, is outside the period, which ends at the as-of
# date): due are the 7 concluded, in time the same 5.
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2024-11-01 --year 2024
eq "$(value reconsideration.timely_rate county)" 5/7 "as of 2024-11-01: 按期审结率 5/7"
run 0 "$FAZHI" indicators show --db "$DB" reconsideration.timely_rate --json
eq "$(jq -r '[.drill.excluded[].case_no] | join(" ")' "$T/out")" \
    "莘政复〔2024〕7号" "on the 60th day after 受理, 7号 is not yet overdue"

# --- through the API ----------------------------------------------------------
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$1" --role "$2" --password-stdin "$1" >/dev/null; }
adduser sup yfzxb:supervisor
adduser ld xzf:leader
adduser gajc gaj:clerk
adduser sfjc sfj:clerk
if start_server A --today 2024-12-31; then ok "server started"; else not_ok "server"; exit 0; fi
for u in sup ld gajc sfjc; do login $u $PW "$A"; done
as ld GET "$A/api/registries"
eq "$(jget '[.registries[].key] | map(select(. == "litigation" or . == "reconsideration")) | join(" ")')" \
    "litigation reconsideration" "the API describes both registries"
eq "$(jget '.registries[] | select(.key == "litigation") | .date_field')" noticed "行政应诉 counts years by 应诉通知日期"
eq "$(jget '.registries[] | select(.key == "reconsideration") | .key_field + " " + .date_field')" \
    "case_no accepted" "行政复议: 案号 names a case, 受理日期 its year"
L="$A/api/registries/litigation"
R="$A/api/registries/reconsideration"
as gajc GET "$L"
eq "$(jget .total)" 4 "a 公安局 clerk lists its own 4 records"
Z=$(sql "SELECT id FROM reg_litigation WHERE reg_no = '（2022）鲁1522行初5号-1'")
as gajc GET "$L/$Z"
code 403 "and not 自然资源局's"
as ld GET "$L?from=2022-01-01&to=2022-12-31"
eq "$(jget .total)" 11 "the county leader reads 2022's 11 (by 应诉通知日期)"
before=$(state)
as gajc POST "$L" '{"unit":"zrzyj","reg_no":"X-1","case_no":"X","cause":"测试","court":"莘县人民法院","instance":"一审","noticed":"2022-10-01","heard":false}'
code 403 "another unit's clerk cannot enter 自然资源局's case"
eq "$(jget .error.field)" unit "the refusal names 被告"
as gajc POST "$L" '{"unit":"gaj","reg_no":"X-1","case_no":"X","cause":"测试","court":"莘县人民法院","instance":"一审","noticed":"2022-10-01","heard":true,"hearing_date":"2022-11-01","staff":"钱某"}'
code 400 "a hearing without 负责人 or reason typed in the form is refused"
eq "$(jget .error.field)" absence_reason "naming absence_reason"
as gajc POST "$L" '{"unit":"gaj","reg_no":"X-1","case_no":"X","cause":"测试","court":"莘县人民法院","instance":"一审","noticed":"2022-10-01","heard":true,"hearing_date":"2022-11-01","head":"吴九（局长）"}'
eq "$(jget .error.field)" head_rank "a 负责人 without 职务级别: head_rank"
as gajc POST "$R" '{"agency":"sfj","case_no":"莘政复〔2024〕30号","applicant":"甲","respondent":"gaj","applied":"2024-10-01","accepted":"2024-10-02"}'
code 403 "a 公安局 clerk cannot enter a 复议 case (司法局 keeps them)"
eq "$(jget .error.field)" agency "naming 复议机构"
as sfjc POST "$R" '{"agency":"sfj","case_no":"莘政复〔2024〕30号","applicant":"甲","respondent":"gaj","applied":"2024-10-01","accepted":"2024-10-02","concluded":"2024-11-01","closing":"调解","decision":"撤销"}'
code 400 "a 决定类型 with 结案方式 调解 is refused"
eq "$(jget .error.field)" decision "naming decision"
has "$T/body" "决定类型只在结案方式为“决定”时填写" "and why"
as sfjc POST "$R" '{"agency":"sfj","case_no":"莘政复〔2024〕1号","applicant":"甲","respondent":"gaj","applied":"2024-10-01","accepted":"2024-10-02"}'
code 409 "a 案号 already registered is a conflict"
as ld POST "$R" '{"agency":"sfj","case_no":"莘政复〔2024〕30号","applicant":"甲","respondent":"gaj","applied":"2024-10-01","accepted":"2024-10-02"}'
code 403 "the county leader reads, does not write"
eq "$(state)" "$before" "nothing refused was stored"
as gajc POST "$L" '{"unit":"gaj","reg_no":"（2024）鲁1522行初3号-1","case_no":"（2024）鲁1522行初3号","cause":"不服行政处罚","court":"莘县人民法院","instance":"一审","noticed":"2024-10-01","heard":true,"hearing_date":"2024-11-05","head":"吴九（局长）","head_rank":"正职"}'
code 200 "the 公安局 clerk enters its hearing"
as sfjc POST "$R" '{"agency":"sfj","case_no":"莘政复〔2024〕30号","applicant":"甲","respondent":"gaj","applied":"2024-10-01","accepted":"2024-10-02"}'
code 200 "司法局's clerk enters a case"
eq "$(jget .record.simple) $(jget .record.extended)" "false false" "是否适用简易程序 and 是否延期 default to 否"
N=$(jget .record.id)
as sfjc PUT "$R/$N" '{"revision":1,"concluded":"2024-12-01","closing":"决定","decision":"变更"}'
code 200 "and concludes it"
as gajc GET "$R/$N"
code 403 "the 被申请人's clerk does not read 司法局's case"

# Task 19's 负责人出庭应诉率 on the plan's page: 2022, 4/7, not met.
as sup POST "$A/api/indicators/compute" '{"as_of":"2022-12-31","year":2022}'
code 200 "the supervisor computes"
as ld GET "$A/api/plans/$(sql "SELECT id FROM plan")/indicators"
code 200 "the plan's indicators"
eq "$(jget '[.indicators[] | select(.task_number == 19) | .name + ":" + .mode + ":" + .definition.key] | join(" ")')" \
    "负责人出庭应诉率:computed:litigation.head_rate" "task 19's indicator is linked to litigation.head_rate"
eq "$(jget '.indicators[] | select(.task_number == 19) | "\(.value.numerator)/\(.value.denominator) \(.value.value_text) \(.met) \(.light)"')" \
    "4/7 57.1% false red" "with its value 4/7 (57.1%), not met: red"
run 0 "$FAZHI" audit verify --db "$DB"
