using Ciclo.Catalog;
using Ciclo.Sql;
using Ciclo.Warehouse;
using static Ciclo.Sql.Sql;

namespace Ciclo.Reports;

/// <summary>Per-campaign sends and rates, for sends whose first `sent` falls in [from, to]
/// (local days in the time zone), and the events of contacts never sent each campaign.</summary>
public static class CampaignReport
{
    public static IReadOnlyList<CampaignRow> Run(Workspace workspace, DateOnly? from, DateOnly? to, string timeZone, string? audience = null)
    {
        var x = (string n) => Col("x", n);
        var sentDay = new LocalDate(x("sent_at"));
        // Only contacts sent the campaign count as sends: a bound on the send day is null (not true)
        // for the others; without bounds, an explicit test (slower on DuckDB, so only then).
        SqlExpr scope = from is null && to is null ? x("sent_at").IsNotNull() : Lit(true);
        if (from is { } f)
        {
            scope &= sentDay >= Lit(f);
        }

        if (to is { } t)
        {
            scope &= sentDay <= Lit(t);
        }

        // One pass over the events, grouped by campaign and contact: the contacts sent the campaign
        // are its sends; the events of those never sent it are its inconsistencies (orphans).
        var delivered = x("bounced").Eq(Lit(0L));
        var count = (SqlExpr cond) => (SqlExpr)new Aggregate(AggregateKind.Count, When(scope & cond, Lit(1L)));
        var sends = new SqlSelect(
        [
            new(x("campaign_id"), "campaign_id"),
            new(count(Lit(true)), "all_sends"),
            new(count(delivered), "delivered_sends"),
            new(count(delivered & (x("human_open").Eq(Lit(1L)) | x("clicked").Eq(Lit(1L)))), "opened_sends"),
            new(count(delivered & x("clicked").Eq(Lit(1L))), "clicked_sends"),
            new(count(delivered & x("unsubscribed").Eq(Lit(1L))), "unsubscribed_sends"),
            new(count(delivered & x("machine_opened").Eq(Lit(1L)) & x("human_open").Eq(Lit(0L)) & x("clicked").Eq(Lit(0L))), "machine_only_sends"),
            new(new Aggregate(AggregateKind.Sum, When(x("sent_at").IsNull(), x("contact_events"))), "orphan_events"),
        ], new SubquerySource(Sources.ContactRowsWithEventCount, "x"))
        {
            GroupBy = [x("campaign_id")],
        };

        // One join per SELECT (some engines allow no more): campaigns with their sends and orphans.
        var c = (string n) => Col("c", n);
        var select = new SqlSelect(
        [
            new(c("campaign_id"), "campaign_id"), new(c("name"), "name"), new(c("channel"), "channel"),
            new(c("audience"), "audience"), new(c("stage"), "stage"), new(c("program"), "program"),
            new(new Coalesce(Col("n", "all_sends"), Lit(0L)), "sends"),
            new(new Coalesce(Col("n", "delivered_sends"), Lit(0L)), "delivered"),
            new(new Coalesce(Col("n", "opened_sends"), Lit(0L)), "opened"),
            new(new Coalesce(Col("n", "clicked_sends"), Lit(0L)), "clicked"),
            new(new Coalesce(Col("n", "unsubscribed_sends"), Lit(0L)), "unsubscribed"),
            new(new Coalesce(Col("n", "machine_only_sends"), Lit(0L)), "machine_only"),
            new(new Coalesce(Col("n", "orphan_events"), Lit(0L)), "inconsistencies"),
        ], new TableSource("campaigns", "c"))
        {
            Joins = [new JoinItem(JoinKind.Left, new SubquerySource(sends, "n"), Col("n", "campaign_id").Eq(c("campaign_id")))],
            Where = audience is null ? null : c("audience").Eq(audience),
            OrderBy = [c("started_on"), c("campaign_id")],
        };

        var renderer = new SqlRenderer(workspace.Dialect, new RenderContext(timeZone, new Dictionary<string, object?>()));
        using var command = workspace.Connection.CreateCommand();
        command.CommandText = renderer.Render(select);
        using var reader = command.ExecuteReader();
        var rows = new List<CampaignRow>();
        while (reader.Read())
        {
            rows.Add(new CampaignRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11), reader.GetInt64(12)));
        }

        return rows;
    }
}
