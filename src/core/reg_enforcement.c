/*
 * reg_enforcement.c: the registry of 执法决定 (tasks 13 and 14 of the
 * reference plan: "全面落实行政执法公示、执法全过程记录、重大执法决定法制
 * 审核制度"): one record per decision of a 执法主体, with its kind, the
 * party, the dates of the decision, its 法制审核 and its publication, the
 * audio-video record and the officers who made it. The rules that tie the
 * fields together are in enforcement_check().
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum {
	E_UNIT, E_DOC_NO, E_KIND, E_PARTY, E_MATTER, E_DECIDED, E_MAJOR,
	E_REVIEWED, E_OPINION, E_PUBLISHED, E_AV_REQUIRED, E_AV_RECORD,
	E_OFFICERS, E_NOTE, E__MAX
};

/*
 * 执法类别: the kinds of 行政执法 国办发〔2018〕118号 names (行政许可、行政
 * 处罚、行政强制、行政检查、行政征收征用 and the others); 行政确认 is kept
 * apart because counties publish it as its own list, and 其他 takes the
 * rest (行政给付、行政裁决…). 许可 and 处罚 are published within 7 working
 * days, the others within 20 (the indicator 公示及时率).
 */
static const char *const kinds[] = {
	"行政许可", "行政处罚", "行政强制", "行政检查", "行政征收征用",
	"行政确认", "其他", NULL
};

/* 法制审核意见: what the 法制审核机构 concludes on a draft decision. */
static const char *const opinions[] = {
	"同意", "不同意", "修改后同意", NULL
};

static const struct reg_field fields[E__MAX] = {
	[E_UNIT] = { "unit", "执法主体", REG_UNIT, REG_REQUIRED | REG_OWNER,
	    0, NULL, { "执法机关", "实施机关", "作出决定机关" },
	    "单位编码、全称或简称", NULL },
	[E_DOC_NO] = { "doc_no", "决定书文号", REG_TEXT, REG_REQUIRED, 80,
	    NULL, { "文书号", "决定文号", "文号" },
	    "如 莘市监罚〔2022〕12号", NULL },
	[E_KIND] = { "kind", "执法类别", REG_ENUM, REG_REQUIRED, 0, kinds,
	    { "决定类别", "执法种类", NULL }, NULL, NULL },
	[E_PARTY] = { "party", "当事人", REG_TEXT, REG_REQUIRED, 100, NULL,
	    { "行政相对人", "执法对象", NULL }, NULL, NULL },
	[E_MATTER] = { "matter", "事项名称", REG_TEXT, 0, 200, NULL,
	    { "案由", "案件名称", "事项" }, "许可事项或案由", NULL },
	[E_DECIDED] = { "decided", "决定日期", REG_DATE, REG_REQUIRED, 0, NULL,
	    { "作出决定日期", "决定时间", NULL }, NULL, NULL },
	[E_MAJOR] = { "major", "是否重大执法决定", REG_BOOL, 0, 0, NULL,
	    { "重大执法决定", NULL, NULL }, "是 / 否", "否" },
	[E_REVIEWED] = { "reviewed", "法制审核日期", REG_DATE, 0, 0, NULL,
	    { "审核日期", NULL, NULL }, "法制审核机构出具审核意见的日期",
	    NULL },
	[E_OPINION] = { "opinion", "法制审核意见", REG_ENUM, 0, 0, opinions,
	    { "审核意见", NULL, NULL }, NULL, NULL },
	[E_PUBLISHED] = { "published", "公示日期", REG_DATE, 0, 0, NULL,
	    { "公开日期", NULL, NULL }, "执法决定信息公开的日期；尚未公示的"
	    "留空", NULL },
	[E_AV_REQUIRED] = { "av_required", "是否须全程音像记录", REG_BOOL, 0,
	    0, NULL, { "须全程音像记录", NULL, NULL },
	    "查封扣押财产、强制拆除等直接涉及人身自由、生命健康、重大财产"
	    "权益的现场执法填“是”；行政强制留空即视为须记录", NULL },
	[E_AV_RECORD] = { "av_record", "是否全程音像记录", REG_BOOL, 0, 0,
	    NULL, { "全程音像记录", NULL, NULL }, "是 / 否", NULL },
	[E_OFFICERS] = { "officers", "执法人员证号", REG_TEXT, 0, 200, NULL,
	    { "执法证号", "执法人员", NULL },
	    "两名以上执法人员的执法证号，以“、”分隔", NULL },
	[E_NOTE] = { "note", "备注", REG_TEXT, REG_MULTILINE, 500, NULL,
	    { "说明", NULL, NULL }, NULL, NULL },
};

static const char *
date_of(const struct reg_record *r, int f)
{
	return r->v[f].null ? NULL : r->v[f].s;
}

/* Length of a separator of 执法证号 at s: , ; / space 、 ， ； or 　. */
static size_t
separator(const char *s)
{
	static const char *const wide[] = { "、", "，", "；", "　", NULL };
	size_t	 i;

	if (*s == ',' || *s == ';' || *s == '/' || *s == ' ')
		return 1;
	for (i = 0; wide[i] != NULL; i++)
		if (strncmp(s, wide[i], strlen(wide[i])) == 0)
			return strlen(wide[i]);
	return 0;
}

/* How many different 执法证号 a cell lists (counting stops at 8). */
static int
officer_count(const char *s)
{
	const char	*tok[8];
	size_t		 len[8], n = 0, k, i;

	while (s != NULL && *s != '\0' && n < 8) {
		if ((k = separator(s)) > 0) {
			s += k;
			continue;
		}
		for (k = 0; s[k] != '\0' && separator(s + k) == 0; k++)
			;
		for (i = 0; i < n; i++)
			if (len[i] == k && memcmp(tok[i], s, k) == 0)
				break;
		if (i == n) {
			tok[n] = s;
			len[n++] = k;
		}
		s += k;
	}
	return (int)n;
}

/*
 * The kinds a law says are carried out by two officers or more: 行政处罚法
 * 第四十二条 ("执法人员不得少于两人，法律另有规定的除外"), 行政强制法第十八条
 * ("由两名以上行政执法人员实施"); 行政检查 by the same practice.
 */
static int
two_officers(const struct reg_record *r)
{
	const char *k = r->v[E_KIND].null ? "" : r->v[E_KIND].s;

	return str_eq(k, "行政处罚") || str_eq(k, "行政强制") ||
	    str_eq(k, "行政检查");
}

static void
enforcement_check(const struct reg_desc *d, const struct reg_record *r,
    const char *today, struct reg_problems *p)
{
	const char	*dec = date_of(r, E_DECIDED), *rev = date_of(r,
			    E_REVIEWED), *pub = date_of(r, E_PUBLISHED);
	static const int dated[] = { E_DECIDED, E_REVIEWED, E_PUBLISHED };
	size_t		 i;

	(void)d;
	for (i = 0; today != NULL && i < sizeof(dated) / sizeof(dated[0]);
	    i++)
		if (date_of(r, dated[i]) != NULL &&
		    strcmp(date_of(r, dated[i]), today) > 0)
			reg_problem(p, dated[i], "%s晚于今天（%s）：不能登记尚未"
			    "发生的日期", date_of(r, dated[i]), today);
	if (dec != NULL && pub != NULL && strcmp(pub, dec) < 0)
		reg_problem(p, E_PUBLISHED, "公示日期 %s 早于决定日期 %s：应先"
		    "作出决定，后公示", pub, dec);
	/* 法制审核 is of a draft: "未经法制审核或者审核未通过的，不得作出
	 * 决定" (国办发〔2018〕118号). A 重大 decision without it is a fact
	 * to record (the rate counts it as failing), one "reviewed" after it
	 * is not a 法制审核 of the decision. */
	if (dec != NULL && rev != NULL && strcmp(rev, dec) > 0)
		reg_problem(p, E_REVIEWED, "法制审核日期 %s 晚于决定日期 %s："
		    "%s须在作出决定之前经法制审核", rev, dec,
		    !r->v[E_MAJOR].null && r->v[E_MAJOR].i ? "重大执法决定" :
		    "执法决定");
	if (!r->v[E_OPINION].null && rev == NULL)
		reg_problem(p, E_OPINION, "填写了法制审核意见，但没有法制审核"
		    "日期");
	else if (rev != NULL && r->v[E_OPINION].null)
		reg_problem(p, E_OPINION, "已法制审核，须填写法制审核意见（同"
		    "意、不同意或修改后同意）");
	if (two_officers(r) && officer_count(r->v[E_OFFICERS].null ? NULL :
	    r->v[E_OFFICERS].s) < 2)
		reg_problem(p, E_OFFICERS, "%s应由两名以上执法人员实施：请填写"
		    "至少两个不同的执法证号，以“、”分隔", r->v[E_KIND].s);
}

const struct reg_desc reg_enforcement = {
	.key = "enforcement",
	.name = "执法决定",
	.table = "reg_enforcement",
	.record_name = "执法决定",
	.fields = fields,
	.nfields = E__MAX,
	.owner = E_UNIT,
	.key_field = E_DOC_NO,
	.date = E_DECIDED,
	.title = E_PARTY,
	.expires = -1,
	.status = -1,
	.inactive = NULL,
	.check = enforcement_check,
};
