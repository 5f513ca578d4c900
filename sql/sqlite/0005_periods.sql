-- 0005_periods.sql: reporting periods of a plan (monthly, quarterly or
-- custom): the span reported on, the due date, the grace days after it,
-- and a lock that closes the period to further reports.
CREATE TABLE period (
	id		INTEGER PRIMARY KEY,
	plan_id		INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	name		TEXT NOT NULL,
	starts		TEXT NOT NULL,		-- YYYY-MM-DD
	ends		TEXT NOT NULL,
	due		TEXT NOT NULL,
	grace_days	INTEGER NOT NULL DEFAULT 0,
	locked		INTEGER NOT NULL DEFAULT 0,
	created_at	TEXT NOT NULL,
	UNIQUE (plan_id, name)
);
