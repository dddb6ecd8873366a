-- Placements per county, month, channel and form for the counties in the refresh's etl_mart_scope: count, share insured,
-- mean and median wage for placements paid by the month and by the day (medians: the middle one or two wages of
-- each group, portable where MySQL has no MEDIAN), mean days since registration.
-- reads: placement, person
DELETE FROM mart_placement_month WHERE county_code IN (SELECT county_code FROM etl_mart_scope WHERE scope_id = :scope);

DELETE FROM etl_wage_median WHERE county_code IN (SELECT county_code FROM etl_mart_scope WHERE scope_id = :scope);

INSERT INTO etl_wage_median (county_code, y, m, channel, form, monthly_median, daily_median)
SELECT county_code, y, m, channel, form,
       ROUND(AVG(CASE WHEN pay_period = 'month' THEN wage END), 2) AS monthly_median,
       ROUND(AVG(CASE WHEN pay_period = 'day' THEN wage END), 2) AS daily_median
FROM (
    SELECT COALESCE(county_code, '') AS county_code, EXTRACT(YEAR FROM started_on) AS y, EXTRACT(MONTH FROM started_on) AS m,
           channel, COALESCE(form, '') AS form, pay_period, wage,
           ROW_NUMBER() OVER (PARTITION BY COALESCE(county_code, ''), EXTRACT(YEAR FROM started_on),
                              EXTRACT(MONTH FROM started_on), channel, COALESCE(form, ''), pay_period ORDER BY wage) AS rn,
           COUNT(*) OVER (PARTITION BY COALESCE(county_code, ''), EXTRACT(YEAR FROM started_on),
                          EXTRACT(MONTH FROM started_on), channel, COALESCE(form, ''), pay_period) AS cnt
    FROM wh_placement
    WHERE wage IS NOT NULL AND pay_period IN ('month', 'day')
      AND COALESCE(county_code, '') IN (SELECT county_code FROM etl_mart_scope WHERE scope_id = :scope)
) ranked
WHERE rn IN (FLOOR((cnt + 1) / 2), FLOOR((cnt + 2) / 2))
GROUP BY county_code, y, m, channel, form;

INSERT INTO mart_placement_month (county_code, placement_year, placement_month, channel, form, placements, insured,
                                  insured_share, monthly_wage_mean, monthly_wage_median, daily_wage_mean, daily_wage_median,
                                  days_from_registration)
SELECT a.county_code, a.y, a.m, a.channel, a.form, a.placements, a.insured, ROUND(a.insured * 1.0 / a.placements, 4),
       a.monthly_mean, md.monthly_median, a.daily_mean, md.daily_median, a.days
FROM (
    SELECT COALESCE(pl.county_code, '') AS county_code, EXTRACT(YEAR FROM pl.started_on) AS y,
           EXTRACT(MONTH FROM pl.started_on) AS m, pl.channel, COALESCE(pl.form, '') AS form, COUNT(*) AS placements,
           SUM(CASE WHEN pl.insurance THEN 1 ELSE 0 END) AS insured,
           ROUND(AVG(CASE WHEN pl.pay_period = 'month' THEN pl.wage END), 2) AS monthly_mean,
           ROUND(AVG(CASE WHEN pl.pay_period = 'day' THEN pl.wage END), 2) AS daily_mean,
           ROUND(AVG(TIMESTAMPDIFF(DAY, p.registered_on, pl.started_on) * 1.0), 1) AS days
    FROM wh_placement pl LEFT JOIN wh_person p ON p.id_number_hash = pl.person_id_number_hash
    WHERE COALESCE(pl.county_code, '') IN (SELECT county_code FROM etl_mart_scope WHERE scope_id = :scope)
    GROUP BY COALESCE(pl.county_code, ''), EXTRACT(YEAR FROM pl.started_on), EXTRACT(MONTH FROM pl.started_on), pl.channel,
             COALESCE(pl.form, '')
) a
LEFT JOIN etl_wage_median md ON md.county_code = a.county_code AND md.y = a.y AND md.m = a.m AND md.channel = a.channel
    AND md.form = a.form;
