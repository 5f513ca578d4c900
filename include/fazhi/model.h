/*
 * model.h: the domain structs shared by the importer, the core, the store
 * and the front ends: divisions, units, plans with their sections, tasks,
 * unit references and indicators, and import diagnostics.
 * Every struct owns its strings; X_release() frees them (NULL-safe).
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_MODEL_H
#define FAZHI_MODEL_H

#include <stddef.h>
#include <stdint.h>

/* An administrative division (GB/T 2260). */
struct division {
	char	*code;
	char	*name;
	char	*level;		/* province city county town subdistrict village */
	char	*parent;	/* code, or NULL */
};

enum unit_kind {
	UNIT_DEPARTMENT = 0,	/* 政府部门 */
	UNIT_TOWN,		/* 镇 */
	UNIT_SUBDISTRICT,	/* 街道 */
	UNIT_COURT,		/* 法院 */
	UNIT_PROCURATORATE,	/* 检察院 */
	UNIT_PARTY,		/* 党委部门 */
	UNIT_OTHER,		/* 其他 */
	UNIT__MAX
};

struct unit {
	int64_t		 id;
	char		*code;
	char		*name;		/* full official name */
	char		**shorts;	/* short forms (简称) */
	size_t		 nshorts;
	char		**aliases;	/* other names (别名) */
	size_t		 naliases;
	enum unit_kind	 kind;
	int		 enforcement;	/* holds administrative enforcement power */
	char		*parent;	/* parent unit's code, or NULL */
	char		*division;	/* GB/T 2260 code, or NULL */
};

/* The unit directory in memory, as the resolver needs it. */
struct unit_dir {
	struct unit	*v;
	size_t		 n, cap;
};

enum ref_kind {
	REF_UNIT = 0,	/* a named unit */
	REF_GROUP,	/* a group that expands to its members */
	REF_DESIGNATE,	/* an "有关" group: to be designated (待明确) */
	REF_UNKNOWN,	/* not in the directory */
	REF__MAX
};

enum ref_role {
	ROLE_LEAD = 0,	/* 牵头单位 */
	ROLE_RESP,	/* 责任单位 */
	ROLE__MAX
};

struct unit_ref {
	char		*phrase;	/* exactly as printed */
	enum ref_kind	 kind;
	char		*group;		/* canonical group name, or NULL */
	char		**units;	/* full names resolved to */
	int64_t		*unit_ids;	/* ids, when resolved against a store */
	size_t		 nunits;
};

enum ind_kind {
	IND_RATE = 0,
	IND_COUNT,
	IND_COVERAGE,
	IND_DEADLINE,
	IND__MAX
};

enum ind_period {
	PERIOD_NONE = 0,
	PERIOD_YEAR,
	PERIOD_HALF,
	PERIOD_QUARTER,
	PERIOD_MONTH,
	PERIOD__MAX
};

struct indicator {
	char		*phrase;	/* the words that state the target */
	char		*name;		/* what is measured */
	char		*sentence;	/* the measure it sits in */
	enum ind_kind	 kind;
	char		*comparator;	/* ">=", "<=", "=" */
	double		 target;	/* for rate, count, coverage */
	char		*target_date;	/* for deadline: YYYY-MM-DD */
	char		*unit;		/* "%", "次" or NULL */
	enum ind_period	 period;
	int		 per_unit;	/* scope: 1 each unit, 0 the county */
};

struct section {
	int64_t		 id;
	int		 order;		/* 1-based */
	char		*numeral;	/* 一 二 … */
	char		*title;
	int		 has_tasks;
	int		 line;
};

struct task {
	int64_t		 id;
	int		 number;	/* 1-based, continuous */
	char		*label;		/* "1." or "（一）" as printed */
	int		 section;	/* order of its section, 0 if none */
	char		*title;
	char		*text;
	char		*annotation;
	char		*deadline_text;	/* 完成时限, when the plan states one */
	int		 line;
	char		**measures;
	size_t		 nmeasures;
	struct unit_ref	*refs[ROLE__MAX];
	size_t		 nrefs[ROLE__MAX];
	struct indicator *inds;
	size_t		 ninds;
};

struct plan {
	int64_t		 id;
	char		*doc_no;
	char		*issuer;
	char		*notice_title;
	char		*title;
	int		 year;
	char		*issue_date;	/* YYYY-MM-DD */
	char		*recipients;	/* 主送 */
	char		*cc;		/* 抄送 */
	int		 is_public;	/* 1, 0, or -1 when not stated */
	char		*source_name;
	char		*source_format;	/* markdown text docx */
	char		 source_sha256[65];
	size_t		 source_bytes;
	char		*source_text;	/* the document as text */
	char		*preamble;
	int		 revision;
	char		*imported_at;
	struct section	*sections;
	size_t		 nsections;
	struct task	*tasks;
	size_t		 ntasks;
};

/* What a person may do in a unit. */
enum staff_role {
	STAFF_SUPERVISOR = 0,	/* 依法治县办: assigns, reviews, closes */
	STAFF_LEADER,		/* 县领导: reads everything */
	STAFF_UNIT_LEADER,	/* 单位负责人: approves the unit's reports */
	STAFF_CLERK,		/* 联络员: prepares the unit's reports */
	STAFF__MAX
};

struct account_role {
	int64_t		 unit_id;
	char		*unit_code;
	char		*unit_name;
	enum staff_role	 role;
};

struct account {
	int64_t			 id;
	char			*login;
	char			*name;
	char			*password_hash;	/* argon2id, never shown */
	int			 is_admin;	/* 系统管理员 */
	int			 disabled;
	char			*created_at;
	struct account_role	*roles;
	size_t			 nroles;
};

/* A signed-in session; the store keeps only the SHA-256 of its token. */
struct session {
	char		 id[65];
	int64_t		 account_id;
	char		 csrf[65];
	char		 created_at[21];
	char		 expires_at[21];
	char		 last_seen_at[21];
};

/* A reporting period of a plan. Dates are YYYY-MM-DD. */
struct period {
	int64_t		 id;
	int64_t		 plan_id;
	char		 name[64];
	char		 starts[11];
	char		 ends[11];
	char		 due[11];
	int		 grace_days;
	int		 locked;
};

/*
 * A day of the official calendar (工作日历) that differs from the weekly rule
 * "Monday to Friday are working days": a day off (a holiday, or a weekday off
 * by 调休) or a Saturday or Sunday worked (调休上班).
 */
enum cal_kind {
	CAL_OFF,		/* 休 */
	CAL_WORK,		/* 班 */
};

struct cal_day {
	char		 date[11];	/* YYYY-MM-DD */
	enum cal_kind	 kind;
	char		 name[64];	/* 春节; "" if none */
};

/* A year whose calendar is loaded, where it came from, how many days. */
struct cal_year {
	int		 year;
	char		 source[256];
	char		 loaded_at[21];
	int		 ndays;
};

/* A warning or error found while reading a document or a CSV file. */
struct diag {
	int	 line;		/* 0 if none */
	int	 task;		/* 0 if none */
	char	*code;		/* stable, lower-case: unknown_unit */
	char	*message;	/* Chinese, for users */
	int	 is_error;	/* an error, not a warning */
	int	 column;	/* 1-based column of a table cell, 0 if none */
};

struct diags {
	struct diag	*v;
	size_t		 n, cap;
	size_t		 nerrors;
};

const char	*unit_kind_name(enum unit_kind);	/* 政府部门 */
const char	*unit_kind_key(enum unit_kind);		/* department */
int		 unit_kind_parse(const char *, enum unit_kind *);
const char	*ref_kind_key(enum ref_kind);
const char	*ind_kind_key(enum ind_kind);
int		 ind_kind_parse(const char *, enum ind_kind *);
const char	*ind_period_key(enum ind_period);
int		 ind_period_parse(const char *, enum ind_period *);
const char	*ind_kind_name(enum ind_kind);		/* 比率 */

const char	*staff_role_key(enum staff_role);	/* clerk */
const char	*staff_role_name(enum staff_role);	/* 联络员 */
int		 staff_role_parse(const char *, enum staff_role *);
void		 account_release(struct account *);
struct account_role *account_role_add(struct account *);

void	 unit_release(struct unit *);
void	 unit_copy(struct unit *dst, const struct unit *src);
void	 unit_dir_add(struct unit_dir *, const struct unit *);	/* copies */
void	 unit_dir_release(struct unit_dir *);
void	 unit_ref_release(struct unit_ref *);
void	 indicator_release(struct indicator *);
void	 task_release(struct task *);
void	 plan_init(struct plan *);
void	 plan_release(struct plan *);
struct task	*plan_task_new(struct plan *);
struct section	*plan_section_new(struct plan *);
struct unit_ref	*task_ref_new(struct task *, enum ref_role);
struct indicator *task_ind_new(struct task *);
void	 task_measure_add(struct task *, const char *);
void	 unit_ref_add_unit(struct unit_ref *, const char *name, int64_t id);
void	 strv_add(char ***, size_t *, const char *);
void	 strv_free(char **, size_t);

void	 diags_add(struct diags *, int line, int task, const char *code,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void	 diags_error(struct diags *, int line, int task, const char *code,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* An error about one cell of a table: its line and column. */
void	 diags_error_at(struct diags *, int line, int column,
	    const char *code, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
void	 diags_release(struct diags *);

#endif
