#!/bin/sh
# t0200-units: `fazhi units import` of data/units/shenxian.csv (every row
# stored; 莘县司法局 and the 4 街道 + 20 镇 of the divisions file listed), the
# same file as GB18030, with a UTF-8 BOM and with CRLF line ends; bad files
# (column count, 类型, duplicate 编码, shared 简称, open quote, binary, empty)
# exit 1, name the line and change nothing; re-import is idempotent.
# SPDX-License-Identifier: MIT
. "$TOP/tests/lib/lib.sh"
cd "$T" || exit 1

CSV="$TOP/data/units/shenxian.csv"
DIV="$TOP/data/divisions/shandong.csv"
nrows=$(($(wc -l <"$CSV") - 1))		# 69: the rows under the header
HEADER=$(head -n 1 "$CSV")

# fresh_db PATH: an initialised database with the divisions loaded
fresh_db() {
	"$FAZHI" init --db "$1" >/dev/null &&
	"$FAZHI" divisions import --db "$1" "$DIV" >/dev/null
}
# state DB: the unit table as a user sees it, and as stored
state() {
	"$FAZHI" units list --db "$1" --json | cksum
	sql_on "$1" 'SELECT count(*) FROM unit'
	on_db "$1" dump_tables unit unit_name | cksum
}
# has_re FILE ERE "what"
has_re() {
	if grep -qE -- "$2" "$1"; then ok "$3"; else
		not_ok "$3"; echo "# /$2/ not in $1:"; sed 's/^/# /' "$1" | head -10
	fi
}
# jq-free JSON queries with the sqlite3 CLI
jsonq() { sqlite3 :memory: "$1"; }

# --- the reference directory -----------------------------------------------
fresh_db "$DB" || not_ok "setup: init and divisions import"
run 0 "$FAZHI" units import --db "$DB" "$CSV"
eq "$(count_rows unit)" "$nrows" "unit table has the $nrows rows of the file"
has "$T/out" "$nrows" "the import reports $nrows units"
eq "$(count_rows unit_name)" \
    "$(tail -n +2 "$CSV" | awk -F, '{ s = $3 "、" $4; gsub("、", "\n", s); print s }' | grep -c .)" \
    "every 简称 and 别名 of the file is stored"

"$FAZHI" units list --db "$DB" --json >"$T/list.json"
L="$T/list.json"
eq "$(jsonq "SELECT json_valid(readfile('$L'))")" 1 "units list --json is valid JSON"
eq "$(jsonq "SELECT json_array_length(readfile('$L'))")" "$nrows" \
    "units list --json has $nrows units"
eq "$(jsonq "SELECT count(*) FROM json_each(readfile('$L')) WHERE json_extract(value, '\$.name') = '莘县司法局'")" 1 \
    "units list has 莘县司法局"
eq "$(jsonq "SELECT json_extract(value, '\$.code') FROM json_each(readfile('$L')) WHERE json_extract(value, '\$.name') = '莘县司法局'")" sfj \
    "莘县司法局 has code sfj"
ntowns=$(awk -F, '$4 == "371522" && $3 == "town"' "$DIV" | wc -l)
nsubd=$(awk -F, '$4 == "371522" && $3 == "subdistrict"' "$DIV" | wc -l)
eq "$ntowns $nsubd" "20 4" "the divisions file has 20 镇 and 4 街道 under 371522"
eq "$(jsonq "SELECT count(*) FROM json_each(readfile('$L')) WHERE json_extract(value, '\$.kind') IN ('town', 'subdistrict')")" \
    $((ntowns + nsubd)) "units list has the 24 towns and subdistricts"
eq "$(jsonq "SELECT count(*) FROM json_each(readfile('$L')) WHERE json_extract(value, '\$.kind') = 'subdistrict'")" \
    "$nsubd" "4 of them are subdistricts"
eq "$(jsonq "SELECT group_concat(c, ' ') FROM (SELECT json_extract(value, '\$.code') c FROM json_each(readfile('$L')) WHERE json_extract(value, '\$.kind') IN ('town', 'subdistrict') ORDER BY c)")" \
    "$(awk -F, '$4 == "371522" && ($3 == "town" || $3 == "subdistrict") { print $1 }' "$DIV" | sort | tr '\n' ' ' | sed 's/ $//')" \
    "their codes are the divisions' codes"
eq "$(jsonq "SELECT count(*) FROM json_each(readfile('$L')) WHERE json_extract(value, '\$.name') = '莘县张鲁回族镇人民政府' AND json_extract(value, '\$.kind') = 'town'")" 1 \
    "莘县张鲁回族镇人民政府 is a town"
run 0 "$FAZHI" units list --db "$DB"
has "$T/out" "莘县司法局" "plain units list shows 莘县司法局"

# --- the same file as GB18030, with a BOM, with CRLF ------------------------
state "$DB" >"$T/ref.state"
iconv -f UTF-8 -t GB18030 "$CSV" >"$T/gb.csv"
if cmp -s "$T/gb.csv" "$CSV"; then not_ok "the GB18030 copy differs from UTF-8"
else ok "the GB18030 copy differs from UTF-8"; fi
printf '\357\273\277' >"$T/bom.csv"
cat "$CSV" >>"$T/bom.csv"
sed 's/$/\r/' "$T/bom.csv" >"$T/crlf.csv"
for v in gb bom crlf; do
	vdb=$(db_new "$v")
	fresh_db "$vdb"
	run 0 "$FAZHI" units import --db "$vdb" "$T/$v.csv"
	state "$vdb" >"$T/$v.state"
	if cmp -s "$T/ref.state" "$T/$v.state"; then
		ok "$v copy imports the same directory"
	else
		not_ok "$v copy imports the same directory"
		"$FAZHI" units list --db "$vdb" --json >"$T/$v.json"
		diff "$L" "$T/$v.json" | head -10 | sed 's/^/# /'
	fi
done

# --- re-import is idempotent --------------------------------------------------
run 0 "$FAZHI" units import --db "$DB" "$CSV"
state "$DB" >"$T/again.state"
if cmp -s "$T/ref.state" "$T/again.state"; then ok "re-import changes nothing"
else not_ok "re-import changes nothing"; fi

# --- bad files: exit 1, line named, nothing changed ---------------------------
# Each bad file is the whole directory with 莘县司法局 changed (执法主体 否,
# one more 简称), then a new unit, the bad line and another new unit: only
# the bad line is wrong, and if any row were stored the directory would
# differ. The bad line is line $badline.
badline=$((nrows + 3))
good_a='zzcs1,莘县测试一局,县测试一局,,政府部门,是,xzf,371522'
good_b='zzcs2,莘县测试二局,县测试二局,,政府部门,是,xzf,371522'
sed 's/^sfj,莘县司法局,县司法局、司法局,,政府部门,是,/sfj,莘县司法局,县司法局、司法局、县司法行政局,,政府部门,否,/' \
    "$CSV" >"$T/changed.csv"
if cmp -s "$CSV" "$T/changed.csv"; then not_ok "setup: 莘县司法局 row changed"
else ok "setup: 莘县司法局 row changed"; fi
mkbad() {	# mkbad NAME "bad line"
	{ cat "$T/changed.csv"; printf '%s\n%s\n%s\n' "$good_a" "$2" "$good_b"
	} >"$T/$1.csv"
}
mkbad cols 'zzcs3,莘县测试三局,县测试三局,政府部门,是,xzf,371522'
mkbad kind 'zzcs3,莘县测试三局,县测试三局,,政府机关,是,xzf,371522'
mkbad dupcode 'zzcs1,莘县测试三局,县测试三局,,政府部门,是,xzf,371522'
mkbad dupshort 'zzcs3,莘县测试三局,县测试一局,,政府部门,是,xzf,371522'
mkbad quote 'zzcs3,"莘县测试三局,县测试三局,,政府部门,是,xzf,371522'
# sanity: without the bad line the file is good and changes the directory
{ cat "$T/changed.csv"; printf '%s\n%s\n' "$good_a" "$good_b"; } >"$T/okpart.csv"
scratch=$(db_new scratch)
db_copy "$DB" "$scratch"
run 0 "$FAZHI" units import --db "$scratch" "$T/okpart.csv"
eq "$(sql_on "$scratch" 'SELECT count(*) FROM unit')" $((nrows + 2)) \
    "sanity: the good lines of the bad files import"
eq "$(sql_on "$scratch" "SELECT enforcement FROM unit WHERE code = 'sfj'")" 0 \
    "sanity: the changed 莘县司法局 row updates by 编码"
cp "$TOP/tests/import/fixtures/bad-binary.md" "$T/binary.csv"
gzip -n -c "$CSV" >"$T/gzip.csv"
: >"$T/empty.csv"

# bad NAME "line pattern or empty" "keyword or empty"
bad() {
	run 1 "$FAZHI" units import --db "$DB" "$T/$1.csv"
	if [ -n "$2" ]; then has_re "$T/err" "$2" "$1: the message names $2"; fi
	if [ -n "$3" ]; then has "$T/err" "$3" "$1: the message says $3"; fi
	state "$DB" >"$T/$1.state"
	if cmp -s "$T/ref.state" "$T/$1.state"; then
		ok "$1: the unit table is exactly as before"
	else
		not_ok "$1: the unit table is exactly as before"
		sed 's/^/# /' "$T/ref.state" "$T/$1.state"
	fi
}
bad cols "第 ?$badline ?行" ''
bad kind "第 ?$badline ?行" '政府机关'
bad dupcode "第 ?$badline ?行" 'zzcs1'
bad dupshort "第 ?$badline ?行" '县测试一局'
bad quote "第 ?$badline ?行" '引号'
bad binary '' '二进制'
bad gzip '' ''
bad empty '' '空'
# a bad file on an empty directory stores nothing either
empty=$(db_new empty)
fresh_db "$empty"
run 1 "$FAZHI" units import --db "$empty" "$T/kind.csv"
eq "$(sql_on "$empty" 'SELECT count(*) FROM unit'):$(sql_on "$empty" 'SELECT count(*) FROM unit_name')" \
    "0:0" "a bad file into an empty directory stores nothing"
# A small file that adds one unit under a parent already stored (xzf): the
# directory is updated by 编码, so a county user expects this to work.
printf '%s\n%s\n' "$HEADER" "$good_a" >"$T/addone.csv"
addone=$(db_new addone)
db_copy "$DB" "$addone"
run 0 "$FAZHI" units import --db "$addone" "$T/addone.csv"
eq "$(sql_on "$addone" 'SELECT count(*) FROM unit')" $((nrows + 1)) \
    "a one-unit file adds that unit and keeps the others"
# a missing file
run 1 "$FAZHI" units import --db "$DB" "$T/no-such.csv"
has "$T/err" "no-such.csv" "a missing file is named"

echo "1..$_n"
