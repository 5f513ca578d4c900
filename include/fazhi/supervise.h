/*
 * supervise.h: 督察 → 整改 → 销号. Findings (督察发现问题) with their
 * linked tasks and units, each unit's rectification (整改) with evidence
 * and the check (核查) by someone outside the unit, the history of every
 * transition, repeat findings, the escalation ladder (提醒 → 催办 → 通报 →
 * 约谈) and the 通报 that ranks the units. States are short keys as
 * stored; sup_state_name() gives their Chinese names.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_SUPERVISE_H
#define FAZHI_SUPERVISE_H

#include <stddef.h>
#include <stdint.h>

#include "fazhi/err.h"
#include "fazhi/model.h"
#include "fazhi/work.h"

struct store;
struct json_t;
struct buf;

/* A finding: source province city county complaint; state open
 * rectifying closed (the least advanced of its units'). */
struct finding {
	int64_t		 id;
	int64_t		 plan_id;	/* 0: none */
	char		 source_kind[16];
	char		*doc_no;
	char		*doc_title;
	char		 found_on[11];
	char		*description;
	char		*requirement;
	char		 deadline[11];
	char		 state[16];
	int64_t		 repeat_of;	/* 0: not a repeat */
	char		 created_by[65];
	char		 created_at[21];
	char		 updated_at[21];
};

/* One unit's 整改 of a finding: pending rectifying submitted verified
 * closed. */
struct rectification {
	int64_t		 id;
	int64_t		 finding_id;
	int64_t		 unit_id;
	char		 unit_name[160];	/* read only */
	char		 state[16];
	char		*text;
	char		 submitted_by[65];
	char		 submitted_at[21];
	char		 checked_by[65];
	char		 checked_at[21];
	char		*check_comment;
	char		 closed_by[65];
	char		 closed_at[21];
	int		 reopened;
	int		 nevidence;		/* read only */
	char		 deadline[11];		/* read only: the finding's */
};

struct finding_event {
	int64_t		 id;
	int64_t		 finding_id;
	int64_t		 unit_id;		/* 0: the finding itself */
	char		 unit_name[160];	/* read only */
	char		 at[21];
	char		 actor[65];
	char		 action[16];
	char		 before[16];
	char		 after[16];
	char		*reason;
};

/* A linked task with its number. */
struct finding_task {
	int64_t		 task_id;
	int		 number;
};

/* An earlier finding sharing a unit or a task with one being added. */
struct finding_similar {
	int64_t		 id;
	char		 found_on[11];
	int		 same_task;
	int		 same_unit;
	char		*description;
};

/* Lists: 0 and NULL mean any. */
struct finding_filter {
	int64_t		 unit_id;
	const char	*state;
	const char	*source_kind;
	int64_t		 visible_to;	/* account: only its units' findings */
	int		 year;		/* of found_on */
	int		 limit;
	int		 offset;
};

/* One step of the ladder on an overdue item: remind urge bulletin
 * interview; state done, or proposed/confirmed for 约谈. */
struct escalation {
	int64_t		 id;
	int64_t		 unit_id;
	char		 unit_name[160];	/* read only */
	char		 item[64];	/* "finding/12", "report/3/7" */
	int64_t		 finding_id;	/* 0: a report */
	char		 step[16];
	char		 state[16];
	char		 on_date[11];
	int		 days_overdue;
	char		 actor[65];
	char		*reason;
	char		 created_at[21];
	char		 confirmed_by[65];
	char		 confirmed_at[21];
};

/* An overdue item the ladder climbs on. */
struct overdue_item {
	int64_t		 unit_id;
	char		 unit_name[160];
	int64_t		 finding_id;	/* 0: a missed report */
	int64_t		 period_id;
	int64_t		 task_id;
	int		 task_number;
	char		 deadline[11];
};

/* Per unit counts for the 通报. */
struct bulletin_row {
	int64_t		 unit_id;
	char		 unit_name[160];
	int		 submitted;	/* reports first submitted by as_of */
	int		 on_time;	/* of those, not late */
	int		 accepted;	/* reports accepted by as_of */
	int		 first_pass;	/* of those, never returned */
	int		 missed;	/* 未报 recorded before as_of, still
					 * not submitted by as_of */
	int		 overdue_findings;	/* 整改 past its 整改期限 */
	int		 open_findings;		/* 整改 not yet 销号 */
};

void	 finding_release(struct finding *);
void	 rectification_release(struct rectification *);
void	 finding_event_release(struct finding_event *);
void	 escalation_release(struct escalation *);

/* Chinese names of source kinds, states, actions and steps ("" if none). */
const char	*sup_source_name(const char *);
const char	*sup_state_name(const char *);
const char	*sup_action_name(const char *);
const char	*sup_step_name(const char *);
/* A source kind's key from a key or its Chinese name; NULL if none. */
const char	*sup_source_key(const char *);

/*
 * Similarity of two descriptions: the Dice coefficient of their character
 * bigrams after dropping spaces and punctuation (ASCII letters folded), in
 * [0, 1]. A finding repeats an earlier one when SUP_SIMILAR or more.
 */
double		 sup_text_similarity(const char *, const char *);
#define SUP_SIMILAR	0.5

struct finding_input {
	int64_t		 plan_id;
	const char	*source_kind;	/* key or Chinese name */
	const char	*doc_no;
	const char	*doc_title;
	const char	*found_on;
	const char	*description;
	const char	*requirement;
	const char	*deadline;
	const int64_t	*tasks;
	size_t		 ntasks;
	const int64_t	*units;
	size_t		 nunits;
};

/*
 * The operations: each checks what the actor may do (FZ_EPERM), the input
 * (FZ_EINVAL, the diag's code naming the field) and records an event and
 * an audit entry in one transaction. unit_id 0 means the finding's only
 * unit (an error naming "unit" when it has several).
 */
enum fz_err	 core_finding_add(struct store *, const struct actor *,
		    const struct finding_input *, int64_t *id, struct diags *);
/* An edit: NULL texts and unset lists stay as they are. */
struct finding_edit {
	struct finding_input	 f;	/* found_on and plan_id are ignored */
	int			 set_tasks, set_units;
	const char		*reason;	/* 修改说明, optional */
};
enum fz_err	 core_finding_edit(struct store *, const struct actor *,
		    int64_t id, const struct finding_edit *, struct diags *);
enum fz_err	 core_finding_rectify(struct store *, const struct actor *,
		    int64_t id, int64_t unit_id, const char *text, int submit,
		    struct diags *);
enum fz_err	 core_finding_evidence_add(struct store *,
		    const struct actor *, int64_t id, int64_t unit_id,
		    const char *name, const void *, size_t, struct evidence *,
		    struct diags *);
enum fz_err	 core_finding_evidence_fetch(struct store *,
		    const struct actor *, int64_t evidence_id, struct evidence *,
		    struct buf *, struct diags *);
enum fz_err	 core_finding_check(struct store *, const struct actor *,
		    int64_t id, int64_t unit_id, int pass, const char *comment,
		    struct diags *);
enum fz_err	 core_finding_close(struct store *, const struct actor *,
		    int64_t id, int64_t unit_id, struct diags *);
enum fz_err	 core_finding_reopen(struct store *, const struct actor *,
		    int64_t id, int64_t unit_id, const char *reason,
		    struct diags *);
/* A finding with its tasks, the rectifications the actor may see, their
 * evidence, its history and what the actor can do. */
enum fz_err	 core_finding_json(struct store *, const struct actor *,
		    int64_t id, struct json_t **, struct diags *);
enum fz_err	 core_finding_list(struct store *, const struct actor *,
		    struct finding_filter *, struct json_t **, struct diags *);

/* fazhi escalate: the ladder on overdue 整改 and 未报 reports. */
struct escalate_opts {
	const char	*today;
	int		 dry_run;
};
enum fz_err	 core_escalate(struct store *, const struct actor *,
		    const struct escalate_opts *, struct json_t **,
		    struct diags *);
/* A supervisor confirms a proposed 约谈. */
enum fz_err	 core_escalation_confirm(struct store *, const struct actor *,
		    int64_t id, struct diags *);
enum fz_err	 core_escalation_list(struct store *, const struct actor *,
		    int64_t unit_id, struct json_t **, struct diags *);

/*
 * The 通报: units ranked by 及时率, then 一次通过率, then fewer overdue
 * items, then fewer open findings (docs/ARCHITECTURE.md). A data
 * structure (JSON) that renderers turn into HTML (and DOCX).
 */
struct bulletin_opts {
	int64_t		 plan_id;	/* 0: every plan */
	const char	*as_of;
	const char	*title;		/* NULL: a default */
};
enum fz_err	 core_bulletin(struct store *, const struct actor *,
		    const struct bulletin_opts *, struct json_t **,
		    struct diags *);
/* A printable HTML page of a bulletin, everything escaped. */
void		 sup_bulletin_html(const struct json_t *, struct buf *);
/* The same as a DOCX (GB/T 9704, the ranking as a table); err says why
 * it could not be written. */
enum fz_err	 sup_bulletin_docx(const struct json_t *, struct buf *out,
		    struct buf *err);

#endif
