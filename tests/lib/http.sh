# http.sh: helpers for the tests that talk to fazhi serve; source after
# lib.sh. Servers started here are stopped at exit.
#   start_server VAR [serve options]   a server on a free port; VAR = URL
#   req METHOD URL [BODY] [curl args]  status in $T/code, body in $T/body,
#                                      headers in $T/head
#   login NAME PASSWORD URL            cookie jar $T/jar.NAME, token in
#                                      $T/csrf.NAME
#   as NAME METHOD URL [BODY] [args]   req with NAME's cookie and token
#   jget FILTER [FILE]                 jq -r on $T/body (or FILE)
# SPDX-License-Identifier: MIT
pids=""
stop_servers() { for p in $pids; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; }
trap 'stop_servers; cleanup' EXIT

start_server() {
	_var=$1; shift
	for _try in 1 2 3 4 5; do
		_port=$(( ($(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 30000) + 20000 ))
		"$FAZHI" serve --db "$DB" --listen "127.0.0.1:$_port" "$@" \
		    >"$T/serve$_port.log" 2>&1 &
		_pid=$!
		for _i in $(seq 1 50); do
			if curl -s "http://127.0.0.1:$_port/healthz" >/dev/null 2>&1; then
				pids="$pids $_pid"
				eval "$_var=http://127.0.0.1:$_port"
				return 0
			fi
			kill -0 $_pid 2>/dev/null || break
			sleep 0.1
		done
		kill $_pid 2>/dev/null
	done
	return 1
}

req() {
	_m=$1; _u=$2; shift 2
	if [ $# -gt 0 ] && [ "$1" != "" ]; then _b=$1; shift
		curl -s -o "$T/body" -D "$T/head" -w '%{http_code}' -X "$_m" \
		    -H 'Content-Type: application/json' --data-binary "$_b" "$@" "$_u" >"$T/code"
	else [ $# -gt 0 ] && shift
		curl -s -o "$T/body" -D "$T/head" -w '%{http_code}' -X "$_m" "$@" "$_u" >"$T/code"
	fi
}

login() {
	req POST "$3/api/login" "{\"login\":\"$1\",\"password\":\"$2\"}" -c "$T/jar.$1"
	jq -r .csrf "$T/body" >"$T/csrf.$1"
}

as() {
	_who=$1; shift
	_m=$1; _u=$2; shift 2
	_b=""
	if [ $# -gt 0 ]; then _b=$1; shift; fi
	req "$_m" "$_u" "$_b" -b "$T/jar.$_who" -H "X-CSRF-Token: $(cat "$T/csrf.$_who")" "$@"
}

jget() { jq -r "$1" "${2:-$T/body}"; }

# code N "what": the last request answered N
code() { eq "$(cat "$T/code")" "$1" "$2"; }
