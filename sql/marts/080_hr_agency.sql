-- HR service agencies per year: how many reported, their staff, revenue (万元) and its growth on the year
-- before, persons served.
-- reads: agency_report
DELETE FROM mart_hr_agency_year;

INSERT INTO mart_hr_agency_year (report_year, agencies, staff, revenue_10k, revenue_growth, persons_served)
SELECT cur.report_year, cur.agencies, cur.staff, cur.revenue,
       CASE WHEN prev.revenue > 0 THEN ROUND(cur.revenue / prev.revenue - 1, 4) END, cur.served
FROM (SELECT report_year, COUNT(*) AS agencies, SUM(COALESCE(staff, 0)) AS staff, SUM(COALESCE(revenue_10k, 0)) AS revenue,
             SUM(COALESCE(persons_served, 0)) AS served
      FROM wh_agency_report GROUP BY report_year) cur
LEFT JOIN (SELECT report_year, SUM(COALESCE(revenue_10k, 0)) AS revenue FROM wh_agency_report GROUP BY report_year) prev
       ON prev.report_year = cur.report_year - 1;
