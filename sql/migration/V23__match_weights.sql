-- Matching by match weights (Fellegi–Sunter): each decision keeps its match probability and the candidate blocks
-- that found the person; each night keeps the model it decided with (m, u and weight of every comparison level,
-- and lambda, the share of candidate pairs that are one person, as 'prior') and the pairs each block produced.
ALTER TABLE wh_match_evidence ADD COLUMN probability DOUBLE;
ALTER TABLE wh_match_evidence ADD COLUMN blocks VARCHAR(200);

CREATE TABLE etl_match_weight (
    run_id                       BIGINT NOT NULL,
    comparison                   VARCHAR(20) NOT NULL,   -- name, birth, phone, county, household, or prior
    comparison_level             VARCHAR(20) NOT NULL,   -- exact, sounds-alike, ..., or lambda
    m                            DOUBLE NOT NULL,
    u                            DOUBLE NOT NULL,
    weight                       DOUBLE NOT NULL,        -- log2(m/u); for the prior log2(lambda/(1-lambda))
    origin                       VARCHAR(1000) NOT NULL, -- m estimated by EM per block (...), u from ...; or fixed
    PRIMARY KEY (run_id, comparison, comparison_level)
);

CREATE TABLE etl_match_block (
    run_id                       BIGINT NOT NULL,
    block                        VARCHAR(40) NOT NULL,
    pairs                        BIGINT NOT NULL,
    PRIMARY KEY (run_id, block)
);
