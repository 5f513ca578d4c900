/*
 * routes_assess.c: the assessment's routes (/api/assessment…): the newest
 * or a given run, ranked with each unit's breakdown (a unit's staff see
 * their own unit's row only), as JSON, CSV or XLSX; computing a run;
 * reading and changing the rubric; a manual item's points with its
 * evidence file, which is downloaded by who may read the unit's score.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "http-int.h"
#include "routes-int.h"
#include "fazhi/assess.h"
#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static int
this_year(const struct req *r)
{
	char	 y[5];

	snprintf(y, sizeof(y), "%.4s", r->today);
	return (int)strtol(y, NULL, 10);
}

struct assessment_in {
	int64_t		 run, unit;
	const char	*format;	/* NULL (JSON), "csv" or "xlsx" */
};

static int
read_assessment(struct req *r, struct assessment_in *in)
{
	const char	*f;
	int		 bad = 0;

	memset(in, 0, sizeof(*in));
	if (http_qint(r, "run", INT64_MAX, &in->run) ||
	    http_qint(r, "unit", INT64_MAX, &in->unit))
		return -1;
	f = http_qstr(r, "format", 8, &bad);
	if (bad)
		return -1;
	if (f != NULL && !str_eq(f, "json") && !str_eq(f, "csv") &&
	    !str_eq(f, "xlsx")) {
		http_error(r, 400, "INVALID", "格式应为 json、csv 或 xlsx",
		    "format");
		return -1;
	}
	in->format = f != NULL && !str_eq(f, "json") ? f : NULL;
	return 0;
}

int
in_assessment(struct req *r)
{
	struct assessment_in	 in;

	return read_assessment(r, &in);
}

void
h_assessment(struct req *r)
{
	struct assessment_in	 in;
	struct diags		 dg = { 0 };
	struct buf		 b = BUF_INIT, e = BUF_INIT;
	char			 path[] = "/tmp/fazhi-assess-XXXXXX";
	json_t			*o = NULL;
	int			 xlsx, fd = -1;
	enum fz_err		 rc;

	if (read_assessment(r, &in))
		return;
	xlsx = in.format != NULL && str_eq(in.format, "xlsx");
	rc = core_assess_show(r->st, &r->actor, in.run, in.unit, &o, &dg);
	if (rc != FZ_OK || in.format == NULL) {
		http_answer(r, rc, o, &dg);
		goto out;
	}
	/* The XLSX writer writes a file: a private temporary one. */
	if (xlsx && (fd = mkstemp(path)) == -1)
		rc = FZ_EIO;
	if (rc == FZ_OK)
		rc = core_assess_export(o, in.format, path, &b, &e);
	if (rc == FZ_OK && xlsx)
		rc = file_read(path, 64u * 1024 * 1024, &b, &e);
	if (rc == FZ_OK && xlsx)
		http_file(r, "application/vnd.openxmlformats-officedocument."
		    "spreadsheetml.sheet", "考核结果.xlsx", b.ptr, b.len);
	else if (rc == FZ_OK)
		http_file(r, "text/csv; charset=utf-8", "考核结果.csv", b.ptr,
		    b.len);
	else
		http_error(r, 500, "INTERNAL", "无法导出考核结果", NULL);
	json_decref(o);
out:
	if (fd != -1) {
		close(fd);
		unlink(path);
	}
	buf_release(&b);
	buf_release(&e);
	diags_release(&dg);
}

static int
read_assessment_run(struct req *r, const char **as_of)
{
	if (http_str(r, "as_of", 10, 0, as_of))
		return -1;
	if (*as_of == NULL || **as_of == '\0')
		*as_of = r->today;
	return 0;
}

int
in_assessment_run(struct req *r)
{
	const char	*as_of;

	return read_assessment_run(r, &as_of);
}

void
h_assessment_run(struct req *r)
{
	struct diags	 dg = { 0 };
	const char	*as_of;
	json_t		*o = NULL;
	enum fz_err	 rc;

	if (read_assessment_run(r, &as_of))
		return;
	rc = core_assess_run(r->st, &r->actor, as_of, &o, &dg);
	http_answer(r, rc, o, &dg);
	diags_release(&dg);
}

static int
read_rubric(struct req *r, int64_t *year)
{
	if (http_qint(r, "year", 2100, year))
		return -1;
	if (*year != 0 && *year < 2000) {
		http_error(r, 400, "INVALID", "年度应为 2000 到 2100", "year");
		return -1;
	}
	return 0;
}

int
in_assessment_rubric(struct req *r)
{
	int64_t	 year;

	return read_rubric(r, &year);
}

void
h_assessment_rubric(struct req *r)
{
	struct diags	 dg = { 0 };
	json_t		*o = NULL;
	int64_t		 year;
	enum fz_err	 rc;

	if (read_rubric(r, &year))
		return;
	rc = core_assess_rubric_get(r->st, &r->actor, (int)year, &o, &dg);
	http_answer(r, rc, o, &dg);
	diags_release(&dg);
}

/* ?year=N (0 or absent: the default rubric); the body is the rubric. */
static int
read_rubric_put(struct req *r, int64_t *year)
{
	if (read_rubric(r, year))
		return -1;
	if (r->json == NULL || json_object_get(r->json, "items") == NULL) {
		http_error(r, 400, "INVALID", "缺少考核项（items）", "items");
		return -1;
	}
	return 0;
}

int
in_assessment_rubric_put(struct req *r)
{
	int64_t	 year;

	return read_rubric_put(r, &year);
}

void
h_assessment_rubric_put(struct req *r)
{
	struct diags	 dg = { 0 };
	json_t		*o = NULL;
	int64_t		 year;
	enum fz_err	 rc;

	if (read_rubric_put(r, &year))
		return;
	rc = core_assess_rubric_set(r->st, &r->actor, (int)year, r->json,
	    NULL, &dg);
	if (rc == FZ_OK)
		rc = core_assess_rubric_get(r->st, &r->actor, (int)year, &o,
		    &dg);
	http_answer(r, rc, o, &dg);
	diags_release(&dg);
}

/* ?unit_id=N&item=KEY&points=4.5&reason=…&name=FILE[&year=N]; the body
 * is the evidence file. */
struct manual_in {
	struct assess_manual_input	 m;
	int64_t				 year;
};

static int
read_manual(struct req *r, struct manual_in *in)
{
	const char	*p = NULL;
	int		 bad = 0;

	memset(in, 0, sizeof(*in));
	if (http_qint(r, "unit_id", INT64_MAX, &in->m.unit_id) ||
	    http_qint(r, "year", 2100, &in->year))
		return -1;
	in->m.item_key = http_qstr(r, "item", 64, &bad);
	if (!bad)
		p = http_qstr(r, "points", 12, &bad);
	if (!bad)
		in->m.reason = http_qstr(r, "reason", 2000, &bad);
	if (!bad)
		in->m.file_name = http_qstr(r, "name", 255, &bad);
	if (bad)
		return -1;
	if (in->m.unit_id == 0) {
		http_error(r, 400, "INVALID", "缺少单位（unit_id）", "unit_id");
		return -1;
	}
	if (in->m.item_key == NULL) {
		http_error(r, 400, "INVALID", "缺少考核项（item）", "item");
		return -1;
	}
	if ((in->m.points = assess_points_parse(p)) < 0) {
		http_error(r, 400, "INVALID", "得分应为最多两位小数的非负数",
		    "points");
		return -1;
	}
	in->m.year = in->year ? (int)in->year : this_year(r);
	if (in->m.file_name != NULL && r->body.len > 0) {
		in->m.data = r->body.ptr;
		in->m.len = r->body.len;
	}
	return 0;
}

int
in_assessment_manual(struct req *r)
{
	struct manual_in	 in;

	return read_manual(r, &in);
}

void
h_assessment_manual(struct req *r)
{
	struct manual_in	 in;
	struct diags		 dg = { 0 };
	int64_t			 id = 0;
	enum fz_err		 rc;

	if (read_manual(r, &in))
		return;
	rc = core_assess_manual_add(r->st, &r->actor, &in.m, &id, &dg);
	http_answer(r, rc, rc == FZ_OK ? json_pack("{s:I}", "id",
	    (json_int_t)id) : NULL, &dg);
	diags_release(&dg);
}

void
h_assessment_evidence(struct req *r)
{
	struct assess_manual	 m;
	struct diags		 dg = { 0 };
	struct buf		 b = BUF_INIT;
	int64_t			 id;
	enum fz_err		 rc;

	if (http_id(r, &id))
		return;
	if ((rc = core_assess_evidence_fetch(r->st, &r->actor, id, &m, &b,
	    &dg)) == FZ_OK) {
		http_file(r, m.mime[0] ? m.mime : "application/octet-stream",
		    m.name, b.ptr, b.len);
		assess_manual_release(&m);
	} else
		http_answer(r, rc, NULL, &dg);
	buf_release(&b);
	diags_release(&dg);
}
