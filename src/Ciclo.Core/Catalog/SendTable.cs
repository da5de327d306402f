using Ciclo.Dialects;
using Ciclo.Import;
using Ciclo.Sql;
using static Ciclo.Sql.Sql;

namespace Ciclo.Catalog;

/// <summary>
/// The per-send table: one row per campaign and contact with events, holding the contact's
/// customer (the one any of its events names), its first send (null when it was never sent the
/// campaign), a flag per kind of event and the number of its events. Every e-mail number reads it
/// instead of grouping all events again. An import of campaign events rewrites the rows of the
/// campaigns it changes, in the import's own unit of work (<see cref="Refresh"/>); schema step 5
/// builds it for a workspace made before it, step 6 adds each contact's first engagement (the
/// earliest click or human open, null when none). Its rollups (<see cref="Rollups"/>: counts,
/// customers, engagements) are rewritten with it. Flags: 1 when the contact has such an event, else 0.
/// </summary>
public static class SendTable
{
    public const string Name = "campaign_sends";

    public static readonly EntitySchema Schema = new(Name,
    [
        new("campaign_id", ColumnType.Text, true) { FewValues = true },
        new("contact_id", ColumnType.Text, true),
        new("contact_customer_id", ColumnType.Text),
        new("sent_at", ColumnType.Timestamp),
        new("bounced", ColumnType.Integer, true),
        new("human_open", ColumnType.Integer, true),
        new("machine_opened", ColumnType.Integer, true),
        new("clicked", ColumnType.Integer, true),
        new("unsubscribed", ColumnType.Integer, true),
        new("contact_events", ColumnType.Integer, true),
        new("first_engaged_at", ColumnType.Timestamp),
    ], ["campaign_id", "contact_id"])
    {
        Derived = true,
        ClusteredBy = "campaign_id",
    };

    /// <summary>The stored events, as <see cref="FromEvents(IReadOnlyCollection{string}?, FromItem)"/> reads them.</summary>
    internal static readonly TableSource StoredEvents = new("campaign_events", "e");

    /// <summary>The table's rows computed from the events: of every campaign, or of the campaigns named.
    /// Aggregates never take the name of a column they read (some engines resolve names by alias).</summary>
    public static SqlSelect FromEvents(IReadOnlyCollection<string>? campaigns) => FromEvents(campaigns, StoredEvents);

    /// <summary>The same rows computed from <paramref name="events"/> (aliased "e", with the events' columns).
    /// The five flags are kept as the bits of one word while grouping (<see cref="Flags"/>): one
    /// bitwise OR per contact instead of five maximums, 2.5 s → 1.9 s for M's 9.1M events.</summary>
    private static SqlSelect FromEvents(IReadOnlyCollection<string>? campaigns, FromItem events)
    {
        var e = (string n) => Col("e", n);
        var w = (string n) => Col("w", n);
        var flags = Flags(e);
        SqlExpr word = Lit(0L);
        for (var bit = flags.Count - 1; bit >= 0; bit--)
        {
            word = When(flags[bit].Condition, Lit(1L << bit), word);
        }

        var grouped = new SqlSelect(
        [
            new(e("campaign_id"), "campaign_id"),
            new(e("contact_id"), "contact_id"),
            new(Max(e("customer_id")), "contact_customer_id"),
            new(Min(When(e("event").Eq("sent"), e("occurred_at"))), "sent_at"),
            new(new Aggregate(AggregateKind.BitOr, word), "flag_word"),
            new(new Aggregate(AggregateKind.Count, Lit(1L)), "contact_events"),
            new(Min(When(Engaging(e), e("occurred_at"))), "first_engaged_at"),
        ], events)
        {
            Where = campaigns is null ? null : CampaignIn("e", campaigns),
            GroupBy = [e("campaign_id"), e("contact_id")],
        };
        return new SqlSelect(
        [
            .. new[] { "campaign_id", "contact_id", "contact_customer_id", "sent_at" }.Select(n => new SelectItem(w(n), n)),
            .. FlagNames.Select((flag, bit) => new SelectItem(new Bit(w("flag_word"), bit), flag)),
            new(w("contact_events"), "contact_events"),
            new(w("first_engaged_at"), "first_engaged_at"),
        ], new SubquerySource(grouped, "w"));
    }

    /// <summary>The per-send table's flags, in the order of their bits in the flag word.</summary>
    public static readonly IReadOnlyList<string> FlagNames = [.. Flags(n => Col("e", n)).Select(f => f.Flag)];

    /// <summary>Each flag and the event that sets it (an event sets at most one), in the order of
    /// their bits in the flag word.</summary>
    private static IReadOnlyList<(string Flag, SqlExpr Condition)> Flags(Func<string, SqlExpr> e) =>
    [
        ("bounced", e("event").Eq("bounced")),
        ("human_open", Opened(e, machine: false)),
        ("machine_opened", Opened(e, machine: true)),
        ("clicked", e("event").Eq("clicked")),
        ("unsubscribed", e("event").Eq("unsubscribed")),
    ];

    /// <summary>An engagement (METRICS.md): a click, or an open not flagged as a machine's, of
    /// the events whose columns <paramref name="e"/> names.</summary>
    public static SqlExpr Engaging(Func<string, SqlExpr> e) => e("event").Eq("clicked") | Opened(e, machine: false);

    private static SqlExpr Opened(Func<string, SqlExpr> e, bool machine) =>
        e("event").Eq("opened") & new Coalesce(e("machine_open"), Lit(false)).Eq(Lit(machine));

    /// <summary>The statements that make the table's rows of the campaigns named (every campaign when
    /// null) equal to what their events give now.</summary>
    public static IReadOnlyList<string> Refresh(SqlDialect dialect, IReadOnlyCollection<string>? campaigns) =>
        campaigns is { Count: 0 } ? [] : Replace(dialect, campaigns, StoredEvents);

    /// <summary>
    /// The statements that make the rows of the campaigns named what their events give once the
    /// events of <paramref name="incoming"/> (a table with the events' columns) are written over the
    /// stored ones, by key. They run first in the import's unit of work, before that write: they read
    /// the stored events of those campaigns that no incoming event replaces, and the incoming events
    /// from their own table. Run after it, they would read the events just written, which DuckDB
    /// reads several times slower within the transaction that writes them. The rollups then read the
    /// per-send rows just rewritten; kept in campaign order (<see cref="EntitySchema.ClusteredBy"/>),
    /// those are only the campaigns' blocks. (A temporary table of the campaigns' rows, grouped once
    /// for the table and its rollups, paid while the rows lay in hash order; in campaign order a day
    /// added to L took 4.2-6.3 s through it and 3.5-4.9 s without.)
    /// </summary>
    /// <param name="replacesStored">Whether an incoming event may share its key with a stored one; when
    /// the import knows none does (a day after the days stored), the stored events are read whole,
    /// without looking each up among the incoming ones.</param>
    public static IReadOnlyList<string> RefreshAhead(SqlDialect dialect, IReadOnlyCollection<string> campaigns, string incoming, bool replacesStored)
    {
        if (campaigns.Count == 0)
        {
            return [];
        }

        var events = Entities.CampaignEvents;
        SqlSelect Pick(string table, string alias) =>
            new(events.Columns.Select(c => new SelectItem(Col(alias, c.Name), c.Name)).ToList(), new TableSource(table, alias));
        var replaced = new Exists(new SqlSelect([new(Lit(1L), "one")], new TableSource(incoming, "g"))
        {
            Where = And([.. events.Key.Select(k => (SqlExpr)Col("g", k).Eq(Col("t", k)))]),
        });
        var scope = CampaignIn("t", campaigns);
        var kept = Pick("campaign_events", "t") with { Where = replacesStored ? scope & new Not(replaced) : scope };
        return Replace(dialect, campaigns, new UnionSource([kept, Pick(incoming, "g")], "e"));
    }

    /// <summary>The per-send rows alone, as <see cref="Refresh"/> makes them, without their rollups: for
    /// the schema steps that build the table before the rollups' tables exist.</summary>
    internal static IReadOnlyList<string> RefreshRows(SqlDialect dialect, IReadOnlyCollection<string>? campaigns) =>
        campaigns is { Count: 0 } ? [] : Replace(dialect, campaigns, StoredEvents, rollups: false);

    /// <summary>DELETE and INSERT of the rows of the campaigns named (all when null), computed from
    /// <paramref name="events"/>, then of their rollups: their counts (<see cref="SendCounts"/>), their
    /// customers (<see cref="SendCustomers"/>) and their engagements (<see cref="SendEngagements"/>).</summary>
    private static IReadOnlyList<string> Replace(SqlDialect dialect, IReadOnlyCollection<string>? campaigns, FromItem events, bool rollups = true)
    {
        var renderer = new SqlRenderer(dialect, new RenderContext("UTC", new Dictionary<string, object?>()));
        var scope = campaigns is null ? null : renderer.Render(CampaignIn(null, campaigns));
        return
        [
            .. dialect.ReplaceRows(Schema, renderer.Render(FromEvents(campaigns, events)), scope),
            .. rollups ? RefreshRollups(dialect, campaigns, Name, events) : [],
        ];
    }

    /// <summary>The per-send table's rollups, in the order an import rewrites them: each one's table
    /// and its grouping of the campaigns named (all when null), from the per-send rows read from a
    /// table and, for the engagements, the events read from a source aliased <c>e</c>.
    /// Built on each read: the counts' schema reads this class's flags, so a list kept in a static
    /// field here could be made while the counts' class is still being initialised.</summary>
    public static IReadOnlyList<(EntitySchema Schema, Func<IReadOnlyCollection<string>?, string, FromItem, SqlSelect> Grouping)> Rollups =>
    [
        (SendCounts.Schema, (campaigns, sends, _) => SendCounts.FromSends(campaigns, sends)),
        (SendCustomers.Schema, (campaigns, sends, _) => SendCustomers.FromSends(campaigns, sends)),
        (SendEngagements.Schema, SendEngagements.FromEvents),
    ];

    /// <summary>The per-send table, then each of its rollups: every table an events import rewrites
    /// besides the events (on an engine that keeps rollups).</summary>
    public static IReadOnlyList<EntitySchema> Tables => [Schema, .. Rollups.Select(r => r.Schema)];

    /// <summary>The statements that make a rollup's rows (one of <see cref="Rollups"/>) what the stored
    /// per-send rows and events give, for every campaign: for the schema steps that build a rollup.</summary>
    internal static IReadOnlyList<string> RebuildRollup(SqlDialect dialect, EntitySchema rollup) =>
        ReplaceRollup(dialect, rollup, null, Rollups.Single(r => r.Schema == rollup).Grouping(null, Name, StoredEvents));

    /// <summary>Every rollup's rows of the campaigns named made what the per-send rows read from
    /// <paramref name="sends"/> and the events of <paramref name="events"/> give (<see cref="ReplaceRollup"/>).</summary>
    private static IEnumerable<string> RefreshRollups(SqlDialect dialect, IReadOnlyCollection<string>? campaigns, string sends, FromItem events) =>
        Rollups.SelectMany(r => ReplaceRollup(dialect, r.Schema, campaigns, r.Grouping(campaigns, sends, events)));

    /// <summary>The statements that make a rollup's rows of the campaigns named (all when null) those of
    /// <paramref name="grouping"/> (its grouping of the per-send rows, in the rollup's column order);
    /// none where the dialect keeps no rollups.</summary>
    internal static IReadOnlyList<string> ReplaceRollup(SqlDialect dialect, EntitySchema rollup, IReadOnlyCollection<string>? campaigns, SqlSelect grouping)
    {
        if (!dialect.KeepsRollups || campaigns is { Count: 0 })
        {
            return [];
        }

        var renderer = new SqlRenderer(dialect, new RenderContext("UTC", new Dictionary<string, object?>()));
        var scope = campaigns is null ? null : renderer.Render(CampaignIn(null, campaigns));
        return [.. dialect.ReplaceRows(rollup, renderer.Render(grouping), scope)];
    }

    /// <summary>The campaign of the rows of <paramref name="table"/> is one of those named (in a stable order).</summary>
    internal static SqlExpr CampaignIn(string? table, IReadOnlyCollection<string> campaigns) =>
        new Column(table, "campaign_id").In([.. campaigns.Order(StringComparer.Ordinal)]);
}
