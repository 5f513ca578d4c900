#!/bin/sh
# demo.sh: what `make demo` runs after building: a fresh demonstration
# database (var/demo.db) with Shandong's divisions, the 莘县 unit directory,
# the 2022–2026 working-day calendar,
# the reference plan and its quarterly reporting periods, one account per
# role on a few units, and then fazhi serve on http://127.0.0.1:8080 in the
# foreground (Ctrl-C stops it). The server's "today" is 8 April 2022, two
# days before the first quarter's reports are due, so that deadlines,
# lateness and reminders can be seen; FAZHI_DEMO_TODAY overrides it, and
# FAZHI_DEMO_LISTEN the address.
# Usage: scripts/demo.sh BUILD_DIR
# SPDX-License-Identifier: MIT
set -eu
build=${1:-build}
fazhi="./$build/fazhi"
db=var/demo.db
today=${FAZHI_DEMO_TODAY:-2022-04-08}
listen=${FAZHI_DEMO_LISTEN:-127.0.0.1:8080}
pw=fazhi-demo-2022

mkdir -p var
rm -f "$db" "$db-wal" "$db-shm"
"$fazhi" init --db "$db"
"$fazhi" divisions import --db "$db" data/divisions/shandong.csv
"$fazhi" units import --db "$db" data/units/shenxian.csv
"$fazhi" calendar import --db "$db" data/calendar/[0-9]*.csv
"$fazhi" plan import --db "$db" data/plans/shenxian-2022.md
"$fazhi" period generate --db "$db" --quarterly --due-day 10 --grace 3 1

# login, name, roles (unit code:role), what to try
accounts='
admin|系统管理员|admin|账号、单位、设置
ducha|依法治县办督办员|yfzxb:supervisor|审核、退回、催办、延期审批、督办看板
lingdao|县领导|xzf:leader|督办看板（只读）
sfj_lly|县司法局联络员|sfj:clerk|第9、13项等任务的牵头汇总
sfj_fzr|县司法局负责人|sfj:unit_leader|审批本局报告
scjg_lly|县市场监管局联络员|scjg:clerk|填报第13项任务进展、上传佐证材料
scjg_fzr|县市场监管局负责人|scjg:unit_leader|审批本局报告
zcz_lly|朝城镇联络员|371522102:clerk|填报镇里承担的任务、申请延期
'
echo "$accounts" | while IFS='|' read -r login name role what; do
	[ -n "$login" ] || continue
	if [ "$role" = admin ]; then
		echo "$pw" | "$fazhi" user add --db "$db" --name "$name" --admin \
		    --password-stdin "$login" >/dev/null
	else
		echo "$pw" | "$fazhi" user add --db "$db" --name "$name" \
		    --role "$role" --password-stdin "$login" >/dev/null
	fi
done

echo
echo "演示账号（密码均为 $pw）："
echo "$accounts" | while IFS='|' read -r login name role what; do
	[ -n "$login" ] || continue
	printf '  %-10s %s：%s\n' "$login" "$name" "$what"
done
echo
echo "演示日期：$today（可用 FAZHI_DEMO_TODAY=YYYY-MM-DD 修改）"
echo "浏览器打开 http://$listen/ 登录；按 Ctrl-C 停止。"
exec "$fazhi" serve --db "$db" --listen "$listen" --today "$today"
