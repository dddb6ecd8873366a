-- Which source an attribute of a golden record came from, for the attributes jobs-config/defaults.yml gives a
-- survivorship policy of their own (survivorship: {entity: {field: [sources...]}}): a later record replaces
-- the value only when its source ranks higher for that attribute, or ranks the same and is as recent.
CREATE TABLE wh_attribute_source (
    entity                       VARCHAR(20) NOT NULL,
    match_key                    CHAR(64) NOT NULL,
    column_name                  VARCHAR(64) NOT NULL,
    source_id                    VARCHAR(64) NOT NULL,
    src_priority                 INT NOT NULL,
    src_updated_at               DATETIME,
    stg_id                       BIGINT NOT NULL,
    run_id                       BIGINT NOT NULL,
    PRIMARY KEY (entity, column_name, match_key)
);
