using System.Globalization;
using Ciclo.Catalog;
using Ciclo.Sql;
using Ciclo.Warehouse;
using static Ciclo.Sql.Sql;

namespace Ciclo.Influence;

/// <summary>The rows campaign influence reads, fetched with SQL trees rendered by the workspace's
/// dialect: engagements, deliveries (per campaign and customer) and upsell/cross-sell revenue.</summary>
internal sealed class InfluenceData
{
    public sealed record Engagement(string Campaign, string? Program, string Customer, int Day, DateTime At);

    public sealed record Delivery(string Campaign, string? Program, string Customer, int FirstSendDay);

    public sealed record Booking(string Customer, int Day, double Amount);

    public List<Engagement> Engagements { get; } = [];
    public List<Delivery> Deliveries { get; } = [];
    public List<Booking> Bookings { get; } = [];
    public Dictionary<string, string> CampaignNames { get; } = [];
    public Dictionary<string, (long Sends, long Delivered, long Opened, long Clicked, int? LastSendDay)> Activity { get; } = [];

    public static InfluenceData Load(Workspace workspace, string timeZone)
    {
        var data = new InfluenceData();
        var context = new RenderContext(timeZone, new Dictionary<string, object?> { ["currency"] = workspace.Settings.Currency, ["program"] = null });
        var renderer = new SqlRenderer(workspace.Dialect, context);
        var x = (string n) => Col("x", n);
        var c = (string n) => Col("c", n);
        var e = (string n) => Col("e", n);
        // One join per SELECT: the send rows already carry their campaign's audience and programme.
        var delivered = x("bounced").Eq(Lit(0L)) & x("contact_customer_id").IsNotNull() & x("campaign_audience").Eq("customers");

        var engagements = new SqlSelect(
        [
            new(x("campaign_id"), "engaged_campaign"), new(x("campaign_program"), "engaged_program"), new(x("contact_customer_id"), "engaged_customer"),
            new(new LocalDate(e("occurred_at")), "engaged_day"), new(e("occurred_at"), "engaged_at"),
        ], new SubquerySource(Sources.SendRows, "x"))
        {
            Joins =
            [
                new JoinItem(JoinKind.Inner, new TableSource("campaign_events", "e"),
                    e("campaign_id").Eq(x("campaign_id")) & e("contact_id").Eq(x("contact_id"))),
            ],
            Where = delivered & (e("event").Eq("clicked") | (e("event").Eq("opened") & new Coalesce(e("machine_open"), Lit(false)).Eq(Lit(false)))),
        };
        Read(workspace, renderer.Render(engagements), r => data.Engagements.Add(new Engagement(
            r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), Day(r.GetValue(3)), ToUtc(r.GetValue(4)))));

        // Deliveries and campaign activity from one pass over the send rows: grouped by campaign and
        // customer, the counts add up to the campaign's (integers, exactly), and the groups with a
        // delivered send are the deliveries.
        var sendDay = new LocalDate(x("sent_at"));
        var isDelivered = x("bounced").Eq(Lit(0L));
        var perCustomer = new SqlSelect(
        [
            new(x("campaign_id"), "send_campaign"), new(Max(x("campaign_program")), "send_program"), new(x("contact_customer_id"), "send_customer"),
            new(new Aggregate(AggregateKind.Count, x("contact_id")), "send_count"),
            new(new Aggregate(AggregateKind.Count, When(isDelivered, Lit(1L))), "delivered_count"),
            new(new Aggregate(AggregateKind.Count, When(isDelivered & (x("human_open").Eq(Lit(1L)) | x("clicked").Eq(Lit(1L))), Lit(1L))), "opened_count"),
            new(new Aggregate(AggregateKind.Count, When(isDelivered & x("clicked").Eq(Lit(1L)), Lit(1L))), "clicked_count"),
            new(Max(sendDay), "last_send_day"),
            new(Min(When(isDelivered, sendDay)), "first_delivered_day"),
        ], new SubquerySource(Sources.SendRows, "x"))
        {
            Where = x("campaign_audience").Eq("customers"),
            GroupBy = [x("campaign_id"), x("contact_customer_id")],
        };
        var names = new SqlSelect([new(c("campaign_id"), "campaign_id"), new(c("name"), "campaign_name")], new TableSource("campaigns", "c"))
        {
            Where = c("audience").Eq("customers"),
        };
        Read(workspace, renderer.Render(names), r =>
        {
            data.CampaignNames[r.GetString(0)] = r.GetString(1);
            data.Activity[r.GetString(0)] = (0, 0, 0, 0, null);
        });
        Read(workspace, renderer.Render(perCustomer), r =>
        {
            var campaign = r.GetString(0);
            var program = r.IsDBNull(1) ? null : r.GetString(1);
            var (sends, delivered, opened, clicked, lastSendDay) = data.Activity[campaign];
            int? last = r.IsDBNull(7) ? null : Day(r.GetValue(7));
            data.Activity[campaign] = (sends + Convert.ToInt64(r.GetValue(3), CultureInfo.InvariantCulture),
                delivered + Convert.ToInt64(r.GetValue(4), CultureInfo.InvariantCulture),
                opened + Convert.ToInt64(r.GetValue(5), CultureInfo.InvariantCulture),
                clicked + Convert.ToInt64(r.GetValue(6), CultureInfo.InvariantCulture),
                lastSendDay is null ? last : last is null ? lastSendDay : Math.Max(lastSendDay.Value, last.Value));
            if (!r.IsDBNull(2) && !r.IsDBNull(8))
            {
                data.Deliveries.Add(new Delivery(campaign, program, r.GetString(2), Day(r.GetValue(8))));
            }
        });

        var s = (string n) => Col("s", n);
        // Ordered, so that sums of credits add up in the same order on every engine.
        var bookings = new SqlSelect([new(s("customer_id"), "customer_id"), new(s("booked_on"), "booked_on"), new(s("amount_rc"), "amount_rc")],
            Sources.Revenue.Rows)
        {
            Where = s("kind").In("upsell", "cross_sell"),
            OrderBy = [s("customer_id"), s("booked_on"), s("revenue_id")],
        };
        Read(workspace, renderer.Render(bookings), r => data.Bookings.Add(new Booking(
            r.GetString(0), Day(r.GetValue(1)), r.IsDBNull(2) ? double.NaN : Planner.MetricEngine.ToDouble(r.GetValue(2)))));

        return data;
    }

    private static void Read(Workspace workspace, string sql, Action<System.Data.Common.DbDataReader> row)
    {
        using var command = workspace.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    private static int Day(object value) => value switch
    {
        DateOnly d => d.DayNumber,
        DateTime t => DateOnly.FromDateTime(t).DayNumber,
        _ => throw new InvalidCastException(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static DateTime ToUtc(object value) => value switch
    {
        DateTimeOffset o => o.UtcDateTime,
        DateTime t => t.ToUniversalTime(),
        _ => throw new InvalidCastException(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
