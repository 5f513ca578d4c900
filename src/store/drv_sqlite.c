/*
 * drv_sqlite.c: the SQLite driver of the store. One connection per store
 * handle in WAL mode with foreign keys on; each statement of sql_sqlite[]
 * is prepared once, on first use (tables exist only after migration), and
 * kept for the life of the connection.
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

struct sq_stmt {
	struct dbq	 base;
	sqlite3_stmt	*s;
};

struct store_sqlite {
	struct store	 base;
	sqlite3		*db;
	struct sq_stmt	 stmts[STMT__MAX];
};

#define SQ(st)	((struct store_sqlite *)(void *)(st))
#define SS(q)	((struct sq_stmt *)(void *)(q))

static enum fz_err
fail(struct store *st)
{
	int	 code = sqlite3_extended_errcode(SQ(st)->db);

	return store_fail(st, (code & 0xff) == SQLITE_CONSTRAINT ?
	    FZ_ECONFLICT : FZ_EDB, "%s", sqlite3_errmsg(SQ(st)->db));
}

static struct dbq *
sq_stmt(struct store *st, enum stmt s)
{
	struct sq_stmt	*q = &SQ(st)->stmts[s];

	if (q->s == NULL) {
		if (sqlite3_prepare_v3(SQ(st)->db, sql_common[s], -1,
		    SQLITE_PREPARE_PERSISTENT, &q->s, NULL) != SQLITE_OK) {
			fail(st);
			return NULL;
		}
		q->base.st = st;
	} else {
		sqlite3_reset(q->s);
		sqlite3_clear_bindings(q->s);
	}
	return &q->base;
}

static struct dbq *
sq_prepare(struct store *st, const char *sql)
{
	struct sq_stmt	*q = xcalloc(1, sizeof(*q));

	q->base.st = st;
	if (sqlite3_prepare_v2(SQ(st)->db, sql, -1, &q->s, NULL) !=
	    SQLITE_OK) {
		fail(st);
		free(q);
		return NULL;
	}
	return &q->base;
}

static void
sq_finalize(struct dbq *q)
{
	if (q == NULL)
		return;
	sqlite3_finalize(SS(q)->s);
	free(q);
}

static void
sq_bind_text(struct dbq *q, int i, const char *s)
{
	sqlite3_bind_text(SS(q)->s, i, s, -1, SQLITE_TRANSIENT);
}

static void
sq_bind_int(struct dbq *q, int i, int64_t v)
{
	sqlite3_bind_int64(SS(q)->s, i, v);
}

static void
sq_bind_real(struct dbq *q, int i, double v)
{
	sqlite3_bind_double(SS(q)->s, i, v);
}

static void
sq_bind_null(struct dbq *q, int i)
{
	sqlite3_bind_null(SS(q)->s, i);
}

static int
sq_step(struct dbq *q)
{
	switch (sqlite3_step(SS(q)->s)) {
	case SQLITE_ROW:
		return 1;
	case SQLITE_DONE:
		return 0;
	default:
		fail(q->st);
		return -1;
	}
}

static const char *
sq_col_text(struct dbq *q, int i)
{
	return (const char *)sqlite3_column_text(SS(q)->s, i);
}

static int64_t
sq_col_int(struct dbq *q, int i)
{
	return sqlite3_column_int64(SS(q)->s, i);
}

static double
sq_col_real(struct dbq *q, int i)
{
	return sqlite3_column_double(SS(q)->s, i);
}

static int
sq_col_null(struct dbq *q, int i)
{
	return sqlite3_column_type(SS(q)->s, i) == SQLITE_NULL;
}

static void
sq_reset(struct dbq *q)
{
	sqlite3_reset(SS(q)->s);
}

static enum fz_err
sq_exec(struct store *st, const char *s)
{
	char	*msg = NULL;

	if (sqlite3_exec(SQ(st)->db, s, NULL, NULL, &msg) != SQLITE_OK) {
		enum fz_err rc = fail(st);

		if (msg != NULL)
			store_seterr(st, "%s", msg);
		sqlite3_free(msg);
		return rc;
	}
	return FZ_OK;
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

static int
sq_in_tx(struct store *st)
{
	return !sqlite3_get_autocommit(SQ(st)->db);
}

static void
sq_close(struct store *st)
{
	struct store_sqlite	*sq = SQ(st);
	int			 i;

	for (i = 0; i < STMT__MAX; i++)
		sqlite3_finalize(sq->stmts[i].s);
	sqlite3_close(sq->db);
	buf_release(&st->err);
	free(sq);
}

static enum fz_err
sq_open(const char *path, int create, struct store **pst)
{
	struct store_sqlite	*sq;
	struct stat		 sb;
	int			 flags = SQLITE_OPEN_READWRITE;

	sq = xcalloc(1, sizeof(*sq));
	sq->base.drv = &store_driver_sqlite;
	sq->base.migrations = migrations_sqlite;
	buf_init(&sq->base.err);
	*pst = &sq->base;
	if (create)
		flags |= SQLITE_OPEN_CREATE;
	else if (stat(path, &sb) == -1)
		return store_fail(&sq->base, FZ_ENOTFOUND,
		    "数据库“%s”不存在：%s", path, strerror(errno));
	if (sqlite3_open_v2(path, &sq->db, flags, NULL) != SQLITE_OK)
		return store_fail(&sq->base, FZ_EDB, "无法打开数据库“%s”：%s",
		    path, sq->db ? sqlite3_errmsg(sq->db) : "out of memory");
	sqlite3_busy_timeout(sq->db, 5000);
	sqlite3_extended_result_codes(sq->db, 1);
	/* Reads through a memory map of up to 1 GiB (pages shared with the
	 * kernel's cache, not copied by read calls) and a 16 MiB page cache
	 * per connection: computing reads every record of a registry. */
	return sq_exec(&sq->base, "PRAGMA foreign_keys = ON;"
	    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
	    "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -16384;");
}

const struct store_driver store_driver_sqlite = {
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.exec = sq_exec,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.in_tx = sq_in_tx,
	.stmt = sq_stmt,
	.prepare = sq_prepare,
	.finalize = sq_finalize,
	.bind_text = sq_bind_text,
	.bind_int = sq_bind_int,
	.bind_real = sq_bind_real,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.col_text = sq_col_text,
	.col_int = sq_col_int,
	.col_real = sq_col_real,
	.col_null = sq_col_null,
	.reset = sq_reset,
};
