-- source: leads_converted
SELECT "p"."period_index" AS "period_index",
       percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN ("p"."period_start" = CAST(date_trunc('month', "s"."converted_on") AS DATE)) THEN ("s"."converted_on" - "s"."created_on") END) AS "m_sales_cycle_days"
FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
LEFT JOIN "leads" AS "s" ON ("p"."period_start" = CAST(date_trunc('month', "s"."converted_on") AS DATE))
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
