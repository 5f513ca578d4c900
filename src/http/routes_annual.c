/*
 * routes_annual.c: the annual report's routes (/api/annual-reports…): list,
 * generate the draft, read it with its content and history, edit one
 * sentence, submit, return, approve, publish, verify and download it as
 * DOCX, HTML or PDF. Who may do what is checked by core/annual.c.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http-int.h"
#include "routes-int.h"
#include "fazhi/annual.h"
#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static json_t *
report_body(struct store *st, const struct annual_report *a, json_t *c)
{
	json_t	*o = core_annual_json(a);

	json_object_set_new(o, "flags", json_integer(core_annual_flags(c)));
	return json_pack("{s:o,s:o,s:o}", "annual_report", o, "content",
	    c ? c : json_null(), "events", core_annual_events_json(st, a->id));
}

/* The report, its content and its history; on failure the error. */
static void
answer(struct req *r, enum fz_err rc, int64_t id, const struct diags *dg)
{
	struct annual_report	 a;
	struct diags		 d2 = { 0 };
	json_t			*c = NULL;

	if (rc == FZ_OK)
		rc = core_annual_get(r->st, &r->actor, id, &a, &c, &d2);
	if (rc != FZ_OK) {
		http_answer(r, rc, NULL, d2.n > 0 ? &d2 : dg);
		diags_release(&d2);
		return;
	}
	http_json(r, 200, report_body(r->st, &a, c));
	diags_release(&d2);
}

struct list_in {
	int64_t		 year;
};

static int
read_list(struct req *r, struct list_in *in)
{
	return http_qint(r, "year", 2100, &in->year);
}

int
in_annual_list(struct req *r)
{
	struct list_in	 in;

	return read_list(r, &in);
}

void
h_annual_list(struct req *r)
{
	struct annual_report	*v = NULL;
	struct list_in		 in;
	size_t			 n = 0, i;
	json_t			*a;
	enum fz_err		 rc;

	if (read_list(r, &in))
		return;
	if ((rc = store_annual_list(r->st, 0, (int)in.year, &v, &n)) != FZ_OK) {
		http_fail(r, rc, store_errmsg(r->st));
		return;
	}
	a = json_array();
	for (i = 0; i < n; i++)
		if (core_actor_reads_all(&r->actor) || (v[i].unit_id != 0 &&
		    core_actor_in_unit(&r->actor, v[i].unit_id, 0)))
			json_array_append_new(a, core_annual_json(&v[i]));
	free(v);
	http_json(r, 200, json_pack("{s:o}", "annual_reports", a));
}

struct gen_in {
	int64_t		 year;
	int64_t		 plan;
	const char	*unit;
};

/* {"year": 2022, "unit": "sfj"?, "plan": 1?} */
static int
read_generate(struct req *r, struct gen_in *in)
{
	memset(in, 0, sizeof(*in));
	if (http_int(r, "year", 1, &in->year) || http_int(r, "plan", 0,
	    &in->plan) || http_str(r, "unit", 63, 0, &in->unit))
		return -1;
	if (in->year < 2000 || in->year > 2100) {
		http_error(r, 400, "INVALID", "字段“year”应为 2000 至 2100 的年份",
		    "year");
		return -1;
	}
	return 0;
}

int
in_annual_generate(struct req *r)
{
	struct gen_in	 in;

	return read_generate(r, &in);
}

void
h_annual_generate(struct req *r)
{
	struct gen_in		 in;
	struct diags		 dg = { 0 };
	struct annual_report	 a;
	char			 key[24];
	int64_t			 plan, unit;
	enum fz_err		 rc;

	if (read_generate(r, &in))
		return;
	snprintf(key, sizeof(key), "%lld", (long long)in.plan);
	rc = core_annual_scope(r->st, in.plan ? key : NULL, (int)in.year,
	    in.unit, &plan, &unit, &dg);
	if (rc == FZ_OK)
		rc = core_annual_generate(r->st, &r->actor, plan, (int)in.year,
		    unit, &a, &dg);
	answer(r, rc, rc == FZ_OK ? a.id : 0, &dg);
	diags_release(&dg);
}

void
h_annual_get(struct req *r)
{
	struct diags	 dg = { 0 };
	int64_t		 id;

	if (http_id(r, &id))
		return;
	answer(r, FZ_OK, id, &dg);
}

struct edit_in {
	int64_t		 id;
	json_t		*edit;		/* borrowed fields, a new object */
};

/*
 * {"part": 0-5 (0 the opening), "paragraph": 1…, "sentence": 1…,
 *  "text"?, "reports"?: [ids], "claim"?, "delete"?, "insert"?, "reason"?}
 */
static int
read_edit(struct req *r, struct edit_in *in)
{
	int64_t		 part, para, sent, *ids = NULL;
	const char	*text, *reason;
	size_t		 nids = 0, i;
	int		 claim, del, ins, have_ids = 0;
	json_t		*x;

	memset(in, 0, sizeof(*in));
	if (http_id(r, &in->id) || http_int(r, "part", 1, &part) ||
	    http_int(r, "paragraph", 1, &para) || http_int(r, "sentence", 1,
	    &sent) || http_str(r, "text", 2000, 0, &text) ||
	    http_str(r, "reason", 2000, 0, &reason) ||
	    http_bool(r, "claim", -1, &claim) || http_bool(r, "delete", 0,
	    &del) || http_bool(r, "insert", 0, &ins) || http_ids(r, "reports",
	    100, &ids, &nids, &have_ids))
		return -1;
	if (part > 5 || para < 1 || sent < 1) {
		free(ids);
		http_error(r, 400, "INVALID", "part 应为 0 至 5，paragraph 和 "
		    "sentence 从 1 数起", part > 5 ? "part" : para < 1 ?
		    "paragraph" : "sentence");
		return -1;
	}
	in->edit = json_pack("{s:I,s:I,s:I}", "part", (json_int_t)part - 1,
	    "paragraph", (json_int_t)para - 1, "sentence", (json_int_t)sent - 1);
	if (text != NULL)
		json_object_set_new(in->edit, "text", json_string(text));
	if (reason != NULL)
		json_object_set_new(in->edit, "reason", json_string(reason));
	if (claim >= 0)
		json_object_set_new(in->edit, "claim", json_boolean(claim));
	if (del)
		json_object_set_new(in->edit, "delete", json_true());
	if (ins)
		json_object_set_new(in->edit, "insert", json_true());
	if (have_ids) {
		x = json_array();
		for (i = 0; i < nids; i++)
			json_array_append_new(x, json_integer(ids[i]));
		json_object_set_new(in->edit, "reports", x);
	}
	free(ids);
	return 0;
}

int
in_annual_edit(struct req *r)
{
	struct edit_in	 in;

	if (read_edit(r, &in))
		return -1;
	json_decref(in.edit);
	return 0;
}

void
h_annual_edit(struct req *r)
{
	struct edit_in		 in;
	struct diags		 dg = { 0 };
	struct annual_report	 a;

	if (read_edit(r, &in))
		return;
	answer(r, core_annual_edit(r->st, &r->actor, in.id, in.edit, &a, &dg),
	    in.id, &dg);
	json_decref(in.edit);
	diags_release(&dg);
}

struct move_in {
	int64_t		 id;
	const char	*reason;
};

static int
read_move(struct req *r, struct move_in *in)
{
	memset(in, 0, sizeof(*in));
	return http_id(r, &in->id) || http_str(r, "reason", 2000, 0,
	    &in->reason) ? -1 : 0;
}

int
in_annual_move(struct req *r)
{
	struct move_in	 in;

	return read_move(r, &in);
}

static void
move(struct req *r, const char *action)
{
	struct move_in		 in;
	struct diags		 dg = { 0 };
	struct annual_report	 a;

	if (read_move(r, &in))
		return;
	answer(r, core_annual_transition(r->st, &r->actor, in.id, action,
	    in.reason, &a, &dg), in.id, &dg);
	diags_release(&dg);
}

void
h_annual_submit(struct req *r)
{
	move(r, "submit");
}

void
h_annual_return(struct req *r)
{
	move(r, "return");
}

void
h_annual_approve(struct req *r)
{
	move(r, "approve");
}

void
h_annual_publish(struct req *r)
{
	move(r, "publish");
}

void
h_annual_verify(struct req *r)
{
	struct diags		 dg = { 0 };
	struct annual_report	 a;
	enum fz_err		 rc;
	int64_t			 id;

	if (http_id(r, &id))
		return;
	rc = core_annual_get(r->st, &r->actor, id, &a, NULL, &dg);
	if (rc == FZ_OK)
		rc = core_annual_verify(r->st, id, &dg);
	http_answer(r, rc, rc == FZ_OK ? json_pack("{s:b,s:s,s:s}", "ok", 1,
	    "content_sha256", a.content_sha256, "docx_sha256", a.docx_sha256) :
	    NULL, &dg);
	diags_release(&dg);
}

struct file_in {
	int64_t			 id;
	enum annual_format	 fmt;
	int			 pdf;
};

static int
read_file_in(struct req *r, struct file_in *in)
{
	const char	*f;
	int		 bad = 0;

	memset(in, 0, sizeof(*in));
	if (http_id(r, &in->id))
		return -1;
	f = http_qstr(r, "format", 8, &bad);
	if (bad)
		return -1;
	if (f == NULL)
		f = "docx";
	in->pdf = str_eq(f, "pdf");
	if (!in->pdf && (!core_annual_format_parse(f, &in->fmt) ||
	    in->fmt == ANNUAL_JSON || in->fmt == ANNUAL_TEXT)) {
		http_error(r, 400, "INVALID", "format 应为 docx、html 或 pdf",
		    "format");
		return -1;
	}
	if (in->pdf)
		in->fmt = ANNUAL_DOCX;
	return 0;
}

int
in_annual_file(struct req *r)
{
	struct file_in	 in;

	return read_file_in(r, &in);
}

/* The published report's DOCX as stored; a draft rendered with its
 * citations and flags. */
void
h_annual_file(struct req *r)
{
	struct file_in		 in;
	struct diags		 dg = { 0 };
	struct annual_report	 a;
	struct buf		 b = BUF_INIT, pdf = BUF_INIT, err = BUF_INIT;
	json_t			*c = NULL;
	char			 name[128];
	enum fz_err		 rc;
	int			 published;

	if (read_file_in(r, &in))
		return;
	if ((rc = core_annual_get(r->st, &r->actor, in.id, &a, &c, &dg)) !=
	    FZ_OK)
		goto out;
	published = str_eq(a.state, "published");
	if (c == NULL) {
		rc = FZ_ENOTFOUND;
		diags_error(&dg, 0, 0, "id", "年度报告尚无内容");
		goto out;
	}
	if (in.fmt == ANNUAL_DOCX && published)
		rc = core_annual_docx(r->st, a.id, &b, &dg);
	else if ((rc = core_annual_render(c, in.fmt, !published, &b, &err)) !=
	    FZ_OK)
		diags_error(&dg, 0, 0, "error", "%s", err.ptr);
	if (rc == FZ_OK && in.pdf)
		rc = core_annual_pdf(&b, &pdf, &dg);
out:
	if (rc == FZ_OK) {
		snprintf(name, sizeof(name), "annual-%d-%s.%s", a.year,
		    a.unit_id ? a.unit_code : "county", in.pdf ? "pdf" :
		    in.fmt == ANNUAL_HTML ? "html" : "docx");
		if (in.pdf)
			http_file(r, "application/pdf", name, pdf.ptr, pdf.len);
		else if (in.fmt == ANNUAL_HTML)
			http_file(r, "text/html; charset=utf-8", name, b.ptr,
			    b.len);
		else
			http_file(r, "application/vnd.openxmlformats-"
			    "officedocument.wordprocessingml.document", name,
			    b.ptr, b.len);
	} else
		http_answer(r, rc, NULL, &dg);
	json_decref(c);
	buf_release(&b);
	buf_release(&pdf);
	buf_release(&err);
	diags_release(&dg);
}
