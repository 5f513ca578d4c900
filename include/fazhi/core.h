/*
 * core.h: the business operations of fazhi. Each front end (the CLI now,
 * the HTTP API and web pages later) calls these and only renders what they
 * return: no SQL, no parsing, no rules outside core/.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_CORE_H
#define FAZHI_CORE_H

#include <stdint.h>

#include "fazhi/err.h"
#include "fazhi/model.h"
#include "fazhi/store.h"
#include "fazhi/import.h"
#include "fazhi/work.h"

struct json_t;

/* Divisions (GB/T 2260) from a CSV: code,name,level,parent_code. */
enum fz_err	 core_divisions_import(struct store *, const char *path,
		    const char *actor, int *count, struct diags *);

/*
 * The unit directory from a CSV (see data/units/README.md for columns).
 * Every row is checked first; any bad row fails the whole file with its
 * line number, and nothing is stored. A 上级单位 must be in the file or
 * in known (the stored directory; may be NULL).
 */
enum fz_err	 core_units_parse(const char *data, size_t len,
		    const struct unit_dir *known, struct unit_dir *,
		    struct diags *);
enum fz_err	 core_units_import(struct store *, const char *path,
		    const char *actor, int *count, struct diags *);
enum fz_err	 core_units_load(struct store *, struct unit_dir *);

/*
 * Resolve every unit phrase of a plan against the directory: named units
 * (full names, short forms, aliases, "A（B）" composites), groups that
 * expand to their members, and "有关" groups left to be designated.
 * Unknown and to-be-designated phrases are reported in diags.
 */
void		 core_plan_resolve(struct plan *, const struct unit_dir *,
		    struct diags *);

struct plan_diff {
	int	*added;		/* task numbers in the new text */
	size_t	 nadded;
	int	*removed;	/* task numbers in the stored plan */
	size_t	 nremoved;
	int	*changed;	/* stored numbers whose text changed */
	size_t	 nchanged;
	int	*units_changed;	/* stored numbers whose units changed */
	size_t	 nunits_changed;
	int	 renumbered;	/* tasks kept but with a new number */
	int	 meta_changed;	/* title, dates, 主送, 抄送 … */
};

/* Tasks match by title (first sentence); see docs/PLAN-JSON.md. */
void		 core_plan_diff(const struct plan *old, struct plan *new,
		    struct plan_diff *);
int		 core_plan_diff_empty(const struct plan_diff *);
void		 plan_diff_release(struct plan_diff *);

enum import_action {
	IMPORT_CREATED,		/* a new plan was stored */
	IMPORT_UPDATED,		/* the stored plan was updated (--update) */
	IMPORT_UNCHANGED,	/* same text as stored: nothing to do */
	IMPORT_DIFFERS,		/* stored plan differs; not updated */
	IMPORT_CHECKED,		/* --dry-run: nothing stored */
};

struct import_opts {
	enum doc_format	 format;
	int		 dry_run;
	int		 update;
	const char	*actor;
};

struct import_result {
	enum import_action	 action;
	int			 exists;	/* a plan with that 文号 */
	struct plan_diff	 diff;
};

/*
 * Import a plan document: read, parse, resolve, compare with the stored
 * plan of the same 文号 and store it in one transaction. On any error
 * nothing is stored. p receives the plan as imported.
 */
enum fz_err	 core_plan_import(struct store *, const char *path,
		    const struct import_opts *, struct plan *,
		    struct import_result *, struct diags *);
/* Find a plan by id, 文号 or (NULL) the newest. */
enum fz_err	 core_plan_lookup(struct store *, const char *key,
		    int64_t *id);

/* Accounts and sessions. */
struct role_spec {
	const char	*unit;		/* unit code */
	enum staff_role	 role;
};

struct account_spec {
	const char		*login;
	const char		*name;
	const char		*password;
	int			 is_admin;
	const struct role_spec	*roles;
	size_t			 nroles;
};

enum fz_err	 core_account_add(struct store *, const struct account_spec *,
		    const char *actor, struct diags *);
/* A new password ends every session of the account. */
enum fz_err	 core_account_passwd(struct store *, const char *login,
		    const char *password, const char *actor, struct diags *);
enum fz_err	 core_account_disable(struct store *, const char *login,
		    int disable, const char *actor, struct diags *);
/*
 * Sign in: FZ_EPERM for a wrong login or password (one message for both)
 * or a disabled account; FZ_EBUSY after 5 failures of the login within
 * 15 minutes (counted in the store, so across processes). token[65] receives the secret for the client; the
 * store keeps only its SHA-256. ttl is in seconds.
 */
enum fz_err	 core_login(struct store *, const char *login,
		    const char *password, long ttl, char token[65],
		    struct session *, struct diags *);
/* The session of a token, extended by ttl; FZ_EPERM if none or expired. */
enum fz_err	 core_session_check(struct store *, const char *token,
		    long ttl, struct session *);
enum fz_err	 core_logout(struct store *, const char *token);
/* Sign out everywhere: every session of the account; *n ended. */
enum fz_err	 core_logout_everywhere(struct store *, int64_t account_id,
		    int *n);

/* Reporting periods. */
int		 core_date_valid(const char *);	/* YYYY-MM-DD */
enum fz_err	 core_period_add(struct store *, struct period *,
		    const char *actor, struct diags *);
/* The plan year's 4 quarters or 12 months, due on due_day of the month
 * after each; all or nothing. */
enum fz_err	 core_periods_generate(struct store *, int64_t plan_id,
		    int quarterly, int due_day, int grace, const char *actor,
		    struct diags *);
enum fz_err	 core_period_lock(struct store *, int64_t id, int locked,
		    const char *actor, struct diags *);

/*
 * The reporting workflow. Every operation takes the actor it acts for and
 * checks what that actor may do: FZ_EPERM when it may not, FZ_EINVAL for
 * bad input, FZ_ENOTFOUND for an unknown id. The first diag names the
 * problem in Chinese; its code is the field at fault, or "error".
 * Dates "today" are YYYY-MM-DD so that tests and demos can fix them.
 */
#define ROLEBIT(r)	(1u << (r))
#define ROLES_UNIT	(ROLEBIT(STAFF_CLERK) | ROLEBIT(STAFF_UNIT_LEADER))

/* Load an account and point an actor at it (a must outlive the actor). */
enum fz_err	 core_actor_load(struct store *, int64_t account_id,
		    struct account *, struct actor *);
/* The actor of an account already loaded (it must outlive the actor). */
void		 core_actor_of(const struct account *, struct actor *);
void		 core_actor_system(struct actor *);	/* fazhi itself */
/* Reads everything: system administrator, supervisor, county leader. */
int		 core_actor_reads_all(const struct actor *);
int		 core_actor_supervises(const struct actor *);
/* Holds one of the roles (ROLEBIT mask; 0: any) in the unit. */
int		 core_actor_in_unit(const struct actor *, int64_t unit_id,
		    unsigned roles);

/* Chinese names of state, progress and reason keys ("" if unknown). */
const char	*core_state_name(const char *);
const char	*core_progress_name(const char *);
const char	*core_reason_name(const char *);
struct json_t	*core_reasons_json(void);

/* Settings with their defaults (see core/work.c for the keys). */
long		 core_setting_int(struct store *, const char *key);
enum fz_err	 core_setting_set(struct store *, const struct actor *,
		    const char *key, const char *value, struct diags *);
struct json_t	*core_settings_json(struct store *);

struct report_input {
	int64_t		 period_id;
	int64_t		 task_id;
	int64_t		 unit_id;
	const char	*progress;	/* NULL: keep (update) / not_started */
	const char	*narrative;	/* NULL: keep / "" */
	const char	*measures;	/* "1,3"; NULL: keep / "" */
	const int64_t	*cites;		/* consolidated reports only */
	size_t		 ncites;
	int		 set_cites;
	const struct report_ind *inds;	/* the task's manual indicators */
	size_t		 ninds;
	int		 set_inds;
};

/* Create (id 0) or change a draft or returned report. */
enum fz_err	 core_report_save(struct store *, const struct actor *,
		    int64_t id, const struct report_input *, int64_t *out,
		    struct diags *);
/* Clerk: to the unit leader (a unit leader's own submit approves too). */
enum fz_err	 core_report_submit(struct store *, const struct actor *,
		    int64_t id, const char *today, struct diags *);
/* Unit leader: approve (to the supervisor) or send back to the clerk. */
enum fz_err	 core_report_approve(struct store *, const struct actor *,
		    int64_t id, int approve, const char *comment,
		    const char *today, struct diags *);
/* Supervisor of another unit: accept, or return with a coded reason. */
enum fz_err	 core_report_review(struct store *, const struct actor *,
		    int64_t id, int accept, const char *reason,
		    const char *comment, struct diags *);
/* Read one report the actor may see (FZ_EPERM otherwise). */
enum fz_err	 core_report_read(struct store *, const struct actor *,
		    int64_t id, struct report *, struct diags *);
int		 core_report_can_read(struct store *, const struct actor *,
		    const struct report *);
/* The report with its events, evidence, citations and what the actor
 * can do with it. */
struct json_t	*core_report_json(struct store *, const struct actor *,
		    const struct report *, int full);
enum fz_err	 core_report_list(struct store *, const struct actor *,
		    struct report_filter *, struct json_t **);

/* Evidence files: type by content and extension, size and count limits. */
enum fz_err	 core_evidence_add(struct store *, const struct actor *,
		    int64_t report_id, const char *name, const void *,
		    size_t, struct evidence *, struct diags *);
enum fz_err	 core_evidence_fetch(struct store *, const struct actor *,
		    int64_t id, struct evidence *, struct buf *,
		    struct diags *);
enum fz_err	 core_evidence_delete(struct store *, const struct actor *,
		    int64_t id, struct diags *);
/* A file to keep as evidence: its name made safe into safe[n], its type
 * known and matching its content, within the size limit; *mime set. */
enum fz_err	 core_file_accept(struct store *, const char *name,
		    const void *, size_t, char *safe, size_t n,
		    const char **mime, struct diags *);
/* A file name made safe to store and to offer for download. */
enum fz_err	 core_file_name(const char *in, char *out, size_t n);

/* Assignments: the plan's units, 领办, 办结, and designating 有关 groups. */
enum fz_err	 core_assignment_claim(struct store *, const struct actor *,
		    int64_t id, struct diags *);
enum fz_err	 core_assignment_close(struct store *, const struct actor *,
		    int64_t id, struct diags *);
enum fz_err	 core_assignment_designate(struct store *,
		    const struct actor *, int64_t task_id, int64_t unit_id,
		    const char *role, struct assignment *, struct diags *);

/* 延期 for one task of one unit in one period; the period's own due date. */
enum fz_err	 core_extension_request(struct store *, const struct actor *,
		    struct extension *, struct diags *);
enum fz_err	 core_extension_decide(struct store *, const struct actor *,
		    int64_t id, int approve, const char *comment,
		    struct diags *);
enum fz_err	 core_period_extend(struct store *, const struct actor *,
		    int64_t period_id, const char *due, const char *reason,
		    struct diags *);

/* 催办 to a unit; notices read. */
enum fz_err	 core_urge(struct store *, const struct actor *,
		    struct notice *, struct diags *);
enum fz_err	 core_notice_read(struct store *, const struct actor *,
		    int64_t id, struct diags *);

/* The period a date falls in (the latest started), else the first. */
enum fz_err	 core_current_period(struct store *, int64_t plan_id,
		    const char *today, struct period *);

struct task_query {
	int64_t		 period_id;	/* 0: the current period */
	int64_t		 unit_id;
	const char	*state;
	const char	*light;
	int		 section;
	const char	*q;		/* words in the title */
	int		 page, per_page;
};

enum fz_err	 core_dashboard_json(struct store *, const struct actor *,
		    int64_t plan_id, int64_t period_id, const char *today,
		    struct json_t **);
enum fz_err	 core_task_list_json(struct store *, const struct actor *,
		    int64_t plan_id, const struct task_query *,
		    const char *today, struct json_t **);
enum fz_err	 core_task_json(struct store *, const struct actor *,
		    int64_t task_id, const char *today, struct json_t **);
/* Extension records (released as they are rendered). */
struct json_t	*core_extensions_json(struct extension *, size_t);
/* Notices the actor may read: its units' (everyone's unit with unit_id). */
enum fz_err	 core_notices_json(struct store *, const struct actor *,
		    const struct notice_filter *, struct json_t **);
enum fz_err	 core_todo_json(struct store *, const struct actor *,
		    const char *today, struct json_t **);

/* fazhi remind: due, overdue (recorded as 未报) and waiting, per unit. */
struct remind_opts {
	int64_t		 plan_id;	/* 0: the newest plan */
	const char	*today;
	int		 dry_run;
};
enum fz_err	 core_remind(struct store *, const struct remind_opts *,
		    struct json_t **, struct diags *);

/* JSON renderings (docs/PLAN-JSON.md). */
struct json_t	*core_plan_json(const struct plan *);
struct json_t	*core_plan_task_json(const struct task *);
struct json_t	*core_diags_json(const struct diags *);
struct json_t	*core_diff_json(const struct plan_diff *);
struct json_t	*core_units_json(const struct unit_dir *);
/* An account with its roles; never its password hash. */
struct json_t	*core_account_json(const struct account *);

/*
 * The public portal (publish.c). Field keys a plan may make public:
 * task_text units status progress indicators. The settings as the
 * supervisor sees them; a change (enabled -1: keep the portal's switch;
 * plan_id 0: no plan) and an evidence file's flag, audited. The public
 * model: published plans (FZ_ENOTFOUND when the portal is off), one plan
 * with its public fields only (FZ_ENOTFOUND unless published), a public
 * file of an accepted report. core_redact() masks persons' names, mobile
 * and ID card numbers (docs/ARCHITECTURE.md, "The public portal").
 */
struct pub_change {
	int		 enabled;
	int64_t		 plan_id;
	int		 published;
	const char	**fields;
	size_t		 nfields;
};
int		 core_pub_field_valid(const char *);
int		 core_pub_has(const char *list, const char *key);
/* files_of > 0: with "files", that plan's accepted evidence files. */
enum fz_err	 core_publication_json(struct store *, int64_t files_of,
		    struct json_t **);
enum fz_err	 core_publication_set(struct store *, const struct actor *,
		    const struct pub_change *, struct diags *);
enum fz_err	 core_evidence_publish(struct store *, const struct actor *,
		    int64_t id, int is_public, struct diags *);
enum fz_err	 core_portal_plans(struct store *, struct json_t **);
enum fz_err	 core_portal_plan(struct store *, int64_t plan_id,
		    struct json_t **);
enum fz_err	 core_portal_file(struct store *, int64_t id,
		    struct evidence *, struct buf *);
void		 core_redact(struct store *, const char *, struct buf *);

#endif
