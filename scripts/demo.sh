#!/bin/sh
# demo.sh: what `make demo` runs after building: a fresh demonstration
# database (var/demo.db) with Shandong's divisions, the 莘县 unit directory,
# the 2022–2026 working-day calendar, the reference plan and its quarterly
# reporting periods, one account per role on a few units, and then a whole
# year 2022 of fictional work (data/demo/2022, 演示数据，均为虚构): 156
# progress reports of 18 units taken through the real workflow by
# scripts/demo-year.sh, the registries (规范性文件, 重大行政决策, 行政应诉,
# 行政复议, 好差评, 执法人员, 执法决定, 活动, 证明事项), the indicators
# computed as of 2022-12-31, two 督察 findings (one closed, one open) and
# the plan published on the public portal. Then fazhi serve on
# http://127.0.0.1:8080 in the foreground (Ctrl-C stops it), its "today"
# 15 February 2023: the annual report is being drafted and the
# departments' own reports are due on 1 March. FAZHI_DEMO_TODAY overrides
# the date, FAZHI_DEMO_LISTEN the address; FAZHI_DEMO_NO_SERVE=1 stops
# after loading and FAZHI_DEMO_DB=PATH|DSN loads another store (tests).
# Usage: scripts/demo.sh BUILD_DIR
# SPDX-License-Identifier: MIT
set -eu
build=${1:-build}
fazhi="./$build/fazhi"
db=${FAZHI_DEMO_DB:-var/demo.db}
today=${FAZHI_DEMO_TODAY:-2023-02-15}
listen=${FAZHI_DEMO_LISTEN:-127.0.0.1:8080}
year=data/demo/2022
pw=fazhi-demo-2022

cd "$(dirname "$0")/.."
case $db in
*://*) ;;		# a PostgreSQL DSN (tests): a new, empty database
*)	mkdir -p "$(dirname "$db")"
	rm -f "$db" "$db-wal" "$db-shm" ;;
esac
"$fazhi" init --db "$db"
"$fazhi" divisions import --db "$db" data/divisions/shandong.csv
"$fazhi" units import --db "$db" data/units/shenxian.csv
"$fazhi" calendar import --db "$db" data/calendar/[0-9]*.csv
"$fazhi" plan import --db "$db" data/plans/shenxian-2022.md
"$fazhi" period generate --db "$db" --quarterly --due-day 10 --grace 3 1

# login, name, roles (unit code:role), what to try
accounts='
admin|系统管理员|admin|账号、单位、设置
ducha|依法治县办督办员|yfzxb:supervisor|审核、退回、催办、督察整改、年度报告
yfzb_zr|依法治县办主任|yfzxb:supervisor|审核通过年度报告（提交与审核通过须由不同人员办理）
lingdao|县领导|xzf:leader|督办看板（只读）
sfj_lly|县司法局联络员|sfj:clerk|第9、13项等任务的牵头汇总
sfj_fzr|县司法局负责人|sfj:unit_leader|审批本局报告
scjg_lly|县市场监管局联络员|scjg:clerk|第12项任务的汇总报告、佐证材料
scjg_fzr|县市场监管局负责人|scjg:unit_leader|审批本局报告
zcz_lly|朝城镇联络员|371522102:clerk|镇里承担的任务、待审核的第四季度报告
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

# The year: reports through the workflow (the other units' clerks and
# leaders of $year/accounts.csv are created with the same password).
echo "载入 2022 年演示数据（$year）…"
DEMO_PASSWORD=$pw scripts/demo-year.sh "$build" "$db" "$year"
for kind in normative decision litigation reconsideration rating enforcer \
    enforcement proof activity; do
	"$fazhi" registry import --db "$db" "$kind" "$year/registry/$kind.csv"
done
"$fazhi" indicators compute --db "$db" --as-of 2022-12-31 >/dev/null

# 督察: a 市级督察 finding rectified, checked and closed (销号); a 县级督察
# finding still open.
tmp=$(mktemp -d)
ev=$tmp/整改佐证材料.pdf
printf '%%PDF-1.4\n%% 演示数据，均为虚构：整改佐证材料\n' >"$ev"
"$fazhi" finding add --db "$db" --source 市级督察 --found 2022-08-16 \
    --deadline 2022-10-31 --doc-no 聊法督〔2022〕7号 \
    --doc-title 关于莘县法治政府建设督察反馈问题的通知 \
    --description "个别行政机关负责人出庭应诉不到位，土地行政处罚案件第一次开庭时被诉机关负责人未出庭" \
    --requirement "督促被诉行政机关负责人依法出庭应诉，建立出庭应诉提醒和通报制度" \
    --unit zrzyj --task 19 >/dev/null
"$fazhi" finding rectify --db "$db" --as zrzyj_lly \
    --text "已建立行政机关负责人出庭应诉提醒制度，开庭前5个工作日提醒；该案第二次开庭局长出庭应诉。" \
    --file "$ev" --submit 1 >/dev/null
"$fazhi" finding check --db "$db" --as ducha --pass \
    --comment "整改到位，佐证材料齐全。" 1 >/dev/null
"$fazhi" finding close --db "$db" --as ducha 1 >/dev/null
"$fazhi" finding add --db "$db" --source 县级督察 --found 2022-11-22 \
    --deadline 2023-03-31 \
    --description "镇村两级电子政务外网未实现全覆盖，23个行政村尚未接入" \
    --requirement "制定接入计划，2023年3月底前完成剩余行政村接入" \
    --unit zfb --unit 371522103 --task 21 >/dev/null
rm -rf "$tmp"

# The public portal: the plan with its progress and indicators.
"$fazhi" portal publish --db "$db" --plan 1 \
    --fields task_text,units,status,progress,indicators >/dev/null

echo
echo "演示数据，均为虚构：莘县 2022 年全年的进展报告、台账、指标和督察整改。"
echo "演示账号（密码均为 $pw）："
echo "$accounts" | while IFS='|' read -r login name role what; do
	[ -n "$login" ] || continue
	printf '  %-10s %s：%s\n' "$login" "$name" "$what"
done
echo "  另有 $year/accounts.csv 中各单位的联络员（*_lly）和负责人（*_fzr），密码相同。"
echo
echo "演示日期：$today（可用 FAZHI_DEMO_TODAY=YYYY-MM-DD 修改）：年度报告起草中，"
echo "各部门年度报告 3 月 1 日前报送。公开门户：http://$listen/portal/"
echo "浏览器打开 http://$listen/ 登录；按 Ctrl-C 停止。"
[ -z "${FAZHI_DEMO_NO_SERVE:-}" ] || exit 0
exec "$fazhi" serve --db "$db" --listen "$listen" --today "$today"
