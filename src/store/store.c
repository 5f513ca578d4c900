/*
 * store.c: the engine-independent half of the store: choosing a driver
 * from the DSN, the statement helpers domain code uses (q_*), migrations
 * applied in one transaction, transactions, divisions and the audit log.
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

int
store_dsn_is_pg(const char *dsn)
{
	return str_startswith(dsn, "postgres://") ||
	    str_startswith(dsn, "postgresql://") ||
	    str_startswith(dsn, "pg:");
}

enum fz_err
store_open(const char *dsn, int create, struct store **pst)
{
	*pst = NULL;
	if (dsn == NULL || *dsn == '\0')
		return FZ_EINVAL;
	if (store_dsn_is_pg(dsn)) {
#ifdef FZ_HAVE_PG
		return store_driver_pg.open(dsn, create, pst);
#else
		return FZ_EINVAL;
#endif
	}
	if (str_startswith(dsn, "sqlite:"))
		dsn += strlen("sqlite:");
	return store_driver_sqlite.open(dsn, create, pst);
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	q_adhoc_release(st);
	st->drv->close(st);
}

struct dbq *
q_adhoc(struct store *st, const void *owner, int kind,
    void (*build)(const void *, int, struct buf *))
{
	struct store_adhoc	*a, *free_slot = NULL;
	struct buf		 sql = BUF_INIT;
	size_t			 i;

	for (i = 0; i < STORE_ADHOC; i++) {
		a = &st->adhoc[i];
		if (a->q == NULL) {
			if (free_slot == NULL)
				free_slot = a;
			continue;
		}
		if (a->owner != owner || a->kind != kind)
			continue;
		if (a->gen == st->gen) {
			q_reset(a->q);
			return a->q;
		}
		st->drv->finalize(a->q);	/* prepared on a lost connection */
		a->q = NULL;
		free_slot = a;
		break;
	}
	if (free_slot == NULL) {
		/* Full: forget the oldest kind of statement. */
		free_slot = &st->adhoc[0];
		st->drv->finalize(free_slot->q);
		free_slot->q = NULL;
	}
	build(owner, kind, &sql);
	free_slot->q = st->drv->prepare(st, sql.ptr);
	buf_release(&sql);
	if (free_slot->q == NULL)
		return NULL;
	free_slot->owner = owner;
	free_slot->kind = kind;
	free_slot->gen = st->gen;
	return free_slot->q;
}

void
q_adhoc_release(struct store *st)
{
	size_t	 i;

	for (i = 0; i < STORE_ADHOC; i++) {
		if (st->adhoc[i].q != NULL)
			st->drv->finalize(st->adhoc[i].q);
		st->adhoc[i].q = NULL;
	}
}

const char *
store_errmsg(const struct store *st)
{
	return st == NULL ? "" : st->err.ptr;
}

const char *
store_backend(const struct store *st)
{
	return st->drv->name;
}

static void
vseterr(struct store *st, const char *fmt, va_list ap)
{
	char	 tmp[1024];

	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	buf_reset(&st->err);
	buf_addstr(&st->err, tmp);
}

void
store_seterr(struct store *st, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vseterr(st, fmt, ap);
	va_end(ap);
}

enum fz_err
store_fail(struct store *st, enum fz_err rc, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vseterr(st, fmt, ap);
	va_end(ap);
	st->last = rc;
	return rc;
}

void
store_now(char out[21])
{
	date_now(out);
}

struct dbq *
q_open(struct store *st, enum stmt s)
{
	return st->drv->stmt(st, s);
}

void
q_text(struct dbq *q, int i, const char *s)
{
	if (s == NULL)
		q->st->drv->bind_null(q, i);
	else
		q->st->drv->bind_text(q, i, s);
}

void
q_int(struct dbq *q, int i, int64_t v)
{
	q->st->drv->bind_int(q, i, v);
}

void
q_real(struct dbq *q, int i, double v)
{
	q->st->drv->bind_real(q, i, v);
}

void
q_null(struct dbq *q, int i)
{
	q->st->drv->bind_null(q, i);
}

int
q_step(struct dbq *q)
{
	return q->st->drv->step(q);
}

const char *
q_col(struct dbq *q, int i)
{
	return q->st->drv->col_text(q, i);
}

char *
q_coldup(struct dbq *q, int i)
{
	const char	*s = q->st->drv->col_text(q, i);

	return s == NULL ? NULL : xstrdup(s);
}

int64_t
q_colint(struct dbq *q, int i)
{
	return q->st->drv->col_int(q, i);
}

double
q_colreal(struct dbq *q, int i)
{
	return q->st->drv->col_real(q, i);
}

int
q_colnull(struct dbq *q, int i)
{
	return q->st->drv->col_null(q, i);
}

void
q_colcpy(struct dbq *q, int i, char *out, size_t n)
{
	const char	*s = q->st->drv->col_text(q, i);

	snprintf(out, n, "%s", s ? s : "");
}

void
q_opt(struct dbq *q, int i, const char *s)
{
	if (s == NULL || *s == '\0')
		q_null(q, i);
	else
		q_text(q, i, s);
}

void
q_optint(struct dbq *q, int i, int64_t v)
{
	if (v == 0)
		q_null(q, i);
	else
		q_int(q, i, v);
}

void
q_reset(struct dbq *q)
{
	q->st->drv->reset(q);
}

enum fz_err
q_err(struct store *st)
{
	return st->last == FZ_OK ? FZ_EDB : st->last;
}

enum fz_err
q_run(struct dbq *q)
{
	int	 r;

	while ((r = q_step(q)) == 1)
		;
	q_reset(q);
	return r < 0 ? q_err(q->st) : FZ_OK;
}

enum fz_err
q_run_int(struct dbq *q, int64_t *v)
{
	enum fz_err	 rc;

	switch (q_step(q)) {
	case 1:
		*v = q_colint(q, 0);
		rc = FZ_OK;
		break;
	case 0:
		rc = FZ_ENOTFOUND;
		break;
	default:
		rc = q_err(q->st);
		break;
	}
	q_reset(q);
	return rc;
}

int
store_schema_latest(const struct store *st)
{
	const struct migration	*m;
	int			 n = 0;

	for (m = st->migrations; m->name != NULL; m++)
		if (m->number > n)
			n = m->number;
	return n;
}

enum fz_err
store_schema_version(struct store *st, int *v)
{
	struct dbq	*q;
	int64_t		 n = 0;
	enum fz_err	 rc;

	*v = 0;
	if ((q = q_open(st, STMT_HAS_VERSION_TABLE)) == NULL)
		return q_err(st);
	if ((rc = q_run_int(q, &n)) != FZ_OK)
		return rc;
	if (n == 0)
		return FZ_OK;
	if ((q = q_open(st, STMT_VERSION_GET)) == NULL)
		return q_err(st);
	if ((rc = q_run_int(q, &n)) != FZ_OK)
		return rc;
	*v = (int)n;
	return FZ_OK;
}

/* Is migration number applied? (The store has a schema_version table.) */
static enum fz_err
version_applied(struct store *st, int number, int *yes)
{
	struct dbq	*q;
	int64_t		 n = 0;
	enum fz_err	 rc;

	if ((q = q_open(st, STMT_VERSION_HAS)) == NULL)
		return q_err(st);
	q_int(q, 1, number);
	rc = q_run_int(q, &n);
	*yes = n > 0;
	return rc;
}

/*
 * Migrations are applied by number, not by position: each one this program
 * carries that schema_version does not record is pending, so a migration
 * numbered below the store's version (written on a branch in parallel and
 * merged later) is still applied.
 */
enum fz_err
store_schema_pending(struct store *st, int *n)
{
	const struct migration	*m;
	enum fz_err		 rc;
	int			 v = 0, yes;

	*n = 0;
	if ((rc = store_schema_version(st, &v)) != FZ_OK)
		return rc;
	for (m = st->migrations; m->name != NULL; m++) {
		if (v == 0)
			yes = 0;
		else if ((rc = version_applied(st, m->number, &yes)) != FZ_OK)
			return rc;
		if (!yes)
			(*n)++;
	}
	return FZ_OK;
}

static enum fz_err
set_schema_version(struct store *st, int v, const char *name)
{
	struct dbq	*q;
	char		 now[21];
	enum fz_err	 rc;

	if ((rc = st->drv->exec(st, "CREATE TABLE IF NOT EXISTS "
	    "schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
	    "applied_at TEXT NOT NULL)")) != FZ_OK)
		return rc;
	store_now(now);
	if ((q = q_open(st, STMT_VERSION_SET)) == NULL)
		return q_err(st);
	q_int(q, 1, v);
	q_text(q, 2, name);
	q_text(q, 3, now);
	return q_run(q);
}

enum fz_err
store_migrate(struct store *st, int *from, int *to)
{
	const struct migration	*m;
	enum fz_err		 rc;
	int			 v = 0, yes, latest = store_schema_latest(st);

	if ((rc = store_begin(st)) != FZ_OK)
		return rc;
	if ((rc = store_schema_version(st, &v)) != FZ_OK)
		goto out;
	if (from != NULL)
		*from = v;
	if (v > latest) {
		rc = store_fail(st, FZ_EVERSION, "数据库结构版本为 %d，高于本程序"
		    "支持的 %d：请使用更新版本的 fazhi", v, latest);
		goto out;
	}
	for (m = st->migrations; m->name != NULL; m++) {
		if (v == 0)
			yes = 0;
		else if ((rc = version_applied(st, m->number, &yes)) != FZ_OK)
			goto out;
		if (yes)
			continue;
		if ((rc = st->drv->exec(st, m->sql)) != FZ_OK)
			goto out;
		if ((rc = set_schema_version(st, m->number, m->name)) != FZ_OK)
			goto out;
	}
	if (latest > v)
		v = latest;
	if (to != NULL)
		*to = v;
	rc = store_commit(st);
out:
	if (rc != FZ_OK)
		store_rollback(st);
	return rc;
}

enum fz_err
store_begin(struct store *st)
{
	return st->drv->begin(st);
}

enum fz_err
store_commit(struct store *st)
{
	return st->drv->commit(st);
}

enum fz_err
store_rollback(struct store *st)
{
	return st->drv->rollback(st);
}

enum fz_err
store_division_put(struct store *st, const struct division *d)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_DIV_PUT)) == NULL)
		return q_err(st);
	q_text(q, 1, d->code);
	q_text(q, 2, d->name);
	q_text(q, 3, d->level);
	q_text(q, 4, d->parent);
	return q_run(q);
}

/* The hash of an audit entry: SHA-256 over the previous hash and its
 * fields, separated by 0x1f, a missing field written as 0x01 N. */
static void
audit_hash(const char *prev, const char *at, const char *actor,
    const char *action, const char *object, const char *detail,
    char out[65])
{
	const char	*f[6] = { prev, at, actor, action, object, detail };
	struct buf	 b = BUF_INIT;
	size_t		 i;

	for (i = 0; i < 6; i++) {
		buf_addstr(&b, f[i] != NULL ? f[i] : "\001N");
		buf_addch(&b, 0x1f);
	}
	sha256_hex(b.ptr, b.len, out);
	buf_release(&b);
}

static enum fz_err
audit_append(struct store *st, const char *actor, const char *action,
    const char *object, const char *detail)
{
	struct dbq	*q;
	char		 now[21], prev[65] = "", hash[65];
	enum fz_err	 rc;
	int		 r;

	if ((q = q_open(st, STMT_AUDIT_LOCK)) == NULL)
		return q_err(st);
	if ((rc = q_run(q)) != FZ_OK)
		return rc;
	if ((q = q_open(st, STMT_AUDIT_HEAD)) == NULL)
		return q_err(st);
	if ((r = q_step(q)) == 1 && q_col(q, 0) != NULL)
		snprintf(prev, sizeof(prev), "%s", q_col(q, 0));
	q_reset(q);
	if (r < 0)
		return q_err(st);
	store_now(now);
	audit_hash(prev, now, actor, action, object, detail, hash);
	if ((q = q_open(st, STMT_AUDIT_INS)) == NULL)
		return q_err(st);
	q_text(q, 1, now);
	q_text(q, 2, actor);
	q_text(q, 3, action);
	q_text(q, 4, object);
	q_text(q, 5, detail);
	q_text(q, 6, prev);
	q_text(q, 7, hash);
	return q_run(q);
}

enum fz_err
store_audit(struct store *st, const char *actor, const char *action,
    const char *object, const char *detail)
{
	enum fz_err	 rc;

	if (st->drv->in_tx(st))
		return audit_append(st, actor, action, object, detail);
	/* The chain's head must not move between reading and writing. */
	if ((rc = store_begin(st)) != FZ_OK)
		return rc;
	if ((rc = audit_append(st, actor, action, object, detail)) != FZ_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

enum fz_err
store_audit_verify(struct store *st, struct audit_check *c)
{
	struct dbq	*q;
	char		 expect[65] = "", hash[65];
	int		 r, chained = 0;

	memset(c, 0, sizeof(*c));
	if ((q = q_open(st, STMT_AUDIT_ALL)) == NULL)
		return q_err(st);
	while ((r = q_step(q)) == 1) {
		const char *prev = q_col(q, 6), *h = q_col(q, 7);

		c->entries++;
		if (h == NULL) {
			if (chained && c->bad_id == 0) {
				c->bad_id = q_colint(q, 0);
				snprintf(c->why, sizeof(c->why),
				    "链中的记录缺少散列");
			}
			c->unchained++;
			continue;
		}
		chained = 1;
		audit_hash(prev, q_col(q, 1), q_col(q, 2), q_col(q, 3),
		    q_col(q, 4), q_col(q, 5), hash);
		if (c->bad_id == 0 && !str_eq(prev != NULL ? prev : "",
		    expect)) {
			c->bad_id = q_colint(q, 0);
			snprintf(c->why, sizeof(c->why), "与前一条记录不衔接（前面"
			    "的记录被删除或改动）");
		} else if (c->bad_id == 0 && !str_eq(hash, h)) {
			c->bad_id = q_colint(q, 0);
			snprintf(c->why, sizeof(c->why), "内容与散列不符（记录被"
			    "改动）");
		}
		snprintf(expect, sizeof(expect), "%s", h);
	}
	q_reset(q);
	if (r < 0)
		return q_err(st);
	snprintf(c->head, sizeof(c->head), "%s", expect);
	return FZ_OK;
}

/* Every change appends to the audit log: its newest id versions the data. */
enum fz_err
store_data_version(struct store *st, int64_t *v)
{
	struct dbq	*q;

	*v = 0;
	if ((q = q_open(st, STMT_DATA_VERSION)) == NULL)
		return q_err(st);
	return q_run_int(q, v);
}
