/*
 * store_supervise.c: 督察 → 整改 → 销号 in the store, for every backend:
 * findings with their tasks and units, each unit's rectification, its
 * evidence and history, the earlier findings a new one may repeat, the
 * escalation steps taken on overdue items and the counts of the 通报.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

/* An UPDATE … RETURNING id that must touch one row. */
static enum fz_err
q_run_one(struct dbq *q)
{
	int64_t	 got;

	return q_run_int(q, &got);
}

void
finding_release(struct finding *f)
{
	if (f == NULL)
		return;
	free(f->doc_no);
	free(f->doc_title);
	free(f->description);
	free(f->requirement);
	f->doc_no = f->doc_title = f->description = f->requirement = NULL;
}

void
rectification_release(struct rectification *r)
{
	if (r == NULL)
		return;
	free(r->text);
	free(r->check_comment);
	r->text = r->check_comment = NULL;
}

void
finding_event_release(struct finding_event *e)
{
	if (e == NULL)
		return;
	free(e->reason);
	e->reason = NULL;
}

void
escalation_release(struct escalation *e)
{
	if (e == NULL)
		return;
	free(e->reason);
	e->reason = NULL;
}

enum fz_err
store_sup_unit_find(struct store *st, const char *key, int64_t *id)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_SUP_UNIT_FIND)) == NULL)
		return q_err(st);
	q_text(q, 1, key);
	return q_run_int(q, id);
}

enum fz_err
store_sup_task_find(struct store *st, int64_t plan_id, int number,
    int64_t *id)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_SUP_TASK_FIND)) == NULL)
		return q_err(st);
	q_int(q, 1, plan_id);
	q_int(q, 2, number);
	return q_run_int(q, id);
}

static void
read_finding(struct dbq *q, struct finding *f)
{
	f->id = q_colint(q, 0);
	f->plan_id = q_colint(q, 1);
	q_colcpy(q, 2, f->source_kind, sizeof(f->source_kind));
	f->doc_no = q_coldup(q, 3);
	f->doc_title = q_coldup(q, 4);
	q_colcpy(q, 5, f->found_on, sizeof(f->found_on));
	f->description = q_coldup(q, 6);
	f->requirement = q_coldup(q, 7);
	q_colcpy(q, 8, f->deadline, sizeof(f->deadline));
	q_colcpy(q, 9, f->state, sizeof(f->state));
	f->repeat_of = q_colint(q, 10);
	q_colcpy(q, 11, f->created_by, sizeof(f->created_by));
	q_colcpy(q, 12, f->created_at, sizeof(f->created_at));
	q_colcpy(q, 13, f->updated_at, sizeof(f->updated_at));
}

enum fz_err
store_finding_add(struct store *st, struct finding *f)
{
	struct dbq	*q;

	store_now(f->created_at);
	memcpy(f->updated_at, f->created_at, sizeof(f->updated_at));
	if ((q = q_open(st, STMT_FINDING_INSERT)) == NULL)
		return q_err(st);
	q_optint(q, 1, f->plan_id);
	q_text(q, 2, f->source_kind);
	q_text(q, 3, f->doc_no ? f->doc_no : "");
	q_text(q, 4, f->doc_title ? f->doc_title : "");
	q_text(q, 5, f->found_on);
	q_text(q, 6, f->description);
	q_text(q, 7, f->requirement);
	q_text(q, 8, f->deadline);
	q_text(q, 9, f->state);
	q_optint(q, 10, f->repeat_of);
	q_text(q, 11, f->created_by);
	q_text(q, 12, f->created_at);
	return q_run_int(q, &f->id);
}

enum fz_err
store_finding_get(struct store *st, int64_t id, struct finding *f)
{
	struct dbq	*q;

	memset(f, 0, sizeof(*f));
	if ((q = q_open(st, STMT_FINDING_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	ONE(q, st, f, read_finding);
	return FZ_OK;
}

enum fz_err
store_finding_set(struct store *st, int64_t id, const char *state,
    int64_t repeat_of)
{
	struct dbq	*q;
	char		 now[21];

	store_now(now);
	if ((q = q_open(st, STMT_FINDING_SET)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	q_text(q, 2, state);
	q_optint(q, 3, repeat_of);
	q_text(q, 4, now);
	return q_run_one(q);
}

enum fz_err
store_finding_update(struct store *st, const struct finding *f)
{
	struct dbq	*q;
	char		 now[21];

	store_now(now);
	if ((q = q_open(st, STMT_FINDING_UPDATE)) == NULL)
		return q_err(st);
	q_int(q, 1, f->id);
	q_text(q, 2, f->source_kind);
	q_text(q, 3, f->doc_no ? f->doc_no : "");
	q_text(q, 4, f->doc_title ? f->doc_title : "");
	q_text(q, 5, f->description);
	q_text(q, 6, f->requirement);
	q_text(q, 7, f->deadline);
	q_text(q, 8, now);
	return q_run_one(q);
}

enum fz_err
store_finding_task_clear(struct store *st, int64_t finding_id)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_FINDING_TASK_CLEAR)) == NULL)
		return q_err(st);
	q_int(q, 1, finding_id);
	return q_run(q);
}

enum fz_err
store_rect_delete(struct store *st, int64_t rect_id)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_RECT_DELETE)) == NULL)
		return q_err(st);
	q_int(q, 1, rect_id);
	return q_run_one(q);
}

enum fz_err
store_finding_list(struct store *st, const struct finding_filter *fl,
    struct finding **v, size_t *n)
{
	struct dbq	*q;
	char		 year[8] = "";

	*v = NULL;
	*n = 0;
	if (fl->year > 0)
		snprintf(year, sizeof(year), "%04d", fl->year % 10000);
	if ((q = q_open(st, STMT_FINDING_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, fl->unit_id);
	q_text(q, 2, fl->state ? fl->state : "");
	q_text(q, 3, fl->source_kind ? fl->source_kind : "");
	q_int(q, 4, fl->visible_to);
	q_text(q, 5, year);
	q_int(q, 6, fl->limit > 0 ? fl->limit : 100);
	q_int(q, 7, fl->offset > 0 ? fl->offset : 0);
	COLLECT(q, st, struct finding, v, n, read_finding);
	return FZ_OK;
}

enum fz_err
store_finding_task_add(struct store *st, int64_t finding_id, int64_t task_id)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_FINDING_TASK_INS)) == NULL)
		return q_err(st);
	q_int(q, 1, finding_id);
	q_int(q, 2, task_id);
	return q_run(q);
}

static void
read_ftask(struct dbq *q, struct finding_task *t)
{
	t->task_id = q_colint(q, 0);
	t->number = (int)q_colint(q, 1);
}

enum fz_err
store_finding_tasks(struct store *st, int64_t finding_id,
    struct finding_task **v, size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_FINDING_TASK_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, finding_id);
	COLLECT(q, st, struct finding_task, v, n, read_ftask);
	return FZ_OK;
}

static void
read_similar(struct dbq *q, struct finding_similar *s)
{
	s->id = q_colint(q, 0);
	q_colcpy(q, 1, s->found_on, sizeof(s->found_on));
	s->same_task = q_colint(q, 2) > 0;
	s->same_unit = q_colint(q, 3) > 0;
	s->description = q_coldup(q, 4);
}

enum fz_err
store_finding_similar(struct store *st, int64_t finding_id, const char *since,
    const char *until, struct finding_similar **v, size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_FINDING_SIMILAR)) == NULL)
		return q_err(st);
	q_int(q, 1, finding_id);
	q_text(q, 2, since);
	q_text(q, 3, until);
	COLLECT(q, st, struct finding_similar, v, n, read_similar);
	return FZ_OK;
}

enum fz_err
store_rect_add(struct store *st, struct rectification *r)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_RECT_INSERT)) == NULL)
		return q_err(st);
	q_int(q, 1, r->finding_id);
	q_int(q, 2, r->unit_id);
	q_text(q, 3, r->state);
	return q_run_int(q, &r->id);
}

static void
read_rect(struct dbq *q, struct rectification *r)
{
	r->id = q_colint(q, 0);
	r->finding_id = q_colint(q, 1);
	r->unit_id = q_colint(q, 2);
	q_colcpy(q, 3, r->unit_name, sizeof(r->unit_name));
	q_colcpy(q, 4, r->state, sizeof(r->state));
	r->text = q_coldup(q, 5);
	q_colcpy(q, 6, r->submitted_by, sizeof(r->submitted_by));
	q_colcpy(q, 7, r->submitted_at, sizeof(r->submitted_at));
	q_colcpy(q, 8, r->checked_by, sizeof(r->checked_by));
	q_colcpy(q, 9, r->checked_at, sizeof(r->checked_at));
	r->check_comment = q_coldup(q, 10);
	q_colcpy(q, 11, r->closed_by, sizeof(r->closed_by));
	q_colcpy(q, 12, r->closed_at, sizeof(r->closed_at));
	r->reopened = (int)q_colint(q, 13);
	r->nevidence = (int)q_colint(q, 14);
	q_colcpy(q, 15, r->deadline, sizeof(r->deadline));
}

enum fz_err
store_rect_list(struct store *st, int64_t finding_id,
    struct rectification **v, size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_RECT_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, finding_id);
	COLLECT(q, st, struct rectification, v, n, read_rect);
	return FZ_OK;
}

enum fz_err
store_rect_update(struct store *st, const struct rectification *r)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_RECT_UPDATE)) == NULL)
		return q_err(st);
	q_int(q, 1, r->id);
	q_text(q, 2, r->state);
	q_text(q, 3, r->text ? r->text : "");
	q_opt(q, 4, r->submitted_by);
	q_opt(q, 5, r->submitted_at);
	q_opt(q, 6, r->checked_by);
	q_opt(q, 7, r->checked_at);
	q_opt(q, 8, r->check_comment);
	q_opt(q, 9, r->closed_by);
	q_opt(q, 10, r->closed_at);
	q_int(q, 11, r->reopened);
	return q_run_one(q);
}

enum fz_err
store_rect_owner(struct store *st, int64_t id, int64_t *finding_id,
    int64_t *unit_id)
{
	struct dbq	*q;
	int		 r;

	if ((q = q_open(st, STMT_RECT_OWNER)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	if ((r = q_step(q)) == 1) {
		*finding_id = q_colint(q, 0);
		*unit_id = q_colint(q, 1);
	}
	q_reset(q);
	if (r < 0)
		return q_err(st);
	return r == 0 ? FZ_ENOTFOUND : FZ_OK;
}

enum fz_err
store_finding_event_add(struct store *st, struct finding_event *e)
{
	struct dbq	*q;

	store_now(e->at);
	if ((q = q_open(st, STMT_FINDING_EVENT_INS)) == NULL)
		return q_err(st);
	q_int(q, 1, e->finding_id);
	q_optint(q, 2, e->unit_id);
	q_text(q, 3, e->at);
	q_text(q, 4, e->actor);
	q_text(q, 5, e->action);
	q_text(q, 6, e->before);
	q_text(q, 7, e->after);
	q_text(q, 8, e->reason ? e->reason : "");
	return q_run_int(q, &e->id);
}

static void
read_fevent(struct dbq *q, struct finding_event *e)
{
	e->id = q_colint(q, 0);
	e->finding_id = q_colint(q, 1);
	e->unit_id = q_colint(q, 2);
	q_colcpy(q, 3, e->unit_name, sizeof(e->unit_name));
	q_colcpy(q, 4, e->at, sizeof(e->at));
	q_colcpy(q, 5, e->actor, sizeof(e->actor));
	q_colcpy(q, 6, e->action, sizeof(e->action));
	q_colcpy(q, 7, e->before, sizeof(e->before));
	q_colcpy(q, 8, e->after, sizeof(e->after));
	e->reason = q_coldup(q, 9);
}

enum fz_err
store_finding_events(struct store *st, int64_t finding_id,
    struct finding_event **v, size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_FINDING_EVENT_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, finding_id);
	COLLECT(q, st, struct finding_event, v, n, read_fevent);
	return FZ_OK;
}

/* Evidence of a rectification: struct evidence with report_id holding
 * the rectification's id. */
static void
read_fevid(struct dbq *q, struct evidence *e)
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
store_finding_evidence_add(struct store *st, struct evidence *e)
{
	struct dbq	*q;

	store_now(e->uploaded_at);
	if ((q = q_open(st, STMT_FINDING_EVID_INS)) == NULL)
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
store_finding_evidence_get(struct store *st, int64_t id, struct evidence *e)
{
	struct dbq	*q;

	memset(e, 0, sizeof(*e));
	if ((q = q_open(st, STMT_FINDING_EVID_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	ONE(q, st, e, read_fevid);
	return FZ_OK;
}

enum fz_err
store_finding_evidence_list(struct store *st, int64_t rect_id,
    struct evidence **v, size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_FINDING_EVID_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, rect_id);
	COLLECT(q, st, struct evidence, v, n, read_fevid);
	return FZ_OK;
}

enum fz_err
store_escalation_add(struct store *st, struct escalation *e, int *added)
{
	struct dbq	*q;
	enum fz_err	 rc;

	*added = 0;
	store_now(e->created_at);
	if ((q = q_open(st, STMT_ESC_INSERT)) == NULL)
		return q_err(st);
	q_int(q, 1, e->unit_id);
	q_text(q, 2, e->item);
	q_optint(q, 3, e->finding_id);
	q_text(q, 4, e->step);
	q_text(q, 5, e->state);
	q_text(q, 6, e->on_date);
	q_int(q, 7, e->days_overdue);
	q_text(q, 8, e->actor);
	q_text(q, 9, e->reason ? e->reason : "");
	q_text(q, 10, e->created_at);
	rc = q_run_int(q, &e->id);
	if (rc == FZ_ENOTFOUND)
		return FZ_OK;		/* taken before */
	if (rc == FZ_OK)
		*added = 1;
	return rc;
}

static void
read_esc(struct dbq *q, struct escalation *e)
{
	e->id = q_colint(q, 0);
	e->unit_id = q_colint(q, 1);
	q_colcpy(q, 2, e->unit_name, sizeof(e->unit_name));
	q_colcpy(q, 3, e->item, sizeof(e->item));
	e->finding_id = q_colint(q, 4);
	q_colcpy(q, 5, e->step, sizeof(e->step));
	q_colcpy(q, 6, e->state, sizeof(e->state));
	q_colcpy(q, 7, e->on_date, sizeof(e->on_date));
	e->days_overdue = (int)q_colint(q, 8);
	q_colcpy(q, 9, e->actor, sizeof(e->actor));
	e->reason = q_coldup(q, 10);
	q_colcpy(q, 11, e->created_at, sizeof(e->created_at));
	q_colcpy(q, 12, e->confirmed_by, sizeof(e->confirmed_by));
	q_colcpy(q, 13, e->confirmed_at, sizeof(e->confirmed_at));
}

enum fz_err
store_escalation_list(struct store *st, int64_t unit_id, const char *item,
    struct escalation **v, size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_ESC_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, unit_id);
	q_text(q, 2, item ? item : "");
	COLLECT(q, st, struct escalation, v, n, read_esc);
	return FZ_OK;
}

enum fz_err
store_escalation_confirm(struct store *st, int64_t id, const char *by)
{
	struct dbq	*q;
	char		 now[21];

	store_now(now);
	if ((q = q_open(st, STMT_ESC_CONFIRM)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	q_text(q, 2, by);
	q_text(q, 3, now);
	return q_run_one(q);
}

static void
read_overdue_rect(struct dbq *q, struct overdue_item *o)
{
	o->unit_id = q_colint(q, 0);
	q_colcpy(q, 1, o->unit_name, sizeof(o->unit_name));
	o->finding_id = q_colint(q, 2);
	q_colcpy(q, 3, o->deadline, sizeof(o->deadline));
}

static void
read_overdue_missed(struct dbq *q, struct overdue_item *o)
{
	o->unit_id = q_colint(q, 0);
	q_colcpy(q, 1, o->unit_name, sizeof(o->unit_name));
	o->period_id = q_colint(q, 2);
	o->task_id = q_colint(q, 3);
	o->task_number = (int)q_colint(q, 4);
	q_colcpy(q, 5, o->deadline, sizeof(o->deadline));
}

enum fz_err
store_overdue_items(struct store *st, const char *today,
    struct overdue_item **v, size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_OVERDUE_RECT)) == NULL)
		return q_err(st);
	q_text(q, 1, today);
	COLLECT(q, st, struct overdue_item, v, n, read_overdue_rect);
	if ((q = q_open(st, STMT_OVERDUE_MISSED)) == NULL)
		return q_err(st);
	q_text(q, 1, today);
	COLLECT(q, st, struct overdue_item, v, n, read_overdue_missed);
	return FZ_OK;
}

static void
read_bulletin(struct dbq *q, struct bulletin_row *b)
{
	b->unit_id = q_colint(q, 0);
	q_colcpy(q, 1, b->unit_name, sizeof(b->unit_name));
	b->submitted = (int)q_colint(q, 2);
	b->on_time = (int)q_colint(q, 3);
	b->accepted = (int)q_colint(q, 4);
	b->first_pass = (int)q_colint(q, 5);
	b->missed = (int)q_colint(q, 6);
	b->overdue_findings = (int)q_colint(q, 7);
	b->open_findings = (int)q_colint(q, 8);
}

enum fz_err
store_bulletin_rows(struct store *st, int64_t plan_id, const char *as_of,
    struct bulletin_row **v, size_t *n)
{
	struct dbq	*q;

	*v = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_BULLETIN_ROWS)) == NULL)
		return q_err(st);
	q_int(q, 1, plan_id);
	q_text(q, 2, as_of);
	COLLECT(q, st, struct bulletin_row, v, n, read_bulletin);
	return FZ_OK;
}
