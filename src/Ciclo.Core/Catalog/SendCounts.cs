using Ciclo.Dialects;
using Ciclo.Import;
using Ciclo.Sql;
using Ciclo.Warehouse;
using static Ciclo.Sql.Sql;

namespace Ciclo.Catalog;

/// <summary>
/// The per-send table counted (<see cref="SendTable"/>): one row per campaign, quarter of an hour of
/// UTC of the send (<see cref="QuarterHour"/>; null for contacts never sent the campaign) and
/// combination of flags, with how many per-send rows it holds and their events. A campaign's sends
/// come in bursts, so at M's 5.6M per-send rows it holds 64k. The e-mail metrics, the campaign report
/// and influence's campaign activity read it instead of the per-send rows when nothing asks for a
/// send's customer (no segment filter) and the reporting time zone keeps to quarters of an hour
/// (<see cref="Time.QuarterHourZone"/>), which makes a quarter's local day every one of its sends'.
/// An import rewrites the rows of the campaigns it changes right after their per-send rows; schema
/// step 8 builds it for a workspace made before it. Kept where the dialect keeps rollups
/// (<see cref="SqlDialect.KeepsRollups"/>).
/// </summary>
public static class SendCounts
{
    public const string Name = "campaign_send_counts";

    /// <summary>The number of per-send rows of a row.</summary>
    public const string Sends = "sends";

    /// <summary>The flags counted, as the per-send table names them.</summary>
    public static IReadOnlyList<string> Flags => SendTable.FlagNames;

    public static readonly EntitySchema Schema = new(Name,
    [
        new("campaign_id", ColumnType.Text, true) { FewValues = true },
        new("sent_slot", ColumnType.Timestamp),
        .. Flags.Select(f => new ColumnSpec(f, ColumnType.Integer, true)),
        new(Sends, ColumnType.Integer, true),
        new("contact_events", ColumnType.Integer, true),
    ], ["campaign_id", "sent_slot", .. Flags])
    {
        Derived = true,
        ClusteredBy = "campaign_id",
    };

    /// <summary>The rows counted from the per-send table: of every campaign, or of those named.
    /// Aggregates never take the name of a column they read.</summary>
    /// <param name="rows">The table the per-send rows are read from: by default the per-send table.</param>
    public static SqlSelect FromSends(IReadOnlyCollection<string>? campaigns, string rows = SendTable.Name)
    {
        var x = (string n) => Col("x", n);
        var slot = new QuarterHour(x("sent_at"));
        return new SqlSelect(
        [
            new(x("campaign_id"), "campaign_id"),
            new(slot, "sent_slot"),
            .. Flags.Select(f => new SelectItem(x(f), f)),
            new(new Aggregate(AggregateKind.Count, Lit(1L)), "send_total"),
            new(new Aggregate(AggregateKind.Sum, x("contact_events")), "event_total"),
        ], new TableSource(rows, "x"))
        {
            Where = campaigns is null ? null : SendTable.CampaignIn("x", campaigns),
            GroupBy = [x("campaign_id"), slot, .. Flags.Select(x)],
        };
    }

    /// <summary>
    /// Whether a report on the sends of local days from <paramref name="from"/> to
    /// <paramref name="to"/> (open ends: every send there is) in the time zone may read the counts:
    /// the workspace keeps them and the zone keeps to quarters of an hour over those days (two days
    /// either side: a local day lies within 14 hours of its UTC date).
    /// </summary>
    public static bool Usable(Workspace workspace, string timeZone, DateOnly? from, DateOnly? to) =>
        workspace.Dialect.KeepsRollups && ZoneKeepsQuarterHours(workspace, timeZone, Name, "sent_slot", from, to);

    /// <summary>Whether the time zone keeps to quarters of an hour over the local days from
    /// <paramref name="from"/> to <paramref name="to"/>, an open end taken from the least or greatest
    /// quarter of an hour in the <paramref name="slot"/> column of a rollup <paramref name="table"/>
    /// (two days either side: a local day lies within 14 hours of its UTC date). True for an empty table.</summary>
    internal static bool ZoneKeepsQuarterHours(Workspace workspace, string timeZone, string table, string slot, DateOnly? from, DateOnly? to)
    {
        if (from is null || to is null)
        {
            var renderer = new SqlRenderer(workspace.Dialect, new RenderContext(timeZone, new Dictionary<string, object?>()));
            var column = Col("n", slot);
            using var command = workspace.Connection.CreateCommand();
            command.CommandText = renderer.Render(new SqlSelect([new(Min(column), "first_slot"), new(Max(column), "last_slot")], new TableSource(table, "n")));
            using var reader = command.ExecuteReader();
            reader.Read();
            if (reader.IsDBNull(0))
            {
                return true; // no row: nothing to read on any local day
            }

            from ??= DateOnly.FromDateTime(Instant(reader.GetValue(0)));
            to ??= DateOnly.FromDateTime(Instant(reader.GetValue(1)));
        }

        return Time.QuarterHourZone.Holds(timeZone, from.Value.AddDays(-2).ToDateTime(TimeOnly.MinValue), to.Value.AddDays(2).ToDateTime(TimeOnly.MinValue));
    }

    private static DateTime Instant(object value) => value switch
    {
        DateTimeOffset o => o.UtcDateTime,
        DateTime t => t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime(),
        _ => throw new InvalidOperationException(value.GetType().Name),
    };
}
