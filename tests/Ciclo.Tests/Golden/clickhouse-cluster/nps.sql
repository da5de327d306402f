-- source: surveys
SELECT "p"."period_index" AS "period_index",
       count(CASE WHEN (("s"."answered_on" >= "p"."period_start") AND ("s"."answered_on" < "p"."period_end")) THEN 1 END) AS "m_nps_responses",
       count(CASE WHEN ((("s"."answered_on" >= "p"."period_start") AND ("s"."answered_on" < "p"."period_end")) AND ("s"."score" >= 9)) THEN 1 END) AS "m_nps_promoters",
       count(CASE WHEN ((("s"."answered_on" >= "p"."period_start") AND ("s"."answered_on" < "p"."period_end")) AND ("s"."score" <= 6)) THEN 1 END) AS "m_nps_detractors"
FROM (SELECT toUInt32(0) AS "period_index", toDate('2024-01-01') AS "period_start", toDate('2024-02-01') AS "period_end" UNION ALL SELECT toUInt32(1) AS "period_index", toDate('2024-02-01') AS "period_start", toDate('2024-03-01') AS "period_end") AS "p"
CROSS JOIN (
  SELECT "r"."answered_on" AS "answered_on",
         "r"."score" AS "score",
         "c"."segment" AS "segment",
         "c"."region" AS "region"
  FROM (SELECT * FROM "surveys" FINAL WHERE "_deleted" = 0) AS "r"
  LEFT JOIN (SELECT * FROM "customers" FINAL WHERE "_deleted" = 0) AS "c" ON ("c"."customer_id" = "r"."customer_id"))
AS "s"
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
