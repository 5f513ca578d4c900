#!/bin/sh
# store.sh: the store benchmark, the same workload (bench/bench_store.c) on
# SQLite and on PostgreSQL. Builds build-storebench/ at -O2 without
# sanitizers, runs against a fresh SQLite file and a fresh PostgreSQL
# database (under tests/with-pg.sh when FAZHI_TEST_PG_HOST is unset) and
# writes bench/results/DATE-store-HOST.md with PG/SQLite ratios.
# Usage: bench/store.sh [bench_store options]   (env: BENCH_HOST, CC)
# SPDX-License-Identifier: MIT
set -eu

cd "$(dirname "$0")/.."
B=build-storebench
W=$B/bench
OPT="-O2 -g"
CC=${CC:-cc}

# --- Build (outside the cluster: it is not timed) ---------------------------
if [ -z "${FZ_STORE_BENCH_INNER:-}" ]; then
	mkdir -p "$W" bench/results
	# Objects built with other flags are thrown away.
	if [ "$(cat "$B/bench-opt.stamp" 2>/dev/null || true)" != "$OPT" ]; then
		rm -rf "$B/obj" "$B/libfazhi.a"
		echo "$OPT" > "$B/bench-opt.stamp"
	fi
	make --no-print-directory BUILD="$B" OPT="$OPT" SAN=0 "$B/libfazhi.a"
	# bench_store with the Makefile's own ALL_CFLAGS and PKG_LIBS.
	# shellcheck disable=SC2016
	mkvar()
	{
		printf 'print-%%:\n\t@echo $($*)\n' |
		    make -s --no-print-directory -f Makefile -f - BUILD="$B" \
		    OPT="$OPT" SAN=0 "print-$1"
	}
	# shellcheck disable=SC2046
	$CC $(mkvar ALL_CFLAGS) -o "$B/bench_store" bench/bench_store.c \
	    "$B/libfazhi.a" $(mkvar PKG_LIBS)
	FZ_STORE_BENCH_INNER=1
	export FZ_STORE_BENCH_INNER
	# A throw-away cluster, unless one is given (tests/with-pg.sh runs
	# the command alone when PostgreSQL is not installed).
	if [ -z "${FAZHI_TEST_PG_HOST:-}" ]; then
		exec tests/with-pg.sh "$0" "$@"
	fi
fi

BS=$B/bench_store
load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# kv LINE KEY: the value of KEY=value in a key=value line.
kv()
{
	echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"
}
# op OUTPUT NAME: the line of operation NAME.
op()
{
	echo "$1" | grep "^op=$2 " | head -1
}

# --- SQLite -----------------------------------------------------------------
SQ=$W/store.db
rm -f "$SQ" "$SQ"-* "$SQ".imp*
echo "== SQLite: $SQ" >&2
t0=$(date +%s)
out_sq=$($BS "$@" "$SQ")
t1=$(date +%s)
sq_secs=$((t1 - t0))
echo "$out_sq" > "$W/sqlite.out"
echo "$out_sq" >&2
sq_fs=$(df -PT "$W" | awk 'NR == 2 { print $2 " on " $7 }')
rm -f "$SQ" "$SQ"-* "$SQ".imp*

# --- PostgreSQL -------------------------------------------------------------
out_pg=""
pg_secs=0
pgver=""
pgset=""
pg_fs=""
if [ -n "${FAZHI_TEST_PG_HOST:-}" ]; then
	PGU=${FAZHI_TEST_PG_USER:-fazhi}
	PGDB=fazhi_storebench
	DSN="postgresql:///$PGDB?host=$FAZHI_TEST_PG_HOST&user=$PGU"
	ADMIN="postgresql:///postgres?host=$FAZHI_TEST_PG_HOST&user=$PGU"
	psqlc()
	{
		psql -X -q -At "$ADMIN" -c "$1"
	}
	dropall()
	{
		for d in $(psqlc "SELECT datname FROM pg_database WHERE datname = '$PGDB' OR datname LIKE '${PGDB}\\_imp%'"); do
			psqlc "DROP DATABASE \"$d\"" >/dev/null
		done
	}
	dropall
	pgver=$(psqlc "SELECT version()")
	pgset=$(psqlc "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'work_mem', 'max_wal_size', 'jit', 'max_parallel_workers_per_gather')")
	pgdata=$(psqlc "SHOW data_directory")
	pg_fs=$(df -PT "$pgdata" | awk 'NR == 2 { print $2 " on " $7 }')
	echo "== PostgreSQL: $DSN" >&2
	t0=$(date +%s)
	out_pg=$($BS "$@" "$DSN")
	t1=$(date +%s)
	pg_secs=$((t1 - t0))
	echo "$out_pg" > "$W/pg.out"
	echo "$out_pg" >&2
	dropall
else
	echo "store.sh: no PostgreSQL: SQLite only" >&2
fi

load_end=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# --- Report -----------------------------------------------------------------
date=$(date +%Y-%m-%d)
host=${BENCH_HOST:-$(hostname -s 2>/dev/null || true)}
[ -n "$host" ] || host=dev
RES=bench/results/$date-store-$host.md
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain -- src include Makefile sql 2>/dev/null | wc -l)
[ "$dirty" -gt 0 ] && commit="$commit (plus uncommitted changes in $dirty files under src/ include/ sql/ Makefile)"
model=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
mem=$(free -h | awk '/^Mem:/ { print $2 " total, " $7 " available" }')

# val OUT OP KEY: a value, or — when absent.
val()
{
	l=$(op "$1" "$2")
	v=$(kv "$l" "$3")
	echo "${v:-—}"
}
# ratio A B: B / A to two decimals (PG over SQLite), — if either is missing.
ratio()
{
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a == "—" || b == "—" || a + 0 == 0) print "—";
		else printf "%.2f", b / a }'
}
# fmt V DIGITS: V with DIGITS decimals, — kept.
fmt()
{
	awk -v v="$1" -v d="$2" 'BEGIN {
		if (v == "—") print v; else printf "%.*f", d, v }'
}
# row LABEL OP KEY DIGITS [SCALE]: a table row; the ratio is PG / SQLite.
row()
{
	a=$(val "$out_sq" "$2" "$3")
	b=$(val "$out_pg" "$2" "$3")
	if [ -n "${5:-}" ]; then
		a=$(awk -v v="$a" -v s="$5" 'BEGIN {
			if (v == "—") print v; else print v * s }')
		b=$(awk -v v="$b" -v s="$5" 'BEGIN {
			if (v == "—") print v; else print v * s }')
	fi
	printf '| %s | %s | %s | %s |\n' "$1" "$(fmt "$a" "$4")" \
	    "$(fmt "$b" "$4")" "$(ratio "$a" "$b")"
}
# same OP KEY: do both engines give the same value?
same()
{
	a=$(val "$out_sq" "$1" "$2")
	b=$(val "$out_pg" "$1" "$2")
	if [ -z "$out_pg" ]; then echo "(SQLite only)";
	elif [ "$a" = "$b" ]; then echo "same ($a)";
	else echo "**DIFFERENT** (SQLite $a, PostgreSQL $b)"; fi
}
r()
{
	ratio "$(val "$out_sq" "$1" "$2")" "$(val "$out_pg" "$1" "$2")"
}
# word RATIO: how PostgreSQL compares, in words, for a time ratio.
word()
{
	awk -v r="$1" 'BEGIN {
		if (r == "—") print "not measured";
		else if (r >= 1.15) printf "%.1f× slower than SQLite", r;
		else if (r <= 0.87) printf "%.1f× faster than SQLite", 1 / r;
		else print "about as fast as SQLite" }'
}

# spread LABEL OP: min–max of the timed runs on each engine.
spread()
{
	printf '| %s | %s–%s | %s–%s |\n' "$1" \
	    "$(fmt "$(val "$out_sq" "$2" min_ms)" 1)" \
	    "$(fmt "$(val "$out_sq" "$2" max_ms)" 1)" \
	    "$(fmt "$(val "$out_pg" "$2" min_ms)" 1)" \
	    "$(fmt "$(val "$out_pg" "$2" max_ms)" 1)"
}
# plans OP: the query plans of OP on both engines.
plans()
{
	echo "\`$1\`:"
	echo
	echo '```'
	echo "$out_sq" | sed -n "s/^plan op=$1 backend=[a-z]* | /sqlite  /p"
	echo "$out_pg" | sed -n "s/^plan op=$1 backend=[a-z]* | /pg      /p"
	echo '```'
	echo
}

rows=$(val "$out_sq" insert rows)
batch=$(val "$out_sq" insert batch)
reads=$(val "$out_sq" read_by_id reads)
nimp=$(val "$out_sq" plan_import n)
qruns=$(val "$out_sq" agg_per_task runs)
ngets=$(val "$out_sq" plan_get n)
pairs=$(val "$out_sq" setup pairs)
ins_pg=$(val "$out_pg" insert secs)
pg_par=""
if echo "$out_pg" | grep -q '^plan op=agg_per_task .*Workers Planned'; then
	pg_par="
  PostgreSQL runs the scans in parallel (\`Workers Planned: 2\` below,
  the default max_parallel_workers_per_gather), so it uses both CPUs
  where SQLite, which never parallelises a query, uses one."
fi
if echo "$out_pg" | grep -q '^plan op=latest_window .*JIT:'; then
	pg_par="$pg_par
  The window query is costly enough to cross PostgreSQL's JIT threshold
  (\`jit_above_cost\`): part of its time is compiling expressions."
fi
mb_sq=$(awk -v v="$(val "$out_sq" analyze db_bytes)" 'BEGIN { printf "%.0f", v / 1e6 }')
sq_why=""
if echo "$out_sq" | grep -q '^plan op=agg_per_task .*USING INDEX bench_progress_task'; then
	sq_why="
  SQLite answers the GROUP BY queries by walking the task_id (or unit_id)
  index and fetching every row from the table in index order, that is in
  random table order, and the store's driver sets neither \`cache_size\`
  nor \`mmap_size\`: each fetch goes through SQLite's default 2 MB page
  cache over a $mb_sq MB file, much of it as pread() system calls.
  PostgreSQL reads the table sequentially and aggregates in a hash table
  (plans below). A covering index for these queries, or a larger page
  cache or mmap, is what SQLite would need; the next issue's real table
  should be indexed for the dashboard's queries, on both engines."
fi
busy_note=""
# Busy: 1-minute load above half the CPUs at the start, or at the end
# above that plus the one CPU the run itself keeps busy.
if awk -v l="$load_start $load_end" -v n="$(nproc)" 'BEGIN {
    split(l, a, " "); exit !(a[1] > n / 2 || a[4] > n / 2 + 1) }'; then
	busy_note="
**The machine was busy** (1-minute load average above half the CPUs at
the start, or above that plus this run's own CPU at the end): other
processes shared the CPUs, so the times are noisy and on the slow side,
PostgreSQL's parallel queries most of all."
fi

{
	cat <<EOF
# Store benchmark, $date, $host

Written by \`bench/store.sh\`: the same workload (\`bench/bench_store.c\`)
against a fresh SQLite file and a fresh PostgreSQL database, through the
store's own drivers (\`src/store/drv_sqlite.c\`, \`src/store/drv_pg.c\`).
Times are medians unless stated; the ratio is PostgreSQL time over SQLite
time, so **above 1 means PostgreSQL is slower**.

## Machine

| | |
|---|---|
| CPU | ${model:-unknown}, $(nproc) CPUs (\`nproc\`) |
| Memory | $mem |
| Kernel | $(uname -srm) |
| Compiler | $($CC --version | head -1), \`$OPT\`, no sanitizers |
| SQLite | $(pkg-config --modversion sqlite3) (WAL, synchronous=NORMAL, foreign_keys=ON, as \`drv_sqlite.c\` opens it); file on $sq_fs |
| PostgreSQL | ${pgver:-not installed} |
| PostgreSQL settings | ${pgset:-—}; data on ${pg_fs:-—} |
| Client | libpq $(pkg-config --modversion libpq), over a Unix socket, same machine |
| Commit | $commit |
| Load average (1, 5, 15 min) | $load_start at start, $load_end at end |
| Wall time | SQLite ${sq_secs} s, PostgreSQL ${pg_secs} s (build and cluster start not counted) |
$busy_note

## Workload

1. **plan import**: \`core_plan_import()\` of \`data/plans/shenxian-2022.md\`
   into $nimp fresh, migrated stores that hold the 莘县 unit directory
   (\`core_units_import()\` of \`data/units/shenxian.csv\`); creating,
   migrating and filling those stores is not timed.
2. **insert**: $rows rows into \`bench_progress\` (id, task_id, unit_id,
   period, status, pct, note, updated_at), $batch rows per transaction,
   one prepared INSERT. The table has foreign keys to \`task\` and \`unit\`
   (as the real progress table will) and indexes on task_id and unit_id.
   Rows go to $pairs (task, unit) pairs: the plan's tasks with their
   resolved lead and responsible units. Notes are about 60 Chinese
   characters. The data comes from a fixed seed, so both engines store the
   same rows.
3. After the insert, \`VACUUM ANALYZE bench_progress\` on PostgreSQL (what
   autovacuum does after a bulk load; it also fills the visibility map) and
   \`ANALYZE\` on SQLite, then the dashboard's aggregates, one untimed run
   and $qruns timed runs each: per task (count, avg pct, count by status),
   per unit (已完成 / total), the latest row per (task_id, unit_id) as a
   MAX(id) GROUP BY join and as a ROW_NUMBER() window, and an overdue-like
   count (\`status <> '已完成' AND updated_at < '2022-07-01'\`, no index on
   updated_at: a full scan on both).
4. **read by id**: $reads random ids through one prepared
   \`SELECT … WHERE id = ?1\`, outside any transaction; then as many runs
   of a prepared \`SELECT ?1\` that reads no table, the floor under every
   statement (on PostgreSQL: one round trip).
5. **store_plan_get()** of the imported plan, $ngets times.

## Results

| Operation | SQLite | PostgreSQL | PG/SQLite ratio |
|---|---|---|---|
$(row "plan import, ms (median of $nimp fresh stores)" plan_import median_ms 2)
$(row "insert $rows rows, µs per row" insert us_per_row 2)
$(row "insert, total seconds" insert secs 1)
$(row "insert, median ms per $batch-row transaction" insert batch_median_ms 1)
$(row "ANALYZE (PG: VACUUM ANALYZE), seconds" analyze secs 2)
$(row "database size after the insert, MB" analyze db_bytes 0 0.000001)
$(row "per task: count, avg pct, by status, ms" agg_per_task median_ms 1)
$(row "per unit: 已完成 / total, ms" agg_per_unit median_ms 1)
$(row "latest per (task, unit), MAX(id) join, ms" latest_maxid median_ms 1)
$(row "latest per (task, unit), window, ms" latest_window median_ms 1)
$(row "overdue-like count, ms" overdue_count median_ms 1)
$(row "read by id, µs per read" read_by_id us_per_read 2)
$(row "prepared \`SELECT ?1\` (no table), µs" noop us_per_stmt 2)
$(row "store_plan_get(), ms (median of $ngets)" plan_get median_ms 3)

Spread of the timed runs (min–max ms):

| Operation | SQLite | PostgreSQL |
|---|---|---|
$(spread "plan import" plan_import)
$(spread "per task" agg_per_task)
$(spread "per unit" agg_per_unit)
$(spread "latest, MAX(id) join" latest_maxid)
$(spread "latest, window" latest_window)
$(spread "overdue-like count" overdue_count)
$(spread "store_plan_get()" plan_get)

Insert throughput: SQLite $(fmt "$(val "$out_sq" insert rows_per_s)" 0) rows/s,
PostgreSQL $(fmt "$(val "$out_pg" insert rows_per_s)" 0) rows/s (the whole
$rows took ${ins_pg} s on PostgreSQL). Reads: SQLite
$(fmt "$(val "$out_sq" read_by_id reads_per_s)" 0)/s, PostgreSQL
$(fmt "$(val "$out_pg" read_by_id reads_per_s)" 0)/s.

**Do the engines agree?** Each query's integer results are summed into a
check value; equal data must give equal checks.
per task $(same agg_per_task check), per unit $(same agg_per_unit check),
latest (join) $(same latest_maxid check), latest (window)
$(same latest_window check), overdue $(same overdue_count check), reads
$(same read_by_id check).

## Reading the numbers

**The PostgreSQL here is not a production PostgreSQL.** \`tests/with-pg.sh\`
starts it with \`fsync=off\`, \`synchronous_commit=off\` and
\`full_page_writes=off\`: no commit waits for the disk, and a crash of the
machine can corrupt the cluster. SQLite runs as fazhi runs it, in WAL mode
with \`synchronous=NORMAL\`: a commit writes to the WAL without fsync (the
WAL is synced at checkpoints), so a power cut can lose the last commits but
not corrupt the file. Both engines therefore commit without waiting for
the disk, which is fair between them but flatters every write figure
(SQLite still syncs at each WAL checkpoint, inside its insert time;
PostgreSQL here never syncs at all). A
production PostgreSQL (fsync and synchronous_commit on) adds one WAL flush
per commit: small for $batch-row transactions, one flush per plan import,
but it would dominate a workload of many one-row transactions (a progress
report saved per request).

**The client talks to PostgreSQL over a Unix socket on the same machine**,
and the store's PostgreSQL driver sends one \`PQexecPrepared\` per
statement, with no pipelining and no multi-row INSERT: every inserted row,
every read by id and every statement of an import is one round trip and
two context switches, here on 2 shared CPUs. That is the cheapest round
trip PostgreSQL can have; over TCP to another host (a separate database
server, a replica) each costs from 0.1 ms up, which would multiply the
insert, read-by-id and plan import figures, and leave the aggregates (one
round trip each) almost unchanged. SQLite has no round trip at all: it is
a function call.

- **The floor**: a prepared \`SELECT ?1\` that reads no table costs
  $(fmt "$(val "$out_pg" noop us_per_stmt)" 1) µs on PostgreSQL and
  $(fmt "$(val "$out_sq" noop us_per_stmt)" 2) µs on SQLite. That
  $(fmt "$(val "$out_pg" noop us_per_stmt)" 1) µs, the round trip, is
  most of PostgreSQL's $(fmt "$(val "$out_pg" insert us_per_row)" 1) µs
  per inserted row and $(fmt "$(val "$out_pg" read_by_id us_per_read)" 1) µs
  per read by id.
- **Writes**: inserting is $(word "$(r insert us_per_row)") per row and
  the plan import is $(word "$(r plan_import median_ms)"). Both are
  round-trip bound on PostgreSQL. One import of this plan is about 1,200
  statements (counted with \`log_statement=all\` at commit 1865a45: 954 of
  them are single-row INSERTs into task_unit_member), and on a new
  connection each distinct statement is first prepared, one more round
  trip (some fifteen: about 1 % of the statements, paid once per
  connection by a server, on every run by the CLI). Every inserted
  progress row also runs two foreign-key checks; \`bench_store -F\`
  leaves them out, and in a trial on the machine of the first results
  (2026-11-27, 200,000 rows, twice each) that made PostgreSQL 5–10 %
  faster and SQLite no faster: the foreign keys are not what makes
  PostgreSQL slower.
- **Aggregates** over $rows rows: per task $(word "$(r agg_per_task median_ms)"),
  per unit $(word "$(r agg_per_unit median_ms)"), latest per pair
  $(word "$(r latest_maxid median_ms)") (join) and
  $(word "$(r latest_window median_ms)") (window), the overdue count
  $(word "$(r overdue_count median_ms)"). These run one statement each,
  so they compare the engines' executors and query plans, not the
  protocol.$pg_par$sq_why
- **Reads by id** are $(word "$(r read_by_id us_per_read)"), and loading
  the whole plan with \`store_plan_get()\` (eight statements) is
  $(word "$(r plan_get median_ms)"). SQLite's own reads are bound by
  system calls too: outside a transaction each read takes and drops a
  shared lock on the file (two fcntl() calls, seen with strace), and with
  the 2 MB page cache most of them miss it and pread() the page.

Runs on a shared machine with $(nproc) CPUs can vary from one run to the next by
tens of percent (see the spread above): read the ratios as "about 6×", not
"6.02×".

## Query plans

$(for o in agg_per_task agg_per_unit latest_maxid latest_window overdue_count; do plans "$o"; done)

## Raw output

\`$W/sqlite.out\` and \`$W/pg.out\` keep them too.

\`\`\`
$(echo "$out_sq" | grep '^op=')
$(echo "$out_pg" | grep '^op=')
\`\`\`
EOF
} > "$RES"

echo "store.sh: wrote $RES" >&2
sed -n '/^## Results/,/^\*\*Do the engines/p' "$RES" | sed '$d'
