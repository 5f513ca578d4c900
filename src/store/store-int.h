/*
 * store-int.h: what the store's files share and nothing outside src/store/
 * may use. The domain operations (store_unit.c, store_plan.c) are written
 * once against a small driver interface (prepared statement, bind, step,
 * column); each engine supplies a driver and its own SQL for every
 * statement of enum stmt, so the two backends differ only in SQL text.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_STORE_INT_H
#define FAZHI_STORE_INT_H

#include <stdint.h>

#include "fazhi/store.h"
#include "fazhi/buf.h"

struct migration {
	int		 number;
	const char	*name;
	const char	*sql;
};

extern const struct migration migrations_sqlite[];
extern const struct migration migrations_pg[];

/* Every statement the program can run; each dialect has SQL for each. */
enum stmt {
	STMT_HAS_VERSION_TABLE,
	STMT_VERSION_GET,
	STMT_VERSION_SET,
	STMT_VERSION_HAS,
	STMT_DIV_PUT,
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
	STMT_LOGIN_FAIL_INS,
	STMT_LOGIN_FAIL_COUNT,
	STMT_LOGIN_FAIL_CLEAR,
	STMT_PERIOD_INSERT,
	STMT_PERIOD_LOCK,
	STMT_PERIOD_LIST,
	STMT_CAL_DAY_DEL,
	STMT_CAL_DAY_INS,
	STMT_CAL_YEAR_PUT,
	STMT_CAL_DAY_YEAR,
	STMT_CAL_DAY_RANGE,
	STMT_CAL_YEARS,
	STMT_AUDIT_INS,
	STMT_AUDIT_LOCK,
	STMT_AUDIT_HEAD,
	STMT_AUDIT_ALL,
	STMT_ACCOUNT_INSERT,
	STMT_ACCOUNT_UPDATE,
	STMT_ACCOUNT_BY_LOGIN,
	STMT_ACCOUNT_BY_ID,
	STMT_ACCOUNT_LIST,
	STMT_ROLE_DEL,
	STMT_ROLE_INS,
	STMT_ROLE_LIST,
	STMT_SESSION_INSERT,
	STMT_SESSION_GET,
	STMT_SESSION_TOUCH,
	STMT_SESSION_DELETE,
	STMT_SESSION_DELETE_ACCOUNT,
	STMT_TASK_PLAN,
	STMT_DATA_VERSION,
	STMT_AUDIT_PAGE,
	STMT_AUDIT_COUNT,
	STMT_ASG_SYNC,
	STMT_ASG_INSERT,
	STMT_ASG_GET,
	STMT_ASG_FIND,
	STMT_ASG_LIST,
	STMT_ASG_UPDATE,
	STMT_STATUS_ROWS,
	STMT_REP_INSERT,
	STMT_REP_UPDATE,
	STMT_REP_GET,
	STMT_REP_FIND,
	STMT_REP_LIST,
	STMT_REP_COUNT,
	STMT_REP_EVENT_INS,
	STMT_REP_EVENT_LIST,
	STMT_CITE_DEL,
	STMT_CITE_INS,
	STMT_CITE_LIST,
	STMT_RIND_DEL,
	STMT_RIND_INS,
	STMT_RIND_LIST,
	STMT_RIND_LATEST,
	STMT_BLOB_PUT,
	STMT_BLOB_GET,
	STMT_EVID_INSERT,
	STMT_EVID_GET,
	STMT_EVID_DELETE,
	STMT_EVID_LIST,
	STMT_EVID_BY_SHA,
	STMT_EXT_INSERT,
	STMT_EXT_DECIDE,
	STMT_EXT_GET,
	STMT_EXT_LIST,
	STMT_DEADLINE,
	STMT_PERIOD_GET,
	STMT_PERIOD_SET_DUE,
	STMT_PERIOD_DUE_LOG,
	STMT_MISSED_PUT,
	STMT_NOTICE_INSERT,
	STMT_NOTICE_LIST,
	STMT_NOTICE_GET,
	STMT_NOTICE_READ,
	STMT_SETTING_GET,
	STMT_SETTING_PUT,
	STMT_REG_HIST_INS,
	STMT_REG_HIST_LIST,
	STMT_REG_EVID_INSERT,
	STMT_REG_EVID_GET,
	STMT_REG_EVID_LIST,
	STMT_IND_DEF_INSERT,
	STMT_IND_DEF_GET,
	STMT_IND_DEF_LATEST,
	STMT_IND_DEF_LIST,
	STMT_IND_DEF_VERSIONS,
	STMT_IND_RUN_INSERT,
	STMT_IND_VAL_INSERT,
	STMT_IND_VAL_BATCH,
	STMT_IND_VAL_GET,
	STMT_IND_VAL_LATEST,
	STMT_IND_VAL_RECORDS,
	STMT_IND_VAL_SCOPE,
	STMT_IND_LINK_AUTO,
	STMT_IND_LINK_PUT,
	STMT_IND_LINK_LIST,
	STMT_SUP_UNIT_FIND,
	STMT_SUP_TASK_FIND,
	STMT_FINDING_INSERT,
	STMT_FINDING_GET,
	STMT_FINDING_SET,
	STMT_FINDING_UPDATE,
	STMT_FINDING_TASK_CLEAR,
	STMT_RECT_DELETE,
	STMT_FINDING_LIST,
	STMT_FINDING_TASK_INS,
	STMT_FINDING_TASK_LIST,
	STMT_FINDING_SIMILAR,
	STMT_RECT_INSERT,
	STMT_RECT_LIST,
	STMT_RECT_UPDATE,
	STMT_RECT_OWNER,
	STMT_FINDING_EVENT_INS,
	STMT_FINDING_EVENT_LIST,
	STMT_FINDING_EVID_INS,
	STMT_FINDING_EVID_GET,
	STMT_FINDING_EVID_LIST,
	STMT_ESC_INSERT,
	STMT_ESC_LIST,
	STMT_ESC_CONFIRM,
	STMT_OVERDUE_RECT,
	STMT_OVERDUE_MISSED,
	STMT_BULLETIN_ROWS,
	STMT_PUB_SITE_GET,
	STMT_PUB_SITE_SET,
	STMT_PUB_PLAN_GET,
	STMT_PUB_PLAN_PUT,
	STMT_PUB_EVID_GET,
	STMT_PUB_EVID_SET,
	STMT_ANN_INS,
	STMT_ANN_UPD,
	STMT_ANN_GET,
	STMT_ANN_FIND,
	STMT_ANN_LIST,
	STMT_ANN_VER_INS,
	STMT_ANN_VER_GET,
	STMT_ANN_EVENT_INS,
	STMT_ANN_EVENT_LIST,
	STMT_ASSESS_RUBRIC_GET,
	STMT_ASSESS_RUBRIC_MAX,
	STMT_ASSESS_RUBRIC_INS,
	STMT_ASSESS_MANUAL_INS,
	STMT_ASSESS_MANUAL_LIST,
	STMT_ASSESS_MANUAL_GET,
	STMT_ASSESS_COUNTS,
	STMT_ASSESS_RUN_INS,
	STMT_ASSESS_SCORE_INS,
	STMT_ASSESS_RUN_GET,
	STMT__MAX
};

extern const char *const sql_common[STMT__MAX];
extern const char *const sql_pg_only[STMT__MAX];

/* A prepared statement; each driver embeds this head first. */
struct dbq {
	struct store	*st;
};

struct store_driver {
	const char	*name;
	enum fz_err	(*open)(const char *dsn, int create, struct store **);
	void		(*close)(struct store *);
	/* Run a script of several statements (migrations). */
	enum fz_err	(*exec)(struct store *, const char *sql);
	enum fz_err	(*begin)(struct store *);
	enum fz_err	(*commit)(struct store *);
	enum fz_err	(*rollback)(struct store *);
	int		(*in_tx)(struct store *);
	/* The statement, prepared, reset and unbound; NULL on error. */
	struct dbq	*(*stmt)(struct store *, enum stmt);
	/* A statement of the program's own making (db copy), and its end. */
	struct dbq	*(*prepare)(struct store *, const char *sql);
	void		(*finalize)(struct dbq *);
	void		(*bind_text)(struct dbq *, int, const char *);
	void		(*bind_int)(struct dbq *, int, int64_t);
	void		(*bind_real)(struct dbq *, int, double);
	void		(*bind_null)(struct dbq *, int);
	/* 1: a row is ready, 0: done, -1: error (store_fail() was called) */
	int		(*step)(struct dbq *);
	const char	*(*col_text)(struct dbq *, int);	/* NULL if null */
	int64_t		(*col_int)(struct dbq *, int);
	double		(*col_real)(struct dbq *, int);
	int		(*col_null)(struct dbq *, int);
	void		(*reset)(struct dbq *);
};

/*
 * Statements built at run time from constant descriptions (a registry's
 * fields), prepared once per connection and kept: owner and kind name
 * one; gen is the connection's generation when it was prepared.
 */
#define STORE_ADHOC	32
struct store_adhoc {
	const void	*owner;
	int		 kind;
	unsigned	 gen;
	struct dbq	*q;
};

/* The head of every backend's handle. */
struct store {
	const struct store_driver	*drv;
	const struct migration		*migrations;
	struct buf			 err;
	enum fz_err			 last;	/* code of the last failure */
	unsigned			 gen;	/* bumped on a reconnect */
	struct store_adhoc		 adhoc[STORE_ADHOC];
};

extern const struct store_driver store_driver_sqlite;
extern const struct store_driver store_driver_pg;

void	 store_seterr(struct store *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Record a failure: its code and message; returns the code. */
enum fz_err	 store_fail(struct store *, enum fz_err, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ" into out[21]. */
void	 store_now(char out[21]);

/* Statement helpers over the driver: the only way domain code runs SQL. */
struct dbq	*q_open(struct store *, enum stmt);
void		 q_text(struct dbq *, int, const char *);
void		 q_int(struct dbq *, int, int64_t);
void		 q_real(struct dbq *, int, double);
void		 q_null(struct dbq *, int);
int		 q_step(struct dbq *);
const char	*q_col(struct dbq *, int);
char		*q_coldup(struct dbq *, int);
int64_t		 q_colint(struct dbq *, int);
double		 q_colreal(struct dbq *, int);
int		 q_colnull(struct dbq *, int);
void		 q_reset(struct dbq *);
/* Copy column i (NULL as "") into a fixed buffer, truncated at n - 1. */
void		 q_colcpy(struct dbq *, int, char *, size_t);
/* Bind a text, NULL when NULL or ""; an integer, NULL when 0. */
void		 q_opt(struct dbq *, int, const char *);
void		 q_optint(struct dbq *, int, int64_t);
/* Step to the end, ignoring rows. */
enum fz_err	 q_run(struct dbq *);
/* Step once for an integer in column 0; FZ_ENOTFOUND if no row. */
enum fz_err	 q_run_int(struct dbq *, int64_t *);
/* The code of the failure that made q_open return NULL or q_step -1. */
enum fz_err	 q_err(struct store *);
/* A statement of the program's own making, kept per (owner, kind): built
 * by build() into a buffer the first time (or after a reconnect). */
struct dbq	*q_adhoc(struct store *, const void *owner, int kind,
		    void (*build)(const void *owner, int kind, struct buf *));
/* Finalize every kept statement (store_close). */
void		 q_adhoc_release(struct store *);

/* Collect the rows of an open statement with a reader into a vector
 * (*v, *n); returns from the caller on a failure. */
#define COLLECT(q, st, T, v, n, read) do {				\
	size_t	 cap_ = 0;						\
	int	 r_;							\
	while ((r_ = q_step(q)) == 1) {					\
		VEC_GROW(*(v), *(n), cap_);				\
		memset(&(*(v))[*(n)], 0, sizeof(T));			\
		read(q, &(*(v))[(*(n))++]);				\
	}								\
	q_reset(q);							\
	if (r_ < 0)							\
		return q_err(st);					\
} while (0)

/* Step once into a record; returns FZ_ENOTFOUND from the caller without
 * a row. */
#define ONE(q, st, x, read) do {					\
	int	 r_ = q_step(q);					\
	if (r_ == 1)							\
		read(q, x);						\
	q_reset(q);							\
	if (r_ < 0)							\
		return q_err(st);					\
	if (r_ == 0)							\
		return FZ_ENOTFOUND;					\
} while (0)

#endif
