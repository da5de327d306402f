-- source: surveys
SELECT "p"."period_index" AS "period_index",
       COUNT(CASE WHEN ("p"."period_start" = "s"."period_key") THEN 1 END) AS "m_nps_responses",
       COUNT(CASE WHEN (("p"."period_start" = "s"."period_key") AND ("s"."score" >= 9)) THEN 1 END) AS "m_nps_promoters",
       COUNT(CASE WHEN (("p"."period_start" = "s"."period_key") AND ("s"."score" <= 6)) THEN 1 END) AS "m_nps_detractors"
FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
LEFT JOIN (
  SELECT "q"."answered_on" AS "answered_on",
         "q"."score" AS "score",
         "q"."segment" AS "segment",
         "q"."region" AS "region",
         CAST(date_trunc('month', "q"."answered_on") AS DATE) AS "period_key"
  FROM (
    SELECT "r"."answered_on" AS "answered_on",
           "r"."score" AS "score",
           "c"."segment" AS "segment",
           "c"."region" AS "region"
    FROM "surveys" AS "r"
    LEFT JOIN "customers" AS "c" ON ("c"."customer_id" = "r"."customer_id"))
  AS "q"
  OFFSET 0)
AS "s" ON ("p"."period_start" = "s"."period_key")
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
