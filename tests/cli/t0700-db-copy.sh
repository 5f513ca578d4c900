#!/bin/sh
# t0700-db-copy.sh: fazhi db status|copy: a store with the reference plan
# copied to a new store (of the other engine when a PostgreSQL cluster is
# there) reads back identically; copies into a store with data, from a
# missing store, or without --from/--to are refused and change nothing.
. "$TOP/tests/lib/lib.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1

# The target: PostgreSQL for a SQLite source when a cluster exists, else
# a SQLite file.
if [ "$BACKEND" = sqlite ] && [ -n "${FAZHI_TEST_PG_HOST:-}" ]; then
	TDB="fzcopy_$$"
	TO="postgresql:///$TDB?host=$FAZHI_TEST_PG_HOST&user=$FAZHI_TEST_PG_USER"
	drop_target() {
		psql -X -q "postgresql:///postgres?host=$FAZHI_TEST_PG_HOST&user=$FAZHI_TEST_PG_USER" \
		    -c "DROP DATABASE IF EXISTS $TDB WITH (FORCE)" >/dev/null 2>&1
	}
else
	TO="$T/copy.db"
	drop_target() { :; }
fi

run 0 "$FAZHI" db copy --from "$DB" --to "$TO"
has "$T/out" "逐表核对一致" "copy reports every table verified"
has "$T/out" "task_unit_member" "copy lists the tables"

"$FAZHI" plan show --db "$DB" --json >"$T/a.json"
"$FAZHI" plan show --db "$TO" --json >"$T/b.json"
if cmp -s "$T/a.json" "$T/b.json"; then ok "the copy shows the same plan, ids included"
else not_ok "the copy shows the same plan"; diff "$T/a.json" "$T/b.json" | head -5 | sed 's/^/# /'; fi
"$FAZHI" units list --db "$DB" --json >"$T/ua.json"
"$FAZHI" units list --db "$TO" --json >"$T/ub.json"
if cmp -s "$T/ua.json" "$T/ub.json"; then ok "the copy has the same units"
else not_ok "the copy has the same units"; fi

run 0 "$FAZHI" db status --db "$TO"
has "$T/out" "task " "status lists the task table"
# the version is the highest migration number, not the count of files
latest=$(ls "$TOP"/sql/sqlite/[0-9]*.sql | sed 's|.*/||; s|_.*||; s|^0*||' | sort -n | tail -n 1)
has "$T/out" "结构版本：$latest" "status shows the schema version"

# The copy keeps working: a revision updates it like the original.
run 0 "$FAZHI" plan import --db "$TO" --update "$TOP/tests/import/fixtures/shenxian-2022-rev.md"
has "$T/out" "第 2 版" "the copy takes an update (sequences continue)"

# Refusals, and nothing changed by them.
"$FAZHI" db status --db "$TO" >"$T/before"
run 1 "$FAZHI" db copy --from "$DB" --to "$TO"
has "$T/err" "不是空的" "a copy into a store with data is refused"
"$FAZHI" db status --db "$TO" >"$T/after"
if cmp -s "$T/before" "$T/after"; then ok "the refused copy changed nothing"
else not_ok "the refused copy changed nothing"; fi
run 1 "$FAZHI" db copy --from "$T/missing.db" --to "$T/new.db"
has "$T/err" "fazhi init" "a missing source says how to create one"
run 2 "$FAZHI" db copy --from "$DB"
run 2 "$FAZHI" db frobnicate
run 0 "$FAZHI" db --help
has "$T/out" "用法" "db --help"
drop_target
