/*
 * drv_pg.c: the PostgreSQL driver of the store, over libpq. Statements of
 * sql_pg[] are prepared once per connection (PQprepare, named fzN) on first
 * use and sent with text parameters. A connection lost outside a
 * transaction is re-established before the next statement; one lost inside
 * a transaction fails it, and the server rolls it back.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "store-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

#define PG_MAXPARAMS	64

struct pg_stmt {
	struct dbq	 base;
	char		 name[16];	/* the server-side statement */
	char		*sql;		/* for prepare(): its text */
	int		 idx;
	int		 prepared;
	char		*vals[PG_MAXPARAMS];
	int		 nparams;
	PGresult	*res;
	int		 row;
};

struct store_pg {
	struct store	 base;
	PGconn		*conn;
	char		*dsn;
	int		 in_tx;
	int		 adhoc;		/* statements made by prepare() */
	struct pg_stmt	 stmts[STMT__MAX];
};

#define PG(st)	((struct store_pg *)(void *)(st))
#define PS(q)	((struct pg_stmt *)(void *)(q))

static void
quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/* The failure of a result: SQLSTATE class 23 (constraints) and 40
 * (serialization, deadlock) are conflicts; a lost connection says so. */
static enum fz_err
fail_res(struct store *st, const PGresult *res)
{
	const char	*state = res ? PQresultErrorField(res,
			    PG_DIAG_SQLSTATE) : NULL;
	const char	*msg = res ? PQresultErrorMessage(res) : "";
	enum fz_err	 rc = FZ_EDB;
	char		 clean[512];
	size_t		 n;

	if (msg == NULL || *msg == '\0')
		msg = PQerrorMessage(PG(st)->conn);
	snprintf(clean, sizeof(clean), "%s", msg);
	n = strlen(clean);
	while (n > 0 && (clean[n - 1] == '\n' || clean[n - 1] == ' '))
		clean[--n] = '\0';
	if (state != NULL && (str_startswith(state, "23") ||
	    str_startswith(state, "40")))
		rc = FZ_ECONFLICT;
	if (PQstatus(PG(st)->conn) == CONNECTION_BAD)
		return store_fail(st, FZ_EDB, "数据库连接中断%s：%s",
		    PG(st)->in_tx ? "，事务已回滚" : "", clean);
	return store_fail(st, rc, "%s", clean);
}

static void
forget_prepared(struct store_pg *pg)
{
	int	 i;

	for (i = 0; i < STMT__MAX; i++)
		pg->stmts[i].prepared = 0;
	pg->base.gen++;		/* statements of q_adhoc() are gone too */
}

/* Make sure the connection is up; outside a transaction, reconnect. */
static enum fz_err
ensure_conn(struct store *st)
{
	struct store_pg	*pg = PG(st);

	if (PQstatus(pg->conn) == CONNECTION_OK)
		return FZ_OK;
	if (pg->in_tx)
		return store_fail(st, FZ_EDB, "数据库连接中断，事务已回滚：%s",
		    PQerrorMessage(pg->conn));
	PQreset(pg->conn);
	forget_prepared(pg);
	if (PQstatus(pg->conn) != CONNECTION_OK)
		return store_fail(st, FZ_EDB, "无法重新连接数据库：%s",
		    PQerrorMessage(pg->conn));
	PQsetNoticeProcessor(pg->conn, quiet, NULL);
	return FZ_OK;
}

static void
clear_stmt(struct pg_stmt *q)
{
	int	 i;

	for (i = 0; i < PG_MAXPARAMS; i++) {
		free(q->vals[i]);
		q->vals[i] = NULL;
	}
	q->nparams = 0;
	PQclear(q->res);
	q->res = NULL;
	q->row = 0;
}

/* Our SQL writes parameters ?N; PostgreSQL wants $N. */
static void
dollar_params(const char *sql, struct buf *out)
{
	int	 quoted = 0;

	for (; *sql != '\0'; sql++) {
		if (*sql == '\'')
			quoted = !quoted;
		if (*sql == '?' && !quoted && sql[1] >= '0' && sql[1] <= '9')
			buf_addch(out, '$');
		else
			buf_addch(out, *sql);
	}
}

static int
prepare_named(struct store *st, const char *name, const char *sql)
{
	struct buf	 b = BUF_INIT;
	PGresult	*r;
	int		 ok;

	dollar_params(sql, &b);
	r = PQprepare(PG(st)->conn, name, b.ptr, 0, NULL);
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		fail_res(st, r);
	PQclear(r);
	buf_release(&b);
	return ok;
}

static struct dbq *
pg_stmt(struct store *st, enum stmt s)
{
	struct store_pg	*pg = PG(st);
	struct pg_stmt	*q = &pg->stmts[s];

	clear_stmt(q);
	q->base.st = st;
	q->idx = (int)s;
	snprintf(q->name, sizeof(q->name), "fz%d", (int)s);
	if (ensure_conn(st) != FZ_OK)
		return NULL;
	if (!q->prepared) {
		const char *text = sql_pg_only[s] != NULL ? sql_pg_only[s] :
		    sql_common[s];

		if (!prepare_named(st, q->name, text) &&
		    !(PQstatus(pg->conn) == CONNECTION_BAD && !pg->in_tx &&
		    ensure_conn(st) == FZ_OK &&
		    prepare_named(st, q->name, text)))
			return NULL;
		q->prepared = 1;
	}
	return &q->base;
}

static struct dbq *
pg_prepare(struct store *st, const char *sql)
{
	struct pg_stmt	*q;

	if (ensure_conn(st) != FZ_OK)
		return NULL;
	q = xcalloc(1, sizeof(*q));
	q->base.st = st;
	q->idx = -1;
	snprintf(q->name, sizeof(q->name), "fzx%d", ++PG(st)->adhoc);
	if (!prepare_named(st, q->name, sql)) {
		free(q);
		return NULL;
	}
	q->prepared = 1;
	q->sql = xstrdup(sql);
	return &q->base;
}

static void
pg_finalize(struct dbq *q)
{
	struct pg_stmt	*p = PS(q);
	struct buf	 b = BUF_INIT;
	PGresult	*r;

	if (q == NULL)
		return;
	clear_stmt(p);
	if (PQstatus(PG(q->st)->conn) == CONNECTION_OK) {
		buf_addf(&b, "DEALLOCATE %s", p->name);
		r = PQexec(PG(q->st)->conn, b.ptr);
		PQclear(r);
	}
	buf_release(&b);
	free(p->sql);
	free(p);
}

static void
set_val(struct dbq *q, int i, char *v)
{
	struct pg_stmt	*p = PS(q);

	if (i < 1 || i > PG_MAXPARAMS) {
		free(v);
		return;
	}
	free(p->vals[i - 1]);
	p->vals[i - 1] = v;
	if (i > p->nparams)
		p->nparams = i;
}

static void
pg_bind_text(struct dbq *q, int i, const char *s)
{
	set_val(q, i, xstrdup(s));
}

static void
pg_bind_int(struct dbq *q, int i, int64_t v)
{
	char	 tmp[32];

	snprintf(tmp, sizeof(tmp), "%lld", (long long)v);
	set_val(q, i, xstrdup(tmp));
}

static void
pg_bind_real(struct dbq *q, int i, double v)
{
	char	 tmp[40];

	snprintf(tmp, sizeof(tmp), "%.17g", v);
	set_val(q, i, xstrdup(tmp));
}

static void
pg_bind_null(struct dbq *q, int i)
{
	set_val(q, i, NULL);
}

static int
pg_step(struct dbq *q)
{
	struct pg_stmt	*p = PS(q);
	struct store_pg	*pg = PG(q->st);
	ExecStatusType	 s;

	if (p->res == NULL) {
		p->res = PQexecPrepared(pg->conn, p->name, p->nparams,
		    (const char *const *)p->vals, NULL, NULL, 0);
		s = PQresultStatus(p->res);
		/*
		 * The server went away since our last statement (a restart,
		 * a failover): outside a transaction nothing is lost, so
		 * reconnect, prepare again and retry once.
		 */
		if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK &&
		    PQstatus(pg->conn) == CONNECTION_BAD && !pg->in_tx &&
		    ensure_conn(q->st) == FZ_OK &&
		    prepare_named(q->st, p->name, p->sql != NULL ? p->sql :
		    sql_pg_only[p->idx] != NULL ? sql_pg_only[p->idx] :
		    sql_common[p->idx])) {
			if (p->idx >= 0)
				p->prepared = 1;
			PQclear(p->res);
			p->res = PQexecPrepared(pg->conn, p->name, p->nparams,
			    (const char *const *)p->vals, NULL, NULL, 0);
			s = PQresultStatus(p->res);
		}
		if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) {
			fail_res(q->st, p->res);
			PQclear(p->res);
			p->res = NULL;
			if (PQstatus(pg->conn) == CONNECTION_BAD)
				forget_prepared(pg);
			return -1;
		}
		p->row = 0;
	}
	if (p->row >= PQntuples(p->res))
		return 0;
	p->row++;
	return 1;
}

static const char *
pg_col_text(struct dbq *q, int i)
{
	struct pg_stmt	*p = PS(q);

	if (p->res == NULL || p->row < 1 || i >= PQnfields(p->res) ||
	    PQgetisnull(p->res, p->row - 1, i))
		return NULL;
	return PQgetvalue(p->res, p->row - 1, i);
}

static int64_t
pg_col_int(struct dbq *q, int i)
{
	const char	*s = pg_col_text(q, i);

	return s == NULL ? 0 : strtoll(s, NULL, 10);
}

static double
pg_col_real(struct dbq *q, int i)
{
	const char	*s = pg_col_text(q, i);

	return s == NULL ? 0 : strtod(s, NULL);
}

static int
pg_col_null(struct dbq *q, int i)
{
	return pg_col_text(q, i) == NULL;
}

static void
pg_reset(struct dbq *q)
{
	struct pg_stmt	*p = PS(q);

	PQclear(p->res);
	p->res = NULL;
	p->row = 0;
}

static enum fz_err
pg_exec(struct store *st, const char *sql)
{
	PGresult	*r;
	ExecStatusType	 s;
	enum fz_err	 rc = FZ_OK;

	if ((rc = ensure_conn(st)) != FZ_OK)
		return rc;
	r = PQexec(PG(st)->conn, sql);
	s = PQresultStatus(r);
	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK)
		rc = fail_res(st, r);
	PQclear(r);
	return rc;
}

static enum fz_err
pg_begin(struct store *st)
{
	enum fz_err	 rc;

	if ((rc = pg_exec(st, "BEGIN")) == FZ_OK)
		PG(st)->in_tx = 1;
	return rc;
}

static enum fz_err
pg_commit(struct store *st)
{
	struct store_pg	*pg = PG(st);
	PGresult	*r;
	enum fz_err	 rc = FZ_OK;

	r = PQexec(pg->conn, "COMMIT");
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		rc = fail_res(st, r);
	else if (!str_eq(PQcmdStatus(r), "COMMIT"))
		/* The transaction had failed: the server rolled it back. */
		rc = store_fail(st, FZ_EDB, "事务已回滚，未保存任何内容");
	PQclear(r);
	pg->in_tx = 0;
	return rc;
}

static enum fz_err
pg_rollback(struct store *st)
{
	struct store_pg	*pg = PG(st);
	PGresult	*r;

	if (!pg->in_tx)
		return FZ_OK;
	pg->in_tx = 0;
	if (PQstatus(pg->conn) != CONNECTION_OK)
		return FZ_OK;	/* the server has rolled it back */
	r = PQexec(pg->conn, "ROLLBACK");
	PQclear(r);
	return FZ_OK;
}

static int
pg_in_tx(struct store *st)
{
	return PG(st)->in_tx;
}

static void
pg_close(struct store *st)
{
	struct store_pg	*pg = PG(st);
	int		 i;

	for (i = 0; i < STMT__MAX; i++)
		clear_stmt(&pg->stmts[i]);
	PQfinish(pg->conn);
	free(pg->dsn);
	buf_release(&st->err);
	free(pg);
}

/* The DSN with a password shown as ***, for messages. */
static void
dsn_safe(const char *dsn, char *out, size_t n)
{
	const char	*at = strchr(dsn, '@'), *colon;

	snprintf(out, n, "%s", dsn);
	if (at == NULL || (colon = strstr(dsn, "://")) == NULL)
		return;
	colon = strchr(colon + 3, ':');
	if (colon == NULL || colon > at)
		return;
	snprintf(out, n, "%.*s:***%s", (int)(colon - dsn), dsn, at);
}

/*
 * Create the database the DSN names, through the maintenance database
 * "postgres" of the same server, as `fazhi init` does for SQLite files.
 */
static enum fz_err
create_database(struct store *st, const char *dsn)
{
	PQconninfoOption	*opts, *o;
	const char		*keys[64], *vals[64], *db = NULL;
	PGconn			*c;
	PGresult		*r;
	char			*ident, *err = NULL;
	struct buf		 sql = BUF_INIT;
	enum fz_err		 rc = FZ_EDB;
	int			 n = 0;

	if ((opts = PQconninfoParse(dsn, &err)) == NULL) {
		rc = store_fail(st, FZ_EINVAL, "DSN 无效：%s",
		    err ? err : "");
		PQfreemem(err);
		return rc;
	}
	for (o = opts; o->keyword != NULL && n < 62; o++) {
		if (o->val == NULL)
			continue;
		if (str_eq(o->keyword, "dbname")) {
			db = o->val;
			continue;
		}
		keys[n] = o->keyword;
		vals[n++] = o->val;
	}
	keys[n] = "dbname";
	vals[n++] = "postgres";
	keys[n] = NULL;
	vals[n] = NULL;
	if (db == NULL) {
		rc = store_fail(st, FZ_EINVAL, "DSN 中没有数据库名");
		goto out;
	}
	c = PQconnectdbParams(keys, vals, 0);
	if (PQstatus(c) != CONNECTION_OK) {
		rc = store_fail(st, FZ_EDB, "无法连接数据库服务器：%s",
		    PQerrorMessage(c));
		PQfinish(c);
		goto out;
	}
	ident = PQescapeIdentifier(c, db, strlen(db));
	buf_addf(&sql, "CREATE DATABASE %s ENCODING 'UTF8' TEMPLATE template0",
	    ident ? ident : "\"\"");
	PQfreemem(ident);
	r = PQexec(c, sql.ptr);
	if (PQresultStatus(r) == PGRES_COMMAND_OK)
		rc = FZ_OK;
	else
		rc = store_fail(st, FZ_EDB, "无法创建数据库“%s”：%s", db,
		    PQresultErrorMessage(r));
	PQclear(r);
	PQfinish(c);
out:
	buf_release(&sql);
	PQconninfoFree(opts);
	return rc;
}

static enum fz_err
pg_open(const char *dsn, int create, struct store **pst)
{
	struct store_pg	*pg;
	char		 safe[256];
	enum fz_err	 rc;

	pg = xcalloc(1, sizeof(*pg));
	pg->base.drv = &store_driver_pg;
	pg->base.migrations = migrations_pg;
	buf_init(&pg->base.err);
	pg->dsn = xstrdup(str_startswith(dsn, "pg:") ? dsn + 3 : dsn);
	*pst = &pg->base;
	dsn_safe(pg->dsn, safe, sizeof(safe));
	pg->conn = PQconnectdb(pg->dsn);
	if (PQstatus(pg->conn) != CONNECTION_OK) {
		int missing = strstr(PQerrorMessage(pg->conn),
		    "does not exist") != NULL;

		if (!(missing && create))
			return store_fail(&pg->base, missing ? FZ_ENOTFOUND :
			    FZ_EDB, "无法连接数据库“%s”：%s", safe,
			    PQerrorMessage(pg->conn));
		if ((rc = create_database(&pg->base, pg->dsn)) != FZ_OK)
			return rc;
		PQfinish(pg->conn);
		pg->conn = PQconnectdb(pg->dsn);
		if (PQstatus(pg->conn) != CONNECTION_OK)
			return store_fail(&pg->base, FZ_EDB,
			    "无法连接数据库“%s”：%s", safe,
			    PQerrorMessage(pg->conn));
	}
	PQsetNoticeProcessor(pg->conn, quiet, NULL);
	return pg_exec(&pg->base, "SET client_encoding = 'UTF8'; "
	    "SET client_min_messages = warning");
}

const struct store_driver store_driver_pg = {
	.name = "pg",
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.in_tx = pg_in_tx,
	.stmt = pg_stmt,
	.prepare = pg_prepare,
	.finalize = pg_finalize,
	.bind_text = pg_bind_text,
	.bind_int = pg_bind_int,
	.bind_real = pg_bind_real,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.col_text = pg_col_text,
	.col_int = pg_col_int,
	.col_real = pg_col_real,
	.col_null = pg_col_null,
	.reset = pg_reset,
};
