-- source: channel_stats
SELECT "p"."period_index" AS "period_index",
       SUM(CASE WHEN (("s"."day" >= "p"."period_start") AND ("s"."day" < "p"."period_end")) THEN "s"."impressions" END) AS "m_impressions",
       SUM(CASE WHEN (("s"."day" >= "p"."period_start") AND ("s"."day" < "p"."period_end")) THEN "s"."clicks" END) AS "m_ad_clicks"
FROM (SELECT toUInt32(0) AS "period_index", toDate('2024-01-01') AS "period_start", toDate('2024-02-01') AS "period_end" UNION ALL SELECT toUInt32(1) AS "period_index", toDate('2024-02-01') AS "period_start", toDate('2024-03-01') AS "period_end") AS "p"
CROSS JOIN "channel_stats" AS "s" FINAL
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
