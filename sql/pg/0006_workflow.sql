-- 0006_workflow.sql (PostgreSQL): the year's reporting workflow. Each unit's share of
-- a task (assignment: 交办 → 领办 → 反馈 → 审核/退回 → 办结), progress
-- reports per period with their events, citations and evidence files,
-- extension requests (延期) and period deadline changes with their
-- history, missing reports recorded at the deadline (未报), notices to
-- units (催办 and reminders) and settings (light thresholds, upload limits).

CREATE TABLE assignment (
	id		BIGSERIAL PRIMARY KEY,
	task_id		BIGINT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
	unit_id		BIGINT NOT NULL REFERENCES unit(id),
	role		TEXT NOT NULL,		-- lead | responsible
	source		TEXT NOT NULL,		-- plan | designated
	state		TEXT NOT NULL,		-- assigned claimed reported returned accepted closed overdue
	claimed_at	TEXT,
	claimed_by	TEXT,
	closed_at	TEXT,
	closed_by	TEXT,
	created_at	TEXT NOT NULL,
	UNIQUE (task_id, unit_id)
);
CREATE INDEX assignment_unit ON assignment(unit_id, task_id);

-- A report does not cascade with its task: a plan revision that drops a
-- task someone has reported on is refused rather than losing the report.
CREATE TABLE report (
	id		BIGSERIAL PRIMARY KEY,
	period_id	BIGINT NOT NULL REFERENCES period(id),
	task_id		BIGINT NOT NULL REFERENCES task(id),
	unit_id		BIGINT NOT NULL REFERENCES unit(id),
	kind		TEXT NOT NULL,		-- unit | consolidated
	progress	TEXT NOT NULL,		-- not_started in_progress done blocked
	narrative	TEXT NOT NULL,
	measures	TEXT NOT NULL DEFAULT '',	-- "1,3": measure numbers
	state		TEXT NOT NULL,		-- draft pending submitted returned accepted
	late		INTEGER NOT NULL DEFAULT 0,
	returns		INTEGER NOT NULL DEFAULT 0,
	submissions	INTEGER NOT NULL DEFAULT 0,
	first_submitted_at TEXT,
	submitted_at	TEXT,
	accepted_at	TEXT,
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	UNIQUE (period_id, task_id, unit_id, kind)
);
CREATE INDEX report_task ON report(task_id, state, progress);
CREATE INDEX report_unit ON report(unit_id, period_id);
CREATE INDEX report_state ON report(state, period_id);

-- A consolidated report cites its co-units' reports.
CREATE TABLE report_cite (
	report_id	BIGINT NOT NULL REFERENCES report(id) ON DELETE CASCADE,
	cited_id	BIGINT NOT NULL REFERENCES report(id),
	PRIMARY KEY (report_id, cited_id)
);

-- What happened to a report: saved, submitted, approved, sent back by
-- the unit leader, accepted or returned (with a coded reason).
CREATE TABLE report_event (
	id		BIGSERIAL PRIMARY KEY,
	report_id	BIGINT NOT NULL REFERENCES report(id) ON DELETE CASCADE,
	at		TEXT NOT NULL,
	actor		TEXT NOT NULL,
	action		TEXT NOT NULL,
	reason		TEXT,
	comment		TEXT
);
CREATE INDEX report_event_report ON report_event(report_id, id);

-- File contents, once per SHA-256, base64 so that every engine and the
-- copy between engines treat them as text.
CREATE TABLE file_blob (
	sha256		TEXT PRIMARY KEY,
	size		INTEGER NOT NULL,
	data		TEXT NOT NULL
);

CREATE TABLE evidence (
	id		BIGSERIAL PRIMARY KEY,
	report_id	BIGINT NOT NULL REFERENCES report(id) ON DELETE CASCADE,
	sha256		TEXT NOT NULL REFERENCES file_blob(sha256),
	name		TEXT NOT NULL,
	mime		TEXT NOT NULL,
	size		INTEGER NOT NULL,
	uploaded_by	TEXT NOT NULL,
	uploaded_at	TEXT NOT NULL
);
CREATE INDEX evidence_report ON evidence(report_id);
CREATE INDEX evidence_sha ON evidence(sha256);

-- 延期: a unit asks for a later deadline of one task in one period.
CREATE TABLE extension (
	id		BIGSERIAL PRIMARY KEY,
	period_id	BIGINT NOT NULL REFERENCES period(id) ON DELETE CASCADE,
	task_id		BIGINT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
	unit_id		BIGINT NOT NULL REFERENCES unit(id),
	reason		TEXT NOT NULL,
	original_due	TEXT NOT NULL,
	requested_due	TEXT NOT NULL,
	state		TEXT NOT NULL,		-- pending approved refused
	requested_by	TEXT NOT NULL,
	requested_at	TEXT NOT NULL,
	decided_by	TEXT,
	decided_at	TEXT,
	comment		TEXT
);
CREATE INDEX extension_key ON extension(period_id, task_id, unit_id, state);

-- Every change of a period's due date, the first one included.
CREATE TABLE period_due_change (
	id		BIGSERIAL PRIMARY KEY,
	period_id	BIGINT NOT NULL REFERENCES period(id) ON DELETE CASCADE,
	old_due		TEXT NOT NULL,
	new_due		TEXT NOT NULL,
	reason		TEXT NOT NULL,
	actor		TEXT NOT NULL,
	at		TEXT NOT NULL
);

-- 未报: no report had been submitted when the deadline passed.
CREATE TABLE missed_report (
	period_id	BIGINT NOT NULL REFERENCES period(id) ON DELETE CASCADE,
	task_id		BIGINT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
	unit_id		BIGINT NOT NULL REFERENCES unit(id),
	deadline	TEXT NOT NULL,
	recorded_at	TEXT NOT NULL,
	PRIMARY KEY (period_id, task_id, unit_id)
);

-- What a unit is told: 催办 by the supervisor, reminders from fazhi remind.
CREATE TABLE notice (
	id		BIGSERIAL PRIMARY KEY,
	unit_id		BIGINT NOT NULL REFERENCES unit(id),
	kind		TEXT NOT NULL,		-- urge due overdue review
	period_id	BIGINT REFERENCES period(id) ON DELETE CASCADE,
	task_id		BIGINT REFERENCES task(id) ON DELETE CASCADE,
	message		TEXT NOT NULL,
	actor		TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	read_at		TEXT,
	read_by		TEXT
);
CREATE INDEX notice_unit ON notice(unit_id, id);

CREATE TABLE setting (
	key		TEXT PRIMARY KEY,
	value		TEXT NOT NULL,
	updated_by	TEXT NOT NULL,
	updated_at	TEXT NOT NULL
);
