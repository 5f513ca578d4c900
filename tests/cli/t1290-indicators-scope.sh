#!/bin/sh
# t1290-indicators-scope.sh: the indicators of one division of a store
# that holds several counties (fazhi indicators compute --division CODE):
# only the units whose division code starts with CODE (the county's own
# units and its towns) are counted, the run is kept as that division's and
# does not replace the whole store's latest values, and list --division
# shows the division's total and its units.
#
# Two counties of 聊城市 (3715): 莘县 (371522) with its 司法局 and 朝城镇
# (371522102), 冠县 (371525) with its 司法局. limit_days 30, review_days
# 30, as of 2022-12-31:
#
#   id unit        公布        报送备案     审查完成
#   S1 莘县司法局   2022-01-10 2022-01-20 2022-02-10  day 10
#   S2 莘县司法局   2022-05-05 2022-06-05 2022-06-20  day 31: late
#   C1 朝城镇       2022-06-01 —          —           never filed
#   G1 冠县司法局   2022-03-01 2022-03-10 —           filed, not reviewed
#   G2 冠县司法局   2022-04-01 2022-04-05 2022-04-20  day 4
#
#   whole store / 3715: 报备率 4/5, 及时率 3/5 (S1 G1 G2), 备案审查率 3/4
#     (C1 not filed: not due for review; G1 past 30 days unreviewed)
#   371522: 报备率 2/3, 及时率 1/3, 备案审查率 2/2;
#     莘县司法局 2/2, 1/2, 2/2; 朝城镇 0/1, 0/1, no value (0/0)
#   371525: 报备率 2/2, 及时率 2/2, 备案审查率 1/2
. "$TOP/tests/lib/lib.sh"

cat >"$T/units.csv" <<'CSV'
编码,名称,简称,别名,类型,行政执法主体,上级单位,区划代码
sx-sfj,莘县司法局,,,政府部门,是,,371522
sx-ccz,莘县朝城镇人民政府,朝城镇,,镇,是,,371522102
gx-sfj,冠县司法局,,,政府部门,是,,371525
CSV
cat >"$T/docs.csv" <<'CSV'
制定机关,文号,标题,公布日期,报送备案日期,审查完成日期,审查结论,有效期至,清理状态,备注
sx-sfj,莘司发〔2022〕1号,S1,2022-01-10,2022-01-20,2022-02-10,予以备案,,有效,
sx-sfj,莘司发〔2022〕3号,S2,2022-05-05,2022-06-05,2022-06-20,予以备案,,有效,
sx-ccz,朝政发〔2022〕1号,C1,2022-06-01,,,,,有效,
gx-sfj,冠司发〔2022〕1号,G1,2022-03-01,2022-03-10,,,,有效,
gx-sfj,冠司发〔2022〕2号,G2,2022-04-01,2022-04-05,2022-04-20,予以备案,,有效,
CSV
"$FAZHI" init --db "$DB" >/dev/null
"$FAZHI" divisions import --db "$DB" "$TOP/data/divisions/shandong.csv" >/dev/null
run 0 "$FAZHI" units import --db "$DB" "$T/units.csv"
run 0 "$FAZHI" registry import normative --db "$DB" "$T/docs.csv"

# vals KEY: "num/den" of the values of the newest run, total first, then
# units by name, one per line (den "-" when none).
vals() {
	sql "SELECT coalesce(u.name, '*') || ' ' || v.numerator || '/' || coalesce(v.denominator, -1) FROM indicator_value v JOIN indicator_def d ON d.id = v.def_id LEFT JOIN unit u ON u.id = v.unit_id WHERE d.key = '$1' AND v.run_id = (SELECT max(id) FROM indicator_run) ORDER BY u.name IS NOT NULL, u.name"
}

# --- the whole store --------------------------------------------------------
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31
has "$T/out" "报备率  全县  80.0%（4/5）" "whole store: 报备率 4/5"
has "$T/out" "及时率  全县  60.0%（3/5）" "whole store: 及时率 3/5"
has "$T/out" "备案审查率 全县  75.0%（3/4）" "whole store: 备案审查率 3/4"
eq "$(sql "SELECT count(*) FROM indicator_run WHERE scope IS NULL")" 1 "the run has no scope"

# --- one county: 莘县 -------------------------------------------------------
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --division 371522
has "$T/out" "报备率  371522  66.7%（2/3）" "莘县: 报备率 2/3"
has "$T/out" "及时率  371522  33.3%（1/3）" "莘县: 及时率 1/3"
has "$T/out" "备案审查率 371522  100.0%（2/2）" "莘县: 备案审查率 2/2"
lacks "$T/out" "冠县" "冠县's units are not computed"
eq "$(vals normative.filing_rate | join_lines ,)" "* 2/3,莘县司法局 2/2,莘县朝城镇人民政府 0/1" \
    "报备率 stored: the total and each of 莘县's units"
eq "$(vals normative.timely_rate | join_lines ,)" "* 1/3,莘县司法局 1/2,莘县朝城镇人民政府 0/1" \
    "及时率 stored"
eq "$(vals normative.review_rate | join_lines ,)" "* 2/2,莘县司法局 2/2,莘县朝城镇人民政府 0/0" \
    "备案审查率 stored: 朝城镇 has none due (0/0)"
eq "$(sql "SELECT scope FROM indicator_run ORDER BY id DESC LIMIT 1")" 371522 "the run is kept as 莘县's"
lists() { # the lists of ids of the newest run's values; $1: a condition
	for c in counted_ids failing_ids excluded_ids; do
		echo "SELECT $c FROM indicator_value WHERE run_id = (SELECT max(id) FROM indicator_run) AND $1"
	done | join_lines " UNION ALL "
}
eq "$(value_ids "$(lists "unit_id IS NULL")" | wc -l | tr -d ' ')" 12 \
    "the total's records: 3 documents behind each of 4 indicators (规范率 excludes C1, never reviewed)"
ALL_IDS=$(value_ids "$(lists "1 = 1")" | sort -u | join_lines ,)
eq "$(sql "SELECT count(*) FROM reg_normative_doc WHERE title LIKE 'G%' AND id IN ($ALL_IDS)")" 0 \
    "no record of 冠县 behind 莘县's values"

# The whole store's latest values are still the whole store's.
run 0 "$FAZHI" indicators list --db "$DB"
has "$T/out" "全县 80.0%（4/5）" "list: the whole store's 报备率, not 莘县's"
run 0 "$FAZHI" indicators list --db "$DB" --division 371522
has "$T/out" "  371522  66.7%（2/3）" "list --division: 莘县's total"
has "$T/out" "  莘县朝城镇人民政府  0.0%（0/1）" "list --division: 朝城镇"
run 0 "$FAZHI" indicators list --db "$DB" --division 371525
has "$T/out" "该区划尚未计算" "冠县 not computed yet"

# --- the other county, and the city of both ---------------------------------
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --division 371525
has "$T/out" "报备率  371525  100.0%（2/2）" "冠县: 报备率 2/2"
has "$T/out" "及时率  371525  100.0%（2/2）" "冠县: 及时率 2/2"
has "$T/out" "备案审查率 371525  50.0%（1/2）" "冠县: 备案审查率 1/2"
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --division 3715
has "$T/out" "报备率  3715  80.0%（4/5）" "聊城市 (both counties) equals the whole store: 4/5"
has "$T/out" "备案审查率 3715  75.0%（3/4）" "聊城市: 3/4"
run 0 "$FAZHI" indicators list --db "$DB" --division 371522 --json
eq "$(jq -r '.indicators[0].values[0].numerator' "$T/out")" 2 "莘县's run is still its latest"
run 0 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --division 3716
has "$T/out" "报备率  3716  无数据" "a division without units: no value"

# --- bad codes ---------------------------------------------------------------
run 1 "$FAZHI" indicators compute --db "$DB" --as-of 2022-12-31 --division 37x
has "$T/err" "区划代码“37x”无效" "a code that is not digits is refused"
run 0 "$FAZHI" audit verify --db "$DB"
