/*
 * store_calendar.c: the official working-day calendar in the store, for
 * every backend: replace a year's exception days (holidays, 调休 working
 * weekends) and record where they came from, list a year's days, the days
 * between two dates, and the years loaded.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "store-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char *
kind_key(enum cal_kind k)
{
	return k == CAL_WORK ? "work" : "off";
}

enum fz_err
store_calendar_put(struct store *st, int year, const struct cal_day *v,
    size_t n, const char *source)
{
	struct dbq	*q;
	char		 now[21];
	enum fz_err	 rc;
	size_t		 i;

	if (!st->drv->in_tx(st))
		return store_fail(st, FZ_EINVAL, "store_calendar_put: "
		    "not inside a transaction");
	if ((q = q_open(st, STMT_CAL_DAY_DEL)) == NULL)
		return q_err(st);
	q_int(q, 1, year);
	if ((rc = q_run(q)) != FZ_OK)
		return rc;
	for (i = 0; i < n; i++) {
		if ((q = q_open(st, STMT_CAL_DAY_INS)) == NULL)
			return q_err(st);
		q_text(q, 1, v[i].date);
		q_text(q, 2, kind_key(v[i].kind));
		q_text(q, 3, v[i].name[0] != '\0' ? v[i].name : NULL);
		q_int(q, 4, year);
		if ((rc = q_run(q)) != FZ_OK) {
			if (rc == FZ_ECONFLICT)
				store_seterr(st, "日期 %s 已在工作日历中",
				    v[i].date);
			return rc;
		}
	}
	store_now(now);
	if ((q = q_open(st, STMT_CAL_YEAR_PUT)) == NULL)
		return q_err(st);
	q_int(q, 1, year);
	q_text(q, 2, source != NULL && *source != '\0' ? source : NULL);
	q_text(q, 3, now);
	return q_run(q);
}

/* Step through rows of (day, kind, name), one callback each. */
static enum fz_err
iter_days(struct store *st, struct dbq *q, store_cal_day_cb cb, void *arg)
{
	struct cal_day	 d;
	const char	*s;
	int		 r, stop = 0;

	while ((r = q_step(q)) == 1) {
		if (stop)
			continue;
		memset(&d, 0, sizeof(d));
		snprintf(d.date, sizeof(d.date), "%s", q_col(q, 0));
		d.kind = str_eq(q_col(q, 1), "work") ? CAL_WORK : CAL_OFF;
		if ((s = q_col(q, 2)) != NULL)
			snprintf(d.name, sizeof(d.name), "%s", s);
		stop = cb(&d, arg) != 0;
	}
	q_reset(q);
	return r < 0 ? q_err(st) : FZ_OK;
}

enum fz_err
store_calendar_days(struct store *st, int year, store_cal_day_cb cb,
    void *arg)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_CAL_DAY_YEAR)) == NULL)
		return q_err(st);
	q_int(q, 1, year);
	return iter_days(st, q, cb, arg);
}

enum fz_err
store_calendar_range(struct store *st, const char *from, const char *to,
    store_cal_day_cb cb, void *arg)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_CAL_DAY_RANGE)) == NULL)
		return q_err(st);
	q_text(q, 1, from);
	q_text(q, 2, to);
	return iter_days(st, q, cb, arg);
}

enum fz_err
store_calendar_years(struct store *st, store_cal_year_cb cb, void *arg)
{
	struct dbq	*q;
	struct cal_year	 y;
	const char	*s;
	int		 r, stop = 0;

	if ((q = q_open(st, STMT_CAL_YEARS)) == NULL)
		return q_err(st);
	while ((r = q_step(q)) == 1) {
		if (stop)
			continue;
		memset(&y, 0, sizeof(y));
		y.year = (int)q_colint(q, 0);
		if ((s = q_col(q, 1)) != NULL)
			snprintf(y.source, sizeof(y.source), "%s", s);
		if ((s = q_col(q, 2)) != NULL)
			snprintf(y.loaded_at, sizeof(y.loaded_at), "%s", s);
		y.ndays = (int)q_colint(q, 3);
		stop = cb(&y, arg) != 0;
	}
	q_reset(q);
	return r < 0 ? q_err(st) : FZ_OK;
}
