/*
 * period.c: reporting periods of a plan: one added by hand, or the
 * year's months or quarters generated at once with a due day in the month
 * after each period and grace days; locking closes a period. Every change
 * is one transaction with its audit entry.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static int
mdays(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

static void
fmt_date(char out[11], int y, int m, int d)
{
	char	 tmp[40];

	snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

/* A real calendar date written YYYY-MM-DD, years 1900 to 2999. */
int
core_date_valid(const char *s)
{
	long	 d;

	return date_days(s, &d) == FZ_OK && strcmp(s, "3000") < 0;
}

static enum fz_err
check_period(const struct period *p, struct diags *dg)
{
	const char	*bad = NULL;

	if (p->name[0] == '\0')
		bad = "名称不能为空";
	else if (!core_date_valid(p->starts))
		bad = "开始日期应为有效的 YYYY-MM-DD";
	else if (!core_date_valid(p->ends))
		bad = "结束日期应为有效的 YYYY-MM-DD";
	else if (!core_date_valid(p->due))
		bad = "报送截止日期应为有效的 YYYY-MM-DD";
	else if (strcmp(p->starts, p->ends) > 0)
		bad = "结束日期早于开始日期";
	else if (strcmp(p->due, p->ends) < 0)
		bad = "报送截止日期早于报送期结束日期";
	else if (p->grace_days < 0 || p->grace_days > 60)
		bad = "宽限天数应在 0 到 60 之间";
	if (bad != NULL) {
		diags_error(dg, 0, 0, "bad_period", "报送期“%s”：%s", p->name,
		    bad);
		return FZ_EINVAL;
	}
	return FZ_OK;
}

static enum fz_err
put_all(struct store *st, struct period *v, size_t n, const char *actor,
    struct diags *dg)
{
	enum fz_err	 rc;
	size_t		 i;
	char		 obj[32], detail[160];

	for (i = 0; i < n; i++)
		if ((rc = check_period(&v[i], dg)) != FZ_OK)
			return rc;
	if ((rc = store_begin(st)) != FZ_OK)
		goto fail;
	for (i = 0; i < n; i++) {
		if ((rc = store_period_put(st, &v[i])) != FZ_OK)
			goto fail;
		snprintf(obj, sizeof(obj), "period:%lld", (long long)v[i].id);
		snprintf(detail, sizeof(detail), "计划 %lld：%s，%s 至 %s，"
		    "%s 前报送，宽限 %d 天", (long long)v[i].plan_id,
		    v[i].name, v[i].starts, v[i].ends, v[i].due,
		    v[i].grace_days);
		if ((rc = store_audit(st, actor, "period.add", obj, detail)) !=
		    FZ_OK)
			goto fail;
	}
	if ((rc = store_commit(st)) == FZ_OK)
		return FZ_OK;
fail:
	diags_error(dg, 0, 0, rc == FZ_ECONFLICT ? "conflict" : "db", "%s",
	    store_errmsg(st));
	store_rollback(st);
	return rc;
}

enum fz_err
core_period_add(struct store *st, struct period *p, const char *actor,
    struct diags *dg)
{
	struct plan	 pl;
	enum fz_err	 rc;

	if ((rc = store_plan_get(st, p->plan_id, &pl)) != FZ_OK) {
		diags_error(dg, 0, 0, "not_found", "计划 %lld 不存在",
		    (long long)p->plan_id);
		return rc;
	}
	plan_release(&pl);
	return put_all(st, p, 1, actor, dg);
}

enum fz_err
core_periods_generate(struct store *st, int64_t plan_id, int quarterly,
    int due_day, int grace, const char *actor, struct diags *dg)
{
	static const char *const q[] = { "第一季度", "第二季度", "第三季度",
	    "第四季度" };
	struct period	 v[12];
	struct plan	 pl;
	enum fz_err	 rc;
	int		 y, i, n = quarterly ? 4 : 12, span = quarterly ? 3 : 1;

	if (due_day < 1 || due_day > 28) {
		diags_error(dg, 0, 0, "bad_period", "报送日应在每月 1 到 28 日之间");
		return FZ_EINVAL;
	}
	if ((rc = store_plan_get(st, plan_id, &pl)) != FZ_OK) {
		diags_error(dg, 0, 0, "not_found", "计划 %lld 不存在",
		    (long long)plan_id);
		return rc;
	}
	y = pl.year;
	plan_release(&pl);
	if (y < 1900 || y > 2998) {
		diags_error(dg, 0, 0, "no_year", "计划没有年度，无法生成报送期");
		return FZ_EINVAL;
	}
	memset(v, 0, sizeof(v));
	for (i = 0; i < n; i++) {
		int first = i * span + 1, last = first + span - 1;
		int dm = last == 12 ? 1 : last + 1, dy = last == 12 ? y + 1 : y;

		v[i].plan_id = plan_id;
		if (quarterly)
			snprintf(v[i].name, sizeof(v[i].name), "%d年%s", y,
			    q[i]);
		else
			snprintf(v[i].name, sizeof(v[i].name), "%d年%d月", y,
			    first);
		fmt_date(v[i].starts, y, first, 1);
		fmt_date(v[i].ends, y, last, mdays(y, last));
		fmt_date(v[i].due, dy, dm, due_day);
		v[i].grace_days = grace;
	}
	return put_all(st, v, (size_t)n, actor, dg);
}

enum fz_err
core_period_lock(struct store *st, int64_t id, int locked,
    const char *actor, struct diags *dg)
{
	enum fz_err	 rc;
	char		 obj[32];

	snprintf(obj, sizeof(obj), "period:%lld", (long long)id);
	if ((rc = store_begin(st)) != FZ_OK ||
	    (rc = store_period_lock(st, id, locked)) != FZ_OK ||
	    (rc = store_audit(st, actor, locked ? "period.lock" :
	    "period.unlock", obj, NULL)) != FZ_OK ||
	    (rc = store_commit(st)) != FZ_OK) {
		diags_error(dg, 0, 0, rc == FZ_ENOTFOUND ? "not_found" : "db",
		    "%s", store_errmsg(st));
		store_rollback(st);
	}
	return rc;
}
