-- source: sends
SELECT "p"."period_index" AS "period_index",
       COUNT(CASE WHEN (("p"."period_start" = "s"."period_key") AND (("s"."audience" = 'prospects') AND ("s"."bounced" = 0))) THEN 1 END) AS "m_prospect_delivered",
       COUNT(CASE WHEN (("p"."period_start" = "s"."period_key") AND (("s"."audience" = 'prospects') AND (("s"."bounced" = 0) AND ("s"."clicked" = 1)))) THEN 1 END) AS "m_prospect_clicked"
FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
LEFT JOIN (
  SELECT "q"."campaign_id" AS "campaign_id",
         "q"."audience" AS "audience",
         "q"."stage" AS "stage",
         "q"."customer_id" AS "customer_id",
         "q"."sent_day" AS "sent_day",
         "q"."bounced" AS "bounced",
         "q"."human_open" AS "human_open",
         "q"."machine_open" AS "machine_open",
         "q"."clicked" AS "clicked",
         "q"."unsubscribed" AS "unsubscribed",
         "q"."segment" AS "segment",
         "q"."region" AS "region",
         CAST(date_trunc('month', "q"."sent_day") AS DATE) AS "period_key"
  FROM (
    SELECT "x"."campaign_id" AS "campaign_id",
           "x"."campaign_audience" AS "audience",
           "x"."campaign_stage" AS "stage",
           "x"."contact_customer_id" AS "customer_id",
           CAST(timezone('Europe/Rome', "x"."sent_at") AS DATE) AS "sent_day",
           "x"."bounced" AS "bounced",
           "x"."human_open" AS "human_open",
           "x"."machine_opened" AS "machine_open",
           "x"."clicked" AS "clicked",
           "x"."unsubscribed" AS "unsubscribed",
           "cu"."segment" AS "segment",
           "cu"."region" AS "region"
    FROM (
      SELECT "x"."campaign_id" AS "campaign_id",
             "x"."contact_id" AS "contact_id",
             "c"."audience" AS "campaign_audience",
             "c"."stage" AS "campaign_stage",
             "c"."program" AS "campaign_program",
             "x"."contact_customer_id" AS "contact_customer_id",
             "x"."sent_at" AS "sent_at",
             "x"."bounced" AS "bounced",
             "x"."human_open" AS "human_open",
             "x"."machine_opened" AS "machine_opened",
             "x"."clicked" AS "clicked",
             "x"."unsubscribed" AS "unsubscribed"
      FROM "campaign_sends" AS "x"
      JOIN "campaigns" AS "c" ON ("c"."campaign_id" = "x"."campaign_id")
      WHERE ("x"."sent_at" IS NOT NULL))
    AS "x"
    LEFT JOIN "customers" AS "cu" ON ("cu"."customer_id" = "x"."contact_customer_id"))
  AS "q"
  OFFSET 0)
AS "s" ON ("p"."period_start" = "s"."period_key")
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
