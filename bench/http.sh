#!/bin/sh
# http.sh: the HTTP benchmark (make bench-http). Builds build-bench-http/ at
# -O2 without sanitizers, makes a year of reports on the reference plan
# with bench/gen_year.c (SQLite, and PostgreSQL under tests/with-pg.sh),
# starts `fazhi serve --today 2022-12-20` with a supervisor's session, and
# runs wrk against the dashboard and the task list API beside nginx serving
# the same response bytes as static files; writes
# bench/results/DATE-http-HOST.md with req/s, p50/p99 and fazhi's memory.
# Usage: bench/http.sh
#   env: BENCH_HOST (result file name), BENCH_SECONDS (per wrk run, 15),
#        BENCH_CONNS ("1 16 64"), BENCH_THREADS (fazhi serve threads,
#        "2 4"), BENCH_PERIOD (the month asked for, 11), BENCH_PERF (0: no
#        profile), BENCH_SQLITE_ONLY (1: no PostgreSQL), BENCH_BEFORE (an
#        earlier result file to compare with), BENCH_VIEWS_BEFORE (a
#        bench_views binary linked with older code: run in turn with this
#        one, three times each, on the same SQLite data), BENCH_REPORT_ONLY
#        (1: only write the result file again from build-bench-http/bench/),
#        CC
# SPDX-License-Identifier: MIT
set -eu

cd "$(dirname "$0")/.."
B=build-bench-http
W=$B/bench
OPT="-O2 -g"
CC=${CC:-cc}
SECS=${BENCH_SECONDS:-15}
CONNS=${BENCH_CONNS:-1 16 64}
THREADS=${BENCH_THREADS:-2 4}
PERIOD=${BENCH_PERIOD:-11}
TODAY=2022-12-20
PLAN=data/plans/shenxian-2022.md
UNITS=data/units/shenxian.csv
PASSWORD=bench-password-2022
PORT_FZ=${BENCH_PORT:-28431}
PORT_NG=$((PORT_FZ + 1))
DASH="/api/plans/1/dashboard?period=$PERIOD"
TASKS="/api/plans/1/tasks?period=$PERIOD&per_page=50"
SQ=$W/year.db
PGDB=fazhi_httpbench
STATE_VARS="gen_sq gen_pg views_sq views_pg pgver pgset pg_bytes sq_bytes ngver load_start load_end t_total"
CMAX=$(echo "$CONNS" | tr ' ' '\n' | sort -n | tail -1)

for t in wrk nginx curl jq awk pkg-config; do
	command -v "$t" >/dev/null 2>&1 || [ -x "/usr/sbin/$t" ] || {
		echo "http.sh: $t is missing (scripts/deps.sh bench)" >&2
		exit 1
	}
done
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)

# --- Build (outside the cluster: it is not timed) ---------------------------
if [ -z "${FZ_HTTP_BENCH_INNER:-}" ] && [ -z "${BENCH_REPORT_ONLY:-}" ]; then
	mkdir -p "$W" bench/results
	if [ "$(cat "$B/bench-opt.stamp" 2>/dev/null || true)" != "$OPT" ]; then
		rm -rf "$B/obj" "$B/libfazhi.a" "$B/fazhi"
		echo "$OPT" > "$B/bench-opt.stamp"
	fi
	make --no-print-directory BUILD="$B" OPT="$OPT" SAN=0 "$B/fazhi" \
	    "$B/libfazhi.a"
	# gen_year with the Makefile's own ALL_CFLAGS and PKG_LIBS.
	# shellcheck disable=SC2016
	mkvar()
	{
		printf 'print-%%:\n\t@echo $($*)\n' |
		    make -s --no-print-directory -f Makefile -f - BUILD="$B" \
		    OPT="$OPT" SAN=0 "print-$1"
	}
	# shellcheck disable=SC2046
	$CC $(mkvar ALL_CFLAGS) -o "$B/gen_year" bench/gen_year.c \
	    "$B/libfazhi.a" $(mkvar PKG_LIBS)
	# shellcheck disable=SC2046
	$CC $(mkvar ALL_CFLAGS) -o "$B/bench_views" bench/bench_views.c \
	    "$B/libfazhi.a" $(mkvar PKG_LIBS)
	FZ_HTTP_BENCH_INNER=1
	export FZ_HTTP_BENCH_INNER
	if [ -z "${FAZHI_TEST_PG_HOST:-}" ] && [ -z "${BENCH_SQLITE_ONLY:-}" ]; then
		exec tests/with-pg.sh "$0" "$@"
	fi
fi

FAZHI=$B/fazhi
load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
t_start=$(date +%s)

# Everything started here is stopped at exit, by its own pid.
fz_pid=""
ng_pid=""
sampler=""
NGDIR=""
stop_all()
{
	[ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
	[ -n "$fz_pid" ] && kill "$fz_pid" 2>/dev/null || true
	[ -n "$fz_pid" ] && wait "$fz_pid" 2>/dev/null || true
	if [ -n "$ng_pid" ] && [ -f "$NGDIR/nginx.pid" ]; then
		kill -QUIT "$(cat "$NGDIR/nginx.pid")" 2>/dev/null || true
		sleep 0.5
	fi
	[ -n "$NGDIR" ] && rm -rf "$NGDIR"
	fz_pid=""
	ng_pid=""
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# ms VALUE: a wrk time (12.3us, 4.5ms, 1.2s, 2.0m) in milliseconds.
ms()
{
	echo "$1" | awk '{
		v = $1 + 0; u = $1; sub(/^[0-9.]+/, "", u)
		if (u == "us") v /= 1000; else if (u == "s") v *= 1000;
		else if (u == "m") v *= 60000;
		printf "%.3f", v }'
}

# wait_http URL: until it answers, 10 s at most.
wait_http()
{
	for _i in $(seq 1 100); do
		curl -s -o /dev/null "$1" && return 0
		sleep 0.1
	done
	echo "http.sh: $1 does not answer" >&2
	return 1
}

# --- nginx: the same bytes as static files ----------------------------------
# Its own prefix, config, logs and temp paths in a temp dir; as nobody when
# run as root (an unprivileged nginx, as a developer would start one).
nginx_start()
{
	NGDIR=$(mktemp -d /tmp/fazhi-httpbench.XXXXXX)
	chmod 755 "$NGDIR"
	mkdir -p "$NGDIR/www/api/plans/1" "$NGDIR/tmp"
	cp "$W/dashboard.json" "$NGDIR/www/dashboard.json"
	cp "$W/tasks.json" "$NGDIR/www/tasks.json"
	cp "$W/health.json" "$NGDIR/www/health.json"
	cat > "$NGDIR/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $NGDIR/nginx.pid;
error_log $NGDIR/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	sendfile on;
	tcp_nopush on;
	tcp_nodelay on;
	keepalive_requests 10000000;
	etag off;
	client_body_temp_path $NGDIR/tmp/body;
	proxy_temp_path $NGDIR/tmp/proxy;
	fastcgi_temp_path $NGDIR/tmp/fastcgi;
	uwsgi_temp_path $NGDIR/tmp/uwsgi;
	scgi_temp_path $NGDIR/tmp/scgi;
	server {
		listen 127.0.0.1:$PORT_NG;
		root $NGDIR/www;
		default_type "application/json; charset=utf-8";
		add_header Cache-Control no-store;
		add_header X-Content-Type-Options nosniff;
		add_header X-Frame-Options DENY;
		add_header Referrer-Policy no-referrer;
		add_header Content-Security-Policy "default-src 'self'; frame-ancestors 'none'";
		location = /dashboard { try_files /dashboard.json =404; }
		location = /tasks { try_files /tasks.json =404; }
		location = /health { try_files /health.json =404; }
	}
}
EOF
	as=""
	if [ "$(id -u)" -eq 0 ]; then
		chown -R nobody "$NGDIR"
		as="runuser -u nobody --"
	fi
	$as "$NGINX" -e "$NGDIR/error.log" -p "$NGDIR" -c "$NGDIR/nginx.conf" \
	    >"$NGDIR/stdout.log" 2>&1 &
	ng_pid=$!
	wait_http "http://127.0.0.1:$PORT_NG/dashboard"
	# The master's pid (runuser forks it) and the workers'.
	ng_master=$(cat "$NGDIR/nginx.pid")
	ngver=$("$NGINX" -v 2>&1 | sed 's/^nginx version: //')
}

nginx_stop()
{
	[ -n "$ng_pid" ] && kill -QUIT "$(cat "$NGDIR/nginx.pid")" 2>/dev/null
	[ -n "$ng_pid" ] && wait "$ng_pid" 2>/dev/null || true
	ng_pid=""
	rm -rf "$NGDIR"
	NGDIR=""
}

# Resident memory of nginx: master and workers, in KiB.
nginx_rss()
{
	t=0
	for p in $ng_master $(cat "/proc/$ng_master/task/$ng_master/children" 2>/dev/null); do
		r=$(awk '/^VmRSS/ { print $2 }' "/proc/$p/status" 2>/dev/null || echo 0)
		t=$((t + ${r:-0}))
	done
	echo "$t"
}

# --- fazhi serve --------------------------------------------------------------
# fz_start DSN THREADS: a server, signed in as the supervisor (cookie in
# $cookie). Signing in hashes the password with Argon2id (64 MiB), so the
# peak RSS is reset afterwards (clear_refs 5) to measure serving alone.
fz_start()
{
	"$FAZHI" serve --db "$1" --listen "127.0.0.1:$PORT_FZ" --threads "$2" \
	    --today "$TODAY" >"$W/serve.log" 2>&1 &
	fz_pid=$!
	wait_http "http://127.0.0.1:$PORT_FZ/healthz"
	curl -s -c "$W/jar" -H 'Content-Type: application/json' \
	    -d "{\"login\":\"sup\",\"password\":\"$PASSWORD\"}" \
	    "http://127.0.0.1:$PORT_FZ/api/login" >/dev/null
	cookie=$(awk '$6 == "fz_session" { print $7 }' "$W/jar")
	[ -n "$cookie" ] || { echo "http.sh: cannot sign in" >&2; exit 1; }
}

fz_stop()
{
	kill "$fz_pid" 2>/dev/null || true
	wait "$fz_pid" 2>/dev/null || true
	fz_pid=""
}

fz_get()
{
	curl -s -f -H "Cookie: fz_session=$cookie" -o "$2" \
	    "http://127.0.0.1:$PORT_FZ$1"
}

# proc_kb PID FIELD: VmRSS or VmHWM in KiB.
proc_kb()
{
	awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status" 2>/dev/null ||
	    echo 0
}

# --- wrk ----------------------------------------------------------------------
# run NAME URL CONNS [COOKIE]: one wrk run; appends a line to $W/runs.txt:
#   name conns rps p50_ms p99_ms non2xx errors rss_peak_kb
# The peak RSS of the server (fazhi, or nginx's processes summed) is the
# larger of VmHWM (after clear_refs 5) and the largest VmRSS sampled.
run()
{
	name=$1; url=$2; c=$3; ck=${4:-}
	t=2
	[ "$c" -lt 2 ] && t=1	# wrk wants at least one connection a thread
	echo "== $name, $c connections" >&2
	out=$W/wrk-$name-c$c.txt
	case $name in
	fazhi*) spid=$fz_pid ;;
	*) spid="" ;;
	esac
	if [ -n "$spid" ]; then
		echo 5 > "/proc/$spid/clear_refs" 2>/dev/null || true
		(
			m=0
			while kill -0 "$spid" 2>/dev/null; do
				r=$(proc_kb "$spid" VmRSS)
				[ "${r:-0}" -gt "$m" ] && m=$r && echo "$m" > "$W/rss.max"
				sleep 0.2
			done
		) &
		sampler=$!
	else
		(
			m=0
			while :; do
				r=$(nginx_rss)
				[ "${r:-0}" -gt "$m" ] && m=$r && echo "$m" > "$W/rss.max"
				sleep 0.2
			done
		) &
		sampler=$!
	fi
	echo 0 > "$W/rss.max"
	if [ -n "$ck" ]; then
		wrk -t"$t" -c"$c" -d"${SECS}s" --latency \
		    -H "Cookie: fz_session=$ck" "$url" > "$out"
	else
		wrk -t"$t" -c"$c" -d"${SECS}s" --latency "$url" > "$out"
	fi
	kill "$sampler" 2>/dev/null || true
	wait "$sampler" 2>/dev/null || true
	sampler=""
	peak=$(cat "$W/rss.max")
	if [ -n "$spid" ]; then
		h=$(proc_kb "$spid" VmHWM)
		[ "${h:-0}" -gt "$peak" ] && peak=$h
	fi
	rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
	p50=$(ms "$(awk '$1 == "50%" { print $2 }' "$out")")
	p99=$(ms "$(awk '$1 == "99%" { print $2 }' "$out")")
	bad=$(awk '/Non-2xx/ { print $NF }' "$out")
	err=$(awk '/Socket errors/ { s = 0; for (i = 1; i <= NF; i++)
	    if ($i ~ /^[0-9]+,?$/) s += $i; print s }' "$out")
	echo "$name $c $rps $p50 $p99 ${bad:-0} ${err:-0} $peak" >> "$W/runs.txt"
	echo "   $rps req/s, p50 $p50 ms, p99 $p99 ms, peak RSS $peak KiB" >&2
}

# bench_backend LABEL DSN: every thread setting and concurrency on one store.
bench_backend()
{
	label=$1; dsn=$2
	for th in $THREADS; do
		fz_start "$dsn" "$th"
		fz_get "$DASH" "$W/dash-$label-t$th.json"
		fz_get "$TASKS" "$W/tasks-$label-t$th.json"
		if [ ! -f "$W/dashboard.json" ]; then
			cp "$W/dash-$label-t$th.json" "$W/dashboard.json"
			cp "$W/tasks-$label-t$th.json" "$W/tasks.json"
			curl -s -o "$W/health.json" \
			    "http://127.0.0.1:$PORT_FZ/healthz"
			curl -s -D "$W/fazhi.head" -o /dev/null \
			    -H "Cookie: fz_session=$cookie" \
			    "http://127.0.0.1:$PORT_FZ$DASH"
		fi
		# Warm up every worker's connection and statements, untimed.
		wrk -t2 -c16 -d2s -H "Cookie: fz_session=$cookie" \
		    "http://127.0.0.1:$PORT_FZ$DASH" >/dev/null
		wrk -t2 -c16 -d2s -H "Cookie: fz_session=$cookie" \
		    "http://127.0.0.1:$PORT_FZ$TASKS" >/dev/null
		idle_kb=$(proc_kb "$fz_pid" VmRSS)
		echo "fazhi-$label-t$th idle_rss_kb=$idle_kb" >> "$W/idle.txt"
		for c in $CONNS; do
			run "fazhi-$label-t$th-dash" \
			    "http://127.0.0.1:$PORT_FZ$DASH" "$c" "$cookie"
			run "fazhi-$label-t$th-tasks" \
			    "http://127.0.0.1:$PORT_FZ$TASKS" "$c" "$cookie"
		done
		# Floors: what any answer costs, with and without a session.
		run "fazhi-$label-t$th-health" \
		    "http://127.0.0.1:$PORT_FZ/healthz" "$CMAX"
		run "fazhi-$label-t$th-me" "http://127.0.0.1:$PORT_FZ/api/me" \
		    "$CMAX" "$cookie"
		if [ "${BENCH_PERF:-1}" != 0 ] && [ -z "${perf_done:-}" ] &&
		    command -v perf >/dev/null 2>&1; then
			profile
			perf_done=1
		fi
		fz_stop
	done
}

# profile: perf on the server while wrk runs each endpoint at 16
# connections; the inclusive share of the functions that matter.
profile()
{
	for e in dash tasks; do
		u=$DASH
		[ "$e" = tasks ] && u=$TASKS
		wrk -t2 -c16 -d"$((SECS > 8 ? 8 : SECS))s" \
		    -H "Cookie: fz_session=$cookie" \
		    "http://127.0.0.1:$PORT_FZ$u" > "$W/perf-wrk-$e.txt" &
		wp=$!
		sleep 1
		perf record -q --call-graph dwarf,16384 -F 499 -p "$fz_pid" \
		    -o "$W/perf-$e.data" -- sleep 5 >/dev/null 2>&1 || true
		wait "$wp" || true
		perf report -i "$W/perf-$e.data" --children --stdio -g none \
		    --percent-limit 0.5 2>/dev/null | grep -v '^#' | grep -v '^$' \
		    > "$W/perf-$e.txt" || true
	done
}

if [ -z "${BENCH_REPORT_ONLY:-}" ]; then
: > "$W/runs.txt"
: > "$W/idle.txt"
rm -f "$W/dashboard.json" "$W/tasks.json"

# --- Data -----------------------------------------------------------------------
rm -f "$SQ" "$SQ"-*
echo "== gen_year: SQLite $SQ" >&2
gen_sq=$("$B/gen_year" "sqlite:$SQ" "$PLAN" "$UNITS")
echo "$gen_sq" >&2
sq_bytes=$(du -b "$SQ" | cut -f1)

gen_pg=""
pgver=""
pgset=""
if [ -n "${FAZHI_TEST_PG_HOST:-}" ] && [ -z "${BENCH_SQLITE_ONLY:-}" ]; then
	PGU=${FAZHI_TEST_PG_USER:-fazhi}
	PGDSN="postgresql:///$PGDB?host=$FAZHI_TEST_PG_HOST&user=$PGU"
	ADMIN="postgresql:///postgres?host=$FAZHI_TEST_PG_HOST&user=$PGU"
	psql -X -q -At "$ADMIN" -c "DROP DATABASE IF EXISTS $PGDB" >/dev/null
	psql -X -q -At "$ADMIN" -c "CREATE DATABASE $PGDB" >/dev/null
	pgver=$(psql -X -q -At "$ADMIN" -c "SELECT version()")
	pgset=$(psql -X -q -At "$ADMIN" -c "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'work_mem', 'jit', 'max_connections')")
	echo "== gen_year: PostgreSQL $PGDSN" >&2
	gen_pg=$("$B/gen_year" "$PGDSN" "$PLAN" "$UNITS")
	echo "$gen_pg" >&2
	psql -X -q "$PGDSN" -c "VACUUM ANALYZE" >/dev/null
	pg_bytes=$(psql -X -q -At "$PGDSN" -c "SELECT pg_database_size(current_database())")
fi

# In process, without HTTP: CPU time of the two views and their parts.
echo "== bench_views" >&2
views_sq=$("$B/bench_views" "sqlite:$SQ" 200 "$PERIOD")
views_pg=""
[ -n "$gen_pg" ] && views_pg=$("$B/bench_views" "$PGDSN" 200 "$PERIOD")
: > "$W/views-before.txt"
: > "$W/views-after.txt"
if [ -n "${BENCH_VIEWS_BEFORE:-}" ]; then
	for i in 1 2 3; do
		"$BENCH_VIEWS_BEFORE" "sqlite:$SQ" 200 "$PERIOD" >> "$W/views-before.txt"
		"$B/bench_views" "sqlite:$SQ" 200 "$PERIOD" >> "$W/views-after.txt"
	done
fi

# --- Runs -----------------------------------------------------------------------
bench_backend sqlite "sqlite:$SQ"
nginx_start
for c in $CONNS; do
	run nginx-dash "http://127.0.0.1:$PORT_NG/dashboard" "$c"
	run nginx-tasks "http://127.0.0.1:$PORT_NG/tasks" "$c"
done
run nginx-health "http://127.0.0.1:$PORT_NG/health" "$CMAX"
curl -s -D "$W/nginx.head" -o "$W/nginx-dash.body" \
    "http://127.0.0.1:$PORT_NG/dashboard"
nginx_stop
if [ -n "$gen_pg" ]; then
	bench_backend pg "$PGDSN"
	psql -X -q -At "$ADMIN" -c "DROP DATABASE IF EXISTS $PGDB" >/dev/null
fi

load_end=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
t_total=$(($(date +%s) - t_start))
# What the report needs, to write it again (BENCH_REPORT_ONLY=1).
mkdir -p "$W/state"
for v in $STATE_VARS; do
	eval "printf '%s\\n' \"\${$v:-}\"" > "$W/state/$v"
done

else
	for v in $STATE_VARS; do
		eval "$v=\$(cat \"\$W/state/\$v\" 2>/dev/null || true)"
	done
fi

# --- Report -----------------------------------------------------------------------
date=$(date +%Y-%m-%d)
host=${BENCH_HOST:-$(hostname -s 2>/dev/null || true)}
[ -n "$host" ] || host=dev
RES=bench/results/$date-http-$host.md
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain -- src include Makefile sql 2>/dev/null | wc -l)
[ "$dirty" -gt 0 ] && commit="$commit (plus uncommitted changes in $dirty files under src/ include/ sql/ Makefile)"
model=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
mem=$(free -h | awk '/^Mem:/ { print $2 " total, " $7 " available" }')

# kv OUTPUT KEY: a value of the first line of gen_year's output.
kv()
{
	echo "$1" | head -1 | tr ' ' '\n' | sed -n "s/^$2=//p"
}
# field NAME CONNS COL: a column of runs.txt (3 rps, 4 p50, 5 p99, 6 non2xx,
# 7 errors, 8 rss).
field()
{
	awk -v n="$1" -v c="$2" -v k="$3" '$1 == n && $2 == c { print $k }' \
	    "$W/runs.txt"
}
fmt()
{
	awk -v v="$1" -v d="$2" 'BEGIN {
		if (v == "") print "—"; else printf "%.*f", d, v }'
}
mib()
{
	awk -v v="$1" 'BEGIN { if (v == "") print "—"; else printf "%.1f", v / 1024 }'
}
# row LABEL NAME NGINX C: a result row with the ratio to nginx.
row()
{
	r=$(field "$2" "$4" 3)
	n=$(field "$3" "$4" 3)
	ratio=$(awk -v a="$r" -v b="$n" 'BEGIN {
		if (a == "" || b == "" || b + 0 == 0) print "—";
		else printf "%.3f", a / b }')
	bad=$(field "$2" "$4" 6)
	er=$(field "$2" "$4" 7)
	note=""
	[ "${bad:-0}" != 0 ] && note=" ($bad non-2xx)"
	[ "${er:-0}" != 0 ] && note="$note ($er socket errors)"
	printf '| %s | %s | %s | %s%s | %s | %s | %s |\n' "$1" "$4" \
	    "$(fmt "$r" 0)" "$ratio" "$note" "$(fmt "$(field "$2" "$4" 4)" 2)" \
	    "$(fmt "$(field "$2" "$4" 5)" 2)" "$(mib "$(field "$2" "$4" 8)")"
}
table()
{
	echo "| Server | Connections | Requests/s | × nginx | p50 ms | p99 ms | Peak RSS MiB |"
	echo "|---|---|---|---|---|---|---|"
	for c in $CONNS; do
		row "nginx, static file" "nginx-$1" "nginx-$1" "$c"
		for be in sqlite pg; do
			[ "$be" = pg ] && [ -z "$gen_pg" ] && continue
			for th in $THREADS; do
				row "fazhi, $be, --threads $th" \
				    "fazhi-$be-t$th-$1" "nginx-$1" "$c"
			done
		done
	done
}
# aims ENDPOINT: each aim at 64 connections (or the largest), met or not.
aims()
{
	cmax=$(echo "$CONNS" | tr ' ' '\n' | sort -n | tail -1)
	for be in sqlite pg; do
		[ "$be" = pg ] && [ -z "$gen_pg" ] && continue
		for th in $THREADS; do
			n="fazhi-$be-t$th-$1"
			r=$(field "$n" "$cmax" 3); g=$(field "nginx-$1" "$cmax" 3)
			p=$(field "$n" "$cmax" 5); m=$(field "$n" "$cmax" 8)
			awk -v be="$be" -v th="$th" -v r="$r" -v g="$g" -v p="$p" \
			    -v m="$m" -v c="$cmax" 'BEGIN {
				h = (g > 0) ? r / g : 0
				mb = m * 1024 / 1e6
				printf "| %s, --threads %s | %.3f× nginx: %s | %.1f ms: %s | %.1f MB: %s |\n",
				    be, th, h, (h >= 0.5 ? "met" : "**missed**"),
				    p, (p < 10 ? "met" : "**missed**"),
				    mb, (mb < 50 ? "met" : "**missed**") }'
		done
	done
}
# vop OUT OP KEY: a value of an op= line of bench_views.
vop()
{
	echo "$1" | grep "^op=$2 " | tr ' ' '\n' | sed -n "s/^$3=//p"
}
views_table()
{
	echo "| In process, CPU time per call (median of 200) | SQLite µs | PostgreSQL µs |"
	echo "|---|---|---|"
	for op in dashboard dashboard_text tasks tasks_text store_status_rows \
	    store_plan_get store_period_get core_setting_int_x2 core_actor_load; do
		printf '| %s | %s | %s |\n' "$op" "$(fmt "$(vop "$views_sq" "$op" median_us)" 0)" \
		    "$(fmt "$(vop "$views_pg" "$op" median_us)" 0)"
	done
}
floors_table()
{
	echo "| Server | Request | Requests/s | p50 ms | p99 ms | Peak RSS MiB |"
	echo "|---|---|---|---|---|---|"
	for n in nginx-health $(awk '$1 ~ /-(health|me)$/ && $1 !~ /^nginx/ { print $1 }' "$W/runs.txt" | sort -u); do
		case $n in
		nginx-health) what="static file, the same bytes as /healthz" ;;
		*-health) what="GET /healthz (no session)" ;;
		*) what="GET /api/me (session checked and extended, account read)" ;;
		esac
		printf '| %s | %s | %s | %s | %s | %s |\n' "$(echo "$n" | sed 's/-health$//; s/-me$//')" "$what" \
		    "$(fmt "$(field "$n" "$CMAX" 3)" 0)" "$(fmt "$(field "$n" "$CMAX" 4)" 2)" \
		    "$(fmt "$(field "$n" "$CMAX" 5)" 2)" "$(mib "$(field "$n" "$CMAX" 8)")"
	done
}
# before_table: this run beside the raw runs of $BENCH_BEFORE.
before_table()
{
	sed -n '/^## Raw runs/,$p' "$BENCH_BEFORE" | sed -n '/^```$/,/^```$/p' |
	    grep -v '^```' > "$W/before.txt"
	echo "| Run | Connections | Requests/s before | after | ratio | p99 ms before | after |"
	echo "|---|---|---|---|---|---|---|"
	awk 'NR == FNR { r[$1 " " $2] = $3; p[$1 " " $2] = $5; next }
	    $1 ~ /^fazhi/ && ($1 " " $2) in r {
		printf "| %s | %s | %.0f | %.0f | %.2f | %.2f | %.2f |\n", $1, $2,
		    r[$1 " " $2], $3, (r[$1 " " $2] > 0 ? $3 / r[$1 " " $2] : 0),
		    p[$1 " " $2], $5 }' "$W/before.txt" "$W/runs.txt"
}
same=""
if [ -n "$gen_pg" ]; then
	if cmp -s "$W/dash-sqlite-t2.json" "$W/dash-pg-t2.json" 2>/dev/null &&
	    cmp -s "$W/tasks-sqlite-t2.json" "$W/tasks-pg-t2.json" 2>/dev/null; then
		same="SQLite and PostgreSQL answered both requests with the same bytes."
	else
		same="**SQLite and PostgreSQL answered differently** (see \`$W/dash-*.json\`, \`$W/tasks-*.json\`)."
	fi
fi
busy_note=""
if awk -v l="$load_start $load_end" -v n="$(nproc)" 'BEGIN {
    split(l, a, " "); exit !(a[1] > n / 2 || a[4] > n + 1) }'; then
	busy_note="
**The machine was busy** (1-minute load average above half the CPUs at
the start, or above the CPUs plus one at the end; wrk and the server
themselves keep both CPUs busy during a run): other processes shared the
CPUs, so throughput is low and latency high, for nginx and fazhi alike.
Compare the ratios to nginx rather than the absolute numbers."
fi
dbytes=$(wc -c < "$W/dashboard.json")
tbytes=$(wc -c < "$W/tasks.json")
ntasks=$(jq '.items | length' "$W/tasks.json")
nasg=$(jq '[.items[].assignments | length] | add' "$W/tasks.json")
pdesc=$(jq -r '.period.name + "，截止 " + .period.due' "$W/dashboard.json")
perf_lines()
{
	[ -f "$W/perf-$1.txt" ] || { echo "(no profile: perf missing or BENCH_PERF=0)"; return; }
	grep -E ' (dispatch|on_request|respond|core_session_check|core_actor_load|core_dashboard_json|core_task_list_json|view_load|store_status_rows|store_plan_get|judge_init|core_setting_int|core_current_period|store_period_get|json_dumps|json_pack|json_object_set_new_nocheck|row_json|sqlite3_step|PQexecPrepared|pqGetResult|PQgetResult|MHD_queue_response|malloc|free|__libc_free)$' \
	    "$W/perf-$1.txt" | awk '{ printf "%8s  %s\n", $1, $NF }' | head -30
}

{
	cat <<EOF
# HTTP benchmark, $date, $host

Written by \`bench/http.sh\` (\`make bench-http\`): wrk against two API
endpoints of \`fazhi serve\`, and against nginx serving the same response
bytes as static files, on the same machine, one after the other.

## Machine

| | |
|---|---|
| CPU | ${model:-unknown}, $(nproc) CPUs (\`nproc\`) |
| Memory | $mem |
| Kernel | $(uname -srm) |
| Compiler | $($CC --version | head -1), \`$OPT\`, no sanitizers |
| HTTP | libmicrohttpd $(pkg-config --modversion libmicrohttpd) (fazhi), nginx ${ngver:-?} |
| Load generator | $(wrk -v 2>&1 | head -1 | cut -c1-60), on the same CPUs as the servers |
| SQLite | $(pkg-config --modversion sqlite3) (WAL, synchronous=NORMAL); database $(awk -v b="$sq_bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') |
| PostgreSQL | ${pgver:-not run} |
| PostgreSQL settings | ${pgset:-—}${pg_bytes:+; database $(awk -v b="$pg_bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }')}; Unix socket, same machine |
| Commit | $commit |
| Load average (1, 5, 15 min) | $load_start at start, $load_end at end |
| Wall time | ${t_total} s (build not counted) |
$busy_note

## Data

\`bench/gen_year.c\` builds the year through the core functions a server
calls (\`core_report_save\`, \`core_report_submit\`, \`core_report_approve\`,
\`core_report_review\`, \`core_evidence_add\`, \`core_remind\`), each with
an actor loaded by \`core_actor_load()\` as \`fazhi serve\` loads it, and
with the "today" of each step given as the functions' \`today\` argument;
nothing is inserted by hand. Seed 2022, so every run and both engines get
the same year: the reference plan \`$PLAN\` with the units of \`$UNITS\`,
twelve monthly periods of 2022 (due on the 10th of the next month, no
grace), a clerk (联络员) and a unit leader (单位负责人) for each unit that
carries tasks, two supervisors (依法治县办, and 县司法局 to review the
office's own reports) and a county leader. January to November are over:
most reports accepted, about 11 % returned first (some twice), about 9 %
first sent after the deadline, 3 % sent back by the unit leader, about 4 %
never sent, 1 % still returned, 3 % 受阻, evidence on every 已完成 report
and on some others (2–8 KB PDF-like files; half of the first files are a
unit's 工作方案 shared across its reports, so the store keeps them once).
\`fazhi remind\` runs the day after each deadline and records the missing
reports (未报). In December (due 10 January) reports are still coming in.

| | SQLite | PostgreSQL |
|---|---|---|
$(for k in assignments units_with_tasks accounts periods reports events evidence blobs missed notices audit saves submits approves send_backs returns accepts late unsent; do
	printf '| %s | %s | %s |\n' "$k" "$(kv "$gen_sq" "$k")" "${gen_pg:+$(kv "$gen_pg" "$k")}"
done)
| generation, seconds (setup + people + the year) | $(kv "$gen_sq" setup_s) + $(kv "$gen_sq" people_s) + $(kv "$gen_sq" work_s) | ${gen_pg:+$(kv "$gen_pg" setup_s) + $(kv "$gen_pg" people_s) + $(kv "$gen_pg" work_s)} |
| core calls per second | $(kv "$gen_sq" calls_per_s) | ${gen_pg:+$(kv "$gen_pg" calls_per_s)} |

Report states at the end: $(echo "$gen_sq" | sed -n 's/^states //p').

## What is requested

fazhi runs as \`fazhi serve --db DSN --threads N --today $TODAY\`, signed in
as the 依法治县办 supervisor (\`POST /api/login\`; every request carries
that one session cookie, so every request also checks and extends the
session in the store, as a real one does):

- **dashboard**: \`GET $DASH\` ($pdesc): $dbytes bytes of JSON;
- **task list**: \`GET $TASKS\`: $tbytes bytes, $ntasks tasks (the plan
  has no more) with their $nasg assignments.

$same nginx serves the SQLite server's bytes of each as a static file
(\`sendfile on\`, \`access_log off\`, \`etag off\`, keep-alive without a
request limit, \`worker_processes auto\`, the same security headers as
fazhi; its own config, prefix and temp paths in a temp directory,
running as nobody).

Each run is \`wrk -t2 -cC -d${SECS}s --latency URL\` (\`-t1\` for one
connection), for C in $CONNS; fazhi gets two untimed 2-second wrk runs
first to open each worker's store connection and prepare its statements.
Requests/s and the latency percentiles are wrk's (p99 from \`--latency\`).
**Peak RSS** is fazhi's VmHWM during the run, reset before it with
\`echo 5 > /proc/PID/clear_refs\` (signing in hashes with Argon2id and
touches 64 MiB once, which is not serving), or the largest VmRSS sampled
every 0.2 s if larger; for nginx, the VmRSS of its master and workers
summed. fazhi's RSS after the warm-up, idle: $(tr '\n' ';' < "$W/idle.txt" | sed 's/;$//; s/;/, /g').

## Results: dashboard

$(table dash)

## Results: task list

$(table tasks)

## Aims (from the issue), at $(echo "$CONNS" | tr ' ' '\n' | sort -n | tail -1) connections

At least half of nginx's requests/s, p99 under 10 ms, under 50 MB resident.

Dashboard:

| fazhi | Throughput | p99 | RSS |
|---|---|---|---|
$(aims dash)

Task list:

| fazhi | Throughput | p99 | RSS |
|---|---|---|---|
$(aims tasks)

## Floors: what any answer costs

A perfect cache of the two views could not beat these: the same server
answering \`/healthz\` (no session, a few bytes of JSON) and \`/api/me\`
(the session checked and extended in the store, the account read: what
every signed-in request does before its handler), at $CMAX connections.

$(floors_table)

## In process

\`bench/bench_views.c\` calls what the two handlers call, without HTTP,
200 times each after one untimed call, and times each call in the
thread's CPU time (other processes on the machine change these figures
less than they change wrk's). \`_text\` includes \`json_dumps()\`, as the
server does before sending; the store reads are parts of the views.

$(views_table)
$(if [ -s "$W/views-before.txt" ]; then
	echo
	echo "Older code beside this (\\`BENCH_VIEWS_BEFORE=$BENCH_VIEWS_BEFORE\\`), run in"
	echo "turn three times each on the SQLite data; the least of the three medians:"
	echo
	echo "| In process, SQLite, µs | before | after | after / before |"
	echo "|---|---|---|---|"
	awk 'FNR == 1 { f++ } /^op=/ { split($1, a, "="); split($3, m, "=")
		k = a[2]; v = m[2] + 0
		if (f == 1) { if (!(k in b) || v < b[k]) b[k] = v; if (!(k in ord)) { ord[k] = ++n; key[n] = k } }
		else if (!(k in c) || v < c[k]) c[k] = v }
	    END { for (i = 1; i <= n; i++) { k = key[i]
		printf "| %s | %.0f | %.0f | %.2f |\n", k, b[k], c[k], c[k] / b[k] } }' \
	    "$W/views-before.txt" "$W/views-after.txt"
fi)
$(if [ -n "${BENCH_BEFORE:-}" ] && [ -f "${BENCH_BEFORE}" ]; then
	echo
	echo "## Compared with an earlier run"
	echo
	echo "\\`$BENCH_BEFORE\\` ($(sed -n 's/^| Commit | \(.*\) |$/commit \1/p' "$BENCH_BEFORE"); load $(sed -n 's/^| Load average (1, 5, 15 min) | \(.*\) |$/\1/p' "$BENCH_BEFORE")):"
	echo
	before_table
fi)

## Where the time goes

\`perf record --call-graph dwarf -F 499\` on the first fazhi server (SQLite,
--threads $(echo "$THREADS" | cut -d' ' -f1)) for 5 s while wrk runs 16
connections against it; the share of all samples spent in each function
and what it calls (perf's "children" column):

Dashboard:

\`\`\`
$(perf_lines dash)
\`\`\`

Task list:

\`\`\`
$(perf_lines tasks)
\`\`\`

The full reports are in \`$W/perf-dash.txt\` and \`$W/perf-tasks.txt\`
(\`perf report -i $W/perf-dash.data\` for the call graphs).

## Commands

\`\`\`
$B/gen_year sqlite:$SQ $PLAN $UNITS
$B/gen_year 'postgresql:///$PGDB?host=…&user=fazhi' $PLAN $UNITS
$FAZHI serve --db DSN --listen 127.0.0.1:$PORT_FZ --threads N --today $TODAY
curl -c jar -H 'Content-Type: application/json' -d '{"login":"sup","password":"$PASSWORD"}' http://127.0.0.1:$PORT_FZ/api/login
wrk -t2 -c16 -d${SECS}s --latency -H 'Cookie: fz_session=…' 'http://127.0.0.1:$PORT_FZ$DASH'
wrk -t2 -c16 -d${SECS}s --latency -H 'Cookie: fz_session=…' 'http://127.0.0.1:$PORT_FZ$TASKS'
nginx -e DIR/error.log -p DIR -c DIR/nginx.conf      # as nobody, config written by http.sh
wrk -t2 -c16 -d${SECS}s --latency http://127.0.0.1:$PORT_NG/dashboard
\`\`\`

fazhi's response headers (dashboard):

\`\`\`
$(tr -d '\r' < "$W/fazhi.head" | grep -v '^Date:' | sed '/^$/d')
\`\`\`

nginx's:

\`\`\`
$(tr -d '\r' < "$W/nginx.head" | grep -v '^Date:\|^Last-Modified:' | sed '/^$/d')
\`\`\`

## Raw in-process

\`\`\`
$views_sq
$views_pg
\`\`\`

## Raw runs

name, connections, requests/s, p50 ms, p99 ms, non-2xx, socket errors, peak RSS KiB:

\`\`\`
$(cat "$W/runs.txt")
\`\`\`
EOF
} > "$RES"

echo "http.sh: wrote $RES" >&2
sed -n '/^## Results: dashboard/,/^## Where the time goes/p' "$RES" | sed '$d'
