/*
 * work.c: the common ground of the workflow: who the actor is and what its
 * roles let it do, the Chinese names of states, progress and return
 * reasons, settings with their defaults, and the transaction-and-audit
 * helpers every workflow operation ends with.
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "work-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum fz_err
core_actor_load(struct store *st, int64_t account_id, struct account *a,
    struct actor *ac)
{
	enum fz_err	 rc;

	memset(a, 0, sizeof(*a));
	memset(ac, 0, sizeof(*ac));
	a->id = account_id;
	if ((rc = store_account_get(st, NULL, a)) != FZ_OK)
		return rc;
	if (a->disabled)
		return FZ_EPERM;
	core_actor_of(a, ac);
	return FZ_OK;
}

void
core_actor_of(const struct account *a, struct actor *ac)
{
	memset(ac, 0, sizeof(*ac));
	ac->account_id = a->id;
	ac->login = a->login;
	ac->is_admin = a->is_admin;
	ac->roles = a->roles;
	ac->nroles = a->nroles;
}

void
core_actor_system(struct actor *ac)
{
	memset(ac, 0, sizeof(*ac));
	ac->login = "fazhi";
}

static int
has_role(const struct actor *ac, enum staff_role r)
{
	size_t	 i;

	for (i = 0; i < ac->nroles; i++)
		if (ac->roles[i].role == r)
			return 1;
	return 0;
}

int
core_actor_reads_all(const struct actor *ac)
{
	return ac->account_id == 0 || ac->is_admin ||
	    has_role(ac, STAFF_SUPERVISOR) || has_role(ac, STAFF_LEADER);
}

int
core_actor_supervises(const struct actor *ac)
{
	return has_role(ac, STAFF_SUPERVISOR);
}

int
core_actor_in_unit(const struct actor *ac, int64_t unit_id, unsigned roles)
{
	size_t	 i;

	for (i = 0; i < ac->nroles; i++)
		if (ac->roles[i].unit_id == unit_id && (roles == 0 ||
		    (roles & ROLEBIT(ac->roles[i].role))))
			return 1;
	return 0;
}

static const struct {
	const char	*key;
	const char	*name;
} states[] = {
	/* assignments */
	{ "assigned", "交办" }, { "claimed", "领办" }, { "reported", "反馈" },
	{ "returned", "退回" }, { "accepted", "审核通过" },
	{ "closed", "办结" }, { "overdue", "反馈逾期" },
	{ "claim_overdue", "领办逾期" },
	/* reports */
	{ "draft", "草稿" }, { "pending", "待负责人审批" },
	{ "submitted", "待审核" },
	/* extensions */
	{ "pending_ext", "待审批" }, { "approved", "已批准" },
	{ "refused", "未批准" },
	/* report events */
	{ "save", "保存" }, { "submit", "提交" }, { "approve", "负责人审批通过" },
	{ "send_back", "负责人退回修改" }, { "accept", "审核通过" },
	{ "return", "审核退回" },
}, progress[] = {
	{ "not_started", "未开始" }, { "in_progress", "推进中" },
	{ "done", "已完成" }, { "blocked", "受阻" },
}, reasons[] = {
	{ "R01", "内容空泛，未反映实际工作" },
	{ "R02", "缺少佐证材料" },
	{ "R03", "数据不准确或前后不一致" },
	{ "R04", "与任务要求不符" },
	{ "R05", "进度滞后且未说明原因" },
	{ "R06", "未引用或遗漏配合单位情况" },
	{ "R99", "其他（见审核意见）" },
};

#define LOOKUP(tab, key) do {						\
	size_t	 i_;							\
	for (i_ = 0; key != NULL && i_ < sizeof(tab) / sizeof(tab[0]); i_++) \
		if (str_eq(tab[i_].key, key))				\
			return tab[i_].name;				\
	return "";							\
} while (0)

const char *
core_state_name(const char *key)
{
	LOOKUP(states, key);
}

const char *
core_progress_name(const char *key)
{
	LOOKUP(progress, key);
}

const char *
core_reason_name(const char *key)
{
	LOOKUP(reasons, key);
}

json_t *
core_reasons_json(void)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		json_array_append_new(a, json_pack("{s:s,s:s}", "code",
		    reasons[i].key, "name", reasons[i].name));
	return a;
}

int
work_valid_key(const char *s, const char *const *keys)
{
	for (; s != NULL && *keys != NULL; keys++)
		if (str_eq(s, *keys))
			return 1;
	return 0;
}

/* Settings: key, default, bounds and what it means. */
static const struct setting {
	const char	*key;
	long		 def, min, max;
	const char	*name;
} settings[] = {
	{ "light.yellow_days", 3, 0, 60,
	    "截止前多少个工作日未报送即亮黄灯" },
	{ "light.red_returns", 2, 1, 20, "被退回多少次即亮红灯" },
	{ "light.claim_days", 10, 1, 60,
	    "报送期开始后多少个工作日内未领办即为领办逾期（亮黄灯）" },
	{ "upload.max_bytes", 20L * 1024 * 1024, 1024, 64L * 1024 * 1024,
	    "单个佐证材料的最大字节数" },
	{ "upload.max_files", 20, 1, 200, "每份报告最多佐证材料数" },
	{ "escalate.remind_days", 1, 1, 250,
	    "整改或报送逾期多少个工作日提醒" },
	{ "escalate.urge_days", 3, 1, 250, "逾期多少个工作日催办" },
	{ "escalate.bulletin_days", 5, 1, 250, "逾期多少个工作日通报" },
	{ "escalate.interview_days", 10, 1, 250,
	    "逾期多少个工作日拟约谈（由依法治县办确认）" },
};
#define NSETTINGS	(sizeof(settings) / sizeof(settings[0]))

static const struct setting *
setting_find(const char *key)
{
	size_t	 i;

	for (i = 0; i < NSETTINGS; i++)
		if (str_eq(settings[i].key, key))
			return &settings[i];
	return NULL;
}

long
core_setting_int(struct store *st, const char *key)
{
	const struct setting	*s = setting_find(key);
	char			*v = NULL;
	long long		 n;
	long			 out;

	if (s == NULL)
		return 0;
	out = s->def;
	if (store_setting_get(st, key, &v) == FZ_OK &&
	    str_toint(v, s->min, s->max, &n) == FZ_OK)
		out = (long)n;
	free(v);
	return out;
}

enum fz_err
core_setting_set(struct store *st, const struct actor *ac, const char *key,
    const char *value, struct diags *dg)
{
	const struct setting	*s = setting_find(key);
	long long		 n;
	long			 old;
	enum fz_err		 rc;

	if (!ac->is_admin && !core_actor_supervises(ac))
		return work_fail(dg, FZ_EPERM, "error",
		    "只有系统管理员或依法治县办可以修改设置");
	if (s == NULL)
		return work_fail(dg, FZ_EINVAL, key, "没有名为“%s”的设置",
		    key);
	if (value == NULL || str_toint(value, s->min, s->max, &n) != FZ_OK)
		return work_fail(dg, FZ_EINVAL, key,
		    "“%s”应为 %ld 到 %ld 之间的整数", s->name, s->min, s->max);
	old = core_setting_int(st, key);
	if ((rc = store_begin(st)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	rc = store_setting_put(st, key, value, work_actor_name(ac));
	if (rc == FZ_OK)
		rc = work_audit(st, ac, "setting.set", key, 0,
		    json_pack("{s:I}", "value", (json_int_t)old),
		    json_pack("{s:I}", "value", (json_int_t)n));
	return work_end(st, rc, dg);
}

json_t *
core_settings_json(struct store *st)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < NSETTINGS; i++)
		json_array_append_new(a, json_pack("{s:s,s:I,s:I,s:I,s:I,s:s}",
		    "key", settings[i].key, "value",
		    (json_int_t)core_setting_int(st, settings[i].key),
		    "default", (json_int_t)settings[i].def,
		    "min", (json_int_t)settings[i].min,
		    "max", (json_int_t)settings[i].max,
		    "name", settings[i].name));
	return a;
}

enum fz_err
work_fail(struct diags *dg, enum fz_err rc, const char *field,
    const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diags_error(dg, 0, 0, field ? field : "error", "%s", msg);
	return rc;
}

enum fz_err
work_store_fail(struct store *st, struct diags *dg, enum fz_err rc)
{
	if (rc == FZ_EDB || rc == FZ_EIO)
		return work_fail(dg, rc, "error", "数据库错误：%s",
		    store_errmsg(st));
	return work_fail(dg, rc, "error", "%s", store_errmsg(st));
}

const char *
work_actor_name(const struct actor *ac)
{
	return ac->login ? ac->login : "fazhi";
}

enum fz_err
work_audit(struct store *st, const struct actor *ac, const char *action,
    const char *kind, int64_t id, json_t *before, json_t *after)
{
	json_t		*d = json_object();
	char		 obj[128], *s;
	enum fz_err	 rc;

	if (id != 0)
		snprintf(obj, sizeof(obj), "%s/%lld", kind, (long long)id);
	else
		snprintf(obj, sizeof(obj), "%s", kind);
	json_object_set_new(d, "before", before ? before : json_null());
	json_object_set_new(d, "after", after ? after : json_null());
	s = json_dumps(d, JSON_COMPACT | JSON_PRESERVE_ORDER);
	rc = store_audit(st, work_actor_name(ac), action, obj, s);
	free(s);
	json_decref(d);
	return rc;
}

enum fz_err
work_end(struct store *st, enum fz_err rc, struct diags *dg)
{
	enum fz_err	 crc;

	if (rc != FZ_OK) {
		store_rollback(st);
		if (dg->nerrors == 0)
			work_store_fail(st, dg, rc);
		return rc;
	}
	if ((crc = store_commit(st)) != FZ_OK) {
		store_rollback(st);
		return work_store_fail(st, dg, crc);
	}
	return FZ_OK;
}

json_t *
work_report_brief(const struct report *r)
{
	return json_pack("{s:s,s:s,s:i,s:i,s:i,s:s}", "state", r->state,
	    "progress", r->progress, "returns", r->returns, "submissions",
	    r->submissions, "late", r->late, "measures",
	    r->measures ? r->measures : "");
}
