/*
 * reg_rating.c: the registry of 政务服务“好差评” (task 8 of the reference
 * plan: "接受评价-受理-整改-反馈-信息公开-结果应用", "确保差评件件有整改、有
 * 反馈"): one record per rating, kept by the unit that handled the matter
 * (办理单位), and for a 差评 its workflow as dated stages; rating_check()
 * keeps the stages in order and rating_stage() names the current one.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum {
	R_UNIT, R_NO, R_ITEM, R_RATED, R_CHANNEL, R_REAL, R_GRADE, R_CONTENT,
	R_ACCEPTED, R_VISITED, R_VERDICT, R_APPEALED, R_DECIDED, R_APPEAL,
	R_MEASURES, R_FIXED, R_FEEDBACK, R_WAY, R_SATISFIED, R_DISCLOSED,
	R_APPLIED, R_NOTE, R__MAX
};

/*
 * 评价渠道 in Shandong: on site "一次一评" (the window's 评价器, the
 * static 二维码 at the window), online "一事一评" (山东政务服务网, 爱山东
 * APP), 短信 invitations, the 12345 hotline and self-service terminals
 * (鲁政办发〔2020〕10号 and local reports of it).
 */
static const char *const channels[] = {
	"窗口评价器", "二维码", "政务服务网", "爱山东APP", "12345热线", "短信",
	"自助终端", "其他", NULL
};

/* Five grades; the last two are 差评 (国办发〔2019〕51号). */
static const char *const grades[] = {
	"非常满意", "满意", "基本满意", "不满意", "非常不满意", NULL
};
static const char *const bad_grades[] = { "不满意", "非常不满意", NULL };

/* 核实结论 of the 回访核实: whether the 差评 holds. */
static const char *const verdicts[] = {
	"属实", "部分属实", "不属实", "恶意差评", NULL
};
/* Only a 差评 found untrue or malicious may be appealed (申诉复核). */
static const char *const appealable[] = { "不属实", "恶意差评", NULL };

static const char *const appeal_results[] = {
	"申诉成立", "申诉不成立", NULL
};

static const char *const ways[] = {
	"电话", "短信", "当面", "政务服务网", "书面", "其他", NULL
};

/* The rater's view of the fix (满意度 of the 整改反馈). */
static const char *const satisfactions[] = {
	"满意", "基本满意", "不满意", NULL
};

static const struct reg_field fields[R__MAX] = {
	[R_UNIT] = { "unit", "办理单位", REG_UNIT, REG_REQUIRED | REG_OWNER, 0,
	    NULL, { "评价对象", "承办单位", NULL }, "单位编码、全称或简称",
	    NULL },
	[R_NO] = { "rating_no", "评价编号", REG_TEXT, REG_REQUIRED, 40, NULL,
	    { "编号", "评价号", NULL }, "好差评系统中的评价编号", NULL },
	[R_ITEM] = { "item", "服务事项", REG_TEXT, REG_REQUIRED, 200, NULL,
	    { "事项名称", "政务服务事项", NULL }, NULL, NULL },
	[R_RATED] = { "rated_on", "评价日期", REG_DATE, REG_REQUIRED, 0, NULL,
	    { "评价时间", NULL, NULL }, NULL, NULL },
	[R_CHANNEL] = { "channel", "评价渠道", REG_ENUM, REG_REQUIRED, 0,
	    channels, { "渠道", NULL, NULL }, NULL, NULL },
	[R_REAL] = { "real_name", "是否实名", REG_BOOL, REG_REQUIRED, 0, NULL,
	    { "实名", NULL, NULL }, "是 或 否", NULL },
	[R_GRADE] = { "grade", "评价等级", REG_ENUM, REG_REQUIRED, 0, grades,
	    { "评价结果", NULL, NULL }, "不满意、非常不满意为差评", NULL },
	[R_CONTENT] = { "content", "评价内容", REG_TEXT, REG_MULTILINE, 1000,
	    NULL, { "评价意见", NULL, NULL }, NULL, NULL },
	[R_ACCEPTED] = { "accepted", "受理日期", REG_DATE, 0, 0, NULL,
	    { NULL, NULL, NULL }, "差评填写；好评留空", NULL },
	[R_VISITED] = { "visited", "回访核实日期", REG_DATE, 0, 0, NULL,
	    { "回访日期", "核实日期", NULL },
	    "受理后回访评价人、核实情况的日期", NULL },
	[R_VERDICT] = { "verdict", "核实结论", REG_ENUM, 0, 0, verdicts,
	    { NULL, NULL, NULL }, NULL, NULL },
	[R_APPEALED] = { "appealed", "申诉日期", REG_DATE, 0, 0, NULL,
	    { NULL, NULL, NULL }, "核实为不属实或恶意差评、提出申诉的日期",
	    NULL },
	[R_DECIDED] = { "appeal_decided", "复核日期", REG_DATE, REG_REVIEW, 0,
	    NULL, { "申诉复核日期", NULL, NULL }, "由复核机构填写", NULL },
	[R_APPEAL] = { "appeal_result", "申诉结果", REG_ENUM, REG_REVIEW, 0,
	    appeal_results, { "复核结果", NULL, NULL },
	    "由复核机构填写；申诉成立的不计为差评", NULL },
	[R_MEASURES] = { "measures", "整改措施", REG_TEXT, REG_MULTILINE, 1000,
	    NULL, { NULL, NULL, NULL }, "立行立改、限期整改或解释说明", NULL },
	[R_FIXED] = { "fixed", "整改完成日期", REG_DATE, 0, 0, NULL,
	    { "整改日期", NULL, NULL }, NULL, NULL },
	[R_FEEDBACK] = { "feedback", "反馈日期", REG_DATE, 0, 0, NULL,
	    { NULL, NULL, NULL }, "向评价人反馈整改情况的日期", NULL },
	[R_WAY] = { "feedback_way", "反馈方式", REG_ENUM, 0, 0, ways,
	    { NULL, NULL, NULL }, NULL, NULL },
	[R_SATISFIED] = { "satisfaction", "评价人满意度", REG_ENUM, 0, 0,
	    satisfactions, { "整改满意度", NULL, NULL },
	    "评价人对整改反馈的评价", NULL },
	[R_DISCLOSED] = { "disclosed", "信息公开日期", REG_DATE, 0, 0, NULL,
	    { "公开日期", NULL, NULL }, "差评及整改情况向社会公开的日期",
	    NULL },
	[R_APPLIED] = { "application", "结果应用", REG_TEXT, REG_MULTILINE, 500,
	    NULL, { NULL, NULL, NULL }, "如 纳入窗口考核、约谈、通报", NULL },
	[R_NOTE] = { "note", "备注", REG_TEXT, REG_MULTILINE, 500, NULL,
	    { "说明", NULL, NULL }, NULL, NULL },
};

/* The fields of the 差评 workflow: none may be filled on a 好评. */
static const int stages[] = {
	R_ACCEPTED, R_VISITED, R_VERDICT, R_APPEALED, R_DECIDED, R_APPEAL,
	R_MEASURES, R_FIXED, R_FEEDBACK, R_WAY, R_SATISFIED, R_DISCLOSED,
	R_APPLIED
};
#define NSTAGES	(sizeof(stages) / sizeof(stages[0]))

static const int dated[] = {
	R_RATED, R_ACCEPTED, R_VISITED, R_APPEALED, R_DECIDED, R_FIXED,
	R_FEEDBACK, R_DISCLOSED
};
#define NDATED	(sizeof(dated) / sizeof(dated[0]))

static const char *
val(const struct reg_record *r, int f)
{
	return r->v[f].null ? NULL : r->v[f].s;
}

static int
is(const struct reg_record *r, int f, const char *s)
{
	return val(r, f) != NULL && str_eq(val(r, f), s);
}

static int
one_of(const char *s, const char *const *v)
{
	for (; s != NULL && *v != NULL; v++)
		if (str_eq(s, *v))
			return 1;
	return 0;
}

/*
 * A dated stage f that follows the stage prev: prev must be there and f
 * not before it. why says what comes first.
 */
static void
after(const struct reg_desc *d, const struct reg_record *r, int f, int prev,
    const char *why, struct reg_problems *p)
{
	const char	*a = val(r, f), *b = val(r, prev);

	if (a == NULL)
		return;
	if (b == NULL)
		reg_problem(p, f, "填写了%s，但没有%s：%s", d->fields[f].label,
		    d->fields[prev].label, why);
	else if (strcmp(a, b) < 0)
		reg_problem(p, f, "%s %s 早于%s %s", d->fields[f].label, a,
		    d->fields[prev].label, b);
}

/* A field that needs another (a dateless one, or the pair's other half). */
static void
needs(const struct reg_desc *d, const struct reg_record *r, int f, int other,
    struct reg_problems *p)
{
	if (!r->v[f].null && r->v[other].null)
		reg_problem(p, f, "填写了%s，但没有%s", d->fields[f].label,
		    d->fields[other].label);
}

static void
rating_check(const struct reg_desc *d, const struct reg_record *r,
    const char *today, struct reg_problems *p)
{
	size_t	 i;
	int	 upheld;

	for (i = 0; today != NULL && i < NDATED; i++)
		if (val(r, dated[i]) != NULL && strcmp(val(r, dated[i]),
		    today) > 0)
			reg_problem(p, dated[i], "%s晚于今天（%s）：不能登记"
			    "尚未发生的日期", val(r, dated[i]), today);
	if (val(r, R_GRADE) != NULL && !one_of(val(r, R_GRADE), bad_grades)) {
		for (i = 0; i < NSTAGES; i++)
			if (!r->v[stages[i]].null)
				reg_problem(p, stages[i], "评价等级为“%s”，"
				    "不是差评（差评为不满意、非常不满意）："
				    "不能填写%s", val(r, R_GRADE),
				    d->fields[stages[i]].label);
		return;
	}

	/* 受理 → 回访核实 (核实结论) */
	after(d, r, R_ACCEPTED, R_RATED, "应先评价，后受理", p);
	after(d, r, R_VISITED, R_ACCEPTED, "应先受理，后回访核实", p);
	needs(d, r, R_VERDICT, R_VISITED, p);
	if (val(r, R_VISITED) != NULL && r->v[R_VERDICT].null)
		reg_problem(p, R_VERDICT, "已回访核实，须填写核实结论");

	/* 申诉 → 复核 (申诉结果, entered by the supervisor) */
	if (val(r, R_APPEALED) != NULL && val(r, R_VERDICT) != NULL &&
	    !one_of(val(r, R_VERDICT), appealable))
		reg_problem(p, R_APPEALED, "核实结论为“%s”，不能申诉：只有核实"
		    "为不属实或恶意差评的差评可以申诉", val(r, R_VERDICT));
	else
		after(d, r, R_APPEALED, R_VISITED, "应先回访核实，后申诉", p);
	needs(d, r, R_APPEAL, R_APPEALED, p);
	after(d, r, R_DECIDED, R_APPEALED, "应先申诉，后复核", p);
	if (!r->v[R_APPEAL].null && !r->v[R_APPEALED].null &&
	    r->v[R_DECIDED].null)
		reg_problem(p, R_DECIDED, "填写了申诉结果，须填写复核日期");
	if (!r->v[R_DECIDED].null && r->v[R_APPEAL].null)
		reg_problem(p, R_APPEAL, "已复核，须填写申诉结果");
	upheld = is(r, R_APPEAL, "申诉成立");

	/* 整改: not needed when the appeal succeeded, allowed still */
	after(d, r, R_FIXED, R_VISITED, "应先回访核实，后整改", p);
	needs(d, r, R_MEASURES, R_VISITED, p);
	if (!r->v[R_FIXED].null && r->v[R_MEASURES].null)
		reg_problem(p, R_MEASURES, "填写了整改完成日期，须写明"
		    "整改措施");

	/* 反馈: after the 整改, or after the 复核 that cleared the 差评 */
	if (upheld && r->v[R_FIXED].null)
		after(d, r, R_FEEDBACK, R_DECIDED, "应先复核，后反馈", p);
	else
		after(d, r, R_FEEDBACK, R_FIXED, "应先整改，后反馈", p);
	needs(d, r, R_WAY, R_FEEDBACK, p);
	needs(d, r, R_SATISFIED, R_FEEDBACK, p);
	if (!r->v[R_FEEDBACK].null && r->v[R_WAY].null)
		reg_problem(p, R_WAY, "已反馈，须填写反馈方式");

	/* 信息公开 → 结果应用 */
	after(d, r, R_DISCLOSED, R_FEEDBACK, "应先反馈，后信息公开", p);
	needs(d, r, R_APPLIED, R_DISCLOSED, p);
}

/*
 * The current step (当前环节) of a 差评: the last stage done; NULL for a
 * rating that is no 差评.
 */
static const char *
rating_stage(const struct reg_record *r)
{
	if (val(r, R_GRADE) == NULL || !one_of(val(r, R_GRADE), bad_grades))
		return NULL;
	if (is(r, R_APPEAL, "申诉成立"))
		return "申诉成立（不计差评）";
	if (!r->v[R_APPLIED].null)
		return "已应用结果";
	if (!r->v[R_DISCLOSED].null)
		return "已公开";
	if (!r->v[R_FEEDBACK].null)
		return "已反馈";
	if (!r->v[R_FIXED].null)
		return "已整改";
	if (!r->v[R_APPEALED].null && r->v[R_APPEAL].null)
		return "申诉复核中";
	if (!r->v[R_VISITED].null)
		return "已核实，待整改";
	if (!r->v[R_ACCEPTED].null)
		return "已受理，待核实";
	return "待受理";
}

const struct reg_desc reg_rating = {
	.key = "rating",
	.name = "政务服务好差评",
	.table = "reg_rating",
	.record_name = "评价",
	.fields = fields,
	.nfields = R__MAX,
	.owner = R_UNIT,
	.key_field = R_NO,
	.date = R_RATED,
	.title = R_ITEM,
	.expires = -1,
	.status = -1,
	.inactive = NULL,
	.check = rating_check,
	.reviewer = "复核机构（依法治县办）",
	.stage = rating_stage,
};
