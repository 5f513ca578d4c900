#!/bin/sh
# annual.sh: the time to write the 法治政府建设年度报告 of the reference
# county over a full year of data. gen_year (the HTTP benchmark's
# generator) fills a store with the reference plan, twelve monthly periods
# and 10,373 progress reports taken through the real workflow; the
# indicators are computed; then `fazhi report annual --year 2022` is timed
# as JSON (the draft, every sentence with its citations), DOCX (GB/T 9704)
# and HTML, each BENCH_RUNS times (process start included), beside the
# baseline: sqlite3 reading the same accepted reports' narratives, the
# least any generator must do. (The committed example report is made from
# the demonstration year by scripts/example-annual.sh, not from this data.)
# Writes bench/results/DATE-annual-HOST.md.
# Usage: bench/annual.sh   (env: BENCH_RUNS=5, BENCH_HOST)
# SPDX-License-Identifier: MIT
set -eu

cd "$(dirname "$0")/.."
B=build-bench
OPT="-O2 -g"
RUNS=${BENCH_RUNS:-5}
W=$B/annual
mkdir -p "$W" bench/results
make --no-print-directory -s BUILD="$B" OPT="$OPT" SAN=0 "$B/libfazhi.a" "$B/fazhi"
# shellcheck disable=SC2016
mkvar() { printf 'print-%%:\n\t@echo $($*)\n' | make -s --no-print-directory -f Makefile -f - BUILD="$B" OPT="$OPT" SAN=0 "print-$1"; }
# shellcheck disable=SC2046
cc $(mkvar ALL_CFLAGS) -I src -o "$B/gen_year" bench/gen_year.c "$B/libfazhi.a" $(mkvar PKG_LIBS)

DB=$W/year.db
rm -f "$DB" "$DB"-*
FAZHI_NO_PROGRESS=1 "$B/gen_year" "$DB" data/plans/shenxian-2022.md data/units/shenxian.csv >"$W/gen.out"
export FAZHI_DB="$DB"
"$B/fazhi" calendar import data/calendar/2022.csv >/dev/null
"$B/fazhi" indicators compute --as-of 2022-12-31 >/dev/null
ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
time_it() { # NAME CMD...: median wall ms of RUNS runs
	_n=$1; shift
	: >"$W/$_n.ms"
	_i=0
	while [ $_i -lt "$RUNS" ]; do
		_t=$(ms); "$@" >/dev/null; echo $(($(ms) - _t)) >>"$W/$_n.ms"
		_i=$((_i + 1))
	done
	median <"$W/$_n.ms"
}
reports=$(sqlite3 "$DB" "SELECT count(*) FROM report WHERE state = 'accepted'")
t_base=$(time_it base sqlite3 "$DB" "SELECT r.id, r.narrative FROM report r JOIN task t ON t.id = r.task_id WHERE r.state = 'accepted' ORDER BY t.number, r.id")
t_json=$(time_it json "$B/fazhi" report annual --year 2022 --format json -o "$W/a.json")
t_docx=$(time_it docx "$B/fazhi" report annual --year 2022 --format docx -o "$W/a.docx")
t_html=$(time_it html "$B/fazhi" report annual --year 2022 --format html -o "$W/a.html")
sentences=$(jq '[.parts[].paragraphs[].sentences[]] | length' "$W/a.json" 2>/dev/null || echo "?")

host=${BENCH_HOST:-$(hostname)}
out=bench/results/$(date -u +%Y-%m-%d)-annual-$host.md
{
	echo "# Annual report benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $host"
	echo
	echo "Made by \`bench/annual.sh\` at commit $(git rev-parse --short HEAD)."
	echo "Load average $(cut -d' ' -f1-3 /proc/loadavg) at the end ($(nproc) CPUs)."
	echo "$(lscpu | sed -n 's/^Model name: *//p' | head -1); $(cc --version | head -1), \`$OPT\`; SQLite $(sqlite3 --version | cut -d' ' -f1)."
	echo
	echo "Data (gen_year, the reference plan, a year of monthly reports): \`$(cat "$W/gen.out" | head -1 | cut -c1-200)\`"
	echo
	echo "| what (median of $RUNS, process start included) | ms |"
	echo "|---|---|"
	echo "| baseline: sqlite3 reads the $reports accepted reports' narratives | $t_base |"
	echo "| \`fazhi report annual --year 2022 --format json\` (the draft, $sentences sentences with citations) | $t_json |"
	echo "| the same as DOCX (GB/T 9704) | $t_docx |"
	echo "| the same as HTML | $t_html |"
} >"$out"
echo "wrote $out" >&2
