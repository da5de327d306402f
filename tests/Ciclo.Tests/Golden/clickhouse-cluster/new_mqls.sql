-- source: leads_mql
SELECT "p"."period_index" AS "period_index",
       count(CASE WHEN (("s"."became_mql_on" >= "p"."period_start") AND ("s"."became_mql_on" < "p"."period_end")) THEN 1 END) AS "m_new_mqls"
FROM (SELECT toUInt32(0) AS "period_index", toDate('2024-01-01') AS "period_start", toDate('2024-02-01') AS "period_end" UNION ALL SELECT toUInt32(1) AS "period_index", toDate('2024-02-01') AS "period_start", toDate('2024-03-01') AS "period_end") AS "p"
CROSS JOIN "leads" AS "s" FINAL
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
