/*
 * annual.c: the annual report (法治政府建设年度报告). The draft follows the
 * plan section by section: part one from the accepted progress reports'
 * own sentences, the measures they mark done and the indicator values,
 * each sentence citing what it rests on; parts two to five from what is
 * not done, not met or returned. Claims without accepted evidence are
 * flagged 待核实. Then the workflow 草稿 → 待审核 → 已审核 → 已发布, the
 * published version frozen with its SHA-256 and its DOCX.
 * SPDX-License-Identifier: MIT
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "fazhi/annual.h"
#include "fazhi/docx.h"
#include "fazhi/indicator.h"
#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "work-int.h"
#include "fazhi/banned.h"

#define ANNUAL_TEXT_MAX	2000	/* bytes of one sentence */
/* Report sentences kept per task in part one (ours): a year of monthly
 * reports repeats itself; a county report gives each task a few lines. */
#define ANNUAL_TASK_SENTENCES	3

static const char *const part_titles[] = {
	"一、主要举措和成效",
	"二、存在的不足和原因",
	"三、党政主要负责人履行推进法治建设第一责任人职责情况",
	"四、下一年度主要安排",
	"五、其他需要报告的情况",
};

int
core_annual_format_parse(const char *s, enum annual_format *f)
{
	if (str_eq(s, "docx"))
		*f = ANNUAL_DOCX;
	else if (str_eq(s, "html"))
		*f = ANNUAL_HTML;
	else if (str_eq(s, "text") || str_eq(s, "txt"))
		*f = ANNUAL_TEXT;
	else if (str_eq(s, "json"))
		*f = ANNUAL_JSON;
	else
		return 0;
	return 1;
}

const char *
core_annual_state_name(const char *s)
{
	if (str_eq(s, "draft"))
		return "草稿";
	if (str_eq(s, "review"))
		return "待审核";
	if (str_eq(s, "approved"))
		return "已审核";
	if (str_eq(s, "published"))
		return "已发布";
	return "";
}

/* 1 → 一, 12 → 十二, 21 → 二十一 (1..99). */
static void
cn_number(int n, struct buf *b)
{
	static const char *const d[] = { "零", "一", "二", "三", "四", "五",
	    "六", "七", "八", "九" };

	if (n <= 0 || n > 99) {
		buf_addf(b, "%d", n);
		return;
	}
	if (n >= 20)
		buf_addstr(b, d[n / 10]);
	if (n >= 10)
		buf_addstr(b, "十");
	if (n % 10 != 0 || n < 10)
		buf_addstr(b, d[n % 10]);
}

/* Scope: the plan of the year, the unit by code. */

struct plan_pick {
	int		 year;
	int64_t		 id;
};

static int
plan_pick_cb(const struct plan_summary *s, void *arg)
{
	struct plan_pick *p = arg;

	if (s->year == p->year && s->id > p->id)
		p->id = s->id;
	return 0;
}

enum fz_err
core_annual_scope(struct store *st, const char *plan_key, int year,
    const char *unit_code, int64_t *plan_id, int64_t *unit_id,
    struct diags *dg)
{
	struct plan_pick pk = { year, 0 };
	struct unit_dir	 dir = { 0 };
	enum fz_err	 rc;
	size_t		 i;

	*plan_id = 0;
	*unit_id = 0;
	if (plan_key != NULL && *plan_key != '\0') {
		if (core_plan_lookup(st, plan_key, plan_id) != FZ_OK)
			return work_fail(dg, FZ_ENOTFOUND, "plan",
			    "没有找到计划%s", plan_key);
	} else {
		if ((rc = store_plan_iter(st, plan_pick_cb, &pk)) != FZ_OK)
			return work_store_fail(st, dg, rc);
		if (pk.id == 0)
			return work_fail(dg, FZ_ENOTFOUND, "year",
			    "没有%d年度的工作计划", year);
		*plan_id = pk.id;
	}
	if (unit_code == NULL || *unit_code == '\0')
		return FZ_OK;
	if ((rc = core_units_load(st, &dir)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	for (i = 0; i < dir.n; i++)
		if (str_eq(dir.v[i].code, unit_code))
			*unit_id = dir.v[i].id;
	unit_dir_release(&dir);
	if (*unit_id == 0)
		return work_fail(dg, FZ_ENOTFOUND, "unit", "没有代码为%s的单位",
		    unit_code);
	return FZ_OK;
}

/* Content helpers */

/* A member's string, "" when absent or not a string. */
static const char *
jstr(const json_t *o, const char *key)
{
	const char	*v = json_string_value(json_object_get(o, key));

	return v ? v : "";
}

static json_t *
ids_json(const int64_t *v, size_t n)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_integer(v[i]));
	return a;
}

static json_t *
sentence(const char *text, int claim, json_t *reports, json_t *values)
{
	json_t	*s = json_object();
	int	 evidence;

	if (reports == NULL)
		reports = json_array();
	if (values == NULL)
		values = json_array();
	evidence = json_array_size(reports) > 0 || json_array_size(values) > 0;
	json_object_set_new(s, "text", json_string(text));
	json_object_set_new(s, "claim", json_boolean(claim));
	json_object_set_new(s, "flag", json_boolean(claim && !evidence));
	json_object_set_new(s, "reports", reports);
	json_object_set_new(s, "values", values);
	json_object_set_new(s, "records", json_array());
	return s;
}

/* A sentence whose evidence exists but is not accepted: flagged. */
static json_t *
sentence_unaccepted(const char *text, json_t *pending)
{
	json_t	*s = sentence(text, 1, NULL, NULL);

	json_object_set_new(s, "pending", pending);
	return s;
}

static json_t *
paragraph(const char *kind)
{
	json_t	*p = json_object();

	json_object_set_new(p, "kind", json_string(kind));
	json_object_set_new(p, "sentences", json_array());
	return p;
}

static void
para_add(json_t *p, json_t *s)
{
	json_array_append_new(json_object_get(p, "sentences"), s);
}

static json_t *
heading2(int n, const char *title)
{
	struct buf	 b = BUF_INIT;
	json_t		*p = paragraph("heading2");

	buf_addstr(&b, "（");
	cn_number(n, &b);
	buf_addstr(&b, "）");
	buf_addstr(&b, title);
	para_add(p, sentence(b.ptr, 0, NULL, NULL));
	buf_release(&b);
	return p;
}

/* Strip the end punctuation and add "。". */
static void
end_stop(struct buf *b)
{
	static const char *const ends[] = { "。", "；", "，", "：", ";", ",",
	    "." };
	size_t	 i;
	int	 again = 1;

	buf_trim(b);
	while (again) {
		again = 0;
		for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
			if (b->len >= strlen(ends[i]) &&
			    str_endswith(b->ptr, ends[i])) {
				buf_truncate(b, b->len - strlen(ends[i]));
				again = 1;
			}
	}
	buf_addstr(b, "。");
}

/*
 * The sentences of a text, each ending at 。！？ or a line break (；
 * ends a clause, not a sentence), trimmed, empty ones dropped.
 */
static void
split_sentences(const char *text, char ***out, size_t *n)
{
	struct buf	 b = BUF_INIT;
	const char	*p = text;

	while (*p != '\0') {
		int end = 0;

		if (str_startswith(p, "。") || str_startswith(p, "！") ||
		    str_startswith(p, "？")) {
			buf_add(&b, p, 3);
			p += 3;
			end = 1;
		} else if (*p == '\n' || *p == '\r') {
			p++;
			end = 1;
		} else {
			buf_addch(&b, (unsigned char)*p);
			p++;
		}
		if (end || *p == '\0') {
			buf_trim(&b);
			if (b.len > 0) {
				if (!str_endswith(b.ptr, "。") &&
				    !str_endswith(b.ptr, "！") &&
				    !str_endswith(b.ptr, "？"))
					end_stop(&b);
				strv_add(out, n, b.ptr);
			}
			buf_reset(&b);
		}
	}
	buf_release(&b);
}

static int
report_cmp(const void *a, const void *b)
{
	const struct report *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* What the generator reads. */
struct gen {
	struct store		*st;
	struct plan		 p;
	int			 year;
	int64_t			 unit_id;
	char			 unit_name[160];
	char			 unit_code[64];
	struct report		*reps;		/* by id */
	size_t			 nreps;
	json_t			*inds;		/* plan indicators, county */
	int			*unit_tasks;	/* by task index: 1 when the unit's */
};

static int
task_in_scope(const struct gen *g, size_t ti)
{
	return g->unit_id == 0 || g->unit_tasks[ti];
}

static int
rep_counts(const struct gen *g, const struct report *r)
{
	return g->unit_id == 0 || r->unit_id == g->unit_id;
}

/* Is the task done: an accepted report of it says so. */
static int
task_done(const struct gen *g, int64_t task_id)
{
	size_t	 i;

	for (i = 0; i < g->nreps; i++)
		if (g->reps[i].task_id == task_id && rep_counts(g,
		    &g->reps[i]) && str_eq(g->reps[i].state, "accepted") &&
		    str_eq(g->reps[i].progress, "done"))
			return 1;
	return 0;
}

/* A sentence made once per text: a second report citing it is added. */
static void
add_claim(json_t *para, const char *text, int64_t rid)
{
	json_t	*ss = json_object_get(para, "sentences"), *s;
	size_t	 i;

	json_array_foreach(ss, i, s) {
		if (str_eq(jstr(s, "text"),
		    text) && json_is_false(json_object_get(s, "flag"))) {
			json_array_append_new(json_object_get(s, "reports"),
			    json_integer(rid));
			return;
		}
	}
	para_add(para, sentence(text, 1, ids_json(&rid, 1), NULL));
}

/*
 * Keep the ANNUAL_TASK_SENTENCES report sentences of a task that say the
 * most: those carrying a figure first, then those of the latest period (a
 * fourth quarter's report sums up the year: "全年共…" beats a first
 * quarter's figure), then those more reports repeat, then the earlier; in
 * their order. Sentence 0 (the task) stays.
 */
struct keep {
	size_t		 i;
	int		 figure;
	char		 due[11];	/* the latest period citing it */
	size_t		 repeats;
};

static int
keep_cmp(const void *a, const void *b)
{
	const struct keep *x = a, *y = b;
	int c;

	if (x->figure != y->figure)
		return y->figure - x->figure;
	if ((c = strcmp(y->due, x->due)) != 0)
		return c;
	if (x->repeats != y->repeats)
		return x->repeats < y->repeats ? 1 : -1;
	return (x->i > y->i) - (x->i < y->i);
}

/* The report of an id (g->reps is sorted by id), or NULL. */
static const struct report *
rep_by_id(const struct gen *g, int64_t id)
{
	struct report key;

	key.id = id;
	return bsearch(&key, g->reps, g->nreps, sizeof(*g->reps), report_cmp);
}

static int
keep_idx_cmp(const void *a, const void *b)
{
	const struct keep *x = a, *y = b;

	return (x->i > y->i) - (x->i < y->i);
}

static void
condense(const struct gen *g, json_t *para)
{
	json_t		*ss = json_object_get(para, "sentences"), *out, *rs, *v;
	struct keep	*k;
	size_t		 i, j, n = json_array_size(ss);

	if (n <= 1 + ANNUAL_TASK_SENTENCES)
		return;
	k = xcalloc(n, sizeof(*k));
	for (i = 1; i < n; i++) {
		const char *t = jstr(json_array_get(ss, i), "text");
		struct keep *kp = &k[i - 1];

		rs = json_object_get(json_array_get(ss, i), "reports");
		kp->i = i;
		kp->figure = strpbrk(t, "0123456789") != NULL;
		kp->repeats = json_array_size(rs);
		json_array_foreach(rs, j, v) {
			const struct report *r = rep_by_id(g,
			    json_integer_value(v));

			if (r != NULL && strcmp(r->period_due, kp->due) > 0)
				snprintf(kp->due, sizeof(kp->due), "%s",
				    r->period_due);
		}
	}
	qsort(k, n - 1, sizeof(*k), keep_cmp);
	qsort(k, ANNUAL_TASK_SENTENCES, sizeof(*k), keep_idx_cmp);
	out = json_array();
	json_array_append(out, json_array_get(ss, 0));
	for (i = 0; i < ANNUAL_TASK_SENTENCES; i++)
		json_array_append(out, json_array_get(ss, k[i].i));
	json_object_set_new(para, "sentences", out);
	free(k);
}

/* The indicator sentences of a task (the county's report). */
static void
task_indicators(const struct gen *g, const struct task *t, json_t *para,
    json_t *unmet)
{
	json_t		*x;
	size_t		 i;
	struct buf	 b = BUF_INIT;

	if (g->inds == NULL)
		return;
	json_array_foreach(json_object_get(g->inds, "indicators"), i, x) {
		json_t *v = json_object_get(x, "value"),
		    *rp = json_object_get(x, "reported"),
		    *def = json_object_get(x, "definition"),
		    *met = json_object_get(x, "met");
		const char *name = jstr(x, "name");
		int64_t id;

		if (json_integer_value(json_object_get(x, "task_id")) != t->id)
			continue;
		buf_reset(&b);
		if (json_is_object(v) && json_is_number(json_object_get(v,
		    "value"))) {
			buf_addf(&b, "%s为%s", name, jstr(v, "value_text"));
			id = json_integer_value(json_object_get(v, "id"));
		} else if (json_is_object(rp)) {
			json_t *rv = json_object_get(rp, "value"),
			    *rd = json_object_get(rp, "done");

			if (json_is_number(rv))
				buf_addf(&b, "%s为%g%s", name,
				    json_number_value(rv), jstr(x, "unit"));
			else
				buf_addf(&b, "%s%s", name, json_is_true(rd) ?
				    "已完成" : "尚未完成");
			id = json_integer_value(json_object_get(rp,
			    "report_id"));
		} else
			continue;
		if (json_is_number(json_object_get(x, "target"))) {
			const char *c = jstr(x, "comparator");

			buf_addf(&b, "（目标%s%g%s", str_eq(c, ">=") ? "不低于" :
			    str_eq(c, "<=") ? "不高于" : "", json_number_value(
			    json_object_get(x, "target")), jstr(x, "unit"));
			if (json_is_boolean(met))
				buf_addstr(&b, json_is_true(met) ? "，已达到" :
				    "，未达到");
			buf_addstr(&b, "）");
		}
		if (json_is_object(def)) {
			/* "normative.timely_rate": the 行政规范性文件 registry */
			const char *key = jstr(def, "key");
			char reg[64];
			const struct reg_desc *rd;

			snprintf(reg, sizeof(reg), "%.*s", (int)strcspn(key, "."),
			    key);
			rd = registry_find(reg);
			buf_addf(&b, "，口径为“%s”", jstr(def, "name"));
			if (rd != NULL)
				buf_addf(&b, "，数据来自%s台账", rd->name);
		} else
			buf_addstr(&b, "，由承办单位在进展报告中填报");
		end_stop(&b);
		if (json_is_object(v))
			para_add(para, sentence(b.ptr, 1, NULL,
			    ids_json(&id, 1)));
		else
			para_add(para, sentence(b.ptr, 1, ids_json(&id, 1),
			    NULL));
		if (json_is_false(met) && unmet != NULL)
			json_array_append(unmet, x);
	}
	buf_release(&b);
}

/* One task's "X是" paragraph of part one; NULL when nothing to say. */
static json_t *
task_paragraph(const struct gen *g, const struct task *t, int ord,
    json_t *unmet)
{
	json_t		*para = paragraph("body"), *pending = json_array();
	struct buf	 b = BUF_INIT;
	char		**ss = NULL;
	size_t		 i, j, k, nss = 0;
	int		 accepted = 0;
	int		*mdone = xcalloc(t->nmeasures + 1, sizeof(int));
	int64_t		*mrep = xcalloc(t->nmeasures + 1, sizeof(int64_t));

	cn_number(ord, &b);
	buf_addstr(&b, "是");
	buf_addstr(&b, t->title ? t->title : "");
	end_stop(&b);
	para_add(para, sentence(b.ptr, 0, NULL, NULL));
	for (i = 0; i < g->nreps; i++) {
		const struct report *r = &g->reps[i];

		if (r->task_id != t->id || !rep_counts(g, r))
			continue;
		if (!str_eq(r->state, "accepted")) {
			if (str_eq(r->state, "submitted"))
				json_array_append_new(pending,
				    json_integer(r->id));
			continue;
		}
		accepted = 1;
		split_sentences(r->narrative ? r->narrative : "", &ss, &nss);
		for (j = 0; j < nss; j++)
			add_claim(para, ss[j], r->id);
		strv_free(ss, nss);
		ss = NULL;
		nss = 0;
		/* measures the report marks done: "1,3" */
		for (const char *m = r->measures; m && *m;) {
			long long x;
			char num[16];
			size_t len = strcspn(m, ",");

			if (len < sizeof(num)) {
				memcpy(num, m, len);
				num[len] = '\0';
				if (str_toint(num, 1, (long long)t->nmeasures,
				    &x) == FZ_OK && !mdone[x]) {
					mdone[x] = 1;
					mrep[x] = r->id;
				}
			}
			m += len;
			if (*m == ',')
				m++;
		}
	}
	condense(g, para);
	for (k = 1; k <= t->nmeasures; k++) {
		if (!mdone[k])
			continue;
		buf_reset(&b);
		buf_addstr(&b, "已完成“");
		buf_addstr(&b, t->measures[k - 1]);
		while (str_endswith(b.ptr, "。"))
			buf_truncate(&b, b.len - 3);
		buf_addstr(&b, "”");
		end_stop(&b);
		para_add(para, sentence(b.ptr, 1, ids_json(&mrep[k], 1), NULL));
	}
	task_indicators(g, t, para, unmet);
	if (!accepted) {
		buf_reset(&b);
		buf_addstr(&b, "该项工作有序推进，取得阶段性成效。");
		if (json_array_size(pending) > 0)
			para_add(para, sentence_unaccepted(b.ptr, pending));
		else {
			para_add(para, sentence(b.ptr, 1, NULL, NULL));
			json_decref(pending);
		}
	} else
		json_decref(pending);
	free(mdone);
	free(mrep);
	buf_release(&b);
	return para;
}

static const char *
section_title(const struct section *s)
{
	return s->title ? s->title : "";
}

static json_t *
part_new(size_t i)
{
	json_t	*p = json_object();

	json_object_set_new(p, "title", json_string(part_titles[i]));
	json_object_set_new(p, "paragraphs", json_array());
	return p;
}

static void
part_add(json_t *part, json_t *para)
{
	json_array_append_new(json_object_get(part, "paragraphs"), para);
}

static json_t *
part_one(const struct gen *g, json_t *unmet)
{
	json_t	*part = part_new(0);
	size_t	 si, ti;
	int	 nsec = 0;

	for (si = 0; si < g->p.nsections; si++) {
		const struct section *s = &g->p.sections[si];
		int ord = 0, any = 0;

		for (ti = 0; ti < g->p.ntasks; ti++)
			any |= g->p.tasks[ti].section == s->order &&
			    task_in_scope(g, ti);
		if (!s->has_tasks || !any)
			continue;
		part_add(part, heading2(++nsec, section_title(s)));
		for (ti = 0; ti < g->p.ntasks; ti++) {
			const struct task *t = &g->p.tasks[ti];

			if (t->section != s->order || !task_in_scope(g, ti))
				continue;
			part_add(part, task_paragraph(g, t, ++ord, unmet));
		}
	}
	return part;
}

static json_t *
part_two(const struct gen *g, json_t *unmet)
{
	json_t		*part = part_new(1), *para, *x;
	struct buf	 b = BUF_INIT;
	size_t		 ti, i, nopen = 0, ntotal = 0;
	int64_t		*returned = NULL;
	size_t		 nret = 0, cap = 0;
	int		 ord = 0;

	for (ti = 0; ti < g->p.ntasks; ti++) {
		if (!task_in_scope(g, ti))
			continue;
		ntotal++;
		nopen += !task_done(g, g->p.tasks[ti].id);
	}
	if (nopen > 0) {
		para = paragraph("body");
		buf_reset(&b);
		cn_number(++ord, &b);
		buf_addf(&b, "是部分任务尚未完成。全年%zu项任务中，有%zu项尚无"
		    "已审核的完成报告：", ntotal, nopen);
		for (ti = 0, i = 0; ti < g->p.ntasks; ti++) {
			const struct task *t = &g->p.tasks[ti];

			if (!task_in_scope(g, ti) || task_done(g, t->id))
				continue;
			if (i++ > 0)
				buf_addstr(&b, "、");
			buf_addf(&b, "第%d项“%s”", t->number, t->title ?
			    t->title : "");
		}
		end_stop(&b);
		para_add(para, sentence(b.ptr, 0, NULL, NULL));
		part_add(part, para);
	}
	json_array_foreach(unmet, i, x) {
		json_t *v = json_object_get(x, "value"),
		    *rp = json_object_get(x, "reported");
		int64_t id;

		if (i == 0) {
			para = paragraph("body");
			buf_reset(&b);
			cn_number(++ord, &b);
			buf_addstr(&b, "是部分指标未达到目标。");
			para_add(para, sentence(b.ptr, 0, NULL, NULL));
			part_add(part, para);
		}
		buf_reset(&b);
		buf_addf(&b, "第%lld项任务的“%s”", (long long)json_integer_value(
		    json_object_get(x, "task_number")), jstr(x, "name"));
		if (json_is_object(v)) {
			buf_addf(&b, "为%s，未达到目标", jstr(v, "value_text"));
			id = json_integer_value(json_object_get(v, "id"));
			end_stop(&b);
			para_add(para, sentence(b.ptr, 1, NULL,
			    ids_json(&id, 1)));
		} else {
			buf_addstr(&b, "未达到目标");
			id = json_integer_value(json_object_get(rp,
			    "report_id"));
			end_stop(&b);
			para_add(para, sentence(b.ptr, 1, ids_json(&id, 1),
			    NULL));
		}
	}
	for (i = 0; i < g->nreps; i++)
		if (g->reps[i].returns > 0 && rep_counts(g, &g->reps[i])) {
			VEC_GROW(returned, nret, cap);
			returned[nret++] = g->reps[i].id;
		}
	if (nret > 0) {
		para = paragraph("body");
		buf_reset(&b);
		cn_number(++ord, &b);
		buf_addf(&b, "是报送质量有待提高，%zu份进展报告曾被退回补正。",
		    nret);
		para_add(para, sentence(b.ptr, 1, ids_json(returned, nret),
		    NULL));
		part_add(part, para);
	}
	free(returned);
	para = paragraph("body");
	para_add(para, sentence("产生上述问题的原因主要是：〔请分析原因〕。", 1,
	    NULL, NULL));
	part_add(part, para);
	buf_release(&b);
	return part;
}

/* Tasks about the 第一责任人 duties (压实…第一责任人职责). */
static int
duty_task(const struct gen *g, const struct task *t)
{
	const struct section *s = NULL;
	size_t	 i;

	for (i = 0; i < g->p.nsections; i++)
		if (g->p.sections[i].order == t->section)
			s = &g->p.sections[i];
	return (s != NULL && s->title != NULL && (strstr(s->title,
	    "第一责任人") || strstr(s->title, "主要负责人"))) ||
	    (t->title != NULL && (strstr(t->title, "第一责任人") ||
	    strstr(t->title, "主要负责人")));
}

static json_t *
part_three(const struct gen *g)
{
	json_t		*part = part_new(2), *para = paragraph("body");
	char		**ss = NULL;
	size_t		 i, j, ti, nss = 0;

	for (i = 0; i < g->nreps; i++) {
		const struct report *r = &g->reps[i];

		if (!str_eq(r->state, "accepted") || !rep_counts(g, r))
			continue;
		for (ti = 0; ti < g->p.ntasks; ti++)
			if (g->p.tasks[ti].id == r->task_id)
				break;
		if (ti == g->p.ntasks || !duty_task(g, &g->p.tasks[ti]))
			continue;
		split_sentences(r->narrative ? r->narrative : "", &ss, &nss);
		for (j = 0; j < nss; j++)
			add_claim(para, ss[j], r->id);
		strv_free(ss, nss);
		ss = NULL;
		nss = 0;
	}
	if (json_array_size(json_object_get(para, "sentences")) == 0)
		para_add(para, sentence("党政主要负责人切实履行推进法治建设第一责任人"
		    "职责，〔请补充本年度研究部署法治建设、带头学法述法等情况〕。",
		    1, NULL, NULL));
	part_add(part, para);
	return part;
}

static json_t *
part_four(const struct gen *g)
{
	json_t		*part = part_new(3), *para = paragraph("body");
	struct buf	 b = BUF_INIT;
	size_t		 ti;
	int		 ord = 0;

	buf_addf(&b, "%d年，我们将坚持以习近平法治思想为指导，对照法治政府建设"
	    "实施方案，重点抓好以下工作。", g->year + 1);
	para_add(para, sentence(b.ptr, 0, NULL, NULL));
	part_add(part, para);
	for (ti = 0; ti < g->p.ntasks; ti++) {
		const struct task *t = &g->p.tasks[ti];

		if (!task_in_scope(g, ti) || task_done(g, t->id))
			continue;
		para = paragraph("body");
		buf_reset(&b);
		cn_number(++ord, &b);
		buf_addstr(&b, "是");
		buf_addstr(&b, t->title ? t->title : "");
		end_stop(&b);
		para_add(para, sentence(b.ptr, 0, NULL, NULL));
		part_add(part, para);
	}
	if (ord == 0) {
		para = paragraph("body");
		para_add(para, sentence("〔请根据下一年度工作计划补充主要安排〕。",
		    0, NULL, NULL));
		part_add(part, para);
	}
	buf_release(&b);
	return part;
}

static json_t *
part_five(void)
{
	json_t	*part = part_new(4), *para = paragraph("body");

	para_add(para, sentence("无。", 0, NULL, NULL));
	part_add(part, para);
	return part;
}

/* "莘县2022年法治政府建设工作计划" → "莘县" */
/*
 * The level of a county-level division by the last character of its name
 * (莘县, 临清市, 历下区, 某某旗), and its Party committee as documents name
 * it: 中共莘县县委, but 中共临清市委 and 中共历下区委.
 */
static const char *
level(const char *name)
{
	static const char *const lv[] = { "市", "区", "旗" };
	size_t	 i;

	for (i = 0; i < sizeof(lv) / sizeof(lv[0]); i++)
		if (str_endswith(name, lv[i]))
			return lv[i];
	return "县";
}

static const char *
party_suffix(const char *name)
{
	return str_eq(level(name), "县") ? "县委" : "委";
}

static void
county_name(const struct plan *p, struct buf *b)
{
	const char	*t = p->title ? p->title : "";
	size_t		 n = strcspn(t, "0123456789 ");

	buf_add(b, t, n);
	buf_trim(b);
	if (b->len == 0)
		buf_addstr(b, "本县");
}

static enum fz_err
gen_load(struct gen *g, const struct actor *ac, struct diags *dg)
{
	struct report_filter	 f;
	struct assignment	*av = NULL;
	int64_t			 total;
	size_t			 n = 0, i, j;
	enum fz_err		 rc;

	if ((rc = store_plan_get(g->st, g->p.id, &g->p)) != FZ_OK)
		return work_store_fail(g->st, dg, rc);
	memset(&f, 0, sizeof(f));
	f.plan_id = g->p.id;
	f.unit_id = g->unit_id;
	f.limit = 1000000;
	if ((rc = store_report_list(g->st, &f, &g->reps, &g->nreps, &total)) !=
	    FZ_OK)
		return work_store_fail(g->st, dg, rc);
	if (g->nreps > 1)
		qsort(g->reps, g->nreps, sizeof(g->reps[0]), report_cmp);
	g->unit_tasks = xcalloc(g->p.ntasks + 1, sizeof(int));
	if (g->unit_id != 0) {
		if ((rc = store_assignment_list(g->st, g->p.id, 0, g->unit_id,
		    &av, &n)) != FZ_OK)
			return work_store_fail(g->st, dg, rc);
		for (i = 0; i < n; i++)
			for (j = 0; j < g->p.ntasks; j++)
				if (g->p.tasks[j].id == av[i].task_id)
					g->unit_tasks[j] = 1;
		free(av);
		for (i = 0; i < g->nreps; i++)
			if (g->reps[i].unit_id == g->unit_id) {
				snprintf(g->unit_name, sizeof(g->unit_name), "%s",
				    g->reps[i].unit_name);
				break;
			}
	} else if ((rc = core_plan_indicators_json(g->st, ac, g->p.id,
	    &g->inds, dg)) != FZ_OK)
		return rc;
	return FZ_OK;
}

static void
gen_release(struct gen *g)
{
	size_t	 i;

	for (i = 0; i < g->nreps; i++)
		report_release(&g->reps[i]);
	free(g->reps);
	free(g->unit_tasks);
	json_decref(g->inds);
	plan_release(&g->p);
}

enum fz_err
core_annual_build(struct store *st, const struct actor *ac, int64_t plan_id,
    int year, int64_t unit_id, json_t **out, struct diags *dg)
{
	struct gen	 g;
	struct buf	 b = BUF_INIT, county = BUF_INIT;
	json_t		*c = NULL, *parts, *unmet = json_array(), *para;
	struct unit_dir	 dir = { 0 };
	enum fz_err	 rc;
	size_t		 i;

	*out = NULL;
	memset(&g, 0, sizeof(g));
	g.st = st;
	g.p.id = plan_id;
	g.year = year;
	g.unit_id = unit_id;
	if (unit_id != 0) {
		if ((rc = core_units_load(st, &dir)) != FZ_OK) {
			rc = work_store_fail(st, dg, rc);
			goto out;
		}
		for (i = 0; i < dir.n; i++)
			if (dir.v[i].id == unit_id) {
				snprintf(g.unit_name, sizeof(g.unit_name), "%s",
				    dir.v[i].name);
				snprintf(g.unit_code, sizeof(g.unit_code), "%s",
				    dir.v[i].code);
			}
	}
	if ((rc = gen_load(&g, ac, dg)) != FZ_OK)
		goto out;
	if (year == 0)
		g.year = year = g.p.year;
	county_name(&g.p, &county);
	c = json_object();
	if (unit_id == 0) {
		buf_addf(&b, "%s人民政府", county.ptr);
		json_object_set_new(c, "issuer", json_string(b.ptr));
		buf_addf(&b, "关于%d年度法治政府建设情况的报告", year);
		json_object_set_new(c, "title", json_string(b.ptr));
		buf_reset(&b);
		buf_addf(&b, "中共%s%s、%s人大常委会：", county.ptr,
		    party_suffix(county.ptr), county.ptr);
		json_object_set_new(c, "addressee", json_string(b.ptr));
	} else {
		json_object_set_new(c, "issuer", json_string(g.unit_name));
		buf_addf(&b, "%s关于%d年度法治政府建设情况的报告", g.unit_name,
		    year);
		json_object_set_new(c, "title", json_string(b.ptr));
		buf_reset(&b);
		buf_addf(&b, "中共%s%s全面依法治%s委员会办公室：",
		    county.ptr, party_suffix(county.ptr), level(county.ptr));
		json_object_set_new(c, "addressee", json_string(b.ptr));
	}
	buf_reset(&b);
	buf_addf(&b, "%d年　月　日", year + 1);
	json_object_set_new(c, "date_line", json_string(b.ptr));
	json_object_set_new(c, "year", json_integer(year));
	json_object_set_new(c, "plan_id", json_integer(plan_id));
	json_object_set_new(c, "unit_code", unit_id ? json_string(g.unit_code) :
	    json_null());
	json_object_set_new(c, "unit_name", unit_id ? json_string(g.unit_name) :
	    json_null());
	para = paragraph("body");
	buf_reset(&b);
	buf_addf(&b, "%d年，%s坚持以习近平新时代中国特色社会主义思想为指导，深入"
	    "学习贯彻习近平法治思想，认真落实《%s》，扎实推进法治政府建设。",
	    year, unit_id ? "我单位" : "我县", g.p.title ? g.p.title : "");
	para_add(para, sentence(b.ptr, 0, NULL, NULL));
	para_add(para, sentence("现将有关情况报告如下。", 0, NULL, NULL));
	json_object_set_new(c, "preamble", para);
	parts = json_array();
	json_array_append_new(parts, part_one(&g, unmet));
	json_array_append_new(parts, part_two(&g, unmet));
	json_array_append_new(parts, part_three(&g));
	json_array_append_new(parts, part_four(&g));
	json_array_append_new(parts, part_five());
	json_object_set_new(c, "parts", parts);
	para = paragraph("body");
	para_add(para, sentence("特此报告。", 0, NULL, NULL));
	json_object_set_new(c, "closing", para);
	*out = c;
	c = NULL;
out:
	json_decref(c);
	json_decref(unmet);
	unit_dir_release(&dir);
	gen_release(&g);
	buf_release(&b);
	buf_release(&county);
	return rc;
}

/* Every paragraph of a content, in order (preamble, parts, closing). */
typedef void	(*para_cb)(json_t *para, int part, size_t idx, void *);

static void
walk(const json_t *c, para_cb cb, void *arg)
{
	json_t	*part, *p;
	size_t	 i, j;

	cb(json_object_get(c, "preamble"), -1, 0, arg);
	json_array_foreach(json_object_get(c, "parts"), i, part)
		json_array_foreach(json_object_get(part, "paragraphs"), j, p)
			cb(p, (int)i, j, arg);
	cb(json_object_get(c, "closing"), -2, 0, arg);
}

static void
count_flags(json_t *para, int part, size_t idx, void *arg)
{
	json_t	*s;
	size_t	 i;

	(void)part;
	(void)idx;
	json_array_foreach(json_object_get(para, "sentences"), i, s)
		*(int *)arg += json_is_true(json_object_get(s, "flag"));
}

int
core_annual_flags(const json_t *c)
{
	int	 n = 0;

	if (c != NULL)
		walk(c, count_flags, &n);
	return n;
}

/* Rendering */

static void
cite_text(const json_t *s, struct buf *b)
{
	static const struct {
		const char	*key, *label;
	} kinds[] = {
		{ "reports", "报告" },
		{ "values", "指标值" },
		{ "records", "记录" },
	};
	json_t	*x;
	size_t	 i, k;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		json_array_foreach(json_object_get(s, kinds[k].key), i, x) {
			if (i == 0 && b->len > 0)
				buf_addstr(b, "；");
			buf_addstr(b, i == 0 ? kinds[k].label : "、");
			buf_addf(b, "%lld", (long long)json_integer_value(x));
		}
}

struct render {
	struct docx	*d;
	struct buf	*html;
	int		 cites;
};

static void
render_para(const json_t *para, enum docx_kind k, struct render *r)
{
	json_t		*s;
	size_t		 i;
	struct buf	 c = BUF_INIT;
	const char	*tag = k == DOCX_HEADING2 ? "h3" : "p";

	if (para == NULL)
		return;
	if (json_array_size(json_object_get(para, "sentences")) == 0)
		return;
	docx_para(r->d, k);
	buf_addf(r->html, "<%s>", tag);
	json_array_foreach(json_object_get(para, "sentences"), i, s) {
		const char *t = jstr(s, "text");
		int flag = json_is_true(json_object_get(s, "flag"));

		docx_run(r->d, t, flag ? DOCX_RUN_HIGHLIGHT : 0);
		if (flag)
			buf_addstr(r->html, "<mark class=\"flag\">");
		docx_xml_escape(r->html, t ? t : "");
		if (flag) {
			docx_run(r->d, "〔待核实〕", DOCX_RUN_HIGHLIGHT |
			    DOCX_RUN_BOLD);
			buf_addstr(r->html, "<b>〔待核实〕</b></mark>");
		}
		buf_reset(&c);
		if (r->cites)
			cite_text(s, &c);
		if (c.len > 0) {
			struct buf w = BUF_INIT;

			buf_addf(&w, "〔%s〕", c.ptr);
			docx_run(r->d, w.ptr, DOCX_RUN_SUPER);
			buf_addstr(r->html, "<sup class=\"cite\">");
			docx_xml_escape(r->html, w.ptr);
			buf_addstr(r->html, "</sup>");
			buf_release(&w);
		}
	}
	buf_addf(r->html, "</%s>\n", tag);
	buf_release(&c);
}

/* One line of one kind; tag is the HTML element, cls its class or NULL. */
static void
render_line(struct render *r, enum docx_kind k, const char *text,
    const char *tag, const char *cls)
{
	docx_para_text(r->d, k, text);
	if (cls != NULL)
		buf_addf(r->html, "<%s class=\"%s\">", tag, cls);
	else
		buf_addf(r->html, "<%s>", tag);
	docx_xml_escape(r->html, text ? text : "");
	buf_addf(r->html, "</%s>\n", tag);
}

enum fz_err
core_annual_render(const json_t *c, enum annual_format fmt, int with_cites,
    struct buf *out, struct buf *err)
{
	struct render	 r;
	struct buf	 html = BUF_INIT;
	json_t		*part, *p;
	size_t		 i, j;
	enum fz_err	 rc = FZ_OK;
	const char	*title = jstr(c, "title");

	if (fmt == ANNUAL_JSON) {
		char *s = json_dumps(c, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

		buf_addstr(out, s ? s : "null");
		buf_addch(out, '\n');
		free(s);
		return FZ_OK;
	}
	r.d = docx_new();
	r.html = &html;
	r.cites = with_cites;
	docx_meta(r.d, title, jstr(c, "issuer"),
	    NULL);
	buf_addstr(&html, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head>"
	    "<meta charset=\"utf-8\"><title>");
	docx_xml_escape(&html, title ? title : "");
	buf_addstr(&html, "</title><style>body{max-width:42em;margin:2em auto;"
	    "font-family:FangSong,STFangsong,serif;font-size:16pt;"
	    "line-height:1.8}h1{text-align:center;font-size:22pt;"
	    "font-family:serif}p{text-indent:2em;margin:0}h2,h3{font-size:16pt;"
	    "margin:0;text-indent:2em}h2{font-family:SimHei,sans-serif}"
	    "h3{font-family:KaiTi,serif;font-weight:normal}"
	    ".addressee{text-indent:0}.signature{text-align:right;"
	    "padding-right:4em}mark.flag{background:#ff0}"
	    "sup.cite{font-size:9pt;color:#555}</style></head><body>\n");
	render_line(&r, DOCX_TITLE, title, "h1", NULL);
	docx_para(r.d, DOCX_BLANK);
	render_line(&r, DOCX_ADDRESSEE, jstr(c, "addressee"), "p", "addressee");
	render_para(json_object_get(c, "preamble"), DOCX_BODY, &r);
	json_array_foreach(json_object_get(c, "parts"), i, part) {
		render_line(&r, DOCX_HEADING1, jstr(part, "title"), "h2", NULL);
		json_array_foreach(json_object_get(part, "paragraphs"), j, p)
			render_para(p, str_eq(jstr(p, "kind"), "heading2") ?
			    DOCX_HEADING2 : DOCX_BODY, &r);
	}
	render_para(json_object_get(c, "closing"), DOCX_BODY, &r);
	docx_para(r.d, DOCX_BLANK);
	docx_para(r.d, DOCX_BLANK);
	render_line(&r, DOCX_SIGNATURE, jstr(c, "issuer"), "p", "signature");
	render_line(&r, DOCX_SIGNATURE, jstr(c, "date_line"), "p", "signature");
	buf_addstr(&html, "</body></html>\n");
	switch (fmt) {
	case ANNUAL_DOCX:
		rc = docx_write_buf(r.d, out, err);
		break;
	case ANNUAL_HTML:
		buf_add(out, html.ptr, html.len);
		break;
	default:
		buf_addstr(out, docx_plain(r.d));
		break;
	}
	docx_free(r.d);
	buf_release(&html);
	return rc;
}

/* The report's rows and rules */

json_t *
core_annual_json(const struct annual_report *a)
{
	json_t	*o = json_object();

	json_object_set_new(o, "id", json_integer(a->id));
	json_object_set_new(o, "plan_id", json_integer(a->plan_id));
	json_object_set_new(o, "year", json_integer(a->year));
	json_object_set_new(o, "unit", a->unit_id ? json_pack("{s:I,s:s,s:s}",
	    "id", (json_int_t)a->unit_id, "code", a->unit_code, "name",
	    a->unit_name) : json_null());
	json_object_set_new(o, "state", json_string(a->state));
	json_object_set_new(o, "state_name",
	    json_string(core_annual_state_name(a->state)));
	json_object_set_new(o, "version", json_integer(a->version));
	json_object_set_new(o, "published_version", a->published_version ?
	    json_integer(a->published_version) : json_null());
	json_object_set_new(o, "content_sha256", a->content_sha256[0] ?
	    json_string(a->content_sha256) : json_null());
	json_object_set_new(o, "docx_sha256", a->docx_sha256[0] ?
	    json_string(a->docx_sha256) : json_null());
	json_object_set_new(o, "published_at", a->published_at[0] ?
	    json_string(a->published_at) : json_null());
	json_object_set_new(o, "created_at", json_string(a->created_at));
	json_object_set_new(o, "updated_at", json_string(a->updated_at));
	return o;
}

json_t *
core_annual_events_json(struct store *st, int64_t id)
{
	struct annual_event	*v = NULL;
	size_t			 n = 0, i;
	json_t			*a = json_array();

	if (store_annual_events(st, id, &v, &n) != FZ_OK)
		return a;
	for (i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,"
		    "s:i,s:s}", "id", (json_int_t)v[i].id, "at", v[i].at,
		    "actor", v[i].actor, "action", v[i].action, "from",
		    v[i].from_state, "to", v[i].to_state, "version",
		    v[i].version, "reason", v[i].reason));
	free(v);
	return a;
}

/* The county's report: the 依法治县办; a unit's: that unit's staff (edit,
 * submit) or its leader (approve, publish), or the 依法治县办. The
 * command line (account 0) acts for the 依法治县办. */
static int
may(const struct actor *ac, const struct annual_report *a, int decide)
{
	if (ac->account_id == 0 || core_actor_supervises(ac))
		return 1;
	if (a->unit_id == 0)
		return 0;
	return core_actor_in_unit(ac, a->unit_id, decide ?
	    ROLEBIT(STAFF_UNIT_LEADER) : ROLES_UNIT);
}

static int
may_read(const struct actor *ac, const struct annual_report *a)
{
	return core_actor_reads_all(ac) || (a->unit_id != 0 &&
	    core_actor_in_unit(ac, a->unit_id, 0));
}

static enum fz_err
event(struct store *st, const struct actor *ac, const struct annual_report *a,
    const char *action, const char *from, const char *reason)
{
	struct annual_event	 e;

	memset(&e, 0, sizeof(e));
	e.report_id = a->id;
	snprintf(e.actor, sizeof(e.actor), "%s", work_actor_name(ac));
	snprintf(e.action, sizeof(e.action), "%s", action);
	snprintf(e.from_state, sizeof(e.from_state), "%s", from);
	snprintf(e.to_state, sizeof(e.to_state), "%s", a->state);
	e.version = a->version;
	snprintf(e.reason, sizeof(e.reason), "%s", reason ? reason : "");
	return store_annual_event_add(st, &e);
}

static char *
canonical(const json_t *c)
{
	return json_dumps(c, JSON_COMPACT | JSON_SORT_KEYS |
	    JSON_ENSURE_ASCII);
}

static enum fz_err
load_version(struct store *st, const struct annual_report *a, int version,
    json_t **content, struct diags *dg)
{
	char		*text = NULL;
	json_error_t	 je;
	enum fz_err	 rc;

	*content = NULL;
	if ((rc = store_annual_version_get(st, a->id, version, &text, NULL)) !=
	    FZ_OK)
		return work_store_fail(st, dg, rc);
	*content = json_loads(text, 0, &je);
	free(text);
	if (*content == NULL)
		return work_fail(dg, FZ_EDB, "error", "年度报告 %lld 第%d版已损坏",
		    (long long)a->id, version);
	return FZ_OK;
}

enum fz_err
core_annual_generate(struct store *st, const struct actor *ac,
    int64_t plan_id, int year, int64_t unit_id, struct annual_report *a,
    struct diags *dg)
{
	json_t		*c = NULL, *old = NULL;
	char		*s = NULL, *os = NULL;
	enum fz_err	 rc;
	int		 fresh = 0;

	memset(a, 0, sizeof(*a));
	a->plan_id = plan_id;
	a->year = year;
	a->unit_id = unit_id;
	if (!may(ac, a, 0))
		return work_fail(dg, FZ_EPERM, "error", unit_id ?
		    "只能编写本单位的年度报告" : "只有依法治县办可以编写全县年度报告");
	if ((rc = core_annual_build(st, ac, plan_id, year, unit_id, &c, dg)) !=
	    FZ_OK)
		return rc;
	if ((rc = store_begin(st)) != FZ_OK) {
		json_decref(c);
		return work_store_fail(st, dg, rc);
	}
	rc = store_annual_find(st, plan_id, year, unit_id, a);
	if (rc == FZ_ENOTFOUND) {
		memset(a, 0, sizeof(*a));
		a->plan_id = plan_id;
		a->year = year;
		a->unit_id = unit_id;
		snprintf(a->state, sizeof(a->state), "draft");
		a->version = 0;
		if ((rc = store_annual_put(st, a)) != FZ_OK)
			goto out;
		fresh = 1;
	} else if (rc != FZ_OK)
		goto out;
	if (!str_eq(a->state, "draft")) {
		rc = work_fail(dg, FZ_ECONFLICT, "state", "年度报告%s，不能重新生成",
		    core_annual_state_name(a->state));
		goto out;
	}
	s = canonical(c);
	if (!fresh && a->version > 0) {
		if ((rc = load_version(st, a, a->version, &old, dg)) != FZ_OK)
			goto out;
		os = canonical(old);
		if (str_eq(s, os))
			goto out;	/* the same draft: nothing new */
	}
	a->version++;
	if ((rc = store_annual_version_put(st, a->id, a->version, s,
	    core_annual_flags(c), work_actor_name(ac))) != FZ_OK ||
	    (rc = store_annual_put(st, a)) != FZ_OK ||
	    (rc = event(st, ac, a, "generate", "draft", NULL)) != FZ_OK)
		goto out;
	rc = work_audit(st, ac, "annual.generate", "annual_report", a->id,
	    NULL, json_pack("{s:i,s:i}", "version", a->version, "flags",
	    core_annual_flags(c)));
out:
	free(s);
	free(os);
	json_decref(c);
	json_decref(old);
	rc = work_end(st, rc, dg);
	if (rc == FZ_OK)
		rc = store_annual_get(st, a->id, a);
	return rc;
}

enum fz_err
core_annual_get(struct store *st, const struct actor *ac, int64_t id,
    struct annual_report *a, json_t **content, struct diags *dg)
{
	enum fz_err	 rc;

	if (content != NULL)
		*content = NULL;
	if ((rc = store_annual_get(st, id, a)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "年度报告 %lld 不存在",
		    (long long)id);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if (!may_read(ac, a))
		return work_fail(dg, FZ_EPERM, "id", "无权查看该年度报告");
	if (content == NULL || a->version == 0)
		return FZ_OK;
	return load_version(st, a, a->published_version ?
	    a->published_version : a->version, content, dg);
}

/* Is each cited report an accepted report of the plan (and unit)? */
static enum fz_err
check_cites(struct store *st, const struct annual_report *a, json_t *ids,
    struct diags *dg)
{
	struct report	 r;
	json_t		*x;
	size_t		 i;
	enum fz_err	 rc;

	if (!json_is_array(ids))
		return work_fail(dg, FZ_EINVAL, "reports", "引用应为报告编号的数组");
	json_array_foreach(ids, i, x) {
		if (!json_is_integer(x))
			return work_fail(dg, FZ_EINVAL, "reports",
			    "引用应为报告编号");
		memset(&r, 0, sizeof(r));
		rc = store_report_get(st, json_integer_value(x), &r);
		if (rc == FZ_ENOTFOUND)
			return work_fail(dg, FZ_EINVAL, "reports",
			    "进展报告 %lld 不存在", (long long)json_integer_value(x));
		if (rc != FZ_OK)
			return work_store_fail(st, dg, rc);
		rc = FZ_OK;
		if (r.plan_id != a->plan_id || (a->unit_id != 0 &&
		    r.unit_id != a->unit_id))
			rc = work_fail(dg, FZ_EINVAL, "reports",
			    "进展报告 %lld 不属于本报告的计划或单位",
			    (long long)r.id);
		else if (!str_eq(r.state, "accepted"))
			rc = work_fail(dg, FZ_EINVAL, "reports",
			    "进展报告 %lld 尚未通过审核，不能作为依据",
			    (long long)r.id);
		report_release(&r);
		if (rc != FZ_OK)
			return rc;
	}
	return FZ_OK;
}

static json_t *
find_para(json_t *c, json_int_t part, json_int_t para)
{
	json_t	*ps;

	if (part == -1)
		return para == 0 ? json_object_get(c, "preamble") : NULL;
	ps = json_object_get(json_array_get(json_object_get(c, "parts"),
	    (size_t)part), "paragraphs");
	if (part < 0 || ps == NULL || para < 0)
		return NULL;
	return json_array_get(ps, (size_t)para);
}

enum fz_err
core_annual_edit(struct store *st, const struct actor *ac, int64_t id,
    const json_t *edit, struct annual_report *a, struct diags *dg)
{
	json_t		*c = NULL, *para, *ss, *s, *x, *reports, *values;
	json_int_t	 pi, pj, sk;
	enum fz_err	 rc;
	char		*text = NULL;
	const char	*t;
	int		 del, ins, claim;

	if ((rc = core_annual_get(st, ac, id, a, &c, dg)) != FZ_OK)
		return rc;
	if (!may(ac, a, 0)) {
		rc = work_fail(dg, FZ_EPERM, "id", "无权修改该年度报告");
		goto out;
	}
	if (!str_eq(a->state, "draft")) {
		rc = work_fail(dg, FZ_ECONFLICT, "state", "年度报告%s，只能修改草稿",
		    core_annual_state_name(a->state));
		goto out;
	}
	if (c == NULL) {
		rc = work_fail(dg, FZ_ENOTFOUND, "id", "年度报告尚无内容");
		goto out;
	}
	pi = json_integer_value(json_object_get(edit, "part"));
	pj = json_integer_value(json_object_get(edit, "paragraph"));
	sk = json_integer_value(json_object_get(edit, "sentence"));
	del = json_is_true(json_object_get(edit, "delete"));
	ins = json_is_true(json_object_get(edit, "insert"));
	if ((para = find_para(c, pi, pj)) == NULL) {
		rc = work_fail(dg, FZ_EINVAL, "paragraph", "没有第%lld部分第%lld段",
		    (long long)pi + 1, (long long)pj + 1);
		goto out;
	}
	ss = json_object_get(para, "sentences");
	if (sk < 0 || (size_t)sk > json_array_size(ss) ||
	    ((size_t)sk == json_array_size(ss) && !ins)) {
		rc = work_fail(dg, FZ_EINVAL, "sentence", "没有第%lld句",
		    (long long)sk + 1);
		goto out;
	}
	if (del) {
		json_array_remove(ss, (size_t)sk);
		if (json_array_size(ss) == 0 && pi >= 0)
			json_array_remove(json_object_get(json_array_get(
			    json_object_get(c, "parts"), (size_t)pi),
			    "paragraphs"), (size_t)pj);
	} else {
		s = ins ? NULL : json_array_get(ss, (size_t)sk);
		x = json_object_get(edit, "text");
		t = json_is_string(x) ? json_string_value(x) : s ?
		    jstr(s, "text") : NULL;
		if (t == NULL || *t == '\0' || strlen(t) > ANNUAL_TEXT_MAX ||
		    !utf8_valid(t, strlen(t), NULL)) {
			rc = work_fail(dg, FZ_EINVAL, "text",
			    "句子应为1至%d字节的文字", ANNUAL_TEXT_MAX);
			goto out;
		}
		text = xstrdup(t);
		reports = json_object_get(edit, "reports");
		if (reports != NULL) {
			if ((rc = check_cites(st, a, reports, dg)) != FZ_OK)
				goto out;
			reports = json_deep_copy(reports);
		} else
			reports = s ? json_deep_copy(json_object_get(s,
			    "reports")) : json_array();
		values = s ? json_deep_copy(json_object_get(s, "values")) :
		    json_array();
		x = json_object_get(edit, "claim");
		claim = json_is_boolean(x) ? json_is_true(x) : s ?
		    json_is_true(json_object_get(s, "claim")) : 1;
		s = sentence(text, claim, reports, values);
		if (ins)
			json_array_insert_new(ss, (size_t)sk, s);
		else
			json_array_set_new(ss, (size_t)sk, s);
	}
	{
		char *cs = canonical(c);
		const char *reason = jstr(edit, "reason");

		if ((rc = store_begin(st)) != FZ_OK) {
			free(cs);
			rc = work_store_fail(st, dg, rc);
			goto out;
		}
		a->version++;
		if ((rc = store_annual_version_put(st, a->id, a->version, cs,
		    core_annual_flags(c), work_actor_name(ac))) == FZ_OK &&
		    (rc = store_annual_put(st, a)) == FZ_OK &&
		    (rc = event(st, ac, a, "edit", "draft", reason)) == FZ_OK)
			rc = work_audit(st, ac, "annual.edit", "annual_report",
			    a->id, NULL, json_deep_copy(edit));
		free(cs);
		rc = work_end(st, rc, dg);
	}
out:
	free(text);
	json_decref(c);
	return rc;
}

static void
hex_of(const struct buf *b, char out[65])
{
	sha256_hex(b->ptr, b->len, out);
}

/*
 * Separation of duties: an account may not approve the report it
 * submitted for review (the newest submit event names who did). The
 * command line without an account acts for the system, as in may().
 */
static enum fz_err
check_not_submitter(struct store *st, const struct actor *ac,
    const struct annual_report *a, struct diags *dg)
{
	struct annual_event	*v = NULL;
	size_t			 n = 0, i;
	const char		*who = NULL;
	enum fz_err		 rc;

	if (ac->account_id == 0)
		return FZ_OK;
	if ((rc = store_annual_events(st, a->id, &v, &n)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	for (i = 0; i < n; i++)
		if (str_eq(v[i].action, "submit"))
			who = v[i].actor;
	if (who != NULL && str_eq(who, work_actor_name(ac)))
		rc = work_fail(dg, FZ_EPERM, "error", "不能审核通过本人提交的"
		    "年度报告：提交审核和审核通过须由不同的人员办理（职责分离），"
		    "请由其他有审核权限的人员审核");
	free(v);
	return rc;
}

enum fz_err
core_annual_transition(struct store *st, const struct actor *ac, int64_t id,
    const char *action, const char *reason, struct annual_report *a,
    struct diags *dg)
{
	static const struct {
		const char	*action, *from, *from2, *to;
		int		 decide;
	} rules[] = {
		{ "submit", "draft", NULL, "review", 0 },
		{ "return", "review", "approved", "draft", 1 },
		{ "approve", "review", NULL, "approved", 1 },
		{ "publish", "approved", NULL, "published", 1 },
	};
	json_t		*c = NULL;
	struct buf	 docx = BUF_INIT, err = BUF_INIT;
	char		*cs = NULL, from[16];
	size_t		 i;
	enum fz_err	 rc;
	int		 flags;

	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (str_eq(rules[i].action, action))
			break;
	if (i == sizeof(rules) / sizeof(rules[0]))
		return work_fail(dg, FZ_EINVAL, "action",
		    "操作应为 submit、return、approve 或 publish");
	if ((rc = core_annual_get(st, ac, id, a, &c, dg)) != FZ_OK)
		return rc;
	if (!may(ac, a, rules[i].decide)) {
		rc = work_fail(dg, FZ_EPERM, "id", "无权对该年度报告执行此操作");
		goto out;
	}
	if (str_eq(action, "approve") && str_eq(a->state, "review") &&
	    (rc = check_not_submitter(st, ac, a, dg)) != FZ_OK)
		goto out;
	if (!str_eq(a->state, rules[i].from) && (rules[i].from2 == NULL ||
	    !str_eq(a->state, rules[i].from2))) {
		rc = work_fail(dg, FZ_ECONFLICT, "state", "年度报告%s，不能%s",
		    core_annual_state_name(a->state), str_eq(action, "submit") ?
		    "提交审核" : str_eq(action, "return") ? "退回" :
		    str_eq(action, "approve") ? "审核通过" : "发布");
		goto out;
	}
	if (str_eq(action, "return") && (reason == NULL || *reason == '\0')) {
		rc = work_fail(dg, FZ_EINVAL, "reason", "退回须写明理由");
		goto out;
	}
	flags = core_annual_flags(c);
	if (str_eq(action, "publish") && flags > 0) {
		rc = work_fail(dg, FZ_ECONFLICT, "flags", "还有%d处“待核实”的表述，"
		    "须补充依据或删除后才能发布", flags);
		goto out;
	}
	snprintf(from, sizeof(from), "%s", a->state);
	snprintf(a->state, sizeof(a->state), "%s", rules[i].to);
	if (str_eq(action, "publish")) {
		if ((rc = core_annual_render(c, ANNUAL_DOCX, 0, &docx, &err)) !=
		    FZ_OK) {
			rc = work_fail(dg, rc, "error", "%s", err.ptr);
			goto out;
		}
		cs = canonical(c);
		sha256_hex(cs, strlen(cs), a->content_sha256);
		hex_of(&docx, a->docx_sha256);
		a->docx_size = (int64_t)docx.len;
		a->published_version = a->version;
		date_now(a->published_at);
	}
	if ((rc = store_begin(st)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	if (str_eq(action, "publish"))
		rc = work_blob_put(st, a->docx_sha256, docx.ptr, docx.len);
	if (rc == FZ_OK)
		rc = store_annual_put(st, a);
	if (rc == FZ_OK)
		rc = event(st, ac, a, action, from, reason);
	if (rc == FZ_OK)
		rc = work_audit(st, ac, str_eq(action, "publish") ?
		    "annual.publish" : "annual.state", "annual_report", a->id,
		    json_pack("{s:s}", "state", from), json_pack("{s:s,s:s}",
		    "state", a->state, "content_sha256", a->content_sha256));
	rc = work_end(st, rc, dg);
out:
	free(cs);
	json_decref(c);
	buf_release(&docx);
	buf_release(&err);
	return rc;
}

enum fz_err
core_annual_docx(struct store *st, int64_t id, struct buf *out,
    struct diags *dg)
{
	struct annual_report	 a;
	enum fz_err		 rc;

	if ((rc = store_annual_get(st, id, &a)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	if (!str_eq(a.state, "published"))
		return work_fail(dg, FZ_ENOTFOUND, "state", "年度报告尚未发布");
	return work_blob_get(st, a.docx_sha256, a.docx_size, a.id, out, dg);
}

enum fz_err
core_annual_verify(struct store *st, int64_t id, struct diags *dg)
{
	struct annual_report	 a;
	struct buf		 docx = BUF_INIT;
	json_t			*c = NULL;
	char			*cs = NULL, hex[65];
	enum fz_err		 rc;

	if ((rc = store_annual_get(st, id, &a)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "年度报告 %lld 不存在",
		    (long long)id);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if (!str_eq(a.state, "published"))
		return work_fail(dg, FZ_EINVAL, "state", "年度报告尚未发布");
	if ((rc = load_version(st, &a, a.published_version, &c, dg)) != FZ_OK)
		return rc;
	cs = canonical(c);
	sha256_hex(cs, strlen(cs), hex);
	if (!str_eq(hex, a.content_sha256)) {
		rc = work_fail(dg, FZ_ECONFLICT, "content_sha256",
		    "已发布内容的散列值不符：记录为 %s，实际为 %s",
		    a.content_sha256, hex);
		goto out;
	}
	if ((rc = core_annual_docx(st, id, &docx, dg)) != FZ_OK)
		goto out;
	hex_of(&docx, hex);
	if (!str_eq(hex, a.docx_sha256))
		rc = work_fail(dg, FZ_ECONFLICT, "docx_sha256",
		    "已发布 DOCX 的散列值不符：记录为 %s，实际为 %s",
		    a.docx_sha256, hex);
out:
	free(cs);
	json_decref(c);
	buf_release(&docx);
	return rc;
}

/*
 * DOCX to PDF: LibreOffice headless in a folder of our own, with its own
 * profile so that runs side by side do not share one.
 */
enum fz_err
core_annual_pdf(const struct buf *docx, struct buf *pdf, struct diags *dg)
{
	char		 dir[] = "/tmp/fazhi-pdf-XXXXXX";
	struct buf	 in = BUF_INIT, out = BUF_INIT, prof = BUF_INIT,
			 err = BUF_INIT;
	pid_t		 pid;
	int		 status = -1;
	enum fz_err	 rc = FZ_EIO;
	FILE		*f;

	if (mkdtemp(dir) == NULL)
		return work_fail(dg, FZ_EIO, "error", "无法创建临时目录");
	buf_addf(&in, "%s/report.docx", dir);
	buf_addf(&out, "%s/report.pdf", dir);
	buf_addf(&prof, "-env:UserInstallation=file://%s/profile", dir);
	if ((f = fopen(in.ptr, "wb")) == NULL) {
		work_fail(dg, FZ_EIO, "error", "无法写入临时文件");
		goto out;
	}
	status = fwrite(docx->ptr, 1, docx->len, f) != docx->len;
	if ((fclose(f) != 0) + status) {
		work_fail(dg, FZ_EIO, "error", "无法写入临时文件");
		goto out;
	}
	if ((pid = fork()) == -1) {
		work_fail(dg, FZ_EIO, "error", "无法启动 LibreOffice");
		goto out;
	}
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);

		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execlp("soffice", "soffice", prof.ptr, "--headless",
		    "--convert-to", "pdf", "--outdir", dir, in.ptr,
		    (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) == -1 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		work_fail(dg, FZ_EIO, "error", "转换 PDF 须安装 LibreOffice"
		    "（soffice）");
		goto out;
	}
	if (file_read(out.ptr, 256u * 1024 * 1024, pdf, &err) != FZ_OK) {
		work_fail(dg, FZ_EIO, "error", "LibreOffice 未能转换 PDF"
		    "（须安装 libreoffice-writer-nogui）");
		goto out;
	}
	rc = FZ_OK;
out:
	unlink(in.ptr);
	unlink(out.ptr);
	/* the profile LibreOffice made */
	if ((pid = fork()) == 0) {
		execlp("rm", "rm", "-rf", dir, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, &status, 0);
	buf_release(&in);
	buf_release(&out);
	buf_release(&prof);
	buf_release(&err);
	return rc;
}
