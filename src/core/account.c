/*
 * account.c: people and their sessions: adding accounts with roles in
 * units, passwords hashed with argon2id (libsodium), disabling, signing in
 * with a random token whose SHA-256 alone is stored, checking and ending
 * sessions. Password changes and disabling end every session.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static int
valid_login(const char *s)
{
	size_t	 n = strlen(s);

	if (n < 2 || n > 32)
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '.' || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

/* Password rules: at least 10 characters, not the login. */
static enum fz_err
check_password(const char *login, const char *pw, struct diags *dg)
{
	size_t		 n = 0, i = 0, w;
	uint32_t	 cp;

	while (pw[i] != '\0' && (w = utf8_decode(pw + i, strlen(pw + i),
	    &cp)) > 0) {
		i += w;
		n++;
	}
	if (n < 10) {
		diags_error(dg, 0, 0, "weak_password",
		    "密码至少需要 10 个字符");
		return FZ_EINVAL;
	}
	if (str_eq(pw, login)) {
		diags_error(dg, 0, 0, "weak_password", "密码不能与登录名相同");
		return FZ_EINVAL;
	}
	return FZ_OK;
}

static enum fz_err
hash_password(const char *pw, char **out)
{
	char	 h[crypto_pwhash_STRBYTES];

	if (sodium_init() < 0 || crypto_pwhash_str(h, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return FZ_EIO;
	*out = xstrdup(h);
	sodium_memzero(h, sizeof(h));
	return FZ_OK;
}

/* Resolve "CODE:role" or "CODE" with a role into the account's roles. */
static enum fz_err
add_roles(struct store *st, struct account *a, const struct role_spec *v,
    size_t n, struct diags *dg)
{
	struct unit_dir	 dir = { 0 };
	enum fz_err	 rc;
	size_t		 i, k;

	if ((rc = core_units_load(st, &dir)) != FZ_OK) {
		diags_error(dg, 0, 0, "db", "%s", store_errmsg(st));
		return rc;
	}
	for (i = 0; i < n; i++) {
		struct account_role	*r;

		for (k = 0; k < dir.n; k++)
			if (str_eq(dir.v[k].code, v[i].unit))
				break;
		if (k == dir.n) {
			diags_error(dg, 0, 0, "unknown_unit", "单位编码“%s”不在"
			    "单位名录中", v[i].unit);
			rc = FZ_EINVAL;
			continue;
		}
		r = account_role_add(a);
		r->unit_id = dir.v[k].id;
		r->unit_code = xstrdup(dir.v[k].code);
		r->unit_name = xstrdup(dir.v[k].name);
		r->role = v[i].role;
	}
	unit_dir_release(&dir);
	return rc;
}

static enum fz_err
finish(struct store *st, enum fz_err rc, struct diags *dg)
{
	if (rc == FZ_OK)
		rc = store_commit(st);
	if (rc != FZ_OK) {
		if (dg->nerrors == 0)
			diags_error(dg, 0, 0, "db", "%s", store_errmsg(st));
		store_rollback(st);
	}
	return rc;
}

enum fz_err
core_account_add(struct store *st, const struct account_spec *s,
    const char *actor, struct diags *dg)
{
	struct account	 a;
	enum fz_err	 rc;
	char		 detail[256];

	memset(&a, 0, sizeof(a));
	if (!valid_login(s->login)) {
		diags_error(dg, 0, 0, "bad_login", "登录名“%s”无效：2–32 个小写"
		    "字母、数字或 . _ -", s->login);
		return FZ_EINVAL;
	}
	if (s->name == NULL || s->name[0] == '\0') {
		diags_error(dg, 0, 0, "bad_name", "姓名不能为空");
		return FZ_EINVAL;
	}
	if ((rc = check_password(s->login, s->password, dg)) != FZ_OK)
		return rc;
	a.login = xstrdup(s->login);
	a.name = xstrdup(s->name);
	a.is_admin = s->is_admin;
	if ((rc = store_begin(st)) != FZ_OK) {
		diags_error(dg, 0, 0, "db", "%s", store_errmsg(st));
		goto out;
	}
	if ((rc = add_roles(st, &a, s->roles, s->nroles, dg)) != FZ_OK ||
	    (rc = hash_password(s->password, &a.password_hash)) != FZ_OK) {
		store_rollback(st);
		goto out;
	}
	if ((rc = store_account_put(st, &a)) != FZ_OK) {
		diags_error(dg, 0, 0, rc == FZ_ECONFLICT ? "conflict" : "db",
		    "%s", store_errmsg(st));
		store_rollback(st);
		goto out;
	}
	snprintf(detail, sizeof(detail), "%s，%zu 个角色%s", s->name,
	    a.nroles, a.is_admin ? "，系统管理员" : "");
	rc = finish(st, store_audit(st, actor, "account.add", s->login,
	    detail), dg);
out:
	account_release(&a);
	return rc;
}

/* Load an account for a change, inside a begun transaction. */
static enum fz_err
load_for_change(struct store *st, const char *login, struct account *a,
    struct diags *dg)
{
	enum fz_err	 rc;

	if ((rc = store_begin(st)) != FZ_OK) {
		diags_error(dg, 0, 0, "db", "%s", store_errmsg(st));
		return rc;
	}
	if ((rc = store_account_get(st, login, a)) != FZ_OK) {
		diags_error(dg, 0, 0, rc == FZ_ENOTFOUND ? "not_found" : "db",
		    "%s", store_errmsg(st));
		store_rollback(st);
	}
	return rc;
}

enum fz_err
core_account_passwd(struct store *st, const char *login, const char *pw,
    const char *actor, struct diags *dg)
{
	struct account	 a;
	enum fz_err	 rc;
	int		 n = 0;

	if ((rc = check_password(login, pw, dg)) != FZ_OK)
		return rc;
	if ((rc = load_for_change(st, login, &a, dg)) != FZ_OK)
		return rc;
	free(a.password_hash);
	a.password_hash = NULL;
	if ((rc = hash_password(pw, &a.password_hash)) == FZ_OK &&
	    (rc = store_account_put(st, &a)) == FZ_OK &&
	    (rc = store_session_delete_account(st, a.id, &n)) == FZ_OK)
		rc = store_audit(st, actor, "account.passwd", login,
		    "修改密码，结束全部会话");
	rc = finish(st, rc, dg);
	account_release(&a);
	return rc;
}

enum fz_err
core_account_disable(struct store *st, const char *login, int disable,
    const char *actor, struct diags *dg)
{
	struct account	 a;
	enum fz_err	 rc;
	int		 n = 0;

	if ((rc = load_for_change(st, login, &a, dg)) != FZ_OK)
		return rc;
	a.disabled = disable;
	if ((rc = store_account_put(st, &a)) == FZ_OK && disable)
		rc = store_session_delete_account(st, a.id, &n);
	if (rc == FZ_OK)
		rc = store_audit(st, actor, disable ? "account.disable" :
		    "account.enable", login, disable ? "停用，结束全部会话" :
		    "启用");
	rc = finish(st, rc, dg);
	account_release(&a);
	return rc;
}

static void
token_id(const char *token, char id[65])
{
	sha256_hex(token, strlen(token), id);
}

/* Throttling: failures of one login within the window lock it. */
#define LOGIN_WINDOW	(15 * 60)
#define LOGIN_TRIES	5

static enum fz_err
throttled(struct store *st, const char *login, time_t now, struct diags *dg)
{
	char		 since[21];
	int		 n = 0;
	enum fz_err	 rc;

	date_iso(now - LOGIN_WINDOW, since);
	if ((rc = store_login_failures(st, login, since, &n)) != FZ_OK) {
		diags_error(dg, 0, 0, "db", "%s", store_errmsg(st));
		return rc;
	}
	if (n >= LOGIN_TRIES) {
		diags_error(dg, 0, 0, "throttled", "该账号登录失败次数过多，请 %d "
		    "分钟后再试", LOGIN_WINDOW / 60);
		return FZ_EBUSY;
	}
	return FZ_OK;
}

static enum fz_err
failed(struct store *st, const char *login, time_t now)
{
	char	 at[21];

	date_iso(now, at);
	store_login_failure(st, login, at);
	return FZ_EPERM;
}

enum fz_err
core_login(struct store *st, const char *login, const char *pw, long ttl,
    char token[65], struct session *s, struct diags *dg)
{
	/* Checked against when the login is unknown, so that timing does
	 * not tell which logins exist. */
	static char	 dummy[crypto_pwhash_STRBYTES];
	struct account	 a;
	unsigned char	 raw[32];
	enum fz_err	 rc;
	time_t		 now = time(NULL);

	memset(s, 0, sizeof(*s));
	if (sodium_init() < 0)
		return FZ_EIO;
	if ((rc = throttled(st, login, now, dg)) != FZ_OK)
		return rc;
	if (dummy[0] == '\0' && crypto_pwhash_str(dummy, "x", 1,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return FZ_EIO;
	rc = store_account_get(st, login, &a);
	if (rc == FZ_ENOTFOUND) {
		if (crypto_pwhash_str_verify(dummy, pw, strlen(pw)) == 0)
			abort();	/* "x" is never a password */
		diags_error(dg, 0, 0, "login_failed", "登录名或密码错误");
		return failed(st, login, now);
	}
	if (rc != FZ_OK) {
		diags_error(dg, 0, 0, "db", "%s", store_errmsg(st));
		return rc;
	}
	if (crypto_pwhash_str_verify(a.password_hash, pw, strlen(pw)) != 0 ||
	    a.disabled) {
		diags_error(dg, 0, 0, "login_failed", a.disabled ?
		    "账号已停用" : "登录名或密码错误");
		account_release(&a);
		return failed(st, login, now);
	}
	if ((rc = store_login_failures_clear(st, login)) != FZ_OK) {
		account_release(&a);
		diags_error(dg, 0, 0, "db", "%s", store_errmsg(st));
		return rc;
	}
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(token, 65, raw, sizeof(raw));
	token_id(token, s->id);
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(s->csrf, sizeof(s->csrf), raw, sizeof(raw));
	s->account_id = a.id;
	date_iso(now, s->created_at);
	date_iso(now, s->last_seen_at);
	date_iso(now + ttl, s->expires_at);
	sodium_memzero(raw, sizeof(raw));
	account_release(&a);
	if ((rc = store_session_put(st, s)) == FZ_OK)
		rc = store_audit(st, login, "session.login", login, NULL);
	if (rc != FZ_OK)
		diags_error(dg, 0, 0, "db", "%s", store_errmsg(st));
	return rc;
}

enum fz_err
core_session_check(struct store *st, const char *token, long ttl,
    struct session *s)
{
	char		 id[65], now[21], exp[21];
	enum fz_err	 rc;
	time_t		 t = time(NULL);

	token_id(token, id);
	if ((rc = store_session_get(st, id, s)) != FZ_OK)
		return rc == FZ_ENOTFOUND ? FZ_EPERM : rc;
	date_iso(t, now);
	if (strcmp(s->expires_at, now) <= 0) {
		store_session_delete(st, id);
		return FZ_EPERM;
	}
	/* Extend at most once a minute: a write per request would cost more
	 * than the request. */
	date_iso(t - 60, exp);
	if (strcmp(s->last_seen_at, exp) > 0)
		return FZ_OK;
	date_iso(t + ttl, exp);
	return store_session_touch(st, id, now, exp);
}

enum fz_err
core_logout(struct store *st, const char *token)
{
	struct session	 s;
	struct account	 a;
	char		 id[65];
	enum fz_err	 rc;

	token_id(token, id);
	if ((rc = store_session_get(st, id, &s)) != FZ_OK)
		return rc;
	memset(&a, 0, sizeof(a));
	a.id = s.account_id;
	if ((rc = store_begin(st)) != FZ_OK)
		return rc;
	if ((rc = store_session_delete(st, id)) == FZ_OK &&
	    (rc = store_account_get(st, NULL, &a)) == FZ_OK)
		rc = store_audit(st, a.login, "session.logout", a.login, NULL);
	account_release(&a);
	if (rc == FZ_OK)
		return store_commit(st);
	store_rollback(st);
	return rc;
}

/* 退出所有设备: every session of the account ends. */
enum fz_err
core_logout_everywhere(struct store *st, int64_t account_id, int *n)
{
	struct account	 a;
	enum fz_err	 rc;
	char		 detail[64];

	memset(&a, 0, sizeof(a));
	a.id = account_id;
	if ((rc = store_begin(st)) != FZ_OK)
		return rc;
	if ((rc = store_account_get(st, NULL, &a)) == FZ_OK &&
	    (rc = store_session_delete_account(st, account_id, n)) == FZ_OK) {
		snprintf(detail, sizeof(detail), "结束全部 %d 个会话", *n);
		rc = store_audit(st, a.login, "session.logout_all", a.login,
		    detail);
	}
	account_release(&a);
	if (rc == FZ_OK)
		return store_commit(st);
	store_rollback(st);
	return rc;
}
