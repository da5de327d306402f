-- source: leads_created
SELECT "p"."period_index" AS "period_index",
       COUNT(CASE WHEN (("s"."created_on" >= "p"."period_start") AND ("s"."created_on" < "p"."period_end")) THEN 1 END) AS "m_new_leads"
FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
LEFT JOIN "leads" AS "s" ON (("s"."created_on" >= "p"."period_start") AND ("s"."created_on" < "p"."period_end"))
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
