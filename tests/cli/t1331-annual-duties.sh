#!/bin/sh
# t1331-annual-duties.sh: separation of duties in the annual report's
# review: the account that submitted a report (county or unit) may not
# approve it (403, saying why); another account with the right to approve
# may. For a unit report the newest submission counts: after a return, a
# clerk's resubmission may be approved by the leader who was refused.
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$2" --role "$3" \
    --password-stdin "$1" >/dev/null; }
adduser sup1 依法治县办甲 yfzxb:supervisor
adduser sup2 依法治县办乙 yfzxb:supervisor
adduser sfjl 司法局负责人 sfj:unit_leader
adduser sfjc 司法局联络员 sfj:clerk
if start_server S --today 2022-12-20; then ok "server started"
else not_ok "server started"; exit 0; fi
for u in sup1 sup2 sfjl sfjc; do login $u $PW "$S"; done
events() { sql "SELECT action || ':' || actor FROM annual_event WHERE report_id = $1 ORDER BY id" | tr '\n' ' '; }

# The county's report: sup1 submits, sup1 is refused, sup2 approves.
as sup1 POST "$S/api/annual-reports" '{"year":2022}'
code 200 "sup1 generates the county's draft"
A=$(jget .annual_report.id)
as sup1 POST "$S/api/annual-reports/$A/submit" '{}'
code 200 "sup1 submits it for review"
as sup1 POST "$S/api/annual-reports/$A/approve" '{}'
code 403 "sup1 may not approve the report sup1 submitted"
eq "$(jget .error.code)" FORBIDDEN "the error's code"
has "$T/body" "不能审核通过本人提交的年度报告" "the message says why"
has "$T/body" "职责分离" "naming separation of duties"
eq "$(sql "SELECT state FROM annual_report WHERE id = $A")" review "still in review"
as sup2 POST "$S/api/annual-reports/$A/approve" '{}'
code 200 "a second supervisor approves"
eq "$(jget .annual_report.state)" approved "approved"
eq "$(events "$A")" "generate:sup1 submit:sup1 approve:sup2 " \
    "the history names who submitted and who approved"

# A unit's report: its leader submits and is refused; the 依法治县办 (sup2)
# may approve it.
as sfjc POST "$S/api/annual-reports" '{"year":2022,"unit":"sfj"}'
code 200 "the clerk generates the 县司法局's draft"
U=$(jget .annual_report.id)
as sfjl POST "$S/api/annual-reports/$U/submit" '{}'
code 200 "its leader submits it"
as sfjl POST "$S/api/annual-reports/$U/approve" '{}'
code 403 "the leader may not approve what the leader submitted"
has "$T/body" "不能审核通过本人提交的年度报告" "with the reason"
as sfjc POST "$S/api/annual-reports/$U/approve" '{}'
code 403 "a clerk may not approve at all"
as sup2 POST "$S/api/annual-reports/$U/approve" '{}'
code 200 "the 依法治县办 approves it"
# Returned, resubmitted by the clerk: now the leader may approve.
as sup2 POST "$S/api/annual-reports/$U/return" '{"reason":"请补充第三部分"}'
code 200 "returned to draft"
as sfjc POST "$S/api/annual-reports/$U/submit" '{}'
code 200 "the clerk resubmits"
as sfjl POST "$S/api/annual-reports/$U/approve" '{}'
code 200 "the leader approves the clerk's submission"
eq "$(events "$U")" \
    "generate:sfjc submit:sfjl approve:sup2 return:sup2 submit:sfjc approve:sfjl " \
    "the unit report's history"
# Each refusal left nothing behind: no event, no audit entry.
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'annual.state' AND actor = 'sfjl'")" 2 \
    "the leader's audit: one submit, one approve"
