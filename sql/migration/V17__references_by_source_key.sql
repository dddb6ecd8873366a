-- A reference given by the other record's key in its source (refs: in jobs-config), kept in staging until the merge
-- resolves it through wh_xref: the source whose key it is, and the key.
ALTER TABLE stg_service ADD COLUMN person_id_number_ref_source VARCHAR(64);
ALTER TABLE stg_service ADD COLUMN person_id_number_ref_key VARCHAR(200);
ALTER TABLE stg_placement ADD COLUMN person_id_number_ref_source VARCHAR(64);
ALTER TABLE stg_placement ADD COLUMN person_id_number_ref_key VARCHAR(200);
ALTER TABLE stg_placement ADD COLUMN employer_credit_code_ref_source VARCHAR(64);
ALTER TABLE stg_placement ADD COLUMN employer_credit_code_ref_key VARCHAR(200);
ALTER TABLE stg_posting ADD COLUMN employer_credit_code_ref_source VARCHAR(64);
ALTER TABLE stg_posting ADD COLUMN employer_credit_code_ref_key VARCHAR(200);
ALTER TABLE stg_gig_match ADD COLUMN worker_id_number_ref_source VARCHAR(64);
ALTER TABLE stg_gig_match ADD COLUMN worker_id_number_ref_key VARCHAR(200);
ALTER TABLE stg_liaison ADD COLUMN enterprise_credit_code_ref_source VARCHAR(64);
ALTER TABLE stg_liaison ADD COLUMN enterprise_credit_code_ref_key VARCHAR(200);
