/*
 * store_plan.c: plans in the store, for every backend: find, list, load a
 * whole plan (sections, tasks, measures, unit references with their
 * members, indicators) and write one, updating in place so task ids stay.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum fz_err
store_plan_find(struct store *st, const char *doc_no, const char *title,
    int64_t *id)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_PLAN_FIND)) == NULL)
		return FZ_EDB;
	q_text(q, 1, doc_no);
	q_text(q, 2, title);
	return q_run_int(q, id);
}

enum fz_err
store_plan_iter(struct store *st, store_plan_cb cb, void *arg)
{
	struct dbq		*q;
	struct plan_summary	 s;
	int			 r;

	if ((q = q_open(st, STMT_PLAN_LIST)) == NULL)
		return FZ_EDB;
	while ((r = q_step(q)) == 1) {
		s.id = q_colint(q, 0);
		s.doc_no = q_col(q, 1);
		s.title = q_col(q, 2);
		s.year = q_colint(q, 3);
		s.revision = q_colint(q, 4);
		s.updated_at = q_col(q, 5);
		s.ntasks = q_colint(q, 6);
		if (cb(&s, arg) != 0)
			break;
	}
	if (r < 0) {
		enum fz_err rc = q_err(st);
		q_reset(q);
		return rc;
	}
	q_reset(q);
	return FZ_OK;
}

static struct task *
task_by_id(struct plan *p, int64_t id)
{
	size_t	 i;

	for (i = 0; i < p->ntasks; i++)
		if (p->tasks[i].id == id)
			return &p->tasks[i];
	return NULL;
}

/* Where each unit reference row of a plan went, by its row id. */
struct refpos {
	int64_t		 id;
	struct unit_ref	*ref;
};

struct loader {
	struct plan	*p;
	struct refpos	*pos;
	size_t		 npos, cap;
};

static int
refpos_cmp(const void *a, const void *b)
{
	const struct refpos	*x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* Run the statement for every row of plan id, calling row() on each. */
static enum fz_err
each_row(struct store *st, enum stmt s, int64_t id,
    void (*row)(struct dbq *, struct loader *), struct loader *l)
{
	struct dbq	*q;
	int		 r;

	if ((q = q_open(st, s)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	while ((r = q_step(q)) == 1)
		row(q, l);
	q_reset(q);
	return r < 0 ? q_err(st) : FZ_OK;
}

static void
row_source(struct dbq *q, struct loader *l)
{
	const char	*h = q_col(q, 2);

	l->p->source_name = q_coldup(q, 0);
	l->p->source_format = q_coldup(q, 1);
	snprintf(l->p->source_sha256, sizeof(l->p->source_sha256), "%s",
	    h ? h : "");
	l->p->source_bytes = (size_t)q_colint(q, 3);
	l->p->source_text = q_coldup(q, 4);
}

static void
row_section(struct dbq *q, struct loader *l)
{
	struct section	*s = plan_section_new(l->p);

	s->id = q_colint(q, 0);
	s->order = (int)q_colint(q, 1);
	s->numeral = q_coldup(q, 2);
	s->title = q_coldup(q, 3);
	s->has_tasks = (int)q_colint(q, 4);
	s->line = (int)q_colint(q, 5);
}

static void
row_task(struct dbq *q, struct loader *l)
{
	struct task	*t = plan_task_new(l->p);

	t->id = q_colint(q, 0);
	t->number = (int)q_colint(q, 1);
	t->label = q_coldup(q, 2);
	t->section = (int)q_colint(q, 3);
	t->title = q_coldup(q, 4);
	t->text = q_coldup(q, 5);
	t->annotation = q_coldup(q, 6);
	t->deadline_text = q_coldup(q, 7);
	t->line = (int)q_colint(q, 8);
}

static void
row_measure(struct dbq *q, struct loader *l)
{
	struct task	*t = task_by_id(l->p, q_colint(q, 0));

	if (t != NULL)
		task_measure_add(t, q_col(q, 1));
}

static void
row_ref(struct dbq *q, struct loader *l)
{
	struct task	*t = task_by_id(l->p, q_colint(q, 1));
	struct unit_ref	*ref;
	int		 k;

	if (t == NULL)
		return;
	ref = task_ref_new(t, str_eq(q_col(q, 2), "lead") ? ROLE_LEAD :
	    ROLE_RESP);
	ref->phrase = q_coldup(q, 3);
	ref->kind = REF_UNKNOWN;
	for (k = 0; k < REF__MAX; k++)
		if (str_eq(ref_kind_key((enum ref_kind)k), q_col(q, 4)))
			ref->kind = (enum ref_kind)k;
	ref->group = q_coldup(q, 5);
	/* The arrays still grow: pointers are taken once all are read. */
	VEC_GROW(l->pos, l->npos, l->cap);
	l->pos[l->npos].id = q_colint(q, 0);
	l->pos[l->npos++].ref = NULL;
}

static void
row_member(struct dbq *q, struct loader *l)
{
	struct refpos	 key, *hit;

	key.id = q_colint(q, 0);
	if (l->npos == 0 || (hit = bsearch(&key, l->pos, l->npos,
	    sizeof(*l->pos), refpos_cmp)) == NULL)
		return;
	unit_ref_add_unit(hit->ref, q_col(q, 2), q_colint(q, 1));
}

static void
row_indicator(struct dbq *q, struct loader *l)
{
	struct task		*t = task_by_id(l->p, q_colint(q, 0));
	struct indicator	*in;

	if (t == NULL)
		return;
	in = task_ind_new(t);
	in->phrase = q_coldup(q, 1);
	in->name = q_coldup(q, 2);
	in->sentence = q_coldup(q, 3);
	if (!ind_kind_parse(q_col(q, 4), &in->kind))
		in->kind = IND_RATE;
	in->comparator = q_coldup(q, 5);
	in->target = q_colreal(q, 6);
	in->target_date = q_coldup(q, 7);
	in->unit = q_coldup(q, 8);
	if (!ind_period_parse(q_col(q, 9), &in->period))
		in->period = PERIOD_NONE;
	in->per_unit = (int)q_colint(q, 10);
}

/* Refs come ordered by task number, role and order, as the arrays are. */
static void
point_refs(struct loader *l)
{
	struct plan	*p = l->p;
	size_t		 i, j, k = 0;
	int		 role;

	for (i = 0; i < p->ntasks; i++)
		for (role = 0; role < ROLE__MAX; role++)
			for (j = 0; j < p->tasks[i].nrefs[role] &&
			    k < l->npos; j++)
				l->pos[k++].ref = &p->tasks[i].refs[role][j];
	if (l->npos > 0)
		qsort(l->pos, l->npos, sizeof(*l->pos), refpos_cmp);
}

static void
row_plan(struct dbq *q, struct loader *l)
{
	struct plan	*p = l->p;

	p->doc_no = q_coldup(q, 0);
	p->issuer = q_coldup(q, 1);
	p->notice_title = q_coldup(q, 2);
	p->title = q_coldup(q, 3);
	p->year = (int)q_colint(q, 4);
	p->issue_date = q_coldup(q, 5);
	p->recipients = q_coldup(q, 6);
	p->cc = q_coldup(q, 7);
	p->is_public = q_colnull(q, 8) ? -1 : (int)q_colint(q, 8);
	p->preamble = q_coldup(q, 9);
	p->revision = (int)q_colint(q, 10);
	p->imported_at = q_coldup(q, 11);
}

enum fz_err
store_plan_get(struct store *st, int64_t id, struct plan *p)
{
	struct loader	 l;
	enum fz_err	 rc;

	plan_init(p);
	p->id = id;
	memset(&l, 0, sizeof(l));
	l.p = p;
	if ((rc = each_row(st, STMT_PLAN_GET, id, row_plan, &l)) != FZ_OK)
		goto out;
	if (p->title == NULL) {
		rc = store_fail(st, FZ_ENOTFOUND, "计划 %lld 不存在",
		    (long long)id);
		goto out;
	}
	if ((rc = each_row(st, STMT_SOURCE_LATEST, id, row_source,
	    &l)) != FZ_OK ||
	    (rc = each_row(st, STMT_SECTION_LIST, id, row_section,
	    &l)) != FZ_OK ||
	    (rc = each_row(st, STMT_TASK_LIST, id, row_task, &l)) != FZ_OK ||
	    (rc = each_row(st, STMT_MEASURE_LIST, id, row_measure,
	    &l)) != FZ_OK ||
	    (rc = each_row(st, STMT_REF_LIST, id, row_ref, &l)) != FZ_OK)
		goto out;
	point_refs(&l);
	if ((rc = each_row(st, STMT_MEMBER_LIST, id, row_member,
	    &l)) != FZ_OK ||
	    (rc = each_row(st, STMT_IND_LIST, id, row_indicator, &l)) !=
	    FZ_OK)
		goto out;
out:
	free(l.pos);
	if (rc != FZ_OK)
		plan_release(p);
	return rc;
}

static void
bind_plan_fields(struct dbq *q, int first, const struct plan *p)
{
	int	 i = first;

	q_text(q, i++, p->doc_no);
	q_text(q, i++, p->issuer);
	q_text(q, i++, p->notice_title);
	q_text(q, i++, p->title);
	if (p->year > 0)
		q_int(q, i++, p->year);
	else
		q_null(q, i++);
	q_text(q, i++, p->issue_date);
	q_text(q, i++, p->recipients);
	q_text(q, i++, p->cc);
	if (p->is_public >= 0)
		q_int(q, i++, p->is_public);
	else
		q_null(q, i++);
	q_text(q, i++, p->preamble);
}

static void
bind_task_fields(struct dbq *q, const struct task *t)
{
	q_int(q, 2, t->number);
	q_text(q, 3, t->label);
	q_int(q, 4, t->section);
	q_text(q, 5, t->title);
	q_text(q, 6, t->text);
	q_text(q, 7, t->annotation);
	q_text(q, 8, t->deadline_text);
	q_int(q, 9, t->line);
}

/* Insert a task's measures, unit references and indicators. */
static enum fz_err
put_children(struct store *st, const struct task *t)
{
	struct dbq	*q;
	enum fz_err	 rc;
	size_t		 i, j;
	int		 role;

	for (i = 0; i < t->nmeasures; i++) {
		if ((q = q_open(st, STMT_MEASURE_INS)) == NULL)
			return FZ_EDB;
		q_int(q, 1, t->id);
		q_int(q, 2, (int)i + 1);
		q_text(q, 3, t->measures[i]);
		if ((rc = q_run(q)) != FZ_OK)
			return rc;
	}
	for (role = 0; role < ROLE__MAX; role++) {
		for (i = 0; i < t->nrefs[role]; i++) {
			const struct unit_ref	*r = &t->refs[role][i];
			int64_t			 rid;

			if ((q = q_open(st, STMT_REF_INS)) == NULL)
				return FZ_EDB;
			q_int(q, 1, t->id);
			q_text(q, 2, role == ROLE_LEAD ? "lead" :
			    "responsible");
			q_int(q, 3, (int)i + 1);
			q_text(q, 4, r->phrase);
			q_text(q, 5, ref_kind_key(r->kind));
			q_text(q, 6, r->group);
			if ((rc = q_run_int(q, &rid)) != FZ_OK)
				return rc;
			for (j = 0; j < r->nunits; j++) {
				if ((q = q_open(st, STMT_MEMBER_INS)) == NULL)
					return FZ_EDB;
				q_int(q, 1, rid);
				q_int(q, 2, (int)j + 1);
				if (r->unit_ids != NULL && r->unit_ids[j] > 0)
					q_int(q, 3,
					    r->unit_ids[j]);
				else
					q_null(q, 3);
				q_text(q, 4, r->units[j]);
				if ((rc = q_run(q)) != FZ_OK)
					return rc;
			}
		}
	}
	for (i = 0; i < t->ninds; i++) {
		const struct indicator *in = &t->inds[i];

		if ((q = q_open(st, STMT_IND_INS)) == NULL)
			return FZ_EDB;
		q_int(q, 1, t->id);
		q_int(q, 2, (int)i + 1);
		q_text(q, 3, in->phrase);
		q_text(q, 4, in->name);
		q_text(q, 5, in->sentence);
		q_text(q, 6, ind_kind_key(in->kind));
		q_text(q, 7, in->comparator);
		if (in->kind == IND_DEADLINE)
			q_null(q, 8);
		else
			q_real(q, 8, in->target);
		q_text(q, 9, in->target_date);
		q_text(q, 10, in->unit);
		q_text(q, 11, ind_period_key(in->period));
		q_int(q, 12, in->per_unit);
		if ((rc = q_run(q)) != FZ_OK)
			return rc;
	}
	return FZ_OK;
}

static enum fz_err
del_children(struct store *st, int64_t tid)
{
	static const enum stmt	 dels[] = {
		STMT_MEASURE_DEL, STMT_REF_DEL, STMT_IND_DEL
	};
	struct dbq		*q;
	enum fz_err		 rc;
	size_t			 i;

	for (i = 0; i < sizeof(dels) / sizeof(dels[0]); i++) {
		if ((q = q_open(st, dels[i])) == NULL)
			return FZ_EDB;
		q_int(q, 1, tid);
		if ((rc = q_run(q)) != FZ_OK)
			return rc;
	}
	return FZ_OK;
}

/* Delete the stored tasks of plan p that p no longer has. */
static enum fz_err
delete_dropped_tasks(struct store *st, const struct plan *p)
{
	struct dbq	*q;
	int64_t		*ids = NULL;
	size_t		 n = 0, cap = 0, i, j;
	enum fz_err	 rc = FZ_EDB;
	int		 r;

	if ((q = q_open(st, STMT_TASK_IDS)) == NULL)
		goto out;
	q_int(q, 1, p->id);
	while ((r = q_step(q)) == 1) {
		VEC_GROW(ids, n, cap);
		ids[n++] = q_colint(q, 0);
	}
	q_reset(q);
	if (r != 0) {
		rc = q_err(st);
		goto out;
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < p->ntasks; j++)
			if (p->tasks[j].id == ids[i])
				break;
		if (j < p->ntasks)
			continue;
		if ((q = q_open(st, STMT_TASK_DELETE)) == NULL)
			goto out;
		q_int(q, 1, ids[i]);
		if ((rc = q_run(q)) != FZ_OK)
			goto out;
	}
	rc = FZ_OK;
out:
	free(ids);
	return rc;
}

enum fz_err
store_plan_put(struct store *st, struct plan *p)
{
	struct dbq	*q;
	char		 now[21];
	enum fz_err	 rc;
	int64_t		 rev = 1, tid;
	size_t		 i;

	store_now(now);
	if (p->id == 0) {
		if ((q = q_open(st, STMT_PLAN_INSERT)) == NULL)
			return FZ_EDB;
		bind_plan_fields(q, 1, p);
		q_text(q, 11, now);
		if ((rc = q_run_int(q, &p->id)) != FZ_OK) {
			if (rc == FZ_ECONFLICT)
				store_seterr(st, "文号“%s”的计划已存在",
				    p->doc_no);
			return rc;
		}
	} else {
		if ((q = q_open(st, STMT_PLAN_UPDATE)) == NULL)
			return FZ_EDB;
		q_int(q, 1, p->id);
		bind_plan_fields(q, 2, p);
		q_text(q, 12, now);
		if ((rc = q_run_int(q, &rev)) != FZ_OK)
			return rc;
	}
	p->revision = (int)rev;

	if ((q = q_open(st, STMT_SOURCE_INSERT)) == NULL)
		return FZ_EDB;
	q_int(q, 1, p->id);
	q_int(q, 2, rev);
	q_text(q, 3, p->source_name ? p->source_name : "");
	q_text(q, 4, p->source_format ? p->source_format : "");
	q_text(q, 5, p->source_sha256);
	q_int(q, 6, (int64_t)p->source_bytes);
	q_text(q, 7, p->source_text ? p->source_text : "");
	q_text(q, 8, now);
	if ((rc = q_run(q)) != FZ_OK)
		return rc;

	for (i = 0; i < p->nsections; i++) {
		struct section *s = &p->sections[i];
		int64_t sid;

		if ((q = q_open(st, STMT_SECTION_PUT)) == NULL)
			return FZ_EDB;
		q_int(q, 1, p->id);
		q_int(q, 2, s->order);
		q_text(q, 3, s->numeral);
		q_text(q, 4, s->title);
		q_int(q, 5, s->has_tasks);
		q_int(q, 6, s->line);
		if ((rc = q_run_int(q, &sid)) != FZ_OK)
			return rc;
		s->id = sid;
	}
	if ((q = q_open(st, STMT_SECTION_TRIM)) == NULL)
		return FZ_EDB;
	q_int(q, 1, p->id);
	q_int(q, 2, (int64_t)p->nsections);
	if ((rc = q_run(q)) != FZ_OK)
		return rc;

	if ((rc = delete_dropped_tasks(st, p)) != FZ_OK)
		return rc;
	/* Free every number first, so renumbering cannot collide. */
	if ((q = q_open(st, STMT_TASK_NEGATE)) == NULL)
		return FZ_EDB;
	q_int(q, 1, p->id);
	if ((rc = q_run(q)) != FZ_OK)
		return rc;
	for (i = 0; i < p->ntasks; i++) {
		struct task *t = &p->tasks[i];

		if (t->id != 0) {
			if ((q = q_open(st, STMT_TASK_UPDATE)) == NULL)
				return FZ_EDB;
			q_int(q, 1, t->id);
			bind_task_fields(q, t);
			q_int(q, 10, p->id);
			if ((rc = q_run_int(q, &tid)) == FZ_ENOTFOUND) {
				store_seterr(st, "任务 %lld 不属于计划 %lld",
				    (long long)t->id, (long long)p->id);
				return FZ_ECONFLICT;
			}
			if (rc != FZ_OK)
				return rc;
			if ((rc = del_children(st, t->id)) != FZ_OK)
				return rc;
		} else {
			if ((q = q_open(st, STMT_TASK_INSERT)) == NULL)
				return FZ_EDB;
			q_int(q, 1, p->id);
			bind_task_fields(q, t);
			if ((rc = q_run_int(q, &t->id)) != FZ_OK)
				return rc;
		}
		if ((rc = put_children(st, t)) != FZ_OK)
			return rc;
	}
	return FZ_OK;
}

