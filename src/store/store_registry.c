/*
 * store_registry.c: the records of every registry, written once for all of
 * them: the INSERT, UPDATE and SELECT of a registry's table are built from
 * its constant descriptor (table and column names come only from there;
 * every value is a bound parameter) and prepared once per connection.
 * Also the history of each record, its evidence files, and the indicators
 * computed from registries: definitions, runs, values and their records,
 * and the links of plan indicators to definitions.
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "fazhi/indicator.h"
#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum regq {
	REGQ_INSERT, REGQ_UPDATE, REGQ_GET, REGQ_FIND, REGQ_LIST, REGQ_COUNT,
	REGQ__MAX
};

#define NMETA	6	/* id, revision, created_by/at, updated_by/at */

static void
column(const struct reg_field *f, struct buf *b)
{
	buf_addstr(b, f->key);
	if (f->type == REG_UNIT)
		buf_addstr(b, "_id");
}

static int
ninactive(const struct reg_desc *d)
{
	int	 n = 0;

	while (d->status >= 0 && d->inactive != NULL &&
	    d->inactive[n] != NULL)
		n++;
	return n;
}

/* The columns read_row() reads. */
static void
select_cols(const struct reg_desc *d, struct buf *b)
{
	int	 i;

	buf_addstr(b, "SELECT t.id, t.revision, t.created_by, t.created_at, "
	    "t.updated_by, t.updated_at");
	for (i = 0; i < d->nfields; i++) {
		buf_addstr(b, ", t.");
		column(&d->fields[i], b);
	}
	for (i = 0; i < d->nfields; i++) {
		if (d->fields[i].type != REG_UNIT)
			continue;
		buf_addstr(b, ", (SELECT u.name FROM unit u WHERE u.id = t.");
		column(&d->fields[i], b);
		buf_addch(b, ')');
	}
	buf_addf(b, " FROM %s t ", d->table);
}

/* The filters of a list: see store_reg_list() for the parameters. */
static void
list_where(const struct reg_desc *d, struct buf *b)
{
	const struct reg_field	*own = &d->fields[d->owner];
	int			 i, k = ninactive(d);

	buf_addstr(b, "WHERE (?1 = 0 OR t.");
	column(own, b);
	buf_addstr(b, " = ?1) AND ");
	/* A standing record (REG_SINCE) is in every period after its date. */
	if (d->fields[d->date].flags & REG_SINCE)
		buf_addstr(b, "(?2 = '' OR ?2 <> '') ");
	else
		buf_addf(b, "(?2 = '' OR t.%s >= ?2) ", d->fields[d->date].key);
	buf_addf(b, "AND (?3 = '' OR t.%s <= ?3) AND (?4 = '' OR t.%s LIKE ?4 "
	    "ESCAPE '!' OR t.%s LIKE ?4 ESCAPE '!') AND (?5 = 0 OR t.",
	    d->fields[d->date].key, d->fields[d->key_field].key,
	    d->fields[d->title].key);
	column(own, b);
	buf_addstr(b, " IN (SELECT unit_id FROM account_role WHERE "
	    "account_id = ?5)) ");
	if (d->expires >= 0)
		buf_addf(b, "AND (?6 = '' OR t.%s >= ?6) AND (?7 = '' OR "
		    "t.%s <= ?7) AND (?6 = '' OR t.%s IS NOT NULL) ",
		    d->fields[d->expires].key, d->fields[d->expires].key,
		    d->fields[d->expires].key);
	else
		buf_addstr(b, "AND ?6 = '' AND ?7 = '' ");
	if (k > 0) {
		buf_addf(b, "AND (?8 = 0 OR t.%s IS NULL OR t.%s NOT IN (",
		    d->fields[d->status].key, d->fields[d->status].key);
		for (i = 0; i < k; i++)
			buf_addf(b, "%s?%d", i ? ", " : "", 9 + i);
		buf_addstr(b, ")) ");
	} else
		buf_addstr(b, "AND (?8 = 0 OR 1 = 1) ");
}

static void
build(const void *owner, int kind, struct buf *b)
{
	const struct reg_desc	*d = owner;
	int			 i, n = d->nfields, k = ninactive(d);

	switch ((enum regq)kind) {
	case REGQ_INSERT:
		buf_addf(b, "INSERT INTO %s (", d->table);
		for (i = 0; i < n; i++) {
			column(&d->fields[i], b);
			buf_addstr(b, ", ");
		}
		buf_addstr(b, "revision, created_by, created_at, updated_by, "
		    "updated_at) VALUES (");
		for (i = 0; i < n; i++)
			buf_addf(b, "?%d, ", i + 1);
		buf_addf(b, "1, ?%d, ?%d, ?%d, ?%d) RETURNING id", n + 1, n + 2,
		    n + 1, n + 2);
		break;
	case REGQ_UPDATE:
		buf_addf(b, "UPDATE %s SET ", d->table);
		for (i = 0; i < n; i++) {
			column(&d->fields[i], b);
			buf_addf(b, " = ?%d, ", i + 1);
		}
		buf_addf(b, "revision = revision + 1, updated_by = ?%d, "
		    "updated_at = ?%d WHERE id = ?%d AND revision = ?%d "
		    "RETURNING revision", n + 1, n + 2, n + 3, n + 4);
		break;
	case REGQ_GET:
		select_cols(d, b);
		buf_addstr(b, "WHERE t.id = ?1");
		break;
	case REGQ_FIND:
		buf_addf(b, "SELECT id FROM %s WHERE ", d->table);
		column(&d->fields[d->owner], b);
		buf_addf(b, " = ?1 AND %s = ?2", d->fields[d->key_field].key);
		break;
	case REGQ_LIST:
		select_cols(d, b);
		list_where(d, b);
		buf_addf(b, "ORDER BY t.%s, t.id LIMIT ?%d OFFSET ?%d",
		    d->fields[d->date].key, 9 + k, 10 + k);
		break;
	case REGQ_COUNT:
		buf_addf(b, "SELECT count(*) FROM %s t ", d->table);
		list_where(d, b);
		break;
	case REGQ__MAX:
		break;
	}
}

/*
 * The records computing reads, in no order: dated from ?1 to ?2 (a
 * standing record, REG_SINCE: any time up to ?2), of the units under
 * division ?3 (its code's first ?4 digits) if given, only the fields of
 * mask. Without a division the date is an expression: no index, one pass
 * in the table's order (nearly every record is in the range); with one,
 * the (owner, key) index finds the division's records only.
 */
static void
build_scan(const struct reg_desc *d, int division, uint64_t mask,
    struct buf *b)
{
	const char	*date = d->fields[d->date].key;
	int		 i;

	/* read_scan() reads these: no meta columns but the id and the
	 * revision, no names, only the fields of mask. */
	buf_addstr(b, "SELECT t.id, t.revision");
	for (i = 0; i < d->nfields; i++)
		if (mask & ((uint64_t)1 << i)) {
			buf_addstr(b, ", t.");
			column(&d->fields[i], b);
		}
	buf_addf(b, " FROM %s t ", d->table);
	if (d->fields[d->date].flags & REG_SINCE)
		buf_addstr(b, "WHERE (?1 = '' OR ?1 <> '') ");
	else if (division)
		buf_addf(b, "WHERE t.%s >= ?1 ", date);
	else
		buf_addf(b, "WHERE (t.%s || '') >= ?1 ", date);
	if (division)
		buf_addf(b, "AND t.%s <= ?2 AND t.", date);
	else
		buf_addf(b, "AND (t.%s || '') <= ?2", date);
	if (division) {
		column(&d->fields[d->owner], b);
		buf_addstr(b, " IN (SELECT id FROM unit WHERE substr(division, "
		    "1, ?4) = ?3)");
	}
}

/* A row of build_scan(): the fields outside mask stay NULL. */
static void
read_scan(const struct reg_desc *d, struct dbq *q, uint64_t mask,
    struct reg_record *r)
{
	int	 i, c = 2;

	reg_record_init(r);
	r->id = q_colint(q, 0);
	r->revision = (int)q_colint(q, 1);
	for (i = 0; i < d->nfields; i++) {
		const struct reg_field *f = &d->fields[i];

		if (!(mask & ((uint64_t)1 << i)))
			continue;
		r->given[i] = 1;
		if (q_colnull(q, c)) {
			c++;
			continue;
		}
		switch (f->type) {
		case REG_INT:
		case REG_BOOL:
		case REG_UNIT:
			reg_value_set(&r->v[i], f->type == REG_UNIT ? "" :
			    NULL, q_colint(q, c));
			break;
		default:
			reg_value_set(&r->v[i], q_col(q, c), 0);
			break;
		}
		c++;
	}
}

static void
bind_value(struct dbq *q, int i, const struct reg_field *f,
    const struct reg_value *v)
{
	if (v->null)
		q_null(q, i);
	else if (f->type == REG_INT || f->type == REG_BOOL ||
	    f->type == REG_UNIT)
		q_int(q, i, v->i);
	else
		q_text(q, i, v->s ? v->s : "");
}

static void
read_row(const struct reg_desc *d, struct dbq *q, struct reg_record *r)
{
	int	 i, name = NMETA + d->nfields;

	reg_record_init(r);
	r->id = q_colint(q, 0);
	r->revision = (int)q_colint(q, 1);
	q_colcpy(q, 2, r->created_by, sizeof(r->created_by));
	q_colcpy(q, 3, r->created_at, sizeof(r->created_at));
	q_colcpy(q, 4, r->updated_by, sizeof(r->updated_by));
	q_colcpy(q, 5, r->updated_at, sizeof(r->updated_at));
	for (i = 0; i < d->nfields; i++) {
		const struct reg_field *f = &d->fields[i];
		int c = NMETA + i, ncol = f->type == REG_UNIT ? name++ : 0;

		r->given[i] = 1;
		if (q_colnull(q, c))
			continue;
		switch (f->type) {
		case REG_INT:
		case REG_BOOL:
			reg_value_set(&r->v[i], NULL, q_colint(q, c));
			break;
		case REG_UNIT:
			reg_value_set(&r->v[i], q_col(q, ncol) ? q_col(q,
			    ncol) : "", q_colint(q, c));
			break;
		default:
			reg_value_set(&r->v[i], q_col(q, c), 0);
			break;
		}
	}
}

enum fz_err
store_reg_put(struct store *st, const struct reg_desc *d,
    struct reg_record *r, const char *actor)
{
	struct dbq	*q;
	char		 now[21];
	int64_t		 v;
	enum fz_err	 rc;
	int		 i, n = d->nfields;

	store_now(now);
	if ((q = q_adhoc(st, d, r->id == 0 ? REGQ_INSERT : REGQ_UPDATE,
	    build)) == NULL)
		return q_err(st);
	for (i = 0; i < n; i++)
		bind_value(q, i + 1, &d->fields[i], &r->v[i]);
	q_text(q, n + 1, actor);
	q_text(q, n + 2, now);
	if (r->id == 0) {
		if ((rc = q_run_int(q, &r->id)) != FZ_OK)
			return rc;
		r->revision = 1;
		snprintf(r->created_by, sizeof(r->created_by), "%s", actor);
		memcpy(r->created_at, now, sizeof(now));
	} else {
		q_int(q, n + 3, r->id);
		q_int(q, n + 4, r->revision);
		if ((rc = q_run_int(q, &v)) == FZ_ENOTFOUND)
			return store_fail(st, FZ_ECONFLICT, "记录 %lld 已被他人"
			    "修改或已不存在", (long long)r->id);
		if (rc != FZ_OK)
			return rc;
		r->revision = (int)v;
	}
	snprintf(r->updated_by, sizeof(r->updated_by), "%s", actor);
	memcpy(r->updated_at, now, sizeof(now));
	return FZ_OK;
}

enum fz_err
store_reg_get(struct store *st, const struct reg_desc *d, int64_t id,
    struct reg_record *r)
{
	struct dbq	*q;
	enum fz_err	 rc = FZ_OK;

	reg_record_init(r);
	if ((q = q_adhoc(st, d, REGQ_GET, build)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	switch (q_step(q)) {
	case 1:
		read_row(d, q, r);
		break;
	case 0:
		rc = FZ_ENOTFOUND;
		break;
	default:
		rc = q_err(st);
		break;
	}
	q_reset(q);
	return rc;
}

enum fz_err
store_reg_find(struct store *st, const struct reg_desc *d, int64_t unit_id,
    const char *key, int64_t *id)
{
	struct dbq	*q;

	*id = 0;
	if ((q = q_adhoc(st, d, REGQ_FIND, build)) == NULL)
		return q_err(st);
	q_int(q, 1, unit_id);
	q_text(q, 2, key);
	return q_run_int(q, id);
}

static void
bind_filter(struct dbq *q, const struct reg_desc *d,
    const struct reg_filter *f, struct buf *like)
{
	const char	*p;
	int		 i, k = ninactive(d);

	q_int(q, 1, f->unit_id);
	q_text(q, 2, f->from ? f->from : "");
	q_text(q, 3, f->to ? f->to : "");
	buf_reset(like);
	if (f->q != NULL && *f->q != '\0') {
		buf_addch(like, '%');
		for (p = f->q; *p != '\0'; p++) {
			if (*p == '%' || *p == '_' || *p == '!')
				buf_addch(like, '!');
			buf_addch(like, *p);
		}
		buf_addch(like, '%');
	}
	q_text(q, 4, like->ptr);
	q_int(q, 5, f->visible_to);
	q_text(q, 6, f->exp_from ? f->exp_from : "");
	q_text(q, 7, f->exp_to ? f->exp_to : "");
	q_int(q, 8, f->active);
	for (i = 0; i < k; i++)
		q_text(q, 9 + i, d->inactive[i]);
}

enum fz_err
store_reg_list(struct store *st, const struct reg_desc *d,
    const struct reg_filter *f, int (*cb)(const struct reg_record *, void *),
    void *arg, int64_t *total)
{
	struct reg_record	 r;
	struct buf		 like = BUF_INIT;
	struct dbq		*q;
	enum fz_err		 rc = FZ_OK;
	uint64_t		 mask = 0;
	int			 s, k = ninactive(d), oneoff = 0;

	if (f->any_order || (f->division != NULL && *f->division != '\0')) {
		int div = f->division != NULL && *f->division != '\0';

		/* Made for this call (the mask varies), finalized below. */
		mask = f->fields ? f->fields : ~(uint64_t)0;
		build_scan(d, div, mask, &like);
		if ((q = st->drv->prepare(st, like.ptr)) == NULL) {
			rc = q_err(st);
			goto out;
		}
		oneoff = 1;
		q_text(q, 1, f->from ? f->from : "0000-00-00");
		q_text(q, 2, f->to ? f->to : "9999-99-99");
		if (div) {
			q_text(q, 3, f->division);
			q_int(q, 4, (int64_t)strlen(f->division));
		}
		goto rows;
	}
	if (total != NULL) {
		if ((q = q_adhoc(st, d, REGQ_COUNT, build)) == NULL) {
			rc = q_err(st);
			goto out;
		}
		bind_filter(q, d, f, &like);
		if ((rc = q_run_int(q, total)) != FZ_OK)
			goto out;
	}
	if ((q = q_adhoc(st, d, REGQ_LIST, build)) == NULL) {
		rc = q_err(st);
		goto out;
	}
	bind_filter(q, d, f, &like);
	q_int(q, 9 + k, f->limit > 0 ? f->limit : 1000000000);
	q_int(q, 10 + k, f->offset > 0 ? f->offset : 0);
rows:
	while ((s = q_step(q)) == 1) {
		int stop;

		if (oneoff)
			read_scan(d, q, mask, &r);
		else
			read_row(d, q, &r);
		stop = cb(&r, arg);
		reg_record_release(&r);
		if (stop)
			break;
	}
	if (s < 0)
		rc = q_err(st);
	if (oneoff)
		st->drv->finalize(q);
	else
		q_reset(q);
out:
	buf_release(&like);
	return rc;
}

enum fz_err
store_reg_history_add(struct store *st, const char *registry, int64_t id,
    int revision, const char *action, const char *actor, const char *before,
    const char *after)
{
	struct dbq	*q;
	char		 now[21];

	store_now(now);
	if ((q = q_open(st, STMT_REG_HIST_INS)) == NULL)
		return q_err(st);
	q_text(q, 1, registry);
	q_int(q, 2, id);
	q_int(q, 3, revision);
	q_text(q, 4, action);
	q_text(q, 5, actor);
	q_text(q, 6, now);
	q_text(q, 7, before);
	q_text(q, 8, after);
	return q_run(q);
}

enum fz_err
store_reg_history(struct store *st, const char *registry, int64_t id,
    int (*cb)(int revision, const char *action, const char *actor,
    const char *at, const char *before, const char *after, void *), void *arg)
{
	struct dbq	*q;
	int		 s;

	if ((q = q_open(st, STMT_REG_HIST_LIST)) == NULL)
		return q_err(st);
	q_text(q, 1, registry);
	q_int(q, 2, id);
	while ((s = q_step(q)) == 1)
		if (cb((int)q_colint(q, 0), q_col(q, 1), q_col(q, 2),
		    q_col(q, 3), q_col(q, 4), q_col(q, 5), arg))
			break;
	q_reset(q);
	return s < 0 ? q_err(st) : FZ_OK;
}

static void
evid_row(struct dbq *q, struct reg_evidence *e)
{
	memset(e, 0, sizeof(*e));
	e->id = q_colint(q, 0);
	q_colcpy(q, 1, e->registry, sizeof(e->registry));
	e->record_id = q_colint(q, 2);
	q_colcpy(q, 3, e->sha256, sizeof(e->sha256));
	q_colcpy(q, 4, e->name, sizeof(e->name));
	q_colcpy(q, 5, e->mime, sizeof(e->mime));
	e->size = q_colint(q, 6);
	q_colcpy(q, 7, e->uploaded_by, sizeof(e->uploaded_by));
	q_colcpy(q, 8, e->uploaded_at, sizeof(e->uploaded_at));
}

enum fz_err
store_reg_evidence_add(struct store *st, struct reg_evidence *e)
{
	struct dbq	*q;

	store_now(e->uploaded_at);
	if ((q = q_open(st, STMT_REG_EVID_INSERT)) == NULL)
		return q_err(st);
	q_text(q, 1, e->registry);
	q_int(q, 2, e->record_id);
	q_text(q, 3, e->sha256);
	q_text(q, 4, e->name);
	q_text(q, 5, e->mime);
	q_int(q, 6, e->size);
	q_text(q, 7, e->uploaded_by);
	q_text(q, 8, e->uploaded_at);
	return q_run_int(q, &e->id);
}

enum fz_err
store_reg_evidence_get(struct store *st, int64_t id, struct reg_evidence *e)
{
	struct dbq	*q;
	enum fz_err	 rc = FZ_OK;

	memset(e, 0, sizeof(*e));
	if ((q = q_open(st, STMT_REG_EVID_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	switch (q_step(q)) {
	case 1:
		evid_row(q, e);
		break;
	case 0:
		rc = FZ_ENOTFOUND;
		break;
	default:
		rc = q_err(st);
	}
	q_reset(q);
	return rc;
}

enum fz_err
store_reg_evidence_list(struct store *st, const char *registry, int64_t id,
    struct reg_evidence **out, size_t *n)
{
	struct dbq	*q;
	size_t		 cap = 0;
	int		 s;

	*out = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_REG_EVID_LIST)) == NULL)
		return q_err(st);
	q_text(q, 1, registry);
	q_int(q, 2, id);
	while ((s = q_step(q)) == 1) {
		VEC_GROW(*out, *n, cap);
		evid_row(q, &(*out)[(*n)++]);
	}
	q_reset(q);
	return s < 0 ? q_err(st) : FZ_OK;
}

/* Indicators. */

void
ind_def_release(struct ind_def *d)
{
	if (d == NULL)
		return;
	free(d->numerator);
	free(d->denominator);
	free(d->params);
	free(d->source);
	free(d->note);
	memset(d, 0, sizeof(*d));
}

static void
def_row(struct dbq *q, struct ind_def *d)
{
	memset(d, 0, sizeof(*d));
	d->id = q_colint(q, 0);
	q_colcpy(q, 1, d->key, sizeof(d->key));
	d->version = (int)q_colint(q, 2);
	q_colcpy(q, 3, d->name, sizeof(d->name));
	q_colcpy(q, 4, d->registry, sizeof(d->registry));
	q_colcpy(q, 5, d->kind, sizeof(d->kind));
	d->numerator = q_coldup(q, 6);
	d->denominator = q_coldup(q, 7);
	d->params = q_coldup(q, 8);
	d->has_target = !q_colnull(q, 9);
	d->target = q_colreal(q, 9);
	q_colcpy(q, 10, d->comparator, sizeof(d->comparator));
	q_colcpy(q, 11, d->unit, sizeof(d->unit));
	q_colcpy(q, 12, d->scope, sizeof(d->scope));
	d->source = q_coldup(q, 13);
	q_colcpy(q, 14, d->basis, sizeof(d->basis));
	d->note = q_coldup(q, 15);
	q_colcpy(q, 16, d->created_by, sizeof(d->created_by));
	q_colcpy(q, 17, d->created_at, sizeof(d->created_at));
}

enum fz_err
store_ind_def_add(struct store *st, struct ind_def *d)
{
	struct dbq	*q;
	enum fz_err	 rc = FZ_OK;

	store_now(d->created_at);
	if ((q = q_open(st, STMT_IND_DEF_INSERT)) == NULL)
		return q_err(st);
	q_text(q, 1, d->key);
	q_text(q, 2, d->name);
	q_text(q, 3, d->registry);
	q_text(q, 4, d->kind);
	q_text(q, 5, d->numerator);
	q_text(q, 6, d->denominator);
	q_text(q, 7, d->params);
	if (d->has_target)
		q_real(q, 8, d->target);
	else
		q_null(q, 8);
	q_text(q, 9, d->comparator[0] ? d->comparator : NULL);
	q_text(q, 10, d->unit);
	q_text(q, 11, d->scope);
	q_text(q, 12, d->source);
	q_text(q, 13, d->basis);
	q_text(q, 14, d->note);
	q_text(q, 15, d->created_by);
	q_text(q, 16, d->created_at);
	switch (q_step(q)) {
	case 1:
		d->id = q_colint(q, 0);
		d->version = (int)q_colint(q, 1);
		break;
	case 0:
		rc = store_fail(st, FZ_EDB, "insert returned nothing");
		break;
	default:
		rc = q_err(st);
	}
	q_reset(q);
	return rc;
}

/* version 0: the newest. */
enum fz_err
store_ind_def_get(struct store *st, const char *key, int version,
    struct ind_def *d)
{
	struct dbq	*q;
	enum fz_err	 rc = FZ_OK;

	memset(d, 0, sizeof(*d));
	if ((q = q_open(st, version > 0 ? STMT_IND_DEF_GET :
	    STMT_IND_DEF_LATEST)) == NULL)
		return q_err(st);
	q_text(q, 1, key);
	if (version > 0)
		q_int(q, 2, version);
	switch (q_step(q)) {
	case 1:
		def_row(q, d);
		break;
	case 0:
		rc = FZ_ENOTFOUND;
		break;
	default:
		rc = q_err(st);
	}
	q_reset(q);
	return rc;
}

/* key NULL: the newest version of every definition; else every version
 * of key. The callback owns nothing: the struct is released after it. */
enum fz_err
store_ind_def_list(struct store *st, const char *key,
    int (*cb)(const struct ind_def *, void *), void *arg)
{
	struct ind_def	 d;
	struct dbq	*q;
	int		 s;

	if ((q = q_open(st, key ? STMT_IND_DEF_VERSIONS :
	    STMT_IND_DEF_LIST)) == NULL)
		return q_err(st);
	if (key != NULL)
		q_text(q, 1, key);
	while ((s = q_step(q)) == 1) {
		int stop;

		def_row(q, &d);
		stop = cb(&d, arg);
		ind_def_release(&d);
		if (stop)
			break;
	}
	q_reset(q);
	return s < 0 ? q_err(st) : FZ_OK;
}

enum fz_err
store_ind_run_add(struct store *st, struct ind_run *r)
{
	struct dbq	*q;

	store_now(r->computed_at);
	if ((q = q_open(st, STMT_IND_RUN_INSERT)) == NULL)
		return q_err(st);
	q_text(q, 1, r->as_of);
	q_int(q, 2, r->year);
	q_text(q, 3, r->period_start);
	q_text(q, 4, r->period_end);
	q_text(q, 5, r->computed_at);
	q_text(q, 6, r->actor);
	q_text(q, 7, r->scope[0] ? r->scope : NULL);
	return q_run_int(q, &r->id);
}

static int
id_cmp(const void *a, const void *b)
{
	int64_t	 x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/*
 * A list of record ids as 0019 keeps it: ascending, each written as its
 * difference from the one before (the first from 0), comma-separated.
 */
static void
ids_text(struct buf *b, const int64_t *ids, size_t n)
{
	int64_t	*v, prev = 0;
	size_t	 i;

	if (n == 0)
		return;
	v = xreallocarray(NULL, n, sizeof(*v));
	memcpy(v, ids, n * sizeof(*v));
	for (i = 1; i < n && v[i - 1] < v[i]; i++)
		;
	if (i < n)
		qsort(v, n, sizeof(*v), id_cmp);
	buf_grow(b, n * 4 + 2);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addch(b, ',');
		buf_addint(b, v[i] - prev);
		prev = v[i];
	}
	free(v);
}

/* The same as a JSON string (digits and commas: nothing to escape). */
static void
ids_add(struct buf *b, const int64_t *ids, size_t n)
{
	if (n == 0) {
		buf_addstr(b, "null");
		return;
	}
	buf_addch(b, '"');
	ids_text(b, ids, n);
	buf_addch(b, '"');
}

/* One value as an element of STMT_IND_VAL_BATCH's array. */
static void
value_elem(struct buf *b, const struct ind_value *v,
    const struct ind_result *res)
{
	buf_addf(b, "[%lld,%lld,", (long long)v->run_id, (long long)v->def_id);
	if (v->unit_id > 0)
		buf_addf(b, "%lld,", (long long)v->unit_id);
	else
		buf_addstr(b, "null,");
	buf_addf(b, "%lld,", (long long)v->numerator);
	if (v->denominator >= 0)
		buf_addf(b, "%lld,", (long long)v->denominator);
	else
		buf_addstr(b, "null,");
	if (v->has_value && isfinite(v->value))
		buf_addf(b, "%.17g,", v->value);
	else
		buf_addstr(b, "null,");
	if (v->met >= 0)
		buf_addf(b, "%d,", v->met ? 1 : 0);
	else
		buf_addstr(b, "null,");
	buf_addch(b, '"');
	buf_addstr(b, v->inputs_sha256);	/* hex digits */
	buf_addstr(b, "\",");
	ids_add(b, res->counted, res->ncounted);
	buf_addch(b, ',');
	ids_add(b, res->failing, res->nfailing);
	buf_addch(b, ',');
	ids_add(b, res->excluded, res->nexcluded);
	buf_addch(b, ']');
}

struct vslot {
	int64_t		 def_id, unit_id;
	size_t		 i;
};

static int
vslot_cmp(const void *a, const void *b)
{
	const struct vslot *x = a, *y = b;

	if (x->def_id != y->def_id)
		return (x->def_id > y->def_id) - (x->def_id < y->def_id);
	return (x->unit_id > y->unit_id) - (x->unit_id < y->unit_id);
}

/*
 * Values and the records behind each (res[i] for v[i]); on PostgreSQL in
 * one statement and one round trip: a province's run stores 24,000 values
 * over a million records. No two values may have the same definition and unit;
 * each v[i].id is set.
 */
/* One value by one statement: SQLite runs in the process, and binding
 * beats building and parsing JSON. */
static enum fz_err
value_insert(struct store *st, struct ind_value *v,
    const struct ind_result *res)
{
	struct buf	 b[3] = { BUF_INIT, BUF_INIT, BUF_INIT };
	struct dbq	*q;
	enum fz_err	 rc;
	int		 i;

	if ((q = q_open(st, STMT_IND_VAL_INSERT)) == NULL)
		return q_err(st);
	q_int(q, 1, v->run_id);
	q_int(q, 2, v->def_id);
	if (v->unit_id > 0)
		q_int(q, 3, v->unit_id);
	else
		q_null(q, 3);
	q_int(q, 4, v->numerator);
	if (v->denominator >= 0)
		q_int(q, 5, v->denominator);
	else
		q_null(q, 5);
	if (v->has_value)
		q_real(q, 6, v->value);
	else
		q_null(q, 6);
	if (v->met >= 0)
		q_int(q, 7, v->met);
	else
		q_null(q, 7);
	q_text(q, 8, v->inputs_sha256);
	ids_text(&b[0], res->counted, res->ncounted);
	ids_text(&b[1], res->failing, res->nfailing);
	ids_text(&b[2], res->excluded, res->nexcluded);
	for (i = 0; i < 3; i++)
		if (b[i].len > 0)
			q_text(q, 9 + i, b[i].ptr);
		else
			q_null(q, 9 + i);
	rc = q_run_int(q, &v->id);
	for (i = 0; i < 3; i++)
		buf_release(&b[i]);
	return rc;
}

enum fz_err
store_ind_values_add(struct store *st, struct ind_value *v,
    const struct ind_result *res, size_t n)
{
	struct buf	 b = BUF_INIT;
	struct vslot	*slot = NULL, key, *hit;
	struct dbq	*q;
	size_t		 i, got = 0;
	enum fz_err	 rc = FZ_OK;
	int		 s;

	if (n == 0)
		return FZ_OK;
	if (st->drv != &store_driver_pg) {
		for (i = 0; i < n && rc == FZ_OK; i++)
			rc = value_insert(st, &v[i], &res[i]);
		return rc;
	}
	slot = xreallocarray(NULL, n, sizeof(*slot));
	buf_addch(&b, '[');
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addch(&b, ',');
		value_elem(&b, &v[i], &res[i]);
		slot[i].def_id = v[i].def_id;
		slot[i].unit_id = v[i].unit_id > 0 ? v[i].unit_id : 0;
		slot[i].i = i;
		v[i].id = 0;
	}
	buf_addch(&b, ']');
	qsort(slot, n, sizeof(*slot), vslot_cmp);
	if ((q = q_open(st, STMT_IND_VAL_BATCH)) == NULL) {
		rc = q_err(st);
		goto out;
	}
	q_text(q, 1, b.ptr);
	while ((s = q_step(q)) == 1) {
		key.def_id = q_colint(q, 1);
		key.unit_id = q_colint(q, 2);
		if ((hit = bsearch(&key, slot, n, sizeof(*slot),
		    vslot_cmp)) != NULL && v[hit->i].id == 0) {
			v[hit->i].id = q_colint(q, 0);
			got++;
		}
	}
	if (s < 0)
		rc = q_err(st);
	q_reset(q);
	if (rc == FZ_OK && got != n)
		rc = store_fail(st, FZ_EDB, "stored %zu of %zu values", got,
		    n);
out:
	free(slot);
	buf_release(&b);
	return rc;
}

/* A value and the records behind it (counted, failing, excluded). */
enum fz_err
store_ind_value_add(struct store *st, struct ind_value *v,
    const struct ind_result *res)
{
	return store_ind_values_add(st, v, res, 1);
}

static void
value_row(struct dbq *q, struct ind_value *v)
{
	memset(v, 0, sizeof(*v));
	v->id = q_colint(q, 0);
	v->run_id = q_colint(q, 1);
	v->def_id = q_colint(q, 2);
	q_colcpy(q, 3, v->def_key, sizeof(v->def_key));
	v->def_version = (int)q_colint(q, 4);
	v->unit_id = q_colint(q, 5);
	q_colcpy(q, 6, v->unit_name, sizeof(v->unit_name));
	v->numerator = q_colint(q, 7);
	v->denominator = q_colnull(q, 8) ? -1 : q_colint(q, 8);
	v->has_value = !q_colnull(q, 9);
	v->value = q_colreal(q, 9);
	v->met = q_colnull(q, 10) ? -1 : (int)q_colint(q, 10);
	q_colcpy(q, 11, v->inputs_sha256, sizeof(v->inputs_sha256));
	q_colcpy(q, 12, v->as_of, sizeof(v->as_of));
	q_colcpy(q, 13, v->computed_at, sizeof(v->computed_at));
}

enum fz_err
store_ind_value_get(struct store *st, int64_t id, struct ind_value *v)
{
	struct dbq	*q;
	enum fz_err	 rc = FZ_OK;

	memset(v, 0, sizeof(*v));
	if ((q = q_open(st, STMT_IND_VAL_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	switch (q_step(q)) {
	case 1:
		value_row(q, v);
		break;
	case 0:
		rc = FZ_ENOTFOUND;
		break;
	default:
		rc = q_err(st);
	}
	q_reset(q);
	return rc;
}

/* The values of the newest run that computed key, the county's first;
 * unit_id > 0: the county's and that unit's only. */
enum fz_err
store_ind_values_latest(struct store *st, const char *key, int64_t unit_id,
    struct ind_value **out, size_t *n)
{
	return store_ind_values_latest_in(st, key, unit_id, "", out, n);
}

/* The same among the runs over one scope ("": the whole store). */
enum fz_err
store_ind_values_latest_in(struct store *st, const char *key,
    int64_t unit_id, const char *scope, struct ind_value **out, size_t *n)
{
	struct dbq	*q;
	size_t		 cap = 0;
	int		 s;

	*out = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_IND_VAL_LATEST)) == NULL)
		return q_err(st);
	q_text(q, 1, key);
	q_int(q, 2, unit_id);
	q_text(q, 3, scope);
	while ((s = q_step(q)) == 1) {
		VEC_GROW(*out, *n, cap);
		value_row(q, &(*out)[(*n)++]);
	}
	q_reset(q);
	return s < 0 ? q_err(st) : FZ_OK;
}

enum fz_err
store_ind_values_scope(struct store *st, const char *scope,
    struct ind_value **out, size_t *n)
{
	struct dbq	*q;
	size_t		 cap = 0;
	int		 s;

	*out = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_IND_VAL_SCOPE)) == NULL)
		return q_err(st);
	q_text(q, 1, scope);
	while ((s = q_step(q)) == 1) {
		VEC_GROW(*out, *n, cap);
		value_row(q, &(*out)[(*n)++]);
	}
	q_reset(q);
	return s < 0 ? q_err(st) : FZ_OK;
}

/* A list of 0019 back to ids, each given to cb with its role. */
static int
ids_each(const char *s, const char *role,
    int (*cb)(int64_t record_id, const char *role, void *), void *arg)
{
	int64_t	 id = 0;
	char	*end;

	while (s != NULL && *s != '\0') {
		long long d = strtoll(s, &end, 10);

		if (end == s)
			break;		/* not written by fazhi: stop */
		id += d;
		if (cb(id, role, arg))
			return 1;
		s = *end == ',' ? end + 1 : end;
	}
	return 0;
}

/* The records behind a value, by role (counted, excluded, failing) and
 * ascending id. */
enum fz_err
store_ind_value_records(struct store *st, int64_t value_id,
    int (*cb)(int64_t record_id, const char *role, void *), void *arg)
{
	struct dbq	*q;
	char		*c = NULL, *f = NULL, *e = NULL;
	int		 s;

	if ((q = q_open(st, STMT_IND_VAL_RECORDS)) == NULL)
		return q_err(st);
	q_int(q, 1, value_id);
	if ((s = q_step(q)) == 1) {
		c = q_coldup(q, 0);
		f = q_coldup(q, 1);
		e = q_coldup(q, 2);
	}
	q_reset(q);
	if (s >= 0 && !ids_each(c, "counted", cb, arg) &&
	    !ids_each(e, "excluded", cb, arg))
		ids_each(f, "failing", cb, arg);
	free(c);
	free(f);
	free(e);
	return s < 0 ? q_err(st) : FZ_OK;
}

enum fz_err
store_ind_link_auto(struct store *st, int64_t plan_id, const char *actor)
{
	struct dbq	*q;
	char		 now[21];

	store_now(now);
	if ((q = q_open(st, STMT_IND_LINK_AUTO)) == NULL)
		return q_err(st);
	q_int(q, 1, plan_id);
	q_text(q, 2, actor);
	q_text(q, 3, now);
	return q_run(q);
}

enum fz_err
store_ind_link_put(struct store *st, int64_t task_id, const char *name,
    const char *def_key, const char *actor)
{
	struct dbq	*q;
	char		 now[21];

	store_now(now);
	if ((q = q_open(st, STMT_IND_LINK_PUT)) == NULL)
		return q_err(st);
	q_int(q, 1, task_id);
	q_text(q, 2, name);
	q_text(q, 3, def_key);
	q_text(q, 4, actor);
	q_text(q, 5, now);
	return q_run(q);
}

void
ind_link_rows_free(struct ind_link_row *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].phrase);
		free(v[i].name);
	}
	free(v);
}

enum fz_err
store_ind_links(struct store *st, int64_t plan_id, struct ind_link_row **out,
    size_t *n)
{
	struct dbq	*q;
	size_t		 cap = 0;
	int		 s;

	*out = NULL;
	*n = 0;
	if ((q = q_open(st, STMT_IND_LINK_LIST)) == NULL)
		return q_err(st);
	q_int(q, 1, plan_id);
	while ((s = q_step(q)) == 1) {
		struct ind_link_row *r;

		VEC_GROW(*out, *n, cap);
		r = &(*out)[(*n)++];
		memset(r, 0, sizeof(*r));
		r->task_id = q_colint(q, 0);
		r->task_number = (int)q_colint(q, 1);
		r->ord = (int)q_colint(q, 2);
		r->phrase = q_coldup(q, 3);
		r->name = q_coldup(q, 4);
		q_colcpy(q, 5, r->kind, sizeof(r->kind));
		q_colcpy(q, 6, r->comparator, sizeof(r->comparator));
		r->has_target = !q_colnull(q, 7);
		r->target = q_colreal(q, 7);
		q_colcpy(q, 8, r->unit, sizeof(r->unit));
		q_colcpy(q, 9, r->def_key, sizeof(r->def_key));
		q_colcpy(q, 10, r->source, sizeof(r->source));
	}
	q_reset(q);
	return s < 0 ? q_err(st) : FZ_OK;
}
