-- 0002_accounts.sql (PostgreSQL): people who use fazhi, their roles in units, and their
-- sessions (kept in the store so any fazhi process can serve any request).

CREATE TABLE account (
	id		BIGSERIAL PRIMARY KEY,
	login		TEXT NOT NULL UNIQUE,
	name		TEXT NOT NULL,
	password_hash	TEXT NOT NULL,		-- argon2id (libsodium crypto_pwhash_str)
	is_admin	INTEGER NOT NULL DEFAULT 0,
	disabled	INTEGER NOT NULL DEFAULT 0,
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL
);

-- A person may hold roles in several units: supervisor (依法治县办),
-- leader (县领导, reads all), unit_leader (单位负责人), clerk (联络员).
CREATE TABLE account_role (
	account_id	BIGINT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
	unit_id		BIGINT NOT NULL REFERENCES unit(id),
	role		TEXT NOT NULL,
	PRIMARY KEY (account_id, unit_id, role)
);

-- The session id stored is the SHA-256 of the token the browser holds.
CREATE TABLE session (
	id		TEXT PRIMARY KEY,
	account_id	BIGINT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
	csrf		TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	expires_at	TEXT NOT NULL,
	last_seen_at	TEXT NOT NULL
);
CREATE INDEX session_account ON session(account_id);
