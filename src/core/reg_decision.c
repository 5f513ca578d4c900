/*
 * reg_decision.c: the registry of 重大行政决策 (tasks 10 and 11 of the
 * reference plan: the annual 决策事项目录, and "集体讨论率达到100%"): one
 * record per decision, kept by the 决策机关, with the five statutory
 * procedures of 《重大行政决策程序暂行条例》（国务院令第713号） — 公众参与,
 * 专家论证, 风险评估, 合法性审查, 集体讨论决定 — and 公布, 归档, 决策后评估.
 * The rules that tie the dates together are in decision_check().
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum {
	D_UNIT, D_ITEM_NO, D_TITLE, D_YEAR, D_IN_CATALOG, D_CATALOG_PUBLISHED,
	D_PARTICIPATION, D_COMMENT_FROM, D_COMMENT_TO, D_EXPERT, D_EXPERT_DATE,
	D_RISK, D_RISK_DATE, D_REVIEW_SENT, D_REVIEW_DONE, D_REVIEW_OPINION,
	D_MEETING, D_MEETING_NAME, D_DECIDED, D_RESULT, D_PUBLISHED,
	D_ARCHIVED, D_EVALUATED, D_NOTE, D__MAX
};

/*
 * Whether a procedure was carried out: 是 (done, with its date), 否 (not
 * done), 不适用 (not required for this decision: 公众参与 for a matter
 * 依法不予公开 (条例第十四条), 专家论证 for one that is not 专业性、技术性
 * 较强 (第十九条), 风险评估 for one whose 实施 cannot harm 社会稳定、公共
 * 安全 (第二十二条)). Left empty, the procedure counts as not done.
 */
static const char *const done_values[] = { "是", "否", "不适用", NULL };

/* 合法性审查意见 (条例第二十七条: 书面审查意见); 不合法 bars discussion. */
static const char *const opinions[] = {
	"合法", "提出修改意见", "不合法", NULL
};

/*
 * 会议类型: how the decision was taken. 条例第三十条: "决策草案应当经决策
 * 机关常务会议或者全体会议讨论"; a department (参照执行, 附则) decides at
 * its 领导班子会议. 专题会议 and 行政首长签批 are not 集体讨论决定: they are
 * here so that a decision taken that way can be recorded, and counted
 * against 集体讨论率.
 */
static const char *const meetings[] = {
	"政府常务会议", "政府全体会议", "部门领导班子会议", "专题会议",
	"行政首长签批", NULL
};

/* 决定结果: 条例第三十条, the 行政首长 decides to 通过, 不予通过, 暂缓,
 * or to have the draft 修改后再次讨论. */
static const char *const results[] = {
	"通过", "不予通过", "暂缓", "修改后再次讨论", NULL
};

static const struct reg_field fields[D__MAX] = {
	[D_UNIT] = { "unit", "决策机关", REG_UNIT, REG_REQUIRED | REG_OWNER,
	    0, NULL, { "决策单位", "单位", NULL },
	    "单位编码、全称或简称", NULL },
	[D_ITEM_NO] = { "item_no", "决策事项编号", REG_TEXT, REG_REQUIRED, 40,
	    NULL, { "事项编号", "编号", NULL }, "本机关内唯一，如 2022-01",
	    NULL },
	[D_TITLE] = { "title", "决策事项名称", REG_TEXT, REG_REQUIRED, 200,
	    NULL, { "事项名称", "决策事项", NULL }, NULL, NULL },
	[D_YEAR] = { "year", "年度", REG_INT, REG_REQUIRED, 0, NULL,
	    { "目录年度", NULL, NULL }, "决策事项目录的年度，如 2022", NULL },
	[D_IN_CATALOG] = { "in_catalog", "列入年度目录", REG_BOOL, 0, 0, NULL,
	    { "是否列入目录", "列入目录", NULL }, "是 或 否", NULL },
	[D_CATALOG_PUBLISHED] = { "catalog_published", "目录公布日期",
	    REG_DATE, 0, 0, NULL, { "目录公开日期", NULL, NULL },
	    "年度目录经同级党委同意后向社会公布的日期", NULL },
	[D_PARTICIPATION] = { "participation", "公众参与", REG_ENUM, 0, 0,
	    done_values, { "是否公众参与", "是否公开征求意见", NULL },
	    "依法不予公开的决策事项填“不适用”", NULL },
	[D_COMMENT_FROM] = { "comment_from", "征求意见开始日期", REG_DATE, 0,
	    0, NULL, { "公开征求意见开始日期", "征求意见起始日期", NULL },
	    NULL, NULL },
	[D_COMMENT_TO] = { "comment_to", "征求意见截止日期", REG_DATE, 0, 0,
	    NULL, { "公开征求意见截止日期", "征求意见结束日期", NULL },
	    "期限一般不少于30日", NULL },
	[D_EXPERT] = { "expert", "专家论证", REG_ENUM, 0, 0, done_values,
	    { "是否专家论证", NULL, NULL },
	    "不属于专业性、技术性较强的决策事项填“不适用”", NULL },
	[D_EXPERT_DATE] = { "expert_date", "论证日期", REG_DATE, 0, 0, NULL,
	    { "专家论证日期", NULL, NULL }, NULL, NULL },
	[D_RISK] = { "risk", "风险评估", REG_ENUM, 0, 0, done_values,
	    { "是否风险评估", "社会稳定风险评估", NULL },
	    "实施不会对社会稳定、公共安全等造成不利影响的填“不适用”",
	    NULL },
	[D_RISK_DATE] = { "risk_date", "风险评估日期", REG_DATE, 0, 0, NULL,
	    { NULL, NULL, NULL }, NULL, NULL },
	[D_REVIEW_SENT] = { "review_sent", "送审日期", REG_DATE, 0, 0, NULL,
	    { "合法性审查送审日期", "送请合法性审查日期", NULL },
	    "送请合法性审查的日期", NULL },
	[D_REVIEW_DONE] = { "review_done", "审查完成日期", REG_DATE, 0, 0,
	    NULL, { "合法性审查完成日期", NULL, NULL },
	    "审查时间一般不少于7个工作日", NULL },
	[D_REVIEW_OPINION] = { "review_opinion", "审查意见", REG_ENUM, 0, 0,
	    opinions, { "合法性审查意见", NULL, NULL }, NULL, NULL },
	[D_MEETING] = { "meeting", "会议类型", REG_ENUM, 0, 0, meetings,
	    { "决定方式", "讨论决定会议", NULL },
	    "尚未决定的留空", NULL },
	[D_MEETING_NAME] = { "meeting_name", "会议名称或届次", REG_TEXT, 0,
	    100, NULL, { "会议名称", "会议届次", NULL },
	    "如 县政府第12次常务会议", NULL },
	[D_DECIDED] = { "decided", "决定日期", REG_DATE, 0, 0, NULL,
	    { "讨论决定日期", NULL, NULL },
	    "按决定日期计入年度指标；尚未决定的留空", NULL },
	[D_RESULT] = { "result", "决定结果", REG_ENUM, 0, 0, results,
	    { NULL, NULL, NULL }, NULL, NULL },
	[D_PUBLISHED] = { "published", "公布日期", REG_DATE, 0, 0, NULL,
	    { "决策公布日期", NULL, NULL }, NULL, NULL },
	[D_ARCHIVED] = { "archived", "归档日期", REG_DATE, 0, 0, NULL,
	    { NULL, NULL, NULL }, NULL, NULL },
	[D_EVALUATED] = { "evaluated", "决策后评估日期", REG_DATE, 0, 0, NULL,
	    { "后评估日期", NULL, NULL }, NULL, NULL },
	[D_NOTE] = { "note", "备注", REG_TEXT, REG_MULTILINE, 500, NULL,
	    { "说明", NULL, NULL }, NULL, NULL },
};

static const char *
date_of(const struct reg_record *r, int f)
{
	return r->v[f].null ? NULL : r->v[f].s;
}

static int
is(const struct reg_record *r, int f, const char *value)
{
	return !r->v[f].null && r->v[f].s != NULL && str_eq(r->v[f].s, value);
}

/* A procedure (是/否/不适用) and its date: 是 needs the date, 否 and 不适用
 * have none. */
static void
procedure_check(const struct reg_record *r, int what, int date,
    struct reg_problems *p)
{
	const char	*name = fields[what].label,
			*dlabel = fields[date].label;

	if (is(r, what, "是") && date_of(r, date) == NULL)
		reg_problem(p, date, "%s为“是”，须填写%s", name, dlabel);
	else if (date_of(r, date) != NULL && !r->v[what].null &&
	    !is(r, what, "是"))
		reg_problem(p, date, "%s为“%s”，不应填写%s", name,
		    r->v[what].s, dlabel);
}

/* Not before the decision: what follows it (公布, 归档, 后评估). */
static void
after_decision(const struct reg_record *r, int f, struct reg_problems *p)
{
	const char	*d = date_of(r, D_DECIDED), *x = date_of(r, f);

	if (x == NULL)
		return;
	if (d == NULL)
		reg_problem(p, f, "填写了%s，但没有决定日期：尚未决定的事项不能"
		    "%s", fields[f].label, f == D_PUBLISHED ? "公布" :
		    f == D_ARCHIVED ? "归档" : "开展决策后评估");
	else if (strcmp(x, d) < 0)
		reg_problem(p, f, "%s %s 早于决定日期 %s", fields[f].label, x,
		    d);
}

static void
decision_check(const struct reg_desc *d, const struct reg_record *r,
    const char *today, struct reg_problems *p)
{
	const char	*from = date_of(r, D_COMMENT_FROM),
			*to = date_of(r, D_COMMENT_TO),
			*sent = date_of(r, D_REVIEW_SENT),
			*done = date_of(r, D_REVIEW_DONE),
			*decided = date_of(r, D_DECIDED);
	int		 i;

	(void)d;
	for (i = 0; today != NULL && i < D__MAX; i++)
		if (fields[i].type == REG_DATE && date_of(r, i) != NULL &&
		    strcmp(date_of(r, i), today) > 0)
			reg_problem(p, i, "%s晚于今天（%s）：不能登记尚未发生的"
			    "日期", date_of(r, i), today);
	if (!r->v[D_YEAR].null && (r->v[D_YEAR].i < 2000 ||
	    r->v[D_YEAR].i > 2100))
		reg_problem(p, D_YEAR, "年度 %lld 不在 2000 至 2100 之间",
		    (long long)r->v[D_YEAR].i);
	if (date_of(r, D_CATALOG_PUBLISHED) != NULL &&
	    !r->v[D_IN_CATALOG].null && r->v[D_IN_CATALOG].i == 0)
		reg_problem(p, D_CATALOG_PUBLISHED, "未列入年度目录的事项不应"
		    "填写目录公布日期");

	/* 公众参与: the comment period. */
	if ((from != NULL || to != NULL) && !r->v[D_PARTICIPATION].null &&
	    !is(r, D_PARTICIPATION, "是"))
		reg_problem(p, D_COMMENT_FROM, "公众参与为“%s”，不应填写征求"
		    "意见日期", r->v[D_PARTICIPATION].s);
	else if (to != NULL && from == NULL)
		reg_problem(p, D_COMMENT_FROM, "填写了征求意见截止日期，但没有"
		    "开始日期");
	else if (is(r, D_PARTICIPATION, "是") && from == NULL)
		reg_problem(p, D_COMMENT_FROM, "公众参与为“是”，须填写征求意见"
		    "开始日期");
	else if (from != NULL && to != NULL && strcmp(to, from) < 0)
		reg_problem(p, D_COMMENT_TO, "征求意见截止日期 %s 早于开始日期 "
		    "%s", to, from);

	procedure_check(r, D_EXPERT, D_EXPERT_DATE, p);
	procedure_check(r, D_RISK, D_RISK_DATE, p);

	/* 合法性审查 (条例第二十四条、第二十五条). */
	if (done != NULL && sent == NULL)
		reg_problem(p, D_REVIEW_DONE, "填写了审查完成日期，但没有送审"
		    "日期");
	else if (done != NULL && strcmp(done, sent) < 0)
		reg_problem(p, D_REVIEW_DONE, "审查完成日期 %s 早于送审日期 %s",
		    done, sent);
	if (!r->v[D_REVIEW_OPINION].null && done == NULL)
		reg_problem(p, D_REVIEW_OPINION, "填写了审查意见，但没有审查"
		    "完成日期");
	else if (done != NULL && r->v[D_REVIEW_OPINION].null)
		reg_problem(p, D_REVIEW_OPINION, "合法性审查已完成，须填写审查"
		    "意见");

	/* 集体讨论决定: the meeting, its date and the result together. */
	if (!r->v[D_MEETING].null && decided == NULL)
		reg_problem(p, D_DECIDED, "填写了会议类型，须同时填写决定日期");
	else if (decided != NULL && r->v[D_MEETING].null)
		reg_problem(p, D_MEETING, "填写了决定日期，须同时填写会议类型");
	if (!r->v[D_MEETING_NAME].null && r->v[D_MEETING].null)
		reg_problem(p, D_MEETING_NAME, "填写了会议名称，但没有会议类型");
	if (!r->v[D_RESULT].null && decided == NULL)
		reg_problem(p, D_RESULT, "填写了决定结果，但没有决定日期");
	else if (decided != NULL && r->v[D_RESULT].null)
		reg_problem(p, D_RESULT, "已作出决定，须填写决定结果");
	/* 条例第二十四条: "决策草案未经合法性审查或者经审查不合法的，不得
	 * 提交决策机关讨论". A decision without any review is recorded as it
	 * happened (合法性审查率 counts it); one dated before its review
	 * ended, or after an opinion of 不合法, contradicts itself. */
	if (decided != NULL && done != NULL && strcmp(decided, done) < 0)
		reg_problem(p, D_DECIDED, "决定日期 %s 早于合法性审查完成日期 "
		    "%s：未经合法性审查的决策草案不得提交讨论", decided, done);
	else if (decided != NULL && is(r, D_REVIEW_OPINION, "不合法"))
		reg_problem(p, D_DECIDED, "合法性审查意见为不合法：经审查不"
		    "合法的决策草案不得提交讨论");
	after_decision(r, D_PUBLISHED, p);
	after_decision(r, D_ARCHIVED, p);
	after_decision(r, D_EVALUATED, p);
}

const struct reg_desc reg_decision = {
	.key = "decision",
	.name = "重大行政决策",
	.table = "reg_decision",
	.record_name = "决策事项",
	.fields = fields,
	.nfields = D__MAX,
	.owner = D_UNIT,
	.key_field = D_ITEM_NO,
	.date = D_DECIDED,
	.title = D_TITLE,
	.expires = -1,
	.status = -1,
	.inactive = NULL,
	.check = decision_check,
};
