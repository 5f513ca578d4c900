/*
 * store_unit.c: the unit directory in the store, for every backend: insert
 * or update a unit by code with its short forms and aliases, each name
 * owned by one unit only, and iterate the directory in import order.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

/* FZ_ECONFLICT if name is already another unit's name of any kind. */
static enum fz_err
name_free_for(struct store *st, const char *name, int64_t id)
{
	struct dbq	*q;
	int64_t		 owner;
	enum fz_err	 rc;

	if ((q = q_open(st, STMT_UNIT_BY_NAME)) == NULL)
		return FZ_EDB;
	q_text(q, 1, name);
	if ((rc = q_run_int(q, &owner)) == FZ_OK && owner != id)
		goto taken;
	if (rc != FZ_OK && rc != FZ_ENOTFOUND)
		return rc;
	if ((q = q_open(st, STMT_UNIT_NAME_OWNER)) == NULL)
		return FZ_EDB;
	q_text(q, 1, name);
	if ((rc = q_run_int(q, &owner)) == FZ_OK && owner != id)
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
	struct dbq	*q;
	enum fz_err	 rc;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if ((rc = name_free_for(st, v[i], id)) != FZ_OK)
			return rc;
		if ((q = q_open(st, STMT_UNIT_NAME_INS)) == NULL)
			return FZ_EDB;
		q_text(q, 1, v[i]);
		q_int(q, 2, id);
		q_text(q, 3, kind);
		q_int(q, 4, (*ord)++);
		if ((rc = q_run(q)) != FZ_OK) {
			if (rc == FZ_ECONFLICT)
				store_seterr(st, "名称“%s”重复", v[i]);
			return rc;
		}
	}
	return FZ_OK;
}

enum fz_err
store_unit_put(struct store *st, const struct unit *u, int64_t *pid)
{
	struct dbq	*q;
	int64_t		 id = 0, ord = 0;
	enum fz_err	 rc;
	int		 nord = 0;

	if ((q = q_open(st, STMT_UNIT_BY_CODE)) == NULL)
		return FZ_EDB;
	q_text(q, 1, u->code);
	rc = q_run_int(q, &id);
	if (rc != FZ_OK && rc != FZ_ENOTFOUND)
		return rc;
	if ((rc = name_free_for(st, u->name, id)) != FZ_OK)
		return rc;
	if (id == 0) {
		if ((q = q_open(st, STMT_UNIT_MAX_ORD)) == NULL)
			return FZ_EDB;
		if ((rc = q_run_int(q, &ord)) != FZ_OK)
			return rc;
		if ((q = q_open(st, STMT_UNIT_INSERT)) == NULL)
			return FZ_EDB;
		q_text(q, 1, u->code);
		q_text(q, 2, u->name);
		q_text(q, 3, unit_kind_key(u->kind));
		q_int(q, 4, u->enforcement);
		q_text(q, 5, u->parent);
		q_text(q, 6, u->division);
		q_int(q, 7, ord + 1);
		if ((rc = q_run_int(q, &id)) != FZ_OK)
			return rc;
	} else {
		if ((q = q_open(st, STMT_UNIT_UPDATE)) == NULL)
			return FZ_EDB;
		q_int(q, 1, id);
		q_text(q, 2, u->name);
		q_text(q, 3, unit_kind_key(u->kind));
		q_int(q, 4, u->enforcement);
		q_text(q, 5, u->parent);
		q_text(q, 6, u->division);
		if ((rc = q_run(q)) != FZ_OK)
			return rc;
		if ((q = q_open(st, STMT_UNIT_NAMES_DEL)) == NULL)
			return FZ_EDB;
		q_int(q, 1, id);
		if ((rc = q_run(q)) != FZ_OK)
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

enum fz_err
store_unit_iter(struct store *st, store_unit_cb cb, void *arg)
{
	struct dbq	*q;
	struct unit_dir	 dir = { 0 };
	struct unit	 u;
	enum fz_err	 rc = FZ_EDB;
	size_t		 i = 0;
	int		 r;

	if ((q = q_open(st, STMT_UNIT_ALL)) == NULL)
		goto out;
	while ((r = q_step(q)) == 1) {
		VEC_GROW(dir.v, dir.n, dir.cap);
		memset(&u, 0, sizeof(u));
		u.id = q_colint(q, 0);
		u.code = q_coldup(q, 1);
		u.name = q_coldup(q, 2);
		if (!unit_kind_parse(q_col(q, 3),
		    &u.kind))
			u.kind = UNIT_OTHER;
		u.enforcement = q_colint(q, 4);
		u.parent = q_coldup(q, 5);
		u.division = q_coldup(q, 6);
		dir.v[dir.n++] = u;
	}
	q_reset(q);
	if (r != 0) {
		rc = q_err(st);
		goto out;
	}
	/* Names come ordered by unit id; units by ord: match by id. */
	if ((q = q_open(st, STMT_UNIT_NAMES_ALL)) == NULL)
		goto out;
	while ((r = q_step(q)) == 1) {
		int64_t		 uid = q_colint(q, 0);
		const char	*name = q_col(q, 1);
		const char	*kind = q_col(q, 2);
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
	q_reset(q);
	if (r != 0) {
		rc = q_err(st);
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

