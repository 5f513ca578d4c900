/*
 * routes_registry.c: the handlers of the registries' and indicators' API:
 * records listed, read with their history, created and updated from a
 * form, imported from an uploaded CSV or XLSX file and exported, those
 * near the end of their term, evidence files; indicator definitions, their
 * computation, the records behind a value, and a plan's indicators. Each
 * reads its input, calls one core function with the signed-in actor and
 * renders the result.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "http-int.h"
#include "routes-int.h"
#include "fazhi/core.h"
#include "fazhi/indicator.h"
#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static void
answer(struct req *r, enum fz_err rc, json_t *o, const struct diags *dg)
{
	if (rc == FZ_OK)
		http_json(r, 200, o ? o : json_pack("{s:b}", "ok", 1));
	else {
		json_decref(o);
		if (dg != NULL && dg->nerrors > 0)
			http_fail_diags(r, rc, dg);
		else
			http_fail(r, rc, rc == FZ_ENOTFOUND ? "没有找到" : NULL);
	}
}

/* The registry of the path, or a 404. */
static const struct reg_desc *
path_registry(struct req *r)
{
	const struct reg_desc	*d = registry_find(r->reg);

	if (d == NULL)
		http_error(r, 404, "NOT_FOUND", "没有这个台账", "registry");
	return d;
}

void
h_registries(struct req *r)
{
	json_t	*a = json_array();
	int	 i;

	for (i = 0; i < registry_count(); i++)
		json_array_append_new(a, reg_desc_json(registry_at(i)));
	http_json(r, 200, json_pack("{s:o}", "registries", a));
}

/* The filter of a list from the query. */
static int
query_filter(struct req *r, struct reg_filter *f)
{
	int64_t		 v;
	int		 bad = 0;

	memset(f, 0, sizeof(*f));
	if (http_qint(r, "unit", INT64_MAX, &f->unit_id) ||
	    http_qint(r, "per_page", 500, &v))
		return -1;
	f->limit = v > 0 ? (int)v : 0;
	if (http_qint(r, "page", 100000, &v))
		return -1;
	f->offset = v > 1 && f->limit > 0 ? (int)(v - 1) * f->limit : 0;
	f->from = http_qstr(r, "from", 10, &bad);
	f->to = http_qstr(r, "to", 10, &bad);
	f->q = http_qstr(r, "q", 200, &bad);
	if (bad)
		return -1;
	if ((f->from != NULL && !core_date_valid(f->from)) ||
	    (f->to != NULL && !core_date_valid(f->to))) {
		http_error(r, 400, "INVALID", "日期应写成 YYYY-MM-DD",
		    f->from != NULL && !core_date_valid(f->from) ? "from" :
		    "to");
		return -1;
	}
	return 0;
}

void
h_reg_list(struct req *r)
{
	const struct reg_desc	*d;
	struct reg_filter	 f;
	json_t			*o = NULL;
	enum fz_err		 rc;

	if ((d = path_registry(r)) == NULL || query_filter(r, &f))
		return;
	rc = core_reg_list_json(r->st, &r->actor, d, &f, &o);
	answer(r, rc, o, NULL);
}

void
h_reg_get(struct req *r)
{
	const struct reg_desc	*d;
	struct diags		 dg = { 0 };
	json_t			*o = NULL;
	int64_t			 id;
	enum fz_err		 rc;

	if ((d = path_registry(r)) == NULL || http_id(r, &id))
		return;
	rc = core_reg_json(r->st, &r->actor, d, id, &o, &dg);
	answer(r, rc, o, &dg);
	diags_release(&dg);
}

static void
save(struct req *r, int64_t id)
{
	const struct reg_desc	*d;
	struct reg_record	 rec;
	struct diags		 dg = { 0 };
	json_t			*o = NULL, *fields, *rev;
	enum fz_err		 rc;

	if ((d = path_registry(r)) == NULL)
		return;
	if (r->json == NULL) {
		http_error(r, 400, "INVALID", "请求内容应为记录字段的 JSON 对象",
		    NULL);
		return;
	}
	/* {"revision": n, field: value…}: revision guards the update. */
	rev = json_object_get(r->json, "revision");
	if (rev != NULL && !json_is_integer(rev)) {
		http_error(r, 400, "INVALID", "字段“revision”应为整数",
		    "revision");
		return;
	}
	fields = r->json;
	rc = core_reg_save(r->st, &r->actor, d, id, fields, rev ?
	    (int)json_integer_value(rev) : 0, r->today, &rec, &dg);
	if (rc == FZ_OK)
		rc = core_reg_json(r->st, &r->actor, d, rec.id, &o, &dg);
	answer(r, rc, o, &dg);
	reg_record_release(&rec);
	diags_release(&dg);
}

void
h_reg_create(struct req *r)
{
	save(r, 0);
}

void
h_reg_update(struct req *r)
{
	int64_t	 id;

	if (http_id(r, &id))
		return;
	save(r, id);
}

void
h_reg_import(struct req *r)
{
	const struct reg_desc		*d;
	struct reg_import_result	 res;
	struct diags			 dg = { 0 };
	const char			*name = http_query(r, "name"),
					*dry = http_query(r, "dry_run");
	enum fz_err			 rc;
	json_t				*o;

	if ((d = path_registry(r)) == NULL)
		return;
	if (r->body.len == 0) {
		http_error(r, 400, "INVALID", "请上传 CSV 或 XLSX 文件", "file");
		return;
	}
	rc = core_reg_import(r->st, &r->actor, d, name ? name : "upload",
	    r->body.ptr, r->body.len, dry != NULL && !str_eq(dry, "0"),
	    r->today, &res, &dg);
	if (rc == FZ_OK) {
		http_json(r, 200, json_pack("{s:s,s:b,s:s,s:i,s:i,s:i,s:i}",
		    "registry", d->key, "dry_run", dry != NULL && !str_eq(dry,
		    "0"), "format", res.xlsx ? "xlsx" : "csv", "rows", res.rows,
		    "created", res.created, "updated", res.updated, "unchanged",
		    res.unchanged));
	} else if (rc == FZ_EINVAL || rc == FZ_EPERM || rc == FZ_EFORMAT ||
	    rc == FZ_ETOOBIG) {
		/* Every error with its line and column: nothing stored. */
		o = json_pack("{s:{s:s,s:s,s:o}}", "error", "code",
		    rc == FZ_EPERM ? "FORBIDDEN" : rc == FZ_ETOOBIG ? "TOO_BIG" :
		    "INVALID", "message", dg.n ? dg.v[0].message : "文件有误",
		    "diagnostics", core_diags_json(&dg));
		http_json(r, rc == FZ_EPERM ? 403 : rc == FZ_ETOOBIG ? 413 : 400,
		    o);
	} else
		answer(r, rc, NULL, &dg);
	diags_release(&dg);
}

void
h_reg_export(struct req *r)
{
	const struct reg_desc	*d;
	struct reg_filter	 f;
	struct diags		 dg = { 0 };
	struct buf		 out = BUF_INIT, err = BUF_INIT, name = BUF_INIT;
	const char		*fmt = http_query(r, "format");
	char			 path[] = "/tmp/fazhi-export-XXXXXX";
	int			 xlsx, fd = -1;
	enum fz_err		 rc;

	if ((d = path_registry(r)) == NULL || query_filter(r, &f))
		return;
	if (fmt != NULL && !str_eq(fmt, "xlsx") && !str_eq(fmt, "csv")) {
		http_error(r, 400, "INVALID", "format 应为 xlsx 或 csv",
		    "format");
		return;
	}
	xlsx = fmt == NULL || str_eq(fmt, "xlsx");
	f.limit = 0;
	f.offset = 0;
	if (xlsx && (fd = mkstemp(path)) == -1) {
		http_fail(r, FZ_EIO, NULL);
		return;
	}
	rc = core_reg_export(r->st, &r->actor, d, &f, xlsx, path, &out, &dg);
	if (rc == FZ_OK && xlsx && file_read(path, 256u * 1024 * 1024, &out,
	    &err) != FZ_OK)
		rc = FZ_EIO;
	buf_addf(&name, "%s.%s", d->name, xlsx ? "xlsx" : "csv");
	if (rc == FZ_OK)
		http_file(r, xlsx ? "application/vnd.openxmlformats-"
		    "officedocument.spreadsheetml.sheet" :
		    "text/csv; charset=utf-8", name.ptr, out.ptr, out.len);
	else
		answer(r, rc, NULL, &dg);
	if (fd != -1) {
		close(fd);
		unlink(path);
	}
	buf_release(&out);
	buf_release(&err);
	buf_release(&name);
	diags_release(&dg);
}

void
h_reg_expiring(struct req *r)
{
	const struct reg_desc	*d;
	struct diags		 dg = { 0 };
	json_t			*o = NULL;
	int64_t			 days;
	enum fz_err		 rc;

	if ((d = path_registry(r)) == NULL || http_qint(r, "days", 3660,
	    &days))
		return;
	if (http_query(r, "days") == NULL)
		days = REG_EXPIRY_DAYS;
	rc = core_reg_expiring_json(r->st, &r->actor, d, r->today, (int)days,
	    &o, &dg);
	answer(r, rc, o, &dg);
	diags_release(&dg);
}

void
h_reg_evidence_add(struct req *r)
{
	const struct reg_desc	*d;
	struct reg_evidence	 e;
	struct diags		 dg = { 0 };
	const char		*name = http_query(r, "name");
	int64_t			 id;
	enum fz_err		 rc;

	if ((d = path_registry(r)) == NULL || http_id(r, &id))
		return;
	if (name == NULL) {
		http_error(r, 400, "INVALID", "缺少文件名（查询参数 name）",
		    "name");
		return;
	}
	rc = core_reg_evidence_add(r->st, &r->actor, d, id, name, r->body.ptr,
	    r->body.len, &e, &dg);
	answer(r, rc, rc == FZ_OK ? json_pack("{s:{s:I,s:s,s:s,s:I,s:s}}",
	    "evidence", "id", (json_int_t)e.id, "name", e.name, "mime", e.mime,
	    "size", (json_int_t)e.size, "sha256", e.sha256) : NULL, &dg);
	diags_release(&dg);
}

void
h_reg_evidence_get(struct req *r)
{
	struct reg_evidence	 e;
	struct diags		 dg = { 0 };
	struct buf		 b = BUF_INIT;
	int64_t			 id;

	enum fz_err		 rc;

	if (http_id(r, &id))
		return;
	if ((rc = core_reg_evidence_fetch(r->st, &r->actor, id, &e, &b,
	    &dg)) == FZ_OK)
		http_file(r, e.mime[0] ? e.mime : "application/octet-stream",
		    e.name, b.ptr, b.len);
	else
		answer(r, rc, NULL, &dg);
	buf_release(&b);
	diags_release(&dg);
}

void
h_ind_list(struct req *r)
{
	json_t	*o = NULL;
	enum fz_err rc;

	rc = core_ind_list_json(r->st, &r->actor, &o);
	answer(r, rc, o, NULL);
}

void
h_ind_show(struct req *r)
{
	struct diags	 dg = { 0 };
	json_t		*o = NULL;
	enum fz_err	 rc;

	rc = core_ind_show_json(r->st, &r->actor, r->param, &o, &dg);
	answer(r, rc, o, &dg);
	diags_release(&dg);
}

void
h_ind_define(struct req *r)
{
	struct diags	 dg = { 0 };
	int		 version = 0, changed = 0;
	enum fz_err	 rc;
	json_t		*o = NULL;

	if (r->json == NULL) {
		http_error(r, 400, "INVALID", "请求内容应为指标定义的 JSON 对象",
		    NULL);
		return;
	}
	rc = core_ind_define(r->st, &r->actor, r->param, r->json, &version,
	    &changed, &dg);
	if (rc == FZ_OK && (rc = core_ind_show_json(r->st, &r->actor,
	    r->param, &o, &dg)) == FZ_OK)
		json_object_set_new(o, "changed", json_boolean(changed));
	answer(r, rc, o, &dg);
	diags_release(&dg);
}

void
h_ind_compute(struct req *r)
{
	struct ind_compute_opts	 co;
	struct diags		 dg = { 0 };
	const char		*as_of = NULL;
	int64_t			 year = 0;
	json_t			*o = NULL;
	enum fz_err		 rc;

	if (http_str(r, "as_of", 10, 0, &as_of) ||
	    http_int(r, "year", 0, &year))
		return;
	co.as_of = as_of ? as_of : r->today;
	co.year = (int)(year > 0 && year < 3000 ? year : 0);
	rc = core_ind_compute(r->st, &r->actor, &co, &o, &dg);
	answer(r, rc, o, &dg);
	diags_release(&dg);
}

void
h_ind_value(struct req *r)
{
	struct diags	 dg = { 0 };
	json_t		*o = NULL;
	int64_t		 id;
	enum fz_err	 rc;

	if (http_id(r, &id))
		return;
	rc = core_ind_value_json(r->st, &r->actor, id, &o, &dg);
	answer(r, rc, o, &dg);
	diags_release(&dg);
}

void
h_plan_indicators(struct req *r)
{
	struct diags	 dg = { 0 };
	json_t		*o = NULL;
	int64_t		 id;
	enum fz_err	 rc;

	if (http_id(r, &id))
		return;
	rc = core_plan_indicators_json(r->st, &r->actor, id, &o, &dg);
	answer(r, rc, o, &dg);
	diags_release(&dg);
}

/* {"task_number": 9, "name": "及时率", "definition": "key" | null} */
void
h_plan_indicator_link(struct req *r)
{
	struct diags	 dg = { 0 };
	const char	*name, *def;
	int64_t		 id, task;
	json_t		*o = NULL;
	enum fz_err	 rc;

	if (http_id(r, &id) || http_int(r, "task_number", 1, &task) ||
	    http_str(r, "name", 64, 1, &name) ||
	    http_str(r, "definition", 63, 0, &def))
		return;
	rc = core_ind_link(r->st, &r->actor, id, (int)task, name, def, &dg);
	if (rc == FZ_OK)
		rc = core_plan_indicators_json(r->st, &r->actor, id, &o, &dg);
	answer(r, rc, o, &dg);
	diags_release(&dg);
}
