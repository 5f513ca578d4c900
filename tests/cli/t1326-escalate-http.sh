#!/bin/sh
# t1326-escalate-http.sh: the ladder from the web (POST /api/escalations/run):
# the 依法治县办 previews (dry run: nothing recorded, no notice) what each
# unit would get, then runs it; others are refused. Finding 1 of the
# 县司法局 has 整改期限 2022-06-10 (Friday); on the 2022 calendar,
# 2022-06-17 is 5 working days after it: 提醒 (1, reached 06-13), 催办 (3,
# 06-15) and 通报 (5, 06-17); 2022-06-24 is 10: 约谈, proposed, which the
# 依法治县办 confirms from the web.
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
"$FAZHI" calendar import --db "$DB" "$TOP/data/calendar/2022.csv" >/dev/null
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$2" --role "$3" \
    --password-stdin "$1" >/dev/null; }
adduser sup 依法治县办甲 yfzxb:supervisor
adduser sfjc 司法局联络员 sfj:clerk
adduser ld 县领导 xzf:leader
"$FAZHI" finding add --db "$DB" --as sup --source 县级督察 --found 2022-05-10 \
    --deadline 2022-06-10 --description 行政执法公示不及时 --requirement 限期整改 \
    --unit sfj >/dev/null
if start_server S --today 2022-06-17; then ok "server started (today 2022-06-17)"
else not_ok "server started"; exit 0; fi
for u in sup sfjc ld; do login $u $PW "$S"; done
steps() { sql "SELECT step || '@' || on_date || '/' || state FROM escalation ORDER BY id" | join_lines ,; }

as sfjc POST "$S/api/escalations/run" '{"dry_run":true}'
code 403 "a unit's clerk may not run the ladder"
as ld POST "$S/api/escalations/run" '{"dry_run":true}'
code 403 "nor a county leader"
req POST "$S/api/escalations/run" '{"dry_run":true}'
code 401 "nor anyone signed out"
as sup POST "$S/api/escalations/run" '{"dry_run":"yes"}'
code 400 "dry_run must be a boolean"

# The preview: three steps for the 县司法局, nothing recorded.
as sup POST "$S/api/escalations/run" '{}'
code 200 "without a body field: a preview"
eq "$(jget .dry_run)" true "dry_run is the default"
eq "$(jget '[.steps[] | "\(.step_name)@\(.on_date)/\(.unit_name)"] | join(",")')" \
    "提醒@2022-06-13/莘县司法局,催办@2022-06-15/莘县司法局,通报@2022-06-17/莘县司法局" \
    "each step the unit would get, on the day its threshold was reached"
eq "$(jget '.steps[0].reason')" "督察发现问题第 1 号整改期限为 2022-06-10，已逾期 5 个工作日" \
    "the reason"
eq "$(jget .recorded)" 0 "nothing recorded"
eq "$(count_rows escalation)" 0 "no step in the store"
eq "$(sql "SELECT count(*) FROM notice WHERE kind = 'supervise'")" 0 "no notice"

# For real: the same steps, recorded, audited, a notice for each.
as sup POST "$S/api/escalations/run" '{"dry_run":false}'
code 200 "the ladder runs"
eq "$(jget .dry_run)" false "not a dry run"
eq "$(jget .recorded)" 3 "three steps recorded"
eq "$(jget .notices_sent)" 3 "three notices"
eq "$(steps)" "remind@2022-06-13/done,urge@2022-06-15/done,bulletin@2022-06-17/done" \
    "the steps in the store"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'escalation.add' AND actor = 'sup'")" 3 \
    "each step audited under the supervisor's name"
eq "$(sql "SELECT count(*) FROM notice WHERE kind = 'supervise' AND message LIKE '【催办】%'")" 1 \
    "the 催办 notice"
as sup POST "$S/api/escalations/run" '{"dry_run":false}'
code 200 "again"
eq "$(jget '.steps | length')" 0 "each step only once"
as sfjc GET "$S/api/escalations"
eq "$(jget '.escalations | length')" 3 "the unit sees its three steps"
stop_servers

# 10 working days: 约谈, proposed; confirmed from the web.
if start_server S2 --today 2022-06-24; then ok "server started (today 2022-06-24)"
else not_ok "server started"; exit 0; fi
for u in sup sfjc; do login $u $PW "$S2"; done
as sup POST "$S2/api/escalations/run" '{"dry_run":true}'
eq "$(jget '[.steps[] | "\(.step)/\(.state)"] | join(",")')" "interview/proposed" "the preview: 拟约谈"
as sup POST "$S2/api/escalations/run" '{"dry_run":false}'
eq "$(jget .notices_sent)" 0 "no notice for a proposed 约谈"
ID=$(sql "SELECT id FROM escalation WHERE step = 'interview'")
eq "$(sql "SELECT state FROM escalation WHERE id = $ID")" proposed "proposed"
as sfjc POST "$S2/api/escalations/$ID/confirm"
code 403 "a clerk may not confirm it"
as sup POST "$S2/api/escalations/$ID/confirm"
code 200 "the 依法治县办 confirms it"
eq "$(sql "SELECT state FROM escalation WHERE id = $ID")" confirmed "confirmed"
eq "$(sql "SELECT count(*) FROM notice WHERE kind = 'supervise' AND message LIKE '【约谈】%'")" 1 \
    "the unit is told"
