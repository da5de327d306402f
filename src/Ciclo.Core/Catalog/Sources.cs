using Ciclo.Sql;
using static Ciclo.Sql.Sql;

namespace Ciclo.Catalog;

/// <summary>The semantic sources every measure reads. Context values: "currency" (reporting
/// currency) and "program" (a programme name, or null for any programme).</summary>
public static class Sources
{

    private static Column C(string name) => Col("s", name);

    private static readonly Dictionary<string, string> CustomerDimensions = new() { ["segment"] = "segment", ["region"] = "region" };

    /// <summary>The amount converted to the reporting currency at the latest rate on or before the day; null without a rate.</summary>
    public static SqlExpr Converted(SqlExpr amount, SqlExpr currency, SqlExpr day) =>
        amount * When(currency.IsNull() | currency.Eq(new ContextValue("currency")), Lit(1m),
            new LatestOnOrBefore("fx_rates", "rate", "currency", currency, "day", day));

    /// <summary>A membership of the customer at day d (joined_on &lt; d and (left_on empty or left_on &gt;= d)),
    /// in any programme or, when the context names one, in that programme.</summary>
    public static SqlExpr MemberAt(SqlExpr customerId, SqlExpr day) =>
        new Exists(new SqlSelect([new SelectItem(Lit(1L), "one")], new TableSource("program_members", "m"))
        {
            Where = And(Col("m", "customer_id").Eq(customerId), Col("m", "joined_on") < day,
                Col("m", "left_on").IsNull() | (Col("m", "left_on") >= day),
                new Coalesce(new ContextValue("program"), Col("m", "program")).Eq(Col("m", "program"))),
        });

    public static SourceDefinition Customers { get; } = new("customers", new TableSource("customers", "s"),
        (C("acquired_on") < PeriodBound.End) & (C("churned_on").IsNull() | (C("churned_on") >= PeriodBound.Start)))
    {
        Dimensions = CustomerDimensions,
    };

    public static SourceDefinition Revenue { get; } = ByDay("revenue",
        new SubquerySource(new SqlSelect(
            [
                new(Col("r", "revenue_id"), "revenue_id"),
                new(Col("r", "customer_id"), "customer_id"),
                new(Col("r", "booked_on"), "booked_on"),
                new(Col("r", "kind"), "kind"),
                new(Converted(Col("r", "amount"), Col("r", "currency"), Col("r", "booked_on")), "amount_rc"),
                new(Col("c", "acquired_on"), "acquired_on"),
                new(Col("c", "churned_on"), "churned_on"),
                new(Col("c", "segment"), "segment"),
                new(Col("c", "region"), "region"),
            ], new TableSource("revenue", "r"))
        {
            Joins = [new JoinItem(JoinKind.Inner, new TableSource("customers", "c"), Col("c", "customer_id").Eq(Col("r", "customer_id")))],
        }, "s"),
        "booked_on") with
    {
        Dimensions = CustomerDimensions,
    };

    /// <summary>One row per send (a contact in a campaign that has a sent event), with flags for its
    /// events; counted per campaign, quarter of an hour and flags in <see cref="SendCounts"/>.</summary>
    public static SourceDefinition Sends { get; } = ByDay("sends",
        new SubquerySource(new SqlSelect(
            [
                new(Col("x", "campaign_id"), "campaign_id"),
                new(Col("x", "campaign_audience"), "audience"),
                new(Col("x", "campaign_stage"), "stage"),
                new(Col("x", "contact_customer_id"), "customer_id"),
                new(new LocalDate(Col("x", "sent_at")), "sent_day"),
                new(Col("x", "bounced"), "bounced"),
                new(Col("x", "human_open"), "human_open"),
                new(Col("x", "machine_opened"), "machine_open"),
                new(Col("x", "clicked"), "clicked"),
                new(Col("x", "unsubscribed"), "unsubscribed"),
                new(Col("cu", "segment"), "segment"),
                new(Col("cu", "region"), "region"),
            ], new SubquerySource(SendRows, "x"))
        {
            Joins = [new JoinItem(JoinKind.Left, new TableSource("customers", "cu"), Col("cu", "customer_id").Eq(Col("x", "contact_customer_id")))],
        }, "s"),
        "sent_day") with
    {
        Dimensions = CustomerDimensions,
        Rollup = new SourceRollup(new SubquerySource(new SqlSelect(
            [
                new(Col("n", "campaign_id"), "campaign_id"),
                new(Col("c", "audience"), "audience"),
                new(Col("c", "stage"), "stage"),
                new(new LocalDate(Col("n", "sent_slot")), "sent_day"),
                new(Col("n", "bounced"), "bounced"),
                new(Col("n", "human_open"), "human_open"),
                new(Col("n", "machine_opened"), "machine_open"),
                new(Col("n", "clicked"), "clicked"),
                new(Col("n", "unsubscribed"), "unsubscribed"),
                new(Col("n", SendCounts.Sends), "send_rows"),
            ], new TableSource(SendCounts.Name, "n"))
        {
            Joins = [new JoinItem(JoinKind.Inner, new TableSource("campaigns", "c"), Col("c", "campaign_id").Eq(Col("n", "campaign_id")))],
            Where = Col("n", "sent_slot").IsNotNull(),
        }, "s"), "send_rows"),
    };

    /// <summary>The per-send table's rows (<see cref="SendTable"/>) of contacts that were sent the
    /// campaign, with their campaign's audience, stage and programme.</summary>
    public static SqlSelect SendRows => ContactRows(sentOnly: true, eventCount: false);

    /// <summary>Every contact with events in a campaign (sent_at null when the contact was never sent
    /// the campaign), with "contact_events", the number of its events.</summary>
    public static SqlSelect ContactRowsWithEventCount => ContactRows(sentOnly: false, eventCount: true);

    private static SqlSelect ContactRows(bool sentOnly, bool eventCount)
    {
        var x = (string n) => Col("x", n);
        List<SelectItem> items =
        [
            new(x("campaign_id"), "campaign_id"), new(x("contact_id"), "contact_id"),
            new(Col("c", "audience"), "campaign_audience"), new(Col("c", "stage"), "campaign_stage"), new(Col("c", "program"), "campaign_program"),
        ];

        // The per-send table's columns after its key, its event count only when asked for; the first
        // engagement is influence's alone.
        items.AddRange(SendTable.Schema.Columns.Select(c => c.Name)
            .Where(n => !SendTable.Schema.Key.Contains(n) && (eventCount || n != "contact_events") && n != "first_engaged_at")
            .Select(n => new SelectItem(x(n), n)));

        return new SqlSelect(items, new TableSource(SendTable.Name, "x"))
        {
            Joins = [new JoinItem(JoinKind.Inner, new TableSource("campaigns", "c"), Col("c", "campaign_id").Eq(x("campaign_id")))],
            Where = sentOnly ? x("sent_at").IsNotNull() : null,
        };
    }

    public static SourceDefinition Surveys { get; } = ByDay("surveys",
        new SubquerySource(new SqlSelect(
            [
                new(Col("r", "answered_on"), "answered_on"),
                new(Col("r", "score"), "score"),
                new(Col("c", "segment"), "segment"),
                new(Col("c", "region"), "region"),
            ], new TableSource("surveys", "r"))
        {
            Joins = [new JoinItem(JoinKind.Left, new TableSource("customers", "c"), Col("c", "customer_id").Eq(Col("r", "customer_id")))],
        }, "s"),
        "answered_on") with
    {
        Dimensions = CustomerDimensions,
    };

    private static SourceDefinition LeadsBy(string name, string dayColumn) =>
        ByDay(name, new TableSource("leads", "s"), dayColumn) with
        {
            Dimensions = new Dictionary<string, string> { ["segment"] = "segment" },
        };

    public static SourceDefinition LeadsCreated { get; } = LeadsBy("leads_created", "created_on");

    public static SourceDefinition LeadsMql { get; } = LeadsBy("leads_mql", "became_mql_on");

    public static SourceDefinition LeadsConverted { get; } = LeadsBy("leads_converted", "converted_on");

    public static SourceDefinition ChannelStats { get; } = ByDay("channel_stats", new TableSource("channel_stats", "s"), "day");

    /// <summary>Marketing cost: channel_stats cost on its day; a campaign without any channel cost has its own cost on started_on.</summary>
    public static SourceDefinition Costs { get; } = ByDay("costs",
        new UnionSource(
        [
            new SqlSelect(
            [
                new(Col("cs", "day"), "day"),
                new(Converted(Col("cs", "cost"), Col("cs", "currency"), Col("cs", "day")), "cost_rc"),
                new(Lit(1L), "from_channel"),
                new(Col("c", "audience"), "audience"),
            ], new TableSource("channel_stats", "cs"))
            {
                Joins = [new JoinItem(JoinKind.Inner, new TableSource("campaigns", "c"), Col("c", "campaign_id").Eq(Col("cs", "campaign_id")))],
                Where = Col("cs", "cost").IsNotNull(),
            },
            new SqlSelect(
            [
                new(Col("c", "started_on"), "day"),
                new(Converted(Col("c", "cost"), Col("c", "currency"), Col("c", "started_on")), "cost_rc"),
                new(Lit(0L), "from_channel"),
                new(Col("c", "audience"), "audience"),
            ], new TableSource("campaigns", "c"))
            {
                Where = Col("c", "cost").IsNotNull() & new Not(new Exists(new SqlSelect([new(Lit(1L), "one")], new TableSource("channel_stats", "k"))
                {
                    Where = Col("k", "campaign_id").Eq(Col("c", "campaign_id")) & Col("k", "cost").IsNotNull(),
                })),
            },
        ], "s"),
        "day");

    /// <summary>A source whose rows each fall in the period that holds their date column.</summary>
    private static SourceDefinition ByDay(string name, FromItem rows, string dayColumn) =>
        new(name, rows, Within(C(dayColumn))) { Day = C(dayColumn) };

    public static IReadOnlyList<SourceDefinition> All { get; } =
        [Customers, Revenue, Sends, Surveys, LeadsCreated, LeadsMql, LeadsConverted, ChannelStats, Costs];

    public static SourceDefinition Get(string name) => All.First(s => s.Name == name);

}
