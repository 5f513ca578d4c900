/*
 * store_assess.c: the assessment (考核) for every backend: versions of a
 * year's rubric, manual scores with their evidence file, the per unit
 * counts a run scores (finding shares, indicators met), and the runs
 * with the points of each unit and item.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

void
assess_rubric_release(struct assess_rubric *r)
{
	if (r == NULL)
		return;
	free(r->items);
	r->items = NULL;
}

void
assess_manual_release(struct assess_manual *m)
{
	if (m == NULL)
		return;
	free(m->reason);
	m->reason = NULL;
}

void
assess_run_release(struct assess_run *r)
{
	if (r == NULL)
		return;
	free(r->result);
	r->result = NULL;
}

enum fz_err
store_assess_rubric_get(struct store *st, int year, int version,
    struct assess_rubric *r)
{
	struct dbq	*q;
	int		 k;

	memset(r, 0, sizeof(*r));
	if ((q = q_open(st, STMT_ASSESS_RUBRIC_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, year);
	q_int(q, 2, version);
	if ((k = q_step(q)) == 1) {
		r->id = q_colint(q, 0);
		r->year = (int)q_colint(q, 1);
		r->version = (int)q_colint(q, 2);
		r->items = q_coldup(q, 3);
		q_colcpy(q, 4, r->created_by, sizeof(r->created_by));
		q_colcpy(q, 5, r->created_at, sizeof(r->created_at));
	}
	q_reset(q);
	if (k < 0)
		return q_err(st);
	return k == 1 ? FZ_OK : FZ_ENOTFOUND;
}

/* Inside the caller's transaction: the next version of r->year. */
enum fz_err
store_assess_rubric_add(struct store *st, struct assess_rubric *r)
{
	struct dbq	*q;
	int		 k;

	if ((q = q_open(st, STMT_ASSESS_RUBRIC_MAX)) == NULL)
		return q_err(st);
	q_int(q, 1, r->year);
	if ((k = q_step(q)) == 1)
		r->version = (int)q_colint(q, 0) + 1;
	q_reset(q);
	if (k != 1)
		return q_err(st);
	store_now(r->created_at);
	if ((q = q_open(st, STMT_ASSESS_RUBRIC_INS)) == NULL)
		return q_err(st);
	q_int(q, 1, r->year);
	q_int(q, 2, r->version);
	q_text(q, 3, r->items);
	q_text(q, 4, r->created_by);
	q_text(q, 5, r->created_at);
	return q_run_int(q, &r->id);
}

enum fz_err
store_assess_manual_add(struct store *st, struct assess_manual *m)
{
	struct dbq	*q;

	store_now(m->at);
	if ((q = q_open(st, STMT_ASSESS_MANUAL_INS)) == NULL)
		return q_err(st);
	q_int(q, 1, m->year);
	q_int(q, 2, m->unit_id);
	q_text(q, 3, m->item_key);
	q_int(q, 4, m->points);
	q_text(q, 5, m->reason);
	q_text(q, 6, m->name);
	q_text(q, 7, m->sha256);
	q_int(q, 8, m->size);
	q_text(q, 9, m->mime);
	q_text(q, 10, m->actor);
	q_text(q, 11, m->at);
	return q_run_int(q, &m->id);
}

static void
read_manual(struct dbq *q, struct assess_manual *m)
{
	m->id = q_colint(q, 0);
	m->year = (int)q_colint(q, 1);
	m->unit_id = q_colint(q, 2);
	q_colcpy(q, 3, m->item_key, sizeof(m->item_key));
	m->points = q_colint(q, 4);
	m->reason = q_coldup(q, 5);
	q_colcpy(q, 6, m->name, sizeof(m->name));
	q_colcpy(q, 7, m->sha256, sizeof(m->sha256));
	m->size = q_colint(q, 8);
	q_colcpy(q, 9, m->mime, sizeof(m->mime));
	q_colcpy(q, 10, m->actor, sizeof(m->actor));
	q_colcpy(q, 11, m->at, sizeof(m->at));
}

enum fz_err
store_assess_manual_list(struct store *st, int year, struct assess_manual **v,
    size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_ASSESS_MANUAL_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, year);
	COLLECT(q, st, struct assess_manual, v, n, read_manual);
	return FZ_OK;
}

enum fz_err
store_assess_manual_get(struct store *st, int64_t id, struct assess_manual *m)
{
	struct dbq	*q;

	memset(m, 0, sizeof(*m));
	if ((q = q_open(st, STMT_ASSESS_MANUAL_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	ONE(q, st, m, read_manual);
	return FZ_OK;
}

static void
read_counts(struct dbq *q, struct assess_counts *c)
{
	c->unit_id = q_colint(q, 0);
	c->findings = (int)q_colint(q, 1);
	c->ind_met = (int)q_colint(q, 2);
	c->ind_judged = (int)q_colint(q, 3);
	c->manual = q_colint(q, 4) > 0;
}

enum fz_err
store_assess_counts(struct store *st, const char *as_of,
    struct assess_counts **v, size_t *n)
{
	struct dbq	*q;
	char		 y[5];

	*v = NULL;
	*n = 0;
	snprintf(y, sizeof(y), "%.4s", as_of);
	if ((q = q_open(st, STMT_ASSESS_COUNTS)) == NULL)
		return q_err(st);
	q_text(q, 1, as_of);
	q_int(q, 2, strtol(y, NULL, 10));
	COLLECT(q, st, struct assess_counts, v, n, read_counts);
	return FZ_OK;
}

/* Inside the caller's transaction; r->id and r->created_at set. */
enum fz_err
store_assess_run_add(struct store *st, struct assess_run *r,
    const struct assess_score *s, size_t n)
{
	struct dbq	*q;
	enum fz_err	 rc;
	size_t		 i;

	store_now(r->created_at);
	if ((q = q_open(st, STMT_ASSESS_RUN_INS)) == NULL)
		return q_err(st);
	q_text(q, 1, r->as_of);
	q_int(q, 2, r->rubric_id);
	q_int(q, 3, r->rubric_year);
	q_int(q, 4, r->rubric_version);
	q_text(q, 5, r->inputs_sha256);
	q_text(q, 6, r->result);
	q_text(q, 7, r->actor);
	q_text(q, 8, r->created_at);
	if ((rc = q_run_int(q, &r->id)) != FZ_OK)
		return rc;
	for (i = 0; i < n; i++) {
		if ((q = q_open(st, STMT_ASSESS_SCORE_INS)) == NULL)
			return q_err(st);
		q_int(q, 1, r->id);
		q_int(q, 2, s[i].unit_id);
		q_text(q, 3, s[i].item_key);
		q_int(q, 4, s[i].num);
		q_int(q, 5, s[i].den);
		q_int(q, 6, s[i].points);
		q_int(q, 7, s[i].total);
		q_int(q, 8, s[i].rank);
		if ((rc = q_run(q)) != FZ_OK)
			return rc;
	}
	return FZ_OK;
}

enum fz_err
store_assess_run_get(struct store *st, int64_t id, struct assess_run *r)
{
	struct dbq	*q;
	int		 k;

	memset(r, 0, sizeof(*r));
	if ((q = q_open(st, STMT_ASSESS_RUN_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	if ((k = q_step(q)) == 1) {
		r->id = q_colint(q, 0);
		q_colcpy(q, 1, r->as_of, sizeof(r->as_of));
		r->rubric_id = q_colint(q, 2);
		r->rubric_year = (int)q_colint(q, 3);
		r->rubric_version = (int)q_colint(q, 4);
		q_colcpy(q, 5, r->inputs_sha256, sizeof(r->inputs_sha256));
		r->result = q_coldup(q, 6);
		q_colcpy(q, 7, r->actor, sizeof(r->actor));
		q_colcpy(q, 8, r->created_at, sizeof(r->created_at));
	}
	q_reset(q);
	if (k < 0)
		return q_err(st);
	return k == 1 ? FZ_OK : FZ_ENOTFOUND;
}
