#!/bin/sh
# t1450-demo.sh: the demonstration year (data/demo/2022) loaded by
# scripts/demo.sh into a fresh store without serving: the counts of
# reports accepted, returned, late, draft, waiting and missing, and of
# every registry, as the data files give them (counted below with awk,
# not by the program); the 及时率 of the 规范性文件 worked out by hand from
# the CSV; the two findings and the portal; and the annual report draft,
# whose only 待核实 sentence is part two's 原因 (always left to a person),
# none once an editor writes it. A bad line stops the loader naming the
# file and line, before anything is written.
. "$TOP/tests/lib/lib.sh"

Y="$TOP/data/demo/2022"
R="$Y/reports.txt"
build=$(basename "$(dirname "$FAZHI")")
if ! command -v cc >/dev/null 2>&1; then
	ok "# SKIP no C compiler to build the loader (scripts/demo-year.c)"
	exit 0
fi
if (cd "$TOP" && FAZHI_DEMO_NO_SERVE=1 FAZHI_DEMO_DB="$DB" \
    scripts/demo.sh "$build" >"$T/demo.out" 2>"$T/demo.err"); then
	ok "scripts/demo.sh loads the year"
else
	not_ok "scripts/demo.sh loads the year"
	sed 's/^/# /' "$T/demo.err" | tail -20
	exit 0
fi
has "$T/demo.out" "演示数据，均为虚构" "the banner says the data are fictional"

# The report lines: 季度|任务|单位|进展|措施|报送日|审核|其他|进展情况
lines() { grep -v '^#' "$R" | grep -v '^$'; }
n_all=$(lines | wc -l)
n_draft=$(lines | awk -F'|' '$6 == "-"' | wc -l)
n_wait=$(lines | awk -F'|' '$6 != "-" && $7 == "-"' | wc -l)
n_acc=$(lines | awk -F'|' '$7 == "accept" || $7 ~ /^return:/' | wc -l)
n_ret=$(lines | awk -F'|' '$7 ~ /^return:/' | wc -l)
n_back=$(lines | awk -F'|' '$8 ~ /sendback=/' | wc -l)
# Late: sent after the deadline (the 10th of the month after the quarter)
# and its 3 days' grace, i.e. after 4月13日, 7月13日, 10月13日, 2023-01-13.
n_late=$(lines | awk -F'|' '
	BEGIN { last[1] = "2022-04-13"; last[2] = "2022-07-13";
		last[3] = "2022-10-13"; last[4] = "2023-01-13" }
	$6 != "-" && $6 > last[$1]' | wc -l)
eq "$(sql "SELECT count(*) FROM report")" "$n_all" "$n_all reports"
eq "$(sql "SELECT count(*) FROM report WHERE state = 'accepted'")" "$n_acc" \
    "$n_acc accepted"
eq "$(sql "SELECT count(*) FROM report WHERE state = 'draft'")" "$n_draft" \
    "$n_draft draft never sent"
eq "$(sql "SELECT count(*) FROM report WHERE state = 'submitted'")" "$n_wait" \
    "$n_wait waiting for the 依法治县办's review"
eq "$(sql "SELECT count(*) FROM report WHERE returns > 0")" "$n_ret" \
    "$n_ret returned once, then accepted"
eq "$(sql "SELECT count(*) FROM report_event WHERE action = 'return' AND reason IS NOT NULL")" \
    "$n_ret" "each return carries a coded reason"
eq "$(sql "SELECT count(*) FROM report_event WHERE action = 'send_back'")" \
    "$n_back" "$n_back sent back by its unit leader"
eq "$(sql "SELECT count(*) FROM report WHERE late = 1")" "$n_late" \
    "$n_late late (迟报)"
eq "$(sql "SELECT count(*) FROM evidence")" \
    "$(( n_all - n_draft + $(lines | awk -F'|' '$7 ~ /^return:R02:/' | wc -l) ))" \
    "one evidence file per sent report, and one more after an R02 return"
n_cons=$(lines | awk -F'|' '$8 ~ /cites=/' | wc -l)
eq "$(sql "SELECT count(DISTINCT report_id) FROM report_cite")" "$n_cons" \
    "$n_cons consolidated reports cite their co-units"
# 观城镇 reported task 1 in the first three quarters, not the fourth: 未报.
eq "$(lines | awk -F'|' '$2 == 1 && $3 == "371522103" { print $1 }' | tr '\n' ' ')" \
    "1 2 3 " "the data: 观城镇 reports task 1 in Q1–Q3 only"
eq "$(sql "SELECT count(*) FROM missed_report m JOIN period p ON p.id = m.period_id
    JOIN task t ON t.id = m.task_id JOIN unit u ON u.id = m.unit_id
    WHERE p.name = '2022年第四季度' AND t.number = 1 AND u.code = '371522103'")" 1 \
    "观城镇's fourth-quarter report of task 1 is recorded missing (未报)"

# Registries: one record per data row.
for k in normative decision litigation reconsideration rating enforcer \
    enforcement proof activity; do
	want=$(($(wc -l <"$Y/registry/$k.csv") - 1))
	"$FAZHI" registry list --db "$DB" "$k" --json >"$T/$k.json"
	eq "$(jq .total "$T/$k.json")" "$want" "registry $k: $want records"
done

# 及时率 by hand: filed within 30 days of publication (day 30 is on time).
days() { echo $(($(date -u -d "$1" +%s) / 86400)); }
on_time=0; filed=0
while IFS=, read -r _u _no _t pub fil _rest; do
	[ "$pub" != 公布日期 ] || continue
	filed=$((filed + 1))
	[ $(($(days "$fil") - $(days "$pub"))) -le 30 ] && on_time=$((on_time + 1))
done <"$Y/registry/normative.csv"
eq "$on_time/$filed" "8/9" "the CSV: 8 of 9 规范性文件 filed within 30 days"
"$FAZHI" indicators plan --db "$DB" --json >"$T/ind.json"
eq "$(jq -r '.indicators[] | select(.definition.key == "normative.timely_rate")
    | "\(.value.numerator)/\(.value.denominator) \(.value.value_text) \(.met)"' "$T/ind.json")" \
    "8/9 88.9% false" "及时率 computed as of 2022-12-31: 88.9%, below the 100% target"

# 督察 findings and the portal. (finding list, remind and escalate read
# the store of $FAZHI_DB like every command: they used to refuse it.)
eq "$(sql "SELECT count(*) FROM finding")" 2 "two findings"
FAZHI_DB="$DB" "$FAZHI" finding list >"$T/findings" 2>"$T/err"
eq "$?:$(cat "$T/err")" "0:" "finding list reads the store of \$FAZHI_DB"
check "remind --dry-run on the store of \$FAZHI_DB" env FAZHI_DB="$DB" \
    "$FAZHI" remind --dry-run --today 2023-02-15
has "$T/findings" "已销号" "one finding closed (销号)"
has "$T/findings" "待整改" "one finding still open"
"$FAZHI" portal show --db "$DB" >"$T/portal"
has "$T/portal" "进展" "the plan is on the portal with its progress"

# The annual report: nothing flagged but the 原因 a person must write.
run 0 "$FAZHI" report annual --db "$DB" --year 2022 --format json -o "$T/a.json"
jq -r '.parts[] | .paragraphs[] | .sentences[] | select(.flag) | .text' \
    "$T/a.json" >"$T/flags"
eq "$(wc -l <"$T/flags" | tr -d ' ')" 1 "the draft flags one sentence"
has "$T/flags" "产生上述问题的原因主要是：〔请分析原因〕" \
    "… part two's 原因, which the draft always leaves to a person"
has "$T/a.json" "第22项“推动政务数据资源有序共享”" "part two names the unfinished task 22"
run 0 "$FAZHI" report annual edit --db "$DB" --part 2 --paragraph \
    "$(jq '.parts[1].paragraphs | map(.sentences[0].flag) | index(true) + 1' "$T/a.json")" \
    --sentence 1 --no-claim --reason 撰写原因分析 \
    --text "产生上述问题的原因主要是：部分系统对接滞后。" 1
run 0 "$FAZHI" report annual show --db "$DB" 1
has "$T/out" "待核实 0 处" "with the 原因 written, the draft has no 待核实 sentence"

# A bad line names the file and line, and writes nothing.
mkdir -p "$T/bad/registry"
cp "$Y/accounts.csv" "$T/bad/"
{ echo "# bad"; echo "5|1|sfj|done||2022-04-06|accept||季度错误。"; } >"$T/bad/reports.txt"
before=$(sql "SELECT count(*) FROM report")
run 1 "$TOP/$build/demo-year" "$DB" "$T/bad"
has "$T/err" "$T/bad/reports.txt:2: 季度“5”应为 1 至 4" "bad data: file, line and the fault"
eq "$(sql "SELECT count(*) FROM report")" "$before" "… and nothing written"
