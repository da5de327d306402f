-- source: customers
SELECT "s"."period_index" AS "period_index",
       COUNT(CASE WHEN ((("s"."acquired_on" < "s"."period_end") AND (("s"."churned_on" IS NULL) OR ("s"."churned_on" >= "s"."period_start"))) AND ("s"."acquired_on" < "s"."period_start")) THEN 1 END) AS "m_customers_start",
       COUNT(CASE WHEN ((("s"."acquired_on" < "s"."period_end") AND (("s"."churned_on" IS NULL) OR ("s"."churned_on" >= "s"."period_start"))) AND ("s"."acquired_on" >= "s"."period_start")) THEN 1 END) AS "m_customers_new",
       COUNT(CASE WHEN ((("s"."acquired_on" < "s"."period_end") AND (("s"."churned_on" IS NULL) OR ("s"."churned_on" >= "s"."period_start"))) AND (("s"."acquired_on" < "s"."period_start") AND ("s"."churned_on" < "s"."period_end"))) THEN 1 END) AS "m_customers_lost",
       COUNT(CASE WHEN ((("s"."acquired_on" < "s"."period_end") AND (("s"."churned_on" IS NULL) OR ("s"."churned_on" >= "s"."period_start"))) AND (("s"."acquired_on" >= "s"."period_start") AND ("s"."churned_on" < "s"."period_end"))) THEN 1 END) AS "m_customers_new_lost",
       COUNT(CASE WHEN ((("s"."acquired_on" < "s"."period_end") AND (("s"."churned_on" IS NULL) OR ("s"."churned_on" >= "s"."period_start"))) AND ((("s"."churned_on" IS NULL) OR ("s"."churned_on" >= "s"."period_end")) AND ("s"."condition_0" = 1))) THEN 1 END) AS "m_programme_members"
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
    JOIN "program_members" AS "m" ON ((("m"."joined_on" < "p"."period_end") AND (("m"."left_on" IS NULL) OR ("m"."left_on" >= "p"."period_end"))) AND (COALESCE(NULL, "m"."program") = "m"."program"))
    GROUP BY "p"."period_index", "m"."customer_id")
  AS "set_0" ON (("set_0"."period_index" = "p"."period_index") AND ("set_0"."key_0" = "s"."customer_id")))
AS "s"
GROUP BY "s"."period_index"
ORDER BY "s"."period_index"
