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

    /// <summary>The statements <see cref="Load"/> runs, as the workspace's dialect renders them.</summary>
    internal sealed record Statements(string Engagements, string Deliveries, string Bookings, string Activity);

    public static InfluenceData Load(Workspace workspace, string timeZone)
    {
        var data = new InfluenceData();
        var sql = Render(workspace, timeZone);
        Read(workspace, sql.Engagements, r => data.Engagements.Add(new Engagement(
            r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), Day(r.GetValue(3)), ToUtc(r.GetValue(4)))));
        Read(workspace, sql.Deliveries, r => data.Deliveries.Add(new Delivery(
            r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), Day(r.GetValue(3)))));
        Read(workspace, sql.Bookings, r => data.Bookings.Add(new Booking(
            r.GetString(0), Day(r.GetValue(1)), r.IsDBNull(2) ? double.NaN : Planner.MetricEngine.ToDouble(r.GetValue(2)))));
        Read(workspace, sql.Activity, r =>
        {
            data.CampaignNames[r.GetString(0)] = r.GetString(1);
            data.Activity[r.GetString(0)] = (r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.IsDBNull(6) ? null : Day(r.GetValue(6)));
        });
        return data;
    }

    internal static Statements Render(Workspace workspace, string timeZone)
    {
        var context = new RenderContext(timeZone, new Dictionary<string, object?> { ["currency"] = workspace.Settings.Currency, ["program"] = null });
        var renderer = new SqlRenderer(workspace.Dialect, context);
        var x = (string n) => Col("x", n);
        var c = (string n) => Col("c", n);
        var e = (string n) => Col("e", n);
        var g = (string n) => Col("g", n);
        var engaging = e("event").Eq("clicked") | (e("event").Eq("opened") & new Coalesce(e("machine_open"), Lit(false)).Eq(Lit(false)));
        var delivered = x("bounced").Eq(Lit(0L)) & x("contact_customer_id").IsNotNull();

        JoinItem[] campaign = [new JoinItem(JoinKind.Inner, new TableSource("campaigns", "c"), c("campaign_id").Eq(g("campaign_id")))];

        // Each engaging event beside its contact's send row (the contact's customer, whether it
        // bounced): a join of the events with the per-send table on campaign and contact, which a
        // warehouse that shards both by contact runs on each shard. The campaign's attributes are
        // joined after it (one join per SELECT), on the server asked.
        var engaged = workspace.Dialect.Colocated(new SqlSelect(
            [new(e("campaign_id"), "campaign_id"), new(x("contact_customer_id"), "contact_customer_id"), new(e("occurred_at"), "occurred_at")],
            new TableSource("campaign_events", "e"))
        {
            Joins =
            [
                new JoinItem(JoinKind.Inner, new SubquerySource(Sources.ContactSends, "x"),
                    e("campaign_id").Eq(x("campaign_id")) & e("contact_id").Eq(x("contact_id"))),
            ],
            Where = engaging & delivered,
        });
        var engagements = new SqlSelect(
        [
            new(g("campaign_id"), "engaged_campaign"), new(c("program"), "engaged_program"), new(g("contact_customer_id"), "engaged_customer"),
            new(new LocalDate(g("occurred_at")), "engaged_day"), new(g("occurred_at"), "engaged_at"),
        ], new SubquerySource(engaged, "g"))
        {
            Joins = campaign,
            Where = c("audience").Eq("customers"),
        };

        // The first send day per campaign and customer: the earliest send of its delivered contacts,
        // from the per-send table alone (a grouping a warehouse sharded by contact runs on each
        // shard, then merges the shards' earliest sends). The local day is taken after the minimum.
        var firstSends = workspace.Dialect.Colocated(new SqlSelect(
        [
            new(x("campaign_id"), "campaign_id"), new(x("contact_customer_id"), "contact_customer_id"), new(Min(x("sent_at")), "first_sent_at"),
        ], new TableSource(SendTable.Name, "x"))
        {
            Where = x("sent_at").IsNotNull() & delivered,
            GroupBy = [x("campaign_id"), x("contact_customer_id")],
        });
        var deliveries = new SqlSelect(
        [
            new(g("campaign_id"), "delivered_campaign"), new(c("program"), "delivered_program"), new(g("contact_customer_id"), "delivered_customer"),
            new(new LocalDate(g("first_sent_at")), "first_send_day"),
        ], new SubquerySource(firstSends, "g"))
        {
            Joins = campaign,
            Where = c("audience").Eq("customers"),
        };

        var s = (string n) => Col("s", n);
        // Ordered, so that sums of credits add up in the same order on every engine.
        var bookings = new SqlSelect([new(s("customer_id"), "customer_id"), new(s("booked_on"), "booked_on"), new(s("amount_rc"), "amount_rc")],
            Sources.Revenue.Rows)
        {
            Where = s("kind").In("upsell", "cross_sell"),
            OrderBy = [s("customer_id"), s("booked_on"), s("revenue_id")],
        };

        var activity = new SqlSelect(
        [
            new(c("campaign_id"), "activity_campaign"), new(c("name"), "campaign_name"),
            new(new Aggregate(AggregateKind.Count, x("contact_id")), "activity_sends"),
            new(new Aggregate(AggregateKind.Count, When(x("bounced").Eq(Lit(0L)), Lit(1L))), "activity_delivered"),
            new(new Aggregate(AggregateKind.Count, When(x("bounced").Eq(Lit(0L)) & (x("human_open").Eq(Lit(1L)) | x("clicked").Eq(Lit(1L))), Lit(1L))), "activity_opened"),
            new(new Aggregate(AggregateKind.Count, When(x("bounced").Eq(Lit(0L)) & x("clicked").Eq(Lit(1L)), Lit(1L))), "activity_clicked"),
            new(Max(new LocalDate(x("sent_at"))), "last_send_day"),
        ], new TableSource("campaigns", "c"))
        {
            Joins = [new JoinItem(JoinKind.Left, new SubquerySource(Sources.SendRows, "x"), x("campaign_id").Eq(c("campaign_id")))],
            Where = c("audience").Eq("customers"),
            GroupBy = [c("campaign_id"), c("name")],
        };
        return new Statements(renderer.Render(engagements), renderer.Render(deliveries), renderer.Render(bookings), renderer.Render(activity));
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
