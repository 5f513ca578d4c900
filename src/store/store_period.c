/*
 * store_period.c: reporting periods of a plan in the store, for every
 * backend: add one, lock or unlock it, list a plan's periods in order.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "store-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum fz_err
store_period_put(struct store *st, struct period *p)
{
	struct dbq	*q;
	char		 now[21];
	enum fz_err	 rc;

	store_now(now);
	if ((q = q_open(st, STMT_PERIOD_INSERT)) == NULL)
		return q_err(st);
	q_int(q, 1, p->plan_id);
	q_text(q, 2, p->name);
	q_text(q, 3, p->starts);
	q_text(q, 4, p->ends);
	q_text(q, 5, p->due);
	q_int(q, 6, p->grace_days);
	q_text(q, 7, now);
	if ((rc = q_run_int(q, &p->id)) == FZ_ECONFLICT)
		store_seterr(st, "本计划已有名为“%s”的报送期", p->name);
	return rc;
}

enum fz_err
store_period_lock(struct store *st, int64_t id, int locked)
{
	struct dbq	*q;
	int64_t		 plan;
	enum fz_err	 rc;

	if ((q = q_open(st, STMT_PERIOD_LOCK)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	q_int(q, 2, locked);
	if ((rc = q_run_int(q, &plan)) == FZ_ENOTFOUND)
		store_seterr(st, "报送期 %lld 不存在", (long long)id);
	return rc;
}

enum fz_err
store_period_iter(struct store *st, int64_t plan_id, store_period_cb cb,
    void *arg)
{
	struct dbq	*q;
	struct period	 p;
	int		 r, stop = 0;

	if ((q = q_open(st, STMT_PERIOD_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, plan_id);
	while ((r = q_step(q)) == 1) {
		if (stop)
			continue;
		memset(&p, 0, sizeof(p));
		p.id = q_colint(q, 0);
		p.plan_id = q_colint(q, 1);
		snprintf(p.name, sizeof(p.name), "%s", q_col(q, 2));
		snprintf(p.starts, sizeof(p.starts), "%s", q_col(q, 3));
		snprintf(p.ends, sizeof(p.ends), "%s", q_col(q, 4));
		snprintf(p.due, sizeof(p.due), "%s", q_col(q, 5));
		p.grace_days = (int)q_colint(q, 6);
		p.locked = (int)q_colint(q, 7);
		stop = cb(&p, arg) != 0;
	}
	q_reset(q);
	return r < 0 ? q_err(st) : FZ_OK;
}
