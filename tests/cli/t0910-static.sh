#!/bin/sh
# t0910-static.sh: fazhi serve --web: the web application's files. Path
# traversal in every spelling (.., encoded dots and slashes, encoded NUL,
# backslashes, symlinks out of the root) is refused with a 4xx and never
# shows a file outside the root; Content-Type per extension; ETag and
# Last-Modified with 304; index.html is not cached, /assets/ is immutable;
# page paths fall back to index.html, a missing asset is a 404; the API
# and /healthz are untouched.
. "$TOP/tests/lib/lib.sh"

setup_db
echo 'correct-horse-battery' | "$FAZHI" user add --db "$DB" --name 张三 \
    --role sfj:supervisor --password-stdin zhangsan >/dev/null

# A web root of our own, and a secret next to it that must never be served.
W="$T/site/web"
mkdir -p "$W/assets/sub" "$W/docs"
echo "TOP-SECRET-OUTSIDE" >"$T/site/secret.txt"
printf '<!doctype html><title>法治</title><div id="app">INDEX-PAGE</div>\n' >"$W/index.html"
echo 'console.log("app")' >"$W/assets/index-AbC123.js"
echo 'body{color:red}' >"$W/assets/index-AbC123.css"
echo '<svg xmlns="http://www.w3.org/2000/svg"/>' >"$W/assets/logo.svg"
printf '\211PNG\r\n\032\n' >"$W/assets/a.png"
echo 'wOF2' >"$W/assets/f.woff2"
echo 'wOFF' >"$W/assets/f.woff"
echo '{"a":1}' >"$W/manifest.json"
echo '{"version":3}' >"$W/assets/index-AbC123.js.map"
echo 'ICO' >"$W/favicon.ico"
echo 'nested' >"$W/assets/sub/x.js"
echo '.hidden' >"$W/.env"
ln -s /etc/passwd "$W/passwd-link"
ln -s "$T/site/secret.txt" "$W/assets/secret.js"
ln -s /etc "$W/etc-link"
ln -s "$T/site" "$W/assets/up"

pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; cleanup' EXIT
for _try in 1 2 3 4 5; do
	port=$(( ($(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 30000) + 20000 ))
	"$FAZHI" serve --db "$DB" --web "$W" --listen "127.0.0.1:$port" >"$T/serve.log" 2>&1 &
	pid=$!
	up=0
	for _i in $(seq 1 50); do
		if curl -s "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then up=1; break; fi
		kill -0 $pid 2>/dev/null || break
		sleep 0.1
	done
	[ $up = 1 ] && break
	kill $pid 2>/dev/null; pid=""
done
if [ -n "$pid" ]; then ok "server started with --web"; else not_ok "server started"; exit 0; fi
U="http://127.0.0.1:$port"

# get PATH [curl args]: status in $T/code, body in $T/body, headers in $T/head
get() {
	_p=$1; shift
	rm -f "$T/body"; : >"$T/body"
	curl -s --path-as-is -o "$T/body" -D "$T/head" -w '%{http_code}' "$@" "$U$_p" >"$T/code"
}
# refused PATH: a 4xx whose body shows nothing from outside the root
refused() {
	get "$1"
	_c=$(cat "$T/code")
	if [ "$_c" -ge 400 ] && [ "$_c" -lt 500 ] &&
	    ! grep -q 'root:\|TOP-SECRET\|INDEX-PAGE' "$T/body"; then
		ok "refused ($_c): $1"
	else
		not_ok "refused: $1 (got $_c)"; sed 's/^/# /' "$T/body" | head -3
	fi
}

get /
eq "$(cat "$T/code")" 200 "/ is served"
has "$T/body" INDEX-PAGE "/ is index.html"
has "$T/head" "Content-Type: text/html; charset=utf-8" "index.html is text/html"
has "$T/head" "Cache-Control: no-cache" "index.html is revalidated every time"
has "$T/head" "Content-Security-Policy: default-src 'self'" "the page has the CSP"
lacks "$T/head" "unsafe-eval" "the CSP never allows eval"
has "$T/head" "X-Content-Type-Options: nosniff" "nosniff"
has "$T/head" "X-Frame-Options: DENY" "no framing"
has "$T/head" "ETag: " "an ETag"
has "$T/head" "Last-Modified: " "a Last-Modified"

# The types, one a file.
for f in "assets/index-AbC123.js text/javascript" "assets/index-AbC123.css text/css" \
    "assets/logo.svg image/svg+xml" "assets/a.png image/png" "assets/f.woff2 font/woff2" \
    "assets/f.woff font/woff" "manifest.json application/json" \
    "assets/index-AbC123.js.map application/json" "favicon.ico image/x-icon" \
    "index.html text/html"; do
	set -- $f
	get "/$1"
	if [ "$(cat "$T/code")" = 200 ] && grep -qi "^Content-Type: $2" "$T/head"; then
		ok "/$1 is $2"
	else not_ok "/$1 is $2 (got $(cat "$T/code"))"; grep -i content-type "$T/head" | sed 's/^/# /'; fi
done
get /assets/index-AbC123.js
has "$T/head" "Cache-Control: public, max-age=31536000, immutable" "hashed assets are cached for a year"
get /assets/sub/x.js
has "$T/body" nested "a file in a sub-folder of the root"

# 304 by ETag and by date; a changed file gets a new ETag.
get /assets/index-AbC123.js
etag=$(sed -n 's/^ETag: \(.*\)\r$/\1/p' "$T/head")
lm=$(sed -n 's/^Last-Modified: \(.*\)\r$/\1/p' "$T/head")
get /assets/index-AbC123.js -H "If-None-Match: $etag"
eq "$(cat "$T/code")" 304 "If-None-Match with the ETag: 304"
eq "$(wc -c <"$T/body" | tr -d ' ')" 0 "a 304 has no body"
get /assets/index-AbC123.js -H "If-None-Match: \"other\", W/$etag"
eq "$(cat "$T/code")" 304 "a weak ETag in a list matches"
get /assets/index-AbC123.js -H 'If-None-Match: "other"'
eq "$(cat "$T/code")" 200 "another ETag: 200"
get /assets/index-AbC123.js -H "If-Modified-Since: $lm"
eq "$(cat "$T/code")" 304 "If-Modified-Since the Last-Modified: 304"
get /assets/index-AbC123.js -H "If-Modified-Since: Mon, 01 Jan 2001 00:00:00 GMT"
eq "$(cat "$T/code")" 200 "modified since 2001: 200"
get / -H "If-None-Match: $(sed -n 's/^ETag: \(.*\)\r$/\1/p' "$T/head")"
sleep 1.1
echo 'console.log("v2")' >"$W/assets/index-AbC123.js"
get /assets/index-AbC123.js -H "If-None-Match: $etag"
eq "$(cat "$T/code")" 200 "a changed file is sent again"

# A precompressed copy is sent to clients that take gzip, and only to them.
printf 'body{color:red}\n' | gzip -9 >"$W/assets/index-AbC123.css.gz"
get /assets/index-AbC123.css -H 'Accept-Encoding: gzip, deflate'
has "$T/head" "Content-Encoding: gzip" "gzip when the client takes it"
has "$T/head" "Content-Type: text/css" "with the type of the original"
eq "$(gzip -dc <"$T/body")" "body{color:red}" "the gzip copy holds the file"
get /assets/index-AbC123.css
lacks "$T/head" "Content-Encoding" "no gzip for a client that does not ask"
has "$T/body" "body{color:red}" "the plain file then"
has "$T/head" "Vary: Accept-Encoding" "Vary: Accept-Encoding"

# HEAD: the headers and no body.
curl -s -I -o "$T/head" -w '%{http_code}' "$U/assets/logo.svg" >"$T/code"
eq "$(cat "$T/code")" 200 "HEAD is answered"
has "$T/head" "Content-Type: image/svg+xml" "HEAD has the type"

# Client-side routes get index.html; a missing asset or file is a 404.
for p in /plan /tasks/12 /review/queue/ /login; do
	get "$p"
	if [ "$(cat "$T/code")" = 200 ] && grep -q INDEX-PAGE "$T/body" &&
	    grep -q 'Cache-Control: no-cache' "$T/head"; then ok "the page route $p gets index.html"
	else not_ok "the page route $p gets index.html (got $(cat "$T/code"))"; fi
done
get /docs
has "$T/body" INDEX-PAGE "a folder gets index.html, not a listing"
get /assets/index-Missing.js
eq "$(cat "$T/code")" 404 "a missing file under /assets/ is a 404"
lacks "$T/body" INDEX-PAGE "and not index.html"
get /assets/
eq "$(cat "$T/code")" 404 "/assets/ itself is a 404"
get /robots.txt
eq "$(cat "$T/code")" 404 "a missing file with an extension is a 404"

# Traversal and other tricks: a 4xx, and never a byte from outside.
for p in /../etc/passwd /../../../../etc/passwd /..%2f..%2fetc%2fpasswd \
    /%2e%2e/%2e%2e/etc/passwd /%2e%2e/secret.txt /%2E%2E/secret.txt \
    /assets/..%2f..%2fsecret.txt /assets/..%2F..%2Fsecret.txt \
    /assets/%2e%2e/%2e%2e/secret.txt /assets/../../secret.txt \
    /./index.html /assets/./index-AbC123.js '/..\..\secret.txt' '/assets%5c..%5c..%5csecret.txt' \
    '/index.html%00.png' '/%00' '/assets/index-AbC123.js%00' /%252e%252e/secret.txt \
    /passwd-link /assets/secret.js /etc-link/passwd /assets/up/secret.txt \
    /.env /assets/%2e%2e/index.html '/%ZZ' /%c0%ae%c0%ae/secret.txt; do
	refused "$p"
done
grep -q 'root:' "$T/body" && not_ok "no /etc/passwd ever" || ok "no /etc/passwd ever"

# Only GET and HEAD outside the API.
curl -s -o "$T/body" -D "$T/head" -w '%{http_code}' -X POST "$U/plan" >"$T/code"
eq "$(cat "$T/code")" 405 "POST to a page is a 405"
has "$T/head" "Allow: GET, HEAD" "the 405 says GET, HEAD"

# The API is still the API.
get /api/nowhere
eq "$(cat "$T/code")" 404 "an unknown API path is a JSON 404"
has "$T/body" '"code":"NOT_FOUND"' "with the error code"
lacks "$T/body" INDEX-PAGE "not the page"
get /api/plans
eq "$(cat "$T/code")" 401 "the API still needs a session"
has "$T/head" "Cache-Control: no-store" "the API is never cached"
get /healthz
has "$T/body" '"ok":true' "/healthz is the health check"
get /api/plans/%00
eq "$(cat "$T/code")" 401 "an encoded NUL in an API path is not cut short (needs a session first)"

kill "$pid"; wait "$pid" 2>/dev/null; pid=""

# The default web root: $FAZHI_WEB; a --web without index.html is an error.
FAZHI_WEB="$W" run 0 "$FAZHI" serve --db "$DB" -n
has "$T/out" "$W" "-n names the web root taken from FAZHI_WEB"
mkdir -p "$T/empty"
run 1 "$FAZHI" serve --db "$DB" --web "$T/empty" -n
has "$T/err" "index.html" "a web root without index.html is refused"
