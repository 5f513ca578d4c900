/*
 * plan.c: importing a plan document into the store. Read the file, parse
 * it, resolve its units, compare it with the stored plan of the same 文号
 * (a diff of tasks added, removed, changed and with changed units) and
 * store it in one transaction, keeping task ids stable on update.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static void
intv_add(int **v, size_t *n, int x)
{
	*v = xreallocarray(*v, st_add(*n, 1), sizeof(int));
	(*v)[(*n)++] = x;
}

void
plan_diff_release(struct plan_diff *d)
{
	if (d == NULL)
		return;
	free(d->added);
	free(d->removed);
	free(d->changed);
	free(d->units_changed);
	memset(d, 0, sizeof(*d));
}

int
core_plan_diff_empty(const struct plan_diff *d)
{
	return d->nadded == 0 && d->nremoved == 0 && d->nchanged == 0 &&
	    d->nunits_changed == 0 && !d->renumbered && !d->meta_changed;
}

static int
refs_equal(const struct task *a, const struct task *b)
{
	size_t	 i;
	int	 role;

	for (role = 0; role < ROLE__MAX; role++) {
		if (a->nrefs[role] != b->nrefs[role])
			return 0;
		for (i = 0; i < a->nrefs[role]; i++) {
			const struct unit_ref *x = &a->refs[role][i];
			const struct unit_ref *y = &b->refs[role][i];
			size_t k;

			if (!str_eq(x->phrase, y->phrase) ||
			    x->nunits != y->nunits)
				return 0;
			for (k = 0; k < x->nunits; k++)
				if (!str_eq(x->units[k], y->units[k]))
					return 0;
		}
	}
	return 1;
}

static int
meta_equal(const struct plan *a, const struct plan *b)
{
	size_t	 i;

	if (!str_eq(a->title, b->title) || !str_eq(a->issuer, b->issuer) ||
	    !str_eq(a->notice_title, b->notice_title) ||
	    a->year != b->year || !str_eq(a->issue_date, b->issue_date) ||
	    !str_eq(a->recipients, b->recipients) || !str_eq(a->cc, b->cc) ||
	    a->is_public != b->is_public ||
	    !str_eq(a->preamble, b->preamble) ||
	    a->nsections != b->nsections)
		return 0;
	for (i = 0; i < a->nsections; i++)
		if (!str_eq(a->sections[i].title, b->sections[i].title) ||
		    !str_eq(a->sections[i].numeral, b->sections[i].numeral))
			return 0;
	return 1;
}

void
core_plan_diff(const struct plan *old, struct plan *new, struct plan_diff *d)
{
	char	*used;
	size_t	 i, j;

	memset(d, 0, sizeof(*d));
	used = xcalloc(old->ntasks + 1, 1);
	for (i = 0; i < new->ntasks; i++) {
		struct task *t = &new->tasks[i];

		t->id = 0;
		for (j = 0; j < old->ntasks; j++)
			if (!used[j] && str_eq(old->tasks[j].title, t->title))
				break;
		if (j == old->ntasks) {
			intv_add(&d->added, &d->nadded, t->number);
			continue;
		}
		used[j] = 1;
		t->id = old->tasks[j].id;
		if (!str_eq(old->tasks[j].text, t->text) ||
		    !str_eq(old->tasks[j].deadline_text, t->deadline_text))
			intv_add(&d->changed, &d->nchanged,
			    old->tasks[j].number);
		if (!refs_equal(&old->tasks[j], t) ||
		    !str_eq(old->tasks[j].annotation, t->annotation))
			intv_add(&d->units_changed, &d->nunits_changed,
			    old->tasks[j].number);
		if (old->tasks[j].number != t->number ||
		    old->tasks[j].section != t->section)
			d->renumbered = 1;
	}
	for (j = 0; j < old->ntasks; j++)
		if (!used[j])
			intv_add(&d->removed, &d->nremoved,
			    old->tasks[j].number);
	d->meta_changed = !meta_equal(old, new);
	free(used);
}

static int
first_plan(const struct plan_summary *ps, void *arg)
{
	*(int64_t *)arg = ps->id;
	return 1;
}

enum fz_err
core_plan_lookup(struct store *st, const char *key, int64_t *id)
{
	long long	 v;
	enum fz_err	 rc;

	*id = 0;
	if (key == NULL) {
		if ((rc = store_plan_iter(st, first_plan, id)) != FZ_OK)
			return rc;
		return *id == 0 ? FZ_ENOTFOUND : FZ_OK;
	}
	if (str_toint(key, 1, INT64_MAX, &v) == FZ_OK) {
		*id = v;
		return FZ_OK;
	}
	return store_plan_find(st, key, NULL, id);
}

static void
plan_summary_line(struct buf *b, const struct plan *p)
{
	buf_addf(b, "%s（%s）", p->title, p->doc_no ? p->doc_no : "无文号");
}

enum fz_err
core_plan_import(struct store *st, const char *path,
    const struct import_opts *o, struct plan *p, struct import_result *res,
    struct diags *dg)
{
	struct buf	 data = BUF_INIT, err = BUF_INIT, detail = BUF_INIT;
	struct unit_dir	 dir = { 0 };
	struct plan	 old;
	int64_t		 id = 0;
	enum fz_err	 rc;
	int		 in_tx = 0;

	memset(res, 0, sizeof(*res));
	plan_init(&old);
	plan_init(p);
	if ((rc = file_read(path, IMPORT_MAX_BYTES, &data, &err)) != FZ_OK) {
		diags_error(dg, 0, 0, rc == FZ_ETOOBIG ? "too_big" : "io",
		    "%s", err.ptr);
		goto out;
	}
	if ((rc = import_plan(data.ptr, data.len, path, o->format, p,
	    dg)) != FZ_OK)
		goto out;
	if ((rc = core_units_load(st, &dir)) != FZ_OK) {
		diags_error(dg, 0, 0, "db", "%s", store_errmsg(st));
		goto out;
	}
	core_plan_resolve(p, &dir, dg);

	/* Read and write in one transaction: nothing changes in between. */
	if (!o->dry_run) {
		if ((rc = store_begin(st)) != FZ_OK)
			goto dberr;
		in_tx = 1;
	}
	rc = store_plan_find(st, p->doc_no, p->title, &id);
	if (rc != FZ_OK && rc != FZ_ENOTFOUND)
		goto dberr;
	if (rc == FZ_OK) {
		res->exists = 1;
		if ((rc = store_plan_get(st, id, &old)) != FZ_OK)
			goto dberr;
		core_plan_diff(&old, p, &res->diff);
		p->id = id;
		if (core_plan_diff_empty(&res->diff) &&
		    str_eq(old.source_sha256, p->source_sha256)) {
			res->action = IMPORT_UNCHANGED;
			p->revision = old.revision;
			rc = FZ_OK;
			goto out;
		}
		if (o->dry_run || !o->update) {
			res->action = o->dry_run ? IMPORT_CHECKED :
			    IMPORT_DIFFERS;
			rc = FZ_OK;
			goto out;
		}
		res->action = IMPORT_UPDATED;
	} else {
		p->id = 0;
		if (o->dry_run) {
			res->action = IMPORT_CHECKED;
			rc = FZ_OK;
			goto out;
		}
		res->action = IMPORT_CREATED;
	}
	if ((rc = store_plan_put(st, p)) != FZ_OK)
		goto dberr;
	/* Each resolved unit of a task is assigned it (交办). */
	if ((rc = store_assignment_sync(st, p->id)) != FZ_OK)
		goto dberr;
	/* Indicators named as a definition (报备率…) are computed by it. */
	if ((rc = store_ind_link_auto(st, p->id, o->actor)) != FZ_OK)
		goto dberr;
	plan_summary_line(&detail, p);
	buf_addf(&detail, "，%zu 项任务，来源 %s（SHA-256 %s）", p->ntasks,
	    p->source_name, p->source_sha256);
	if ((rc = store_audit(st, o->actor, res->action == IMPORT_CREATED ?
	    "plan.create" : "plan.update", p->doc_no ? p->doc_no : p->title,
	    detail.ptr)) != FZ_OK)
		goto dberr;
	if ((rc = store_commit(st)) != FZ_OK)
		goto dberr;
	in_tx = 0;
	goto out;
dberr:
	diags_error(dg, 0, 0, "db", "%s", store_errmsg(st));
	if (rc == FZ_OK)
		rc = FZ_EDB;
out:
	if (in_tx)
		store_rollback(st);
	plan_release(&old);
	unit_dir_release(&dir);
	buf_release(&data);
	buf_release(&err);
	buf_release(&detail);
	return rc;
}
