-- source: sends
SELECT "p"."period_index" AS "period_index",
       COALESCE(SUM(CASE WHEN (("p"."period_start" = "s"."period_key") AND ((((("s"."audience" = 'customers') AND ("s"."bounced" = 0)) AND ("s"."machine_open" = 1)) AND ("s"."human_open" = 0)) AND ("s"."clicked" = 0))) THEN "s"."send_rows" END), 0) AS "m_customer_campaign_machine_only"
FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
LEFT JOIN (
  SELECT "q"."campaign_id" AS "campaign_id",
         "q"."audience" AS "audience",
         "q"."stage" AS "stage",
         "q"."sent_day" AS "sent_day",
         "q"."bounced" AS "bounced",
         "q"."human_open" AS "human_open",
         "q"."machine_open" AS "machine_open",
         "q"."clicked" AS "clicked",
         "q"."unsubscribed" AS "unsubscribed",
         "q"."send_rows" AS "send_rows",
         CAST(date_trunc('month', "q"."sent_day") AS DATE) AS "period_key"
  FROM (
    SELECT "n"."campaign_id" AS "campaign_id",
           "c"."audience" AS "audience",
           "c"."stage" AS "stage",
           CAST(timezone('Europe/Rome', "n"."sent_slot") AS DATE) AS "sent_day",
           "n"."bounced" AS "bounced",
           "n"."human_open" AS "human_open",
           "n"."machine_opened" AS "machine_open",
           "n"."clicked" AS "clicked",
           "n"."unsubscribed" AS "unsubscribed",
           "n"."sends" AS "send_rows"
    FROM "campaign_send_counts" AS "n"
    JOIN "campaigns" AS "c" ON ("c"."campaign_id" = "n"."campaign_id")
    WHERE ("n"."sent_slot" IS NOT NULL))
  AS "q"
  OFFSET 0)
AS "s" ON ("p"."period_start" = "s"."period_key")
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
