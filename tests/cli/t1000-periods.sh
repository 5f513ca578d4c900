#!/bin/sh
# t1000-periods.sh: fazhi period: the reference plan's (2022) quarters and
# months generated with due dates in the following month, a custom period,
# refusals of impossible dates and duplicates that store nothing, locking,
# and the audit trail.
. "$TOP/tests/lib/lib.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
P='莘政办发〔2022〕5号'

run 0 "$FAZHI" period generate --db "$DB" --quarterly --due-day 5 --grace 3 "$P"
eq "$(count_rows period)" 4 "four quarters"
eq "$(sql "SELECT name || ' ' || starts || ' ' || ends || ' ' || due FROM period ORDER BY starts" | tr '\n' ';')" \
    "2022年第一季度 2022-01-01 2022-03-31 2022-04-05;2022年第二季度 2022-04-01 2022-06-30 2022-07-05;2022年第三季度 2022-07-01 2022-09-30 2022-10-05;2022年第四季度 2022-10-01 2022-12-31 2023-01-05;" \
    "quarters span the plan year, due on the 5th of the next month"
eq "$(sql "SELECT DISTINCT grace_days FROM period")" 3 "grace days kept"

# Generating again would duplicate names: refused whole.
before=$(dump_tables period)
run 1 "$FAZHI" period generate --db "$DB" --quarterly "$P"
has "$T/err" "第一季度" "the duplicate is named"
eq "$(dump_tables period)" "$before" "nothing was added"

run 0 "$FAZHI" period generate --db "$DB" --monthly --due-day 10 1
eq "$(count_rows period)" 16 "twelve months added"
eq "$(sql "SELECT ends || ' ' || due FROM period WHERE name = '2022年2月'")" \
    "2022-02-28 2022-03-10" "February 2022 has 28 days; due on the 10th of March"

run 0 "$FAZHI" period add --db "$DB" --name 上半年专项 --start 2022-01-01 \
    --end 2022-06-30 --due 2022-07-15 --grace 5 "$P"
has "$T/out" "上半年专项" "a custom period"

before=$(dump_tables period)
run 1 "$FAZHI" period add --db "$DB" --name 坏日期 --start 2022-02-30 \
    --end 2022-03-31 --due 2022-04-05 "$P"
has "$T/err" "开始日期" "an impossible date is named"
run 1 "$FAZHI" period add --db "$DB" --name 倒序 --start 2022-05-01 \
    --end 2022-04-30 --due 2022-05-05 "$P"
has "$T/err" "结束日期早于开始日期" "end before start is refused"
run 1 "$FAZHI" period add --db "$DB" --name 早截止 --start 2022-05-01 \
    --end 2022-05-31 --due 2022-05-20 "$P"
has "$T/err" "截止日期早于" "a due date before the end is refused"
run 1 "$FAZHI" period add --db "$DB" --name 上半年专项 --start 2022-01-01 \
    --end 2022-06-30 --due 2022-07-15 "$P"
has "$T/err" "已有名为" "a duplicate name is refused"
run 1 "$FAZHI" period list --db "$DB" 莘政办发〔1999〕1号
run 2 "$FAZHI" period generate --db "$DB" "$P"
run 2 "$FAZHI" period generate --db "$DB" --monthly --due-day 31 "$P"
eq "$(dump_tables period)" "$before" "the refusals stored nothing"

id=$(sql "SELECT id FROM period WHERE name = '2022年第一季度'")
run 0 "$FAZHI" period lock --db "$DB" "$id"
eq "$(sql "SELECT locked FROM period WHERE id = $id")" 1 "lock"
run 0 "$FAZHI" period list --db "$DB" --json "$P"
has "$T/out" '"locked": true' "list shows the lock"
run 0 "$FAZHI" period unlock --db "$DB" "$id"
eq "$(sql "SELECT locked FROM period WHERE id = $id")" 0 "unlock"
run 1 "$FAZHI" period lock --db "$DB" 99999
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'period.add'")" 17 \
    "every period added is audited"
eq "$(sql "SELECT count(*) FROM audit WHERE action IN ('period.lock', 'period.unlock')")" 2 \
    "lock and unlock are audited"
run 0 "$FAZHI" audit verify --db "$DB"
