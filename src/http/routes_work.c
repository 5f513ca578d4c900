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

/* Answer a core result: the JSON on success, the mapped error if not. */
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

void
h_todo(struct req *r)
{
	json_t		*o = NULL;
	enum fz_err	 rc;

	rc = core_todo_json(r->st, &r->actor, r->today, &o);
	answer(r, rc, o, NULL);
}

void
h_tasks(struct req *r)
{
	struct task_query	 q;
	int64_t			 plan, v;
	int			 bad = 0;
	json_t			*o = NULL;
	enum fz_err		 rc;

	memset(&q, 0, sizeof(q));
	if (http_id(r, &plan) || http_qint(r, "period", INT64_MAX,
	    &q.period_id) || http_qint(r, "unit", INT64_MAX, &q.unit_id) ||
	    http_qint(r, "section", 100, &v))
		return;
	q.section = (int)v;
	if (http_qint(r, "page", 100000, &v))
		return;
	q.page = (int)v;
	if (http_qint(r, "per_page", 200, &v))
		return;
	q.per_page = (int)v;
	q.state = http_qstr(r, "state", 16, &bad);
	q.light = http_qstr(r, "light", 16, &bad);
	q.q = http_qstr(r, "q", 200, &bad);
	if (bad)
		return;
	rc = core_task_list_json(r->st, &r->actor, plan, &q, r->today, &o);
	answer(r, rc, o, NULL);
}

void
h_dashboard(struct req *r)
{
	int64_t		 plan, period;
	json_t		*o = NULL;
	enum fz_err	 rc;

	if (http_id(r, &plan) || http_qint(r, "period", INT64_MAX, &period))
		return;
	rc = core_dashboard_json(r->st, &r->actor, plan, period, r->today,
	    &o);
	answer(r, rc, o, NULL);
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
	answer(r, rc, o, NULL);
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
		answer(r, rc, NULL, dg);
		return;
	}
	if ((rc = core_report_read(r->st, &r->actor, id, &rep, &d2)) !=
	    FZ_OK) {
		answer(r, rc, NULL, &d2);
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

void
h_reports(struct req *r)
{
	struct report_filter	 f;
	int64_t			 v;
	int			 bad = 0;
	json_t			*o = NULL;
	enum fz_err		 rc;

	memset(&f, 0, sizeof(f));
	if (http_qint(r, "plan", INT64_MAX, &f.plan_id) ||
	    http_qint(r, "period", INT64_MAX, &f.period_id) ||
	    http_qint(r, "task", INT64_MAX, &f.task_id) ||
	    http_qint(r, "unit", INT64_MAX, &f.unit_id) ||
	    http_qint(r, "per_page", 200, &v))
		return;
	f.limit = v > 0 ? (int)v : 50;
	if (http_qint(r, "page", 100000, &v))
		return;
	f.offset = v > 1 ? (int)(v - 1) * f.limit : 0;
	f.state = http_qstr(r, "state", 16, &bad);
	if (bad)
		return;
	if (http_query(r, "queue") != NULL)	/* review queue: not mine */
		f.not_of = r->actor.account_id;
	rc = core_report_list(r->st, &r->actor, &f, &o);
	answer(r, rc, o, NULL);
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

static void
report_save(struct req *r, int64_t id)
{
	struct report_input	 in;
	struct diags		 dg = { 0 };
	int64_t			*cites, out = 0;
	enum fz_err		 rc;

	if (r->json == NULL) {
		http_error(r, 400, "BAD_JSON", "请求内容应为 JSON 对象", NULL);
		return;
	}
	if (report_input(r, &in, &cites))
		return;
	rc = core_report_save(r->st, &r->actor, id, &in, &out, &dg);
	report_answer(r, rc, out, &dg);
	free(cites);
	free((char *)(uintptr_t)in.measures);
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
	int64_t		 id;

	if (http_id(r, &id) == 0)
		report_save(r, id);
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

void
h_report_approve(struct req *r)
{
	struct diags	 dg = { 0 };
	const char	*comment;
	int64_t		 id;
	int		 ok;

	if (http_id(r, &id) || http_bool(r, "approve", 1, &ok) ||
	    http_str(r, "comment", 4000, 0, &comment))
		return;
	report_answer(r, core_report_approve(r->st, &r->actor, id, ok,
	    comment, r->today, &dg), id, &dg);
	diags_release(&dg);
}

void
h_report_review(struct req *r)
{
	struct diags	 dg = { 0 };
	const char	*decision, *reason, *comment;
	int64_t		 id;

	if (http_id(r, &id) || http_str(r, "decision", 16, 1, &decision) ||
	    http_str(r, "reason", 16, 0, &reason) ||
	    http_str(r, "comment", 4000, 0, &comment))
		return;
	if (!str_eq(decision, "accept") && !str_eq(decision, "return")) {
		http_error(r, 400, "INVALID", "字段“decision”应为 accept（通过）"
		    "或 return（退回）", "decision");
		return;
	}
	report_answer(r, core_report_review(r->st, &r->actor, id,
	    str_eq(decision, "accept"), reason, comment, &dg), id, &dg);
	diags_release(&dg);
}

static json_t *
evidence_json(const struct evidence *e)
{
	return json_pack("{s:I,s:I,s:s,s:s,s:I,s:s}", "id", (json_int_t)e->id,
	    "report_id", (json_int_t)e->report_id, "name", e->name, "mime",
	    e->mime, "size", (json_int_t)e->size, "sha256", e->sha256);
}

void
h_evidence_add(struct req *r)
{
	struct diags	 dg = { 0 };
	struct evidence	 e;
	const char	*name = http_query(r, "name");
	int64_t		 id;
	enum fz_err	 rc;

	if (http_id(r, &id))
		return;
	if (name == NULL) {
		http_error(r, 400, "INVALID", "缺少文件名（查询参数 name）",
		    "name");
		return;
	}
	rc = core_evidence_add(r->st, &r->actor, id, name, r->body.ptr,
	    r->body.len, &e, &dg);
	answer(r, rc, rc == FZ_OK ? json_pack("{s:o}", "evidence",
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
		answer(r, rc, NULL, &dg);
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
	answer(r, core_evidence_delete(r->st, &r->actor, id, &dg), NULL, &dg);
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
	answer(r, rc, NULL, dg);
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

void
h_assignment_add(struct req *r)
{
	struct diags		 dg = { 0 };
	struct assignment	 a;
	const char		*role;
	int64_t			 task, unit;
	enum fz_err		 rc;

	if (http_id(r, &task) || http_int(r, "unit_id", 1, &unit) ||
	    http_str(r, "role", 16, 0, &role))
		return;
	rc = core_assignment_designate(r->st, &r->actor, task, unit,
	    role ? role : "responsible", &a, &dg);
	assignment_answer(r, rc, a.id, &dg);
	diags_release(&dg);
}

void
h_extensions(struct req *r)
{
	struct extension	*e;
	size_t			 n;
	int64_t			 plan, task, unit;
	int			 bad = 0;
	const char		*state;
	enum fz_err		 rc;

	if (http_qint(r, "plan", INT64_MAX, &plan) ||
	    http_qint(r, "task", INT64_MAX, &task) ||
	    http_qint(r, "unit", INT64_MAX, &unit))
		return;
	state = http_qstr(r, "state", 16, &bad);
	if (bad)
		return;
	if (!core_actor_reads_all(&r->actor)) {
		/* A unit's people see their own units' requests. */
		if (unit == 0 || !core_actor_in_unit(&r->actor, unit, 0)) {
			http_error(r, 403, "FORBIDDEN",
			    "只能查看本单位的延期申请（请指定 unit）", "unit");
			return;
		}
	}
	if ((rc = store_extension_list(r->st, plan, task, unit, state, &e,
	    &n)) != FZ_OK) {
		http_fail(r, rc, NULL);
		return;
	}
	http_json(r, 200, json_pack("{s:o}", "items",
	    core_extensions_json(e, n)));
	free(e);
}

void
h_extension_add(struct req *r)
{
	struct diags		 dg = { 0 };
	struct extension	 e;
	const char		*due, *reason;
	enum fz_err		 rc;

	memset(&e, 0, sizeof(e));
	if (http_int(r, "period_id", 1, &e.period_id) ||
	    http_int(r, "task_id", 1, &e.task_id) ||
	    http_int(r, "unit_id", 1, &e.unit_id) ||
	    http_str(r, "due", 10, 1, &due) ||
	    http_str(r, "reason", 2000, 1, &reason))
		return;
	snprintf(e.requested_due, sizeof(e.requested_due), "%s", due);
	e.reason = (char *)(uintptr_t)reason;
	rc = core_extension_request(r->st, &r->actor, &e, &dg);
	answer(r, rc, rc == FZ_OK ? json_pack("{s:{s:I,s:s,s:s,s:s}}",
	    "extension", "id", (json_int_t)e.id, "state", e.state,
	    "original_due", e.original_due, "requested_due",
	    e.requested_due) : NULL, &dg);
	diags_release(&dg);
}

void
h_extension_decide(struct req *r)
{
	struct diags	 dg = { 0 };
	const char	*comment;
	int64_t		 id;
	int		 ok;

	if (http_id(r, &id) || http_bool(r, "approve", 0, &ok) ||
	    http_str(r, "comment", 2000, 0, &comment))
		return;
	if (json_object_get(r->json, "approve") == NULL) {
		http_error(r, 400, "INVALID", "字段“approve”不能为空", "approve");
		return;
	}
	answer(r, core_extension_decide(r->st, &r->actor, id, ok, comment,
	    &dg), NULL, &dg);
	diags_release(&dg);
}

void
h_period_due(struct req *r)
{
	struct diags	 dg = { 0 };
	const char	*due, *reason;
	int64_t		 id;

	if (http_id(r, &id) || http_str(r, "due", 10, 1, &due) ||
	    http_str(r, "reason", 2000, 1, &reason))
		return;
	answer(r, core_period_extend(r->st, &r->actor, id, due, reason, &dg),
	    NULL, &dg);
	diags_release(&dg);
}

static void
period_lock(struct req *r, int lock)
{
	struct diags	 dg = { 0 };
	int64_t		 id;

	if (http_id(r, &id))
		return;
	answer(r, core_period_lock(r->st, id, lock, r->actor.login, &dg), NULL,
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

void
h_period_add(struct req *r)
{
	struct diags	 dg = { 0 };
	struct period	 p;
	const char	*name, *starts, *ends, *due;
	int64_t		 plan, grace;
	enum fz_err	 rc;

	memset(&p, 0, sizeof(p));
	if (http_id(r, &plan) || http_str(r, "name", 60, 1, &name) ||
	    http_str(r, "starts", 10, 1, &starts) ||
	    http_str(r, "ends", 10, 1, &ends) ||
	    http_str(r, "due", 10, 1, &due) ||
	    http_int(r, "grace_days", 0, &grace))
		return;
	p.plan_id = plan;
	snprintf(p.name, sizeof(p.name), "%s", name);
	snprintf(p.starts, sizeof(p.starts), "%s", starts);
	snprintf(p.ends, sizeof(p.ends), "%s", ends);
	snprintf(p.due, sizeof(p.due), "%s", due);
	p.grace_days = grace > 60 ? 61 : (int)grace;
	rc = core_period_add(r->st, &p, r->actor.login, &dg);
	answer(r, rc, rc == FZ_OK ? json_pack("{s:{s:I,s:s}}", "period", "id",
	    (json_int_t)p.id, "name", p.name) : NULL, &dg);
	diags_release(&dg);
}

void
h_urge(struct req *r)
{
	struct diags	 dg = { 0 };
	struct notice	 x;
	const char	*msg;
	enum fz_err	 rc;

	memset(&x, 0, sizeof(x));
	if (http_int(r, "unit_id", 1, &x.unit_id) ||
	    http_int(r, "task_id", 0, &x.task_id) ||
	    http_int(r, "period_id", 0, &x.period_id) ||
	    http_str(r, "message", 2000, 1, &msg))
		return;
	x.message = (char *)(uintptr_t)msg;
	rc = core_urge(r->st, &r->actor, &x, &dg);
	answer(r, rc, rc == FZ_OK ? json_pack("{s:{s:I}}", "notice", "id",
	    (json_int_t)x.id) : NULL, &dg);
	diags_release(&dg);
}

void
h_notices(struct req *r)
{
	struct notice_filter	 f;
	int64_t			 v;
	json_t			*o = NULL;
	enum fz_err		 rc;

	memset(&f, 0, sizeof(f));
	if (http_qint(r, "unit", INT64_MAX, &f.unit_id) ||
	    http_qint(r, "task", INT64_MAX, &f.task_id) ||
	    http_qint(r, "unread", 1, &v))
		return;
	f.unread = (int)v;
	f.limit = 200;
	rc = core_notices_json(r->st, &r->actor, &f, &o);
	answer(r, rc, o, NULL);
}

void
h_notice_read(struct req *r)
{
	struct diags	 dg = { 0 };
	int64_t		 id;

	if (http_id(r, &id))
		return;
	answer(r, core_notice_read(r->st, &r->actor, id, &dg), NULL, &dg);
	diags_release(&dg);
}

void
h_settings(struct req *r)
{
	http_json(r, 200, json_pack("{s:o}", "settings",
	    core_settings_json(r->st)));
}

void
h_settings_put(struct req *r)
{
	struct diags	 dg = { 0 };
	const char	*key;
	json_t		*v;
	char		 num[32];
	enum fz_err	 rc = FZ_OK;

	if (r->json == NULL || json_object_size(r->json) == 0) {
		http_error(r, 400, "INVALID", "请提供要修改的设置", NULL);
		return;
	}
	json_object_foreach(r->json, key, v) {
		if (!json_is_integer(v)) {
			char msg[160];

			snprintf(msg, sizeof(msg), "设置“%s”应为整数", key);
			http_error(r, 400, "INVALID", msg, key);
			return;
		}
		snprintf(num, sizeof(num), "%lld",
		    (long long)json_integer_value(v));
		if ((rc = core_setting_set(r->st, &r->actor, key, num, &dg)) !=
		    FZ_OK)
			break;
	}
	if (rc != FZ_OK)
		answer(r, rc, NULL, &dg);
	else
		h_settings(r);
	diags_release(&dg);
}

void
h_audit(struct req *r)
{
	struct audit_entry	*v;
	size_t			 n, i;
	int64_t			 total, page, per;
	int			 bad = 0;
	const char		*actor, *q;
	json_t			*a;
	enum fz_err		 rc;

	if (http_qint(r, "page", 100000, &page) ||
	    http_qint(r, "per_page", 200, &per))
		return;
	actor = http_qstr(r, "actor", 64, &bad);
	q = http_qstr(r, "q", 200, &bad);
	if (bad)
		return;
	if (per == 0)
		per = 50;
	if (page == 0)
		page = 1;
	if ((rc = store_audit_page(r->st, actor, q, (int)per,
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
	answer(r, rc, NULL, dg);
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

void
h_account_add(struct req *r)
{
	struct account_spec	 s;
	struct role_spec	*roles = NULL;
	struct diags		 dg = { 0 };
	json_t			*v, *x;
	size_t			 i;
	int			 admin;
	enum fz_err		 rc;

	memset(&s, 0, sizeof(s));
	if (http_str(r, "login", 64, 1, &s.login) ||
	    http_str(r, "name", 64, 1, &s.name) ||
	    http_str(r, "password", 256, 1, &s.password) ||
	    http_bool(r, "is_admin", 0, &admin))
		return;
	s.is_admin = admin;
	v = json_object_get(r->json, "roles");
	if (v != NULL && (!json_is_array(v) || json_array_size(v) > 50)) {
		http_error(r, 400, "INVALID", "字段“roles”应为数组", "roles");
		return;
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
			return;
		}
		roles[i].unit = json_string_value(u);
		roles[i].role = sr;
	}
	s.roles = roles;
	s.nroles = json_array_size(v);
	if ((rc = core_account_add(r->st, &s, r->actor.login, &dg)) != FZ_OK)
		account_fail(r, rc, &dg);
	else
		http_json(r, 200, json_pack("{s:b}", "ok", 1));
	free(roles);
	diags_release(&dg);
}

/* The login of the account of the path's :id. */
static int
account_login(struct req *r, struct account *a)
{
	int64_t	 id;

	memset(a, 0, sizeof(*a));
	if (http_id(r, &id))
		return -1;
	a->id = id;
	if (store_account_get(r->st, NULL, a) != FZ_OK) {
		http_error(r, 404, "NOT_FOUND", "账号不存在", "id");
		return -1;
	}
	return 0;
}

void
h_account_disable(struct req *r)
{
	struct account	 a;
	struct diags	 dg = { 0 };
	int		 off;
	enum fz_err	 rc;

	if (http_bool(r, "disabled", 1, &off) || account_login(r, &a))
		return;
	if (a.id == r->actor.account_id && off)
		http_error(r, 400, "INVALID", "不能停用自己的账号", "id");
	else if ((rc = core_account_disable(r->st, a.login, off,
	    r->actor.login, &dg)) != FZ_OK)
		account_fail(r, rc, &dg);
	else
		http_json(r, 200, json_pack("{s:b}", "ok", 1));
	account_release(&a);
	diags_release(&dg);
}

void
h_account_password(struct req *r)
{
	struct account	 a;
	struct diags	 dg = { 0 };
	const char	*pw;
	enum fz_err	 rc;

	if (http_str(r, "password", 256, 1, &pw) || account_login(r, &a))
		return;
	if ((rc = core_account_passwd(r->st, a.login, pw, r->actor.login,
	    &dg)) != FZ_OK)
		account_fail(r, rc, &dg);
	else
		http_json(r, 200, json_pack("{s:b}", "ok", 1));
	account_release(&a);
	diags_release(&dg);
}
