/*
 * reg_litigation.c: the registry of 行政应诉 (task 19 of the reference plan:
 * "确保行政案件涉案部门负责人100%出庭应诉"): one record per hearing (开庭)
 * of a case in one instance (审级), or one per case-instance not heard,
 * kept by the defendant unit (被告). Indicators count per case and
 * instance (params.group_by), as 法释〔2020〕3号第七条 asks; the year is
 * that of the 应诉通知日期, which every hearing of an instance shares.
 * The rules that tie the fields together are in litigation_check().
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum {
	L_UNIT, L_REG_NO, L_CASE_NO, L_CAUSE, L_PLAINTIFF, L_COURT,
	L_INSTANCE, L_NOTICED, L_HEARD, L_HEARING, L_HEAD, L_RANK, L_REASON,
	L_STAFF, L_OUTCOME, L_JUDGED, L_NOTE, L__MAX
};

static const char *const instances[] = { "一审", "二审", "再审", NULL };

/*
 * 职务级别 of who appeared as 负责人. 法释〔2020〕3号第二条: the 负责人 of
 * 行政诉讼法第三条第三款 are the 正职 and 副职 负责人, the 副职-level
 * 负责人 taking part in 分管 of the act sued on, and the other 负责人
 * taking part in its 分管 (the last two: 分管负责人). The 负责人 of an
 * organisation it entrusted or of a lower agency is none: 其他工作人员,
 * counted as a 负责人 not appearing.
 */
static const char *const ranks[] = {
	"正职", "副职", "分管负责人", "其他工作人员", NULL
};
#define IS_HEAD(s)	((s) != NULL && !str_eq((s), "其他工作人员"))

/*
 * 裁判结果, from the 行政诉讼法: judgments of first instance 驳回诉讼请求
 * (第六十九条), 撤销 or 部分撤销 (第七十条), 责令履行 (第七十二条), 给付
 * (第七十三条), 确认违法 (第七十四条), 确认无效 (第七十五条), 变更 (第七十七
 * 条); rulings 驳回起诉 and 准许撤诉 (原告撤诉, 第六十二条); 调解 (第六十
 * 条); second instance 维持原判, 改判, 发回重审 (第八十九条); 驳回再审申请.
 * 行政协议 judgments (第七十八条) are entered as 责令履行 or 给付.
 */
static const char *const outcomes[] = {
	"驳回诉讼请求", "撤销", "确认违法", "确认无效", "责令履行", "给付",
	"变更", "驳回起诉", "原告撤诉", "调解", "维持原判", "改判", "发回重审",
	"驳回再审申请", "其他", NULL
};

static const struct reg_field fields[L__MAX] = {
	[L_UNIT] = { "unit", "被告", REG_UNIT, REG_REQUIRED | REG_OWNER, 0,
	    NULL, { "被告单位", "应诉机关", NULL }, "单位编码、全称或简称",
	    NULL },
	[L_REG_NO] = { "reg_no", "登记编号", REG_TEXT, REG_REQUIRED, 80, NULL,
	    { "编号", NULL, NULL }, "案号加开庭次序，如 （2022）鲁1522行初12号-"
	    "1；未开庭的写案号", NULL },
	[L_CASE_NO] = { "case_no", "案号", REG_TEXT, REG_REQUIRED, 60, NULL,
	    { "案件编号", NULL, NULL }, "同一案件同一审级的各次开庭写同一案号",
	    NULL },
	[L_CAUSE] = { "cause", "案由", REG_TEXT, REG_REQUIRED, 100, NULL,
	    { NULL, NULL, NULL }, "如 不服行政处罚决定", NULL },
	[L_PLAINTIFF] = { "plaintiff", "原告", REG_TEXT, 0, 200, NULL,
	    { "原告（上诉人）", NULL, NULL }, "二审、再审写上诉人、再审申请人",
	    NULL },
	[L_COURT] = { "court", "法院", REG_TEXT, REG_REQUIRED, 60, NULL,
	    { "审理法院", "受理法院", NULL }, NULL, NULL },
	[L_INSTANCE] = { "instance", "审级", REG_ENUM, REG_REQUIRED, 0,
	    instances, { "审理程序", NULL, NULL }, NULL, NULL },
	[L_NOTICED] = { "noticed", "应诉通知日期", REG_DATE, REG_REQUIRED, 0,
	    NULL, { "收到应诉通知书日期", "应诉通知书日期", NULL },
	    "收到人民法院应诉通知书（二审、再审为上诉状副本或再审通知）的日"
	    "期；案件按此日期计入年度", NULL },
	[L_HEARD] = { "heard", "是否开庭", REG_BOOL, REG_REQUIRED, 0, NULL,
	    { "开庭", NULL, NULL }, "是 或 否（书面审理、未开庭即结案的填否）",
	    NULL },
	[L_HEARING] = { "hearing_date", "开庭日期", REG_DATE, 0, 0, NULL,
	    { "开庭时间", NULL, NULL }, "每次开庭一条记录；已定未开的可先登记",
	    NULL },
	[L_HEAD] = { "head", "出庭负责人", REG_TEXT, 0, 60, NULL,
	    { "出庭应诉负责人", NULL, NULL }, "姓名及职务，如 张三（局长）；"
	    "负责人未出庭的留空", NULL },
	[L_RANK] = { "head_rank", "职务级别", REG_ENUM, 0, 0, ranks,
	    { "负责人职务级别", NULL, NULL }, "分管负责人：参与分管被诉行政行为"
	    "实施工作的负责人；受委托组织、下级机关的负责人填其他工作人员"
	    "（法释〔2020〕3号第二条）", NULL },
	[L_REASON] = { "absence_reason", "未出庭原因", REG_TEXT, REG_MULTILINE,
	    200, NULL, { "负责人未出庭原因", "不出庭原因", NULL },
	    "负责人未出庭的须填写：不可抗力、意外事件、需要履行他人不能代替的"
	    "公务等（法释〔2020〕3号第八条）", NULL },
	[L_STAFF] = { "staff", "出庭应诉工作人员", REG_TEXT, 0, 100, NULL,
	    { "出庭工作人员", "委托出庭人员", NULL }, NULL, NULL },
	[L_OUTCOME] = { "outcome", "裁判结果", REG_ENUM, 0, 0, outcomes,
	    { "判决结果", "结案方式", NULL }, "本审级结案时填写", NULL },
	[L_JUDGED] = { "judged", "裁判日期", REG_DATE, 0, 0, NULL,
	    { "判决日期", "结案日期", NULL }, NULL, NULL },
	[L_NOTE] = { "note", "备注", REG_TEXT, REG_MULTILINE, 500, NULL,
	    { "说明", NULL, NULL }, NULL, NULL },
};

static const char *
text_of(const struct reg_record *r, int f)
{
	return r->v[f].null ? NULL : r->v[f].s;
}

static void
litigation_check(const struct reg_desc *d, const struct reg_record *r,
    const char *today, struct reg_problems *p)
{
	const char	*noticed = text_of(r, L_NOTICED),
			*hearing = text_of(r, L_HEARING),
			*head = text_of(r, L_HEAD), *rank = text_of(r, L_RANK),
			*reason = text_of(r, L_REASON),
			*outcome = text_of(r, L_OUTCOME),
			*judged = text_of(r, L_JUDGED),
			*instance = text_of(r, L_INSTANCE);
	static const int dated[] = { L_NOTICED, L_JUDGED };
	static const int hearing_only[] = { L_HEARING, L_HEAD, L_RANK,
	    L_REASON, L_STAFF };
	int		 heard = !r->v[L_HEARD].null && r->v[L_HEARD].i != 0;
	int		 held, appeared;
	size_t		 i;

	(void)d;
	for (i = 0; today != NULL && i < sizeof(dated) / sizeof(dated[0]);
	    i++)
		if (text_of(r, dated[i]) != NULL &&
		    strcmp(text_of(r, dated[i]), today) > 0)
			reg_problem(p, dated[i], "%s晚于今天（%s）：不能登记尚未"
			    "发生的日期", text_of(r, dated[i]), today);
	if (!r->v[L_HEARD].null && !heard) {
		for (i = 0; i < sizeof(hearing_only) / sizeof(hearing_only[0]);
		    i++)
			if (!r->v[hearing_only[i]].null)
				reg_problem(p, hearing_only[i], "是否开庭为“否”，"
				    "不填%s", fields[hearing_only[i]].label);
		goto judgment;
	}
	if (heard && hearing == NULL)
		reg_problem(p, L_HEARING, "是否开庭为“是”，须填写开庭日期（"
		    "每次开庭一条记录）");
	if (hearing != NULL && noticed != NULL && strcmp(hearing, noticed) < 0)
		reg_problem(p, L_HEARING, "开庭日期 %s 早于应诉通知日期 %s",
		    hearing, noticed);
	if (head != NULL && rank == NULL)
		reg_problem(p, L_RANK, "填写了出庭负责人，须填写其职务级别");
	else if (head == NULL && rank != NULL)
		reg_problem(p, L_HEAD, "填写了职务级别，但没有出庭负责人");
	held = hearing != NULL && (today == NULL ||
	    strcmp(hearing, today) <= 0);
	if (hearing != NULL && !held && (head != NULL || reason != NULL)) {
		reg_problem(p, head != NULL ? L_HEAD : L_REASON, "开庭日期 %s "
		    "晚于今天：尚未开庭，开庭后再登记出庭情况", hearing);
		goto judgment;
	}
	appeared = head != NULL && IS_HEAD(rank);
	if (held && !appeared && (head == NULL || rank != NULL) &&
	    reason == NULL) {
		if (head != NULL)
			reg_problem(p, L_REASON, "出庭的“%s”职务级别为其他工作"
			    "人员，不是负责人（法释〔2020〕3号第二条）：须填写负责"
			    "人未出庭的原因", head);
		else
			reg_problem(p, L_REASON, "开庭时负责人未出庭，须填写未"
			    "出庭原因（法释〔2020〕3号第八条）");
	} else if (appeared && reason != NULL)
		reg_problem(p, L_REASON, "负责人已出庭，不填未出庭原因");
judgment:
	if (outcome != NULL && judged == NULL)
		reg_problem(p, L_JUDGED, "填写了裁判结果，须填写裁判日期");
	else if (outcome == NULL && judged != NULL)
		reg_problem(p, L_OUTCOME, "填写了裁判日期，须填写裁判结果");
	if (judged != NULL && noticed != NULL && strcmp(judged, noticed) < 0)
		reg_problem(p, L_JUDGED, "裁判日期 %s 早于应诉通知日期 %s",
		    judged, noticed);
	else if (judged != NULL && hearing != NULL &&
	    strcmp(judged, hearing) < 0)
		reg_problem(p, L_JUDGED, "裁判日期 %s 早于开庭日期 %s：本次开"
		    "庭应在裁判之前", judged, hearing);
	if (outcome != NULL && instance != NULL && str_eq(instance, "一审") &&
	    (str_eq(outcome, "维持原判") || str_eq(outcome, "改判") ||
	    str_eq(outcome, "发回重审")))
		reg_problem(p, L_OUTCOME, "“%s”是二审、再审的裁判结果，本记录"
		    "审级为一审", outcome);
	if (outcome != NULL && instance != NULL &&
	    str_eq(outcome, "驳回再审申请") && !str_eq(instance, "再审"))
		reg_problem(p, L_OUTCOME, "“驳回再审申请”只用于再审，本记录"
		    "审级为%s", instance);
}

const struct reg_desc reg_litigation = {
	.key = "litigation",
	.name = "行政应诉",
	.table = "reg_litigation",
	.record_name = "应诉记录",
	.fields = fields,
	.nfields = L__MAX,
	.owner = L_UNIT,
	.key_field = L_REG_NO,
	.date = L_NOTICED,
	.title = L_CASE_NO,
	.expires = -1,
	.status = -1,
	.inactive = NULL,
	.check = litigation_check,
};
