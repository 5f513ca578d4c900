#!/bin/sh
# t1100-calendar.sh: fazhi calendar: the shipped 2022-2026 files imported,
# listed and used for working-day arithmetic (expected values worked out
# from the State Council notices); bad files (impossible date, 班 on a
# weekday, a duplicate, a wrong header, a missing file, a year that does
# not match) exit 1 naming the line and store nothing; a year replaced
# whole; the audit trail; GET/POST /api/calendar/:year.
. "$TOP/tests/lib/lib.sh"

"$FAZHI" init --db "$DB" >/dev/null
C="$TOP/data/calendar"
tables() { dump_tables calendar_day calendar_year audit; }

# --- the shipped files ------------------------------------------------------
run 0 "$FAZHI" calendar import --db "$DB" "$C/2022.csv" "$C/2023.csv" \
    "$C/2024.csv" "$C/2025.csv" "$C/2026.csv"
has "$T/out" "5 个年份" "five years imported"
eq "$(count_rows calendar_year)" 5 "five years recorded"
# 2024 by hand: 元旦 1; 春节 8 + 2 班; 清明 3 + 1 班; 劳动 5 + 2 班; 端午 1;
# 中秋 3 + 1 班; 国庆 7 + 2 班 = 36
eq "$(sql "SELECT count(*) FROM calendar_day WHERE year = 2024")" 36 \
    "2024 has 36 rows"
eq "$(sql "SELECT count(*) FROM calendar_day WHERE year = 2024 AND kind = 'work'")" 8 \
    "2024 has 8 调休 working days"
eq "$(sql "SELECT kind || ' ' || name FROM calendar_day WHERE day = '2024-02-18'")" \
    "work 春节" "2024-02-18 (Sunday) is a 春节 working day"
eq "$(sql "SELECT count(*) FROM audit WHERE action = 'calendar.import'")" 5 \
    "one audit entry per year"

run 0 "$FAZHI" calendar list --db "$DB" 2024
has "$T/out" "2024-02-18  星期日  班  春节" "list 2024 shows the 班 Sunday"
has "$T/out" "2024-10-07  星期一  休  国庆节" "list 2024 shows 国庆节"
run 0 "$FAZHI" calendar list --db "$DB"
has "$T/out" "2026 年" "list without a year shows the years"
run 0 "$FAZHI" calendar list --db "$DB" --json 2023
has "$T/out" '"kind": "work"' "list --json uses off/work"
run 1 "$FAZHI" calendar list --db "$DB" 2030
has "$T/err" "2030" "a year not loaded is named"

# 2024-02-08 (Thu) + 1 → 2-09 (Fri, 除夕 is no holiday in 2024); + 2 →
# 2-18 (Sunday, 班); (2-08, 2-19]: 2-09, 2-18, 2-19 = 3.
run 0 "$FAZHI" calendar add-workdays --db "$DB" 2024-02-08 2
has "$T/out" "2024-02-18" "2024-02-08 + 2 working days is the 班 Sunday 2-18"
run 0 "$FAZHI" calendar workdays --db "$DB" 2024-02-08 2024-02-19
has "$T/out" "3 个工作日" "(2024-02-08, 2024-02-19] has 3 working days"
# 国庆 2023: 9-29..10-06 off, 10-07/08 班: 9-27 (Wed) + 2 → 10-07.
run 0 "$FAZHI" calendar add-workdays --db "$DB" 2023-09-27 2
has "$T/out" "2023-10-07" "2023-09-27 + 2 working days is 10-07 (Saturday, 班)"
run 0 "$FAZHI" calendar add-workdays --db "$DB" 2023-10-09 -4
has "$T/out" "2023-09-27" "10-09 - 4 working days is 9-27"
# 2027 is not loaded: weekends only, with a warning.
run 0 "$FAZHI" calendar add-workdays --db "$DB" 2026-12-31 1
has "$T/out" "2027-01-01" "2026-12-31 + 1 is 2027-01-01 while 2027 is unknown"
has "$T/err" "2027" "and the unknown year is named"
run 0 "$FAZHI" calendar workdays --db "$DB" 2024-01-01 2024-12-31
lacks "$T/err" "警告" "no warning inside known years"
run 1 "$FAZHI" calendar workdays --db "$DB" 2024-02-30 2024-03-01
has "$T/err" "2024-02-30" "an impossible date is named"

# --- bad files: exit 1, the line named, nothing stored ------------------------
before=$(tables)
bad() {	# bad NAME: $T/NAME/2024.csv from stdin
	mkdir -p "$T/$1"
	cat >"$T/$1/2024.csv"
}
printf '日期,类型,名称\n2024-01-01,休,元旦\n2024-02-30,休,春节\n' | bad date
run 1 "$FAZHI" calendar import --db "$DB" "$T/date/2024.csv"
has "$T/err" "2024.csv:3:" "bad date: line 3 named"
has "$T/err" "2024-02-30" "bad date: the date named"
printf '日期,类型,名称\n2024-01-01,休,元旦\n2024-02-07,班,春节\n' | bad wednesday
run 1 "$FAZHI" calendar import --db "$DB" "$T/wednesday/2024.csv"
has "$T/err" "2024.csv:3:" "班 on a Wednesday: line 3 named"
has "$T/err" "星期三" "班 on a Wednesday: the weekday named"
printf '日期,类型,名称\n2024-02-10,休,春节\n2024-02-11,休,春节\n2024-02-10,休,春节\n' | bad dup
run 1 "$FAZHI" calendar import --db "$DB" "$T/dup/2024.csv"
has "$T/err" "2024.csv:4:" "duplicate: line 4 named"
has "$T/err" "重复" "duplicate: says 重复"
printf 'date,kind,name\n2024-01-01,休,元旦\n' | bad header
run 1 "$FAZHI" calendar import --db "$DB" "$T/header/2024.csv"
has "$T/err" "2024.csv:1:" "wrong header: line 1 named"
has "$T/err" "表头" "wrong header: says 表头"
run 1 "$FAZHI" calendar import --db "$DB" "$T/missing/2024.csv"
has "$T/err" "missing/2024.csv" "missing file: named"
printf '日期,类型,名称\n2024-01-01,休,元旦\n' >"$T/2025.csv"
run 1 "$FAZHI" calendar import --db "$DB" "$T/2025.csv"
has "$T/err" "不在 2025 年内" "a 2024 date in 2025.csv is refused"
printf '日期,类型,名称\n2024-02-10,休,\n' | bad unnamed
run 1 "$FAZHI" calendar import --db "$DB" "$T/unnamed/2024.csv"
has "$T/err" "星期六" "an unnamed 休 on a Saturday is refused"
# several files: one bad file stops them all, and its name is given
run 1 "$FAZHI" calendar import --db "$DB" "$C/2023.csv" "$T/dup/2024.csv"
has "$T/err" "2024.csv：第 4 行" "with several files the bad one is named"
eq "$(tables)" "$before" "the refused files stored nothing"

# --- a year replaced whole ---------------------------------------------------
printf '日期,类型,名称\n2024-01-01,休,元旦\n' >"$T/only.csv"
run 0 "$FAZHI" calendar import --db "$DB" --year 2024 "$T/only.csv"
eq "$(sql "SELECT count(*) FROM calendar_day WHERE year = 2024")" 1 \
    "importing 2024 again replaces its days"
eq "$(sql "SELECT count(*) FROM calendar_day")" $((180 - 36 + 1)) \
    "the other years are untouched"
run 0 "$FAZHI" calendar add-workdays --db "$DB" 2024-02-08 2
has "$T/out" "2024-02-12" "the arithmetic follows the stored calendar (2-09, 2-12)"
run 0 "$FAZHI" calendar import --db "$DB" "$C/2024.csv"
eq "$(sql "SELECT count(*) FROM calendar_day WHERE year = 2024")" 36 \
    "and back"
run 0 "$FAZHI" audit verify --db "$DB"

# --- usage --------------------------------------------------------------------
for cmd in "calendar" "calendar import" "calendar list" "calendar workdays" \
    "calendar add-workdays"; do
	# shellcheck disable=SC2086
	run 0 "$FAZHI" $cmd --help
	case "$(head -n 1 "$T/out")" in 用法*) ok "fazhi $cmd --help starts with 用法" ;;
	*) not_ok "fazhi $cmd --help starts with 用法" ;; esac
done
run 2 "$FAZHI" calendar
run 2 "$FAZHI" calendar frobnicate --db "$DB"
run 2 "$FAZHI" calendar import --db "$DB"
run 2 "$FAZHI" calendar import --db "$DB" --year 2024 "$C/2024.csv" "$C/2025.csv"
run 2 "$FAZHI" calendar workdays --db "$DB" 2024-01-01
run 2 "$FAZHI" calendar add-workdays --db "$DB" 2024-01-01 abc
run 2 "$FAZHI" calendar list --db "$DB" abc

# --- the API ----------------------------------------------------------------
echo 'correct-horse-battery' >"$T/pw"
"$FAZHI" user add --db "$DB" --name 管理员 --admin --password-stdin admin <"$T/pw" >/dev/null
"$FAZHI" user add --db "$DB" --name 张三 --password-stdin zhangsan <"$T/pw" >/dev/null
pid=""
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi; cleanup' EXIT
for _try in 1 2 3 4 5; do
	port=$(( ($(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 30000) + 20000 ))
	"$FAZHI" serve --db "$DB" --listen "127.0.0.1:$port" >"$T/serve.log" 2>&1 &
	pid=$!
	for _i in $(seq 1 50); do
		curl -s "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break 2
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill "$pid" 2>/dev/null; pid=""
done
if [ -z "$pid" ]; then not_ok "the server started"; echo "1..$_n"; exit 0; fi
U="http://127.0.0.1:$port"
# req METHOD PATH JAR [BODY [CSRF]]: status in $T/code, body in $T/body
req() {
	if [ -n "${4:-}" ]; then
		curl -s -o "$T/body" -w '%{http_code}' -X "$1" -b "$3" \
		    -H 'Content-Type: application/json' -H "X-CSRF-Token: ${5:-}" \
		    --data-binary "$4" "$U$2" >"$T/code"
	else curl -s -o "$T/body" -w '%{http_code}' -X "$1" -b "$3" "$U$2" >"$T/code"; fi
}
login() {	# login LOGIN JAR: prints the CSRF token
	curl -s -c "$2" -H 'Content-Type: application/json' --data-binary \
	    "{\"login\":\"$1\",\"password\":\"correct-horse-battery\"}" "$U/api/login" |
	    sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p'
}
req GET /api/calendar/2024 /dev/null
eq "$(cat "$T/code")" 401 "the calendar needs a session"
ucsrf=$(login zhangsan "$T/ujar")
acsrf=$(login admin "$T/ajar")
req GET /api/calendar/2024 "$T/ujar"
eq "$(cat "$T/code")" 200 "GET /api/calendar/2024"
has "$T/body" '"year":2024,"loaded":true' "2024 is loaded"
has "$T/body" '{"date":"2024-02-10","kind":"off","name":"春节"}' "with 春节"
has "$T/body" '{"date":"2024-02-04","kind":"work","name":"春节"}' "and its 班 Sunday"
req GET /api/calendar/2027 "$T/ujar"
has "$T/body" '"year":2027,"loaded":false' "2027 is not loaded"
req GET /api/calendar/abc "$T/ujar"
eq "$(cat "$T/code")" 400 "a bad year is a 400"

body='{"days":[{"date":"2027-01-01","kind":"off","name":"元旦"}],"source":"测试"}'
before=$(tables)
req POST /api/calendar/2027 "$T/ujar" "$body" "$ucsrf"
eq "$(cat "$T/code")" 403 "POST by a non-administrator is refused"
req POST /api/calendar/2027 "$T/ajar" "$body" ""
eq "$(cat "$T/code")" 403 "POST without the CSRF token is refused"
req POST /api/calendar/2027 "$T/ajar" \
    '{"days":[{"date":"2027-01-06","kind":"work","name":"x"}]}' "$acsrf"
eq "$(cat "$T/code")" 400 "班 on a Wednesday through the API is a 400"
has "$T/body" "星期三" "and says why"
req POST /api/calendar/2027 "$T/ajar" \
    '{"days":[{"date":"2027-01-01","kind":"off"},{"date":"2027-01-01","kind":"off"}]}' "$acsrf"
eq "$(cat "$T/code")" 400 "a duplicate through the API is a 400"
req POST /api/calendar/2027 "$T/ajar" '{"days":[]}' "$acsrf"
eq "$(cat "$T/code")" 400 "an empty year is a 400"
eq "$(tables)" "$before" "the refused requests stored nothing"
req POST /api/calendar/2027 "$T/ajar" "$body" "$acsrf"
eq "$(cat "$T/code")" 200 "an administrator replaces 2027"
has "$T/body" '"loaded":true' "2027 is now loaded"
eq "$(sql "SELECT actor FROM audit WHERE action = 'calendar.put'")" "web:admin" \
    "the change is audited with the administrator's login"
run 0 "$FAZHI" calendar add-workdays --db "$DB" 2026-12-31 1
has "$T/out" "2027-01-04" "with 2027-01-01 off, 2026-12-31 + 1 is 2027-01-04"
lacks "$T/err" "警告" "and 2027 is no longer unknown"

echo "1..$_n"
