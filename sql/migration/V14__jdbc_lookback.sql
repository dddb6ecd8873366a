-- The database rows a run read within the lookback window before its watermark (their digest). The next night
-- reads that window again, for rows committed late with an earlier time, and passes over the rows listed here.
-- Only the run that set an entity's watermark keeps rows here; older ones are removed when it finishes.
CREATE TABLE etl_jdbc_recent (
    source_id                    VARCHAR(64) NOT NULL,
    entity                       VARCHAR(20) NOT NULL,
    run_id                       BIGINT NOT NULL,
    digest                       CHAR(64) NOT NULL,
    updated_at                   DATETIME NOT NULL,
    PRIMARY KEY (source_id, entity, run_id, digest)
);
