/*
 * sql.c: the SQL of every store statement, indexed by enum stmt: the
 * complete list of queries the program runs, all with bound parameters
 * (?N). Both engines take this common dialect (the PostgreSQL driver
 * writes ?N as $N); sql_pg_only[] holds the few that must differ.
 * SPDX-License-Identifier: MIT
 */
#include "store-int.h"


#define ASG_COLS "SELECT a.id, a.task_id, t.plan_id, t.number, a.unit_id, u.name, " \
	    "a.role, a.source, a.state, a.claimed_at, a.claimed_by, a.closed_at, " \
	    "a.closed_by FROM assignment a JOIN task t ON t.id = a.task_id " \
	    "JOIN unit u ON u.id = a.unit_id "
#define REP_COLS "SELECT r.id, r.period_id, r.task_id, r.unit_id, t.plan_id, t.number, " \
	    "u.name, p.name, p.due, r.kind, r.progress, r.narrative, r.measures, " \
	    "r.state, r.late, r.returns, r.submissions, r.first_submitted_at, " \
	    "r.submitted_at, r.accepted_at, r.created_by, r.created_at, " \
	    "r.updated_at FROM report r JOIN task t ON t.id = r.task_id " \
	    "JOIN unit u ON u.id = r.unit_id JOIN period p ON p.id = r.period_id "
#define REP_WHERE "WHERE (?1 = 0 OR t.plan_id = ?1) AND (?2 = 0 OR r.period_id = ?2) " \
	    "AND (?3 = 0 OR r.task_id = ?3) AND (?4 = 0 OR r.unit_id = ?4) " \
	    "AND (?5 = '' OR r.state = ?5) AND (?6 = 0 OR r.unit_id IN " \
	    "(SELECT unit_id FROM account_role WHERE account_id = ?6) OR " \
	    "(r.state IN ('submitted', 'accepted') AND r.task_id IN " \
	    "(SELECT a.task_id FROM assignment a JOIN account_role ar ON " \
	    "ar.unit_id = a.unit_id WHERE ar.account_id = ?6 AND " \
	    "a.role = 'lead'))) AND (?7 = 0 OR r.unit_id NOT IN " \
	    "(SELECT unit_id FROM account_role WHERE account_id = ?7)) "
#define EXT_COLS "SELECT e.id, e.period_id, e.task_id, e.unit_id, t.number, u.name, " \
	    "e.reason, e.original_due, e.requested_due, e.state, " \
	    "e.requested_by, e.requested_at, e.decided_by, e.decided_at, " \
	    "e.comment FROM extension e JOIN task t ON t.id = e.task_id " \
	    "JOIN unit u ON u.id = e.unit_id "
#define NOTICE_COLS "SELECT id, unit_id, kind, coalesce(period_id, 0), " \
	    "coalesce(task_id, 0), message, actor, created_at, read_at " \
	    "FROM notice "
#define ANN_COLS "SELECT a.id, a.plan_id, a.year, coalesce(a.unit_id, 0), " \
	    "coalesce(u.code, ''), coalesce(u.name, ''), a.state, a.version, " \
	    "coalesce(a.published_version, 0), a.content_sha256, a.docx_sha256, " \
	    "coalesce(a.docx_size, 0), a.published_at, a.created_at, " \
	    "a.updated_at FROM annual_report a LEFT JOIN unit u ON " \
	    "u.id = a.unit_id "
#define EVID_COLS "SELECT id, report_id, sha256, name, mime, size, " \
	    "uploaded_by, uploaded_at FROM evidence "

#define REG_EVID_COLS "SELECT id, registry, record_id, sha256, name, mime, " \
	    "size, uploaded_by, uploaded_at FROM registry_evidence "
#define IND_DEF_COLS "SELECT id, key, version, name, registry, kind, " \
	    "numerator, denominator, params, target, comparator, unit, scope, " \
	    "source, basis, note, created_by, created_at FROM indicator_def "
#define IND_VAL_COLS "SELECT v.id, v.run_id, v.def_id, d.key, d.version, " \
	    "coalesce(v.unit_id, 0), coalesce(u.name, ''), v.numerator, " \
	    "v.denominator, v.value, v.met, v.inputs_sha256, r.as_of, " \
	    "r.computed_at FROM indicator_value v JOIN indicator_def d ON " \
	    "d.id = v.def_id JOIN indicator_run r ON r.id = v.run_id " \
	    "LEFT JOIN unit u ON u.id = v.unit_id "

#define ASSESS_IND "(SELECT count(*) FROM indicator_value v JOIN " \
	    "indicator_def d ON d.id = v.def_id WHERE v.unit_id = u.id AND v.met "
#define ASSESS_LATEST "v.run_id = (SELECT max(v2.run_id) FROM " \
	    "indicator_value v2 JOIN indicator_def d2 ON d2.id = v2.def_id " \
	    "JOIN indicator_run r2 ON r2.id = v2.run_id WHERE d2.key = d.key " \
	    "AND v2.unit_id IS NULL AND coalesce(r2.scope, '') = '' AND " \
	    "r2.as_of <= ?1)"

#define FINDING_COLS "SELECT id, coalesce(plan_id, 0), source_kind, doc_no, " \
	    "doc_title, found_on, description, requirement, deadline, state, " \
	    "coalesce(repeat_of, 0), created_by, created_at, updated_at " \
	    "FROM finding f "
#define RECT_COLS "SELECT x.id, x.finding_id, x.unit_id, u.name, x.state, " \
	    "x.text, x.submitted_by, x.submitted_at, x.checked_by, " \
	    "x.checked_at, x.check_comment, x.closed_by, x.closed_at, " \
	    "x.reopened, (SELECT count(*) FROM finding_evidence e WHERE " \
	    "e.rect_id = x.id), f.deadline FROM rectification x JOIN unit u " \
	    "ON u.id = x.unit_id JOIN finding f ON f.id = x.finding_id "
#define FEVID_COLS "SELECT id, rect_id, sha256, name, mime, size, " \
	    "uploaded_by, uploaded_at FROM finding_evidence "
#define ESC_COLS "SELECT e.id, e.unit_id, u.name, e.item, " \
	    "coalesce(e.finding_id, 0), e.step, e.state, e.on_date, " \
	    "e.days_overdue, e.actor, e.reason, e.created_at, e.confirmed_by, " \
	    "e.confirmed_at FROM escalation e JOIN unit u ON u.id = e.unit_id "
/* Reports of a unit counted in a 通报: ?1 plan (0 any), ?2 as of. */
#define BUL_REP "FROM report r JOIN task t ON t.id = r.task_id WHERE " \
	    "r.unit_id = u.id AND (?1 = 0 OR t.plan_id = ?1) AND "

const char *const sql_common[STMT__MAX] = {
	[STMT_HAS_VERSION_TABLE] = "SELECT count(*) FROM sqlite_master "
	    "WHERE type = 'table' AND name = 'schema_version'",
	[STMT_VERSION_GET] = "SELECT coalesce(max(version), 0) "
	    "FROM schema_version",
	[STMT_VERSION_SET] = "INSERT INTO schema_version "
	    "(version, name, applied_at) VALUES (?1, ?2, ?3)",
	[STMT_VERSION_HAS] = "SELECT count(*) FROM schema_version "
	    "WHERE version = ?1",
	[STMT_DIV_PUT] = "INSERT INTO division (code, name, level, parent) "
	    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (code) DO UPDATE SET "
	    "name = excluded.name, level = excluded.level, "
	    "parent = excluded.parent",
	[STMT_UNIT_BY_CODE] = "SELECT id FROM unit WHERE code = ?1",
	[STMT_UNIT_BY_NAME] = "SELECT id FROM unit WHERE name = ?1",
	[STMT_UNIT_NAME_OWNER] = "SELECT unit_id FROM unit_name "
	    "WHERE name = ?1",
	[STMT_UNIT_MAX_ORD] = "SELECT coalesce(max(ord), 0) FROM unit",
	[STMT_UNIT_INSERT] = "INSERT INTO unit (code, name, kind, "
	    "enforcement, parent, division, ord) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
	[STMT_UNIT_UPDATE] = "UPDATE unit SET name = ?2, kind = ?3, "
	    "enforcement = ?4, parent = ?5, division = ?6 WHERE id = ?1",
	[STMT_UNIT_NAMES_DEL] = "DELETE FROM unit_name WHERE unit_id = ?1",
	[STMT_UNIT_NAME_INS] = "INSERT INTO unit_name (name, unit_id, kind, "
	    "ord) VALUES (?1, ?2, ?3, ?4)",
	[STMT_UNIT_ALL] = "SELECT id, code, name, kind, enforcement, parent, "
	    "division FROM unit ORDER BY ord, id",
	[STMT_UNIT_NAMES_ALL] = "SELECT unit_id, name, kind FROM unit_name "
	    "ORDER BY unit_id, ord",
	[STMT_PLAN_FIND] = "SELECT id FROM plan WHERE doc_no = ?1 OR "
	    "(?1 IS NULL AND doc_no IS NULL AND title = ?2)",
	[STMT_PLAN_LIST] = "SELECT p.id, p.doc_no, p.title, p.year, "
	    "p.revision, p.updated_at, (SELECT count(*) FROM task t "
	    "WHERE t.plan_id = p.id) FROM plan p ORDER BY p.year DESC, p.id",
	[STMT_PLAN_GET] = "SELECT doc_no, issuer, notice_title, title, year, "
	    "issue_date, recipients, cc, is_public, preamble, revision, "
	    "updated_at FROM plan WHERE id = ?1",
	[STMT_PLAN_INSERT] = "INSERT INTO plan (doc_no, issuer, "
	    "notice_title, title, year, issue_date, recipients, cc, "
	    "is_public, preamble, revision, created_at, updated_at) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, ?11) RETURNING id",
	[STMT_PLAN_UPDATE] = "UPDATE plan SET doc_no = ?2, issuer = ?3, "
	    "notice_title = ?4, title = ?5, year = ?6, issue_date = ?7, "
	    "recipients = ?8, cc = ?9, is_public = ?10, preamble = ?11, "
	    "revision = revision + 1, updated_at = ?12 WHERE id = ?1 "
	    "RETURNING revision",
	[STMT_SOURCE_LATEST] = "SELECT name, format, sha256, bytes, text "
	    "FROM plan_source WHERE plan_id = ?1 ORDER BY revision DESC "
	    "LIMIT 1",
	[STMT_SOURCE_INSERT] = "INSERT INTO plan_source (plan_id, revision, "
	    "name, format, sha256, bytes, text, imported_at) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[STMT_SECTION_LIST] = "SELECT id, ord, numeral, title, has_tasks, "
	    "line FROM plan_section WHERE plan_id = ?1 ORDER BY ord",
	[STMT_SECTION_PUT] = "INSERT INTO plan_section (plan_id, ord, "
	    "numeral, title, has_tasks, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
	    "ON CONFLICT (plan_id, ord) DO UPDATE SET numeral = "
	    "excluded.numeral, title = excluded.title, has_tasks = "
	    "excluded.has_tasks, line = excluded.line RETURNING id",
	[STMT_SECTION_TRIM] = "DELETE FROM plan_section WHERE plan_id = ?1 "
	    "AND ord > ?2",
	[STMT_TASK_LIST] = "SELECT id, number, label, section, title, text, "
	    "annotation, deadline_text, line FROM task WHERE plan_id = ?1 "
	    "ORDER BY number",
	[STMT_TASK_IDS] = "SELECT id FROM task WHERE plan_id = ?1",
	[STMT_TASK_DELETE] = "DELETE FROM task WHERE id = ?1",
	[STMT_TASK_NEGATE] = "UPDATE task SET number = -number "
	    "WHERE plan_id = ?1",
	[STMT_TASK_INSERT] = "INSERT INTO task (plan_id, number, label, "
	    "section, title, text, annotation, deadline_text, line) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
	[STMT_TASK_UPDATE] = "UPDATE task SET number = ?2, label = ?3, "
	    "section = ?4, title = ?5, text = ?6, annotation = ?7, "
	    "deadline_text = ?8, line = ?9 WHERE id = ?1 AND plan_id = ?10 "
	    "RETURNING id",
	[STMT_MEASURE_LIST] = "SELECT m.task_id, m.text FROM task_measure m "
	    "JOIN task t ON t.id = m.task_id WHERE t.plan_id = ?1 "
	    "ORDER BY t.number, m.ord",
	[STMT_MEASURE_DEL] = "DELETE FROM task_measure WHERE task_id = ?1",
	[STMT_MEASURE_INS] = "INSERT INTO task_measure (task_id, ord, text) "
	    "VALUES (?1, ?2, ?3)",
	[STMT_REF_LIST] = "SELECT r.id, r.task_id, r.role, r.phrase, r.kind, "
	    "r.grp FROM task_unit_ref r JOIN task t ON t.id = r.task_id "
	    "WHERE t.plan_id = ?1 ORDER BY t.number, r.role, r.ord",
	[STMT_REF_DEL] = "DELETE FROM task_unit_ref WHERE task_id = ?1",
	[STMT_REF_INS] = "INSERT INTO task_unit_ref (task_id, role, ord, "
	    "phrase, kind, grp) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
	[STMT_MEMBER_LIST] = "SELECT m.ref_id, m.unit_id, m.unit_name "
	    "FROM task_unit_member m JOIN task_unit_ref r ON r.id = m.ref_id "
	    "JOIN task t ON t.id = r.task_id WHERE t.plan_id = ?1 "
	    "ORDER BY m.ref_id, m.ord",
	[STMT_MEMBER_INS] = "INSERT INTO task_unit_member (ref_id, ord, "
	    "unit_id, unit_name) VALUES (?1, ?2, ?3, ?4)",
	[STMT_IND_LIST] = "SELECT i.task_id, i.phrase, i.name, i.sentence, "
	    "i.kind, i.comparator, i.target, i.target_date, i.unit, "
	    "i.period, i.per_unit FROM indicator i JOIN task t ON "
	    "t.id = i.task_id WHERE t.plan_id = ?1 ORDER BY t.number, i.ord",
	[STMT_IND_DEL] = "DELETE FROM indicator WHERE task_id = ?1",
	[STMT_IND_INS] = "INSERT INTO indicator (task_id, ord, phrase, name, "
	    "sentence, kind, comparator, target, target_date, unit, period, "
	    "per_unit) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
	    "?12)",
	[STMT_ACCOUNT_INSERT] = "INSERT INTO account (login, name, "
	    "password_hash, is_admin, disabled, created_at, updated_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id",
	[STMT_ACCOUNT_UPDATE] = "UPDATE account SET name = ?2, "
	    "password_hash = ?3, is_admin = ?4, disabled = ?5, updated_at = ?6 "
	    "WHERE id = ?1 RETURNING id",
	[STMT_ACCOUNT_BY_LOGIN] = "SELECT id, login, name, password_hash, "
	    "is_admin, disabled, created_at FROM account WHERE login = ?1",
	[STMT_ACCOUNT_BY_ID] = "SELECT id, login, name, password_hash, "
	    "is_admin, disabled, created_at FROM account WHERE id = ?1",
	[STMT_ACCOUNT_LIST] = "SELECT id, login, name, password_hash, "
	    "is_admin, disabled, created_at FROM account ORDER BY id",
	[STMT_ROLE_DEL] = "DELETE FROM account_role WHERE account_id = ?1",
	[STMT_ROLE_INS] = "INSERT INTO account_role (account_id, unit_id, "
	    "role) VALUES (?1, ?2, ?3)",
	[STMT_ROLE_LIST] = "SELECT r.unit_id, u.code, u.name, r.role FROM "
	    "account_role r JOIN unit u ON u.id = r.unit_id WHERE "
	    "r.account_id = ?1 ORDER BY u.ord, r.role",
	[STMT_SESSION_INSERT] = "INSERT INTO session (id, account_id, csrf, "
	    "created_at, expires_at, last_seen_at) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?4)",
	[STMT_SESSION_GET] = "SELECT s.id, s.account_id, s.csrf, "
	    "s.created_at, s.expires_at, s.last_seen_at FROM session s JOIN "
	    "account a ON a.id = s.account_id WHERE s.id = ?1 AND "
	    "a.disabled = 0",
	[STMT_SESSION_TOUCH] = "UPDATE session SET last_seen_at = ?2, "
	    "expires_at = ?3 WHERE id = ?1",
	[STMT_SESSION_DELETE] = "DELETE FROM session WHERE id = ?1 "
	    "RETURNING id",
	[STMT_SESSION_DELETE_ACCOUNT] = "DELETE FROM session WHERE "
	    "account_id = ?1 RETURNING id",
	[STMT_AUDIT_PAGE] = "SELECT id, at, actor, action, object, detail "
	    "FROM audit WHERE (?1 = '' OR actor = ?1) AND (?2 = '' OR "
	    "object LIKE ?2 ESCAPE '!' OR action LIKE ?2 ESCAPE '!' OR "
	    "detail LIKE ?2 ESCAPE '!') ORDER BY id DESC LIMIT ?3 OFFSET ?4",
	[STMT_AUDIT_COUNT] = "SELECT count(*) FROM audit WHERE (?1 = '' OR "
	    "actor = ?1) AND (?2 = '' OR object LIKE ?2 ESCAPE '!' OR "
	    "action LIKE ?2 ESCAPE '!' OR detail LIKE ?2 ESCAPE '!')",
	[STMT_DATA_VERSION] = "SELECT coalesce(max(id), 0) FROM audit",
	[STMT_TASK_PLAN] = "SELECT plan_id FROM task WHERE id = ?1",
	[STMT_ASG_SYNC] = "INSERT INTO assignment (task_id, unit_id, role, "
	    "source, state, created_at) SELECT r.task_id, m.unit_id, "
	    "min(r.role), 'plan', 'assigned', ?2 FROM task_unit_ref r "
	    "JOIN task_unit_member m ON m.ref_id = r.id JOIN task t ON "
	    "t.id = r.task_id WHERE t.plan_id = ?1 AND m.unit_id IS NOT NULL "
	    "GROUP BY r.task_id, m.unit_id ON CONFLICT (task_id, unit_id) "
	    "DO UPDATE SET role = excluded.role WHERE assignment.source = "
	    "'plan' AND assignment.role <> excluded.role",
	[STMT_ASG_INSERT] = "INSERT INTO assignment (task_id, unit_id, role, "
	    "source, state, created_at) VALUES (?1, ?2, ?3, ?4, 'assigned', ?5) "
	    "RETURNING id",
	[STMT_ASG_GET] = ASG_COLS "WHERE a.id = ?1",
	[STMT_ASG_FIND] = ASG_COLS "WHERE a.task_id = ?1 AND a.unit_id = ?2",
	[STMT_ASG_LIST] = ASG_COLS "WHERE (?1 = 0 OR t.plan_id = ?1) AND "
	    "(?2 = 0 OR a.task_id = ?2) AND (?3 = 0 OR a.unit_id = ?3) ORDER BY "
	    "t.number, CASE a.role WHEN 'lead' THEN 0 ELSE 1 END, u.ord, u.id",
	[STMT_ASG_UPDATE] = "UPDATE assignment SET state = ?2, claimed_at = ?3, "
	    "claimed_by = ?4, closed_at = ?5, closed_by = ?6 WHERE id = ?1 "
	    "RETURNING id",
	[STMT_STATUS_ROWS] = "SELECT a.id, a.task_id, t.number, t.section, "
	    "a.unit_id, u.name, a.role, a.state, coalesce(r.id, 0), "
	    "coalesce(r.state, ''), coalesce(r.progress, ''), "
	    "coalesce(r.late, 0), coalesce(r.returns, 0), "
	    "coalesce(r.submissions, 0), coalesce((SELECT max(e.requested_due) "
	    "FROM extension e WHERE e.period_id = p.id AND e.task_id = "
	    "a.task_id AND e.unit_id = a.unit_id AND e.state = 'approved'), "
	    "p.due), p.grace_days, coalesce(r.first_submitted_at, ''), "
	    "(SELECT count(*) FROM missed_report mr WHERE mr.period_id = p.id "
	    "AND mr.task_id = a.task_id AND mr.unit_id = a.unit_id), p.starts "
	    "FROM assignment a JOIN task t ON t.id = a.task_id "
	    "JOIN unit u ON u.id = a.unit_id JOIN period p ON p.id = ?2 "
	    "LEFT JOIN report r ON r.period_id = p.id AND r.task_id = "
	    "a.task_id AND r.unit_id = a.unit_id WHERE t.plan_id = ?1 "
	    "ORDER BY t.number, CASE a.role WHEN 'lead' THEN 0 ELSE 1 END, "
	    "u.ord, u.id",
	[STMT_REP_INSERT] = "INSERT INTO report (period_id, task_id, unit_id, "
	    "kind, progress, narrative, measures, state, late, returns, "
	    "submissions, created_by, created_at, updated_at) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7, ?8, 0, 0, 0, ?9, ?10, ?10) RETURNING id",
	[STMT_REP_UPDATE] = "UPDATE report SET progress = ?2, narrative = ?3, "
	    "measures = ?4, state = ?5, late = ?6, returns = ?7, "
	    "submissions = ?8, first_submitted_at = ?9, submitted_at = ?10, "
	    "accepted_at = ?11, updated_at = ?12 WHERE id = ?1 RETURNING id",
	[STMT_REP_GET] = REP_COLS "WHERE r.id = ?1",
	[STMT_REP_FIND] = REP_COLS "WHERE r.period_id = ?1 AND r.task_id = ?2 "
	    "AND r.unit_id = ?3",
	[STMT_REP_LIST] = REP_COLS REP_WHERE "ORDER BY p.starts DESC, "
	    "t.number, u.ord, r.id LIMIT ?8 OFFSET ?9",
	[STMT_REP_COUNT] = "SELECT count(*) FROM report r JOIN task t ON "
	    "t.id = r.task_id " REP_WHERE,
	[STMT_REP_EVENT_INS] = "INSERT INTO report_event (report_id, at, "
	    "actor, action, reason, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
	    "RETURNING id",
	[STMT_REP_EVENT_LIST] = "SELECT id, report_id, at, actor, action, "
	    "reason, comment FROM report_event WHERE report_id = ?1 "
	    "ORDER BY id",
	[STMT_CITE_DEL] = "DELETE FROM report_cite WHERE report_id = ?1",
	[STMT_CITE_INS] = "INSERT INTO report_cite (report_id, cited_id) "
	    "VALUES (?1, ?2)",
	[STMT_RIND_DEL] = "DELETE FROM report_indicator WHERE report_id = ?1",
	[STMT_RIND_INS] = "INSERT INTO report_indicator (report_id, name, "
	    "value, done, note) VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_RIND_LIST] = "SELECT name, value, done, note FROM "
	    "report_indicator WHERE report_id = ?1 ORDER BY name",
	[STMT_RIND_LATEST] = "SELECT ri.name, ri.value, ri.done, ri.note, "
	    "r.id, u.name, p.name FROM report_indicator ri JOIN report r ON "
	    "r.id = ri.report_id JOIN unit u ON u.id = r.unit_id JOIN period p "
	    "ON p.id = r.period_id WHERE r.task_id = ?1 AND ri.name = ?2 AND "
	    "r.state = 'accepted' ORDER BY CASE r.kind WHEN 'consolidated' "
	    "THEN 0 ELSE 1 END, p.ends DESC, r.accepted_at DESC, r.id DESC "
	    "LIMIT 1",
	[STMT_CITE_LIST] = "SELECT cited_id FROM report_cite WHERE "
	    "report_id = ?1 ORDER BY cited_id",
	[STMT_BLOB_PUT] = "INSERT INTO file_blob (sha256, size, data) VALUES "
	    "(?1, ?2, ?3) ON CONFLICT (sha256) DO NOTHING",
	[STMT_BLOB_GET] = "SELECT size, data FROM file_blob WHERE sha256 = ?1",
	[STMT_EVID_INSERT] = "INSERT INTO evidence (report_id, sha256, name, "
	    "mime, size, uploaded_by, uploaded_at) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7) RETURNING id",
	[STMT_EVID_GET] = EVID_COLS "WHERE id = ?1",
	[STMT_EVID_DELETE] = "DELETE FROM evidence WHERE id = ?1 "
	    "RETURNING report_id",
	[STMT_EVID_LIST] = EVID_COLS "WHERE report_id = ?1 ORDER BY id",
	[STMT_EVID_BY_SHA] = "SELECT e.report_id, t.number, u.name "
	    "FROM evidence e JOIN report r ON r.id = e.report_id JOIN task t ON "
	    "t.id = r.task_id JOIN unit u ON u.id = r.unit_id WHERE "
	    "e.sha256 = ?1 AND e.report_id <> ?2 ORDER BY e.id",
	[STMT_EXT_INSERT] = "INSERT INTO extension (period_id, task_id, "
	    "unit_id, reason, original_due, requested_due, state, "
	    "requested_by, requested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "'pending', ?7, ?8) RETURNING id",
	[STMT_EXT_DECIDE] = "UPDATE extension SET state = ?2, decided_by = ?3, "
	    "decided_at = ?4, comment = ?5 WHERE id = ?1 AND state = 'pending' "
	    "RETURNING id",
	[STMT_EXT_GET] = EXT_COLS "WHERE e.id = ?1",
	[STMT_EXT_LIST] = EXT_COLS "WHERE (?1 = 0 OR t.plan_id = ?1) AND "
	    "(?2 = 0 OR e.task_id = ?2) AND (?3 = 0 OR e.unit_id = ?3) AND "
	    "(?4 = '' OR e.state = ?4) ORDER BY e.id DESC",
	[STMT_DEADLINE] = "SELECT coalesce((SELECT max(requested_due) FROM "
	    "extension WHERE period_id = p.id AND task_id = ?2 AND unit_id = ?3 "
	    "AND state = 'approved'), p.due), p.grace_days FROM period p "
	    "WHERE p.id = ?1",
	[STMT_PERIOD_GET] = "SELECT id, plan_id, name, starts, ends, due, "
	    "grace_days, locked FROM period WHERE id = ?1",
	[STMT_PERIOD_SET_DUE] = "UPDATE period SET due = ?2 WHERE id = ?1 "
	    "RETURNING id",
	[STMT_PERIOD_DUE_LOG] = "INSERT INTO period_due_change (period_id, "
	    "old_due, new_due, reason, actor, at) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6)",
	[STMT_MISSED_PUT] = "INSERT INTO missed_report (period_id, task_id, "
	    "unit_id, deadline, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5) "
	    "ON CONFLICT (period_id, task_id, unit_id) DO NOTHING "
	    "RETURNING period_id",
	[STMT_NOTICE_INSERT] = "INSERT INTO notice (unit_id, kind, period_id, "
	    "task_id, message, actor, created_at) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7) RETURNING id",
	[STMT_NOTICE_LIST] = NOTICE_COLS "WHERE (?1 = 0 OR unit_id IN "
	    "(SELECT unit_id FROM account_role WHERE account_id = ?1)) AND "
	    "(?2 = 0 OR read_at IS NULL) AND (?3 = 0 OR task_id = ?3) AND "
	    "(?4 = 0 OR unit_id = ?4) ORDER BY id DESC LIMIT ?5",
	[STMT_NOTICE_GET] = NOTICE_COLS "WHERE id = ?1",
	[STMT_NOTICE_READ] = "UPDATE notice SET read_at = ?2, read_by = ?3 "
	    "WHERE id = ?1 AND read_at IS NULL RETURNING id",
	[STMT_SETTING_GET] = "SELECT value FROM setting WHERE key = ?1",
	[STMT_SETTING_PUT] = "INSERT INTO setting (key, value, updated_by, "
	    "updated_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (key) DO UPDATE SET "
	    "value = excluded.value, updated_by = excluded.updated_by, "
	    "updated_at = excluded.updated_at",
	[STMT_REG_HIST_INS] = "INSERT INTO registry_history (registry, "
	    "record_id, revision, action, actor, at, before, after) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[STMT_REG_HIST_LIST] = "SELECT revision, action, actor, at, before, "
	    "after FROM registry_history WHERE registry = ?1 AND "
	    "record_id = ?2 ORDER BY revision",
	[STMT_REG_EVID_INSERT] = "INSERT INTO registry_evidence (registry, "
	    "record_id, sha256, name, mime, size, uploaded_by, uploaded_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
	[STMT_REG_EVID_GET] = REG_EVID_COLS "WHERE id = ?1",
	[STMT_REG_EVID_LIST] = REG_EVID_COLS "WHERE registry = ?1 AND "
	    "record_id = ?2 ORDER BY id",
	[STMT_IND_DEF_INSERT] = "INSERT INTO indicator_def (key, version, "
	    "name, registry, kind, numerator, denominator, params, target, "
	    "comparator, unit, scope, source, basis, note, created_by, "
	    "created_at) VALUES (?1, (SELECT coalesce(max(version), 0) + 1 "
	    "FROM indicator_def WHERE key = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	    "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) RETURNING id, version",
	[STMT_IND_DEF_GET] = IND_DEF_COLS "WHERE key = ?1 AND version = ?2",
	[STMT_IND_DEF_LATEST] = IND_DEF_COLS "WHERE key = ?1 ORDER BY "
	    "version DESC LIMIT 1",
	[STMT_IND_DEF_LIST] = IND_DEF_COLS "d WHERE version = (SELECT "
	    "max(version) FROM indicator_def x WHERE x.key = d.key) "
	    "ORDER BY d.id",
	[STMT_IND_DEF_VERSIONS] = IND_DEF_COLS "WHERE key = ?1 ORDER BY "
	    "version",
	[STMT_IND_RUN_INSERT] = "INSERT INTO indicator_run (as_of, year, "
	    "period_start, period_end, computed_at, actor, scope) VALUES (?1, "
	    "?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
	[STMT_IND_VAL_INSERT] = "INSERT INTO indicator_value (run_id, def_id, "
	    "unit_id, numerator, denominator, value, met, inputs_sha256, "
	    "counted_ids, failing_ids, excluded_ids) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id",
	/*
	 * Values in one statement: a JSON array of [run, definition, unit,
	 * numerator, denominator, value, met, inputs' hash, counted ids,
	 * failing ids, excluded ids], each list as 0019 describes.
	 */
	[STMT_IND_VAL_BATCH] = "INSERT INTO indicator_value (run_id, def_id, "
	    "unit_id, numerator, denominator, value, met, inputs_sha256, "
	    "counted_ids, failing_ids, excluded_ids) SELECT "
	    "json_extract(value, '$[0]'), json_extract(value, '$[1]'), "
	    "json_extract(value, '$[2]'), json_extract(value, '$[3]'), "
	    "json_extract(value, '$[4]'), json_extract(value, '$[5]'), "
	    "json_extract(value, '$[6]'), json_extract(value, '$[7]'), "
	    "json_extract(value, '$[8]'), json_extract(value, '$[9]'), "
	    "json_extract(value, '$[10]') FROM json_each(?1) ORDER BY key "
	    "RETURNING id, def_id, coalesce(unit_id, 0)",
	[STMT_IND_VAL_GET] = IND_VAL_COLS "WHERE v.id = ?1",
	/* The newest run that computed the key: its values, county first.
	 * Every run stores the total (unit NULL) of each definition it
	 * computes: the (def, unit, run) index finds one row per run. */
	[STMT_IND_VAL_LATEST] = IND_VAL_COLS "WHERE d.key = ?1 AND v.run_id = "
	    "(SELECT max(v2.run_id) FROM indicator_value v2 JOIN "
	    "indicator_def d2 ON d2.id = v2.def_id JOIN indicator_run r2 ON "
	    "r2.id = v2.run_id WHERE d2.key = ?1 AND v2.unit_id IS NULL AND "
	    "coalesce(r2.scope, '') = ?3) "
	    "AND (?2 = 0 OR v.unit_id = ?2 OR v.unit_id IS NULL) "
	    "ORDER BY CASE WHEN v.unit_id IS NULL THEN 0 ELSE 1 END, u.ord, "
	    "v.unit_id",
	/* Every key's newest values over one scope (?1: a division code,
	 * '' the whole store): each definition's newest total by the (def,
	 * unit, run) index, the newest of a key's versions, its run's
	 * values; by key, the county first. */
	[STMT_IND_VAL_SCOPE] = IND_VAL_COLS "JOIN (SELECT d2.key AS k, "
	    "max((SELECT max(v2.run_id) FROM indicator_value v2 JOIN "
	    "indicator_run r2 ON r2.id = v2.run_id WHERE v2.def_id = d2.id AND "
	    "v2.unit_id IS NULL AND coalesce(r2.scope, '') = ?1)) AS m FROM "
	    "indicator_def d2 GROUP BY d2.key) l ON l.k = d.key AND l.m = "
	    "v.run_id ORDER BY d.key, CASE WHEN v.unit_id IS NULL THEN 0 ELSE "
	    "1 END, u.ord, v.unit_id",
	[STMT_IND_VAL_RECORDS] = "SELECT counted_ids, failing_ids, "
	    "excluded_ids FROM indicator_value WHERE id = ?1",
	[STMT_IND_LINK_AUTO] = "INSERT INTO indicator_link (task_id, name, "
	    "def_key, source, linked_by, linked_at) SELECT i.task_id, i.name, "
	    "min(d.key), 'auto', ?2, ?3 FROM indicator i JOIN task t ON "
	    "t.id = i.task_id JOIN indicator_def d ON d.name = i.name WHERE "
	    "t.plan_id = ?1 GROUP BY i.task_id, i.name ON CONFLICT (task_id, "
	    "name) DO NOTHING",
	[STMT_IND_LINK_PUT] = "INSERT INTO indicator_link (task_id, name, "
	    "def_key, source, linked_by, linked_at) VALUES (?1, ?2, ?3, "
	    "'manual', ?4, ?5) ON CONFLICT (task_id, name) DO UPDATE SET "
	    "def_key = excluded.def_key, source = 'manual', linked_by = "
	    "excluded.linked_by, linked_at = excluded.linked_at",
	[STMT_IND_LINK_LIST] = "SELECT i.task_id, t.number, i.ord, i.phrase, "
	    "coalesce(i.name, ''), i.kind, i.comparator, i.target, "
	    "coalesce(i.unit, ''), coalesce(l.def_key, ''), "
	    "coalesce(l.source, '') FROM indicator i JOIN task t ON "
	    "t.id = i.task_id LEFT JOIN indicator_link l ON l.task_id = "
	    "i.task_id AND l.name = i.name WHERE t.plan_id = ?1 ORDER BY "
	    "t.number, i.ord",
	[STMT_LOGIN_FAIL_INS] = "INSERT INTO login_failure (login, at) "
	    "VALUES (?1, ?2)",
	[STMT_LOGIN_FAIL_COUNT] = "SELECT count(*) FROM login_failure "
	    "WHERE login = ?1 AND at > ?2",
	[STMT_LOGIN_FAIL_CLEAR] = "DELETE FROM login_failure WHERE login = ?1",
	[STMT_PERIOD_INSERT] = "INSERT INTO period (plan_id, name, starts, "
	    "ends, due, grace_days, locked, created_at) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6, 0, ?7) RETURNING id",
	[STMT_PERIOD_LOCK] = "UPDATE period SET locked = ?2 WHERE id = ?1 "
	    "RETURNING plan_id",
	[STMT_PERIOD_LIST] = "SELECT id, plan_id, name, starts, ends, due, "
	    "grace_days, locked FROM period WHERE plan_id = ?1 ORDER BY starts, "
	    "id",
	[STMT_CAL_DAY_DEL] = "DELETE FROM calendar_day WHERE year = ?1",
	[STMT_CAL_DAY_INS] = "INSERT INTO calendar_day (day, kind, name, "
	    "year) VALUES (?1, ?2, ?3, ?4)",
	[STMT_CAL_YEAR_PUT] = "INSERT INTO calendar_year (year, source, "
	    "loaded_at) VALUES (?1, ?2, ?3) ON CONFLICT (year) DO UPDATE SET "
	    "source = excluded.source, loaded_at = excluded.loaded_at",
	[STMT_CAL_DAY_YEAR] = "SELECT day, kind, name FROM calendar_day "
	    "WHERE year = ?1 ORDER BY day",
	[STMT_CAL_DAY_RANGE] = "SELECT day, kind, name FROM calendar_day "
	    "WHERE day >= ?1 AND day <= ?2 ORDER BY day",
	[STMT_CAL_YEARS] = "SELECT y.year, y.source, y.loaded_at, "
	    "(SELECT count(*) FROM calendar_day d WHERE d.year = y.year) "
	    "FROM calendar_year y ORDER BY y.year",
	[STMT_AUDIT_INS] = "INSERT INTO audit (at, actor, action, object, "
	    "detail, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	/* SQLite's BEGIN IMMEDIATE already serialises writers. */
	[STMT_AUDIT_LOCK] = "SELECT 1",
	[STMT_AUDIT_HEAD] = "SELECT hash FROM audit WHERE hash IS NOT NULL "
	    "ORDER BY id DESC LIMIT 1",
	[STMT_AUDIT_ALL] = "SELECT id, at, actor, action, object, detail, "
	    "prev_hash, hash FROM audit ORDER BY id",
	[STMT_SUP_UNIT_FIND] = "SELECT id FROM unit WHERE code = ?1 UNION "
	    "SELECT id FROM unit WHERE name = ?1 UNION SELECT unit_id FROM "
	    "unit_name WHERE name = ?1",
	[STMT_SUP_TASK_FIND] = "SELECT id FROM task WHERE plan_id = ?1 AND "
	    "number = ?2",
	[STMT_FINDING_INSERT] = "INSERT INTO finding (plan_id, source_kind, "
	    "doc_no, doc_title, found_on, description, requirement, deadline, "
	    "state, repeat_of, created_by, created_at, updated_at) VALUES (?1, "
	    "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12) RETURNING id",
	[STMT_FINDING_GET] = FINDING_COLS "WHERE id = ?1",
	[STMT_FINDING_SET] = "UPDATE finding SET state = ?2, repeat_of = ?3, "
	    "updated_at = ?4 WHERE id = ?1 RETURNING id",
	[STMT_FINDING_UPDATE] = "UPDATE finding SET source_kind = ?2, doc_no "
	    "= ?3, doc_title = ?4, description = ?5, requirement = ?6, "
	    "deadline = ?7, updated_at = ?8 WHERE id = ?1 RETURNING id",
	[STMT_FINDING_TASK_CLEAR] = "DELETE FROM finding_task WHERE "
	    "finding_id = ?1",
	[STMT_RECT_DELETE] = "DELETE FROM rectification WHERE id = ?1 AND "
	    "state = 'pending' RETURNING id",
	[STMT_FINDING_LIST] = FINDING_COLS "WHERE (?1 = 0 OR EXISTS (SELECT 1 "
	    "FROM rectification x WHERE x.finding_id = f.id AND x.unit_id = ?1)) "
	    "AND (?2 = '' OR state = ?2) AND (?3 = '' OR source_kind = ?3) AND "
	    "(?4 = 0 OR EXISTS (SELECT 1 FROM rectification x JOIN account_role "
	    "ar ON ar.unit_id = x.unit_id WHERE x.finding_id = f.id AND "
	    "ar.account_id = ?4)) AND (?5 = '' OR substr(found_on, 1, 4) = ?5) "
	    "ORDER BY found_on DESC, id DESC LIMIT ?6 OFFSET ?7",
	[STMT_FINDING_TASK_INS] = "INSERT INTO finding_task (finding_id, "
	    "task_id) VALUES (?1, ?2) ON CONFLICT (finding_id, task_id) DO "
	    "NOTHING",
	[STMT_FINDING_TASK_LIST] = "SELECT ft.task_id, t.number FROM "
	    "finding_task ft JOIN task t ON t.id = ft.task_id WHERE "
	    "ft.finding_id = ?1 ORDER BY t.number",
	/* Earlier findings (found on or after ?2, not after ?3) sharing a
	 * task or a unit with finding ?1. */
	[STMT_FINDING_SIMILAR] = "SELECT f.id, f.found_on, (SELECT count(*) "
	    "FROM finding_task a JOIN finding_task b ON b.task_id = a.task_id "
	    "WHERE a.finding_id = f.id AND b.finding_id = ?1), (SELECT count(*) "
	    "FROM rectification a JOIN rectification b ON b.unit_id = a.unit_id "
	    "WHERE a.finding_id = f.id AND b.finding_id = ?1), f.description "
	    "FROM finding f WHERE f.id <> ?1 AND f.found_on >= ?2 AND "
	    "f.found_on <= ?3 ORDER BY f.found_on DESC, f.id DESC",
	[STMT_RECT_INSERT] = "INSERT INTO rectification (finding_id, unit_id, "
	    "state) VALUES (?1, ?2, ?3) RETURNING id",
	[STMT_RECT_LIST] = RECT_COLS "WHERE x.finding_id = ?1 ORDER BY u.ord, "
	    "x.id",
	[STMT_RECT_UPDATE] = "UPDATE rectification SET state = ?2, text = ?3, "
	    "submitted_by = ?4, submitted_at = ?5, checked_by = ?6, checked_at "
	    "= ?7, check_comment = ?8, closed_by = ?9, closed_at = ?10, "
	    "reopened = ?11 WHERE id = ?1 RETURNING id",
	[STMT_RECT_OWNER] = "SELECT finding_id, unit_id FROM rectification "
	    "WHERE id = ?1",
	[STMT_FINDING_EVENT_INS] = "INSERT INTO finding_event (finding_id, "
	    "unit_id, at, actor, action, before, after, reason) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
	[STMT_FINDING_EVENT_LIST] = "SELECT e.id, e.finding_id, "
	    "coalesce(e.unit_id, 0), coalesce(u.name, ''), e.at, e.actor, "
	    "e.action, e.before, e.after, e.reason FROM finding_event e LEFT "
	    "JOIN unit u ON u.id = e.unit_id WHERE e.finding_id = ?1 ORDER BY "
	    "e.id",
	[STMT_FINDING_EVID_INS] = "INSERT INTO finding_evidence (rect_id, "
	    "sha256, name, mime, size, uploaded_by, uploaded_at) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7) RETURNING id",
	[STMT_FINDING_EVID_GET] = FEVID_COLS "WHERE id = ?1",
	[STMT_FINDING_EVID_LIST] = FEVID_COLS "WHERE rect_id = ?1 ORDER BY id",
	[STMT_ESC_INSERT] = "INSERT INTO escalation (unit_id, item, finding_id, "
	    "step, state, on_date, days_overdue, actor, reason, created_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT "
	    "(unit_id, item, step) DO NOTHING RETURNING id",
	[STMT_ESC_LIST] = ESC_COLS "WHERE (?1 = 0 OR e.unit_id = ?1) AND "
	    "(?2 = '' OR e.item = ?2) ORDER BY e.id",
	[STMT_ESC_CONFIRM] = "UPDATE escalation SET state = 'confirmed', "
	    "confirmed_by = ?2, confirmed_at = ?3 WHERE id = ?1 AND state = "
	    "'proposed' RETURNING id",
	[STMT_OVERDUE_RECT] = "SELECT x.unit_id, u.name, x.finding_id, "
	    "f.deadline FROM rectification x JOIN finding f ON f.id = "
	    "x.finding_id JOIN unit u ON u.id = x.unit_id WHERE x.state IN "
	    "('pending', 'rectifying') AND f.deadline < ?1 ORDER BY f.id, u.ord",
	[STMT_OVERDUE_MISSED] = "SELECT m.unit_id, u.name, m.period_id, "
	    "m.task_id, t.number, m.deadline FROM missed_report m JOIN task t ON "
	    "t.id = m.task_id JOIN unit u ON u.id = m.unit_id WHERE m.deadline "
	    "< ?1 AND NOT EXISTS (SELECT 1 FROM report r WHERE r.period_id = "
	    "m.period_id AND r.task_id = m.task_id AND r.unit_id = m.unit_id AND "
	    "r.first_submitted_at IS NOT NULL AND substr(r.first_submitted_at, "
	    "1, 10) <= ?1) ORDER BY m.period_id, t.number, u.ord",
	[STMT_BULLETIN_ROWS] = "SELECT u.id, u.name, "
	    "(SELECT count(*) " BUL_REP "substr(r.first_submitted_at, 1, 10) <= "
	    "?2), (SELECT count(*) " BUL_REP "substr(r.first_submitted_at, 1, "
	    "10) <= ?2 AND r.late = 0), (SELECT count(*) " BUL_REP "r.state = "
	    "'accepted' AND substr(r.accepted_at, 1, 10) <= ?2), (SELECT "
	    "count(*) " BUL_REP "r.state = 'accepted' AND substr(r.accepted_at, "
	    "1, 10) <= ?2 AND r.returns = 0), (SELECT count(*) FROM "
	    "missed_report m JOIN task t ON t.id = m.task_id WHERE m.unit_id = "
	    "u.id AND (?1 = 0 OR t.plan_id = ?1) AND m.deadline < ?2 AND NOT "
	    "EXISTS (SELECT 1 FROM report r WHERE r.period_id = m.period_id AND "
	    "r.task_id = m.task_id AND r.unit_id = m.unit_id AND "
	    "substr(r.first_submitted_at, 1, 10) <= ?2)), (SELECT "
	    "count(*) FROM rectification x JOIN finding f ON f.id = "
	    "x.finding_id WHERE x.unit_id = u.id AND x.state IN ('pending', "
	    "'rectifying') AND f.deadline < ?2 AND f.found_on <= ?2), (SELECT "
	    "count(*) FROM rectification x JOIN finding f ON f.id = "
	    "x.finding_id WHERE x.unit_id = u.id AND x.state <> 'closed' AND "
	    "f.found_on <= ?2) FROM unit u ORDER BY u.ord, u.id",
	[STMT_PUB_SITE_GET] = "SELECT enabled, set_by, set_at FROM "
	    "publication_site WHERE id = 1",
	[STMT_PUB_SITE_SET] = "INSERT INTO publication_site (id, enabled, "
	    "set_by, set_at) VALUES (1, ?1, ?2, ?3) ON CONFLICT (id) DO UPDATE "
	    "SET enabled = excluded.enabled, set_by = excluded.set_by, "
	    "set_at = excluded.set_at",
	[STMT_PUB_PLAN_GET] = "SELECT published, fields, set_by, set_at FROM "
	    "publication_plan WHERE plan_id = ?1",
	[STMT_PUB_PLAN_PUT] = "INSERT INTO publication_plan (plan_id, "
	    "published, fields, set_by, set_at) VALUES (?1, ?2, ?3, ?4, ?5) "
	    "ON CONFLICT (plan_id) DO UPDATE SET published = "
	    "excluded.published, fields = excluded.fields, set_by = "
	    "excluded.set_by, set_at = excluded.set_at",
	[STMT_PUB_EVID_GET] = "SELECT e.id, coalesce(pe.public, 0), "
	    "coalesce(pe.set_by, ''), coalesce(pe.set_at, '') FROM evidence e "
	    "LEFT JOIN publication_evidence pe ON pe.evidence_id = e.id "
	    "WHERE e.id = ?1",
	[STMT_PUB_EVID_SET] = "INSERT INTO publication_evidence (evidence_id, "
	    "public, set_by, set_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT "
	    "(evidence_id) DO UPDATE SET public = excluded.public, set_by = "
	    "excluded.set_by, set_at = excluded.set_at",
	[STMT_ANN_INS] = "INSERT INTO annual_report (plan_id, year, unit_id, "
	    "state, version, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6, ?6) RETURNING id",
	[STMT_ANN_UPD] = "UPDATE annual_report SET state = ?2, version = ?3, "
	    "published_version = ?4, content_sha256 = ?5, docx_sha256 = ?6, "
	    "docx_size = ?7, published_at = ?8, updated_at = ?9 WHERE id = ?1 "
	    "RETURNING id",
	[STMT_ANN_GET] = ANN_COLS "WHERE a.id = ?1",
	[STMT_ANN_FIND] = ANN_COLS "WHERE a.plan_id = ?1 AND a.year = ?2 AND "
	    "coalesce(a.unit_id, 0) = ?3",
	[STMT_ANN_LIST] = ANN_COLS "WHERE (?1 = 0 OR a.plan_id = ?1) AND "
	    "(?2 = 0 OR a.year = ?2) ORDER BY a.year DESC, a.plan_id, "
	    "coalesce(u.ord, -1), a.id",
	[STMT_ANN_VER_INS] = "INSERT INTO annual_version (report_id, version, "
	    "content, flags, created_by, created_at) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6)",
	[STMT_ANN_VER_GET] = "SELECT content, flags, created_by, created_at "
	    "FROM annual_version WHERE report_id = ?1 AND version = ?2",
	[STMT_ANN_EVENT_INS] = "INSERT INTO annual_event (report_id, at, actor, "
	    "action, from_state, to_state, version, reason) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7, ?8) RETURNING id",
	[STMT_ANN_EVENT_LIST] = "SELECT id, report_id, at, actor, action, "
	    "from_state, to_state, version, reason FROM annual_event WHERE "
	    "report_id = ?1 ORDER BY id",
	[STMT_ASSESS_RUBRIC_GET] = "SELECT id, year, version, items, "
	    "created_by, created_at FROM assess_rubric WHERE year = ?1 AND "
	    "(?2 = 0 OR version = ?2) ORDER BY version DESC LIMIT 1",
	[STMT_ASSESS_RUBRIC_MAX] = "SELECT coalesce(max(version), 0) FROM "
	    "assess_rubric WHERE year = ?1",
	[STMT_ASSESS_RUBRIC_INS] = "INSERT INTO assess_rubric (year, version, "
	    "items, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5) "
	    "RETURNING id",
	[STMT_ASSESS_MANUAL_INS] = "INSERT INTO assess_manual (year, unit_id, "
	    "item_key, points, reason, name, sha256, size, mime, actor, at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id",
	[STMT_ASSESS_MANUAL_LIST] = "SELECT id, year, unit_id, item_key, "
	    "points, reason, name, sha256, size, mime, actor, at FROM "
	    "assess_manual WHERE year = ?1 ORDER BY id",
	[STMT_ASSESS_MANUAL_GET] = "SELECT id, year, unit_id, item_key, "
	    "points, reason, name, sha256, size, mime, actor, at FROM "
	    "assess_manual WHERE id = ?1",
	/* Per unit: finding shares found by ?1; among the newest county-wide
	 * run (as of ?1 or before) of each indicator key, the unit's values
	 * met and those with a verdict; manual scores of year ?2. */
	[STMT_ASSESS_COUNTS] = "SELECT u.id, (SELECT count(*) FROM "
	    "rectification x JOIN finding f ON f.id = x.finding_id WHERE "
	    "x.unit_id = u.id AND f.found_on <= ?1), " ASSESS_IND "= 1 AND "
	    ASSESS_LATEST "), " ASSESS_IND "IN (0, 1) AND " ASSESS_LATEST "), "
	    "(SELECT count(*) FROM assess_manual m WHERE m.unit_id = u.id AND "
	    "m.year = ?2) FROM unit u ORDER BY u.ord, u.id",
	[STMT_ASSESS_RUN_INS] = "INSERT INTO assess_run (as_of, rubric_id, "
	    "rubric_year, rubric_version, inputs_sha256, result, actor, "
	    "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
	[STMT_ASSESS_SCORE_INS] = "INSERT INTO assess_score (run_id, unit_id, "
	    "item_key, num, den, points, total, rank) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6, ?7, ?8)",
	[STMT_ASSESS_RUN_GET] = "SELECT id, as_of, rubric_id, rubric_year, "
	    "rubric_version, inputs_sha256, result, actor, created_at FROM "
	    "assess_run WHERE (?1 = 0 OR id = ?1) ORDER BY id DESC LIMIT 1",
};

/* Statements whose PostgreSQL text differs; NULL: use sql_common. */
const char *const sql_pg_only[STMT__MAX] = {
	/* One writer of the audit chain at a time, until commit. */
	[STMT_AUDIT_LOCK] = "SELECT pg_advisory_xact_lock(74010)",
	[STMT_HAS_VERSION_TABLE] = "SELECT count(*) FROM "
	    "information_schema.tables WHERE table_schema = current_schema() "
	    "AND table_name = 'schema_version'",
	[STMT_IND_VAL_BATCH] = "INSERT INTO indicator_value (run_id, def_id, "
	    "unit_id, numerator, denominator, value, met, inputs_sha256, "
	    "counted_ids, failing_ids, excluded_ids) SELECT (e->>0)::bigint, "
	    "(e->>1)::bigint, (e->>2)::bigint, (e->>3)::integer, "
	    "(e->>4)::integer, (e->>5)::real, (e->>6)::integer, e->>7, e->>8, "
	    "e->>9, e->>10 FROM jsonb_array_elements(?1::jsonb) WITH ORDINALITY "
	    "AS x(e, n) ORDER BY n RETURNING id, def_id, coalesce(unit_id, 0)",
};
