/*
 * reg_normative.c: the registry of 行政规范性文件 (task 9 of the reference
 * plan: "报备率、及时率、备案审查率达到100%"): one record per document, kept
 * by the unit that made it (制定机关), with its filing (报送备案) and the
 * review by the 备案审查机关 (the county's 司法局, a supervisor), its term
 * of validity and its 清理 status. The rules that tie the dates together
 * are in normative_check().
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum {
	N_UNIT, N_DOC_NO, N_TITLE, N_PUBLISHED, N_FILED, N_REVIEWED,
	N_CONCLUSION, N_EXPIRES, N_STATUS, N_NOTE, N__MAX
};

/*
 * 审查结论: what the 备案审查机关 decides on a filed document. 予以备案:
 * registered, nothing wrong; 纠正: the maker is told to correct it (自行
 * 修改或者废止); 撤销: its revocation is proposed or decided; 不予备案: not
 * registered (not a 规范性文件, or the filing incomplete). The four follow
 * the outcomes local 备案 rules name (予以备案 / 不予备案, 自行修改或者撤销
 * 的审查处理意见); the split of 纠正 and 撤销 is ours.
 */
static const char *const conclusions[] = {
	"予以备案", "纠正", "撤销", "不予备案", NULL
};

/*
 * 清理状态: the outcome of the latest 清理 (clean-up): still in force (有效),
 * amended (修改), repealed (废止), or no longer in force (失效, e.g. its term
 * ended: 《山东省行政程序规定》第五十三条, "有效期届满的，规范性文件自动失效").
 */
static const char *const statuses[] = {
	"有效", "修改", "废止", "失效", NULL
};
static const char *const inactive[] = { "废止", "失效", NULL };

static const struct reg_field fields[N__MAX] = {
	[N_UNIT] = { "unit", "制定机关", REG_UNIT, REG_REQUIRED | REG_OWNER,
	    0, NULL, { "制定单位", "发文机关", NULL },
	    "单位编码、全称或简称", NULL },
	[N_DOC_NO] = { "doc_no", "文号", REG_TEXT, REG_REQUIRED, 60, NULL,
	    { "发文字号", "文件编号", NULL }, "如 莘政办发〔2022〕5号", NULL },
	[N_TITLE] = { "title", "标题", REG_TEXT, REG_REQUIRED, 200, NULL,
	    { "文件名称", "文件标题", NULL }, NULL, NULL },
	[N_PUBLISHED] = { "published", "公布日期", REG_DATE, REG_REQUIRED, 0,
	    NULL, { "发布日期", "印发日期", NULL }, NULL, NULL },
	[N_FILED] = { "filed", "报送备案日期", REG_DATE, 0, 0, NULL,
	    { "报备日期", "备案日期", NULL }, "尚未报送备案的留空", NULL },
	[N_REVIEWED] = { "reviewed", "审查完成日期", REG_DATE, REG_REVIEW, 0,
	    NULL, { "审查日期", NULL, NULL }, "由备案审查机关填写", NULL },
	[N_CONCLUSION] = { "conclusion", "审查结论", REG_ENUM, REG_REVIEW, 0,
	    conclusions, { NULL, NULL, NULL }, "由备案审查机关填写", NULL },
	[N_EXPIRES] = { "expires", "有效期至", REG_DATE, 0, 0, NULL,
	    { "有效期", "失效日期", NULL }, "有效期的最后一天", NULL },
	[N_STATUS] = { "status", "清理状态", REG_ENUM, 0, 0, statuses,
	    { "状态", NULL, NULL }, NULL, "有效" },
	[N_NOTE] = { "note", "备注", REG_TEXT, REG_MULTILINE, 500, NULL,
	    { "说明", NULL, NULL }, NULL, NULL },
};

static const char *
date_of(const struct reg_record *r, int f)
{
	return r->v[f].null ? NULL : r->v[f].s;
}

static void
normative_check(const struct reg_desc *d, const struct reg_record *r,
    const char *today, struct reg_problems *p)
{
	const char	*pub = date_of(r, N_PUBLISHED), *filed = date_of(r,
			    N_FILED), *rev = date_of(r, N_REVIEWED),
			*exp = date_of(r, N_EXPIRES);
	static const int dated[] = { N_PUBLISHED, N_FILED, N_REVIEWED };
	size_t		 i;

	(void)d;
	for (i = 0; today != NULL && i < sizeof(dated) / sizeof(dated[0]);
	    i++)
		if (date_of(r, dated[i]) != NULL &&
		    strcmp(date_of(r, dated[i]), today) > 0)
			reg_problem(p, dated[i], "%s晚于今天（%s）：不能登记尚未"
			    "发生的日期", date_of(r, dated[i]), today);
	if (pub != NULL && filed != NULL && strcmp(filed, pub) < 0)
		reg_problem(p, N_FILED, "报送备案日期 %s 早于公布日期 %s：应先"
		    "公布，后报送备案", filed, pub);
	if (rev != NULL && filed == NULL)
		reg_problem(p, N_REVIEWED, "填写了审查完成日期，但没有报送备案"
		    "日期：未报送备案的文件不能审查完成");
	else if (rev != NULL && strcmp(rev, filed) < 0)
		reg_problem(p, N_REVIEWED, "审查完成日期 %s 早于报送备案日期 "
		    "%s", rev, filed);
	if (!r->v[N_CONCLUSION].null && rev == NULL)
		reg_problem(p, N_CONCLUSION, "填写了审查结论，但没有审查完成"
		    "日期");
	else if (rev != NULL && r->v[N_CONCLUSION].null)
		reg_problem(p, N_CONCLUSION, "已审查完成，须填写审查结论");
	if (exp != NULL && pub != NULL && strcmp(exp, pub) <= 0)
		reg_problem(p, N_EXPIRES, "有效期至 %s 不晚于公布日期 %s",
		    exp, pub);
	if (!r->v[N_CONCLUSION].null && str_eq(r->v[N_CONCLUSION].s,
	    "撤销") && (r->v[N_STATUS].null || str_eq(r->v[N_STATUS].s,
	    "有效") || str_eq(r->v[N_STATUS].s, "修改")))
		reg_problem(p, N_STATUS, "审查结论为撤销的文件，清理状态应为"
		    "废止或失效");
}

const struct reg_desc reg_normative = {
	.key = "normative",
	.name = "行政规范性文件",
	.table = "reg_normative_doc",
	.record_name = "文件",
	.fields = fields,
	.nfields = N__MAX,
	.owner = N_UNIT,
	.key_field = N_DOC_NO,
	.date = N_PUBLISHED,
	.title = N_TITLE,
	.expires = N_EXPIRES,
	.status = N_STATUS,
	.inactive = inactive,
	.check = normative_check,
};
