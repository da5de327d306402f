-- source: revenue
SELECT "p"."period_index" AS "period_index",
       SUM(CASE WHEN (("p"."period_start" = "s"."period_key") AND ("s"."kind" IN ('upsell', 'cross_sell'))) THEN "s"."amount_rc" END) AS "m_upsell_revenue",
       COUNT(CASE WHEN (("p"."period_start" = "s"."period_key") AND ("s"."amount_rc" IS NULL)) THEN 1 END) AS "m_revenue_rows_without_rate"
FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
LEFT JOIN (
  SELECT "q"."revenue_id" AS "revenue_id",
         "q"."customer_id" AS "customer_id",
         "q"."booked_on" AS "booked_on",
         "q"."kind" AS "kind",
         "q"."amount_rc" AS "amount_rc",
         "q"."acquired_on" AS "acquired_on",
         "q"."churned_on" AS "churned_on",
         "q"."segment" AS "segment",
         "q"."region" AS "region",
         CAST(date_trunc('month', "q"."booked_on") AS DATE) AS "period_key"
  FROM (
    SELECT "r"."revenue_id" AS "revenue_id",
           "r"."customer_id" AS "customer_id",
           "r"."booked_on" AS "booked_on",
           "r"."kind" AS "kind",
           ("r"."amount" * CASE WHEN (("r"."currency" IS NULL) OR ("r"."currency" = 'EUR')) THEN 1 ELSE (SELECT "lk"."rate" FROM "fx_rates" AS "lk" WHERE "lk"."currency" = "r"."currency" AND "lk"."day" <= "r"."booked_on" ORDER BY "lk"."day" DESC LIMIT 1) END) AS "amount_rc",
           "c"."acquired_on" AS "acquired_on",
           "c"."churned_on" AS "churned_on",
           "c"."segment" AS "segment",
           "c"."region" AS "region"
    FROM "revenue" AS "r"
    JOIN "customers" AS "c" ON ("c"."customer_id" = "r"."customer_id"))
  AS "q"
  OFFSET 0)
AS "s" ON ("p"."period_start" = "s"."period_key")
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
