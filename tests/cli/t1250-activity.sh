#!/bin/sh
# t1250-activity.sh: the 活动 registry (tasks 2, 3, 7 and 15) and the
# 证明事项清单 (tasks 13 and 22): import of the fixtures
# (tests/registry/activity-2022.csv, proof-2022.csv), every bad file
# refused with line and column and nothing stored, export → import round
# trips, the plan's counts of tasks 2 and 3 and the 告知承诺 rate computed
# and checked against values worked out by hand below, the plan's
# indicators linked and green or red, and the API's form and permissions.
#
# The activities (unit, 活动编号, 活动类型, date; 主要负责人出席 "chief",
# 领导班子成员人数 "leaders"):
#
#   Z1 县政府办 2022-001 部署会议     2022-03-15 chief 是
#   Z2 县政府办 2022-002 法治专题讲座 2022-05-20
#   Z3 县政府办 2022-003 法治专题讲座 2022-12-28 after the as-of 2022-12-20
#   Z4 县政府办 2022-004 常务会议学法 2022-07-08
#   Z5 县政府办 2021-015 部署会议     2021-12-30 chief 是: not in 2022
#   S1 司法局   2022-01  部署会议     2022-02-25 chief 是
#   S2 司法局   2022-02  旁听庭审     2022-06-16 leaders 3
#   S3 司法局   2022-03  法治专题讲座 2022-09-09
#   S4 司法局   2022-04  部署会议     2022-04-10 chief 否: not counted
#   C1 朝城镇   2022-01  旁听庭审     2022-08-18 leaders 2 (a town's)
#   C2 朝城镇   2022-02  应急演练     2022-06-28
#   C3 朝城镇   2022-03  集体学法     2022-04-12
#   G1 观城镇   2022-01  旁听庭审     2022-10-20 leaders 0: not counted
#   G2 观城镇   2022-02  法治专题讲座 2022-11-11
#   G3 观城镇   2022-03  培训         2022-03-03
#
# As of 2022-12-20, year 2022 (Z5 is 2021's, Z3 not yet held):
#   部署会议 (kind 部署会议 and chief 是): Z1 S1 → 2; S4 has chief 否.
#     Per unit: 县政府办 1, 司法局 1 (both meet ≥1), 朝城镇 0, 观城镇 0.
#   法治专题讲座: Z2 S3 G2 → 3 (≥2: met for the county). Per unit: 县政府办 1,
#     司法局 1, 观城镇 1, 朝城镇 0: no unit has 2.
#   旁听庭审 (leaders ≥ 1): S2 C1 → 2; G1 had no leader. Per unit: 司法局 1,
#     朝城镇 1, 观城镇 0, 县政府办 0.
#   集体学法次数 (集体学法 or 常务会议学法): Z4 C3 → 2. 应急演练次数: C2 → 1.
#   专题培训次数: G3 → 1. 常务会议研究法治工作次数: 0.
# As of 2022-12-31: Z3 is held: 法治专题讲座 4, 县政府办 2 (met).
# As of 2022-03-31: 部署会议 S1 Z1 → 2 (met); 法治专题讲座 0, 旁听庭审 0
#   (both red).
#
# The 证明事项 (索要单位, name, 告知承诺, 状态, 清单公布日期; the bases in
# the fixture are for the test, not checked against the laws):
#   M1 民政局 婚姻状况证明     是 保留 2022-06-30
#   M2 民政局 家庭经济状况证明 否 保留 2022-06-30
#   M3 民政局 无犯罪记录证明   否 取消 2022-06-30: cancelled, out
#   R1 人社局 劳动关系证明     是 保留 2022-06-30
#   R2 人社局 缴费证明         否 保留 2021-12-20: the 2021 list, out
#   R3 人社局 学历证明         是 保留 2022-06-30
#   C1 朝城镇 居住证明         是 保留 2022-08-01
#   C2 朝城镇 亲属关系证明     否 (empty: 保留 by default) 2022-08-01
# As of 2022-12-31, year 2022: 证明事项数 M1 M2 R1 R3 C1 C2 → 6 (民政局 2,
#   人社局 2, 朝城镇 2); 告知承诺制实施率 M1 R1 R3 C1 / 6 → 4/6; 民政局 1/2,
#   人社局 2/2, 朝城镇 1/2.
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

FIX="$TOP/tests/registry/activity-2022.csv"
PFIX="$TOP/tests/registry/proof-2022.csv"
HEAD=组织单位,活动编号,活动类型,活动名称,活动日期,地点,主讲人或主持人,主要负责人出席,领导班子成员人数,参加人数,参加人员,备注
PHEAD=索要单位,证明事项名称,设定依据,适用事项,开具单位,是否实行告知承诺制,状态,清单公布日期,备注
setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
state() { dump_tables reg_activity reg_proof_item registry_history registry_evidence | cksum; count_rows audit; }
# bad NAME ROW: an activity file with one row in $T
bad() { printf '%s\n%s\n' "$HEAD" "$2" >"$T/$1.csv"; }
unit_count() { sql "SELECT count(*) FROM reg_activity a JOIN unit u ON u.id = a.unit_id WHERE u.code = '$1'"; }

# --- the activities -----------------------------------------------------------
run 0 "$FAZHI" registry import activity --db "$DB" "$FIX"
has "$T/out" "15 行（CSV），新增 15，更新 0，未变 0" "the fixture's 15 activities are imported"
eq "$(unit_count zfb) $(unit_count sfj) $(unit_count 371522102) $(unit_count 371522103)" "5 4 3 3" \
    "县政府办公室 by five spellings, 司法局, 朝城镇 and 观城镇 by code, short form and full name"
eq "$(sql "SELECT kind || '|' || held || '|' || chief || '|' || leaders || '|' || attendance FROM reg_activity WHERE activity_no = '2022-02' AND unit_id = (SELECT id FROM unit WHERE code = 'sfj')")" \
    "旁听庭审|2022-06-16|0|3|8" "a row's type, date, 是/否 and numbers as written"
eq "$(sql "SELECT count(*) FROM registry_history WHERE registry = 'activity' AND action = 'import'")" 15 \
    "each activity has its first history entry"

# --- bad files: exit 1, line and column named, nothing stored --------------
before=$(state)
bad date "县司法局,2022-10,集体学法,测试,2022-02-30,,,,,,,"
run 1 "$FAZHI" registry import activity --db "$DB" "$T/date.csv"
has "$T/err" "第2行第5列（活动日期）：“2022-02-30”不是有效日期" "a date that does not exist: line 2, column 5"
bad unit "县不存在局,2022-10,集体学法,测试,2022-02-03,,,,,,,"
run 1 "$FAZHI" registry import activity --db "$DB" "$T/unit.csv"
has "$T/err" "第2行第1列（组织单位）：单位名录中没有“县不存在局”" "an unknown unit: line 2, column 1"
printf '%s\n%s\n%s\n%s\n' "$HEAD" "县司法局,2022-10,集体学法,甲,2022-02-03,,,,,,," \
    "朝城镇,2022-10,集体学法,乙,2022-02-03,,,,,,," \
    "sfj,2022-10,培训,丙,2022-02-04,,,,,,," >"$T/dup.csv"
run 1 "$FAZHI" registry import activity --db "$DB" "$T/dup.csv"
has "$T/err" "第4行第2列（活动编号）：“2022-10”与第2行重复" "an 活动编号 twice for one unit: the later line, column 2"
lacks "$T/err" "第3行" "the same 编号 of another unit is no duplicate"
bad kind "县司法局,2022-10,座谈会,测试,2022-02-03,,,,,,,"
run 1 "$FAZHI" registry import activity --db "$DB" "$T/kind.csv"
has "$T/err" "第2行第3列（活动类型）：“座谈会”不是可选的值（可选：部署会议、常务会议研究法治工作、法治专题讲座、常务会议学法、集体学法、旁听庭审、培训、应急演练、政府开放月、居民公开议事日、其他）" \
    "an unknown 活动类型 names the allowed ones"
bad neg "县司法局,2022-10,集体学法,测试,2022-02-03,,,,,-5,,"
run 1 "$FAZHI" registry import activity --db "$DB" "$T/neg.csv"
has "$T/err" "第2行第10列（参加人数）：参加人数 -5 不能为负数" "a negative 参加人数: line 2, column 10"
bad notint "县司法局,2022-10,集体学法,测试,2022-02-03,,,,,三十,,"
run 1 "$FAZHI" registry import activity --db "$DB" "$T/notint.csv"
has "$T/err" "第2行第10列（参加人数）：“三十”不是整数" "参加人数 in words is no number"
bad future "县司法局,2022-10,集体学法,测试,2023-01-05,,,,,,,"
run 1 "$FAZHI" registry import activity --db "$DB" --today 2022-12-31 "$T/future.csv"
has "$T/err" "第2行第5列（活动日期）：2023-01-05晚于今天（2022-12-31）" "an activity after today"
bad chief "县司法局,2022-10,部署会议,测试,2022-02-03,,,,,,,"
run 1 "$FAZHI" registry import activity --db "$DB" "$T/chief.csv"
has "$T/err" "第2行第8列（主要负责人出席）：部署会议须填写主要负责人是否出席" \
    "a 部署会议 without 主要负责人出席: its cell"
bad court "县司法局,2022-10,旁听庭审,测试,2022-02-03,,,,,6,,"
run 1 "$FAZHI" registry import activity --db "$DB" "$T/court.csv"
has "$T/err" "第2行第9列（领导班子成员人数）：旁听庭审须填写参加的领导班子成员人数" \
    "a 旁听庭审 without 领导班子成员人数"
bad more "县司法局,2022-10,旁听庭审,测试,2022-02-03,,,否,5,3,,"
run 1 "$FAZHI" registry import activity --db "$DB" "$T/more.csv"
has "$T/err" "第2行第9列（领导班子成员人数）：领导班子成员人数 5 多于参加人数 3" \
    "more leaders than people present"
bad chief0 "县司法局,2022-10,部署会议,测试,2022-02-03,,,是,0,30,,"
run 1 "$FAZHI" registry import activity --db "$DB" "$T/chief0.csv"
has "$T/err" "第2行第9列（领导班子成员人数）：主要负责人出席，领导班子成员人数至少为 1" \
    "the principal leader present and no leader counted"
# One bad row after the 15 good ones: the good ones are not stored either.
{ sed 's/,全县法治政府建设工作会议,/,全县法治政府建设工作会议（改）,/' "$FIX"
  echo "县司法局,2022-10,座谈会,测试,2022-02-03,,,,,,,"; } >"$T/mixed.csv"
run 1 "$FAZHI" registry import activity --db "$DB" "$T/mixed.csv"
has "$T/err" "第17行第3列（活动类型）" "one bad row among 16"
eq "$(state)" "$before" "no bad file changed a table or the audit log"

# --- export and import again ------------------------------------------------
run 0 "$FAZHI" registry export activity --db "$DB" -o "$T/a.csv"
eq "$(head -n 1 "$T/a.csv" | sed 's/^\xef\xbb\xbf//' | tr -d '\r')" "$HEAD" \
    "the CSV export has the import's columns"
run 0 "$FAZHI" registry import activity --db "$DB" "$T/a.csv"
has "$T/out" "15 行（CSV），新增 0，更新 0，未变 15" "the CSV export imports back unchanged"
run 0 "$FAZHI" registry export activity --db "$DB" -o "$T/a.xlsx"
run 0 "$FAZHI" registry import activity --db "$DB" "$T/a.xlsx"
has "$T/out" "15 行（XLSX），新增 0，更新 0，未变 15" "so does the XLSX export"
aview() { sql_on "$1" "SELECT u.code, a.activity_no, a.kind, a.title, a.held, coalesce(a.place, '-'), coalesce(a.host, '-'), coalesce(a.chief, -1), coalesce(a.leaders, -1), coalesce(a.attendance, -1), coalesce(a.attendees, '-'), coalesce(a.note, '-') FROM reg_activity a JOIN unit u ON u.id = a.unit_id ORDER BY u.code, a.activity_no"; }
D2=$(db_new ax)
"$FAZHI" init --db "$D2" >/dev/null
"$FAZHI" units import --db "$D2" "$TOP/data/units/shenxian.csv" >/dev/null
run 0 "$FAZHI" registry import activity --db "$D2" "$T/a.xlsx"
eq "$(aview "$D2" | cksum)" "$(aview "$DB" | cksum)" "the XLSX export imported into a new store holds the same activities"

# --- the counts, as worked out above -----------------------------------------
# count KEY UNITCODE|county: the numerator of the newest run's value
count() {
	if [ "$2" = county ]; then w="v.unit_id IS NULL"
	else w="v.unit_id = (SELECT id FROM unit WHERE code = '$2')"; fi
	sql "SELECT v.numerator || ':' || coalesce(v.met, -1) FROM indicator_value v JOIN indicator_def d ON d.id = v.def_id WHERE d.key = '$1' AND $w AND v.run_id = (SELECT max(id) FROM indicator_run)"
}
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-20 --year 2022
eq "$(count activity.deploy_meeting county) $(count activity.law_lecture county) $(count activity.court_hearing county)" \
    "2:1 3:1 2:1" "as of 2022-12-20: 部署会议 2 (≥1), 法治专题讲座 3 (≥2), 旁听庭审 2 (≥1)"
eq "$(count activity.deploy_meeting zfb) $(count activity.deploy_meeting sfj) $(count activity.deploy_meeting 371522102) $(count activity.deploy_meeting 371522103)" \
    "1:1 1:1 0:0 0:0" "部署会议 per unit: 县政府办 1, 司法局 1 (S4 without its 主要负责人 is not one), the towns 0"
eq "$(count activity.law_lecture zfb) $(count activity.law_lecture sfj) $(count activity.law_lecture 371522102) $(count activity.law_lecture 371522103)" \
    "1:0 1:0 0:0 1:0" "法治专题讲座 per unit: 1 1 0 1, none has the 2 the plan asks of each"
eq "$(count activity.court_hearing zfb) $(count activity.court_hearing sfj) $(count activity.court_hearing 371522102) $(count activity.court_hearing 371522103)" \
    "0:0 1:1 1:1 0:0" "旁听庭审 per unit: 司法局 1, 朝城镇 1 (a town's counts), 观城镇 0 (no leader went)"
eq "$(count activity.group_study county) $(count activity.drill county) $(count activity.training county) $(count activity.standing_meeting county) $(count activity.open_day county)" \
    "2:-1 1:-1 1:-1 0:-1 0:-1" "集体学法 2, 应急演练 1, 专题培训 1, 常务会议研究法治工作 0, 开放月 0: no target"
run 0 "$FAZHI" indicators show --db "$DB" activity.court_hearing --json
eq "$(jq -r '[.drill.counted[] | .unit.name + " " + .activity_no] | sort | join(", ")' "$T/out")" \
    "莘县司法局 2022-02, 莘县朝城镇人民政府 2022-01" "the records behind 旁听庭审 2"
has "$T/out" "至少组织1次政府及其部门领导班子成员旁听庭审活动" "its source quotes the plan"
run 0 "$FAZHI" indicators show --db "$DB" activity.deploy_meeting
has "$T/out" "2次" "a count is shown as 2次"
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --year 2022
eq "$(count activity.law_lecture county) $(count activity.law_lecture zfb)" "4:1 2:1" \
    "as of 2022-12-31 Z3 is held: 法治专题讲座 4, 县政府办 2"

# The plan: tasks 2 and 3 link to the counts by name; task 22's deadline
# is kept by hand.
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-03-31 --year 2022
run 0 "$FAZHI" indicators plan --db "$DB" --json
eq "$(jq -r '[.indicators[] | select(.task_number == 2 or .task_number == 3) | .name + ":" + .definition.key + ":" + (.value.numerator | tostring) + ":" + .light] | join(" ")' "$T/out")" \
    "安排部署法治政府建设年度重点工作会议:activity.deploy_meeting:2:green 法治专题讲座:activity.law_lecture:0:red 政府及其部门领导班子成员旁听庭审活动:activity.court_hearing:0:red" \
    "as of 2022-03-31: task 2 green (2 ≥ 1), task 3's lecture and hearing red (0)"
eq "$(jq -r '.indicators[] | select(.task_number == 22) | .kind + ":" + .mode' "$T/out")" deadline:manual \
    "task 22's 基本建设“无证明城市” is a deadline, kept by hand"

# --- 证明事项清单 --------------------------------------------------------------
run 0 "$FAZHI" registry import proof --db "$DB" "$PFIX"
has "$T/out" "8 行（CSV），新增 8，更新 0，未变 0" "the list's 8 items are imported"
eq "$(sql "SELECT status || '|' || promise FROM reg_proof_item WHERE name = '亲属关系证明'")" "保留|0" \
    "an empty 状态 is 保留"
before=$(state)
printf '%s\n%s\n' "$PHEAD" "县民政局,死亡证明,《殡葬管理条例》第十条,遗体火化,医疗机构,是,取消,2022-06-30," >"$T/pbad.csv"
run 1 "$FAZHI" registry import proof --db "$DB" "$T/pbad.csv"
has "$T/err" "第2行第6列（是否实行告知承诺制）：已取消的证明事项不再索要" "a cancelled item under 告知承诺: its cell"
printf '%s\n%s\n' "$PHEAD" "县民政局,死亡证明,《殡葬管理条例》第十条,遗体火化,医疗机构,可以,保留,2022-06-30," >"$T/pbool.csv"
run 1 "$FAZHI" registry import proof --db "$DB" "$T/pbool.csv"
has "$T/err" "第2行第6列（是否实行告知承诺制）：“可以”应为 是 或 否" "告知承诺 is 是 or 否"
printf '%s\n%s\n' "$PHEAD" "县民政局,死亡证明,,遗体火化,医疗机构,否,保留,2022-06-30," >"$T/pbasis.csv"
run 1 "$FAZHI" registry import proof --db "$DB" "$T/pbasis.csv"
has "$T/err" "第2行第3列（设定依据）：不能为空" "an item without its 设定依据"
eq "$(state)" "$before" "nothing stored"
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --year 2022
rate() {
	if [ "$2" = county ]; then w="v.unit_id IS NULL"
	else w="v.unit_id = (SELECT id FROM unit WHERE code = '$2')"; fi
	sql "SELECT v.numerator || '/' || coalesce(v.denominator, -1) FROM indicator_value v JOIN indicator_def d ON d.id = v.def_id WHERE d.key = '$1' AND $w AND v.run_id = (SELECT max(id) FROM indicator_run)"
}
eq "$(rate proof.promise_rate county) $(rate proof.promise_rate mzj) $(rate proof.promise_rate rsj) $(rate proof.promise_rate 371522102)" \
    "4/6 1/2 2/2 1/2" "告知承诺制实施率 4/6: 民政局 1/2, 人社局 2/2, 朝城镇 1/2"
eq "$(rate proof.kept county) $(rate proof.kept mzj) $(rate proof.kept rsj) $(rate proof.kept 371522102)" \
    "6/-1 2/-1 2/-1 2/-1" "证明事项数 6 (the cancelled one and 2021's list left out)"
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --year 2022 --json
eq "$(jq -r '[.values[] | select(.key == "proof.promise_rate" and .unit == null) | .value_text] | .[0]' "$T/out")" \
    66.7% "66.7% in the JSON"
# The list as XLSX, made by the export, into a new store: the same rate.
run 0 "$FAZHI" registry export proof --db "$DB" -o "$T/p.xlsx"
eq "$(head -c 2 "$T/p.xlsx")" PK "the export is an XLSX file"
D3=$(db_new px)
"$FAZHI" init --db "$D3" >/dev/null
"$FAZHI" units import --db "$D3" "$TOP/data/units/shenxian.csv" >/dev/null
run 0 "$FAZHI" registry import proof --db "$D3" "$T/p.xlsx"
has "$T/out" "8 行（XLSX），新增 8，更新 0，未变 0" "the XLSX list is imported into a new store"
run 0 "$FAZHI" indicators compute --db "$D3" --as-of 2022-12-31 --year 2022 --json
eq "$(jq -r '[.values[] | select(.key == "proof.promise_rate" and .unit == null) | "\(.numerator)/\(.denominator)"] | .[0]' "$T/out")" \
    4/6 "and gives 告知承诺制实施率 4/6 there too"
run 0 "$FAZHI" registry import proof --db "$DB" "$T/p.xlsx"
has "$T/out" "新增 0，更新 0，未变 8" "the XLSX list imports back unchanged"
# The next year's list confirms an item: its date moves to 2023.
sed 's/^县人社局,缴费证明,\(.*\),2021-12-20,/县人社局,缴费证明,\1,2022-12-15,/' "$PFIX" >"$T/p2.csv"
run 0 "$FAZHI" registry import proof --db "$DB" --today 2022-12-31 "$T/p2.csv"
has "$T/out" "新增 0，更新 1，未变 7" "a list confirmed again updates the item's date"
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --year 2022
eq "$(rate proof.promise_rate county) $(rate proof.kept county)" "4/7 7/-1" \
    "缴费证明 (否) now counts in 2022: 4/7, 7 items"

# --- through the API ----------------------------------------------------------
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$1" --role "$2" --password-stdin "$1" >/dev/null; }
adduser sup yfzxb:supervisor
adduser ld xzf:leader
adduser ccc 371522102:clerk
adduser gcc 371522103:clerk
if start_server A --today 2022-12-31; then ok "server started"; else not_ok "server"; exit 0; fi
for u in sup ld ccc gcc; do login $u $PW "$A"; done
R="$A/api/registries/activity"
as ccc GET "$A/api/registries"
eq "$(jget '[.registries[].key] | map(select(. == "activity" or . == "proof")) | join(" ")')" "activity proof" \
    "both registries are described to the web application"
eq "$(jget '.registries[] | select(.key == "activity") | [.fields[].label] | join(",")')" "$HEAD" \
    "the form's fields are the file's columns"
as ccc GET "$R"
eq "$(jget .total)" 3 "朝城镇's clerk lists its own 3 activities"
as ld GET "$R"
eq "$(jget .total)" 15 "the county leader reads all 15"
G1=$(sql "SELECT a.id FROM reg_activity a JOIN unit u ON u.id = a.unit_id WHERE u.code = '371522103' AND a.activity_no = '2022-01'")
as ccc GET "$R/$G1"
code 403 "another town's activity by id: 403"
as gcc GET "$R/$G1"
code 200 "观城镇's clerk reads it"
before=$(state)
as ccc POST "$R" '{"unit":"观城镇","activity_no":"2022-09","kind":"集体学法","title":"测试","held":"2022-12-01"}'
code 403 "朝城镇's clerk cannot enter 观城镇's activity"
eq "$(jget .error.field)" unit "the refusal names 组织单位"
as ccc POST "$R" '{"unit":"朝城镇","activity_no":"2022-09","kind":"部署会议","title":"朝城镇法治政府建设工作部署会","held":"2022-12-01"}'
code 400 "a 部署会议 without 主要负责人出席 typed in the form is refused"
eq "$(jget .error.field)" chief "naming the field: chief"
as ccc POST "$R" '{"unit":"朝城镇","activity_no":"2022-09","kind":"旁听庭审","title":"旁听庭审","held":"2022-12-01","leaders":5,"attendance":3}'
code 400 "more leaders than people present is refused"
eq "$(jget .error.field)" leaders "naming leaders"
has "$T/body" "多于参加人数" "and why"
as ccc POST "$R" '{"unit":"朝城镇","activity_no":"2022-09","kind":"集体学法","title":"测试","held":"2022-12-01","attendance":-1}'
eq "$(jget .error.field)" attendance "a negative 参加人数 names attendance"
as ccc POST "$R" '{"unit":"朝城镇","activity_no":"2022-09","kind":"集体学法","title":"测试","held":"2023-01-02"}'
eq "$(jget .error.field)" held "an activity after today names held"
as ccc POST "$R" '{"unit":"朝城镇","activity_no":"2022-09","kind":"座谈会","title":"测试","held":"2022-12-01"}'
eq "$(jget .error.field)" kind "an unknown 活动类型 names kind"
as ccc POST "$R" '{"unit":"朝城镇","activity_no":"2022-01","kind":"集体学法","title":"测试","held":"2022-12-01"}'
code 409 "an 活动编号 the town has used is a conflict"
eq "$(jget .error.field)" activity_no "naming activity_no"
as ld POST "$R" '{"unit":"朝城镇","activity_no":"2022-09","kind":"集体学法","title":"测试","held":"2022-12-01"}'
code 403 "the county leader reads, does not write"
eq "$(state)" "$before" "nothing refused was stored"
as ccc POST "$R" '{"unit":"朝城镇","activity_no":"2022-09","kind":"部署会议","title":"朝城镇法治政府建设工作部署会","held":"2022-12-01","chief":true,"leaders":6,"attendance":45}'
code 200 "the clerk enters the town's 部署会议"
N=$(jget .record.id)
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001\000\000\000\001\010\006\000\000\000\037\025\304\211\000\000\000\rIDATx\234c\370\017\000\000\001\001\000\005\030\330N\000\000\000\000IEND\256B`\202' >"$T/sign.png"
as ccc POST "$R/$N/evidence?name=%E7%AD%BE%E5%88%B0%E8%A1%A8.png" "" --data-binary @"$T/sign.png"
code 200 "a sign-in sheet's photo as evidence"
as gcc GET "$A/api/registry-evidence/$(jget .evidence.id)"
code 403 "another town cannot download it"
as gcc PUT "$R/$N" '{"revision":1,"title":"改"}'
code 403 "nor change the record"
# The plan's indicators over the API, as of 2022-12-31: 部署会议 Z1 S1 and
# 朝城镇's new one → 3; 法治专题讲座 4 (Z3 held); 旁听庭审 2.
as ccc POST "$A/api/indicators/compute" '{"as_of":"2022-12-31"}'
code 403 "a clerk cannot compute"
as sup POST "$A/api/indicators/compute" '{"as_of":"2022-12-31"}'
code 200 "the supervisor computes"
as ld GET "$A/api/plans/$(sql "SELECT id FROM plan")/indicators"
code 200 "the plan's indicators"
eq "$(jget '[.indicators[] | select(.task_number == 2 or .task_number == 3) | "\(.task_number):\(.value.numerator):\(.met):\(.light)"] | join(" ")')" \
    "2:3:true:green 3:4:true:green 3:2:true:green" \
    "tasks 2 and 3: 3, 4 and 2 activities, each target met"
eq "$(jget '[.indicators[] | select(.task_number == 3) | .definition.source] | .[0]')" \
    "莘政办发〔2022〕5号第3项：“严格落实政府常务会议及各镇（街道）、各部门党委（党组）理论学习中心组法治专题讲座和集体学法制度，年内分别组织2次以上法治专题讲座”。" \
    "with the plan's words as the source"
as ccc GET "$R/export?format=csv"
code 200 "export as CSV"
eq "$(sed 1d "$T/body" | grep -c .)" 4 "only the town's 4 activities"
run 0 "$FAZHI" audit verify --db "$DB"
