#!/bin/sh
# t0955-lights.sh: lights count working days on the official calendar.
# The third quarter of 2022 is due on 10 October. 国庆 2022 (国办发明电
# 〔2021〕11号): 1–7 October off, Saturday 8 and Sunday 9 October worked.
# From 30 September, the working days in (30 Sep, 10 Oct] are 8, 9 and 10
# October: 3, within the default 3 → yellow. From 29 September they are 30
# September, 8, 9 and 10 October: 4 → green, until the threshold is 4.
# Without the calendar, (30 Sep, 10 Oct] holds 3–7 and 10 October: 6 → green.
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
"$FAZHI" period generate --db "$DB" --quarterly --due-day 10 --grace 0 1 >/dev/null
echo correct-horse-battery | "$FAZHI" user add --db "$DB" --name 督办 \
    --role yfzxb:supervisor --password-stdin sup >/dev/null
Q3=$(sql "SELECT id FROM period WHERE name = '2022年第三季度'")
GC=$(sql "SELECT id FROM unit WHERE code = '371522103'")

# light_of URL: the light of 观城镇's share of task 13 in the third quarter
light_of() {
	login sup correct-horse-battery "$1"
	as sup GET "$1/api/plans/1/tasks?period=$Q3&per_page=200"
	jget '.items[] | select(.number == 13) | .assignments[] | select(.unit_id == '"$GC"') | .light'
}

start_server N --today 2022-09-30 || { not_ok "server"; exit 0; }
eq "$(light_of "$N")" green "no calendar: 6 working days are left on 30 September"
run 0 "$FAZHI" calendar import --db "$DB" "$TOP/data/calendar/2022.csv"
eq "$(light_of "$N")" yellow "with the 2022 calendar: 3 working days are left"
start_server M --today 2022-09-29 || { not_ok "server"; exit 0; }
eq "$(light_of "$M")" green "on 29 September 4 are left"
as sup PUT "$M/api/settings" '{"light.yellow_days":4}'
eq "$(light_of "$M")" yellow "yellow once the threshold is 4 working days"
start_server L --today 2022-10-11 || { not_ok "server"; exit 0; }
eq "$(light_of "$L")" red "on 11 October, nothing reported: red (逾期)"
