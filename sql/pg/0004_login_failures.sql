-- 0004_login_failures.sql (PostgreSQL): failed sign-ins, kept in the store so that
-- throttling holds across every fazhi process (5 failures of one login in
-- 15 minutes lock it for the rest of the window).
CREATE TABLE login_failure (
	id		BIGSERIAL PRIMARY KEY,
	login		TEXT NOT NULL,
	at		TEXT NOT NULL
);
CREATE INDEX login_failure_login ON login_failure(login, at);
