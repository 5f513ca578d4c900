#!/bin/sh
# t1320-bulletin.sh: the 通报 (fazhi bulletin) from a hand-made set of
# reports, as of 2022-07-20 (Q2 period; a report first submitted after the
# date does not count):
#
#   unit     submitted  late  accepted  returned  未报  open findings
#   司法局       4        0       4         1        0       0
#   市场监管局   3        1       3         0        0       0
#   朝城镇       2        0       2         0        1       0
#   观城镇       3        1       3         0        0       0
#   公安局       1        0       1         0        0       1 (not overdue)
#
#   及时率 = on time / (submitted + 未报): 司法局 4/4, 市场监管局 2/3,
#     朝城镇 2/3, 观城镇 2/3, 公安局 1/1
#   一次通过率 = never returned / accepted: 3/4, 3/3, 2/2, 3/3, 1/1
#   overdue items: 朝城镇 1 (the 未报), others 0
#   rank: 公安局 1 (100%, 100%) before 司法局 2 (100%, 75%); 市场监管局 and
#     观城镇 tie at 3 (66.7%, 100%, 0 overdue, 0 open); 朝城镇 5 (1 overdue)
. "$TOP/tests/lib/lib.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
"$FAZHI" period generate --db "$DB" --quarterly --due-day 10 --grace 0 1 >/dev/null
Q2=$(sql "SELECT id FROM period WHERE name = '2022年第二季度'")
unit() { sql "SELECT id FROM unit WHERE code = '$1'"; }
task() { sql "SELECT id FROM task WHERE number = $1"; }
# rep UNIT TASK LATE RETURNS STATE FIRST_SUBMITTED [ACCEPTED]
rep() {
	_acc=NULL
	[ -n "${7:-}" ] && _acc="'${7}T09:00:00Z'"
	sql "INSERT INTO report (period_id, task_id, unit_id, kind, progress, narrative, state, late, returns, submissions, first_submitted_at, submitted_at, accepted_at, created_by, created_at, updated_at) VALUES ($Q2, $(task "$2"), $(unit "$1"), 'unit', 'in_progress', '进展', '$5', $3, $4, $(($4 + 1)), '${6}T08:00:00Z', '${6}T08:00:00Z', $_acc, 'test', '2022-07-01T00:00:00Z', '2022-07-01T00:00:00Z')"
}
rep sfj 1 0 0 accepted 2022-07-05 2022-07-06
rep sfj 2 0 0 accepted 2022-07-05 2022-07-06
rep sfj 3 0 1 accepted 2022-07-05 2022-07-12
rep sfj 4 0 0 accepted 2022-07-08 2022-07-09
rep sfj 5 1 0 submitted 2022-08-01
rep scjg 1 0 0 accepted 2022-07-05 2022-07-06
rep scjg 2 0 0 accepted 2022-07-06 2022-07-07
rep scjg 3 1 0 accepted 2022-07-12 2022-07-13
rep 371522102 1 0 0 accepted 2022-07-05 2022-07-06
rep 371522102 2 0 0 accepted 2022-07-05 2022-07-06
sql "INSERT INTO missed_report (period_id, task_id, unit_id, deadline, recorded_at) VALUES ($Q2, $(task 3), $(unit 371522102), '2022-07-11', '2022-07-12T00:00:00Z')"
rep 371522103 1 0 0 accepted 2022-07-05 2022-07-06
rep 371522103 2 1 0 accepted 2022-07-15 2022-07-16
rep 371522103 3 0 0 accepted 2022-07-05 2022-07-06
rep gaj 1 0 0 accepted 2022-07-04 2022-07-05
"$FAZHI" finding add --db "$DB" --source 县级督察 --found 2022-07-01 --deadline 2022-12-31 \
    --description 执法记录仪使用不规范 --requirement 限期整改 --unit gaj >/dev/null

run 0 "$FAZHI" bulletin --help
has "$T/out" "用法" "help starts with 用法"
run 2 "$FAZHI" bulletin --db "$DB" --as-of 2022-02-30
run 2 "$FAZHI" bulletin --db "$DB" --format docx
has "$T/err" "须用 -o 指定文件" "a DOCX needs a file"
run 2 "$FAZHI" bulletin --db "$DB" --format pdf

run 0 "$FAZHI" bulletin --db "$DB" --as-of 2022-07-20
has "$T/out" "关于法治政府建设工作推进情况的通报（统计截至 2022-07-20）" "the title and the date"
eq "$(sed -n 2p "$T/out")" "1  莘县公安局  及时率  100.0%（1/1）  一次通过率  100.0%（1/1）  逾期事项 0  未销号问题 1" "1: 公安局"
eq "$(sed -n 3p "$T/out")" "2  莘县司法局  及时率  100.0%（4/4）  一次通过率  75.0%（3/4）  逾期事项 0  未销号问题 0" \
    "2: 司法局 (a report returned once; the one of 08-01 not counted)"
eq "$(sed -n 4p "$T/out")" "3  莘县市场监督管理局  及时率  66.7%（2/3）  一次通过率  100.0%（3/3）  逾期事项 0  未销号问题 0" "3: 市场监管局"
eq "$(sed -n 5p "$T/out")" "3  莘县观城镇人民政府  及时率  66.7%（2/3）  一次通过率  100.0%（3/3）  逾期事项 0  未销号问题 0" "3: 观城镇, tied"
eq "$(sed -n 6p "$T/out")" "5  莘县朝城镇人民政府  及时率  66.7%（2/3）  一次通过率  100.0%（2/2）  逾期事项 1  未销号问题 0" \
    "5: 朝城镇, its 未报 counted against 及时率 and as overdue"
eq "$(wc -l <"$T/out" | tr -d ' ')" 6 "only units with something to count"

# Before the 未报's deadline passed, and before anything: 朝城镇 2/2.
run 0 "$FAZHI" bulletin --db "$DB" --as-of 2022-07-11
has "$T/out" "莘县朝城镇人民政府  及时率  100.0%（2/2）" "07-11: the 未报 is not yet overdue"
has "$T/out" "莘县观城镇人民政府  及时率  100.0%（2/2）" "07-11: 观城镇's late report of 07-15 not yet counted"

# --period: as of the period's due date (Q2: 2022-07-10): 观城镇's late
# report of 07-15 and 朝城镇's 未报 (deadline 07-11) not yet counted, nor
# 司法局's acceptance of 07-12 (3 accepted, none returned).
run 0 "$FAZHI" bulletin --db "$DB" --period 2022年第二季度
has "$T/out" "关于2022年第二季度法治政府建设工作推进情况的通报（统计截至 2022-07-10）" "the period's title and due date"
has "$T/out" "莘县司法局  及时率  100.0%（4/4）  一次通过率  100.0%（3/3）" "司法局 as of 07-10"
run 1 "$FAZHI" bulletin --db "$DB" --period 2030年第一季度
has "$T/err" "找不到报送期“2030年第一季度”" "an unknown period"

# A printable HTML page, escaped.
run 0 "$FAZHI" bulletin --db "$DB" --as-of 2022-07-20 --format html --title '关于<第二季度>工作推进情况的通报 & 排名' -o "$T/b.html"
has "$T/b.html" '<html lang="zh-CN">' "an HTML page in Chinese"
has "$T/b.html" '<h1>关于&lt;第二季度&gt;工作推进情况的通报 &amp; 排名</h1>' "the title escaped"
lacks "$T/b.html" '<第二季度>' "nothing unescaped"
has "$T/b.html" '<tr><td>1</td><td class="unit">莘县公安局</td><td>100.0%（1/1）</td><td>100.0%（1/1）</td><td>0</td><td>1</td></tr>' "the first row"
has "$T/b.html" '<tr><td>5</td><td class="unit">莘县朝城镇人民政府</td><td>66.7%（2/3）</td><td>100.0%（2/2）</td><td>1</td><td>0</td></tr>' "the last row"
has "$T/b.html" "@page { size: A4" "printable on A4"
# The same as a DOCX (the GB/T 9704 writer of the annual report): the
# title escaped, the ranking a table in the order above.
run 0 "$FAZHI" bulletin --db "$DB" --as-of 2022-07-20 --format docx --title '关于<第二季度>工作推进情况的通报 & 排名' -o "$T/b.docx"
unzip -p "$T/b.docx" word/document.xml >"$T/b.xml"
has "$T/b.xml" '关于&lt;第二季度&gt;工作推进情况的通报 &amp; 排名' "DOCX: the title escaped"
has "$T/b.xml" '<w:tbl>' "DOCX: the ranking is a table"
eq "$(grep -o '莘县[^<]*\(局\|政府\)' "$T/b.xml" | join_lines ' ')" \
    "莘县公安局 莘县司法局 莘县市场监督管理局 莘县观城镇人民政府 莘县朝城镇人民政府" "DOCX: the units in rank order"
has "$T/b.xml" '66.7%（2/3）' "DOCX: the rates as the page shows them"
has "$T/b.xml" 'w:w="11906" w:h="16838"' "DOCX: A4"
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
	(cd "$T" && HOME="$T" timeout 120 soffice --headless --convert-to pdf b.docx >/dev/null 2>&1)
	if [ -s "$T/b.pdf" ]; then
		pdftotext "$T/b.pdf" "$T/b.txt"
		has "$T/b.txt" "莘县朝城镇人民政府" "DOCX opens in LibreOffice: the last unit is in its PDF"
	else
		not_ok "LibreOffice converted the bulletin's DOCX"
	fi
else
	ok "# SKIP soffice or pdftotext missing"
fi
run 0 "$FAZHI" bulletin --db "$DB" --as-of 2022-07-20 --format json
has "$T/out" '"first_pass_rate": 0.75' "JSON: 司法局's 一次通过率 0.75"
has "$T/out" '"overdue_items": 1' "JSON: 朝城镇's overdue items"
