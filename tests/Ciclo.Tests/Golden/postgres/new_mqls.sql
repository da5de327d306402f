-- source: leads_mql
SELECT "p"."period_index" AS "period_index",
       COUNT(CASE WHEN ("p"."period_start" = CAST(date_trunc('month', "s"."became_mql_on") AS DATE)) THEN 1 END) AS "m_new_mqls"
FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
LEFT JOIN "leads" AS "s" ON ("p"."period_start" = CAST(date_trunc('month', "s"."became_mql_on") AS DATE))
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
