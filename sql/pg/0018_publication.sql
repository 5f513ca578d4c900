-- 0018_publication.sql: what the public portal shows (/portal/). Whether
-- the portal is on at all (one row); per plan whether it is published and
-- which of its fields are public (a comma-separated list of field keys,
-- see src/core/publish.c: never persons' names, internal comments or
-- return reasons, which have no key); per evidence file whether it is
-- public (no row: not public). Each row says who set it and when; every
-- change is also written to the audit log.
CREATE TABLE publication_site (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	enabled		INTEGER NOT NULL DEFAULT 0,
	set_by		TEXT NOT NULL,
	set_at		TEXT NOT NULL
);

CREATE TABLE publication_plan (
	plan_id		BIGINT PRIMARY KEY REFERENCES plan(id) ON DELETE CASCADE,
	published	INTEGER NOT NULL DEFAULT 0,
	fields		TEXT NOT NULL DEFAULT '',
	set_by		TEXT NOT NULL,
	set_at		TEXT NOT NULL
);

CREATE TABLE publication_evidence (
	evidence_id	BIGINT PRIMARY KEY REFERENCES evidence(id)
			    ON DELETE CASCADE,
	public		INTEGER NOT NULL DEFAULT 0,
	set_by		TEXT NOT NULL,
	set_at		TEXT NOT NULL
);
