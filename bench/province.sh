#!/bin/sh
# province.sh: the province-scale benchmark of registries and indicators.
# On SQLite and on PostgreSQL (a throw-away cluster from tests/with-pg.sh):
# gen_province fills a fresh store with Shandong's 136 counties, their
# units and 1,000,000 normative documents of 2022; then, in process
# (bench_indicators), a full recompute of every indicator, one county's
# recompute and one county's dashboard; beside them the baseline, the same
# counting done by one GROUP BY query through sqlite3 / psql, whose totals
# must equal fazhi's. Writes bench/results/DATE-province-HOST.md.
# Usage: bench/province.sh   (env: BENCH_RUNS=5, BENCH_FULL_RUNS=3,
#        BENCH_RECORDS=1000000, BENCH_COUNTY=371522, BENCH_HOST, CC,
#        BENCH_SQLITE_ONLY=1)
# SPDX-License-Identifier: MIT
set -eu

cd "$(dirname "$0")/.."
B=build-bench
W=$B/province
OPT="-O2 -g"
CC=${CC:-cc}
RUNS=${BENCH_RUNS:-5}
FULL_RUNS=${BENCH_FULL_RUNS:-3}
NREC=${BENCH_RECORDS:-1000000}
COUNTY=${BENCH_COUNTY:-371522}
ASOF=2022-12-31
DIVS=data/divisions/shandong.csv
UNITS=data/units/shenxian.csv

# --- Build (outside the cluster: it is not timed) ---------------------------
if [ -z "${FZ_PROVINCE_INNER:-}" ]; then
	mkdir -p "$W" bench/results
	make --no-print-directory BUILD="$B" OPT="$OPT" SAN=0 "$B/libfazhi.a" \
	    "$B/fazhi"
	# shellcheck disable=SC2016
	mkvar()
	{
		printf 'print-%%:\n\t@echo $($*)\n' |
		    make -s --no-print-directory -f Makefile -f - BUILD="$B" \
		    OPT="$OPT" SAN=0 "print-$1"
	}
	for p in gen_province bench_indicators; do
		# shellcheck disable=SC2046
		$CC $(mkvar ALL_CFLAGS) -o "$B/$p" "bench/$p.c" \
		    "$B/libfazhi.a" $(mkvar PKG_LIBS)
	done
	FZ_PROVINCE_INNER=1
	export FZ_PROVINCE_INNER
	if [ -z "${FAZHI_TEST_PG_HOST:-}" ] && [ -z "${BENCH_SQLITE_ONLY:-}" ]; then
		exec tests/with-pg.sh "$0" "$@"
	fi
fi

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
kv() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
ms() { echo $(($(date +%s%N) / 1000000)); }
# median of numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# The baseline: the three rates of every unit, as of $ASOF, in one GROUP BY
# (the definitions' predicates written out in SQL); the last line is the
# total, to check against fazhi's. $1: sqlite or pg (date arithmetic).
baseline_sql()
{
	if [ "$1" = sqlite ]; then
		d() { echo "julianday($1)"; }
		b() { echo "($1)"; }
	else
		d() { echo "($1)::date"; }
		b() { echo "($1)::int"; }
	fi
	fok="filed IS NOT NULL AND filed <= '$ASOF'"
	rok="reviewed IS NOT NULL AND reviewed <= '$ASOF'"
	fdue="($fok) OR $(d published) + 30 < $(d "'$ASOF'")"
	rdue="($fok) AND (($rok) OR $(d filed) + 30 < $(d "'$ASOF'"))"
	timely="($fok) AND $(d filed) - $(d published) BETWEEN 0 AND 30"
	cat <<EOF
WITH r AS (SELECT unit_id, $(b "$fdue") AS fdue, $(b "$fok") AS fok,
  $(b "$timely") AS timely, $(b "$rdue") AS rdue, $(b "($rok) AND ($fok)") AS rok
  FROM reg_normative_doc WHERE published BETWEEN '2022-01-01' AND '$ASOF'),
u AS (SELECT unit_id, sum(fdue) AS fdue, sum(fok * fdue) AS fok,
  sum(timely * fdue) AS timely, sum(rdue) AS rdue, sum(rok * rdue) AS rok
  FROM r GROUP BY unit_id)
SELECT count(*), sum(fok), sum(fdue), sum(timely), sum(rok), sum(rdue) FROM u;
EOF
}

bench_engine()
{
	eng=$1
	dsn=$2
	echo "== $eng: gen_province" >&2
	gen=$("$B/gen_province" -n "$NREC" "$dsn" "$DIVS" "$UNITS")
	echo "$gen" >&2
	baseline_sql "$eng" > "$W/baseline-$eng.sql"
	: > "$W/baseline-$eng.ms"
	i=0
	while [ $i -lt "$RUNS" ]; do
		t0=$(ms)
		if [ "$eng" = sqlite ]; then
			bl=$(sqlite3 "$dsn" < "$W/baseline-$eng.sql")
		else
			bl=$(psql -X -q -At -F '|' "$dsn" -f "$W/baseline-$eng.sql")
		fi
		echo $(($(ms) - t0)) >> "$W/baseline-$eng.ms"
		i=$((i + 1))
	done
	echo "baseline: $bl ($(median < "$W/baseline-$eng.ms") ms)" >&2
	echo "== $eng: full recompute x$FULL_RUNS" >&2
	full=$("$B/bench_indicators" "$dsn" $ASOF compute "$FULL_RUNS")
	echo "$full" >&2
	# fazhi's totals, from the newest whole-store run, for the check
	q="SELECT d.key || '=' || v.numerator || '/' || v.denominator FROM indicator_value v JOIN indicator_def d ON d.id = v.def_id WHERE v.unit_id IS NULL AND v.run_id = (SELECT max(id) FROM indicator_run WHERE scope IS NULL) ORDER BY d.key"
	if [ "$eng" = sqlite ]; then fz=$(sqlite3 "$dsn" "$q" | tr '\n' ' ')
	else fz=$(psql -X -q -At "$dsn" -c "$q" | tr '\n' ' '); fi
	echo "== $eng: county $COUNTY x$RUNS, dashboard x$RUNS" >&2
	county=$("$B/bench_indicators" "$dsn" $ASOF county "$COUNTY" "$RUNS")
	echo "$county" >&2
	dash=$("$B/bench_indicators" "$dsn" $ASOF dashboard "$COUNTY" "$((RUNS * 4))")
	echo "$dash" >&2
	# The CLI, process start included.
	: > "$W/cli-$eng.ms"
	i=0
	while [ $i -lt "$RUNS" ]; do
		t0=$(ms)
		"$B/fazhi" indicators list --db "$dsn" --division "$COUNTY" \
		    --json > /dev/null
		echo $(($(ms) - t0)) >> "$W/cli-$eng.ms"
		i=$((i + 1))
	done
	if [ "$eng" = sqlite ]; then
		size=$(stat -c %s "$dsn")
	else
		size=$(psql -X -q -At "$dsn" -c "SELECT pg_database_size(current_database())")
	fi
	eval "gen_$eng=\$gen; bl_$eng=\$bl; full_$eng=\$full; fz_$eng=\$fz"
	eval "county_$eng=\$county; dash_$eng=\$dash; size_$eng=\$size"
	eval "blms_$eng=$(median < "$W/baseline-$eng.ms")"
	eval "cli_$eng=$(median < "$W/cli-$eng.ms")"
}

SQ=$W/province.db
rm -f "$SQ" "$SQ"-*
bench_engine sqlite "$SQ"
rm -f "$SQ" "$SQ"-*
engines=sqlite
pgver=
if [ -n "${FAZHI_TEST_PG_HOST:-}" ] && [ -z "${BENCH_SQLITE_ONLY:-}" ]; then
	PGU=${FAZHI_TEST_PG_USER:-fazhi}
	ADMIN="postgresql:///postgres?host=$FAZHI_TEST_PG_HOST&user=$PGU"
	PGDB=fazhi_province
	psql -X -q -At "$ADMIN" -c "DROP DATABASE IF EXISTS $PGDB" >/dev/null
	psql -X -q -At "$ADMIN" -c "CREATE DATABASE $PGDB" >/dev/null
	pgver=$(psql -X -q -At "$ADMIN" -c "SELECT version()")
	pgset=$(psql -X -q -At "$ADMIN" -c "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'work_mem')")
	bench_engine pg "postgresql:///$PGDB?host=$FAZHI_TEST_PG_HOST&user=$PGU"
	psql -X -q -At "$ADMIN" -c "DROP DATABASE IF EXISTS $PGDB" >/dev/null
	engines="sqlite pg"
fi
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# --- The result file ----------------------------------------------------------
host=${BENCH_HOST:-$(hostname)}
out=bench/results/$(date -u +%Y-%m-%d)-province-$host.md
{
	echo "# Province benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $host"
	echo
	echo "Made by \`bench/province.sh\` at commit $(git rev-parse --short HEAD)."
	echo "Load average $load_start at the start, $load_end at the end (2 CPUs)."
	echo
	echo "| | |"
	echo "|---|---|"
	echo "| CPU | $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs |"
	echo "| Memory | $(free -h | awk '/^Mem:/ { print $2 " total, " $7 " available" }') |"
	echo "| Kernel | $(uname -srm) |"
	echo "| Compiler | $($CC --version | head -1), \`$OPT\` |"
	echo "| SQLite | $(sqlite3 --version | cut -d' ' -f1) |"
	[ -n "$pgver" ] && echo "| PostgreSQL | $pgver; $pgset |"
	echo "| Data | $NREC records, as of $ASOF, county $COUNTY |"
	echo
	for e in $engines; do
		eval "g=\$gen_$e; f=\$full_$e; c=\$county_$e; d=\$dash_$e"
		eval "b=\$bl_$e; bm=\$blms_$e; z=\$fz_$e; s=\$size_$e; cl=\$cli_$e"
		echo
		echo "## $e"
		echo
		echo "| what | median | min | CPU median |"
		echo "|---|---|---|---|"
		echo "| generate $(kv "$g" counties) counties, $(kv "$g" units) units ($(kv "$g" towns) towns) through the store | $(kv "$g" units_secs) s | | |"
		echo "| generate $NREC records | $(kv "$g" records_secs) s | | |"
		echo "| full recompute (core_ind_compute, $(kv "$f" values) values) | $(kv "$f" median_ms) ms | $(kv "$f" min_ms) ms | $(kv "$f" cpu_median_ms) ms |"
		echo "| baseline: the same counting, one GROUP BY (client process) | $bm ms | | |"
		echo "| one county's recompute ($COUNTY, $(kv "$c" values) values) | $(kv "$c" median_ms) ms | $(kv "$c" min_ms) ms | $(kv "$c" cpu_median_ms) ms |"
		echo "| one county's dashboard (core_ind_scope_json + JSON text, $(kv "$d" json_bytes) bytes) | $(kv "$d" median_ms) ms | $(kv "$d" min_ms) ms | $(kv "$d" cpu_median_ms) ms |"
		echo "| \`fazhi indicators list --division $COUNTY --json\` (process) | $cl ms | | |"
		echo
		echo "Store size after the runs: $((s / 1048576)) MiB."
		echo "Baseline totals (units, filed, filing due, timely, reviewed, review due): \`$b\`."
		echo "fazhi's totals: \`$z\`."
	done
} > "$out"
echo "wrote $out" >&2
