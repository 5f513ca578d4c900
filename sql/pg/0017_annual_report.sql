-- 0017_annual_report.sql: the annual report (法治政府建设年度报告) of a
-- plan's year, the county's (unit_id NULL) or one unit's: its drafts as
-- numbered versions (the content as JSON: parts, paragraphs, sentences
-- with their citations and a flag on each claim without accepted
-- evidence), its state 草稿 → 待审核 → 已审核 → 已发布, and once published
-- the frozen version, its SHA-256 and the SHA-256 of the rendered DOCX
-- (kept in file_blob); every transition with its actor, time and reason.
CREATE TABLE annual_report (
	id		BIGSERIAL PRIMARY KEY,
	plan_id		BIGINT NOT NULL REFERENCES plan(id),
	year		INTEGER NOT NULL,
	unit_id		BIGINT REFERENCES unit(id),	-- NULL: the county
	state		TEXT NOT NULL,		-- draft review approved published
	version		INTEGER NOT NULL,	-- the newest version
	published_version INTEGER,
	content_sha256	TEXT,			-- of the published content
	docx_sha256	TEXT,			-- of the published DOCX (file_blob)
	docx_size	INTEGER,
	published_at	TEXT,
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL
);
CREATE UNIQUE INDEX annual_report_key ON annual_report(plan_id, year,
    coalesce(unit_id, 0));

CREATE TABLE annual_version (
	report_id	BIGINT NOT NULL REFERENCES annual_report(id) ON DELETE CASCADE,
	version		INTEGER NOT NULL,
	content		TEXT NOT NULL,		-- JSON
	flags		INTEGER NOT NULL,	-- claims flagged 待核实
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	PRIMARY KEY (report_id, version)
);

CREATE TABLE annual_event (
	id		BIGSERIAL PRIMARY KEY,
	report_id	BIGINT NOT NULL REFERENCES annual_report(id) ON DELETE CASCADE,
	at		TEXT NOT NULL,
	actor		TEXT NOT NULL,
	action		TEXT NOT NULL,		-- generate edit submit return approve publish
	from_state	TEXT NOT NULL,
	to_state	TEXT NOT NULL,
	version		INTEGER NOT NULL,
	reason		TEXT
);
CREATE INDEX annual_event_report ON annual_event(report_id, id);
