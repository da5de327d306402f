-- engagements
SELECT "v"."engaged_campaign" AS "engaged_campaign",
       "v"."engaged_customer" AS "engaged_customer",
       "v"."engaged_day" AS "engaged_day",
       MIN("v"."engaged_at") AS "engaged_first",
       MAX("v"."engaged_at") AS "engaged_last"
FROM (
  SELECT "w"."engaged_campaign" AS "engaged_campaign",
         "w"."engaged_customer" AS "engaged_customer",
         "w"."engaged_day" AS "engaged_day",
         "w"."engaged_at" AS "engaged_at",
         CASE WHEN ((("w"."last_in_block" IS NOT NULL) AND ("w"."last_in_block" >= "w"."engaged_day")) OR (("b"."booking_day" IS NOT NULL) AND (datediff('day', "w"."engaged_day", "b"."booking_day") <= 90))) THEN 1 ELSE 0 END AS "expanded"
  FROM (
    SELECT "f"."engaged_campaign" AS "engaged_campaign",
           "f"."engaged_customer" AS "engaged_customer",
           "f"."engaged_day" AS "engaged_day",
           "f"."engaged_at" AS "engaged_at",
           "f"."from_block" AS "from_block",
           "b"."booking_day" AS "last_in_block"
    FROM (
      SELECT "r"."engaged_campaign" AS "engaged_campaign",
             "r"."engaged_customer" AS "engaged_customer",
             "r"."engaged_day" AS "engaged_day",
             "r"."engaged_at" AS "engaged_at",
             (("r"."engaged_day" - DATE '0001-01-01') // 91) AS "from_block"
      FROM (
        SELECT "g"."campaign_id" AS "engaged_campaign",
               "g"."contact_customer_id" AS "engaged_customer",
               CAST(timezone('Europe/Rome', "g"."occurred_at") AS DATE) AS "engaged_day",
               "g"."occurred_at" AS "engaged_at"
        FROM (
          SELECT "e"."campaign_id" AS "campaign_id",
                 "x"."contact_customer_id" AS "contact_customer_id",
                 "e"."occurred_at" AS "occurred_at"
          FROM "campaign_events" AS "e"
          JOIN (
            SELECT "x"."campaign_id" AS "campaign_id",
                   "x"."contact_id" AS "contact_id",
                   "x"."contact_customer_id" AS "contact_customer_id"
            FROM "campaign_sends" AS "x"
            WHERE ((("x"."sent_at" IS NOT NULL) AND (("x"."bounced" = 0) AND ("x"."contact_customer_id" IS NOT NULL))) AND ("x"."first_engaged_at" IS NOT NULL)))
          AS "x" ON (("e"."campaign_id" = "x"."campaign_id") AND ("e"."contact_id" = "x"."contact_id"))
          WHERE (("e"."event" = 'clicked') OR (("e"."event" = 'opened') AND (COALESCE("e"."machine_open", FALSE) = FALSE))))
        AS "g"
        JOIN "campaigns" AS "c" ON ("c"."campaign_id" = "g"."campaign_id")
        WHERE ("c"."audience" = 'customers'))
      AS "r")
    AS "f"
    LEFT JOIN (
      SELECT "s"."customer_id" AS "customer_id",
             (("s"."booked_on" - DATE '0001-01-01') // 91) AS "booking_block",
             MAX("s"."booked_on") AS "booking_day"
      FROM (
        SELECT "r"."revenue_id" AS "revenue_id",
               "r"."customer_id" AS "customer_id",
               "r"."booked_on" AS "booked_on",
               "r"."kind" AS "kind",
               ("r"."amount" * CASE WHEN (("r"."currency" IS NULL) OR ("r"."currency" = 'EUR')) THEN 1 ELSE (SELECT "lk"."rate" FROM "fx_rates" AS "lk" WHERE "lk"."currency" = "r"."currency" AND "lk"."day" <= "r"."booked_on" ORDER BY "lk"."day" DESC LIMIT 1) END) AS "amount_rc",
               "c"."acquired_on" AS "acquired_on",
               "c"."churned_on" AS "churned_on",
               "c"."segment" AS "segment",
               "c"."region" AS "region"
        FROM "revenue" AS "r"
        JOIN "customers" AS "c" ON ("c"."customer_id" = "r"."customer_id"))
      AS "s"
      WHERE ("s"."kind" IN ('upsell', 'cross_sell'))
      GROUP BY "s"."customer_id", (("s"."booked_on" - DATE '0001-01-01') // 91))
    AS "b" ON (("b"."customer_id" = "f"."engaged_customer") AND ("b"."booking_block" = "f"."from_block")))
  AS "w"
  LEFT JOIN (
    SELECT "s"."customer_id" AS "customer_id",
           ((("s"."booked_on" - DATE '0001-01-01') // 91) - 1) AS "booking_block",
           MIN("s"."booked_on") AS "booking_day"
    FROM (
      SELECT "r"."revenue_id" AS "revenue_id",
             "r"."customer_id" AS "customer_id",
             "r"."booked_on" AS "booked_on",
             "r"."kind" AS "kind",
             ("r"."amount" * CASE WHEN (("r"."currency" IS NULL) OR ("r"."currency" = 'EUR')) THEN 1 ELSE (SELECT "lk"."rate" FROM "fx_rates" AS "lk" WHERE "lk"."currency" = "r"."currency" AND "lk"."day" <= "r"."booked_on" ORDER BY "lk"."day" DESC LIMIT 1) END) AS "amount_rc",
             "c"."acquired_on" AS "acquired_on",
             "c"."churned_on" AS "churned_on",
             "c"."segment" AS "segment",
             "c"."region" AS "region"
      FROM "revenue" AS "r"
      JOIN "customers" AS "c" ON ("c"."customer_id" = "r"."customer_id"))
    AS "s"
    WHERE ("s"."kind" IN ('upsell', 'cross_sell'))
    GROUP BY "s"."customer_id", (("s"."booked_on" - DATE '0001-01-01') // 91))
  AS "b" ON (("b"."customer_id" = "w"."engaged_customer") AND ("b"."booking_block" = "w"."from_block")))
AS "v"
WHERE ("v"."expanded" = 1)
GROUP BY "v"."engaged_campaign", "v"."engaged_customer", "v"."engaged_day"
;
-- bookings
SELECT "s"."customer_id" AS "customer_id",
       "s"."booked_on" AS "booked_on",
       "s"."amount_rc" AS "amount_rc"
FROM (
  SELECT "r"."revenue_id" AS "revenue_id",
         "r"."customer_id" AS "customer_id",
         "r"."booked_on" AS "booked_on",
         "r"."kind" AS "kind",
         ("r"."amount" * CASE WHEN (("r"."currency" IS NULL) OR ("r"."currency" = 'EUR')) THEN 1 ELSE (SELECT "lk"."rate" FROM "fx_rates" AS "lk" WHERE "lk"."currency" = "r"."currency" AND "lk"."day" <= "r"."booked_on" ORDER BY "lk"."day" DESC LIMIT 1) END) AS "amount_rc",
         "c"."acquired_on" AS "acquired_on",
         "c"."churned_on" AS "churned_on",
         "c"."segment" AS "segment",
         "c"."region" AS "region"
  FROM "revenue" AS "r"
  JOIN "customers" AS "c" ON ("c"."customer_id" = "r"."customer_id"))
AS "s"
WHERE ("s"."kind" IN ('upsell', 'cross_sell'))
ORDER BY "s"."customer_id", "s"."booked_on", "s"."revenue_id"
;
-- activity (per-send rows)
SELECT "c"."campaign_id" AS "activity_campaign",
       "c"."name" AS "campaign_name",
       "c"."program" AS "campaign_program",
       COUNT("x"."contact_id") AS "activity_sends",
       COUNT(CASE WHEN ("x"."bounced" = 0) THEN 1 END) AS "activity_delivered",
       COUNT(CASE WHEN (("x"."bounced" = 0) AND (("x"."human_open" = 1) OR ("x"."clicked" = 1))) THEN 1 END) AS "activity_opened",
       COUNT(CASE WHEN (("x"."bounced" = 0) AND ("x"."clicked" = 1)) THEN 1 END) AS "activity_clicked",
       CAST(timezone('Europe/Rome', MAX("x"."sent_at")) AS DATE) AS "last_send_day"
FROM "campaigns" AS "c"
LEFT JOIN (
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
AS "x" ON ("x"."campaign_id" = "c"."campaign_id")
WHERE ("c"."audience" = 'customers')
GROUP BY "c"."campaign_id", "c"."name", "c"."program"
;
-- activity (counts)
SELECT "c"."campaign_id" AS "activity_campaign",
       "c"."name" AS "campaign_name",
       "c"."program" AS "campaign_program",
       COALESCE(SUM(CASE WHEN ("x"."campaign_id" IS NOT NULL) THEN "x"."sends" END), 0) AS "activity_sends",
       COALESCE(SUM(CASE WHEN ("x"."bounced" = 0) THEN "x"."sends" END), 0) AS "activity_delivered",
       COALESCE(SUM(CASE WHEN (("x"."bounced" = 0) AND (("x"."human_open" = 1) OR ("x"."clicked" = 1))) THEN "x"."sends" END), 0) AS "activity_opened",
       COALESCE(SUM(CASE WHEN (("x"."bounced" = 0) AND ("x"."clicked" = 1)) THEN "x"."sends" END), 0) AS "activity_clicked",
       CAST(timezone('Europe/Rome', MAX("x"."sent_slot")) AS DATE) AS "last_send_day"
FROM "campaigns" AS "c"
LEFT JOIN (
  SELECT "n"."campaign_id" AS "campaign_id",
         "n"."sent_slot" AS "sent_slot",
         "n"."bounced" AS "bounced",
         "n"."human_open" AS "human_open",
         "n"."machine_opened" AS "machine_opened",
         "n"."clicked" AS "clicked",
         "n"."unsubscribed" AS "unsubscribed",
         "n"."sends" AS "sends",
         "n"."contact_events" AS "contact_events"
  FROM "campaign_send_counts" AS "n"
  WHERE ("n"."sent_slot" IS NOT NULL))
AS "x" ON ("x"."campaign_id" = "c"."campaign_id")
WHERE ("c"."audience" = 'customers')
GROUP BY "c"."campaign_id", "c"."name", "c"."program"
;
-- engagements (per quarter of an hour)
SELECT "v"."engaged_campaign" AS "engaged_campaign",
       "v"."engaged_customer" AS "engaged_customer",
       "v"."engaged_day" AS "engaged_day",
       MIN("v"."engaged_at") AS "engaged_first",
       MAX("v"."engaged_until") AS "engaged_last"
FROM (
  SELECT "w"."engaged_campaign" AS "engaged_campaign",
         "w"."engaged_customer" AS "engaged_customer",
         "w"."engaged_day" AS "engaged_day",
         "w"."engaged_at" AS "engaged_at",
         "w"."engaged_until" AS "engaged_until",
         CASE WHEN ((("w"."last_in_block" IS NOT NULL) AND ("w"."last_in_block" >= "w"."engaged_day")) OR (("b"."booking_day" IS NOT NULL) AND (datediff('day', "w"."engaged_day", "b"."booking_day") <= 90))) THEN 1 ELSE 0 END AS "expanded"
  FROM (
    SELECT "f"."engaged_campaign" AS "engaged_campaign",
           "f"."engaged_customer" AS "engaged_customer",
           "f"."engaged_day" AS "engaged_day",
           "f"."engaged_at" AS "engaged_at",
           "f"."engaged_until" AS "engaged_until",
           "f"."from_block" AS "from_block",
           "b"."booking_day" AS "last_in_block"
    FROM (
      SELECT "r"."engaged_campaign" AS "engaged_campaign",
             "r"."engaged_customer" AS "engaged_customer",
             "r"."engaged_day" AS "engaged_day",
             "r"."engaged_at" AS "engaged_at",
             "r"."engaged_until" AS "engaged_until",
             (("r"."engaged_day" - DATE '0001-01-01') // 91) AS "from_block"
      FROM (
        SELECT "g"."campaign_id" AS "engaged_campaign",
               "g"."customer_id" AS "engaged_customer",
               CAST(timezone('Europe/Rome', "g"."first_engaged_at") AS DATE) AS "engaged_day",
               "g"."first_engaged_at" AS "engaged_at",
               "g"."last_engaged_at" AS "engaged_until"
        FROM "campaign_engagements" AS "g"
        JOIN "campaigns" AS "c" ON ("c"."campaign_id" = "g"."campaign_id")
        WHERE ("c"."audience" = 'customers'))
      AS "r")
    AS "f"
    LEFT JOIN (
      SELECT "s"."customer_id" AS "customer_id",
             (("s"."booked_on" - DATE '0001-01-01') // 91) AS "booking_block",
             MAX("s"."booked_on") AS "booking_day"
      FROM (
        SELECT "r"."revenue_id" AS "revenue_id",
               "r"."customer_id" AS "customer_id",
               "r"."booked_on" AS "booked_on",
               "r"."kind" AS "kind",
               ("r"."amount" * CASE WHEN (("r"."currency" IS NULL) OR ("r"."currency" = 'EUR')) THEN 1 ELSE (SELECT "lk"."rate" FROM "fx_rates" AS "lk" WHERE "lk"."currency" = "r"."currency" AND "lk"."day" <= "r"."booked_on" ORDER BY "lk"."day" DESC LIMIT 1) END) AS "amount_rc",
               "c"."acquired_on" AS "acquired_on",
               "c"."churned_on" AS "churned_on",
               "c"."segment" AS "segment",
               "c"."region" AS "region"
        FROM "revenue" AS "r"
        JOIN "customers" AS "c" ON ("c"."customer_id" = "r"."customer_id"))
      AS "s"
      WHERE ("s"."kind" IN ('upsell', 'cross_sell'))
      GROUP BY "s"."customer_id", (("s"."booked_on" - DATE '0001-01-01') // 91))
    AS "b" ON (("b"."customer_id" = "f"."engaged_customer") AND ("b"."booking_block" = "f"."from_block")))
  AS "w"
  LEFT JOIN (
    SELECT "s"."customer_id" AS "customer_id",
           ((("s"."booked_on" - DATE '0001-01-01') // 91) - 1) AS "booking_block",
           MIN("s"."booked_on") AS "booking_day"
    FROM (
      SELECT "r"."revenue_id" AS "revenue_id",
             "r"."customer_id" AS "customer_id",
             "r"."booked_on" AS "booked_on",
             "r"."kind" AS "kind",
             ("r"."amount" * CASE WHEN (("r"."currency" IS NULL) OR ("r"."currency" = 'EUR')) THEN 1 ELSE (SELECT "lk"."rate" FROM "fx_rates" AS "lk" WHERE "lk"."currency" = "r"."currency" AND "lk"."day" <= "r"."booked_on" ORDER BY "lk"."day" DESC LIMIT 1) END) AS "amount_rc",
             "c"."acquired_on" AS "acquired_on",
             "c"."churned_on" AS "churned_on",
             "c"."segment" AS "segment",
             "c"."region" AS "region"
      FROM "revenue" AS "r"
      JOIN "customers" AS "c" ON ("c"."customer_id" = "r"."customer_id"))
    AS "s"
    WHERE ("s"."kind" IN ('upsell', 'cross_sell'))
    GROUP BY "s"."customer_id", (("s"."booked_on" - DATE '0001-01-01') // 91))
  AS "b" ON (("b"."customer_id" = "w"."engaged_customer") AND ("b"."booking_block" = "w"."from_block")))
AS "v"
WHERE ("v"."expanded" = 1)
GROUP BY "v"."engaged_campaign", "v"."engaged_customer", "v"."engaged_day"
;
-- campaign rates
SELECT "k"."rate_key" AS "rates_key",
       COUNT(CASE WHEN ("k"."engaged" = 1) THEN 1 END) AS "rates_engaged",
       COUNT(CASE WHEN (("k"."engaged" = 1) AND ("k"."expanded" = 1)) THEN 1 END) AS "rates_engaged_expanded",
       COUNT(CASE WHEN ("k"."engaged" = 0) THEN 1 END) AS "rates_baseline",
       COUNT(CASE WHEN (("k"."engaged" = 0) AND ("k"."expanded" = 1)) THEN 1 END) AS "rates_baseline_expanded"
FROM (
  SELECT "w"."rate_key" AS "rate_key",
         "w"."rate_customer" AS "rate_customer",
         "w"."engaged" AS "engaged",
         "w"."from_day" AS "from_day",
         CASE WHEN ((("w"."last_in_block" IS NOT NULL) AND ("w"."last_in_block" >= "w"."from_day")) OR (("b"."booking_day" IS NOT NULL) AND (datediff('day', "w"."from_day", "b"."booking_day") <= 90))) THEN 1 ELSE 0 END AS "expanded"
  FROM (
    SELECT "f"."rate_key" AS "rate_key",
           "f"."rate_customer" AS "rate_customer",
           "f"."engaged" AS "engaged",
           "f"."from_day" AS "from_day",
           "f"."from_block" AS "from_block",
           "b"."booking_day" AS "last_in_block"
    FROM (
      SELECT "r"."rate_key" AS "rate_key",
             "r"."rate_customer" AS "rate_customer",
             "r"."engaged" AS "engaged",
             "r"."from_day" AS "from_day",
             (("r"."from_day" - DATE '0001-01-01') // 91) AS "from_block"
      FROM (
        SELECT "r"."rate_key" AS "rate_key",
               "r"."rate_customer" AS "rate_customer",
               CASE WHEN ("r"."engaged_day" IS NOT NULL) THEN 1 ELSE 0 END AS "engaged",
               COALESCE("r"."engaged_day", "r"."sent_day") AS "from_day"
        FROM (
          SELECT "p"."campaign_id" AS "rate_key",
                 "p"."contact_customer_id" AS "rate_customer",
                 CAST(timezone('Europe/Rome', "p"."pair_engaged_at") AS DATE) AS "engaged_day",
                 CAST(timezone('Europe/Rome', "p"."pair_sent_at") AS DATE) AS "sent_day"
          FROM (
            SELECT "x"."campaign_id" AS "campaign_id",
                   "x"."customer_id" AS "contact_customer_id",
                   "x"."first_engaged_at" AS "pair_engaged_at",
                   "x"."first_sent_at" AS "pair_sent_at"
            FROM "campaign_customers" AS "x")
          AS "p"
          JOIN "campaigns" AS "c" ON ("c"."campaign_id" = "p"."campaign_id")
          WHERE ("c"."audience" = 'customers'))
        AS "r")
      AS "r")
    AS "f"
    LEFT JOIN (
      SELECT "s"."customer_id" AS "customer_id",
             (("s"."booked_on" - DATE '0001-01-01') // 91) AS "booking_block",
             MAX("s"."booked_on") AS "booking_day"
      FROM (
        SELECT "r"."revenue_id" AS "revenue_id",
               "r"."customer_id" AS "customer_id",
               "r"."booked_on" AS "booked_on",
               "r"."kind" AS "kind",
               ("r"."amount" * CASE WHEN (("r"."currency" IS NULL) OR ("r"."currency" = 'EUR')) THEN 1 ELSE (SELECT "lk"."rate" FROM "fx_rates" AS "lk" WHERE "lk"."currency" = "r"."currency" AND "lk"."day" <= "r"."booked_on" ORDER BY "lk"."day" DESC LIMIT 1) END) AS "amount_rc",
               "c"."acquired_on" AS "acquired_on",
               "c"."churned_on" AS "churned_on",
               "c"."segment" AS "segment",
               "c"."region" AS "region"
        FROM "revenue" AS "r"
        JOIN "customers" AS "c" ON ("c"."customer_id" = "r"."customer_id"))
      AS "s"
      WHERE ("s"."kind" IN ('upsell', 'cross_sell'))
      GROUP BY "s"."customer_id", (("s"."booked_on" - DATE '0001-01-01') // 91))
    AS "b" ON (("b"."customer_id" = "f"."rate_customer") AND ("b"."booking_block" = "f"."from_block")))
  AS "w"
  LEFT JOIN (
    SELECT "s"."customer_id" AS "customer_id",
           ((("s"."booked_on" - DATE '0001-01-01') // 91) - 1) AS "booking_block",
           MIN("s"."booked_on") AS "booking_day"
    FROM (
      SELECT "r"."revenue_id" AS "revenue_id",
             "r"."customer_id" AS "customer_id",
             "r"."booked_on" AS "booked_on",
             "r"."kind" AS "kind",
             ("r"."amount" * CASE WHEN (("r"."currency" IS NULL) OR ("r"."currency" = 'EUR')) THEN 1 ELSE (SELECT "lk"."rate" FROM "fx_rates" AS "lk" WHERE "lk"."currency" = "r"."currency" AND "lk"."day" <= "r"."booked_on" ORDER BY "lk"."day" DESC LIMIT 1) END) AS "amount_rc",
             "c"."acquired_on" AS "acquired_on",
             "c"."churned_on" AS "churned_on",
             "c"."segment" AS "segment",
             "c"."region" AS "region"
      FROM "revenue" AS "r"
      JOIN "customers" AS "c" ON ("c"."customer_id" = "r"."customer_id"))
    AS "s"
    WHERE ("s"."kind" IN ('upsell', 'cross_sell'))
    GROUP BY "s"."customer_id", (("s"."booked_on" - DATE '0001-01-01') // 91))
  AS "b" ON (("b"."customer_id" = "w"."rate_customer") AND ("b"."booking_block" = "w"."from_block")))
AS "k"
GROUP BY "k"."rate_key"
;
-- programme rates
SELECT "k"."rate_key" AS "rates_key",
       COUNT(CASE WHEN ("k"."engaged" = 1) THEN 1 END) AS "rates_engaged",
       COUNT(CASE WHEN (("k"."engaged" = 1) AND ("k"."expanded" = 1)) THEN 1 END) AS "rates_engaged_expanded",
       COUNT(CASE WHEN ("k"."engaged" = 0) THEN 1 END) AS "rates_baseline",
       COUNT(CASE WHEN (("k"."engaged" = 0) AND ("k"."expanded" = 1)) THEN 1 END) AS "rates_baseline_expanded"
FROM (
  SELECT "w"."rate_key" AS "rate_key",
         "w"."rate_customer" AS "rate_customer",
         "w"."engaged" AS "engaged",
         "w"."from_day" AS "from_day",
         CASE WHEN ((("w"."last_in_block" IS NOT NULL) AND ("w"."last_in_block" >= "w"."from_day")) OR (("b"."booking_day" IS NOT NULL) AND (datediff('day', "w"."from_day", "b"."booking_day") <= 90))) THEN 1 ELSE 0 END AS "expanded"
  FROM (
    SELECT "f"."rate_key" AS "rate_key",
           "f"."rate_customer" AS "rate_customer",
           "f"."engaged" AS "engaged",
           "f"."from_day" AS "from_day",
           "f"."from_block" AS "from_block",
           "b"."booking_day" AS "last_in_block"
    FROM (
      SELECT "r"."rate_key" AS "rate_key",
             "r"."rate_customer" AS "rate_customer",
             "r"."engaged" AS "engaged",
             "r"."from_day" AS "from_day",
             (("r"."from_day" - DATE '0001-01-01') // 91) AS "from_block"
      FROM (
        SELECT "r"."rate_key" AS "rate_key",
               "r"."rate_customer" AS "rate_customer",
               CASE WHEN ("r"."engaged_day" IS NOT NULL) THEN 1 ELSE 0 END AS "engaged",
               COALESCE("r"."engaged_day", "r"."sent_day") AS "from_day"
        FROM (
          SELECT "c"."program" AS "rate_key",
                 "p"."contact_customer_id" AS "rate_customer",
                 CAST(timezone('Europe/Rome', MIN("p"."pair_engaged_at")) AS DATE) AS "engaged_day",
                 CAST(timezone('Europe/Rome', MIN("p"."pair_sent_at")) AS DATE) AS "sent_day"
          FROM (
            SELECT "x"."campaign_id" AS "campaign_id",
                   "x"."customer_id" AS "contact_customer_id",
                   "x"."first_engaged_at" AS "pair_engaged_at",
                   "x"."first_sent_at" AS "pair_sent_at"
            FROM "campaign_customers" AS "x"
            WHERE ("x"."campaign_id" IN ('K1', 'K2')))
          AS "p"
          JOIN "campaigns" AS "c" ON ("c"."campaign_id" = "p"."campaign_id")
          WHERE (("c"."audience" = 'customers') AND ("c"."program" IS NOT NULL))
          GROUP BY "c"."program", "p"."contact_customer_id")
        AS "r")
      AS "r")
    AS "f"
    LEFT JOIN (
      SELECT "s"."customer_id" AS "customer_id",
             (("s"."booked_on" - DATE '0001-01-01') // 91) AS "booking_block",
             MAX("s"."booked_on") AS "booking_day"
      FROM (
        SELECT "r"."revenue_id" AS "revenue_id",
               "r"."customer_id" AS "customer_id",
               "r"."booked_on" AS "booked_on",
               "r"."kind" AS "kind",
               ("r"."amount" * CASE WHEN (("r"."currency" IS NULL) OR ("r"."currency" = 'EUR')) THEN 1 ELSE (SELECT "lk"."rate" FROM "fx_rates" AS "lk" WHERE "lk"."currency" = "r"."currency" AND "lk"."day" <= "r"."booked_on" ORDER BY "lk"."day" DESC LIMIT 1) END) AS "amount_rc",
               "c"."acquired_on" AS "acquired_on",
               "c"."churned_on" AS "churned_on",
               "c"."segment" AS "segment",
               "c"."region" AS "region"
        FROM "revenue" AS "r"
        JOIN "customers" AS "c" ON ("c"."customer_id" = "r"."customer_id"))
      AS "s"
      WHERE ("s"."kind" IN ('upsell', 'cross_sell'))
      GROUP BY "s"."customer_id", (("s"."booked_on" - DATE '0001-01-01') // 91))
    AS "b" ON (("b"."customer_id" = "f"."rate_customer") AND ("b"."booking_block" = "f"."from_block")))
  AS "w"
  LEFT JOIN (
    SELECT "s"."customer_id" AS "customer_id",
           ((("s"."booked_on" - DATE '0001-01-01') // 91) - 1) AS "booking_block",
           MIN("s"."booked_on") AS "booking_day"
    FROM (
      SELECT "r"."revenue_id" AS "revenue_id",
             "r"."customer_id" AS "customer_id",
             "r"."booked_on" AS "booked_on",
             "r"."kind" AS "kind",
             ("r"."amount" * CASE WHEN (("r"."currency" IS NULL) OR ("r"."currency" = 'EUR')) THEN 1 ELSE (SELECT "lk"."rate" FROM "fx_rates" AS "lk" WHERE "lk"."currency" = "r"."currency" AND "lk"."day" <= "r"."booked_on" ORDER BY "lk"."day" DESC LIMIT 1) END) AS "amount_rc",
             "c"."acquired_on" AS "acquired_on",
             "c"."churned_on" AS "churned_on",
             "c"."segment" AS "segment",
             "c"."region" AS "region"
      FROM "revenue" AS "r"
      JOIN "customers" AS "c" ON ("c"."customer_id" = "r"."customer_id"))
    AS "s"
    WHERE ("s"."kind" IN ('upsell', 'cross_sell'))
    GROUP BY "s"."customer_id", (("s"."booked_on" - DATE '0001-01-01') // 91))
  AS "b" ON (("b"."customer_id" = "w"."rate_customer") AND ("b"."booking_block" = "w"."from_block")))
AS "k"
GROUP BY "k"."rate_key"
