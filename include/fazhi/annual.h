/*
 * annual.h: the annual report (法治政府建设年度报告) of a plan's year, the
 * county's or one unit's: generated from the plan, the accepted progress
 * reports and the indicator values, edited sentence by sentence, reviewed,
 * approved and published (frozen with its SHA-256), rendered as DOCX
 * (GB/T 9704-2012), HTML or text.
 *
 * The content is JSON: {title, addressee, issuer, date_line, year,
 * plan_id, unit_code, unit_name, preamble: paragraph, parts: [{title,
 * paragraphs}], closing: paragraph}; a paragraph is {kind: "heading2" |
 * "body", sentences: [...]}; a sentence is {text, claim, flag, reports:
 * [report ids], values: [indicator value ids], records: [record ids]}.
 * A claim (a sentence stating a result) without accepted evidence carries
 * flag true and is printed with 〔待核实〕; publishing is refused while
 * any flag remains.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_ANNUAL_H
#define FAZHI_ANNUAL_H

#include <jansson.h>

#include "fazhi/buf.h"
#include "fazhi/core.h"
#include "fazhi/store.h"

enum annual_format {
	ANNUAL_DOCX = 0,
	ANNUAL_HTML,
	ANNUAL_TEXT,		/* the DOCX's text, one paragraph a line */
	ANNUAL_JSON,
	ANNUAL__MAX
};

int	 core_annual_format_parse(const char *, enum annual_format *);

/* The plan of a year (plan_key: id or 文号, NULL: the newest of the
 * year) and a unit by code (NULL or "": the county, *unit_id 0). */
enum fz_err	 core_annual_scope(struct store *, const char *plan_key,
		    int year, const char *unit_code, int64_t *plan_id,
		    int64_t *unit_id, struct diags *);

/* Build the draft's content from the data; same data, same content. */
enum fz_err	 core_annual_build(struct store *, const struct actor *,
		    int64_t plan_id, int year, int64_t unit_id, json_t **,
		    struct diags *);

/*
 * Generate the draft and store it as a new version when it differs from
 * the current one (a report in review, approved or published is left
 * alone: FZ_ECONFLICT). r receives the report.
 */
enum fz_err	 core_annual_generate(struct store *, const struct actor *,
		    int64_t plan_id, int year, int64_t unit_id,
		    struct annual_report *r, struct diags *);

/* A report and the content of its current version (published: the
 * frozen one). *content may be NULL when not wanted. */
enum fz_err	 core_annual_get(struct store *, const struct actor *,
		    int64_t id, struct annual_report *, json_t **content,
		    struct diags *);

/*
 * Change one sentence of a draft: edit is {part (-1: the preamble),
 * paragraph, sentence, text?, reports?, claim?, delete?, insert?}; the
 * cited reports must be accepted reports of the plan (and of the unit
 * for a unit's report). A claim without evidence is flagged. A new
 * version is stored.
 */
enum fz_err	 core_annual_edit(struct store *, const struct actor *,
		    int64_t id, const json_t *edit, struct annual_report *,
		    struct diags *);

/* submit (草稿→待审核), return (→草稿, reason required), approve
 * (待审核→已审核), publish (已审核→已发布: no flags left; the DOCX and
 * the hashes are stored). */
enum fz_err	 core_annual_transition(struct store *, const struct actor *,
		    int64_t id, const char *action, const char *reason,
		    struct annual_report *, struct diags *);

/* Recompute the published content's and DOCX's SHA-256: FZ_OK when both
 * match, FZ_ECONFLICT (with a diag saying which) when not. */
enum fz_err	 core_annual_verify(struct store *, int64_t id,
		    struct diags *);

/* The published DOCX as stored. */
enum fz_err	 core_annual_docx(struct store *, int64_t id, struct buf *,
		    struct diags *);

/* Render content; with_cites adds the citations as superscripts. */
enum fz_err	 core_annual_render(const json_t *content,
		    enum annual_format, int with_cites, struct buf *out,
		    struct buf *err);

/* DOCX to PDF with LibreOffice headless (soffice on the PATH). */
enum fz_err	 core_annual_pdf(const struct buf *docx, struct buf *pdf,
		    struct diags *);

/* Claims flagged 待核实 in a content. */
int		 core_annual_flags(const json_t *content);

json_t		*core_annual_json(const struct annual_report *);
json_t		*core_annual_events_json(struct store *, int64_t id);
const char	*core_annual_state_name(const char *);

#endif
