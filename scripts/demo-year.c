/*
 * demo-year.c: takes data/demo/2022/reports.txt through the reporting
 * workflow in date order (clerk saves, uploads evidence, submits; unit
 * leader approves; 依法治县办 accepts or returns; core_remind after each
 * deadline) with the data's dates as "today". C over the core functions
 * the thin HTTP handlers call, not node over HTTP: both store backends,
 * no server per day, no node in tests, a year in seconds.
 * Usage: demo-year [-p password] DSN DATA_DIR
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/work.h"
#include "fazhi/banned.h"

#define QUARTERS	4
#define MAXF		9	/* fields of a report line */

static const char	*prog = "demo-year";

static void __attribute__((format(printf, 1, 2), noreturn))
die(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

/* One account of accounts.csv. */
struct person {
	char		*login, *name, *unit;
	enum staff_role	 role;
	struct account	 a;
	struct actor	 ac;
};

/* One report of reports.txt: a line, and what happened to it. */
struct rep {
	int		 line;
	int		 q;		/* 1…4 */
	int		 task;		/* the plan's task number */
	char		*unit, *progress, *measures, *narrative;
	char		 sent[11];	/* "" never sent: a draft */
	int		 review;	/* 0 none, 1 accept, 2 return */
	char		*reason, *comment;
	char		 resent[11];	/* sent again after the return */
	char		*first;		/* the text before the return */
	char		*sendback;	/* the unit leader's comment */
	char		*cites;		/* "gaj,wjj": co-units' reports */
	char		*ev;		/* the evidence file's name */
	struct report_ind inds[4];
	size_t		 ninds;
	/* resolved */
	int64_t		 task_id, unit_id, period_id, id;
	struct person	*clerk, *leader;
};

/* What happens on a day: sorted by date, then kind, then line. */
enum ev_kind { EV_SEND, EV_REVIEW, EV_RESEND, EV_REMIND };

struct event {
	char		 date[11];
	enum ev_kind	 kind;
	struct rep	*r;
	int		 q;
};

struct demo {
	struct store	*st;
	const char	*dir;
	char		 rpath[1024], apath[1024];
	struct plan	 plan;
	struct period	 per[QUARTERS];
	struct assignment *asg;
	size_t		 nasg;
	struct unit_dir	 units;
	struct person	*people;
	size_t		 npeople;
	struct person	*sup;
	struct rep	*reps;
	size_t		 nreps;
	struct event	*evs;
	size_t		 nevs, evcap;
	struct progress	 pr;
	long		 done;
	long		 created, saves, submits, approves, send_backs;
	long		 returns, accepts, evidence, drafts, reminds;
};

static void
check(enum fz_err rc, struct diags *dg, const struct demo *d,
    const struct rep *r, const char *what)
{
	if (rc == FZ_OK) {
		diags_release(dg);
		return;
	}
	if (r != NULL)
		die("%s:%d: %s：%s（%s）", d->rpath, r->line, what,
		    dg->n > 0 ? dg->v[0].message : "", fz_strerror(rc));
	die("%s：%s（%s）", what, dg->n > 0 ? dg->v[0].message : "",
	    fz_strerror(rc));
}

/* Split s in place at sep into at most max fields; the count. */
static size_t
split(char *s, char sep, char **f, size_t max)
{
	size_t	 n = 0;

	f[n++] = s;
	for (; *s != '\0'; s++)
		if (*s == sep && n < max) {
			*s = '\0';
			f[n++] = s + 1;
		}
	return n;
}

static int
valid_date(const char *s)
{
	long	 x;

	return strlen(s) == 10 && date_days(s, &x) == FZ_OK;
}

static long
days(const char *s)
{
	long	 x = 0;

	(void)date_days(s, &x);
	return x;
}

static const struct unit *
unit_by_code(const struct demo *d, const char *code)
{
	size_t	 i;

	for (i = 0; i < d->units.n; i++)
		if (str_eq(d->units.v[i].code, code))
			return &d->units.v[i];
	return NULL;
}

static const struct task *
task_by_number(const struct demo *d, int n)
{
	size_t	 i;

	for (i = 0; i < d->plan.ntasks; i++)
		if (d->plan.tasks[i].number == n)
			return &d->plan.tasks[i];
	return NULL;
}

static struct person *
person_of(struct demo *d, const char *unit, enum staff_role role)
{
	size_t	 i;

	for (i = 0; i < d->npeople; i++)
		if (str_eq(d->people[i].unit, unit) &&
		    d->people[i].role == role)
			return &d->people[i];
	return NULL;
}

/* accounts.csv: 账号,姓名,单位,角色 (the first line names the columns). */
static void
read_accounts(struct demo *d)
{
	struct buf	 b = BUF_INIT, err = BUF_INIT;
	char		*line, *next, *f[5];
	int		 ln = 0;

	if (file_read(d->apath, 1 << 20, &b, &err) != FZ_OK)
		die("%s: %s", d->apath, err.ptr ? err.ptr : "cannot read");
	for (line = b.ptr; line != NULL && *line != '\0'; line = next) {
		struct person	*p;

		ln++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (ln == 1 || *line == '\0' || *line == '#')
			continue;
		if (split(line, ',', f, 5) != 4)
			die("%s:%d: 应有 4 列：账号,姓名,单位,角色", d->apath, ln);
		if (unit_by_code(d, f[2]) == NULL)
			die("%s:%d: 没有代码为“%s”的单位", d->apath, ln, f[2]);
		d->people = xreallocarray(d->people, d->npeople + 1,
		    sizeof(*d->people));
		p = &d->people[d->npeople++];
		memset(p, 0, sizeof(*p));
		if (!staff_role_parse(f[3], &p->role))
			die("%s:%d: 未知角色“%s”", d->apath, ln, f[3]);
		p->login = xstrdup(f[0]);
		p->name = xstrdup(f[1]);
		p->unit = xstrdup(f[2]);
	}
	buf_release(&b);
	buf_release(&err);
	if ((d->sup = person_of(d, "yfzxb", STAFF_SUPERVISOR)) == NULL)
		die("%s: 没有依法治县办（yfzxb）的 supervisor 账号", d->apath);
}

/* "ind=名称=85", "ind=名称=done", "ind=名称=notdone=说明" */
static void
parse_ind(struct demo *d, struct rep *r, char *s)
{
	struct report_ind	*x;
	char			*f[3];
	size_t			 n = split(s, '=', f, 3);
	long long		 v;

	if (n < 2 || r->ninds == sizeof(r->inds) / sizeof(r->inds[0]))
		die("%s:%d: 指标写成 ind=名称=数值|done|notdone[=说明]",
		    d->rpath, r->line);
	x = &r->inds[r->ninds++];
	snprintf(x->name, sizeof(x->name), "%s", f[0]);
	x->done = -1;
	if (str_eq(f[1], "done"))
		x->done = 1;
	else if (str_eq(f[1], "notdone"))
		x->done = 0;
	else if (str_toint(f[1], 0, 1000000, &v) == FZ_OK) {
		x->has_value = 1;
		x->value = (double)v;
	} else
		die("%s:%d: 指标“%s”的值“%s”应为整数、done 或 notdone",
		    d->rpath, r->line, f[0], f[1]);
	x->note = n == 3 ? f[2] : NULL;
}

static int
is_progress(const char *s)
{
	return str_eq(s, "not_started") || str_eq(s, "in_progress") ||
	    str_eq(s, "done") || str_eq(s, "blocked");
}

/* "2,3": measure numbers of a task with n measures, or "" (none). */
static int
measures_ok(const char *s, size_t n)
{
	char		 num[8];
	long long	 v;
	size_t		 len;

	while (*s != '\0') {
		len = strcspn(s, ",");
		if (len == 0 || len >= sizeof(num))
			return 0;
		memcpy(num, s, len);
		num[len] = '\0';
		if (str_toint(num, 1, (long long)n, &v) != FZ_OK)
			return 0;
		s += len;
		if (*s == ',' && *++s == '\0')
			return 0;
	}
	return 1;
}

/* One line: 季度|任务|单位|进展|措施|报送日|审核|其他|进展情况 */
static void
parse_rep(struct demo *d, struct rep *r, char *line)
{
	char		*f[MAXF], *x[8], *rv[4];
	const struct task *t;
	const struct unit *u;
	long long	 v;
	size_t		 i, n;

	if (split(line, '|', f, MAXF) != MAXF)
		die("%s:%d: 应有 %d 个以“|”分隔的字段：季度|任务|单位|进展|措施|"
		    "报送日|审核|其他|进展情况", d->rpath, r->line, MAXF);
	if (str_toint(f[0], 1, QUARTERS, &v) != FZ_OK)
		die("%s:%d: 季度“%s”应为 1 至 4", d->rpath, r->line, f[0]);
	r->q = (int)v;
	if (str_toint(f[1], 1, 1000, &v) != FZ_OK ||
	    (t = task_by_number(d, (int)v)) == NULL)
		die("%s:%d: 计划中没有第“%s”项任务", d->rpath, r->line, f[1]);
	r->task = (int)v;
	r->task_id = t->id;
	if ((u = unit_by_code(d, f[2])) == NULL)
		die("%s:%d: 没有代码为“%s”的单位", d->rpath, r->line, f[2]);
	r->unit = f[2];
	r->unit_id = u->id;
	for (i = 0; i < d->nasg; i++)
		if (d->asg[i].task_id == r->task_id &&
		    d->asg[i].unit_id == r->unit_id)
			break;
	if (i == d->nasg)
		die("%s:%d: %s不承担第%d项任务", d->rpath, r->line, u->name,
		    r->task);
	if ((r->clerk = person_of(d, r->unit, STAFF_CLERK)) == NULL ||
	    (r->leader = person_of(d, r->unit, STAFF_UNIT_LEADER)) == NULL)
		die("%s:%d: %s 须在 %s 中有联络员（clerk）和负责人"
		    "（unit_leader）账号", d->rpath, r->line, r->unit, d->apath);
	if (!is_progress(f[3]))
		die("%s:%d: 进展“%s”应为 not_started、in_progress、done 或 "
		    "blocked", d->rpath, r->line, f[3]);
	r->progress = f[3];
	r->measures = f[4];
	if (!measures_ok(f[4], t->nmeasures))
		die("%s:%d: 第%d项任务只有 %zu 项措施：“%s”", d->rpath, r->line,
		    r->task, t->nmeasures, f[4]);
	r->period_id = d->per[r->q - 1].id;
	if (str_eq(f[5], "-"))
		r->sent[0] = '\0';
	else if (!valid_date(f[5]) || days(f[5]) <= days(d->per[r->q -
	    1].ends))
		die("%s:%d: 报送日“%s”应为%s之后的日期", d->rpath, r->line,
		    f[5], d->per[r->q - 1].ends);
	else
		memcpy(r->sent, f[5], 11);
	n = split(f[6], ':', rv, 4);
	if (str_eq(rv[0], "-") && n == 1)
		r->review = 0;
	else if (str_eq(rv[0], "accept") && n == 1)
		r->review = 1;
	else if (str_eq(rv[0], "return") && n == 4 && strlen(rv[1]) == 3 &&
	    *core_reason_name(rv[1]) != '\0' && valid_date(rv[3])) {
		r->review = 2;
		r->reason = rv[1];
		r->comment = rv[2];
		memcpy(r->resent, rv[3], 11);
	} else
		die("%s:%d: 审核“%s”应为 -、accept 或 return:退回原因代码:意见:"
		    "重报日", d->rpath, r->line, f[6]);
	if (r->review != 0 && r->sent[0] == '\0')
		die("%s:%d: 未报送的报告不能审核", d->rpath, r->line);
	if (r->review == 2 && days(r->resent) <= days(r->sent) + 2)
		die("%s:%d: 重报日应在报送日 3 天之后（退回在报送后第 3 天）",
		    d->rpath, r->line);
	if (*f[7] != '\0') {
		n = split(f[7], ';', x, 8);
		for (i = 0; i < n; i++) {
			if (str_startswith(x[i], "cites="))
				r->cites = x[i] + 6;
			else if (str_startswith(x[i], "ind="))
				parse_ind(d, r, x[i] + 4);
			else if (str_startswith(x[i], "first="))
				r->first = x[i] + 6;
			else if (str_startswith(x[i], "sendback="))
				r->sendback = x[i] + 9;
			else if (str_startswith(x[i], "ev="))
				r->ev = x[i] + 3;
			else
				die("%s:%d: 不认识“%s”：其他字段可写 cites=、"
				    "ind=、first=、sendback=、ev=，以“;”分隔",
				    d->rpath, r->line, x[i]);
		}
	}
	if (r->first != NULL && r->review != 2)
		die("%s:%d: first= 只用于被退回的报告", d->rpath, r->line);
	if (*f[8] == '\0')
		die("%s:%d: 请填写进展情况", d->rpath, r->line);
	r->narrative = f[8];
	if (str_eq(r->progress, "done") && r->measures[0] == '\0' &&
	    r->sent[0] == '\0')
		die("%s:%d: 已完成的报告应报送", d->rpath, r->line);
}

static void
add_event(struct demo *d, const char *date, enum ev_kind k, struct rep *r,
    int q)
{
	struct event	*e;

	VEC_GROW(d->evs, d->nevs, d->evcap);
	e = &d->evs[d->nevs++];
	memcpy(e->date, date, 11);
	e->kind = k;
	e->r = r;
	e->q = q;
}

static int
ev_cmp(const void *a, const void *b)
{
	const struct event	*x = a, *y = b;
	int			 c = strcmp(x->date, y->date);

	if (c != 0)
		return c;
	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	return (x->r ? x->r->line : 0) - (y->r ? y->r->line : 0);
}

/* A cited report must be of the same quarter and task and sent before. */
static void
check_cites(const struct demo *d, const struct rep *r)
{
	char		*s, *f[16];
	size_t		 n, i, j;

	if (r->cites == NULL)
		return;
	if (r->sent[0] == '\0')
		die("%s:%d: 未报送的报告不能引用", d->rpath, r->line);
	s = xstrdup(r->cites);
	n = split(s, ',', f, 16);
	for (i = 0; i < n; i++) {
		for (j = 0; j < d->nreps; j++) {
			const struct rep *c = &d->reps[j];

			if (c->q == r->q && c->task == r->task &&
			    str_eq(c->unit, f[i]) && c->sent[0] != '\0' &&
			    (strcmp(c->sent, r->sent) < 0 || (str_eq(c->sent,
			    r->sent) && c->line < r->line)))
				break;
		}
		if (j == d->nreps)
			die("%s:%d: cites=%s：%s 在第%d季度第%d项任务没有更早"
			    "报送的报告", d->rpath, r->line, r->cites, f[i],
			    r->q, r->task);
	}
	free(s);
}

static void
read_reports(struct demo *d, struct buf *b)
{
	struct buf	 err = BUF_INIT;
	char		*line, *next, day[11];
	int		 ln = 0, q;
	size_t		 i, j;

	if (file_read(d->rpath, 4 << 20, b, &err) != FZ_OK)
		die("%s: %s", d->rpath, err.ptr ? err.ptr : "cannot read");
	buf_release(&err);
	for (line = b->ptr; line != NULL && *line != '\0'; line = next) {
		struct rep *r;

		ln++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (*line == '\0' || *line == '#')
			continue;
		d->reps = xreallocarray(d->reps, d->nreps + 1,
		    sizeof(*d->reps));
		r = &d->reps[d->nreps++];
		memset(r, 0, sizeof(*r));
		r->line = ln;
		parse_rep(d, r, line);
	}
	/* One report per task, unit and quarter. */
	for (i = 0; i < d->nreps; i++)
		for (j = 0; j < i; j++)
			if (d->reps[i].q == d->reps[j].q && d->reps[i].task ==
			    d->reps[j].task && str_eq(d->reps[i].unit,
			    d->reps[j].unit))
				die("%s:%d: 与第 %d 行重复（同一季度、任务和单位）",
				    d->rpath, d->reps[i].line, d->reps[j].line);
	for (i = 0; i < d->nreps; i++)
		check_cites(d, &d->reps[i]);
	for (i = 0; i < d->nreps; i++) {
		struct rep *r = &d->reps[i];

		if (r->sent[0] == '\0')
			continue;
		add_event(d, r->sent, EV_SEND, r, 0);
		if (r->review != 0) {
			date_from_days(days(r->sent) + 3, day);
			add_event(d, day, EV_REVIEW, r, 0);
		}
		if (r->review == 2)
			add_event(d, r->resent, EV_RESEND, r, 0);
	}
	for (q = 1; q <= QUARTERS; q++) {
		date_from_days(days(d->per[q - 1].due) +
		    d->per[q - 1].grace_days + 1, day);
		add_event(d, day, EV_REMIND, NULL, q);
	}
	qsort(d->evs, d->nevs, sizeof(*d->evs), ev_cmp);
}

/*
 * A new account: the first goes through core_account_add(); the others
 * get the same password, so they share its Argon2id hash (*hash; one
 * costs about 0.4 s) and are stored as core_account_add() stores them.
 */
static void
person_create(struct demo *d, struct person *p, const char *password,
    char **hash)
{
	struct role_spec	 rs = { p->unit, p->role };
	struct account_spec	 as = { p->login, p->name, password, 0, &rs, 1 };
	struct account_role	 r;
	struct account		 a;
	struct diags		 dg = { 0 };

	if (*hash == NULL) {
		check(core_account_add(d->st, &as, "demo", &dg), &dg, d, NULL,
		    p->login);
	} else {
		memset(&a, 0, sizeof(a));
		memset(&r, 0, sizeof(r));
		r.unit_id = unit_by_code(d, p->unit)->id;
		r.role = p->role;
		a.login = p->login;
		a.name = p->name;
		a.password_hash = *hash;
		a.roles = &r;
		a.nroles = 1;
		if (store_begin(d->st) != FZ_OK ||
		    store_account_put(d->st, &a) != FZ_OK ||
		    store_audit(d->st, "demo", "account.add", p->login,
		    "1 个角色") != FZ_OK || store_commit(d->st) != FZ_OK)
			die("%s: %s", p->login, store_errmsg(d->st));
	}
	if (store_account_get(d->st, p->login, &p->a) != FZ_OK)
		die("%s: %s", p->login, store_errmsg(d->st));
	if (*hash == NULL)
		*hash = xstrdup(p->a.password_hash);
	d->created++;
}

/* Every account of accounts.csv, loaded or created, and its actor. */
static void
people_load(struct demo *d, const char *password)
{
	char		*hash = NULL;
	size_t		 i;

	for (i = 0; i < d->npeople; i++) {
		struct person	*p = &d->people[i];

		memset(&p->a, 0, sizeof(p->a));
		if (store_account_get(d->st, p->login, &p->a) != FZ_OK) {
			account_release(&p->a);
			memset(&p->a, 0, sizeof(p->a));
			person_create(d, p, password, &hash);
		}
		core_actor_of(&p->a, &p->ac);
	}
	free(hash);
}

static void
tick(struct demo *d)
{
	progress_update(&d->pr, (uint64_t)++d->done);
}

/* A small PDF (the scanned 台账 or 会议纪要 a clerk would upload). */
static void
evidence_add(struct demo *d, struct rep *r, const char *what)
{
	struct evidence	 e;
	struct diags	 dg = { 0 };
	struct buf	 b = BUF_INIT;
	char		 name[160];
	static const char *const qn[] = { "一", "二", "三", "四" };
	int		 i;

	if (r->ev != NULL && what == NULL)
		snprintf(name, sizeof(name), "%s", r->ev);
	else
		snprintf(name, sizeof(name), "2022年第%s季度第%d项任务%s.pdf",
		    qn[r->q - 1], r->task, what ? what : "工作台账");
	buf_addstr(&b, "%PDF-1.4\n");
	buf_addf(&b, "%% 演示数据，均为虚构：%s %s 第%d项 第%d季度\n", r->unit,
	    name, r->task, r->q);
	for (i = 0; i < 64; i++)
		buf_addf(&b, "%% %08x %s\n", (unsigned)(r->line * 2654435761u +
		    (unsigned)i), r->unit);
	check(core_evidence_add(d->st, &r->clerk->ac, r->id, name, b.ptr,
	    b.len, &e, &dg), &dg, d, r, "上传佐证材料");
	d->evidence++;
	buf_release(&b);
}

/* The co-units' reports a lead unit's consolidated report cites. */
static size_t
resolve_cites(struct demo *d, struct rep *r, int64_t **out)
{
	char		*s, *f[16];
	size_t		 n, i, j, k = 0;
	int64_t		*v;

	if (r->cites == NULL)
		return 0;
	s = xstrdup(r->cites);
	n = split(s, ',', f, 16);
	v = xcalloc(n, sizeof(*v));
	for (i = 0; i < n; i++) {
		for (j = 0; j < d->nreps; j++) {
			const struct rep *c = &d->reps[j];

			if (c->q == r->q && c->task == r->task &&
			    str_eq(c->unit, f[i]) && c->id != 0)
				break;
		}
		if (j == d->nreps)
			die("%s:%d: cites=%s：本季度本任务没有%s已保存的报告"
			    "（被引用的报告须先报送）", d->rpath, r->line,
			    r->cites, f[i]);
		v[k++] = d->reps[j].id;
	}
	free(s);
	*out = v;
	return k;
}

static void
save(struct demo *d, struct rep *r, const char *narrative)
{
	struct report_input	 in;
	struct diags		 dg = { 0 };
	int64_t			*cites = NULL;

	memset(&in, 0, sizeof(in));
	in.period_id = r->period_id;
	in.task_id = r->task_id;
	in.unit_id = r->unit_id;
	in.progress = r->progress;
	in.narrative = narrative;
	in.measures = r->measures;
	if (r->ninds > 0) {
		in.inds = r->inds;
		in.ninds = r->ninds;
		in.set_inds = 1;
	}
	if (r->cites != NULL && r->id == 0) {
		/* cites are checked against the saved report: save first */
		check(core_report_save(d->st, &r->clerk->ac, 0, &in, &r->id,
		    &dg), &dg, d, r, "保存");
		memset(&in, 0, sizeof(in));
		in.ncites = resolve_cites(d, r, &cites);
		in.cites = cites;
		in.set_cites = 1;
	}
	check(core_report_save(d->st, &r->clerk->ac, r->id, &in,
	    r->id == 0 ? &r->id : NULL, &dg), &dg, d, r, "保存");
	free(cites);
	d->saves++;
}

/* The clerk submits, the unit leader approves (sending back once). */
static void
send(struct demo *d, struct rep *r, const char *day)
{
	struct diags		 dg = { 0 };
	struct report_input	 in;

	check(core_report_submit(d->st, &r->clerk->ac, r->id, day, &dg), &dg,
	    d, r, "联络员提交");
	d->submits++;
	if (r->sendback != NULL) {
		check(core_report_approve(d->st, &r->leader->ac, r->id, 0,
		    r->sendback, day, &dg), &dg, d, r, "负责人退回");
		d->send_backs++;
		memset(&in, 0, sizeof(in));
		in.narrative = r->narrative;
		check(core_report_save(d->st, &r->clerk->ac, r->id, &in, NULL,
		    &dg), &dg, d, r, "按负责人意见修改");
		d->saves++;
		check(core_report_submit(d->st, &r->clerk->ac, r->id, day,
		    &dg), &dg, d, r, "联络员再次提交");
		d->submits++;
		r->sendback = NULL;
	}
	check(core_report_approve(d->st, &r->leader->ac, r->id, 1, NULL, day,
	    &dg), &dg, d, r, "负责人审批");
	d->approves++;
}

static void
run_event(struct demo *d, struct event *e)
{
	struct rep		*r = e->r;
	struct diags		 dg = { 0 };
	struct report_input	 in;
	struct remind_opts	 o = { d->plan.id, e->date, 0 };
	json_t			*out = NULL;

	switch (e->kind) {
	case EV_SEND:
		save(d, r, r->first != NULL ? r->first : r->narrative);
		evidence_add(d, r, NULL);
		send(d, r, e->date);
		break;
	case EV_REVIEW:
		if (r->review == 1) {
			check(core_report_review(d->st, &d->sup->ac, r->id, 1,
			    NULL, NULL, &dg), &dg, d, r, "依法治县办审核通过");
			d->accepts++;
		} else {
			check(core_report_review(d->st, &d->sup->ac, r->id, 0,
			    r->reason, r->comment, &dg), &dg, d, r,
			    "依法治县办退回");
			d->returns++;
		}
		break;
	case EV_RESEND:
		memset(&in, 0, sizeof(in));
		in.narrative = r->narrative;
		check(core_report_save(d->st, &r->clerk->ac, r->id, &in, NULL,
		    &dg), &dg, d, r, "按审核意见修改");
		d->saves++;
		if (str_eq(r->reason, "R02"))
			evidence_add(d, r, "补充佐证材料");
		send(d, r, e->date);
		check(core_report_review(d->st, &d->sup->ac, r->id, 1, NULL,
		    "已按要求修改，同意。", &dg), &dg, d, r,
		    "依法治县办审核通过");
		d->accepts++;
		break;
	case EV_REMIND:
		check(core_remind(d->st, &o, &out, &dg), &dg, d, NULL,
		    "提醒（core_remind）");
		json_decref(out);
		d->reminds++;
		break;
	}
	tick(d);
}

static int
collect_period(const struct period *p, void *arg)
{
	struct demo	*d = arg;
	int		 m;

	if (sscanf(p->starts, "%*d-%d-", &m) == 1 && (m - 1) % 3 == 0 &&
	    (m - 1) / 3 < QUARTERS)
		d->per[(m - 1) / 3] = *p;
	return 0;
}

static int
newest_plan(const struct plan_summary *s, void *arg)
{
	int64_t	*id = arg;

	if (s->id > *id)
		*id = s->id;
	return 0;
}

int
main(int argc, char **argv)
{
	struct demo	 d;
	struct buf	 text = BUF_INIT;
	const char	*password = "fazhi-demo-2022";
	int64_t		 plan_id = 0;
	size_t		 i;
	int		 c, q;

	while ((c = getopt(argc, argv, "p:")) != -1) {
		switch (c) {
		case 'p':
			password = optarg;
			break;
		default:
			goto usage;
		}
	}
	if (argc - optind != 2)
		goto usage;
	memset(&d, 0, sizeof(d));
	d.dir = argv[optind + 1];
	snprintf(d.rpath, sizeof(d.rpath), "%s/reports.txt", d.dir);
	snprintf(d.apath, sizeof(d.apath), "%s/accounts.csv", d.dir);
	if (store_open(argv[optind], 0, &d.st) != FZ_OK)
		die("cannot open '%s': %s", argv[optind], store_errmsg(d.st));

	/* The store as scripts/demo.sh leaves it: units, plan, quarters. */
	if (store_plan_iter(d.st, newest_plan, &plan_id) != FZ_OK ||
	    plan_id == 0)
		die("'%s' has no plan: run fazhi plan import first",
		    argv[optind]);
	if (store_plan_get(d.st, plan_id, &d.plan) != FZ_OK)
		die("plan: %s", store_errmsg(d.st));
	if (store_period_iter(d.st, plan_id, collect_period, &d) != FZ_OK)
		die("periods: %s", store_errmsg(d.st));
	for (q = 0; q < QUARTERS; q++)
		if (d.per[q].id == 0 || !str_eq(d.per[q].ends + 4, q == 0 ?
		    "-03-31" : q == 1 ? "-06-30" : q == 2 ? "-09-30" :
		    "-12-31"))
			die("the plan has no quarterly period %d: run fazhi "
			    "period generate --quarterly first", q + 1);
	if (store_assignment_list(d.st, plan_id, 0, 0, &d.asg, &d.nasg) !=
	    FZ_OK)
		die("assignments: %s", store_errmsg(d.st));
	if (core_units_load(d.st, &d.units) != FZ_OK)
		die("units: %s", store_errmsg(d.st));

	/* Read and check everything before writing anything. */
	read_accounts(&d);
	read_reports(&d, &text);

	people_load(&d, password);
	progress_start(&d.pr, "演示数据", (uint64_t)(d.nevs + d.nreps));
	/* Drafts (written, never sent) first: no date matters. */
	for (i = 0; i < d.nreps; i++)
		if (d.reps[i].sent[0] == '\0') {
			save(&d, &d.reps[i], d.reps[i].narrative);
			d.drafts++;
		}
	d.done = (long)d.nreps;
	progress_update(&d.pr, (uint64_t)d.done);
	for (i = 0; i < d.nevs; i++)
		run_event(&d, &d.evs[i]);
	progress_end(&d.pr);

	printf("reports=%zu drafts=%ld submits=%ld approves=%ld send_backs=%ld "
	    "returns=%ld accepts=%ld evidence=%ld reminds=%ld "
	    "accounts_created=%ld\n", d.nreps, d.drafts, d.submits,
	    d.approves, d.send_backs, d.returns, d.accepts, d.evidence,
	    d.reminds, d.created);
	for (i = 0; i < d.npeople; i++) {
		account_release(&d.people[i].a);
		free(d.people[i].login);
		free(d.people[i].name);
		free(d.people[i].unit);
	}
	free(d.people);
	free(d.reps);
	free(d.evs);
	free(d.asg);
	unit_dir_release(&d.units);
	plan_release(&d.plan);
	buf_release(&text);
	store_close(d.st);
	return 0;
usage:
	fprintf(stderr, "usage: %s [-p password] DSN DATA_DIR\n", prog);
	return 2;
}
