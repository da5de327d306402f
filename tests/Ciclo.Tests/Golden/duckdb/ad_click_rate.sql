-- source: channel_stats
SELECT "p"."period_index" AS "period_index",
       SUM(CASE WHEN ("p"."period_start" = CAST(date_trunc('month', "s"."day") AS DATE)) THEN "s"."impressions" END) AS "m_impressions",
       SUM(CASE WHEN ("p"."period_start" = CAST(date_trunc('month', "s"."day") AS DATE)) THEN "s"."clicks" END) AS "m_ad_clicks"
FROM (VALUES (0, DATE '2024-01-01', DATE '2024-02-01'), (1, DATE '2024-02-01', DATE '2024-03-01')) AS "p"("period_index", "period_start", "period_end")
LEFT JOIN "channel_stats" AS "s" ON ("p"."period_start" = CAST(date_trunc('month', "s"."day") AS DATE))
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
