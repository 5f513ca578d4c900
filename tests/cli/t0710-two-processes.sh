#!/bin/sh
# t0710-two-processes.sh: two fazhi processes write to one database at the
# same time — one adding units, the other importing plans — and every write
# of both is there at the end: nothing lives only in one process.
. "$TOP/tests/lib/lib.sh"

setup_db
# Forty extra units, twenty per writer, each file adding one.
for w in a b; do
	for i in $(seq 1 20); do
		printf '编码,名称,简称,别名,类型,行政执法主体,上级单位,区划代码\n' >"$T/$w$i.csv"
		printf 'p%s%d,莘县并发测试%s%d局,,,政府部门,否,xzf,371522\n' "$w" "$i" "$w" "$i" >>"$T/$w$i.csv"
	done
done
# Plans with distinct 文号 for the second writer.
for i in $(seq 1 6); do
	sed "s/莘政办发〔2022〕5号/莘政办发〔2022〕$((100 + i))号/" \
	    "$TOP/data/plans/shenxian-2022.md" >"$T/plan$i.md"
done

writer_units() {
	for i in $(seq 1 20); do
		"$FAZHI" units import --db "$DB" "$T/$1$i.csv" >/dev/null 2>>"$T/errors" ||
		    echo "units $1$i failed" >>"$T/errors"
	done
}
writer_plans() {
	for i in $(seq 1 6); do
		"$FAZHI" plan import --db "$DB" "$T/plan$i.md" >/dev/null 2>"$T/plan$i.err" ||
		    { echo "plan $i failed" >>"$T/errors"; cat "$T/plan$i.err" >>"$T/errors"; }
	done
}
: >"$T/errors"
writer_units a &
p1=$!
writer_plans &
p2=$!
writer_units b &
p3=$!
wait $p1 $p2 $p3

if [ ! -s "$T/errors" ]; then ok "no write failed"; else
	not_ok "no write failed"; sed 's/^/# /' "$T/errors" | head -10; fi
base=$(($(wc -l <"$TOP/data/units/shenxian.csv") - 1))
eq "$(count_rows unit)" "$((base + 40))" "every unit of both unit writers is stored"
eq "$(count_rows plan)" "6" "every plan of the plan writer is stored"
eq "$(count_rows task)" "132" "each plan has its 22 tasks"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'units.import'")" "41" \
    "every import is in the audit log"
# The plans resolved units while units were being added: groups expanded.
eq "$(sql "SELECT count(DISTINCT m.ref_id) FROM task_unit_member m JOIN task_unit_ref r ON r.id = m.ref_id WHERE r.grp = '各镇人民政府（街道办事处）'")" \
    "$(sql "SELECT count(*) FROM task_unit_ref WHERE grp = '各镇人民政府（街道办事处）'")" \
    "every town group reference has its members"
# The audit chain stayed one chain with three writers appending at once.
run 0 "$FAZHI" audit verify --db "$DB"
has "$T/out" "操作日志完整" "the audit chain holds after concurrent writers"
