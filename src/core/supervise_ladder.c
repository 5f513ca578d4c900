/*
 * supervise_ladder.c: the escalation ladder and the 通报. Overdue 整改 and
 * 未报 reports climb 提醒 → 催办 → 通报 → 约谈 at thresholds of working
 * days overdue (settings escalate.*), each step recorded once per unit and
 * item with a notice to the unit; 约谈 is proposed (拟约谈) for the
 * 依法治县办 to confirm. The 通报 ranks the units by 及时率, 一次通过率,
 * overdue items and open findings, as data (JSON) and as printable HTML.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "work-int.h"
#include "fazhi/calendar.h"
#include "fazhi/docx.h"
#include "fazhi/supervise.h"
#include "fazhi/buf.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const struct {
	const char	*step;
	const char	*setting;
} ladder[] = {
	{ "remind", "escalate.remind_days" },
	{ "urge", "escalate.urge_days" },
	{ "bulletin", "escalate.bulletin_days" },
	{ "interview", "escalate.interview_days" },
};
#define NLADDER	(sizeof(ladder) / sizeof(ladder[0]))

static void
item_key(const struct overdue_item *o, char *out, size_t n)
{
	if (o->finding_id != 0)
		snprintf(out, n, "finding/%lld", (long long)o->finding_id);
	else
		snprintf(out, n, "report/%lld/%lld", (long long)o->period_id,
		    (long long)o->task_id);
}

static int
taken(const struct escalation *v, size_t n, const char *step)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (str_eq(v[i].step, step))
			return 1;
	return 0;
}

static void
esc_free(struct escalation *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		escalation_release(&v[i]);
	free(v);
}

/* Record one step, with its notice (none for a proposed 约谈). */
static enum fz_err
record(struct store *st, const struct actor *ac, struct escalation *e,
    const struct overdue_item *o, int *notices)
{
	struct notice	 nt;
	char		 msg[600];
	int		 added;
	enum fz_err	 rc;

	if ((rc = store_escalation_add(st, e, &added)) != FZ_OK || !added)
		return rc;
	rc = work_audit(st, ac, "escalation.add", "escalation", e->id, NULL,
	    json_pack("{s:I,s:s,s:s,s:s,s:s,s:i}", "unit_id",
	    (json_int_t)e->unit_id, "item", e->item, "step", e->step, "state",
	    e->state, "on_date", e->on_date, "days_overdue", e->days_overdue));
	if (rc != FZ_OK || str_eq(e->state, "proposed"))
		return rc;
	memset(&nt, 0, sizeof(nt));
	nt.unit_id = e->unit_id;
	snprintf(nt.kind, sizeof(nt.kind), "supervise");
	nt.period_id = o->period_id;
	nt.task_id = o->task_id;
	snprintf(msg, sizeof(msg), "【%s】%s", sup_step_name(e->step),
	    e->reason);
	nt.message = msg;
	snprintf(nt.actor, sizeof(nt.actor), "%s", work_actor_name(ac));
	if ((rc = store_notice_add(st, &nt)) == FZ_OK)
		(*notices)++;
	return rc;
}

enum fz_err
core_escalate(struct store *st, const struct actor *ac,
    const struct escalate_opts *o, json_t **out, struct diags *dg)
{
	struct calendar		 cal;
	struct overdue_item	*v = NULL;
	struct escalation	*have, e;
	size_t			 n = 0, nhave, i, k;
	long			 thr[NLADDER];
	char			 item[64], reason[400], when[11];
	int			 days, unknown = 0, provisional = 0;
	int			 recorded = 0, notices = 0, in_tx = 0;
	json_t			*steps = json_array();
	enum fz_err		 rc;

	*out = NULL;
	cal_init(&cal);
	if (!o->dry_run && ac->account_id != 0 && !core_actor_supervises(ac)) {
		rc = work_fail(dg, FZ_EPERM, "error",
		    "只有依法治县办（督察人员）可以记录提醒、催办、通报和约谈");
		goto out;
	}
	if (o->today == NULL || !core_date_valid(o->today)) {
		rc = work_fail(dg, FZ_EINVAL, "today",
		    "今天的日期应为有效的 YYYY-MM-DD 日期");
		goto out;
	}
	for (k = 0; k < NLADDER; k++)
		thr[k] = core_setting_int(st, ladder[k].setting);
	if ((rc = cal_load(&cal, st)) != FZ_OK ||
	    (rc = store_overdue_items(st, o->today, &v, &n)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	if (!o->dry_run) {
		if ((rc = store_begin(st)) != FZ_OK) {
			rc = work_store_fail(st, dg, rc);
			goto out;
		}
		in_tx = 1;
	}
	for (i = 0; i < n && rc == FZ_OK; i++) {
		item_key(&v[i], item, sizeof(item));
		if ((rc = cal_workdays_between(&cal, v[i].deadline, o->today,
		    &days, &unknown)) != FZ_OK)
			break;
		if (unknown)
			provisional = 1;
		if ((rc = store_escalation_list(st, v[i].unit_id, item, &have,
		    &nhave)) != FZ_OK)
			break;
		for (k = 0; k < NLADDER && rc == FZ_OK; k++) {
			if (days < thr[k] || taken(have, nhave, ladder[k].step))
				continue;
			if (v[i].finding_id != 0)
				snprintf(reason, sizeof(reason), "督察发现问题第 "
				    "%lld 号整改期限为 %s，已逾期 %d 个工作日",
				    (long long)v[i].finding_id, v[i].deadline,
				    days);
			else
				snprintf(reason, sizeof(reason), "第%d项任务的"
				    "进展情况报送截止日期为 %s，至今未报，已逾期 "
				    "%d 个工作日", v[i].task_number,
				    v[i].deadline, days);
			if (cal_add_workdays(&cal, v[i].deadline, (int)thr[k],
			    when, &unknown) != FZ_OK)
				snprintf(when, sizeof(when), "%s", o->today);
			memset(&e, 0, sizeof(e));
			e.unit_id = v[i].unit_id;
			snprintf(e.item, sizeof(e.item), "%s", item);
			e.finding_id = v[i].finding_id;
			snprintf(e.step, sizeof(e.step), "%s", ladder[k].step);
			snprintf(e.state, sizeof(e.state), "%s",
			    str_eq(ladder[k].step, "interview") ? "proposed" :
			    "done");
			snprintf(e.on_date, sizeof(e.on_date), "%s", when);
			e.days_overdue = days;
			snprintf(e.actor, sizeof(e.actor), "%s",
			    work_actor_name(ac));
			e.reason = reason;
			if (!o->dry_run) {
				rc = record(st, ac, &e, &v[i], &notices);
				recorded++;
			}
			json_array_append_new(steps, json_pack("{s:I,s:s,s:s,"
			    "s:o,s:o,s:i,s:s,s:s,s:s,s:s,s:i,s:s}", "unit_id",
			    (json_int_t)e.unit_id, "unit_name", v[i].unit_name,
			    "item", e.item, "finding_id", e.finding_id ?
			    json_integer(e.finding_id) : json_null(),
			    "task_id", v[i].task_id ? json_integer(v[i].task_id) :
			    json_null(), "task_number", v[i].task_number,
			    "step", e.step, "step_name", sup_step_name(e.step),
			    "state", e.state, "on_date", e.on_date,
			    "days_overdue", days, "reason", reason));
		}
		esc_free(have, nhave);
	}
	if (in_tx) {
		if (rc != FZ_OK && dg->nerrors == 0)
			work_store_fail(st, dg, rc);
		rc = work_end(st, rc, dg);
	} else if (rc != FZ_OK)
		rc = work_store_fail(st, dg, rc);
	if (rc == FZ_OK)
		*out = json_pack("{s:s,s:b,s:b,s:O,s:i,s:i,s:{s:I,s:I,s:I,s:I}}",
		    "today", o->today, "dry_run", o->dry_run, "provisional",
		    provisional, "steps", steps, "recorded", recorded,
		    "notices_sent", notices, "thresholds", "remind",
		    (json_int_t)thr[0], "urge", (json_int_t)thr[1], "bulletin",
		    (json_int_t)thr[2], "interview", (json_int_t)thr[3]);
out:
	json_decref(steps);
	free(v);
	cal_release(&cal);
	return rc;
}

static json_t *
esc_json(const struct escalation *e)
{
	return json_pack("{s:I,s:I,s:s,s:s,s:o,s:s,s:s,s:s,s:s,s:i,s:s,s:s,"
	    "s:s,s:s,s:s}", "id", (json_int_t)e->id, "unit_id",
	    (json_int_t)e->unit_id, "unit_name", e->unit_name, "item",
	    e->item, "finding_id", e->finding_id ? json_integer(e->finding_id) :
	    json_null(), "step", e->step, "step_name", sup_step_name(e->step),
	    "state", e->state, "on_date", e->on_date, "days_overdue",
	    e->days_overdue, "actor", e->actor, "reason", e->reason ?
	    e->reason : "", "created_at", e->created_at, "confirmed_by",
	    e->confirmed_by, "confirmed_at", e->confirmed_at);
}

enum fz_err
core_escalation_list(struct store *st, const struct actor *ac,
    int64_t unit_id, json_t **out, struct diags *dg)
{
	struct escalation	*v;
	size_t			 n, i;
	json_t			*a;
	enum fz_err		 rc;

	*out = NULL;
	if ((rc = store_escalation_list(st, unit_id, NULL, &v, &n)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	a = json_array();
	for (i = 0; i < n; i++)
		if (core_actor_reads_all(ac) ||
		    core_actor_in_unit(ac, v[i].unit_id, 0))
			json_array_append_new(a, esc_json(&v[i]));
	esc_free(v, n);
	*out = a;
	return FZ_OK;
}

enum fz_err
core_escalation_confirm(struct store *st, const struct actor *ac, int64_t id,
    struct diags *dg)
{
	struct escalation	*v, *e = NULL;
	struct notice		 nt;
	size_t			 n, i;
	char			 msg[600];
	enum fz_err		 rc;

	if (ac->account_id != 0 && !core_actor_supervises(ac))
		return work_fail(dg, FZ_EPERM, "error",
		    "只有依法治县办（督察人员）可以确认约谈");
	if ((rc = store_escalation_list(st, 0, NULL, &v, &n)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	for (i = 0; i < n; i++)
		if (v[i].id == id)
			e = &v[i];
	if (e == NULL)
		rc = work_fail(dg, FZ_ENOTFOUND, "id", "没有编号为 %lld 的记录",
		    (long long)id);
	else if (!str_eq(e->state, "proposed"))
		rc = work_fail(dg, FZ_EINVAL, "state", "该记录不是拟约谈，"
		    "不需要确认");
	else if (core_actor_in_unit(ac, e->unit_id, 0))
		rc = work_fail(dg, FZ_EPERM, "error", "约谈须由被约谈单位以外的"
		    "人员确认，您属于%s", e->unit_name);
	if (rc != FZ_OK)
		goto out;
	if ((rc = store_begin(st)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	rc = store_escalation_confirm(st, id, work_actor_name(ac));
	if (rc == FZ_OK) {
		memset(&nt, 0, sizeof(nt));
		nt.unit_id = e->unit_id;
		snprintf(nt.kind, sizeof(nt.kind), "supervise");
		snprintf(msg, sizeof(msg), "【约谈】%s", e->reason ? e->reason :
		    "");
		nt.message = msg;
		snprintf(nt.actor, sizeof(nt.actor), "%s",
		    work_actor_name(ac));
		rc = store_notice_add(st, &nt);
	}
	if (rc == FZ_OK)
		rc = work_audit(st, ac, "escalation.confirm", "escalation", id,
		    json_pack("{s:s}", "state", "proposed"),
		    json_pack("{s:s}", "state", "confirmed"));
	rc = work_end(st, rc, dg);
out:
	esc_free(v, n);
	return rc;
}

/* The 通报's order: a higher rate first, a unit without one after those
 * with one; then fewer overdue items, then fewer open findings. */
struct ranked {
	const struct bulletin_row	*r;
	double				 timely, pass;	/* -1: none */
	int				 overdue;
	size_t				 ord;
};

static int
rank_cmp(const void *a, const void *b)
{
	const struct ranked	*x = a, *y = b;

	if (x->timely != y->timely)
		return x->timely > y->timely ? -1 : 1;
	if (x->pass != y->pass)
		return x->pass > y->pass ? -1 : 1;
	if (x->overdue != y->overdue)
		return x->overdue < y->overdue ? -1 : 1;
	if (x->r->open_findings != y->r->open_findings)
		return x->r->open_findings < y->r->open_findings ? -1 : 1;
	return x->ord < y->ord ? -1 : x->ord > y->ord;
}

static int
same_rank(const struct ranked *x, const struct ranked *y)
{
	return x->timely == y->timely && x->pass == y->pass &&
	    x->overdue == y->overdue &&
	    x->r->open_findings == y->r->open_findings;
}

static json_t *
rate_json(int num, int den)
{
	if (den == 0)
		return json_null();
	return json_real((double)num / (double)den);
}

enum fz_err
core_bulletin(struct store *st, const struct actor *ac,
    const struct bulletin_opts *o, json_t **out, struct diags *dg)
{
	struct bulletin_row	*v;
	struct ranked		*r;
	size_t			 n, i, k = 0;
	int			 rank = 0;
	json_t			*a;
	enum fz_err		 rc;

	*out = NULL;
	if (!core_actor_reads_all(ac))
		return work_fail(dg, FZ_EPERM, "error",
		    "只有依法治县办、县领导和系统管理员可以生成通报");
	if (o->as_of == NULL || !core_date_valid(o->as_of))
		return work_fail(dg, FZ_EINVAL, "as_of",
		    "统计截止日期应为有效的 YYYY-MM-DD 日期");
	if ((rc = store_bulletin_rows(st, o->plan_id, o->as_of, &v, &n)) !=
	    FZ_OK)
		return work_store_fail(st, dg, rc);
	r = xcalloc(n ? n : 1, sizeof(*r));
	for (i = 0; i < n; i++) {
		const struct bulletin_row *b = &v[i];
		int den = b->submitted + b->missed;

		if (den == 0 && b->accepted == 0 && b->open_findings == 0 &&
		    b->overdue_findings == 0)
			continue;
		r[k].r = b;
		r[k].timely = den ? (double)b->on_time / den : -1;
		r[k].pass = b->accepted ? (double)b->first_pass / b->accepted :
		    -1;
		r[k].overdue = b->missed + b->overdue_findings;
		r[k].ord = i;
		k++;
	}
	qsort(r, k, sizeof(*r), rank_cmp);
	a = json_array();
	for (i = 0; i < k; i++) {
		const struct bulletin_row *b = r[i].r;

		if (i == 0 || !same_rank(&r[i - 1], &r[i]))
			rank = (int)i + 1;
		json_array_append_new(a, json_pack("{s:i,s:I,s:s,s:i,s:i,s:i,"
		    "s:o,s:i,s:i,s:o,s:i,s:i,s:i}", "rank", rank, "unit_id",
		    (json_int_t)b->unit_id, "unit_name", b->unit_name,
		    "submitted", b->submitted, "on_time", b->on_time, "missed",
		    b->missed, "timely_rate", rate_json(b->on_time,
		    b->submitted + b->missed), "accepted", b->accepted,
		    "first_pass", b->first_pass, "first_pass_rate",
		    rate_json(b->first_pass, b->accepted), "overdue_findings",
		    b->overdue_findings, "overdue_items", r[i].overdue,
		    "open_findings", b->open_findings));
	}
	*out = json_pack("{s:s,s:s,s:I,s:o}", "title", o->title ? o->title :
	    "关于法治政府建设工作推进情况的通报", "as_of", o->as_of,
	    "plan_id", (json_int_t)o->plan_id, "units", a);
	free(r);
	free(v);
	return FZ_OK;
}

/* Text into b with &, <, >, " and ' escaped. */
static void
esc(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		switch (*s) {
		case '&':
			buf_addstr(b, "&amp;");
			break;
		case '<':
			buf_addstr(b, "&lt;");
			break;
		case '>':
			buf_addstr(b, "&gt;");
			break;
		case '"':
			buf_addstr(b, "&quot;");
			break;
		case '\'':
			buf_addstr(b, "&#39;");
			break;
		default:
			buf_addch(b, *s);
			break;
		}
}

static void
cell_rate(struct buf *b, const json_t *u, const char *rate, const char *num,
    const char *den1, const char *den2)
{
	const json_t	*v = json_object_get(u, rate);
	long long	 d = json_integer_value(json_object_get(u, den1)) +
			    (den2 ? json_integer_value(json_object_get(u,
			    den2)) : 0);

	if (!json_is_number(v))
		buf_addstr(b, "<td>—</td>");
	else
		buf_addf(b, "<td>%.1f%%（%lld/%lld）</td>",
		    json_number_value(v) * 100, (long long)json_integer_value(
		    json_object_get(u, num)), d);
}

void
sup_bulletin_html(const json_t *bul, struct buf *b)
{
	const json_t	*u;
	size_t		 i;
	const char	*title = json_string_value(json_object_get(bul,
			    "title"));
	const char	*as_of = json_string_value(json_object_get(bul,
			    "as_of"));

	buf_addstr(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>");
	esc(b, title);
	buf_addstr(b, "</title>\n<style>\n"
	    "@page { size: A4; margin: 37mm 26mm 35mm 28mm; }\n"
	    "body { font-family: \"FangSong_GB2312\", \"仿宋_GB2312\", "
	    "\"FangSong\", \"仿宋\", serif; font-size: 16pt; line-height: 1.6; "
	    "max-width: 156mm; margin: 0 auto; }\n"
	    "h1 { font-family: \"FZXiaoBiaoSong-B05S\", \"方正小标宋简体\", "
	    "\"SimSun\", serif; font-size: 22pt; font-weight: normal; "
	    "text-align: center; }\n"
	    "table { border-collapse: collapse; width: 100%; font-size: 12pt; }\n"
	    "th, td { border: 1px solid #000; padding: 2pt 4pt; "
	    "text-align: center; }\n"
	    "td.unit { text-align: left; }\n"
	    "p.note { font-size: 12pt; }\n"
	    "</style>\n</head>\n<body>\n<h1>");
	esc(b, title);
	buf_addstr(b, "</h1>\n<p>统计截至 ");
	esc(b, as_of);
	buf_addf(b, "，共 %zu 个单位。各单位按报送及时率、一次通过率、逾期事项、"
	    "未销号问题依次排名如下：</p>\n",
	    json_array_size(json_object_get(bul, "units")));
	buf_addstr(b, "<table>\n<thead><tr><th>排名</th><th>单位</th>"
	    "<th>报送及时率</th><th>一次通过率</th><th>逾期事项</th>"
	    "<th>未销号问题</th></tr></thead>\n<tbody>\n");
	json_array_foreach(json_object_get(bul, "units"), i, u) {
		buf_addf(b, "<tr><td>%lld</td><td class=\"unit\">",
		    (long long)json_integer_value(json_object_get(u, "rank")));
		esc(b, json_string_value(json_object_get(u, "unit_name")));
		buf_addstr(b, "</td>");
		cell_rate(b, u, "timely_rate", "on_time", "submitted",
		    "missed");
		cell_rate(b, u, "first_pass_rate", "first_pass", "accepted",
		    NULL);
		buf_addf(b, "<td>%lld</td><td>%lld</td></tr>\n",
		    (long long)json_integer_value(json_object_get(u,
		    "overdue_items")), (long long)json_integer_value(
		    json_object_get(u, "open_findings")));
	}
	buf_addstr(b, "</tbody>\n</table>\n<p class=\"note\">说明：报送及时率"
	    "＝按期报送的报告数÷（已报送的报告数＋逾期未报数）；一次通过率＝"
	    "未经退回即审核通过的报告数÷审核通过的报告数；逾期事项＝逾期未报"
	    "的报告数＋超过整改期限仍未提交整改情况的督察发现问题数；未销号问题"
	    "＝尚未销号的督察发现问题数。“—”表示没有可计算的报告。</p>\n"
	    "</body>\n</html>\n");
}

/* A rate as the DOCX cell shows it: "87.5%（7/8）" or "—". */
static void
text_rate(struct buf *b, const json_t *u, const char *rate, const char *num,
    const char *den1, const char *den2)
{
	const json_t	*v = json_object_get(u, rate);
	long long	 d = json_integer_value(json_object_get(u, den1)) +
			    (den2 ? json_integer_value(json_object_get(u,
			    den2)) : 0);

	buf_reset(b);
	if (!json_is_number(v))
		buf_addstr(b, "—");
	else
		buf_addf(b, "%.1f%%（%lld/%lld）", json_number_value(v) * 100,
		    (long long)json_integer_value(json_object_get(u, num)), d);
}

/*
 * The 通报 as a DOCX laid out to GB/T 9704 (the annual report's writer):
 * the title, the date of the count, the ranking as a table whose header
 * repeats on each page, and the note on how each column is counted.
 */
enum fz_err
sup_bulletin_docx(const json_t *bul, struct buf *out, struct buf *err)
{
	static const char *const head[] = { "排名", "单位", "报送及时率",
	    "一次通过率", "逾期事项", "未销号问题" };
	static const double widths[] = { 14, 52, 28, 28, 17, 17 };
	struct docx	*d = docx_new();
	struct buf	 t = BUF_INIT, c[4] = { BUF_INIT, BUF_INIT, BUF_INIT,
			    BUF_INIT };
	const json_t	*u;
	const char	*title = json_string_value(json_object_get(bul,
			    "title"));
	const char	*as_of = json_string_value(json_object_get(bul,
			    "as_of"));
	size_t		 i;
	enum fz_err	 rc;

	docx_meta(d, title ? title : "通报", "fazhi", as_of);
	docx_para_text(d, DOCX_TITLE, title ? title : "通报");
	docx_para(d, DOCX_BLANK);
	buf_addf(&t, "统计截至 %s，共 %zu 个单位。各单位按报送及时率、一次"
	    "通过率、逾期事项、未销号问题依次排名如下：", as_of ? as_of : "",
	    json_array_size(json_object_get(bul, "units")));
	docx_para_text(d, DOCX_BODY, t.ptr);
	docx_table_begin(d, 6, head, widths);
	json_array_foreach(json_object_get(bul, "units"), i, u) {
		const char *row[6];

		buf_reset(&c[0]);
		buf_addf(&c[0], "%lld", (long long)json_integer_value(
		    json_object_get(u, "rank")));
		text_rate(&c[1], u, "timely_rate", "on_time", "submitted",
		    "missed");
		text_rate(&c[2], u, "first_pass_rate", "first_pass",
		    "accepted", NULL);
		buf_reset(&c[3]);
		buf_addf(&c[3], "%lld\t%lld", (long long)json_integer_value(
		    json_object_get(u, "overdue_items")),
		    (long long)json_integer_value(json_object_get(u,
		    "open_findings")));
		row[0] = c[0].ptr;
		row[1] = json_string_value(json_object_get(u, "unit_name"));
		row[2] = c[1].ptr;
		row[3] = c[2].ptr;
		/* the two counts, split at the tab */
		*strchr(c[3].ptr, '\t') = '\0';
		row[4] = c[3].ptr;
		row[5] = c[3].ptr + strlen(c[3].ptr) + 1;
		docx_table_row(d, row);
	}
	docx_table_end(d);
	docx_para_text(d, DOCX_BODY, "说明：报送及时率＝按期报送的报告数÷（已"
	    "报送的报告数＋逾期未报数）；一次通过率＝未经退回即审核通过的报告"
	    "数÷审核通过的报告数；逾期事项＝逾期未报的报告数＋超过整改期限仍"
	    "未提交整改情况的督察发现问题数；未销号问题＝尚未销号的督察发现问题"
	    "数。“—”表示没有可计算的报告。");
	rc = docx_write_buf(d, out, err);
	docx_free(d);
	buf_release(&t);
	for (i = 0; i < 4; i++)
		buf_release(&c[i]);
	return rc;
}
