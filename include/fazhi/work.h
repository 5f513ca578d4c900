/*
 * work.h: the records of the year's reporting workflow, shared by the
 * store and the core: a unit's assignment to a task, progress reports with
 * their events, citations and evidence files, extension requests, notices
 * (催办 and reminders) and the actor a request acts as. States are short
 * lower-case keys as stored; core/work_names.c gives their Chinese names.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_WORK_H
#define FAZHI_WORK_H

#include <stddef.h>
#include <stdint.h>

#include "fazhi/model.h"

/* Who acts: an account with its roles, or fazhi itself (account_id 0). */
struct actor {
	int64_t				 account_id;
	const char			*login;
	int				 is_admin;
	const struct account_role	*roles;
	size_t				 nroles;
};

/* A unit's share of a task (交办 … 办结). */
struct assignment {
	int64_t		 id;
	int64_t		 task_id;
	int64_t		 plan_id;
	int		 task_number;
	int64_t		 unit_id;
	char		 unit_name[160];
	char		 role[16];	/* lead responsible */
	char		 source[16];	/* plan designated */
	char		 state[16];	/* assigned claimed reported returned accepted closed overdue */
	char		 claimed_at[21];
	char		 claimed_by[65];
	char		 closed_at[21];
	char		 closed_by[65];
};

/* A progress report of one unit on one task for one period. */
struct report {
	int64_t		 id;
	int64_t		 period_id;
	int64_t		 task_id;
	int64_t		 unit_id;
	int64_t		 plan_id;	/* read only: joined */
	int		 task_number;	/* read only */
	char		 unit_name[160];/* read only */
	char		 period_name[64];/* read only */
	char		 period_due[11];/* read only: the period's due date */
	char		 kind[16];	/* unit consolidated */
	char		 progress[16];	/* not_started in_progress done blocked */
	char		*narrative;
	char		*measures;	/* "1,3" */
	char		 state[16];	/* draft pending submitted returned accepted */
	int		 late;
	int		 returns;
	int		 submissions;
	char		 first_submitted_at[21];
	char		 submitted_at[21];
	char		 accepted_at[21];
	char		 created_by[65];
	char		 created_at[21];
	char		 updated_at[21];
};

/*
 * A value a report gives for one of the task's manual indicators (those
 * no registry computes): a number, or for a deadline or 全覆盖 whether it
 * is met, with a note.
 */
struct report_ind {
	char		 name[128];
	int		 has_value;
	double		 value;
	int		 done;		/* -1 not given, 0, 1 */
	char		*note;
};

#define REPORT_INDS_MAX	20

struct report_event {
	int64_t		 id;
	int64_t		 report_id;
	char		 at[21];
	char		 actor[65];
	char		 action[16];	/* save submit approve send_back accept return */
	char		 reason[16];	/* return reason code, or "" */
	char		*comment;
};

struct evidence {
	int64_t		 id;
	int64_t		 report_id;
	char		 sha256[65];
	char		 name[256];
	char		 mime[80];
	int64_t		 size;
	char		 uploaded_by[65];
	char		 uploaded_at[21];
};

struct extension {
	int64_t		 id;
	int64_t		 period_id;
	int64_t		 task_id;
	int64_t		 unit_id;
	int		 task_number;	/* read only */
	char		 unit_name[160];/* read only */
	char		*reason;
	char		 original_due[11];
	char		 requested_due[11];
	char		 state[16];	/* pending approved refused */
	char		 requested_by[65];
	char		 requested_at[21];
	char		 decided_by[65];
	char		 decided_at[21];
	char		*comment;
};

struct notice {
	int64_t		 id;
	int64_t		 unit_id;
	char		 kind[16];	/* urge due overdue review */
	int64_t		 period_id;	/* 0 if none */
	int64_t		 task_id;	/* 0 if none */
	char		*message;
	char		 actor[65];
	char		 created_at[21];
	char		 read_at[21];
};

/* Who else used a file: the report, its task and unit. */
struct evidence_reuse {
	int64_t		 report_id;
	int		 task_number;
	char		 unit_name[160];
};

/* One assignment's standing in one period, as the dashboard reads it. */
struct status_row {
	int64_t		 assignment_id;
	int64_t		 task_id;
	int		 task_number;
	int		 section;
	int64_t		 unit_id;
	char		 unit_name[160];
	char		 role[16];
	char		 asg_state[16];
	int64_t		 report_id;	/* 0: none written */
	char		 report_state[16];
	char		 progress[16];
	int		 late;
	int		 returns;
	int		 submissions;
	char		 deadline[11];	/* current: extensions applied */
	int		 grace_days;
	char		 first_submitted_at[21];
	int		 missed;	/* recorded as 未报 at the deadline */
	char		 period_starts[11];
};

/* Report lists: 0 and NULL mean any. */
struct report_filter {
	int64_t		 plan_id;
	int64_t		 period_id;
	int64_t		 task_id;
	int64_t		 unit_id;
	const char	*state;
	int64_t		 visible_to;	/* account: only what it may read */
	int64_t		 not_of;	/* account: not its own units' */
	int		 limit;
	int		 offset;
};

struct notice_filter {
	int64_t		 visible_to;	/* account: its units' notices */
	int		 unread;
	int64_t		 task_id;
	int64_t		 unit_id;
	int		 limit;
};

void	 report_release(struct report *);
void	 report_event_release(struct report_event *);
void	 extension_release(struct extension *);
void	 notice_release(struct notice *);

#endif
