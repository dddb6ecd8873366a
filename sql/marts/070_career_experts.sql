-- Career guidance experts: team sizes by level; persons guided and guidance sessions per expert and year.
-- reads: staff, service
DELETE FROM mart_expert_team;

INSERT INTO mart_expert_team (expert_level, experts)
SELECT s.expert_level, COUNT(*)
FROM wh_staff s
WHERE s.role = 'counsellor' AND s.expert_level IN ('provincial', 'city', 'county')
GROUP BY s.expert_level;

DELETE FROM mart_expert_year;

INSERT INTO mart_expert_year (service_year, staff_code, expert_level, persons_guided, sessions)
SELECT EXTRACT(YEAR FROM v.served_on), s.staff_code, s.expert_level, COUNT(DISTINCT v.person_id_number_hash), COUNT(*)
FROM wh_service v JOIN wh_staff s ON s.staff_code = v.staff_code
WHERE v.service_type = 'guidance' AND s.role = 'counsellor' AND s.expert_level IN ('provincial', 'city', 'county')
GROUP BY EXTRACT(YEAR FROM v.served_on), s.staff_code, s.expert_level;
