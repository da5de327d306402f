-- source: revenue
SELECT "p"."period_index" AS "period_index",
       SUM(CASE WHEN (("s"."booked_on" >= "p"."period_start") AND ("s"."booked_on" < "p"."period_end")) THEN "s"."amount_rc" END) AS "m_total_revenue",
       SUM(CASE WHEN ((("s"."booked_on" >= "p"."period_start") AND ("s"."booked_on" < "p"."period_end")) AND ("s"."kind" IN ('upsell', 'cross_sell'))) THEN "s"."amount_rc" END) AS "m_upsell_revenue",
       count(CASE WHEN ((("s"."booked_on" >= "p"."period_start") AND ("s"."booked_on" < "p"."period_end")) AND ("s"."amount_rc" IS NULL)) THEN 1 END) AS "m_revenue_rows_without_rate"
FROM (SELECT toUInt32(0) AS "period_index", toDate('2024-01-01') AS "period_start", toDate('2024-02-01') AS "period_end" UNION ALL SELECT toUInt32(1) AS "period_index", toDate('2024-02-01') AS "period_start", toDate('2024-03-01') AS "period_end") AS "p"
CROSS JOIN (
  SELECT "r"."revenue_id" AS "revenue_id",
         "r"."customer_id" AS "customer_id",
         "r"."booked_on" AS "booked_on",
         "r"."kind" AS "kind",
         ("r"."amount" * CASE WHEN (("r"."currency" IS NULL) OR ("r"."currency" = 'EUR')) THEN toDecimal128('1', 10) ELSE if(arrayCount((lk, ld) -> ifNull(lk = "r"."currency" AND ld <= "r"."booked_on", 0), tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 1), tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 2)) = 0, NULL, toDecimal128(concat('0', arrayElement(tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 3), indexOf(tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 1), "r"."currency") + arrayCount((lk, ld) -> ifNull(lk = "r"."currency" AND ld <= "r"."booked_on", 0), tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 1), tupleElement((SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT "currency" AS k, "day" AS o, toString("rate") AS v FROM "fx_rates" FINAL ORDER BY k, o)), 2)) - 1)), 10)) END) AS "amount_rc",
         "c"."acquired_on" AS "acquired_on",
         "c"."churned_on" AS "churned_on",
         "c"."segment" AS "segment",
         "c"."region" AS "region"
  FROM (SELECT * FROM "revenue" FINAL WHERE "_deleted" = 0) AS "r"
  JOIN (SELECT * FROM "customers" FINAL WHERE "_deleted" = 0) AS "c" ON ("c"."customer_id" = "r"."customer_id"))
AS "s"
GROUP BY "p"."period_index"
ORDER BY "p"."period_index"
