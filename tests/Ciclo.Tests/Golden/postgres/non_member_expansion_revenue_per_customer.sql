-- source: customers
SELECT "s"."period_index" AS "period_index",
       COUNT(CASE WHEN ((("s"."acquired_on" < "s"."period_end") AND (("s"."churned_on" IS NULL) OR ("s"."churned_on" >= "s"."period_start"))) AND (("s"."acquired_on" < "s"."period_start") AND (NOT ("s"."condition_0" = 1)))) THEN 1 END) AS "m_non_members_start"
FROM (
  SELECT "p"."period_index" AS "period_index",
         "p"."period_start" AS "period_start",
         "p"."period_end" AS "period_end",
         "s"."acquired_on" AS "acquired_on",
         "s"."churned_on" AS "churned_on",
         CASE WHEN ("set_0"."key_0" IS NOT NULL) THEN 1 ELSE 0 END AS "condition_0"
  FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
  LEFT JOIN "customers" AS "s" ON (("s"."acquired_on" < "p"."period_end") AND (("s"."churned_on" IS NULL) OR ("s"."churned_on" >= "p"."period_start")))
  LEFT JOIN (
    SELECT "p"."period_index" AS "period_index",
           "m"."customer_id" AS "key_0"
    FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
    JOIN "program_members" AS "m" ON ((("m"."joined_on" < "p"."period_start") AND (("m"."left_on" IS NULL) OR ("m"."left_on" >= "p"."period_start"))) AND (COALESCE(NULL, "m"."program") = "m"."program"))
    GROUP BY "p"."period_index", "m"."customer_id")
  AS "set_0" ON (("set_0"."period_index" = "p"."period_index") AND ("set_0"."key_0" = "s"."customer_id")))
AS "s"
GROUP BY "s"."period_index"
ORDER BY "s"."period_index"
;
-- source: revenue
SELECT "s"."period_index" AS "period_index",
       SUM(CASE WHEN (("s"."period_start" = "s"."period_key") AND (((("s"."kind" IN ('upsell', 'cross_sell', 'services', 'training')) AND ("s"."acquired_on" < "s"."period_start")) AND (("s"."acquired_on" < "s"."period_start") AND (("s"."churned_on" IS NULL) OR ("s"."churned_on" >= "s"."period_start")))) AND (NOT ("s"."condition_0" = 1)))) THEN "s"."amount_rc" END) AS "m_non_member_expansion_revenue",
       COUNT(CASE WHEN (("s"."period_start" = "s"."period_key") AND ("s"."amount_rc" IS NULL)) THEN 1 END) AS "m_revenue_rows_without_rate"
FROM (
  SELECT "p"."period_index" AS "period_index",
         "p"."period_start" AS "period_start",
         "p"."period_end" AS "period_end",
         "s"."period_key" AS "period_key",
         "s"."kind" AS "kind",
         "s"."acquired_on" AS "acquired_on",
         "s"."churned_on" AS "churned_on",
         CASE WHEN ("set_0"."key_0" IS NOT NULL) THEN 1 ELSE 0 END AS "condition_0",
         "s"."amount_rc" AS "amount_rc"
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
  LEFT JOIN (
    SELECT "p"."period_index" AS "period_index",
           "m"."customer_id" AS "key_0"
    FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
    JOIN "program_members" AS "m" ON ((("m"."joined_on" < "p"."period_start") AND (("m"."left_on" IS NULL) OR ("m"."left_on" >= "p"."period_start"))) AND (COALESCE(NULL, "m"."program") = "m"."program"))
    GROUP BY "p"."period_index", "m"."customer_id")
  AS "set_0" ON (("set_0"."period_index" = "p"."period_index") AND ("set_0"."key_0" = "s"."customer_id")))
AS "s"
GROUP BY "s"."period_index"
ORDER BY "s"."period_index"
