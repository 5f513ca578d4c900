/*
 * store_sqlite.c: the SQLite backend of the store. Every statement the
 * program can run against SQLite is in the sql[] table below, indexed by
 * enum stmt, prepared once on first use and kept for the connection.
 * SPDX-License-Identifier: MIT
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum stmt {
	STMT_HAS_VERSION_TABLE,
	STMT_VERSION_GET,
	STMT_VERSION_SET,
	STMT_DIV_PUT,
	STMT_DIV_COUNT,
	STMT_UNIT_BY_CODE,
	STMT_UNIT_BY_NAME,
	STMT_UNIT_NAME_OWNER,
	STMT_UNIT_MAX_ORD,
	STMT_UNIT_INSERT,
	STMT_UNIT_UPDATE,
	STMT_UNIT_NAMES_DEL,
	STMT_UNIT_NAME_INS,
	STMT_UNIT_ALL,
	STMT_UNIT_NAMES_ALL,
	STMT_PLAN_FIND,
	STMT_PLAN_LIST,
	STMT_PLAN_GET,
	STMT_PLAN_INSERT,
	STMT_PLAN_UPDATE,
	STMT_SOURCE_LATEST,
	STMT_SOURCE_INSERT,
	STMT_SECTION_LIST,
	STMT_SECTION_PUT,
	STMT_SECTION_TRIM,
	STMT_TASK_LIST,
	STMT_TASK_IDS,
	STMT_TASK_DELETE,
	STMT_TASK_NEGATE,
	STMT_TASK_INSERT,
	STMT_TASK_UPDATE,
	STMT_MEASURE_LIST,
	STMT_MEASURE_DEL,
	STMT_MEASURE_INS,
	STMT_REF_LIST,
	STMT_REF_DEL,
	STMT_REF_INS,
	STMT_MEMBER_LIST,
	STMT_MEMBER_INS,
	STMT_IND_LIST,
	STMT_IND_DEL,
	STMT_IND_INS,
	STMT_AUDIT_INS,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_HAS_VERSION_TABLE] = "SELECT count(*) FROM sqlite_master "
	    "WHERE type = 'table' AND name = 'schema_version'",
	[STMT_VERSION_GET] = "SELECT coalesce(max(version), 0) "
	    "FROM schema_version",
	[STMT_VERSION_SET] = "INSERT INTO schema_version "
	    "(version, name, applied_at) VALUES (?1, ?2, ?3)",
	[STMT_DIV_PUT] = "INSERT INTO division (code, name, level, parent) "
	    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (code) DO UPDATE SET "
	    "name = excluded.name, level = excluded.level, "
	    "parent = excluded.parent",
	[STMT_DIV_COUNT] = "SELECT count(*) FROM division",
	[STMT_UNIT_BY_CODE] = "SELECT id FROM unit WHERE code = ?1",
	[STMT_UNIT_BY_NAME] = "SELECT id FROM unit WHERE name = ?1",
	[STMT_UNIT_NAME_OWNER] = "SELECT unit_id FROM unit_name "
	    "WHERE name = ?1",
	[STMT_UNIT_MAX_ORD] = "SELECT coalesce(max(ord), 0) FROM unit",
	[STMT_UNIT_INSERT] = "INSERT INTO unit (code, name, kind, "
	    "enforcement, parent, division, ord) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[STMT_UNIT_UPDATE] = "UPDATE unit SET name = ?2, kind = ?3, "
	    "enforcement = ?4, parent = ?5, division = ?6 WHERE id = ?1",
	[STMT_UNIT_NAMES_DEL] = "DELETE FROM unit_name WHERE unit_id = ?1",
	[STMT_UNIT_NAME_INS] = "INSERT INTO unit_name (name, unit_id, kind, "
	    "ord) VALUES (?1, ?2, ?3, ?4)",
	[STMT_UNIT_ALL] = "SELECT id, code, name, kind, enforcement, parent, "
	    "division FROM unit ORDER BY ord, id",
	[STMT_UNIT_NAMES_ALL] = "SELECT unit_id, name, kind FROM unit_name "
	    "ORDER BY unit_id, ord",
	[STMT_PLAN_FIND] = "SELECT id FROM plan WHERE doc_no = ?1 OR "
	    "(?1 IS NULL AND doc_no IS NULL AND title = ?2)",
	[STMT_PLAN_LIST] = "SELECT p.id, p.doc_no, p.title, p.year, "
	    "p.revision, p.updated_at, (SELECT count(*) FROM task t "
	    "WHERE t.plan_id = p.id) FROM plan p ORDER BY p.year DESC, p.id",
	[STMT_PLAN_GET] = "SELECT doc_no, issuer, notice_title, title, year, "
	    "issue_date, recipients, cc, is_public, preamble, revision, "
	    "updated_at FROM plan WHERE id = ?1",
	[STMT_PLAN_INSERT] = "INSERT INTO plan (doc_no, issuer, "
	    "notice_title, title, year, issue_date, recipients, cc, "
	    "is_public, preamble, revision, created_at, updated_at) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, ?11)",
	[STMT_PLAN_UPDATE] = "UPDATE plan SET doc_no = ?2, issuer = ?3, "
	    "notice_title = ?4, title = ?5, year = ?6, issue_date = ?7, "
	    "recipients = ?8, cc = ?9, is_public = ?10, preamble = ?11, "
	    "revision = revision + 1, updated_at = ?12 WHERE id = ?1 "
	    "RETURNING revision",
	[STMT_SOURCE_LATEST] = "SELECT name, format, sha256, bytes, text "
	    "FROM plan_source WHERE plan_id = ?1 ORDER BY revision DESC "
	    "LIMIT 1",
	[STMT_SOURCE_INSERT] = "INSERT INTO plan_source (plan_id, revision, "
	    "name, format, sha256, bytes, text, imported_at) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[STMT_SECTION_LIST] = "SELECT id, ord, numeral, title, has_tasks, "
	    "line FROM plan_section WHERE plan_id = ?1 ORDER BY ord",
	[STMT_SECTION_PUT] = "INSERT INTO plan_section (plan_id, ord, "
	    "numeral, title, has_tasks, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
	    "ON CONFLICT (plan_id, ord) DO UPDATE SET numeral = "
	    "excluded.numeral, title = excluded.title, has_tasks = "
	    "excluded.has_tasks, line = excluded.line RETURNING id",
	[STMT_SECTION_TRIM] = "DELETE FROM plan_section WHERE plan_id = ?1 "
	    "AND ord > ?2",
	[STMT_TASK_LIST] = "SELECT id, number, label, section, title, text, "
	    "annotation, deadline_text, line FROM task WHERE plan_id = ?1 "
	    "ORDER BY number",
	[STMT_TASK_IDS] = "SELECT id FROM task WHERE plan_id = ?1",
	[STMT_TASK_DELETE] = "DELETE FROM task WHERE id = ?1",
	[STMT_TASK_NEGATE] = "UPDATE task SET number = -number "
	    "WHERE plan_id = ?1",
	[STMT_TASK_INSERT] = "INSERT INTO task (plan_id, number, label, "
	    "section, title, text, annotation, deadline_text, line) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[STMT_TASK_UPDATE] = "UPDATE task SET number = ?2, label = ?3, "
	    "section = ?4, title = ?5, text = ?6, annotation = ?7, "
	    "deadline_text = ?8, line = ?9 WHERE id = ?1 AND plan_id = ?10",
	[STMT_MEASURE_LIST] = "SELECT m.task_id, m.text FROM task_measure m "
	    "JOIN task t ON t.id = m.task_id WHERE t.plan_id = ?1 "
	    "ORDER BY t.number, m.ord",
	[STMT_MEASURE_DEL] = "DELETE FROM task_measure WHERE task_id = ?1",
	[STMT_MEASURE_INS] = "INSERT INTO task_measure (task_id, ord, text) "
	    "VALUES (?1, ?2, ?3)",
	[STMT_REF_LIST] = "SELECT r.id, r.task_id, r.role, r.phrase, r.kind, "
	    "r.grp FROM task_unit_ref r JOIN task t ON t.id = r.task_id "
	    "WHERE t.plan_id = ?1 ORDER BY t.number, r.role, r.ord",
	[STMT_REF_DEL] = "DELETE FROM task_unit_ref WHERE task_id = ?1",
	[STMT_REF_INS] = "INSERT INTO task_unit_ref (task_id, role, ord, "
	    "phrase, kind, grp) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[STMT_MEMBER_LIST] = "SELECT m.ref_id, m.unit_id, m.unit_name "
	    "FROM task_unit_member m JOIN task_unit_ref r ON r.id = m.ref_id "
	    "JOIN task t ON t.id = r.task_id WHERE t.plan_id = ?1 "
	    "ORDER BY m.ref_id, m.ord",
	[STMT_MEMBER_INS] = "INSERT INTO task_unit_member (ref_id, ord, "
	    "unit_id, unit_name) VALUES (?1, ?2, ?3, ?4)",
	[STMT_IND_LIST] = "SELECT i.task_id, i.phrase, i.name, i.sentence, "
	    "i.kind, i.comparator, i.target, i.target_date, i.unit, "
	    "i.period, i.per_unit FROM indicator i JOIN task t ON "
	    "t.id = i.task_id WHERE t.plan_id = ?1 ORDER BY t.number, i.ord",
	[STMT_IND_DEL] = "DELETE FROM indicator WHERE task_id = ?1",
	[STMT_IND_INS] = "INSERT INTO indicator (task_id, ord, phrase, name, "
	    "sentence, kind, comparator, target, target_date, unit, period, "
	    "per_unit) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
	    "?12)",
	[STMT_AUDIT_INS] = "INSERT INTO audit (at, actor, action, object, "
	    "detail) VALUES (?1, ?2, ?3, ?4, ?5)",
};

struct store_sqlite {
	struct store	 base;
	sqlite3		*db;
	sqlite3_stmt	*stmts[STMT__MAX];
};

#define SQ(st)	((struct store_sqlite *)(void *)(st))

static enum fz_err
dberr(struct store *st)
{
	int	 code = sqlite3_extended_errcode(SQ(st)->db);

	store_seterr(st, "%s", sqlite3_errmsg(SQ(st)->db));
	if ((code & 0xff) == SQLITE_CONSTRAINT)
		return FZ_ECONFLICT;
	return FZ_EDB;
}

/* The prepared statement for s, reset and with its bindings cleared. */
static sqlite3_stmt *
stmt(struct store *st, enum stmt s)
{
	struct store_sqlite	*sq = SQ(st);

	if (sq->stmts[s] == NULL) {
		if (sqlite3_prepare_v3(sq->db, sql[s], -1,
		    SQLITE_PREPARE_PERSISTENT, &sq->stmts[s], NULL) !=
		    SQLITE_OK) {
			dberr(st);
			return NULL;
		}
	} else {
		sqlite3_reset(sq->stmts[s]);
		sqlite3_clear_bindings(sq->stmts[s]);
	}
	return sq->stmts[s];
}

static int
bind_text(sqlite3_stmt *q, int i, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(q, i);
	return sqlite3_bind_text(q, i, s, -1, SQLITE_STATIC);
}

static char *
col_text(sqlite3_stmt *q, int i)
{
	const unsigned char	*s = sqlite3_column_text(q, i);

	return s == NULL ? NULL : xstrdup((const char *)s);
}

/* Run a statement that returns no rows (or whose rows we ignore). */
static enum fz_err
run(struct store *st, sqlite3_stmt *q)
{
	int	 r;

	while ((r = sqlite3_step(q)) == SQLITE_ROW)
		;
	if (r != SQLITE_DONE) {
		enum fz_err rc = dberr(st);
		sqlite3_reset(q);
		return rc;
	}
	sqlite3_reset(q);
	return FZ_OK;
}

/* Run a statement expected to return one integer; FZ_ENOTFOUND if none. */
static enum fz_err
run_int(struct store *st, sqlite3_stmt *q, int64_t *v)
{
	enum fz_err	 rc;

	switch (sqlite3_step(q)) {
	case SQLITE_ROW:
		*v = sqlite3_column_int64(q, 0);
		rc = FZ_OK;
		break;
	case SQLITE_DONE:
		rc = FZ_ENOTFOUND;
		break;
	default:
		rc = dberr(st);
		break;
	}
	sqlite3_reset(q);
	return rc;
}

static enum fz_err
sq_exec(struct store *st, const char *s)
{
	char	*msg = NULL;

	if (sqlite3_exec(SQ(st)->db, s, NULL, NULL, &msg) != SQLITE_OK) {
		store_seterr(st, "%s", msg ? msg : "sqlite3_exec failed");
		sqlite3_free(msg);
		return FZ_EDB;
	}
	return FZ_OK;
}

static void
sq_close(struct store *st)
{
	struct store_sqlite	*sq = SQ(st);
	int			 i;

	for (i = 0; i < STMT__MAX; i++)
		sqlite3_finalize(sq->stmts[i]);
	sqlite3_close(sq->db);
	buf_release(&st->err);
	free(sq);
}

static enum fz_err
sq_open(const char *path, int create, struct store **pst)
{
	struct store_sqlite	*sq;
	struct stat		 sb;
	enum fz_err		 rc = FZ_EDB;
	int			 flags = SQLITE_OPEN_READWRITE;

	sq = xcalloc(1, sizeof(*sq));
	sq->base.ops = &store_sqlite_ops;
	sq->base.migrations = migrations_sqlite;
	buf_init(&sq->base.err);
	*pst = &sq->base;
	if (create)
		flags |= SQLITE_OPEN_CREATE;
	else if (stat(path, &sb) == -1) {
		store_seterr(&sq->base, "数据库“%s”不存在：%s", path,
		    strerror(errno));
		return FZ_ENOTFOUND;
	}
	if (sqlite3_open_v2(path, &sq->db, flags, NULL) != SQLITE_OK) {
		store_seterr(&sq->base, "无法打开数据库“%s”：%s", path,
		    sq->db ? sqlite3_errmsg(sq->db) : "out of memory");
		return FZ_EDB;
	}
	sqlite3_busy_timeout(sq->db, 5000);
	sqlite3_extended_result_codes(sq->db, 1);
	if ((rc = sq_exec(&sq->base, "PRAGMA foreign_keys = ON;"
	    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")) !=
	    FZ_OK)
		return rc;
	return FZ_OK;
}

static enum fz_err
sq_schema_version(struct store *st, int *v)
{
	sqlite3_stmt	*q;
	int64_t		 n = 0;
	enum fz_err	 rc;

	*v = 0;
	if ((q = stmt(st, STMT_HAS_VERSION_TABLE)) == NULL)
		return FZ_EDB;
	if ((rc = run_int(st, q, &n)) != FZ_OK)
		return rc;
	if (n == 0)
		return FZ_OK;
	if ((q = stmt(st, STMT_VERSION_GET)) == NULL)
		return FZ_EDB;
	if ((rc = run_int(st, q, &n)) != FZ_OK)
		return rc;
	*v = (int)n;
	return FZ_OK;
}

static enum fz_err
sq_set_schema_version(struct store *st, int v, const char *name)
{
	sqlite3_stmt	*q;
	char		 now[21];
	enum fz_err	 rc;

	if ((rc = sq_exec(st, "CREATE TABLE IF NOT EXISTS schema_version ("
	    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
	    "applied_at TEXT NOT NULL)")) != FZ_OK)
		return rc;
	store_now(now);
	if ((q = stmt(st, STMT_VERSION_SET)) == NULL)
		return FZ_EDB;
	sqlite3_bind_int(q, 1, v);
	bind_text(q, 2, name);
	bind_text(q, 3, now);
	return run(st, q);
}

static enum fz_err
sq_begin(struct store *st)
{
	return sq_exec(st, "BEGIN IMMEDIATE");
}

static enum fz_err
sq_commit(struct store *st)
{
	return sq_exec(st, "COMMIT");
}

static enum fz_err
sq_rollback(struct store *st)
{
	if (sqlite3_get_autocommit(SQ(st)->db))
		return FZ_OK;
	return sq_exec(st, "ROLLBACK");
}

static enum fz_err
sq_division_put(struct store *st, const struct division *d)
{
	sqlite3_stmt	*q;

	if ((q = stmt(st, STMT_DIV_PUT)) == NULL)
		return FZ_EDB;
	bind_text(q, 1, d->code);
	bind_text(q, 2, d->name);
	bind_text(q, 3, d->level);
	bind_text(q, 4, d->parent);
	return run(st, q);
}

static enum fz_err
sq_division_count(struct store *st, int *n)
{
	sqlite3_stmt	*q;
	int64_t		 v = 0;
	enum fz_err	 rc;

	if ((q = stmt(st, STMT_DIV_COUNT)) == NULL)
		return FZ_EDB;
	rc = run_int(st, q, &v);
	*n = (int)v;
	return rc;
}

/* FZ_ECONFLICT if name is already another unit's name of any kind. */
static enum fz_err
name_free_for(struct store *st, const char *name, int64_t id)
{
	sqlite3_stmt	*q;
	int64_t		 owner;
	enum fz_err	 rc;

	if ((q = stmt(st, STMT_UNIT_BY_NAME)) == NULL)
		return FZ_EDB;
	bind_text(q, 1, name);
	if ((rc = run_int(st, q, &owner)) == FZ_OK && owner != id)
		goto taken;
	if (rc != FZ_OK && rc != FZ_ENOTFOUND)
		return rc;
	if ((q = stmt(st, STMT_UNIT_NAME_OWNER)) == NULL)
		return FZ_EDB;
	bind_text(q, 1, name);
	if ((rc = run_int(st, q, &owner)) == FZ_OK && owner != id)
		goto taken;
	if (rc != FZ_OK && rc != FZ_ENOTFOUND)
		return rc;
	return FZ_OK;
taken:
	store_seterr(st, "名称“%s”已属于另一个单位", name);
	return FZ_ECONFLICT;
}

static enum fz_err
put_names(struct store *st, int64_t id, char **v, size_t n,
    const char *kind, int *ord)
{
	sqlite3_stmt	*q;
	enum fz_err	 rc;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if ((rc = name_free_for(st, v[i], id)) != FZ_OK)
			return rc;
		if ((q = stmt(st, STMT_UNIT_NAME_INS)) == NULL)
			return FZ_EDB;
		bind_text(q, 1, v[i]);
		sqlite3_bind_int64(q, 2, id);
		bind_text(q, 3, kind);
		sqlite3_bind_int(q, 4, (*ord)++);
		if ((rc = run(st, q)) != FZ_OK) {
			if (rc == FZ_ECONFLICT)
				store_seterr(st, "名称“%s”重复", v[i]);
			return rc;
		}
	}
	return FZ_OK;
}

static enum fz_err
sq_unit_put(struct store *st, const struct unit *u, int64_t *pid)
{
	sqlite3_stmt	*q;
	int64_t		 id = 0, ord = 0;
	enum fz_err	 rc;
	int		 nord = 0;

	if ((q = stmt(st, STMT_UNIT_BY_CODE)) == NULL)
		return FZ_EDB;
	bind_text(q, 1, u->code);
	rc = run_int(st, q, &id);
	if (rc != FZ_OK && rc != FZ_ENOTFOUND)
		return rc;
	if ((rc = name_free_for(st, u->name, id)) != FZ_OK)
		return rc;
	if (id == 0) {
		if ((q = stmt(st, STMT_UNIT_MAX_ORD)) == NULL)
			return FZ_EDB;
		if ((rc = run_int(st, q, &ord)) != FZ_OK)
			return rc;
		if ((q = stmt(st, STMT_UNIT_INSERT)) == NULL)
			return FZ_EDB;
		bind_text(q, 1, u->code);
		bind_text(q, 2, u->name);
		bind_text(q, 3, unit_kind_key(u->kind));
		sqlite3_bind_int(q, 4, u->enforcement);
		bind_text(q, 5, u->parent);
		bind_text(q, 6, u->division);
		sqlite3_bind_int64(q, 7, ord + 1);
		if ((rc = run(st, q)) != FZ_OK)
			return rc;
		id = sqlite3_last_insert_rowid(SQ(st)->db);
	} else {
		if ((q = stmt(st, STMT_UNIT_UPDATE)) == NULL)
			return FZ_EDB;
		sqlite3_bind_int64(q, 1, id);
		bind_text(q, 2, u->name);
		bind_text(q, 3, unit_kind_key(u->kind));
		sqlite3_bind_int(q, 4, u->enforcement);
		bind_text(q, 5, u->parent);
		bind_text(q, 6, u->division);
		if ((rc = run(st, q)) != FZ_OK)
			return rc;
		if ((q = stmt(st, STMT_UNIT_NAMES_DEL)) == NULL)
			return FZ_EDB;
		sqlite3_bind_int64(q, 1, id);
		if ((rc = run(st, q)) != FZ_OK)
			return rc;
	}
	if ((rc = put_names(st, id, u->shorts, u->nshorts, "short",
	    &nord)) != FZ_OK)
		return rc;
	if ((rc = put_names(st, id, u->aliases, u->naliases, "alias",
	    &nord)) != FZ_OK)
		return rc;
	if (pid != NULL)
		*pid = id;
	return FZ_OK;
}

static enum fz_err
sq_unit_iter(struct store *st, store_unit_cb cb, void *arg)
{
	sqlite3_stmt	*q;
	struct unit_dir	 dir = { 0 };
	struct unit	 u;
	enum fz_err	 rc = FZ_EDB;
	size_t		 i = 0;
	int		 r;

	if ((q = stmt(st, STMT_UNIT_ALL)) == NULL)
		goto out;
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		VEC_GROW(dir.v, dir.n, dir.cap);
		memset(&u, 0, sizeof(u));
		u.id = sqlite3_column_int64(q, 0);
		u.code = col_text(q, 1);
		u.name = col_text(q, 2);
		if (!unit_kind_parse((const char *)sqlite3_column_text(q, 3),
		    &u.kind))
			u.kind = UNIT_OTHER;
		u.enforcement = sqlite3_column_int(q, 4);
		u.parent = col_text(q, 5);
		u.division = col_text(q, 6);
		dir.v[dir.n++] = u;
	}
	sqlite3_reset(q);
	if (r != SQLITE_DONE) {
		rc = dberr(st);
		goto out;
	}
	/* Names come ordered by unit id; units by ord: match by id. */
	if ((q = stmt(st, STMT_UNIT_NAMES_ALL)) == NULL)
		goto out;
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		int64_t		 uid = sqlite3_column_int64(q, 0);
		const char	*name = (const char *)sqlite3_column_text(q, 1);
		const char	*kind = (const char *)sqlite3_column_text(q, 2);
		size_t		 j;

		for (j = 0; j < dir.n; j++)
			if (dir.v[j].id == uid)
				break;
		if (j == dir.n)
			continue;
		if (str_eq(kind, "short"))
			strv_add(&dir.v[j].shorts, &dir.v[j].nshorts, name);
		else
			strv_add(&dir.v[j].aliases, &dir.v[j].naliases, name);
	}
	sqlite3_reset(q);
	if (r != SQLITE_DONE) {
		rc = dberr(st);
		goto out;
	}
	rc = FZ_OK;
	for (i = 0; i < dir.n; i++)
		if (cb(&dir.v[i], arg) != 0)
			break;
out:
	unit_dir_release(&dir);
	return rc;
}

static enum fz_err
sq_plan_find(struct store *st, const char *doc_no, const char *title,
    int64_t *id)
{
	sqlite3_stmt	*q;

	if ((q = stmt(st, STMT_PLAN_FIND)) == NULL)
		return FZ_EDB;
	bind_text(q, 1, doc_no);
	bind_text(q, 2, title);
	return run_int(st, q, id);
}

static enum fz_err
sq_plan_iter(struct store *st, store_plan_cb cb, void *arg)
{
	sqlite3_stmt		*q;
	struct plan_summary	 s;
	int			 r;

	if ((q = stmt(st, STMT_PLAN_LIST)) == NULL)
		return FZ_EDB;
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		s.id = sqlite3_column_int64(q, 0);
		s.doc_no = (const char *)sqlite3_column_text(q, 1);
		s.title = (const char *)sqlite3_column_text(q, 2);
		s.year = sqlite3_column_int(q, 3);
		s.revision = sqlite3_column_int(q, 4);
		s.updated_at = (const char *)sqlite3_column_text(q, 5);
		s.ntasks = sqlite3_column_int(q, 6);
		if (cb(&s, arg) != 0)
			break;
	}
	if (r != SQLITE_DONE && r != SQLITE_ROW) {
		enum fz_err rc = dberr(st);
		sqlite3_reset(q);
		return rc;
	}
	sqlite3_reset(q);
	return FZ_OK;
}

static struct task *
task_by_id(struct plan *p, int64_t id)
{
	size_t	 i;

	for (i = 0; i < p->ntasks; i++)
		if (p->tasks[i].id == id)
			return &p->tasks[i];
	return NULL;
}

struct refpos {
	int64_t		 id;
	struct unit_ref	*ref;
};

static int
refpos_cmp(const void *a, const void *b)
{
	const struct refpos	*x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static enum fz_err
load_refs(struct store *st, struct plan *p)
{
	sqlite3_stmt	*q;
	struct refpos	*pos = NULL, key, *hit;
	size_t		 npos = 0, cap = 0;
	enum fz_err	 rc = FZ_EDB;
	int		 r;

	if ((q = stmt(st, STMT_REF_LIST)) == NULL)
		goto out;
	sqlite3_bind_int64(q, 1, p->id);
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		struct task	*t = task_by_id(p, sqlite3_column_int64(q, 1));
		const char	*role = (const char *)sqlite3_column_text(q, 2);
		struct unit_ref	*ref;
		int		 k;

		if (t == NULL)
			continue;
		ref = task_ref_new(t, str_eq(role, "lead") ? ROLE_LEAD :
		    ROLE_RESP);
		ref->phrase = col_text(q, 3);
		ref->kind = REF_UNKNOWN;
		for (k = 0; k < REF__MAX; k++)
			if (str_eq(ref_kind_key((enum ref_kind)k),
			    (const char *)sqlite3_column_text(q, 4)))
				ref->kind = (enum ref_kind)k;
		ref->group = col_text(q, 5);
		VEC_GROW(pos, npos, cap);
		pos[npos].id = sqlite3_column_int64(q, 0);
		pos[npos++].ref = NULL;
	}
	sqlite3_reset(q);
	if (r != SQLITE_DONE) {
		rc = dberr(st);
		goto out;
	}
	/* Refs arrays are complete now: take stable pointers. */
	{
		size_t	 i, k = 0, j;
		int	 role;

		for (i = 0; i < p->ntasks; i++)
			for (role = 0; role < ROLE__MAX; role++)
				for (j = 0; j < p->tasks[i].nrefs[role]; j++)
					pos[k++].ref = &p->tasks[i].refs[role][j];
	}
	qsort(pos, npos, sizeof(*pos), refpos_cmp);
	if ((q = stmt(st, STMT_MEMBER_LIST)) == NULL)
		goto out;
	sqlite3_bind_int64(q, 1, p->id);
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		key.id = sqlite3_column_int64(q, 0);
		hit = bsearch(&key, pos, npos, sizeof(*pos), refpos_cmp);
		if (hit == NULL)
			continue;
		unit_ref_add_unit(hit->ref,
		    (const char *)sqlite3_column_text(q, 2),
		    sqlite3_column_int64(q, 1));
	}
	sqlite3_reset(q);
	if (r != SQLITE_DONE) {
		rc = dberr(st);
		goto out;
	}
	rc = FZ_OK;
out:
	free(pos);
	return rc;
}

static enum fz_err
sq_plan_get(struct store *st, int64_t id, struct plan *p)
{
	sqlite3_stmt	*q;
	enum fz_err	 rc = FZ_EDB;
	int		 r;

	plan_init(p);
	p->id = id;
	if ((q = stmt(st, STMT_PLAN_GET)) == NULL)
		goto out;
	sqlite3_bind_int64(q, 1, id);
	r = sqlite3_step(q);
	if (r == SQLITE_DONE) {
		sqlite3_reset(q);
		store_seterr(st, "计划 %lld 不存在", (long long)id);
		rc = FZ_ENOTFOUND;
		goto out;
	} else if (r != SQLITE_ROW) {
		rc = dberr(st);
		sqlite3_reset(q);
		goto out;
	}
	p->doc_no = col_text(q, 0);
	p->issuer = col_text(q, 1);
	p->notice_title = col_text(q, 2);
	p->title = col_text(q, 3);
	p->year = sqlite3_column_int(q, 4);
	p->issue_date = col_text(q, 5);
	p->recipients = col_text(q, 6);
	p->cc = col_text(q, 7);
	p->is_public = sqlite3_column_type(q, 8) == SQLITE_NULL ? -1 :
	    sqlite3_column_int(q, 8);
	p->preamble = col_text(q, 9);
	p->revision = sqlite3_column_int(q, 10);
	p->imported_at = col_text(q, 11);
	sqlite3_reset(q);

	if ((q = stmt(st, STMT_SOURCE_LATEST)) == NULL)
		goto out;
	sqlite3_bind_int64(q, 1, id);
	if (sqlite3_step(q) == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(q, 2);

		p->source_name = col_text(q, 0);
		p->source_format = col_text(q, 1);
		snprintf(p->source_sha256, sizeof(p->source_sha256), "%s",
		    h ? h : "");
		p->source_bytes = (size_t)sqlite3_column_int64(q, 3);
		p->source_text = col_text(q, 4);
	}
	sqlite3_reset(q);

	if ((q = stmt(st, STMT_SECTION_LIST)) == NULL)
		goto out;
	sqlite3_bind_int64(q, 1, id);
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		struct section *s = plan_section_new(p);

		s->id = sqlite3_column_int64(q, 0);
		s->order = sqlite3_column_int(q, 1);
		s->numeral = col_text(q, 2);
		s->title = col_text(q, 3);
		s->has_tasks = sqlite3_column_int(q, 4);
		s->line = sqlite3_column_int(q, 5);
	}
	sqlite3_reset(q);
	if (r != SQLITE_DONE) {
		rc = dberr(st);
		goto out;
	}

	if ((q = stmt(st, STMT_TASK_LIST)) == NULL)
		goto out;
	sqlite3_bind_int64(q, 1, id);
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		struct task *t = plan_task_new(p);

		t->id = sqlite3_column_int64(q, 0);
		t->number = sqlite3_column_int(q, 1);
		t->label = col_text(q, 2);
		t->section = sqlite3_column_int(q, 3);
		t->title = col_text(q, 4);
		t->text = col_text(q, 5);
		t->annotation = col_text(q, 6);
		t->deadline_text = col_text(q, 7);
		t->line = sqlite3_column_int(q, 8);
	}
	sqlite3_reset(q);
	if (r != SQLITE_DONE) {
		rc = dberr(st);
		goto out;
	}

	if ((q = stmt(st, STMT_MEASURE_LIST)) == NULL)
		goto out;
	sqlite3_bind_int64(q, 1, id);
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		struct task *t = task_by_id(p, sqlite3_column_int64(q, 0));

		if (t != NULL)
			task_measure_add(t,
			    (const char *)sqlite3_column_text(q, 1));
	}
	sqlite3_reset(q);
	if (r != SQLITE_DONE) {
		rc = dberr(st);
		goto out;
	}

	if ((rc = load_refs(st, p)) != FZ_OK)
		goto out;
	rc = FZ_EDB;

	if ((q = stmt(st, STMT_IND_LIST)) == NULL)
		goto out;
	sqlite3_bind_int64(q, 1, id);
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		struct task		*t;
		struct indicator	*in;

		if ((t = task_by_id(p, sqlite3_column_int64(q, 0))) == NULL)
			continue;
		in = task_ind_new(t);
		in->phrase = col_text(q, 1);
		in->name = col_text(q, 2);
		in->sentence = col_text(q, 3);
		if (!ind_kind_parse((const char *)sqlite3_column_text(q, 4),
		    &in->kind))
			in->kind = IND_RATE;
		in->comparator = col_text(q, 5);
		in->target = sqlite3_column_double(q, 6);
		in->target_date = col_text(q, 7);
		in->unit = col_text(q, 8);
		if (!ind_period_parse((const char *)sqlite3_column_text(q, 9),
		    &in->period))
			in->period = PERIOD_NONE;
		in->per_unit = sqlite3_column_int(q, 10);
	}
	sqlite3_reset(q);
	if (r != SQLITE_DONE) {
		rc = dberr(st);
		goto out;
	}
	rc = FZ_OK;
out:
	if (rc != FZ_OK)
		plan_release(p);
	return rc;
}

static void
bind_plan_fields(sqlite3_stmt *q, int first, const struct plan *p)
{
	int	 i = first;

	bind_text(q, i++, p->doc_no);
	bind_text(q, i++, p->issuer);
	bind_text(q, i++, p->notice_title);
	bind_text(q, i++, p->title);
	if (p->year > 0)
		sqlite3_bind_int(q, i++, p->year);
	else
		sqlite3_bind_null(q, i++);
	bind_text(q, i++, p->issue_date);
	bind_text(q, i++, p->recipients);
	bind_text(q, i++, p->cc);
	if (p->is_public >= 0)
		sqlite3_bind_int(q, i++, p->is_public);
	else
		sqlite3_bind_null(q, i++);
	bind_text(q, i++, p->preamble);
}

static void
bind_task_fields(sqlite3_stmt *q, const struct task *t)
{
	sqlite3_bind_int(q, 2, t->number);
	bind_text(q, 3, t->label);
	sqlite3_bind_int(q, 4, t->section);
	bind_text(q, 5, t->title);
	bind_text(q, 6, t->text);
	bind_text(q, 7, t->annotation);
	bind_text(q, 8, t->deadline_text);
	sqlite3_bind_int(q, 9, t->line);
}

/* Insert a task's measures, unit references and indicators. */
static enum fz_err
put_children(struct store *st, const struct task *t)
{
	sqlite3_stmt	*q;
	enum fz_err	 rc;
	size_t		 i, j;
	int		 role;

	for (i = 0; i < t->nmeasures; i++) {
		if ((q = stmt(st, STMT_MEASURE_INS)) == NULL)
			return FZ_EDB;
		sqlite3_bind_int64(q, 1, t->id);
		sqlite3_bind_int(q, 2, (int)i + 1);
		bind_text(q, 3, t->measures[i]);
		if ((rc = run(st, q)) != FZ_OK)
			return rc;
	}
	for (role = 0; role < ROLE__MAX; role++) {
		for (i = 0; i < t->nrefs[role]; i++) {
			const struct unit_ref	*r = &t->refs[role][i];
			int64_t			 rid;

			if ((q = stmt(st, STMT_REF_INS)) == NULL)
				return FZ_EDB;
			sqlite3_bind_int64(q, 1, t->id);
			bind_text(q, 2, role == ROLE_LEAD ? "lead" :
			    "responsible");
			sqlite3_bind_int(q, 3, (int)i + 1);
			bind_text(q, 4, r->phrase);
			bind_text(q, 5, ref_kind_key(r->kind));
			bind_text(q, 6, r->group);
			if ((rc = run(st, q)) != FZ_OK)
				return rc;
			rid = sqlite3_last_insert_rowid(SQ(st)->db);
			for (j = 0; j < r->nunits; j++) {
				if ((q = stmt(st, STMT_MEMBER_INS)) == NULL)
					return FZ_EDB;
				sqlite3_bind_int64(q, 1, rid);
				sqlite3_bind_int(q, 2, (int)j + 1);
				if (r->unit_ids != NULL && r->unit_ids[j] > 0)
					sqlite3_bind_int64(q, 3,
					    r->unit_ids[j]);
				else
					sqlite3_bind_null(q, 3);
				bind_text(q, 4, r->units[j]);
				if ((rc = run(st, q)) != FZ_OK)
					return rc;
			}
		}
	}
	for (i = 0; i < t->ninds; i++) {
		const struct indicator *in = &t->inds[i];

		if ((q = stmt(st, STMT_IND_INS)) == NULL)
			return FZ_EDB;
		sqlite3_bind_int64(q, 1, t->id);
		sqlite3_bind_int(q, 2, (int)i + 1);
		bind_text(q, 3, in->phrase);
		bind_text(q, 4, in->name);
		bind_text(q, 5, in->sentence);
		bind_text(q, 6, ind_kind_key(in->kind));
		bind_text(q, 7, in->comparator);
		if (in->kind == IND_DEADLINE)
			sqlite3_bind_null(q, 8);
		else
			sqlite3_bind_double(q, 8, in->target);
		bind_text(q, 9, in->target_date);
		bind_text(q, 10, in->unit);
		bind_text(q, 11, ind_period_key(in->period));
		sqlite3_bind_int(q, 12, in->per_unit);
		if ((rc = run(st, q)) != FZ_OK)
			return rc;
	}
	return FZ_OK;
}

static enum fz_err
del_children(struct store *st, int64_t tid)
{
	static const enum stmt	 dels[] = {
		STMT_MEASURE_DEL, STMT_REF_DEL, STMT_IND_DEL
	};
	sqlite3_stmt		*q;
	enum fz_err		 rc;
	size_t			 i;

	for (i = 0; i < sizeof(dels) / sizeof(dels[0]); i++) {
		if ((q = stmt(st, dels[i])) == NULL)
			return FZ_EDB;
		sqlite3_bind_int64(q, 1, tid);
		if ((rc = run(st, q)) != FZ_OK)
			return rc;
	}
	return FZ_OK;
}

/* Delete the stored tasks of plan p that p no longer has. */
static enum fz_err
delete_dropped_tasks(struct store *st, const struct plan *p)
{
	sqlite3_stmt	*q;
	int64_t		*ids = NULL;
	size_t		 n = 0, cap = 0, i, j;
	enum fz_err	 rc = FZ_EDB;
	int		 r;

	if ((q = stmt(st, STMT_TASK_IDS)) == NULL)
		goto out;
	sqlite3_bind_int64(q, 1, p->id);
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		VEC_GROW(ids, n, cap);
		ids[n++] = sqlite3_column_int64(q, 0);
	}
	sqlite3_reset(q);
	if (r != SQLITE_DONE) {
		rc = dberr(st);
		goto out;
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < p->ntasks; j++)
			if (p->tasks[j].id == ids[i])
				break;
		if (j < p->ntasks)
			continue;
		if ((q = stmt(st, STMT_TASK_DELETE)) == NULL)
			goto out;
		sqlite3_bind_int64(q, 1, ids[i]);
		if ((rc = run(st, q)) != FZ_OK)
			goto out;
	}
	rc = FZ_OK;
out:
	free(ids);
	return rc;
}

static enum fz_err
sq_plan_put(struct store *st, struct plan *p)
{
	sqlite3_stmt	*q;
	char		 now[21];
	enum fz_err	 rc;
	int64_t		 rev = 1;
	size_t		 i;

	store_now(now);
	if (p->id == 0) {
		if ((q = stmt(st, STMT_PLAN_INSERT)) == NULL)
			return FZ_EDB;
		bind_plan_fields(q, 1, p);
		bind_text(q, 11, now);
		if ((rc = run(st, q)) != FZ_OK) {
			if (rc == FZ_ECONFLICT)
				store_seterr(st, "文号“%s”的计划已存在",
				    p->doc_no);
			return rc;
		}
		p->id = sqlite3_last_insert_rowid(SQ(st)->db);
	} else {
		if ((q = stmt(st, STMT_PLAN_UPDATE)) == NULL)
			return FZ_EDB;
		sqlite3_bind_int64(q, 1, p->id);
		bind_plan_fields(q, 2, p);
		bind_text(q, 12, now);
		if ((rc = run_int(st, q, &rev)) != FZ_OK)
			return rc;
	}
	p->revision = (int)rev;

	if ((q = stmt(st, STMT_SOURCE_INSERT)) == NULL)
		return FZ_EDB;
	sqlite3_bind_int64(q, 1, p->id);
	sqlite3_bind_int64(q, 2, rev);
	bind_text(q, 3, p->source_name ? p->source_name : "");
	bind_text(q, 4, p->source_format ? p->source_format : "");
	bind_text(q, 5, p->source_sha256);
	sqlite3_bind_int64(q, 6, (sqlite3_int64)p->source_bytes);
	bind_text(q, 7, p->source_text ? p->source_text : "");
	bind_text(q, 8, now);
	if ((rc = run(st, q)) != FZ_OK)
		return rc;

	for (i = 0; i < p->nsections; i++) {
		struct section *s = &p->sections[i];
		int64_t sid;

		if ((q = stmt(st, STMT_SECTION_PUT)) == NULL)
			return FZ_EDB;
		sqlite3_bind_int64(q, 1, p->id);
		sqlite3_bind_int(q, 2, s->order);
		bind_text(q, 3, s->numeral);
		bind_text(q, 4, s->title);
		sqlite3_bind_int(q, 5, s->has_tasks);
		sqlite3_bind_int(q, 6, s->line);
		if ((rc = run_int(st, q, &sid)) != FZ_OK)
			return rc;
		s->id = sid;
	}
	if ((q = stmt(st, STMT_SECTION_TRIM)) == NULL)
		return FZ_EDB;
	sqlite3_bind_int64(q, 1, p->id);
	sqlite3_bind_int64(q, 2, (sqlite3_int64)p->nsections);
	if ((rc = run(st, q)) != FZ_OK)
		return rc;

	if ((rc = delete_dropped_tasks(st, p)) != FZ_OK)
		return rc;
	/* Free every number first, so renumbering cannot collide. */
	if ((q = stmt(st, STMT_TASK_NEGATE)) == NULL)
		return FZ_EDB;
	sqlite3_bind_int64(q, 1, p->id);
	if ((rc = run(st, q)) != FZ_OK)
		return rc;
	for (i = 0; i < p->ntasks; i++) {
		struct task *t = &p->tasks[i];

		if (t->id != 0) {
			if ((q = stmt(st, STMT_TASK_UPDATE)) == NULL)
				return FZ_EDB;
			sqlite3_bind_int64(q, 1, t->id);
			bind_task_fields(q, t);
			sqlite3_bind_int64(q, 10, p->id);
			if ((rc = run(st, q)) != FZ_OK)
				return rc;
			if (sqlite3_changes(SQ(st)->db) != 1) {
				store_seterr(st, "任务 %lld 不属于计划 %lld",
				    (long long)t->id, (long long)p->id);
				return FZ_ECONFLICT;
			}
			if ((rc = del_children(st, t->id)) != FZ_OK)
				return rc;
		} else {
			if ((q = stmt(st, STMT_TASK_INSERT)) == NULL)
				return FZ_EDB;
			sqlite3_bind_int64(q, 1, p->id);
			bind_task_fields(q, t);
			if ((rc = run(st, q)) != FZ_OK)
				return rc;
			t->id = sqlite3_last_insert_rowid(SQ(st)->db);
		}
		if ((rc = put_children(st, t)) != FZ_OK)
			return rc;
	}
	return FZ_OK;
}

static enum fz_err
sq_audit(struct store *st, const char *actor, const char *action,
    const char *object, const char *detail)
{
	sqlite3_stmt	*q;
	char		 now[21];

	store_now(now);
	if ((q = stmt(st, STMT_AUDIT_INS)) == NULL)
		return FZ_EDB;
	bind_text(q, 1, now);
	bind_text(q, 2, actor);
	bind_text(q, 3, action);
	bind_text(q, 4, object);
	bind_text(q, 5, detail);
	return run(st, q);
}

const struct store_ops store_sqlite_ops = {
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.exec_script = sq_exec,
	.schema_version = sq_schema_version,
	.set_schema_version = sq_set_schema_version,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.division_put = sq_division_put,
	.division_count = sq_division_count,
	.unit_put = sq_unit_put,
	.unit_iter = sq_unit_iter,
	.plan_find = sq_plan_find,
	.plan_iter = sq_plan_iter,
	.plan_get = sq_plan_get,
	.plan_put = sq_plan_put,
	.audit = sq_audit,
};
