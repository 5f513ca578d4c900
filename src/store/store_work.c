/*
 * store_work.c: the reporting workflow in the store, for every backend:
 * assignments (synchronised from a plan's resolved units or designated),
 * the status rows the dashboard and reminders read, progress reports with
 * their events and citations, evidence files kept once per SHA-256,
 * extensions, deadlines, missed reports, notices and settings.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

/* Assignments. */

enum fz_err
store_task_plan(struct store *st, int64_t task_id, int64_t *plan_id)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_TASK_PLAN)) == NULL)
		return q_err(st);
	q_int(q, 1, task_id);
	return q_run_int(q, plan_id);
}

enum fz_err
store_assignment_sync(struct store *st, int64_t plan_id)
{
	struct dbq	*q;
	char		 now[21];

	store_now(now);
	if ((q = q_open(st, STMT_ASG_SYNC)) == NULL)
		return q_err(st);
	q_int(q, 1, plan_id);
	q_text(q, 2, now);
	return q_run(q);
}

static void
read_asg(struct dbq *q, struct assignment *a)
{
	memset(a, 0, sizeof(*a));
	a->id = q_colint(q, 0);
	a->task_id = q_colint(q, 1);
	a->plan_id = q_colint(q, 2);
	a->task_number = (int)q_colint(q, 3);
	a->unit_id = q_colint(q, 4);
	q_colcpy(q, 5, a->unit_name, sizeof(a->unit_name));
	q_colcpy(q, 6, a->role, sizeof(a->role));
	q_colcpy(q, 7, a->source, sizeof(a->source));
	q_colcpy(q, 8, a->state, sizeof(a->state));
	q_colcpy(q, 9, a->claimed_at, sizeof(a->claimed_at));
	q_colcpy(q, 10, a->claimed_by, sizeof(a->claimed_by));
	q_colcpy(q, 11, a->closed_at, sizeof(a->closed_at));
	q_colcpy(q, 12, a->closed_by, sizeof(a->closed_by));
}

enum fz_err
store_assignment_add(struct store *st, struct assignment *a)
{
	struct dbq	*q;
	char		 now[21];
	enum fz_err	 rc;

	store_now(now);
	if ((q = q_open(st, STMT_ASG_INSERT)) == NULL)
		return q_err(st);
	q_int(q, 1, a->task_id);
	q_int(q, 2, a->unit_id);
	q_text(q, 3, a->role);
	q_text(q, 4, a->source);
	q_text(q, 5, now);
	if ((rc = q_run_int(q, &a->id)) == FZ_ECONFLICT)
		store_seterr(st, "该单位已承担此项任务");
	return rc;
}

enum fz_err
store_assignment_get(struct store *st, int64_t id, struct assignment *a)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_ASG_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	ONE(q, st, a, read_asg);
	return FZ_OK;
}

enum fz_err
store_assignment_find(struct store *st, int64_t task_id, int64_t unit_id,
    struct assignment *a)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_ASG_FIND)) == NULL)
		return q_err(st);
	q_int(q, 1, task_id);
	q_int(q, 2, unit_id);
	ONE(q, st, a, read_asg);
	return FZ_OK;
}

enum fz_err
store_assignment_list(struct store *st, int64_t plan_id, int64_t task_id,
    int64_t unit_id, struct assignment **v, size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_ASG_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, plan_id);
	q_int(q, 2, task_id);
	q_int(q, 3, unit_id);
	COLLECT(q, st, struct assignment, v, n, read_asg);
	return FZ_OK;
}

enum fz_err
store_assignment_update(struct store *st, const struct assignment *a)
{
	struct dbq	*q;
	int64_t		 id;

	if ((q = q_open(st, STMT_ASG_UPDATE)) == NULL)
		return q_err(st);
	q_int(q, 1, a->id);
	q_text(q, 2, a->state);
	q_opt(q, 3, a->claimed_at);
	q_opt(q, 4, a->claimed_by);
	q_opt(q, 5, a->closed_at);
	q_opt(q, 6, a->closed_by);
	return q_run_int(q, &id);
}

static void
read_status(struct dbq *q, struct status_row *s)
{
	s->assignment_id = q_colint(q, 0);
	s->task_id = q_colint(q, 1);
	s->task_number = (int)q_colint(q, 2);
	s->section = (int)q_colint(q, 3);
	s->unit_id = q_colint(q, 4);
	q_colcpy(q, 5, s->unit_name, sizeof(s->unit_name));
	q_colcpy(q, 6, s->role, sizeof(s->role));
	q_colcpy(q, 7, s->asg_state, sizeof(s->asg_state));
	s->report_id = q_colint(q, 8);
	q_colcpy(q, 9, s->report_state, sizeof(s->report_state));
	q_colcpy(q, 10, s->progress, sizeof(s->progress));
	s->late = (int)q_colint(q, 11);
	s->returns = (int)q_colint(q, 12);
	s->submissions = (int)q_colint(q, 13);
	q_colcpy(q, 14, s->deadline, sizeof(s->deadline));
	s->grace_days = (int)q_colint(q, 15);
	q_colcpy(q, 16, s->first_submitted_at, sizeof(s->first_submitted_at));
	s->missed = q_colint(q, 17) > 0;
	q_colcpy(q, 18, s->period_starts, sizeof(s->period_starts));
}

enum fz_err
store_status_rows(struct store *st, int64_t plan_id, int64_t period_id,
    struct status_row **v, size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_STATUS_ROWS)) == NULL)
		return q_err(st);
	q_int(q, 1, plan_id);
	q_int(q, 2, period_id);
	COLLECT(q, st, struct status_row, v, n, read_status);
	return FZ_OK;
}

/* Reports. */

static void
read_report(struct dbq *q, struct report *r)
{
	memset(r, 0, sizeof(*r));
	r->id = q_colint(q, 0);
	r->period_id = q_colint(q, 1);
	r->task_id = q_colint(q, 2);
	r->unit_id = q_colint(q, 3);
	r->plan_id = q_colint(q, 4);
	r->task_number = (int)q_colint(q, 5);
	q_colcpy(q, 6, r->unit_name, sizeof(r->unit_name));
	q_colcpy(q, 7, r->period_name, sizeof(r->period_name));
	q_colcpy(q, 8, r->period_due, sizeof(r->period_due));
	q_colcpy(q, 9, r->kind, sizeof(r->kind));
	q_colcpy(q, 10, r->progress, sizeof(r->progress));
	r->narrative = q_coldup(q, 11);
	r->measures = q_coldup(q, 12);
	q_colcpy(q, 13, r->state, sizeof(r->state));
	r->late = (int)q_colint(q, 14);
	r->returns = (int)q_colint(q, 15);
	r->submissions = (int)q_colint(q, 16);
	q_colcpy(q, 17, r->first_submitted_at, sizeof(r->first_submitted_at));
	q_colcpy(q, 18, r->submitted_at, sizeof(r->submitted_at));
	q_colcpy(q, 19, r->accepted_at, sizeof(r->accepted_at));
	q_colcpy(q, 20, r->created_by, sizeof(r->created_by));
	q_colcpy(q, 21, r->created_at, sizeof(r->created_at));
	q_colcpy(q, 22, r->updated_at, sizeof(r->updated_at));
	if (r->narrative == NULL)
		r->narrative = xstrdup("");
	if (r->measures == NULL)
		r->measures = xstrdup("");
}

enum fz_err
store_report_put(struct store *st, struct report *r)
{
	struct dbq	*q;
	char		 now[21];
	enum fz_err	 rc;
	int64_t		 id;

	store_now(now);
	snprintf(r->updated_at, sizeof(r->updated_at), "%s", now);
	if (r->id == 0) {
		if ((q = q_open(st, STMT_REP_INSERT)) == NULL)
			return q_err(st);
		q_int(q, 1, r->period_id);
		q_int(q, 2, r->task_id);
		q_int(q, 3, r->unit_id);
		q_text(q, 4, r->kind);
		q_text(q, 5, r->progress);
		q_text(q, 6, r->narrative ? r->narrative : "");
		q_text(q, 7, r->measures ? r->measures : "");
		q_text(q, 8, r->state);
		q_text(q, 9, r->created_by);
		q_text(q, 10, now);
		if ((rc = q_run_int(q, &r->id)) == FZ_ECONFLICT)
			store_seterr(st, "本单位在该报送期已有此项任务的报告");
		else if (rc == FZ_OK)
			snprintf(r->created_at, sizeof(r->created_at), "%s",
			    now);
		return rc;
	}
	if ((q = q_open(st, STMT_REP_UPDATE)) == NULL)
		return q_err(st);
	q_int(q, 1, r->id);
	q_text(q, 2, r->progress);
	q_text(q, 3, r->narrative ? r->narrative : "");
	q_text(q, 4, r->measures ? r->measures : "");
	q_text(q, 5, r->state);
	q_int(q, 6, r->late);
	q_int(q, 7, r->returns);
	q_int(q, 8, r->submissions);
	q_opt(q, 9, r->first_submitted_at);
	q_opt(q, 10, r->submitted_at);
	q_opt(q, 11, r->accepted_at);
	q_text(q, 12, now);
	return q_run_int(q, &id);
}

enum fz_err
store_report_get(struct store *st, int64_t id, struct report *r)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_REP_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	ONE(q, st, r, read_report);
	return FZ_OK;
}

enum fz_err
store_report_find(struct store *st, int64_t period_id, int64_t task_id,
    int64_t unit_id, struct report *r)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_REP_FIND)) == NULL)
		return q_err(st);
	q_int(q, 1, period_id);
	q_int(q, 2, task_id);
	q_int(q, 3, unit_id);
	ONE(q, st, r, read_report);
	return FZ_OK;
}

static void
bind_filter(struct dbq *q, const struct report_filter *f)
{
	q_int(q, 1, f->plan_id);
	q_int(q, 2, f->period_id);
	q_int(q, 3, f->task_id);
	q_int(q, 4, f->unit_id);
	q_text(q, 5, f->state ? f->state : "");
	q_int(q, 6, f->visible_to);
	q_int(q, 7, f->not_of);
}

enum fz_err
store_report_list(struct store *st, const struct report_filter *f,
    struct report **v, size_t *n, int64_t *total)
{
	struct dbq	*q;
	enum fz_err	 rc;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_REP_COUNT)) == NULL)
		return q_err(st);
	bind_filter(q, f);
	if ((rc = q_run_int(q, total)) != FZ_OK)
		return rc;
	if ((q = q_open(st, STMT_REP_LIST)) == NULL)
		return q_err(st);
	bind_filter(q, f);
	q_int(q, 8, f->limit > 0 ? f->limit : 50);
	q_int(q, 9, f->offset);
	COLLECT(q, st, struct report, v, n, read_report);
	return FZ_OK;
}

enum fz_err
store_report_event_add(struct store *st, struct report_event *e)
{
	struct dbq	*q;

	if (e->at[0] == '\0')
		store_now(e->at);
	if ((q = q_open(st, STMT_REP_EVENT_INS)) == NULL)
		return q_err(st);
	q_int(q, 1, e->report_id);
	q_text(q, 2, e->at);
	q_text(q, 3, e->actor);
	q_text(q, 4, e->action);
	q_opt(q, 5, e->reason);
	q_opt(q, 6, e->comment);
	return q_run_int(q, &e->id);
}

static void
read_event(struct dbq *q, struct report_event *e)
{
	e->id = q_colint(q, 0);
	e->report_id = q_colint(q, 1);
	q_colcpy(q, 2, e->at, sizeof(e->at));
	q_colcpy(q, 3, e->actor, sizeof(e->actor));
	q_colcpy(q, 4, e->action, sizeof(e->action));
	q_colcpy(q, 5, e->reason, sizeof(e->reason));
	e->comment = q_coldup(q, 6);
}

enum fz_err
store_report_events(struct store *st, int64_t report_id,
    struct report_event **v, size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_REP_EVENT_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, report_id);
	COLLECT(q, st, struct report_event, v, n, read_event);
	return FZ_OK;
}

enum fz_err
store_report_cites_set(struct store *st, int64_t report_id,
    const int64_t *ids, size_t n)
{
	struct dbq	*q;
	enum fz_err	 rc;
	size_t		 i;

	if ((q = q_open(st, STMT_CITE_DEL)) == NULL)
		return q_err(st);
	q_int(q, 1, report_id);
	if ((rc = q_run(q)) != FZ_OK)
		return rc;
	for (i = 0; i < n; i++) {
		if ((q = q_open(st, STMT_CITE_INS)) == NULL)
			return q_err(st);
		q_int(q, 1, report_id);
		q_int(q, 2, ids[i]);
		if ((rc = q_run(q)) != FZ_OK)
			return rc;
	}
	return FZ_OK;
}

static void
read_id(struct dbq *q, int64_t *id)
{
	*id = q_colint(q, 0);
}

enum fz_err
store_report_cites(struct store *st, int64_t report_id, int64_t **v,
    size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_CITE_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, report_id);
	COLLECT(q, st, int64_t, v, n, read_id);
	return FZ_OK;
}

/* Evidence. */

enum fz_err
store_blob_put(struct store *st, const char *sha256, int64_t size,
    const char *b64)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_BLOB_PUT)) == NULL)
		return q_err(st);
	q_text(q, 1, sha256);
	q_int(q, 2, size);
	q_text(q, 3, b64);
	return q_run(q);
}

enum fz_err
store_blob_get(struct store *st, const char *sha256, char **b64)
{
	struct dbq	*q;
	int		 r;

	*b64 = NULL;
	if ((q = q_open(st, STMT_BLOB_GET)) == NULL)
		return q_err(st);
	q_text(q, 1, sha256);
	if ((r = q_step(q)) == 1)
		*b64 = q_coldup(q, 1);
	q_reset(q);
	if (r < 0)
		return q_err(st);
	return r == 0 || *b64 == NULL ? FZ_ENOTFOUND : FZ_OK;
}

static void
read_evid(struct dbq *q, struct evidence *e)
{
	e->id = q_colint(q, 0);
	e->report_id = q_colint(q, 1);
	q_colcpy(q, 2, e->sha256, sizeof(e->sha256));
	q_colcpy(q, 3, e->name, sizeof(e->name));
	q_colcpy(q, 4, e->mime, sizeof(e->mime));
	e->size = q_colint(q, 5);
	q_colcpy(q, 6, e->uploaded_by, sizeof(e->uploaded_by));
	q_colcpy(q, 7, e->uploaded_at, sizeof(e->uploaded_at));
}

enum fz_err
store_evidence_add(struct store *st, struct evidence *e)
{
	struct dbq	*q;

	store_now(e->uploaded_at);
	if ((q = q_open(st, STMT_EVID_INSERT)) == NULL)
		return q_err(st);
	q_int(q, 1, e->report_id);
	q_text(q, 2, e->sha256);
	q_text(q, 3, e->name);
	q_text(q, 4, e->mime);
	q_int(q, 5, e->size);
	q_text(q, 6, e->uploaded_by);
	q_text(q, 7, e->uploaded_at);
	return q_run_int(q, &e->id);
}

enum fz_err
store_evidence_get(struct store *st, int64_t id, struct evidence *e)
{
	struct dbq	*q;

	memset(e, 0, sizeof(*e));
	if ((q = q_open(st, STMT_EVID_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	ONE(q, st, e, read_evid);
	return FZ_OK;
}

enum fz_err
store_evidence_delete(struct store *st, int64_t id)
{
	struct dbq	*q;
	int64_t		 report;

	if ((q = q_open(st, STMT_EVID_DELETE)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	return q_run_int(q, &report);
}

enum fz_err
store_evidence_list(struct store *st, int64_t report_id,
    struct evidence **v, size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_EVID_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, report_id);
	COLLECT(q, st, struct evidence, v, n, read_evid);
	return FZ_OK;
}

static void
read_reuse(struct dbq *q, struct evidence_reuse *u)
{
	u->report_id = q_colint(q, 0);
	u->task_number = (int)q_colint(q, 1);
	q_colcpy(q, 2, u->unit_name, sizeof(u->unit_name));
}

enum fz_err
store_evidence_reuse(struct store *st, const char *sha256,
    int64_t except_report, struct evidence_reuse **v, size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_EVID_BY_SHA)) == NULL)
		return q_err(st);
	q_text(q, 1, sha256);
	q_int(q, 2, except_report);
	COLLECT(q, st, struct evidence_reuse, v, n, read_reuse);
	return FZ_OK;
}

/* Extensions and deadlines. */

static void
read_ext(struct dbq *q, struct extension *e)
{
	e->id = q_colint(q, 0);
	e->period_id = q_colint(q, 1);
	e->task_id = q_colint(q, 2);
	e->unit_id = q_colint(q, 3);
	e->task_number = (int)q_colint(q, 4);
	q_colcpy(q, 5, e->unit_name, sizeof(e->unit_name));
	e->reason = q_coldup(q, 6);
	q_colcpy(q, 7, e->original_due, sizeof(e->original_due));
	q_colcpy(q, 8, e->requested_due, sizeof(e->requested_due));
	q_colcpy(q, 9, e->state, sizeof(e->state));
	q_colcpy(q, 10, e->requested_by, sizeof(e->requested_by));
	q_colcpy(q, 11, e->requested_at, sizeof(e->requested_at));
	q_colcpy(q, 12, e->decided_by, sizeof(e->decided_by));
	q_colcpy(q, 13, e->decided_at, sizeof(e->decided_at));
	e->comment = q_coldup(q, 14);
}

enum fz_err
store_extension_add(struct store *st, struct extension *e)
{
	struct dbq	*q;

	store_now(e->requested_at);
	snprintf(e->state, sizeof(e->state), "pending");
	if ((q = q_open(st, STMT_EXT_INSERT)) == NULL)
		return q_err(st);
	q_int(q, 1, e->period_id);
	q_int(q, 2, e->task_id);
	q_int(q, 3, e->unit_id);
	q_text(q, 4, e->reason);
	q_text(q, 5, e->original_due);
	q_text(q, 6, e->requested_due);
	q_text(q, 7, e->requested_by);
	q_text(q, 8, e->requested_at);
	return q_run_int(q, &e->id);
}

enum fz_err
store_extension_decide(struct store *st, int64_t id, const char *state,
    const char *by, const char *comment)
{
	struct dbq	*q;
	char		 now[21];
	int64_t		 got;

	store_now(now);
	if ((q = q_open(st, STMT_EXT_DECIDE)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	q_text(q, 2, state);
	q_text(q, 3, by);
	q_text(q, 4, now);
	q_opt(q, 5, comment);
	return q_run_int(q, &got);
}

enum fz_err
store_extension_get(struct store *st, int64_t id, struct extension *e)
{
	struct dbq	*q;

	memset(e, 0, sizeof(*e));
	if ((q = q_open(st, STMT_EXT_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	ONE(q, st, e, read_ext);
	return FZ_OK;
}

enum fz_err
store_extension_list(struct store *st, int64_t plan_id, int64_t task_id,
    int64_t unit_id, const char *state, struct extension **v, size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_EXT_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, plan_id);
	q_int(q, 2, task_id);
	q_int(q, 3, unit_id);
	q_text(q, 4, state ? state : "");
	COLLECT(q, st, struct extension, v, n, read_ext);
	return FZ_OK;
}

enum fz_err
store_deadline(struct store *st, int64_t period_id, int64_t task_id,
    int64_t unit_id, char due[11], int *grace)
{
	struct dbq	*q;
	int		 r;

	if ((q = q_open(st, STMT_DEADLINE)) == NULL)
		return q_err(st);
	q_int(q, 1, period_id);
	q_int(q, 2, task_id);
	q_int(q, 3, unit_id);
	if ((r = q_step(q)) == 1) {
		q_colcpy(q, 0, due, 11);
		*grace = (int)q_colint(q, 1);
	}
	q_reset(q);
	if (r < 0)
		return q_err(st);
	return r == 0 ? FZ_ENOTFOUND : FZ_OK;
}

static void
read_period(struct dbq *q, struct period *p)
{
	p->id = q_colint(q, 0);
	p->plan_id = q_colint(q, 1);
	q_colcpy(q, 2, p->name, sizeof(p->name));
	q_colcpy(q, 3, p->starts, sizeof(p->starts));
	q_colcpy(q, 4, p->ends, sizeof(p->ends));
	q_colcpy(q, 5, p->due, sizeof(p->due));
	p->grace_days = (int)q_colint(q, 6);
	p->locked = (int)q_colint(q, 7);
}

enum fz_err
store_period_get(struct store *st, int64_t id, struct period *p)
{
	struct dbq	*q;

	memset(p, 0, sizeof(*p));
	if ((q = q_open(st, STMT_PERIOD_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	ONE(q, st, p, read_period);
	return FZ_OK;
}

enum fz_err
store_period_set_due(struct store *st, int64_t id, const char *old_due,
    const char *new_due, const char *reason, const char *actor)
{
	struct dbq	*q;
	char		 now[21];
	int64_t		 got;
	enum fz_err	 rc;

	store_now(now);
	if ((q = q_open(st, STMT_PERIOD_SET_DUE)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	q_text(q, 2, new_due);
	if ((rc = q_run_int(q, &got)) != FZ_OK)
		return rc;
	if ((q = q_open(st, STMT_PERIOD_DUE_LOG)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	q_text(q, 2, old_due);
	q_text(q, 3, new_due);
	q_text(q, 4, reason);
	q_text(q, 5, actor);
	q_text(q, 6, now);
	return q_run(q);
}

enum fz_err
store_missed_put(struct store *st, int64_t period_id, int64_t task_id,
    int64_t unit_id, const char *deadline, int *added)
{
	struct dbq	*q;
	char		 now[21];
	int64_t		 got;
	enum fz_err	 rc;

	store_now(now);
	if ((q = q_open(st, STMT_MISSED_PUT)) == NULL)
		return q_err(st);
	q_int(q, 1, period_id);
	q_int(q, 2, task_id);
	q_int(q, 3, unit_id);
	q_text(q, 4, deadline);
	q_text(q, 5, now);
	rc = q_run_int(q, &got);
	*added = rc == FZ_OK;
	return rc == FZ_ENOTFOUND ? FZ_OK : rc;
}

/* Notices. */

static void
read_notice(struct dbq *q, struct notice *x)
{
	x->id = q_colint(q, 0);
	x->unit_id = q_colint(q, 1);
	q_colcpy(q, 2, x->kind, sizeof(x->kind));
	x->period_id = q_colint(q, 3);
	x->task_id = q_colint(q, 4);
	x->message = q_coldup(q, 5);
	q_colcpy(q, 6, x->actor, sizeof(x->actor));
	q_colcpy(q, 7, x->created_at, sizeof(x->created_at));
	q_colcpy(q, 8, x->read_at, sizeof(x->read_at));
}

enum fz_err
store_notice_add(struct store *st, struct notice *x)
{
	struct dbq	*q;

	store_now(x->created_at);
	if ((q = q_open(st, STMT_NOTICE_INSERT)) == NULL)
		return q_err(st);
	q_int(q, 1, x->unit_id);
	q_text(q, 2, x->kind);
	q_optint(q, 3, x->period_id);
	q_optint(q, 4, x->task_id);
	q_text(q, 5, x->message);
	q_text(q, 6, x->actor);
	q_text(q, 7, x->created_at);
	return q_run_int(q, &x->id);
}

enum fz_err
store_notice_list(struct store *st, const struct notice_filter *f,
    struct notice **v, size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_NOTICE_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, f->visible_to);
	q_int(q, 2, f->unread);
	q_int(q, 3, f->task_id);
	q_int(q, 4, f->unit_id);
	q_int(q, 5, f->limit > 0 ? f->limit : 100);
	COLLECT(q, st, struct notice, v, n, read_notice);
	return FZ_OK;
}

enum fz_err
store_notice_get(struct store *st, int64_t id, struct notice *x)
{
	struct dbq	*q;

	memset(x, 0, sizeof(*x));
	if ((q = q_open(st, STMT_NOTICE_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	ONE(q, st, x, read_notice);
	return FZ_OK;
}

enum fz_err
store_notice_read(struct store *st, int64_t id, const char *by)
{
	struct dbq	*q;
	char		 now[21];
	int64_t		 got;
	enum fz_err	 rc;

	store_now(now);
	if ((q = q_open(st, STMT_NOTICE_READ)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	q_text(q, 2, now);
	q_text(q, 3, by);
	rc = q_run_int(q, &got);
	return rc == FZ_ENOTFOUND ? FZ_OK : rc;	/* already read */
}

/* Settings. */

enum fz_err
store_setting_get(struct store *st, const char *key, char **value)
{
	struct dbq	*q;
	int		 r;

	*value = NULL;
	if ((q = q_open(st, STMT_SETTING_GET)) == NULL)
		return q_err(st);
	q_text(q, 1, key);
	if ((r = q_step(q)) == 1)
		*value = q_coldup(q, 0);
	q_reset(q);
	if (r < 0)
		return q_err(st);
	return *value == NULL ? FZ_ENOTFOUND : FZ_OK;
}

enum fz_err
store_setting_put(struct store *st, const char *key, const char *value,
    const char *by)
{
	struct dbq	*q;
	char		 now[21];

	store_now(now);
	if ((q = q_open(st, STMT_SETTING_PUT)) == NULL)
		return q_err(st);
	q_text(q, 1, key);
	q_text(q, 2, value);
	q_text(q, 3, by);
	q_text(q, 4, now);
	return q_run(q);
}

/* The audit log, newest first, by actor and words. */

static void read_audit(struct dbq *, struct audit_entry *);

static enum fz_err
collect_audit(struct dbq *q, struct store *st, struct audit_entry **v,
    size_t *n)
{
	COLLECT(q, st, struct audit_entry, v, n, read_audit);
	return FZ_OK;
}

static void
read_audit(struct dbq *q, struct audit_entry *e)
{
	e->id = q_colint(q, 0);
	q_colcpy(q, 1, e->at, sizeof(e->at));
	e->actor = q_coldup(q, 2);
	e->action = q_coldup(q, 3);
	e->object = q_coldup(q, 4);
	e->detail = q_coldup(q, 5);
}

static void
bind_audit(struct dbq *q, const char *actor, const char *like)
{
	q_text(q, 1, actor ? actor : "");
	q_text(q, 2, like);
}

enum fz_err
store_audit_page(struct store *st, const char *actor, const char *words,
    int limit, int offset, struct audit_entry **v, size_t *n,
    int64_t *total)
{
	struct dbq	*q;
	struct buf	 like = BUF_INIT;
	enum fz_err	 rc;

	*v = NULL;
	*n = 0;
	if (words != NULL && *words != '\0') {
		buf_addch(&like, '%');
		for (; *words != '\0'; words++) {
			if (strchr("%_!", *words) != NULL)
				buf_addch(&like, '!');
			buf_addch(&like, *words);
		}
		buf_addch(&like, '%');
	}
	if ((q = q_open(st, STMT_AUDIT_COUNT)) == NULL) {
		rc = q_err(st);
		goto out;
	}
	bind_audit(q, actor, like.ptr);
	if ((rc = q_run_int(q, total)) != FZ_OK)
		goto out;
	if ((q = q_open(st, STMT_AUDIT_PAGE)) == NULL) {
		rc = q_err(st);
		goto out;
	}
	bind_audit(q, actor, like.ptr);
	q_int(q, 3, limit);
	q_int(q, 4, offset);
	rc = collect_audit(q, st, v, n);
out:
	buf_release(&like);
	return rc;
}

void
audit_entry_release(struct audit_entry *e)
{
	if (e == NULL)
		return;
	free(e->actor);
	free(e->action);
	free(e->object);
	free(e->detail);
}

/* Values of manual indicators in reports. */

enum fz_err
store_report_inds_set(struct store *st, int64_t report_id,
    const struct report_ind *v, size_t n)
{
	struct dbq	*q;
	enum fz_err	 rc;
	size_t		 i;

	if ((q = q_open(st, STMT_RIND_DEL)) == NULL)
		return q_err(st);
	q_int(q, 1, report_id);
	if ((rc = q_run(q)) != FZ_OK)
		return rc;
	for (i = 0; i < n; i++) {
		if ((q = q_open(st, STMT_RIND_INS)) == NULL)
			return q_err(st);
		q_int(q, 1, report_id);
		q_text(q, 2, v[i].name);
		if (v[i].has_value)
			q_real(q, 3, v[i].value);
		else
			q_null(q, 3);
		if (v[i].done >= 0)
			q_int(q, 4, v[i].done);
		else
			q_null(q, 4);
		q_text(q, 5, v[i].note ? v[i].note : "");
		if ((rc = q_run(q)) != FZ_OK)
			return rc;
	}
	return FZ_OK;
}

static void
read_ind(struct dbq *q, struct report_ind *x)
{
	memset(x, 0, sizeof(*x));
	q_colcpy(q, 0, x->name, sizeof(x->name));
	if ((x->has_value = !q_colnull(q, 1)))
		x->value = q_colreal(q, 1);
	x->done = q_colnull(q, 2) ? -1 : (int)q_colint(q, 2);
	x->note = q_coldup(q, 3);
	if (x->note == NULL)
		x->note = xstrdup("");
}

enum fz_err
store_report_inds(struct store *st, int64_t report_id,
    struct report_ind **v, size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_RIND_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, report_id);
	COLLECT(q, st, struct report_ind, v, n, read_ind);
	return FZ_OK;
}

enum fz_err
store_report_ind_latest(struct store *st, int64_t task_id, const char *name,
    struct report_ind *x, int64_t *report_id, char unit_name[160],
    char period_name[64])
{
	struct dbq	*q;
	int		 r;

	*report_id = 0;
	memset(x, 0, sizeof(*x));
	x->done = -1;
	if ((q = q_open(st, STMT_RIND_LATEST)) == NULL)
		return q_err(st);
	q_int(q, 1, task_id);
	q_text(q, 2, name);
	if ((r = q_step(q)) == 1) {
		read_ind(q, x);
		*report_id = q_colint(q, 4);
		q_colcpy(q, 5, unit_name, 160);
		q_colcpy(q, 6, period_name, 64);
	}
	q_reset(q);
	return r < 0 ? q_err(st) : FZ_OK;
}
