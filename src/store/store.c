/*
 * store.c: the engine-independent half of the store: choosing a backend
 * from the DSN, dispatching through its table, and applying the numbered
 * migrations inside one transaction.
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "store-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const struct store_ops *const backends[] = {
	&store_sqlite_ops,
};

enum fz_err
store_open(const char *dsn, int create, struct store **pst)
{
	const struct store_ops	*ops = backends[0];

	*pst = NULL;
	if (dsn == NULL || *dsn == '\0')
		return FZ_EINVAL;
	if (str_startswith(dsn, "postgres://") ||
	    str_startswith(dsn, "postgresql://"))
		return FZ_EINVAL;	/* not built into this binary yet */
	if (str_startswith(dsn, "sqlite:"))
		dsn += strlen("sqlite:");
	return ops->open(dsn, create, pst);
}

void
store_close(struct store *st)
{
	if (st != NULL)
		st->ops->close(st);
}

const char *
store_errmsg(const struct store *st)
{
	return st == NULL ? "" : st->err.ptr;
}

const char *
store_backend(const struct store *st)
{
	return st->ops->name;
}

void
store_seterr(struct store *st, const char *fmt, ...)
{
	va_list	 ap;
	char	 tmp[1024];

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	buf_reset(&st->err);
	buf_addstr(&st->err, tmp);
}

void
store_now(char out[21])
{
	time_t		 t = time(NULL);
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
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
	return st->ops->schema_version(st, v);
}

enum fz_err
store_migrate(struct store *st, int *from, int *to)
{
	const struct migration	*m;
	enum fz_err		 rc;
	int			 v = 0, latest = store_schema_latest(st);

	if ((rc = st->ops->begin(st)) != FZ_OK)
		return rc;
	if ((rc = st->ops->schema_version(st, &v)) != FZ_OK)
		goto out;
	if (from != NULL)
		*from = v;
	if (v > latest) {
		store_seterr(st, "数据库结构版本为 %d，高于本程序支持的 %d："
		    "请使用更新版本的 fazhi", v, latest);
		rc = FZ_EVERSION;
		goto out;
	}
	for (m = st->migrations; m->name != NULL; m++) {
		if (m->number <= v)
			continue;
		if ((rc = st->ops->exec_script(st, m->sql)) != FZ_OK)
			goto out;
		if ((rc = st->ops->set_schema_version(st, m->number,
		    m->name)) != FZ_OK)
			goto out;
		v = m->number;
	}
	if (to != NULL)
		*to = v;
	rc = st->ops->commit(st);
out:
	if (rc != FZ_OK)
		st->ops->rollback(st);
	return rc;
}

enum fz_err
store_begin(struct store *st)
{
	return st->ops->begin(st);
}

enum fz_err
store_commit(struct store *st)
{
	return st->ops->commit(st);
}

enum fz_err
store_rollback(struct store *st)
{
	return st->ops->rollback(st);
}

enum fz_err
store_division_put(struct store *st, const struct division *d)
{
	return st->ops->division_put(st, d);
}

enum fz_err
store_division_count(struct store *st, int *n)
{
	return st->ops->division_count(st, n);
}

enum fz_err
store_unit_put(struct store *st, const struct unit *u, int64_t *id)
{
	return st->ops->unit_put(st, u, id);
}

enum fz_err
store_unit_iter(struct store *st, store_unit_cb cb, void *arg)
{
	return st->ops->unit_iter(st, cb, arg);
}

enum fz_err
store_plan_find(struct store *st, const char *doc_no, const char *title,
    int64_t *id)
{
	return st->ops->plan_find(st, doc_no, title, id);
}

enum fz_err
store_plan_iter(struct store *st, store_plan_cb cb, void *arg)
{
	return st->ops->plan_iter(st, cb, arg);
}

enum fz_err
store_plan_get(struct store *st, int64_t id, struct plan *p)
{
	return st->ops->plan_get(st, id, p);
}

enum fz_err
store_plan_put(struct store *st, struct plan *p)
{
	return st->ops->plan_put(st, p);
}

enum fz_err
store_audit(struct store *st, const char *actor, const char *action,
    const char *object, const char *detail)
{
	return st->ops->audit(st, actor, action, object, detail);
}
