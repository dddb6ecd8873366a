-- Key enterprises: recruits assisted per specialist, enterprise and year; the province's totals per year.
-- reads: liaison
DELETE FROM mart_liaison_enterprise;

INSERT INTO mart_liaison_enterprise (report_year, specialist_code, enterprise_credit_code, recruits)
SELECT EXTRACT(YEAR FROM l.recruit_month), l.specialist_code, l.enterprise_credit_code, SUM(l.recruits)
FROM wh_liaison l
GROUP BY EXTRACT(YEAR FROM l.recruit_month), l.specialist_code, l.enterprise_credit_code;

DELETE FROM mart_liaison_province;

INSERT INTO mart_liaison_province (report_year, specialists, enterprises, recruits)
SELECT m.report_year, COUNT(DISTINCT m.specialist_code), COUNT(DISTINCT m.enterprise_credit_code), SUM(m.recruits)
FROM mart_liaison_enterprise m
GROUP BY m.report_year;
