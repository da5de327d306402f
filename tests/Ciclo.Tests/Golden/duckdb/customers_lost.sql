-- source: customers
SELECT "p"."period_index" AS "period_index",
       COUNT(CASE WHEN ((("s"."acquired_on" < "p"."period_end") AND (("s"."churned_on" IS NULL) OR ("s"."churned_on" >= "p"."period_start"))) AND (("s"."acquired_on" < "p"."period_start") AND ("s"."churned_on" < "p"."period_end"))) THEN 1 END) AS "m_customers_lost"
FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
LEFT JOIN "customers" AS "s" ON (("s"."acquired_on" < "p"."period_end") AND (("s"."churned_on" IS NULL) OR ("s"."churned_on" >= "p"."period_start")))
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
