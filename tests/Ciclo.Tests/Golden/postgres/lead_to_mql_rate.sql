-- source: leads_created
SELECT "p"."period_index" AS "period_index",
       COUNT(CASE WHEN ("p"."period_start" = CAST(date_trunc('month', "s"."created_on") AS DATE)) THEN 1 END) AS "m_new_leads",
       COUNT(CASE WHEN (("p"."period_start" = CAST(date_trunc('month', "s"."created_on") AS DATE)) AND ("s"."became_mql_on" IS NOT NULL)) THEN 1 END) AS "m_leads_created_mql"
FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
LEFT JOIN "leads" AS "s" ON ("p"."period_start" = CAST(date_trunc('month', "s"."created_on") AS DATE))
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
