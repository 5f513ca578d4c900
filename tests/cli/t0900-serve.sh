#!/bin/sh
# t0900-serve.sh: fazhi serve: two server processes on one database serve
# the same people (a session made through one works through the other, and
# ends through the other); sign-in, CSRF, error codes with the field at
# fault, body limits, 404/405, security headers, and -n.
. "$TOP/tests/lib/lib.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
echo 'correct-horse-battery' | "$FAZHI" user add --db "$DB" --name 张三 \
    --role sfj:supervisor --password-stdin zhangsan >/dev/null

. "$TOP/tests/lib/http.sh"

if start_server A && start_server B; then ok "two servers started on one database"
else not_ok "two servers started"; exit 0; fi

req GET "$A/api/plans"
eq "$(cat "$T/code")" 401 "the plans need a session"
has "$T/body" '"code":"UNAUTHENTICATED"' "401 says UNAUTHENTICATED"
for h in "X-Content-Type-Options: nosniff" "X-Frame-Options: DENY" \
    "Content-Security-Policy: default-src 'self'" "Cache-Control: no-store"; do
	has "$T/head" "$h" "header $h"
done

req POST "$A/api/login" '{"login":"zhangsan","password":"wrong-password"}'
eq "$(cat "$T/code")" 401 "a wrong password is refused"
cp "$T/body" "$T/wrong"
req POST "$A/api/login" '{"login":"nobody","password":"correct-horse-battery"}'
if cmp -s "$T/body" "$T/wrong"; then ok "an unknown login gets the same answer"
else not_ok "an unknown login gets the same answer"; fi
req POST "$A/api/login" '{"login":"zhangsan"}'
eq "$(cat "$T/code")" 400 "a missing field is a 400"
has "$T/body" '"field":"password"' "the 400 names the field"
req POST "$A/api/login" '{"login":"zhangsan",'
eq "$(cat "$T/code")" 400 "malformed JSON is a 400"
has "$T/body" '"code":"BAD_JSON"' "BAD_JSON"
head -c 20000 /dev/zero | tr '\0' 'a' >"$T/big"
req POST "$A/api/login" "{\"login\":\"$(cat "$T/big")\"}"
eq "$(cat "$T/code")" 413 "an oversized body is a 413"

req POST "$A/api/login" '{"login":"zhangsan","password":"correct-horse-battery"}' -c "$T/jar"
eq "$(cat "$T/code")" 200 "sign in through A"
has "$T/head" "HttpOnly" "the cookie is HttpOnly"
has "$T/head" "SameSite=Strict" "the cookie is SameSite=Strict"
csrf=$(sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p' "$T/body")
eq "${#csrf}" 64 "the answer carries a CSRF token"

req GET "$B/api/plans" "" -b "$T/jar"
eq "$(cat "$T/code")" 200 "the session made on A works on B"
has "$T/body" '"tasks":22' "B lists the plan with its 22 tasks"
req GET "$B/api/plans/1" "" -b "$T/jar"
has "$T/body" '"doc_no":"莘政办发〔2022〕5号"' "B shows the plan"
req GET "$B/api/plans/999" "" -b "$T/jar"
eq "$(cat "$T/code")" 404 "an unknown plan is a 404"
req GET "$B/api/plans/abc" "" -b "$T/jar"
eq "$(cat "$T/code")" 400 "a bad id is a 400"
"$FAZHI" period generate --db "$DB" --quarterly 1 >/dev/null
req GET "$B/api/plans/1/periods" "" -b "$T/jar"
has "$T/body" '"name":"2022年第四季度"' "the plan's periods through the API"
has "$T/body" '"due":"2023-01-05"' "with their due dates"
req GET "$B/api/units" "" -b "$T/jar"
has "$T/body" '"name":"莘县司法局"' "B lists the units"
req GET "$B/api/me" "" -b "$T/jar"
has "$T/body" '"role":"supervisor"' "me shows the role"
req GET "$B/api/nowhere"
eq "$(cat "$T/code")" 404 "an unknown API path is a 404"
req DELETE "$B/api/plans"
eq "$(cat "$T/code")" 405 "a wrong method is a 405"
has "$T/head" "Allow: GET" "the 405 says what is allowed"

req POST "$B/api/logout" "" -b "$T/jar"
eq "$(cat "$T/code")" 403 "logout without the CSRF token is refused"
req POST "$B/api/logout" "" -b "$T/jar" -H "X-CSRF-Token: $(printf '%064d' 0)"
eq "$(cat "$T/code")" 403 "logout with a wrong CSRF token is refused"
req POST "$B/api/logout" "" -b "$T/jar" -H "X-CSRF-Token: $csrf"
eq "$(cat "$T/code")" 200 "logout through B with the token"
req GET "$A/api/plans" "" -b "$T/jar"
eq "$(cat "$T/code")" 401 "after logout on B, A refuses the session"
eq "$(sql "SELECT count(*) FROM session")" 0 "no session is left in the store"

# Five failures lock the login for a while, on every server.
for i in 1 2 3 4 5; do
	req POST "$A/api/login" '{"login":"zhangsan","password":"wrong-password"}'
done
req POST "$B/api/login" '{"login":"zhangsan","password":"correct-horse-battery"}'
eq "$(cat "$T/code")" 429 "after five failures the login is locked, on the other server too"
has "$T/body" '"code":"TOO_MANY_ATTEMPTS"' "429 says TOO_MANY_ATTEMPTS"

run 0 "$FAZHI" serve --db "$DB" -n
has "$T/out" "配置正确" "serve -n checks and exits"
run 2 "$FAZHI" serve --db "$DB" --listen nowhere
port=${A##*:}
run 1 "$FAZHI" serve --db "$DB" --listen "127.0.0.1:$port"
has "$T/err" "无法在" "a port in use is a clear error"
