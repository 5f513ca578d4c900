/*
 * assess.h: the assessment (考核) of the units: a versioned rubric of
 * weighted items scored from the data (reports on time, first passes,
 * indicators met, findings closed, overdue items) and by hand (manual
 * items with a reason and evidence), runs that keep their scores, the
 * ranking and its export.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_ASSESS_H
#define FAZHI_ASSESS_H

#include <stdint.h>
#include <stddef.h>

#include "fazhi/err.h"

struct store;
struct actor;
struct diags;
struct buf;
struct json_t;
struct assess_manual;

enum assess_kind {
	ASSESS_REPORTS_ON_TIME = 0,
	ASSESS_FIRST_PASS,
	ASSESS_INDICATORS_MET,
	ASSESS_FINDINGS_CLOSED,
	ASSESS_OVERDUE_PENALTY,
	ASSESS_MANUAL,
	ASSESS__MAX
};

/* A version of a year's rubric (year 0: the default). */
struct assess_rubric {
	int64_t		 id;
	int		 year;
	int		 version;
	char		*items;		/* JSON {"note":…, "items":[…]} */
	char		 created_by[64];
	char		 created_at[21];
};

/* A manual item's points for a unit and year, with its evidence file. */
struct assess_manual {
	int64_t		 id;
	int		 year;
	int64_t		 unit_id;
	char		 item_key[64];
	int64_t		 points;	/* hundredths of a point */
	char		*reason;
	char		 name[256];
	char		 sha256[65];
	int64_t		 size;
	char		 mime[80];
	char		 actor[64];
	char		 at[21];
};

/* Per unit, as of a date: finding shares found by then, and among the
 * newest values (runs as of the date or before) of each indicator those
 * met and those with a verdict (met 1 or 0). */
struct assess_counts {
	int64_t		 unit_id;
	int		 findings;
	int		 ind_met;
	int		 ind_judged;
	int		 manual;	/* a manual score in the date's year */
};

struct assess_run {
	int64_t		 id;
	char		 as_of[11];
	int64_t		 rubric_id;
	int		 rubric_year;
	int		 rubric_version;
	char		 inputs_sha256[65];
	char		*result;	/* JSON */
	char		 actor[64];
	char		 created_at[21];
};

struct assess_score {
	int64_t		 unit_id;
	char		 item_key[64];
	int64_t		 num, den;
	int64_t		 points;	/* 1/10000 of a point */
	int64_t		 total;
	int		 rank;
};

void	 assess_rubric_release(struct assess_rubric *);
void	 assess_manual_release(struct assess_manual *);
void	 assess_run_release(struct assess_run *);

/* The kind of a key ("reports_on_time"…), ASSESS__MAX if none; its
 * Chinese name. */
enum assess_kind	 assess_kind_parse(const char *);
const char		*assess_kind_name(enum assess_kind);
/* "8.5" in hundredths (850); -1 unless a non-negative number with at most
 * two decimals. */
int64_t			 assess_points_parse(const char *);

/*
 * A rubric's JSON checked: {"note": text, "items": [{"key", "name",
 * "kind", "weight" (integer 0–100), "per_item" (overdue_penalty: points
 * off per overdue item, integer 0–100)}]}, keys unique; the errors name
 * the item in Chinese. The rubric of a year: its newest version, or the
 * default's (year 0); set: a new version of the year's (audited).
 */
enum fz_err	 core_assess_rubric_check(const struct json_t *,
		    struct diags *);
enum fz_err	 core_assess_rubric_get(struct store *, const struct actor *,
		    int year, struct json_t **, struct diags *);
enum fz_err	 core_assess_rubric_set(struct store *, const struct actor *,
		    int year, const struct json_t *, int *version,
		    struct diags *);

/* A manual item's points (hundredths) for a unit, with a reason and an
 * evidence file, by the 依法治县办 (audited). */
struct assess_manual_input {
	int		 year;
	int64_t		 unit_id;
	const char	*item_key;
	int64_t		 points;	/* hundredths */
	const char	*reason;
	const char	*file_name;
	const void	*data;
	size_t		 len;
};
enum fz_err	 core_assess_manual_add(struct store *, const struct actor *,
		    const struct assess_manual_input *, int64_t *id,
		    struct diags *);

/* Compute the scores as of a date with the rubric of its year, store the
 * run (audited) and give its result. */
enum fz_err	 core_assess_run(struct store *, const struct actor *,
		    const char *as_of, struct json_t **, struct diags *);
/* A stored run (0: the newest), its units those the actor may see, or
 * only unit_id's when not 0. */
enum fz_err	 core_assess_show(struct store *, const struct actor *,
		    int64_t run_id, int64_t unit_id, struct json_t **,
		    struct diags *);
/* A manual score's evidence file, for who may read the unit's score:
 * the score in m (release it), the file's bytes in out. */
enum fz_err	 core_assess_evidence_fetch(struct store *, const struct actor *,
		    int64_t id, struct assess_manual *, struct buf *out,
		    struct diags *);
/* A run's result as a table: CSV into out, or XLSX to path; the points
 * are numbers in the XLSX. */
enum fz_err	 core_assess_export(const struct json_t *, const char *format,
		    const char *path, struct buf *out, struct buf *err);

#endif
