#!/bin/sh
# annual-province.sh: the time to write the 法治政府建设年度报告 of every one
# of the province dataset's 136 counties, each in its own store (one
# deployment per county). gen_province -C makes each county's kit (its unit
# directory, the reference plan renamed for it, its share of the 1,000,000
# records); gen_year -q fills its store with a year of quarterly reports
# through the real workflow. Then, county by county, `fazhi report annual
# --year 2022` as JSON and DOCX and the sqlite3 baseline are timed.
# Writes bench/results/DATE-annual-province-HOST.md (or $BENCH_OUT).
# Usage: bench/annual-province.sh   (env: COUNTIES=N the first N only,
#        BENCH_RUNS=5, BENCH_JOBS=2, BENCH_SHARE=1000 (‰ of units that
#        report), BENCH_RECORDS=1000000, BENCH_HOST, BENCH_OUT, CC)
# SPDX-License-Identifier: MIT
set -eu

cd "$(dirname "$0")/.."
SELF=$PWD/bench/annual-province.sh
B=build-bench
OPT="-O2 -g"
CC=${CC:-cc}
W=$B/annual-province
RUNS=${BENCH_RUNS:-5}
JOBS=${BENCH_JOBS:-2}
SHARE=${BENCH_SHARE:-1000}
NREC=${BENCH_RECORDS:-1000000}
COUNTIES=${COUNTIES:-0}
PLAN=data/plans/shenxian-2022.md
DIVS=data/divisions/shandong.csv
UNITS=data/units/shenxian.csv
CAL=data/calendar/2022.csv

ms() { echo $(($(date +%s%N) / 1000000)); }

# One county's store: the year through the workflow, its records, the
# calendar and the indicators. Run by xargs, BENCH_JOBS at a time.
gen_county()
{
	k=$W/kit/$1
	d=$W/county/$1
	db=$d/fazhi.db
	mkdir -p "$d"
	rm -f "$db" "$db"-*
	t0=$(ms)
	FAZHI_NO_PROGRESS=1 "$B/gen_year" -q -u "$SHARE" "$db" "$k/plan.md" \
	    "$k/units.csv" >"$d/gen.out"
	sqlite3 "$db" >"$d/records" <<EOF
CREATE TABLE bench_import (unit, doc_no, title, published, filed, reviewed,
  conclusion, expires, status, created_by, created_at);
.import --csv $k/records-normative.csv bench_import
INSERT INTO reg_normative_doc (unit_id, doc_no, title, published, filed,
  reviewed, conclusion, expires, status, revision, created_by, created_at,
  updated_by, updated_at)
SELECT u.id, doc_no, title, published, nullif(filed, ''),
  nullif(reviewed, ''), nullif(conclusion, ''), expires, status, 1,
  created_by, created_at, created_by, created_at
  FROM bench_import r JOIN unit u ON u.code = r.unit;
SELECT (SELECT count(*) FROM bench_import) || ' ' || changes();
DROP TABLE bench_import;
ANALYZE;
EOF
	read -r n_csv n_ins <"$d/records"
	[ "$n_csv" = "$n_ins" ] ||
	    { echo "$1: $n_ins of $n_csv records loaded" >&2; exit 1; }
	FAZHI_DB=$db "$B/fazhi" calendar import "$CAL" >/dev/null
	FAZHI_DB=$db "$B/fazhi" indicators compute --as-of 2022-12-31 >/dev/null
	echo $(($(ms) - t0)) >"$d/gen.ms"
}

if [ "${1:-}" = --county ]; then
	gen_county "$2"
	exit 0
fi

# --- Build (not timed) ------------------------------------------------------
mkdir -p "$W" bench/results
make --no-print-directory -s BUILD="$B" OPT="$OPT" SAN=0 "$B/libfazhi.a" \
    "$B/fazhi"
# shellcheck disable=SC2016
mkvar() { printf 'print-%%:\n\t@echo $($*)\n' | make -s --no-print-directory -f Makefile -f - BUILD="$B" OPT="$OPT" SAN=0 "print-$1"; }
for p in gen_year gen_province; do
	# shellcheck disable=SC2046
	$CC $(mkvar ALL_CFLAGS) -I src -o "$B/$p" "bench/$p.c" \
	    "$B/libfazhi.a" $(mkvar PKG_LIBS)
done
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Generation -------------------------------------------------------------
echo "== kits: gen_province -C (136 counties, $NREC records)" >&2
t_gen0=$(ms)
rm -rf "$W/kit" "$W/county" "$W/province.db" "$W/province.db"-*
kit=$("$B/gen_province" -n "$NREC" -C "$W/kit" -p "$PLAN" "$W/province.db" \
    "$DIVS" "$UNITS")
echo "$kit" >&2
t_kit=$(($(ms) - t_gen0))
ls "$W/kit" >"$W/all"
if [ "$COUNTIES" -gt 0 ]; then
	head -n "$COUNTIES" "$W/all" >"$W/counties"
else
	cp "$W/all" "$W/counties"
fi
N=$(wc -l <"$W/counties")
echo "== $N counties' stores, $JOBS at a time" >&2
export B W SHARE CAL
xargs -P "$JOBS" -I '{}' "$SELF" --county '{}' <"$W/counties"
t_gen=$(($(ms) - t_gen0))
load_gen=$(cut -d' ' -f1-3 /proc/loadavg)
echo "generation: $((t_gen / 1000)) s" >&2

# --- Timing, one county after another -------------------------------------
# hyperfine runs the three commands of a county, RUNS times each, without
# a shell; per command: median wall ms, mean CPU (user + system) ms.
echo "SELECT r.id, r.narrative FROM report r JOIN task t ON t.id = r.task_id WHERE r.state = 'accepted' ORDER BY t.number, r.id;" >"$W/base.sql"
kv() { tr ' ' '\n' <"$1" | sed -n "s/^$2=//p" | head -1; }

T=$W/per-county.tsv
printf 'code\tname\tunits\tassignments\treports\taccepted\trecords\tsentences\tgen_ms\tbase_ms\tbase_cpu\tjson_ms\tjson_cpu\tdocx_ms\tdocx_cpu\tload1\n' >"$T"
i=0
while read -r c; do
	i=$((i + 1))
	d=$W/county/$c
	db=$d/fazhi.db
	export FAZHI_DB="$db"
	name=$(sqlite3 "$db" "SELECT name FROM unit WHERE code = 'xzf'")
	accepted=$(sqlite3 "$db" "SELECT count(*) FROM report WHERE state = 'accepted'")
	hyperfine -N --runs "$RUNS" --export-json "$W/h.json" \
	    "sqlite3 $db '.read $W/base.sql'" \
	    "$B/fazhi report annual --year 2022 --format json -o $d/a.json" \
	    "$B/fazhi report annual --year 2022 --format docx -o $d/a.docx" \
	    >/dev/null 2>"$W/h.err" || { cat "$W/h.err" >&2; exit 1; }
	jq -r '.results[] | "\(.median * 1000 + 0.5 | floor)\t\((.user + .system) * 1000 + 0.5 | floor)"' \
	    "$W/h.json" >"$W/h.tsv"
	sent=$(jq '[.parts[].paragraphs[].sentences[]] | length' "$d/a.json" 2>/dev/null || echo 0)
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$c" \
	    "${name%人民政府}" "$(sqlite3 "$db" "SELECT count(*) FROM unit")" \
	    "$(kv "$d/gen.out" assignments)" "$(kv "$d/gen.out" reports)" \
	    "$accepted" "$(cut -d' ' -f2 "$d/records")" "$sent" \
	    "$(cat "$d/gen.ms")" "$(paste -s "$W/h.tsv")" \
	    "$(cut -d' ' -f1 /proc/loadavg)" >>"$T"
	printf '\r%d/%d %s' "$i" "$N" "$c" >&2
done <"$W/counties"
echo >&2
unset FAZHI_DB
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Result -----------------------------------------------------------------
# stat COLUMN: total median p95 max (nearest rank) and the max's county
stat()
{
	awk -F '\t' -v c="$1" 'NR > 1 { print $c "\t" $2 }' "$T" | sort -n |
	    awk -F '\t' '{ v[NR] = $1; n[NR] = $2; s += $1 }
		END { p = int(NR * 0.95); if (p < NR * 0.95) p++;
		      printf "%d | %d | %d | %d (%s)", s, v[int((NR + 1) / 2)], v[p], v[NR], n[NR] }'
}
col() { awk -F '\t' -v c="$1" 'NR > 1 { s += $c; if (NR == 2 || $c < lo) lo = $c; if ($c > hi) hi = $c } END { printf "%d (%d–%d)", s, lo, hi }' "$T"; }
host=${BENCH_HOST:-$(hostname)}
out=${BENCH_OUT:-bench/results/$(date -u +%Y-%m-%d)-annual-province-$host.md}
{
	echo "# Annual report of every county: $(date -u '+%Y-%m-%d %H:%M UTC'), $host"
	echo
	echo "Made by \`bench/annual-province.sh\` at commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src include Makefile bench/*.c bench/*.h bench/*.sh || echo ' (with uncommitted changes to the code)')."
	echo "$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs; $($CC --version | head -1), \`$OPT\`; SQLite $(sqlite3 --version | cut -d' ' -f1)."
	echo "Load average: $load_start at the start, $load_gen after the generation, $load_end at the end."
	echo
	echo "## Data"
	echo
	echo "$N counties, each its own SQLite store. Kits: \`$kit\` ($((t_kit / 1000)) s)."
	echo "Per county: \`gen_year -q -u $SHARE\` (the reference plan renamed for the county, four"
	echo "quarterly periods, $SHARE‰ of the units that carry tasks writing reports), its records, the"
	echo "calendar and \`fazhi indicators compute --as-of 2022-12-31\`."
	echo
	echo "| over the $N counties | total (min–max per county) |"
	echo "|---|---|"
	echo "| units | $(col 3) |"
	echo "| assignments | $(col 4) |"
	echo "| progress reports | $(col 5) |"
	echo "| accepted reports | $(col 6) |"
	echo "| 行政规范性文件 records | $(col 7) |"
	echo "| sentences of the drafts | $(col 8) |"
	echo
	echo "**Generation: $((t_gen / 1000)) s wall** ($JOBS counties at a time), kits included; the"
	echo "counties' own times add up to $(awk -F '\t' 'NR > 1 { s += $9 } END { printf "%d", s / 1000 }' "$T") s."
	echo
	echo "## Timings"
	echo
	echo "Each figure per county comes from $RUNS runs by hyperfine (no shell), process start"
	echo "included: wall time, the median; CPU time (user + system), the mean, which the load"
	echo "of the machine disturbs least. The columns are over the $N counties; p95 is the nearest"
	echo "rank."
	echo
	echo "| ms | total | median | p95 | max (county) |"
	echo "|---|---|---|---|---|"
	echo "| baseline: sqlite3 reads the accepted narratives, wall | $(stat 10) |"
	echo "| the same, CPU | $(stat 11) |"
	echo "| \`fazhi report annual --year 2022 --format json\`, wall | $(stat 12) |"
	echo "| the same, CPU | $(stat 13) |"
	echo "| \`… --format docx\`, wall | $(stat 14) |"
	echo "| the same, CPU | $(stat 15) |"
	echo "| generation of the county's store, wall | $(stat 9) |"
	echo
	echo "<details><summary>Every county</summary>"
	echo
	echo "| $(head -1 "$T" | sed 's/\t/ | /g') |"
	echo "|$(head -1 "$T" | sed 's/[^\t]*/---/g; s/\t/|/g')|"
	tail -n +2 "$T" | sed 's/\t/ | /g; s/^/| /; s/$/ |/'
	echo
	echo "</details>"
} >"$out"
echo "wrote $out" >&2
