#!/bin/sh
# t1401-assess-http.sh: a manual 考核 score's evidence file downloaded from
# GET /api/assessment/manual/ID/evidence by the 依法治县办, a county
# leader and the assessed unit (公安局), not by another unit (404); and the
# ranking as XLSX from the API with the points as numbers. Rubric: 报送及时 95 (no reports: nothing to count,
# full marks) and 加分项 5 (manual); 公安局 gets 4.5, so 95 + 4.5 = 99.50.
. "$TOP/tests/lib/lib.sh"
. "$TOP/tests/lib/http.sh"

setup_db
"$FAZHI" plan import --db "$DB" "$TOP/data/plans/shenxian-2022.md" >/dev/null 2>&1
PW=correct-horse-battery
adduser() { echo "$PW" | "$FAZHI" user add --db "$DB" --name "$2" $3 \
    --password-stdin "$1" >/dev/null; }
adduser sup 依法治县办甲 "--role yfzxb:supervisor"
adduser ld 县领导 "--role xzf:leader"
adduser gajc 公安局联络员 "--role gaj:clerk"
adduser sfjc 司法局联络员 "--role sfj:clerk"
cat >"$T/rubric.json" <<'J'
{"items": [
 {"key": "timely", "name": "报送及时", "kind": "reports_on_time", "weight": 95},
 {"key": "bonus", "name": "加分项", "kind": "manual", "weight": 5}]}
J
"$FAZHI" assess rubric set --db "$DB" --year 2022 --file "$T/rubric.json" >/dev/null
printf '%%PDF-1.4\n%% 省级示范项目命名文件\n' >"$T/award.pdf"
cp "$T/award.pdf" "$T/示范项目 命名文件.pdf"
"$FAZHI" assess score --db "$DB" --year 2022 gaj bonus 4.5 \
    --reason 获评省级法治政府建设示范项目 --file "$T/示范项目 命名文件.pdf" >/dev/null
M=$(sql "SELECT id FROM assess_manual")
if start_server S --today 2022-12-20; then ok "server started"
else not_ok "server started"; exit 0; fi
for u in sup ld gajc sfjc; do login $u $PW "$S"; done
as sup POST "$S/api/assessment/run" '{"as_of":"2022-12-20"}'
code 200 "a run"
GAJ=$(sql "SELECT id FROM unit WHERE code = 'gaj'")

# The breakdown names the score, by which the file is downloaded.
as gajc GET "$S/api/assessment"
eq "$(jget ".units[] | select(.unit_id == $GAJ) | .items[] | select(.key == \"bonus\") | .manual.id")" "$M" \
    "the manual item carries the score's id"
eq "$(jget ".units[] | select(.unit_id == $GAJ) | .items[] | select(.key == \"bonus\") | .manual.file")" \
    "示范项目 命名文件.pdf" "and its file's name"
for who in sup ld gajc; do
	as $who GET "$S/api/assessment/manual/$M/evidence"
	code 200 "$who downloads the evidence"
	check "$who: the bytes as uploaded" cmp -s "$T/body" "$T/award.pdf"
done
has "$T/head" "Content-Type: application/pdf" "the file's type"
has "$T/head" "Content-Disposition: attachment; filename=\"file\"; filename*=UTF-8''%E7%A4%BA%E8%8C%83%E9%A1%B9%E7%9B%AE%20%E5%91%BD%E5%90%8D%E6%96%87%E4%BB%B6.pdf" \
    "its name, RFC 5987 encoded"
as sfjc GET "$S/api/assessment/manual/$M/evidence"
code 404 "another unit's clerk: no such file"
lacks "$T/body" "PDF" "and not its bytes"
as sup GET "$S/api/assessment/manual/$((M + 100))/evidence"
code 404 "no such score"
as sup GET "$S/api/assessment/manual/x/evidence"
code 400 "not an id"
req GET "$S/api/assessment/manual/$M/evidence"
code 401 "signed out"

# The ranking as XLSX: rank, total and points are numbers.
as ld GET "$S/api/assessment?format=xlsx"
code 200 "the XLSX"
has "$T/head" "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "its type"
has "$T/head" "filename*=UTF-8''%E8%80%83%E6%A0%B8%E7%BB%93%E6%9E%9C.xlsx" "named 考核结果.xlsx"
cp "$T/body" "$T/a.xlsx"
unzip -p "$T/a.xlsx" xl/sharedStrings.xml >"$T/ss.xml" 2>/dev/null
unzip -p "$T/a.xlsx" xl/worksheets/sheet1.xml >"$T/sheet.xml" 2>/dev/null
has "$T/ss.xml" "莘县公安局" "the unit's name is text"
lacks "$T/ss.xml" "99.50" "the total is not text"
has "$T/sheet.xml" "<v>99.5</v>" "公安局's total, 99.50, a number"
has "$T/sheet.xml" "<v>4.5</v>" "its 加分项, a number"
has "$T/sheet.xml" "<v>95</v>" "报送及时 95, a number"
as gajc GET "$S/api/assessment?format=xlsx"
code 200 "a unit's XLSX"
cp "$T/body" "$T/g.xlsx"
unzip -p "$T/g.xlsx" xl/sharedStrings.xml >"$T/gs.xml" 2>/dev/null
lacks "$T/gs.xml" "莘县司法局" "holds only its own row"
as sup GET "$S/api/assessment?format=pdf"
code 400 "an unknown format"
as sup GET "$S/api/assessment?format=csv"
code 200 "CSV still"
has "$T/body" '"99.50"' "with the total as text, as CSV has it"
