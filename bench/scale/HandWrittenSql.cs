using System.Globalization;

namespace Ciclo.Bench;

/// <summary>
/// The dashboard's numbers as an analyst would write them by hand, monthly over the range: revenue
/// (total, upsell, expansion, from existing customers, rows without a rate) converted at the
/// latest rate; customers at start, new, lost and churn; the customer and nurture e-mail funnel
/// per send; NPS; leads; ads; the per-campaign report; and last-touch influenced expansion revenue
/// per customer campaign. One spelling for DuckDB (ASOF join) and one for PostgreSQL (LATERAL).
/// </summary>
internal static class HandWrittenSql
{
    public static IReadOnlyList<(string Name, string Sql)> Queries(bool postgres, DateOnly from, DateOnly to, string currency, string timeZone)
    {
        var f = "DATE '" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";
        var t = "DATE '" + to.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";
        var tz = "'" + timeZone + "'";
        var cur = "'" + currency + "'";
        var localDay = postgres ? $"CAST(x.sent_at AT TIME ZONE {tz} AS DATE)" : $"CAST(timezone({tz}, x.sent_at) AS DATE)";
        var months = postgres
            ? $"SELECT CAST(m AS DATE) AS m, CAST(m + INTERVAL '1 month' AS DATE) AS e FROM generate_series({f}, {t} - 1, INTERVAL '1 month') AS g(m)"
            : $"SELECT CAST(m AS DATE) AS m, CAST(m + INTERVAL 1 MONTH AS DATE) AS e FROM range({f}, {t}, INTERVAL 1 MONTH) AS g(m)";
        var rate = postgres
            ? "LEFT JOIN LATERAL (SELECT fx.rate FROM fx_rates fx WHERE fx.currency = r.currency AND fx.day <= r.booked_on ORDER BY fx.day DESC LIMIT 1) fx ON TRUE"
            : "ASOF LEFT JOIN fx_rates fx ON fx.currency = r.currency AND r.booked_on >= fx.day";
        var amount = $"r.amount * CASE WHEN r.currency IS NULL OR r.currency = {cur} THEN 1 ELSE fx.rate END";
        var month = postgres ? "CAST(date_trunc('month', {0}) AS DATE)" : "CAST(date_trunc('month', {0}) AS DATE)";
        string Month(string e) => string.Format(CultureInfo.InvariantCulture, month, e);
        var perSend = $"""
            SELECT e.campaign_id, e.contact_id, max(e.customer_id) AS customer_id,
                   min(e.occurred_at) FILTER (WHERE e.event = 'sent') AS sent_at,
                   bool_or(e.event = 'bounced') AS bounced,
                   bool_or(e.event = 'opened' AND NOT coalesce(e.machine_open, FALSE)) AS human,
                   bool_or(e.event = 'opened' AND coalesce(e.machine_open, FALSE)) AS machine,
                   bool_or(e.event = 'clicked') AS clicked,
                   bool_or(e.event = 'unsubscribed') AS unsubscribed
            FROM campaign_events e GROUP BY e.campaign_id, e.contact_id
            """;
        return
        [
            ("revenue", $"""
                SELECT {Month("r.booked_on")} AS m, sum({amount}) AS total,
                       sum({amount}) FILTER (WHERE r.kind = 'upsell') AS upsell,
                       sum({amount}) FILTER (WHERE r.kind IN ('upsell', 'cross_sell')) AS expansion,
                       sum({amount}) FILTER (WHERE c.acquired_on < {Month("r.booked_on")}) AS existing,
                       count(*) FILTER (WHERE r.currency IS NOT NULL AND r.currency <> {cur} AND fx.rate IS NULL) AS without_rate
                FROM revenue r JOIN customers c ON c.customer_id = r.customer_id {rate}
                WHERE r.booked_on >= {f} AND r.booked_on < {t} GROUP BY 1 ORDER BY 1
                """),
            ("customers", $"""
                SELECT p.m, count(*) FILTER (WHERE c.acquired_on < p.m) AS start_count,
                       count(*) FILTER (WHERE c.acquired_on >= p.m) AS new_count,
                       count(*) FILTER (WHERE c.acquired_on < p.m AND c.churned_on < p.e) AS lost,
                       count(*) FILTER (WHERE c.churned_on IS NULL OR c.churned_on >= p.e) AS end_count
                FROM ({months}) p JOIN customers c ON c.acquired_on < p.e AND (c.churned_on IS NULL OR c.churned_on >= p.m)
                GROUP BY p.m ORDER BY p.m
                """),
            ("e-mail funnel", $"""
                SELECT {Month(localDay)} AS m, k.audience, k.stage, count(*) AS sends,
                       count(*) FILTER (WHERE NOT x.bounced) AS delivered,
                       count(*) FILTER (WHERE NOT x.bounced AND (x.human OR x.clicked)) AS opened,
                       count(*) FILTER (WHERE NOT x.bounced AND x.clicked) AS clicked,
                       count(*) FILTER (WHERE NOT x.bounced AND x.unsubscribed) AS unsubscribed,
                       count(*) FILTER (WHERE x.machine AND NOT x.human AND NOT x.clicked) AS machine_only
                FROM ({perSend}) x JOIN campaigns k ON k.campaign_id = x.campaign_id
                WHERE x.sent_at IS NOT NULL AND {localDay} >= {f} AND {localDay} < {t}
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """),
            ("campaign report", $"""
                SELECT x.campaign_id, count(*) AS sends, count(*) FILTER (WHERE NOT x.bounced) AS delivered,
                       count(*) FILTER (WHERE NOT x.bounced AND (x.human OR x.clicked)) AS opened,
                       count(*) FILTER (WHERE NOT x.bounced AND x.clicked) AS clicked,
                       count(*) FILTER (WHERE NOT x.bounced AND x.unsubscribed) AS unsubscribed,
                       count(*) FILTER (WHERE x.machine) AS machine_opens
                FROM ({perSend}) x WHERE x.sent_at IS NOT NULL AND {localDay} >= {f} AND {localDay} < {t}
                GROUP BY 1 ORDER BY 1
                """),
            ("nps", $"""
                SELECT {Month("s.answered_on")} AS m, count(*) AS responses, count(*) FILTER (WHERE s.score >= 9) AS promoters,
                       count(*) FILTER (WHERE s.score <= 6) AS detractors
                FROM surveys s WHERE s.answered_on >= {f} AND s.answered_on < {t} GROUP BY 1 ORDER BY 1
                """),
            ("leads", $"""
                SELECT {Month("l.created_on")} AS m, count(*) AS new_leads, count(l.became_mql_on) AS mqls, count(l.converted_on) AS converted,
                       avg(l.converted_on - l.created_on) AS cycle_days
                FROM leads l WHERE l.created_on >= {f} AND l.created_on < {t} GROUP BY 1 ORDER BY 1
                """),
            ("ads", $"""
                SELECT {Month("s.day")} AS m, sum(s.impressions) AS impressions, sum(s.clicks) AS clicks, sum(s.cost) AS cost
                FROM channel_stats s WHERE s.day >= {f} AND s.day < {t} GROUP BY 1 ORDER BY 1
                """),
            ("influence", $"""
                WITH engaged AS (
                  SELECT e.customer_id, e.campaign_id, min({(postgres ? $"CAST(e.occurred_at AT TIME ZONE {tz} AS DATE)" : $"CAST(timezone({tz}, e.occurred_at) AS DATE)")}) AS day
                  FROM campaign_events e JOIN campaigns k ON k.campaign_id = e.campaign_id
                  WHERE k.audience = 'customers' AND e.customer_id IS NOT NULL
                    AND (e.event = 'clicked' OR (e.event = 'opened' AND NOT coalesce(e.machine_open, FALSE)))
                  GROUP BY 1, 2),
                bookings AS (
                  SELECT r.revenue_id, r.customer_id, r.booked_on, {amount} AS amount
                  FROM revenue r {rate} WHERE r.kind IN ('upsell', 'cross_sell')),
                last_touch AS (
                  SELECT DISTINCT ON (b.revenue_id) b.revenue_id, b.amount, g.campaign_id
                  FROM bookings b JOIN engaged g ON g.customer_id = b.customer_id AND g.day <= b.booked_on AND g.day >= b.booked_on - 90
                  ORDER BY b.revenue_id, g.day DESC, g.campaign_id)
                SELECT campaign_id, sum(amount) AS influenced, count(*) AS bookings FROM last_touch GROUP BY 1 ORDER BY 2 DESC
                """),
        ];
    }
}
