#!/bin/sh
# t1230-rating.sh: the 政务服务好差评 registry and task 8 of the reference
# plan ("构建接受评价-受理-整改-反馈-信息公开-结果应用的全流程工作机制，确保
# 差评件件有整改、有反馈"): import of a fixture of 12 ratings of 3 units
# (tests/registry/rating-2022.csv), the 差评 workflow's order refused row
# by row with line and column and nothing stored, export → import round
# trips, the four rates computed and checked against values worked out by
# hand below (one of them before and after the 2022 calendar is loaded),
# the current stage of a record, the form refusing a contradictory record
# by field, the appeal result kept for the supervisor, another unit's
# clerk refused, and task 8's two indicators on the plan's page.
#
# The fixture. Limits: fix_days 5 and visit_days 5 working days; "+5wd"
# is the fifth working day after the date (day 1 = the first working day
# after it). 差评 = 不满意 or 非常不满意.
#
#   id unit   编号         评价        实名 等级      受理   回访   结论 / 申诉              整改   反馈
#   S1 审批局 HCP2022-0301 2022-03-01 是 不满意     03-01 03-02 属实                     03-08 03-09 (all stages)
#   S2 审批局 HCP2022-0929 2022-09-29 是 非常不满意 09-30 09-30 部分属实                 10-12 10-13
#   S3 审批局 HCP2022-0406 2022-04-06 否 满意       —     (好评)
#   S4 审批局 HCP2022-0510 2022-05-10 是 基本满意   —     (好评: 基本满意 is no 差评)
#   M1 市监局 HCP2022-0601 2022-06-01 是 不满意     06-01 06-02 恶意差评, 申诉 06-06, 复核 06-10 申诉成立
#   M2 市监局 HCP2022-0704 2022-07-04 是 非常不满意 07-04 07-05 不属实, 申诉 07-06, 复核 07-12 申诉不成立; 07-20 07-21
#   M3 市监局 HCP2022-0801 2022-08-01 否 不满意     08-01 —     (anonymous, stuck after 受理)
#   C1 朝城镇 CC2022-1226  2022-12-26 是 不满意     12-27 —     (not yet due)
#   C2 朝城镇 CC2022-1101  2022-11-01 是 非常不满意 —     (never 受理)
#   C3 朝城镇 CC2022-0210  2022-02-10 是 非常满意   (好评)
#   C4 朝城镇 CC2021-1228  2021-12-28 是 不满意     (last year: out of 2022)
#   C5 朝城镇 CC2022-0516  2022-05-16 否 不满意     05-16 05-17 属实                     05-20 —
#
# The 整改 limits (受理 +5wd; C2 has no 受理: 评价 +5wd):
#   S1 03-01 → 03-02 03 04 07 08: 03-08; fixed 03-08, on the last day: on time.
#   S2 09-30 (Fri) → 国庆 2022-10-01..07 off, 10-08 (Sat) and 10-09 (Sun)
#      worked: 10-08 09 10 11 12: 10-12; fixed 10-12: on time. On weekends
#      alone (no calendar loaded) 10-03 04 05 06 07: 10-07, so late.
#   M2 07-04 → 07-05 06 07 08 11: 07-11; fixed 07-20: late.
#   M3 08-01 → 08-02 03 04 05 08: 08-08; not fixed: due once 08-08 has
#      passed (as of 08-09, not as of 08-08).
#   C1 12-27 → 12-28 29 30, 2023-01-03 (元旦 12-31..01-02): not due by 12-31.
#   C2 评价 11-01 → 11-02 03 04 07 08: 11-08; not fixed: due.
#   C5 05-16 → 05-17 18 19 20 23: 05-23; fixed 05-20: on time.
# As of 2022-12-31, year 2022 (C4 out):
#   应整改的差评: 差评 not 申诉成立 (M1 out), fixed or due (C1 out): S1 S2 M2
#     M3 C2 C5 → 6. 好评 S3 S4 C3 are outside every denominator.
#   差评整改率 fixed: S1 S2 M2 C5 → 4/6.
#   差评反馈率 feedback: S1 S2 M2 → 3/6.
#   差评按期整改率: S1 S2 C5 → 3/6 with the calendar; 2/6 without (S2 late).
#   实名差评回访率: 实名差评 not 申诉成立: S1 S2 M2 C1 C2 (M3 C5 anonymous,
#     M1 cleared); due (visited or 评价 +5wd passed): C1 (12-26 +5wd =
#     2023-01-03) not → S1 S2 M2 C2 → 4; visited S1 S2 M2 → 3/4.
#   Per unit: 审批局 2/2 2/2 2/2 2/2; 市监局 (M2 M3) 1/2 1/2 0/2 and 回访
#     1/1 (M2); 朝城镇 (C2 C5) 1/2 0/2 1/2 and 回访 0/1 (C2).
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

FIX="$TOP/tests/registry/rating-2022.csv"
HEAD=$(head -n 1 "$FIX")
setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
state() { dump_tables reg_rating registry_history | cksum; count_rows audit; }
# row COL=VALUE...: a 差评 of 县行政审批局 with the given cells changed
row() {
	awk -v a="$*" 'BEGIN {
	    split("县行政审批局,T-1,测试事项,2022-03-01,短信,是,不满意,,,,,,,,,,,,,,,", f, ",")
	    n = split(a, kv, " ")
	    for (i = 1; i <= n; i++) { split(kv[i], p, "="); f[p[1]] = p[2] }
	    s = f[1]; for (i = 2; i <= 22; i++) s = s "," f[i]; print s }'
}
# bad NAME ROW...: a CSV file $T/NAME.csv
bad() { _f="$T/$1.csv"; shift; echo "$HEAD" >"$_f"; for _r in "$@"; do echo "$_r" >>"$_f"; done; }
rid() { sql "SELECT id FROM reg_rating WHERE rating_no = '$1'"; }

# --- a good file ------------------------------------------------------------
run 0 "$FAZHI" registry import rating --db "$DB" "$FIX"
has "$T/out" "12 行（CSV），新增 12，更新 0，未变 0" "the fixture's 12 ratings are imported"
eq "$(sql "SELECT count(*) FROM reg_rating r JOIN unit u ON u.id = r.unit_id WHERE u.code = 'spj'")" 4 \
    "县行政审批局, spj and 莘县行政审批服务局 are one unit"
eq "$(sql "SELECT real_name || grade FROM reg_rating WHERE rating_no = 'HCP2022-0406'")" 0满意 \
    "是否实名 否 is stored as 0"
run 0 "$FAZHI" registry columns rating
has "$T/out" "申诉结果" "registry columns lists the fields"

# --- bad files: exit 1, line and column named, nothing stored --------------
before=$(state)
bad order "$(row 9=2022-03-02 10=2022-03-01 11=属实)"
run 1 "$FAZHI" registry import rating --db "$DB" "$T/order.csv"
has "$T/err" "第2行第10列（回访核实日期）：回访核实日期 2022-03-01 早于受理日期 2022-03-02" \
    "a stage dated before the one before: its cell"
bad skip "$(row 9=2022-03-02 10=2022-03-03 11=属实 17=2022-03-04 18=电话)"
run 1 "$FAZHI" registry import rating --db "$DB" "$T/skip.csv"
has "$T/err" "第2行第17列（反馈日期）：填写了反馈日期，但没有整改完成日期：应先整改，后反馈" \
    "feedback without 整改"
bad novisit "$(row 9=2022-03-02 16=2022-03-04 15=补正)"
run 1 "$FAZHI" registry import rating --db "$DB" "$T/novisit.csv"
has "$T/err" "第2行第16列（整改完成日期）：填写了整改完成日期，但没有回访核实日期" \
    "整改 without 回访核实"
bad good "$(row 7=满意 9=2022-03-02)"
run 1 "$FAZHI" registry import rating --db "$DB" "$T/good.csv"
has "$T/err" "第2行第9列（受理日期）：评价等级为“满意”，不是差评" "a stage on a 好评"
bad baddate "$(row 9=2022-02-30)"
run 1 "$FAZHI" registry import rating --db "$DB" "$T/baddate.csv"
has "$T/err" "第2行第9列（受理日期）：“2022-02-30”不是有效日期" "a date that does not exist"
bad future "$(row 4=2030-01-01)"
run 1 "$FAZHI" registry import rating --db "$DB" --today 2023-02-01 "$T/future.csv"
has "$T/err" "第2行第4列（评价日期）：2030-01-01晚于今天（2023-02-01）" "a date after today"
bad unit "$(row 1=县不存在局)"
run 1 "$FAZHI" registry import rating --db "$DB" "$T/unit.csv"
has "$T/err" "第2行第1列（办理单位）：单位名录中没有“县不存在局”" "an unknown unit"
bad dup "$(row 2=T-9)" "$(row 1=scjg 2=T-9)" "$(row 1=spj 2=T-9)"
run 1 "$FAZHI" registry import rating --db "$DB" "$T/dup.csv"
has "$T/err" "第4行第2列（评价编号）：“T-9”与第2行重复" "a 评价编号 twice for one unit"
lacks "$T/err" "第3行" "the same 编号 of another unit is no duplicate"
bad appeal "$(row 9=2022-03-02 10=2022-03-03 11=属实 12=2022-03-04)"
run 1 "$FAZHI" registry import rating --db "$DB" "$T/appeal.csv"
has "$T/err" "第2行第12列（申诉日期）：核实结论为“属实”，不能申诉" "only an untrue or malicious 差评 is appealed"
bad result "$(row 9=2022-03-02 10=2022-03-03 11=不属实 14=申诉成立)"
run 1 "$FAZHI" registry import rating --db "$DB" "$T/result.csv"
has "$T/err" "第2行第14列（申诉结果）：填写了申诉结果，但没有申诉日期" "申诉结果 without 申诉日期"
bad verdict "$(row 9=2022-03-02 10=2022-03-03)"
run 1 "$FAZHI" registry import rating --db "$DB" "$T/verdict.csv"
has "$T/err" "第2行第11列（核实结论）：已回访核实，须填写核实结论" "a visit needs its 核实结论"
bad channel "$(row 5=微信)"
run 1 "$FAZHI" registry import rating --db "$DB" "$T/channel.csv"
has "$T/err" "第2行第5列（评价渠道）：“微信”不是可选的值（可选：窗口评价器、二维码、政务服务网、爱山东APP、12345热线、短信、自助终端、其他）" \
    "a channel not in the list names the allowed ones"
# A good row and a bad one: neither is stored.
bad mixed "$(row 2=T-20)" "$(row 2=T-21 9=2022-02-28)"
run 1 "$FAZHI" registry import rating --db "$DB" "$T/mixed.csv"
has "$T/err" "第3行第9列（受理日期）：受理日期 2022-02-28 早于评价日期 2022-03-01" \
    "受理 before the rating, on line 3"
eq "$(state)" "$before" "no bad file changed a table or the audit log"

# --- export and import again ------------------------------------------------
run 0 "$FAZHI" registry export rating --db "$DB" -o "$T/r.csv"
run 0 "$FAZHI" registry export rating --db "$DB" -o "$T/r.xlsx"
eq "$(head -n 1 "$T/r.csv" | sed 's/^\xef\xbb\xbf//' | tr -d '\r')" "$HEAD" \
    "the CSV export has the import's columns"
run 0 "$FAZHI" registry import rating --db "$DB" "$T/r.csv"
has "$T/out" "新增 0，更新 0，未变 12" "the CSV export imports back unchanged"
run 0 "$FAZHI" registry import rating --db "$DB" "$T/r.xlsx"
has "$T/out" "12 行（XLSX），新增 0，更新 0，未变 12" "so does the XLSX export"

# --- the rates, as worked out above -----------------------------------------
# value KEY UNITCODE|county: "numerator/denominator" of the newest run
value() {
	if [ "$2" = county ]; then w="v.unit_id IS NULL"
	else w="v.unit_id = (SELECT id FROM unit WHERE code = '$2')"; fi
	sql "SELECT v.numerator || '/' || v.denominator FROM indicator_value v JOIN indicator_def d ON d.id = v.def_id WHERE d.key = 'rating.$1' AND $w AND v.run_id = (SELECT max(id) FROM indicator_run)"
}
four() { echo "$(value fix_rate "$1") $(value feedback_rate "$1") $(value ontime_rate "$1") $(value visit_rate "$1")"; }
# No calendar yet: working days are Monday to Friday.
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --year 2022
eq "$(value ontime_rate county)" 2/6 "without the calendar S2 (fixed 10-12) misses 10-07: 按期 2/6"
run 0 "$FAZHI" calendar import --db "$DB" "$TOP/data/calendar/2022.csv" "$TOP/data/calendar/2023.csv"
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --year 2022
eq "$(four county)" "4/6 3/6 3/6 3/4" \
    "as of 2022-12-31: 整改 4/6, 反馈 3/6, 按期 3/6 (S2 on time over 国庆), 回访 3/4"
eq "$(four spj)" "2/2 2/2 2/2 2/2" "县行政审批局: all 2/2"
eq "$(four scjg)" "1/2 1/2 0/2 1/1" "县市场监管局: M2 fixed late, M3 not at all; M1 not counted"
eq "$(four 371522102)" "1/2 0/2 1/2 0/1" "朝城镇: C5 fixed in time, C2 never handled"
run 0 "$FAZHI" indicators show --db "$DB" rating.ontime_rate --json
eq "$(jq -r '[.drill.failing[].rating_no] | sort | join(" ")' "$T/out")" \
    "CC2022-1101 HCP2022-0704 HCP2022-0801" "按期 fails C2, M2 (late) and M3"
eq "$(jq -r '[.drill.excluded[].rating_no] | sort | join(" ")' "$T/out")" \
    "CC2022-0210 CC2022-1226 HCP2022-0406 HCP2022-0510 HCP2022-0601" \
    "outside it: the 好评 C3 S3 S4, C1 not yet due, and M1 ruled malicious on appeal"
has "$T/out" "国办发〔2019〕51号" "show cites the source"
run 0 "$FAZHI" indicators show --db "$DB" rating.ontime_rate --unit 县市场监管局
has "$T/out" "HCP2022-0704  食品生产许可  评价日期 2022-07-04" "the text names a failing rating by 编号, 事项 and dates"
run 0 "$FAZHI" registry show rating --db "$DB" "$(rid HCP2022-0601)"
has "$T/out" "是否实名   是" "registry show writes 是 for a real-name rating"
has "$T/out" "当前环节   申诉成立（不计差评）" "and the current stage"
run 0 "$FAZHI" indicators show --db "$DB" rating.visit_rate --json
eq "$(jq -r '[.drill.excluded[].rating_no] | sort | join(" ")' "$T/out")" \
    "CC2022-0210 CC2022-0516 CC2022-1226 HCP2022-0406 HCP2022-0510 HCP2022-0601 HCP2022-0801" \
    "回访率 leaves out the anonymous 差评 C5 (visited) and M3, and M1, C1 and the 好评"
# M3's 整改 limit is 2022-08-08: due only once that day has passed. As of
# 08-08 the ratings up to then: S1 M2 C5 fixed, M3 pending → 3/3.
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-08-08
eq "$(value fix_rate county)" 3/3 "as of 2022-08-08, M3 is not yet due: 3/3"
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-08-09
eq "$(value fix_rate county)" 3/4 "as of 2022-08-09 it is: 3/4"
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31
run 0 "$FAZHI" indicators plan --db "$DB" --json
eq "$(jq -r '[.indicators[] | select(.task_number == 8 and (.name | startswith("差评"))) | .name + ":" + .definition.key + ":" + .light] | sort | join(" ")' "$T/out")" \
    "差评反馈率:rating.feedback_rate:red 差评整改率:rating.fix_rate:red" \
    "task 8's 差评整改率 and 差评反馈率 link to their definitions, red below 100%"

# --- through the API ----------------------------------------------------------
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$1" --role "$2" --password-stdin "$1" >/dev/null; }
adduser sup yfzxb:supervisor
adduser spc spj:clerk
adduser scc scjg:clerk
if start_server A --today 2023-02-01; then ok "server started"; else not_ok "server"; exit 0; fi
for u in sup spc scc; do login $u $PW "$A"; done
R="$A/api/registries/rating"
S1=$(rid HCP2022-0301)
M3=$(rid HCP2022-0801)
as sup GET "$A/api/registries"
eq "$(jget '[.registries[].key | select(. == "rating")] | length')" 1 \
    "the registry is listed"
as spc GET "$R/$S1"
code 200 "县行政审批局's clerk reads its record"
eq "$(jget .record.stage)" 已应用结果 "S1 went through every stage: 当前环节 已应用结果"
as scc GET "$R/$S1"
code 403 "another unit's clerk may not read it"
as scc PUT "$R/$S1" '{"revision":1,"note":"x"}'
code 403 "nor change it"
before=$(state)
as scc POST "$R" '{"unit":"spj","rating_no":"X-1","item":"测试","rated_on":"2023-01-10","channel":"短信","real_name":true,"grade":"满意"}'
code 403 "nobody enters another unit's rating"
eq "$(jget .error.field)" unit "naming 办理单位"
as scc POST "$R" '{"unit":"scjg","rating_no":"X-1","item":"测试","rated_on":"2023-01-10","channel":"短信","real_name":true,"grade":"不满意","accepted":"2023-01-11","visited":"2023-01-12","verdict":"属实","measures":"补正","fixed":"2023-01-16","feedback":"2023-01-13","feedback_way":"电话"}'
code 400 "a record fed back before its 整改 is refused"
eq "$(jget .error.field)" feedback "naming the field: feedback"
has "$T/body" "反馈日期 2023-01-13 早于整改完成日期 2023-01-16" "and why"
as scc POST "$R" '{"unit":"scjg","rating_no":"X-1","item":"测试","rated_on":"2023-01-10","channel":"短信","real_name":true,"grade":"非常满意","fixed":"2023-01-16"}'
code 400 "a 好评 with a 整改 date is refused"
eq "$(jget .error.field)" fixed "naming fixed"
as scc POST "$R" '{"unit":"scjg","rating_no":"X-1","item":"测试","rated_on":"2023-01-10","channel":"短信","real_name":false,"grade":"不满意","appealed":"2023-01-11","appeal_decided":"2023-01-12","appeal_result":"申诉成立"}'
code 403 "a clerk cannot enter the appeal's result"
has "$T/body" "只有复核机构（依法治县办）可以填写或修改" "the supervisor's fields are named as such"
eq "$(state)" "$before" "nothing refused was stored"
# M3: the unit visits and appeals; the supervisor rules it malicious.
as scc PUT "$R/$M3" '{"revision":1,"visited":"2022-08-02","verdict":"恶意差评","appealed":"2022-08-03"}'
code 200 "the clerk records the visit and the appeal"
eq "$(jget .record.stage)" 申诉复核中 "当前环节 申诉复核中"
as scc PUT "$R/$M3" '{"revision":2,"appeal_decided":"2022-08-05","appeal_result":"申诉成立"}'
code 403 "the clerk cannot rule on it"
as sup PUT "$R/$M3" '{"revision":2,"appeal_decided":"2022-08-02","appeal_result":"申诉成立"}'
code 400 "a 复核 before the appeal is refused"
eq "$(jget .error.field)" appeal_decided "naming appeal_decided"
as sup PUT "$R/$M3" '{"revision":2,"appeal_decided":"2022-08-05","appeal_result":"申诉成立"}'
code 200 "the supervisor rules the appeal"
eq "$(jget .record.stage)" "申诉成立（不计差评）" "当前环节 申诉成立"
as sup GET "$R?unit=$(sql "SELECT id FROM unit WHERE code = 'scjg'")"
eq "$(jget '[.records[] | select(.rating_no == "HCP2022-0801") | .stage] | join("")')" "申诉成立（不计差评）" \
    "the list carries the stage too"
# M3 leaves the denominators: 整改 4/5, 反馈 3/5.
as sup POST "$A/api/indicators/compute" '{"as_of":"2022-12-31","year":2022}'
code 200 "the supervisor computes"
as sup GET "$A/api/plans/$(sql "SELECT id FROM plan")/indicators"
eq "$(jget '[.indicators[] | select(.task_number == 8 and (.name | startswith("差评"))) | .name + ":" + (.value.numerator | tostring) + "/" + (.value.denominator | tostring) + ":" + (.met | tostring)] | sort | join(" ")')" \
    "差评反馈率:3/5:false 差评整改率:4/5:false" \
    "the plan's page: task 8's rates 4/5 and 3/5, not met"
eq "$(jget '[.indicators[] | select(.task_number == 8 and (.name | startswith("差评"))) | .value.value] | sort | map(tostring) | join(" ")')" \
    "60 80" "values 60% and 80%"
as spc GET "$R/expiring"
code 400 "好差评 has no term of validity to remind of"

# --- db copy: the ratings come over unchanged (to SQLite, from either) --------
run 0 "$FAZHI" db copy --from "$DB" --to "$T/copy.db"
has "$T/out" "reg_rating" "db copy lists the ratings' table"
"$FAZHI" registry export rating --db "$DB" -o "$T/a.csv" >/dev/null
"$FAZHI" registry export rating --db "$T/copy.db" -o "$T/b.csv" >/dev/null
eq "$(cksum <"$T/b.csv")" "$(cksum <"$T/a.csv")" "the copy exports the same 12 ratings"
run 0 "$FAZHI" audit verify --db "$DB"
