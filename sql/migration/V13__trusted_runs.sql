-- Runs an operator can trust (one writer at a time, restartable runs, bounded transactions).

-- Who holds the warehouse lock. The lock itself is the server's named lock (GET_LOCK), held by the holder's
-- connection and dropped with it; this row only says who that is, for the message a second process prints.
CREATE TABLE etl_lock (
    lock_name                    VARCHAR(64) NOT NULL PRIMARY KEY,
    host                         VARCHAR(255) NOT NULL,
    pid                          BIGINT NOT NULL,
    command                      VARCHAR(500) NOT NULL,
    since                        DATETIME NOT NULL,
    connection_id                BIGINT NOT NULL
);

-- The counties a mart refresh rebuilds, kept per refresh (a run's id, or 0 for marts --rebuild) so that a
-- restarted refresh finds its own scope and nothing of one refresh leaks into another.
DROP TABLE etl_mart_scope;
CREATE TABLE etl_mart_scope (
    scope_id                     BIGINT NOT NULL,
    county_code                  VARCHAR(6) NOT NULL,
    PRIMARY KEY (scope_id, county_code)
);

-- A record with a very long field (a 1 MB value) is landed and quarantined whole, not refused by the column.
ALTER TABLE landing_record MODIFY payload_enc MEDIUMTEXT NOT NULL;
ALTER TABLE landing_record MODIFY payload_masked MEDIUMTEXT NOT NULL;
ALTER TABLE quarantine MODIFY payload_masked MEDIUMTEXT NOT NULL;
ALTER TABLE quarantine MODIFY payload_enc MEDIUMTEXT;
