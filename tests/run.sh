#!/bin/sh
# run.sh: run every test of the suite against one build folder and print
# one summary line, "N passed, N failed". C unit tests (cmocka, TAP output)
# are build/tests/*; command-line tests are tests/cli/t*.sh (TAP output).
# Command-line tests run once per backend: SQLite, and PostgreSQL when
# tests/with-pg.sh has started a cluster (FAZHI_TEST_PG_HOST). Last, the
# end-to-end tests of the web application (tests/e2e/run.sh).
# Tests run in parallel, FAZHI_TEST_JOBS at a time (default: the CPUs).
# Usage: tests/run.sh BUILD_DIR [PATTERN]
# SPDX-License-Identifier: MIT
set -u
build=${1:-build}
pattern=${2:-}
top=$(cd "$(dirname "$0")/.." && pwd)
export FAZHI="$top/$build/fazhi"
export TOP="$top"
export CMOCKA_MESSAGE_OUTPUT=TAP
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export FAZHI_NO_PROGRESS=1
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT INT TERM
pass=0
fail=0
skip=0
failed=""

# report NAME OUTPUT RC: count one test's TAP lines and print its line.
report() {
	name=$1; out=$2; rc=$3
	p=$(grep -c '^ok ' "$out")
	f=$(grep '^not ok ' "$out" | grep -vc '# SKIP')
	k=$(grep -c '^not ok .*# SKIP\|^ok .*# SKIP' "$out")
	p=$((p - $(grep -c '^ok .*# SKIP' "$out")))
	skip=$((skip + k))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1	# crashed, or a sanitizer stopped it
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	if [ "$f" -gt 0 ]; then
		failed="$failed $name"
		echo "FAIL $name ($p passed, $f failed)"
		grep -E '^not ok|ERROR|Sanitizer|runtime error|# ' "$out" | head -40
	else
		if [ "$k" -gt 0 ]; then echo "ok   $name ($p passed, $k skipped)"
		else echo "ok   $name ($p passed)"; fi
	fi
}

# Every test is a job: a script that runs it into its own output file.
# Jobs run FAZHI_TEST_JOBS at a time (default: the CPUs), the longest (the
# browser tests) first; results are then read in a fixed order.
njob=0
job() {
	name=$1; shift
	njob=$((njob + 1))
	id=$(printf '%04d' "$njob")
	echo "$name" >"$log/$id.name"
	{
		printf 'cd %s || exit 1\n' "'$top'"
		for a in "$@"; do printf "'%s' " "$a"; done
		printf '>%s 2>&1\necho $? >%s\n' "'$log/$id.out'" "'$log/$id.rc'"
	} >"$log/$id.job"
}
# The web application in headless Chromium, once (on SQLite).
case "e2e" in *"$pattern"*)
	job "e2e" sh "$top/tests/e2e/run.sh" "$build" ;;
esac
for t in "$top/$build"/tests/*; do
	[ -x "$t" ] || continue
	case "$t" in *"$pattern"*) ;; *) continue ;; esac
	job "unit/$(basename "$t")" "$t"
done
backends=sqlite
[ -n "${FAZHI_TEST_PG_HOST:-}" ] && backends="sqlite pg"
for be in $backends; do
	for t in "$top"/tests/cli/t*.sh; do
		[ -f "$t" ] || continue
		case "$t" in *"$pattern"*) ;; *) continue ;; esac
		job "cli/$be/$(basename "$t")" env FAZHI_TEST_BACKEND=$be sh "$t"
	done
done
jobs=${FAZHI_TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
if [ "$njob" -gt 0 ]; then
	ls "$log"/*.job | xargs -P "$jobs" -n 1 sh
fi
for n in "$log"/*.name; do
	[ -f "$n" ] || continue
	id=${n%.name}
	report "$(cat "$n")" "$id.out" "$(cat "$id.rc" 2>/dev/null || echo 1)"
done
[ -z "${FAZHI_TEST_PG_HOST:-}" ] &&
	echo "note: no PostgreSQL test cluster: run under tests/with-pg.sh (make check does)"
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
