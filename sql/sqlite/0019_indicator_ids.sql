-- 0019_indicator_ids.sql: the records behind an indicator value kept in
-- the value's row, as three lists of record ids (counted, failing,
-- excluded), not one row per record: a province's run counts a million
-- records per definition and level, and the rows were most of its time
-- and size. A list is ascending ids written as differences, each from the
-- one before (the first from 0), separated by commas: "3,1,4" is ids 3, 4
-- and 8; NULL or '' is none. The rows of earlier runs move into the lists.
ALTER TABLE indicator_value ADD COLUMN counted_ids TEXT;
ALTER TABLE indicator_value ADD COLUMN failing_ids TEXT;
ALTER TABLE indicator_value ADD COLUMN excluded_ids TEXT;

-- group_concat as a window function joins in the window's order.
CREATE TEMP TABLE ids_moved AS
SELECT DISTINCT value_id, role, group_concat(d, ',') OVER (PARTITION BY
    value_id, role ORDER BY record_id ROWS BETWEEN UNBOUNDED PRECEDING AND
    UNBOUNDED FOLLOWING) AS ids FROM (
	SELECT value_id, role, record_id, record_id - coalesce(lag(record_id)
	    OVER (PARTITION BY value_id, role ORDER BY record_id), 0) AS d
	FROM indicator_value_record);

UPDATE indicator_value SET
	counted_ids = (SELECT ids FROM ids_moved m WHERE m.value_id =
	    indicator_value.id AND m.role = 'counted'),
	failing_ids = (SELECT ids FROM ids_moved m WHERE m.value_id =
	    indicator_value.id AND m.role = 'failing'),
	excluded_ids = (SELECT ids FROM ids_moved m WHERE m.value_id =
	    indicator_value.id AND m.role = 'excluded');

DROP TABLE ids_moved;
DROP TABLE indicator_value_record;
