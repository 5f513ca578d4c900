/*
 * indicator.h: indicators computed from registries. A definition is named
 * and versioned: a numerator and a denominator, each a predicate over one
 * registry's records (JSON, see docs/ARCHITECTURE.md), parameters such as
 * {"limit_days":30}, a target with its comparator, the scope (the county,
 * or the county and each unit) and the rule it implements with its source.
 * Changing it makes a new version. Each computed value keeps the date it
 * was computed for, the version, numerator, denominator, value and the
 * records it counted, failed and left out, so a figure can be traced
 * and recomputed.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_INDICATOR_H
#define FAZHI_INDICATOR_H

#include <stddef.h>
#include <stdint.h>

#include "fazhi/err.h"
#include "fazhi/registry.h"
#include "fazhi/work.h"

struct store;
struct json_t;

struct ind_def {
	int64_t		 id;
	char		 key[64];	/* normative.timely_rate */
	int		 version;
	char		 name[64];	/* 及时率 */
	char		 registry[32];
	char		 kind[8];	/* rate count */
	char		*numerator;	/* JSON predicate */
	char		*denominator;	/* JSON predicate, or NULL */
	char		*params;	/* JSON object */
	int		 has_target;
	double		 target;
	char		 comparator[4];	/* >= <= = */
	char		 unit[8];	/* % 件 */
	char		 scope[8];	/* county unit */
	char		*source;
	char		 basis[12];	/* law practice ours */
	char		*note;
	char		 created_by[65];
	char		 created_at[21];
};

struct ind_run {
	int64_t		 id;
	char		 as_of[11];
	int		 year;
	char		 period_start[11];
	char		 period_end[11];
	char		 computed_at[21];
	char		 actor[65];
	char		 scope[16];	/* division code; "": every unit */
};

struct ind_value {
	int64_t		 id;
	int64_t		 run_id;
	int64_t		 def_id;
	char		 def_key[64];	/* read only: joined */
	int		 def_version;	/* read only */
	int64_t		 unit_id;	/* 0: the county */
	char		 unit_name[160];/* read only */
	int64_t		 numerator;
	int64_t		 denominator;	/* -1: a count has none */
	int		 has_value;
	double		 value;
	int		 met;		/* 1, 0, or -1 when there is no value */
	char		 inputs_sha256[65];
	char		 as_of[11];	/* read only: the run's */
	char		 computed_at[21];/* read only */
};

/* A plan indicator with the definition it links to ("" if manual). */
struct ind_link_row {
	int64_t		 task_id;
	int		 task_number;
	int		 ord;
	char		*phrase;
	char		*name;
	char		 kind[12];
	char		 comparator[4];
	int		 has_target;
	double		 target;
	char		 unit[8];
	char		 def_key[64];	/* "": manual, or not linked */
	char		 source[8];	/* auto manual, "" if no link row */
};

void	 ind_def_release(struct ind_def *);
void	 ind_link_rows_free(struct ind_link_row *, size_t);

/*
 * The records behind one value: computing a definition over records of
 * its registry at a date. Only records the caller passes are considered
 * (the store selects those whose date field is in the period).
 */
struct ind_result {
	int64_t		 num;
	int64_t		 den;		/* -1 for a count */
	int		 has_value;
	double		 value;
	int		 met;
	int64_t		*counted, *failing, *excluded;
	size_t		 ncounted, nfailing, nexcluded;
	char		 sha256[65];	/* of the ids and revisions considered */
};
void		 ind_result_release(struct ind_result *);

/* Check a definition's JSON parts against its registry; why gets the
 * reason. */
enum fz_err	 ind_def_check(const struct ind_def *, char *why, size_t);
/*
 * Compute over records (unit_id 0: all of them); cal gives the working
 * days of "workdays" limits (NULL: Monday to Friday).
 */
struct calendar;
enum fz_err	 ind_compute(const struct reg_desc *, const struct ind_def *,
		    const struct reg_record *, size_t, const char *as_of,
		    const struct calendar *cal, int64_t unit_id,
		    struct ind_result *, char *why, size_t);

/* Core (indicator.c): who may: supervisors define and compute; everyone
 * signed in reads definitions; values' records only as registries allow. */
struct ind_compute_opts {
	const char	*as_of;		/* YYYY-MM-DD */
	int		 year;		/* 0: the newest plan's year (the year
					 * of as_of if it is earlier) */
	const char	*division;	/* NULL or "": every unit; else only
					 * the units whose division code
					 * starts with it (a county of a
					 * province-wide store), and the
					 * run is kept as that scope's */
};
enum fz_err	 core_ind_compute(struct store *, const struct actor *,
		    const struct ind_compute_opts *, struct json_t **,
		    struct diags *);
/* A new version from JSON (key, name, registry, kind, numerator,
 * denominator, params, target, comparator, unit, scope, source, basis,
 * note); unchanged content makes none (*changed 0). */
enum fz_err	 core_ind_define(struct store *, const struct actor *,
		    const char *key, const struct json_t *, int *version,
		    int *changed, struct diags *);
enum fz_err	 core_ind_list_json(struct store *, const struct actor *,
		    struct json_t **);
/* One division's dashboard: each definition with the newest values
 * computed over that division (compute --division), its total first. */
enum fz_err	 core_ind_scope_json(struct store *, const struct actor *,
		    const char *division, struct json_t **, struct diags *);
/* A definition with its versions and its latest values. */
enum fz_err	 core_ind_show_json(struct store *, const struct actor *,
		    const char *key, struct json_t **, struct diags *);
/* One value with the records behind it (drill-down). */
enum fz_err	 core_ind_value_json(struct store *, const struct actor *,
		    int64_t value_id, struct json_t **, struct diags *);
/* A plan's indicators: definition, latest value, target, met (green) or
 * not (red), or manual. */
enum fz_err	 core_plan_indicators_json(struct store *, const struct actor *,
		    int64_t plan_id, struct json_t **, struct diags *);
/* Link a plan indicator to a definition (key) or mark it manual (NULL). */
enum fz_err	 core_ind_link(struct store *, const struct actor *,
		    int64_t plan_id, int task_number, const char *name,
		    const char *def_key, struct diags *);
struct json_t	*core_ind_def_json(const struct ind_def *);

#endif
