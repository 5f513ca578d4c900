/*
 * routes_work.c: the handlers of the reporting workflow's API: todo,
 * tasks and the dashboard, reports with submission, approval, review and
 * evidence files, assignments, extensions, periods, notices, accounts,
 * settings and the audit log. Each reads its input (input.c), calls one
 * core/ function with the signed-in actor and renders the result.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http-int.h"
#include "routes-int.h"
#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

#define TEXT_MAX	(20 * 1024)


void
h_todo(struct req *r)
{
	json_t		*o = NULL;
	enum fz_err	 rc;

	rc = core_todo_json(r->st, &r->actor, r->today, &o);
	http_answer(r, rc, o, NULL);
}

/*
 * Each handler that reads more than its :id reads it with a read_*()
 * function into a struct, before it touches the store; in_*() runs that
 * reader alone for the route table's input column (fuzz/fuzz_json.c).
 */

struct tasks_in {
	int64_t			 plan;
	struct task_query	 q;
};

static int
read_tasks(struct req *r, struct tasks_in *in)
{
	int64_t		 v;
	int		 bad = 0;

	memset(in, 0, sizeof(*in));
	if (http_id(r, &in->plan) || http_qint(r, "period", INT64_MAX,
	    &in->q.period_id) || http_qint(r, "unit", INT64_MAX,
	    &in->q.unit_id) || http_qint(r, "section", 100, &v))
		return -1;
	in->q.section = (int)v;
	if (http_qint(r, "page", 100000, &v))
		return -1;
	in->q.page = (int)v;
	if (http_qint(r, "per_page", 200, &v))
		return -1;
	in->q.per_page = (int)v;
	in->q.state = http_qstr(r, "state", 16, &bad);
	in->q.light = http_qstr(r, "light", 16, &bad);
	in->q.q = http_qstr(r, "q", 200, &bad);
	return bad ? -1 : 0;
}

int
in_tasks(struct req *r)
{
	struct tasks_in	 in;

	return read_tasks(r, &in);
}

void
h_tasks(struct req *r)
{
	struct tasks_in	 in;
	json_t		*o = NULL;
	enum fz_err	 rc;

	if (read_tasks(r, &in))
		return;
	rc = core_task_list_json(r->st, &r->actor, in.plan, &in.q, r->today,
	    &o);
	http_answer(r, rc, o, NULL);
}

struct dashboard_in {
	int64_t		 plan, period;
};

static int
read_dashboard(struct req *r, struct dashboard_in *in)
{
	if (http_id(r, &in->plan) || http_qint(r, "period", INT64_MAX,
	    &in->period))
		return -1;
	return 0;
}

int
in_dashboard(struct req *r)
{
	struct dashboard_in	 in;

	return read_dashboard(r, &in);
}

void
h_dashboard(struct req *r)
{
	struct dashboard_in	 in;
	json_t			*o = NULL;
	enum fz_err		 rc;

	if (read_dashboard(r, &in))
		return;
	rc = core_dashboard_json(r->st, &r->actor, in.plan, in.period,
	    r->today, &o);
	http_answer(r, rc, o, NULL);
}

void
h_task(struct req *r)
{
	int64_t		 id;
	json_t		*o = NULL;
	enum fz_err	 rc;

	if (http_id(r, &id))
		return;
	rc = core_task_json(r->st, &r->actor, id, r->today, &o);
	http_answer(r, rc, o, NULL);
}

void
h_reasons(struct req *r)
{
	http_json(r, 200, json_pack("{s:o}", "reasons", core_reasons_json()));
}

/* The report's full JSON after a change, or the error. */
static void
report_answer(struct req *r, enum fz_err rc, int64_t id,
    const struct diags *dg)
{
	struct report	 rep;
	struct diags	 d2 = { 0 };

	if (rc != FZ_OK) {
		http_answer(r, rc, NULL, dg);
		return;
	}
	if ((rc = core_report_read(r->st, &r->actor, id, &rep, &d2)) !=
	    FZ_OK) {
		http_answer(r, rc, NULL, &d2);
		diags_release(&d2);
		return;
	}
	http_json(r, 200, json_pack("{s:o}", "report",
	    core_report_json(r->st, &r->actor, &rep, 1)));
	report_release(&rep);
}

void
h_report_get(struct req *r)
{
	int64_t		 id;

	if (http_id(r, &id))
		return;
	report_answer(r, FZ_OK, id, NULL);
}

struct reports_in {
	struct report_filter	 f;
	int			 queue;	/* the review queue: not mine */
};

static int
read_reports(struct req *r, struct reports_in *in)
{
	int64_t		 v;
	int		 bad = 0;

	memset(in, 0, sizeof(*in));
	if (http_qint(r, "plan", INT64_MAX, &in->f.plan_id) ||
	    http_qint(r, "period", INT64_MAX, &in->f.period_id) ||
	    http_qint(r, "task", INT64_MAX, &in->f.task_id) ||
	    http_qint(r, "unit", INT64_MAX, &in->f.unit_id) ||
	    http_qint(r, "per_page", 200, &v))
		return -1;
	in->f.limit = v > 0 ? (int)v : 50;
	if (http_qint(r, "page", 100000, &v))
		return -1;
	in->f.offset = v > 1 ? (int)(v - 1) * in->f.limit : 0;
	in->f.state = http_qstr(r, "state", 16, &bad);
	in->queue = http_query(r, "queue") != NULL;
	return bad ? -1 : 0;
}

int
in_reports(struct req *r)
{
	struct reports_in	 in;

	return read_reports(r, &in);
}

void
h_reports(struct req *r)
{
	struct reports_in	 in;
	json_t			*o = NULL;
	enum fz_err		 rc;

	if (read_reports(r, &in))
		return;
	if (in.queue)
		in.f.not_of = r->actor.account_id;
	rc = core_report_list(r->st, &r->actor, &in.f, &o);
	http_answer(r, rc, o, NULL);
}

/*
 * "indicators": [{"name", "value": number|null, "done": bool|null,
 * "note"}]: the values of the task's manual indicators (checked against
 * the plan by the core).
 */
static int
report_inds(struct req *r, struct report_ind **out, size_t *n, int *set)
{
	json_t		*a = json_object_get(r->json, "indicators"), *x, *v;
	struct report_ind *inds;
	size_t		 i;
	const char	*why = NULL;

	*out = NULL;
	*n = 0;
	*set = a != NULL;
	if (a == NULL)
		return 0;
	if (!json_is_array(a) || json_array_size(a) > REPORT_INDS_MAX) {
		http_error(r, 400, "INVALID", "字段“indicators”应为指标数值的"
		    "数组（至多 20 项）", "indicators");
		return -1;
	}
	inds = xcalloc(json_array_size(a) + 1, sizeof(*inds));
	json_array_foreach(a, i, x) {
		struct report_ind *d = &inds[i];
		const char *name = json_string_value(json_object_get(x, "name"));
		const char *note = json_string_value(json_object_get(x, "note"));

		d->done = -1;
		if (!json_is_object(x) || name == NULL || name[0] == '\0' ||
		    strlen(name) >= sizeof(d->name)) {
			why = "每项指标须有名称（name）";
			break;
		}
		snprintf(d->name, sizeof(d->name), "%s", name);
		v = json_object_get(x, "value");
		if (v != NULL && !json_is_null(v)) {
			if (!json_is_number(v)) {
				why = "指标的 value 应为数字";
				break;
			}
			d->has_value = 1;
			d->value = json_number_value(v);
		}
		v = json_object_get(x, "done");
		if (v != NULL && !json_is_null(v)) {
			if (!json_is_boolean(v)) {
				why = "指标的 done 应为 true 或 false";
				break;
			}
			d->done = json_is_true(v);
		}
		v = json_object_get(x, "note");
		if (v != NULL && !json_is_null(v) && (note == NULL ||
		    strlen(note) > TEXT_MAX)) {
			why = "指标的 note 应为文字";
			break;
		}
		d->note = xstrdup(note ? note : "");
	}
	*out = inds;
	*n = i;
	if (why != NULL) {
		http_error(r, 400, "INVALID", why, "indicators");
		return -1;
	}
	return 0;
}

static void
report_inds_free(struct report_ind *v, size_t n)
{
	size_t	 i;

	for (i = 0; v != NULL && i < n; i++)
		free(v[i].note);
	free(v);
}

static int
report_input(struct req *r, struct report_input *in, int64_t **cites)
{
	memset(in, 0, sizeof(*in));
	*cites = NULL;
	if (http_int(r, "period_id", 0, &in->period_id) ||
	    http_int(r, "task_id", 0, &in->task_id) ||
	    http_int(r, "unit_id", 0, &in->unit_id) ||
	    http_str(r, "progress", 16, 0, &in->progress) ||
	    http_str(r, "narrative", TEXT_MAX, 0, &in->narrative))
		return -1;
	{
		json_t *m = json_object_get(r->json, "measures"), *x;
		size_t i;
		struct buf b = BUF_INIT;

		if (m != NULL && !json_is_null(m)) {
			if (!json_is_array(m) || json_array_size(m) > 100) {
				http_error(r, 400, "INVALID", "字段“measures”"
				    "应为措施编号的数组", "measures");
				return -1;
			}
			json_array_foreach(m, i, x) {
				if (!json_is_integer(x)) {
					buf_release(&b);
					http_error(r, 400, "INVALID", "字段"
					    "“measures”应为措施编号的数组",
					    "measures");
					return -1;
				}
				buf_addf(&b, "%s%lld", i ? "," : "",
				    (long long)json_integer_value(x));
			}
			in->measures = buf_detach(&b, NULL);
		}
	}
	if (http_ids(r, "cites", 200, cites, &in->ncites, &in->set_cites)) {
		free((char *)(uintptr_t)in->measures);
		in->measures = NULL;
		return -1;
	}
	in->cites = *cites;
	return 0;
}

struct report_in {
	int64_t			 id;	/* 0: a new report */
	struct report_input	 in;
	int64_t			*cites;
	struct report_ind	*inds;
	size_t			 ninds;
};

static void
report_in_release(struct report_in *in)
{
	free(in->cites);
	free((char *)(uintptr_t)in->in.measures);
	report_inds_free(in->inds, in->ninds);
}

static int
read_report(struct req *r, int with_id, struct report_in *in)
{
	memset(in, 0, sizeof(*in));
	if (with_id && http_id(r, &in->id))
		return -1;
	if (r->json == NULL) {
		http_error(r, 400, "BAD_JSON", "请求内容应为 JSON 对象", NULL);
		return -1;
	}
	if (report_input(r, &in->in, &in->cites))
		return -1;
	if (report_inds(r, &in->inds, &in->ninds, &in->in.set_inds))
		return -1;
	in->in.inds = in->inds;
	in->in.ninds = in->ninds;
	return 0;
}

static int
check_report(struct req *r, int with_id)
{
	struct report_in	 in;
	int			 rc = read_report(r, with_id, &in);

	report_in_release(&in);
	return rc;
}

int
in_report_create(struct req *r)
{
	return check_report(r, 0);
}

int
in_report_update(struct req *r)
{
	return check_report(r, 1);
}

static void
report_save(struct req *r, int with_id)
{
	struct report_in	 in;
	struct diags		 dg = { 0 };
	int64_t			 out = 0;
	enum fz_err		 rc;

	if (read_report(r, with_id, &in) == 0) {
		rc = core_report_save(r->st, &r->actor, in.id, &in.in, &out,
		    &dg);
		report_answer(r, rc, out, &dg);
	}
	report_in_release(&in);
	diags_release(&dg);
}

void
h_report_create(struct req *r)
{
	report_save(r, 0);
}

void
h_report_update(struct req *r)
{
	report_save(r, 1);
}

void
h_report_submit(struct req *r)
{
	struct diags	 dg = { 0 };
	int64_t		 id;

	if (http_id(r, &id))
		return;
	report_answer(r, core_report_submit(r->st, &r->actor, id, r->today,
	    &dg), id, &dg);
	diags_release(&dg);
}

/* A decision with a comment: approve, review, an extension's. */
struct decide_in {
	int64_t		 id;
	int		 ok;
	const char	*reason, *comment;
};

static int
read_approve(struct req *r, struct decide_in *in)
{
	memset(in, 0, sizeof(*in));
	if (http_id(r, &in->id) || http_bool(r, "approve", 1, &in->ok) ||
	    http_str(r, "comment", 4000, 0, &in->comment))
		return -1;
	return 0;
}

int
in_report_approve(struct req *r)
{
	struct decide_in	 in;

	return read_approve(r, &in);
}

void
h_report_approve(struct req *r)
{
	struct diags		 dg = { 0 };
	struct decide_in	 in;

	if (read_approve(r, &in))
		return;
	report_answer(r, core_report_approve(r->st, &r->actor, in.id, in.ok,
	    in.comment, r->today, &dg), in.id, &dg);
	diags_release(&dg);
}

static int
read_review(struct req *r, struct decide_in *in)
{
	const char	*decision;

	memset(in, 0, sizeof(*in));
	if (http_id(r, &in->id) || http_str(r, "decision", 16, 1,
	    &decision) || http_str(r, "reason", 16, 0, &in->reason) ||
	    http_str(r, "comment", 4000, 0, &in->comment))
		return -1;
	if (!str_eq(decision, "accept") && !str_eq(decision, "return")) {
		http_error(r, 400, "INVALID", "字段“decision”应为 accept（通过）"
		    "或 return（退回）", "decision");
		return -1;
	}
	in->ok = str_eq(decision, "accept");
	return 0;
}

int
in_report_review(struct req *r)
{
	struct decide_in	 in;

	return read_review(r, &in);
}

void
h_report_review(struct req *r)
{
	struct diags		 dg = { 0 };
	struct decide_in	 in;

	if (read_review(r, &in))
		return;
	report_answer(r, core_report_review(r->st, &r->actor, in.id, in.ok,
	    in.reason, in.comment, &dg), in.id, &dg);
	diags_release(&dg);
}

static json_t *
evidence_json(const struct evidence *e)
{
	return json_pack("{s:I,s:I,s:s,s:s,s:I,s:s}", "id", (json_int_t)e->id,
	    "report_id", (json_int_t)e->report_id, "name", e->name, "mime",
	    e->mime, "size", (json_int_t)e->size, "sha256", e->sha256);
}

struct evidence_in {
	int64_t		 id;
	const char	*name;
};

static int
read_evidence(struct req *r, struct evidence_in *in)
{
	in->name = http_query(r, "name");
	if (http_id(r, &in->id))
		return -1;
	if (in->name == NULL) {
		http_error(r, 400, "INVALID", "缺少文件名（查询参数 name）",
		    "name");
		return -1;
	}
	return 0;
}

int
in_evidence_add(struct req *r)
{
	struct evidence_in	 in;

	return read_evidence(r, &in);
}

void
h_evidence_add(struct req *r)
{
	struct diags		 dg = { 0 };
	struct evidence		 e;
	struct evidence_in	 in;
	enum fz_err		 rc;

	if (read_evidence(r, &in))
		return;
	rc = core_evidence_add(r->st, &r->actor, in.id, in.name, r->body.ptr,
	    r->body.len, &e, &dg);
	http_answer(r, rc, rc == FZ_OK ? json_pack("{s:o}", "evidence",
	    evidence_json(&e)) : NULL, &dg);
	diags_release(&dg);
}

void
h_evidence_get(struct req *r)
{
	struct diags	 dg = { 0 };
	struct evidence	 e;
	struct buf	 b = BUF_INIT;
	int64_t		 id;
	enum fz_err	 rc;

	if (http_id(r, &id))
		return;
	if ((rc = core_evidence_fetch(r->st, &r->actor, id, &e, &b, &dg)) ==
	    FZ_OK)
		http_file(r, e.mime[0] ? e.mime : "application/octet-stream",
		    e.name, b.ptr, b.len);
	else
		http_answer(r, rc, NULL, &dg);
	buf_release(&b);
	diags_release(&dg);
}

void
h_evidence_delete(struct req *r)
{
	struct diags	 dg = { 0 };
	int64_t		 id;

	if (http_id(r, &id))
		return;
	http_answer(r, core_evidence_delete(r->st, &r->actor, id, &dg), NULL, &dg);
	diags_release(&dg);
}

static void
assignment_answer(struct req *r, enum fz_err rc, int64_t id,
    const struct diags *dg)
{
	struct assignment	 a;

	if (rc == FZ_OK && store_assignment_get(r->st, id, &a) == FZ_OK) {
		http_json(r, 200, json_pack("{s:{s:I,s:I,s:I,s:s,s:s,s:s,s:s}}",
		    "assignment", "id", (json_int_t)a.id, "task_id",
		    (json_int_t)a.task_id, "unit_id", (json_int_t)a.unit_id,
		    "unit_name", a.unit_name, "role", a.role, "state", a.state,
		    "state_name", core_state_name(a.state)));
		return;
	}
	http_answer(r, rc, NULL, dg);
}

void
h_assignment_claim(struct req *r)
{
	struct diags	 dg = { 0 };
	int64_t		 id;

	if (http_id(r, &id))
		return;
	assignment_answer(r, core_assignment_claim(r->st, &r->actor, id, &dg),
	    id, &dg);
	diags_release(&dg);
}

void
h_assignment_close(struct req *r)
{
	struct diags	 dg = { 0 };
	int64_t		 id;

	if (http_id(r, &id))
		return;
	assignment_answer(r, core_assignment_close(r->st, &r->actor, id, &dg),
	    id, &dg);
	diags_release(&dg);
}

struct assignment_in {
	int64_t		 task, unit;
	const char	*role;
};

static int
read_assignment(struct req *r, struct assignment_in *in)
{
	memset(in, 0, sizeof(*in));
	if (http_id(r, &in->task) || http_int(r, "unit_id", 1, &in->unit) ||
	    http_str(r, "role", 16, 0, &in->role))
		return -1;
	return 0;
}

int
in_assignment_add(struct req *r)
{
	struct assignment_in	 in;

	return read_assignment(r, &in);
}

void
h_assignment_add(struct req *r)
{
	struct diags		 dg = { 0 };
	struct assignment	 a;
	struct assignment_in	 in;
	enum fz_err		 rc;

	if (read_assignment(r, &in))
		return;
	rc = core_assignment_designate(r->st, &r->actor, in.task, in.unit,
	    in.role ? in.role : "responsible", &a, &dg);
	assignment_answer(r, rc, a.id, &dg);
	diags_release(&dg);
}

struct extensions_in {
	int64_t		 plan, task, unit;
	const char	*state;
};

static int
read_extensions(struct req *r, struct extensions_in *in)
{
	int		 bad = 0;

	memset(in, 0, sizeof(*in));
	if (http_qint(r, "plan", INT64_MAX, &in->plan) ||
	    http_qint(r, "task", INT64_MAX, &in->task) ||
	    http_qint(r, "unit", INT64_MAX, &in->unit))
		return -1;
	in->state = http_qstr(r, "state", 16, &bad);
	return bad ? -1 : 0;
}

int
in_extensions(struct req *r)
{
	struct extensions_in	 in;

	return read_extensions(r, &in);
}

void
h_extensions(struct req *r)
{
	struct extension	*e;
	struct extensions_in	 in;
	size_t			 n;
	enum fz_err		 rc;

	if (read_extensions(r, &in))
		return;
	if (!core_actor_reads_all(&r->actor)) {
		/* A unit's people see their own units' requests. */
		if (in.unit == 0 || !core_actor_in_unit(&r->actor, in.unit,
		    0)) {
			http_error(r, 403, "FORBIDDEN",
			    "只能查看本单位的延期申请（请指定 unit）", "unit");
			return;
		}
	}
	if ((rc = store_extension_list(r->st, in.plan, in.task, in.unit,
	    in.state, &e, &n)) != FZ_OK) {
		http_fail(r, rc, NULL);
		return;
	}
	http_json(r, 200, json_pack("{s:o}", "items",
	    core_extensions_json(e, n)));
	free(e);
}

static int
read_extension(struct req *r, struct extension *e)
{
	const char	*due, *reason;

	memset(e, 0, sizeof(*e));
	if (http_int(r, "period_id", 1, &e->period_id) ||
	    http_int(r, "task_id", 1, &e->task_id) ||
	    http_int(r, "unit_id", 1, &e->unit_id) ||
	    http_str(r, "due", 10, 1, &due) ||
	    http_str(r, "reason", 2000, 1, &reason))
		return -1;
	snprintf(e->requested_due, sizeof(e->requested_due), "%s", due);
	e->reason = (char *)(uintptr_t)reason;
	return 0;
}

int
in_extension_add(struct req *r)
{
	struct extension	 e;

	return read_extension(r, &e);
}

void
h_extension_add(struct req *r)
{
	struct diags		 dg = { 0 };
	struct extension	 e;
	enum fz_err		 rc;

	if (read_extension(r, &e))
		return;
	rc = core_extension_request(r->st, &r->actor, &e, &dg);
	http_answer(r, rc, rc == FZ_OK ? json_pack("{s:{s:I,s:s,s:s,s:s}}",
	    "extension", "id", (json_int_t)e.id, "state", e.state,
	    "original_due", e.original_due, "requested_due",
	    e.requested_due) : NULL, &dg);
	diags_release(&dg);
}

static int
read_decide(struct req *r, struct decide_in *in)
{
	memset(in, 0, sizeof(*in));
	if (http_id(r, &in->id) || http_bool(r, "approve", 0, &in->ok) ||
	    http_str(r, "comment", 2000, 0, &in->comment))
		return -1;
	if (json_object_get(r->json, "approve") == NULL) {
		http_error(r, 400, "INVALID", "字段“approve”不能为空", "approve");
		return -1;
	}
	return 0;
}

int
in_extension_decide(struct req *r)
{
	struct decide_in	 in;

	return read_decide(r, &in);
}

void
h_extension_decide(struct req *r)
{
	struct diags		 dg = { 0 };
	struct decide_in	 in;

	if (read_decide(r, &in))
		return;
	http_answer(r, core_extension_decide(r->st, &r->actor, in.id, in.ok,
	    in.comment, &dg), NULL, &dg);
	diags_release(&dg);
}

struct due_in {
	int64_t		 id;
	const char	*due, *reason;
};

static int
read_due(struct req *r, struct due_in *in)
{
	memset(in, 0, sizeof(*in));
	if (http_id(r, &in->id) || http_str(r, "due", 10, 1, &in->due) ||
	    http_str(r, "reason", 2000, 1, &in->reason))
		return -1;
	return 0;
}

int
in_period_due(struct req *r)
{
	struct due_in	 in;

	return read_due(r, &in);
}

void
h_period_due(struct req *r)
{
	struct diags	 dg = { 0 };
	struct due_in	 in;

	if (read_due(r, &in))
		return;
	http_answer(r, core_period_extend(r->st, &r->actor, in.id, in.due,
	    in.reason, &dg), NULL, &dg);
	diags_release(&dg);
}

static void
period_lock(struct req *r, int lock)
{
	struct diags	 dg = { 0 };
	int64_t		 id;

	if (http_id(r, &id))
		return;
	http_answer(r, core_period_lock(r->st, id, lock, r->actor.login, &dg), NULL,
	    &dg);
	diags_release(&dg);
}

void
h_period_lock(struct req *r)
{
	period_lock(r, 1);
}

void
h_period_unlock(struct req *r)
{
	period_lock(r, 0);
}

static int
read_period(struct req *r, struct period *p)
{
	const char	*name, *starts, *ends, *due;
	int64_t		 plan, grace;

	memset(p, 0, sizeof(*p));
	if (http_id(r, &plan) || http_str(r, "name", 60, 1, &name) ||
	    http_str(r, "starts", 10, 1, &starts) ||
	    http_str(r, "ends", 10, 1, &ends) ||
	    http_str(r, "due", 10, 1, &due) ||
	    http_int(r, "grace_days", 0, &grace))
		return -1;
	p->plan_id = plan;
	snprintf(p->name, sizeof(p->name), "%s", name);
	snprintf(p->starts, sizeof(p->starts), "%s", starts);
	snprintf(p->ends, sizeof(p->ends), "%s", ends);
	snprintf(p->due, sizeof(p->due), "%s", due);
	p->grace_days = grace > 60 ? 61 : (int)grace;
	return 0;
}

int
in_period_add(struct req *r)
{
	struct period	 p;

	return read_period(r, &p);
}

void
h_period_add(struct req *r)
{
	struct diags	 dg = { 0 };
	struct period	 p;
	enum fz_err	 rc;

	if (read_period(r, &p))
		return;
	rc = core_period_add(r->st, &p, r->actor.login, &dg);
	http_answer(r, rc, rc == FZ_OK ? json_pack("{s:{s:I,s:s}}", "period", "id",
	    (json_int_t)p.id, "name", p.name) : NULL, &dg);
	diags_release(&dg);
}

static int
read_urge(struct req *r, struct notice *x)
{
	const char	*msg;

	memset(x, 0, sizeof(*x));
	if (http_int(r, "unit_id", 1, &x->unit_id) ||
	    http_int(r, "task_id", 0, &x->task_id) ||
	    http_int(r, "period_id", 0, &x->period_id) ||
	    http_str(r, "message", 2000, 1, &msg))
		return -1;
	x->message = (char *)(uintptr_t)msg;
	return 0;
}

int
in_urge(struct req *r)
{
	struct notice	 x;

	return read_urge(r, &x);
}

void
h_urge(struct req *r)
{
	struct diags	 dg = { 0 };
	struct notice	 x;
	enum fz_err	 rc;

	if (read_urge(r, &x))
		return;
	rc = core_urge(r->st, &r->actor, &x, &dg);
	http_answer(r, rc, rc == FZ_OK ? json_pack("{s:{s:I}}", "notice", "id",
	    (json_int_t)x.id) : NULL, &dg);
	diags_release(&dg);
}

static int
read_notices(struct req *r, struct notice_filter *f)
{
	int64_t		 v;

	memset(f, 0, sizeof(*f));
	if (http_qint(r, "unit", INT64_MAX, &f->unit_id) ||
	    http_qint(r, "task", INT64_MAX, &f->task_id) ||
	    http_qint(r, "unread", 1, &v))
		return -1;
	f->unread = (int)v;
	f->limit = 200;
	return 0;
}

int
in_notices(struct req *r)
{
	struct notice_filter	 f;

	return read_notices(r, &f);
}

void
h_notices(struct req *r)
{
	struct notice_filter	 f;
	json_t			*o = NULL;
	enum fz_err		 rc;

	if (read_notices(r, &f))
		return;
	rc = core_notices_json(r->st, &r->actor, &f, &o);
	http_answer(r, rc, o, NULL);
}

void
h_notice_read(struct req *r)
{
	struct diags	 dg = { 0 };
	int64_t		 id;

	if (http_id(r, &id))
		return;
	http_answer(r, core_notice_read(r->st, &r->actor, id, &dg), NULL, &dg);
	diags_release(&dg);
}

void
h_settings(struct req *r)
{
	http_json(r, 200, json_pack("{s:o}", "settings",
	    core_settings_json(r->st)));
}

/* Settings to change: an object of integers, every one checked first. */
int
in_settings_put(struct req *r)
{
	const char	*key;
	json_t		*v;
	char		 msg[160];

	if (r->json == NULL || json_object_size(r->json) == 0) {
		http_error(r, 400, "INVALID", "请提供要修改的设置", NULL);
		return -1;
	}
	json_object_foreach(r->json, key, v)
		if (!json_is_integer(v)) {
			snprintf(msg, sizeof(msg), "设置“%s”应为整数", key);
			http_error(r, 400, "INVALID", msg, key);
			return -1;
		}
	return 0;
}

void
h_settings_put(struct req *r)
{
	struct diags	 dg = { 0 };
	const char	*key;
	json_t		*v;
	char		 num[32];
	enum fz_err	 rc = FZ_OK;

	if (in_settings_put(r))
		return;
	json_object_foreach(r->json, key, v) {
		snprintf(num, sizeof(num), "%lld",
		    (long long)json_integer_value(v));
		if ((rc = core_setting_set(r->st, &r->actor, key, num, &dg)) !=
		    FZ_OK)
			break;
	}
	if (rc != FZ_OK)
		http_answer(r, rc, NULL, &dg);
	else
		h_settings(r);
	diags_release(&dg);
}

struct audit_in {
	int64_t		 page, per;
	const char	*actor, *q;
};

static int
read_audit(struct req *r, struct audit_in *in)
{
	int		 bad = 0;

	memset(in, 0, sizeof(*in));
	if (http_qint(r, "page", 100000, &in->page) ||
	    http_qint(r, "per_page", 200, &in->per))
		return -1;
	in->actor = http_qstr(r, "actor", 64, &bad);
	in->q = http_qstr(r, "q", 200, &bad);
	if (in->per == 0)
		in->per = 50;
	if (in->page == 0)
		in->page = 1;
	return bad ? -1 : 0;
}

int
in_audit(struct req *r)
{
	struct audit_in	 in;

	return read_audit(r, &in);
}

void
h_audit(struct req *r)
{
	struct audit_entry	*v;
	struct audit_in		 in;
	size_t			 n, i;
	int64_t			 total, page, per;
	json_t			*a;
	enum fz_err		 rc;

	if (read_audit(r, &in))
		return;
	page = in.page;
	per = in.per;
	if ((rc = store_audit_page(r->st, in.actor, in.q, (int)per,
	    (int)((page - 1) * per), &v, &n, &total)) != FZ_OK) {
		http_fail(r, rc, NULL);
		return;
	}
	a = json_array();
	for (i = 0; i < n; i++) {
		json_array_append_new(a, json_pack("{s:I,s:s,s:s,s:s,s:s,s:s?}",
		    "id", (json_int_t)v[i].id, "at", v[i].at, "actor",
		    v[i].actor, "action", v[i].action, "object", v[i].object,
		    "detail", v[i].detail));
		audit_entry_release(&v[i]);
	}
	free(v);
	http_json(r, 200, json_pack("{s:I,s:I,s:I,s:o}", "total",
	    (json_int_t)total, "page", (json_int_t)page, "per_page",
	    (json_int_t)per, "items", a));
}

/* Accounts (system administrators). */

static void
account_fail(struct req *r, enum fz_err rc, struct diags *dg)
{
	static const struct {
		const char	*code, *field;
	} map[] = {
		{ "bad_login", "login" }, { "bad_name", "name" },
		{ "weak_password", "password" }, { "unknown_unit", "roles" },
		{ "conflict", "login" }, { "not_found", "id" },
	};
	size_t	 i, j;

	for (i = 0; i < dg->n; i++)
		for (j = 0; j < sizeof(map) / sizeof(map[0]); j++)
			if (str_eq(dg->v[i].code, map[j].code)) {
				free(dg->v[i].code);
				dg->v[i].code = xstrdup(map[j].field);
			}
	for (i = 0; i < dg->n; i++)
		if (str_eq(dg->v[i].code, "db")) {
			free(dg->v[i].code);
			dg->v[i].code = xstrdup("error");
		}
	http_answer(r, rc, NULL, dg);
}

static int
account_row(const struct account *a, void *arg)
{
	json_array_append_new(arg, core_account_json(a));
	return 0;
}

void
h_accounts(struct req *r)
{
	json_t		*a = json_array();
	enum fz_err	 rc;

	if ((rc = store_account_iter(r->st, account_row, a)) != FZ_OK) {
		json_decref(a);
		http_fail(r, rc, NULL);
		return;
	}
	http_json(r, 200, json_pack("{s:o}", "accounts", a));
}

/* The account to add; s.roles is allocated (free it). */
static int
read_account(struct req *r, struct account_spec *s)
{
	struct role_spec	*roles;
	json_t			*v, *x;
	size_t			 i;
	int			 admin;

	memset(s, 0, sizeof(*s));
	if (http_str(r, "login", 64, 1, &s->login) ||
	    http_str(r, "name", 64, 1, &s->name) ||
	    http_str(r, "password", 256, 1, &s->password) ||
	    http_bool(r, "is_admin", 0, &admin))
		return -1;
	s->is_admin = admin;
	v = json_object_get(r->json, "roles");
	if (v != NULL && (!json_is_array(v) || json_array_size(v) > 50)) {
		http_error(r, 400, "INVALID", "字段“roles”应为数组", "roles");
		return -1;
	}
	roles = xcalloc(json_array_size(v) + 1, sizeof(*roles));
	json_array_foreach(v, i, x) {
		json_t		*u = json_object_get(x, "unit");
		json_t		*ro = json_object_get(x, "role");
		enum staff_role	 sr;

		if (!json_is_string(u) || !json_is_string(ro) ||
		    !staff_role_parse(json_string_value(ro), &sr)) {
			free(roles);
			http_error(r, 400, "INVALID", "角色应写成 {\"unit\": 单位编码,"
			    " \"role\": supervisor|leader|unit_leader|clerk}",
			    "roles");
			return -1;
		}
		roles[i].unit = json_string_value(u);
		roles[i].role = sr;
	}
	s->roles = roles;
	s->nroles = json_array_size(v);
	return 0;
}

int
in_account_add(struct req *r)
{
	struct account_spec	 s;

	if (read_account(r, &s))
		return -1;
	free((void *)(uintptr_t)s.roles);
	return 0;
}

void
h_account_add(struct req *r)
{
	struct account_spec	 s;
	struct diags		 dg = { 0 };
	enum fz_err		 rc;

	if (read_account(r, &s))
		return;
	if ((rc = core_account_add(r->st, &s, r->actor.login, &dg)) != FZ_OK)
		account_fail(r, rc, &dg);
	else
		http_json(r, 200, json_pack("{s:b}", "ok", 1));
	free((void *)(uintptr_t)s.roles);
	diags_release(&dg);
}

/* The account of the path's :id. */
static int
account_login(struct req *r, int64_t id, struct account *a)
{
	memset(a, 0, sizeof(*a));
	a->id = id;
	if (store_account_get(r->st, NULL, a) != FZ_OK) {
		http_error(r, 404, "NOT_FOUND", "账号不存在", "id");
		return -1;
	}
	return 0;
}

struct disable_in {
	int64_t		 id;
	int		 off;
};

static int
read_disable(struct req *r, struct disable_in *in)
{
	if (http_bool(r, "disabled", 1, &in->off) || http_id(r, &in->id))
		return -1;
	return 0;
}

int
in_account_disable(struct req *r)
{
	struct disable_in	 in;

	return read_disable(r, &in);
}

void
h_account_disable(struct req *r)
{
	struct account		 a;
	struct diags		 dg = { 0 };
	struct disable_in	 in;
	enum fz_err		 rc;

	if (read_disable(r, &in) || account_login(r, in.id, &a))
		return;
	if (a.id == r->actor.account_id && in.off)
		http_error(r, 400, "INVALID", "不能停用自己的账号", "id");
	else if ((rc = core_account_disable(r->st, a.login, in.off,
	    r->actor.login, &dg)) != FZ_OK)
		account_fail(r, rc, &dg);
	else
		http_json(r, 200, json_pack("{s:b}", "ok", 1));
	account_release(&a);
	diags_release(&dg);
}

struct password_in {
	int64_t		 id;
	const char	*pw;
};

static int
read_password(struct req *r, struct password_in *in)
{
	if (http_str(r, "password", 256, 1, &in->pw) || http_id(r, &in->id))
		return -1;
	return 0;
}

int
in_account_password(struct req *r)
{
	struct password_in	 in;

	return read_password(r, &in);
}

void
h_account_password(struct req *r)
{
	struct account		 a;
	struct diags		 dg = { 0 };
	struct password_in	 in;
	enum fz_err		 rc;

	if (read_password(r, &in) || account_login(r, in.id, &a))
		return;
	if ((rc = core_account_passwd(r->st, a.login, in.pw, r->actor.login,
	    &dg)) != FZ_OK)
		account_fail(r, rc, &dg);
	else
		http_json(r, 200, json_pack("{s:b}", "ok", 1));
	account_release(&a);
	diags_release(&dg);
}
