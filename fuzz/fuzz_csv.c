/*
 * fuzz_csv.c: libFuzzer target for the CSV reader and the unit directory
 * parser. The input is read by csv_parse(), whose fields also check
 * buf_trim(), and by core_units_parse(); a directory that parses is
 * rendered as JSON and resolves the units of a small built-in plan; and
 * by core_calendar_parse(), whose days must come back sorted, unique, in
 * their year and with 班 only on weekends, and feed the working-day
 * arithmetic. All is released, so a leak is a finding too. Run by
 * fuzz/run.sh.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fazhi/calendar.h"
#include "fazhi/core.h"
#include "fazhi/csv.h"
#include "fazhi/import.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Named units, short forms, A（B） composites, groups and 有关 groups. */
static const char plan_md[] =
    "莘县2022年法治政府建设工作计划\n"
    "\n"
    "一、加强组织领导\n"
    "\n"
    "1.压实第一责任人职责。每年召开会议不少于1次。（牵头单位：县政府办"
    "公室、县司法局；责任单位：县直各部门，各镇人民政府（街道办事处））\n"
    "\n"
    "2.完善行政执法程序。执法公示覆盖率达到100%。（牵头单位：县司法局"
    "（依法治县办）；责任单位：县政府各行政执法部门、县有关部门）\n"
    "\n"
    "二、严格规范执法\n"
    "\n"
    "3.加强执法监督。2022年6月底前完成。（牵头单位：莘县公安局；责任单"
    "位：县政府各部门、县法院、燕塔街道、朝城镇、县海洋渔业局）\n";

/* Length of the space (ASCII or U+3000) at s, of n bytes, or 0. */
static size_t
space_at(const char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' ||
	    s[0] == '\n'))
		return 1;
	if (n >= 3 && memcmp(s, "\xe3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

/* buf_trim() removes the spaces at both ends of s and nothing else. */
static void
check_trim(const char *s)
{
	struct buf	 b = BUF_INIT;
	size_t		 start = 0, end = strlen(s), w;

	while ((w = space_at(s + start, end - start)) > 0)
		start += w;
	while (end > start) {
		if (space_at(s + end - 1, 1) == 1)
			end--;
		else if (end - start >= 3 && space_at(s + end - 3, 3) == 3)
			end -= 3;
		else
			break;
	}
	buf_addstr(&b, s);
	buf_trim(&b);
	if (b.len != end - start || memcmp(b.ptr, s + start, b.len) != 0)
		abort();
	buf_release(&b);
}

static void
dump(json_t *j)
{
	char	*s;

	if (j == NULL)
		abort();
	if ((s = json_dumps(j, JSON_INDENT(1) | JSON_SORT_KEYS)) == NULL)
		abort();
	free(s);
	json_decref(j);
}

/* A calendar file: what parses obeys the rules and drives the arithmetic
 * (counting from the date to the date n working days after it gives n). */
static void
check_calendar(const char *s, size_t size, int year)
{
	struct diags	 dg = { 0 };
	struct cal_day	*v = NULL;
	struct calendar	 cal;
	size_t		 n = 0, i;
	int		 y = 0, got, unknown;
	int32_t		 day;
	char		 out[11];

	if (core_calendar_parse(s, size, year, &y, &v, &n, &dg) == FZ_OK) {
		if (n == 0 || (year != 0 && y != year))
			abort();
		for (i = 0; i < n; i++) {
			if (!cal_date_parse(v[i].date, &day) ||
			    (i > 0 && strcmp(v[i - 1].date, v[i].date) >= 0))
				abort();
			if (v[i].kind == CAL_WORK && cal_weekday(day) <= 5)
				abort();
		}
		cal_init(&cal);
		if (cal_add_year(&cal, y, v, n) != n || !cal_known(&cal, y))
			abort();
		for (i = 0; i < n && i < 8; i++) {
			if (cal_add_workdays(&cal, v[i].date, (int)i * 7 - 20,
			    out, &unknown) != FZ_OK)
				abort();
			if (cal_workdays_between(&cal, v[i].date, out, &got,
			    &unknown) != FZ_OK)
				abort();
			/* Back from a day off, the day itself is not in
			 * [out, date) but is in (out, date]: no identity. */
			if ((i * 7 > 20 || cal_is_workday(&cal, v[i].date)) &&
			    got != (int)i * 7 - 20)
				abort();
		}
		cal_release(&cal);
	} else if (v != NULL || dg.nerrors == 0)
		abort();
	free(v);
	dump(core_diags_json(&dg));
	diags_release(&dg);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv	 c;
	struct diags	 dg = { 0 };
	struct unit_dir	 dir;
	struct plan	 p;
	const char	*s = (const char *)data;
	size_t		 i, k;

	/* Every record the reader keeps has at least one field. */
	if (csv_parse(s, size, &c, &dg) == FZ_OK)
		for (i = 0; i < c.nrows; i++) {
			if (c.rows[i].n == 0 || c.rows[i].line < 1)
				abort();
			for (k = 0; k < c.rows[i].n; k++)
				check_trim(c.rows[i].f[k]);
		}
	csv_release(&c);
	dump(core_diags_json(&dg));
	diags_release(&dg);

	if (core_units_parse(s, size, NULL, &dir, &dg) == FZ_OK) {
		dump(core_units_json(&dir));
		if (import_plan(plan_md, sizeof(plan_md) - 1, "plan.md",
		    DOC_MARKDOWN, &p, &dg) != FZ_OK)
			abort();
		core_plan_resolve(&p, &dir, &dg);
		dump(core_plan_json(&p));
		plan_release(&p);
	}
	dump(core_diags_json(&dg));
	unit_dir_release(&dir);
	diags_release(&dg);
	check_calendar(s, size, 0);
	check_calendar(s, size, 2024);
	return 0;
}
