/*
 * registry_ops.c: what front ends do with a registry's records, for every
 * registry alike: read one or a list (as the actor may see), create and
 * update from a form with the field at fault named, import a CSV or XLSX
 * file all or nothing with errors per cell, export the same columns, list
 * records near the end of their term, and keep evidence files. Every
 * change is checked for who may make it, kept in the record's history
 * with its before and after, and audited.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sodium.h>

#include "work-int.h"
#include "fazhi/export.h"
#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static int
is_system(const struct actor *ac)
{
	return ac->account_id == 0;
}

int
core_reg_can_read(const struct actor *ac, int64_t unit_id)
{
	return is_system(ac) || core_actor_reads_all(ac) ||
	    core_actor_in_unit(ac, unit_id, 0);
}

int
core_reg_can_write(const struct actor *ac, int64_t unit_id)
{
	return is_system(ac) || core_actor_supervises(ac) ||
	    core_actor_in_unit(ac, unit_id, ROLES_UNIT);
}

static int
can_review(const struct actor *ac)
{
	return is_system(ac) || core_actor_supervises(ac);
}

static void
apply_defaults(const struct reg_desc *d, struct reg_record *r)
{
	char	 why[200];
	int	 i;

	for (i = 0; i < d->nfields; i++)
		if (r->v[i].null && d->fields[i].def != NULL)
			reg_cell_parse(&d->fields[i], d->fields[i].def, 0, NULL,
			    &r->v[i], why, sizeof(why));
}

/*
 * May the actor turn old (NULL: none) into r? Problems name their field;
 * the result is FZ_EPERM when one is about permission, else FZ_EINVAL
 * when r breaks a rule, else FZ_OK.
 */
static enum fz_err
vet(const struct actor *ac, const struct reg_desc *d,
    const struct reg_record *old, const struct reg_record *r,
    const char *today, struct reg_problems *p)
{
	enum fz_err		 rc = FZ_OK;
	int			 i;

	memset(p, 0, sizeof(*p));
	if (!r->v[d->owner].null && !core_reg_can_write(ac,
	    r->v[d->owner].i)) {
		reg_problem(p, d->owner, "无权登记“%s”的%s：只能登记本单位的",
		    r->v[d->owner].s, d->record_name);
		rc = FZ_EPERM;
	} else if (old != NULL && !core_reg_can_write(ac,
	    old->v[d->owner].i)) {
		reg_problem(p, d->owner, "无权修改“%s”的%s", old->v[d->owner].s,
		    d->record_name);
		rc = FZ_EPERM;
	}
	for (i = 0; i < d->nfields; i++) {
		int changed = old != NULL ? !reg_value_same(&d->fields[i],
		    &r->v[i], &old->v[i]) : !r->v[i].null;

		if ((d->fields[i].flags & REG_REVIEW) && changed &&
		    !can_review(ac)) {
			reg_problem(p, i, "只有%s可以填写或修改%s",
			    d->reviewer != NULL ? d->reviewer :
			    "备案审查机关（依法治县办）", d->fields[i].label);
			rc = FZ_EPERM;
		}
	}
	if (rc != FZ_OK)
		return rc;
	reg_record_check(d, r, today, p);
	return p->n > 0 ? FZ_EINVAL : FZ_OK;
}

static char *
record_text(const struct reg_desc *d, const struct reg_record *r)
{
	json_t	*j = reg_record_json(d, r, 0);
	char	*s;

	json_object_del(j, "id");
	s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	return s;
}

/* Store r (new or changed from old) with its history entry. */
static enum fz_err
store_one(struct store *st, const struct actor *ac, const struct reg_desc *d,
    const struct reg_record *old, struct reg_record *r, const char *action)
{
	char		*before = old ? record_text(d, old) : NULL, *after;
	enum fz_err	 rc;

	if (old != NULL) {
		r->id = old->id;
		r->revision = old->revision;
	} else
		r->id = 0;
	if ((rc = store_reg_put(st, d, r, work_actor_name(ac))) == FZ_OK) {
		after = record_text(d, r);
		rc = store_reg_history_add(st, d->key, r->id, r->revision,
		    action, work_actor_name(ac), before, after);
		free(after);
	}
	free(before);
	return rc;
}

enum fz_err
core_reg_get(struct store *st, const struct actor *ac,
    const struct reg_desc *d, int64_t id, struct reg_record *r,
    struct diags *dg)
{
	enum fz_err	 rc;

	if ((rc = store_reg_get(st, d, id, r)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "%s %lld 不存在", d->record_name,
		    (long long)id);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if (!core_reg_can_read(ac, r->v[d->owner].i)) {
		reg_record_release(r);
		return work_fail(dg, FZ_EPERM, "id", "无权查看其他单位的%s",
		    d->record_name);
	}
	return FZ_OK;
}

enum fz_err
core_reg_save(struct store *st, const struct actor *ac,
    const struct reg_desc *d, int64_t id, const json_t *in, int expect_rev,
    const char *today, struct reg_record *out, struct diags *dg)
{
	struct unit_dir		 dir = { 0 };
	struct reg_record	 old, r;
	struct reg_problems	 p;
	int64_t			 other = 0;
	enum fz_err		 rc;
	size_t			 i;

	reg_record_init(&old);
	reg_record_init(&r);
	reg_record_init(out);
	if ((rc = core_units_load(st, &dir)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	if (id != 0 && (rc = core_reg_get(st, ac, d, id, &old, dg)) != FZ_OK)
		goto out;
	if (id != 0 && expect_rev > 0 && old.revision != expect_rev) {
		rc = work_fail(dg, FZ_ECONFLICT, "revision", "%s已被他人修改"
		    "（现为第 %d 版，您修改的是第 %d 版）：请刷新后再改",
		    d->record_name, old.revision, expect_rev);
		goto out;
	}
	if ((rc = reg_record_from_json(d, in, &dir, id ? &old : NULL, &r,
	    dg)) != FZ_OK)
		goto out;
	apply_defaults(d, &r);	/* a field emptied takes its default too */
	if ((rc = vet(ac, d, id ? &old : NULL, &r, today, &p)) != FZ_OK) {
		for (i = 0; i < p.n; i++)
			work_fail(dg, rc, d->fields[p.v[i].field].key, "%s：%s",
			    d->fields[p.v[i].field].label, p.v[i].msg);
		goto out;
	}
	if (id != 0 && reg_record_same(d, &old, &r)) {
		reg_record_copy(out, &old);	/* nothing changed */
		goto out;
	}
	rc = store_reg_find(st, d, r.v[d->owner].i, r.v[d->key_field].s,
	    &other);
	if (rc == FZ_OK && other != id) {
		rc = work_fail(dg, FZ_ECONFLICT, d->fields[d->key_field].key,
		    "%s：“%s”已登记（%s %lld）", d->fields[d->key_field].label,
		    r.v[d->key_field].s, d->record_name, (long long)other);
		goto out;
	}
	if (rc != FZ_OK && rc != FZ_ENOTFOUND) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	if ((rc = store_begin(st)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	rc = store_one(st, ac, d, id ? &old : NULL, &r, id ? "update" :
	    "create");
	if (rc == FZ_OK)
		rc = work_audit(st, ac, id ? "registry.update" :
		    "registry.create", d->key, r.id, id ? reg_record_json(d,
		    &old, 0) : NULL, reg_record_json(d, &r, 0));
	if ((rc = work_end(st, rc, dg)) == FZ_OK)
		reg_record_copy(out, &r);
out:
	reg_record_release(&old);
	reg_record_release(&r);
	unit_dir_release(&dir);
	return rc;
}

static int
list_cb(const struct reg_record *r, void *arg)
{
	void	**a = arg;

	json_array_append_new(a[1], reg_record_json(a[0], r, 1));
	return 0;
}

enum fz_err
core_reg_list_json(struct store *st, const struct actor *ac,
    const struct reg_desc *d, struct reg_filter *f, json_t **out)
{
	json_t		*a = json_array();
	void		*arg[2] = { (void *)(uintptr_t)d, a };
	int64_t		 total = 0;
	enum fz_err	 rc;

	*out = NULL;
	if (!is_system(ac) && !core_actor_reads_all(ac))
		f->visible_to = ac->account_id;
	if ((rc = store_reg_list(st, d, f, list_cb, arg, &total)) != FZ_OK) {
		json_decref(a);
		return rc;
	}
	*out = json_pack("{s:s,s:s,s:I,s:o}", "registry", d->key, "name",
	    d->name, "total", (json_int_t)total, "records", a);
	return FZ_OK;
}

static int
hist_cb(int revision, const char *action, const char *actor, const char *at,
    const char *before, const char *after, void *arg)
{
	json_t	*o = json_object();

	json_object_set_new(o, "revision", json_integer(revision));
	json_object_set_new(o, "action", json_string(action));
	json_object_set_new(o, "actor", json_string(actor));
	json_object_set_new(o, "at", json_string(at));
	json_object_set_new(o, "before", before ? json_loads(before, 0, NULL) :
	    json_null());
	json_object_set_new(o, "after", after ? json_loads(after, 0, NULL) :
	    json_null());
	json_array_append_new(arg, o);
	return 0;
}

static json_t *
evidence_json(const struct reg_evidence *e)
{
	return json_pack("{s:I,s:s,s:s,s:I,s:s,s:s,s:s}", "id",
	    (json_int_t)e->id, "name", e->name, "mime", e->mime, "size",
	    (json_int_t)e->size, "sha256", e->sha256, "uploaded_by",
	    e->uploaded_by, "uploaded_at", e->uploaded_at);
}

enum fz_err
core_reg_json(struct store *st, const struct actor *ac,
    const struct reg_desc *d, int64_t id, json_t **out, struct diags *dg)
{
	struct reg_record	 r;
	struct reg_evidence	*ev = NULL;
	size_t			 nev = 0, i;
	json_t			*o, *h, *e;
	enum fz_err		 rc;

	*out = NULL;
	if ((rc = core_reg_get(st, ac, d, id, &r, dg)) != FZ_OK)
		return rc;
	h = json_array();
	e = json_array();
	if ((rc = store_reg_history(st, d->key, id, hist_cb, h)) != FZ_OK ||
	    (rc = store_reg_evidence_list(st, d->key, id, &ev, &nev)) !=
	    FZ_OK) {
		json_decref(h);
		json_decref(e);
		reg_record_release(&r);
		return work_store_fail(st, dg, rc);
	}
	for (i = 0; i < nev; i++)
		json_array_append_new(e, evidence_json(&ev[i]));
	free(ev);
	o = json_object();
	json_object_set_new(o, "record", reg_record_json(d, &r, 1));
	json_object_set_new(o, "history", h);
	json_object_set_new(o, "evidence", e);
	json_object_set_new(o, "can_edit",
	    json_boolean(core_reg_can_write(ac, r.v[d->owner].i)));
	json_object_set_new(o, "can_review", json_boolean(can_review(ac)));
	*out = o;
	reg_record_release(&r);
	return FZ_OK;
}

/* An error at a cell of the imported file. */
static void
import_error(struct diags *dg, const struct reg_desc *d, int line,
    const int *colmap, int field, const char *msg)
{
	struct buf	 b = BUF_INIT;
	int		 col = field >= 0 ? colmap[field] : 0;

	reg_cell_where(d, line, col, field, &b);
	buf_addstr(&b, msg);
	diags_error_at(dg, line, col, field >= 0 ? d->fields[field].key :
	    "error", "%s", b.ptr);
	buf_release(&b);
}

enum fz_err
core_reg_import(struct store *st, const struct actor *ac,
    const struct reg_desc *d, const char *name, const char *data,
    size_t len, int dry_run, const char *today,
    struct reg_import_result *res, struct diags *dg)
{
	struct csv		 tab;
	struct unit_dir		 dir = { 0 };
	struct reg_record	*recs = NULL, *olds = NULL;
	unsigned char		*what = NULL;	/* 0 same, 1 new, 2 changed */
	struct reg_problems	 p;
	char			 sha[65];
	int			 colmap[REG_MAX_FIELDS], perm = 0;
	size_t			 n = 0, i, j;
	enum fz_err		 rc;

	memset(res, 0, sizeof(*res));
	memset(&tab, 0, sizeof(tab));
	if ((rc = reg_table_read(data, len, &tab, &res->xlsx, dg)) != FZ_OK)
		goto out;
	res->encoding = tab.encoding;
	if ((rc = core_units_load(st, &dir)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	if ((rc = reg_rows_parse(d, &tab, res->xlsx, &dir, today, &recs, &n,
	    colmap, dg)) != FZ_OK)
		goto out;
	res->rows = (int)n;
	olds = xcalloc(n + 1, sizeof(*olds));
	what = xcalloc(n + 1, 1);
	for (i = 0; i < n; i++) {
		struct reg_record	*r = &recs[i], merged;
		int64_t			 id = 0;

		reg_record_init(&olds[i]);
		rc = store_reg_find(st, d, r->v[d->owner].i,
		    r->v[d->key_field].s, &id);
		if (rc == FZ_OK)
			rc = store_reg_get(st, d, id, &olds[i]);
		if (rc != FZ_OK && rc != FZ_ENOTFOUND) {
			rc = work_store_fail(st, dg, rc);
			goto out;
		}
		if (id != 0) {
			/* Columns the file has replace the stored values. */
			reg_record_copy(&merged, &olds[i]);
			for (j = 0; j < (size_t)d->nfields; j++)
				if (r->given[j]) {
					free(merged.v[j].s);
					merged.v[j] = r->v[j];
					r->v[j].s = NULL;
				}
			merged.line = r->line;
			reg_record_release(r);
			*r = merged;
		}
		apply_defaults(d, r);	/* an empty cell too, as on create */
		switch (vet(ac, d, id ? &olds[i] : NULL, r, today, &p)) {
		case FZ_EPERM:
			perm = 1;
			break;
		default:
			break;
		}
		for (j = 0; j < p.n; j++)
			import_error(dg, d, r->line, colmap, p.v[j].field,
			    p.v[j].msg);
		what[i] = id == 0 ? 1 : reg_record_same(d, &olds[i], r) ? 0 : 2;
		if (what[i] == 1)
			res->created++;
		else if (what[i] == 2)
			res->updated++;
		else
			res->unchanged++;
	}
	if (dg->nerrors > 0) {
		rc = perm ? FZ_EPERM : FZ_EINVAL;
		goto out;
	}
	if (dry_run) {
		rc = FZ_OK;
		goto out;
	}
	if ((rc = store_begin(st)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	for (i = 0; i < n && rc == FZ_OK; i++) {
		if (what[i] == 0)
			continue;
		rc = store_one(st, ac, d, what[i] == 2 ? &olds[i] : NULL,
		    &recs[i], "import");
		if (rc == FZ_ECONFLICT)
			import_error(dg, d, recs[i].line, colmap, d->key_field,
			    "保存时与其他记录冲突（可能正被他人修改），请重试");
	}
	sha256_hex(data, len, sha);
	if (rc == FZ_OK)
		rc = work_audit(st, ac, "registry.import", d->key, 0, NULL,
		    json_pack("{s:s,s:s,s:i,s:i,s:i,s:i}", "file", name ? name :
		    "", "sha256", sha, "rows", res->rows, "created",
		    res->created, "updated", res->updated, "unchanged",
		    res->unchanged));
	rc = work_end(st, rc, dg);
out:
	if (recs != NULL)
		reg_records_free(recs, n);
	if (olds != NULL)
		reg_records_free(olds, n);
	free(what);
	csv_release(&tab);
	unit_dir_release(&dir);
	return rc;
}

struct export_rows {
	const struct reg_desc	*d;
	char			**cells;
	size_t			 n, cap;
};

static int
export_cb(const struct reg_record *r, void *arg)
{
	struct export_rows	*x = arg;
	struct buf		 b = BUF_INIT;
	int			 i;

	for (i = 0; i < x->d->nfields; i++) {
		buf_reset(&b);
		if (x->d->fields[i].type == REG_UNIT)
			buf_addstr(&b, r->v[i].null ? "" : r->v[i].s);
		else
			reg_cell_text(&x->d->fields[i], &r->v[i], &b);
		VEC_GROW(x->cells, x->n, x->cap);
		x->cells[x->n++] = xstrdup(b.ptr);
	}
	buf_release(&b);
	return 0;
}

enum fz_err
core_reg_export(struct store *st, const struct actor *ac,
    const struct reg_desc *d, struct reg_filter *f, int xlsx,
    const char *path, struct buf *out, struct diags *dg)
{
	struct export_rows	 x = { d, NULL, 0, 0 };
	struct export_table	 t;
	struct buf		 err = BUF_INIT;
	const char		*headers[REG_MAX_FIELDS];
	enum export_col		 kinds[REG_MAX_FIELDS];
	double			 widths[REG_MAX_FIELDS];
	enum fz_err		 rc;
	int			 i;

	if (!is_system(ac) && !core_actor_reads_all(ac))
		f->visible_to = ac->account_id;
	if ((rc = store_reg_list(st, d, f, export_cb, &x, NULL)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	for (i = 0; i < d->nfields; i++) {
		headers[i] = d->fields[i].label;
		kinds[i] = d->fields[i].type == REG_DATE ? EXPORT_COL_DATE :
		    d->fields[i].type == REG_INT ? EXPORT_COL_INT :
		    EXPORT_COL_TEXT;
		widths[i] = d->fields[i].type == REG_DATE ? 13 :
		    d->fields[i].max > 100 ? 40 : 22;
	}
	memset(&t, 0, sizeof(t));
	t.sheet = d->name;
	t.ncols = (size_t)d->nfields;
	t.headers = headers;
	t.kinds = kinds;
	t.widths = widths;
	t.cells = x.cells;
	t.nrows = x.n / (size_t)d->nfields;
	if (xlsx)
		rc = export_table_xlsx(&t, path, &err);
	else
		rc = export_table_csv(&t, out);
	if (rc != FZ_OK)
		work_fail(dg, rc, "error", "%s", err.ptr);
out:
	strv_free(x.cells, x.n);
	buf_release(&err);
	return rc;
}

struct expiring {
	const struct reg_desc	*d;
	json_t			*a;
	long			 today;
};

static int
expiring_cb(const struct reg_record *r, void *arg)
{
	struct expiring	*x = arg;
	json_t		*o = reg_record_json(x->d, r, 1);
	long		 end = 0;

	if (date_days(r->v[x->d->expires].s, &end) == FZ_OK)
		json_object_set_new(o, "days_left", json_integer(end -
		    x->today));
	json_array_append_new(x->a, o);
	return 0;
}

enum fz_err
core_reg_expiring_json(struct store *st, const struct actor *ac,
    const struct reg_desc *d, const char *today, int days, json_t **out,
    struct diags *dg)
{
	struct reg_filter	 f;
	struct expiring		 soon = { d, NULL, 0 }, past = { d, NULL, 0 };
	char			 until[11], yesterday[11];
	long			 t;
	enum fz_err		 rc;

	*out = NULL;
	if (d->expires < 0)
		return work_fail(dg, FZ_EINVAL, "registry", "%s没有有效期",
		    d->name);
	if (date_days(today, &t) != FZ_OK || days < 0 || days > 3660)
		return work_fail(dg, FZ_EINVAL, "days", "日期或天数无效");
	date_from_days(t + days, until);
	date_from_days(t - 1, yesterday);
	soon.today = past.today = t;
	soon.a = json_array();
	past.a = json_array();
	memset(&f, 0, sizeof(f));
	if (!is_system(ac) && !core_actor_reads_all(ac))
		f.visible_to = ac->account_id;
	f.active = 1;
	f.exp_from = today;
	f.exp_to = until;
	rc = store_reg_list(st, d, &f, expiring_cb, &soon, NULL);
	if (rc == FZ_OK) {
		f.exp_from = "0000-00-00";
		f.exp_to = yesterday;
		rc = store_reg_list(st, d, &f, expiring_cb, &past, NULL);
	}
	if (rc != FZ_OK) {
		json_decref(soon.a);
		json_decref(past.a);
		return work_store_fail(st, dg, rc);
	}
	*out = json_pack("{s:s,s:s,s:i,s:s,s:o,s:o}", "registry", d->key,
	    "today", today, "days", days, "until", until, "expiring", soon.a,
	    "expired", past.a);
	return FZ_OK;
}

enum fz_err
core_reg_evidence_add(struct store *st, const struct actor *ac,
    const struct reg_desc *d, int64_t id, const char *name, const void *data,
    size_t len, struct reg_evidence *e, struct diags *dg)
{
	struct reg_record	 r;
	struct reg_evidence	*have = NULL;
	const char		*mime = NULL;
	size_t			 nhave = 0, i;
	enum fz_err		 rc;

	memset(e, 0, sizeof(*e));
	if ((rc = core_file_accept(st, name, data, len, e->name,
	    sizeof(e->name), &mime, dg)) != FZ_OK)
		return rc;
	if ((rc = core_reg_get(st, ac, d, id, &r, dg)) != FZ_OK)
		return rc;
	if (!core_reg_can_write(ac, r.v[d->owner].i)) {
		rc = work_fail(dg, FZ_EPERM, "id", "无权为其他单位的%s上传材料",
		    d->record_name);
		goto out;
	}
	sha256_hex(data, len, e->sha256);
	if ((rc = store_reg_evidence_list(st, d->key, id, &have, &nhave)) !=
	    FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	for (i = 0; i < nhave && rc == FZ_OK; i++)
		if (str_eq(have[i].sha256, e->sha256))
			rc = work_fail(dg, FZ_ECONFLICT, "file", "已有相同内容的"
			    "文件“%s”", have[i].name);
	free(have);
	if (rc != FZ_OK)
		goto out;
	snprintf(e->registry, sizeof(e->registry), "%s", d->key);
	e->record_id = id;
	e->size = (int64_t)len;
	snprintf(e->mime, sizeof(e->mime), "%s", mime);
	snprintf(e->uploaded_by, sizeof(e->uploaded_by), "%s",
	    work_actor_name(ac));
	if ((rc = store_begin(st)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	rc = work_blob_put(st, e->sha256, data, len);
	if (rc == FZ_OK)
		rc = store_reg_evidence_add(st, e);
	if (rc == FZ_OK)
		rc = work_audit(st, ac, "registry.evidence", d->key, id, NULL,
		    json_pack("{s:I,s:s,s:s,s:I}", "evidence",
		    (json_int_t)e->id, "name", e->name, "sha256", e->sha256,
		    "size", (json_int_t)e->size));
	rc = work_end(st, rc, dg);
out:
	reg_record_release(&r);
	return rc;
}

enum fz_err
core_reg_evidence_fetch(struct store *st, const struct actor *ac,
    int64_t evid, struct reg_evidence *e, struct buf *out, struct diags *dg)
{
	const struct reg_desc	*d;
	struct reg_record	 r;
	enum fz_err		 rc;

	if ((rc = store_reg_evidence_get(st, evid, e)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "文件 %lld 不存在",
		    (long long)evid);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if ((d = registry_find(e->registry)) == NULL)
		return work_fail(dg, FZ_ENOTFOUND, "id", "文件 %lld 不存在",
		    (long long)evid);
	if ((rc = core_reg_get(st, ac, d, e->record_id, &r, dg)) != FZ_OK)
		return rc;
	reg_record_release(&r);
	return work_blob_get(st, e->sha256, e->size, evid, out, dg);
}
