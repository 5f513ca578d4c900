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

/* JSON renderings (docs/PLAN-JSON.md). */
struct json_t	*core_plan_json(const struct plan *);
struct json_t	*core_diags_json(const struct diags *);
struct json_t	*core_diff_json(const struct plan_diff *);
struct json_t	*core_units_json(const struct unit_dir *);
/* An account with its roles; never its password hash. */
struct json_t	*core_account_json(const struct account *);

#endif
