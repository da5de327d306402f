using Ciclo.Dialects;
using Ciclo.Import;
using Ciclo.Sql;
using static Ciclo.Sql.Sql;

namespace Ciclo.Catalog;

/// <summary>
/// The per-send table grouped per campaign and customer (<see cref="SendTable"/>): one row per
/// campaign and customer delivered it, with the first instant one of the customer's contacts was
/// sent it and the first instant one engaged with it (null when none did). Delivered: sent, not
/// bounced, and naming a customer. Influence's rates ask exactly this of every campaign-customer pair
/// (2.5M at M, grouped from 3.7M delivered sends); reading it instead takes the grouping out of every
/// report and puts it in the import, once. An import rewrites the rows of the campaigns it changes
/// right after their per-send rows and counts; schema step 9 builds it for a workspace made before
/// it. Kept where the dialect keeps rollups (<see cref="SqlDialect.KeepsRollups"/>).
/// </summary>
public static class SendCustomers
{
    public const string Name = "campaign_customers";

    public static readonly EntitySchema Schema = new(Name,
    [
        new("campaign_id", ColumnType.Text, true) { FewValues = true },
        new("customer_id", ColumnType.Text, true),
        new("first_sent_at", ColumnType.Timestamp, true),
        new("first_engaged_at", ColumnType.Timestamp),
    ], ["campaign_id", "customer_id"])
    {
        Derived = true,
        ClusteredBy = "campaign_id",
    };

    /// <summary>A per-send row (aliased <c>x</c>) of a contact that was sent the campaign, was
    /// delivered it (did not bounce) and names a customer.</summary>
    public static SqlExpr Delivered => Col("x", "sent_at").IsNotNull() & (Col("x", "bounced").Eq(Lit(0L)) & Col("x", "contact_customer_id").IsNotNull());

    /// <summary>The rows grouped from the per-send table: of every campaign, or of those named, in the
    /// order of the table's columns. Aggregates never take the name of a column they read.</summary>
    /// <param name="rows">The table the per-send rows are read from: by default the per-send table.</param>
    public static SqlSelect FromSends(IReadOnlyCollection<string>? campaigns, string rows = SendTable.Name)
    {
        var x = (string n) => Col("x", n);
        return new SqlSelect(
        [
            new(x("campaign_id"), "campaign_id"),
            new(x("contact_customer_id"), "customer_id"),
            new(Min(x("sent_at")), "earliest_send"),
            new(Min(x("first_engaged_at")), "earliest_engagement"),
        ], new TableSource(rows, "x"))
        {
            Where = campaigns is null ? Delivered : Delivered & SendTable.CampaignIn("x", campaigns),
            GroupBy = [x("campaign_id"), x("contact_customer_id")],
        };
    }
}
