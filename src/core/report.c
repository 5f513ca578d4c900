/*
 * report.c: progress reports through their life: a clerk (联络员) writes
 * and submits, the unit leader (单位负责人) approves or sends back, a
 * supervisor of another unit (依法治县办) accepts or returns with a coded
 * reason. Lateness is judged on the first submission against the unit's
 * current deadline; returns and submissions are counted for the first-pass
 * rate. Who may read what is decided here and, for lists, in the store's
 * query with the same rule.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "work-int.h"
#include "fazhi/indicator.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

#define NARRATIVE_MAX	(20 * 1024)

static const char *const progress_keys[] = { "not_started", "in_progress",
    "done", "blocked", NULL };

/* "3, 1,3" → "1,3" with every number in 1..max; FZ_EINVAL otherwise. */
static enum fz_err
norm_measures(const char *in, size_t max, char *out, size_t n,
    struct diags *dg)
{
	unsigned char	 seen[256] = { 0 };
	const char	*p = in;
	struct buf	 b = BUF_INIT;
	long long	 v;
	char		 num[16];
	size_t		 i, len;

	while (*p != '\0') {
		p += strspn(p, " ,，");
		len = strcspn(p, " ,，");
		if (len == 0)
			break;
		if (len >= sizeof(num))
			goto bad;
		memcpy(num, p, len);
		num[len] = '\0';
		if (str_toint(num, 1, max > 255 ? 255 : (long long)max, &v) !=
		    FZ_OK)
			goto bad;
		seen[v] = 1;
		p += len;
	}
	for (i = 1; i < 256; i++)
		if (seen[i])
			buf_addf(&b, "%s%zu", b.len ? "," : "", i);
	snprintf(out, n, "%s", b.ptr);
	buf_release(&b);
	return FZ_OK;
bad:
	buf_release(&b);
	return work_fail(dg, FZ_EINVAL, "measures", max == 0 ?
	    "此项任务没有分项措施" : "措施编号应为 1 到 %zu 之间的整数", max);
}

/* The number of measures of a task, and its plan. */
static enum fz_err
task_info(struct store *st, int64_t plan_id, int64_t task_id, size_t *nm)
{
	struct plan	 p;
	enum fz_err	 rc;
	size_t		 i;

	*nm = 0;
	if ((rc = store_plan_get(st, plan_id, &p)) != FZ_OK)
		return rc;
	rc = FZ_ENOTFOUND;
	for (i = 0; i < p.ntasks; i++)
		if (p.tasks[i].id == task_id) {
			*nm = p.tasks[i].nmeasures;
			rc = FZ_OK;
		}
	plan_release(&p);
	return rc;
}

/* May the actor read the report? Its own units, everyone who reads all,
 * and the lead units of the task once the report is submitted. */
int
core_report_can_read(struct store *st, const struct actor *ac,
    const struct report *r)
{
	struct assignment	 a;
	size_t			 i;

	if (core_actor_reads_all(ac) || core_actor_in_unit(ac, r->unit_id, 0))
		return 1;
	if (!str_eq(r->state, "submitted") && !str_eq(r->state, "accepted"))
		return 0;
	for (i = 0; i < ac->nroles; i++)
		if (store_assignment_find(st, r->task_id, ac->roles[i].unit_id,
		    &a) == FZ_OK && str_eq(a.role, "lead"))
			return 1;
	return 0;
}

enum fz_err
core_report_read(struct store *st, const struct actor *ac, int64_t id,
    struct report *r, struct diags *dg)
{
	enum fz_err	 rc;

	if ((rc = store_report_get(st, id, r)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "报告 %lld 不存在",
		    (long long)id);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if (!core_report_can_read(st, ac, r)) {
		report_release(r);
		return work_fail(dg, FZ_EPERM, "id", "无权查看该报告");
	}
	return FZ_OK;
}

/* Move the assignment of a report to a state, unless it is closed. */
static enum fz_err
assignment_to(struct store *st, const struct report *r, const char *state)
{
	struct assignment	 a;
	enum fz_err		 rc;

	if ((rc = store_assignment_find(st, r->task_id, r->unit_id, &a)) !=
	    FZ_OK)
		return rc == FZ_ENOTFOUND ? FZ_OK : rc;
	if (str_eq(a.state, "closed") || str_eq(a.state, state))
		return FZ_OK;
	snprintf(a.state, sizeof(a.state), "%s", state);
	return store_assignment_update(st, &a);
}

/* Writing a first report takes the task up (领办) if nobody had. */
static enum fz_err
assignment_to_claimed(struct store *st, const struct report *r,
    const struct actor *ac)
{
	struct assignment	 a;
	enum fz_err		 rc;

	if ((rc = store_assignment_find(st, r->task_id, r->unit_id, &a)) !=
	    FZ_OK)
		return rc == FZ_ENOTFOUND ? FZ_OK : rc;
	if (!str_eq(a.state, "assigned"))
		return FZ_OK;
	snprintf(a.state, sizeof(a.state), "claimed");
	date_now(a.claimed_at);
	snprintf(a.claimed_by, sizeof(a.claimed_by), "%s",
	    work_actor_name(ac));
	return store_assignment_update(st, &a);
}

static enum fz_err
check_cites(struct store *st, const struct report *r,
    const struct report_input *in, struct diags *dg)
{
	struct report	 c;
	size_t		 i;
	enum fz_err	 rc = FZ_OK;

	if (in->ncites > 0 && !str_eq(r->kind, "consolidated"))
		return work_fail(dg, FZ_EINVAL, "cites",
		    "只有牵头单位的汇总报告可以引用其他单位的报告");
	for (i = 0; i < in->ncites && rc == FZ_OK; i++) {
		if (store_report_get(st, in->cites[i], &c) != FZ_OK)
			return work_fail(dg, FZ_EINVAL, "cites",
			    "引用的报告 %lld 不存在", (long long)in->cites[i]);
		if (c.period_id != r->period_id || c.task_id != r->task_id ||
		    c.unit_id == r->unit_id)
			rc = work_fail(dg, FZ_EINVAL, "cites", "引用的报告 %lld "
			    "不是本任务本期其他单位的报告",
			    (long long)in->cites[i]);
		else if (!str_eq(c.state, "submitted") &&
		    !str_eq(c.state, "accepted"))
			rc = work_fail(dg, FZ_EINVAL, "cites", "引用的报告 %lld "
			    "尚未提交", (long long)in->cites[i]);
		report_release(&c);
	}
	return rc;
}

/*
 * Values of the task's manual indicators (those not linked to a computed
 * definition): each named once; a deadline says whether it is met
 * (done), 全覆盖 a percentage or done, a count or rate a number (a rate
 * or percentage at most 100).
 */
static enum fz_err
check_inds(struct store *st, const struct report *r,
    const struct report_input *in, struct diags *dg)
{
	struct ind_link_row	*rows = NULL;
	size_t			 n = 0, i, j, k;
	enum fz_err		 rc;

	if (in->ninds == 0)
		return FZ_OK;
	if (in->ninds > REPORT_INDS_MAX)
		return work_fail(dg, FZ_EINVAL, "indicators", "指标至多 %d 项",
		    REPORT_INDS_MAX);
	if ((rc = store_ind_links(st, r->plan_id, &rows, &n)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	for (i = 0; i < in->ninds && rc == FZ_OK; i++) {
		const struct report_ind	*x = &in->inds[i];
		const struct ind_link_row *l = NULL;
		int			 pct;

		for (k = 0; k < i; k++)
			if (str_eq(in->inds[k].name, x->name))
				break;
		if (k < i) {
			rc = work_fail(dg, FZ_EINVAL, "indicators", "指标“%s”"
			    "填写了两次", x->name);
			break;
		}
		for (j = 0; j < n; j++)
			if (rows[j].task_id == r->task_id && rows[j].name !=
			    NULL && str_eq(rows[j].name, x->name))
				l = &rows[j];
		if (l == NULL) {
			rc = work_fail(dg, FZ_EINVAL, "indicators", "本项任务没有"
			    "名为“%s”的指标", x->name);
			break;
		}
		if (l->def_key[0] != '\0') {
			rc = work_fail(dg, FZ_EINVAL, "indicators", "指标“%s”由"
			    "台账计算，不需填报", x->name);
			break;
		}
		pct = str_eq(l->kind, "rate") || str_eq(l->kind, "coverage") ||
		    str_eq(l->unit, "%");
		if (str_eq(l->kind, "deadline") && x->done < 0)
			rc = work_fail(dg, FZ_EINVAL, "indicators", "指标“%s”"
			    "是时限要求：请说明是否已按期完成", x->name);
		else if (!str_eq(l->kind, "deadline") && !str_eq(l->kind,
		    "coverage") && !x->has_value)
			rc = work_fail(dg, FZ_EINVAL, "indicators", "指标“%s”"
			    "须填写数值", x->name);
		else if (str_eq(l->kind, "coverage") && !x->has_value &&
		    x->done < 0)
			rc = work_fail(dg, FZ_EINVAL, "indicators", "指标“%s”"
			    "须填写覆盖率或是否已全覆盖", x->name);
		else if (x->has_value && (x->value < 0 || (pct && x->value >
		    100) || x->value > 1e9))
			rc = work_fail(dg, FZ_EINVAL, "indicators", "指标“%s”"
			    "的数值 %g 不在%s之内", x->name, x->value, pct ?
			    " 0 至 100 " : "合理范围");
		else if (x->note != NULL && strlen(x->note) > 2000)
			rc = work_fail(dg, FZ_EINVAL, "indicators", "指标“%s”"
			    "的说明不能超过 2000 字节", x->name);
	}
	ind_link_rows_free(rows, n);
	return rc;
}

static enum fz_err
apply_input(struct store *st, struct report *r, const struct report_input *in,
    struct diags *dg)
{
	char	 m[1024];
	size_t	 nm;

	if (in->progress != NULL) {
		if (!work_valid_key(in->progress, progress_keys))
			return work_fail(dg, FZ_EINVAL, "progress", "进展状态应为"
			    "未开始、推进中、已完成或受阻");
		snprintf(r->progress, sizeof(r->progress), "%s", in->progress);
	}
	if (in->narrative != NULL) {
		if (strlen(in->narrative) > NARRATIVE_MAX)
			return work_fail(dg, FZ_EINVAL, "narrative",
			    "工作进展不能超过 %d 字节", NARRATIVE_MAX);
		free(r->narrative);
		r->narrative = xstrdup(in->narrative);
	}
	if (in->measures != NULL) {
		if (task_info(st, r->plan_id, r->task_id, &nm) != FZ_OK)
			return work_fail(dg, FZ_EINVAL, "task_id", "任务不存在");
		if (norm_measures(in->measures, nm, m, sizeof(m), dg) != FZ_OK)
			return FZ_EINVAL;
		free(r->measures);
		r->measures = xstrdup(m);
	}
	return FZ_OK;
}

static enum fz_err
new_report(struct store *st, const struct actor *ac,
    const struct report_input *in, struct report *r, struct diags *dg)
{
	struct assignment	 a;
	struct period		 p;
	struct report		 old;
	enum fz_err		 rc;

	if (in->period_id <= 0)
		return work_fail(dg, FZ_EINVAL, "period_id", "请选择报送期");
	if (in->task_id <= 0)
		return work_fail(dg, FZ_EINVAL, "task_id", "请选择任务");
	if (in->unit_id <= 0)
		return work_fail(dg, FZ_EINVAL, "unit_id", "请选择填报单位");
	if (!core_actor_in_unit(ac, in->unit_id, ROLES_UNIT))
		return work_fail(dg, FZ_EPERM, "unit_id",
		    "只能为本单位填报进展");
	if ((rc = store_assignment_find(st, in->task_id, in->unit_id, &a)) ==
	    FZ_ENOTFOUND)
		return work_fail(dg, FZ_EINVAL, "task_id",
		    "本单位不承担此项任务");
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if ((rc = store_period_get(st, in->period_id, &p)) == FZ_ENOTFOUND ||
	    (rc == FZ_OK && p.plan_id != a.plan_id))
		return work_fail(dg, FZ_EINVAL, "period_id",
		    "报送期不存在或不属于该任务所在的计划");
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if (p.locked)
		return work_fail(dg, FZ_EINVAL, "period_id",
		    "报送期“%s”已锁定，不能再填报", p.name);
	if (store_report_find(st, in->period_id, in->task_id, in->unit_id,
	    &old) == FZ_OK) {
		rc = work_fail(dg, FZ_ECONFLICT, "task_id", "本单位在“%s”已有此项"
		    "任务的报告（编号 %lld），请修改该报告", p.name,
		    (long long)old.id);
		report_release(&old);
		return rc;
	}
	memset(r, 0, sizeof(*r));
	r->period_id = p.id;
	r->task_id = a.task_id;
	r->unit_id = a.unit_id;
	r->plan_id = a.plan_id;
	snprintf(r->kind, sizeof(r->kind), "%s", str_eq(a.role, "lead") ?
	    "consolidated" : "unit");
	snprintf(r->progress, sizeof(r->progress), "not_started");
	snprintf(r->state, sizeof(r->state), "draft");
	snprintf(r->created_by, sizeof(r->created_by), "%s",
	    work_actor_name(ac));
	r->narrative = xstrdup("");
	r->measures = xstrdup("");
	return FZ_OK;
}

enum fz_err
core_report_save(struct store *st, const struct actor *ac, int64_t id,
    const struct report_input *in, int64_t *out, struct diags *dg)
{
	struct report		 r;
	struct report_event	 e;
	struct period		 p;
	json_t			*before = NULL;
	enum fz_err		 rc;

	memset(&r, 0, sizeof(r));
	if (id == 0)
		rc = new_report(st, ac, in, &r, dg);
	else if ((rc = core_report_read(st, ac, id, &r, dg)) == FZ_OK) {
		before = work_report_brief(&r);
		if (!core_actor_in_unit(ac, r.unit_id, ROLES_UNIT))
			rc = work_fail(dg, FZ_EPERM, "id",
			    "只有本单位联络员或负责人可以修改报告");
		else if (!str_eq(r.state, "draft") &&
		    !str_eq(r.state, "returned"))
			rc = work_fail(dg, FZ_EINVAL, "state", "报告%s，不能修改",
			    core_state_name(r.state));
		else if (store_period_get(st, r.period_id, &p) == FZ_OK &&
		    p.locked)
			rc = work_fail(dg, FZ_EINVAL, "period_id",
			    "报送期“%s”已锁定，不能再修改", p.name);
	}
	if (rc == FZ_OK)
		rc = apply_input(st, &r, in, dg);
	if (rc == FZ_OK && in->set_cites)
		rc = check_cites(st, &r, in, dg);
	if (rc == FZ_OK && in->set_inds)
		rc = check_inds(st, &r, in, dg);
	if (rc != FZ_OK)
		goto out;
	if ((rc = store_begin(st)) != FZ_OK) {
		work_store_fail(st, dg, rc);
		goto out;
	}
	rc = store_report_put(st, &r);
	if (rc == FZ_OK && in->set_cites)
		rc = store_report_cites_set(st, r.id, in->cites, in->ncites);
	if (rc == FZ_OK && in->set_inds)
		rc = store_report_inds_set(st, r.id, in->inds, in->ninds);
	if (rc == FZ_OK) {
		memset(&e, 0, sizeof(e));
		e.report_id = r.id;
		snprintf(e.actor, sizeof(e.actor), "%s", work_actor_name(ac));
		snprintf(e.action, sizeof(e.action), "save");
		rc = store_report_event_add(st, &e);
	}
	if (rc == FZ_OK && id == 0)
		rc = assignment_to_claimed(st, &r, ac);
	if (rc == FZ_OK) {
		rc = work_audit(st, ac, id ? "report.update" : "report.create",
		    "report", r.id, before, work_report_brief(&r));
		before = NULL;
	}
	if ((rc = work_end(st, rc, dg)) == FZ_OK && out != NULL)
		*out = r.id;
out:
	json_decref(before);
	report_release(&r);
	return rc;
}

/* One state change of a report with its event, audit and assignment. */
struct change {
	const char	*action;	/* event and audit */
	const char	*to;		/* the report's new state */
	const char	*asg;		/* the assignment's, or NULL */
	const char	*reason;
	const char	*comment;
};

static enum fz_err
apply_change(struct store *st, const struct actor *ac, struct report *r,
    const struct change *c, json_t *before, struct diags *dg)
{
	struct report_event	 e;
	char			 audit_action[32];
	enum fz_err		 rc;

	if ((rc = store_begin(st)) != FZ_OK) {
		json_decref(before);
		return work_store_fail(st, dg, rc);
	}
	snprintf(r->state, sizeof(r->state), "%s", c->to);
	rc = store_report_put(st, r);
	if (rc == FZ_OK) {
		memset(&e, 0, sizeof(e));
		e.report_id = r->id;
		snprintf(e.actor, sizeof(e.actor), "%s", work_actor_name(ac));
		snprintf(e.action, sizeof(e.action), "%s", c->action);
		snprintf(e.reason, sizeof(e.reason), "%s",
		    c->reason ? c->reason : "");
		e.comment = (char *)(uintptr_t)c->comment;
		rc = store_report_event_add(st, &e);
	}
	if (rc == FZ_OK && c->asg != NULL)
		rc = assignment_to(st, r, c->asg);
	snprintf(audit_action, sizeof(audit_action), "report.%s", c->action);
	if (rc == FZ_OK) {
		json_t *after = work_report_brief(r);

		if (c->reason != NULL)
			json_object_set_new(after, "reason",
			    json_string(c->reason));
		if (c->comment != NULL)
			json_object_set_new(after, "comment",
			    json_string(c->comment));
		rc = work_audit(st, ac, audit_action, "report", r->id, before,
		    after);
		before = NULL;
	}
	json_decref(before);
	return work_end(st, rc, dg);
}

/* Apply the change if every check passed; release the report. */
static enum fz_err
change_end(struct store *st, const struct actor *ac, struct report *r,
    const struct change *c, json_t *before, enum fz_err rc,
    struct diags *dg)
{
	if (rc == FZ_OK)
		rc = apply_change(st, ac, r, c, before, dg);
	else
		json_decref(before);
	report_release(r);
	return rc;
}

/* Sent on to the supervisor: count it, and judge lateness the first time. */
static enum fz_err
mark_submitted(struct store *st, struct report *r, const char *today)
{
	char		 due[11];
	int		 grace = 0;
	long		 t, d;
	enum fz_err	 rc;

	r->submissions++;
	date_now(r->submitted_at);
	if (r->first_submitted_at[0] != '\0')
		return FZ_OK;
	snprintf(r->first_submitted_at, sizeof(r->first_submitted_at), "%s",
	    r->submitted_at);
	if ((rc = store_deadline(st, r->period_id, r->task_id, r->unit_id,
	    due, &grace)) != FZ_OK)
		return rc;
	if (date_days(today, &t) == FZ_OK && date_days(due, &d) == FZ_OK)
		r->late = t > d + grace;
	return FZ_OK;
}

static size_t
evidence_count(struct store *st, int64_t report_id)
{
	struct evidence	*v;
	size_t		 n = 0;

	if (store_evidence_list(st, report_id, &v, &n) != FZ_OK)
		return 0;
	free(v);
	return n;
}

enum fz_err
core_report_submit(struct store *st, const struct actor *ac, int64_t id,
    const char *today, struct diags *dg)
{
	struct report	 r;
	struct period	 p;
	struct change	 c = { "submit", "pending", NULL, NULL, NULL };
	json_t		*before;
	enum fz_err	 rc;
	int		 leader;

	if ((rc = core_report_read(st, ac, id, &r, dg)) != FZ_OK)
		return rc;
	before = work_report_brief(&r);
	leader = core_actor_in_unit(ac, r.unit_id,
	    ROLEBIT(STAFF_UNIT_LEADER));
	if (!core_actor_in_unit(ac, r.unit_id, ROLES_UNIT))
		rc = work_fail(dg, FZ_EPERM, "id",
		    "只有本单位联络员或负责人可以提交报告");
	else if (!str_eq(r.state, "draft") && !str_eq(r.state, "returned"))
		rc = work_fail(dg, FZ_EINVAL, "state", "报告%s，不能再次提交",
		    core_state_name(r.state));
	else if (store_period_get(st, r.period_id, &p) == FZ_OK && p.locked)
		rc = work_fail(dg, FZ_EINVAL, "period_id",
		    "报送期“%s”已锁定，如需补报请联系依法治县办", p.name);
	else if (r.narrative[0] == '\0')
		rc = work_fail(dg, FZ_EINVAL, "narrative", "请填写工作进展");
	else if (str_eq(r.progress, "done") &&
	    evidence_count(st, r.id) == 0)
		rc = work_fail(dg, FZ_EINVAL, "evidence",
		    "进展为“已完成”的报告须上传佐证材料");
	if (rc == FZ_OK && leader) {
		/* The unit leader's own submission needs no second step. */
		c.action = "approve";
		c.to = "submitted";
		c.asg = "reported";
		rc = mark_submitted(st, &r, today);
	}
	return change_end(st, ac, &r, &c, before, rc, dg);
}

enum fz_err
core_report_approve(struct store *st, const struct actor *ac, int64_t id,
    int approve, const char *comment, const char *today, struct diags *dg)
{
	struct report	 r;
	struct change	 c = { "approve", "submitted", "reported", NULL,
	    comment };
	json_t		*before;
	enum fz_err	 rc;

	if ((rc = core_report_read(st, ac, id, &r, dg)) != FZ_OK)
		return rc;
	before = work_report_brief(&r);
	if (!core_actor_in_unit(ac, r.unit_id, ROLEBIT(STAFF_UNIT_LEADER)))
		rc = work_fail(dg, FZ_EPERM, "id",
		    "只有本单位负责人可以审批报告");
	else if (!str_eq(r.state, "pending"))
		rc = work_fail(dg, FZ_EINVAL, "state", "报告%s，不在待审批状态",
		    core_state_name(r.state));
	else if (!approve && (comment == NULL || *comment == '\0'))
		rc = work_fail(dg, FZ_EINVAL, "comment", "退回修改须写明意见");
	if (rc == FZ_OK && approve)
		rc = mark_submitted(st, &r, today);
	if (rc == FZ_OK && !approve) {
		c.action = "send_back";
		c.to = "draft";
		c.asg = NULL;
	}
	return change_end(st, ac, &r, &c, before, rc, dg);
}

enum fz_err
core_report_review(struct store *st, const struct actor *ac, int64_t id,
    int accept, const char *reason, const char *comment, struct diags *dg)
{
	struct report	 r;
	struct change	 c = { "accept", "accepted", "accepted", NULL,
	    comment };
	json_t		*before;
	enum fz_err	 rc;

	if ((rc = core_report_read(st, ac, id, &r, dg)) != FZ_OK)
		return rc;
	before = work_report_brief(&r);
	if (!core_actor_supervises(ac))
		rc = work_fail(dg, FZ_EPERM, "id",
		    "只有依法治县办可以审核报告");
	else if (core_actor_in_unit(ac, r.unit_id, 0))
		rc = work_fail(dg, FZ_EPERM, "id", "不能审核本单位的报告");
	else if (!str_eq(r.state, "submitted"))
		rc = work_fail(dg, FZ_EINVAL, "state", "报告%s，不在待审核状态",
		    core_state_name(r.state));
	else if (!accept && core_reason_name(reason)[0] == '\0')
		rc = work_fail(dg, FZ_EINVAL, "reason", "请选择退回原因");
	else if (!accept && (comment == NULL || *comment == '\0'))
		rc = work_fail(dg, FZ_EINVAL, "comment", "退回须写明审核意见");
	else if (comment != NULL && strlen(comment) > 4000)
		rc = work_fail(dg, FZ_EINVAL, "comment", "审核意见过长");
	if (rc == FZ_OK && accept)
		date_now(r.accepted_at);
	if (rc == FZ_OK && !accept) {
		r.returns++;
		c.action = "return";
		c.to = "returned";
		c.asg = "returned";
		c.reason = reason;
	}
	return change_end(st, ac, &r, &c, before, rc, dg);
}

/* A report's values of manual indicators. */
static json_t *
report_inds_json(struct store *st, int64_t report_id)
{
	struct report_ind	*v;
	json_t			*a = json_array();
	size_t			 n, i;

	if (store_report_inds(st, report_id, &v, &n) != FZ_OK)
		return a;
	for (i = 0; i < n; i++) {
		json_array_append_new(a, json_pack("{s:s,s:o,s:o,s:s}", "name",
		    v[i].name, "value", v[i].has_value ? json_real(v[i].value) :
		    json_null(), "done", v[i].done < 0 ? json_null() :
		    json_boolean(v[i].done), "note", v[i].note));
		free(v[i].note);
	}
	free(v);
	return a;
}

json_t *
core_report_json(struct store *st, const struct actor *ac,
    const struct report *r, int full)
{
	json_t			*o = json_object(), *a, *can;
	struct report_event	*ev;
	struct evidence		*e;
	struct evidence_reuse	*u;
	struct report		 c;
	int64_t			*cites;
	size_t			 n, i, j, nu;
	int			 unit = core_actor_in_unit(ac, r->unit_id,
				    ROLES_UNIT);
	int			 editable = str_eq(r->state, "draft") ||
				    str_eq(r->state, "returned");

	json_object_set_new(o, "id", json_integer(r->id));
	json_object_set_new(o, "period_id", json_integer(r->period_id));
	json_object_set_new(o, "period_name", json_string(r->period_name));
	json_object_set_new(o, "task_id", json_integer(r->task_id));
	json_object_set_new(o, "task_number", json_integer(r->task_number));
	json_object_set_new(o, "unit_id", json_integer(r->unit_id));
	json_object_set_new(o, "unit_name", json_string(r->unit_name));
	json_object_set_new(o, "kind", json_string(r->kind));
	json_object_set_new(o, "progress", json_string(r->progress));
	json_object_set_new(o, "progress_name",
	    json_string(core_progress_name(r->progress)));
	json_object_set_new(o, "narrative", json_string(r->narrative));
	a = json_array();
	for (i = 0; r->measures[i] != '\0'; i += strcspn(r->measures + i,
	    ",") + (r->measures[i + strcspn(r->measures + i, ",")] == ','))
		json_array_append_new(a, json_integer(strtol(r->measures + i, NULL, 10)));
	json_object_set_new(o, "measures", a);
	json_object_set_new(o, "state", json_string(r->state));
	json_object_set_new(o, "state_name",
	    json_string(core_state_name(r->state)));
	json_object_set_new(o, "late", json_boolean(r->late));
	json_object_set_new(o, "return_count", json_integer(r->returns));
	json_object_set_new(o, "submissions", json_integer(r->submissions));
	json_object_set_new(o, "deadline", json_string(r->period_due));
	json_object_set_new(o, "submitted_at", r->submitted_at[0] ?
	    json_string(r->submitted_at) : json_null());
	json_object_set_new(o, "accepted_at", r->accepted_at[0] ?
	    json_string(r->accepted_at) : json_null());
	json_object_set_new(o, "updated_at", json_string(r->updated_at));
	can = json_object();
	json_object_set_new(can, "edit", json_boolean(unit && editable));
	json_object_set_new(can, "submit", json_boolean(unit && editable));
	json_object_set_new(can, "approve", json_boolean(str_eq(r->state,
	    "pending") && core_actor_in_unit(ac, r->unit_id,
	    ROLEBIT(STAFF_UNIT_LEADER))));
	json_object_set_new(can, "review", json_boolean(str_eq(r->state,
	    "submitted") && core_actor_supervises(ac) &&
	    !core_actor_in_unit(ac, r->unit_id, 0)));
	json_object_set_new(o, "can", can);
	if (!full)
		return o;
	{
		char	 due[11] = "";
		int	 grace = 0;

		if (store_deadline(st, r->period_id, r->task_id, r->unit_id,
		    due, &grace) == FZ_OK && due[0] != '\0')
			json_object_set_new(o, "deadline", json_string(due));
	}
	a = json_array();
	if (store_report_cites(st, r->id, &cites, &n) == FZ_OK) {
		for (i = 0; i < n; i++) {
			if (store_report_get(st, cites[i], &c) != FZ_OK)
				continue;
			json_array_append_new(a, json_pack("{s:I,s:s,s:s,s:s}",
			    "id", (json_int_t)c.id, "unit_name", c.unit_name,
			    "state", c.state, "progress", c.progress));
			report_release(&c);
		}
		free(cites);
	}
	json_object_set_new(o, "cites", a);
	json_object_set_new(o, "indicators", report_inds_json(st, r->id));
	a = json_array();
	if (store_evidence_list(st, r->id, &e, &n) == FZ_OK) {
		for (i = 0; i < n; i++) {
			json_t *x = json_pack("{s:I,s:s,s:s,s:I,s:s,s:s,s:s}",
			    "id", (json_int_t)e[i].id, "name", e[i].name,
			    "mime", e[i].mime, "size", (json_int_t)e[i].size,
			    "sha256", e[i].sha256, "uploaded_by",
			    e[i].uploaded_by, "uploaded_at", e[i].uploaded_at);
			json_t *ru = json_array();

			if (store_evidence_reuse(st, e[i].sha256, r->id, &u,
			    &nu) == FZ_OK) {
				for (j = 0; j < nu; j++)
					json_array_append_new(ru,
					    json_pack("{s:I,s:i,s:s}",
					    "report_id", (json_int_t)u[j].report_id,
					    "task_number", u[j].task_number,
					    "unit_name", u[j].unit_name));
				free(u);
			}
			json_object_set_new(x, "reused", ru);
			json_array_append_new(a, x);
		}
		free(e);
	}
	json_object_set_new(o, "evidence", a);
	a = json_array();
	if (store_report_events(st, r->id, &ev, &n) == FZ_OK) {
		for (i = 0; i < n; i++) {
			json_array_append_new(a, json_pack("{s:s,s:s,s:s,s:s,"
			    "s:s,s:s,s:s?}", "at", ev[i].at, "actor",
			    ev[i].actor, "action", ev[i].action, "action_name",
			    core_state_name(ev[i].action), "reason",
			    ev[i].reason, "reason_name",
			    core_reason_name(ev[i].reason), "comment",
			    ev[i].comment));
			report_event_release(&ev[i]);
		}
		free(ev);
	}
	json_object_set_new(o, "history", a);
	return o;
}

enum fz_err
core_report_list(struct store *st, const struct actor *ac,
    struct report_filter *f, json_t **out)
{
	struct report	*v;
	size_t		 n, i;
	int64_t		 total = 0;
	json_t		*a;
	enum fz_err	 rc;

	f->visible_to = core_actor_reads_all(ac) ? 0 : ac->account_id;
	if ((rc = store_report_list(st, f, &v, &n, &total)) != FZ_OK)
		return rc;
	a = json_array();
	for (i = 0; i < n; i++) {
		json_array_append_new(a, core_report_json(st, ac, &v[i], 0));
		report_release(&v[i]);
	}
	free(v);
	*out = json_pack("{s:I,s:o}", "total", (json_int_t)total, "items", a);
	return FZ_OK;
}
