-- 0016_supervision.sql: 督察 → 整改 → 销号. Findings (督察发现问题) from the
-- province, the city, the county's own inspection or a complaint, linked
-- to tasks; one rectification (整改) per unit named, with its evidence and
-- the check (核查) by someone outside the unit; every transition in
-- finding_event; a repeat of an earlier finding marked with its id; and
-- the escalation steps (提醒 → 催办 → 通报 → 约谈) taken on overdue items.

CREATE TABLE finding (
	id		INTEGER PRIMARY KEY,
	plan_id		INTEGER REFERENCES plan(id),
	source_kind	TEXT NOT NULL,		-- province city county complaint
	doc_no		TEXT NOT NULL DEFAULT '',	-- 来源文号
	doc_title	TEXT NOT NULL DEFAULT '',	-- 来源文件标题
	found_on	TEXT NOT NULL,		-- 发现日期 YYYY-MM-DD
	description	TEXT NOT NULL,		-- 问题描述
	requirement	TEXT NOT NULL,		-- 整改要求
	deadline	TEXT NOT NULL,		-- 整改期限 YYYY-MM-DD
	state		TEXT NOT NULL,		-- open rectifying closed (the units' least advanced)
	repeat_of	INTEGER REFERENCES finding(id),	-- 重复问题: the earlier finding
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL
);
CREATE INDEX finding_found ON finding (found_on);

CREATE TABLE finding_task (
	finding_id	INTEGER NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
	task_id		INTEGER NOT NULL REFERENCES task(id),
	PRIMARY KEY (finding_id, task_id)
);
CREATE INDEX finding_task_task ON finding_task (task_id);

-- One per unit the finding names: the link and that unit's 整改.
CREATE TABLE rectification (
	id		INTEGER PRIMARY KEY,
	finding_id	INTEGER NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
	unit_id		INTEGER NOT NULL REFERENCES unit(id),
	state		TEXT NOT NULL,		-- pending rectifying submitted verified closed
	text		TEXT NOT NULL DEFAULT '',	-- 整改情况
	submitted_by	TEXT,
	submitted_at	TEXT,
	checked_by	TEXT,			-- 核查人
	checked_at	TEXT,
	check_comment	TEXT,
	closed_by	TEXT,
	closed_at	TEXT,
	reopened	INTEGER NOT NULL DEFAULT 0,
	UNIQUE (finding_id, unit_id)
);
CREATE INDEX rectification_unit ON rectification (unit_id, state);

CREATE TABLE finding_evidence (
	id		INTEGER PRIMARY KEY,
	rect_id		INTEGER NOT NULL REFERENCES rectification(id) ON DELETE CASCADE,
	sha256		TEXT NOT NULL REFERENCES file_blob(sha256),
	name		TEXT NOT NULL,
	mime		TEXT NOT NULL,
	size		INTEGER NOT NULL,
	uploaded_by	TEXT NOT NULL,
	uploaded_at	TEXT NOT NULL
);
CREATE INDEX finding_evidence_rect ON finding_evidence (rect_id);

-- Every transition: created, rectify, submit, check_pass, check_fail,
-- close, reopen; unit_id NULL for the finding itself.
CREATE TABLE finding_event (
	id		INTEGER PRIMARY KEY,
	finding_id	INTEGER NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
	unit_id		INTEGER REFERENCES unit(id),
	at		TEXT NOT NULL,
	actor		TEXT NOT NULL,
	action		TEXT NOT NULL,
	before		TEXT NOT NULL DEFAULT '',
	after		TEXT NOT NULL DEFAULT '',
	reason		TEXT NOT NULL DEFAULT ''
);
CREATE INDEX finding_event_finding ON finding_event (finding_id, id);

-- 提醒 → 催办 → 通报 → 约谈 on an overdue item ("finding/12" or
-- "report/<period>/<task>"), once per unit, item and step. 约谈 is
-- proposed (拟约谈) and confirmed by a supervisor.
CREATE TABLE escalation (
	id		INTEGER PRIMARY KEY,
	unit_id		INTEGER NOT NULL REFERENCES unit(id),
	item		TEXT NOT NULL,
	finding_id	INTEGER REFERENCES finding(id) ON DELETE CASCADE,
	step		TEXT NOT NULL,		-- remind urge bulletin interview
	state		TEXT NOT NULL,		-- done proposed confirmed
	on_date		TEXT NOT NULL,		-- the day it was due (YYYY-MM-DD)
	days_overdue	INTEGER NOT NULL,
	actor		TEXT NOT NULL,
	reason		TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	confirmed_by	TEXT,
	confirmed_at	TEXT,
	UNIQUE (unit_id, item, step)
);
CREATE INDEX escalation_unit ON escalation (unit_id, id);
