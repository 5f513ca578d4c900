#!/bin/sh
# t1361-portal-cli.sh: fazhi portal show|publish|unpublish|on|off: the
# portal's settings from the command line, with the same checks and audit
# entries as the API, and the portal following them.
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
run 2 "$FAZHI" portal
run 2 "$FAZHI" portal nosuch --db "$DB"
run 2 "$FAZHI" portal publish --fields names --db "$DB"
has "$T/err" names "a field that cannot be public is named"
run 0 "$FAZHI" portal show --db "$DB"
eq "$(jq -r .enabled "$T/out")" false "the portal starts off"
eq "$(jq -r '.plans[0].published' "$T/out")" false "and the plan unpublished"
run 0 "$FAZHI" portal publish --fields status,progress --db "$DB"
has "$T/out" 已在门户公开 "publish says so"
run 0 "$FAZHI" portal show --db "$DB"
eq "$(jq -r .enabled "$T/out")" true "publishing turns the portal on"
eq "$(jq -r '.plans[0].fields | join(",")' "$T/out")" status,progress "with the fields given"
eq "$(jq -r '.plans[0].set_by' "$T/out")" "cli:$(id -un)" "and who set them"
if start_server A; then ok "server started"; else not_ok "server started"; exit 0; fi
req GET "$A/portal/plans/1/tasks/9"
code 200 "the published plan's task on the portal"
req GET "$A/portal/plans/1/indicators"
code 404 "indicators were not published"
run 0 "$FAZHI" portal unpublish --db "$DB"
req GET "$A/portal/plans/1/tasks/9"
code 404 "unpublished: gone"
run 0 "$FAZHI" portal show --db "$DB"
eq "$(jq -r '.plans[0].fields | join(",")' "$T/out")" status,progress "its fields are kept for next time"
run 0 "$FAZHI" portal off --db "$DB"
req GET "$A/portal/"
code 404 "the portal off"
eq "$(sql "SELECT count(*) FROM audit WHERE action LIKE 'publication.%'")" 4 \
    "every change audited"
