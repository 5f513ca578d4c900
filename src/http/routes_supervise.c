/*
 * routes_supervise.c: the handlers of 督察 → 整改 → 销号: findings listed,
 * registered, read with their history; a unit's 整改情况 with evidence
 * files; the 核查, 销号 and 重新打开 by the 依法治县办; the escalation
 * steps and the confirmation of a 约谈; the 通报 as JSON or HTML. Each
 * reads its input with a read_*(), calls one core function with the
 * signed-in actor and renders the result.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http-int.h"
#include "routes-int.h"
#include "fazhi/core.h"
#include "fazhi/supervise.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

#define TEXT_MAX	12000

/* The finding of the path, rendered for the actor, as {"finding": …}. */
static void
answer_finding(struct req *r, enum fz_err rc, int64_t id, struct diags *dg)
{
	json_t	*o = NULL;

	if (rc == FZ_OK)
		rc = core_finding_json(r->st, &r->actor, id, &o, dg);
	http_answer(r, rc, rc == FZ_OK ? json_pack("{s:o}", "finding", o) :
	    NULL, dg);
}

struct findings_in {
	struct finding_filter	 f;
	int64_t			 year, page, per_page;
};

static int
read_findings(struct req *r, struct findings_in *in)
{
	int	 bad = 0;

	memset(in, 0, sizeof(*in));
	if (http_qint(r, "unit", INT64_MAX, &in->f.unit_id) ||
	    http_qint(r, "year", 2999, &in->year) ||
	    http_qint(r, "page", 100000, &in->page) ||
	    http_qint(r, "per_page", 200, &in->per_page))
		return -1;
	in->f.state = http_qstr(r, "state", 16, &bad);
	if (!bad)
		in->f.source_kind = http_qstr(r, "source", 32, &bad);
	if (bad)
		return -1;
	if (in->f.source_kind != NULL && *in->f.source_kind != '\0' &&
	    (in->f.source_kind = sup_source_key(in->f.source_kind)) == NULL) {
		http_error(r, 400, "INVALID", "问题来源应为省级督察、市级督察、"
		    "县级督察或投诉举报", "source");
		return -1;
	}
	in->f.year = (int)in->year;
	in->f.limit = in->per_page > 0 ? (int)in->per_page : 200;
	in->f.offset = in->page > 1 ? (int)((in->page - 1) * in->f.limit) : 0;
	return 0;
}

int
in_findings(struct req *r)
{
	struct findings_in	 in;

	return read_findings(r, &in);
}

void
h_findings(struct req *r)
{
	struct findings_in	 in;
	struct diags		 dg = { 0 };
	json_t			*a = NULL;
	enum fz_err		 rc;

	if (read_findings(r, &in))
		return;
	rc = core_finding_list(r->st, &r->actor, &in.f, &a, &dg);
	http_answer(r, rc, rc == FZ_OK ? json_pack("{s:o}", "findings", a) :
	    NULL, &dg);
	diags_release(&dg);
}

struct finding_add_in {
	struct finding_input	 f;
	int64_t			*tasks, *units;
};

static int
read_finding_add(struct req *r, struct finding_add_in *in)
{
	int	 present;

	memset(in, 0, sizeof(*in));
	if (http_str(r, "source_kind", 32, 0, &in->f.source_kind) ||
	    http_str(r, "doc_no", 200, 0, &in->f.doc_no) ||
	    http_str(r, "doc_title", 1000, 0, &in->f.doc_title) ||
	    http_str(r, "found_on", 10, 0, &in->f.found_on) ||
	    http_str(r, "deadline", 10, 0, &in->f.deadline) ||
	    http_str(r, "description", TEXT_MAX, 0, &in->f.description) ||
	    http_str(r, "requirement", TEXT_MAX, 0, &in->f.requirement) ||
	    http_int(r, "plan_id", 0, &in->f.plan_id))
		return -1;
	if (http_ids(r, "tasks", 100, &in->tasks, &in->f.ntasks, &present))
		return -1;
	if (http_ids(r, "units", 100, &in->units, &in->f.nunits, &present)) {
		free(in->tasks);
		in->tasks = NULL;
		return -1;
	}
	in->f.tasks = in->tasks;
	in->f.units = in->units;
	return 0;
}

int
in_finding_add(struct req *r)
{
	struct finding_add_in	 in;
	int			 rv = read_finding_add(r, &in);

	if (rv == 0) {
		free(in.tasks);
		free(in.units);
	}
	return rv;
}

void
h_finding_add(struct req *r)
{
	struct finding_add_in	 in;
	struct diags		 dg = { 0 };
	int64_t			 id = 0;
	enum fz_err		 rc;

	if (read_finding_add(r, &in))
		return;
	rc = core_finding_add(r->st, &r->actor, &in.f, &id, &dg);
	answer_finding(r, rc, id, &dg);
	free(in.tasks);
	free(in.units);
	diags_release(&dg);
}

/* An edit: any of the registration's fields but found_on and plan_id,
 * absent ones unchanged, and a reason. */
struct finding_edit_in {
	int64_t			 id;
	struct finding_edit	 e;
	int64_t			*tasks, *units;
};

static int
read_finding_edit(struct req *r, struct finding_edit_in *in)
{
	memset(in, 0, sizeof(*in));
	if (http_id(r, &in->id) ||
	    http_str(r, "source_kind", 32, 0, &in->e.f.source_kind) ||
	    http_str(r, "doc_no", 200, 0, &in->e.f.doc_no) ||
	    http_str(r, "doc_title", 1000, 0, &in->e.f.doc_title) ||
	    http_str(r, "deadline", 10, 0, &in->e.f.deadline) ||
	    http_str(r, "description", TEXT_MAX, 0, &in->e.f.description) ||
	    http_str(r, "requirement", TEXT_MAX, 0, &in->e.f.requirement) ||
	    http_str(r, "reason", TEXT_MAX, 0, &in->e.reason))
		return -1;
	if (http_ids(r, "tasks", 100, &in->tasks, &in->e.f.ntasks,
	    &in->e.set_tasks))
		return -1;
	if (http_ids(r, "units", 100, &in->units, &in->e.f.nunits,
	    &in->e.set_units)) {
		free(in->tasks);
		in->tasks = NULL;
		return -1;
	}
	in->e.f.tasks = in->tasks;
	in->e.f.units = in->units;
	return 0;
}

int
in_finding_edit(struct req *r)
{
	struct finding_edit_in	 in;
	int			 rv = read_finding_edit(r, &in);

	if (rv == 0) {
		free(in.tasks);
		free(in.units);
	}
	return rv;
}

void
h_finding_edit(struct req *r)
{
	struct finding_edit_in	 in;
	struct diags		 dg = { 0 };
	enum fz_err		 rc;

	if (read_finding_edit(r, &in))
		return;
	rc = core_finding_edit(r->st, &r->actor, in.id, &in.e, &dg);
	answer_finding(r, rc, in.id, &dg);
	free(in.tasks);
	free(in.units);
	diags_release(&dg);
}

void
h_finding_get(struct req *r)
{
	struct diags	 dg = { 0 };
	int64_t		 id;

	if (http_id(r, &id))
		return;
	answer_finding(r, FZ_OK, id, &dg);
	diags_release(&dg);
}

/* The body of a change: the unit, and the fields of each operation. */
struct change_in {
	int64_t		 id, unit_id;
	const char	*text, *comment, *reason;
	int		 submit, pass;
};

static int
read_change(struct req *r, struct change_in *in)
{
	memset(in, 0, sizeof(*in));
	if (http_id(r, &in->id) || http_int(r, "unit_id", 0, &in->unit_id) ||
	    http_str(r, "text", TEXT_MAX, 0, &in->text) ||
	    http_str(r, "comment", TEXT_MAX, 0, &in->comment) ||
	    http_str(r, "reason", TEXT_MAX, 0, &in->reason) ||
	    http_bool(r, "submit", 0, &in->submit) ||
	    http_bool(r, "pass", 1, &in->pass))
		return -1;
	return 0;
}

int
in_finding_change(struct req *r)
{
	struct change_in	 in;

	return read_change(r, &in);
}

enum op { OP_RECTIFY, OP_CHECK, OP_CLOSE, OP_REOPEN };

static void
change(struct req *r, enum op op)
{
	struct change_in	 in;
	struct diags		 dg = { 0 };
	enum fz_err		 rc = FZ_OK;

	if (read_change(r, &in))
		return;
	switch (op) {
	case OP_RECTIFY:
		rc = core_finding_rectify(r->st, &r->actor, in.id, in.unit_id,
		    in.text, in.submit, &dg);
		break;
	case OP_CHECK:
		rc = core_finding_check(r->st, &r->actor, in.id, in.unit_id,
		    in.pass, in.comment, &dg);
		break;
	case OP_CLOSE:
		rc = core_finding_close(r->st, &r->actor, in.id, in.unit_id,
		    &dg);
		break;
	case OP_REOPEN:
		rc = core_finding_reopen(r->st, &r->actor, in.id, in.unit_id,
		    in.reason, &dg);
		break;
	}
	answer_finding(r, rc, in.id, &dg);
	diags_release(&dg);
}

void
h_finding_rectify(struct req *r)
{
	change(r, OP_RECTIFY);
}

void
h_finding_check(struct req *r)
{
	change(r, OP_CHECK);
}

void
h_finding_close(struct req *r)
{
	change(r, OP_CLOSE);
}

void
h_finding_reopen(struct req *r)
{
	change(r, OP_REOPEN);
}

/* ?unit_id=N&name=FILE; the body is the file. */
static int
read_finding_evidence(struct req *r, int64_t *id, int64_t *unit,
    const char **name)
{
	int	 bad = 0;

	if (http_id(r, id) || http_qint(r, "unit_id", INT64_MAX, unit))
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
in_finding_evidence(struct req *r)
{
	int64_t		 id, unit;
	const char	*name;

	return read_finding_evidence(r, &id, &unit, &name);
}

void
h_finding_evidence_add(struct req *r)
{
	struct evidence	 e;
	struct diags	 dg = { 0 };
	const char	*name;
	int64_t		 id, unit;
	enum fz_err	 rc;

	if (read_finding_evidence(r, &id, &unit, &name))
		return;
	rc = core_finding_evidence_add(r->st, &r->actor, id, unit, name,
	    r->body.ptr, r->body.len, &e, &dg);
	http_answer(r, rc, rc == FZ_OK ? json_pack("{s:{s:I,s:s,s:s,s:I,s:s}}",
	    "evidence", "id", (json_int_t)e.id, "name", e.name, "mime", e.mime,
	    "size", (json_int_t)e.size, "sha256", e.sha256) : NULL, &dg);
	diags_release(&dg);
}

void
h_finding_evidence_get(struct req *r)
{
	struct evidence	 e;
	struct diags	 dg = { 0 };
	struct buf	 b = BUF_INIT;
	int64_t		 id;
	enum fz_err	 rc;

	if (http_id(r, &id))
		return;
	if ((rc = core_finding_evidence_fetch(r->st, &r->actor, id, &e, &b,
	    &dg)) == FZ_OK)
		http_file(r, e.mime[0] ? e.mime : "application/octet-stream",
		    e.name, b.ptr, b.len);
	else
		http_answer(r, rc, NULL, &dg);
	buf_release(&b);
	diags_release(&dg);
}

static int
read_escalations(struct req *r, int64_t *unit)
{
	return http_qint(r, "unit", INT64_MAX, unit);
}

int
in_escalations(struct req *r)
{
	int64_t	 unit;

	return read_escalations(r, &unit);
}

void
h_escalations(struct req *r)
{
	struct diags	 dg = { 0 };
	json_t		*a = NULL;
	int64_t		 unit;
	enum fz_err	 rc;

	if (read_escalations(r, &unit))
		return;
	rc = core_escalation_list(r->st, &r->actor, unit, &a, &dg);
	http_answer(r, rc, rc == FZ_OK ? json_pack("{s:o}", "escalations", a) :
	    NULL, &dg);
	diags_release(&dg);
}

void
h_escalation_confirm(struct req *r)
{
	struct diags	 dg = { 0 };
	int64_t		 id;
	enum fz_err	 rc;

	if (http_id(r, &id))
		return;
	rc = core_escalation_confirm(r->st, &r->actor, id, &dg);
	http_answer(r, rc, NULL, &dg);
	diags_release(&dg);
}

/* {"dry_run": true|false}: the ladder as of the server's today; a
 * preview unless dry_run is false. */
static int
read_escalate(struct req *r, int *dry_run)
{
	return http_bool(r, "dry_run", 1, dry_run);
}

int
in_escalate(struct req *r)
{
	int	 dry_run;

	return read_escalate(r, &dry_run);
}

void
h_escalate(struct req *r)
{
	struct escalate_opts	 o;
	struct diags		 dg = { 0 };
	json_t			*out = NULL;
	int			 dry_run;
	enum fz_err		 rc;

	if (read_escalate(r, &dry_run))
		return;
	o.today = r->today;
	o.dry_run = dry_run;
	rc = core_escalate(r->st, &r->actor, &o, &out, &dg);
	http_answer(r, rc, out, &dg);
	diags_release(&dg);
}

struct bulletin_in {
	struct bulletin_opts	 o;
	int			 html, docx;
};

static int
read_bulletin(struct req *r, struct bulletin_in *in)
{
	const char	*f = NULL;
	int		 bad = 0;

	memset(in, 0, sizeof(*in));
	if (http_qint(r, "plan", INT64_MAX, &in->o.plan_id))
		return -1;
	in->o.as_of = http_qstr(r, "as_of", 10, &bad);
	if (!bad)
		in->o.title = http_qstr(r, "title", 200, &bad);
	if (!bad)
		f = http_qstr(r, "format", 8, &bad);
	if (bad)
		return -1;
	if (in->o.as_of == NULL || *in->o.as_of == '\0')
		in->o.as_of = r->today;
	if (f != NULL && !str_eq(f, "json") && !str_eq(f, "html") &&
	    !str_eq(f, "docx")) {
		http_error(r, 400, "INVALID", "格式应为 json、html 或 docx",
		    "format");
		return -1;
	}
	in->html = f != NULL && str_eq(f, "html");
	in->docx = f != NULL && str_eq(f, "docx");
	return 0;
}

int
in_bulletin(struct req *r)
{
	struct bulletin_in	 in;

	return read_bulletin(r, &in);
}

void
h_bulletin(struct req *r)
{
	struct bulletin_in	 in;
	struct diags		 dg = { 0 };
	json_t			*o = NULL;
	enum fz_err		 rc;

	if (read_bulletin(r, &in))
		return;
	rc = core_bulletin(r->st, &r->actor, &in.o, &o, &dg);
	if (rc == FZ_OK && in.docx) {
		struct buf d = BUF_INIT, e = BUF_INIT;

		if (sup_bulletin_docx(o, &d, &e) == FZ_OK)
			http_file(r, "application/vnd.openxmlformats-"
			    "officedocument.wordprocessingml.document",
			    "通报.docx", d.ptr, d.len);
		else
			http_error(r, 500, "INTERNAL", "无法生成通报的 DOCX",
			    NULL);
		buf_release(&d);
		buf_release(&e);
		json_decref(o);
	} else if (rc == FZ_OK && in.html) {
		r->status = 200;
		buf_reset(&r->raw);
		sup_bulletin_html(o, &r->raw);
		r->raw_type = "text/html; charset=utf-8";
		json_decref(o);
	} else
		http_answer(r, rc, o, &dg);
	diags_release(&dg);
}
