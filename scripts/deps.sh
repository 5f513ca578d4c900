#!/bin/sh
# deps.sh: install the Debian packages fazhi needs, when they are missing.
# Usage: scripts/deps.sh [build|test|fuzz|bench]...   (default: build)
# Runs apt-get as root, or through sudo; does nothing when all are present.
# node and npm (the web application's build) come from Debian only when
# node is missing or older than 18; chromium runs the end-to-end tests.
# SPDX-License-Identifier: MIT
set -eu

build="build-essential pkg-config libsqlite3-dev libpq-dev libjansson-dev libzip-dev libxml2-dev libxlsxwriter-dev libsodium-dev libmicrohttpd-dev"
# node >= 18 for Vite: Debian's nodejs and npm unless a recent node is there
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 18 ] || ! command -v npm >/dev/null 2>&1; then
	build="$build nodejs npm"
fi
test="$build libcmocka-dev unzip sqlite3 curl jq postgresql-15 postgresql-client-15 chromium fonts-wqy-microhei python3-yaml python3-jsonschema libreoffice-writer-nogui poppler-utils fonts-noto-cjk"
fuzz="$build clang libclang-rt-14-dev"
bench="$build hyperfine jq valgrind wrk nginx-light curl linux-perf"

want=""
[ $# -eq 0 ] && set -- build
for g in "$@"; do
	case "$g" in
	build) want="$want $build" ;;
	test) want="$want $test" ;;
	fuzz) want="$want $fuzz" ;;
	bench) want="$want $bench" ;;
	*) echo "deps.sh: unknown group '$g'" >&2; exit 2 ;;
	esac
done

missing=""
for p in $want; do
	case " $missing " in *" $p "*) continue ;; esac
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

echo "deps.sh: installing:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "deps.sh: need root to install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
