-- Rebuilds mart_unit_coverage and the county rows of mart_platform_coverage for the counties in the refresh's etl_mart_scope,
-- then the city and province rows from them. A street or township counts as covered when a street or
-- township platform sits there, a community when a community platform does, a village when at least one
-- employment officer serves it.
-- reads: station, staff
DELETE FROM mart_unit_coverage WHERE county_code IN (SELECT county_code FROM etl_mart_scope WHERE scope_id = :scope);

INSERT INTO mart_unit_coverage (unit_code, unit_kind, county_code, city_code, covered, officers)
SELECT r.code,
       CASE WHEN r.kind = 'street' THEN 'street' WHEN r.kind IN ('town', 'township') THEN 'township'
            WHEN r.kind = 'community' THEN 'community' ELSE 'village' END,
       r.county_code, r.city_code,
       CASE WHEN r.kind = 'village' THEN
                CASE WHEN EXISTS (SELECT 1 FROM wh_staff s WHERE s.region = r.code AND s.role = 'officer') THEN 1 ELSE 0 END
            WHEN r.kind = 'community' THEN
                CASE WHEN EXISTS (SELECT 1 FROM wh_station t WHERE t.region = r.code AND t.station_type = 'community_platform') THEN 1 ELSE 0 END
            ELSE
                CASE WHEN EXISTS (SELECT 1 FROM wh_station t WHERE t.region = r.code
                                   AND t.station_type IN ('street_platform', 'township_platform')) THEN 1 ELSE 0 END
       END,
       (SELECT COUNT(*) FROM wh_staff s WHERE s.region = r.code AND s.role = 'officer')
FROM wh_region r
WHERE r.kind IN ('street', 'town', 'township', 'community', 'village')
  AND r.county_code IN (SELECT county_code FROM etl_mart_scope WHERE scope_id = :scope);

DELETE FROM mart_platform_coverage WHERE scope_level = 'county' AND scope_code IN (SELECT county_code FROM etl_mart_scope WHERE scope_id = :scope);

INSERT INTO mart_platform_coverage (scope_level, scope_code, scope_name, unit_kind, units_total, units_covered, coverage_rate, officers)
SELECT 'county', u.county_code, c.name, u.unit_kind, COUNT(*), SUM(u.covered),
       ROUND(SUM(u.covered) * 1.0 / COUNT(*), 4), SUM(u.officers)
FROM mart_unit_coverage u JOIN wh_region c ON c.code = u.county_code
WHERE u.county_code IN (SELECT county_code FROM etl_mart_scope WHERE scope_id = :scope)
GROUP BY u.county_code, c.name, u.unit_kind;

DELETE FROM mart_platform_coverage WHERE scope_level IN ('city', 'province');

INSERT INTO mart_platform_coverage (scope_level, scope_code, scope_name, unit_kind, units_total, units_covered, coverage_rate, officers)
SELECT 'city', u.city_code, c.name, u.unit_kind, COUNT(*), SUM(u.covered),
       ROUND(SUM(u.covered) * 1.0 / COUNT(*), 4), SUM(u.officers)
FROM mart_unit_coverage u JOIN wh_region c ON c.code = u.city_code
GROUP BY u.city_code, c.name, u.unit_kind;

INSERT INTO mart_platform_coverage (scope_level, scope_code, scope_name, unit_kind, units_total, units_covered, coverage_rate, officers)
SELECT 'province', '43', '湖南省', u.unit_kind, COUNT(*), SUM(u.covered),
       ROUND(SUM(u.covered) * 1.0 / COUNT(*), 4), SUM(u.officers)
FROM mart_unit_coverage u
GROUP BY u.unit_kind;
