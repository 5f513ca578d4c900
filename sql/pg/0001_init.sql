-- 0001_init.sql (PostgreSQL): divisions, the unit directory, plans with their sections,
-- tasks, measures, unit references and indicators, and the audit log.

CREATE TABLE division (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	level		TEXT NOT NULL,
	parent		TEXT
);

CREATE TABLE unit (
	id		BIGSERIAL PRIMARY KEY,
	code		TEXT NOT NULL UNIQUE,
	name		TEXT NOT NULL UNIQUE,
	kind		TEXT NOT NULL,
	enforcement	INTEGER NOT NULL DEFAULT 0,
	parent		TEXT,
	division	TEXT,
	ord		INTEGER NOT NULL DEFAULT 0
);

-- Every other name of a unit: short forms and aliases. A name points to
-- exactly one unit, so name resolution is unambiguous.
CREATE TABLE unit_name (
	name		TEXT PRIMARY KEY,
	unit_id		BIGINT NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
	kind		TEXT NOT NULL,		-- short | alias
	ord		INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX unit_name_unit ON unit_name(unit_id);

CREATE TABLE plan (
	id		BIGSERIAL PRIMARY KEY,
	doc_no		TEXT UNIQUE,		-- NULL: the title is the key
	issuer		TEXT,
	notice_title	TEXT,
	title		TEXT NOT NULL,
	year		INTEGER,
	issue_date	TEXT,
	recipients	TEXT,
	cc		TEXT,
	is_public	INTEGER,
	preamble	TEXT,
	revision	INTEGER NOT NULL DEFAULT 1,
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL
);

-- Every text of a plan ever imported, newest revision last.
CREATE TABLE plan_source (
	id		BIGSERIAL PRIMARY KEY,
	plan_id		BIGINT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	revision	INTEGER NOT NULL,
	name		TEXT NOT NULL,
	format		TEXT NOT NULL,
	sha256		TEXT NOT NULL,
	bytes		BIGINT NOT NULL,
	text		TEXT NOT NULL,
	imported_at	TEXT NOT NULL,
	UNIQUE (plan_id, revision)
);

CREATE TABLE plan_section (
	id		BIGSERIAL PRIMARY KEY,
	plan_id		BIGINT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	ord		INTEGER NOT NULL,
	numeral		TEXT,
	title		TEXT NOT NULL,
	has_tasks	INTEGER NOT NULL,
	line		INTEGER,
	UNIQUE (plan_id, ord)
);

CREATE TABLE task (
	id		BIGSERIAL PRIMARY KEY,
	plan_id		BIGINT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	number		INTEGER NOT NULL,
	label		TEXT,
	section		INTEGER NOT NULL,
	title		TEXT NOT NULL,
	text		TEXT NOT NULL,
	annotation	TEXT,
	deadline_text	TEXT,
	line		INTEGER,
	UNIQUE (plan_id, number)
);

CREATE TABLE task_measure (
	task_id		BIGINT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
	ord		INTEGER NOT NULL,
	text		TEXT NOT NULL,
	PRIMARY KEY (task_id, ord)
);

-- A lead (牵头) or responsible (责任) unit phrase as printed, and what it
-- resolved to.
CREATE TABLE task_unit_ref (
	id		BIGSERIAL PRIMARY KEY,
	task_id		BIGINT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
	role		TEXT NOT NULL,		-- lead | responsible
	ord		INTEGER NOT NULL,
	phrase		TEXT NOT NULL,
	kind		TEXT NOT NULL,		-- unit | group | designate | unknown
	grp		TEXT,
	UNIQUE (task_id, role, ord)
);

CREATE TABLE task_unit_member (
	ref_id		BIGINT NOT NULL REFERENCES task_unit_ref(id) ON DELETE CASCADE,
	ord		INTEGER NOT NULL,
	unit_id		BIGINT REFERENCES unit(id),
	unit_name	TEXT NOT NULL,
	PRIMARY KEY (ref_id, ord)
);

CREATE TABLE indicator (
	id		BIGSERIAL PRIMARY KEY,
	task_id		BIGINT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
	ord		INTEGER NOT NULL,
	phrase		TEXT NOT NULL,
	name		TEXT,
	sentence	TEXT,
	kind		TEXT NOT NULL,		-- rate | count | coverage | deadline
	comparator	TEXT NOT NULL,
	target		DOUBLE PRECISION,
	target_date	TEXT,
	unit		TEXT,
	period		TEXT,
	per_unit	INTEGER NOT NULL,
	UNIQUE (task_id, ord)
);

CREATE TABLE audit (
	id		BIGSERIAL PRIMARY KEY,
	at		TEXT NOT NULL,
	actor		TEXT NOT NULL,
	action		TEXT NOT NULL,
	object		TEXT NOT NULL,
	detail		TEXT
);
