/*
 * store_annual.c: the annual report's rows (annual_report), its versions
 * (annual_version, the content as JSON) and its transitions
 * (annual_event), on either engine through the statement table.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum fz_err
store_annual_put(struct store *st, struct annual_report *a)
{
	struct dbq	*q;

	store_now(a->updated_at);
	if (a->id == 0) {
		memcpy(a->created_at, a->updated_at, sizeof(a->created_at));
		if ((q = q_open(st, STMT_ANN_INS)) == NULL)
			return q_err(st);
		q_int(q, 1, a->plan_id);
		q_int(q, 2, a->year);
		if (a->unit_id == 0)
			q_null(q, 3);
		else
			q_int(q, 3, a->unit_id);
		q_text(q, 4, a->state);
		q_int(q, 5, a->version);
		q_text(q, 6, a->created_at);
		return q_run_int(q, &a->id);
	}
	if ((q = q_open(st, STMT_ANN_UPD)) == NULL)
		return q_err(st);
	q_int(q, 1, a->id);
	q_text(q, 2, a->state);
	q_int(q, 3, a->version);
	if (a->published_version == 0)
		q_null(q, 4);
	else
		q_int(q, 4, a->published_version);
	q_opt(q, 5, a->content_sha256);
	q_opt(q, 6, a->docx_sha256);
	if (a->docx_size == 0)
		q_null(q, 7);
	else
		q_int(q, 7, a->docx_size);
	q_opt(q, 8, a->published_at);
	q_text(q, 9, a->updated_at);
	return q_run_int(q, &a->id);
}

static void
read_annual(struct dbq *q, struct annual_report *a)
{
	memset(a, 0, sizeof(*a));
	a->id = q_colint(q, 0);
	a->plan_id = q_colint(q, 1);
	a->year = (int)q_colint(q, 2);
	a->unit_id = q_colint(q, 3);
	q_colcpy(q, 4, a->unit_code, sizeof(a->unit_code));
	q_colcpy(q, 5, a->unit_name, sizeof(a->unit_name));
	q_colcpy(q, 6, a->state, sizeof(a->state));
	a->version = (int)q_colint(q, 7);
	a->published_version = (int)q_colint(q, 8);
	q_colcpy(q, 9, a->content_sha256, sizeof(a->content_sha256));
	q_colcpy(q, 10, a->docx_sha256, sizeof(a->docx_sha256));
	a->docx_size = q_colint(q, 11);
	q_colcpy(q, 12, a->published_at, sizeof(a->published_at));
	q_colcpy(q, 13, a->created_at, sizeof(a->created_at));
	q_colcpy(q, 14, a->updated_at, sizeof(a->updated_at));
}

static enum fz_err
one(struct store *st, struct dbq *q, struct annual_report *a)
{
	int	 r = q_step(q);

	if (r == 1)
		read_annual(q, a);
	q_reset(q);
	if (r < 0)
		return q_err(st);
	return r == 1 ? FZ_OK : FZ_ENOTFOUND;
}

enum fz_err
store_annual_get(struct store *st, int64_t id, struct annual_report *a)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_ANN_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	return one(st, q, a);
}

enum fz_err
store_annual_find(struct store *st, int64_t plan_id, int year,
    int64_t unit_id, struct annual_report *a)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_ANN_FIND)) == NULL)
		return q_err(st);
	q_int(q, 1, plan_id);
	q_int(q, 2, year);
	q_int(q, 3, unit_id);
	return one(st, q, a);
}

enum fz_err
store_annual_list(struct store *st, int64_t plan_id, int year,
    struct annual_report **v, size_t *n)
{
	struct dbq	*q;
	size_t		 cap = 0;
	int		 r;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_ANN_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, plan_id);
	q_int(q, 2, year);
	while ((r = q_step(q)) == 1) {
		VEC_GROW(*v, *n, cap);
		read_annual(q, &(*v)[(*n)++]);
	}
	q_reset(q);
	return r < 0 ? q_err(st) : FZ_OK;
}

enum fz_err
store_annual_version_put(struct store *st, int64_t report_id, int version,
    const char *content, int flags, const char *actor)
{
	struct dbq	*q;
	char		 now[21];

	store_now(now);
	if ((q = q_open(st, STMT_ANN_VER_INS)) == NULL)
		return q_err(st);
	q_int(q, 1, report_id);
	q_int(q, 2, version);
	q_text(q, 3, content);
	q_int(q, 4, flags);
	q_text(q, 5, actor);
	q_text(q, 6, now);
	return q_run(q);
}

enum fz_err
store_annual_version_get(struct store *st, int64_t report_id, int version,
    char **content, int *flags)
{
	struct dbq	*q;
	int		 r;

	*content = NULL;
	if ((q = q_open(st, STMT_ANN_VER_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, report_id);
	q_int(q, 2, version);
	if ((r = q_step(q)) == 1) {
		*content = q_coldup(q, 0);
		if (flags != NULL)
			*flags = (int)q_colint(q, 1);
	}
	q_reset(q);
	if (r < 0)
		return q_err(st);
	return r == 1 ? FZ_OK : FZ_ENOTFOUND;
}

enum fz_err
store_annual_event_add(struct store *st, struct annual_event *e)
{
	struct dbq	*q;

	if (e->at[0] == '\0')
		store_now(e->at);
	if ((q = q_open(st, STMT_ANN_EVENT_INS)) == NULL)
		return q_err(st);
	q_int(q, 1, e->report_id);
	q_text(q, 2, e->at);
	q_text(q, 3, e->actor);
	q_text(q, 4, e->action);
	q_text(q, 5, e->from_state);
	q_text(q, 6, e->to_state);
	q_int(q, 7, e->version);
	q_opt(q, 8, e->reason);
	return q_run_int(q, &e->id);
}

enum fz_err
store_annual_events(struct store *st, int64_t report_id,
    struct annual_event **v, size_t *n)
{
	struct dbq	*q;
	struct annual_event *e;
	size_t		 cap = 0;
	int		 r;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_ANN_EVENT_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, report_id);
	while ((r = q_step(q)) == 1) {
		VEC_GROW(*v, *n, cap);
		e = &(*v)[(*n)++];
		memset(e, 0, sizeof(*e));
		e->id = q_colint(q, 0);
		e->report_id = q_colint(q, 1);
		q_colcpy(q, 2, e->at, sizeof(e->at));
		q_colcpy(q, 3, e->actor, sizeof(e->actor));
		q_colcpy(q, 4, e->action, sizeof(e->action));
		q_colcpy(q, 5, e->from_state, sizeof(e->from_state));
		q_colcpy(q, 6, e->to_state, sizeof(e->to_state));
		e->version = (int)q_colint(q, 7);
		q_colcpy(q, 8, e->reason, sizeof(e->reason));
	}
	q_reset(q);
	return r < 0 ? q_err(st) : FZ_OK;
}
