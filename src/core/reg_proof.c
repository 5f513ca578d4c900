/*
 * reg_proof.c: the registry of 证明事项清单 (tasks 13 and 22 of the
 * reference plan: "全面推行行政执法'证明事项告知承诺制'，动态调整证明事项
 * 清单", "全面应用电子证明和告知承诺"): one record per certificate a unit
 * asks citizens or firms for, with its legal basis, what it is needed for,
 * whether 告知承诺 replaces it, and whether it is kept or cancelled.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum {
	P_UNIT, P_NAME, P_BASIS, P_MATTER, P_ISSUER, P_PROMISE, P_STATUS,
	P_LISTED, P_NOTE, P__MAX
};

/*
 * 状态: 保留 (still asked for) or 取消 (no longer asked for: the 清单's
 * 动态调整 removed it). A cancelled item stays in the registry, with the
 * date of the list that cancelled it, so the change can be traced.
 */
static const char *const statuses[] = { "保留", "取消", NULL };
static const char *const inactive[] = { "取消", NULL };

static const struct reg_field fields[P__MAX] = {
	[P_UNIT] = { "unit", "索要单位", REG_UNIT, REG_REQUIRED | REG_OWNER,
	    0, NULL, { "实施机关", "单位", NULL },
	    "要求提交证明的单位：编码、全称或简称", NULL },
	[P_NAME] = { "name", "证明事项名称", REG_TEXT, REG_REQUIRED, 200,
	    NULL, { "证明名称", "证明材料名称", NULL }, NULL, NULL },
	[P_BASIS] = { "basis", "设定依据", REG_TEXT, REG_REQUIRED |
	    REG_MULTILINE, 1000, NULL, { "依据", NULL, NULL },
	    "法律、法规或规章的名称及条款，如《…条例》第十二条", NULL },
	[P_MATTER] = { "matter", "适用事项", REG_TEXT, REG_REQUIRED, 300,
	    NULL, { "办理事项", "涉及事项", NULL },
	    "需要这项证明的政务服务事项", NULL },
	[P_ISSUER] = { "issuer", "开具单位", REG_TEXT, 0, 100, NULL,
	    { "出具单位", NULL, NULL }, "出具证明的单位，如 户籍所在地派出所",
	    NULL },
	[P_PROMISE] = { "promise", "是否实行告知承诺制", REG_BOOL,
	    REG_REQUIRED, 0, NULL, { "告知承诺制", "实行告知承诺", NULL },
	    "申请人书面承诺即可、不再索要证明的填 是", NULL },
	[P_STATUS] = { "status", "状态", REG_ENUM, 0, 0, statuses,
	    { "清单状态", NULL, NULL }, NULL, "保留" },
	[P_LISTED] = { "listed", "清单公布日期", REG_DATE, REG_REQUIRED, 0,
	    NULL, { "公布日期", "调整日期", NULL },
	    "列入（或取消）这一事项的清单的公布日期；每年调整或确认清单后"
	    "改为新清单的日期", NULL },
	[P_NOTE] = { "note", "备注", REG_TEXT, REG_MULTILINE, 500, NULL,
	    { "说明", NULL, NULL }, NULL, NULL },
};

static void
proof_check(const struct reg_desc *d, const struct reg_record *r,
    const char *today, struct reg_problems *p)
{
	const struct reg_value	*listed = &r->v[P_LISTED],
				*status = &r->v[P_STATUS],
				*promise = &r->v[P_PROMISE];

	(void)d;
	if (today != NULL && !listed->null && strcmp(listed->s, today) > 0)
		reg_problem(p, P_LISTED, "%s晚于今天（%s）：不能登记尚未公布的"
		    "清单", listed->s, today);
	if (!status->null && str_eq(status->s, "取消") && !promise->null &&
	    promise->i)
		reg_problem(p, P_PROMISE, "已取消的证明事项不再索要，也就不实行"
		    "告知承诺制：应填 否");
}

const struct reg_desc reg_proof = {
	.key = "proof",
	.name = "证明事项清单",
	.table = "reg_proof_item",
	.record_name = "证明事项",
	.fields = fields,
	.nfields = P__MAX,
	.owner = P_UNIT,
	.key_field = P_NAME,
	.date = P_LISTED,
	.title = P_MATTER,
	.expires = -1,
	.status = P_STATUS,
	.inactive = inactive,
	.check = proof_check,
};
