-- 0015_indicator_scope.sql: a computation of the indicators over part of
-- the store: the units of one administrative division (a county of a
-- province-wide store, by its GB/T 2260 code and the codes under it).
-- NULL: every unit, as before. The latest values of the whole store and
-- of a division are told apart by it.
ALTER TABLE indicator_run ADD COLUMN scope TEXT;
