/*
 * store-int.h: what the store's backends share and nothing outside
 * src/store/ may use: the backend table, the common head of every store
 * handle, and the embedded migrations.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_STORE_INT_H
#define FAZHI_STORE_INT_H

#include "fazhi/store.h"
#include "fazhi/buf.h"

struct migration {
	int		 number;
	const char	*name;
	const char	*sql;
};

extern const struct migration migrations_sqlite[];

struct store_ops {
	const char	*name;
	enum fz_err	(*open)(const char *dsn, int create, struct store **);
	void		(*close)(struct store *);
	enum fz_err	(*exec_script)(struct store *, const char *sql);
	enum fz_err	(*schema_version)(struct store *, int *);
	enum fz_err	(*set_schema_version)(struct store *, int, const char *);
	enum fz_err	(*begin)(struct store *);
	enum fz_err	(*commit)(struct store *);
	enum fz_err	(*rollback)(struct store *);
	enum fz_err	(*division_put)(struct store *, const struct division *);
	enum fz_err	(*division_count)(struct store *, int *);
	enum fz_err	(*unit_put)(struct store *, const struct unit *,
			    int64_t *);
	enum fz_err	(*unit_iter)(struct store *, store_unit_cb, void *);
	enum fz_err	(*plan_find)(struct store *, const char *, const char *,
			    int64_t *);
	enum fz_err	(*plan_iter)(struct store *, store_plan_cb, void *);
	enum fz_err	(*plan_get)(struct store *, int64_t, struct plan *);
	enum fz_err	(*plan_put)(struct store *, struct plan *);
	enum fz_err	(*audit)(struct store *, const char *, const char *,
			    const char *, const char *);
};

/* The head of every backend's handle. */
struct store {
	const struct store_ops		*ops;
	const struct migration		*migrations;
	struct buf			 err;
};

extern const struct store_ops store_sqlite_ops;

void	 store_seterr(struct store *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ" into out[21]. */
void	 store_now(char out[21]);

#endif
