-- 0008_registries.sql: registries (台账) and the indicators computed
-- from them. Each registry has a table of typed columns (one per field of
-- its descriptor in src/core/reg_*.c, plus revision and who and when);
-- every change of a record is kept in registry_history with the fields
-- before and after; records carry evidence files (file_blob, as reports
-- do). Indicators are named, versioned definitions (a changed definition
-- is a new version); each computation is a run, each value keeps its
-- definition version, numerator, denominator and the records it counted
-- and those that failed it. Plan indicators (task 9's 报备率…) link to
-- definitions by name.

-- 行政规范性文件 (task 9).
CREATE TABLE reg_normative_doc (
	id		INTEGER PRIMARY KEY,
	unit_id		INTEGER NOT NULL REFERENCES unit(id),	-- 制定机关
	doc_no		TEXT NOT NULL,		-- 文号
	title		TEXT NOT NULL,		-- 标题
	published	TEXT NOT NULL,		-- 公布日期 YYYY-MM-DD
	filed		TEXT,			-- 报送备案日期
	reviewed	TEXT,			-- 审查完成日期
	conclusion	TEXT,			-- 审查结论
	expires		TEXT,			-- 有效期至
	status		TEXT,			-- 清理状态
	note		TEXT,			-- 备注
	revision	INTEGER NOT NULL,
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	updated_by	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	UNIQUE (unit_id, doc_no)
);
CREATE INDEX reg_normative_doc_published ON reg_normative_doc (published);
CREATE INDEX reg_normative_doc_expires ON reg_normative_doc (expires);

-- Every change of every registry's records: the fields before (NULL when
-- created) and after, as JSON.
CREATE TABLE registry_history (
	id		INTEGER PRIMARY KEY,
	registry	TEXT NOT NULL,
	record_id	INTEGER NOT NULL,
	revision	INTEGER NOT NULL,
	action		TEXT NOT NULL,		-- create update import
	actor		TEXT NOT NULL,
	at		TEXT NOT NULL,
	before		TEXT,
	after		TEXT NOT NULL,
	UNIQUE (registry, record_id, revision)
);

CREATE TABLE registry_evidence (
	id		INTEGER PRIMARY KEY,
	registry	TEXT NOT NULL,
	record_id	INTEGER NOT NULL,
	sha256		TEXT NOT NULL REFERENCES file_blob(sha256),
	name		TEXT NOT NULL,
	mime		TEXT NOT NULL,
	size		INTEGER NOT NULL,
	uploaded_by	TEXT NOT NULL,
	uploaded_at	TEXT NOT NULL
);
CREATE INDEX registry_evidence_record ON registry_evidence (registry, record_id);

-- An indicator definition; a new version for every change.
CREATE TABLE indicator_def (
	id		INTEGER PRIMARY KEY,
	key		TEXT NOT NULL,
	version		INTEGER NOT NULL,
	name		TEXT NOT NULL,
	registry	TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('rate', 'count')),
	numerator	TEXT NOT NULL,		-- JSON predicate over a record
	denominator	TEXT,			-- JSON predicate; NULL: every record
	params		TEXT NOT NULL,		-- JSON object: {"limit_days":30}
	target		REAL,
	comparator	TEXT,			-- >= <= =
	unit		TEXT NOT NULL,		-- % or 件
	scope		TEXT NOT NULL CHECK (scope IN ('county', 'unit')),
	source		TEXT NOT NULL,		-- regulation and article, or ours
	basis		TEXT NOT NULL CHECK (basis IN ('law', 'practice', 'ours')),
	note		TEXT,
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	UNIQUE (key, version)
);

-- One computation: the date it was for and when it was made.
CREATE TABLE indicator_run (
	id		INTEGER PRIMARY KEY,
	as_of		TEXT NOT NULL,
	year		INTEGER NOT NULL,
	period_start	TEXT NOT NULL,
	period_end	TEXT NOT NULL,
	computed_at	TEXT NOT NULL,
	actor		TEXT NOT NULL
);

-- A value of one definition version for the county (unit_id NULL) or a
-- unit; value NULL when the denominator is 0.
CREATE TABLE indicator_value (
	id		INTEGER PRIMARY KEY,
	run_id		INTEGER NOT NULL REFERENCES indicator_run(id) ON DELETE CASCADE,
	def_id		INTEGER NOT NULL REFERENCES indicator_def(id),
	unit_id		INTEGER REFERENCES unit(id),
	numerator	INTEGER NOT NULL,
	denominator	INTEGER,
	value		REAL,
	met		INTEGER,
	inputs_sha256	TEXT NOT NULL
);
CREATE INDEX indicator_value_def ON indicator_value (def_id, unit_id, run_id);
CREATE INDEX indicator_value_run ON indicator_value (run_id);

-- The records behind a value: counted (in the numerator), failing (in the
-- denominator, not the numerator), excluded (in the period, outside the
-- denominator: not yet due, or not a case of the rate).
CREATE TABLE indicator_value_record (
	value_id	INTEGER NOT NULL REFERENCES indicator_value(id) ON DELETE CASCADE,
	record_id	INTEGER NOT NULL,
	role		TEXT NOT NULL CHECK (role IN ('counted', 'failing', 'excluded')),
	PRIMARY KEY (value_id, record_id)
);

-- A plan indicator (task, name) and the definition computing it; def_key
-- NULL: kept by hand (manual).
CREATE TABLE indicator_link (
	task_id		INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
	name		TEXT NOT NULL,
	def_key		TEXT,
	source		TEXT NOT NULL CHECK (source IN ('auto', 'manual')),
	linked_by	TEXT NOT NULL,
	linked_at	TEXT NOT NULL,
	PRIMARY KEY (task_id, name)
);

-- The three filing rates of task 9, version 1.
INSERT INTO indicator_def (key, version, name, registry, kind, numerator,
	denominator, params, target, comparator, unit, scope, source, basis,
	note, created_by, created_at) VALUES
('normative.filing_rate', 1, '报备率', 'normative', 'rate', '{"op": "set", "field": "filed"}', '{"any": [{"op": "set", "field": "filed"}, {"op": "past", "field": "published", "days": "$limit_days"}]}', '{"limit_days": 30}', 100, '>=', '%', 'unit', '规范性文件应当自公布之日起30日内报送备案：参照《法规规章备案条例》（国务院令第337号）第三条“自公布之日起30日内”报送备案（2024年11月1日起为《法规规章备案审查条例》，国务院令第789号）；本省为《山东省规章和行政规范性文件备案规定》（山东省人民政府令第337号，2021年2月1日起施行），条款待核对。指标见莘政办发〔2022〕5号第9项“报备率、及时率、备案审查率达到100%”。', 'law', '报备率 = 已报送备案的文件 ÷ 应报送备案的文件。应报送备案的文件：公布日期在统计年度内、截至统计日已报送备案或已超过报送期限（公布日期 + limit_days 日）的文件；尚未到报送期限又未报送的不计入（本系统定义）。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('normative.timely_rate', 1, '及时率', 'normative', 'rate', '{"op": "within", "field": "filed", "from": "published", "days": "$limit_days"}', '{"any": [{"op": "set", "field": "filed"}, {"op": "past", "field": "published", "days": "$limit_days"}]}', '{"limit_days": 30}', 100, '>=', '%', 'unit', '规范性文件应当自公布之日起30日内报送备案：参照《法规规章备案条例》（国务院令第337号）第三条“自公布之日起30日内”报送备案（2024年11月1日起为《法规规章备案审查条例》，国务院令第789号）；本省为《山东省规章和行政规范性文件备案规定》（山东省人民政府令第337号，2021年2月1日起施行），条款待核对。指标见莘政办发〔2022〕5号第9项“报备率、及时率、备案审查率达到100%”。', 'law', '及时率 = 自公布之日起 limit_days 日内报送备案的文件 ÷ 应报送备案的文件（分母同报备率）。期限从公布的次日起算，第 limit_days 日报送的为及时，其后为迟报；未报送且已过期限的计为不及时。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('normative.review_rate', 1, '备案审查率', 'normative', 'rate', '{"op": "set", "field": "reviewed"}', '{"all": [{"op": "set", "field": "filed"}, {"any": [{"op": "set", "field": "reviewed"}, {"op": "past", "field": "filed", "days": "$review_days"}]}]}', '{"review_days": 30}', 100, '>=', '%', 'unit', '“有件必备、有备必审、有错必纠”（莘政办发〔2022〕5号第9项）；审查期限30日参照地方规范性文件备案办法“自收到备案件之日起30日内审查完毕”的规定（各地不一，可调整）。', 'practice', '备案审查率 = 审查完成的文件 ÷ 应完成审查的文件。应完成审查的文件：截至统计日已报送备案，且已审查完成或报送后已超过 review_days 日的文件（本系统定义）。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));


-- Plans already imported: their indicators named as a definition link to it.
INSERT INTO indicator_link (task_id, name, def_key, source, linked_by,
	linked_at)
SELECT i.task_id, i.name, min(d.key), 'auto', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM indicator i JOIN indicator_def d ON d.name = i.name AND d.version = 1
GROUP BY i.task_id, i.name;
