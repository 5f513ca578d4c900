-- 0021_assessment.sql: the assessment (考核) of the units. A rubric is a
-- list of items (key, Chinese name, weight in points, kind) kept as JSON
-- per year (year 0: the default, used by a year without its own) and
-- versioned like indicator definitions: a change adds a version, a run
-- keeps the version it used. Manual items are scored by the 依法治县办 per
-- unit and year with a reason and an evidence file (file_blob). A run
-- keeps its date, rubric version, the SHA-256 of its inputs, the result as
-- JSON, and per unit and item the raw numbers and the points (in 1/10000
-- of a point), the unit's total and rank (src/core/assess.c).
CREATE TABLE assess_rubric (
	id		BIGSERIAL PRIMARY KEY,
	year		INTEGER NOT NULL,	-- 0: the default
	version		INTEGER NOT NULL,
	items		TEXT NOT NULL,		-- JSON {"note":…, "items":[…]}
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	UNIQUE (year, version)
);

CREATE TABLE assess_manual (
	id		BIGSERIAL PRIMARY KEY,
	year		INTEGER NOT NULL,
	unit_id		BIGINT NOT NULL REFERENCES unit(id),
	item_key	TEXT NOT NULL,
	points		INTEGER NOT NULL,	-- hundredths of a point
	reason		TEXT NOT NULL,
	name		TEXT NOT NULL,		-- the evidence file
	sha256		TEXT NOT NULL REFERENCES file_blob(sha256),
	size		INTEGER NOT NULL,
	mime		TEXT NOT NULL,
	actor		TEXT NOT NULL,
	at		TEXT NOT NULL
);
CREATE INDEX assess_manual_unit ON assess_manual(year, unit_id, item_key);

CREATE TABLE assess_run (
	id		BIGSERIAL PRIMARY KEY,
	as_of		TEXT NOT NULL,
	rubric_id	BIGINT NOT NULL REFERENCES assess_rubric(id),
	rubric_year	INTEGER NOT NULL,
	rubric_version	INTEGER NOT NULL,
	inputs_sha256	TEXT NOT NULL,
	result		TEXT NOT NULL,		-- JSON
	actor		TEXT NOT NULL,
	created_at	TEXT NOT NULL
);

CREATE TABLE assess_score (
	run_id		BIGINT NOT NULL REFERENCES assess_run(id) ON DELETE CASCADE,
	unit_id		BIGINT NOT NULL REFERENCES unit(id),
	item_key	TEXT NOT NULL,
	num		INTEGER NOT NULL,
	den		INTEGER NOT NULL,
	points		INTEGER NOT NULL,	-- 1/10000 of a point
	total		INTEGER NOT NULL,	-- the unit's, 1/10000 of a point
	rank		INTEGER NOT NULL,
	PRIMARY KEY (run_id, unit_id, item_key)
);

-- The default rubric: our proposal, configurable (fazhi assess rubric set).
INSERT INTO assess_rubric (year, version, items, created_by, created_at)
VALUES (0, 1, '{"note":"默认考核细则（fazhi 的建议，可由依法治县办修改）：报送及时、一次通过、指标达标、督察整改按比例计分，无可计数事项的得满分；加分项由依法治县办逐单位评分并附佐证材料。","items":[{"key":"timely","name":"报送及时","kind":"reports_on_time","weight":25},{"key":"first_pass","name":"一次通过","kind":"first_pass","weight":15},{"key":"indicators","name":"指标达标","kind":"indicators_met","weight":30},{"key":"findings","name":"督察整改","kind":"findings_closed","weight":20},{"key":"bonus","name":"加分项","kind":"manual","weight":10}]}',
    'fazhi', '2026-01-01T00:00:00Z');
