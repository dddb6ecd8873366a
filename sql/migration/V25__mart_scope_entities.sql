-- The entities whose golden records a refresh's run changed (a new or updated record, or an attribute settled on its
-- own), or '*' for every entity (a rebuild, or marts still empty). A mart file that names what it reads
-- (-- reads: ...) runs only when one of those entities changed: a night that changed persons and services does not
-- rebuild the coverage of stations and officers or the gig markets.
CREATE TABLE etl_mart_scope_entity (
    scope_id                     BIGINT NOT NULL,
    entity                       VARCHAR(32) NOT NULL,
    PRIMARY KEY (scope_id, entity)
);
