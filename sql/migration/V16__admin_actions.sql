-- Who did what to the warehouse, when and why: every reprocess, split, accept, rerun, recovery, key rotation and
-- configuration change seen at start-up. Written by the command, API call or schedule that acted; never updated.
CREATE TABLE etl_admin_action (
    id                           BIGINT AUTO_INCREMENT PRIMARY KEY,
    acted_at                     DATETIME NOT NULL,
    actor                        VARCHAR(100) NOT NULL,
    via                          VARCHAR(20) NOT NULL,
    action                       VARCHAR(40) NOT NULL,
    target                       VARCHAR(1000),
    reason                       VARCHAR(1000),
    run_id                       BIGINT,
    outcome                      VARCHAR(1000)
);
CREATE INDEX ix_admin_action_time ON etl_admin_action (acted_at);

-- The jobs-config files as last seen, by content digest: a start-up that finds them changed records which.
CREATE TABLE etl_config_file (
    file_name                    VARCHAR(255) NOT NULL PRIMARY KEY,
    sha256                       CHAR(64) NOT NULL,
    seen_at                      DATETIME NOT NULL
);
