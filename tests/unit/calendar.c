/*
 * calendar.c: the working-day calendar built in memory from the shipped
 * data/calendar files, with every expected value worked out by hand from
 * the State Council notices (quoted before each case), and the calendar
 * file checks (bad header, impossible dates, 班 on a weekday, duplicates).
 * SPDX-License-Identifier: MIT
 */
#include "testlib.h"

#include "fazhi/calendar.h"
#include "fazhi/core.h"

static struct calendar	 cal;

static void
load_year(int year)
{
	struct buf	 b = BUF_INIT;
	struct diags	 dg = { 0 };
	struct cal_day	*v = NULL;
	size_t		 n = 0;
	char		 path[64];
	int		 y = 0;

	snprintf(path, sizeof(path), "data/calendar/%d.csv", year);
	tl_read(path, &b);
	if (core_calendar_parse(b.ptr, b.len, year, &y, &v, &n, &dg) != FZ_OK)
		fail_msg("%s: %s", path, dg.n ? dg.v[0].message : "?");
	assert_int_equal(y, year);
	assert_int_equal(cal_add_year(&cal, year, v, n), n);
	free(v);
	diags_release(&dg);
	buf_release(&b);
}

static int
setup(void **state)
{
	int	 y;

	(void)state;
	cal_init(&cal);
	for (y = 2022; y <= 2026; y++)
		load_year(y);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	cal_release(&cal);
	return 0;
}

/* add DATE N: the date N working days later, and the unknown year. */
static void
add_is(const char *date, int n, const char *want, int want_unknown)
{
	char	 out[11];
	int	 unknown = -1;

	assert_int_equal(cal_add_workdays(&cal, date, n, out, &unknown),
	    FZ_OK);
	if (strcmp(out, want) != 0)
		fail_msg("%s %+d working days: got %s, want %s", date, n, out,
		    want);
	assert_int_equal(unknown, want_unknown);
}

static void
between_is(const char *from, const char *to, int want, int want_unknown)
{
	int	 n = -99999, unknown = -1;

	assert_int_equal(cal_workdays_between(&cal, from, to, &n, &unknown),
	    FZ_OK);
	if (n != want)
		fail_msg("working days in (%s, %s]: got %d, want %d", from, to,
		    n, want);
	assert_int_equal(unknown, want_unknown);
}

/* Dates: day numbers round-trip over the whole range; known weekdays. */
static void
test_dates(void **state)
{
	int32_t	 a, b, d;
	char	 s[11];

	(void)state;
	assert_true(cal_date_parse("1970-01-01", &d));
	assert_int_equal(d, 0);
	assert_int_equal(cal_weekday(d), 4);		/* a Thursday */
	assert_true(cal_date_parse("1900-01-01", &a));
	assert_int_equal(cal_weekday(a), 1);		/* a Monday */
	assert_true(cal_date_parse("2000-01-01", &d));
	assert_int_equal(cal_weekday(d), 6);		/* a Saturday */
	assert_true(cal_date_parse("2024-02-10", &d));
	assert_int_equal(cal_weekday(d), 6);		/* 春节 2024, 星期六 */
	assert_true(cal_date_parse("2999-12-31", &b));
	for (d = a; d <= b; d++) {
		int32_t back;

		cal_date_fmt(d, s);
		if (!cal_date_parse(s, &back) || back != d)
			fail_msg("day %d formats as %s", (int)d, s);
	}
	/* 275 years divisible by 4, less 8 centuries not by 400 */
	assert_int_equal(b - a + 1, 1100 * 365 + 267);
	/* Leap days: 2024 and 2000 have one, 2023 and 2100 do not. */
	assert_true(cal_date_parse("2024-02-29", &d));
	assert_true(cal_date_parse("2000-02-29", &d));
	assert_false(cal_date_parse("2023-02-29", &d));
	assert_false(cal_date_parse("2100-02-29", &d));
	assert_false(cal_date_parse("2024-02-30", &d));
	assert_false(cal_date_parse("2024-2-1", &d));
	assert_false(cal_date_parse("20240201", &d));
	assert_false(cal_date_parse("2024-02-01x", &d));
	assert_false(cal_date_parse("", &d));
}

/*
 * 2024 春节 (国办发明电〔2023〕7号): "2月10日至17日放假调休，共8天。2月4日
 * （星期日）、2月18日（星期日）上班。" 2024-02-08 is a Thursday; 2-09 (除夕,
 * a Friday) is an ordinary working day, the notice only "encourages" units
 * to let staff rest.
 *   +1 → 2-09 (Fri); +2 → 2-18 (Sun, 班); +3 → 2-19 (Mon).
 *   2024-02-01 (Thu) +5: 2-02 Fri (1), 2-03 Sat off, 2-04 Sun 班 (2),
 *   2-05 (3), 2-06 (4), 2-07 (5) → 2-07.
 *   (2-08, 2-19]: 2-09, 2-18, 2-19 = 3.
 */
static void
test_spring_festival_2024(void **state)
{
	(void)state;
	assert_int_equal(cal_is_workday(&cal, "2024-02-04"), 1);
	assert_int_equal(cal_is_workday(&cal, "2024-02-09"), 1);
	assert_int_equal(cal_is_workday(&cal, "2024-02-10"), 0);
	assert_int_equal(cal_is_workday(&cal, "2024-02-12"), 0);
	assert_int_equal(cal_is_workday(&cal, "2024-02-16"), 0);
	assert_int_equal(cal_is_workday(&cal, "2024-02-18"), 1);
	assert_int_equal(cal_is_workday(&cal, "2024-02-24"), 0);
	add_is("2024-02-08", 1, "2024-02-09", 0);
	add_is("2024-02-08", 2, "2024-02-18", 0);
	add_is("2024-02-08", 3, "2024-02-19", 0);
	add_is("2024-02-09", 1, "2024-02-18", 0);
	add_is("2024-02-01", 5, "2024-02-07", 0);
	add_is("2024-02-08", 0, "2024-02-08", 0);
	between_is("2024-02-08", "2024-02-19", 3, 0);
	between_is("2024-02-09", "2024-02-17", 0, 0);
	/* Backwards from 2-19: 2-18 (Sun, 班), then 2-09. */
	add_is("2024-02-19", -1, "2024-02-18", 0);
	add_is("2024-02-19", -2, "2024-02-09", 0);
}

/*
 * 中秋节、国庆节 2023 (国办发明电〔2022〕16号): "9月29日至10月6日放假调休，
 * 共8天。10月7日（星期六）、10月8日（星期日）上班。" 2023-09-27 is a Wednesday.
 *   +1 → 9-28 (Thu); +2 → 10-07 (Sat, 班); +3 → 10-08 (Sun, 班);
 *   +4 → 10-09 (Mon).
 *   (9-28, 10-09]: 10-07, 10-08, 10-09 = 3.
 *   (9-25 Mon, 10-13 Fri]: 9-26, 9-27, 9-28 (3) + 10-07, 10-08 (2) +
 *   10-09..10-13 (5) = 10; the other way round, -10.
 *   10-09 -4: 10-08 (1), 10-07 (2), 9-28 (3), 9-27 (4) → 9-27.
 */
static void
test_national_day_2023(void **state)
{
	(void)state;
	assert_int_equal(cal_is_workday(&cal, "2023-09-29"), 0);
	assert_int_equal(cal_is_workday(&cal, "2023-10-02"), 0);
	assert_int_equal(cal_is_workday(&cal, "2023-10-06"), 0);
	assert_int_equal(cal_is_workday(&cal, "2023-10-07"), 1);
	assert_int_equal(cal_is_workday(&cal, "2023-10-08"), 1);
	add_is("2023-09-27", 1, "2023-09-28", 0);
	add_is("2023-09-27", 2, "2023-10-07", 0);
	add_is("2023-09-27", 3, "2023-10-08", 0);
	add_is("2023-09-27", 4, "2023-10-09", 0);
	add_is("2023-10-09", -4, "2023-09-27", 0);
	between_is("2023-09-28", "2023-10-09", 3, 0);
	between_is("2023-09-25", "2023-10-13", 10, 0);
	between_is("2023-10-13", "2023-09-25", -10, 0);
}

/*
 * 春节 2022 (国办发明电〔2021〕11号): "1月31日至2月6日放假调休，共7天。
 * 1月29日（星期六）、1月30日（星期日）上班。" 2022-01-28 is a Friday.
 *   +1 → 1-29 (Sat, 班); +2 → 1-30 (Sun, 班); +3 → 2-07 (Mon).
 *   (1-27, 2-07]: 1-28, 1-29, 1-30, 2-07 = 4.
 *   An ordinary week, (1-09 Sun, 1-16 Sun]: Monday to Friday = 5.
 */
static void
test_makeup_weekend_2022(void **state)
{
	(void)state;
	assert_int_equal(cal_is_workday(&cal, "2022-01-29"), 1);
	assert_int_equal(cal_is_workday(&cal, "2022-01-30"), 1);
	assert_int_equal(cal_is_workday(&cal, "2022-01-31"), 0);
	assert_int_equal(cal_is_workday(&cal, "2022-01-22"), 0);
	add_is("2022-01-28", 1, "2022-01-29", 0);
	add_is("2022-01-28", 2, "2022-01-30", 0);
	add_is("2022-01-28", 3, "2022-02-07", 0);
	between_is("2022-01-27", "2022-02-07", 4, 0);
	between_is("2022-01-09", "2022-01-16", 5, 0);
}

/*
 * The leap day 2024-02-29, a Thursday (no holiday near it):
 *   2-28 (Wed) +1 → 2-29; 2-29 +1 → 3-01 (Fri); +2 → 3-04 (Mon).
 *   (2-26 Mon, 3-04 Mon]: 2-27, 2-28, 2-29, 3-01, 3-04 = 5.
 * 2023 has no 2-29: an invalid date, not a day.
 */
static void
test_leap_day(void **state)
{
	char	 out[11];
	int	 n, unknown;

	(void)state;
	assert_int_equal(cal_is_workday(&cal, "2024-02-29"), 1);
	add_is("2024-02-28", 1, "2024-02-29", 0);
	add_is("2024-02-29", 1, "2024-03-01", 0);
	add_is("2024-02-29", 2, "2024-03-04", 0);
	between_is("2024-02-26", "2024-03-04", 5, 0);
	assert_int_equal(cal_is_workday(&cal, "2023-02-29"), -1);
	assert_int_equal(cal_add_workdays(&cal, "2023-02-29", 1, out,
	    &unknown), FZ_EINVAL);
	assert_int_equal(cal_workdays_between(&cal, "2023-02-28",
	    "2023-02-29", &n, &unknown), FZ_EINVAL);
	assert_int_equal(cal_add_workdays(&cal, "2024-01-01",
	    CAL_MAX_WORKDAYS + 1, out, &unknown), FZ_EINVAL);
}

/*
 * 2027 has no calendar loaded: only weekends are days off, and the year is
 * named so the caller can warn. (Its real 元旦, 1-01, will be a holiday;
 * here it counts as a working Friday — that is exactly what is flagged.)
 *   2026-12-31 (Thu) +1 → 2027-01-01 (Fri), unknown 2027.
 *   (2027-01-01, 2027-01-11]: 1-04..1-08 (5) + 1-11 = 6, unknown 2027.
 *   (2026-12-30, 2027-01-04]: 12-31, 1-01, 1-04 = 3, unknown 2027.
 *   2026-12-25 (Fri) +4: 12-28..12-31 → 12-31, all in 2026: known.
 */
static void
test_unknown_year(void **state)
{
	(void)state;
	assert_true(cal_known(&cal, 2022));
	assert_true(cal_known(&cal, 2026));
	assert_false(cal_known(&cal, 2027));
	assert_false(cal_known(&cal, 2021));
	assert_int_equal(cal_is_workday(&cal, "2027-01-01"), 1);
	assert_int_equal(cal_is_workday(&cal, "2027-01-02"), 0);
	add_is("2026-12-31", 1, "2027-01-01", 2027);
	add_is("2026-12-25", 4, "2026-12-31", 0);
	between_is("2027-01-01", "2027-01-11", 6, 2027);
	between_is("2026-12-30", "2027-01-04", 3, 2027);
	/* Backwards into 2021: 2022-01-04 (Tue) -1 → 01-03 is 元旦, 01-01 and
	 * 01-02 a weekend → 2021-12-31 (Fri), unknown 2021. */
	add_is("2022-01-04", -1, "2021-12-31", 2021);
}

/*
 * 2025, the first year of the revised 全国年节及纪念日放假办法 (国办发明电
 * 〔2024〕12号): "劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日
 * （周日）上班。" 2025-04-30 (Wed) +1 → 5-06 (Tue); 2025-04-25 (Fri) +1 →
 * 4-27 (Sun, 班). 春节 "1月28日（农历除夕、周二）至2月4日…1月26日（周日）、
 * 2月8日（周六）上班": 1-27 (Mon) +1 → 2-05 (Wed).
 */
static void
test_labour_day_2025(void **state)
{
	(void)state;
	add_is("2025-04-30", 1, "2025-05-06", 0);
	add_is("2025-04-25", 1, "2025-04-27", 0);
	add_is("2025-01-27", 1, "2025-02-05", 0);
	assert_int_equal(cal_is_workday(&cal, "2025-01-28"), 0);	/* 除夕 */
	assert_int_equal(cal_is_workday(&cal, "2025-02-08"), 1);
}

/*
 * 2026 春节 (notice of 2025-11-04): "2月15日（农历腊月二十八、周日）至23日
 * （农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）
 * 上班。" 2026-02-13 (Fri) +1 → 2-14 (Sat, 班); +2 → 2-24 (Tue).
 *   (2-13, 2-28]: 2-14, 2-24, 2-25, 2-26, 2-27, 2-28 = 6.
 */
static void
test_spring_festival_2026(void **state)
{
	(void)state;
	add_is("2026-02-13", 1, "2026-02-14", 0);
	add_is("2026-02-13", 2, "2026-02-24", 0);
	between_is("2026-02-13", "2026-02-28", 6, 0);
}

/*
 * Whole years. Weekdays: 2024 (366 days from a Monday) has 52 weeks and
 * Mon 12-30, Tue 12-31: 262. Holidays on weekdays in 2024: 1-01; 2-12..16
 * (5); 4-04, 4-05; 5-01..5-03; 6-10; 9-16, 9-17; 10-01..10-04, 10-07 (5):
 * 19. 班 days: 8. So 262 - 19 + 8 = 251.
 * 2023 (from a Sunday, 365 days): 260 weekdays; weekday holidays 1-02;
 * 1-23..27 (5); 4-05; 5-01..5-03 (3); 6-22, 6-23; 9-29; 10-02..10-06 (5):
 * 18; 班 7: 260 - 18 + 7 = 249.
 * 2025 (from a Wednesday): 261 weekdays; weekday holidays 1-01; 1-28..31,
 * 2-03, 2-04 (6); 4-04; 5-01, 5-02, 5-05 (3); 6-02; 10-01..10-03,
 * 10-06..10-08 (6): 18; 班 5: 261 - 18 + 5 = 248.
 */
static void
test_whole_years(void **state)
{
	(void)state;
	between_is("2023-12-31", "2024-12-31", 251, 0);
	between_is("2022-12-31", "2023-12-31", 249, 0);
	between_is("2024-12-31", "2025-12-31", 248, 0);
	/* The calendar agrees with counting day by day. */
	{
		char	 d[11] = "2021-12-31";
		int	 n = 0;
		int32_t	 x, end;

		assert_true(cal_date_parse(d, &x));
		assert_true(cal_date_parse("2026-12-31", &end));
		while (x < end) {
			x++;
			cal_date_fmt(x, d);
			n += cal_is_workday(&cal, d);
		}
		between_is("2021-12-31", "2026-12-31", n, 0);
		add_is("2021-12-31", n, "2026-12-31", 0);
	}
}

/* parse TEXT YEAR: expect failure with a diag at line, message containing
 * needle. */
static void
parse_fails(const char *text, int year, int line, const char *needle)
{
	struct diags	 dg = { 0 };
	struct cal_day	*v = NULL;
	size_t		 n = 0, i;
	int		 y;

	assert_int_equal(core_calendar_parse(text, strlen(text), year, &y, &v,
	    &n, &dg), FZ_EINVAL);
	assert_null(v);
	for (i = 0; i < dg.n; i++)
		if (dg.v[i].line == line && strstr(dg.v[i].message, needle))
			break;
	if (i == dg.n)
		fail_msg("no error at line %d with “%s” (first: %d %s)", line,
		    needle, dg.n ? dg.v[0].line : 0, dg.n ? dg.v[0].message :
		    "none");
	diags_release(&dg);
}

static void
test_parse_errors(void **state)
{
	const char	*h = "日期,类型,名称\n";
	char		 t[512];

	(void)state;
	parse_fails("date,kind,name\n2024-01-01,休,元旦\n", 2024, 1, "表头");
	parse_fails("", 2024, 0, "为空");
	parse_fails("日期,类型,名称\n", 2024, 0, "没有日期");
	snprintf(t, sizeof(t), "%s2024-02-30,休,春节\n", h);
	parse_fails(t, 2024, 2, "2024-02-30");
	snprintf(t, sizeof(t), "%s2024-01-01,休,元旦\n2024-02-07,班,春节\n", h);
	parse_fails(t, 2024, 3, "星期三");
	snprintf(t, sizeof(t), "%s2024-02-10,休,春节\n2024-02-11,休,春节\n"
	    "2024-02-10,休,春节\n", h);
	parse_fails(t, 2024, 4, "重复");
	snprintf(t, sizeof(t), "%s2024-02-10,休,\n", h);
	parse_fails(t, 2024, 2, "名称");
	snprintf(t, sizeof(t), "%s2024-01-01,假,元旦\n", h);
	parse_fails(t, 2024, 2, "类型");
	snprintf(t, sizeof(t), "%s2023-12-31,休,元旦\n", h);
	parse_fails(t, 2024, 2, "不在 2024 年");
	snprintf(t, sizeof(t), "%s2024-01-01,休,元旦\n2025-01-01,休,元旦\n", h);
	parse_fails(t, 0, 3, "同一年");
	snprintf(t, sizeof(t), "%s2024-01-01,休\n", h);
	parse_fails(t, 2024, 2, "3 列");
}

/* A BOM, CRLF, spaces around fields and an unnamed weekday 休 are fine;
 * the days come back sorted; the year is taken from the dates. */
static void
test_parse_ok(void **state)
{
	const char	*t = "\xef\xbb\xbf日期,类型,名称\r\n"
	    "2024-05-11, 班 ,劳动节\r\n2024-01-01,休,元旦\r\n"
	    "2024-03-08,休,\r\n";
	struct diags	 dg = { 0 };
	struct cal_day	*v = NULL;
	size_t		 n = 0;
	int		 y = 0;

	(void)state;
	assert_int_equal(core_calendar_parse(t, strlen(t), 0, &y, &v, &n, &dg),
	    FZ_OK);
	assert_int_equal(y, 2024);
	assert_int_equal(n, 3);
	assert_string_equal(v[0].date, "2024-01-01");
	assert_string_equal(v[0].name, "元旦");
	assert_int_equal(v[0].kind, CAL_OFF);
	assert_string_equal(v[1].date, "2024-03-08");
	assert_string_equal(v[1].name, "");
	assert_string_equal(v[2].date, "2024-05-11");
	assert_int_equal(v[2].kind, CAL_WORK);
	free(v);
	diags_release(&dg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_spring_festival_2024),
		cmocka_unit_test(test_national_day_2023),
		cmocka_unit_test(test_makeup_weekend_2022),
		cmocka_unit_test(test_leap_day),
		cmocka_unit_test(test_unknown_year),
		cmocka_unit_test(test_labour_day_2025),
		cmocka_unit_test(test_spring_festival_2026),
		cmocka_unit_test(test_whole_years),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_parse_ok),
	};

	return cmocka_run_group_tests_name("calendar", tests, setup, teardown);
}
