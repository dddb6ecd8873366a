-- Gig markets per market and day: first-time workers (registrations: the worker's first day at the market, from
-- one pass over the matches), employer-task pairs (demands), matches, mean daily wage, and the share of matched
-- workers aged 50 or over on the day.
-- reads: gig_match, person, station
DELETE FROM mart_gig_market_day;

INSERT INTO mart_gig_market_day (market_code, work_date, county_code, registrations, demands, matches, daily_wage_mean,
                                 workers_50_plus_share)
SELECT g.market_code, g.work_date, COALESCE(MAX(st.county_code), ''),
       COUNT(DISTINCT CASE WHEN f.first_date = g.work_date THEN g.worker_id_number_hash END),
       COUNT(DISTINCT CONCAT(COALESCE(g.employer_name, ''), '|', g.task)),
       COUNT(*),
       ROUND(AVG(g.daily_wage), 2),
       ROUND(COUNT(DISTINCT CASE WHEN EXTRACT(YEAR FROM g.work_date) - EXTRACT(YEAR FROM p.birth_date) > 50
                                   OR (EXTRACT(YEAR FROM g.work_date) - EXTRACT(YEAR FROM p.birth_date) = 50
                                       AND EXTRACT(MONTH FROM g.work_date) * 100 + EXTRACT(DAY FROM g.work_date)
                                           >= EXTRACT(MONTH FROM p.birth_date) * 100 + EXTRACT(DAY FROM p.birth_date))
                                 THEN g.worker_id_number_hash END) * 1.0
             / COUNT(DISTINCT g.worker_id_number_hash), 4)
FROM wh_gig_match g
LEFT JOIN (SELECT market_code, worker_id_number_hash, MIN(work_date) AS first_date FROM wh_gig_match
           GROUP BY market_code, worker_id_number_hash) f
       ON f.market_code = g.market_code AND f.worker_id_number_hash = g.worker_id_number_hash
LEFT JOIN wh_person p ON p.id_number_hash = g.worker_id_number_hash
LEFT JOIN wh_station st ON st.station_code = g.market_code
GROUP BY g.market_code, g.work_date;
