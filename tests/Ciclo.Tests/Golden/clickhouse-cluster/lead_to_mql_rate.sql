-- source: leads_created
SELECT "p"."period_index" AS "period_index",
       count(CASE WHEN (("s"."created_on" >= "p"."period_start") AND ("s"."created_on" < "p"."period_end")) THEN 1 END) AS "m_new_leads",
       count(CASE WHEN ((("s"."created_on" >= "p"."period_start") AND ("s"."created_on" < "p"."period_end")) AND ("s"."became_mql_on" IS NOT NULL)) THEN 1 END) AS "m_leads_created_mql"
FROM (SELECT toUInt32(0) AS "period_index", toDate('2024-01-01') AS "period_start", toDate('2024-02-01') AS "period_end" UNION ALL SELECT toUInt32(1) AS "period_index", toDate('2024-02-01') AS "period_start", toDate('2024-03-01') AS "period_end") AS "p"
CROSS JOIN "leads" AS "s" FINAL
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
