-- The persons a mart refresh rebuilds in the per-person marts (mart_311_person): after a night, those whose golden
-- record or services the night changed; on a rebuild, when the marts are empty, or when a night brings a new year
-- of services, every person of the refresh's counties. A 1% night then rebuilds 1% of the persons, not every
-- person of every county it touched.
CREATE TABLE etl_mart_scope_person (
    scope_id                     BIGINT NOT NULL,
    person_key                   CHAR(64) NOT NULL,
    PRIMARY KEY (scope_id, person_key)
);
