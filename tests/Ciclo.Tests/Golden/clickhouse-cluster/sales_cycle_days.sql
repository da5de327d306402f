-- source: leads_converted
SELECT "p"."period_index" AS "period_index",
       if(count(CASE WHEN (("s"."converted_on" >= "p"."period_start") AND ("s"."converted_on" < "p"."period_end")) THEN ("s"."converted_on" - "s"."created_on") END) = 0, NULL, (toFloat64(arrayElement(arraySort(groupArray(CASE WHEN (("s"."converted_on" >= "p"."period_start") AND ("s"."converted_on" < "p"."period_end")) THEN ("s"."converted_on" - "s"."created_on") END)), intDiv(count(CASE WHEN (("s"."converted_on" >= "p"."period_start") AND ("s"."converted_on" < "p"."period_end")) THEN ("s"."converted_on" - "s"."created_on") END) + 1, 2))) + toFloat64(arrayElement(arraySort(groupArray(CASE WHEN (("s"."converted_on" >= "p"."period_start") AND ("s"."converted_on" < "p"."period_end")) THEN ("s"."converted_on" - "s"."created_on") END)), intDiv(count(CASE WHEN (("s"."converted_on" >= "p"."period_start") AND ("s"."converted_on" < "p"."period_end")) THEN ("s"."converted_on" - "s"."created_on") END), 2) + 1))) / 2) AS "m_sales_cycle_days"
FROM (SELECT toUInt32(0) AS "period_index", toDate('2024-01-01') AS "period_start", toDate('2024-02-01') AS "period_end" UNION ALL SELECT toUInt32(1) AS "period_index", toDate('2024-02-01') AS "period_start", toDate('2024-03-01') AS "period_end") AS "p"
CROSS JOIN "leads" AS "s" FINAL
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
