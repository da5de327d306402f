-- source: channel_stats
SELECT "p"."period_index" AS "period_index",
       SUM(CASE WHEN ("p"."period_start" = CAST(date_trunc('month', "s"."day") AS DATE)) THEN "s"."clicks" END) AS "m_ad_clicks"
FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
LEFT JOIN "channel_stats" AS "s" ON ("p"."period_start" = CAST(date_trunc('month', "s"."day") AS DATE))
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
;
-- source: costs
SELECT "p"."period_index" AS "period_index",
       SUM(CASE WHEN (("p"."period_start" = CAST(date_trunc('month', "s"."day") AS DATE)) AND ("s"."from_channel" = 1)) THEN "s"."cost_rc" END) AS "m_channel_spend",
       COUNT(CASE WHEN (("p"."period_start" = CAST(date_trunc('month', "s"."day") AS DATE)) AND ("s"."cost_rc" IS NULL)) THEN 1 END) AS "m_cost_rows_without_rate"
FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
LEFT JOIN (
  SELECT "cs"."day" AS "day",
         ("cs"."cost" * CASE WHEN (("cs"."currency" IS NULL) OR ("cs"."currency" = 'EUR')) THEN 1 ELSE (SELECT "lk"."rate" FROM "fx_rates" AS "lk" WHERE "lk"."currency" = "cs"."currency" AND "lk"."day" <= "cs"."day" ORDER BY "lk"."day" DESC LIMIT 1) END) AS "cost_rc",
         1 AS "from_channel",
         "c"."audience" AS "audience"
  FROM "channel_stats" AS "cs"
  JOIN "campaigns" AS "c" ON ("c"."campaign_id" = "cs"."campaign_id")
  WHERE ("cs"."cost" IS NOT NULL)
  UNION ALL
  SELECT "c"."started_on" AS "day",
         ("c"."cost" * CASE WHEN (("c"."currency" IS NULL) OR ("c"."currency" = 'EUR')) THEN 1 ELSE (SELECT "lk"."rate" FROM "fx_rates" AS "lk" WHERE "lk"."currency" = "c"."currency" AND "lk"."day" <= "c"."started_on" ORDER BY "lk"."day" DESC LIMIT 1) END) AS "cost_rc",
         0 AS "from_channel",
         "c"."audience" AS "audience"
  FROM "campaigns" AS "c"
  WHERE (("c"."cost" IS NOT NULL) AND (NOT EXISTS (SELECT 1 AS "one" FROM "channel_stats" AS "k" WHERE (("k"."campaign_id" = "c"."campaign_id") AND ("k"."cost" IS NOT NULL))))))
AS "s" ON ("p"."period_start" = CAST(date_trunc('month', "s"."day") AS DATE))
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
