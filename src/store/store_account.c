/*
 * store_account.c: accounts, their roles in units and their sessions, for
 * every backend. Sessions live in the store, not in a process, so any
 * number of fazhi processes can serve the same people.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static void
read_account(struct dbq *q, struct account *a)
{
	memset(a, 0, sizeof(*a));
	a->id = q_colint(q, 0);
	a->login = q_coldup(q, 1);
	a->name = q_coldup(q, 2);
	a->password_hash = q_coldup(q, 3);
	a->is_admin = (int)q_colint(q, 4);
	a->disabled = (int)q_colint(q, 5);
	a->created_at = q_coldup(q, 6);
}

static enum fz_err
read_roles(struct store *st, struct account *a)
{
	struct dbq	*q;
	int		 r;

	if ((q = q_open(st, STMT_ROLE_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, a->id);
	while ((r = q_step(q)) == 1) {
		struct account_role *ro = account_role_add(a);

		ro->unit_id = q_colint(q, 0);
		ro->unit_code = q_coldup(q, 1);
		ro->unit_name = q_coldup(q, 2);
		if (!staff_role_parse(q_col(q, 3), &ro->role))
			ro->role = STAFF_CLERK;
	}
	q_reset(q);
	return r < 0 ? q_err(st) : FZ_OK;
}

enum fz_err
store_account_put(struct store *st, struct account *a)
{
	struct dbq	*q;
	char		 now[21];
	enum fz_err	 rc;
	int64_t		 id;
	size_t		 i;

	store_now(now);
	if ((q = q_open(st, a->id == 0 ? STMT_ACCOUNT_INSERT :
	    STMT_ACCOUNT_UPDATE)) == NULL)
		return q_err(st);
	if (a->id == 0) {
		q_text(q, 1, a->login);
		q_text(q, 2, a->name);
		q_text(q, 3, a->password_hash);
		q_int(q, 4, a->is_admin);
		q_int(q, 5, a->disabled);
		q_text(q, 6, now);
	} else {
		q_int(q, 1, a->id);
		q_text(q, 2, a->name);
		q_text(q, 3, a->password_hash);
		q_int(q, 4, a->is_admin);
		q_int(q, 5, a->disabled);
		q_text(q, 6, now);
	}
	if ((rc = q_run_int(q, &id)) != FZ_OK) {
		if (rc == FZ_ECONFLICT)
			store_seterr(st, "登录名“%s”已被使用", a->login);
		return rc;
	}
	a->id = id;
	if ((q = q_open(st, STMT_ROLE_DEL)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	if ((rc = q_run(q)) != FZ_OK)
		return rc;
	for (i = 0; i < a->nroles; i++) {
		if ((q = q_open(st, STMT_ROLE_INS)) == NULL)
			return q_err(st);
		q_int(q, 1, id);
		q_int(q, 2, a->roles[i].unit_id);
		q_text(q, 3, staff_role_key(a->roles[i].role));
		if ((rc = q_run(q)) != FZ_OK)
			return rc;
	}
	return FZ_OK;
}

enum fz_err
store_account_get(struct store *st, const char *login, struct account *a)
{
	struct dbq	*q;
	enum fz_err	 rc;
	int64_t		 id = a->id;

	memset(a, 0, sizeof(*a));
	a->id = id;
	if ((q = q_open(st, login != NULL ? STMT_ACCOUNT_BY_LOGIN :
	    STMT_ACCOUNT_BY_ID)) == NULL)
		return q_err(st);
	if (login != NULL)
		q_text(q, 1, login);
	else
		q_int(q, 1, a->id);
	switch (q_step(q)) {
	case 1:
		read_account(q, a);
		rc = FZ_OK;
		break;
	case 0:
		rc = store_fail(st, FZ_ENOTFOUND, "没有登录名为“%s”的账号",
		    login != NULL ? login : "?");
		break;
	default:
		rc = q_err(st);
		break;
	}
	q_reset(q);
	if (rc == FZ_OK && (rc = read_roles(st, a)) != FZ_OK)
		account_release(a);
	return rc;
}

enum fz_err
store_account_iter(struct store *st, store_account_cb cb, void *arg)
{
	struct dbq	*q;
	struct account	*v = NULL;
	size_t		 n = 0, cap = 0, i;
	enum fz_err	 rc = FZ_OK;
	int		 r;

	if ((q = q_open(st, STMT_ACCOUNT_LIST)) == NULL)
		return q_err(st);
	while ((r = q_step(q)) == 1) {
		VEC_GROW(v, n, cap);
		read_account(q, &v[n++]);
	}
	q_reset(q);
	if (r < 0)
		rc = q_err(st);
	for (i = 0; i < n && rc == FZ_OK; i++)
		rc = read_roles(st, &v[i]);
	for (i = 0; i < n && rc == FZ_OK; i++)
		if (cb(&v[i], arg) != 0)
			break;
	for (i = 0; i < n; i++)
		account_release(&v[i]);
	free(v);
	return rc;
}

enum fz_err
store_session_put(struct store *st, const struct session *s)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_SESSION_INSERT)) == NULL)
		return q_err(st);
	q_text(q, 1, s->id);
	q_int(q, 2, s->account_id);
	q_text(q, 3, s->csrf);
	q_text(q, 4, s->created_at);
	q_text(q, 5, s->expires_at);
	return q_run(q);
}

enum fz_err
store_session_get(struct store *st, const char *id, struct session *s)
{
	struct dbq	*q;
	enum fz_err	 rc;

	memset(s, 0, sizeof(*s));
	if ((q = q_open(st, STMT_SESSION_GET)) == NULL)
		return q_err(st);
	q_text(q, 1, id);
	switch (q_step(q)) {
	case 1:
		snprintf(s->id, sizeof(s->id), "%s", q_col(q, 0));
		s->account_id = q_colint(q, 1);
		snprintf(s->csrf, sizeof(s->csrf), "%s", q_col(q, 2));
		snprintf(s->created_at, sizeof(s->created_at), "%s",
		    q_col(q, 3));
		snprintf(s->expires_at, sizeof(s->expires_at), "%s",
		    q_col(q, 4));
		snprintf(s->last_seen_at, sizeof(s->last_seen_at), "%s",
		    q_col(q, 5));
		rc = FZ_OK;
		break;
	case 0:
		rc = store_fail(st, FZ_ENOTFOUND, "会话不存在或已失效");
		break;
	default:
		rc = q_err(st);
		break;
	}
	q_reset(q);
	return rc;
}

enum fz_err
store_session_touch(struct store *st, const char *id, const char *seen,
    const char *expires)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_SESSION_TOUCH)) == NULL)
		return q_err(st);
	q_text(q, 1, id);
	q_text(q, 2, seen);
	q_text(q, 3, expires);
	return q_run(q);
}

enum fz_err
store_session_delete(struct store *st, const char *id)
{
	struct dbq	*q;
	int64_t		 one;

	if ((q = q_open(st, STMT_SESSION_DELETE)) == NULL)
		return q_err(st);
	q_text(q, 1, id);
	return q_run_int(q, &one);
}

enum fz_err
store_session_delete_account(struct store *st, int64_t account, int *n)
{
	struct dbq	*q;
	int		 r;

	*n = 0;
	if ((q = q_open(st, STMT_SESSION_DELETE_ACCOUNT)) == NULL)
		return q_err(st);
	q_int(q, 1, account);
	while ((r = q_step(q)) == 1)
		++*n;
	q_reset(q);
	return r < 0 ? q_err(st) : FZ_OK;
}

enum fz_err
store_login_failure(struct store *st, const char *login, const char *at)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_LOGIN_FAIL_INS)) == NULL)
		return q_err(st);
	q_text(q, 1, login);
	q_text(q, 2, at);
	return q_run(q);
}

enum fz_err
store_login_failures(struct store *st, const char *login, const char *since,
    int *n)
{
	struct dbq	*q;
	int64_t		 v = 0;
	enum fz_err	 rc;

	if ((q = q_open(st, STMT_LOGIN_FAIL_COUNT)) == NULL)
		return q_err(st);
	q_text(q, 1, login);
	q_text(q, 2, since);
	rc = q_run_int(q, &v);
	*n = (int)v;
	return rc;
}

enum fz_err
store_login_failures_clear(struct store *st, const char *login)
{
	struct dbq	*q;

	if ((q = q_open(st, STMT_LOGIN_FAIL_CLEAR)) == NULL)
		return q_err(st);
	q_text(q, 1, login);
	return q_run(q);
}
