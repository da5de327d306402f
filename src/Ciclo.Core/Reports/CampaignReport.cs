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
        SqlExpr scope = Lit(true);
        if (from is { } f)
        {
            scope &= sentDay >= Lit(f);
        }

        if (to is { } t)
        {
            scope &= sentDay <= Lit(t);
        }

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
            new(count(delivered & x("machine_opened").Eq(Lit(1L)) & x("human_open").Eq(Lit(0L)) & x("clicked").Eq(Lit(0L))), "machine_only"),
        ], new SubquerySource(Sources.SendRows, "x"))
        {
            GroupBy = [x("campaign_id")],
        };

        var e = (string n) => Col("e", n);
        var orphans = new SqlSelect(
        [
            new(e("campaign_id"), "orphan_campaign"),
            new(new Aggregate(AggregateKind.Count, Lit(1L)), "orphans"),
        ], new TableSource("campaign_events", "e"))
        {
            Where = new Not(new Exists(new SqlSelect([new(Lit(1L), "one")], new TableSource("campaign_events", "k"))
            {
                Where = And(Col("k", "campaign_id").Eq(e("campaign_id")), Col("k", "contact_id").Eq(e("contact_id")), Col("k", "event").Eq("sent")),
            })),
            GroupBy = [e("campaign_id")],
        };

        // One join per SELECT (some engines allow no more): campaigns with their sends, then the orphans.
        var c = (string n) => Col("c", n);
        var withSends = new SqlSelect(
        [
            new(c("campaign_id"), "campaign_id"), new(c("name"), "name"), new(c("channel"), "channel"),
            new(c("audience"), "audience"), new(c("stage"), "stage"), new(c("program"), "program"), new(c("started_on"), "started_on"),
            new(new Coalesce(Col("n", "all_sends"), Lit(0L)), "sends"),
            new(new Coalesce(Col("n", "delivered_sends"), Lit(0L)), "delivered"),
            new(new Coalesce(Col("n", "opened_sends"), Lit(0L)), "opened"),
            new(new Coalesce(Col("n", "clicked_sends"), Lit(0L)), "clicked"),
            new(new Coalesce(Col("n", "unsubscribed_sends"), Lit(0L)), "unsubscribed"),
            new(new Coalesce(Col("n", "machine_only"), Lit(0L)), "machine_only_opens"),
        ], new TableSource("campaigns", "c"))
        {
            Joins = [new JoinItem(JoinKind.Left, new SubquerySource(sends, "n"), Col("n", "campaign_id").Eq(c("campaign_id")))],
            Where = audience is null ? null : c("audience").Eq(audience),
        };
        var w = (string n) => Col("w", n);
        var select = new SqlSelect(
        [
            new(w("campaign_id"), "campaign_id"), new(w("name"), "name"), new(w("channel"), "channel"),
            new(w("audience"), "audience"), new(w("stage"), "stage"), new(w("program"), "program"),
            new(w("sends"), "sends"), new(w("delivered"), "delivered"), new(w("opened"), "opened"), new(w("clicked"), "clicked"),
            new(w("unsubscribed"), "unsubscribed"), new(w("machine_only_opens"), "machine_only"),
            new(new Coalesce(Col("o", "orphans"), Lit(0L)), "inconsistencies"),
        ], new SubquerySource(withSends, "w"))
        {
            Joins = [new JoinItem(JoinKind.Left, new SubquerySource(orphans, "o"), Col("o", "orphan_campaign").Eq(w("campaign_id")))],
            OrderBy = [w("started_on"), w("campaign_id")],
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
