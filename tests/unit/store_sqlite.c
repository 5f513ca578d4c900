/*
 * store_sqlite.c: the store's behaviour the product relies on, run
 * against the SQLite backend: migrations and the version guard, unit
 * names unique across units, plan round trips of all Chinese text, update
 * with stable task ids, not-found, conflict and rollback.
 * SPDX-License-Identifier: MIT
 */
#include "testlib.h"

#include <unistd.h>

#include <sqlite3.h>

#include "fazhi/core.h"
#include "fazhi/store.h"

struct fx {
	char		 path[64];
	struct store	*st;
};

static int
setup(void **state)
{
	struct fx	*f = calloc(1, sizeof(*f));
	int		 fd, from, to;

	snprintf(f->path, sizeof(f->path), "/tmp/fazhi-store-XXXXXX");
	if ((fd = mkstemp(f->path)) == -1)
		return -1;
	close(fd);
	unlink(f->path);
	if (store_open(f->path, 1, &f->st) != FZ_OK)
		return -1;
	if (store_migrate(f->st, &from, &to) != FZ_OK)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*f = *state;
	char		 p[80];

	store_close(f->st);
	unlink(f->path);
	snprintf(p, sizeof(p), "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", f->path);
	unlink(p);
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

static void
test_version_ahead_refused(void **state)
{
	struct fx	*f = *state;
	sqlite3		*db;
	int		 from, to;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO schema_version VALUES "
	    "(999, '0999_future', '2030-01-01T00:00:00Z')", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_migrate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_version_ahead_refused,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_unit_names_unique, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_rollback, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_found, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_plan_round_trip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_plan_update_keeps_ids,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
