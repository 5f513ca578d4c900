#!/bin/sh
# t0810-audit.sh: fazhi audit verify: the log of a real session of work
# verifies; an edited entry, a deleted entry, and a forged entry appended
# behind the program's back are each found and named.
. "$TOP/tests/lib/lib.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
echo 'correct-horse-battery' | "$FAZHI" user add --db "$DB" --name 张三 \
    --password-stdin zhangsan >/dev/null
"$FAZHI" user disable --db "$DB" zhangsan >/dev/null

n=$(count_rows audit)
run 0 "$FAZHI" audit verify --db "$DB"
has "$T/out" "操作日志完整：$n 条记录" "the log verifies and counts its entries"
head=$(sql "SELECT hash FROM audit ORDER BY id DESC LIMIT 1")
has "$T/out" "最新散列：$head" "it prints the newest hash as the anchor"

mid=$(sql "SELECT id FROM audit ORDER BY id LIMIT 1 OFFSET 2")
keep=$(sql "SELECT actor FROM audit WHERE id = $mid")
sql "UPDATE audit SET actor = 'someone-else' WHERE id = $mid" >/dev/null
run 1 "$FAZHI" audit verify --db "$DB"
has "$T/err" "第 $mid 条记录" "an edited entry is named"
has "$T/err" "改动" "and said to be changed"
sql "UPDATE audit SET actor = '$keep' WHERE id = $mid" >/dev/null
run 0 "$FAZHI" audit verify --db "$DB"

next=$(sql "SELECT min(id) FROM audit WHERE id > $mid")
sql "DELETE FROM audit WHERE id = $mid" >/dev/null
run 1 "$FAZHI" audit verify --db "$DB"
has "$T/err" "第 $next 条记录" "a deletion is found at the entry after it"

sql "INSERT INTO audit (at, actor, action, object, detail, prev_hash, hash) VALUES ('2099-01-01T00:00:00Z', 'x', 'forged', 'x', NULL, '$head', 'f00d')" >/dev/null
run 1 "$FAZHI" audit verify --db "$DB"
run 2 "$FAZHI" audit frobnicate
run 0 "$FAZHI" audit --help
has "$T/out" "用法" "audit --help"
