#!/bin/sh
# run.sh: end-to-end tests of the web application in headless Chromium.
# Builds a fresh SQLite store with the 莘县 directory, the reference plan,
# the demo accounts and quarterly periods; starts `fazhi serve` on a free
# port with BUILD/web; runs the specs (tests/e2e/*.spec.mjs, plain node
# with playwright-core driving Debian's /usr/bin/chromium); stops the
# server. Prints TAP ("ok N - ...", "not ok N - ...", "# SKIP") for
# tests/run.sh.
# Usage: tests/e2e/run.sh BUILD_DIR [PATTERN]
# SPDX-License-Identifier: MIT
set -u
build=${1:-build}
pattern=${2:-}
top=$(cd "$(dirname "$0")/../.." && pwd)
fz="$top/$build/fazhi"
web="$top/$build/web"
chromium=${FAZHI_CHROMIUM:-/usr/bin/chromium}

skip_all() { echo "ok 1 - end-to-end tests # SKIP $1"; exit 0; }
[ -x "$fz" ] || skip_all "no $build/fazhi"
[ -f "$web/index.html" ] || skip_all "no $build/web (make $build/web/index.html)"
command -v node >/dev/null 2>&1 || skip_all "no node"
[ -x "$chromium" ] || skip_all "no $chromium (scripts/deps.sh test installs it)"
[ -d "$top/web/node_modules/playwright-core" ] || skip_all "no web/node_modules (npm ci in web/)"

T=$(mktemp -d)
pid=""
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

db="$T/e2e.db"
# The plan's year as the server sees it: the fourth quarter is open.
today=2022-12-20
export FAZHI_NO_PROGRESS=1
if ! { "$fz" init --db "$db" &&
    "$fz" divisions import --db "$db" "$top/data/divisions/shandong.csv" &&
    "$fz" units import --db "$db" "$top/data/units/shenxian.csv" &&
    "$fz" plan import --db "$db" "$top/data/plans/shenxian-2022.md" &&
    sh "$top/tests/e2e/accounts.sh" "$fz" "$db"; } >"$T/setup.log" 2>&1; then
	echo "not ok 1 - the e2e store is built"
	sed 's/^/# /' "$T/setup.log" | tail -20
	exit 1
fi

for _try in 1 2 3 4 5; do
	port=$(( ($(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 30000) + 20000 ))
	"$fz" serve --db "$db" --web "$web" --threads 4 --today "$today" --listen "127.0.0.1:$port" >"$T/serve.log" 2>&1 &
	pid=$!
	for _i in $(seq 1 100); do
		if curl -s "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break 2; fi
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=""
done
if [ -z "$pid" ]; then
	echo "not ok 1 - fazhi serve started"
	sed 's/^/# /' "$T/serve.log" | tail -20
	exit 1
fi

FAZHI_URL="http://127.0.0.1:$port" FAZHI_CHROMIUM="$chromium" TOP="$top" \
    E2E_PATTERN="$pattern" E2E_SHOTS="${E2E_SHOTS:-}" \
    node "$top/tests/e2e/main.mjs"
rc=$?
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=""
if grep -q 'runtime error\|Sanitizer' "$T/serve.log"; then
	echo "not ok - the server reported a sanitizer error"
	sed 's/^/# /' "$T/serve.log" | grep -A20 'runtime error\|Sanitizer' | head -40
	rc=1
fi
exit $rc
