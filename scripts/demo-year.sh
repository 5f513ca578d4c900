#!/bin/sh
# demo-year.sh: build BUILD/demo-year (scripts/demo-year.c, linked against
# BUILD/libfazhi.a with the flags the Makefile gives that build folder)
# when it is missing or older than its source, then run it: it takes the
# demonstration year data/demo/2022 through the reporting workflow.
# Usage: scripts/demo-year.sh BUILD_DIR DSN [DATA_DIR]   (env: SAN=1 as built)
# SPDX-License-Identifier: MIT
set -eu
cd "$(dirname "$0")/.."
build=$1
dsn=$2
data=${3:-data/demo/2022}
bin=$build/demo-year
san=${SAN:-0}
case $build in *san*) san=1 ;; esac
if [ ! -x "$bin" ] || [ -n "$(find scripts/demo-year.c "$build/libfazhi.a" \
    -newer "$bin" 2>/dev/null)" ]; then
	# shellcheck disable=SC2016
	mkvar() { printf 'print-%%:\n\t@echo $($*)\n' |
	    make -s --no-print-directory -f Makefile -f - BUILD="$build" \
	    SAN="$san" ${OPT:+OPT="$OPT"} "print-$1"; }
	make -s --no-print-directory BUILD="$build" SAN="$san" \
	    ${OPT:+OPT="$OPT"} "$build/libfazhi.a" >&2
	# shellcheck disable=SC2046
	cc $(mkvar ALL_CFLAGS) -o "$bin.$$" scripts/demo-year.c \
	    "$build/libfazhi.a" $(mkvar LDFLAGS) $(mkvar PKG_LIBS)
	mv "$bin.$$" "$bin"
fi
exec "$bin" ${DEMO_PASSWORD:+-p "$DEMO_PASSWORD"} "$dsn" "$data"
