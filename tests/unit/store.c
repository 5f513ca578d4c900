/*
 * store.c: the store conformance suite: every behaviour the product
 * relies on, run against SQLite and, when tests/with-pg.sh provides a
 * cluster, against PostgreSQL: migrations and the version guard, unique
 * names, Chinese and 4-byte text, NULLs, large texts, order, round trips,
 * updates with stable ids, not-found, conflict, rollback, concurrent
 * writers, the working-day calendar, migrations applied by number,
 * registries and indicators, and (PostgreSQL) a connection dropped
 * mid-transaction.
 * SPDX-License-Identifier: MIT
 */
#include "testlib.h"

#include <sys/wait.h>

#include <unistd.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "fazhi/calendar.h"
#include "fazhi/core.h"
#include "fazhi/store.h"

enum backend { BE_SQLITE, BE_PG };

static enum backend	 backend;
static int		 dbseq;

struct fx {
	char		 path[256];	/* SQLite file, or PostgreSQL DSN */
	char		 dbname[64];
	struct store	*st;
};

/* A connection string to a database of the test cluster. */
static void
pg_dsn(char *out, size_t n, const char *db)
{
	snprintf(out, n, "postgresql:///%s?host=%s&user=%s", db,
	    getenv("FAZHI_TEST_PG_HOST"), getenv("FAZHI_TEST_PG_USER"));
}

/* Run SQL on the fixture's database behind the store's back. */
static void
raw_exec(struct fx *f, const char *sql)
{
	if (backend == BE_SQLITE) {
		sqlite3	*db;
		char	*err = NULL;

		assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
		if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
			fail_msg("%s: %s", sql, err);
		sqlite3_close(db);
	} else {
		PGconn		*c = PQconnectdb(f->path);
		PGresult	*r;

		assert_int_equal(PQstatus(c), CONNECTION_OK);
		r = PQexec(c, sql);
		if (PQresultStatus(r) != PGRES_COMMAND_OK &&
		    PQresultStatus(r) != PGRES_TUPLES_OK)
			fail_msg("%s: %s", sql, PQresultErrorMessage(r));
		PQclear(r);
		PQfinish(c);
	}
}

static int
setup(void **state)
{
	struct fx	*f = calloc(1, sizeof(*f));
	int		 fd, from, to;

	if (backend == BE_SQLITE) {
		snprintf(f->path, sizeof(f->path), "/tmp/fazhi-store-XXXXXX");
		if ((fd = mkstemp(f->path)) == -1)
			return -1;
		close(fd);
		unlink(f->path);
	} else {
		snprintf(f->dbname, sizeof(f->dbname), "fz_store_%d_%d",
		    (int)getpid(), ++dbseq);
		pg_dsn(f->path, sizeof(f->path), f->dbname);
	}
	if (store_open(f->path, 1, &f->st) != FZ_OK) {
		print_message("# %s\n", store_errmsg(f->st));
		return -1;
	}
	if (store_migrate(f->st, &from, &to) != FZ_OK)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*f = *state;
	char		 p[300];

	store_close(f->st);
	if (backend == BE_SQLITE) {
		unlink(f->path);
		snprintf(p, sizeof(p), "%s-wal", f->path);
		unlink(p);
		snprintf(p, sizeof(p), "%s-shm", f->path);
		unlink(p);
	} else {
		PGconn		*c;
		PGresult	*r;

		pg_dsn(p, sizeof(p), "postgres");
		c = PQconnectdb(p);
		snprintf(p, sizeof(p), "DROP DATABASE IF EXISTS %s WITH (FORCE)",
		    f->dbname);
		r = PQexec(c, p);
		PQclear(r);
		PQfinish(c);
	}
	free(f);
	return 0;
}

static void
make_unit(struct unit *u, const char *code, const char *name,
    const char *shortname)
{
	memset(u, 0, sizeof(*u));
	u->code = xstrdup(code);
	u->name = xstrdup(name);
	if (shortname != NULL)
		strv_add(&u->shorts, &u->nshorts, shortname);
	u->kind = UNIT_DEPARTMENT;
}

static void
test_migrate(void **state)
{
	struct fx	*f = *state;
	int		 v = 0, from = -1, to = -1;

	assert_int_equal(store_schema_version(f->st, &v), FZ_OK);
	assert_int_equal(v, store_schema_latest(f->st));
	assert_true(v >= 1);
	/* Migrating again changes nothing. */
	assert_int_equal(store_migrate(f->st, &from, &to), FZ_OK);
	assert_int_equal(from, v);
	assert_int_equal(to, v);
}

/* Migrations are applied by number: one missing below the store's
 * version (merged from a branch after a higher one) is still pending and
 * is applied; the others are not run twice. */
static void
test_migrate_by_number(void **state)
{
	struct fx	*f = *state;
	int		 n = -1, v = 0, from, to;

	assert_int_equal(store_schema_pending(f->st, &n), FZ_OK);
	assert_int_equal(n, 0);
	/* Forget 0004 (failed sign-ins: no other table refers to it), a
	 * gap below the newest version. */
	raw_exec(f, "DROP TABLE login_failure");
	raw_exec(f, "DELETE FROM schema_version WHERE version = 4");
	assert_int_equal(store_schema_version(f->st, &v), FZ_OK);
	assert_int_equal(v, store_schema_latest(f->st));
	assert_int_equal(store_schema_pending(f->st, &n), FZ_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_migrate(f->st, &from, &to), FZ_OK);
	assert_int_equal(to, store_schema_latest(f->st));
	assert_int_equal(store_schema_pending(f->st, &n), FZ_OK);
	assert_int_equal(n, 0);
	raw_exec(f, "SELECT count(*) FROM login_failure");
}

static void
test_version_ahead_refused(void **state)
{
	struct fx	*f = *state;
	int		 from, to;

	raw_exec(f, "INSERT INTO schema_version VALUES "
	    "(999, '0999_future', '2030-01-01T00:00:00Z')");
	assert_int_equal(store_migrate(f->st, &from, &to), FZ_EVERSION);
	assert_non_null(strstr(store_errmsg(f->st), "999"));
}

static void
test_unit_names_unique(void **state)
{
	struct fx	*f = *state;
	struct unit	 a, b;
	int64_t		 ida = 0, idb = 0, again = 0;

	make_unit(&a, "sfj", "莘县司法局", "县司法局");
	make_unit(&b, "scjg", "莘县市场监督管理局", "县司法局");
	assert_int_equal(store_unit_put(f->st, &a, &ida), FZ_OK);
	assert_int_equal(store_unit_put(f->st, &b, &idb), FZ_ECONFLICT);
	/* Updating by code keeps the id. */
	assert_int_equal(store_unit_put(f->st, &a, &again), FZ_OK);
	assert_int_equal(again, ida);
	unit_release(&a);
	unit_release(&b);
}

static int
count_cb(const struct unit *u, void *arg)
{
	(void)u;
	(*(int *)arg)++;
	return 0;
}

static void
test_rollback(void **state)
{
	struct fx	*f = *state;
	struct unit	 a;
	int		 n = 0;

	make_unit(&a, "gaj", "莘县公安局", "县公安局");
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_unit_put(f->st, &a, NULL), FZ_OK);
	assert_int_equal(store_rollback(f->st), FZ_OK);
	assert_int_equal(store_unit_iter(f->st, count_cb, &n), FZ_OK);
	assert_int_equal(n, 0);
	unit_release(&a);
}

static void
test_not_found(void **state)
{
	struct fx	*f = *state;
	struct plan	 p;
	int64_t		 id;

	assert_int_equal(store_plan_get(f->st, 12345, &p), FZ_ENOTFOUND);
	assert_int_equal(store_plan_find(f->st, "莘政办发〔1999〕1号", NULL,
	    &id), FZ_ENOTFOUND);
	plan_release(&p);
}

static void
load_plan(const char *path, struct plan *p)
{
	struct buf	 b = BUF_INIT;
	struct diags	 dg = { 0 };
	struct unit_dir	 dir = { 0 };
	struct buf	 u = BUF_INIT;

	tl_read("data/units/shenxian.csv", &u);
	assert_int_equal(core_units_parse(u.ptr, u.len, NULL, &dir, &dg), FZ_OK);
	tl_read(path, &b);
	assert_int_equal(import_plan(b.ptr, b.len, path, DOC_AUTO, p, &dg),
	    FZ_OK);
	core_plan_resolve(p, &dir, &dg);
	unit_dir_release(&dir);
	diags_release(&dg);
	buf_release(&b);
	buf_release(&u);
}

static json_t *
plan_json_noid(const struct plan *p)
{
	json_t	*j = core_plan_json(p), *t;
	size_t	 i;

	json_object_del(j, "id");
	json_object_del(j, "revision");
	json_array_foreach(json_object_get(j, "tasks"), i, t)
		json_object_del(t, "id");
	return j;
}

static void
test_plan_round_trip(void **state)
{
	struct fx	*f = *state;
	struct plan	 p, q;
	json_t		*a, *b;
	struct buf	 why = BUF_INIT;
	int64_t		 id;

	load_plan("data/plans/shenxian-2022.md", &p);
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_plan_put(f->st, &p), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	assert_true(p.id > 0);
	assert_int_equal(store_plan_find(f->st, p.doc_no, p.title, &id), FZ_OK);
	assert_int_equal(id, p.id);
	assert_int_equal(store_plan_get(f->st, p.id, &q), FZ_OK);
	/* Everything that went in comes out, in order, byte for byte. */
	a = plan_json_noid(&p);
	b = plan_json_noid(&q);
	if (!json_subset(a, b, "", &why) || !json_subset(b, a, "", &why))
		fail_msg("round trip differs:\n%s", why.ptr);
	assert_string_equal(q.source_text, p.source_text);
	assert_int_equal(q.revision, 1);
	/* Inserting the same 文号 again is a conflict. */
	p.id = 0;
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_plan_put(f->st, &p), FZ_ECONFLICT);
	assert_int_equal(store_rollback(f->st), FZ_OK);
	json_decref(a);
	json_decref(b);
	buf_release(&why);
	plan_release(&p);
	plan_release(&q);
}

static void
test_plan_update_keeps_ids(void **state)
{
	struct fx	*f = *state;
	struct plan	 p, r, q;
	struct plan_diff d;
	size_t		 i, j;

	load_plan("data/plans/shenxian-2022.md", &p);
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_plan_put(f->st, &p), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	assert_int_equal(store_plan_get(f->st, p.id, &q), FZ_OK);

	load_plan("tests/import/fixtures/shenxian-2022-rev.md", &r);
	core_plan_diff(&q, &r, &d);
	r.id = p.id;
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_plan_put(f->st, &r), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	plan_release(&q);
	assert_int_equal(store_plan_get(f->st, p.id, &q), FZ_OK);
	assert_int_equal(q.revision, 2);
	assert_int_equal(q.ntasks, r.ntasks);
	/* A task found by title in both keeps its id. */
	for (i = 0; i < p.ntasks; i++)
		for (j = 0; j < q.ntasks; j++)
			if (str_eq(p.tasks[i].title, q.tasks[j].title))
				assert_int_equal(p.tasks[i].id, q.tasks[j].id);
	/* Numbers are continuous after the renumbering. */
	for (j = 0; j < q.ntasks; j++)
		assert_int_equal(q.tasks[j].number, (int)j + 1);
	plan_diff_release(&d);
	plan_release(&p);
	plan_release(&r);
	plan_release(&q);
}


struct collect {
	char	 names[8][128];
	int	 n;
};

static int
collect_cb(const struct unit *u, void *arg)
{
	struct collect	*c = arg;

	if (c->n < 8)
		snprintf(c->names[c->n++], sizeof(c->names[0]), "%s", u->name);
	return 0;
}

/* Chinese, 4-byte characters, quotes and NULLs come back as they went in,
 * in the order they went in. */
static void
test_text_order_nulls(void **state)
{
	static const char *const names[] = {
		"莘县𠀀测试局", "县“引号”办公室'\"; DROP TABLE unit; --", "张鲁回族镇",
	};
	struct fx	*f = *state;
	struct collect	 c;
	struct unit	 u;
	struct plan	 p, q;
	struct task	*t;
	size_t		 i;

	for (i = 0; i < 3; i++) {
		char code[8];

		snprintf(code, sizeof(code), "u%zu", 3 - i);
		make_unit(&u, code, names[i], NULL);
		u.parent = NULL;
		assert_int_equal(store_unit_put(f->st, &u, NULL), FZ_OK);
		unit_release(&u);
	}
	memset(&c, 0, sizeof(c));
	assert_int_equal(store_unit_iter(f->st, collect_cb, &c), FZ_OK);
	assert_int_equal(c.n, 3);
	for (i = 0; i < 3; i++)
		assert_string_equal(c.names[i], names[i]);

	plan_init(&p);
	p.title = xstrdup("无文号的计划");
	p.source_name = xstrdup("x.md");
	p.source_format = xstrdup("markdown");
	t = plan_task_new(&p);
	t->number = 1;
	t->title = xstrdup("任务");
	t->text = xstrdup("任务。");
	assert_int_equal(store_plan_put(f->st, &p), FZ_OK);
	assert_int_equal(store_plan_get(f->st, p.id, &q), FZ_OK);
	assert_null(q.doc_no);
	assert_null(q.issuer);
	assert_null(q.issue_date);
	assert_int_equal(q.is_public, -1);
	assert_int_equal(q.year, 0);
	assert_null(q.tasks[0].annotation);
	/* Without a 文号 the title finds it. */
	{
		int64_t id = 0;

		assert_int_equal(store_plan_find(f->st, NULL, "无文号的计划",
		    &id), FZ_OK);
		assert_int_equal(id, p.id);
	}
	plan_release(&p);
	plan_release(&q);
}

static void
test_large_text(void **state)
{
	struct fx	*f = *state;
	struct plan	 p, q;
	struct buf	 big = BUF_INIT;
	struct task	*t;
	size_t		 i;

	for (i = 0; i < 200000; i++)	/* 6 MB of Chinese text */
		buf_addstr(&big, "法治政府建设年度报告制度。");
	plan_init(&p);
	p.doc_no = xstrdup("测政发〔2026〕1号");
	p.title = xstrdup("大文本计划");
	p.source_name = xstrdup("big.md");
	p.source_format = xstrdup("markdown");
	p.source_text = xstrdup(big.ptr);
	p.source_bytes = big.len;
	t = plan_task_new(&p);
	t->number = 1;
	t->title = xstrdup("大任务");
	t->text = xstrndup(big.ptr, 300000);
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_plan_put(f->st, &p), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	assert_int_equal(store_plan_get(f->st, p.id, &q), FZ_OK);
	assert_int_equal(strlen(q.source_text), big.len);
	assert_string_equal(q.source_text, big.ptr);
	assert_string_equal(q.tasks[0].text, p.tasks[0].text);
	buf_release(&big);
	plan_release(&p);
	plan_release(&q);
}

/* Two processes write through their own handles at the same time. */
static void
test_concurrent_writers(void **state)
{
	struct fx	*f = *state;
	struct collect	 c;
	pid_t		 kid[2];
	int		 k, status, n = 0;

	for (k = 0; k < 2; k++) {
		if ((kid[k] = fork()) == 0) {
			struct store	*st;
			struct unit	 u;
			char		 code[32], name[64];
			int		 i, bad = 0;

			if (store_open(f->path, 0, &st) != FZ_OK)
				_exit(2);
			for (i = 0; i < 100; i++) {
				snprintf(code, sizeof(code), "w%d-%d", k, i);
				snprintf(name, sizeof(name), "并发单位%d-%d", k, i);
				make_unit(&u, code, name, NULL);
				if (store_begin(st) != FZ_OK ||
				    store_unit_put(st, &u, NULL) != FZ_OK ||
				    store_commit(st) != FZ_OK) {
					store_rollback(st);
					bad++;
				}
				unit_release(&u);
			}
			store_close(st);
			_exit(bad ? 1 : 0);
		}
		assert_true(kid[k] > 0);
	}
	for (k = 0; k < 2; k++) {
		assert_int_equal(waitpid(kid[k], &status, 0), kid[k]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	memset(&c, 0, sizeof(c));
	assert_int_equal(store_unit_iter(f->st, count_cb, &n), FZ_OK);
	assert_int_equal(n, 200);
}

/* PostgreSQL: the server ends our backend in the middle of a transaction. */
static void
test_dropped_connection(void **state)
{
	struct fx	*f = *state;
	struct unit	 u;
	int		 n = 0;
	char		 sql[256];

	if (backend != BE_PG)
		skip();
	make_unit(&u, "drop1", "莘县断线测试局", NULL);
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_unit_put(f->st, &u, NULL), FZ_OK);
	snprintf(sql, sizeof(sql), "SELECT pg_terminate_backend(pid) FROM "
	    "pg_stat_activity WHERE datname = '%s' AND pid <> "
	    "pg_backend_pid()", f->dbname);
	raw_exec(f, sql);
	unit_release(&u);
	make_unit(&u, "drop2", "莘县断线测试二局", NULL);
	assert_int_not_equal(store_unit_put(f->st, &u, NULL), FZ_OK);
	assert_non_null(strstr(store_errmsg(f->st), "连接"));
	assert_int_equal(store_rollback(f->st), FZ_OK);
	/* The next operation reconnects; nothing was half-written. */
	assert_int_equal(store_unit_iter(f->st, count_cb, &n), FZ_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_unit_put(f->st, &u, NULL), FZ_OK);
	n = 0;
	assert_int_equal(store_unit_iter(f->st, count_cb, &n), FZ_OK);
	assert_int_equal(n, 1);
	unit_release(&u);
}

static void
test_bad_dsn(void **state)
{
	struct store	*st = NULL;
	char		 dsn[300];

	(void)state;
	if (backend != BE_PG)
		skip();
	assert_int_not_equal(store_open("postgresql://nobody@127.0.0.1:1/x",
	    0, &st), FZ_OK);
	assert_non_null(strstr(store_errmsg(st), "无法连接"));
	store_close(st);
	pg_dsn(dsn, sizeof(dsn), "fz_no_such_db");
	assert_int_equal(store_open(dsn, 0, &st), FZ_ENOTFOUND);
	store_close(st);
}


/* PostgreSQL: the server restarts under an open store; the next
 * operation reconnects by itself. */
static void
test_server_restart(void **state)
{
	struct fx	*f = *state;
	struct unit	 u;
	char		 cmd[1024];
	int		 n = 0;

	if (backend != BE_PG || getenv("FAZHI_TEST_PG_BIN") == NULL)
		skip();
	make_unit(&u, "r1", "莘县重启测试局", NULL);
	assert_int_equal(store_unit_put(f->st, &u, NULL), FZ_OK);
	snprintf(cmd, sizeof(cmd), "%s %s/pg_ctl -D %s -w -m fast restart "
	    ">/dev/null 2>&1", getenv("FAZHI_TEST_PG_AS") ?
	    getenv("FAZHI_TEST_PG_AS") : "", getenv("FAZHI_TEST_PG_BIN"),
	    getenv("FAZHI_TEST_PG_DATA"));
	assert_int_equal(system(cmd), 0);
	if (store_unit_iter(f->st, count_cb, &n) != FZ_OK)
		fail_msg("after the restart: %s", store_errmsg(f->st));
	assert_int_equal(n, 1);
	unit_release(&u);
}

/* Accounts with roles; sign-in, a session seen through a second handle
 * (another process), logout, and a password change ending sessions. */
static void
test_accounts_sessions(void **state)
{
	struct fx		*f = *state;
	struct unit		 u;
	struct role_spec	 roles[1] = { { "sfj", STAFF_SUPERVISOR } };
	struct account_spec	 spec = { "zhangsan", "张三",
				    "correct-horse-battery", 0, roles, 1 };
	struct account		 a;
	struct session		 s, s2;
	struct diags		 dg = { 0 };
	struct store		*other = NULL;
	char			 token[65], token2[65];

	make_unit(&u, "sfj", "莘县司法局", "县司法局");
	assert_int_equal(store_unit_put(f->st, &u, NULL), FZ_OK);
	unit_release(&u);
	assert_int_equal(core_account_add(f->st, &spec, "test", &dg), FZ_OK);
	assert_int_equal(core_account_add(f->st, &spec, "test", &dg),
	    FZ_ECONFLICT);
	assert_int_equal(store_account_get(f->st, "zhangsan", &a), FZ_OK);
	assert_string_equal(a.name, "张三");
	assert_int_equal(a.nroles, 1);
	assert_string_equal(a.roles[0].unit_name, "莘县司法局");
	assert_int_equal(a.roles[0].role, STAFF_SUPERVISOR);
	assert_true(str_startswith(a.password_hash, "$argon2id$"));
	account_release(&a);

	assert_int_equal(core_login(f->st, "zhangsan", "wrong-password-1",
	    3600, token, &s, &dg), FZ_EPERM);
	assert_int_equal(core_login(f->st, "nobody", "correct-horse-battery",
	    3600, token, &s, &dg), FZ_EPERM);
	assert_int_equal(core_login(f->st, "zhangsan",
	    "correct-horse-battery", 3600, token, &s, &dg), FZ_OK);
	assert_int_equal(strlen(token), 64);
	assert_string_not_equal(s.id, token);	/* only its hash is kept */
	/* Another handle — another process — knows the session. */
	assert_int_equal(store_open(f->path, 0, &other), FZ_OK);
	assert_int_equal(core_session_check(other, token, 3600, &s2), FZ_OK);
	assert_int_equal(s2.account_id, s.account_id);
	assert_string_equal(s2.csrf, s.csrf);
	assert_int_equal(core_session_check(other, "0000", 3600, &s2),
	    FZ_EPERM);
	/* A session that has expired is refused and removed. */
	assert_int_equal(core_login(f->st, "zhangsan",
	    "correct-horse-battery", -5, token2, &s, &dg), FZ_OK);
	assert_int_equal(core_session_check(other, token2, 3600, &s2),
	    FZ_EPERM);
	/* Logout ends one session; a new password ends all. */
	assert_int_equal(core_logout(other, token), FZ_OK);
	assert_int_equal(core_session_check(f->st, token, 3600, &s2),
	    FZ_EPERM);
	assert_int_equal(core_login(f->st, "zhangsan",
	    "correct-horse-battery", 3600, token, &s, &dg), FZ_OK);
	assert_int_equal(core_account_passwd(f->st, "zhangsan",
	    "another-long-secret", "test", &dg), FZ_OK);
	assert_int_equal(core_session_check(other, token, 3600, &s2),
	    FZ_EPERM);
	/* Five failures lock the login for the window, even with the right
	 * password, through any handle; other logins are not affected. */
	{
		int i;

		for (i = 0; i < 5; i++)
			assert_int_equal(core_login(other, "zhangsan",
			    "not-the-password", 3600, token, &s, &dg),
			    FZ_EPERM);
		assert_int_equal(core_login(f->st, "zhangsan",
		    "another-long-secret", 3600, token, &s, &dg), FZ_EBUSY);
		raw_exec(f, "DELETE FROM login_failure");
	}
	/* A disabled account cannot sign in. */
	assert_int_equal(core_account_disable(f->st, "zhangsan", 1, "test",
	    &dg), FZ_OK);
	assert_int_equal(core_login(f->st, "zhangsan", "another-long-secret",
	    3600, token, &s, &dg), FZ_EPERM);
	store_close(other);
	diags_release(&dg);
}

/* The workflow's operations: assignments from a plan, reports with their
 * visibility rule, events, citations, files kept once, extensions and the
 * deadline they move, 未报 recorded once, notices, settings, the log. */
static void
test_workflow_ops(void **state)
{
	struct fx		*f = *state;
	struct plan		 p;
	struct period		 per;
	struct assignment	*av, a;
	struct report		 r, c, *rv;
	struct report_filter	 rf;
	struct report_event	 e, *ev;
	struct evidence		 ed, *evv;
	struct evidence_reuse	*ru;
	struct extension	 x, *xv;
	struct notice		 nt, *nv;
	struct notice_filter	 nf;
	struct audit_entry	*au;
	struct role_spec	 roles[1] = { { "scjg", STAFF_CLERK } };
	struct account_spec	 spec = { "li", "李", "correct-horse-battery",
				    0, roles, 1 };
	struct diags		 dg = { 0 };
	struct unit_dir		 dir = { 0 };
	struct buf		 u = BUF_INIT;
	struct account		 acc;
	int64_t			 task13 = 0, scjg = 0, sfj = 0, *cites, total;
	size_t			 n, i, nlead = 0;
	char			 due[11], *v, *b64;
	int			 grace, added;

	tl_read("data/units/shenxian.csv", &u);
	assert_int_equal(core_units_parse(u.ptr, u.len, NULL, &dir, &dg),
	    FZ_OK);
	for (i = 0; i < dir.n; i++)
		assert_int_equal(store_unit_put(f->st, &dir.v[i], &dir.v[i].id),
		    FZ_OK);
	load_plan("data/plans/shenxian-2022.md", &p);
	unit_dir_release(&dir);
	assert_int_equal(core_units_load(f->st, &dir), FZ_OK);
	core_plan_resolve(&p, &dir, &dg);
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_plan_put(f->st, &p), FZ_OK);
	assert_int_equal(store_assignment_sync(f->st, p.id), FZ_OK);
	/* Twice is harmless: one assignment per task and unit. */
	assert_int_equal(store_assignment_sync(f->st, p.id), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	for (i = 0; i < p.ntasks; i++)
		if (p.tasks[i].number == 13)
			task13 = p.tasks[i].id;
	for (i = 0; i < dir.n; i++) {
		if (str_eq(dir.v[i].code, "scjg"))
			scjg = dir.v[i].id;
		if (str_eq(dir.v[i].code, "sfj"))
			sfj = dir.v[i].id;
	}
	/* Task 13: 牵头单位 县司法局, 50 responsible units (26 enforcement
	 * departments and 24 towns and subdistricts of the directory). */
	assert_int_equal(store_assignment_list(f->st, 0, task13, 0, &av, &n),
	    FZ_OK);
	assert_int_equal(n, 51);
	for (i = 0; i < n; i++)
		nlead += str_eq(av[i].role, "lead");
	assert_int_equal(nlead, 1);
	assert_string_equal(av[0].role, "lead");	/* leads come first */
	assert_int_equal(av[0].unit_id, sfj);
	free(av);
	assert_int_equal(store_assignment_find(f->st, task13, scjg, &a), FZ_OK);
	assert_string_equal(a.state, "assigned");
	snprintf(a.state, sizeof(a.state), "claimed");
	snprintf(a.claimed_by, sizeof(a.claimed_by), "李");
	assert_int_equal(store_assignment_update(f->st, &a), FZ_OK);
	assert_int_equal(store_assignment_get(f->st, a.id, &a), FZ_OK);
	assert_string_equal(a.state, "claimed");
	assert_string_equal(a.claimed_by, "李");
	assert_string_equal(a.closed_at, "");	/* NULL reads as empty */

	memset(&per, 0, sizeof(per));
	per.plan_id = p.id;
	snprintf(per.name, sizeof(per.name), "2022年第一季度");
	snprintf(per.starts, sizeof(per.starts), "2022-01-01");
	snprintf(per.ends, sizeof(per.ends), "2022-03-31");
	snprintf(per.due, sizeof(per.due), "2022-04-10");
	per.grace_days = 2;
	assert_int_equal(store_period_put(f->st, &per), FZ_OK);

	/* A report with Chinese text; the same key twice is a conflict. */
	memset(&r, 0, sizeof(r));
	r.period_id = per.id;
	r.task_id = task13;
	r.unit_id = scjg;
	snprintf(r.kind, sizeof(r.kind), "unit");
	snprintf(r.progress, sizeof(r.progress), "in_progress");
	snprintf(r.state, sizeof(r.state), "draft");
	snprintf(r.created_by, sizeof(r.created_by), "li");
	r.narrative = xstrdup("聘任行政执法社会监督员 12 名𠀀");
	r.measures = xstrdup("2,3");
	assert_int_equal(store_report_put(f->st, &r), FZ_OK);
	c = r;
	c.id = 0;
	assert_int_equal(store_report_put(f->st, &c), FZ_ECONFLICT);
	r.submissions = 1;
	snprintf(r.state, sizeof(r.state), "submitted");
	snprintf(r.first_submitted_at, sizeof(r.first_submitted_at),
	    "2022-04-09T01:00:00Z");
	assert_int_equal(store_report_put(f->st, &r), FZ_OK);
	report_release(&r);
	assert_int_equal(store_report_find(f->st, per.id, task13, scjg, &r),
	    FZ_OK);
	assert_string_equal(r.narrative, "聘任行政执法社会监督员 12 名𠀀");
	assert_string_equal(r.unit_name, "莘县市场监督管理局");
	assert_string_equal(r.period_name, "2022年第一季度");
	assert_int_equal(r.task_number, 13);
	assert_string_equal(r.accepted_at, "");

	/* Visibility: an account of scjg sees it; of nobody's unit, not. */
	assert_int_equal(core_account_add(f->st, &spec, "test", &dg), FZ_OK);
	memset(&acc, 0, sizeof(acc));
	assert_int_equal(store_account_get(f->st, "li", &acc), FZ_OK);
	memset(&rf, 0, sizeof(rf));
	rf.task_id = task13;
	rf.visible_to = acc.id;
	assert_int_equal(store_report_list(f->st, &rf, &rv, &n, &total),
	    FZ_OK);
	assert_int_equal(total, 1);
	assert_int_equal(n, 1);
	report_release(&rv[0]);
	free(rv);
	rf.not_of = acc.id;		/* a review queue leaves out its own */
	assert_int_equal(store_report_list(f->st, &rf, &rv, &n, &total),
	    FZ_OK);
	assert_int_equal(total, 0);
	free(rv);
	account_release(&acc);

	memset(&e, 0, sizeof(e));
	e.report_id = r.id;
	snprintf(e.actor, sizeof(e.actor), "sup");
	snprintf(e.action, sizeof(e.action), "return");
	snprintf(e.reason, sizeof(e.reason), "R02");
	e.comment = (char *)(uintptr_t)"请补充";
	assert_int_equal(store_report_event_add(f->st, &e), FZ_OK);
	assert_int_equal(store_report_events(f->st, r.id, &ev, &n), FZ_OK);
	assert_int_equal(n, 1);
	assert_string_equal(ev[0].reason, "R02");
	assert_string_equal(ev[0].comment, "请补充");
	report_event_release(&ev[0]);
	free(ev);

	/* A consolidated report cites it. */
	memset(&c, 0, sizeof(c));
	c.period_id = per.id;
	c.task_id = task13;
	c.unit_id = sfj;
	snprintf(c.kind, sizeof(c.kind), "consolidated");
	snprintf(c.progress, sizeof(c.progress), "done");
	snprintf(c.state, sizeof(c.state), "draft");
	snprintf(c.created_by, sizeof(c.created_by), "wang");
	assert_int_equal(store_report_put(f->st, &c), FZ_OK);
	assert_int_equal(store_report_cites_set(f->st, c.id, &r.id, 1), FZ_OK);
	assert_int_equal(store_report_cites(f->st, c.id, &cites, &n), FZ_OK);
	assert_int_equal(n, 1);
	assert_int_equal(cites[0], r.id);
	free(cites);

	/* Values of manual indicators: replaced as a whole; the newest
	 * accepted report's value is the one the plan shows, a lead unit's
	 * consolidated report first. */
	{
		struct report_ind	 in[2], *out, lx;
		int64_t			 rid;
		char			 un[160], pn[64];

		memset(in, 0, sizeof(in));
		snprintf(in[0].name, sizeof(in[0].name), "全覆盖");
		in[0].has_value = 1;
		in[0].value = 87.5;
		in[0].done = -1;
		in[0].note = (char *)(uintptr_t)"村级未完成";
		snprintf(in[1].name, sizeof(in[1].name), "年底前");
		in[1].done = 1;
		in[1].note = (char *)(uintptr_t)"";
		assert_int_equal(store_report_inds_set(f->st, r.id, in, 2),
		    FZ_OK);
		assert_int_equal(store_report_inds_set(f->st, c.id, in + 1, 1),
		    FZ_OK);
		assert_int_equal(store_report_inds(f->st, r.id, &out, &n),
		    FZ_OK);
		assert_int_equal(n, 2);
		assert_string_equal(out[0].name, "全覆盖");
		assert_true(out[0].has_value && out[0].value == 87.5);
		assert_int_equal(out[0].done, -1);
		assert_string_equal(out[0].note, "村级未完成");
		assert_false(out[1].has_value);
		assert_int_equal(out[1].done, 1);
		free(out[0].note);
		free(out[1].note);
		free(out);
		/* Neither report is accepted: nothing to show. */
		assert_int_equal(store_report_ind_latest(f->st, task13, "年底前",
		    &lx, &rid, un, pn), FZ_OK);
		assert_int_equal(rid, 0);
		assert_int_equal(store_report_inds_set(f->st, r.id, in, 1),
		    FZ_OK);
		assert_int_equal(store_report_inds(f->st, r.id, &out, &n),
		    FZ_OK);
		assert_int_equal(n, 1);
		free(out[0].note);
		free(out);
	}

	/* A file kept once, used by two reports: each sees the other. */
	assert_int_equal(store_blob_put(f->st, "ab12", 3, "YWJj"), FZ_OK);
	assert_int_equal(store_blob_put(f->st, "ab12", 3, "YWJj"), FZ_OK);
	memset(&ed, 0, sizeof(ed));
	ed.report_id = r.id;
	snprintf(ed.sha256, sizeof(ed.sha256), "ab12");
	snprintf(ed.name, sizeof(ed.name), "聘书.pdf");
	snprintf(ed.mime, sizeof(ed.mime), "application/pdf");
	ed.size = 3;
	snprintf(ed.uploaded_by, sizeof(ed.uploaded_by), "li");
	assert_int_equal(store_evidence_add(f->st, &ed), FZ_OK);
	ed.report_id = c.id;
	assert_int_equal(store_evidence_add(f->st, &ed), FZ_OK);
	assert_int_equal(store_evidence_reuse(f->st, "ab12", c.id, &ru, &n),
	    FZ_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ru[0].report_id, r.id);
	assert_string_equal(ru[0].unit_name, "莘县市场监督管理局");
	free(ru);
	assert_int_equal(store_blob_get(f->st, "ab12", &b64), FZ_OK);
	assert_string_equal(b64, "YWJj");
	free(b64);
	/* Publication: off, unpublished and not public until set. */
	{
		struct pub_plan	 pp;
		int		 on;

		assert_int_equal(store_pub_site_get(f->st, &on), FZ_OK);
		assert_int_equal(on, 0);
		assert_int_equal(store_pub_site_set(f->st, 1, "sv"), FZ_OK);
		assert_int_equal(store_pub_site_set(f->st, 1, "sv"), FZ_OK);
		assert_int_equal(store_pub_site_get(f->st, &on), FZ_OK);
		assert_int_equal(on, 1);
		assert_int_equal(store_pub_plan_get(f->st, p.id, &pp),
		    FZ_ENOTFOUND);
		assert_int_equal(pp.published, 0);
		pp.published = 1;
		snprintf(pp.fields, sizeof(pp.fields), "task_text,status");
		snprintf(pp.set_by, sizeof(pp.set_by), "sv");
		assert_int_equal(store_pub_plan_put(f->st, &pp), FZ_OK);
		snprintf(pp.fields, sizeof(pp.fields), "status");
		assert_int_equal(store_pub_plan_put(f->st, &pp), FZ_OK);
		memset(&pp, 0, sizeof(pp));
		assert_int_equal(store_pub_plan_get(f->st, p.id, &pp), FZ_OK);
		assert_int_equal(pp.published, 1);
		assert_string_equal(pp.fields, "status");
		assert_string_equal(pp.set_by, "sv");
		assert_int_equal(strlen(pp.set_at), 20);
		pp.plan_id = p.id + 1000;
		assert_int_not_equal(store_pub_plan_put(f->st, &pp), FZ_OK);
		assert_int_equal(store_pub_evidence_get(f->st, ed.id, &on),
		    FZ_OK);
		assert_int_equal(on, 0);
		assert_int_equal(store_pub_evidence_set(f->st, ed.id, 1, "sv"),
		    FZ_OK);
		assert_int_equal(store_pub_evidence_get(f->st, ed.id, &on),
		    FZ_OK);
		assert_int_equal(on, 1);
		assert_int_equal(store_pub_evidence_set(f->st, ed.id, 0, "sv"),
		    FZ_OK);
		assert_int_equal(store_pub_evidence_get(f->st, ed.id, &on),
		    FZ_OK);
		assert_int_equal(on, 0);
		assert_int_equal(store_pub_evidence_set(f->st, ed.id, 1, "sv"),
		    FZ_OK);
		assert_int_equal(store_pub_evidence_set(f->st, ed.id + 1000, 1,
		    "sv"), FZ_ENOTFOUND);
	}
	assert_int_equal(store_evidence_delete(f->st, ed.id), FZ_OK);
	assert_int_equal(store_evidence_delete(f->st, ed.id), FZ_ENOTFOUND);
	{
		int	 on;

		/* The flag goes with the file. */
		assert_int_equal(store_pub_evidence_get(f->st, ed.id, &on),
		    FZ_ENOTFOUND);
	}
	assert_int_equal(store_evidence_list(f->st, c.id, &evv, &n), FZ_OK);
	assert_int_equal(n, 0);
	free(evv);

	/* The deadline is the period's until an extension is approved. */
	assert_int_equal(store_deadline(f->st, per.id, task13, scjg, due,
	    &grace), FZ_OK);
	assert_string_equal(due, "2022-04-10");
	assert_int_equal(grace, 2);
	memset(&x, 0, sizeof(x));
	x.period_id = per.id;
	x.task_id = task13;
	x.unit_id = scjg;
	x.reason = (char *)(uintptr_t)"人员调整";
	snprintf(x.original_due, sizeof(x.original_due), "2022-04-10");
	snprintf(x.requested_due, sizeof(x.requested_due), "2022-04-30");
	snprintf(x.requested_by, sizeof(x.requested_by), "li");
	assert_int_equal(store_extension_add(f->st, &x), FZ_OK);
	assert_int_equal(store_deadline(f->st, per.id, task13, scjg, due,
	    &grace), FZ_OK);
	assert_string_equal(due, "2022-04-10");	/* pending: no change */
	assert_int_equal(store_extension_decide(f->st, x.id, "approved",
	    "sup", NULL), FZ_OK);
	assert_int_equal(store_extension_decide(f->st, x.id, "refused",
	    "sup", "晚了"), FZ_ENOTFOUND);		/* decided once */
	assert_int_equal(store_deadline(f->st, per.id, task13, scjg, due,
	    &grace), FZ_OK);
	assert_string_equal(due, "2022-04-30");
	assert_int_equal(store_extension_list(f->st, p.id, 0, 0, "approved",
	    &xv, &n), FZ_OK);
	assert_int_equal(n, 1);
	assert_string_equal(xv[0].original_due, "2022-04-10");
	extension_release(&xv[0]);
	free(xv);
	assert_int_equal(store_period_set_due(f->st, per.id, "2022-04-10",
	    "2022-04-15", "节假日", "sup"), FZ_OK);
	assert_int_equal(store_period_get(f->st, per.id, &per), FZ_OK);
	assert_string_equal(per.due, "2022-04-15");

	assert_int_equal(store_missed_put(f->st, per.id, task13, sfj,
	    "2022-04-15", &added), FZ_OK);
	assert_int_equal(added, 1);
	assert_int_equal(store_missed_put(f->st, per.id, task13, sfj,
	    "2022-04-15", &added), FZ_OK);
	assert_int_equal(added, 0);

	memset(&nt, 0, sizeof(nt));
	nt.unit_id = scjg;
	nt.task_id = task13;
	snprintf(nt.kind, sizeof(nt.kind), "urge");
	snprintf(nt.actor, sizeof(nt.actor), "sup");
	nt.message = (char *)(uintptr_t)"请尽快报送";
	assert_int_equal(store_notice_add(f->st, &nt), FZ_OK);
	memset(&nf, 0, sizeof(nf));
	nf.unit_id = scjg;
	nf.unread = 1;
	assert_int_equal(store_notice_list(f->st, &nf, &nv, &n), FZ_OK);
	assert_int_equal(n, 1);
	assert_int_equal(nv[0].period_id, 0);	/* NULL reads as 0 */
	notice_release(&nv[0]);
	free(nv);
	assert_int_equal(store_notice_read(f->st, nt.id, "li"), FZ_OK);
	assert_int_equal(store_notice_list(f->st, &nf, &nv, &n), FZ_OK);
	assert_int_equal(n, 0);
	free(nv);

	assert_int_equal(store_setting_get(f->st, "light.yellow_days", &v),
	    FZ_ENOTFOUND);
	assert_int_equal(store_setting_put(f->st, "light.yellow_days", "5",
	    "sup"), FZ_OK);
	assert_int_equal(store_setting_put(f->st, "light.yellow_days", "7",
	    "sup"), FZ_OK);
	assert_int_equal(store_setting_get(f->st, "light.yellow_days", &v),
	    FZ_OK);
	assert_string_equal(v, "7");
	free(v);
	assert_int_equal(core_setting_int(f->st, "light.yellow_days"), 7);

	/* The log by words: LIKE wildcards in the words are literal. */
	assert_int_equal(store_audit(f->st, "sup", "report.return",
	    "report/1", "{\"reason\":\"R_2%\"}"), FZ_OK);
	assert_int_equal(store_audit(f->st, "sup", "report.accept",
	    "report/2", "{\"reason\":\"RX2x\"}"), FZ_OK);
	assert_int_equal(store_audit_page(f->st, "sup", "R_2%", 10, 0, &au,
	    &n, &total), FZ_OK);
	assert_int_equal(total, 1);
	assert_string_equal(au[0].action, "report.return");
	audit_entry_release(&au[0]);
	free(au);
	assert_int_equal(store_audit_page(f->st, NULL, NULL, 1, 1, &au, &n,
	    &total), FZ_OK);
	assert_true(total >= 3);		/* + core_account_add's */
	assert_int_equal(n, 1);
	assert_string_equal(au[0].action, "report.return");	/* newest first */
	audit_entry_release(&au[0]);
	free(au);

	report_release(&r);
	report_release(&c);
	unit_dir_release(&dir);
	plan_release(&p);
	buf_release(&u);
	diags_release(&dg);
}

/* The audit chain holds, and breaks where an entry is edited or a
 * predecessor deleted. */
static void
test_audit_chain(void **state)
{
	struct fx		*f = *state;
	struct audit_check	 c;
	char			 detail[32];
	int			 i;

	for (i = 0; i < 5; i++) {
		snprintf(detail, sizeof(detail), "第 %d 条", i + 1);
		assert_int_equal(store_audit(f->st, "test", "x", "y", detail),
		    FZ_OK);
	}
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_audit(f->st, "test", "in-tx", "y", NULL), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	assert_int_equal(store_audit_verify(f->st, &c), FZ_OK);
	assert_int_equal(c.entries, 6);
	assert_int_equal(c.bad_id, 0);
	assert_int_equal(strlen(c.head), 64);
	raw_exec(f, "UPDATE audit SET detail = '改过' WHERE id = 3");
	assert_int_equal(store_audit_verify(f->st, &c), FZ_OK);
	assert_int_equal(c.bad_id, 3);
	raw_exec(f, "UPDATE audit SET detail = '第 3 条' WHERE id = 3");
	assert_int_equal(store_audit_verify(f->st, &c), FZ_OK);
	assert_int_equal(c.bad_id, 0);
	raw_exec(f, "DELETE FROM audit WHERE id = 2");
	assert_int_equal(store_audit_verify(f->st, &c), FZ_OK);
	assert_int_equal(c.bad_id, 3);
}

static int
cal_day_cb(const struct cal_day *d, void *arg)
{
	struct buf	*b = arg;

	buf_addf(b, "%s %s %s;", d->date, d->kind == CAL_WORK ? "班" : "休",
	    d->name[0] ? d->name : "-");
	return 0;
}

static int
cal_year_cb(const struct cal_year *y, void *arg)
{
	struct buf	*b = arg;

	buf_addf(b, "%d %d %s %d;", y->year, y->ndays, y->source[0] ?
	    y->source : "-", (int)strlen(y->loaded_at));
	return 0;
}

static void
cal_set(struct cal_day *d, const char *date, enum cal_kind k,
    const char *name)
{
	memset(d, 0, sizeof(*d));
	snprintf(d->date, sizeof(d->date), "%s", date);
	d->kind = k;
	snprintf(d->name, sizeof(d->name), "%s", name);
}

/* The calendar: a year replaced whole inside a transaction, never
 * outside one; days by year and by date range across years, in order;
 * NULL names; a duplicate date is a conflict and rolls back cleanly. */
static void
test_calendar(void **state)
{
	struct fx	*f = *state;
	struct cal_day	 d[4];
	struct buf	 b = BUF_INIT;
	struct calendar	 cal;

	cal_set(&d[0], "2024-02-10", CAL_OFF, "春节");
	cal_set(&d[1], "2024-02-04", CAL_WORK, "春节");
	cal_set(&d[2], "2024-03-08", CAL_OFF, "");
	assert_int_equal(store_calendar_put(f->st, 2024, d, 3, "x"),
	    FZ_EINVAL);
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_calendar_put(f->st, 2024, d, 3, "2024.csv"),
	    FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	assert_int_equal(store_calendar_days(f->st, 2024, cal_day_cb, &b),
	    FZ_OK);
	assert_string_equal(b.ptr, "2024-02-04 班 春节;2024-02-10 休 春节;"
	    "2024-03-08 休 -;");
	buf_reset(&b);
	assert_int_equal(store_calendar_years(f->st, cal_year_cb, &b), FZ_OK);
	assert_string_equal(b.ptr, "2024 3 2024.csv 20;");

	/* Replacing 2024 drops what it had; 2023 is another year. */
	cal_set(&d[0], "2024-01-01", CAL_OFF, "元旦");
	cal_set(&d[1], "2023-12-31", CAL_OFF, "元旦");
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_calendar_put(f->st, 2024, d, 1, NULL), FZ_OK);
	assert_int_equal(store_calendar_put(f->st, 2023, d + 1, 1, "n"),
	    FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	buf_reset(&b);
	assert_int_equal(store_calendar_range(f->st, "2023-12-30",
	    "2024-01-01", cal_day_cb, &b), FZ_OK);
	assert_string_equal(b.ptr, "2023-12-31 休 元旦;2024-01-01 休 元旦;");
	buf_reset(&b);
	assert_int_equal(store_calendar_years(f->st, cal_year_cb, &b), FZ_OK);
	assert_string_equal(b.ptr, "2023 1 n 20;2024 1 - 20;");

	/* A date twice: a conflict; the rollback keeps the year as it was. */
	cal_set(&d[0], "2024-05-01", CAL_OFF, "劳动节");
	cal_set(&d[1], "2024-05-01", CAL_OFF, "劳动节");
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_calendar_put(f->st, 2024, d, 2, "dup"),
	    FZ_ECONFLICT);
	assert_int_equal(store_rollback(f->st), FZ_OK);
	buf_reset(&b);
	assert_int_equal(store_calendar_days(f->st, 2024, cal_day_cb, &b),
	    FZ_OK);
	assert_string_equal(b.ptr, "2024-01-01 休 元旦;");

	/* The calendar loaded from the store knows its years. */
	assert_int_equal(cal_load(&cal, f->st), FZ_OK);
	assert_true(cal_known(&cal, 2023));
	assert_true(cal_known(&cal, 2024));
	assert_false(cal_known(&cal, 2025));
	assert_int_equal(cal_is_workday(&cal, "2024-01-01"), 0);
	assert_int_equal(cal_is_workday(&cal, "2024-01-02"), 1);
	cal_release(&cal);
	buf_release(&b);
}

/* Every table the migrations create is one db copy moves. */
static int
table_listed(const char *name)
{
	int	 i;

	if (str_eq(name, "schema_version"))
		return 1;
	for (i = 0; i < store_copy_ntables(); i++)
		if (str_eq(store_copy_table(i), name))
			return 1;
	return 0;
}

/* Registries: a record written and read back (4-byte text, NULLs, the
 * unit's name joined), updated only at the revision it was read, unique
 * per unit and 文号, found by them, listed by unit, dates, words, who may
 * read, expiry and status, with its history and evidence files. */
static int
reg_list_cb(const struct reg_record *r, void *arg)
{
	struct buf	*b = arg;

	buf_addf(b, "%s;", r->v[1].s);
	return 0;
}

static void
reg_set(const struct reg_desc *d, struct reg_record *r, const char *key,
    const char *s, int64_t i)
{
	int	 f = reg_field_index(d, key);

	assert_true(f >= 0);
	if (s == NULL && i == 0) {
		free(r->v[f].s);
		r->v[f].s = NULL;
		r->v[f].null = 1;
	} else
		reg_value_set(&r->v[f], s, i);
}

static void
reg_doc(const struct reg_desc *d, struct reg_record *r, int64_t unit,
    const char *uname, const char *doc, const char *pub, const char *exp,
    const char *status)
{
	reg_record_init(r);
	reg_set(d, r, "unit", uname, unit);
	reg_set(d, r, "doc_no", doc, 0);
	reg_set(d, r, "title", "关于𠀋的办法", 0);
	reg_set(d, r, "published", pub, 0);
	reg_set(d, r, "expires", exp, 0);
	reg_set(d, r, "status", status, 0);
}

static void
test_registry_ops(void **state)
{
	struct fx		*f = *state;
	const struct reg_desc	*d = registry_find("normative");
	struct unit		 u;
	struct reg_record	 r, g, x, y;
	struct reg_filter	 flt;
	struct reg_evidence	 e, e2, *ev = NULL;
	struct role_spec	 roles[1] = { { "scjg", STAFF_CLERK } };
	struct account_spec	 spec = { "clerk", "联络员",
				    "correct-horse-battery", 0, roles, 1 };
	struct account		 a;
	struct diags		 dg = { 0 };
	struct buf		 b = BUF_INIT;
	int64_t			 sfj, scjg, id = 0, total = 0;
	size_t			 nev = 0;

	reg_record_init(&x);
	reg_record_init(&y);
	make_unit(&u, "sfj", "莘县司法局", "县司法局");
	assert_int_equal(store_unit_put(f->st, &u, &sfj), FZ_OK);
	unit_release(&u);
	make_unit(&u, "scjg", "莘县市场监督管理局", NULL);
	assert_int_equal(store_unit_put(f->st, &u, &scjg), FZ_OK);
	unit_release(&u);

	reg_doc(d, &r, sfj, "莘县司法局", "莘司发〔2022〕1号", "2022-01-10",
	    NULL, "有效");
	reg_set(d, &r, "filed", "2022-01-20", 0);
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_reg_put(f->st, d, &r, "test"), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	assert_true(r.id > 0);
	assert_int_equal(r.revision, 1);
	assert_int_equal(store_reg_get(f->st, d, r.id, &g), FZ_OK);
	assert_true(reg_record_same(d, &r, &g));
	assert_string_equal(g.v[reg_field_index(d, "unit")].s, "莘县司法局");
	assert_string_equal(g.v[reg_field_index(d, "title")].s, "关于𠀋的办法");
	assert_true(g.v[reg_field_index(d, "reviewed")].null);
	assert_string_equal(g.created_by, "test");
	assert_int_equal(g.revision, 1);
	/* Updated at its revision; a second writer of revision 1 loses. */
	reg_set(d, &g, "reviewed", "2022-02-01", 0);
	reg_set(d, &g, "conclusion", "予以备案", 0);
	assert_int_equal(store_reg_put(f->st, d, &g, "sup"), FZ_OK);
	assert_int_equal(g.revision, 2);
	reg_set(d, &r, "title", "改", 0);
	assert_int_equal(store_reg_put(f->st, d, &r, "other"), FZ_ECONFLICT);
	reg_record_release(&x);
	assert_int_equal(store_reg_get(f->st, d, r.id, &x), FZ_OK);
	assert_string_equal(x.v[reg_field_index(d, "conclusion")].s, "予以备案");
	assert_string_equal(x.updated_by, "sup");
	reg_record_release(&x);
	/* One 文号 per unit; the same 文号 for another unit is fine. */
	reg_doc(d, &x, sfj, "莘县司法局", "莘司发〔2022〕1号", "2022-03-01",
	    NULL, NULL);
	assert_int_equal(store_reg_put(f->st, d, &x, "test"), FZ_ECONFLICT);
	reg_record_release(&x);
	assert_int_equal(store_reg_find(f->st, d, sfj, "莘司发〔2022〕1号", &id),
	    FZ_OK);
	assert_int_equal(id, r.id);
	assert_int_equal(store_reg_find(f->st, d, scjg, "莘司发〔2022〕1号",
	    &id), FZ_ENOTFOUND);
	assert_int_equal(store_reg_get(f->st, d, 99999, &x), FZ_ENOTFOUND);
	reg_record_release(&x);
	reg_doc(d, &x, scjg, NULL, "莘市监发〔2022〕1号", "2022-06-01",
	    "2022-12-01", "废止");
	assert_int_equal(store_reg_put(f->st, d, &x, "test"), FZ_OK);
	reg_doc(d, &y, scjg, NULL, "莘市监发〔2021〕5号", "2021-05-01",
	    "2022-11-30", NULL);
	assert_int_equal(store_reg_put(f->st, d, &y, "test"), FZ_OK);

	/* Lists: by the date field, then id; each filter. */
	memset(&flt, 0, sizeof(flt));
	assert_int_equal(store_reg_list(f->st, d, &flt, reg_list_cb, &b, &total),
	    FZ_OK);
	assert_string_equal(b.ptr, "莘市监发〔2021〕5号;莘司发〔2022〕1号;"
	    "莘市监发〔2022〕1号;");
	assert_int_equal(total, 3);
	buf_reset(&b);
	flt.unit_id = scjg;
	flt.from = "2022-01-01";
	flt.to = "2022-12-31";
	assert_int_equal(store_reg_list(f->st, d, &flt, reg_list_cb, &b, &total),
	    FZ_OK);
	assert_string_equal(b.ptr, "莘市监发〔2022〕1号;");
	memset(&flt, 0, sizeof(flt));
	buf_reset(&b);
	flt.q = "2021";
	assert_int_equal(store_reg_list(f->st, d, &flt, reg_list_cb, &b, &total),
	    FZ_OK);
	assert_int_equal(total, 1);
	flt.q = "%";		/* LIKE's wildcards are literal */
	assert_int_equal(store_reg_list(f->st, d, &flt, reg_list_cb, &b, &total),
	    FZ_OK);
	assert_int_equal(total, 0);
	flt.q = "𠀋";
	assert_int_equal(store_reg_list(f->st, d, &flt, reg_list_cb, &b, &total),
	    FZ_OK);
	assert_int_equal(total, 3);
	memset(&flt, 0, sizeof(flt));
	assert_int_equal(core_account_add(f->st, &spec, "test", &dg), FZ_OK);
	assert_int_equal(store_account_get(f->st, "clerk", &a), FZ_OK);
	flt.visible_to = a.id;
	assert_int_equal(store_reg_list(f->st, d, &flt, reg_list_cb, &b, &total),
	    FZ_OK);
	assert_int_equal(total, 2);
	account_release(&a);
	memset(&flt, 0, sizeof(flt));
	flt.exp_from = "2022-11-01";
	flt.exp_to = "2022-12-31";
	assert_int_equal(store_reg_list(f->st, d, &flt, reg_list_cb, &b, &total),
	    FZ_OK);
	assert_int_equal(total, 2);
	flt.active = 1;		/* 废止 is not in force; NULL status is */
	buf_reset(&b);
	assert_int_equal(store_reg_list(f->st, d, &flt, reg_list_cb, &b, &total),
	    FZ_OK);
	assert_string_equal(b.ptr, "莘市监发〔2021〕5号;");
	memset(&flt, 0, sizeof(flt));
	flt.limit = 1;
	flt.offset = 1;
	buf_reset(&b);
	assert_int_equal(store_reg_list(f->st, d, &flt, reg_list_cb, &b, &total),
	    FZ_OK);
	assert_string_equal(b.ptr, "莘司发〔2022〕1号;");
	assert_int_equal(total, 3);

	/* History, in revision order; evidence files. */
	assert_int_equal(store_reg_history_add(f->st, d->key, r.id, 1,
	    "create", "test", NULL, "{\"title\":\"甲\"}"), FZ_OK);
	assert_int_equal(store_reg_history_add(f->st, d->key, r.id, 2,
	    "update", "sup", "{\"title\":\"甲\"}", "{\"title\":\"乙\"}"),
	    FZ_OK);
	assert_int_equal(store_reg_history_add(f->st, d->key, r.id, 2,
	    "update", "sup", NULL, "{}"), FZ_ECONFLICT);
	assert_int_equal(store_blob_put(f->st, "ab", 2, "AAA="), FZ_OK);
	memset(&e, 0, sizeof(e));
	snprintf(e.registry, sizeof(e.registry), "normative");
	e.record_id = r.id;
	snprintf(e.sha256, sizeof(e.sha256), "ab");
	snprintf(e.name, sizeof(e.name), "备案通知书.pdf");
	snprintf(e.mime, sizeof(e.mime), "application/pdf");
	e.size = 2;
	snprintf(e.uploaded_by, sizeof(e.uploaded_by), "test");
	assert_int_equal(store_reg_evidence_add(f->st, &e), FZ_OK);
	assert_int_equal(store_reg_evidence_get(f->st, e.id, &e2), FZ_OK);
	assert_string_equal(e2.name, "备案通知书.pdf");
	assert_int_equal(e2.record_id, r.id);
	assert_int_equal(store_reg_evidence_list(f->st, "normative", r.id, &ev,
	    &nev), FZ_OK);
	assert_int_equal(nev, 1);
	free(ev);
	snprintf(e.sha256, sizeof(e.sha256), "nosuchblob");
	assert_int_equal(store_reg_evidence_add(f->st, &e), FZ_ECONFLICT);
	reg_record_release(&r);
	reg_record_release(&g);
	reg_record_release(&x);
	reg_record_release(&y);
	buf_release(&b);
	diags_release(&dg);
}

static int
hist_count(int rev, const char *action, const char *actor, const char *at,
    const char *before, const char *after, void *arg)
{
	struct buf	*b = arg;

	(void)actor;
	(void)at;
	(void)after;
	buf_addf(b, "%d:%s:%s;", rev, action, before ? "b" : "-");
	return 0;
}

static int
defs_count(const struct ind_def *d, void *arg)
{
	buf_addf(arg, "%s@%d;", d->key, d->version);
	return 0;
}

static int
roles_cb(int64_t id, const char *role, void *arg)
{
	buf_addf(arg, "%lld:%s;", (long long)id, role);
	return 0;
}

/* Indicators: the built-in definitions of the migration, new versions
 * beside the old, a run's values with the records behind them, the
 * newest values, and a plan's indicators linked to definitions by name
 * or by hand. */
static void
test_indicator_ops(void **state)
{
	struct fx		*f = *state;
	struct ind_def		 d, d2;
	struct ind_run		 run;
	struct ind_value	 v, c, *vs = NULL;
	struct ind_result	 res;
	struct ind_link_row	*links = NULL;
	struct unit		 u;
	struct plan		 p;
	struct buf		 b = BUF_INIT;
	int64_t			 sfj, counted[] = { 1, 2 }, failing[] = { 3 },
				 excluded[] = { 4 };
	size_t			 n = 0, i;

	assert_int_equal(store_reg_history(f->st, "normative", 1, hist_count,
	    &b), FZ_OK);
	assert_string_equal(b.ptr, "");
	/* Migration 0008 made three, version 1, first; later migrations
	 * add other registries' (0009: 重大行政决策's seven, 0010: 行政应诉
	 * and 行政复议's six). */
	assert_int_equal(store_ind_def_list(f->st, NULL, defs_count, &b),
	    FZ_OK);
	assert_true(str_startswith(b.ptr, "normative.filing_rate@1;"
	    "normative.timely_rate@1;normative.review_rate@1;"));
	assert_non_null(strstr(b.ptr, ";decision.collective_rate@1;"));
	assert_non_null(strstr(b.ptr, ";decision.complete_rate@1;"));
	assert_non_null(strstr(b.ptr, "litigation.head_rate@1;"));
	assert_non_null(strstr(b.ptr, "rating.fix_rate@1;"));
	/* 0020: 规范率 and 持证执法率, and 执法证件有效率's version 2 (its
	 * note), the newest listed. */
	assert_non_null(strstr(b.ptr, "enforcer.valid_rate@2;"));
	assert_null(strstr(b.ptr, "enforcer.valid_rate@1;"));
	assert_non_null(strstr(b.ptr, "normative.conform_rate@1;"));
	assert_non_null(strstr(b.ptr, "enforcement.certified_rate@1;"));
	assert_int_equal(store_ind_def_get(f->st, "normative.timely_rate", 0,
	    &d), FZ_OK);
	assert_string_equal(d.name, "及时率");
	assert_true(d.has_target && d.target == 100);
	assert_string_equal(d.comparator, ">=");
	assert_non_null(strstr(d.params, "limit_days"));
	assert_non_null(strstr(d.source, "第三条"));
	/* A new version; the old one stays. */
	free(d.params);
	d.params = xstrdup("{\"limit_days\":20}");
	snprintf(d.created_by, sizeof(d.created_by), "sup");
	assert_int_equal(store_ind_def_add(f->st, &d), FZ_OK);
	assert_int_equal(d.version, 2);
	assert_int_equal(store_ind_def_get(f->st, "normative.timely_rate", 1,
	    &d2), FZ_OK);
	assert_non_null(strstr(d2.params, "30"));
	ind_def_release(&d2);
	assert_int_equal(store_ind_def_get(f->st, "normative.timely_rate", 0,
	    &d2), FZ_OK);
	assert_int_equal(d2.version, 2);
	assert_non_null(strstr(d2.params, "20"));
	ind_def_release(&d2);
	assert_int_equal(store_ind_def_get(f->st, "nosuch", 0, &d2),
	    FZ_ENOTFOUND);
	buf_reset(&b);
	assert_int_equal(store_ind_def_list(f->st, "normative.timely_rate",
	    defs_count, &b), FZ_OK);
	assert_string_equal(b.ptr, "normative.timely_rate@1;"
	    "normative.timely_rate@2;");

	/* A run, a county value and a unit's, with their records. */
	make_unit(&u, "sfj", "莘县司法局", NULL);
	assert_int_equal(store_unit_put(f->st, &u, &sfj), FZ_OK);
	unit_release(&u);
	memset(&run, 0, sizeof(run));
	snprintf(run.as_of, sizeof(run.as_of), "2022-12-31");
	run.year = 2022;
	snprintf(run.period_start, sizeof(run.period_start), "2022-01-01");
	snprintf(run.period_end, sizeof(run.period_end), "2022-12-31");
	snprintf(run.actor, sizeof(run.actor), "test");
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_ind_run_add(f->st, &run), FZ_OK);
	memset(&res, 0, sizeof(res));
	res.counted = counted;
	res.ncounted = 2;
	res.failing = failing;
	res.nfailing = 1;
	res.excluded = excluded;
	res.nexcluded = 1;
	memset(&v, 0, sizeof(v));
	v.run_id = run.id;
	v.def_id = d.id;
	v.numerator = 2;
	v.denominator = 3;
	v.has_value = 1;
	v.value = 200.0 / 3;
	v.met = 0;
	snprintf(v.inputs_sha256, sizeof(v.inputs_sha256), "%064d", 0);
	assert_int_equal(store_ind_value_add(f->st, &v, &res), FZ_OK);
	c = v;
	c.unit_id = sfj;
	c.denominator = -1;	/* as a count would */
	c.has_value = 0;
	c.met = -1;
	memset(&res, 0, sizeof(res));
	assert_int_equal(store_ind_value_add(f->st, &c, &res), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	assert_int_equal(store_ind_value_get(f->st, v.id, &c), FZ_OK);
	assert_string_equal(c.def_key, "normative.timely_rate");
	assert_int_equal(c.def_version, 2);
	assert_int_equal(c.unit_id, 0);
	assert_int_equal(c.denominator, 3);
	assert_true(c.value > 66.66 && c.value < 66.67);
	assert_int_equal(c.met, 0);
	assert_string_equal(c.as_of, "2022-12-31");
	buf_reset(&b);
	assert_int_equal(store_ind_value_records(f->st, v.id, roles_cb, &b),
	    FZ_OK);
	assert_string_equal(b.ptr, "1:counted;2:counted;4:excluded;3:failing;");
	assert_int_equal(store_ind_values_latest(f->st,
	    "normative.timely_rate", 0, &vs, &n), FZ_OK);
	assert_int_equal(n, 2);
	assert_int_equal(vs[0].unit_id, 0);	/* the county first */
	assert_int_equal(vs[1].unit_id, sfj);
	assert_string_equal(vs[1].unit_name, "莘县司法局");
	assert_int_equal(vs[1].denominator, -1);
	assert_false(vs[1].has_value);
	assert_int_equal(vs[1].met, -1);
	free(vs);
	assert_int_equal(store_ind_values_latest(f->st,
	    "normative.timely_rate", -1, &vs, &n), FZ_OK);
	assert_int_equal(n, 1);
	free(vs);
	assert_int_equal(store_ind_values_latest(f->st,
	    "normative.filing_rate", 0, &vs, &n), FZ_OK);
	assert_int_equal(n, 0);
	free(vs);

	/* Links: task 9's three rates, task 11's 集体讨论率 and task 19's
	 * 负责人出庭应诉率 by name; one set by hand stays so. */
	load_plan("data/plans/shenxian-2022.md", &p);
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_plan_put(f->st, &p), FZ_OK);
	assert_int_equal(store_ind_link_auto(f->st, p.id, "test"), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	assert_int_equal(store_ind_links(f->st, p.id, &links, &n), FZ_OK);
	buf_reset(&b);
	for (i = 0; i < n; i++)
		if (links[i].def_key[0] != '\0' && (links[i].task_number == 9 ||
		    links[i].task_number == 11 || links[i].task_number == 19))
			buf_addf(&b, "%d %s %s %s;", links[i].task_number,
			    links[i].name, links[i].def_key, links[i].source);
	/* Task 9's three, task 11's and task 19's (others may follow). */
	assert_non_null(strstr(b.ptr, "9 报备率 normative.filing_rate auto;"
	    "9 及时率 normative.timely_rate auto;"
	    "9 备案审查率 normative.review_rate auto;"));
	assert_non_null(strstr(b.ptr,
	    "11 集体讨论率 decision.collective_rate auto;"));
	assert_non_null(strstr(b.ptr,
	    "19 负责人出庭应诉率 litigation.head_rate auto;"));
	assert_true(n > 3);
	for (i = 0; i < n; i++)
		if (links[i].task_number == 9 && str_eq(links[i].name, "及时率")) {
			assert_true(links[i].has_target && links[i].target == 100);
			assert_int_equal(store_ind_link_put(f->st,
			    links[i].task_id, "及时率", NULL, "sup"), FZ_OK);
		}
	ind_link_rows_free(links, n);
	assert_int_equal(store_ind_link_auto(f->st, p.id, "test"), FZ_OK);
	assert_int_equal(store_ind_links(f->st, p.id, &links, &n), FZ_OK);
	for (i = 0; i < n; i++)
		if (links[i].task_number == 9 && str_eq(links[i].name, "及时率")) {
			assert_string_equal(links[i].def_key, "");
			assert_string_equal(links[i].source, "manual");
		}
	ind_link_rows_free(links, n);
	plan_release(&p);
	ind_def_release(&d);
	buf_release(&b);
}

/* The annual report: the county's and a unit's per plan and year, versions
 * with their content, the transitions in order, the published fields. */
static void
test_annual_ops(void **state)
{
	struct fx		*f = *state;
	struct plan		 p;
	struct unit		 u;
	struct annual_report	 a, b, c, *v;
	struct annual_event	 e, *ev;
	size_t			 n;
	char			*content;
	int			 flags;
	int64_t			 uid;

	load_plan("data/plans/shenxian-2022.md", &p);
	make_unit(&u, "sfj", "莘县司法局", "县司法局");
	assert_int_equal(store_unit_put(f->st, &u, &uid), FZ_OK);
	unit_release(&u);
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_plan_put(f->st, &p), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	assert_int_equal(store_begin(f->st), FZ_OK);
	memset(&a, 0, sizeof(a));
	a.plan_id = p.id;
	a.year = 2022;
	snprintf(a.state, sizeof(a.state), "draft");
	a.version = 1;
	assert_int_equal(store_annual_put(f->st, &a), FZ_OK);
	assert_true(a.id > 0);
	memset(&b, 0, sizeof(b));
	b.plan_id = p.id;
	b.year = 2022;
	b.unit_id = uid;
	snprintf(b.state, sizeof(b.state), "draft");
	b.version = 1;
	assert_int_equal(store_annual_put(f->st, &b), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	/* one county report per plan and year */
	assert_int_equal(store_begin(f->st), FZ_OK);
	c = a;
	c.id = 0;
	assert_int_not_equal(store_annual_put(f->st, &c), FZ_OK);
	assert_int_equal(store_rollback(f->st), FZ_OK);

	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_annual_version_put(f->st, a.id, 1,
	    "{\"parts\":[\"一、主要举措和成效\"]}", 2, "admin"), FZ_OK);
	memset(&e, 0, sizeof(e));
	e.report_id = a.id;
	snprintf(e.actor, sizeof(e.actor), "admin");
	snprintf(e.action, sizeof(e.action), "submit");
	snprintf(e.from_state, sizeof(e.from_state), "draft");
	snprintf(e.to_state, sizeof(e.to_state), "review");
	e.version = 1;
	snprintf(e.reason, sizeof(e.reason), "请审核");
	assert_int_equal(store_annual_event_add(f->st, &e), FZ_OK);
	e.id = 0;
	snprintf(e.action, sizeof(e.action), "approve");
	e.reason[0] = '\0';
	assert_int_equal(store_annual_event_add(f->st, &e), FZ_OK);
	snprintf(a.state, sizeof(a.state), "published");
	a.published_version = 1;
	snprintf(a.content_sha256, sizeof(a.content_sha256), "%064d", 7);
	snprintf(a.published_at, sizeof(a.published_at),
	    "2023-03-20T08:00:00Z");
	assert_int_equal(store_annual_put(f->st, &a), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);

	assert_int_equal(store_annual_find(f->st, p.id, 2022, 0, &c), FZ_OK);
	assert_int_equal(c.id, a.id);
	assert_string_equal(c.state, "published");
	assert_int_equal(c.published_version, 1);
	assert_string_equal(c.content_sha256, a.content_sha256);
	assert_string_equal(c.unit_name, "");
	assert_int_equal(store_annual_find(f->st, p.id, 2022, uid, &c), FZ_OK);
	assert_int_equal(c.id, b.id);
	assert_string_equal(c.unit_code, "sfj");
	assert_int_equal(store_annual_find(f->st, p.id, 2023, 0, &c),
	    FZ_ENOTFOUND);
	assert_int_equal(store_annual_get(f->st, b.id, &c), FZ_OK);
	assert_string_equal(c.state, "draft");
	assert_int_equal(store_annual_list(f->st, p.id, 2022, &v, &n), FZ_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, a.id);	/* the county first */
	free(v);
	assert_int_equal(store_annual_version_get(f->st, a.id, 1, &content,
	    &flags), FZ_OK);
	assert_string_equal(content, "{\"parts\":[\"一、主要举措和成效\"]}");
	assert_int_equal(flags, 2);
	free(content);
	assert_int_equal(store_annual_version_get(f->st, a.id, 2, &content,
	    &flags), FZ_ENOTFOUND);
	assert_int_equal(store_annual_events(f->st, a.id, &ev, &n), FZ_OK);
	assert_int_equal(n, 2);
	assert_string_equal(ev[0].action, "submit");
	assert_string_equal(ev[0].reason, "请审核");
	assert_string_equal(ev[1].action, "approve");
	assert_string_equal(ev[1].reason, "");
	free(ev);
	plan_release(&p);
}

static void
test_copy_covers_schema(void **state)
{
	struct fx	*f = *state;
	int		 n = 0;

	if (backend == BE_SQLITE) {
		sqlite3		*db;
		sqlite3_stmt	*q;

		assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT name FROM "
		    "sqlite_master WHERE type = 'table' AND name NOT LIKE "
		    "'sqlite_%'", -1, &q, NULL), SQLITE_OK);
		while (sqlite3_step(q) == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(q, 0);

			if (!table_listed(t))
				fail_msg("table %s is not copied by db copy", t);
			n++;
		}
		sqlite3_finalize(q);
		sqlite3_close(db);
	} else {
		PGconn		*c = PQconnectdb(f->path);
		PGresult	*r = PQexec(c, "SELECT table_name FROM "
		    "information_schema.tables WHERE table_schema = "
		    "current_schema()");
		int		 i;

		for (i = 0; i < PQntuples(r); i++, n++)
			if (!table_listed(PQgetvalue(r, i, 0)))
				fail_msg("table %s is not copied by db copy",
				    PQgetvalue(r, i, 0));
		PQclear(r);
		PQfinish(c);
	}
	assert_int_equal(n, store_copy_ntables() + 1);
}

/* A store copied to a new store of the other engine and back is equal,
 * table by table; a copy into a store that is not empty is refused. */
static void
test_copy_round_trip(void **state)
{
	struct fx		*f = *state;
	struct plan		 p;
	struct copy_report	 a, b, c;
	struct store		*other = NULL, *back = NULL;
	char			 dsn[300], dbname[64], path[64];
	enum backend		 keep = backend;
	size_t			 i;
	int			 x, y, fd;

	load_plan("data/plans/shenxian-2022.md", &p);
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_plan_put(f->st, &p), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	assert_int_equal(store_audit(f->st, "test", "x", "y", NULL), FZ_OK);
	{
		struct cal_day	 d[2];

		cal_set(&d[0], "2024-02-04", CAL_WORK, "春节");
		cal_set(&d[1], "2024-02-10", CAL_OFF, "");
		assert_int_equal(store_begin(f->st), FZ_OK);
		assert_int_equal(store_calendar_put(f->st, 2024, d, 2,
		    "2024.csv"), FZ_OK);
		assert_int_equal(store_commit(f->st), FZ_OK);
	}
	{
		/* A registry record, its history, a computed run. */
		const struct reg_desc *d = registry_find("normative");
		struct ind_compute_opts co = { "2022-12-31", 2022, NULL };
		struct reg_record r;
		struct actor ac;
		struct diags dg = { 0 };
		struct unit u;
		json_t *o = NULL;
		int64_t sfj;

		make_unit(&u, "sfj", "莘县司法局", NULL);
		assert_int_equal(store_unit_put(f->st, &u, &sfj), FZ_OK);
		unit_release(&u);
		reg_doc(d, &r, sfj, "莘县司法局", "莘司发〔2022〕1号",
		    "2022-01-10", "2027-01-09", "有效");
		reg_set(d, &r, "filed", "2022-03-01", 0);
		assert_int_equal(store_reg_put(f->st, d, &r, "test"), FZ_OK);
		assert_int_equal(store_reg_history_add(f->st, d->key, r.id, 1,
		    "create", "test", NULL, "{}"), FZ_OK);
		core_actor_system(&ac);
		assert_int_equal(core_ind_compute(f->st, &ac, &co, &o, &dg),
		    FZ_OK);
		json_decref(o);
		reg_record_release(&r);
		diags_release(&dg);
	}
	assert_int_equal(store_digest(f->st, &a), FZ_OK);

	/* Copy to the other engine when a cluster exists, else SQLite. */
	if (keep == BE_SQLITE && getenv("FAZHI_TEST_PG_HOST") != NULL) {
		snprintf(dbname, sizeof(dbname), "fz_copy_%d", (int)getpid());
		pg_dsn(dsn, sizeof(dsn), dbname);
	} else {
		snprintf(dsn, sizeof(dsn), "/tmp/fazhi-copy-XXXXXX");
		assert_true((fd = mkstemp(dsn)) >= 0);
		close(fd);
		unlink(dsn);
		dbname[0] = '\0';
	}
	assert_int_equal(store_open(dsn, 1, &other), FZ_OK);
	assert_int_equal(store_migrate(other, &x, &y), FZ_OK);
	assert_int_equal(store_copy(f->st, other, &b, NULL, NULL), FZ_OK);
	for (i = 0; i < a.n; i++) {
		assert_int_equal(a.t[i].rows, b.t[i].rows);
		assert_string_equal(a.t[i].sha256, b.t[i].sha256);
	}
	/* And back into a new SQLite file. */
	snprintf(path, sizeof(path), "/tmp/fazhi-back-XXXXXX");
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(store_open(path, 1, &back), FZ_OK);
	assert_int_equal(store_migrate(back, &x, &y), FZ_OK);
	assert_int_equal(store_copy(other, back, &c, NULL, NULL), FZ_OK);
	assert_int_equal(store_digest(back, &c), FZ_OK);
	for (i = 0; i < a.n; i++)
		assert_string_equal(a.t[i].sha256, c.t[i].sha256);
	/* Not into a store that has data. */
	assert_int_equal(store_copy(f->st, back, &c, NULL, NULL),
	    FZ_ECONFLICT);
	assert_non_null(strstr(store_errmsg(back), "不是空的"));
	store_close(other);
	store_close(back);
	unlink(path);
	if (dbname[0] != '\0') {
		PGconn *c2;
		PGresult *r;
		char sql[128];

		pg_dsn(dsn, sizeof(dsn), "postgres");
		c2 = PQconnectdb(dsn);
		snprintf(sql, sizeof(sql), "DROP DATABASE %s WITH (FORCE)",
		    dbname);
		r = PQexec(c2, sql);
		PQclear(r);
		PQfinish(c2);
	} else
		unlink(dsn);
	plan_release(&p);
}

/* 督察 → 整改 → 销号: a finding with a task and two units, a
 * rectification changed, evidence, events, an earlier finding sharing a
 * unit, escalation steps once each, overdue items and the 通报 counts. */
static void
test_supervise_ops(void **state)
{
	struct fx		*f = *state;
	struct plan		 p;
	struct unit		 u;
	struct finding		 a, b, g, *fv;
	struct finding_filter	 fl;
	struct finding_task	*tv;
	struct finding_similar	*sv;
	struct rectification	 r, *rv;
	struct finding_event	 ev, *evv;
	struct evidence		 e, *ee;
	struct escalation	 x, *xv;
	struct overdue_item	*ov;
	struct bulletin_row	*bv;
	int64_t			 sfj, scj, t1, id, fid, uid;
	size_t			 n, i;
	int			 added;
	char			 dno[] = "聊法督〔2022〕3号", dt[] = "督察反馈意见";
	char			 d1[] = "行政执法公示不及时，𠀀", rq[] = "一个月内整改";
	char			 d2[] = "执法公示仍不及时", why[] = "逾期 6 个工作日";

	make_unit(&u, "sfj", "莘县司法局", NULL);
	assert_int_equal(store_unit_put(f->st, &u, &sfj), FZ_OK);
	unit_release(&u);
	make_unit(&u, "scjg", "莘县市场监督管理局", "县市场监管局");
	assert_int_equal(store_unit_put(f->st, &u, &scj), FZ_OK);
	unit_release(&u);
	load_plan("data/plans/shenxian-2022.md", &p);
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_plan_put(f->st, &p), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	assert_int_equal(store_sup_unit_find(f->st, "县市场监管局", &id), FZ_OK);
	assert_int_equal(id, scj);
	assert_int_equal(store_sup_unit_find(f->st, "sfj", &id), FZ_OK);
	assert_int_equal(id, sfj);
	assert_int_equal(store_sup_unit_find(f->st, "无此单位", &id),
	    FZ_ENOTFOUND);
	assert_int_equal(store_sup_task_find(f->st, p.id, 13, &t1), FZ_OK);
	assert_int_equal(store_sup_task_find(f->st, p.id, 999, &id),
	    FZ_ENOTFOUND);

	memset(&a, 0, sizeof(a));
	a.plan_id = p.id;
	snprintf(a.source_kind, sizeof(a.source_kind), "city");
	a.doc_no = dno;
	a.doc_title = dt;
	snprintf(a.found_on, sizeof(a.found_on), "2022-05-10");
	a.description = d1;
	a.requirement = rq;
	snprintf(a.deadline, sizeof(a.deadline), "2022-06-10");
	snprintf(a.state, sizeof(a.state), "open");
	snprintf(a.created_by, sizeof(a.created_by), "test");
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_finding_add(f->st, &a), FZ_OK);
	assert_int_equal(store_finding_task_add(f->st, a.id, t1), FZ_OK);
	assert_int_equal(store_finding_task_add(f->st, a.id, t1), FZ_OK);
	memset(&r, 0, sizeof(r));
	r.finding_id = a.id;
	r.unit_id = sfj;
	snprintf(r.state, sizeof(r.state), "pending");
	assert_int_equal(store_rect_add(f->st, &r), FZ_OK);
	r.unit_id = scj;
	assert_int_equal(store_rect_add(f->st, &r), FZ_OK);
	assert_int_equal(store_rect_add(f->st, &r), FZ_ECONFLICT);
	assert_int_equal(store_rollback(f->st), FZ_OK);
	/* Rolled back: nothing. */
	assert_int_equal(store_finding_get(f->st, a.id, &g), FZ_ENOTFOUND);

	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_finding_add(f->st, &a), FZ_OK);
	assert_int_equal(store_finding_task_add(f->st, a.id, t1), FZ_OK);
	r.finding_id = a.id;
	r.unit_id = sfj;
	assert_int_equal(store_rect_add(f->st, &r), FZ_OK);
	r.unit_id = scj;
	assert_int_equal(store_rect_add(f->st, &r), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	assert_int_equal(store_finding_get(f->st, a.id, &g), FZ_OK);
	assert_string_equal(g.description, "行政执法公示不及时，𠀀");
	assert_string_equal(g.doc_no, "聊法督〔2022〕3号");
	assert_int_equal(g.repeat_of, 0);
	finding_release(&g);
	assert_int_equal(store_finding_tasks(f->st, a.id, &tv, &n), FZ_OK);
	assert_int_equal(n, 1);
	assert_int_equal(tv[0].number, 13);
	free(tv);

	/* Change scjg's rectification; evidence on it. */
	assert_int_equal(store_rect_list(f->st, a.id, &rv, &n), FZ_OK);
	assert_int_equal(n, 2);
	for (i = 0; i < n; i++)
		if (rv[i].unit_id == scj)
			break;
	assert_true(i < n);
	assert_string_equal(rv[i].unit_name, "莘县市场监督管理局");
	assert_string_equal(rv[i].deadline, "2022-06-10");
	snprintf(rv[i].state, sizeof(rv[i].state), "submitted");
	free(rv[i].text);
	rv[i].text = xstrdup("已在网站公示");
	snprintf(rv[i].submitted_by, sizeof(rv[i].submitted_by), "li");
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_rect_update(f->st, &rv[i]), FZ_OK);
	assert_int_equal(store_blob_put(f->st, "ab", 1, "QQ=="), FZ_OK);
	memset(&e, 0, sizeof(e));
	e.report_id = rv[i].id;
	snprintf(e.sha256, sizeof(e.sha256), "ab");
	snprintf(e.name, sizeof(e.name), "公示截图.png");
	snprintf(e.mime, sizeof(e.mime), "image/png");
	e.size = 1;
	snprintf(e.uploaded_by, sizeof(e.uploaded_by), "li");
	assert_int_equal(store_finding_evidence_add(f->st, &e), FZ_OK);
	memset(&ev, 0, sizeof(ev));
	ev.finding_id = a.id;
	ev.unit_id = scj;
	snprintf(ev.actor, sizeof(ev.actor), "li");
	snprintf(ev.action, sizeof(ev.action), "submit");
	snprintf(ev.before, sizeof(ev.before), "pending");
	snprintf(ev.after, sizeof(ev.after), "submitted");
	ev.reason = NULL;
	assert_int_equal(store_finding_event_add(f->st, &ev), FZ_OK);
	assert_int_equal(store_finding_set(f->st, a.id, "rectifying", 0),
	    FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	assert_int_equal(store_rect_owner(f->st, rv[i].id, &fid, &uid), FZ_OK);
	assert_int_equal(fid, a.id);
	assert_int_equal(uid, scj);
	id = rv[i].id;
	for (i = 0; i < n; i++)
		rectification_release(&rv[i]);
	free(rv);
	assert_int_equal(store_rect_list(f->st, a.id, &rv, &n), FZ_OK);
	for (i = 0; i < n; i++) {
		if (rv[i].unit_id == scj) {
			assert_string_equal(rv[i].state, "submitted");
			assert_string_equal(rv[i].text, "已在网站公示");
			assert_int_equal(rv[i].nevidence, 1);
			assert_string_equal(rv[i].checked_by, "");
		} else {
			assert_string_equal(rv[i].state, "pending");
			assert_int_equal(rv[i].nevidence, 0);
		}
		rectification_release(&rv[i]);
	}
	free(rv);
	assert_int_equal(store_finding_evidence_list(f->st, id, &ee, &n),
	    FZ_OK);
	assert_int_equal(n, 1);
	assert_string_equal(ee[0].name, "公示截图.png");
	assert_int_equal(store_finding_evidence_get(f->st, ee[0].id, &e),
	    FZ_OK);
	assert_int_equal(e.report_id, id);
	free(ee);
	assert_int_equal(store_finding_events(f->st, a.id, &evv, &n), FZ_OK);
	assert_int_equal(n, 1);
	assert_string_equal(evv[0].unit_name, "莘县市场监督管理局");
	assert_string_equal(evv[0].after, "submitted");
	assert_string_equal(evv[0].reason, "");
	finding_event_release(&evv[0]);
	free(evv);

	/* A later finding sharing the unit sfj only. */
	memset(&b, 0, sizeof(b));
	b = a;
	b.id = 0;
	snprintf(b.found_on, sizeof(b.found_on), "2023-03-01");
	snprintf(b.deadline, sizeof(b.deadline), "2023-04-01");
	b.description = d2;
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_finding_add(f->st, &b), FZ_OK);
	r.finding_id = b.id;
	r.unit_id = sfj;
	assert_int_equal(store_rect_add(f->st, &r), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	assert_int_equal(store_finding_similar(f->st, b.id, "2022-01-01",
	    "2023-03-01", &sv, &n), FZ_OK);
	assert_int_equal(n, 1);
	assert_int_equal(sv[0].id, a.id);
	assert_int_equal(sv[0].same_unit, 1);
	assert_int_equal(sv[0].same_task, 0);
	free(sv[0].description);
	free(sv);
	assert_int_equal(store_finding_similar(f->st, b.id, "2022-06-01",
	    "2023-03-01", &sv, &n), FZ_OK);
	assert_int_equal(n, 0);
	free(sv);

	/* Lists: by unit, state, year. */
	memset(&fl, 0, sizeof(fl));
	fl.unit_id = scj;
	assert_int_equal(store_finding_list(f->st, &fl, &fv, &n), FZ_OK);
	assert_int_equal(n, 1);
	finding_release(&fv[0]);
	free(fv);
	memset(&fl, 0, sizeof(fl));
	fl.year = 2023;
	assert_int_equal(store_finding_list(f->st, &fl, &fv, &n), FZ_OK);
	assert_int_equal(n, 1);
	assert_int_equal(fv[0].id, b.id);
	finding_release(&fv[0]);
	free(fv);
	fl.year = 0;
	fl.state = "rectifying";
	assert_int_equal(store_finding_list(f->st, &fl, &fv, &n), FZ_OK);
	assert_int_equal(n, 1);
	assert_int_equal(fv[0].id, a.id);
	finding_release(&fv[0]);
	free(fv);

	/* Overdue on 2022-06-20: sfj's 整改 of a (scjg submitted). */
	assert_int_equal(store_overdue_items(f->st, "2022-06-20", &ov, &n),
	    FZ_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ov[0].unit_id, sfj);
	assert_int_equal(ov[0].finding_id, a.id);
	assert_string_equal(ov[0].deadline, "2022-06-10");
	free(ov);

	/* A step once per unit, item and step. */
	memset(&x, 0, sizeof(x));
	x.unit_id = sfj;
	snprintf(x.item, sizeof(x.item), "finding/%lld", (long long)a.id);
	x.finding_id = a.id;
	snprintf(x.step, sizeof(x.step), "interview");
	snprintf(x.state, sizeof(x.state), "proposed");
	snprintf(x.on_date, sizeof(x.on_date), "2022-06-20");
	x.days_overdue = 6;
	snprintf(x.actor, sizeof(x.actor), "fazhi");
	x.reason = why;
	assert_int_equal(store_escalation_add(f->st, &x, &added), FZ_OK);
	assert_int_equal(added, 1);
	id = x.id;
	assert_int_equal(store_escalation_add(f->st, &x, &added), FZ_OK);
	assert_int_equal(added, 0);
	assert_int_equal(store_escalation_confirm(f->st, id, "zhang"), FZ_OK);
	assert_int_equal(store_escalation_confirm(f->st, id, "zhang"),
	    FZ_ENOTFOUND);
	assert_int_equal(store_escalation_list(f->st, sfj, NULL, &xv, &n),
	    FZ_OK);
	assert_int_equal(n, 1);
	assert_string_equal(xv[0].state, "confirmed");
	assert_string_equal(xv[0].confirmed_by, "zhang");
	assert_string_equal(xv[0].unit_name, "莘县司法局");
	assert_string_equal(xv[0].reason, "逾期 6 个工作日");
	escalation_release(&xv[0]);
	free(xv);

	/* 通报 counts as of 2022-06-20: sfj has one overdue, both open. */
	assert_int_equal(store_bulletin_rows(f->st, 0, "2022-06-20", &bv, &n),
	    FZ_OK);
	assert_int_equal(n, 2);
	for (i = 0; i < n; i++) {
		assert_int_equal(bv[i].submitted, 0);
		assert_int_equal(bv[i].open_findings, 1);
		assert_int_equal(bv[i].overdue_findings,
		    bv[i].unit_id == sfj ? 1 : 0);
	}
	free(bv);
	plan_release(&p);
}

/* The assessment: the seeded default rubric, versions of a year's, manual
 * scores, the per unit counts, runs with their scores. */
static void
test_assess_ops(void **state)
{
	struct fx		*f = *state;
	struct unit		 u;
	struct assess_rubric	 r, g;
	struct assess_manual	 m, *mv;
	struct assess_counts	*cv;
	struct assess_run	 run, got;
	struct assess_score	 sc[2];
	char			 items[] = "{\"items\":[{\"key\":\"a\",\"name\":"
				    "\"甲\",\"kind\":\"manual\",\"weight\":10}]}";
	char			 reason[] = "获评省级法治政府建设示范项目";
	char			 result[] = "{\"units\":[]}";
	size_t			 n, i;
	int64_t			 uid;

	make_unit(&u, "sfj", "莘县司法局", "县司法局");
	assert_int_equal(store_unit_put(f->st, &u, &uid), FZ_OK);
	unit_release(&u);
	assert_int_equal(store_assess_rubric_get(f->st, 0, 0, &g), FZ_OK);
	assert_int_equal(g.version, 1);
	assert_non_null(strstr(g.items, "\"reports_on_time\""));
	assess_rubric_release(&g);
	assert_int_equal(store_assess_rubric_get(f->st, 2022, 0, &g),
	    FZ_ENOTFOUND);

	assert_int_equal(store_begin(f->st), FZ_OK);
	memset(&r, 0, sizeof(r));
	r.year = 2022;
	r.items = items;
	snprintf(r.created_by, sizeof(r.created_by), "admin");
	assert_int_equal(store_assess_rubric_add(f->st, &r), FZ_OK);
	assert_int_equal(r.version, 1);
	r.id = 0;
	assert_int_equal(store_assess_rubric_add(f->st, &r), FZ_OK);
	assert_int_equal(r.version, 2);
	assert_int_equal(store_blob_put(f->st, "ab", 2, "AAA="), FZ_OK);
	memset(&m, 0, sizeof(m));
	m.year = 2022;
	m.unit_id = uid;
	snprintf(m.item_key, sizeof(m.item_key), "a");
	m.points = 850;
	m.reason = reason;
	snprintf(m.name, sizeof(m.name), "批复.pdf");
	snprintf(m.sha256, sizeof(m.sha256), "ab");
	m.size = 2;
	snprintf(m.mime, sizeof(m.mime), "application/pdf");
	snprintf(m.actor, sizeof(m.actor), "admin");
	assert_int_equal(store_assess_manual_add(f->st, &m), FZ_OK);
	assert_true(m.id > 0);
	assert_int_equal(store_commit(f->st), FZ_OK);

	assert_int_equal(store_assess_rubric_get(f->st, 2022, 0, &g), FZ_OK);
	assert_int_equal(g.version, 2);
	assert_int_equal(g.id, r.id);
	assess_rubric_release(&g);
	assert_int_equal(store_assess_rubric_get(f->st, 2022, 1, &g), FZ_OK);
	assert_int_equal(g.version, 1);
	assess_rubric_release(&g);
	assert_int_equal(store_assess_manual_list(f->st, 2022, &mv, &n), FZ_OK);
	assert_int_equal(n, 1);
	assert_int_equal(mv[0].points, 850);
	assert_string_equal(mv[0].reason, reason);
	assert_string_equal(mv[0].name, "批复.pdf");
	assess_manual_release(&mv[0]);
	free(mv);
	{
		struct assess_manual	 one;

		assert_int_equal(store_assess_manual_get(f->st, m.id, &one),
		    FZ_OK);
		assert_int_equal(one.unit_id, uid);
		assert_int_equal(one.size, 2);
		assert_string_equal(one.item_key, "a");
		assert_string_equal(one.sha256, "ab");
		assert_string_equal(one.mime, "application/pdf");
		assert_string_equal(one.name, "批复.pdf");
		assess_manual_release(&one);
		assert_int_equal(store_assess_manual_get(f->st, m.id + 1000,
		    &one), FZ_ENOTFOUND);
	}
	assert_int_equal(store_assess_manual_list(f->st, 2023, &mv, &n), FZ_OK);
	assert_int_equal(n, 0);
	free(mv);
	assert_int_equal(store_assess_counts(f->st, "2022-12-31", &cv, &n),
	    FZ_OK);
	assert_int_equal(n, 1);
	assert_int_equal(cv[0].unit_id, uid);
	assert_int_equal(cv[0].findings, 0);
	assert_int_equal(cv[0].ind_judged, 0);
	assert_int_equal(cv[0].manual, 1);
	free(cv);

	assert_int_equal(store_assess_run_get(f->st, 0, &got), FZ_ENOTFOUND);
	memset(&run, 0, sizeof(run));
	snprintf(run.as_of, sizeof(run.as_of), "2022-12-31");
	run.rubric_id = r.id;
	run.rubric_year = 2022;
	run.rubric_version = 2;
	snprintf(run.inputs_sha256, sizeof(run.inputs_sha256), "%064d", 3);
	run.result = result;
	snprintf(run.actor, sizeof(run.actor), "admin");
	memset(sc, 0, sizeof(sc));
	for (i = 0; i < 2; i++) {
		sc[i].unit_id = uid;
		snprintf(sc[i].item_key, sizeof(sc[i].item_key), "k%zu", i);
		sc[i].num = 2;
		sc[i].den = 3;
		sc[i].points = 66667;
		sc[i].total = 133334;
		sc[i].rank = 1;
	}
	assert_int_equal(store_begin(f->st), FZ_OK);
	assert_int_equal(store_assess_run_add(f->st, &run, sc, 2), FZ_OK);
	assert_int_equal(store_commit(f->st), FZ_OK);
	assert_true(run.id > 0);
	assert_int_equal(store_assess_run_get(f->st, 0, &got), FZ_OK);
	assert_int_equal(got.id, run.id);
	assert_int_equal(got.rubric_version, 2);
	assert_string_equal(got.result, result);
	assert_string_equal(got.inputs_sha256, run.inputs_sha256);
	assess_run_release(&got);
	assert_int_equal(store_assess_run_get(f->st, run.id + 1, &got),
	    FZ_ENOTFOUND);
	/* a unit's item once per run */
	assert_int_equal(store_begin(f->st), FZ_OK);
	run.id = 0;
	sc[1] = sc[0];
	assert_int_not_equal(store_assess_run_add(f->st, &run, sc, 2), FZ_OK);
	assert_int_equal(store_rollback(f->st), FZ_OK);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_migrate),
		T(test_migrate_by_number),
		T(test_version_ahead_refused),
		T(test_unit_names_unique),
		T(test_rollback),
		T(test_not_found),
		T(test_text_order_nulls),
		T(test_large_text),
		T(test_plan_round_trip),
		T(test_plan_update_keeps_ids),
		T(test_concurrent_writers),
		T(test_dropped_connection),
		T(test_server_restart),
		T(test_accounts_sessions),
		T(test_audit_chain),
		T(test_workflow_ops),
		T(test_calendar),
		T(test_registry_ops),
		T(test_indicator_ops),
		T(test_annual_ops),
		T(test_copy_covers_schema),
		T(test_supervise_ops),
		T(test_copy_round_trip),
		T(test_assess_ops),
		cmocka_unit_test(test_bad_dsn),
	};
#undef T
	int	 rc;

	backend = BE_SQLITE;
	rc = cmocka_run_group_tests_name("store_sqlite", tests, NULL, NULL);
	if (getenv("FAZHI_TEST_PG_HOST") == NULL) {
		printf("# PostgreSQL: no test cluster (run under "
		    "tests/with-pg.sh); skipped\n");
		return rc;
	}
	backend = BE_PG;
	rc += cmocka_run_group_tests_name("store_pg", tests, NULL, NULL);
	return rc;
}
