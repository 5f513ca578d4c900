-- 0014_report_indicators.sql: the values a unit reports, in its progress
-- report, for the plan's indicators no registry computes (manual ones: a
-- count of meetings, 全覆盖, a deadline met), with the report's evidence
-- behind them; once the 依法治县办 accepts the report, the plan page shows
-- the value against the target. Keyed by the indicator's name, so a plan
-- revision keeps them.
CREATE TABLE report_indicator (
	report_id	INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
	name		TEXT NOT NULL,
	value		REAL,		-- a number (count, %), or NULL
	done		INTEGER,		-- a deadline or 全覆盖: 1 met, 0 not
	note		TEXT NOT NULL,
	PRIMARY KEY (report_id, name)
);
