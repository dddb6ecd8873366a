-- The "311" service (3 job recommendations, 1 career guidance, 1 free training a year for every
-- employment-difficulty person): per person for the persons in the refresh's etl_mart_scope_person (a night's changed
-- persons, or every person of the refresh's counties), per county for the counties in its etl_mart_scope; per city,
-- officer and station in full (single passes over the county rows and the services).
-- reads: person, service, staff, station
DELETE FROM mart_311_person WHERE person_key IN (SELECT person_key FROM etl_mart_scope_person WHERE scope_id = :scope);

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
    WHERE p.id_number_hash IN (SELECT person_key FROM etl_mart_scope_person WHERE scope_id = :scope)
    GROUP BY y.service_year, p.id_number_hash, p.county_code
) t;

DELETE FROM mart_311_county WHERE county_code IN (SELECT county_code FROM etl_mart_scope WHERE scope_id = :scope);

INSERT INTO mart_311_county (service_year, county_code, county_name, difficulty_persons, complete_persons, completion_rate)
SELECT m.service_year, m.county_code, COALESCE(c.name, '(unknown)'), COUNT(*), SUM(m.complete_311),
       ROUND(SUM(m.complete_311) * 1.0 / COUNT(*), 4)
FROM mart_311_person m LEFT JOIN wh_region c ON c.code = m.county_code
WHERE m.county_code IN (SELECT county_code FROM etl_mart_scope WHERE scope_id = :scope)
GROUP BY m.service_year, m.county_code, c.name;

DELETE FROM mart_311_city;

INSERT INTO mart_311_city (service_year, city_code, city_name, difficulty_persons, complete_persons, completion_rate)
SELECT m.service_year, SUBSTRING(m.county_code, 1, 4), c.name, SUM(m.difficulty_persons), SUM(m.complete_persons),
       ROUND(SUM(m.complete_persons) * 1.0 / SUM(m.difficulty_persons), 4)
FROM mart_311_county m JOIN wh_region c ON c.code = SUBSTRING(m.county_code, 1, 4)
GROUP BY m.service_year, SUBSTRING(m.county_code, 1, 4), c.name;

DELETE FROM mart_311_officer;

INSERT INTO mart_311_officer (service_year, staff_code, county_code, persons_helped, person_times_311)
SELECT EXTRACT(YEAR FROM s.served_on), s.staff_code, COALESCE(MAX(st.county_code), ''),
       COUNT(DISTINCT s.person_id_number_hash),
       SUM(CASE WHEN s.service_type IN ('recommendation', 'guidance', 'training') THEN 1 ELSE 0 END)
FROM wh_service s LEFT JOIN wh_staff st ON st.staff_code = s.staff_code
WHERE s.staff_code IS NOT NULL
GROUP BY EXTRACT(YEAR FROM s.served_on), s.staff_code;

DELETE FROM mart_311_station;

INSERT INTO mart_311_station (service_year, station_code, county_code, persons_served, person_times_311)
SELECT EXTRACT(YEAR FROM s.served_on), s.station_code, COALESCE(MAX(t.county_code), ''),
       COUNT(DISTINCT s.person_id_number_hash),
       SUM(CASE WHEN s.service_type IN ('recommendation', 'guidance', 'training') THEN 1 ELSE 0 END)
FROM wh_service s LEFT JOIN wh_station t ON t.station_code = s.station_code
GROUP BY EXTRACT(YEAR FROM s.served_on), s.station_code;
