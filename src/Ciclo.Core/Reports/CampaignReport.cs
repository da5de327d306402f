using Ciclo.Catalog;
using Ciclo.Sql;
using Ciclo.Warehouse;
using static Ciclo.Sql.Sql;

namespace Ciclo.Reports;

/// <summary>Per-campaign sends and rates, for sends whose first `sent` falls in [from, to]
/// (local days in the time zone), and the events of contacts never sent each campaign. Read from
/// the per-send table's counts where they answer the time zone (<see cref="SendCounts.Usable"/>),
/// else from its rows; both give the same numbers.</summary>
public static class CampaignReport
{
    public static IReadOnlyList<CampaignRow> Run(Workspace workspace, DateOnly? from, DateOnly? to, string timeZone, string? audience = null) =>
        Run(workspace, from, to, timeZone, audience, SendCounts.Usable(workspace, timeZone, from, to));

    /// <summary>The report from the counts (<paramref name="counted"/>) or from the per-send rows.</summary>
    internal static IReadOnlyList<CampaignRow> Run(Workspace workspace, DateOnly? from, DateOnly? to, string timeZone, string? audience, bool counted)
    {
        var sends = counted ? Counted(from, to) : PerSend(from, to);

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

    /// <summary>Only contacts sent the campaign count as sends: a bound on the send day is null (not
    /// true) for the others; without bounds, an explicit test (slower on DuckDB, so only then).</summary>
    private static SqlExpr SendScope(SqlExpr sentAt, DateOnly? from, DateOnly? to)
    {
        var sentDay = new LocalDate(sentAt);
        SqlExpr scope = from is null && to is null ? sentAt.IsNotNull() : Lit(true);
        if (from is { } f)
        {
            scope &= sentDay >= Lit(f);
        }

        if (to is { } t)
        {
            scope &= sentDay <= Lit(t);
        }

        return scope;
    }

    /// <summary>The columns of each campaign's sends by flag, and the events of its contacts never
    /// sent it (orphans), from its rows: <paramref name="count"/> of a condition on the flags.</summary>
    private static List<SelectItem> SendColumns(Func<string, SqlExpr> x, Func<SqlExpr, SqlExpr> count, SqlExpr orphanEvents)
    {
        var delivered = x("bounced").Eq(Lit(0L));
        return
        [
            new(x("campaign_id"), "campaign_id"),
            new(count(Lit(true)), "all_sends"),
            new(count(delivered), "delivered_sends"),
            new(count(delivered & (x("human_open").Eq(Lit(1L)) | x("clicked").Eq(Lit(1L)))), "opened_sends"),
            new(count(delivered & x("clicked").Eq(Lit(1L))), "clicked_sends"),
            new(count(delivered & x("unsubscribed").Eq(Lit(1L))), "unsubscribed_sends"),
            new(count(delivered & x("machine_opened").Eq(Lit(1L)) & x("human_open").Eq(Lit(0L)) & x("clicked").Eq(Lit(0L))), "machine_only_sends"),
            new(new Aggregate(AggregateKind.Sum, orphanEvents), "orphan_events"),
        ];
    }

    /// <summary>One pass over the per-send rows, grouped by campaign: the contacts sent the campaign
    /// are its sends; the events of those never sent it are its inconsistencies (orphans).</summary>
    private static SqlSelect PerSend(DateOnly? from, DateOnly? to)
    {
        var x = (string n) => Col("x", n);
        var scope = SendScope(x("sent_at"), from, to);
        return new SqlSelect(
            SendColumns(x, cond => new Aggregate(AggregateKind.Count, When(scope & cond, Lit(1L))), When(x("sent_at").IsNull(), x("contact_events"))),
            new SubquerySource(Sources.ContactRowsWithEventCount, "x"))
        {
            GroupBy = [x("campaign_id")],
        };
    }

    /// <summary>The same from the counts: sums of the sizes of the groups that meet each condition.</summary>
    private static SqlSelect Counted(DateOnly? from, DateOnly? to)
    {
        var x = (string n) => Col("x", n);
        var scope = SendScope(x("sent_slot"), from, to);
        return new SqlSelect(
            SendColumns(x, cond => new Aggregate(AggregateKind.Sum, When(scope & cond, x(SendCounts.Sends))), When(x("sent_slot").IsNull(), x("contact_events"))),
            new TableSource(SendCounts.Name, "x"))
        {
            GroupBy = [x("campaign_id")],
        };
    }
}
