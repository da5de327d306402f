using Ciclo.Import;
using Ciclo.Sql;
using Ciclo.Warehouse;
using static Ciclo.Sql.Sql;

namespace Ciclo.Catalog;

/// <summary>
/// The engagements of delivered sends (<see cref="SendTable"/>) per campaign, customer and quarter
/// of an hour of UTC: the earliest and the latest engaging event (a click or a human open) of the
/// customer's delivered contacts in that quarter of an hour. Influence's credit asks, per campaign,
/// customer and local day, for the day's first and last engagement; a zone that keeps to quarters
/// of an hour puts a whole quarter of an hour on one local day, so these rows answer it without
/// the events: at M 1.35M rows instead of the join of 1.5M engaging events with 1.3M send rows
/// on every report. An import rewrites the rows of the campaigns it changes right after their
/// customers, from the same events and the new per-send rows; schema step 11 builds it for a
/// workspace made before it. Kept where the dialect keeps rollups (<see cref="Dialects.SqlDialect.KeepsRollups"/>).
/// </summary>
public static class SendEngagements
{
    public const string Name = "campaign_engagements";

    /// <summary>The column of each row's quarter of an hour of UTC.</summary>
    public const string Slot = "engaged_slot";

    public static readonly EntitySchema Schema = new(Name,
    [
        new("campaign_id", ColumnType.Text, true) { FewValues = true },
        new("customer_id", ColumnType.Text, true),
        new(Slot, ColumnType.Timestamp, true),
        new("first_engaged_at", ColumnType.Timestamp, true),
        new("last_engaged_at", ColumnType.Timestamp, true),
    ], ["campaign_id", "customer_id", Slot])
    {
        Derived = true,
        ClusteredBy = "campaign_id",
    };

    /// <summary>The rows grouped from the engaging events of <paramref name="events"/> (aliased
    /// <c>e</c>, with the events' columns) beside their contact's per-send row read from
    /// <paramref name="sends"/>, of every campaign or of those named, in the order of the table's
    /// columns. Only a delivered send with a first engagement can meet an engaging event. Aggregates
    /// never take the name of a column they read.</summary>
    public static SqlSelect FromEvents(IReadOnlyCollection<string>? campaigns, string sends, FromItem events)
    {
        var e = (string n) => Col("e", n);
        var x = (string n) => Col("x", n);
        var slot = new QuarterHour(e("occurred_at"));
        var engaged = EngagedSends(sends);
        if (campaigns is not null)
        {
            engaged = engaged with { Where = engaged.Where! & SendTable.CampaignIn("x", campaigns) };
        }

        return new SqlSelect(
        [
            new(e("campaign_id"), "campaign_id"),
            new(x("contact_customer_id"), "customer_id"),
            new(slot, Slot),
            new(Min(e("occurred_at")), "earliest_engagement"),
            new(Max(e("occurred_at")), "latest_engagement"),
        ], events)
        {
            Joins = [new JoinItem(JoinKind.Inner, new SubquerySource(engaged, "x"), e("campaign_id").Eq(x("campaign_id")) & e("contact_id").Eq(x("contact_id")))],
            Where = campaigns is null ? SendTable.Engaging(e) : SendTable.Engaging(e) & SendTable.CampaignIn("e", campaigns),
            GroupBy = [e("campaign_id"), x("contact_customer_id"), slot],
        };
    }

    /// <summary>The per-send rows of <paramref name="sends"/> (aliased <c>x</c>) that an engaging event
    /// can meet: delivered sends with a first engagement (it is the least of their engaging events),
    /// about a quarter of them. Their campaign, contact and customer.</summary>
    public static SqlSelect EngagedSends(string sends)
    {
        var x = (string n) => Col("x", n);
        return new SqlSelect(
            [new(x("campaign_id"), "campaign_id"), new(x("contact_id"), "contact_id"), new(x("contact_customer_id"), "contact_customer_id")],
            new TableSource(sends, "x"))
        {
            Where = SendCustomers.Delivered & x("first_engaged_at").IsNotNull(),
        };
    }

    /// <summary>Whether influence may read these rows in the time zone: the workspace keeps them and
    /// the zone keeps to quarters of an hour over every engagement's days (<see cref="SendCounts.ZoneKeepsQuarterHours"/>).</summary>
    public static bool Usable(Workspace workspace, string timeZone) =>
        workspace.Dialect.KeepsRollups && SendCounts.ZoneKeepsQuarterHours(workspace, timeZone, Name, Slot, null, null);
}
