-- source: leads_converted
SELECT "p"."period_index" AS "period_index",
       median(CASE WHEN (("s"."converted_on" >= "p"."period_start") AND ("s"."converted_on" < "p"."period_end")) THEN datediff('day', "s"."created_on", "s"."converted_on") END) AS "m_sales_cycle_days"
FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
LEFT JOIN "leads" AS "s" ON (("s"."converted_on" >= "p"."period_start") AND ("s"."converted_on" < "p"."period_end"))
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
