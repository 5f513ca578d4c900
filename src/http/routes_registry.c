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
#include <limits.h>
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

/* The registry of the path and the list's filter. */
static int
read_list(struct req *r, const struct reg_desc **d, struct reg_filter *f)
{
	return (*d = path_registry(r)) == NULL || query_filter(r, f) ? -1 : 0;
}

int
in_reg_list(struct req *r)
{
	const struct reg_desc	*d;
	struct reg_filter	 f;

	return read_list(r, &d, &f);
}

void
h_reg_list(struct req *r)
{
	const struct reg_desc	*d;
	struct reg_filter	 f;
	json_t			*o = NULL;
	enum fz_err		 rc;

	if (read_list(r, &d, &f))
		return;
	rc = core_reg_list_json(r->st, &r->actor, d, &f, &o);
	http_answer(r, rc, o, NULL);
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
	http_answer(r, rc, o, &dg);
	diags_release(&dg);
}

/*
 * {"revision": n, field: value…}: revision guards the update; the fields
 * are checked against the registry's description by core_reg_save().
 */
static int
read_save(struct req *r, int update, const struct reg_desc **d, int64_t *id,
    int *revision)
{
	json_t	*rev;

	*id = 0;
	*revision = 0;
	if ((*d = path_registry(r)) == NULL || (update && http_id(r, id)))
		return -1;
	if (r->json == NULL) {
		http_error(r, 400, "INVALID", "请求内容应为记录字段的 JSON 对象",
		    NULL);
		return -1;
	}
	rev = json_object_get(r->json, "revision");
	if (rev != NULL && (!json_is_integer(rev) ||
	    json_integer_value(rev) < 0 || json_integer_value(rev) > INT_MAX)) {
		http_error(r, 400, "INVALID", "字段“revision”应为整数",
		    "revision");
		return -1;
	}
	*revision = rev != NULL ? (int)json_integer_value(rev) : 0;
	return 0;
}

int
in_reg_create(struct req *r)
{
	const struct reg_desc	*d;
	int64_t			 id;
	int			 rev;

	return read_save(r, 0, &d, &id, &rev);
}

int
in_reg_update(struct req *r)
{
	const struct reg_desc	*d;
	int64_t			 id;
	int			 rev;

	return read_save(r, 1, &d, &id, &rev);
}

static void
save(struct req *r, int update)
{
	const struct reg_desc	*d;
	struct reg_record	 rec;
	struct diags		 dg = { 0 };
	json_t			*o = NULL;
	int64_t			 id;
	int			 rev;
	enum fz_err		 rc;

	if (read_save(r, update, &d, &id, &rev))
		return;
	rc = core_reg_save(r->st, &r->actor, d, id, r->json, rev, r->today,
	    &rec, &dg);
	if (rc == FZ_OK)
		rc = core_reg_json(r->st, &r->actor, d, rec.id, &o, &dg);
	http_answer(r, rc, o, &dg);
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
	save(r, 1);
}

struct import_in {
	const struct reg_desc	*d;
	const char		*name;
	int64_t			 dry;
};

/* ?name=FILE (for messages) &dry_run=1; the body is the file. */
static int
read_import(struct req *r, struct import_in *in)
{
	int	 bad = 0;

	if ((in->d = path_registry(r)) == NULL ||
	    http_qint(r, "dry_run", 1, &in->dry))
		return -1;
	in->name = http_qstr(r, "name", 255, &bad);
	if (bad)
		return -1;
	if (r->body.len == 0) {
		http_error(r, 400, "INVALID", "请上传 CSV 或 XLSX 文件", "file");
		return -1;
	}
	return 0;
}

int
in_reg_import(struct req *r)
{
	struct import_in	 in;

	return read_import(r, &in);
}

void
h_reg_import(struct req *r)
{
	const struct reg_desc		*d;
	struct reg_import_result	 res;
	struct import_in		 in;
	struct diags			 dg = { 0 };
	enum fz_err			 rc;
	json_t				*o;

	if (read_import(r, &in))
		return;
	d = in.d;
	rc = core_reg_import(r->st, &r->actor, d, in.name ? in.name : "upload",
	    r->body.ptr, r->body.len, in.dry != 0, r->today, &res, &dg);
	if (rc == FZ_OK) {
		http_json(r, 200, json_pack("{s:s,s:b,s:s,s:i,s:i,s:i,s:i}",
		    "registry", d->key, "dry_run", in.dry != 0, "format",
		    res.xlsx ? "xlsx" : "csv", "rows", res.rows,
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
		http_answer(r, rc, NULL, &dg);
	diags_release(&dg);
}

/* The list's filter and ?format=xlsx|csv (default xlsx). */
static int
read_export(struct req *r, const struct reg_desc **d, struct reg_filter *f,
    int *xlsx)
{
	const char	*fmt = http_query(r, "format");

	if (read_list(r, d, f))
		return -1;
	if (fmt != NULL && !str_eq(fmt, "xlsx") && !str_eq(fmt, "csv")) {
		http_error(r, 400, "INVALID", "format 应为 xlsx 或 csv",
		    "format");
		return -1;
	}
	*xlsx = fmt == NULL || str_eq(fmt, "xlsx");
	return 0;
}

int
in_reg_export(struct req *r)
{
	const struct reg_desc	*d;
	struct reg_filter	 f;
	int			 xlsx;

	return read_export(r, &d, &f, &xlsx);
}

void
h_reg_export(struct req *r)
{
	const struct reg_desc	*d;
	struct reg_filter	 f;
	struct diags		 dg = { 0 };
	struct buf		 out = BUF_INIT, err = BUF_INIT, name = BUF_INIT;
	char			 path[] = "/tmp/fazhi-export-XXXXXX";
	int			 xlsx, fd = -1;
	enum fz_err		 rc;

	if (read_export(r, &d, &f, &xlsx))
		return;
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
		http_answer(r, rc, NULL, &dg);
	if (fd != -1) {
		close(fd);
		unlink(path);
	}
	buf_release(&out);
	buf_release(&err);
	buf_release(&name);
	diags_release(&dg);
}

/* ?days=N: records whose term ends within N days (default 180). */
static int
read_expiring(struct req *r, const struct reg_desc **d, int64_t *days)
{
	if ((*d = path_registry(r)) == NULL || http_qint(r, "days", 3660,
	    days))
		return -1;
	if (http_query(r, "days") == NULL)
		*days = REG_EXPIRY_DAYS;
	return 0;
}

int
in_reg_expiring(struct req *r)
{
	const struct reg_desc	*d;
	int64_t			 days;

	return read_expiring(r, &d, &days);
}

void
h_reg_expiring(struct req *r)
{
	const struct reg_desc	*d;
	struct diags		 dg = { 0 };
	json_t			*o = NULL;
	int64_t			 days;
	enum fz_err		 rc;

	if (read_expiring(r, &d, &days))
		return;
	rc = core_reg_expiring_json(r->st, &r->actor, d, r->today, (int)days,
	    &o, &dg);
	http_answer(r, rc, o, &dg);
	diags_release(&dg);
}

/* ?name=FILE; the body is the file. */
static int
read_reg_evidence(struct req *r, const struct reg_desc **d, int64_t *id,
    const char **name)
{
	int	 bad = 0;

	if ((*d = path_registry(r)) == NULL || http_id(r, id))
		return -1;
	*name = http_qstr(r, "name", 255, &bad);
	if (bad)
		return -1;
	if (*name == NULL) {
		http_error(r, 400, "INVALID", "缺少文件名（查询参数 name）",
		    "name");
		return -1;
	}
	return 0;
}

int
in_reg_evidence_add(struct req *r)
{
	const struct reg_desc	*d;
	const char		*name;
	int64_t			 id;

	return read_reg_evidence(r, &d, &id, &name);
}

void
h_reg_evidence_add(struct req *r)
{
	const struct reg_desc	*d;
	struct reg_evidence	 e;
	struct diags		 dg = { 0 };
	const char		*name;
	int64_t			 id;
	enum fz_err		 rc;

	if (read_reg_evidence(r, &d, &id, &name))
		return;
	rc = core_reg_evidence_add(r->st, &r->actor, d, id, name, r->body.ptr,
	    r->body.len, &e, &dg);
	http_answer(r, rc, rc == FZ_OK ? json_pack("{s:{s:I,s:s,s:s,s:I,s:s}}",
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
		http_answer(r, rc, NULL, &dg);
	buf_release(&b);
	diags_release(&dg);
}

void
h_ind_list(struct req *r)
{
	json_t	*o = NULL;
	enum fz_err rc;

	rc = core_ind_list_json(r->st, &r->actor, &o);
	http_answer(r, rc, o, NULL);
}

/* A division code: 2 to 15 digits (GB/T 2260 and the towns' 9 or 12). */
static int
division_ok(const char *c)
{
	size_t	 n = strlen(c);

	return n >= 2 && n <= 15 && strspn(c, "0123456789") == n;
}

/* The path's division code. */
int
in_ind_division(struct req *r)
{
	if (r->param == NULL || !division_ok(r->param)) {
		http_error(r, 400, "INVALID", "区划代码应为 2 至 15 位数字（如 "
		    "371522）", "code");
		return -1;
	}
	return 0;
}

/* One division's dashboard: the values of its newest run. */
void
h_ind_division(struct req *r)
{
	struct diags	 dg = { 0 };
	json_t		*o = NULL;
	enum fz_err	 rc;

	if (in_ind_division(r))
		return;
	rc = core_ind_scope_json(r->st, &r->actor, r->param, &o, &dg);
	http_answer(r, rc, o, &dg);
	diags_release(&dg);
}

void
h_ind_show(struct req *r)
{
	struct diags	 dg = { 0 };
	json_t		*o = NULL;
	enum fz_err	 rc;

	rc = core_ind_show_json(r->st, &r->actor, r->param, &o, &dg);
	http_answer(r, rc, o, &dg);
	diags_release(&dg);
}

/* The definition is checked by core_ind_define(); here only its shape. */
int
in_ind_define(struct req *r)
{
	if (r->json == NULL) {
		http_error(r, 400, "INVALID", "请求内容应为指标定义的 JSON 对象",
		    NULL);
		return -1;
	}
	return 0;
}

void
h_ind_define(struct req *r)
{
	struct diags	 dg = { 0 };
	int		 version = 0, changed = 0;
	enum fz_err	 rc;
	json_t		*o = NULL;

	if (in_ind_define(r))
		return;
	rc = core_ind_define(r->st, &r->actor, r->param, r->json, &version,
	    &changed, &dg);
	if (rc == FZ_OK && (rc = core_ind_show_json(r->st, &r->actor,
	    r->param, &o, &dg)) == FZ_OK)
		json_object_set_new(o, "changed", json_boolean(changed));
	http_answer(r, rc, o, &dg);
	diags_release(&dg);
}

/* {"as_of": "YYYY-MM-DD", "year": N, "division": "371522"}, optional. */
static int
read_compute(struct req *r, struct ind_compute_opts *co)
{
	const char	*as_of = NULL, *div = NULL;
	int64_t		 year = 0;

	memset(co, 0, sizeof(*co));
	if (http_str(r, "as_of", 10, 0, &as_of) ||
	    http_int(r, "year", 0, &year) ||
	    http_str(r, "division", 15, 0, &div))
		return -1;
	if (div != NULL && !division_ok(div)) {
		http_error(r, 400, "INVALID", "区划代码应为 2 至 15 位数字（如 "
		    "371522）", "division");
		return -1;
	}
	co->division = div;
	if (as_of != NULL && !core_date_valid(as_of)) {
		http_error(r, 400, "INVALID", "日期应写成 YYYY-MM-DD", "as_of");
		return -1;
	}
	if (year != 0 && (year < 2000 || year > 2999)) {
		http_error(r, 400, "INVALID", "年度应在 2000 至 2999 之间", "year");
		return -1;
	}
	co->as_of = as_of ? as_of : r->today;
	co->year = (int)year;
	return 0;
}

int
in_ind_compute(struct req *r)
{
	struct ind_compute_opts	 co;

	return read_compute(r, &co);
}

void
h_ind_compute(struct req *r)
{
	struct ind_compute_opts	 co;
	struct diags		 dg = { 0 };
	json_t			*o = NULL;
	enum fz_err		 rc;

	if (read_compute(r, &co))
		return;
	rc = core_ind_compute(r->st, &r->actor, &co, &o, &dg);
	http_answer(r, rc, o, &dg);
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
	http_answer(r, rc, o, &dg);
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
	http_answer(r, rc, o, &dg);
	diags_release(&dg);
}

struct link_in {
	int64_t		 plan, task;
	const char	*name, *def;
};

/* {"task_number": 9, "name": "及时率", "definition": "key" | null} */
static int
read_link(struct req *r, struct link_in *in)
{
	if (http_id(r, &in->plan) || http_int(r, "task_number", 1,
	    &in->task) || http_str(r, "name", 64, 1, &in->name) ||
	    http_str(r, "definition", 63, 0, &in->def))
		return -1;
	if (in->task < 1 || in->task > INT_MAX) {
		http_error(r, 400, "INVALID", "任务序号应为正整数",
		    "task_number");
		return -1;
	}
	return 0;
}

int
in_plan_indicator_link(struct req *r)
{
	struct link_in	 in;

	return read_link(r, &in);
}

void
h_plan_indicator_link(struct req *r)
{
	struct diags	 dg = { 0 };
	struct link_in	 in;
	int64_t		 id;
	json_t		*o = NULL;
	enum fz_err	 rc;

	if (read_link(r, &in))
		return;
	id = in.plan;
	rc = core_ind_link(r->st, &r->actor, id, (int)in.task, in.name,
	    in.def, &dg);
	if (rc == FZ_OK)
		rc = core_plan_indicators_json(r->st, &r->actor, id, &o, &dg);
	http_answer(r, rc, o, &dg);
	diags_release(&dg);
}
