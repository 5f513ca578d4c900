-- 0003_audit_chain.sql (PostgreSQL): every audit entry carries the hash of the one
-- before it and its own, so `fazhi audit verify` finds an entry edited or
-- deleted after the fact. Entries written before this migration stay
-- outside the chain (hash NULL) and are reported as such.
ALTER TABLE audit ADD COLUMN prev_hash TEXT;
ALTER TABLE audit ADD COLUMN hash TEXT;
