-- source: costs
SELECT "p"."period_index" AS "period_index",
       SUM(CASE WHEN (("s"."day" >= "p"."period_start") AND ("s"."day" < "p"."period_end")) THEN "s"."cost_rc" END) AS "m_marketing_spend",
       count(CASE WHEN ((("s"."day" >= "p"."period_start") AND ("s"."day" < "p"."period_end")) AND ("s"."cost_rc" IS NULL)) THEN 1 END) AS "m_cost_rows_without_rate"
FROM (SELECT toUInt32(0) AS "period_index", toDate('2024-01-01') AS "period_start", toDate('2024-02-01') AS "period_end" UNION ALL SELECT toUInt32(1) AS "period_index", toDate('2024-02-01') AS "period_start", toDate('2024-03-01') AS "period_end") AS "p"
CROSS JOIN (
  SELECT "cs"."day" AS "day",
         ("cs"."cost" * CASE WHEN (("cs"."currency" IS NULL) OR ("cs"."currency" = 'EUR')) THEN toDecimal128('1', 10) ELSE if(arrayCount((lk, ld) -> ifNull(lk = "cs"."currency" AND ld <= "cs"."day", 0), tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 1), tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 2)) = 0, NULL, toDecimal128(concat('0', arrayElement(tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 3), indexOf(tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 1), "cs"."currency") + arrayCount((lk, ld) -> ifNull(lk = "cs"."currency" AND ld <= "cs"."day", 0), tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 1), tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 2)) - 1)), 10)) END) AS "cost_rc",
         1 AS "from_channel",
         "c"."audience" AS "audience"
  FROM "channel_stats" AS "cs" FINAL
  JOIN "campaigns" AS "c" FINAL ON ("c"."campaign_id" = "cs"."campaign_id")
  WHERE ("cs"."cost" IS NOT NULL)
  UNION ALL
  SELECT "c"."started_on" AS "day",
         ("c"."cost" * CASE WHEN (("c"."currency" IS NULL) OR ("c"."currency" = 'EUR')) THEN toDecimal128('1', 10) ELSE if(arrayCount((lk, ld) -> ifNull(lk = "c"."currency" AND ld <= "c"."started_on", 0), tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 1), tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 2)) = 0, NULL, toDecimal128(concat('0', arrayElement(tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 3), indexOf(tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 1), "c"."currency") + arrayCount((lk, ld) -> ifNull(lk = "c"."currency" AND ld <= "c"."started_on", 0), tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 1), tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 2)) - 1)), 10)) END) AS "cost_rc",
         0 AS "from_channel",
         "c"."audience" AS "audience"
  FROM "campaigns" AS "c" FINAL
  WHERE (("c"."cost" IS NOT NULL) AND (NOT ("c"."campaign_id" IN (SELECT "k"."campaign_id" AS "k0" FROM "channel_stats" AS "k" FINAL WHERE ("k"."cost" IS NOT NULL))))))
AS "s"
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
