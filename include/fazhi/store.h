/*
 * store.h: the store, an interface of domain operations (never SQL) with
 * one implementation per engine behind a table of function pointers.
 * SQLite is always built; the PostgreSQL backend plugs into the same table.
 * Every function returns an enum fz_err; store_errmsg() has the detail.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_STORE_H
#define FAZHI_STORE_H

#include <stdint.h>

#include "fazhi/err.h"
#include "fazhi/model.h"
#include "fazhi/work.h"
#include "fazhi/registry.h"
#include "fazhi/indicator.h"
#include "fazhi/supervise.h"
#include "fazhi/assess.h"

struct store;

/* A plan as listed, without its tasks. */
struct plan_summary {
	int64_t		 id;
	const char	*doc_no;
	const char	*title;
	int		 year;
	int		 revision;
	int		 ntasks;
	const char	*updated_at;
};

typedef int	(*store_unit_cb)(const struct unit *, void *);
typedef int	(*store_plan_cb)(const struct plan_summary *, void *);

/*
 * Open a store. dsn is "sqlite:PATH" or a plain PATH. With create, a missing
 * database is created; without, it is FZ_ENOTFOUND. The store is not
 * migrated: call store_migrate() (fazhi init) first.
 */
enum fz_err	 store_open(const char *dsn, int create, struct store **);
void		 store_close(struct store *);
/* Does the DSN name a PostgreSQL database (postgres://, postgresql://)? */
int		 store_dsn_is_pg(const char *);
const char	*store_errmsg(const struct store *);
const char	*store_backend(const struct store *);

/* Schema: the version in the store, the newest this program knows. */
enum fz_err	 store_schema_version(struct store *, int *);
int		 store_schema_latest(const struct store *);
/* Migrations this program has that the store has not applied, by number
 * (a lower number merged after a higher one is pending too). */
enum fz_err	 store_schema_pending(struct store *, int *n);
/* Apply pending migrations in one transaction; FZ_EVERSION if ahead. */
enum fz_err	 store_migrate(struct store *, int *from, int *to);

enum fz_err	 store_begin(struct store *);
enum fz_err	 store_commit(struct store *);
enum fz_err	 store_rollback(struct store *);

/* Divisions: insert or replace by code. */
enum fz_err	 store_division_put(struct store *, const struct division *);

/*
 * Units: insert or update by code, replacing its short forms and aliases;
 * *id receives the unit's id. FZ_ECONFLICT when a name belongs to another
 * unit.
 */
enum fz_err	 store_unit_put(struct store *, const struct unit *,
		    int64_t *id);
/* Every unit, ordered as imported. */
enum fz_err	 store_unit_iter(struct store *, store_unit_cb, void *);

/* Plans. */
/* By 文号; a plan without one is found by its title. */
enum fz_err	 store_plan_find(struct store *, const char *doc_no,
		    const char *title, int64_t *id);
enum fz_err	 store_plan_iter(struct store *, store_plan_cb, void *);
/* Load a whole plan; the caller releases it with plan_release(). */
enum fz_err	 store_plan_get(struct store *, int64_t id, struct plan *);
/*
 * Write a whole plan. With p->id == 0 it is inserted and p->id and every
 * section and task id are set. With p->id set, the stored plan is updated to
 * equal p: tasks with an id keep it and are updated, tasks without one are
 * inserted, stored tasks not in p are deleted. The source text is kept as a
 * new revision. Call inside a transaction.
 */
enum fz_err	 store_plan_put(struct store *, struct plan *);

/*
 * Accounts: insert (a->id == 0; the id is set) or update by id, roles
 * replaced; FZ_ECONFLICT for a login already taken. Get by login with the
 * roles and their units; FZ_ENOTFOUND if none.
 */
typedef int	(*store_account_cb)(const struct account *, void *);
enum fz_err	 store_account_put(struct store *, struct account *);
enum fz_err	 store_account_get(struct store *, const char *login,
		    struct account *);	/* login NULL: by a->id */
enum fz_err	 store_account_iter(struct store *, store_account_cb, void *);

/* Reporting periods: insert (id set; FZ_ECONFLICT for a name taken in the
 * plan), lock or unlock (FZ_ENOTFOUND if none), list a plan's by start. */
typedef int	(*store_period_cb)(const struct period *, void *);
enum fz_err	 store_period_put(struct store *, struct period *);
enum fz_err	 store_period_lock(struct store *, int64_t id, int locked);
enum fz_err	 store_period_iter(struct store *, int64_t plan_id,
		    store_period_cb, void *);

/*
 * The official calendar. Put replaces every stored day of a year with
 * v[0..n) (dates in that year) and records the year as loaded from source;
 * call it inside a transaction (FZ_EINVAL otherwise). Days iterates a
 * year's days by date; range the days in [from, to] (YYYY-MM-DD) by date;
 * years the loaded years in order.
 */
typedef int	(*store_cal_day_cb)(const struct cal_day *, void *);
typedef int	(*store_cal_year_cb)(const struct cal_year *, void *);
enum fz_err	 store_calendar_put(struct store *, int year,
		    const struct cal_day *, size_t n, const char *source);
enum fz_err	 store_calendar_days(struct store *, int year,
		    store_cal_day_cb, void *);
enum fz_err	 store_calendar_range(struct store *, const char *from,
		    const char *to, store_cal_day_cb, void *);
enum fz_err	 store_calendar_years(struct store *, store_cal_year_cb,
		    void *);

/* Failed sign-ins: record one, count those since a time, clear a login's. */
enum fz_err	 store_login_failure(struct store *, const char *login,
		    const char *at);
enum fz_err	 store_login_failures(struct store *, const char *login,
		    const char *since, int *n);
enum fz_err	 store_login_failures_clear(struct store *, const char *);

/* Sessions, by the SHA-256 of their token; a disabled account has none. */
enum fz_err	 store_session_put(struct store *, const struct session *);
enum fz_err	 store_session_get(struct store *, const char *id,
		    struct session *);
enum fz_err	 store_session_touch(struct store *, const char *id,
		    const char *seen, const char *expires);
enum fz_err	 store_session_delete(struct store *, const char *id);
/* Every session of an account (logout everywhere); *n gets the count. */
enum fz_err	 store_session_delete_account(struct store *, int64_t,
		    int *n);

/*
 * The reporting workflow (store_work.c). Lists return arrays the caller
 * frees (reports, events, extensions and notices with their _release()).
 * Single reads are FZ_ENOTFOUND when there is no such record.
 */
enum fz_err	 store_task_plan(struct store *, int64_t task_id,
		    int64_t *plan_id);
/* Assignments from a plan's resolved units; designated ones are kept. */
enum fz_err	 store_assignment_sync(struct store *, int64_t plan_id);
enum fz_err	 store_assignment_add(struct store *, struct assignment *);
enum fz_err	 store_assignment_get(struct store *, int64_t,
		    struct assignment *);
enum fz_err	 store_assignment_find(struct store *, int64_t task_id,
		    int64_t unit_id, struct assignment *);
enum fz_err	 store_assignment_list(struct store *, int64_t plan_id,
		    int64_t task_id, int64_t unit_id, struct assignment **,
		    size_t *);
enum fz_err	 store_assignment_update(struct store *,
		    const struct assignment *);
/* Every assignment of a plan with its report and deadline in a period. */
enum fz_err	 store_status_rows(struct store *, int64_t plan_id,
		    int64_t period_id, struct status_row **, size_t *);

/* Reports: insert (r->id == 0) or update state and content by id. */
enum fz_err	 store_report_put(struct store *, struct report *);
enum fz_err	 store_report_get(struct store *, int64_t, struct report *);
enum fz_err	 store_report_find(struct store *, int64_t period_id,
		    int64_t task_id, int64_t unit_id, struct report *);
enum fz_err	 store_report_list(struct store *,
		    const struct report_filter *, struct report **, size_t *,
		    int64_t *total);
enum fz_err	 store_report_event_add(struct store *,
		    struct report_event *);
enum fz_err	 store_report_events(struct store *, int64_t report_id,
		    struct report_event **, size_t *);
enum fz_err	 store_report_cites_set(struct store *, int64_t report_id,
		    const int64_t *, size_t);
enum fz_err	 store_report_cites(struct store *, int64_t report_id,
		    int64_t **, size_t *);
/* A report's values of manual indicators: replaced as a whole, listed. */
struct report_ind;
enum fz_err	 store_report_inds_set(struct store *, int64_t report_id,
		    const struct report_ind *, size_t);
enum fz_err	 store_report_inds(struct store *, int64_t report_id,
		    struct report_ind **, size_t *);
/*
 * The value of a task's manual indicator from the newest accepted report
 * that gives it (a lead unit's consolidated report first, then the latest
 * period): *report_id 0 when none.
 */
enum fz_err	 store_report_ind_latest(struct store *, int64_t task_id,
		    const char *name, struct report_ind *, int64_t *report_id,
		    char unit_name[160], char period_name[64]);

/* Files once per SHA-256 (base64 text); evidence rows point at them. */
enum fz_err	 store_blob_put(struct store *, const char *sha256,
		    int64_t size, const char *b64);
enum fz_err	 store_blob_get(struct store *, const char *sha256,
		    char **b64);
enum fz_err	 store_evidence_add(struct store *, struct evidence *);
enum fz_err	 store_evidence_get(struct store *, int64_t,
		    struct evidence *);
enum fz_err	 store_evidence_delete(struct store *, int64_t);
enum fz_err	 store_evidence_list(struct store *, int64_t report_id,
		    struct evidence **, size_t *);
enum fz_err	 store_evidence_reuse(struct store *, const char *sha256,
		    int64_t except_report, struct evidence_reuse **,
		    size_t *);

/* Extensions; decide only a pending one (FZ_ENOTFOUND otherwise). */
enum fz_err	 store_extension_add(struct store *, struct extension *);
enum fz_err	 store_extension_decide(struct store *, int64_t,
		    const char *state, const char *by, const char *comment);
enum fz_err	 store_extension_get(struct store *, int64_t,
		    struct extension *);
enum fz_err	 store_extension_list(struct store *, int64_t plan_id,
		    int64_t task_id, int64_t unit_id, const char *state,
		    struct extension **, size_t *);
/* A unit's current deadline of a task in a period, and the grace days. */
enum fz_err	 store_deadline(struct store *, int64_t period_id,
		    int64_t task_id, int64_t unit_id, char due[11], int *grace);
enum fz_err	 store_period_get(struct store *, int64_t, struct period *);
/* Move a period's due date, keeping the change in its history. */
enum fz_err	 store_period_set_due(struct store *, int64_t,
		    const char *old_due, const char *new_due,
		    const char *reason, const char *actor);
/* Record 未报 once; *added tells whether it was new. */
enum fz_err	 store_missed_put(struct store *, int64_t period_id,
		    int64_t task_id, int64_t unit_id, const char *deadline,
		    int *added);

enum fz_err	 store_notice_add(struct store *, struct notice *);
enum fz_err	 store_notice_list(struct store *,
		    const struct notice_filter *, struct notice **, size_t *);
enum fz_err	 store_notice_get(struct store *, int64_t, struct notice *);
enum fz_err	 store_notice_read(struct store *, int64_t, const char *by);

enum fz_err	 store_setting_get(struct store *, const char *key,
		    char **value);
enum fz_err	 store_setting_put(struct store *, const char *key,
		    const char *value, const char *by);

/*
 * Registries (store_registry.c): the records of any registry, by its
 * descriptor. Put inserts (r->id 0; id and revision set) or updates one
 * whose stored revision is still r->revision (FZ_ECONFLICT otherwise, and
 * for an owner and key already taken). Call inside a transaction with
 * the history entry (store_reg_history_add).
 */
typedef int	(*store_reg_cb)(const struct reg_record *, void *);
typedef int	(*store_reg_hist_cb)(int revision, const char *action,
		    const char *actor, const char *at, const char *before,
		    const char *after, void *);
enum fz_err	 store_reg_put(struct store *, const struct reg_desc *,
		    struct reg_record *, const char *actor);
enum fz_err	 store_reg_get(struct store *, const struct reg_desc *,
		    int64_t id, struct reg_record *);
/* The record of an owner unit with a key (文号); FZ_ENOTFOUND if none. */
enum fz_err	 store_reg_find(struct store *, const struct reg_desc *,
		    int64_t unit_id, const char *key, int64_t *id);
/* Records by the filter, ordered by the date field; total: all matching
 * (before limit and offset), or NULL. */
enum fz_err	 store_reg_list(struct store *, const struct reg_desc *,
		    const struct reg_filter *, store_reg_cb, void *,
		    int64_t *total);
enum fz_err	 store_reg_history_add(struct store *, const char *registry,
		    int64_t id, int revision, const char *action,
		    const char *actor, const char *before, const char *after);
enum fz_err	 store_reg_history(struct store *, const char *registry,
		    int64_t id, store_reg_hist_cb, void *);
enum fz_err	 store_reg_evidence_add(struct store *, struct reg_evidence *);
enum fz_err	 store_reg_evidence_get(struct store *, int64_t,
		    struct reg_evidence *);
enum fz_err	 store_reg_evidence_list(struct store *, const char *registry,
		    int64_t id, struct reg_evidence **, size_t *);

/* Indicators: a definition's new version (version set), one version or
 * the newest (0), the newest of each or every version of one key. */
typedef int	(*store_ind_def_cb)(const struct ind_def *, void *);
enum fz_err	 store_ind_def_add(struct store *, struct ind_def *);
enum fz_err	 store_ind_def_get(struct store *, const char *key,
		    int version, struct ind_def *);
enum fz_err	 store_ind_def_list(struct store *, const char *key,
		    store_ind_def_cb, void *);
enum fz_err	 store_ind_run_add(struct store *, struct ind_run *);
/* A value and the records behind it (counted, failing, excluded); many
 * in one statement (res[i] behind v[i]; definition and unit unique). */
enum fz_err	 store_ind_value_add(struct store *, struct ind_value *,
		    const struct ind_result *);
enum fz_err	 store_ind_values_add(struct store *, struct ind_value *,
		    const struct ind_result *, size_t);
enum fz_err	 store_ind_value_get(struct store *, int64_t,
		    struct ind_value *);
/* The newest run's values of a key, the county's first (unit_id > 0:
 * the county's and that unit's). */
enum fz_err	 store_ind_values_latest(struct store *, const char *key,
		    int64_t unit_id, struct ind_value **, size_t *);
/* The same among the runs over one scope (a division code; "": the
 * whole store). */
enum fz_err	 store_ind_values_latest_in(struct store *, const char *key,
		    int64_t unit_id, const char *scope, struct ind_value **,
		    size_t *);
/* Every key's newest values over one scope, by key, the county first:
 * one query for a division's dashboard. */
enum fz_err	 store_ind_values_scope(struct store *, const char *scope,
		    struct ind_value **, size_t *);
enum fz_err	 store_ind_value_records(struct store *, int64_t value_id,
		    int (*)(int64_t record_id, const char *role, void *),
		    void *);
/* Plan indicators: link those named as a definition (kept if linked);
 * link one by hand (def_key NULL: manual); list with their links. */
enum fz_err	 store_ind_link_auto(struct store *, int64_t plan_id,
		    const char *actor);
enum fz_err	 store_ind_link_put(struct store *, int64_t task_id,
		    const char *name, const char *def_key, const char *actor);
enum fz_err	 store_ind_links(struct store *, int64_t plan_id,
		    struct ind_link_row **, size_t *);

/* A whole store, table by table: rows and SHA-256 of canonical rows. */
#define STORE_COPY_MAX	96	/* tables; store_copy.c checks at build time */
struct copy_report {
	struct {
		const char	*table;
		int64_t		 rows;
		char		 sha256[65];
	}		 t[STORE_COPY_MAX];
	size_t		 n;
};

typedef void	(*store_progress_cb)(uint64_t done, uint64_t total, void *);

/*
 * Copy every row of one store into another, empty, migrated store of any
 * engine, in one transaction on each side, keeping ids; verify row counts
 * and content digests of every table before committing.
 */
enum fz_err	 store_copy(struct store *from, struct store *to,
		    struct copy_report *, store_progress_cb, void *);
enum fz_err	 store_digest(struct store *, struct copy_report *);
/* The tables store_copy() moves, for checks against the schema. */
int		 store_copy_ntables(void);
const char	*store_copy_table(int);

/*
 * Append to the audit log. Each entry carries the hash of the entry
 * before it and its own (SHA-256), so an edit or a deletion breaks the
 * chain; entries are appended one writer at a time.
 */
enum fz_err	 store_audit(struct store *, const char *actor,
		    const char *action, const char *object,
		    const char *detail);

struct audit_check {
	int64_t		 entries;
	int64_t		 unchained;	/* written before the chain began */
	int64_t		 bad_id;	/* first entry that breaks, or 0 */
	char		 why[160];
	char		 head[65];	/* the newest hash: record it elsewhere */
};

/*
 * The version of the data: the newest audit entry's id. Every change is
 * audited, so a cached view made at version v is current while this is v.
 */
enum fz_err	 store_data_version(struct store *, int64_t *);

struct audit_entry {
	int64_t		 id;
	char		 at[21];
	char		*actor, *action, *object, *detail;
};
void		 audit_entry_release(struct audit_entry *);
/* A page of the log, newest first: by actor (exact) and words (in the
 * object, action or detail); NULL or "" for any. */
enum fz_err	 store_audit_page(struct store *, const char *actor,
		    const char *words, int limit, int offset,
		    struct audit_entry **, size_t *, int64_t *total);

/* Walk the whole chain; c->bad_id is 0 when it holds. */
enum fz_err	 store_audit_verify(struct store *, struct audit_check *);

/*
 * 督察 → 整改 → 销号 (store_supervise.c): findings, their tasks, each
 * unit's rectification, evidence (struct evidence, report_id holding the
 * rectification's id), history, earlier findings sharing a task or a unit
 * (found in [since, until]), escalation steps (added is 0 when the step
 * was taken before), overdue items and the counts of the 通报.
 */
enum fz_err	 store_sup_unit_find(struct store *, const char *key,
		    int64_t *id);
enum fz_err	 store_sup_task_find(struct store *, int64_t plan_id,
		    int number, int64_t *id);
enum fz_err	 store_finding_add(struct store *, struct finding *);
enum fz_err	 store_finding_get(struct store *, int64_t, struct finding *);
enum fz_err	 store_finding_set(struct store *, int64_t, const char *state,
		    int64_t repeat_of);
/* A registered finding edited: its source, texts and deadline. */
enum fz_err	 store_finding_update(struct store *, const struct finding *);
enum fz_err	 store_finding_list(struct store *,
		    const struct finding_filter *, struct finding **, size_t *);
/* Unlink every task of a finding (before linking the edited set). */
enum fz_err	 store_finding_task_clear(struct store *, int64_t finding_id);
/* Remove a unit's share still pending; FZ_ENOTFOUND otherwise. */
enum fz_err	 store_rect_delete(struct store *, int64_t rect_id);
enum fz_err	 store_finding_task_add(struct store *, int64_t finding_id,
		    int64_t task_id);
enum fz_err	 store_finding_tasks(struct store *, int64_t finding_id,
		    struct finding_task **, size_t *);
enum fz_err	 store_finding_similar(struct store *, int64_t finding_id,
		    const char *since, const char *until,
		    struct finding_similar **, size_t *);
enum fz_err	 store_rect_add(struct store *, struct rectification *);
enum fz_err	 store_rect_list(struct store *, int64_t finding_id,
		    struct rectification **, size_t *);
enum fz_err	 store_rect_update(struct store *,
		    const struct rectification *);
enum fz_err	 store_rect_owner(struct store *, int64_t rect_id,
		    int64_t *finding_id, int64_t *unit_id);
enum fz_err	 store_finding_event_add(struct store *,
		    struct finding_event *);
enum fz_err	 store_finding_events(struct store *, int64_t finding_id,
		    struct finding_event **, size_t *);
enum fz_err	 store_finding_evidence_add(struct store *, struct evidence *);
enum fz_err	 store_finding_evidence_get(struct store *, int64_t,
		    struct evidence *);
enum fz_err	 store_finding_evidence_list(struct store *, int64_t rect_id,
		    struct evidence **, size_t *);
enum fz_err	 store_escalation_add(struct store *, struct escalation *,
		    int *added);
enum fz_err	 store_escalation_list(struct store *, int64_t unit_id,
		    const char *item, struct escalation **, size_t *);
enum fz_err	 store_escalation_confirm(struct store *, int64_t,
		    const char *by);
enum fz_err	 store_overdue_items(struct store *, const char *today,
		    struct overdue_item **, size_t *);
enum fz_err	 store_bulletin_rows(struct store *, int64_t plan_id,
		    const char *as_of, struct bulletin_row **, size_t *);

/*
 * Publication on the public portal (store_publish.c). The portal's switch
 * (off when never set); a plan's settings (FZ_ENOTFOUND when never set:
 * not published, nothing public); an evidence file's public flag (0 when
 * never set; FZ_ENOTFOUND for no such file). Callers audit the change.
 */
struct pub_plan {
	int64_t		 plan_id;
	int		 published;
	char		 fields[256];	/* "task_text,status" */
	char		 set_by[65];
	char		 set_at[21];
};
enum fz_err	 store_pub_site_get(struct store *, int *enabled);
enum fz_err	 store_pub_site_set(struct store *, int enabled,
		    const char *actor);
enum fz_err	 store_pub_plan_get(struct store *, int64_t plan_id,
		    struct pub_plan *);
enum fz_err	 store_pub_plan_put(struct store *, struct pub_plan *);
enum fz_err	 store_pub_evidence_get(struct store *, int64_t evidence_id,
		    int *is_public);
enum fz_err	 store_pub_evidence_set(struct store *, int64_t evidence_id,
		    int is_public, const char *actor);

/*
 * The annual report (store_annual.c): one row per plan, year and unit
 * (unit_id 0: the county), its versions (content JSON) and its events.
 * store_annual_put inserts (id 0; id set) or updates state, version and
 * the published fields.
 */
struct annual_report {
	int64_t		 id;
	int64_t		 plan_id;
	int		 year;
	int64_t		 unit_id;	/* 0: the county */
	char		 unit_code[64];	/* read only */
	char		 unit_name[160];/* read only */
	char		 state[16];	/* draft review approved published */
	int		 version;
	int		 published_version;
	char		 content_sha256[65];
	char		 docx_sha256[65];
	int64_t		 docx_size;
	char		 published_at[21];
	char		 created_at[21];
	char		 updated_at[21];
};

struct annual_event {
	int64_t		 id;
	int64_t		 report_id;
	char		 at[21];
	char		 actor[65];
	char		 action[16];
	char		 from_state[16];
	char		 to_state[16];
	int		 version;
	char		 reason[512];
};

enum fz_err	 store_annual_put(struct store *, struct annual_report *);
enum fz_err	 store_annual_get(struct store *, int64_t,
		    struct annual_report *);
enum fz_err	 store_annual_find(struct store *, int64_t plan_id, int year,
		    int64_t unit_id, struct annual_report *);
/* plan_id 0 or year 0: any. The array is the caller's to free(). */
enum fz_err	 store_annual_list(struct store *, int64_t plan_id, int year,
		    struct annual_report **, size_t *);
enum fz_err	 store_annual_version_put(struct store *, int64_t report_id,
		    int version, const char *content, int flags,
		    const char *actor);
/* *content is the caller's to free(). */
enum fz_err	 store_annual_version_get(struct store *, int64_t report_id,
		    int version, char **content, int *flags);
enum fz_err	 store_annual_event_add(struct store *, struct annual_event *);
enum fz_err	 store_annual_events(struct store *, int64_t report_id,
		    struct annual_event **, size_t *);

/*
 * The assessment (考核): a year's rubric (version 0: the newest; year
 * taken as given, no fallback), adding a version (r->version and r->id
 * set), manual scores (a year's, oldest first), the per unit counts as of
 * a date, runs with their scores (id 0: the newest run).
 */
enum fz_err	 store_assess_rubric_get(struct store *, int year, int version,
		    struct assess_rubric *);
enum fz_err	 store_assess_rubric_add(struct store *, struct assess_rubric *);
enum fz_err	 store_assess_manual_add(struct store *, struct assess_manual *);
enum fz_err	 store_assess_manual_list(struct store *, int year,
		    struct assess_manual **, size_t *);
/* One manual score by its id; FZ_ENOTFOUND without it. */
enum fz_err	 store_assess_manual_get(struct store *, int64_t id,
		    struct assess_manual *);
enum fz_err	 store_assess_counts(struct store *, const char *as_of,
		    struct assess_counts **, size_t *);
enum fz_err	 store_assess_run_add(struct store *, struct assess_run *,
		    const struct assess_score *, size_t);
enum fz_err	 store_assess_run_get(struct store *, int64_t id,
		    struct assess_run *);

#endif
