/*
 * gen_year.c: the data of the HTTP benchmark. Into a fresh store it puts
 * the 莘县 unit directory, the reference plan, twelve monthly periods of
 * 2022, a clerk and a unit leader for every unit that carries tasks, and
 * for every assignment and month a report taken through the real workflow
 * (core_report_save, _submit, _approve, _review, core_evidence_add,
 * core_remind), with dates given as the "today" arguments, from a fixed
 * seed. Prints one key=value line of counts and times on stdout. -q
 * makes four quarterly periods instead; -u keeps a share of the units
 * that carry tasks writing reports (the others never report: 未报), so a
 * province of counties can be made in minutes (bench/annual-province.sh).
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "fazhi/core.h"
#include "fazhi/util.h"
#include "store/store-int.h"
#include "gen.h"
#include "fazhi/banned.h"

#define PASSWORD	"bench-password-2022"
#define MONTHS		12	/* at most: monthly periods */
#define TODAY		"2022-12-20"	/* the day the benchmark's server lives */


static const char *const act[] = {
	"本月组织召开专题推进会议，研究部署重点工作，",
	"已印发实施方案并明确责任分工和完成时限，",
	"会同县司法局开展行政执法案卷评查工作，",
	"对照年度任务清单逐项梳理工作进展情况，",
	"组织执法人员参加法律知识专题培训一次，",
	"完成行政规范性文件合法性审核和备案，",
	"深入镇街和基层站所开展实地督导检查，",
	"通过政务网站主动公开执法信息和结果，",
};
static const char *const done_[] = {
	"累计完成阶段任务的主要内容并形成台账。",
	"已整改发现的问题并建立长效工作机制。",
	"相关数据已按要求报送县依法治县办公室。",
	"群众满意度测评结果较上一期有所提升。",
	"典型案例已整理归档供各单位学习借鉴。",
	"重大执法决定法制审核实现全覆盖目标。",
};
static const char *const next_[] = {
	"下一步将加强督导检查，确保各项任务按期完成。",
	"下一步将继续完善相关制度，做好阶段总结评估。",
	"计划下月召开工作调度会，通报各单位推进情况。",
	"将结合年度法治建设考核，进一步压实工作责任。",
};
static const char *const blocked_[] = {
	"因承办人员调整工作进度滞后，已报请县里协调解决。",
	"专项经费尚未落实，部分工作暂缓，待县财政局协调。",
	"信息系统平台尚未建成，相关数据暂时无法按时报送。",
	"涉及多个部门职责交叉，牵头单位需进一步明确分工。",
};
static const char *const reasons[] = { "R01", "R02", "R03", "R04", "R05" };
static const char *const return_comments[] = {
	"请补充具体工作数据和完成情况。",
	"请上传会议纪要或文件等佐证材料。",
	"本期数据与上期不一致，请核实后重报。",
	"进展内容与任务要求不符，请对照计划修改。",
	"进度滞后，请说明原因和下一步措施。",
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* A unit that carries tasks, with its two people. */
struct person {
	struct account	 a;
	struct actor	 ac;
};

struct unit_people {
	int64_t		 unit_id;
	const char	*code;
	int		 reports;	/* in the share that writes reports */
	struct person	 clerk, leader;
};

/* One assignment's report in one month, as the dice decided. */
enum fate {
	F_NONE,		/* nothing written (未报) */
	F_DRAFT,	/* written, never sent */
	F_PENDING,	/* sent, waiting for the unit leader */
	F_SUBMITTED,	/* waiting for the supervisor's review */
	F_ACCEPTED,
	F_RETURNED,	/* returned and not yet sent again */
};

struct job {
	size_t		 asg;		/* index into the assignments */
	int64_t		 report;
	enum fate	 fate;
	int		 late;		/* first sent after the deadline */
	int		 send_back;	/* the unit leader sends it back once */
	int		 returns;	/* returns before acceptance */
	char		 sent[11];	/* the day it is first sent */
};

struct gen {
	struct store		*st;
	int64_t			 plan_id;
	struct plan		 plan;
	struct assignment	*asg;
	size_t			 nasg;
	struct unit_people	*up;
	size_t			 nup;
	struct person		 sup, sup2;	/* 依法治县办, 县司法局 */
	struct unit		*units;		/* the directory */
	size_t			 nunits;
	struct period		 per[MONTHS];
	int			 nper;		/* 12 monthly or 4 quarterly */
	int			 share;		/* per mille of units reporting */
	/* counts */
	long			 saves, submits, approves, send_backs;
	long			 accepts, returns, evidence, late, missing;
	long			 calls;
	struct progress		 pr;
	long			 steps, nsteps;
};

static void
check(enum fz_err rc, struct diags *dg, const char *what)
{
	if (rc != FZ_OK)
		die("%s: %s (%s)", what, fz_strerror(rc), dg != NULL &&
		    dg->n > 0 ? dg->v[0].message : "no detail");
	if (dg != NULL)
		diags_release(dg);
}

/*
 * The first account goes through core_account_add(); the others get the
 * same password, so they share its Argon2id hash (one hash costs about
 * 0.4 s on a busy 2-CPU machine) and are stored as core_account_add()
 * stores them: account, roles and an audit entry in one transaction.
 */
static char	*pw_hash;

static void
person_add(struct gen *g, struct person *p, const char *login,
    const char *name, const char *unit, enum staff_role role)
{
	struct role_spec	 rs = { unit, role };
	struct account_spec	 as = { login, name, PASSWORD, 0, &rs, 1 };
	struct diags		 dg = { 0 };
	struct account		 a;
	struct account_role	 r;
	int64_t			 uid = 0;
	size_t			 i;

	memset(&a, 0, sizeof(a));
	if (pw_hash == NULL) {
		check(core_account_add(g->st, &as, "bench", &dg), &dg, login);
		if (store_account_get(g->st, login, &a) != FZ_OK)
			die("%s: %s", login, store_errmsg(g->st));
		pw_hash = xstrdup(a.password_hash);
	} else {
		for (i = 0; i < g->nunits; i++)
			if (str_eq(g->units[i].code, unit))
				uid = g->units[i].id;
		if (uid == 0)
			die("no unit '%s'", unit);
		memset(&r, 0, sizeof(r));
		r.unit_id = uid;
		r.role = role;
		a.login = (char *)(uintptr_t)login;
		a.name = (char *)(uintptr_t)name;
		a.password_hash = pw_hash;
		a.roles = &r;
		a.nroles = 1;
		if (store_begin(g->st) != FZ_OK ||
		    store_account_put(g->st, &a) != FZ_OK ||
		    store_audit(g->st, "bench", "account.add", login,
		    "1 个角色") != FZ_OK || store_commit(g->st) != FZ_OK)
			die("%s: %s", login, store_errmsg(g->st));
		memset(&a, 0, sizeof(a));
		if (store_account_get(g->st, login, &a) != FZ_OK)
			die("%s: %s", login, store_errmsg(g->st));
	}
	/* The actor exactly as the server builds it for a request. */
	check(core_actor_load(g->st, a.id, &p->a, &p->ac), NULL, login);
	account_release(&a);
}

static struct unit_people *
people_of(struct gen *g, int64_t unit_id)
{
	size_t	 i;

	for (i = 0; i < g->nup; i++)
		if (g->up[i].unit_id == unit_id)
			return &g->up[i];
	die("no people for unit %lld", (long long)unit_id);
	return NULL;
}

static size_t
task_measures(const struct gen *g, int64_t task_id)
{
	size_t	 i;

	for (i = 0; i < g->plan.ntasks; i++)
		if (g->plan.tasks[i].id == task_id)
			return g->plan.tasks[i].nmeasures;
	return 0;
}

static void
step(struct gen *g)
{
	g->calls++;
	progress_update(&g->pr, (uint64_t)++g->steps);
}

/* Day d of the plan year's calendar, shifted by delta days. */
static void
day_add(const char *d, long delta, char out[11])
{
	long	 n;

	if (date_days(d, &n) != FZ_OK)
		die("bad date '%s'", d);
	date_from_days(n + delta, out);
}

static void
narrative(struct buf *b, const char *progress)
{
	buf_reset(b);
	buf_addstr(b, act[pick(NELEM(act))]);
	if (str_eq(progress, "blocked"))
		buf_addstr(b, blocked_[pick(NELEM(blocked_))]);
	else
		buf_addstr(b, done_[pick(NELEM(done_))]);
	buf_addstr(b, next_[pick(NELEM(next_))]);
}

/* A small PDF-looking file; same (unit, kind) → same bytes (reused). */
static void
evidence_add(struct gen *g, const struct person *p, int64_t report,
    const struct unit_people *u, int month, int k)
{
	struct evidence	 e;
	struct diags	 dg = { 0 };
	struct buf	 b = BUF_INIT;
	char		 name[64];
	int		 reuse = k == 1 && chance(500), i, n;

	buf_addstr(&b, "%PDF-1.4\n");
	if (reuse) {
		buf_addf(&b, "%% %s 年度工作方案\n", u->code);
		snprintf(name, sizeof(name), "%s-年度工作方案.pdf", u->code);
	} else {
		buf_addf(&b, "%% %s 2022-%02d report %lld file %d\n", u->code,
		    month, (long long)report, k);
		snprintf(name, sizeof(name), "2022年%d月佐证材料%d.pdf", month,
		    k);
	}
	/* 2 to 8 KB, as a small scan compressed. */
	n = reuse ? 4096 : 2048 + pick(6144);
	for (i = 0; (int)b.len < n; i++)
		buf_addf(&b, "%08x", (unsigned)(reuse ? (unsigned)i * 2654435761u :
		    (unsigned)rng()));
	check(core_evidence_add(g->st, &p->ac, report, name, b.ptr, b.len, &e,
	    &dg), &dg, "evidence");
	g->evidence++;
	buf_release(&b);
}

/* Write the report (save, and evidence if it says 已完成). */
static void
write_report(struct gen *g, struct job *j, int month)
{
	const struct assignment	*a = &g->asg[j->asg];
	struct unit_people	*u = people_of(g, a->unit_id);
	struct report_input	 in;
	struct diags		 dg = { 0 };
	struct buf		 b = BUF_INIT;
	const char		*progress;
	char			 m[32];
	size_t			 nm = task_measures(g, a->task_id);
	int			 r = pick(1000), nev = 0, k;
	int			 last = month * MONTHS / g->nper;	/* its month */

	/* The year moves on: more done towards December. */
	if (r < 30)
		progress = "blocked";
	else if (r < 30 + 40 + last * 25)
		progress = "done";
	else if (r < 30 + 40 + last * 25 + 60)
		progress = "not_started";
	else
		progress = "in_progress";
	narrative(&b, progress);
	memset(&in, 0, sizeof(in));
	in.period_id = g->per[month - 1].id;
	in.task_id = a->task_id;
	in.unit_id = a->unit_id;
	in.progress = progress;
	in.narrative = b.ptr;
	if (nm > 0 && chance(300)) {
		if (nm > 1)
			snprintf(m, sizeof(m), "1,%d", 2 + pick((int)nm - 1));
		else
			snprintf(m, sizeof(m), "1");
		in.measures = m;
	}
	check(core_report_save(g->st, &u->clerk.ac, 0, &in, &j->report, &dg),
	    &dg, "save");
	g->saves++;
	step(g);
	if (str_eq(progress, "done"))
		nev = 1 + chance(300);
	else if (chance(150))
		nev = 1;
	for (k = 1; k <= nev; k++)
		evidence_add(g, &u->clerk, j->report, u, last, k);
	buf_release(&b);
}

/* Clerk sends, leader approves (after sending back once, if so fated). */
static void
send_report(struct gen *g, struct job *j, const char *today, int to_review)
{
	const struct assignment	*a = &g->asg[j->asg];
	struct unit_people	*u = people_of(g, a->unit_id);
	struct diags		 dg = { 0 };
	struct report_input	 in;

	check(core_report_submit(g->st, &u->clerk.ac, j->report, today, &dg),
	    &dg, "submit");
	g->submits++;
	step(g);
	if (!to_review)
		return;
	if (j->send_back) {
		check(core_report_approve(g->st, &u->leader.ac, j->report, 0,
		    "请补充本月具体数据后再报。", today, &dg), &dg, "send back");
		g->send_backs++;
		memset(&in, 0, sizeof(in));
		in.narrative = "已按负责人意见补充本月具体数据：召开推进会议2次，"
		    "印发文件1件，开展督导检查3次。";
		check(core_report_save(g->st, &u->clerk.ac, j->report, &in, NULL,
		    &dg), &dg, "revise");
		g->saves++;
		check(core_report_submit(g->st, &u->clerk.ac, j->report, today,
		    &dg), &dg, "submit again");
		g->submits++;
		j->send_back = 0;
	}
	check(core_report_approve(g->st, &u->leader.ac, j->report, 1, NULL,
	    today, &dg), &dg, "approve");
	g->approves++;
	step(g);
}

/* The 依法治县办 reviews; 县司法局's supervisor reviews the office's own. */
static void
review(struct gen *g, struct job *j, int month, const char *today)
{
	const struct assignment	*a = &g->asg[j->asg];
	struct unit_people	*u = people_of(g, a->unit_id);
	const struct person	*s = core_actor_in_unit(&g->sup.ac, a->unit_id,
				    0) ? &g->sup2 : &g->sup;
	struct report_input	 in;
	struct diags		 dg = { 0 };
	char			 later[11];
	int			 i, r;

	for (i = 0; i < j->returns; i++) {
		r = pick((int)NELEM(reasons));
		check(core_report_review(g->st, &s->ac, j->report, 0,
		    reasons[r], return_comments[r], &dg), &dg, "return");
		g->returns++;
		step(g);
		if (j->fate == F_RETURNED && i == j->returns - 1)
			return;		/* not yet sent again */
		memset(&in, 0, sizeof(in));
		in.narrative = "已按审核意见修改：补充了工作数据、会议纪要和"
		    "下一步工作安排，请审核。";
		check(core_report_save(g->st, &u->clerk.ac, j->report, &in, NULL,
		    &dg), &dg, "revise");
		g->saves++;
		if (r == 1)	/* 缺少佐证材料 */
			evidence_add(g, &u->clerk, j->report, u,
			    month * MONTHS / g->nper, 10 + i);
		day_add(today, 2 + i * 2, later);
		check(core_report_submit(g->st, &u->clerk.ac, j->report, later,
		    &dg), &dg, "submit again");
		g->submits++;
		check(core_report_approve(g->st, &u->leader.ac, j->report, 1,
		    NULL, later, &dg), &dg, "approve again");
		g->approves++;
	}
	if (j->fate != F_ACCEPTED)
		return;
	check(core_report_review(g->st, &s->ac, j->report, 1, NULL,
	    chance(200) ? "同意。" : NULL, &dg), &dg, "accept");
	g->accepts++;
	step(g);
}

/*
 * The fates of one month. January to November are over by 20 December:
 * most accepted, some returned first, some late, a few never sent. In
 * December (due 10 January) reports are still coming in.
 */
static void
decide(struct job *j, int month, int nper)
{
	int	 r = pick(1000);

	memset(j, 0, sizeof(*j));
	if (month == nper) {
		if (r < 420)
			j->fate = F_NONE;
		else if (r < 640)
			j->fate = F_DRAFT;
		else if (r < 760)
			j->fate = F_PENDING;
		else if (r < 900)
			j->fate = F_SUBMITTED;
		else
			j->fate = F_ACCEPTED;
		j->returns = j->fate == F_ACCEPTED && chance(100);
		return;
	}
	if (r < 35)
		j->fate = F_NONE;
	else if (r < 50)
		j->fate = F_DRAFT;
	else if (month == nper - 1 && r < 60)
		j->fate = F_PENDING;
	else if (month == nper - 1 && r < 110)
		j->fate = F_SUBMITTED;
	else if (r < 62)
		j->fate = F_RETURNED;
	else
		j->fate = F_ACCEPTED;
	if (j->fate == F_NONE || j->fate == F_DRAFT)
		return;
	j->late = chance(90);
	j->send_back = chance(30);
	if (j->fate == F_RETURNED)
		j->returns = 1 + chance(150);
	else if (j->fate == F_ACCEPTED)
		j->returns = chance(110) + chance(15);
}

static void
remind(struct gen *g, const char *today)
{
	struct remind_opts	 o = { g->plan_id, today, 0 };
	struct diags		 dg = { 0 };
	json_t			*out = NULL;

	check(core_remind(g->st, &o, &out, &dg), &dg, "remind");
	json_decref(out);
	step(g);
}

static void
month_run(struct gen *g, int month, struct job *jobs)
{
	const struct period	*p = &g->per[month - 1];
	char			 today[11];
	size_t			 i;
	long			 due, end, late_max;

	if (date_days(p->due, &due) != FZ_OK || date_days(TODAY, &end) !=
	    FZ_OK)
		die("bad due date '%s'", p->due);
	/* Nobody sends after the server's today. */
	late_max = end - due - 1 < 14 ? end - due - 1 : 14;
	for (i = 0; i < g->nasg; i++) {
		decide(&jobs[i], month, g->nper);
		jobs[i].asg = i;
		/* Outside the share: the dice are thrown all the same, so
		 * the share changes nothing for the units inside it. */
		if (!people_of(g, g->asg[i].unit_id)->reports)
			jobs[i].fate = F_NONE;
		if (jobs[i].fate == F_NONE) {
			g->missing++;
			continue;
		}
		write_report(g, &jobs[i], month);
		if (jobs[i].fate == F_DRAFT) {
			g->missing++;
			continue;
		}
		/* On time: from the period's end to the deadline; December's
		 * early ones before 20 December. */
		if (month == g->nper)
			date_from_days(due - 21 - 10 + pick(11), today);
		else if (!jobs[i].late)
			date_from_days(due - pick(10), today);
		else
			continue;
		memcpy(jobs[i].sent, today, sizeof(today));
		send_report(g, &jobs[i], today, jobs[i].fate != F_PENDING);
	}
	if (month == g->nper)
		goto review;
	/* The day after the deadline fazhi remind records what is missing
	 * (the late ones among it) and reminds the units. */
	date_from_days(due + 1, today);
	remind(g, today);
	for (i = 0; i < g->nasg; i++) {
		if (!jobs[i].late || jobs[i].fate == F_NONE ||
		    jobs[i].fate == F_DRAFT)
			continue;
		g->late++;
		date_from_days(due + 1 + pick((int)late_max), today);
		memcpy(jobs[i].sent, today, sizeof(today));
		send_report(g, &jobs[i], today, jobs[i].fate != F_PENDING);
	}
review:
	for (i = 0; i < g->nasg; i++) {
		if (jobs[i].fate != F_ACCEPTED && jobs[i].fate != F_RETURNED)
			continue;
		day_add(jobs[i].sent, 1 + pick(5), today);
		review(g, &jobs[i], month, today);
	}
}

static long long
count(struct store *st, const char *sql)
{
	struct dbq	*q;
	long long	 n = -1;

	if ((q = st->drv->prepare(st, sql)) == NULL)
		die("%s: %s", sql, store_errmsg(st));
	if (q_step(q) == 1)
		n = (long long)q_colint(q, 0);
	st->drv->finalize(q);
	return n;
}

static int
collect_period(const struct period *p, void *arg)
{
	struct gen	*g = arg;
	int		 m;

	/* Starts 2022-03-01 → the 3rd month, or the 1st quarter. */
	if (sscanf(p->starts, "2022-%d-", &m) == 1 && m >= 1 && m <= MONTHS)
		g->per[(m - 1) / (MONTHS / g->nper)] = *p;
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: %s [-q] [-s seed] [-u share‰] DSN PLAN "
	    "UNITS.csv\n", prog);
	exit(2);
}

int
main(int argc, char **argv)
{
	struct gen		 g;
	struct unit_dir		 dir;
	struct import_opts	 o = { DOC_AUTO, 0, 0, "bench" };
	struct import_result	 res;
	struct diags		 dg = { 0 };
	struct job		*jobs;
	double			 t0, t_setup, t_people, t_work;
	long long		 seed = 2022, x;
	size_t			 i, k;
	int			 c, v = 0, n = 0, month, quiet_env;
	char			 login[40];

	prog = "gen_year";
	memset(&g, 0, sizeof(g));
	g.nper = MONTHS;
	g.share = 1000;
	while ((c = getopt(argc, argv, "qs:u:")) != -1) {
		switch (c) {
		case 'q':
			g.nper = 4;
			break;
		case 'u':
			if (str_toint(optarg, 1, 1000, &x) != FZ_OK)
				usage();
			g.share = (int)x;
			break;
		case 's':
			if (str_toint(optarg, 0, INT64_MAX, &seed) != FZ_OK)
				usage();
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 3)
		usage();
	rng_state = (uint64_t)seed;
	plan_init(&g.plan);

	/* The unit directory and the plan, as fazhi init / units import /
	 * plan import / period generate do. */
	t0 = now();
	quiet_env = getenv("FAZHI_NO_PROGRESS") != NULL;
	setenv("FAZHI_NO_PROGRESS", "1", 1);
	if (store_open(argv[optind], 1, &g.st) != FZ_OK)
		die("cannot open '%s': %s", argv[optind], store_errmsg(g.st));
	if (store_schema_version(g.st, &v) != FZ_OK)
		die("'%s': %s", argv[optind], store_errmsg(g.st));
	if (v != 0)
		die("'%s' is not empty (schema version %d): give a fresh "
		    "database", argv[optind], v);
	if (store_migrate(g.st, NULL, NULL) != FZ_OK)
		die("migrating: %s", store_errmsg(g.st));
	check(core_units_import(g.st, argv[optind + 2], "bench", &n, &dg), &dg,
	    "units import");
	check(core_plan_import(g.st, argv[optind + 1], &o, &g.plan, &res, &dg),
	    &dg, "plan import");
	g.plan_id = g.plan.id;
	plan_diff_release(&res.diff);
	plan_release(&g.plan);
	if (store_plan_get(g.st, g.plan_id, &g.plan) != FZ_OK)
		die("plan: %s", store_errmsg(g.st));
	check(core_periods_generate(g.st, g.plan_id, g.nper == 4, 10, 0,
	    "bench", &dg),
	    &dg, "periods");
	if (store_period_iter(g.st, g.plan_id, collect_period, &g) != FZ_OK)
		die("periods: %s", store_errmsg(g.st));
	for (i = 0; i < (size_t)g.nper; i++)
		if (g.per[i].id == 0)
			die("no period %zu", i + 1);
	if (store_assignment_list(g.st, g.plan_id, 0, 0, &g.asg, &g.nasg) !=
	    FZ_OK)
		die("assignments: %s", store_errmsg(g.st));
	t_setup = now() - t0;

	/* People: a clerk and a leader for each unit with assignments. */
	t0 = now();
	check(core_units_load(g.st, &dir), NULL, "units");
	g.units = dir.v;
	g.nunits = dir.n;
	person_add(&g, &g.sup, "sup", "依法治县办督办", "yfzxb",
	    STAFF_SUPERVISOR);
	person_add(&g, &g.sup2, "sup2", "司法局督办", "sfj", STAFF_SUPERVISOR);
	{
		struct person ld;

		person_add(&g, &ld, "leader", "县领导", "xzf", STAFF_LEADER);
		account_release(&ld.a);
	}
	for (k = 0; k < dir.n; k++) {
		for (i = 0; i < g.nasg && g.asg[i].unit_id != dir.v[k].id; i++)
			;
		if (i == g.nasg)
			continue;
		g.up = xreallocarray(g.up, g.nup + 1, sizeof(*g.up));
		memset(&g.up[g.nup], 0, sizeof(g.up[g.nup]));
		g.up[g.nup].unit_id = dir.v[k].id;
		g.up[g.nup].code = xstrdup(dir.v[k].code);
		/* Spread the share evenly over the directory's order. */
		g.up[g.nup].reports = (g.nup + 1) * (size_t)g.share / 1000 >
		    g.nup * (size_t)g.share / 1000;
		snprintf(login, sizeof(login), "c-%s", dir.v[k].code);
		person_add(&g, &g.up[g.nup].clerk, login, "联络员",
		    dir.v[k].code, STAFF_CLERK);
		snprintf(login, sizeof(login), "l-%s", dir.v[k].code);
		person_add(&g, &g.up[g.nup].leader, login, "负责人",
		    dir.v[k].code, STAFF_UNIT_LEADER);
		g.nup++;
	}
	unit_dir_release(&dir);
	g.units = NULL;
	g.nunits = 0;
	free(pw_hash);
	t_people = now() - t0;

	/* The year, month by month. */
	if (!quiet_env)
		unsetenv("FAZHI_NO_PROGRESS");
	jobs = xcalloc(g.nasg, sizeof(*jobs));
	g.nsteps = (long)g.nasg * 3 * g.nper;	/* save, send, review: roughly */
	progress_start(&g.pr, "gen_year", (uint64_t)g.nsteps);
	t0 = now();
	for (month = 1; month <= g.nper; month++)
		month_run(&g, month, jobs);
	/* The nightly fazhi remind of 20 December. */
	remind(&g, TODAY);
	t_work = now() - t0;
	progress_end(&g.pr);

	for (i = 0, k = 0; i < g.nup; i++)
		k += (size_t)g.up[i].reports;
	printf("backend=%s assignments=%zu units_with_tasks=%zu "
	    "units_reporting=%zu accounts=%zu periods=%d reports=%lld "
	    "events=%lld evidence=%lld blobs=%lld "
	    "missed=%lld notices=%lld audit=%lld saves=%ld submits=%ld "
	    "approves=%ld send_backs=%ld returns=%ld accepts=%ld late=%ld "
	    "unsent=%ld seed=%lld setup_s=%.2f people_s=%.2f work_s=%.2f "
	    "calls_per_s=%.0f\n", store_backend(g.st), g.nasg, g.nup, k,
	    g.nup * 2 + 3, g.nper,
	    count(g.st, "SELECT count(*) FROM report"),
	    count(g.st, "SELECT count(*) FROM report_event"),
	    count(g.st, "SELECT count(*) FROM evidence"),
	    count(g.st, "SELECT count(*) FROM file_blob"),
	    count(g.st, "SELECT count(*) FROM missed_report"),
	    count(g.st, "SELECT count(*) FROM notice"),
	    count(g.st, "SELECT count(*) FROM audit"),
	    g.saves, g.submits, g.approves, g.send_backs, g.returns, g.accepts,
	    g.late, g.missing, seed, t_setup, t_people, t_work,
	    (double)g.calls / (t_work > 0 ? t_work : 1));
	printf("states");
	{
		static const char *const s[] = { "draft", "pending",
		    "submitted", "returned", "accepted" };
		char	 sql[128];

		for (k = 0; k < NELEM(s); k++) {
			snprintf(sql, sizeof(sql), "SELECT count(*) FROM report "
			    "WHERE state = '%s'", s[k]);
			printf(" %s=%lld", s[k], count(g.st, sql));
		}
		printf(" blocked=%lld late=%lld\n", count(g.st, "SELECT "
		    "count(*) FROM report WHERE progress = 'blocked'"),
		    count(g.st, "SELECT count(*) FROM report WHERE late = 1"));
	}
	for (i = 0; i < g.nup; i++) {
		account_release(&g.up[i].clerk.a);
		account_release(&g.up[i].leader.a);
		free((char *)(uintptr_t)g.up[i].code);
	}
	account_release(&g.sup.a);
	account_release(&g.sup2.a);
	free(g.up);
	free(g.asg);
	free(jobs);
	plan_release(&g.plan);
	store_close(g.st);
	return 0;
}
