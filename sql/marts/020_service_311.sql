-- Rebuilds mart_311_person and mart_311_county: for every year with services, every employment-difficulty
-- person registered by then, and whether they received 3 recommendations, 1 guidance and 1 training.
DELETE FROM mart_311_person;

INSERT INTO mart_311_person (service_year, person_key, county_code, recommendations, guidance, training, complete_311)
SELECT t.service_year, t.person_key, t.county_code, t.recommendations, t.guidance, t.training,
       CASE WHEN t.recommendations >= 3 AND t.guidance >= 1 AND t.training >= 1 THEN 1 ELSE 0 END
FROM (
    SELECT y.service_year, p.id_number_hash AS person_key, COALESCE(p.county_code, '') AS county_code,
           SUM(CASE WHEN s.service_type = 'recommendation' THEN 1 ELSE 0 END) AS recommendations,
           SUM(CASE WHEN s.service_type = 'guidance' THEN 1 ELSE 0 END) AS guidance,
           SUM(CASE WHEN s.service_type = 'training' THEN 1 ELSE 0 END) AS training
    FROM (SELECT DISTINCT EXTRACT(YEAR FROM served_on) AS service_year FROM wh_service) y
    JOIN wh_person p ON p.categories LIKE '%,difficulty,%'
                    AND (p.registered_on IS NULL OR EXTRACT(YEAR FROM p.registered_on) <= y.service_year)
    LEFT JOIN wh_service s ON s.person_id_number_hash = p.id_number_hash
                          AND EXTRACT(YEAR FROM s.served_on) = y.service_year
    GROUP BY y.service_year, p.id_number_hash, p.county_code
) t;

DELETE FROM mart_311_county;

INSERT INTO mart_311_county (service_year, county_code, county_name, difficulty_persons, complete_persons, completion_rate)
SELECT m.service_year, m.county_code, COALESCE(c.name, '(unknown)'), COUNT(*), SUM(m.complete_311),
       ROUND(SUM(m.complete_311) * 1.0 / COUNT(*), 4)
FROM mart_311_person m LEFT JOIN wh_region c ON c.code = m.county_code
GROUP BY m.service_year, m.county_code, c.name;
