/*
 * routes.c: the route table, the single place that declares the API, and
 * its thin handlers: each reads validated input, calls one core/ or store
 * function and renders JSON. Sign-in sets an HttpOnly, SameSite=Strict
 * session cookie; changes need the session's CSRF token.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http-int.h"
#include "routes-int.h"
#include "fazhi/calendar.h"
#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

/* A required string field of the JSON body, or a 400 naming it. */
static const char *
field_str(struct req *r, const char *key, size_t max)
{
	json_t		*v = r->json ? json_object_get(r->json, key) : NULL;
	const char	*s;
	char		 msg[128];

	if (v == NULL || !json_is_string(v) ||
	    (s = json_string_value(v))[0] == '\0') {
		snprintf(msg, sizeof(msg), "缺少字段“%s”或不是字符串", key);
		http_error(r, 400, "INVALID", msg, key);
		return NULL;
	}
	if (strlen(s) > max) {
		snprintf(msg, sizeof(msg), "字段“%s”过长", key);
		http_error(r, 400, "INVALID", msg, key);
		return NULL;
	}
	return s;
}

/* The API description, built into the program from docs/api/. */
extern const char	 openapi_yaml[];

static void
openapi(struct req *r)
{
	r->status = 200;
	buf_reset(&r->raw);
	buf_addstr(&r->raw, openapi_yaml);
	r->raw_type = "application/yaml; charset=utf-8";
}

static void
health(struct req *r)
{
	json_t	*o = json_object();

	json_object_set_new(o, "ok", json_true());
	json_object_set_new(o, "backend", json_string(store_backend(r->st)));
	http_json(r, 200, o);
}

struct login_in {
	const char	*who, *pw;
};

static int
read_login(struct req *r, struct login_in *in)
{
	if ((in->who = field_str(r, "login", 64)) == NULL ||
	    (in->pw = field_str(r, "password", 256)) == NULL)
		return -1;
	return 0;
}

static int
in_login(struct req *r)
{
	struct login_in	 in;

	return read_login(r, &in);
}

static void
login(struct req *r)
{
	struct login_in	 in;
	char		 token[65], cookie[256];
	struct session	 s;
	struct account	 a;
	struct diags	 dg = { 0 };
	enum fz_err	 rc;
	json_t		*o;

	if (read_login(r, &in))
		return;
	rc = core_login(r->st, in.who, in.pw, http_session_ttl(), token, &s, &dg);
	if (rc == FZ_EPERM) {
		http_error(r, 401, "LOGIN_FAILED", dg.n ? dg.v[0].message :
		    "登录名或密码错误", NULL);
		goto out;
	}
	if (rc == FZ_EBUSY) {
		http_fail(r, rc, dg.n ? dg.v[0].message : NULL);
		goto out;
	}
	if (rc != FZ_OK) {
		http_fail(r, rc, NULL);
		goto out;
	}
	snprintf(cookie, sizeof(cookie), "fz_session=%s; Path=/; HttpOnly; "
	    "SameSite=Strict; Max-Age=%ld%s", token, http_session_ttl(),
	    http_secure_cookie() ? "; Secure" : "");
	r->set_cookie = xstrdup(cookie);
	memset(&a, 0, sizeof(a));
	a.id = s.account_id;
	o = json_object();
	json_object_set_new(o, "csrf", json_string(s.csrf));
	if (store_account_get(r->st, NULL, &a) == FZ_OK) {
		json_object_set_new(o, "account", core_account_json(&a));
		account_release(&a);
	}
	http_json(r, 200, o);
out:
	diags_release(&dg);
}

static void
logout(struct req *r)
{
	enum fz_err	 rc;
	int		 all, n = 0;

	if (http_bool(r, "everywhere", 0, &all))
		return;
	if (all)
		rc = core_logout_everywhere(r->st, r->session.account_id, &n);
	else
		rc = core_logout(r->st, r->token);
	if (rc != FZ_OK && rc != FZ_ENOTFOUND) {
		http_fail(r, rc, NULL);
		return;
	}
	r->set_cookie = xstrdup("fz_session=; Path=/; HttpOnly; "
	    "SameSite=Strict; Max-Age=0");
	http_json(r, 200, json_pack("{s:b,s:i}", "ok", 1, "sessions_ended",
	    all ? n : 1));
}

static void
me(struct req *r)
{
	struct account	 a;
	enum fz_err	 rc;
	json_t		*o;

	memset(&a, 0, sizeof(a));
	a.id = r->session.account_id;
	if ((rc = store_account_get(r->st, NULL, &a)) != FZ_OK) {
		http_fail(r, rc, NULL);
		return;
	}
	o = core_account_json(&a);
	json_object_set_new(o, "csrf", json_string(r->session.csrf));
	json_object_set_new(o, "session_expires_at",
	    json_string(r->session.expires_at));
	account_release(&a);
	http_json(r, 200, o);
}

static int
plan_row(const struct plan_summary *s, void *arg)
{
	json_t	*o = json_object();

	json_object_set_new(o, "id", json_integer(s->id));
	json_object_set_new(o, "doc_no", s->doc_no ? json_string(s->doc_no) :
	    json_null());
	json_object_set_new(o, "title", json_string(s->title));
	json_object_set_new(o, "year", json_integer(s->year));
	json_object_set_new(o, "revision", json_integer(s->revision));
	json_object_set_new(o, "tasks", json_integer(s->ntasks));
	json_array_append_new(arg, o);
	return 0;
}

static void
plans(struct req *r)
{
	json_t		*a = json_array();
	enum fz_err	 rc;

	if ((rc = store_plan_iter(r->st, plan_row, a)) != FZ_OK) {
		json_decref(a);
		http_fail(r, rc, NULL);
		return;
	}
	http_json(r, 200, json_pack("{s:o}", "plans", a));
}

static void
plan_one(struct req *r)
{
	struct plan	 p;
	long long	 id;
	enum fz_err	 rc;

	if (str_toint(r->param, 1, INT64_MAX, &id) != FZ_OK) {
		http_error(r, 400, "INVALID", "计划编号应为正整数", "id");
		return;
	}
	if ((rc = store_plan_get(r->st, id, &p)) != FZ_OK) {
		http_fail(r, rc, rc == FZ_ENOTFOUND ? "计划不存在" : NULL);
		return;
	}
	http_json(r, 200, json_pack("{s:o}", "plan", core_plan_json(&p)));
	plan_release(&p);
}

static void
units(struct req *r)
{
	struct unit_dir	 dir;
	enum fz_err	 rc;

	if ((rc = core_units_load(r->st, &dir)) != FZ_OK) {
		http_fail(r, rc, NULL);
		return;
	}
	http_json(r, 200, json_pack("{s:o}", "units", core_units_json(&dir)));
	unit_dir_release(&dir);
}

static int
period_row(const struct period *p, void *arg)
{
	json_array_append_new(arg, json_pack("{s:I,s:s,s:s,s:s,s:s,s:i,s:b}",
	    "id", (json_int_t)p->id, "name", p->name, "starts", p->starts,
	    "ends", p->ends, "due", p->due, "grace_days", p->grace_days,
	    "locked", p->locked));
	return 0;
}

static void
periods(struct req *r)
{
	json_t		*a;
	long long	 id;
	enum fz_err	 rc;

	if (str_toint(r->param, 1, INT64_MAX, &id) != FZ_OK) {
		http_error(r, 400, "INVALID", "计划编号应为正整数", "id");
		return;
	}
	a = json_array();
	if ((rc = store_period_iter(r->st, id, period_row, a)) != FZ_OK) {
		json_decref(a);
		http_fail(r, rc, NULL);
		return;
	}
	http_json(r, 200, json_pack("{s:o}", "periods", a));
}


/* The :year of the path, or a 400. */
static int
path_year(struct req *r, int *year)
{
	long long	 y;

	if (str_toint(r->param, 1900, 2999, &y) != FZ_OK) {
		http_error(r, 400, "INVALID", "年份应为 1900 到 2999 之间的整数",
		    "year");
		return 0;
	}
	*year = (int)y;
	return 1;
}

static void
calendar_get(struct req *r)
{
	json_t		*o;
	enum fz_err	 rc;
	int		 year;

	if (!path_year(r, &year))
		return;
	if ((rc = core_calendar_json(r->st, year, &o)) != FZ_OK) {
		http_fail(r, rc, NULL);
		return;
	}
	http_json(r, 200, o);
}

static void
calendar_put(struct req *r)
{
	struct diags	 dg = { 0 };
	json_t		*o;
	enum fz_err	 rc;
	int		 year;

	if (!path_year(r, &year))
		return;
	rc = core_calendar_put_json(r->st, year, r->json, r->actor.login, &dg);
	if (rc == FZ_EINVAL) {
		o = json_pack("{s:{s:s,s:s,s:o}}", "error", "code", "INVALID",
		    "message", dg.n ? dg.v[0].message : "日历无效",
		    "diagnostics", core_diags_json(&dg));
		http_json(r, 400, o);
	} else if (rc != FZ_OK)
		http_fail(r, rc, NULL);
	else if ((rc = core_calendar_json(r->st, year, &o)) != FZ_OK)
		http_fail(r, rc, NULL);
	else
		http_json(r, 200, o);
	diags_release(&dg);
}

/*
 * method, path, handler, who may call it, CSRF, body limit, raw body,
 * and the handler's input checks alone (for fuzz/fuzz_json.c).
 * AUTH_SESSION routes check what the actor may do in core/; the others are
 * also refused here by role.
 */
#define MB	(1024 * 1024)
const struct route routes[] = {
	{ "GET", "/healthz", health, AUTH_NONE, 0, 0, 0, NULL },
	{ "GET", "/api/openapi.yaml", openapi, AUTH_NONE, 0, 0, 0, NULL },
	{ "POST", "/api/login", login, AUTH_NONE, 0, 4096, 0, in_login },
	{ "POST", "/api/logout", logout, AUTH_SESSION, 1, 0, 0, NULL },
	{ "GET", "/api/me", me, AUTH_SESSION, 0, 0, 0, NULL },
	{ "GET", "/api/todo", h_todo, AUTH_SESSION, 0, 0, 0, NULL },
	{ "GET", "/api/plans", plans, AUTH_SESSION, 0, 0, 0, NULL },
	{ "GET", "/api/plans/:id", plan_one, AUTH_SESSION, 0, 0, 0, NULL },
	{ "GET", "/api/plans/:id/tasks", h_tasks, AUTH_SESSION, 0, 0, 0,
	    in_tasks },
	{ "GET", "/api/plans/:id/dashboard", h_dashboard, AUTH_READER, 0, 0, 0,
	    in_dashboard },
	{ "GET", "/api/plans/:id/periods", periods, AUTH_SESSION, 0, 0, 0,
	    NULL },
	{ "POST", "/api/plans/:id/periods", h_period_add, AUTH_SUPERVISOR, 1, 0,
	    0, in_period_add },
	{ "POST", "/api/periods/:id/lock", h_period_lock, AUTH_SUPERVISOR, 1, 0,
	    0, NULL },
	{ "POST", "/api/periods/:id/unlock", h_period_unlock, AUTH_SUPERVISOR,
	    1, 0, 0, NULL },
	{ "POST", "/api/periods/:id/due", h_period_due, AUTH_SUPERVISOR, 1, 0,
	    0, in_period_due },
	{ "GET", "/api/tasks/:id", h_task, AUTH_SESSION, 0, 0, 0, NULL },
	{ "POST", "/api/tasks/:id/assignments", h_assignment_add,
	    AUTH_SUPERVISOR, 1, 0, 0, in_assignment_add },
	{ "POST", "/api/assignments/:id/claim", h_assignment_claim,
	    AUTH_SESSION, 1, 0, 0, NULL },
	{ "POST", "/api/assignments/:id/close", h_assignment_close,
	    AUTH_SUPERVISOR, 1, 0, 0, NULL },
	{ "GET", "/api/reports", h_reports, AUTH_SESSION, 0, 0, 0, in_reports },
	{ "POST", "/api/reports", h_report_create, AUTH_SESSION, 1, 0, 0,
	    in_report_create },
	{ "GET", "/api/reports/:id", h_report_get, AUTH_SESSION, 0, 0, 0,
	    NULL },
	{ "PUT", "/api/reports/:id", h_report_update, AUTH_SESSION, 1, 0, 0,
	    in_report_update },
	{ "POST", "/api/reports/:id/submit", h_report_submit, AUTH_SESSION, 1,
	    0, 0, NULL },
	{ "POST", "/api/reports/:id/approve", h_report_approve, AUTH_SESSION, 1,
	    0, 0, in_report_approve },
	{ "POST", "/api/reports/:id/review", h_report_review, AUTH_SUPERVISOR,
	    1, 0, 0, in_report_review },
	{ "POST", "/api/reports/:id/evidence", h_evidence_add, AUTH_SESSION, 1,
	    64 * MB, 1, in_evidence_add },
	{ "GET", "/api/evidence/:id", h_evidence_get, AUTH_SESSION, 0, 0, 0,
	    NULL },
	{ "DELETE", "/api/evidence/:id", h_evidence_delete, AUTH_SESSION, 1, 0,
	    0, NULL },
	{ "GET", "/api/return-reasons", h_reasons, AUTH_SESSION, 0, 0, 0,
	    NULL },
	{ "GET", "/api/extensions", h_extensions, AUTH_SESSION, 0, 0, 0,
	    in_extensions },
	{ "POST", "/api/extensions", h_extension_add, AUTH_SESSION, 1, 0, 0,
	    in_extension_add },
	{ "POST", "/api/extensions/:id/decide", h_extension_decide,
	    AUTH_SUPERVISOR, 1, 0, 0, in_extension_decide },
	{ "POST", "/api/urgings", h_urge, AUTH_SUPERVISOR, 1, 0, 0, in_urge },
	{ "GET", "/api/notices", h_notices, AUTH_SESSION, 0, 0, 0, in_notices },
	{ "POST", "/api/notices/:id/read", h_notice_read, AUTH_SESSION, 1, 0, 0,
	    NULL },
	{ "GET", "/api/units", units, AUTH_SESSION, 0, 0, 0, NULL },
	{ "GET", "/api/accounts", h_accounts, AUTH_ADMIN, 0, 0, 0, NULL },
	{ "POST", "/api/accounts", h_account_add, AUTH_ADMIN, 1, 0, 0,
	    in_account_add },
	{ "POST", "/api/accounts/:id/disable", h_account_disable, AUTH_ADMIN, 1,
	    0, 0, in_account_disable },
	{ "POST", "/api/accounts/:id/password", h_account_password, AUTH_ADMIN,
	    1, 0, 0, in_account_password },
	{ "GET", "/api/settings", h_settings, AUTH_SESSION, 0, 0, 0, NULL },
	{ "PUT", "/api/settings", h_settings_put, AUTH_SUPERVISOR, 1, 0, 0,
	    in_settings_put },
	{ "GET", "/api/audit", h_audit, AUTH_SUPERVISOR, 0, 0, 0, in_audit },
	{ "GET", "/api/calendar/:year", calendar_get, AUTH_SESSION, 0, 0, 0,
	    NULL },
	{ "POST", "/api/calendar/:year", calendar_put, AUTH_ADMIN, 1, 65536, 0,
	    NULL },
	{ "GET", "/api/registries", h_registries, AUTH_SESSION, 0, 0, 0, NULL },
	{ "GET", "/api/registries/:reg", h_reg_list, AUTH_SESSION, 0, 0, 0,
	    in_reg_list },
	{ "POST", "/api/registries/:reg", h_reg_create, AUTH_SESSION, 1, 0, 0,
	    in_reg_create },
	{ "POST", "/api/registries/:reg/import", h_reg_import, AUTH_SESSION, 1,
	    64 * MB, 1, in_reg_import },
	{ "GET", "/api/registries/:reg/export", h_reg_export, AUTH_SESSION, 0,
	    0, 0, in_reg_export },
	{ "GET", "/api/registries/:reg/expiring", h_reg_expiring, AUTH_SESSION,
	    0, 0, 0, in_reg_expiring },
	{ "GET", "/api/registries/:reg/:id", h_reg_get, AUTH_SESSION, 0, 0, 0,
	    NULL },
	{ "PUT", "/api/registries/:reg/:id", h_reg_update, AUTH_SESSION, 1, 0,
	    0, in_reg_update },
	{ "POST", "/api/registries/:reg/:id/evidence", h_reg_evidence_add,
	    AUTH_SESSION, 1, 64 * MB, 1, in_reg_evidence_add },
	{ "GET", "/api/registry-evidence/:id", h_reg_evidence_get, AUTH_SESSION,
	    0, 0, 0, NULL },
	{ "GET", "/api/indicators", h_ind_list, AUTH_SESSION, 0, 0, 0, NULL },
	{ "POST", "/api/indicators/compute", h_ind_compute, AUTH_SUPERVISOR, 1,
	    0, 0, in_ind_compute },
	{ "GET", "/api/divisions/:code/indicators", h_ind_division,
	    AUTH_SESSION, 0, 0, 0, in_ind_division },
	{ "GET", "/api/indicators/:key", h_ind_show, AUTH_SESSION, 0, 0, 0,
	    NULL },
	{ "PUT", "/api/indicators/:key", h_ind_define, AUTH_SUPERVISOR, 1, 0, 0,
	    in_ind_define },
	{ "GET", "/api/indicator-values/:id", h_ind_value, AUTH_SESSION, 0, 0, 0,
	    NULL },
	{ "GET", "/api/plans/:id/indicators", h_plan_indicators, AUTH_SESSION,
	    0, 0, 0, NULL },
	{ "PUT", "/api/plans/:id/indicators", h_plan_indicator_link,
	    AUTH_SUPERVISOR, 1, 0, 0, in_plan_indicator_link },
	{ "GET", "/api/findings", h_findings, AUTH_SESSION, 0, 0, 0,
	    in_findings },
	{ "POST", "/api/findings", h_finding_add, AUTH_SUPERVISOR, 1, 0, 0,
	    in_finding_add },
	{ "GET", "/api/findings/:id", h_finding_get, AUTH_SESSION, 0, 0, 0,
	    NULL },
	{ "PUT", "/api/findings/:id", h_finding_edit, AUTH_SUPERVISOR, 1, 0, 0,
	    in_finding_edit },
	{ "POST", "/api/findings/:id/rectify", h_finding_rectify, AUTH_SESSION,
	    1, 0, 0, in_finding_change },
	{ "POST", "/api/findings/:id/evidence", h_finding_evidence_add,
	    AUTH_SESSION, 1, 64 * MB, 1, in_finding_evidence },
	{ "POST", "/api/findings/:id/check", h_finding_check, AUTH_SUPERVISOR,
	    1, 0, 0, in_finding_change },
	{ "POST", "/api/findings/:id/close", h_finding_close, AUTH_SUPERVISOR,
	    1, 0, 0, in_finding_change },
	{ "POST", "/api/findings/:id/reopen", h_finding_reopen, AUTH_SUPERVISOR,
	    1, 0, 0, in_finding_change },
	{ "GET", "/api/finding-evidence/:id", h_finding_evidence_get,
	    AUTH_SESSION, 0, 0, 0, NULL },
	{ "GET", "/api/escalations", h_escalations, AUTH_SESSION, 0, 0, 0,
	    in_escalations },
	{ "POST", "/api/escalations/:id/confirm", h_escalation_confirm,
	    AUTH_SUPERVISOR, 1, 0, 0, NULL },
	{ "POST", "/api/escalations/run", h_escalate, AUTH_SUPERVISOR, 1, 0, 0,
	    in_escalate },
	{ "GET", "/api/bulletin", h_bulletin, AUTH_READER, 0, 0, 0,
	    in_bulletin },
	{ "GET", "/api/publication", h_publication, AUTH_SUPERVISOR, 0, 0, 0,
	    in_publication },
	{ "PUT", "/api/publication", h_publication_put, AUTH_SUPERVISOR, 1, 0,
	    0, in_publication_put },
	{ "PUT", "/api/evidence/:id/public", h_evidence_public,
	    AUTH_SUPERVISOR, 1, 0, 0, in_evidence_public },
	{ "GET", "/api/annual-reports", h_annual_list, AUTH_SESSION, 0, 0, 0,
	    in_annual_list },
	{ "POST", "/api/annual-reports", h_annual_generate, AUTH_SESSION, 1, 0,
	    0, in_annual_generate },
	{ "GET", "/api/annual-reports/:id", h_annual_get, AUTH_SESSION, 0, 0, 0,
	    NULL },
	{ "PUT", "/api/annual-reports/:id/sentence", h_annual_edit,
	    AUTH_SESSION, 1, 0, 0, in_annual_edit },
	{ "POST", "/api/annual-reports/:id/submit", h_annual_submit,
	    AUTH_SESSION, 1, 0, 0, in_annual_move },
	{ "POST", "/api/annual-reports/:id/return", h_annual_return,
	    AUTH_SESSION, 1, 0, 0, in_annual_move },
	{ "POST", "/api/annual-reports/:id/approve", h_annual_approve,
	    AUTH_SESSION, 1, 0, 0, in_annual_move },
	{ "POST", "/api/annual-reports/:id/publish", h_annual_publish,
	    AUTH_SESSION, 1, 0, 0, in_annual_move },
	{ "GET", "/api/annual-reports/:id/verify", h_annual_verify,
	    AUTH_SESSION, 0, 0, 0, NULL },
	{ "GET", "/api/annual-reports/:id/file", h_annual_file, AUTH_SESSION, 0,
	    0, 0, in_annual_file },
	{ "GET", "/api/assessment", h_assessment, AUTH_SESSION, 0, 0, 0,
	    in_assessment },
	{ "POST", "/api/assessment/run", h_assessment_run, AUTH_SUPERVISOR, 1,
	    0, 0, in_assessment_run },
	{ "GET", "/api/assessment/rubric", h_assessment_rubric, AUTH_SESSION, 0,
	    0, 0, in_assessment_rubric },
	{ "PUT", "/api/assessment/rubric", h_assessment_rubric_put,
	    AUTH_SUPERVISOR, 1, 0, 0, in_assessment_rubric_put },
	{ "POST", "/api/assessment/manual", h_assessment_manual,
	    AUTH_SUPERVISOR, 1, 64 * MB, 1, in_assessment_manual },
	{ "GET", "/api/assessment/manual/:id/evidence", h_assessment_evidence,
	    AUTH_SESSION, 0, 0, 0, NULL },
};
const size_t nroutes = sizeof(routes) / sizeof(routes[0]);
