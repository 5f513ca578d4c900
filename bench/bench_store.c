/*
 * bench_store.c: the same store workload on SQLite and on PostgreSQL, in the
 * spirit of SQLite's speedtest1: plan import into fresh stores, a million
 * progress-like rows inserted in batches through one prepared statement,
 * the aggregates a dashboard needs, reads by id and store_plan_get(). Prints
 * one key=value line per operation on stdout (bench/store.sh reads them).
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fazhi/core.h"
#include "fazhi/util.h"
#include "store/store-int.h"
#include "fazhi/banned.h"

/* What one run does; every count can be changed on the command line. */
struct conf {
	const char	*dsn;
	const char	*plan;
	const char	*units;
	long long	 rows;		/* progress rows to insert */
	long long	 batch;		/* rows per transaction */
	long long	 reads;		/* reads by id */
	long long	 imports;	/* fresh stores for the plan import */
	long long	 qruns;		/* runs of each aggregate */
	long long	 gets;		/* store_plan_get() calls */
	long long	 seed;
	int		 nofk;		/* -F: no foreign keys */
};

/* A (task, unit) pair a progress row reports on. */
struct pair {
	int64_t		 task;
	int64_t		 unit;
};

static const char *const statuses[] = {
	"未开始", "推进中", "已完成", "受阻",
};

/* Three pieces of about 20 characters each make one note. */
static const char *const note_act[] = {
	"本月组织召开专题推进会议，研究部署重点工作，",
	"已印发实施方案并明确责任分工和完成时限，",
	"会同县司法局开展行政执法案卷评查工作，",
	"对照年度任务清单逐项梳理工作进展情况，",
	"组织执法人员参加法律知识专题培训一次，",
	"完成行政规范性文件合法性审核和备案，",
	"深入镇街和基层站所开展实地督导检查，",
	"通过政务网站主动公开执法信息和结果，",
};

static const char *const note_done[] = {
	"累计完成阶段任务的主要内容并形成台账，",
	"已整改发现的问题并建立长效工作机制，",
	"相关数据已按要求报送县依法治县办公室，",
	"群众满意度测评结果较上一期有所提升，",
	"典型案例已整理归档供各单位学习借鉴，",
	"执法全过程记录设备已配备到一线岗位，",
	"重大执法决定法制审核实现全覆盖目标，",
	"公示平台运行平稳未发现信息泄露问题，",
};

static const char *const note_next[] = {
	"下一步将加强督导检查，确保各项任务按期完成。",
	"下一步将继续完善相关制度，做好阶段总结评估。",
	"计划下月召开工作调度会，通报各单位推进情况。",
	"将结合年度法治建设考核，进一步压实工作责任。",
};

static const char *const note_blocked[] = {
	"因承办人员调整工作进度滞后，已报请县里协调解决。",
	"专项经费尚未落实，部分工作暂缓，待县财政局协调。",
	"信息系统平台尚未建成，相关数据暂时无法按时报送。",
	"涉及多个部门职责交叉，牵头单位需进一步明确分工。",
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static void
usage(void)
{
	fprintf(stderr, "usage: bench_store [-F] [-n rows] [-b batch] "
	    "[-r reads] [-i imports] [-q runs]\n"
	    "                   [-g gets] [-s seed] [-p plan] [-u units.csv] "
	    "DSN\n"
	    "DSN: a SQLite path or postgresql:///DB?... of a database that "
	    "does not exist or is empty; -F: no foreign keys on the table\n");
	exit(2);
}

static void __attribute__((noreturn, format(printf, 1, 2)))
die(const char *fmt, ...)
{
	va_list	 ap;

	fputs("bench_store: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
dbl_cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Sorts t in place; the median of n samples. */
static double
median(double *t, size_t n)
{
	qsort(t, n, sizeof(*t), dbl_cmp);
	return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

/* splitmix64: the same rows on both engines for the same seed. */
static uint64_t
rnd(uint64_t *s)
{
	uint64_t	 z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int
is_pg(struct store *st)
{
	return str_eq(store_backend(st), "pg");
}

/*
 * The DSN of helper store k: PATH.impK for SQLite; for PostgreSQL the
 * database name of a postgresql:///NAME?... URI with _impK appended.
 */
static char *
helper_dsn(const char *dsn, int k, char *dbname, size_t dbsz)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *name, *end;

	if (!store_dsn_is_pg(dsn)) {
		buf_addf(&b, "%s.imp%d", dsn, k);
		return buf_detach(&b, NULL);
	}
	if ((p = strstr(dsn, "://")) == NULL ||
	    (name = strchr(p + 3, '/')) == NULL)
		die("cannot find the database name in '%s'", dsn);
	name++;
	end = name + strcspn(name, "?");
	if (end == name)
		die("no database name in '%s'", dsn);
	snprintf(dbname, dbsz, "%.*s_imp%d", (int)(end - name), name, k);
	buf_addf(&b, "%.*s%s%s", (int)(name - dsn), dsn, dbname, end);
	return buf_detach(&b, NULL);
}

static void
helper_drop(struct store *main_st, const char *dsn, const char *dbname)
{
	struct buf	 b = BUF_INIT;
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
	size_t		 i;

	if (!store_dsn_is_pg(dsn)) {
		for (i = 0; i < NELEM(sfx); i++) {
			buf_reset(&b);
			buf_addf(&b, "%s%s", dsn, sfx[i]);
			(void)unlink(b.ptr);
		}
	} else {
		/* Our own name: letters, digits and _ from the DSN. */
		buf_addf(&b, "DROP DATABASE IF EXISTS \"%s\"", dbname);
		if (main_st->drv->exec(main_st, b.ptr) != FZ_OK)
			die("%s: %s", b.ptr, store_errmsg(main_st));
	}
	buf_release(&b);
}

/* A fresh, migrated store holding the unit directory. */
static struct store *
fresh_store(const struct conf *c, const char *dsn)
{
	struct store	*st = NULL;
	struct diags	 dg = { 0 };
	int		 v = 0, n = 0;

	if (store_open(dsn, 1, &st) != FZ_OK)
		die("cannot open '%s': %s", dsn, store_errmsg(st));
	if (store_schema_version(st, &v) != FZ_OK)
		die("'%s': %s", dsn, store_errmsg(st));
	if (v != 0)
		die("'%s' is not empty (schema version %d): give a fresh "
		    "database", dsn, v);
	if (store_migrate(st, NULL, NULL) != FZ_OK)
		die("migrating '%s': %s", dsn, store_errmsg(st));
	if (core_units_import(st, c->units, "bench", &n, &dg) != FZ_OK)
		die("importing '%s': %s", c->units, dg.n > 0 ?
		    dg.v[0].message : store_errmsg(st));
	diags_release(&dg);
	return st;
}

/* core_plan_import() into st, as `fazhi plan import` without --update. */
static double
import_once(const struct conf *c, struct store *st, int64_t *id,
    size_t *ntasks)
{
	struct import_opts	 o = { DOC_AUTO, 0, 0, "bench" };
	struct import_result	 res;
	struct diags		 dg = { 0 };
	struct plan		 p;
	double			 t0, t;
	enum fz_err		 rc;

	t0 = now();
	rc = core_plan_import(st, c->plan, &o, &p, &res, &dg);
	t = now() - t0;
	if (rc != FZ_OK || res.action != IMPORT_CREATED)
		die("importing '%s': %s (%s)", c->plan, fz_strerror(rc),
		    dg.nerrors > 0 ? dg.v[0].message : "not created");
	*id = p.id;
	*ntasks = p.ntasks;
	plan_release(&p);
	plan_diff_release(&res.diff);
	diags_release(&dg);
	return t;
}

/*
 * Step 1: the plan imported into c->imports fresh stores; the last of them
 * is the store the rest of the run uses. Store creation, migration and the
 * unit directory are not timed.
 */
static struct store *
bench_plan_import(const struct conf *c, int64_t *plan_id)
{
	struct store	*st, *h;
	double		*t = xcalloc((size_t)c->imports, sizeof(*t)), med;
	char		 dbname[128] = "";
	char		*dsn;
	size_t		 ntasks = 0;
	int		 k;

	st = fresh_store(c, c->dsn);
	for (k = 1; k < c->imports; k++) {
		dsn = helper_dsn(c->dsn, k, dbname, sizeof(dbname));
		helper_drop(st, dsn, dbname);
		h = fresh_store(c, dsn);
		t[k - 1] = import_once(c, h, plan_id, &ntasks);
		store_close(h);
		free(dsn);
	}
	t[c->imports - 1] = import_once(c, st, plan_id, &ntasks);
	/* Dropped only now: DROP DATABASE forces a checkpoint. */
	for (k = 1; k < c->imports; k++) {
		dsn = helper_dsn(c->dsn, k, dbname, sizeof(dbname));
		helper_drop(st, dsn, dbname);
		free(dsn);
	}
	med = median(t, (size_t)c->imports);
	printf("op=plan_import backend=%s n=%lld tasks=%zu median_ms=%.3f "
	    "min_ms=%.3f max_ms=%.3f\n", store_backend(st), c->imports, ntasks,
	    med * 1e3, t[0] * 1e3, t[c->imports - 1] * 1e3);
	fflush(stdout);
	free(t);
	return st;
}

/* Every (task, unit) pair of the plan's lead and responsible units. */
static struct pair *
plan_pairs(struct store *st, int64_t plan_id, size_t *np, size_t *ntasks,
    size_t *nunits)
{
	struct plan	 p;
	struct unit_dir	 dir = { 0 };
	struct pair	*v = NULL;
	size_t		 n = 0, cap = 0, i, j, k, m;
	int		 role;

	if (store_plan_get(st, plan_id, &p) != FZ_OK)
		die("store_plan_get: %s", store_errmsg(st));
	if (core_units_load(st, &dir) != FZ_OK)
		die("core_units_load: %s", store_errmsg(st));
	for (i = 0; i < p.ntasks; i++)
		for (role = 0; role < ROLE__MAX; role++)
			for (j = 0; j < p.tasks[i].nrefs[role]; j++) {
				const struct unit_ref *r =
				    &p.tasks[i].refs[role][j];

				for (k = 0; k < r->nunits; k++) {
					if (r->unit_ids == NULL ||
					    r->unit_ids[k] <= 0)
						continue;
					for (m = 0; m < n; m++)
						if (v[m].task == p.tasks[i].id &&
						    v[m].unit == r->unit_ids[k])
							break;
					if (m < n)
						continue;
					VEC_GROW(v, n, cap);
					v[n].task = p.tasks[i].id;
					v[n++].unit = r->unit_ids[k];
				}
			}
	/* No resolved units: every task with every unit. */
	for (i = 0; n == 0 && i < p.ntasks; i++)
		for (k = 0; k < dir.n; k++) {
			VEC_GROW(v, n, cap);
			v[n].task = p.tasks[i].id;
			v[n++].unit = dir.v[k].id;
		}
	if (n == 0)
		die("the plan has no tasks or the store no units");
	*np = n;
	*ntasks = p.ntasks;
	*nunits = dir.n;
	plan_release(&p);
	unit_dir_release(&dir);
	return v;
}

static void
exec_or_die(struct store *st, const char *sql)
{
	if (st->drv->exec(st, sql) != FZ_OK)
		die("%s: %s", sql, store_errmsg(st));
}

static struct dbq *
prepare_or_die(struct store *st, const char *sql)
{
	struct dbq	*q;

	if ((q = st->drv->prepare(st, sql)) == NULL)
		die("preparing %s: %s", sql, store_errmsg(st));
	return q;
}

/*
 * The progress table the next issue brings, as the bench imagines it:
 * references to task and unit as the real one will have, indexes on both.
 */
static void
create_table(struct store *st, int nofk)
{
	if (is_pg(st) && !nofk)
		exec_or_die(st, "CREATE TABLE bench_progress ("
		    "id BIGSERIAL PRIMARY KEY, "
		    "task_id BIGINT NOT NULL REFERENCES task(id) "
		    "ON DELETE CASCADE, "
		    "unit_id BIGINT NOT NULL REFERENCES unit(id), "
		    "period TEXT NOT NULL, status TEXT NOT NULL, "
		    "pct INTEGER NOT NULL, note TEXT, "
		    "updated_at TEXT NOT NULL)");
	else if (is_pg(st))
		exec_or_die(st, "CREATE TABLE bench_progress ("
		    "id BIGSERIAL PRIMARY KEY, task_id BIGINT NOT NULL, "
		    "unit_id BIGINT NOT NULL, period TEXT NOT NULL, "
		    "status TEXT NOT NULL, pct INTEGER NOT NULL, note TEXT, "
		    "updated_at TEXT NOT NULL)");
	else if (!nofk)
		exec_or_die(st, "CREATE TABLE bench_progress ("
		    "id INTEGER PRIMARY KEY, "
		    "task_id INTEGER NOT NULL REFERENCES task(id) "
		    "ON DELETE CASCADE, "
		    "unit_id INTEGER NOT NULL REFERENCES unit(id), "
		    "period TEXT NOT NULL, status TEXT NOT NULL, "
		    "pct INTEGER NOT NULL, note TEXT, "
		    "updated_at TEXT NOT NULL)");
	else
		exec_or_die(st, "CREATE TABLE bench_progress ("
		    "id INTEGER PRIMARY KEY, task_id INTEGER NOT NULL, "
		    "unit_id INTEGER NOT NULL, period TEXT NOT NULL, "
		    "status TEXT NOT NULL, pct INTEGER NOT NULL, note TEXT, "
		    "updated_at TEXT NOT NULL)");
	exec_or_die(st, "CREATE INDEX bench_progress_task ON "
	    "bench_progress(task_id)");
	exec_or_die(st, "CREATE INDEX bench_progress_unit ON "
	    "bench_progress(unit_id)");
}

/*
 * Row i of n: a random pair; updated_at advances evenly over 2022-2023;
 * later rows are more often 已完成. Status index into statuses[].
 */
static void
make_row(uint64_t *s, long long i, long long n, const struct pair *pairs,
    size_t np, struct pair *pr, char period[8], char at[21], int *status,
    int *pct, struct buf *note)
{
	struct tm	 tm;
	time_t		 t0 = 1640995200;	/* 2022-01-01T00:00:00Z */
	time_t		 t;
	double		 f = (double)i / (double)n, u;

	*pr = pairs[rnd(s) % np];
	t = t0 + (time_t)(f * 730.0 * 86400.0) + (time_t)(rnd(s) % 3600);
	gmtime_r(&t, &tm);
	strftime(at, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
	strftime(period, 8, "%Y-%m", &tm);
	u = (double)(rnd(s) % 10000) / 10000.0;
	if (u < 0.05) {
		*status = 3;
		*pct = (int)(rnd(s) % 13) * 5;
	} else if (u < 0.05 + 0.3 * (1 - f)) {
		*status = 0;
		*pct = 0;
	} else if (u < 0.15 + 0.6 * f + 0.3 * (1 - f)) {
		*status = 2;
		*pct = 100;
	} else {
		*status = 1;
		*pct = 5 + (int)(rnd(s) % 19) * 5;
	}
	buf_reset(note);
	buf_addstr(note, note_act[rnd(s) % NELEM(note_act)]);
	buf_addstr(note, note_done[rnd(s) % NELEM(note_done)]);
	buf_addstr(note, *status == 3 ?
	    note_blocked[rnd(s) % NELEM(note_blocked)] :
	    note_next[rnd(s) % NELEM(note_next)]);
}

/* Step 2: c->rows rows, c->batch per transaction, one prepared INSERT. */
static void
bench_insert(const struct conf *c, struct store *st, const struct pair *pairs,
    size_t np)
{
	struct dbq	*q;
	struct buf	 note = BUF_INIT;
	struct pair	 pr;
	uint64_t	 s = (uint64_t)c->seed;
	double		*bt, t0, tb, total, med;
	char		 period[8], at[21];
	long long	 i = 0, nb = 0, maxb;
	size_t		 chars = 0, bytes = 0;
	const char	*p;
	int		 status, pct;

	maxb = (c->rows + c->batch - 1) / c->batch;
	bt = xcalloc((size_t)maxb, sizeof(*bt));
	create_table(st, c->nofk);
	q = prepare_or_die(st, "INSERT INTO bench_progress (task_id, "
	    "unit_id, period, status, pct, note, updated_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	t0 = now();
	while (i < c->rows) {
		tb = now();
		if (store_begin(st) != FZ_OK)
			die("begin: %s", store_errmsg(st));
		for (; i < c->rows && i < (nb + 1) * c->batch; i++) {
			make_row(&s, i, c->rows, pairs, np, &pr, period, at,
			    &status, &pct, &note);
			if (i < 1000) {
				bytes += note.len;
				for (p = note.ptr; *p != '\0'; p++)
					chars += (*p & 0xc0) != 0x80;
			}
			q_int(q, 1, pr.task);
			q_int(q, 2, pr.unit);
			q_text(q, 3, period);
			q_text(q, 4, statuses[status]);
			q_int(q, 5, pct);
			q_text(q, 6, note.ptr);
			q_text(q, 7, at);
			if (q_step(q) != 0)
				die("insert row %lld: %s", i,
				    store_errmsg(st));
			q_reset(q);
		}
		if (store_commit(st) != FZ_OK)
			die("commit: %s", store_errmsg(st));
		bt[nb++] = now() - tb;
	}
	total = now() - t0;
	med = median(bt, (size_t)nb);
	printf("op=insert backend=%s rows=%lld batch=%lld fk=%d secs=%.3f "
	    "rows_per_s=%.0f us_per_row=%.3f batch_median_ms=%.2f "
	    "batch_max_ms=%.2f note_chars=%.1f note_bytes=%.1f\n",
	    store_backend(st), c->rows, c->batch, !c->nofk, total,
	    (double)c->rows / total, total / (double)c->rows * 1e6, med * 1e3,
	    bt[nb - 1] * 1e3, (double)chars / (double)(i < 1000 ? i : 1000),
	    (double)bytes / (double)(i < 1000 ? i : 1000));
	fflush(stdout);
	st->drv->finalize(q);
	buf_release(&note);
	free(bt);
}

/*
 * Statistics for the planner, as a running server would have them: on
 * PostgreSQL VACUUM ANALYZE (what autovacuum does after a bulk insert: it
 * also sets the visibility map), on SQLite ANALYZE. Then the store's size.
 */
static void
bench_analyze(struct store *st)
{
	struct dbq	*q;
	double		 t0, t;
	int64_t		 bytes = 0;

	t0 = now();
	exec_or_die(st, is_pg(st) ? "VACUUM ANALYZE bench_progress" :
	    "ANALYZE");
	t = now() - t0;
	q = prepare_or_die(st, is_pg(st) ?
	    "SELECT pg_database_size(current_database())" :
	    "SELECT page_count * page_size FROM pragma_page_count(), "
	    "pragma_page_size()");
	if (q_step(q) == 1)
		bytes = q_colint(q, 0);
	st->drv->finalize(q);
	printf("op=analyze backend=%s secs=%.3f db_bytes=%lld\n",
	    store_backend(st), t, (long long)bytes);
	fflush(stdout);
}

/*
 * The dashboard's queries. check sums integer columns with weights, so
 * the two engines can be compared: equal data must give equal checks.
 */
static const struct agg {
	const char	*name;
	const char	*sql;
	const char	*param;		/* ?1, or NULL */
} aggs[] = {
	{ "agg_per_task",
	  "SELECT task_id, COUNT(*), AVG(pct), "
	  "SUM(CASE WHEN status = '未开始' THEN 1 ELSE 0 END), "
	  "SUM(CASE WHEN status = '推进中' THEN 1 ELSE 0 END), "
	  "SUM(CASE WHEN status = '已完成' THEN 1 ELSE 0 END), "
	  "SUM(CASE WHEN status = '受阻' THEN 1 ELSE 0 END) "
	  "FROM bench_progress GROUP BY task_id ORDER BY task_id", NULL },
	{ "agg_per_unit",
	  "SELECT unit_id, SUM(CASE WHEN status = '已完成' THEN 1 ELSE 0 END), "
	  "COUNT(*) FROM bench_progress GROUP BY unit_id ORDER BY unit_id",
	  NULL },
	{ "latest_maxid",
	  "SELECT p.task_id, p.unit_id, p.pct, p.id FROM bench_progress p "
	  "JOIN (SELECT MAX(id) AS id FROM bench_progress "
	  "GROUP BY task_id, unit_id) m ON m.id = p.id "
	  "ORDER BY p.task_id, p.unit_id", NULL },
	{ "latest_window",
	  "SELECT task_id, unit_id, pct, id FROM (SELECT task_id, unit_id, "
	  "pct, id, ROW_NUMBER() OVER (PARTITION BY task_id, unit_id "
	  "ORDER BY id DESC) AS rn FROM bench_progress) t WHERE rn = 1 "
	  "ORDER BY task_id, unit_id", NULL },
	{ "overdue_count",
	  "SELECT COUNT(*) FROM bench_progress "
	  "WHERE status <> '已完成' AND updated_at < ?1",
	  "2022-07-01T00:00:00Z" },
};

/*
 * The engine's plan for an aggregate, one "plan" line per plan line: the
 * SQLite tree is indented by depth, PostgreSQL's comes indented. ?1 is
 * replaced by its (our own, constant) value as a literal.
 */
static void
explain(struct store *st, const struct agg *a)
{
	struct buf	 sql = BUF_INIT;
	struct dbq	*q;
	const char	*p;
	int64_t		 ids[64];
	int		 depth[64], n = 0, d, j, r;

	buf_addstr(&sql, is_pg(st) ? "EXPLAIN " : "EXPLAIN QUERY PLAN ");
	for (p = a->sql; *p != '\0'; p++) {
		if (p[0] == '?' && p[1] == '1' && a->param != NULL) {
			buf_addf(&sql, "'%s'", a->param);
			p++;
		} else
			buf_addch(&sql, *p);
	}
	q = prepare_or_die(st, sql.ptr);
	while ((r = q_step(q)) == 1) {
		if (is_pg(st)) {
			printf("plan op=%s backend=%s | %s\n", a->name,
			    store_backend(st), q_col(q, 0));
			continue;
		}
		/* id, parent, notused, detail */
		for (d = 0, j = 0; j < n; j++)
			if (ids[j] == q_colint(q, 1))
				d = depth[j] + 1;
		if (n < 64) {
			ids[n] = q_colint(q, 0);
			depth[n++] = d;
		}
		printf("plan op=%s backend=%s | %*s%s\n", a->name,
		    store_backend(st), 2 * d, "", q_col(q, 3));
	}
	if (r != 0)
		die("%s: %s", sql.ptr, store_errmsg(st));
	st->drv->finalize(q);
	buf_release(&sql);
}

/* Step 3: each aggregate c->qruns times, after one untimed run. */
static void
bench_aggs(const struct conf *c, struct store *st)
{
	struct dbq	*q;
	double		*t, t0, med;
	int64_t		 check = 0, rows = 0;
	size_t		 a;
	long long	 k;
	int		 r, col, ncols;

	t = xcalloc((size_t)c->qruns, sizeof(*t));
	for (a = 0; a < NELEM(aggs); a++) {
		q = prepare_or_die(st, aggs[a].sql);
		ncols = str_eq(aggs[a].name, "overdue_count") ? 1 :
		    str_eq(aggs[a].name, "agg_per_unit") ? 3 :
		    str_eq(aggs[a].name, "agg_per_task") ? 7 : 4;
		for (k = -1; k < c->qruns; k++) {
			t0 = now();
			if (aggs[a].param != NULL)
				q_text(q, 1, aggs[a].param);
			check = rows = 0;
			while ((r = q_step(q)) == 1) {
				rows++;
				for (col = 0; col < ncols; col++)
					if (col != 2 ||
					    !str_eq(aggs[a].name,
					    "agg_per_task"))
						check += q_colint(q, col) *
						    (col + 1);
			}
			if (r != 0)
				die("%s: %s", aggs[a].name, store_errmsg(st));
			q_reset(q);
			if (k >= 0)
				t[k] = now() - t0;
		}
		med = median(t, (size_t)c->qruns);
		printf("op=%s backend=%s runs=%lld median_ms=%.3f min_ms=%.3f "
		    "max_ms=%.3f rows=%lld check=%lld\n", aggs[a].name,
		    store_backend(st), c->qruns, med * 1e3, t[0] * 1e3,
		    t[c->qruns - 1] * 1e3, (long long)rows, (long long)check);
		st->drv->finalize(q);
		explain(st, &aggs[a]);
		fflush(stdout);
	}
	free(t);
}

/* Step 4: c->reads random ids through one prepared SELECT, autocommit. */
static void
bench_reads(const struct conf *c, struct store *st)
{
	struct dbq	*q;
	uint64_t	 s = (uint64_t)c->seed ^ 0x5eedULL;
	int64_t		 lo = 0, hi = 0, id, check = 0;
	long long	 k, miss = 0;
	double		 t0, t;
	size_t		 bytes = 0;
	const char	*note;

	q = prepare_or_die(st, "SELECT MIN(id), MAX(id) FROM bench_progress");
	if (q_step(q) == 1) {
		lo = q_colint(q, 0);
		hi = q_colint(q, 1);
	}
	st->drv->finalize(q);
	if (hi < lo || hi == 0)
		die("bench_progress is empty");
	q = prepare_or_die(st, "SELECT id, task_id, unit_id, period, status, "
	    "pct, note, updated_at FROM bench_progress WHERE id = ?1");
	t0 = now();
	for (k = 0; k < c->reads; k++) {
		id = lo + (int64_t)(rnd(&s) % (uint64_t)(hi - lo + 1));
		q_int(q, 1, id);
		switch (q_step(q)) {
		case 1:
			check += q_colint(q, 5) + q_colint(q, 2);
			note = q_col(q, 6);
			bytes += note != NULL ? strlen(note) : 0;
			break;
		case 0:
			miss++;
			break;
		default:
			die("read %lld: %s", (long long)id, store_errmsg(st));
		}
		q_reset(q);
	}
	t = now() - t0;
	printf("op=read_by_id backend=%s reads=%lld secs=%.3f us_per_read=%.2f "
	    "reads_per_s=%.0f missing=%lld check=%lld note_bytes=%zu\n",
	    store_backend(st), c->reads, t, t / (double)c->reads * 1e6,
	    (double)c->reads / t, miss, (long long)check, bytes);
	fflush(stdout);
	st->drv->finalize(q);
}

/*
 * The floor under every statement: a prepared SELECT ?1 that touches no
 * table, as many times as reads by id. On PostgreSQL this is one round
 * trip; on SQLite the cost of a statement through the driver.
 */
static void
bench_noop(const struct conf *c, struct store *st)
{
	struct dbq	*q;
	double		 t0, t;
	long long	 k, check = 0;

	q = prepare_or_die(st, "SELECT ?1");
	t0 = now();
	for (k = 0; k < c->reads; k++) {
		q_int(q, 1, k);
		if (q_step(q) != 1)
			die("SELECT ?1: %s", store_errmsg(st));
		check += q_colint(q, 0);
		q_reset(q);
	}
	t = now() - t0;
	if (check != c->reads * (c->reads - 1) / 2)
		die("SELECT ?1: wrong results");
	printf("op=noop backend=%s n=%lld secs=%.3f us_per_stmt=%.2f\n",
	    store_backend(st), c->reads, t, t / (double)c->reads * 1e6);
	fflush(stdout);
	st->drv->finalize(q);
}

/* Step 5: the whole plan, c->gets times; plan_release() is not timed. */
static void
bench_plan_get(const struct conf *c, struct store *st, int64_t id)
{
	struct plan	 p;
	double		*t, t0, med;
	long long	 k;
	size_t		 ntasks = 0, nrefs = 0, i;

	t = xcalloc((size_t)c->gets, sizeof(*t));
	for (k = 0; k < c->gets; k++) {
		t0 = now();
		if (store_plan_get(st, id, &p) != FZ_OK)
			die("store_plan_get: %s", store_errmsg(st));
		t[k] = now() - t0;
		ntasks = p.ntasks;
		for (i = 0, nrefs = 0; i < p.ntasks; i++)
			nrefs += p.tasks[i].nrefs[ROLE_LEAD] +
			    p.tasks[i].nrefs[ROLE_RESP];
		plan_release(&p);
	}
	med = median(t, (size_t)c->gets);
	printf("op=plan_get backend=%s n=%lld tasks=%zu refs=%zu "
	    "median_ms=%.3f min_ms=%.3f max_ms=%.3f\n", store_backend(st),
	    c->gets, ntasks, nrefs, med * 1e3, t[0] * 1e3,
	    t[c->gets - 1] * 1e3);
	fflush(stdout);
	free(t);
}

static long long
num(const char *s, long long min, long long max)
{
	long long	 v;

	if (str_toint(s, min, max, &v) != FZ_OK)
		usage();
	return v;
}

int
main(int argc, char **argv)
{
	struct conf	 c = { NULL, "data/plans/shenxian-2022.md",
			    "data/units/shenxian.csv", 1000000, 10000, 100000,
			    7, 5, 100, 20221, 0 };
	struct store	*st;
	struct pair	*pairs;
	int64_t		 plan_id = 0;
	size_t		 np = 0, ntasks = 0, nunits = 0;
	double		 t0;
	int		 ch;

	while ((ch = getopt(argc, argv, "Fb:g:i:n:p:q:r:s:u:")) != -1) {
		switch (ch) {
		case 'F':
			c.nofk = 1;
			break;
		case 'b':
			c.batch = num(optarg, 1, 100000000);
			break;
		case 'g':
			c.gets = num(optarg, 1, 100000000);
			break;
		case 'i':
			c.imports = num(optarg, 1, 1000);
			break;
		case 'n':
			c.rows = num(optarg, 1, 1000000000);
			break;
		case 'p':
			c.plan = optarg;
			break;
		case 'q':
			c.qruns = num(optarg, 1, 1000);
			break;
		case 'r':
			c.reads = num(optarg, 1, 1000000000);
			break;
		case 's':
			c.seed = num(optarg, 0, INT64_MAX);
			break;
		case 'u':
			c.units = optarg;
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 1)
		usage();
	c.dsn = argv[optind];
	/* No progress bar from core_units_import() on a terminal. */
	setenv("FAZHI_NO_PROGRESS", "1", 1);

	t0 = now();
	st = bench_plan_import(&c, &plan_id);
	pairs = plan_pairs(st, plan_id, &np, &ntasks, &nunits);
	printf("op=setup backend=%s tasks=%zu units=%zu pairs=%zu\n",
	    store_backend(st), ntasks, nunits, np);
	fflush(stdout);
	bench_insert(&c, st, pairs, np);
	bench_analyze(st);
	bench_aggs(&c, st);
	bench_reads(&c, st);
	bench_noop(&c, st);
	bench_plan_get(&c, st, plan_id);
	printf("op=total backend=%s secs=%.3f\n", store_backend(st),
	    now() - t0);
	free(pairs);
	store_close(st);
	return 0;
}
