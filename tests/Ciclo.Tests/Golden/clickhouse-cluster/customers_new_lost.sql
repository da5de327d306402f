-- source: customers
SELECT "p"."period_index" AS "period_index",
       count(CASE WHEN ((("s"."acquired_on" < "p"."period_end") AND (("s"."churned_on" IS NULL) OR ("s"."churned_on" >= "p"."period_start"))) AND (("s"."acquired_on" >= "p"."period_start") AND ("s"."churned_on" < "p"."period_end"))) THEN 1 END) AS "m_customers_new_lost"
FROM "customers" AS "s" FINAL
CROSS JOIN (SELECT toUInt32(0) AS "period_index", toDate('2024-01-01') AS "period_start", toDate('2024-02-01') AS "period_end" UNION ALL SELECT toUInt32(1) AS "period_index", toDate('2024-02-01') AS "period_start", toDate('2024-03-01') AS "period_end") AS "p"
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
