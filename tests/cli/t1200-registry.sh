#!/bin/sh
# t1200-registry.sh: the 行政规范性文件 registry and the three filing rates
# of task 9 ("报备率、及时率、备案审查率达到100%"): import of a fixture of 12
# documents of 3 units (tests/registry/normative-2022.csv), every bad file
# refused with line and column and nothing stored, export → import round
# trips in XLSX and CSV, the rates computed and checked against values
# worked out by hand below, the records behind a value, a new version of a
# definition, the plan's indicators red or green, expiry reminders, and
# who may read and write what through the API.
#
# The fixture (limit_days 30 for filing, review_days 30 for review;
# "day N" is the filing date minus the publication date):
#
#   id unit   文号               公布        报送备案     审查完成     note
#   A1 司法局 莘司发〔2022〕1号   2022-01-10 2022-01-20 2022-02-10 day 10
#   A2 司法局 莘司发〔2022〕2号   2022-03-01 2022-03-31 2022-04-15 day 30: on time
#   A3 司法局 莘司发〔2022〕3号   2022-05-05 2022-06-05 2022-06-20 day 31: late
#   A4 司法局 莘司发〔2021〕9号   2021-12-20 2022-01-05 2022-01-20 last year: out
#   B1 市监局 莘市监发〔2022〕1号 2022-02-14 2022-02-28 2022-03-10 day 14
#   B2 市监局 莘市监发〔2022〕4号 2022-06-01 —          —          never filed
#   B3 市监局 莘市监发〔2022〕7号 2022-08-01 2022-08-20 —          filed, not reviewed
#   B4 市监局 莘市监发〔2022〕9号 2022-12-20 —          —          not yet due
#   C1 朝城镇 朝政发〔2022〕1号   2022-04-01 2022-04-10 2022-04-20 day 9
#   C2 朝城镇 朝政发〔2022〕2号   2022-07-01 2022-08-15 2022-08-30 day 45: late
#   C3 朝城镇 朝政发〔2022〕3号   2022-11-20 2022-12-20 —          day 30; review not yet due
#   C4 朝城镇 朝政发〔2022〕5号   2022-12-01 2022-12-15 2022-12-28 day 14
#
# As of 2022-12-31, year 2022 (A4 is out: published in 2021):
#   报备率 denominator: filed, or published + 30 days < 2022-12-31: all but
#     B4 (2022-12-20 + 30 = 2023-01-19) → 10; filed: all but B2 → 9. 90%.
#   及时率 the same 10; filed by day 30: A1 A2 B1 B3 C1 C3 C4 → 7. 70%;
#     failing A3 (day 31), B2 (never), C2 (day 45); B4 excluded (not
#     yet due).
#   备案审查率 denominator: filed, and reviewed or filed + 30 < as-of: A1 A2
#     A3 B1 B3 C1 C2 C4 → 8 (C3 filed 12-20: not yet due); reviewed: all
#     but B3 → 7. 87.5%.
#   Per unit: 司法局 3/3, 2/3, 3/3; 市监局 2/3, 2/3, 1/2; 朝城镇 4/4, 3/4, 3/3.
# As of 2022-06-30 (A1 A2 A3 B1 B2 C1 published by then; B2 due 2022-07-01,
#   not yet late): 报备率 5/5, 及时率 4/5 (A3), 备案审查率 5/5.
# With limit_days 20 (version 2), as of 2022-12-31: the denominator is the
#   same 10 (B4 2022-12-20 + 20 = 2023-01-09: pending); on time by day 20:
#   A1 B1 B3 C1 C4 → 5. 50%.
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

FIX="$TOP/tests/registry/normative-2022.csv"
HEAD=制定机关,文号,标题,公布日期,报送备案日期,审查完成日期,审查结论,有效期至,清理状态,备注
setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
state() { dump_tables reg_normative_doc registry_history registry_evidence | cksum; count_rows audit; }
# bad NAME CONTENT: a CSV file in $T
bad() { printf '%s\n%s\n' "$HEAD" "$2" >"$T/$1.csv"; }

# --- a good file ------------------------------------------------------------
run 0 "$FAZHI" registry import normative --db "$DB" "$FIX"
has "$T/out" "12 行（CSV），新增 12，更新 0，未变 0" "the fixture's 12 documents are imported"
eq "$(count_rows reg_normative_doc)" 12 "12 records stored"
eq "$(sql "SELECT count(*) FROM reg_normative_doc d JOIN unit u ON u.id = d.unit_id WHERE u.code = 'sfj'")" 4 \
    "县司法局, sfj and 莘县司法局 are the same unit (code, short form, full name)"
eq "$(sql "SELECT count(*) FROM reg_normative_doc d JOIN unit u ON u.id = d.unit_id WHERE u.code = '371522102'")" 4 \
    "朝城镇 by short form, code and full name"
eq "$(sql "SELECT count(*) FROM registry_history WHERE action = 'import' AND revision = 1")" 12 \
    "each record has its first history entry"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'registry.import'")" 1 "the import is audited"
eq "$(sql "SELECT status FROM reg_normative_doc WHERE doc_no = '莘市监发〔2022〕9号'")" 有效 \
    "清理状态 as written"

# --- bad files: exit 1, line and column named, nothing stored --------------
before=$(state)
bad date "县司法局,莘司发〔2022〕20号,测试文件,2022-02-30,,,,,,"
run 1 "$FAZHI" registry import normative --db "$DB" "$T/date.csv"
has "$T/err" "第2行第4列（公布日期）：“2022-02-30”不是有效日期" "a date that does not exist: line 2, column 4"
bad unit "县不存在局,莘司发〔2022〕20号,测试文件,2022-02-03,,,,,,"
run 1 "$FAZHI" registry import normative --db "$DB" "$T/unit.csv"
has "$T/err" "第2行第1列（制定机关）：单位名录中没有“县不存在局”" "an unknown unit: line 2, column 1"
printf '%s\n%s\n%s\n%s\n' "$HEAD" "县司法局,莘司发〔2022〕20号,甲,2022-02-03,,,,,," \
    "县市场监管局,莘司发〔2022〕20号,乙,2022-02-03,,,,,," \
    "莘县司法局,莘司发〔2022〕20号,丙,2022-02-04,,,,,," >"$T/dup.csv"
run 1 "$FAZHI" registry import normative --db "$DB" "$T/dup.csv"
has "$T/err" "第4行第2列（文号）：“莘司发〔2022〕20号”与第2行重复" \
    "a 文号 twice for one unit: the later line, column 2"
lacks "$T/err" "第3行" "the same 文号 of another unit is no duplicate"
bad order "县司法局,莘司发〔2022〕20号,测试文件,2022-03-05,2022-03-04,,,,,"
run 1 "$FAZHI" registry import normative --db "$DB" "$T/order.csv"
has "$T/err" "第2行第5列（报送备案日期）：报送备案日期 2022-03-04 早于公布日期 2022-03-05" \
    "filed before published: the filing date's cell"
bad review "县司法局,莘司发〔2022〕20号,测试文件,2022-03-05,,2022-03-10,予以备案,,,"
run 1 "$FAZHI" registry import normative --db "$DB" "$T/review.csv"
has "$T/err" "第2行第6列（审查完成日期）：填写了审查完成日期，但没有报送备案日期" \
    "reviewed but never filed"
bad enum "县司法局,莘司发〔2022〕20号,测试文件,2022-03-05,,,,,作废,"
run 1 "$FAZHI" registry import normative --db "$DB" "$T/enum.csv"
has "$T/err" "第2行第9列（清理状态）：“作废”不是可选的值（可选：有效、修改、废止、失效）" \
    "a 清理状态 not in the list names the allowed ones"
bad required "县司法局,,测试文件,2022-03-05,,,,,,"
run 1 "$FAZHI" registry import normative --db "$DB" "$T/required.csv"
has "$T/err" "第2行第2列（文号）：不能为空" "a required cell left empty"
printf '制定机关,文号,名称X,公布日期\n县司法局,莘司发〔2022〕20号,测试,2022-03-05\n' >"$T/header.csv"
run 1 "$FAZHI" registry import normative --db "$DB" "$T/header.csv"
has "$T/err" "第1行第3列：未知的列“名称X”" "a wrong header: its column"
has "$T/err" "缺少“标题”列" "and the required column it lacks"
bad extra "县司法局,莘司发〔2022〕20号,测试,2022-03-05,,,,,,,多出"
run 1 "$FAZHI" registry import normative --db "$DB" "$T/extra.csv"
has "$T/err" "第2行有 11 列，表头有 10 列" "a row longer than the header"
printf '%s\n' "$HEAD" >"$T/empty.csv"
run 1 "$FAZHI" registry import normative --db "$DB" "$T/empty.csv"
has "$T/err" "文件只有表头，没有记录" "a header and no rows"
printf '\377\376\000\001\002junk\n' >"$T/binary.csv"
run 1 "$FAZHI" registry import normative --db "$DB" "$T/binary.csv"
has "$T/err" "二进制数据" "binary bytes are no CSV"
printf '\320\317\021\340\241\261\032\341rest' >"$T/old.xls"
run 1 "$FAZHI" registry import normative --db "$DB" "$T/old.xls"
has "$T/err" "不支持旧版 Excel（.xls）" "an old .xls workbook is refused with what to do"
printf 'PK\003\004not really a zip' >"$T/broken.xlsx"
run 1 "$FAZHI" registry import normative --db "$DB" "$T/broken.xlsx"
has "$T/err" "不是有效的 XLSX 文件" "a broken XLSX"
# One bad row among good ones: the good ones are not stored either.
{ sed 's/,莘县行政执法公示办法,/,莘县行政执法公示办法（修订）,/' "$FIX"
  echo "县司法局,莘司发〔2022〕21号,测试,2022-13-01,,,,,,"; } >"$T/mixed.csv"
run 1 "$FAZHI" registry import normative --db "$DB" "$T/mixed.csv"
has "$T/err" "第14行第4列（公布日期）" "one bad row among 13"
eq "$(state)" "$before" "no bad file changed a table or the audit log"

# GB18030 (as Excel in China saves CSV) is read; a bad row in it still
# names its line and column.
printf '%s\n%s\n' "$HEAD" "县司法局,莘司发〔2022〕30号,莘县法律援助工作细则,2022年9月1日,2022/9/20,,,,," |
    iconv -f UTF-8 -t GB18030 >"$T/gbk.csv"
printf '%s\n%s\n' "$HEAD" "县司法局,莘司发〔2022〕31号,莘县法律援助工作细则,2022-09-31,,,,,," |
    iconv -f UTF-8 -t GB18030 >"$T/gbk-bad.csv"
run 1 "$FAZHI" registry import normative --db "$DB" "$T/gbk-bad.csv"
has "$T/err" "第2行第4列（公布日期）：“2022-09-31”不是有效日期" "a GB18030 file's bad cell is named"
run 0 "$FAZHI" registry import normative --db "$DB" --dry-run "$T/gbk.csv"
has "$T/out" "检查无误，未保存" "--dry-run checks"
eq "$(state)" "$before" "and stores nothing"
run 0 "$FAZHI" registry import normative --db "$DB" "$T/gbk.csv"
has "$T/out" "GB18030 编码" "a GB18030 file is recognised"
eq "$(sql "SELECT title || '|' || published || '|' || filed FROM reg_normative_doc WHERE doc_no = '莘司发〔2022〕30号'")" \
    "莘县法律援助工作细则|2022-09-01|2022-09-20" "its text is right and 2022年9月1日, 2022/9/20 are dates"
sql "DELETE FROM registry_history WHERE record_id = (SELECT id FROM reg_normative_doc WHERE doc_no = '莘司发〔2022〕30号')" >/dev/null
sql "DELETE FROM reg_normative_doc WHERE doc_no = '莘司发〔2022〕30号'" >/dev/null

# --- export and import again ------------------------------------------------
run 0 "$FAZHI" registry export normative --db "$DB" -o "$T/n.xlsx"
run 0 "$FAZHI" registry export normative --db "$DB" -o "$T/n.csv"
eq "$(head -n 1 "$T/n.csv" | sed 's/^\xef\xbb\xbf//' | tr -d '\r')" "$HEAD" \
    "the CSV export has the import's columns"
eq "$(sed 1d "$T/n.csv" | grep -c .)" 12 "and 12 rows"
run 0 "$FAZHI" registry import normative --db "$DB" "$T/n.xlsx"
has "$T/out" "12 行（XLSX），新增 0，更新 0，未变 12" "the XLSX export imports back unchanged"
run 0 "$FAZHI" registry import normative --db "$DB" "$T/n.csv"
has "$T/out" "新增 0，更新 0，未变 12" "so does the CSV export"
view() { sql_on "$1" "SELECT u.code, d.doc_no, d.title, d.published, coalesce(d.filed, '-'), coalesce(d.reviewed, '-'), coalesce(d.conclusion, '-'), coalesce(d.expires, '-'), coalesce(d.status, '-'), coalesce(d.note, '-') FROM reg_normative_doc d JOIN unit u ON u.id = d.unit_id ORDER BY d.doc_no"; }
for f in xlsx csv; do
	D2=$(db_new "rt$f")
	"$FAZHI" init --db "$D2" >/dev/null
	"$FAZHI" units import --db "$D2" "$TOP/data/units/shenxian.csv" >/dev/null
	run 0 "$FAZHI" registry import normative --db "$D2" "$T/n.$f"
	eq "$(view "$D2" | cksum)" "$(view "$DB" | cksum)" "an export in $f imported into a new store holds the same records"
done
# A changed cell updates that record only, keeping the history.
sed 's/"莘市监发〔2022〕4号","莘县农村集体聚餐食品安全管理办法","2022-06-01",""/"莘市监发〔2022〕4号","莘县农村集体聚餐食品安全管理办法","2022-06-01","2023-01-05"/' \
    "$T/n.csv" >"$T/n2.csv"
run 0 "$FAZHI" registry import normative --db "$DB" --today 2023-02-01 "$T/n2.csv"
has "$T/out" "新增 0，更新 1，未变 11" "a filing date added in the file updates one record"
B2=$(sql "SELECT id FROM reg_normative_doc WHERE doc_no = '莘市监发〔2022〕4号'")
eq "$(sql "SELECT revision FROM reg_normative_doc WHERE id = $B2")" 2 "it is revision 2"
eq "$(sql "SELECT count(*) FROM registry_history WHERE record_id = $B2 AND revision = 2 AND before LIKE '%\"filed\":null%' AND after LIKE '%\"filed\":\"2023-01-05\"%'")" 1 \
    "its history has the value before and after"
run 0 "$FAZHI" registry show normative --db "$DB" "$B2"
has "$T/out" "第 2 版" "registry show gives the revision"
has "$T/out" "import" "and the history"

# --- the three rates, as worked out above -----------------------------------
# value KEY UNITCODE|county: "numerator/denominator" of the newest run
value() {
	if [ "$2" = county ]; then w="v.unit_id IS NULL"
	else w="v.unit_id = (SELECT id FROM unit WHERE code = '$2')"; fi
	sql "SELECT v.numerator || '/' || v.denominator FROM indicator_value v JOIN indicator_def d ON d.id = v.def_id WHERE d.key = '$1' AND $w AND v.run_id = (SELECT max(id) FROM indicator_run)"
}
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-06-30 --year 2022
eq "$(value normative.filing_rate county) $(value normative.timely_rate county) $(value normative.review_rate county)" \
    "5/5 4/5 5/5" "as of 2022-06-30: 报备率 5/5, 及时率 4/5, 备案审查率 5/5 (B2 not yet late)"
# The later filing of B2 (2023-01-05) is after 2022-12-31: not filed then.
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --json
eq "$(value normative.filing_rate county) $(value normative.timely_rate county) $(value normative.review_rate county)" \
    "9/10 7/10 7/8" "as of 2022-12-31: 报备率 9/10, 及时率 7/10, 备案审查率 7/8"
eq "$(jq -r '[.values[] | select(.key == "normative.review_rate" and .unit == null) | .value_text] | .[0]' "$T/out")" \
    87.5% "87.5% in the JSON"
eq "$(value normative.filing_rate sfj) $(value normative.timely_rate sfj) $(value normative.review_rate sfj)" \
    "3/3 2/3 3/3" "县司法局: 3/3, 2/3 (A3 on day 31), 3/3"
eq "$(value normative.filing_rate scjg) $(value normative.timely_rate scjg) $(value normative.review_rate scjg)" \
    "2/3 2/3 1/2" "县市场监管局: 2/3, 2/3, 1/2"
eq "$(value normative.filing_rate 371522102) $(value normative.timely_rate 371522102) $(value normative.review_rate 371522102)" \
    "4/4 3/4 3/3" "朝城镇: 4/4, 3/4 (C2 on day 45), 3/3"
# 规范率 (migration 0020, ours): reviewed by 2022-12-31 and 予以备案 ÷
# reviewed by then: A1 A2 B1 C1 C2 C4 予以备案, A3 纠正 → 6/7; 县司法局
# 2/3, 县市场监管局 1/1, 朝城镇 3/3.
eq "$(value normative.conform_rate county) $(value normative.conform_rate sfj) $(value normative.conform_rate scjg) $(value normative.conform_rate 371522102)" \
    "6/7 2/3 1/1 3/3" "规范率 6/7: A3's 纠正 is the one not 规范"
eq "$(sql "SELECT count(*) FROM indicator_value v JOIN indicator_run r ON r.id = v.run_id WHERE r.id = (SELECT max(id) FROM indicator_run) AND v.met = 1")" 6 \
    "6 of 16 values meet 100%: three units' 报备率 and 备案审查率 that are whole, and two units' 规范率"
run 0 "$FAZHI" indicators show --db "$DB" normative.timely_rate --json
eq "$(jq -r '[.drill.failing[].doc_no] | sort | join(" ")' "$T/out")" \
    "朝政发〔2022〕2号 莘司发〔2022〕3号 莘市监发〔2022〕4号" \
    "the records behind 及时率 70%: the three filed late or not at all"
eq "$(jq -r '[.drill.excluded[].doc_no] | join(" ")' "$T/out")" "莘市监发〔2022〕9号" \
    "and the one not yet due"
eq "$(jq -r '.drill.counted | length' "$T/out")" 7 "7 counted"
run 0 "$FAZHI" indicators show --db "$DB" normative.timely_rate --unit 县司法局
has "$T/out" "莘司发〔2022〕3号" "--unit shows a unit's late document"
lacks "$T/out" "莘市监发〔2022〕4号" "and not another unit's"
has "$T/out" "《法规规章备案条例》（国务院令第337号）第三条" "show cites the rule's source"
eq "$(value_ids "SELECT failing_ids FROM indicator_value v JOIN indicator_def d ON d.id = v.def_id WHERE d.key = 'normative.timely_rate' AND v.unit_id IS NULL AND v.run_id = (SELECT max(id) FROM indicator_run)" | grep -cx "$B2")" 1 \
    "the stored value keeps the id of each failing record"
# Recomputed for the same date, the same numbers.
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31
eq "$(sql "SELECT count(DISTINCT v.numerator || '/' || v.denominator || ':' || v.inputs_sha256) FROM indicator_value v JOIN indicator_def d ON d.id = v.def_id JOIN indicator_run r ON r.id = v.run_id WHERE d.key = 'normative.timely_rate' AND v.unit_id IS NULL AND r.as_of = '2022-12-31'")" 1 \
    "a recomputation for the same date gives the same value from the same records"

# Without --year, the plan's year (2022) even as of 2023-01-31: B2 is
# filed by then (late), B4's 30 days (2023-01-19) have passed unfiled:
# 报备率 10/11, 及时率 7/11.
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2023-01-31
eq "$(value normative.filing_rate county) $(value normative.timely_rate county)" "10/11 7/11" \
    "as of 2023-01-31, the plan's year: 报备率 10/11, 及时率 7/11"
eq "$(sql "SELECT period_start || ' ' || period_end FROM indicator_run WHERE id = (SELECT max(id) FROM indicator_run)")" \
    "2022-01-01 2022-12-31" "the run records the period it counted"

# A definition changed is a new version; values keep theirs.
printf '{"params":{"limit_days":20}}' >"$T/def.json"
run 0 "$FAZHI" indicators define --db "$DB" normative.timely_rate --file "$T/def.json"
has "$T/out" "第 2 版" "changing the limit makes version 2"
run 0 "$FAZHI" indicators define --db "$DB" normative.timely_rate --file "$T/def.json"
has "$T/out" "未生成新版本" "the same change again makes none"
printf '{"numerator":{"op":"within","field":"nosuch","from":"published","days":5}}' >"$T/baddef.json"
run 1 "$FAZHI" indicators define --db "$DB" normative.timely_rate --file "$T/baddef.json"
has "$T/err" "没有字段“nosuch”" "a definition over an unknown field is refused"
old_runs=$(sql "SELECT count(*) FROM indicator_value v JOIN indicator_def d ON d.id = v.def_id WHERE d.key = 'normative.timely_rate' AND d.version = 1")
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31
eq "$(value normative.timely_rate county)" 5/10 "with 20 days, 及时率 is 5/10"
eq "$(sql "SELECT count(*) FROM indicator_value v JOIN indicator_def d ON d.id = v.def_id WHERE d.key = 'normative.timely_rate' AND d.version = 1")" \
    "$old_runs" "the values computed with version 1 still say version 1"
printf '{"params":{"limit_days":30}}' >"$T/def.json"
run 0 "$FAZHI" indicators define --db "$DB" normative.timely_rate --file "$T/def.json"
has "$T/out" "第 3 版" "back to 30 days is version 3"
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31

# The plan: task 9's indicators are computed, red.
run 0 "$FAZHI" indicators plan --db "$DB" --json
eq "$(jq -r '[.indicators[] | select(.task_number == 9) | .name + ":" + .light + ":" + .definition.key] | join(" ")' "$T/out")" \
    "报备率:red:normative.filing_rate 及时率:red:normative.timely_rate 备案审查率:red:normative.review_rate" \
    "task 9's three rates link to their definitions and are red (below 100%)"
eq "$(jq -r '[.indicators[] | select(.task_number == 11) | .mode + ":" + .light] | join(" ")' "$T/out")" computed:none \
    "task 11's 集体讨论率 is computed from the 重大行政决策 registry (t1210): no decisions here, no light"
run 0 "$FAZHI" indicators link --db "$DB" 9 及时率 --manual
run 0 "$FAZHI" indicators plan --db "$DB" --json
eq "$(jq -r '.indicators[] | select(.task_number == 9 and .name == "及时率") | .mode' "$T/out")" manual \
    "a plan indicator can be marked manual"
run 0 "$FAZHI" indicators link --db "$DB" 9 及时率 normative.timely_rate
run 1 "$FAZHI" indicators link --db "$DB" 9 及时率 normative.nosuch
has "$T/err" "没有指标定义" "linking to an unknown definition is refused"

# Expiry reminders: 180 days from 2022-12-31.
run 0 "$FAZHI" registry expiring normative --db "$DB" --today 2022-12-31 --json
eq "$(jq -r '[.expiring[].doc_no] | join(" ")' "$T/out")" 莘司发〔2022〕1号 \
    "莘司发〔2022〕1号 ends 2023-03-31, within 180 days (朝政发〔2022〕2号 is 废止)"
eq "$(jq -r '[.expired[].doc_no] | join(" ")' "$T/out")" 莘司发〔2021〕9号 \
    "莘司发〔2021〕9号 ended 2022-12-19 and is still marked 有效"
run 0 "$FAZHI" registry list normative --db "$DB" --unit scjg --json
eq "$(jq -r .total "$T/out")" 4 "list --unit: 县市场监管局's 4"

# --- through the API ----------------------------------------------------------
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$1" --role "$2" --password-stdin "$1" >/dev/null; }
adduser sup yfzxb:supervisor
adduser ld xzf:leader
adduser scc scjg:clerk
adduser sfjc sfj:clerk
if start_server A --today 2023-02-01; then ok "server started"; else not_ok "server"; exit 0; fi
for u in sup ld scc sfjc; do login $u $PW "$A"; done
R="$A/api/registries/normative"
A1=$(sql "SELECT id FROM reg_normative_doc WHERE doc_no = '莘司发〔2022〕1号'")
as scc GET "$R"
eq "$(jget .total)" 4 "a unit's clerk lists its own unit's 4 documents"
as ld GET "$R"
eq "$(jget .total)" 12 "the county leader reads all 12"
as scc GET "$R/$A1"
code 403 "another unit's record by id: 403"
as sfjc GET "$R/$A1"
code 200 "县司法局's clerk reads it"
eq "$(jget '.history | length')" 1 "with its history"
before=$(state)
as scc POST "$R" '{"unit":"sfj","doc_no":"X","title":"测试","published":"2022-10-01"}'
code 403 "nobody enters another unit's document"
eq "$(jget .error.field)" unit "the refusal names 制定机关"
as scc POST "$R" '{"unit":"scjg","doc_no":"莘市监发〔2022〕12号","title":"测试","published":"2022-10-01","filed":"2022-09-30"}'
code 400 "a contradictory record typed in the form is refused"
eq "$(jget .error.field)" filed "naming the field: filed"
has "$T/body" "早于公布日期" "and why"
as scc POST "$R" '{"unit":"scjg","doc_no":"莘市监发〔2022〕12号","title":"测试","published":"2022-10-01","reviewed":"2022-10-20","filed":"2022-10-08","conclusion":"予以备案"}'
code 403 "a clerk cannot enter the review"
eq "$(jget .error.field)" reviewed "naming reviewed"
as scc POST "$R" '{"unit":"scjg","doc_no":"莘市监发〔2022〕1号","title":"测试","published":"2022-10-01"}'
code 409 "a 文号 already registered for the unit is a conflict"
eq "$(jget .error.field)" doc_no "naming doc_no"
as scc POST "$R" '{"unit":"scjg","doc_no":"X","title":"测试","published":"2030-01-01"}'
eq "$(jget .error.field)" published "a date after today is refused"
as scc POST "$R" '{"unit":"scjg","nosuch":1}'
eq "$(jget .error.field)" nosuch "an unknown key is named"
as ld POST "$R" '{"unit":"scjg","doc_no":"X","title":"测试","published":"2022-10-01"}'
code 403 "the county leader reads, does not write"
eq "$(state)" "$before" "nothing refused was stored"
as scc POST "$R" '{"unit":"scjg","doc_no":"莘市监发〔2022〕12号","title":"莘县特种设备安全管理办法","published":"2022-10-01","filed":"2022-10-08"}'
code 200 "the clerk enters a document of the unit"
N=$(jget .record.id)
eq "$(jget .record.status)" 有效 "清理状态 defaults to 有效"
as sup PUT "$R/$N" '{"revision":1,"reviewed":"2022-10-20","conclusion":"予以备案"}'
code 200 "the supervisor (备案审查机关) records the review"
eq "$(jget .record.revision)" 2 "revision 2"
eq "$(jget '.history[1].before.reviewed') $(jget '.history[1].after.reviewed')" "null 2022-10-20" \
    "the history shows before and after"
as scc PUT "$R/$N" '{"revision":1,"title":"改"}'
code 409 "an update of a stale revision is refused"
as scc PUT "$R/$N" '{"revision":2,"conclusion":"撤销"}'
code 403 "a clerk cannot change the conclusion"
printf '%%PDF-1.4\n备案通知书\n' >"$T/a.pdf"
as scc POST "$R/$N/evidence?name=%E5%A4%87%E6%A1%88.pdf" "" --data-binary @"$T/a.pdf"
code 200 "evidence on the unit's record"
EV=$(jget .evidence.id)
as sfjc GET "$A/api/registry-evidence/$EV"
code 403 "another unit cannot download it"
as sup GET "$A/api/registry-evidence/$EV"
code 200 "the supervisor can"
# Import by upload: the clerk's own rows, or an error per row.
printf '%s\n%s\n' "$HEAD" "县司法局,莘司发〔2022〕40号,测试,2022-10-01,,,,,," >"$T/other.csv"
before=$(state)
as scc POST "$R/import?name=other.csv" "" --data-binary @"$T/other.csv"
code 403 "an upload with another unit's row is refused"
eq "$(jget '.error.diagnostics[0].line'),$(jget '.error.diagnostics[0].column')" 2,1 \
    "with line 2, column 1"
eq "$(state)" "$before" "nothing stored"
printf '%s\n%s\n' "$HEAD" "县市场监管局,莘市监发〔2022〕13号,测试,2022-10-01,2022-10-02,,,,," >"$T/own.csv"
as scc POST "$R/import?name=own.csv" "" --data-binary @"$T/own.csv"
code 200 "an upload of its own rows is imported"
eq "$(jget .created)" 1 "1 created"
as scc GET "$R/export?format=csv"
code 200 "export as CSV"
eq "$(sed 1d "$T/body" | grep -c .)" 6 "only the unit's 6 documents"
as scc GET "$R/export"
code 200 "export as XLSX"
eq "$(head -c 2 "$T/body")" PK "an XLSX file"
as scc GET "$R/expiring?days=3660"
eq "$(jget '[.expiring[].unit.name] | unique | join(" ")')" 莘县市场监督管理局 "expiring lists only the unit's"
# Indicators over the API.
as scc POST "$A/api/indicators/compute" '{"as_of":"2022-12-31"}'
code 403 "a clerk cannot compute"
as sup POST "$A/api/indicators/compute" '{"as_of":"2022-12-31"}'
code 200 "the supervisor computes"
as ld GET "$A/api/plans/$(sql "SELECT id FROM plan")/indicators"
eq "$(jget '[.indicators[] | select(.task_number == 9) | .light] | join(" ")')" "red red red" \
    "the plan's page gets red for task 9"
as ld GET "$A/api/indicators/normative.timely_rate"
V=$(jget '.values[0].id')
# Two documents more of 县市场监管局 (12号 day 7, 13号 day 1): 9/12.
eq "$(jget '.values[0].numerator')/$(jget '.values[0].denominator')" 9/12 "及时率 9/12 over the API"
as scc GET "$A/api/indicator-values/$V"
eq "$(jget '[.failing[].doc_no] | join(" ")')" 莘市监发〔2022〕4号 \
    "a unit's clerk drills down to its own records only"
eq "$(jget .hidden)" 7 "the other units' 7 hidden (13 records: 9 counted, 3 failing, 1 excluded)"
as sup PUT "$A/api/indicators/normative.review_rate" '{"params":{"review_days":10}}'
code 200 "the supervisor changes a definition"
eq "$(jget .version)" 2 "version 2"
as scc PUT "$A/api/indicators/normative.review_rate" '{"params":{"review_days":5}}'
code 403 "a clerk cannot"
run 0 "$FAZHI" audit verify --db "$DB"
