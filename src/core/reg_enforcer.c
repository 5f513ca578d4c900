/*
 * reg_enforcer.c: the registry of 执法人员 (task 14 of the reference plan:
 * "健全完善执法主体、执法人员备案登记制度"): one record per 行政执法证件,
 * kept by the 执法主体 the person enforces for, with its number, the
 * person, the 执法门类, the dates it was issued and is valid until, and its
 * state. A roster: a person issued a certificate before a year is on it in
 * that year (the date field is REG_SINCE); expiry reminders use 有效期至.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum {
	P_UNIT, P_CERT_NO, P_NAME, P_CATEGORY, P_ISSUER, P_ISSUED, P_EXPIRES,
	P_STATUS, P_NOTE, P__MAX
};

/*
 * 状态: 有效 (in force), 暂扣 (held back for a time: the person may not
 * enforce until it is returned), 注销 (cancelled: the person left the post,
 * retired, or the certificate was replaced), 吊销 (revoked for misconduct).
 * Only 有效 may be used in enforcement; 注销 and 吊销 are final, so they
 * are "not in force" for the expiry reminders (a 暂扣 certificate still
 * exists and may come back, so its expiry is still shown).
 */
static const char *const statuses[] = {
	"有效", "暂扣", "注销", "吊销", NULL
};
static const char *const inactive[] = { "注销", "吊销", NULL };

static const struct reg_field fields[P__MAX] = {
	[P_UNIT] = { "unit", "执法主体", REG_UNIT, REG_REQUIRED | REG_OWNER,
	    0, NULL, { "所在单位", "执法单位", "发证单位" },
	    "单位编码、全称或简称", NULL },
	[P_CERT_NO] = { "cert_no", "执法证号", REG_TEXT, REG_REQUIRED, 40, NULL,
	    { "执法证件号", "证件号码", "证号" }, "行政执法证件上的编号", NULL },
	[P_NAME] = { "name", "姓名", REG_TEXT, REG_REQUIRED, 40, NULL,
	    { "执法人员", "持证人", NULL }, NULL, NULL },
	[P_CATEGORY] = { "category", "执法门类", REG_TEXT, 0, 60, NULL,
	    { "执法类别", "执法领域", "执法种类" },
	    "如 市场监管、生态环境、交通运输、综合执法", NULL },
	[P_ISSUER] = { "issuer", "发证机关", REG_TEXT, 0, 60, NULL,
	    { "发证机构", NULL, NULL }, "如 山东省人民政府", NULL },
	[P_ISSUED] = { "issued", "发证日期", REG_DATE, REG_REQUIRED | REG_SINCE,
	    0, NULL, { "发证时间", "领证日期", NULL }, NULL, NULL },
	[P_EXPIRES] = { "expires", "有效期至", REG_DATE, REG_REQUIRED, 0, NULL,
	    { "有效期", "有效期限", NULL }, "证件有效期的最后一天", NULL },
	[P_STATUS] = { "status", "状态", REG_ENUM, 0, 0, statuses,
	    { "证件状态", NULL, NULL }, NULL, "有效" },
	[P_NOTE] = { "note", "备注", REG_TEXT, REG_MULTILINE, 500, NULL,
	    { "说明", NULL, NULL }, NULL, NULL },
};

static const char *
date_of(const struct reg_record *r, int f)
{
	return r->v[f].null ? NULL : r->v[f].s;
}

static void
enforcer_check(const struct reg_desc *d, const struct reg_record *r,
    const char *today, struct reg_problems *p)
{
	const char	*iss = date_of(r, P_ISSUED), *exp = date_of(r,
			    P_EXPIRES);

	(void)d;
	if (today != NULL && iss != NULL && strcmp(iss, today) > 0)
		reg_problem(p, P_ISSUED, "%s晚于今天（%s）：不能登记尚未发生的"
		    "日期", iss, today);
	if (iss != NULL && exp != NULL && strcmp(exp, iss) <= 0)
		reg_problem(p, P_EXPIRES, "有效期至 %s 不晚于发证日期 %s", exp,
		    iss);
}

const struct reg_desc reg_enforcer = {
	.key = "enforcer",
	.name = "执法人员",
	.table = "reg_enforcer",
	.record_name = "执法证件",
	.fields = fields,
	.nfields = P__MAX,
	.owner = P_UNIT,
	.key_field = P_CERT_NO,
	.date = P_ISSUED,
	.title = P_NAME,
	.expires = P_EXPIRES,
	.status = P_STATUS,
	.inactive = inactive,
	.check = enforcer_check,
};
