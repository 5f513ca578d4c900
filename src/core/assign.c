/*
 * assign.c: the units' share of the tasks and the deadlines around it:
 * 领办 (a unit takes its task up), 办结 (the supervisor closes it once an
 * accepted report says it is done), designating the members of an 有关
 * group, 延期 requests with the original and the new deadline kept,
 * moving a period's due date with its history, and 催办 notices.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "work-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static json_t *
asg_brief(const struct assignment *a)
{
	return json_pack("{s:I,s:I,s:s,s:s}", "task_id",
	    (json_int_t)a->task_id, "unit_id", (json_int_t)a->unit_id,
	    "role", a->role, "state", a->state);
}

static enum fz_err
load_asg(struct store *st, int64_t id, struct assignment *a,
    struct diags *dg)
{
	enum fz_err	 rc;

	if ((rc = store_assignment_get(st, id, a)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "任务分工 %lld 不存在",
		    (long long)id);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	return FZ_OK;
}

static enum fz_err
save_asg(struct store *st, const struct actor *ac, const char *action,
    struct assignment *a, json_t *before, struct diags *dg)
{
	enum fz_err	 rc;

	if ((rc = store_begin(st)) != FZ_OK) {
		json_decref(before);
		return work_store_fail(st, dg, rc);
	}
	rc = a->id ? store_assignment_update(st, a) :
	    store_assignment_add(st, a);
	if (rc == FZ_OK)
		rc = work_audit(st, ac, action, "assignment", a->id, before,
		    asg_brief(a));
	else
		json_decref(before);
	return work_end(st, rc, dg);
}

enum fz_err
core_assignment_claim(struct store *st, const struct actor *ac, int64_t id,
    struct diags *dg)
{
	struct assignment	 a;
	json_t			*before;
	enum fz_err		 rc;

	if ((rc = load_asg(st, id, &a, dg)) != FZ_OK)
		return rc;
	if (!core_actor_in_unit(ac, a.unit_id, ROLES_UNIT))
		return work_fail(dg, FZ_EPERM, "id", "只能领办本单位的任务");
	if (!str_eq(a.state, "assigned"))
		return work_fail(dg, FZ_EINVAL, "state", "该任务已%s",
		    core_state_name(a.state));
	before = asg_brief(&a);
	snprintf(a.state, sizeof(a.state), "claimed");
	date_now(a.claimed_at);
	snprintf(a.claimed_by, sizeof(a.claimed_by), "%s",
	    work_actor_name(ac));
	return save_asg(st, ac, "assignment.claim", &a, before, dg);
}

enum fz_err
core_assignment_close(struct store *st, const struct actor *ac, int64_t id,
    struct diags *dg)
{
	struct assignment	 a;
	struct report_filter	 f;
	struct report		*v = NULL;
	size_t			 n = 0, i;
	int64_t			 total;
	int			 done = 0;
	json_t			*before;
	enum fz_err		 rc;

	if ((rc = load_asg(st, id, &a, dg)) != FZ_OK)
		return rc;
	if (!core_actor_supervises(ac))
		return work_fail(dg, FZ_EPERM, "id", "只有依法治县办可以办结任务");
	if (core_actor_in_unit(ac, a.unit_id, 0))
		return work_fail(dg, FZ_EPERM, "id", "不能办结本单位的任务");
	if (str_eq(a.state, "closed"))
		return work_fail(dg, FZ_EINVAL, "state", "该任务已办结");
	memset(&f, 0, sizeof(f));
	f.task_id = a.task_id;
	f.unit_id = a.unit_id;
	f.state = "accepted";
	f.limit = 1000;
	if ((rc = store_report_list(st, &f, &v, &n, &total)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	for (i = 0; i < n; i++) {
		done |= str_eq(v[i].progress, "done");
		report_release(&v[i]);
	}
	free(v);
	if (!done)
		return work_fail(dg, FZ_EINVAL, "state", "该单位尚无审核通过的"
		    "“已完成”报告，不能办结");
	before = asg_brief(&a);
	snprintf(a.state, sizeof(a.state), "closed");
	date_now(a.closed_at);
	snprintf(a.closed_by, sizeof(a.closed_by), "%s", work_actor_name(ac));
	return save_asg(st, ac, "assignment.close", &a, before, dg);
}

enum fz_err
core_assignment_designate(struct store *st, const struct actor *ac,
    int64_t task_id, int64_t unit_id, const char *role,
    struct assignment *a, struct diags *dg)
{
	static const char *const roles[] = { "lead", "responsible", NULL };
	struct assignment	 have;
	enum fz_err		 rc;

	if (!core_actor_supervises(ac))
		return work_fail(dg, FZ_EPERM, "error",
		    "只有依法治县办可以指定承办单位");
	if (!work_valid_key(role, roles))
		return work_fail(dg, FZ_EINVAL, "role",
		    "角色应为 lead（牵头）或 responsible（责任）");
	if ((rc = store_assignment_find(st, task_id, unit_id, &have)) ==
	    FZ_OK)
		return work_fail(dg, FZ_ECONFLICT, "unit_id",
		    "%s已承担此项任务", have.unit_name);
	memset(a, 0, sizeof(*a));
	a->task_id = task_id;
	a->unit_id = unit_id;
	snprintf(a->role, sizeof(a->role), "%s", role);
	snprintf(a->source, sizeof(a->source), "designated");
	snprintf(a->state, sizeof(a->state), "assigned");
	rc = save_asg(st, ac, "assignment.designate", a, NULL, dg);
	if (rc == FZ_ECONFLICT || rc == FZ_EDB) {
		/* A foreign key: no such task or unit. */
		diags_release(dg);
		return work_fail(dg, FZ_EINVAL, "unit_id", "任务或单位不存在");
	}
	if (rc == FZ_OK && store_assignment_get(st, a->id, a) != FZ_OK)
		return FZ_OK;
	return rc;
}

enum fz_err
core_extension_request(struct store *st, const struct actor *ac,
    struct extension *e, struct diags *dg)
{
	struct assignment	 a;
	struct period		 p;
	char			 due[11];
	int			 grace;
	long			 d0, d1;
	enum fz_err		 rc;

	if (!core_actor_in_unit(ac, e->unit_id, ROLES_UNIT))
		return work_fail(dg, FZ_EPERM, "unit_id",
		    "只能为本单位申请延期");
	if (store_assignment_find(st, e->task_id, e->unit_id, &a) != FZ_OK)
		return work_fail(dg, FZ_EINVAL, "task_id",
		    "本单位不承担此项任务");
	if (store_period_get(st, e->period_id, &p) != FZ_OK ||
	    p.plan_id != a.plan_id)
		return work_fail(dg, FZ_EINVAL, "period_id",
		    "报送期不存在或不属于该任务所在的计划");
	if (p.locked)
		return work_fail(dg, FZ_EINVAL, "period_id",
		    "报送期“%s”已锁定", p.name);
	if (e->reason == NULL || e->reason[0] == '\0')
		return work_fail(dg, FZ_EINVAL, "reason", "请写明延期理由");
	if (strlen(e->reason) > 2000)
		return work_fail(dg, FZ_EINVAL, "reason", "延期理由过长");
	if ((rc = store_deadline(st, p.id, a.task_id, a.unit_id, due,
	    &grace)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	if (date_days(e->requested_due, &d1) != FZ_OK)
		return work_fail(dg, FZ_EINVAL, "due",
		    "申请的截止日期应为有效的 YYYY-MM-DD");
	if (date_days(due, &d0) == FZ_OK && d1 <= d0)
		return work_fail(dg, FZ_EINVAL, "due",
		    "申请的截止日期应晚于现在的截止日期 %s", due);
	snprintf(e->original_due, sizeof(e->original_due), "%s", due);
	snprintf(e->requested_by, sizeof(e->requested_by), "%s",
	    work_actor_name(ac));
	if ((rc = store_begin(st)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	rc = store_extension_add(st, e);
	if (rc == FZ_OK)
		rc = work_audit(st, ac, "extension.request", "extension",
		    e->id, NULL, json_pack("{s:I,s:I,s:I,s:s,s:s,s:s}",
		    "period_id", (json_int_t)e->period_id, "task_id",
		    (json_int_t)e->task_id, "unit_id", (json_int_t)e->unit_id,
		    "original_due", e->original_due, "requested_due",
		    e->requested_due, "reason", e->reason));
	return work_end(st, rc, dg);
}

enum fz_err
core_extension_decide(struct store *st, const struct actor *ac, int64_t id,
    int approve, const char *comment, struct diags *dg)
{
	struct extension	 e;
	const char		*to = approve ? "approved" : "refused";
	enum fz_err		 rc;

	if ((rc = store_extension_get(st, id, &e)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "延期申请 %lld 不存在",
		    (long long)id);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if (!core_actor_supervises(ac))
		rc = work_fail(dg, FZ_EPERM, "id",
		    "只有依法治县办可以审批延期申请");
	else if (core_actor_in_unit(ac, e.unit_id, 0))
		rc = work_fail(dg, FZ_EPERM, "id", "不能审批本单位的延期申请");
	else if (!str_eq(e.state, "pending"))
		rc = work_fail(dg, FZ_EINVAL, "state", "该申请已%s",
		    core_state_name(e.state));
	else if (!approve && (comment == NULL || *comment == '\0'))
		rc = work_fail(dg, FZ_EINVAL, "comment", "不予批准须写明理由");
	if (rc == FZ_OK && (rc = store_begin(st)) != FZ_OK)
		rc = work_store_fail(st, dg, rc);
	else if (rc == FZ_OK) {
		rc = store_extension_decide(st, id, to, work_actor_name(ac),
		    comment);
		if (rc == FZ_OK)
			rc = work_audit(st, ac, approve ? "extension.approve" :
			    "extension.refuse", "extension", id,
			    json_pack("{s:s,s:s}", "state", e.state, "due",
			    e.original_due), json_pack("{s:s,s:s,s:s?}", "state",
			    to, "due", approve ? e.requested_due :
			    e.original_due, "comment", comment));
		rc = work_end(st, rc, dg);
	}
	extension_release(&e);
	return rc;
}

enum fz_err
core_period_extend(struct store *st, const struct actor *ac,
    int64_t period_id, const char *due, const char *reason,
    struct diags *dg)
{
	struct period	 p;
	long		 d;
	enum fz_err	 rc;

	if (!core_actor_supervises(ac) && !ac->is_admin)
		return work_fail(dg, FZ_EPERM, "error",
		    "只有依法治县办可以调整报送期");
	if ((rc = store_period_get(st, period_id, &p)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "报送期 %lld 不存在",
		    (long long)period_id);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if (date_days(due, &d) != FZ_OK)
		return work_fail(dg, FZ_EINVAL, "due",
		    "截止日期应为有效的 YYYY-MM-DD");
	if (strcmp(due, p.ends) < 0)
		return work_fail(dg, FZ_EINVAL, "due",
		    "截止日期不能早于报送期结束日期 %s", p.ends);
	if (str_eq(due, p.due))
		return work_fail(dg, FZ_EINVAL, "due", "截止日期没有变化");
	if (reason == NULL || *reason == '\0')
		return work_fail(dg, FZ_EINVAL, "reason", "请写明调整理由");
	if ((rc = store_begin(st)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	rc = store_period_set_due(st, p.id, p.due, due, reason,
	    work_actor_name(ac));
	if (rc == FZ_OK)
		rc = work_audit(st, ac, "period.due", "period", p.id,
		    json_pack("{s:s}", "due", p.due), json_pack("{s:s,s:s}",
		    "due", due, "reason", reason));
	return work_end(st, rc, dg);
}

enum fz_err
core_urge(struct store *st, const struct actor *ac, struct notice *x,
    struct diags *dg)
{
	enum fz_err	 rc;

	if (!core_actor_supervises(ac))
		return work_fail(dg, FZ_EPERM, "error",
		    "只有依法治县办可以催办");
	if (x->message == NULL || x->message[0] == '\0')
		return work_fail(dg, FZ_EINVAL, "message", "请填写催办内容");
	if (strlen(x->message) > 2000)
		return work_fail(dg, FZ_EINVAL, "message", "催办内容过长");
	snprintf(x->kind, sizeof(x->kind), "urge");
	snprintf(x->actor, sizeof(x->actor), "%s", work_actor_name(ac));
	if ((rc = store_begin(st)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	rc = store_notice_add(st, x);
	if (rc == FZ_OK)
		rc = work_audit(st, ac, "notice.urge", "notice", x->id, NULL,
		    json_pack("{s:I,s:I,s:I,s:s}", "unit_id",
		    (json_int_t)x->unit_id, "task_id", (json_int_t)x->task_id,
		    "period_id", (json_int_t)x->period_id, "message",
		    x->message));
	if (rc == FZ_ECONFLICT || rc == FZ_EDB) {
		store_rollback(st);
		return work_fail(dg, FZ_EINVAL, "unit_id",
		    "单位、任务或报送期不存在");
	}
	return work_end(st, rc, dg);
}

enum fz_err
core_notice_read(struct store *st, const struct actor *ac, int64_t id,
    struct diags *dg)
{
	struct notice	 x;
	enum fz_err	 rc;

	if ((rc = store_notice_get(st, id, &x)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "通知 %lld 不存在",
		    (long long)id);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	notice_release(&x);
	if (!core_actor_in_unit(ac, x.unit_id, 0))
		return work_fail(dg, FZ_EPERM, "id", "这不是本单位的通知");
	if (x.read_at[0] != '\0')
		return FZ_OK;
	if ((rc = store_begin(st)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	rc = store_notice_read(st, id, work_actor_name(ac));
	if (rc == FZ_OK)
		rc = work_audit(st, ac, "notice.read", "notice", id, NULL, NULL);
	return work_end(st, rc, dg);
}
