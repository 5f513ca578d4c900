#!/bin/sh
# accounts.sh: the end-to-end tests' accounts, one for each role,
# and the plan's quarterly reporting periods, in a store that already holds
# the 莘县 directory and the reference plan (tests/e2e/run.sh).
# Every account has the password "fazhi-demo-2022": for trying fazhi out
# on 127.0.0.1 only, never for a real deployment.
# Usage: tests/e2e/accounts.sh FAZHI_BINARY DB
# SPDX-License-Identifier: MIT
set -eu
fz=$1
db=$2
pw=fazhi-demo-2022

# login, name, options
while IFS='|' read -r login name opts; do
	[ -n "$login" ] || continue
	if "$fz" user list --db "$db" | grep -q "^$login[[:space:]]"; then
		continue
	fi
	# shellcheck disable=SC2086 # opts are several words
	echo "$pw" | "$fz" user add --db "$db" --name "$name" $opts \
	    --password-stdin "$login" >/dev/null
done <<'LIST'
admin|系统管理员|--admin
duban|张督办|--role sfj:supervisor
duban2|周督办|--role sfj:supervisor
lingdao|李县长|--role xzf:leader
zfb_fzr|王主任|--role zfb:unit_leader
zfb_lly|赵联络员|--role zfb:clerk
jtj_fzr|刘局长|--role jtj:unit_leader
jtj_lly|陈联络员|--role jtj:clerk
gaj_lly|孙联络员|--role gaj:clerk
LIST

if ! "$fz" period list --db "$db" 1 2>/dev/null | grep -q '季度'; then
	"$fz" period generate --db "$db" --quarterly 1 >/dev/null
fi
