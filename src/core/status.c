/*
 * status.c: where the plan stands. Each assignment's standing in a period
 * (its state, overdue or not, and its light) is judged here from the
 * status rows of the store; the dashboard, the task list, a task's page,
 * each role's 我的待办 and fazhi remind all read it the same way.
 * Lights: red when overdue, blocked (受阻) or returned too often; yellow
 * when the deadline is near, the report was returned, late or missed.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "work-int.h"
#include "fazhi/calendar.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum light { GREEN, YELLOW, RED };
static const char *const light_key[] = { "green", "yellow", "red" };

/* Assignment states, least advanced first: a task is its least. */
static const char *const state_order[] = { "overdue", "claim_overdue",
    "assigned", "claimed", "returned", "reported", "accepted", "closed",
    NULL };

struct judge {
	long		 today;
	char		 today_s[11];
	long		 yellow_days;	/* working days */
	long		 red_returns;
	long		 claim_days;	/* working days to take a task up */
	struct calendar	 cal;
};

struct standing {
	const char	*state;
	enum light	 light;
	int		 overdue;
	int		 submitted;	/* ever sent to the supervisor */
	long		 days_left;	/* to the deadline with grace */
	long		 workdays_left;	/* the same in working days */
};

static void
judge_init(struct store *st, const char *today, struct judge *j)
{
	cal_init(&j->cal);
	/* Without a calendar only weekends are days off. */
	(void)cal_load(&j->cal, st);
	snprintf(j->today_s, sizeof(j->today_s), "%s", today);
	if (date_days(today, &j->today) != FZ_OK)
		j->today = 0;
	j->yellow_days = core_setting_int(st, "light.yellow_days");
	j->red_returns = core_setting_int(st, "light.red_returns");
	j->claim_days = core_setting_int(st, "light.claim_days");
}

/* 领办逾期: not taken up within claim_days working days of the period's
 * start. */
static int
claim_late(const struct judge *j, const struct status_row *s)
{
	int	 n, unknown;

	if (s->period_starts[0] == '\0' || strcmp(s->period_starts,
	    j->today_s) >= 0)
		return 0;
	return cal_workdays_between(&j->cal, s->period_starts, j->today_s, &n,
	    &unknown) == FZ_OK && n > j->claim_days;
}

static void
judge(const struct judge *j, const struct status_row *s, struct standing *o)
{
	long	 d = 0;

	memset(o, 0, sizeof(*o));
	o->submitted = s->submissions > 0;
	if (date_days(s->deadline, &d) == FZ_OK)
		d += s->grace_days;
	o->days_left = d - j->today;
	o->workdays_left = o->days_left;
	if (o->days_left > 0) {
		char	 de[11];
		int	 n, unknown;

		date_from_days(d, de);
		if (cal_workdays_between(&j->cal, j->today_s, de, &n,
		    &unknown) == FZ_OK)
			o->workdays_left = n;
	}
	if (str_eq(s->asg_state, "closed")) {
		o->state = "closed";
		o->light = GREEN;
		return;
	}
	o->overdue = !o->submitted && o->days_left < 0;
	if (o->overdue)
		o->state = "overdue";
	else if (str_eq(s->report_state, "submitted"))
		o->state = "reported";
	else if (str_eq(s->report_state, "returned"))
		o->state = "returned";
	else if (str_eq(s->report_state, "accepted"))
		o->state = "accepted";
	else if (str_eq(s->asg_state, "assigned"))
		o->state = claim_late(j, s) ? "claim_overdue" : "assigned";
	else
		o->state = "claimed";
	if (o->overdue || str_eq(s->progress, "blocked") ||
	    s->returns >= j->red_returns)
		o->light = RED;
	else if (str_eq(o->state, "claim_overdue"))
		o->light = YELLOW;
	else if ((!o->submitted && o->workdays_left <= j->yellow_days) ||
	    str_eq(s->report_state, "returned") || s->late || s->missed)
		o->light = YELLOW;
	else
		o->light = GREEN;
}

static int
state_rank(const char *s)
{
	int	 i;

	for (i = 0; state_order[i] != NULL; i++)
		if (str_eq(state_order[i], s))
			return i;
	return 1;
}

static int
cmp_period_start(const void *a, const void *b)
{
	return strcmp(((const struct period *)a)->starts,
	    ((const struct period *)b)->starts);
}

struct periods {
	struct period	*v;
	size_t		 n, cap;
};

static int
collect_period(const struct period *p, void *arg)
{
	struct periods	*ps = arg;

	VEC_GROW(ps->v, ps->n, ps->cap);
	ps->v[ps->n++] = *p;
	return 0;
}

/*
 * The period units are reporting on today: of those already started, the
 * earliest whose deadline (with grace) has not passed; else the latest
 * started; else the first.
 */
enum fz_err
core_current_period(struct store *st, int64_t plan_id, const char *today,
    struct period *out)
{
	struct periods	 ps = { NULL, 0, 0 };
	enum fz_err	 rc;
	size_t		 i, pick = 0;
	long		 t = 0, d;

	if ((rc = store_period_iter(st, plan_id, collect_period, &ps)) !=
	    FZ_OK)
		goto out;
	if (ps.n == 0) {
		rc = FZ_ENOTFOUND;
		goto out;
	}
	qsort(ps.v, ps.n, sizeof(ps.v[0]), cmp_period_start);
	(void)date_days(today, &t);
	for (i = 0; i < ps.n && strcmp(ps.v[i].starts, today) <= 0; i++) {
		if (date_days(ps.v[i].due, &d) == FZ_OK &&
		    d + ps.v[i].grace_days >= t) {
			pick = i;
			break;
		}
		pick = i;
	}
	*out = ps.v[pick];
out:
	free(ps.v);
	return rc;
}

/* The plan, the period asked for (or the current one) and its rows. */
struct view {
	struct plan		 plan;
	struct period		 period;
	int			 have_period;
	struct status_row	*rows;
	size_t			 nrows;
	struct standing		*st;
	struct judge		 j;
};

static void
view_release(struct view *v)
{
	cal_release(&v->j.cal);
	plan_release(&v->plan);
	free(v->rows);
	free(v->st);
}

static enum fz_err
view_load(struct store *st, int64_t plan_id, int64_t period_id,
    const char *today, struct view *v, int with_plan)
{
	enum fz_err	 rc;
	size_t		 i;

	memset(v, 0, sizeof(*v));
	plan_init(&v->plan);
	judge_init(st, today, &v->j);
	if (with_plan && (rc = store_plan_get(st, plan_id, &v->plan)) !=
	    FZ_OK)
		return rc;
	if (period_id != 0) {
		if ((rc = store_period_get(st, period_id, &v->period)) != FZ_OK)
			return rc;
		if (v->period.plan_id != plan_id)
			return FZ_ENOTFOUND;
		v->have_period = 1;
	} else if ((rc = core_current_period(st, plan_id, today,
	    &v->period)) == FZ_OK)
		v->have_period = 1;
	else if (rc != FZ_ENOTFOUND)
		return rc;
	if (v->have_period) {
		if ((rc = store_status_rows(st, plan_id, v->period.id, &v->rows,
		    &v->nrows)) != FZ_OK)
			return rc;
	} else {
		/* No period yet: assignments only, nothing due. */
		struct assignment	*a;
		size_t			 n;

		if ((rc = store_assignment_list(st, plan_id, 0, 0, &a, &n)) !=
		    FZ_OK)
			return rc;
		v->rows = xcalloc(n ? n : 1, sizeof(*v->rows));
		for (i = 0; i < n; i++) {
			struct status_row *s = &v->rows[i];

			s->assignment_id = a[i].id;
			s->task_id = a[i].task_id;
			s->task_number = a[i].task_number;
			s->unit_id = a[i].unit_id;
			memcpy(s->unit_name, a[i].unit_name,
			    sizeof(s->unit_name));
			memcpy(s->role, a[i].role, sizeof(s->role));
			memcpy(s->asg_state, a[i].state, sizeof(s->asg_state));
			snprintf(s->deadline, sizeof(s->deadline), "2999-12-31");
		}
		v->nrows = n;
		free(a);
	}
	v->st = xcalloc(v->nrows ? v->nrows : 1, sizeof(*v->st));
	for (i = 0; i < v->nrows; i++)
		judge(&v->j, &v->rows[i], &v->st[i]);
	return FZ_OK;
}

static json_t *
period_json(const struct view *v)
{
	if (!v->have_period)
		return json_null();
	return json_pack("{s:I,s:s,s:s,s:s,s:s,s:i,s:b}", "id",
	    (json_int_t)v->period.id, "name", v->period.name, "starts",
	    v->period.starts, "ends", v->period.ends, "due", v->period.due,
	    "grace_days", v->period.grace_days, "locked", v->period.locked);
}

static json_t *
row_json(const struct status_row *s, const struct standing *g)
{
	json_t	*o = json_object();

	json_object_set_new_nocheck(o, "id", json_integer(s->assignment_id));
	json_object_set_new_nocheck(o, "task_id", json_integer(s->task_id));
	json_object_set_new_nocheck(o, "task_number", json_integer(s->task_number));
	json_object_set_new_nocheck(o, "unit_id", json_integer(s->unit_id));
	json_object_set_new_nocheck(o, "unit_name", json_string(s->unit_name));
	json_object_set_new_nocheck(o, "role", json_string(s->role));
	json_object_set_new_nocheck(o, "state", json_string_nocheck(g->state));
	json_object_set_new_nocheck(o, "state_name",
	    json_string_nocheck(core_state_name(g->state)));
	json_object_set_new_nocheck(o, "light", json_string_nocheck(light_key[g->light]));
	json_object_set_new_nocheck(o, "overdue", json_boolean(g->overdue));
	json_object_set_new_nocheck(o, "due", str_eq(s->deadline, "2999-12-31") ?
	    json_null() : json_string(s->deadline));
	json_object_set_new_nocheck(o, "report_id", s->report_id ?
	    json_integer(s->report_id) : json_null());
	json_object_set_new_nocheck(o, "report_state", s->report_state[0] ?
	    json_string(s->report_state) : json_null());
	json_object_set_new_nocheck(o, "progress", s->progress[0] ?
	    json_string(s->progress) : json_null());
	json_object_set_new_nocheck(o, "late", json_boolean(s->late));
	json_object_set_new_nocheck(o, "missed", json_boolean(s->missed));
	json_object_set_new_nocheck(o, "returns", json_integer(s->returns));
	return o;
}

static const struct task *
plan_task(const struct plan *p, int64_t id)
{
	size_t	 i;

	for (i = 0; i < p->ntasks; i++)
		if (p->tasks[i].id == id)
			return &p->tasks[i];
	return NULL;
}

static json_t *
rate(long num, long den)
{
	return den > 0 ? json_real((double)num * 100.0 / (double)den) :
	    json_null();
}

struct unit_acc {
	int64_t		 unit_id;
	const char	*name;
	long		 total, submitted, on_time, late, missing, returns;
	long		 accepted, first_pass;
	enum light	 light;
};

enum fz_err
core_dashboard_json(struct store *st, const struct actor *ac,
    int64_t plan_id, int64_t period_id, const char *today, json_t **out)
{
	struct view		 v;
	struct unit_acc		*u = NULL;
	size_t			 nu = 0, cu = 0, i, k;
	long			 lights[3] = { 0, 0, 0 };
	long			 reported = 0, accepted = 0, overdue = 0;
	long			 unreported = 0, late = 0, returns = 0;
	long			 first_pass = 0;
	json_t			*o, *a, *overdue_a, *unrep_a;
	enum fz_err		 rc;

	(void)ac;
	if ((rc = view_load(st, plan_id, period_id, today, &v, 1)) != FZ_OK)
		goto out;
	overdue_a = json_array();
	unrep_a = json_array();
	for (i = 0; i < v.nrows; i++) {
		const struct status_row	*s = &v.rows[i];
		const struct standing	*g = &v.st[i];

		lights[g->light]++;
		reported += g->submitted;
		accepted += str_eq(s->report_state, "accepted");
		first_pass += str_eq(s->report_state, "accepted") &&
		    s->returns == 0;
		late += s->late;
		returns += s->returns;
		overdue += g->overdue;
		if (!g->submitted && !str_eq(g->state, "closed")) {
			unreported++;
			json_array_append_new(g->overdue ? overdue_a : unrep_a,
			    json_pack("{s:I,s:i,s:I,s:s,s:s,s:b}", "task_id",
			    (json_int_t)s->task_id, "task_number",
			    s->task_number, "unit_id", (json_int_t)s->unit_id,
			    "unit_name", s->unit_name, "due", s->deadline,
			    "missed", s->missed));
		}
		for (k = 0; k < nu && u[k].unit_id != s->unit_id; k++)
			;
		if (k == nu) {
			VEC_GROW(u, nu, cu);
			memset(&u[nu], 0, sizeof(u[nu]));
			u[nu].unit_id = s->unit_id;
			u[nu].name = s->unit_name;
			nu++;
		}
		u[k].total++;
		u[k].submitted += g->submitted;
		u[k].on_time += g->submitted && !s->late;
		u[k].late += s->late;
		u[k].missing += g->overdue;
		u[k].returns += s->returns;
		u[k].accepted += str_eq(s->report_state, "accepted");
		u[k].first_pass += str_eq(s->report_state, "accepted") &&
		    s->returns == 0;
		if (g->light > u[k].light)
			u[k].light = g->light;
	}
	o = json_object();
	json_object_set_new(o, "plan_id", json_integer(plan_id));
	json_object_set_new(o, "today", json_string(today));
	json_object_set_new(o, "period", period_json(&v));
	json_object_set_new(o, "totals", json_pack("{s:I,s:I,s:I,s:I,s:I,"
	    "s:I,s:I,s:o}", "assignments", (json_int_t)v.nrows, "reported",
	    (json_int_t)reported, "accepted", (json_int_t)accepted, "overdue",
	    (json_int_t)overdue, "unreported", (json_int_t)unreported, "late",
	    (json_int_t)late, "returns", (json_int_t)returns,
	    "first_pass_rate", rate(first_pass, accepted)));
	json_object_set_new(o, "lights", json_pack("{s:I,s:I,s:I}", "green",
	    (json_int_t)lights[GREEN], "yellow", (json_int_t)lights[YELLOW],
	    "red", (json_int_t)lights[RED]));
	a = json_array();
	for (k = 0; k < v.plan.nsections; k++) {
		const struct section	*sec = &v.plan.sections[k];
		long			 tot = 0, done = 0, rep = 0;

		if (!sec->has_tasks)
			continue;
		for (i = 0; i < v.nrows; i++)
			if (v.rows[i].section == sec->order) {
				tot++;
				rep += v.st[i].submitted;
				done += str_eq(v.rows[i].report_state,
				    "accepted") || str_eq(v.st[i].state,
				    "closed");
			}
		json_array_append_new(a, json_pack("{s:i,s:s?,s:s,s:I,s:I,s:I,"
		    "s:o}", "ord", sec->order, "numeral", sec->numeral,
		    "title", sec->title, "total", (json_int_t)tot, "reported",
		    (json_int_t)rep, "done", (json_int_t)done, "pct",
		    rate(done, tot)));
	}
	json_object_set_new(o, "by_section", a);
	a = json_array();
	for (k = 0; k < v.plan.ntasks; k++) {
		const struct task	*t = &v.plan.tasks[k];
		long			 tot = 0, rep = 0, acc = 0;
		enum light		 l = GREEN;

		for (i = 0; i < v.nrows; i++)
			if (v.rows[i].task_id == t->id) {
				tot++;
				rep += v.st[i].submitted;
				acc += str_eq(v.rows[i].report_state,
				    "accepted");
				if (v.st[i].light > l)
					l = v.st[i].light;
			}
		json_array_append_new(a, json_pack("{s:I,s:i,s:s,s:I,s:I,s:I,"
		    "s:s}", "task_id", (json_int_t)t->id, "number", t->number,
		    "title", t->title, "total", (json_int_t)tot, "reported",
		    (json_int_t)rep, "accepted", (json_int_t)acc, "light",
		    light_key[l]));
	}
	json_object_set_new(o, "by_task", a);
	a = json_array();
	for (k = 0; k < nu; k++)
		json_array_append_new(a, json_pack("{s:I,s:s,s:I,s:I,s:I,s:I,"
		    "s:I,s:I,s:o,s:s}", "unit_id", (json_int_t)u[k].unit_id,
		    "unit_name", u[k].name, "total", (json_int_t)u[k].total,
		    "submitted", (json_int_t)u[k].submitted, "on_time",
		    (json_int_t)u[k].on_time, "late", (json_int_t)u[k].late,
		    "missing", (json_int_t)u[k].missing, "returns",
		    (json_int_t)u[k].returns, "first_pass_rate",
		    rate(u[k].first_pass, u[k].accepted), "light",
		    light_key[u[k].light]));
	json_object_set_new(o, "by_unit", a);
	json_object_set_new(o, "overdue", overdue_a);
	json_object_set_new(o, "unreported", unrep_a);
	*out = o;
out:
	free(u);
	view_release(&v);
	return rc;
}

static int
contains(const char *hay, const char *needle)
{
	return needle == NULL || *needle == '\0' ||
	    (hay != NULL && strstr(hay, needle) != NULL);
}

enum fz_err
core_task_list_json(struct store *st, const struct actor *ac,
    int64_t plan_id, const struct task_query *tq, const char *today,
    json_t **out)
{
	struct view	 v;
	json_t		*items = json_array();
	size_t		 k, i;
	int64_t		 total = 0;
	int		 per = tq->per_page > 0 && tq->per_page <= 200 ?
			    tq->per_page : 50;
	int		 page = tq->page > 0 ? tq->page : 1;
	enum fz_err	 rc;

	(void)ac;
	if ((rc = view_load(st, plan_id, tq->period_id, today, &v, 1)) !=
	    FZ_OK) {
		json_decref(items);
		goto out;
	}
	for (k = 0; k < v.plan.ntasks; k++) {
		const struct task	*t = &v.plan.tasks[k];
		json_t			*asg = json_array();
		int			 rank = -1, mine = tq->unit_id == 0;
		enum light		 l = GREEN;
		const char		*state;

		for (i = 0; i < v.nrows; i++) {
			if (v.rows[i].task_id != t->id)
				continue;
			mine |= v.rows[i].unit_id == tq->unit_id;
			if (rank < 0 || state_rank(v.st[i].state) < rank)
				rank = state_rank(v.st[i].state);
			if (v.st[i].light > l)
				l = v.st[i].light;
			json_array_append_new(asg, row_json(&v.rows[i],
			    &v.st[i]));
		}
		state = state_order[rank < 0 ? 1 : rank];
		if (!mine || (tq->section && t->section != tq->section) ||
		    (tq->state && *tq->state && !str_eq(tq->state, state)) ||
		    (tq->light && *tq->light && !str_eq(tq->light,
		    light_key[l])) || !(contains(t->title, tq->q) ||
		    contains(t->text, tq->q))) {
			json_decref(asg);
			continue;
		}
		total++;
		if (total <= (int64_t)(page - 1) * per ||
		    total > (int64_t)page * per) {
			json_decref(asg);
			continue;
		}
		json_array_append_new(items, json_pack("{s:I,s:i,s:i,s:s,s:s,"
		    "s:s,s:s,s:s?,s:o}", "id", (json_int_t)t->id, "number",
		    t->number, "section", t->section, "title", t->title,
		    "state", state, "state_name", core_state_name(state),
		    "light", light_key[l], "deadline_text", t->deadline_text,
		    "assignments", asg));
	}
	*out = json_pack("{s:I,s:i,s:i,s:o,s:o}", "total", (json_int_t)total,
	    "page", page, "per_page", per, "period", period_json(&v),
	    "items", items);
out:
	view_release(&v);
	return rc;
}

static json_t *
notices_json(struct notice *x, size_t n)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < n; i++) {
		json_array_append_new(a, json_pack("{s:I,s:I,s:s,s:s,s:s,s:s,"
		    "s:s,s:o,s:o,s:o}", "id", (json_int_t)x[i].id, "unit_id",
		    (json_int_t)x[i].unit_id, "kind", x[i].kind, "kind_name",
		    str_eq(x[i].kind, "urge") ? "催办" :
		    str_eq(x[i].kind, "supervise") ? "督办" : "提醒", "message",
		    x[i].message ? x[i].message : "", "actor", x[i].actor,
		    "created_at", x[i].created_at, "read_at", x[i].read_at[0] ?
		    json_string(x[i].read_at) : json_null(), "task_id",
		    x[i].task_id ? json_integer(x[i].task_id) : json_null(),
		    "period_id", x[i].period_id ? json_integer(x[i].period_id) :
		    json_null()));
		notice_release(&x[i]);
	}
	return a;
}

json_t *
core_extensions_json(struct extension *e, size_t n)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < n; i++) {
		json_array_append_new(a, json_pack("{s:I,s:I,s:I,s:i,s:I,s:s,"
		    "s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s?}", "id",
		    (json_int_t)e[i].id, "period_id", (json_int_t)e[i].period_id,
		    "task_id", (json_int_t)e[i].task_id, "task_number",
		    e[i].task_number, "unit_id", (json_int_t)e[i].unit_id,
		    "unit_name", e[i].unit_name, "reason", e[i].reason ?
		    e[i].reason : "", "original_due", e[i].original_due,
		    "requested_due", e[i].requested_due, "state", e[i].state,
		    "state_name", core_state_name(str_eq(e[i].state, "pending") ?
		    "pending_ext" : e[i].state), "requested_by",
		    e[i].requested_by, "requested_at", e[i].requested_at,
		    "decided_by", e[i].decided_by, "decided_at",
		    e[i].decided_at, "comment", e[i].comment));
		extension_release(&e[i]);
	}
	return a;
}

enum fz_err
core_task_json(struct store *st, const struct actor *ac, int64_t task_id,
    const char *today, json_t **out)
{
	struct view		 v;
	struct report_filter	 f;
	struct notice_filter	 nf;
	struct extension	*e;
	struct notice		*x;
	const struct task	*t;
	int64_t			 plan_id;
	size_t			 n, i;
	json_t			*o, *a, *reps = NULL;
	enum fz_err		 rc;

	if ((rc = store_task_plan(st, task_id, &plan_id)) != FZ_OK)
		return rc;
	if ((rc = view_load(st, plan_id, 0, today, &v, 1)) != FZ_OK)
		goto out;
	if ((t = plan_task(&v.plan, task_id)) == NULL) {
		rc = FZ_ENOTFOUND;
		goto out;
	}
	o = json_object();
	json_object_set_new(o, "task", core_plan_task_json(t));
	json_object_set_new(o, "plan_id", json_integer(plan_id));
	json_object_set_new(o, "period", period_json(&v));
	a = json_array();
	for (i = 0; i < v.nrows; i++)
		if (v.rows[i].task_id == task_id)
			json_array_append_new(a, row_json(&v.rows[i],
			    &v.st[i]));
	json_object_set_new(o, "assignments", a);
	memset(&f, 0, sizeof(f));
	f.task_id = task_id;
	f.limit = 500;
	if ((rc = core_report_list(st, ac, &f, &reps)) != FZ_OK) {
		json_decref(o);
		goto out;
	}
	json_object_set(o, "reports", json_object_get(reps, "items"));
	json_decref(reps);
	if ((rc = store_extension_list(st, 0, task_id, 0, NULL, &e, &n)) !=
	    FZ_OK) {
		json_decref(o);
		goto out;
	}
	json_object_set_new(o, "extensions", core_extensions_json(e, n));
	free(e);
	memset(&nf, 0, sizeof(nf));
	nf.visible_to = core_actor_reads_all(ac) ? 0 : ac->account_id;
	nf.task_id = task_id;
	nf.limit = 200;
	if ((rc = store_notice_list(st, &nf, &x, &n)) != FZ_OK) {
		json_decref(o);
		goto out;
	}
	json_object_set_new(o, "notices", notices_json(x, n));
	free(x);
	*out = o;
out:
	view_release(&v);
	return rc;
}

enum fz_err
core_notices_json(struct store *st, const struct actor *ac,
    const struct notice_filter *in, json_t **out)
{
	struct notice_filter	 f = *in;
	struct notice		*x;
	size_t			 n;
	enum fz_err		 rc;

	f.visible_to = core_actor_reads_all(ac) && f.unit_id != 0 ? 0 :
	    ac->account_id;
	if ((rc = store_notice_list(st, &f, &x, &n)) != FZ_OK)
		return rc;
	*out = json_pack("{s:o}", "items", notices_json(x, n));
	free(x);
	return FZ_OK;
}

static void
todo(json_t *a, const char *kind, const char *title, const char *detail,
    const char *due, int64_t report, int64_t task, int64_t period,
    int64_t unit)
{
	json_t	*o = json_pack("{s:s,s:s,s:s}", "kind", kind, "title", title,
	    "detail", detail);

	json_object_set_new(o, "due", due ? json_string(due) : json_null());
	json_object_set_new(o, "report_id", report ? json_integer(report) :
	    json_null());
	json_object_set_new(o, "task_id", task ? json_integer(task) :
	    json_null());
	json_object_set_new(o, "period_id", period ? json_integer(period) :
	    json_null());
	json_object_set_new(o, "unit_id", unit ? json_integer(unit) :
	    json_null());
	json_array_append_new(a, o);
}

enum fz_err
core_todo_json(struct store *st, const struct actor *ac, const char *today,
    json_t **out)
{
	struct view		 v;
	struct report_filter	 f;
	struct report		*r;
	struct extension	*e;
	int64_t			 plan_id, total;
	size_t			 i, n;
	long			 overdue = 0, red = 0;
	char			 title[256], detail[512];
	json_t			*a = json_array(), *notes = NULL;
	struct notice_filter	 nf;
	enum fz_err		 rc;

	memset(&v, 0, sizeof(v));
	plan_init(&v.plan);
	if ((rc = core_plan_lookup(st, NULL, &plan_id)) == FZ_ENOTFOUND) {
		*out = json_pack("{s:o,s:n}", "items", a, "period");
		return FZ_OK;
	}
	if (rc != FZ_OK || (rc = view_load(st, plan_id, 0, today, &v, 0)) !=
	    FZ_OK)
		goto fail;
	for (i = 0; i < v.nrows; i++) {
		const struct status_row	*s = &v.rows[i];
		const struct standing	*g = &v.st[i];

		overdue += g->overdue;
		red += g->light == RED;
		if (!core_actor_in_unit(ac, s->unit_id, ROLES_UNIT))
			continue;
		snprintf(title, sizeof(title), "第%d项任务", s->task_number);
		if (str_eq(s->asg_state, "assigned")) {
			snprintf(detail, sizeof(detail), "%s：待领办",
			    s->unit_name);
			todo(a, "claim", title, detail, NULL, 0, s->task_id, 0,
			    s->unit_id);
		}
		if (!v.have_period || str_eq(g->state, "closed"))
			continue;
		if (s->report_id == 0 || str_eq(s->report_state, "draft")) {
			snprintf(detail, sizeof(detail), "%s：%s进展待填报%s",
			    s->unit_name, v.period.name, g->overdue ?
			    "（已逾期）" : "");
			todo(a, "write", title, detail, s->deadline,
			    s->report_id, s->task_id, v.period.id, s->unit_id);
		} else if (str_eq(s->report_state, "returned")) {
			snprintf(detail, sizeof(detail), "%s：%s报告被退回，"
			    "请修改后重新提交", s->unit_name, v.period.name);
			todo(a, "revise", title, detail, s->deadline,
			    s->report_id, s->task_id, v.period.id, s->unit_id);
		} else if (str_eq(s->report_state, "pending") &&
		    core_actor_in_unit(ac, s->unit_id,
		    ROLEBIT(STAFF_UNIT_LEADER))) {
			snprintf(detail, sizeof(detail), "%s：%s报告待负责人审批",
			    s->unit_name, v.period.name);
			todo(a, "approve", title, detail, s->deadline,
			    s->report_id, s->task_id, v.period.id, s->unit_id);
		}
	}
	if (core_actor_supervises(ac)) {
		memset(&f, 0, sizeof(f));
		f.state = "submitted";
		f.not_of = ac->account_id;
		f.limit = 100;
		if ((rc = store_report_list(st, &f, &r, &n, &total)) != FZ_OK)
			goto fail;
		for (i = 0; i < n; i++) {
			snprintf(title, sizeof(title), "第%d项任务",
			    r[i].task_number);
			snprintf(detail, sizeof(detail), "%s：%s报告待审核",
			    r[i].unit_name, r[i].period_name);
			todo(a, "review", title, detail, NULL, r[i].id,
			    r[i].task_id, r[i].period_id, r[i].unit_id);
			report_release(&r[i]);
		}
		free(r);
		if ((rc = store_extension_list(st, plan_id, 0, 0, "pending", &e,
		    &n)) != FZ_OK)
			goto fail;
		for (i = 0; i < n; i++) {
			snprintf(title, sizeof(title), "第%d项任务",
			    e[i].task_number);
			snprintf(detail, sizeof(detail), "%s申请延期至 %s",
			    e[i].unit_name, e[i].requested_due);
			todo(a, "extension", title, detail, e[i].requested_due,
			    0, e[i].task_id, e[i].period_id, e[i].unit_id);
			extension_release(&e[i]);
		}
		free(e);
	}
	if (core_actor_reads_all(ac) && (overdue > 0 || red > 0)) {
		snprintf(detail, sizeof(detail), "%ld 项逾期未报，%ld 项亮红灯",
		    overdue, red);
		todo(a, "overview", "督办看板", detail, NULL, 0, 0,
		    v.have_period ? v.period.id : 0, 0);
	}
	memset(&nf, 0, sizeof(nf));
	nf.unread = 1;
	nf.limit = 50;
	if ((rc = core_notices_json(st, ac, &nf, &notes)) != FZ_OK)
		goto fail;
	*out = json_pack("{s:o,s:o,s:O}", "items", a, "period",
	    period_json(&v), "notices", json_object_get(notes, "items"));
	json_decref(notes);
	view_release(&v);
	return FZ_OK;
fail:
	json_decref(a);
	view_release(&v);
	return rc;
}

/* fazhi remind. */

struct unit_due {
	int64_t		 unit_id;
	const char	*name;
	json_t		*due, *overdue, *approve;
};

static struct unit_due *
unit_due_get(struct unit_due **v, size_t *n, size_t *cap,
    const struct status_row *s)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if ((*v)[i].unit_id == s->unit_id)
			return &(*v)[i];
	VEC_GROW(*v, *n, *cap);
	(*v)[*n].unit_id = s->unit_id;
	(*v)[*n].name = s->unit_name;
	(*v)[*n].due = json_array();
	(*v)[*n].overdue = json_array();
	(*v)[*n].approve = json_array();
	return &(*v)[(*n)++];
}

/* One notice per unit, kind and period a (real, UTC) day. */
static enum fz_err
notify(struct store *st, int64_t unit, const char *kind, int64_t period,
    const char *msg, int *sent)
{
	char			 now[21];
	struct notice_filter	 f;
	struct notice		*x, nx;
	size_t			 n, i;
	int			 dup = 0;
	enum fz_err		 rc;

	date_now(now);
	memset(&f, 0, sizeof(f));
	f.unit_id = unit;
	f.limit = 50;
	if ((rc = store_notice_list(st, &f, &x, &n)) != FZ_OK)
		return rc;
	for (i = 0; i < n; i++) {
		dup |= str_eq(x[i].kind, kind) && x[i].period_id == period &&
		    strncmp(x[i].created_at, now, 10) == 0;
		notice_release(&x[i]);
	}
	free(x);
	if (dup)
		return FZ_OK;
	memset(&nx, 0, sizeof(nx));
	nx.unit_id = unit;
	nx.period_id = period;
	snprintf(nx.kind, sizeof(nx.kind), "%s", kind);
	snprintf(nx.actor, sizeof(nx.actor), "fazhi");
	nx.message = (char *)(uintptr_t)msg;
	if ((rc = store_notice_add(st, &nx)) == FZ_OK)
		(*sent)++;
	return rc;
}

static enum fz_err
remind_period(struct store *st, const struct remind_opts *o,
    int64_t plan_id, const struct period *p, json_t *units_out,
    json_t *review_out, int *missed, int *sent)
{
	struct view		 v;
	struct unit_due		*u = NULL;
	size_t			 nu = 0, cu = 0, i;
	char			 msg[1024];
	enum fz_err		 rc;

	if ((rc = view_load(st, plan_id, p->id, o->today, &v, 0)) != FZ_OK)
		goto out;
	for (i = 0; i < v.nrows; i++) {
		const struct status_row	*s = &v.rows[i];
		const struct standing	*g = &v.st[i];
		json_t			*item;
		struct unit_due		*d;
		int			 added = 0;

		if (str_eq(g->state, "closed"))
			continue;
		item = json_pack("{s:I,s:i,s:s,s:s,s:I}", "task_id",
		    (json_int_t)s->task_id, "task_number", s->task_number,
		    "period", p->name, "deadline", s->deadline, "unit_id",
		    (json_int_t)s->unit_id);
		if (g->overdue) {
			d = unit_due_get(&u, &nu, &cu, s);
			json_array_append(d->overdue, item);
			if (!o->dry_run && (rc = store_missed_put(st, p->id,
			    s->task_id, s->unit_id, s->deadline, &added)) !=
			    FZ_OK) {
				json_decref(item);
				goto out;
			}
			*missed += added;
		} else if (!g->submitted && g->workdays_left <= v.j.yellow_days) {
			d = unit_due_get(&u, &nu, &cu, s);
			json_array_append(d->due, item);
		} else if (str_eq(s->report_state, "pending")) {
			d = unit_due_get(&u, &nu, &cu, s);
			json_array_append(d->approve, item);
		} else if (str_eq(s->report_state, "submitted")) {
			json_object_set_new(item, "unit_name",
			    json_string(s->unit_name));
			json_object_set_new(item, "report_id",
			    json_integer(s->report_id));
			json_array_append(review_out, item);
		}
		json_decref(item);
	}
	for (i = 0; i < nu; i++) {
		json_array_append_new(units_out, json_pack("{s:I,s:s,s:s,s:O,"
		    "s:O,s:O}", "unit_id", (json_int_t)u[i].unit_id,
		    "unit_name", u[i].name, "period", p->name, "due", u[i].due,
		    "overdue", u[i].overdue, "approve", u[i].approve));
		if (o->dry_run)
			continue;
		if (json_array_size(u[i].overdue) > 0) {
			snprintf(msg, sizeof(msg), "%s有 %zu 项任务逾期未报送，"
			    "已记为未报，请尽快报送", p->name,
			    json_array_size(u[i].overdue));
			if ((rc = notify(st, u[i].unit_id, "overdue", p->id,
			    msg, sent)) != FZ_OK)
				goto out;
		}
		if (json_array_size(u[i].due) > 0) {
			snprintf(msg, sizeof(msg), "%s有 %zu 项任务即将到期，"
			    "请按时报送", p->name, json_array_size(u[i].due));
			if ((rc = notify(st, u[i].unit_id, "due", p->id, msg,
			    sent)) != FZ_OK)
				goto out;
		}
		if (json_array_size(u[i].approve) > 0) {
			snprintf(msg, sizeof(msg), "%s有 %zu 份报告待负责人审批",
			    p->name, json_array_size(u[i].approve));
			if ((rc = notify(st, u[i].unit_id, "review", p->id,
			    msg, sent)) != FZ_OK)
				goto out;
		}
	}
out:
	for (i = 0; i < nu; i++) {
		json_decref(u[i].due);
		json_decref(u[i].overdue);
		json_decref(u[i].approve);
	}
	free(u);
	view_release(&v);
	return rc;
}

/* The units where someone supervises: 依法治县办. */
static int
supervisor_units(const struct account *a, void *arg)
{
	json_t	*units = arg;
	size_t	 i;
	char	 key[32];

	for (i = 0; i < a->nroles; i++)
		if (a->roles[i].role == STAFF_SUPERVISOR && !a->disabled) {
			snprintf(key, sizeof(key), "%lld",
			    (long long)a->roles[i].unit_id);
			json_object_set_new(units, key, json_true());
		}
	return 0;
}

/* Reports waiting for review: a notice to each supervising unit. */
static enum fz_err
remind_supervisors(struct store *st, size_t n, int *sent)
{
	json_t		*units = json_object(), *v;
	const char	*key;
	char		 msg[128];
	long long	 id;
	enum fz_err	 rc;

	if ((rc = store_account_iter(st, supervisor_units, units)) == FZ_OK) {
		snprintf(msg, sizeof(msg), "有 %zu 份报告待审核", n);
		json_object_foreach(units, key, v) {
			if (str_toint(key, 1, INT64_MAX, &id) != FZ_OK)
				continue;
			if ((rc = notify(st, id, "review", 0, msg, sent)) !=
			    FZ_OK)
				break;
		}
	}
	json_decref(units);
	return rc;
}

enum fz_err
core_remind(struct store *st, const struct remind_opts *o, json_t **out,
    struct diags *dg)
{
	struct periods	 ps = { NULL, 0, 0 };
	struct actor	 sys;
	int64_t		 plan_id = o->plan_id;
	json_t		*units = json_array(), *review = json_array();
	size_t		 i;
	int		 missed = 0, sent = 0;
	enum fz_err	 rc;

	core_actor_system(&sys);
	if (plan_id == 0 && (rc = core_plan_lookup(st, NULL, &plan_id)) !=
	    FZ_OK) {
		work_fail(dg, rc, "plan", "还没有导入工作计划");
		goto fail;
	}
	if ((rc = store_period_iter(st, plan_id, collect_period, &ps)) !=
	    FZ_OK) {
		work_store_fail(st, dg, rc);
		goto fail;
	}
	if (!o->dry_run && (rc = store_begin(st)) != FZ_OK) {
		work_store_fail(st, dg, rc);
		goto fail;
	}
	for (i = 0; i < ps.n && rc == FZ_OK; i++)
		if (!ps.v[i].locked && strcmp(ps.v[i].starts, o->today) <= 0)
			rc = remind_period(st, o, plan_id, &ps.v[i], units,
			    review, &missed, &sent);
	if (rc == FZ_OK && !o->dry_run && json_array_size(review) > 0)
		rc = remind_supervisors(st, json_array_size(review), &sent);
	if (!o->dry_run) {
		if (rc == FZ_OK && (missed > 0 || sent > 0))
			rc = work_audit(st, &sys, "remind", "plan", plan_id,
			    NULL, json_pack("{s:s,s:i,s:i}", "today", o->today,
			    "missed_recorded", missed, "notices", sent));
		if ((rc = work_end(st, rc, dg)) != FZ_OK)
			goto fail;
	} else if (rc != FZ_OK) {
		work_store_fail(st, dg, rc);
		goto fail;
	}
	*out = json_pack("{s:s,s:I,s:b,s:o,s:o,s:i,s:i}", "today", o->today,
	    "plan_id", (json_int_t)plan_id, "dry_run", o->dry_run, "units",
	    units, "review", review, "missed_recorded", missed,
	    "notices_sent", sent);
	free(ps.v);
	return FZ_OK;
fail:
	free(ps.v);
	json_decref(units);
	json_decref(review);
	return rc;
}
