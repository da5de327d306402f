-- source: sends
SELECT "p"."period_index" AS "period_index",
       count(CASE WHEN ((("s"."sent_day" >= "p"."period_start") AND ("s"."sent_day" < "p"."period_end")) AND (("s"."audience" = 'customers') AND ("s"."bounced" = 0))) THEN 1 END) AS "m_customer_campaign_delivered",
       count(CASE WHEN ((("s"."sent_day" >= "p"."period_start") AND ("s"."sent_day" < "p"."period_end")) AND ((("s"."audience" = 'customers') AND ("s"."bounced" = 0)) AND ("s"."unsubscribed" = 1))) THEN 1 END) AS "m_customer_campaign_unsubscribed"
FROM (SELECT toUInt32(0) AS "period_index", toDate('2024-01-01') AS "period_start", toDate('2024-02-01') AS "period_end" UNION ALL SELECT toUInt32(1) AS "period_index", toDate('2024-02-01') AS "period_start", toDate('2024-03-01') AS "period_end") AS "p"
CROSS JOIN (
  SELECT "x"."campaign_id" AS "campaign_id",
         "x"."campaign_audience" AS "audience",
         "x"."campaign_stage" AS "stage",
         "x"."contact_customer_id" AS "customer_id",
         toDate("x"."sent_at", 'Europe/Rome') AS "sent_day",
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
    FROM "campaign_sends" AS "x" FINAL
    JOIN "campaigns" AS "c" FINAL ON ("c"."campaign_id" = "x"."campaign_id")
    WHERE ("x"."sent_at" IS NOT NULL))
  AS "x"
  LEFT JOIN "customers" AS "cu" FINAL ON ("cu"."customer_id" = "x"."contact_customer_id"))
AS "s"
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
