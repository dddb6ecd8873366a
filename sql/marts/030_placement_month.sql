-- Rebuilds mart_placement_month: placements per county, month and channel.
DELETE FROM mart_placement_month;

INSERT INTO mart_placement_month (county_code, placement_year, placement_month, channel, placements, insured, monthly_wage_avg)
SELECT COALESCE(p.county_code, ''), EXTRACT(YEAR FROM p.started_on), EXTRACT(MONTH FROM p.started_on), p.channel,
       COUNT(*), SUM(CASE WHEN p.insurance THEN 1 ELSE 0 END),
       ROUND(AVG(CASE WHEN p.pay_period = 'month' THEN p.wage END), 2)
FROM wh_placement p
GROUP BY COALESCE(p.county_code, ''), EXTRACT(YEAR FROM p.started_on), EXTRACT(MONTH FROM p.started_on), p.channel;
