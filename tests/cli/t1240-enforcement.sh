#!/bin/sh
# t1240-enforcement.sh: the 行政执法 registries of tasks 13 and 14 — 执法人员
# (tests/registry/enforcer-2022.csv, 8 certificates of 3 units) and 执法决定
# (tests/registry/enforcement-2022.csv, 15 decisions of 3 units) — imported,
# every bad file refused with line and column and nothing stored, export →
# import round trips, the four indicators computed on the 2022 working-day
# calendar and checked against values worked out by hand below, expiry
# reminders of certificates, and who may read and write what over the API.
#
# 执法决定 (公示: 7 working days for 许可 and 处罚, 20 for the others; day 1
# is the first working day after the decision; 2022: 国庆 10-01..07 off,
# 10-08 and 10-09 worked; 春节 01-31..02-06 off; 劳动节 04-30..05-04 off,
# 04-24 and 05-07 worked; 端午 06-03 off):
#
#   id unit   文号               类别 决定        公示        working day of 公示
#   S1 市监局 莘市监罚〔2022〕12号 处罚 2022-09-29 2022-10-13 09-30=1 10-08=2 10-09=3
#                                                          10-10=4 10-11=5 10-12=6
#                                                          10-13=7: on time
#   S2 市监局 莘市监罚〔2022〕13号 处罚 2022-09-29 2022-10-14 8: late
#   S3 市监局 莘市监许〔2022〕5号  许可 2022-03-01 2022-03-01 0 (same day): on time
#   S4 市监局 莘市监强〔2022〕2号  强制 2022-05-10 2022-06-01 16 of 20: on time
#   S5 市监局 莘市监罚〔2022〕20号 处罚 2022-07-05 2022-07-08 3: on time
#   S6 市监局 莘市监罚〔2022〕21号 处罚 2022-08-01 2022-08-03 2: on time
#   S7 市监局 莘市监罚〔2022〕30号 处罚 2022-12-28 —          due in 2023: excluded
#   S8 市监局 莘市监检〔2022〕1号  检查 2022-06-15 —          20 passed: failing
#   Z1 综执局 莘综执强〔2022〕1号  强制 2022-04-12 2022-04-20 6 of 20: on time
#   Z2 综执局 莘综执强〔2022〕2号  强制 2022-04-20 2022-05-05 04-21=1 04-22=2
#                                                          04-24=3 (worked Sunday)
#                                                          … 04-29=8 05-05=9: on time
#   Z3 综执局 莘综执罚〔2022〕3号  处罚 2022-10-10 2022-10-17 5: on time
#   Z4 综执局 莘综执罚〔2021〕9号  处罚 2021-12-30 2022-01-05 last year: out
#   C1 朝城镇 朝综执罚〔2022〕1号  处罚 2022-11-01 2022-11-15 10: late
#   C2 朝城镇 朝综执确〔2022〕1号  确认 2022-12-20 —          due in 2023: excluded
#   C3 朝城镇 朝综执检〔2022〕2号  检查 2022-02-10 2022-03-10 02-11=1 … 02-28=12
#                                                          03-01=13 … 03-10=20: on time
#
#   重大: S5 (法制审核 07-01 同意), S6 (none), Z1 (04-11 修改后同意), Z3 (10-09
#   不同意, decided anyway). 全程音像记录 required: S4 and Z1 (行政强制, not
#   marked 否), Z3 (marked 是); Z2 is 行政强制 marked 否. Recorded: S4, Z3.
#
# As of 2022-12-31, year 2022 (Z4 out):
#   公示及时率: denominator = published (S1-S6, Z1-Z3, C1, C3: 11) + unpublished
#     past the limit (S8) = 12; on time: all published but S2 and C1 → 9.
#     9/12 = 75%. Failing S2 S8 C1; excluded S7 C2.
#     Per unit: 市监局 5/7 (S1 S3 S4 S5 S6 of S1-S6 S8), 综执局 3/3, 朝城镇 1/2.
#   重大执法决定法制审核率: S5 and Z1 of S5 S6 Z1 Z3 → 2/4 = 50%;
#     市监局 1/2, 综执局 1/2, 朝城镇 none (no 重大 decision).
#   全程音像记录率: S4 and Z3 of S4 Z1 Z3 → 2/3; 市监局 1/1, 综执局 1/2.
#   Without the calendar (Monday to Friday) S1's 7th working day would be
#   10-10 and 10-13 late: 8/12.
#
# 执法人员 (a roster: every certificate issued by the period's end counts,
# not only those issued in the year):
#
#   P1 市监局 37150001 2019-03-01 → 2024-02-29 有效
#   P2 市监局 37150002 2020-06-01 → 2022-11-30 有效  expired, still marked 有效
#   P3 市监局 37150003 2018-01-10 → 2023-01-09 暂扣
#   P4 市监局 37150004 2016-05-01 → 2021-04-30 注销
#   P5 综执局 37150101 2022-03-15 → 2027-03-14 有效
#   P6 综执局 37150102 2021-09-01 → 2022-12-31 有效  ends on the as-of date
#   P7 综执局 37150103 2023-02-01 → 2028-01-31 有效  issued after 2022
#   P8 朝城镇 37150201 2020-01-01 → 2025-12-31 有效
#
#   执法证件有效率 (valid on the as-of date ÷ marked 有效):
#   as of 2022-12-31, year 2022: P1-P6, P8 on the roster; 有效: P1 P2 P5 P6
#     P8; valid: all but P2 (P6 is valid through its last day) → 4/5 = 80%;
#     市监局 1/2, 综执局 2/2, 朝城镇 1/1.
#   as of 2023-03-01, year 2022: the same roster (period ends 2022-12-31),
#     P6 expired too → 3/5.
#   as of 2023-03-01, year 2023: P7 joins (issued 2023-02-01), and P1-P6, P8
#     issued before 2023 still count → 有效 P1 P2 P5 P6 P7 P8, valid P1 P5
#     P7 P8 → 4/6.
#   Expiring as of 2022-12-31 (180 days, not 注销/吊销): P3 (2023-01-09) and
#     P6 (2022-12-31), by 发证日期; expired still in force: P2 (P4 is 注销).
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

PFIX="$TOP/tests/registry/enforcer-2022.csv"
EFIX="$TOP/tests/registry/enforcement-2022.csv"
EHEAD=执法主体,决定书文号,执法类别,当事人,事项名称,决定日期,是否重大执法决定,法制审核日期,法制审核意见,公示日期,是否须全程音像记录,是否全程音像记录,执法人员证号,备注
setup_db
state() { dump_tables reg_enforcer reg_enforcement registry_history | cksum; count_rows audit; }
# bad NAME ROW...: a CSV file of decisions in $T
bad() { _f=$1; shift; { echo "$EHEAD"; for _r in "$@"; do echo "$_r"; done; } >"$T/$_f.csv"; }
# value KEY UNITCODE|county: "numerator/denominator" of the newest run
value() {
	if [ "$2" = county ]; then w="v.unit_id IS NULL"
	else w="v.unit_id = (SELECT id FROM unit WHERE code = '$2')"; fi
	sql "SELECT v.numerator || '/' || coalesce(v.denominator, -1) FROM indicator_value v JOIN indicator_def d ON d.id = v.def_id WHERE d.key = '$1' AND $w AND v.run_id = (SELECT max(id) FROM indicator_run)"
}
rates() { echo "$(value enforcement.publish_timely_rate "$1") $(value enforcement.major_review_rate "$1") $(value enforcement.av_record_rate "$1")"; }

# --- the fixtures -------------------------------------------------------------
run 0 "$FAZHI" registry import enforcer --db "$DB" "$PFIX"
has "$T/out" "8 行（CSV），新增 8，更新 0，未变 0" "8 certificates imported"
run 0 "$FAZHI" registry import enforcement --db "$DB" "$EFIX"
has "$T/out" "15 行（CSV），新增 15，更新 0，未变 0" "15 decisions imported"
eq "$(sql "SELECT count(*) FROM reg_enforcement e JOIN unit u ON u.id = e.unit_id WHERE u.code = 'scjg'")" 8 \
    "县市场监管局, scjg and its full name are one unit"
eq "$(sql "SELECT CAST(major AS TEXT) || ',' || coalesce(CAST(av_required AS TEXT), '-') || ',' || CAST(av_record AS TEXT) FROM reg_enforcement WHERE doc_no = '莘综执强〔2022〕2号'")" \
    "0,0,0" "是/否 stored as 1/0"
eq "$(sql "SELECT CAST(major AS TEXT) || coalesce(CAST(av_record AS TEXT), '-') FROM reg_enforcement WHERE doc_no = '莘市监许〔2022〕5号'")" 0- \
    "是否重大执法决定 defaults to 否; 是否全程音像记录 left empty is NULL"
eq "$(sql "SELECT status FROM reg_enforcer WHERE cert_no = '37150004'")" 注销 "状态 as written"
run 0 "$FAZHI" registry columns enforcement --db "$DB"
has "$T/out" "可选：行政许可、行政处罚、行政强制、行政检查、行政征收征用、行政确认、其他" \
    "registry columns lists the 执法类别"

# --- bad files: exit 1, line and column named, nothing stored --------------
before=$(state)
bad date "县市场监管局,莘市监罚〔2022〕40号,行政处罚,某公司,,2022-02-30,否,,,,,,1、2,"
run 1 "$FAZHI" registry import enforcement --db "$DB" "$T/date.csv"
has "$T/err" "第2行第6列（决定日期）：“2022-02-30”不是有效日期" "a date that does not exist: line 2, column 6"
bad unit "县不存在局,莘市监罚〔2022〕40号,行政处罚,某公司,,2022-02-03,否,,,,,,1、2,"
run 1 "$FAZHI" registry import enforcement --db "$DB" "$T/unit.csv"
has "$T/err" "第2行第1列（执法主体）：单位名录中没有“县不存在局”" "an unknown unit: line 2, column 1"
bad dup "县市场监管局,莘市监罚〔2022〕40号,行政处罚,甲公司,,2022-02-03,否,,,,,,1、2," \
    "县综合执法局,莘市监罚〔2022〕40号,行政处罚,乙公司,,2022-02-03,否,,,,,,1、2," \
    "scjg,莘市监罚〔2022〕40号,行政处罚,丙公司,,2022-02-04,否,,,,,,1、2,"
run 1 "$FAZHI" registry import enforcement --db "$DB" "$T/dup.csv"
has "$T/err" "第4行第2列（决定书文号）：“莘市监罚〔2022〕40号”与第2行重复" \
    "a 决定书文号 twice for one unit: the later line, column 2"
lacks "$T/err" "第3行" "the same 文号 of another unit is no duplicate"
bad order "县市场监管局,莘市监罚〔2022〕40号,行政处罚,某公司,,2022-03-05,否,,,2022-03-04,,,1、2,"
run 1 "$FAZHI" registry import enforcement --db "$DB" "$T/order.csv"
has "$T/err" "第2行第10列（公示日期）：公示日期 2022-03-04 早于决定日期 2022-03-05" \
    "published before the decision: the 公示日期 cell"
bad late "县市场监管局,莘市监罚〔2022〕40号,行政处罚,某公司,,2022-03-05,是,2022-03-07,同意,,,,1、2,"
run 1 "$FAZHI" registry import enforcement --db "$DB" "$T/late.csv"
has "$T/err" "第2行第8列（法制审核日期）：法制审核日期 2022-03-07 晚于决定日期 2022-03-05：重大执法决定须在作出决定之前经法制审核" \
    "a 重大 decision reviewed after it: the 法制审核日期 cell"
bad opinion "县市场监管局,莘市监罚〔2022〕40号,行政处罚,某公司,,2022-03-05,是,2022-03-01,,,,,1、2,"
run 1 "$FAZHI" registry import enforcement --db "$DB" "$T/opinion.csv"
has "$T/err" "第2行第9列（法制审核意见）：已法制审核，须填写法制审核意见" "a review without its opinion"
bad opinion2 "县市场监管局,莘市监罚〔2022〕40号,行政处罚,某公司,,2022-03-05,是,2022-03-01,基本同意,,,,1、2,"
run 1 "$FAZHI" registry import enforcement --db "$DB" "$T/opinion2.csv"
has "$T/err" "第2行第9列（法制审核意见）：“基本同意”不是可选的值（可选：同意、不同意、修改后同意）" \
    "an opinion not in the list names the allowed ones"
bad one "县市场监管局,莘市监罚〔2022〕40号,行政处罚,某公司,,2022-03-05,否,,,,,,37150001、37150001,"
run 1 "$FAZHI" registry import enforcement --db "$DB" "$T/one.csv"
has "$T/err" "第2行第13列（执法人员证号）：行政处罚应由两名以上执法人员实施" \
    "a penalty by one officer (named twice) is refused"
bad future "县市场监管局,莘市监罚〔2099〕1号,行政处罚,某公司,,2099-03-05,否,,,,,,1、2,"
run 1 "$FAZHI" registry import enforcement --db "$DB" "$T/future.csv"
has "$T/err" "第2行第6列（决定日期）：2099-03-05晚于今天" "no date after today"
bad bool "县市场监管局,莘市监罚〔2022〕40号,行政处罚,某公司,,2022-03-05,大概,,,,,,1、2,"
run 1 "$FAZHI" registry import enforcement --db "$DB" "$T/bool.csv"
has "$T/err" "第2行第7列（是否重大执法决定）" "是否重大执法决定 must be 是 or 否"
printf '%s\n%s\n' 执法主体,执法证号,姓名,发证日期,有效期至 "县市场监管局,37159999,某人,2022-05-01,2022-04-30" >"$T/exp.csv"
run 1 "$FAZHI" registry import enforcer --db "$DB" "$T/exp.csv"
has "$T/err" "第2行第5列（有效期至）：有效期至 2022-04-30 不晚于发证日期 2022-05-01" \
    "a certificate that ends before it was issued"
printf '%s\n%s\n' 执法主体,执法证号,姓名,发证日期 "县市场监管局,37159999,某人,2022-05-01" >"$T/noexp.csv"
run 1 "$FAZHI" registry import enforcer --db "$DB" "$T/noexp.csv"
has "$T/err" "缺少“有效期至”列" "有效期至 is required"
# A file of some columns updates a stored decision: the rules see the
# record as it would be stored.
printf '%s\n%s\n' 执法主体,决定书文号,执法类别,当事人,决定日期,公示日期 \
    "县市场监管局,莘市监罚〔2022〕30号,行政处罚,莘县某餐馆,2022-12-28,2022-12-27" >"$T/part.csv"
run 1 "$FAZHI" registry import enforcement --db "$DB" "$T/part.csv"
has "$T/err" "第2行第6列（公示日期）：公示日期 2022-12-27 早于决定日期 2022-12-28" \
    "a partial file's contradiction is named by its cell"
printf '%s\n%s\n' 执法主体,决定书文号,执法类别,当事人,决定日期 \
    "县市场监管局,莘市监罚〔2022〕99号,行政处罚,某,2022-12-28" >"$T/part2.csv"
run 1 "$FAZHI" registry import enforcement --db "$DB" "$T/part2.csv"
has "$T/err" "第2行（执法人员证号）：行政处罚应由两名以上执法人员实施" \
    "a new penalty from a file without 执法人员证号 is refused"
# One bad row among good ones: nothing stored.
{ cat "$EFIX"; echo "朝城镇,朝综执罚〔2022〕9号,行政处罚,某商户,,2022-13-01,否,,,,,,1、2,"; } >"$T/mixed.csv"
run 1 "$FAZHI" registry import enforcement --db "$DB" "$T/mixed.csv"
has "$T/err" "第17行第6列（决定日期）" "one bad row among 16"
eq "$(state)" "$before" "no bad file changed a table or the audit log"

# --- export and import again ------------------------------------------------
for reg in enforcer enforcement; do
	run 0 "$FAZHI" registry export $reg --db "$DB" -o "$T/$reg.xlsx"
	run 0 "$FAZHI" registry export $reg --db "$DB" -o "$T/$reg.csv"
	run 0 "$FAZHI" registry import $reg --db "$DB" "$T/$reg.xlsx"
	has "$T/out" "新增 0，更新 0，未变" "the $reg XLSX export imports back unchanged"
	run 0 "$FAZHI" registry import $reg --db "$DB" "$T/$reg.csv"
	has "$T/out" "新增 0，更新 0，未变" "so does the CSV export"
done
eq "$(head -n 1 "$T/enforcement.csv" | sed 's/^\xef\xbb\xbf//' | tr -d '\r')" "$EHEAD" \
    "the CSV export has the import's columns"
eq "$(sed 1d "$T/enforcement.csv" | grep -c .)" 15 "and 15 rows"
eq "$(sed 1d "$T/enforcer.csv" | grep -c .)" 8 "8 certificates, those issued before 2022 too"
view() { sql_on "$1" "SELECT u.code, e.doc_no, e.kind, e.party, coalesce(e.matter, '-'), e.decided, coalesce(e.major, -1), coalesce(e.reviewed, '-'), coalesce(e.opinion, '-'), coalesce(e.published, '-'), coalesce(e.av_required, -1), coalesce(e.av_record, -1), coalesce(e.officers, '-'), coalesce(e.note, '-') FROM reg_enforcement e JOIN unit u ON u.id = e.unit_id ORDER BY e.doc_no"; }
D2=$(db_new rt)
"$FAZHI" init --db "$D2" >/dev/null
"$FAZHI" units import --db "$D2" "$TOP/data/units/shenxian.csv" >/dev/null
run 0 "$FAZHI" registry import enforcement --db "$D2" "$T/enforcement.xlsx"
eq "$(view "$D2" | cksum)" "$(view "$DB" | cksum)" "the XLSX export imported into a new store holds the same decisions"

# fazhi db copy carries both tables (to a SQLite file, from either engine).
run 0 "$FAZHI" db copy --from "$DB" --to "$T/copy.db"
has "$T/out" "reg_enforcement" "db copy lists reg_enforcement"
eq "$(BACKEND=sqlite view "$T/copy.db" | cksum)" "$(view "$DB" | cksum)" "and the copy holds the same decisions"
eq "$(sqlite3 "$T/copy.db" "SELECT group_concat(cert_no || '/' || expires, ' ') FROM (SELECT * FROM reg_enforcer ORDER BY cert_no)")" \
    "$(sql "SELECT cert_no || '/' || expires FROM reg_enforcer ORDER BY cert_no" | tr '\n' ' ' | sed 's/ $//')" \
    "and the same certificates"

# --- the indicators, as worked out above ------------------------------------
# Without the calendar, Monday to Friday: S1 is late too.
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --year 2022
eq "$(value enforcement.publish_timely_rate county)" 8/12 \
    "without the 2022 calendar, 10-13 is the 10th weekday after 09-29: 8/12"
run 0 "$FAZHI" calendar import --db "$DB" "$TOP/data/calendar/2022.csv"
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --year 2022 --json
eq "$(rates county)" "9/12 2/4 2/3" "as of 2022-12-31: 公示及时率 9/12, 法制审核率 2/4, 音像记录率 2/3"
eq "$(jq -r '[.values[] | select(.key == "enforcement.publish_timely_rate" and .unit == null) | .value_text] | .[0]' "$T/out")" \
    75.0% "75.0% in the JSON"
eq "$(rates scjg)" "5/7 1/2 1/1" "县市场监管局: 5/7, 1/2, 1/1"
eq "$(rates zhzfj)" "3/3 1/2 1/2" "县综合执法局: 3/3, 1/2 (Z3 不同意), 1/2 (Z1 not recorded)"
eq "$(value enforcement.publish_timely_rate 371522102)" 1/2 "朝城镇: 公示及时率 1/2 (C1 late, C2 not yet due)"
eq "$(value enforcement.major_review_rate 371522102)" 0/0 "朝城镇 has no 重大 decision: 0/0, no value"
eq "$(value enforcer.valid_rate county) $(value enforcer.valid_rate scjg) $(value enforcer.valid_rate zhzfj) $(value enforcer.valid_rate 371522102)" \
    "4/5 1/2 2/2 1/1" "执法证件有效率 4/5: P2 expired on 11-30; P6 valid on its last day"
# 持证执法率 (migration 0020): every officer's certificate in force on
# the decision date. Of the 14 decisions of 2022 (Z4 is of 2021): S3 lists
# no officer, S7 (12-28) lists 37150002, expired on 11-30, C1 and C3 list
# 37150202, not on the roster, C2 lists none: 9/14; 县市场监管局 6/8
# (S3, S7), 县综合执法局 3/3 (37150101 issued 03-15, before Z1 of
# 04-12), 朝城镇 0/3.
eq "$(value enforcement.certified_rate county) $(value enforcement.certified_rate scjg) $(value enforcement.certified_rate zhzfj) $(value enforcement.certified_rate 371522102)" \
    "9/14 6/8 3/3 0/3" "持证执法率 9/14"
run 0 "$FAZHI" indicators show --db "$DB" enforcement.publish_timely_rate --json
eq "$(jq -r '[.drill.failing[].doc_no] | sort | join(" ")' "$T/out")" \
    "朝综执罚〔2022〕1号 莘市监检〔2022〕1号 莘市监罚〔2022〕13号" \
    "failing 公示: the 8th working day, the 10th, and an inspection never published"
eq "$(jq -r '[.drill.excluded[].doc_no] | sort | join(" ")' "$T/out")" \
    "朝综执确〔2022〕1号 莘市监罚〔2022〕30号" "excluded: two not yet due"
has "$T/out" "国办发〔2018〕118号" "the definition cites 国办发〔2018〕118号"
run 0 "$FAZHI" indicators show --db "$DB" enforcement.publish_timely_rate
has "$T/out" "莘市监罚〔2022〕13号  莘县某饭店  决定日期 2022-09-29  公示日期 2022-10-14" \
    "show prints a failing decision by its 文号, 当事人 and dates"
run 0 "$FAZHI" indicators show --db "$DB" enforcement.major_review_rate --json
eq "$(jq -r '[.drill.failing[].doc_no] | sort | join(" ")' "$T/out")" \
    "莘市监罚〔2022〕21号 莘综执罚〔2022〕3号" "failing 法制审核: none at all, and 不同意"
run 0 "$FAZHI" indicators show --db "$DB" enforcer.valid_rate --json
eq "$(jq -r '[.drill.failing[].cert_no] | join(" ")' "$T/out")" 37150002 "the expired certificate fails"
eq "$(jq -r '[.drill.excluded[].cert_no] | sort | join(" ")' "$T/out")" "37150003 37150004" \
    "暂扣 and 注销 are outside the denominator"
has "$T/out" "enforcement.certified_rate" "the note (version 2) says where 持证执法率 is"
run 0 "$FAZHI" indicators show --db "$DB" enforcement.certified_rate --json
eq "$(jq -r '[.drill.failing[].doc_no] | sort | join(" ")' "$T/out")" \
    "朝综执检〔2022〕2号 朝综执确〔2022〕1号 朝综执罚〔2022〕1号 莘市监罚〔2022〕30号 莘市监许〔2022〕5号" \
    "not certified: no officer listed, an expired certificate, one not on the roster"
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2023-03-01 --year 2022
eq "$(value enforcer.valid_rate county)" 3/5 "as of 2023-03-01 for 2022: P6 has expired too, 3/5"
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2023-03-01 --year 2023
eq "$(value enforcer.valid_rate county)" 4/6 \
    "for 2023: P7 joins and those issued before 2023 still count, 4/6"
eq "$(value enforcement.publish_timely_rate county)" 0/0 "no decision of 2023: 0/0, no value"

# --- expiring certificates ----------------------------------------------------
run 0 "$FAZHI" registry expiring enforcer --db "$DB" --today 2022-12-31 --json
eq "$(jq -r '[.expiring[].cert_no] | join(" ")' "$T/out")" "37150003 37150102" \
    "expiring within 180 days: 37150003 (暂扣, 2023-01-09) and 37150102 (today)"
eq "$(jq -r '[.expired[].cert_no] | join(" ")' "$T/out")" 37150002 \
    "expired and still marked 有效: 37150002 (37150004 is 注销)"
run 0 "$FAZHI" registry expiring enforcer --db "$DB" --today 2022-12-31
has "$T/out" "莘县综合行政执法局  37150102  周杰  有效期至 2022-12-31（还有 0 天）" "the list names 执法证号 and 姓名"
has "$T/out" "莘县市场监督管理局  37150002  李华  有效期至 2022-11-30" "and the expired one with its unit"
run 1 "$FAZHI" registry expiring enforcement --db "$DB" --today 2022-12-31
has "$T/err" "执法决定没有有效期" "decisions have no expiry"

# --- through the API ----------------------------------------------------------
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$1" --role "$2" --password-stdin "$1" >/dev/null; }
adduser sup yfzxb:supervisor
adduser scc scjg:clerk
adduser zhc zhzfj:clerk
if start_server A --today 2023-02-01; then ok "server started"; else not_ok "server"; exit 0; fi
for u in sup scc zhc; do login $u $PW "$A"; done
R="$A/api/registries/enforcement"
P="$A/api/registries/enforcer"
as scc GET "$A/api/registries"
eq "$(jget '[.registries[].key] | map(select(. == "enforcer" or . == "enforcement")) | join(" ")')" \
    "enforcer enforcement" "both registries are listed"
eq "$(jget '.registries[] | select(.key == "enforcement") | .fields[] | select(.key == "opinion") | .values | join(" ")')" \
    "同意 不同意 修改后同意" "the description the form is built from has the opinions"
eq "$(jget '[.registries[] | select(.key == "enforcer" or .key == "enforcement") | .key_field + ":" + .date_field + ":" + .title_field + ":" + (.expires_field // "-")] | join(" ")')" \
    "cert_no:issued:name:expires doc_no:decided:party:-" "and names the key, date, title and expiry fields"
as scc GET "$R"
eq "$(jget .total)" 8 "a unit's clerk lists its own unit's 8 decisions"
as sup GET "$R"
eq "$(jget .total)" 15 "the supervisor reads all 15"
Z1=$(sql "SELECT id FROM reg_enforcement WHERE doc_no = '莘综执强〔2022〕1号'")
as scc GET "$R/$Z1"
code 403 "another unit's decision by id: 403"
as zhc GET "$R/$Z1"
code 200 "县综合执法局's clerk reads it"
before=$(state)
as scc POST "$R" '{"unit":"zhzfj","doc_no":"X","kind":"行政处罚","party":"某","decided":"2022-10-01","officers":"1、2"}'
code 403 "another unit's clerk cannot enter its decision"
eq "$(jget .error.field)" unit "the refusal names 执法主体"
as scc PUT "$R/$Z1" '{"revision":1,"published":"2022-04-21"}'
code 403 "nor change one"
as scc POST "$R" '{"unit":"scjg","doc_no":"莘市监罚〔2022〕50号","kind":"行政处罚","party":"某","decided":"2022-10-10","published":"2022-10-09","officers":"37150001、37150002"}'
code 400 "a contradictory record typed in the form is refused"
eq "$(jget .error.field)" published "naming the field: published"
has "$T/body" "早于决定日期" "and why"
as scc POST "$R" '{"unit":"scjg","doc_no":"莘市监罚〔2022〕50号","kind":"行政处罚","party":"某","decided":"2022-10-10","major":true,"reviewed":"2022-10-11","opinion":"同意","officers":"37150001、37150002"}'
code 400 "a 重大 decision reviewed after it is refused"
eq "$(jget .error.field)" reviewed "naming reviewed"
as scc POST "$R" '{"unit":"scjg","doc_no":"莘市监罚〔2022〕50号","kind":"行政处罚","party":"某","decided":"2022-10-10","officers":"37150001"}'
eq "$(jget .error.field)" officers "one officer for a penalty: officers"
as scc POST "$R" '{"unit":"scjg","doc_no":"莘市监罚〔2022〕12号","kind":"行政处罚","party":"某","decided":"2022-10-10","officers":"37150001、37150002"}'
code 409 "a 决定书文号 already registered for the unit is a conflict"
eq "$(jget .error.field)" doc_no "naming doc_no"
as scc POST "$R" '{"unit":"scjg","doc_no":"X","kind":"行政许可","party":"某","decided":"2023-03-01"}'
eq "$(jget .error.field)" decided "a date after today (2023-02-01) is refused"
as scc POST "$R" '{"unit":"scjg","doc_no":"X","kind":"行政奖励","party":"某","decided":"2022-03-01"}'
eq "$(jget .error.field)" kind "a kind not in the list: kind"
eq "$(state)" "$before" "nothing refused was stored"
as scc POST "$R" '{"unit":"scjg","doc_no":"莘市监罚〔2022〕50号","kind":"行政处罚","party":"莘县某公司","decided":"2022-10-10","major":true,"reviewed":"2022-10-10","opinion":"同意","published":"2022-10-12","av_record":false,"officers":"37150001，37150002"}'
code 200 "the clerk enters a decision of the unit (reviewed on the day of the decision)"
N=$(jget .record.id)
eq "$(jget .record.major) $(jget .record.av_required)" "true null" "是否重大执法决定 true; 须音像记录 not given"
as scc PUT "$R/$N" '{"revision":1,"published":"2022-10-09"}'
code 400 "an update that makes it contradictory is refused"
eq "$(jget .error.field)" published "naming published"
as zhc PUT "$R/$N" '{"revision":1,"note":"改"}'
code 403 "another unit's clerk cannot change it"
# Certificates.
as scc GET "$P"
eq "$(jget .total)" 4 "the clerk lists the unit's 4 certificates"
as scc POST "$P" '{"unit":"scjg","cert_no":"37150005","name":"钱进","issued":"2022-06-01","expires":"2022-05-31"}'
code 400 "a certificate ending before it was issued is refused"
eq "$(jget .error.field)" expires "naming expires"
as zhc POST "$P" '{"unit":"scjg","cert_no":"37150005","name":"钱进","issued":"2022-06-01","expires":"2027-05-31"}'
code 403 "another unit's clerk cannot register its officer"
as scc POST "$P" '{"unit":"scjg","cert_no":"37150005","name":"钱进","issued":"2022-06-01","expires":"2027-05-31"}'
code 200 "the clerk registers a certificate"
eq "$(jget .record.status)" 有效 "状态 defaults to 有效"
# The expiring list as the server's today (2023-02-01) sees it: within 180
# days (to 2023-07-31) nothing in force; expired still 有效: P2 and P6.
as sup GET "$P/expiring"
code 200 "GET /api/registries/enforcer/expiring"
eq "$(jget '[.expiring[].cert_no] | join(" ")')" "" "nothing ends by 2023-07-31 (P3 ended 2023-01-09)"
eq "$(jget '[.expired[].cert_no] | join(" ")')" "37150003 37150002 37150102" \
    "past their term and not 注销: P3 (暂扣), P2, P6, by 发证日期"
as scc GET "$P/expiring?days=400"
eq "$(jget '[.expiring[].cert_no] | join(" ")')" 37150001 "within 400 days: P1 (2024-02-29), the unit's own"
eq "$(jget '[.expired[].cert_no] | join(" ")')" "37150003 37150002" "the clerk sees only the unit's expired ones"
as zhc GET "$P/expiring"
eq "$(jget '[.expired[].cert_no] | join(" ")')" 37150102 "县综合执法局's clerk: its P6 only"
# Upload of another unit's rows: refused by line and column.
printf '%s\n%s\n' "$EHEAD" "县综合执法局,莘综执罚〔2022〕40号,行政处罚,某公司,,2022-10-01,否,,,,,,1、2," >"$T/other.csv"
before=$(state)
as scc POST "$R/import?name=other.csv" "" --data-binary @"$T/other.csv"
code 403 "an upload with another unit's row is refused"
eq "$(jget '.error.diagnostics[0].line'),$(jget '.error.diagnostics[0].column')" 2,1 "with line 2, column 1"
eq "$(state)" "$before" "nothing stored"
as scc GET "$R/export?format=csv"
code 200 "export as CSV"
eq "$(sed 1d "$T/body" | grep -c .)" 9 "only the unit's 9 decisions"
run 0 "$FAZHI" audit verify --db "$DB"
