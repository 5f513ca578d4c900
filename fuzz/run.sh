#!/bin/sh
# run.sh: build the libFuzzer targets with clang (ASan, UBSan) into
# build-fuzz/ and run each for SECONDS seconds on a copy of its seed corpus.
# Usage: fuzz/run.sh SECONDS [import|csv|router|json|registry|portal]... (default:
# every target)
# Exits 1 if a target found a crash, leak, timeout or UB; the inputs are
# left in fuzz/artifacts/. FUZZ_FLAGS and FUZZ_CFLAGS add libFuzzer and
# cc flags; FUZZ_BUILD names another build folder than build-fuzz/.
# SPDX-License-Identifier: MIT
set -eu

cd "$(dirname "$0")/.."
secs=${1:-60}
[ $# -gt 0 ] && shift
[ $# -eq 0 ] && set -- import csv router json registry portal
CC=${FUZZ_CC:-clang}
OUT=${FUZZ_BUILD:-build-fuzz}
# The packages and -D flags of the Makefile, so both builds stay alike.
PKGS=$(sed -n 's/^PKGS[[:space:]]*=[[:space:]]*//p' Makefile)
DEFS=$(sed -n 's/^CPPFLAGS[[:space:]]*+=//p' Makefile | tr ' \t' '\n\n' |
    grep '^-D' | tr '\n' ' ')

SAN="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
UBSAN=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
CFLAGS="-std=c11 -g -O1 -fno-omit-frame-pointer $SAN $DEFS \
    -Iinclude -Isrc -I$OUT/gen $(pkg-config --cflags $PKGS) ${FUZZ_CFLAGS:-}"
LIBS=$(pkg-config --libs $PKGS)

mkdir -p "$OUT/gen" "$OUT/obj" fuzz/artifacts
gens=""
for d in sql/*/; do
	dialect=$(basename "$d")
	gen="$OUT/gen/migrations_$dialect.c"
	scripts/embed-sql.sh "$dialect" "$d"*.sql > "$gen.tmp"
	if cmp -s "$gen.tmp" "$gen"; then
		rm -f "$gen.tmp"
	else
		mv "$gen.tmp" "$gen"
	fi
	gens="$gens $gen"
done
# The API description served by routes.c.
gen="$OUT/gen/openapi.c"
scripts/embed-text.sh openapi_yaml docs/api/openapi.yaml > "$gen.tmp"
if cmp -s "$gen.tmp" "$gen"; then rm -f "$gen.tmp"; else mv "$gen.tmp" "$gen"; fi
gens="$gens $gen"

# Compile what changed: an object older than its source or any header,
# or every object when the flags changed.
if [ "$(cat "$OUT/obj/flags" 2>/dev/null)" != "$CC $CFLAGS" ]; then
	rm -f "$OUT"/obj/*.o
	echo "$CC $CFLAGS" > "$OUT/obj/flags"
fi
newest_h=$(ls -t include/fazhi/*.h src/*/*.h | head -n 1)
objs=""
for src in src/util/*.c src/store/*.c src/import/*.c src/core/*.c \
    src/export/*.c src/http/*.c src/cli/*.c $gens; do
	obj="$OUT/obj/$(echo "$src" | sed "s|^$OUT/||; s|^src/||; s|/|_|g; s|\.c$|.o|")"
	if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$newest_h" -nt "$obj" ]
	then
		echo "  CC      $src"
		# shellcheck disable=SC2086
		$CC $CFLAGS -c -o "$obj" "$src"
	fi
	objs="$objs $obj"
done

status=0
for t in "$@"; do
	[ -f "fuzz/fuzz_$t.c" ] || { echo "run.sh: no target '$t'" >&2; exit 2; }
	echo "  LD      $OUT/fuzz_$t"
	# shellcheck disable=SC2086
	$CC $CFLAGS -o "$OUT/fuzz_$t" "fuzz/fuzz_$t.c" $objs $LIBS

	# The fuzzer grows a scratch corpus; the seeds in git stay as they are.
	work="$OUT/corpus/$t"
	mkdir -p "$work"
	cp fuzz/corpus/"$t"/* "$work"/
	flags="-rss_limit_mb=2048 -timeout=25 -print_final_stats=1"
	case $t in import|registry) flags="$flags -max_len=262144" ;; esac
	[ -f "fuzz/$t.dict" ] && flags="$flags -dict=fuzz/$t.dict"
	echo "  FUZZ    $t for ${secs}s (log: $OUT/fuzz_$t.log)"
	rc=0
	# shellcheck disable=SC2086
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
	UBSAN_OPTIONS=$UBSAN \
	    "$OUT/fuzz_$t" $flags -max_total_time="$secs" \
	    -artifact_prefix="fuzz/artifacts/$t-" ${FUZZ_FLAGS:-} "$work" \
	    > "$OUT/fuzz_$t.log" 2>&1 || rc=$?
	grep -E '^#[0-9]+.*(DONE|cov:)' "$OUT/fuzz_$t.log" | tail -n 1 || true
	grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' \
	    "$OUT/fuzz_$t.log" || true
	if [ "$rc" -ne 0 ]; then
		echo "run.sh: $t failed (exit $rc); see $OUT/fuzz_$t.log and" \
		    "fuzz/artifacts/" >&2
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' \
		    "$OUT/fuzz_$t.log" | head -n 5 >&2 || true
		status=1
	fi
done
exit $status
