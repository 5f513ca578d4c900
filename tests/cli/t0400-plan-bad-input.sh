#!/bin/sh
# t0400-plan-bad-input: `fazhi plan import` of every bad fixture
# (tests/import/fixtures/bad-*), a 50 MB file, a folder and a missing file:
# exit 1 with a message that says what is wrong (为空, 二进制, DOCX/zip, 任务,
# UTF-8 and the line, 过大, 目录), into an empty database and into one that
# already holds the reference plan, whose rows must stay byte-identical.
# SPDX-License-Identifier: MIT
. "$TOP/tests/lib/lib.sh"
cd "$T" || exit 1

FIX="$TOP/tests/import/fixtures"
PLAN="$TOP/data/plans/shenxian-2022.md"
PLAN_TABLES="plan plan_section plan_source task task_measure task_unit_ref task_unit_member indicator audit"

# has_re FILE ERE "what"
has_re() {
	if grep -qE -- "$2" "$1"; then ok "$3"; else
		not_ok "$3"; echo "# /$2/ not in $1:"; sed 's/^/# /' "$1" | head -10
	fi
}
# the stored plan data, as text
snapshot() {
	# shellcheck disable=SC2086
	dump_tables $PLAN_TABLES
}

# Inputs beyond the fixtures: a 50 MB copy of the plan (valid text, only
# too big), a folder, a missing file.
cp "$PLAN" "$T/big.md"
while [ "$(wc -c <"$T/big.md")" -lt 52428800 ]; do
	cat "$T/big.md" "$T/big.md" >"$T/big2.md" && mv "$T/big2.md" "$T/big.md"
done
mkdir "$T/folder.md"

# The bad fixtures must all be covered here: a new one fails this check.
eq "$(cd "$FIX" && ls bad-* | tr '\n' ' ')" \
    "bad-binary.md bad-empty.md bad-invalid-utf8.md bad-no-tasks.md bad-notzip.docx bad-truncated.md " \
    "the bad fixtures are the six this test knows"

# cases: FILE|extended regex the message must match|what
cases() {
	cat <<EOF
$FIX/bad-empty.md|为空|an empty file: 为空
$FIX/bad-binary.md|二进制|random bytes: 二进制
$FIX/bad-notzip.docx|[Dd][Oo][Cc][Xx]|text named .docx: DOCX
$FIX/bad-notzip.docx|[Zz][Ii][Pp]|text named .docx: zip
$FIX/bad-no-tasks.md|任务|no numbered tasks: 任务
$FIX/bad-truncated.md|第 ?37 ?行|cut inside 「履」: line 37
$FIX/bad-truncated.md|UTF-8|cut inside 「履」: UTF-8
$FIX/bad-invalid-utf8.md|第 ?40 ?行|invalid bytes: line 40
$FIX/bad-invalid-utf8.md|UTF-8|invalid bytes: UTF-8
$T/big.md|过大|a 50 MB file: 过大
$T/folder.md|目录|a folder: 目录
$T/missing.md|missing\.md|a missing file: named
EOF
}

# try LABEL: run every case, each must fail and leave the snapshot alone
try() {
	snapshot >"$T/snap.before"
	cases >"$T/cases"
	while IFS='|' read -r file re what; do
		run 1 "$FAZHI" plan import --db "$DB" "$file" </dev/null
		has_re "$T/err" "$re" "$1: $what"
		if [ -s "$T/err" ] && ! grep -q 'Sanitizer\|runtime error\|Segmentation' "$T/err"
		then ok "$1: $(basename "$file") fails cleanly"
		else not_ok "$1: $(basename "$file") fails cleanly"; fi
		snapshot >"$T/snap.after"
		if cmp -s "$T/snap.before" "$T/snap.after"; then
			ok "$1: $(basename "$file") leaves the plan tables as they were"
		else
			not_ok "$1: $(basename "$file") leaves the plan tables as they were"
			diff "$T/snap.before" "$T/snap.after" | head -5 | sed 's/^/# /'
		fi
	done <"$T/cases"
}

setup_db || not_ok "setup: init, divisions and units"

# --- into an empty database --------------------------------------------------
try "empty db"
eq "$(count_rows plan):$(count_rows task):$(count_rows plan_source)" "0:0:0" \
    "the plan tables are still empty"
# --dry-run and --json fail the same way
run 1 "$FAZHI" plan import --db "$DB" --dry-run "$FIX/bad-no-tasks.md"
run 1 "$FAZHI" plan import --db "$DB" --json "$FIX/bad-empty.md"
has "$T/err" "为空" "--json: the reason is still given"

# --- into a database that holds the reference plan ------------------------------
run 0 "$FAZHI" plan import --db "$DB" "$PLAN"
eq "$(count_rows task)" 22 "the reference plan is stored (22 tasks)"
try "after a good plan"
eq "$(count_rows plan):$(count_rows task):$(count_rows plan_source)" "1:22:1" \
    "still one plan with 22 tasks and one source"
# --update does not let a bad file through either
snapshot >"$T/snap.before"
run 1 "$FAZHI" plan import --db "$DB" --update "$FIX/bad-truncated.md"
snapshot >"$T/snap.after"
if cmp -s "$T/snap.before" "$T/snap.after"; then
	ok "--update with a truncated file changes nothing"
else not_ok "--update with a truncated file changes nothing"; fi

echo "1..$_n"
