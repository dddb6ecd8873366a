-- The phone's transposed variants are looked up by their hashes through the phone index (PersonMatcher.transposed):
-- a join with a table of them let the optimiser read every record of the night instead, so the table goes.
DROP TABLE etl_match_variant;
