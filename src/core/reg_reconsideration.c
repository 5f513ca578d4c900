/*
 * reg_reconsideration.c: the registry of 行政复议 cases (task 18 of the
 * reference plan: 依法受理、审理, 调解和解, 纠错) under the 行政复议法 as
 * revised in 2023 (in force 2024-01-01). One record per accepted case,
 * kept by the 行政复议机构 that handles it (第四条: the county's 司法局 for
 * the county government), which alone may write it; 被申请人 names the
 * unit whose act is reviewed. Rules tying the fields: reconsideration_check().
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum {
	R_AGENCY, R_CASE_NO, R_APPLICANT, R_RESPONDENT, R_ACT, R_APPLIED,
	R_ACCEPTED, R_SIMPLE, R_EXTENDED, R_CONCLUDED, R_CLOSING, R_DECISION,
	R_NOTE, R__MAX
};

/*
 * 结案方式: a 行政复议决定 (第五章); a 调解书 (第七十三条); the applicant
 * withdrawing after 和解 (第七十四条); 终止 for the other ends (a
 * withdrawal without 和解, the applicant's death…).
 */
static const char *const closings[] = {
	"决定", "调解", "和解后撤回申请", "终止", NULL
};

/*
 * 决定类型, 第六十三条 to 第六十九条: 变更, 撤销 (or 部分撤销, perhaps with
 * 重新作出), 确认违法, 责令履行, 确认无效, 维持, 驳回 (the request).
 */
static const char *const decisions[] = {
	"变更", "撤销", "确认违法", "责令履行", "确认无效", "维持", "驳回", NULL
};

static const struct reg_field fields[R__MAX] = {
	[R_AGENCY] = { "agency", "复议机构", REG_UNIT, REG_REQUIRED | REG_OWNER,
	    0, NULL, { "行政复议机构", "办理机构", NULL },
	    "办理案件的行政复议机构（县司法局）", NULL },
	[R_CASE_NO] = { "case_no", "案号", REG_TEXT, REG_REQUIRED, 60, NULL,
	    { "复议案号", "案件编号", NULL }, "如 莘政复〔2024〕1号", NULL },
	[R_APPLICANT] = { "applicant", "申请人", REG_TEXT, REG_REQUIRED, 200,
	    NULL, { NULL, NULL, NULL }, NULL, NULL },
	[R_RESPONDENT] = { "respondent", "被申请人", REG_UNIT, REG_REQUIRED, 0,
	    NULL, { "被申请单位", NULL, NULL }, "作出行政行为的单位：单位编码、"
	    "全称或简称", NULL },
	[R_ACT] = { "act", "行政行为", REG_TEXT, 0, 200, NULL,
	    { "被申请复议的行政行为", "复议事项", NULL }, "如 行政处罚决定书 "
	    "莘市监罚〔2024〕3号", NULL },
	[R_APPLIED] = { "applied", "申请日期", REG_DATE, REG_REQUIRED, 0, NULL,
	    { "收到申请日期", NULL, NULL }, NULL, NULL },
	[R_ACCEPTED] = { "accepted", "受理日期", REG_DATE, REG_REQUIRED, 0,
	    NULL, { "立案日期", NULL, NULL }, "审理期限自受理之日起算；案件按此"
	    "日期计入年度", NULL },
	[R_SIMPLE] = { "simple", "是否适用简易程序", REG_BOOL, 0, 0, NULL,
	    { "简易程序", NULL, NULL }, "是 或 否；转为普通程序"
	    "审理的填否", "否" },
	[R_EXTENDED] = { "extended", "是否延期", REG_BOOL, 0, 0, NULL,
	    { "延期", "是否延长审理期限", NULL }, "经行政复议机构负责人批准延长"
	    "审理期限的填是（第六十二条）", "否" },
	[R_CONCLUDED] = { "concluded", "审结日期", REG_DATE, 0, 0, NULL,
	    { "结案日期", "决定日期", NULL }, "作出决定、调解书或准予撤回、终止"
	    "的日期", NULL },
	[R_CLOSING] = { "closing", "结案方式", REG_ENUM, 0, 0, closings,
	    { NULL, NULL, NULL }, "未经和解撤回申请的填终止", NULL },
	[R_DECISION] = { "decision", "决定类型", REG_ENUM, 0, 0, decisions,
	    { "复议决定", "决定结果", NULL }, "结案方式为决定时填写（第六十三条"
	    "至第六十九条）", NULL },
	[R_NOTE] = { "note", "备注", REG_TEXT, REG_MULTILINE, 500, NULL,
	    { "说明", NULL, NULL }, NULL, NULL },
};

static const char *
text_of(const struct reg_record *r, int f)
{
	return r->v[f].null ? NULL : r->v[f].s;
}

static void
reconsideration_check(const struct reg_desc *d, const struct reg_record *r,
    const char *today, struct reg_problems *p)
{
	const char	*applied = text_of(r, R_APPLIED),
			*accepted = text_of(r, R_ACCEPTED),
			*concluded = text_of(r, R_CONCLUDED),
			*closing = text_of(r, R_CLOSING),
			*decision = text_of(r, R_DECISION);
	static const int dated[] = { R_APPLIED, R_ACCEPTED, R_CONCLUDED };
	size_t		 i;

	(void)d;
	for (i = 0; today != NULL && i < sizeof(dated) / sizeof(dated[0]);
	    i++)
		if (text_of(r, dated[i]) != NULL &&
		    strcmp(text_of(r, dated[i]), today) > 0)
			reg_problem(p, dated[i], "%s晚于今天（%s）：不能登记尚未"
			    "发生的日期", text_of(r, dated[i]), today);
	if (applied != NULL && accepted != NULL &&
	    strcmp(accepted, applied) < 0)
		reg_problem(p, R_ACCEPTED, "受理日期 %s 早于申请日期 %s",
		    accepted, applied);
	if (concluded != NULL && accepted != NULL &&
	    strcmp(concluded, accepted) < 0)
		reg_problem(p, R_CONCLUDED, "审结日期 %s 早于受理日期 %s",
		    concluded, accepted);
	if (closing != NULL && concluded == NULL)
		reg_problem(p, R_CONCLUDED, "填写了结案方式，须填写审结日期");
	else if (closing == NULL && concluded != NULL)
		reg_problem(p, R_CLOSING, "填写了审结日期，须填写结案方式");
	if (decision != NULL && (closing == NULL || !str_eq(closing, "决定")))
		reg_problem(p, R_DECISION, "决定类型只在结案方式为“决定”时填写"
		    "（本案结案方式：%s）", closing != NULL ? closing : "未填");
	else if (decision == NULL && closing != NULL &&
	    str_eq(closing, "决定"))
		reg_problem(p, R_DECISION, "结案方式为决定，须填写决定类型");
	if (!r->v[R_SIMPLE].null && r->v[R_SIMPLE].i != 0 &&
	    !r->v[R_EXTENDED].null && r->v[R_EXTENDED].i != 0)
		reg_problem(p, R_EXTENDED, "适用简易程序的案件不能延期（第六十二"
		    "条）；转为普通程序审理的，是否适用简易程序填“否”");
}

const struct reg_desc reg_reconsideration = {
	.key = "reconsideration",
	.name = "行政复议",
	.table = "reg_reconsideration",
	.record_name = "复议案件",
	.fields = fields,
	.nfields = R__MAX,
	.owner = R_AGENCY,
	.key_field = R_CASE_NO,
	.date = R_ACCEPTED,
	.title = R_APPLICANT,
	.expires = -1,
	.status = -1,
	.inactive = NULL,
	.check = reconsideration_check,
};
