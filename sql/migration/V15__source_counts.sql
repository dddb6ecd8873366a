-- What each unit held by the source's own account (rows of the database window counted in the read's snapshot, a
-- text file's physical lines, a JSON array's elements), next to what the reader accounted for; NULL where the
-- source gives no such count (workbooks). A unit whose two numbers differ fails its source.
ALTER TABLE etl_extract_log ADD COLUMN source_count BIGINT;
