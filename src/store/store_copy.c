/*
 * store_copy.c: moving a whole store from one engine to another (fazhi db
 * copy): every table row by row in one transaction on each side, ids kept,
 * then each table's row count and a SHA-256 of its canonical rows compared
 * on both sides before the copy is committed. The table list below must
 * name every table the migrations create (a test checks it). A table a
 * migration fills (the built-in indicator definitions) is emptied in the
 * new store first: the source has those rows too, maybe with more.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "store-int.h"
#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

struct col {
	const char	*name;
	char		 type;		/* I integer, R real, T text */
};

/* The widest table, a registry's: its fields and 6 more (id, revision,
 * created_by, created_at, updated_by, updated_at). */
#define MAXCOLS	(REG_MAX_FIELDS + 6)

struct table {
	const char	*name;
	const char	*order;		/* a unique order, same on every engine */
	int		 serial;	/* has an id column with a sequence: 1, or
					 * 2 when a migration seeds rows */
	struct col	 cols[MAXCOLS];
};

static const struct table tables[] = {
	{ "division", "code", 0, { { "code", 'T' }, { "name", 'T' },
	    { "level", 'T' }, { "parent", 'T' } } },
	{ "unit", "id", 1, { { "id", 'I' }, { "code", 'T' }, { "name", 'T' },
	    { "kind", 'T' }, { "enforcement", 'I' }, { "parent", 'T' },
	    { "division", 'T' }, { "ord", 'I' } } },
	{ "unit_name", "unit_id, ord", 0, { { "name", 'T' },
	    { "unit_id", 'I' }, { "kind", 'T' }, { "ord", 'I' } } },
	{ "plan", "id", 1, { { "id", 'I' }, { "doc_no", 'T' },
	    { "issuer", 'T' }, { "notice_title", 'T' }, { "title", 'T' },
	    { "year", 'I' }, { "issue_date", 'T' }, { "recipients", 'T' },
	    { "cc", 'T' }, { "is_public", 'I' }, { "preamble", 'T' },
	    { "revision", 'I' }, { "created_at", 'T' },
	    { "updated_at", 'T' } } },
	{ "plan_source", "id", 1, { { "id", 'I' }, { "plan_id", 'I' },
	    { "revision", 'I' }, { "name", 'T' }, { "format", 'T' },
	    { "sha256", 'T' }, { "bytes", 'I' }, { "text", 'T' },
	    { "imported_at", 'T' } } },
	{ "plan_section", "id", 1, { { "id", 'I' }, { "plan_id", 'I' },
	    { "ord", 'I' }, { "numeral", 'T' }, { "title", 'T' },
	    { "has_tasks", 'I' }, { "line", 'I' } } },
	{ "task", "id", 1, { { "id", 'I' }, { "plan_id", 'I' },
	    { "number", 'I' }, { "label", 'T' }, { "section", 'I' },
	    { "title", 'T' }, { "text", 'T' }, { "annotation", 'T' },
	    { "deadline_text", 'T' }, { "line", 'I' } } },
	{ "task_measure", "task_id, ord", 0, { { "task_id", 'I' },
	    { "ord", 'I' }, { "text", 'T' } } },
	{ "task_unit_ref", "id", 1, { { "id", 'I' }, { "task_id", 'I' },
	    { "role", 'T' }, { "ord", 'I' }, { "phrase", 'T' },
	    { "kind", 'T' }, { "grp", 'T' } } },
	{ "task_unit_member", "ref_id, ord", 0, { { "ref_id", 'I' },
	    { "ord", 'I' }, { "unit_id", 'I' }, { "unit_name", 'T' } } },
	{ "indicator", "id", 1, { { "id", 'I' }, { "task_id", 'I' },
	    { "ord", 'I' }, { "phrase", 'T' }, { "name", 'T' },
	    { "sentence", 'T' }, { "kind", 'T' }, { "comparator", 'T' },
	    { "target", 'R' }, { "target_date", 'T' }, { "unit", 'T' },
	    { "period", 'T' }, { "per_unit", 'I' } } },
	{ "account", "id", 1, { { "id", 'I' }, { "login", 'T' },
	    { "name", 'T' }, { "password_hash", 'T' }, { "is_admin", 'I' },
	    { "disabled", 'I' }, { "created_at", 'T' },
	    { "updated_at", 'T' } } },
	{ "account_role", "account_id, unit_id, role", 0, {
	    { "account_id", 'I' }, { "unit_id", 'I' }, { "role", 'T' } } },
	{ "session", "id", 0, { { "id", 'T' }, { "account_id", 'I' },
	    { "csrf", 'T' }, { "created_at", 'T' }, { "expires_at", 'T' },
	    { "last_seen_at", 'T' } } },
	{ "login_failure", "id", 1, { { "id", 'I' }, { "login", 'T' },
	    { "at", 'T' } } },
	{ "period", "id", 1, { { "id", 'I' }, { "plan_id", 'I' },
	    { "name", 'T' }, { "starts", 'T' }, { "ends", 'T' }, { "due", 'T' },
	    { "grace_days", 'I' }, { "locked", 'I' },
	    { "created_at", 'T' } } },
	{ "assignment", "id", 1, { { "id", 'I' }, { "task_id", 'I' },
	    { "unit_id", 'I' }, { "role", 'T' }, { "source", 'T' },
	    { "state", 'T' }, { "claimed_at", 'T' }, { "claimed_by", 'T' },
	    { "closed_at", 'T' }, { "closed_by", 'T' },
	    { "created_at", 'T' } } },
	{ "report", "id", 1, { { "id", 'I' }, { "period_id", 'I' },
	    { "task_id", 'I' }, { "unit_id", 'I' }, { "kind", 'T' },
	    { "progress", 'T' }, { "narrative", 'T' }, { "measures", 'T' },
	    { "state", 'T' }, { "late", 'I' }, { "returns", 'I' },
	    { "submissions", 'I' }, { "first_submitted_at", 'T' },
	    { "submitted_at", 'T' }, { "accepted_at", 'T' },
	    { "created_by", 'T' }, { "created_at", 'T' },
	    { "updated_at", 'T' } } },
	{ "report_cite", "report_id, cited_id", 0, { { "report_id", 'I' },
	    { "cited_id", 'I' } } },
	{ "report_indicator", "report_id, name", 0, { { "report_id", 'I' },
	    { "name", 'T' }, { "value", 'R' }, { "done", 'I' },
	    { "note", 'T' } } },
	{ "report_event", "id", 1, { { "id", 'I' }, { "report_id", 'I' },
	    { "at", 'T' }, { "actor", 'T' }, { "action", 'T' },
	    { "reason", 'T' }, { "comment", 'T' } } },
	{ "file_blob", "sha256", 0, { { "sha256", 'T' }, { "size", 'I' },
	    { "data", 'T' } } },
	{ "evidence", "id", 1, { { "id", 'I' }, { "report_id", 'I' },
	    { "sha256", 'T' }, { "name", 'T' }, { "mime", 'T' },
	    { "size", 'I' }, { "uploaded_by", 'T' },
	    { "uploaded_at", 'T' } } },
	{ "extension", "id", 1, { { "id", 'I' }, { "period_id", 'I' },
	    { "task_id", 'I' }, { "unit_id", 'I' }, { "reason", 'T' },
	    { "original_due", 'T' }, { "requested_due", 'T' },
	    { "state", 'T' }, { "requested_by", 'T' },
	    { "requested_at", 'T' }, { "decided_by", 'T' },
	    { "decided_at", 'T' }, { "comment", 'T' } } },
	{ "period_due_change", "id", 1, { { "id", 'I' }, { "period_id", 'I' },
	    { "old_due", 'T' }, { "new_due", 'T' }, { "reason", 'T' },
	    { "actor", 'T' }, { "at", 'T' } } },
	{ "missed_report", "period_id, task_id, unit_id", 0, {
	    { "period_id", 'I' }, { "task_id", 'I' }, { "unit_id", 'I' },
	    { "deadline", 'T' }, { "recorded_at", 'T' } } },
	{ "notice", "id", 1, { { "id", 'I' }, { "unit_id", 'I' },
	    { "kind", 'T' }, { "period_id", 'I' }, { "task_id", 'I' },
	    { "message", 'T' }, { "actor", 'T' }, { "created_at", 'T' },
	    { "read_at", 'T' }, { "read_by", 'T' } } },
	{ "setting", "key", 0, { { "key", 'T' }, { "value", 'T' },
	    { "updated_by", 'T' }, { "updated_at", 'T' } } },
	{ "calendar_day", "day", 0, { { "day", 'T' }, { "kind", 'T' },
	    { "name", 'T' }, { "year", 'I' } } },
	{ "calendar_year", "year", 0, { { "year", 'I' }, { "source", 'T' },
	    { "loaded_at", 'T' } } },
	{ "reg_normative_doc", "id", 1, { { "id", 'I' }, { "unit_id", 'I' },
	    { "doc_no", 'T' }, { "title", 'T' }, { "published", 'T' },
	    { "filed", 'T' }, { "reviewed", 'T' }, { "conclusion", 'T' },
	    { "expires", 'T' }, { "status", 'T' }, { "note", 'T' },
	    { "revision", 'I' }, { "created_by", 'T' }, { "created_at", 'T' },
	    { "updated_by", 'T' }, { "updated_at", 'T' } } },
	{ "reg_litigation", "id", 1, { { "id", 'I' }, { "unit_id", 'I' },
	    { "reg_no", 'T' }, { "case_no", 'T' }, { "cause", 'T' },
	    { "plaintiff", 'T' }, { "court", 'T' }, { "instance", 'T' },
	    { "noticed", 'T' }, { "heard", 'I' }, { "hearing_date", 'T' },
	    { "head", 'T' }, { "head_rank", 'T' }, { "absence_reason", 'T' },
	    { "staff", 'T' }, { "outcome", 'T' }, { "judged", 'T' },
	    { "note", 'T' }, { "revision", 'I' }, { "created_by", 'T' },
	    { "created_at", 'T' }, { "updated_by", 'T' },
	    { "updated_at", 'T' } } },
	{ "reg_reconsideration", "id", 1, { { "id", 'I' },
	    { "agency_id", 'I' }, { "case_no", 'T' }, { "applicant", 'T' },
	    { "respondent_id", 'I' }, { "act", 'T' }, { "applied", 'T' },
	    { "accepted", 'T' }, { "simple", 'I' }, { "extended", 'I' },
	    { "concluded", 'T' }, { "closing", 'T' }, { "decision", 'T' },
	    { "note", 'T' }, { "revision", 'I' }, { "created_by", 'T' },
	    { "created_at", 'T' }, { "updated_by", 'T' },
	    { "updated_at", 'T' } } },
	{ "reg_decision", "id", 1, { { "id", 'I' }, { "unit_id", 'I' },
	    { "item_no", 'T' }, { "title", 'T' }, { "year", 'I' },
	    { "in_catalog", 'I' }, { "catalog_published", 'T' },
	    { "participation", 'T' }, { "comment_from", 'T' },
	    { "comment_to", 'T' }, { "expert", 'T' }, { "expert_date", 'T' },
	    { "risk", 'T' }, { "risk_date", 'T' }, { "review_sent", 'T' },
	    { "review_done", 'T' }, { "review_opinion", 'T' },
	    { "meeting", 'T' }, { "meeting_name", 'T' }, { "decided", 'T' },
	    { "result", 'T' }, { "published", 'T' }, { "archived", 'T' },
	    { "evaluated", 'T' }, { "note", 'T' }, { "revision", 'I' },
	    { "created_by", 'T' }, { "created_at", 'T' },
	    { "updated_by", 'T' }, { "updated_at", 'T' } } },
	{ "reg_rating", "id", 1, { { "id", 'I' }, { "unit_id", 'I' },
	    { "rating_no", 'T' }, { "item", 'T' }, { "rated_on", 'T' },
	    { "channel", 'T' }, { "real_name", 'I' }, { "grade", 'T' },
	    { "content", 'T' }, { "accepted", 'T' }, { "visited", 'T' },
	    { "verdict", 'T' }, { "appealed", 'T' }, { "appeal_decided", 'T' },
	    { "appeal_result", 'T' }, { "measures", 'T' }, { "fixed", 'T' },
	    { "feedback", 'T' }, { "feedback_way", 'T' },
	    { "satisfaction", 'T' }, { "disclosed", 'T' },
	    { "application", 'T' }, { "note", 'T' }, { "revision", 'I' },
	    { "created_by", 'T' }, { "created_at", 'T' },
	    { "updated_by", 'T' }, { "updated_at", 'T' } } },
	{ "reg_activity", "id", 1, { { "id", 'I' }, { "unit_id", 'I' },
	    { "activity_no", 'T' }, { "kind", 'T' }, { "title", 'T' },
	    { "held", 'T' }, { "place", 'T' }, { "host", 'T' },
	    { "chief", 'I' }, { "leaders", 'I' }, { "attendance", 'I' },
	    { "attendees", 'T' }, { "note", 'T' }, { "revision", 'I' },
	    { "created_by", 'T' }, { "created_at", 'T' },
	    { "updated_by", 'T' }, { "updated_at", 'T' } } },
	{ "reg_proof_item", "id", 1, { { "id", 'I' }, { "unit_id", 'I' },
	    { "name", 'T' }, { "basis", 'T' }, { "matter", 'T' },
	    { "issuer", 'T' }, { "promise", 'I' }, { "status", 'T' },
	    { "listed", 'T' }, { "note", 'T' }, { "revision", 'I' },
	    { "created_by", 'T' }, { "created_at", 'T' },
	    { "updated_by", 'T' }, { "updated_at", 'T' } } },
	{ "reg_enforcer", "id", 1, { { "id", 'I' }, { "unit_id", 'I' },
	    { "cert_no", 'T' }, { "name", 'T' }, { "category", 'T' },
	    { "issuer", 'T' }, { "issued", 'T' }, { "expires", 'T' },
	    { "status", 'T' }, { "note", 'T' }, { "revision", 'I' },
	    { "created_by", 'T' }, { "created_at", 'T' },
	    { "updated_by", 'T' }, { "updated_at", 'T' } } },
	{ "reg_enforcement", "id", 1, { { "id", 'I' }, { "unit_id", 'I' },
	    { "doc_no", 'T' }, { "kind", 'T' }, { "party", 'T' },
	    { "matter", 'T' }, { "decided", 'T' }, { "major", 'I' },
	    { "reviewed", 'T' }, { "opinion", 'T' }, { "published", 'T' },
	    { "av_required", 'I' }, { "av_record", 'I' }, { "officers", 'T' },
	    { "note", 'T' }, { "revision", 'I' }, { "created_by", 'T' },
	    { "created_at", 'T' }, { "updated_by", 'T' },
	    { "updated_at", 'T' } } },
	{ "registry_history", "id", 1, { { "id", 'I' }, { "registry", 'T' },
	    { "record_id", 'I' }, { "revision", 'I' }, { "action", 'T' },
	    { "actor", 'T' }, { "at", 'T' }, { "before", 'T' },
	    { "after", 'T' } } },
	{ "registry_evidence", "id", 1, { { "id", 'I' }, { "registry", 'T' },
	    { "record_id", 'I' }, { "sha256", 'T' }, { "name", 'T' },
	    { "mime", 'T' }, { "size", 'I' }, { "uploaded_by", 'T' },
	    { "uploaded_at", 'T' } } },
	{ "indicator_def", "id", 2, { { "id", 'I' }, { "key", 'T' },
	    { "version", 'I' }, { "name", 'T' }, { "registry", 'T' },
	    { "kind", 'T' }, { "numerator", 'T' }, { "denominator", 'T' },
	    { "params", 'T' }, { "target", 'R' }, { "comparator", 'T' },
	    { "unit", 'T' }, { "scope", 'T' }, { "source", 'T' },
	    { "basis", 'T' }, { "note", 'T' }, { "created_by", 'T' },
	    { "created_at", 'T' } } },
	{ "indicator_run", "id", 1, { { "id", 'I' }, { "as_of", 'T' },
	    { "year", 'I' }, { "period_start", 'T' }, { "period_end", 'T' },
	    { "computed_at", 'T' }, { "actor", 'T' }, { "scope", 'T' } } },
	{ "indicator_value", "id", 1, { { "id", 'I' }, { "run_id", 'I' },
	    { "def_id", 'I' }, { "unit_id", 'I' }, { "numerator", 'I' },
	    { "denominator", 'I' }, { "value", 'R' }, { "met", 'I' },
	    { "inputs_sha256", 'T' }, { "counted_ids", 'T' },
	    { "failing_ids", 'T' }, { "excluded_ids", 'T' } } },
	{ "indicator_link", "task_id, name", 0, { { "task_id", 'I' },
	    { "name", 'T' }, { "def_key", 'T' }, { "source", 'T' },
	    { "linked_by", 'T' }, { "linked_at", 'T' } } },
	{ "finding", "id", 1, { { "id", 'I' }, { "plan_id", 'I' },
	    { "source_kind", 'T' }, { "doc_no", 'T' }, { "doc_title", 'T' },
	    { "found_on", 'T' }, { "description", 'T' },
	    { "requirement", 'T' }, { "deadline", 'T' }, { "state", 'T' },
	    { "repeat_of", 'I' }, { "created_by", 'T' },
	    { "created_at", 'T' }, { "updated_at", 'T' } } },
	{ "finding_task", "finding_id, task_id", 0, {
	    { "finding_id", 'I' }, { "task_id", 'I' } } },
	{ "rectification", "id", 1, { { "id", 'I' }, { "finding_id", 'I' },
	    { "unit_id", 'I' }, { "state", 'T' }, { "text", 'T' },
	    { "submitted_by", 'T' }, { "submitted_at", 'T' },
	    { "checked_by", 'T' }, { "checked_at", 'T' },
	    { "check_comment", 'T' }, { "closed_by", 'T' },
	    { "closed_at", 'T' }, { "reopened", 'I' } } },
	{ "finding_evidence", "id", 1, { { "id", 'I' }, { "rect_id", 'I' },
	    { "sha256", 'T' }, { "name", 'T' }, { "mime", 'T' },
	    { "size", 'I' }, { "uploaded_by", 'T' },
	    { "uploaded_at", 'T' } } },
	{ "finding_event", "id", 1, { { "id", 'I' }, { "finding_id", 'I' },
	    { "unit_id", 'I' }, { "at", 'T' }, { "actor", 'T' },
	    { "action", 'T' }, { "before", 'T' }, { "after", 'T' },
	    { "reason", 'T' } } },
	{ "escalation", "id", 1, { { "id", 'I' }, { "unit_id", 'I' },
	    { "item", 'T' }, { "finding_id", 'I' }, { "step", 'T' },
	    { "state", 'T' }, { "on_date", 'T' }, { "days_overdue", 'I' },
	    { "actor", 'T' }, { "reason", 'T' }, { "created_at", 'T' },
	    { "confirmed_by", 'T' }, { "confirmed_at", 'T' } } },
	{ "publication_site", "id", 0, { { "id", 'I' }, { "enabled", 'I' },
	    { "set_by", 'T' }, { "set_at", 'T' } } },
	{ "publication_plan", "plan_id", 0, { { "plan_id", 'I' },
	    { "published", 'I' }, { "fields", 'T' }, { "set_by", 'T' },
	    { "set_at", 'T' } } },
	{ "publication_evidence", "evidence_id", 0, { { "evidence_id", 'I' },
	    { "public", 'I' }, { "set_by", 'T' }, { "set_at", 'T' } } },
	{ "audit", "id", 1, { { "id", 'I' }, { "at", 'T' }, { "actor", 'T' },
	    { "action", 'T' }, { "object", 'T' }, { "detail", 'T' },
	    { "prev_hash", 'T' }, { "hash", 'T' } } },
	{ "annual_report", "id", 1, { { "id", 'I' }, { "plan_id", 'I' },
	    { "year", 'I' }, { "unit_id", 'I' }, { "state", 'T' },
	    { "version", 'I' }, { "published_version", 'I' },
	    { "content_sha256", 'T' }, { "docx_sha256", 'T' },
	    { "docx_size", 'I' }, { "published_at", 'T' },
	    { "created_at", 'T' }, { "updated_at", 'T' } } },
	{ "annual_version", "report_id, version", 0, { { "report_id", 'I' },
	    { "version", 'I' }, { "content", 'T' }, { "flags", 'I' },
	    { "created_by", 'T' }, { "created_at", 'T' } } },
	{ "annual_event", "id", 1, { { "id", 'I' }, { "report_id", 'I' },
	    { "at", 'T' }, { "actor", 'T' }, { "action", 'T' },
	    { "from_state", 'T' }, { "to_state", 'T' }, { "version", 'I' },
	    { "reason", 'T' } } },
	{ "assess_rubric", "id", 2, { { "id", 'I' }, { "year", 'I' },
	    { "version", 'I' }, { "items", 'T' }, { "created_by", 'T' },
	    { "created_at", 'T' } } },
	{ "assess_manual", "id", 1, { { "id", 'I' }, { "year", 'I' },
	    { "unit_id", 'I' }, { "item_key", 'T' }, { "points", 'I' },
	    { "reason", 'T' }, { "name", 'T' }, { "sha256", 'T' },
	    { "size", 'I' }, { "mime", 'T' }, { "actor", 'T' },
	    { "at", 'T' } } },
	{ "assess_run", "id", 1, { { "id", 'I' }, { "as_of", 'T' },
	    { "rubric_id", 'I' }, { "rubric_year", 'I' },
	    { "rubric_version", 'I' }, { "inputs_sha256", 'T' },
	    { "result", 'T' }, { "actor", 'T' }, { "created_at", 'T' } } },
	{ "assess_score", "run_id, unit_id, item_key", 0, { { "run_id", 'I' },
	    { "unit_id", 'I' }, { "item_key", 'T' }, { "num", 'I' },
	    { "den", 'I' }, { "points", 'I' }, { "total", 'I' },
	    { "rank", 'I' } } },
};
#define NTABLES	(sizeof(tables) / sizeof(tables[0]))
_Static_assert(NTABLES <= STORE_COPY_MAX, "raise STORE_COPY_MAX");

static size_t
ncols(const struct table *t)
{
	size_t	 n = 0;

	while (n < MAXCOLS && t->cols[n].name != NULL)
		n++;
	return n;
}

static void
select_sql(const struct table *t, struct buf *b)
{
	size_t	 i;

	buf_addstr(b, "SELECT ");
	for (i = 0; i < ncols(t); i++)
		buf_addf(b, "%s%s", i ? ", " : "", t->cols[i].name);
	buf_addf(b, " FROM %s ORDER BY %s", t->name, t->order);
}

static void
insert_sql(const struct table *t, struct buf *b)
{
	size_t	 i;

	buf_addf(b, "INSERT INTO %s (", t->name);
	for (i = 0; i < ncols(t); i++)
		buf_addf(b, "%s%s", i ? ", " : "", t->cols[i].name);
	buf_addstr(b, ") VALUES (");
	for (i = 0; i < ncols(t); i++)
		buf_addf(b, "%s?%zu", i ? ", " : "", i + 1);
	buf_addch(b, ')');
}

int
store_copy_ntables(void)
{
	return (int)NTABLES;
}

const char *
store_copy_table(int i)
{
	return i >= 0 && (size_t)i < NTABLES ? tables[i].name : NULL;
}

/* Row count and SHA-256 of a table's canonical rows. */
static enum fz_err
digest(struct store *st, const struct table *t, int64_t *rows,
    char hex[65])
{
	crypto_hash_sha256_state	 h;
	unsigned char			 out[crypto_hash_sha256_BYTES];
	struct buf			 sql = BUF_INIT, v = BUF_INIT;
	struct dbq			*q;
	size_t				 i, n = ncols(t);
	enum fz_err			 rc = FZ_OK;
	int				 r;

	*rows = 0;
	crypto_hash_sha256_init(&h);
	select_sql(t, &sql);
	if ((q = st->drv->prepare(st, sql.ptr)) == NULL) {
		rc = q_err(st);
		goto out;
	}
	while ((r = q_step(q)) == 1) {
		buf_reset(&v);
		for (i = 0; i < n; i++) {
			if (q_colnull(q, (int)i))
				buf_addstr(&v, "\001N");
			else if (t->cols[i].type == 'I')
				buf_addf(&v, "%lld", (long long)q_colint(q,
				    (int)i));
			else if (t->cols[i].type == 'R')
				buf_addf(&v, "%.17g", q_colreal(q, (int)i));
			else
				buf_addstr(&v, q_col(q, (int)i));
			buf_addch(&v, 0x1f);
		}
		buf_addch(&v, 0x1e);
		crypto_hash_sha256_update(&h, (const unsigned char *)v.ptr,
		    v.len);
		++*rows;
	}
	if (r < 0)
		rc = q_err(st);
	st->drv->finalize(q);
out:
	crypto_hash_sha256_final(&h, out);
	sodium_bin2hex(hex, 65, out, sizeof(out));
	buf_release(&sql);
	buf_release(&v);
	return rc;
}

static enum fz_err
copy_table(struct store *from, struct store *to, const struct table *t,
    uint64_t *done, uint64_t total, store_progress_cb cb, void *arg)
{
	struct buf	 s = BUF_INIT, ins = BUF_INIT;
	struct dbq	*q = NULL, *w = NULL;
	size_t		 i, n = ncols(t);
	enum fz_err	 rc = FZ_OK;
	int		 r;

	select_sql(t, &s);
	insert_sql(t, &ins);
	if ((q = from->drv->prepare(from, s.ptr)) == NULL) {
		rc = q_err(from);
		goto out;
	}
	if ((w = to->drv->prepare(to, ins.ptr)) == NULL) {
		rc = q_err(to);
		goto out;
	}
	while ((r = q_step(q)) == 1) {
		q_reset(w);
		for (i = 0; i < n; i++) {
			if (q_colnull(q, (int)i))
				q_null(w, (int)i + 1);
			else if (t->cols[i].type == 'I')
				q_int(w, (int)i + 1, q_colint(q, (int)i));
			else if (t->cols[i].type == 'R')
				q_real(w, (int)i + 1, q_colreal(q, (int)i));
			else
				q_text(w, (int)i + 1, q_col(q, (int)i));
		}
		if (q_step(w) < 0) {
			rc = q_err(to);
			goto out;
		}
		q_reset(w);
		if (cb != NULL)
			cb(++*done, total, arg);
	}
	if (r < 0)
		rc = q_err(from);
out:
	if (q != NULL)
		from->drv->finalize(q);
	if (w != NULL)
		to->drv->finalize(w);
	buf_release(&s);
	buf_release(&ins);
	return rc;
}

enum fz_err
store_copy(struct store *from, struct store *to, struct copy_report *rep,
    store_progress_cb cb, void *arg)
{
	struct buf	 b = BUF_INIT;
	uint64_t	 total = 0, done = 0;
	enum fz_err	 rc;
	int		 vf = 0, vt = 0, in_from = 0, in_to = 0;
	size_t		 i;

	memset(rep, 0, sizeof(*rep));
	if ((rc = store_schema_version(from, &vf)) != FZ_OK ||
	    (rc = store_schema_version(to, &vt)) != FZ_OK)
		goto out;
	if (vf != store_schema_latest(from) || vt != vf) {
		rc = store_fail(to, FZ_EVERSION, "源数据库结构版本为 %d，目标为 "
		    "%d，本程序为 %d：请先对两边运行 fazhi init", vf, vt,
		    store_schema_latest(from));
		goto out;
	}
	if ((rc = store_begin(from)) != FZ_OK)
		goto out;
	in_from = 1;
	if ((rc = store_begin(to)) != FZ_OK)
		goto out;
	in_to = 1;
	for (i = 0; i < NTABLES; i++) {
		int64_t rows;
		char hex[65];

		if ((rc = digest(to, &tables[i], &rows, hex)) != FZ_OK)
			goto out;
		if (rows > 0 && tables[i].serial == 2) {
			buf_reset(&b);
			buf_addf(&b, "DELETE FROM %s", tables[i].name);
			if ((rc = to->drv->exec(to, b.ptr)) != FZ_OK)
				goto out;
		} else if (rows > 0) {
			rc = store_fail(to, FZ_ECONFLICT, "目标数据库不是空的"
			    "（表 %s 有 %lld 行）：只能复制到新建的数据库",
			    tables[i].name, (long long)rows);
			goto out;
		}
		if ((rc = digest(from, &tables[i], &rows, hex)) != FZ_OK)
			goto out;
		rep->t[i].table = tables[i].name;
		rep->t[i].rows = rows;
		memcpy(rep->t[i].sha256, hex, sizeof(hex));
		total += (uint64_t)rows;
	}
	rep->n = NTABLES;
	for (i = 0; i < NTABLES; i++)
		if ((rc = copy_table(from, to, &tables[i], &done, total, cb,
		    arg)) != FZ_OK)
			goto out;
	/* Sequences continue after the copied ids. */
	if (str_eq(to->drv->name, "pg"))
		for (i = 0; i < NTABLES; i++) {
			if (!tables[i].serial)
				continue;
			buf_reset(&b);
			buf_addf(&b, "SELECT setval(pg_get_serial_sequence('%s', "
			    "'id'), (SELECT coalesce(max(id), 0) + 1 FROM %s), "
			    "false)", tables[i].name, tables[i].name);
			if ((rc = to->drv->exec(to, b.ptr)) != FZ_OK)
				goto out;
		}
	/* Verify before committing: same rows, same content. */
	for (i = 0; i < NTABLES; i++) {
		int64_t rows;
		char hex[65];

		if ((rc = digest(to, &tables[i], &rows, hex)) != FZ_OK)
			goto out;
		if (rows != rep->t[i].rows || !str_eq(hex, rep->t[i].sha256)) {
			rc = store_fail(to, FZ_EDB, "校验失败：表 %s 源 %lld 行，"
			    "目标 %lld 行，内容摘要%s", tables[i].name,
			    (long long)rep->t[i].rows, (long long)rows,
			    str_eq(hex, rep->t[i].sha256) ? "相同" : "不同");
			goto out;
		}
	}
	if ((rc = store_commit(to)) != FZ_OK)
		goto out;
	in_to = 0;
out:
	if (in_to)
		store_rollback(to);
	if (in_from)
		store_rollback(from);
	if (rc != FZ_OK && from->last != FZ_OK && to->err.len == 0)
		store_seterr(to, "%s", from->err.ptr);
	buf_release(&b);
	return rc;
}

enum fz_err
store_digest(struct store *st, struct copy_report *rep)
{
	enum fz_err	 rc;
	size_t		 i;

	memset(rep, 0, sizeof(*rep));
	for (i = 0; i < NTABLES; i++) {
		rep->t[i].table = tables[i].name;
		if ((rc = digest(st, &tables[i], &rep->t[i].rows,
		    rep->t[i].sha256)) != FZ_OK)
			return rc;
	}
	rep->n = NTABLES;
	return FZ_OK;
}
