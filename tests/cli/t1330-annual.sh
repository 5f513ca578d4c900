#!/bin/sh
# t1330-annual.sh: the annual report (法治政府建设年度报告) of 2022 from the
# 莘县 plan and the 县司法局's progress reports: part one follows the plan's
# nine sections with the accepted reports' own sentences cited by report,
# a claim resting on a report not yet accepted is flagged 待核实, part two
# names the returned report, part three the 第一责任人 report, part four
# the unfinished tasks in the plan's wording. Publishing is refused while
# flags remain; the published version keeps its hashes, which verify
# rechecks. The unit's own report (--unit sfj) covers its tasks only.
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

PLAN="$TOP/data/plans/shenxian-2022.md"
setup_db
"$FAZHI" plan import --db "$DB" "$PLAN" >/dev/null 2>&1
"$FAZHI" period generate --db "$DB" --quarterly --due-day 10 --grace 0 1 >/dev/null
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$2" --role "$3" \
    --password-stdin "$1" >/dev/null; }
adduser sup 依法治县办甲 yfzxb:supervisor
adduser sfjl 司法局负责人 sfj:unit_leader
if start_server S --today 2022-07-08; then ok "server started"
else not_ok "server started"; exit 0; fi
for u in sup sfjl; do login $u $PW "$S"; done

task() { sql "SELECT id FROM task WHERE number = $1"; }
T1=$(task 1); T2=$(task 2); T9=$(task 9); T10=$(task 10)
Q1=$(sql "SELECT id FROM period WHERE name = '2022年第一季度'")
Q2=$(sql "SELECT id FROM period WHERE name = '2022年第二季度'")
SFJ=$(sql "SELECT id FROM unit WHERE code = 'sfj'")
# report TASK PROGRESS NARRATIVE [MEASURES [INDICATORS]]: saved and submitted by the
# 县司法局's leader for period $P (the first quarter unless set); its id in $R
report() {
	as sfjl POST "$S/api/reports" "{\"period_id\":${P:-$Q1},\"task_id\":$1,\"unit_id\":$SFJ,\"progress\":\"$2\",\"narrative\":\"$3\",\"measures\":[${4:-}],\"indicators\":[${5:-}]}"
	R=$(jget .report.id)
	as sfjl POST "$S/api/reports/$R/evidence?name=a.pdf" "" \
	    -H 'Content-Type: application/pdf' --data-binary @"$T/a.pdf"
	as sfjl POST "$S/api/reports/$R/submit"
}
printf '%%PDF-1.4\n%% 佐证材料\n' >"$T/a.pdf"
accept() { as sup POST "$S/api/reports/$1/review" '{"decision":"accept"}'; }

report "$T1" done "组织县政府常务会议学习习近平法治思想12次。举办法治专题讲座3场，覆盖干部1200人次" 1
R1=$R; accept $R1
report "$T2" in_progress "县政府主要负责人主持召开法治政府建设专题会议2次。听取各部门工作汇报。研究部署年度重点任务。开展督导检查。印发工作要点1份。"
R2=$R; accept $R2
report "$T9" in_progress "行政规范性文件备案审查率达到100%。"
R9=$R		# submitted, never accepted
COV=合法性审查县镇村三级
report "$T10" done "编制并公开年度重大行政决策事项目录。" "" "{\"name\":\"$COV\",\"value\":80,\"note\":\"村级覆盖80%\"}"
R10=$R
as sup POST "$S/api/reports/$R10/review" '{"decision":"return","reason":"R02","comment":"请补充目录"}'
as sfjl POST "$S/api/reports/$R10/submit"
accept $R10
# Task 3: four sentences with figures in the first quarter, one in the
# second; the second quarter's sums up more of the year and is kept
# before the first quarter's last two.
T3=$(task 3)
report "$T3" in_progress "开展法治宣传活动1次。发放宣传资料200份。举办法律知识竞赛1场。组织旁听庭审1次。"
R3a=$R; accept $R3a
P=$Q2 report "$T3" in_progress "上半年累计开展法治宣传活动6次。"
R3b=$R; accept $R3b
eq "$(sql "SELECT count(*) FROM report WHERE state = 'accepted'")" 5 "five reports accepted"
# The 行政规范性文件 of the registry fixture; task 9's rates computed.
"$FAZHI" registry import normative --db "$DB" "$TOP/tests/registry/normative-2022.csv" >/dev/null 2>&1
"$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 >/dev/null 2>&1
"$FAZHI" indicators plan --db "$DB" --json >"$T/ind.json"

run 2 "$FAZHI" report annual --db "$DB"
has "$T/err" 用法 "without a year: usage"
run 0 "$FAZHI" report annual --help
has "$T/out" 用法 "--help begins with 用法"
run 1 "$FAZHI" report annual --db "$DB" --year 2031
has "$T/err" "没有2031年度的工作计划" "no plan for 2031"

run 0 "$FAZHI" report annual --db "$DB" --year 2022 --format json -o "$T/a.json"
has "$T/err" "第1版" "the first version is stored"
J="$T/a.json"
eq "$(jget .title "$J")" "莘县人民政府关于2022年度法治政府建设情况的报告" "the title"
eq "$(jget '[.parts[].title] | join("|")' "$J")" \
    "一、主要举措和成效|二、存在的不足和原因|三、党政主要负责人履行推进法治建设第一责任人职责情况|四、下一年度主要安排|五、其他需要报告的情况" \
    "the five statutory parts"

# Part one: one "（一）…" heading per section of the plan, in its order.
sed -n 's/^#\{2,4\} [一二三四五六七八九十]\{1,2\}、//p' "$PLAN" >"$T/sections"
n=0; : >"$T/want"
while read -r s; do n=$((n + 1))
	printf '（%s）%s\n' "$(echo 一二三四五六七八九 | cut -c$((3 * n - 2))-$((3 * n)))" "$s" >>"$T/want"
done <"$T/sections"
jget '.parts[0].paragraphs[] | select(.kind == "heading2") | .sentences[0].text' "$J" >"$T/got"
eq "$(wc -l <"$T/got" | tr -d ' ')" 9 "nine section headings"
eq "$(cat "$T/got")" "$(cat "$T/want")" "（一） to （九） are the plan's sections"

sent() { jget "[.parts[$1].paragraphs[].sentences[] | select(.text == \"$2\")][0] | $3" "$J"; }
eq "$(sent 0 组织县政府常务会议学习习近平法治思想12次。 '.reports | join(",")')" "$R1" \
    "a report's own sentence, cited by the report"
eq "$(sent 0 组织县政府常务会议学习习近平法治思想12次。 .flag)" false "it is not flagged"
# Part one keeps three sentences a task (ANNUAL_TASK_SENTENCES): task 2's
# report has five; those with a figure first (会议2次, 工作要点1份), then
# the earliest of the rest (听取…), in the report's order.
eq "$(jget '[.parts[0].paragraphs[] | select(.sentences[0].text | startswith("一是将法治政府建设")) | .sentences[1:4][] | .text] | join("|")' "$J")" \
    "县政府主要负责人主持召开法治政府建设专题会议2次。|听取各部门工作汇报。|印发工作要点1份。" \
    "a task's five sentences condensed to three, figures first"
eq "$(jget '[.parts[0].paragraphs[] | select(any(.sentences[]; .text == "开展法治宣传活动1次。")) | .sentences[1:4][] | .text] | join("|")' "$J")" \
    "开展法治宣传活动1次。|发放宣传资料200份。|上半年累计开展法治宣传活动6次。" \
    "the latest quarter's figure is kept before the first quarter's later ones"
eq "$(sent 0 举办法治专题讲座3场，覆盖干部1200人次。 '.reports | join(",")')" "$R1" \
    "the last sentence gets its full stop"
M1=$(sql "SELECT text FROM task_measure WHERE task_id = $T1 AND ord = 1")
M1=${M1%。}
eq "$(sent 0 "已完成“$M1”。" '.reports | join(",")')" "$R1" "the measure the report marks done, in the plan's words"
eq "$(jget '[.parts[0].paragraphs[].sentences[] | select(.pending == ['"$R9"'])][0].flag' "$J")" true \
    "a claim resting on a report not accepted is flagged"
has "$J" 编制并公开年度重大行政决策事项目录。 "the accepted report of task 10"
lacks "$J" 行政规范性文件备案审查率达到100% "the unaccepted report's text is not used"
eq "$(jget '[.. | objects | select(.flag == true and .claim == false)] | length' "$J")" 0 \
    "only claims are flagged"
# A manual indicator's value from its accepted report, against the plan's
# target (全覆盖, 100%): in part one with its source, in part two as unmet.
I=$(jget "[.parts[0].paragraphs[].sentences[] | select(.text | startswith(\"${COV}为80%\"))][0]" "$J")
eq "$(echo "$I" | jq -r '.reports | join(",")')" "$R10" "the indicator's value cites the report that gives it"
case $(echo "$I" | jq -r .text) in *目标不低于100%，未达到*由承办单位在进展报告中填报*) ok "with its target, not met, and its source" ;;
*) not_ok "with its target, not met, and its source"; echo "# $(echo "$I" | jq -r .text)" ;; esac
eq "$(sent 1 "第10项任务的“${COV}”未达到目标。" '.reports | join(",")')" "$R10" "part two: the unmet indicator"
# A computed indicator: its value cited by id, with the plan's target (task
# 9: 报备率…达到100%) and the registry it comes from.
VID=$(jq -r '.indicators[] | select(.task_number == 9 and .name == "报备率") | .value.id' "$T/ind.json")
VT=$(jq -r '.indicators[] | select(.task_number == 9 and .name == "报备率") | .value.value_text' "$T/ind.json")
I=$(jget "[.parts[0].paragraphs[].sentences[] | select(.values == [$VID])][0].text" "$J")
case $I in "报备率为${VT}（目标不低于100%"*"口径为“报备率”，数据来自行政规范性文件台账。") ok "报备率 cites its value $VID with target and registry" ;;
*) not_ok "报备率 cites its value $VID with target and registry"; echo "# $I" ;; esac
# Part two: the returned report; part three: the 第一责任人 report.
eq "$(sent 1 三是报送质量有待提高，1份进展报告曾被退回补正。 '.reports | join(",")')" "$R10" \
    "part two cites the returned report"
eq "$(sent 2 县政府主要负责人主持召开法治政府建设专题会议2次。 '.reports | join(",")')" "$R2" \
    "part three from the 第一责任人 task's report"
# Part four: the unfinished tasks, by the plan's wording (tasks 1 and 10
# are done).
jget '.parts[3].paragraphs[1:][] | .sentences[0].text' "$J" >"$T/p4"
eq "$(wc -l <"$T/p4" | tr -d ' ')" 20 "twenty unfinished tasks"
has "$T/p4" "一是将法治政府建设与经济社会发展同部署、同推进、同考核、同奖惩。" "task 2 in the plan's words"
has "$PLAN" "将法治政府建设与经济社会发展同部署、同推进、同考核、同奖惩。" "(as the plan says it)"
lacks "$T/p4" "推动学习宣传贯彻习近平法治思想走深走实" "task 1 is done"
lacks "$T/p4" "严格落实重大行政决策程序" "task 10 is done"

# Same data, same draft: no new version.
run 0 "$FAZHI" report annual --db "$DB" --year 2022 --format json -o "$T/b.json"
has "$T/err" "第1版" "generating again keeps version 1"
eq "$(cmp "$T/a.json" "$T/b.json" && echo same)" same "and the same content"
ID=$(sql "SELECT id FROM annual_report WHERE unit_id IS NULL")

run 0 "$FAZHI" report annual --db "$DB" --year 2022 --format text -o "$T/a.txt"
eq "$(sed -n 1p "$T/a.txt")" "莘县人民政府关于2022年度法治政府建设情况的报告" "text: the title first"
has "$T/a.txt" "〔待核实〕" "text: flags marked"
has "$T/a.txt" "〔报告$R1〕" "text: citations"
run 0 "$FAZHI" report annual --db "$DB" --year 2022 --format html -o "$T/a.html"
has "$T/a.html" '<mark class="flag">' "html: flags highlighted"
run 2 "$FAZHI" report annual --db "$DB" --year 2022 --format docx
has "$T/err" "-o" "docx needs -o"
run 0 "$FAZHI" report annual --db "$DB" --year 2022 -o "$T/a.docx"
unzip -p "$T/a.docx" word/document.xml >"$T/doc.xml"
has "$T/doc.xml" '<w:pgSz w:w="11906" w:h="16838"/>' "docx: A4"
has "$T/doc.xml" 'w:type="lines" w:linePitch="579"' "docx: the 22-line grid"

# Rendering: LibreOffice turns the DOCX into PDF; its pages and text match.
if ! command -v soffice >/dev/null 2>&1; then
	ok "# SKIP rendering: soffice (LibreOffice) is not installed"
else
	mkdir -p "$T/pdf"
	soffice "-env:UserInstallation=file://$T/lo" --headless --convert-to pdf \
	    --outdir "$T/pdf" "$T/a.docx" >"$T/lo.log" 2>&1
	if [ ! -s "$T/pdf/a.pdf" ] && grep -q "could not be loaded" "$T/lo.log" &&
	    ! dpkg-query -W -f='${Status}' libreoffice-writer-nogui 2>/dev/null | grep -q 'ok installed' &&
	    ! dpkg-query -W -f='${Status}' libreoffice-writer 2>/dev/null | grep -q 'ok installed'; then
		ok "# SKIP rendering: LibreOffice Writer is not installed (scripts/deps.sh test)"
	else
		check "LibreOffice converts the DOCX" test -s "$T/pdf/a.pdf"
		pages=$(pdfinfo "$T/pdf/a.pdf" | sed -n 's/^Pages: *//p')
		pdftoppm -r 40 -png "$T/pdf/a.pdf" "$T/pdf/page"
		eq "$(ls "$T/pdf"/page*.png | wc -l | tr -d ' ')" "$pages" "one PNG per page"
		# lines of 28 characters, 22 a page: the pages the text needs
		l=0
		while IFS= read -r line; do
			n=$(printf %s "$line" | wc -m)
			l=$((l + (n + 2 + 27) / 28))
		done <"$T/a.txt"
		want=$(((l + 21) / 22))
		if [ "$pages" -ge $((want * 7 / 10)) ] && [ "$pages" -le $((want * 13 / 10 + 1)) ]; then
			ok "$pages pages for about $want pages of 22 lines"
		else not_ok "$pages pages for about $want pages of 22 lines"; fi
		# the text in drawing order; spaces (and U+3000) dropped
		pdftotext -raw -enc UTF-8 "$T/pdf/a.pdf" - | grep -v '^— [0-9]* —$' |
		    sed 's/　//g' | tr -d ' \t\n\f\r' >"$T/pdf.txt"
		grep -v '^$' "$T/a.txt" | sed 's/　//g' | tr -d ' \t\n\r' >"$T/gen.txt"
		# 28 characters a line: the preamble's first full line
		pdftotext -raw -f 1 -l 1 -enc UTF-8 "$T/pdf/a.pdf" - | tr -d ' ' >"$T/p1.txt"
		eq "$(sed -n 6p "$T/p1.txt" | tr -d '\n' | wc -m | tr -d ' ')" 28 "28 characters a line"
		if cmp -s "$T/pdf.txt" "$T/gen.txt"; then ok "the PDF's text is the generated text"
		else not_ok "the PDF's text is the generated text"
			head -c 300 "$T/pdf.txt"; echo; head -c 300 "$T/gen.txt"; echo; fi
	fi
fi

# Review: publishing is refused while flags remain.
run 0 "$FAZHI" report annual submit --db "$DB" "$ID"
has "$T/err" 待审核 "submitted"
run 1 "$FAZHI" report annual edit --db "$DB" --part 1 --paragraph 2 --sentence 1 --text x "$ID"
has "$T/err" "只能修改草稿" "no edits in review"
run 0 "$FAZHI" report annual approve --db "$DB" "$ID"
run 1 "$FAZHI" report annual publish --db "$DB" "$ID"
has "$T/err" "待核实" "publishing is refused while claims are flagged"
eq "$(sql "SELECT state FROM annual_report WHERE id = $ID")" approved "still approved"
run 2 "$FAZHI" report annual return --db "$DB" "$ID"
run 0 "$FAZHI" report annual return --db "$DB" --reason 请核实待核实的表述 "$ID"
has "$T/err" 草稿 "returned to draft"

# Resolve: one flag by citing an accepted report; a report not accepted is
# no evidence; the others removed.
first_flag() {
	"$FAZHI" report annual show --db "$DB" --json "$ID" | jq -r '
	    [.content.parts | to_entries[] | .key as $p | .value.paragraphs |
	    to_entries[] | .key as $g | .value.sentences | to_entries[] |
	    select(.value.flag) | "\($p + 1) \($g + 1) \(.key + 1)"][0] // empty'
}
set -- $(first_flag)
run 1 "$FAZHI" report annual edit --db "$DB" --part "$1" --paragraph "$2" --sentence "$3" --cite "$R9" "$ID"
has "$T/err" "尚未通过审核" "a report not accepted is refused as evidence"
run 0 "$FAZHI" report annual edit --db "$DB" --part "$1" --paragraph "$2" --sentence "$3" \
    --text "组织全县领导干部学法活动。" --cite "$R1" --reason 依据报告 "$ID"
has "$T/err" "第2版" "an edit is a new version"
F1=$(sql "SELECT flags FROM annual_version WHERE report_id = $ID AND version = 1")
F2=$(sql "SELECT flags FROM annual_version WHERE report_id = $ID AND version = 2")
eq "$F2" "$((F1 - 1))" "one flag fewer"
i=0
while f=$(first_flag) && [ -n "$f" ] && [ $i -lt 60 ]; do
	set -- $f; i=$((i + 1))
	"$FAZHI" report annual edit --db "$DB" --part "$1" --paragraph "$2" --sentence "$3" --delete "$ID" >/dev/null 2>&1 || break
done
eq "$(first_flag)" "" "every flag resolved"
run 0 "$FAZHI" report annual submit --db "$DB" "$ID"
run 0 "$FAZHI" report annual approve --db "$DB" "$ID"
run 0 "$FAZHI" report annual publish --db "$DB" "$ID"
HASH=$(sed -n 's/^内容 SHA-256 //p' "$T/out")
DHASH=$(sed -n 's/^DOCX SHA-256 //p' "$T/out")
eq "$(sql "SELECT content_sha256 FROM annual_report WHERE id = $ID")" "$HASH" "the content's hash is stored"
eq "$(sql "SELECT state FROM annual_report WHERE id = $ID")" published "published"
eq "$(sql "SELECT action FROM annual_event WHERE report_id = $ID ORDER BY id" | uniq | tr '\n' ' ')" \
    "generate submit approve return edit submit approve publish " \
    "every transition is in the history"
run 0 "$FAZHI" report annual verify --db "$DB" "$ID"
has "$T/out" "一致" "verify: the hashes hold"
# The public portal lists the published report (no session), shows its
# text and serves the DOCX as published; nothing while the portal is off.
req GET "$S/portal/reports"
code 404 "the portal is off: no reports page"
run 0 "$FAZHI" portal on --db "$DB"
req GET "$S/portal/reports"
code 200 "the portal's 年度报告 page"
has "$T/body" "莘县人民政府关于2022年度法治政府建设情况的报告" "lists the published county report"
has "$T/body" "/portal/reports/$ID" "with its page"
req GET "$S/portal/reports/$ID"
code 200 "the report's page"
has "$T/body" "主要举措和成效" "its text, part one"
lacks "$T/body" "〔报告" "without citations"
lacks "$T/body" "<script" "and without scripts"
req GET "$S/portal/reports/$ID.docx"
code 200 "the DOCX"
eq "$(sha256sum "$T/body" | cut -d' ' -f1)" "$DHASH" "the DOCX the portal serves is the published one"
run 0 "$FAZHI" report annual --db "$DB" --year 2022 -o "$T/p.docx"
eq "$(sha256sum "$T/p.docx" | cut -d' ' -f1)" "$DHASH" "the published DOCX as stored"
run 1 "$FAZHI" report annual edit --db "$DB" --part 1 --paragraph 2 --sentence 1 --text x "$ID"
run 0 "$FAZHI" report annual --db "$DB" --year 2022 --format text -o "$T/p.txt"
lacks "$T/p.txt" "〔报告" "the published text carries no citations"
lacks "$T/p.txt" "待核实" "nor flags"
# Changed behind its back, the published version no longer verifies.
V=$(sql "SELECT published_version FROM annual_report WHERE id = $ID")
sql "UPDATE annual_version SET content = replace(content, '12', '13') WHERE report_id = $ID AND version = $V" >/dev/null
run 1 "$FAZHI" report annual verify --db "$DB" "$ID"
has "$T/err" "散列值不符" "a changed version is caught"

# The unit's own report: its tasks only.
run 0 "$FAZHI" report annual --db "$DB" --year 2022 --unit sfj --format json -o "$T/u.json"
UID=$(sql "SELECT id FROM annual_report WHERE unit_id = (SELECT id FROM unit WHERE code = 'sfj')")
req GET "$S/portal/reports/$UID"
code 404 "a draft is not on the portal"
req GET "$S/portal/reports/$UID.docx"
code 404 "nor its DOCX"
req GET "$S/portal/reports"
lacks "$T/body" "莘县司法局关于2022年度" "nor in its list"
eq "$(jget .title "$T/u.json")" "莘县司法局关于2022年度法治政府建设情况的报告" "the unit's title"
lacks "$T/u.json" "深化“放管服”改革" "task 6 is not the 县司法局's"
has "$T/u.json" "组织县政府常务会议学习习近平法治思想12次。" "its own report's sentence"
run 1 "$FAZHI" report annual --db "$DB" --year 2022 --unit nosuch --format json
run 0 "$FAZHI" report annual list --db "$DB" --json
eq "$(jq length "$T/out")" 2 "two annual reports"
eq "$(jget .addressee "$T/a.json")" "中共莘县县委、莘县人大常委会：" "a county's report goes to 县委 and 人大常委会"
eq "$(jget .addressee "$T/u.json")" "中共莘县县委全面依法治县委员会办公室：" "a unit's to the 依法治县办"

# A county-level city's plan: its report goes to the 市委 (中共临清市委,
# not 中共临清市县委) and the unit's to the 依法治市办.
LQ=$(db_new lq)
sed 's/莘县/临清市/g; s/莘政办发/临政办发/g' "$PLAN" >"$T/lq.md"
"$FAZHI" init --db "$LQ" >/dev/null
"$FAZHI" units import --db "$LQ" "$TOP/data/units/shenxian.csv" >/dev/null
"$FAZHI" plan import --db "$LQ" "$T/lq.md" >/dev/null 2>&1
run 0 "$FAZHI" report annual --db "$LQ" --year 2022 --format json -o "$T/lq.json"
eq "$(jget .addressee "$T/lq.json")" "中共临清市委、临清市人大常委会：" "a city's report goes to the 市委"
run 0 "$FAZHI" report annual --db "$LQ" --year 2022 --unit sfj --format json -o "$T/lqu.json"
eq "$(jget .addressee "$T/lqu.json")" "中共临清市委全面依法治市委员会办公室：" "a unit's to the 依法治市办"
