/*
 * reg_activity.c: the registry of 活动 (tasks 2, 3, 7 and 15 of the
 * reference plan): one record per meeting, lecture, court hearing
 * attended, study session, training or drill, kept by the unit that
 * organised it, with who led it and how many took part; photos and
 * sign-in sheets are its evidence files. The plan's "不少于N次" targets
 * are counts of these records; the rules are in activity_check().
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum {
	A_UNIT, A_NO, A_KIND, A_TITLE, A_HELD, A_PLACE, A_HOST, A_CHIEF,
	A_LEADERS, A_COUNT, A_PEOPLE, A_NOTE, A__MAX
};

/*
 * 活动类型, in the plan's words: 部署会议 ("党政主要负责人每年召开安排部署
 * 法治政府建设年度重点工作会议", task 2); 常务会议研究法治工作 ("县政府常务
 * 会议定期研究法治工作或听取法治政府建设工作汇报", task 3); 法治专题讲座,
 * 常务会议学法 and 集体学法 ("政府常务会议及…理论学习中心组法治专题讲座和
 * 集体学法制度", task 3); 旁听庭审 ("政府及其部门领导班子成员旁听庭审活动",
 * task 3); 培训 and 应急演练 ("组织工作人员专题培训和应急演练", task 15);
 * 政府开放月 and 居民公开议事日 (task 7); 其他.
 */
static const char *const kinds[] = {
	"部署会议", "常务会议研究法治工作", "法治专题讲座", "常务会议学法",
	"集体学法", "旁听庭审", "培训", "应急演练", "政府开放月",
	"居民公开议事日", "其他", NULL
};

static const struct reg_field fields[A__MAX] = {
	[A_UNIT] = { "unit", "组织单位", REG_UNIT, REG_REQUIRED | REG_OWNER,
	    0, NULL, { "主办单位", "单位", NULL },
	    "单位编码、全称或简称", NULL },
	[A_NO] = { "activity_no", "活动编号", REG_TEXT, REG_REQUIRED, 40, NULL,
	    { "编号", NULL, NULL }, "本单位自编，不重复，如 2022-03", NULL },
	[A_KIND] = { "kind", "活动类型", REG_ENUM, REG_REQUIRED, 0, kinds,
	    { "类型", NULL, NULL }, NULL, NULL },
	[A_TITLE] = { "title", "活动名称", REG_TEXT, REG_REQUIRED, 200, NULL,
	    { "名称", "主题", NULL }, NULL, NULL },
	[A_HELD] = { "held", "活动日期", REG_DATE, REG_REQUIRED, 0, NULL,
	    { "日期", "举办日期", NULL }, "活动举行的日期；不能晚于今天", NULL },
	[A_PLACE] = { "place", "地点", REG_TEXT, 0, 100, NULL,
	    { "活动地点", NULL, NULL }, NULL, NULL },
	[A_HOST] = { "host", "主讲人或主持人", REG_TEXT, 0, 100, NULL,
	    { "主讲人", "主持人", NULL }, "讲座写主讲人，会议写主持人", NULL },
	[A_CHIEF] = { "chief", "主要负责人出席", REG_BOOL, 0, 0, NULL,
	    { "主要负责人参加", NULL, NULL },
	    "党政主要负责人召开、主持或出席的填 是；部署会议必填", NULL },
	[A_LEADERS] = { "leaders", "领导班子成员人数", REG_INT, 0, 0, NULL,
	    { "领导班子成员参加人数", NULL, NULL },
	    "参加的本单位领导班子成员人数；旁听庭审必填", NULL },
	[A_COUNT] = { "attendance", "参加人数", REG_INT, 0, 0, NULL,
	    { "人数", NULL, NULL }, "不少于 0", NULL },
	[A_PEOPLE] = { "attendees", "参加人员", REG_TEXT, REG_MULTILINE, 1000,
	    NULL, { "参会人员", NULL, NULL }, "姓名及职务，或参加范围", NULL },
	[A_NOTE] = { "note", "备注", REG_TEXT, REG_MULTILINE, 500, NULL,
	    { "说明", NULL, NULL }, NULL, NULL },
};

static void
activity_check(const struct reg_desc *d, const struct reg_record *r,
    const char *today, struct reg_problems *p)
{
	const struct reg_value	*held = &r->v[A_HELD], *kind = &r->v[A_KIND],
				*chief = &r->v[A_CHIEF], *lead = &r->v[A_LEADERS],
				*cnt = &r->v[A_COUNT];

	(void)d;
	if (today != NULL && !held->null && strcmp(held->s, today) > 0)
		reg_problem(p, A_HELD, "%s晚于今天（%s）：不能登记尚未举行的"
		    "活动", held->s, today);
	if (!cnt->null && cnt->i < 0)
		reg_problem(p, A_COUNT, "参加人数 %lld 不能为负数",
		    (long long)cnt->i);
	if (!lead->null && lead->i < 0)
		reg_problem(p, A_LEADERS, "领导班子成员人数 %lld 不能为负数",
		    (long long)lead->i);
	else if (!lead->null && !cnt->null && cnt->i >= 0 &&
	    lead->i > cnt->i)
		reg_problem(p, A_LEADERS, "领导班子成员人数 %lld 多于参加人数 "
		    "%lld", (long long)lead->i, (long long)cnt->i);
	else if (!chief->null && chief->i && !lead->null && lead->i == 0)
		reg_problem(p, A_LEADERS, "主要负责人出席，领导班子成员人数"
		    "至少为 1");
	if (kind->null)
		return;
	if (str_eq(kind->s, "部署会议") && chief->null)
		reg_problem(p, A_CHIEF, "部署会议须填写主要负责人是否出席（是 "
		    "或 否）：计划要求党政主要负责人召开");
	if (str_eq(kind->s, "旁听庭审") && lead->null)
		reg_problem(p, A_LEADERS, "旁听庭审须填写参加的领导班子成员"
		    "人数：计划要求领导班子成员旁听");
}

const struct reg_desc reg_activity = {
	.key = "activity",
	.name = "活动",
	.table = "reg_activity",
	.record_name = "活动",
	.fields = fields,
	.nfields = A__MAX,
	.owner = A_UNIT,
	.key_field = A_NO,
	.date = A_HELD,
	.title = A_TITLE,
	.expires = -1,
	.status = -1,
	.inactive = NULL,
	.check = activity_check,
};
