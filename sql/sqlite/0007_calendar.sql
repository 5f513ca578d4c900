-- 0007_calendar.sql: the official working-day calendar: the days of a year
-- that differ from "Monday to Friday are working days" (holidays and
-- weekdays off: 'off'; weekend days worked, 调休上班: 'work'), and the
-- years loaded, with the notice they came from. (0006 is another change.)
CREATE TABLE calendar_day (
	day		TEXT PRIMARY KEY,	-- YYYY-MM-DD
	kind		TEXT NOT NULL CHECK (kind IN ('off', 'work')),
	name		TEXT,
	year		INTEGER NOT NULL
);
CREATE INDEX calendar_day_year ON calendar_day (year);
CREATE TABLE calendar_year (
	year		INTEGER PRIMARY KEY,
	source		TEXT,
	loaded_at	TEXT
);
