-- source: sends
SELECT "p"."period_index" AS "period_index",
       COALESCE(SUM(CASE WHEN (("p"."period_start" = CAST(date_trunc('month', "s"."sent_day") AS DATE)) AND (("s"."audience" = 'customers') AND ("s"."bounced" = 0))) THEN "s"."send_rows" END), 0) AS "m_customer_campaign_delivered"
FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
LEFT JOIN (
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
AS "s" ON ("p"."period_start" = CAST(date_trunc('month', "s"."sent_day") AS DATE))
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
