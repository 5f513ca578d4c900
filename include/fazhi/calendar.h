/*
 * calendar.h: the official working-day calendar (工作日历): which dates are
 * working days under the weekly rule and the State Council's holidays and
 * 调休 working weekends, and working-day arithmetic on "YYYY-MM-DD" dates
 * ("整改时限 5 个工作日"). Part of core/; the prefix is cal_.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_CALENDAR_H
#define FAZHI_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#include "fazhi/err.h"
#include "fazhi/model.h"
#include "fazhi/store.h"

struct json_t;

/*
 * The exception days of the years loaded, sorted by date. A year not
 * loaded is unknown: in it only Saturdays and Sundays are days off, and
 * the arithmetic below names the first such year it met so the caller can
 * say the result is provisional.
 */
struct cal_entry {
	int32_t		 day;		/* days since 1970-01-01 */
	enum cal_kind	 kind;
};

struct calendar {
	struct cal_entry	*v;
	size_t			 n, cap;
	int			*years;		/* sorted */
	size_t			 nyears, ycap;
};

/* Limits of cal_add_workdays (|n|) and of the dates accepted. */
#define CAL_MAX_WORKDAYS	10000

void		 cal_init(struct calendar *);
void		 cal_release(struct calendar *);
/*
 * Add a year's days in memory and mark the year known (built by hand in
 * tests, or by cal_load). Dates outside the year or invalid are ignored
 * (the importer has refused them already); returns how many were taken.
 */
size_t		 cal_add_year(struct calendar *, int year,
		    const struct cal_day *, size_t n);
/* Every year the store has loaded. */
enum fz_err	 cal_load(struct calendar *, struct store *);
int		 cal_known(const struct calendar *, int year);

/* Dates: a valid "YYYY-MM-DD" (1900..2999) to a day number and back;
 * the ISO weekday, 1 Monday .. 7 Sunday. */
int		 cal_date_parse(const char *, int32_t *day);
void		 cal_date_fmt(int32_t day, char out[11]);
int		 cal_weekday(int32_t day);
/* 星期一 … 星期日 for an ISO weekday; "" outside 1..7. */
const char	*cal_weekday_name(int);

/* 1 if a working day, 0 if not, -1 for an invalid date. */
int		 cal_is_workday(const struct calendar *, const char *date);
/*
 * The date n working days after date (n > 0: day 1 is the first working
 * day after date, the usual administrative reading of "N 个工作日内"), n
 * before it (n < 0), or date itself (n == 0). *unknown gets the first year
 * walked through that has no calendar loaded, or 0. FZ_EINVAL for a bad
 * date or |n| > CAL_MAX_WORKDAYS.
 */
enum fz_err	 cal_add_workdays(const struct calendar *, const char *date,
		    int n, char out[11], int *unknown);
/*
 * The working days in (from, to]; negative, -(working days in (to,
 * from]), when to is before from. *unknown as above.
 */
enum fz_err	 cal_workdays_between(const struct calendar *,
		    const char *from, const char *to, int *n, int *unknown);

/* 休/班 and off/work. */
const char	*cal_kind_name(enum cal_kind);
const char	*cal_kind_key(enum cal_kind);

/*
 * Read a calendar CSV (header 日期,类型,名称). year is the year the file
 * is for, or 0 to take it from the dates, which must then share one;
 * *yearp receives it. Every row is checked first (real date in the year,
 * 休 or 班, 班 only on a weekend, an unnamed 休 not on a weekend, no
 * duplicates); any error fails the file with its line number in diags.
 * *v (malloc'd, sorted by date) and *n receive the days.
 */
enum fz_err	 core_calendar_parse(const char *data, size_t len, int year,
		    int *yearp, struct cal_day **v, size_t *n, struct diags *);
/*
 * Import calendar files: each file's year is year if given (one file
 * only), else the YYYY of a file named YYYY.csv, else its dates'. Every
 * file is checked before anything is stored; then each year is replaced
 * in one transaction with an audit entry per year. *nyears gets the count.
 */
enum fz_err	 core_calendar_import(struct store *, const char *const *paths,
		    size_t npaths, int year, const char *actor, int *nyears,
		    struct diags *);
/*
 * Replace a year from JSON {"days":[{"date","kind":"off"|"work","name"}],
 * "source":"…"} with the same checks as a file; errors name the item.
 */
enum fz_err	 core_calendar_put_json(struct store *, int year,
		    const struct json_t *body, const char *actor,
		    struct diags *);
/* {"year":2024,"loaded":true,"source":…,"days":[{"date","kind","name"}]} */
enum fz_err	 core_calendar_json(struct store *, int year,
		    struct json_t **out);

#endif
