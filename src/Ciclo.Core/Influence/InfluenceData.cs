using System.Globalization;
using Ciclo.Catalog;
using Ciclo.Dialects;
using Ciclo.Sql;
using Ciclo.Warehouse;
using static Ciclo.Sql.Sql;

namespace Ciclo.Influence;

/// <summary>What campaign influence reads, fetched with SQL trees rendered by the workspace's
/// dialect: engagements (for the credit), each campaign's activity, upsell/cross-sell revenue, and
/// per campaign and per programme how many engaged and merely delivered customers expanded.</summary>
internal sealed class InfluenceData
{
    public sealed record Booking(string Customer, int Day, double Amount);

    /// <summary>A campaign's or programme's customers: engaged, and delivered it without engaging
    /// (the baseline), each with how many of them booked expansion revenue within the window after
    /// their first engagement (the baseline: after their first send).</summary>
    public sealed record Rates(long Engaged, long EngagedExpanded, long Baseline, long BaselineExpanded);

    public sealed record CampaignActivity(string Name, string? Program, long Sends, long Delivered, long Opened, long Clicked, int? LastSendDay);

    public EngagementTable Engagements { get; private init; } = new();
    public List<Booking> Bookings { get; } = [];
    public Dictionary<string, CampaignActivity> Activity { get; } = [];
    public Dictionary<string, Rates> CampaignRates { get; } = [];
    public Dictionary<string, Rates> ProgrammeRates { get; } = [];

    /// <summary>The statements <see cref="Load"/> runs first, as the workspace's dialect renders them;
    /// the rates' come from <see cref="RatesSql"/>.</summary>
    internal sealed record Statements(string Engagements, string Bookings, string Activity);

    public static InfluenceData Load(Workspace workspace, string timeZone, int window)
    {
        var data = new InfluenceData();
        var sql = Render(workspace, timeZone, window: window);
        data.ReadEngagements(workspace, sql.Engagements);
        Read(workspace, sql.Bookings, r => data.Bookings.Add(new Booking(
            r.GetString(0), Day(r.GetValue(1)), r.IsDBNull(2) ? double.NaN : Planner.MetricEngine.ToDouble(r.GetValue(2)))));
        data.ReadActivity(workspace, sql.Activity);
        ReadRates(workspace, RatesSql(workspace, timeZone, window, null), data.CampaignRates);
        var programmeCampaigns = data.Activity.Where(a => a.Value.Program is not null).Select(a => a.Key).ToList();
        if (programmeCampaigns.Count > 0)
        {
            ReadRates(workspace, RatesSql(workspace, timeZone, window, programmeCampaigns), data.ProgrammeRates);
        }

        return data;
    }

    /// <summary>
    /// What <see cref="Load"/> would read now, given what it read before and the campaigns whose
    /// events changed since (and nothing else): this data's engagements, rates and bookings of the
    /// other campaigns are kept, those campaigns' engagements and rates are read again, and so are the
    /// rates of their programmes and every campaign's activity (a few hundred rows). A campaign's
    /// engagements and rates read its own per-send rows and the revenue only, and a programme's the
    /// rows of its campaigns; bookings read the revenue. So after a day of events only the day's
    /// campaigns are read: in campaign order, their blocks of the per-send tables.
    /// </summary>
    public InfluenceData Reread(Workspace workspace, string timeZone, int window, IReadOnlyCollection<string> campaigns)
    {
        var changed = campaigns.ToHashSet(StringComparer.Ordinal);
        var data = new InfluenceData { Engagements = Engagements.Without(changed) };

        // The bookings are kept (the revenue did not change): the campaigns' engagements are read
        // whole and those followed by a booking within the window kept here, instead of grouping the
        // revenue again beside them (L's day: 0.57 s → 0.1 s).
        var sql = Render(workspace, timeZone, window: window, campaigns: changed, expansionRead: false);
        data._expansionDays = ExpansionDaysOfBookings;
        data.ReadEngagements(workspace, sql.Engagements, (customer, day) => data.ExpansionDaysOfBookings.Within(customer, day, window));
        data.Bookings.AddRange(Bookings);
        data.ReadActivity(workspace, sql.Activity);
        foreach (var (campaign, rates) in CampaignRates.Where(r => !changed.Contains(r.Key)))
        {
            data.CampaignRates[campaign] = rates;
        }

        // Their customers, counted here against the bookings kept (L's day: 0.52 s → 0.1 s).
        CountRates(workspace, RatesSql(workspace, timeZone, window, null, campaigns: changed, expansionRead: false), window, data.ExpansionDaysOfBookings, data.CampaignRates);
        var programmes = changed.SelectMany(id => new[] { Activity.GetValueOrDefault(id)?.Program, data.Activity.GetValueOrDefault(id)?.Program })
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (program, rates) in ProgrammeRates.Where(r => !programmes.Contains(r.Key)))
        {
            data.ProgrammeRates[program] = rates;
        }

        var programmeCampaigns = data.Activity.Where(a => a.Value.Program is { } p && programmes.Contains(p)).Select(a => a.Key).ToList();
        if (programmeCampaigns.Count > 0)
        {
            ReadRates(workspace, RatesSql(workspace, timeZone, window, programmeCampaigns), data.ProgrammeRates);
        }

        return data;
    }

    private void ReadEngagements(Workspace workspace, string sql, Func<string, int, bool>? keep = null) =>
        Read(workspace, sql, r =>
        {
            var (customer, day) = (r.GetString(1), Day(r.GetValue(2)));
            if (keep is null || keep(customer, day))
            {
                Engagements.Add(r.GetString(0), customer, day, ToUtc(r.GetValue(3)), ToUtc(r.GetValue(4)));
            }
        });

    private ExpansionDays? _expansionDays;

    /// <summary>The days of <see cref="Bookings"/> per customer, made on first use and handed on to
    /// the data a <see cref="Reread"/> makes (the bookings are the same).</summary>
    private ExpansionDays ExpansionDaysOfBookings => _expansionDays ??= new ExpansionDays(Bookings.Select(b => (b.Customer, b.Day)));

    private void ReadActivity(Workspace workspace, string sql) =>
        Read(workspace, sql, r => Activity[r.GetString(0)] = new CampaignActivity(
            r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.IsDBNull(7) ? null : Day(r.GetValue(7))));

    /// <param name="counted">Whether the campaigns' activity reads the per-send table's counts; by
    /// default where they answer the time zone (<see cref="SendCounts.Usable"/>).</param>
    /// <param name="window">The attribution window's days; by default the workspace's.</param>
    /// <param name="engagedRollup">Whether the engagements are read from the per-send table's
    /// engagements (<see cref="SendEngagements"/>) or from the events; by default where they answer the
    /// time zone (<see cref="SendEngagements.Usable"/>).</param>
    /// <param name="campaigns">The campaigns whose engagements are read; all when null.</param>
    internal static Statements Render(Workspace workspace, string timeZone, bool? counted = null, int? window = null, bool? engagedRollup = null,
        IReadOnlyCollection<string>? campaigns = null, bool expansionRead = true) =>
        Render(workspace.Dialect, workspace.Settings.Currency, timeZone, counted ?? SendCounts.Usable(workspace, timeZone, null, null),
            window ?? workspace.Settings.AttributionWindowDays, engagedRollup ?? SendEngagements.Usable(workspace, timeZone), campaigns, expansionRead);

    /// <summary>The statements as <paramref name="dialect"/> renders them for a reporting currency and
    /// time zone; the campaigns' activity from the per-send table's counts or from its rows, the
    /// engagements from its engagements or from the events.</summary>
    /// <param name="expansionRead">Whether the engagements are only those followed by a booking within
    /// the window (read with the revenue); without, every engagement of the campaigns, for a caller
    /// that holds the bookings already (<see cref="Reread"/>).</param>
    internal static Statements Render(SqlDialect dialect, string currency, string timeZone, bool counted, int window, bool engagedRollup = false,
        IReadOnlyCollection<string>? campaigns = null, bool expansionRead = true)
    {
        var customerCampaigns = Col("c", "audience").Eq("customers");
        if (campaigns is not null)
        {
            customerCampaigns &= Col("c", "campaign_id").In([.. campaigns.Order(StringComparer.Ordinal)]);
        }

        var renderer = Renderer(dialect, currency, timeZone);
        var x = (string n) => Col("x", n);
        var c = (string n) => Col("c", n);
        var e = (string n) => Col("e", n);
        var g = (string n) => Col("g", n);
        var engaging = SendTable.Engaging(e);

        // Each engaging event beside its contact's send row (the contact's customer): a join of the
        // events with the per-send table on campaign and contact, which a warehouse that shards both
        // by contact runs on each shard. Only delivered sends with a first engagement can meet an
        // engaging event (it is the least of them), so the send rows are those, about a quarter of
        // them: at a hundred million events that took a second off the join. The campaign's audience
        // is joined after it (one join per SELECT), on the server asked.
        var engagedSends = SendEngagements.EngagedSends(SendTable.Name);
        var engaged = dialect.Colocated(new SqlSelect(
            [new(e("campaign_id"), "campaign_id"), new(x("contact_customer_id"), "contact_customer_id"), new(e("occurred_at"), "occurred_at")],
            new TableSource("campaign_events", "e"))
        {
            Joins =
            [
                new JoinItem(JoinKind.Inner, new SubquerySource(engagedSends, "x"),
                    e("campaign_id").Eq(x("campaign_id")) & e("contact_id").Eq(x("contact_id"))),
            ],
            Where = engaging,
        });
        var engagedRows = new SqlSelect(
        [
            new(g("campaign_id"), "engaged_campaign"), new(g("contact_customer_id"), "engaged_customer"),
            new(new LocalDate(g("occurred_at")), "engaged_day"), new(g("occurred_at"), "engaged_at"),
        ], new SubquerySource(engaged, "g"))
        {
            Joins = [new JoinItem(JoinKind.Inner, new TableSource("campaigns", "c"), c("campaign_id").Eq(g("campaign_id")))],
            Where = customerCampaigns,
        };

        // The same from the engagements kept per quarter of an hour: a quarter of an hour lies on one
        // local day in a zone that keeps to them, so its first instant tells the day, and its first
        // and last instants are the least and greatest of its engagements.
        var engagedSlots = new SqlSelect(
        [
            new(g("campaign_id"), "engaged_campaign"), new(g("customer_id"), "engaged_customer"),
            new(new LocalDate(g("first_engaged_at")), "engaged_day"), new(g("first_engaged_at"), "engaged_at"), new(g("last_engaged_at"), "engaged_until"),
        ], new TableSource(SendEngagements.Name, "g"))
        {
            Joins = [new JoinItem(JoinKind.Inner, new TableSource("campaigns", "c"), c("campaign_id").Eq(g("campaign_id")))],
            Where = customerCampaigns,
        };

        // Only an engagement followed by a booking within the window can take credit: the others (two
        // in three at M) are not read. Which are is told by the rates' blocks of days (WithExpansion).
        // A booking's window is whole days, so a rule only ever compares the earliest and the latest
        // instant of a campaign's engagements by a customer on one day: one row per campaign, customer
        // and day carries both (a third fewer rows at M).
        var v = (string n) => Col("v", n);
        string[] byDay = ["engaged_campaign", "engaged_customer", "engaged_day"];
        var until = engagedRollup ? "engaged_until" : "engaged_at";
        string[] carried = engagedRollup ? [.. byDay, "engaged_at", until] : [.. byDay, "engaged_at"];
        var engagedSource = engagedRollup ? engagedSlots : engagedRows;
        var engagements = new SqlSelect(
        [
            .. byDay.Select(n => new SelectItem(v(n), n)),
            new(Min(v("engaged_at")), "engaged_first"), new(Max(v(until)), "engaged_last"),
        ], new SubquerySource(expansionRead ? WithExpansion(engagedSource, carried, "engaged_customer", "engaged_day", window) : engagedSource, "v"))
        {
            Where = expansionRead ? v("expanded").Eq(Lit(1L)) : null,
            GroupBy = [.. byDay.Select(v)],
        };

        var s = (string n) => Col("s", n);
        // Ordered, so that sums of credits add up in the same order on every engine.
        var bookings = new SqlSelect([new(s("customer_id"), "customer_id"), new(s("booked_on"), "booked_on"), new(s("amount_rc"), "amount_rc")],
            Sources.Revenue.Rows)
        {
            Where = Expansion(s),
            OrderBy = [s("customer_id"), s("booked_on"), s("revenue_id")],
        };

        // The local day of the last send is taken after the maximum (a later instant is never an
        // earlier day), so that one instant per campaign is converted instead of every send's. Where
        // the per-send table's counts answer the time zone, their groups' sizes are summed instead
        // of the rows counted, and the last quarter of an hour holds the last send's local day.
        var n = (string name) => Col("n", name);
        var rows = counted
            ? new SqlSelect([.. SendCounts.Schema.Columns.Select(col => new SelectItem(n(col.Name), col.Name))], new TableSource(SendCounts.Name, "n"))
            {
                Where = n("sent_slot").IsNotNull(),
            }
            : Sources.SendRows;
        Func<SqlExpr, SqlExpr> sends = condition => counted
            ? new Coalesce(new Aggregate(AggregateKind.Sum, When(condition, x(SendCounts.Sends))), Lit(0L))
            : new Aggregate(AggregateKind.Count, When(condition, Lit(1L)));
        var delivered = x("bounced").Eq(Lit(0L));
        var activity = new SqlSelect(
        [
            new(c("campaign_id"), "activity_campaign"), new(c("name"), "campaign_name"), new(c("program"), "campaign_program"),
            new(counted ? sends(x("campaign_id").IsNotNull()) : new Aggregate(AggregateKind.Count, x("contact_id")), "activity_sends"),
            new(sends(delivered), "activity_delivered"),
            new(sends(delivered & (x("human_open").Eq(Lit(1L)) | x("clicked").Eq(Lit(1L)))), "activity_opened"),
            new(sends(delivered & x("clicked").Eq(Lit(1L))), "activity_clicked"),
            new(new LocalDate(Max(x(counted ? "sent_slot" : "sent_at"))), "last_send_day"),
        ], new TableSource("campaigns", "c"))
        {
            Joins = [new JoinItem(JoinKind.Left, new SubquerySource(rows, "x"), x("campaign_id").Eq(c("campaign_id")))],
            Where = c("audience").Eq("customers"),
            GroupBy = [c("campaign_id"), c("name"), c("program")],
        };
        return new Statements(renderer.Render(engagements), renderer.Render(bookings), renderer.Render(activity));
    }

    /// <summary>
    /// Per campaign aimed at customers (or, given the campaigns of programmes, per programme): its
    /// customers, engaged or merely delivered, and how many of each booked upsell or cross-sell
    /// revenue within the window's days after their first engagement or first send (local days, the
    /// first day counting). A customer's first engagement and first send are the earliest of its
    /// delivered contacts' send rows; where the per-send table is spread over shards by contact, each
    /// shard first groups its rows per campaign and customer, and the next grouping merges their
    /// partial minimums.
    /// </summary>
    /// <param name="rollup">Whether the pairs are read from the per-send table's customers
    /// (<see cref="SendCustomers"/>) or grouped from its rows; by default where the dialect keeps them.</param>
    /// <param name="campaigns">Per campaign, the campaigns whose rates are read; all when null.</param>
    /// <param name="expansionRead">Whether the counts are read, the revenue with them; without, each
    /// key's customers (key, customer, engaged 1 or 0, the day the window starts), for a caller that
    /// holds the bookings already and counts them (<see cref="Reread"/>).</param>
    internal static string RatesSql(Workspace workspace, string timeZone, int window, IReadOnlyCollection<string>? programmeCampaigns, bool? rollup = null,
        IReadOnlyCollection<string>? campaigns = null, bool expansionRead = true) =>
        RatesSql(workspace.Dialect, workspace.Settings.Currency, timeZone, window, programmeCampaigns, rollup, campaigns, expansionRead);

    /// <summary><see cref="RatesSql(Workspace, string, int, IReadOnlyCollection{string}?, bool?, IReadOnlyCollection{string}?, bool)"/> as
    /// <paramref name="dialect"/> renders it for a reporting currency.</summary>
    internal static string RatesSql(SqlDialect dialect, string currency, string timeZone, int window, IReadOnlyCollection<string>? programmeCampaigns, bool? rollup = null,
        IReadOnlyCollection<string>? campaigns = null, bool expansionRead = true)
    {
        var x = (string n) => Col("x", n);
        var c = (string n) => Col("c", n);
        var p = (string n) => Col("p", n);
        var r = (string n) => Col("r", n);
        var k = (string n) => Col("k", n);
        var onShards = dialect.GroupsOnShards;
        var scope = programmeCampaigns ?? campaigns;
        var only = scope is null ? null : x("campaign_id").In([.. scope.Order(StringComparer.Ordinal)]);
        // Each campaign's customers with their first send and first engagement: the per-send table's
        // customers where the dialect keeps them (one row per pair already), else its delivered rows,
        // which on shards each shard first groups per pair.
        var fromRollup = rollup ?? dialect.KeepsRollups;
        var pairs = fromRollup
            ? new SqlSelect(
            [
                new(x("campaign_id"), "campaign_id"), new(x("customer_id"), "contact_customer_id"),
                new(x("first_engaged_at"), "pair_engaged_at"), new(x("first_sent_at"), "pair_sent_at"),
            ], new TableSource(SendCustomers.Name, "x"))
            {
                Where = only,
            }
            : dialect.Colocated(new SqlSelect(
            [
                new(x("campaign_id"), "campaign_id"), new(x("contact_customer_id"), "contact_customer_id"),
                new(onShards ? Min(x("first_engaged_at")) : x("first_engaged_at"), "pair_engaged_at"), new(onShards ? Min(x("sent_at")) : x("sent_at"), "pair_sent_at"),
            ], new TableSource(SendTable.Name, "x"))
            {
                Where = only is null ? SendCustomers.Delivered : SendCustomers.Delivered & only,
                GroupBy = onShards ? [x("campaign_id"), x("contact_customer_id")] : [],
            });
        // Per campaign a pair of the rollup is one customer already: its instants are taken as they
        // are. Per programme (or from the rows) the customer's earliest over its campaigns (or rows).
        var key = programmeCampaigns is null ? p("campaign_id") : c("program");
        var single = fromRollup && programmeCampaigns is null;
        SqlExpr Earliest(string column) => single ? p(column) : Min(p(column));
        var customers = new SqlSelect(
        [
            new(key, "rate_key"), new(p("contact_customer_id"), "rate_customer"),
            new(new LocalDate(Earliest("pair_engaged_at")), "engaged_day"), new(new LocalDate(Earliest("pair_sent_at")), "sent_day"),
        ], new SubquerySource(pairs, "p"))
        {
            Joins = [new JoinItem(JoinKind.Inner, new TableSource("campaigns", "c"), c("campaign_id").Eq(p("campaign_id")))],
            Where = programmeCampaigns is null ? c("audience").Eq("customers") : c("audience").Eq("customers") & c("program").IsNotNull(),
            GroupBy = single ? [] : [key, p("contact_customer_id")],
        };

        var from = new Coalesce(r("engaged_day"), r("sent_day"));
        string[] columns = ["rate_key", "rate_customer", "engaged", "from_day"];
        var starts = new SqlSelect(
        [
            new(r("rate_key"), columns[0]), new(r("rate_customer"), columns[1]), new(Flag(r("engaged_day").IsNotNull()), columns[2]), new(from, columns[3]),
        ], new SubquerySource(customers, "r"));
        if (!expansionRead)
        {
            return Renderer(dialect, currency, timeZone).Render(starts);
        }

        var expanded = WithExpansion(starts, columns, "rate_customer", "from_day", window);

        var count = (SqlExpr condition) => new Aggregate(AggregateKind.Count, When(condition, Lit(1L)));
        return Renderer(dialect, currency, timeZone).Render(new SqlSelect(
        [
            new(k("rate_key"), "rates_key"),
            new(count(k("engaged").Eq(Lit(1L))), "rates_engaged"),
            new(count(k("engaged").Eq(Lit(1L)) & k("expanded").Eq(Lit(1L))), "rates_engaged_expanded"),
            new(count(k("engaged").Eq(Lit(0L))), "rates_baseline"),
            new(count(k("engaged").Eq(Lit(0L)) & k("expanded").Eq(Lit(1L))), "rates_baseline_expanded"),
        ], new SubquerySource(expanded, "k"))
        {
            GroupBy = [k("rate_key")],
        });
    }

    private static SqlExpr Expansion(Func<string, SqlExpr> revenue) => revenue("kind").In("upsell", "cross_sell");

    /// <summary>
    /// The rows of <paramref name="rows"/> (its <paramref name="columns"/>, among them a customer and
    /// a day) with "expanded": 1 when the customer booked upsell or cross-sell revenue within the
    /// window's days from that day (local days, the day itself counting), else 0. Days fall in blocks
    /// of window + 1 days, so such a booking lies in the day's own block (its last booking there is on
    /// or after the day) or in the next block (its first booking there is within the window): two
    /// joins on customer and block, each meeting at most one row, where joining every booking would
    /// need a regrouping.
    /// </summary>
    private static SqlSelect WithExpansion(SqlSelect rows, IReadOnlyList<string> columns, string customer, string day, int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        var r = (string n) => Col("r", n);
        var f = (string n) => Col("f", n);
        var w = (string n) => Col("w", n);
        var b = (string n) => Col("b", n);
        var size = window + 1;
        var starts = new SqlSelect([.. columns.Select(n => new SelectItem(r(n), n)), new(new DayBlock(r(day), size), "from_block")], new SubquerySource(rows, "r"));
        var withLast = new SqlSelect([.. columns.Select(n => new SelectItem(f(n), n)), new(f("from_block"), "from_block"), new(b("booking_day"), "last_in_block")],
            new SubquerySource(starts, "f"))
        {
            Joins = [new JoinItem(JoinKind.Left, new SubquerySource(BookingDays(size, 0, AggregateKind.Max), "b"),
                b("customer_id").Eq(f(customer)) & b("booking_block").Eq(f("from_block")))],
        };
        return new SqlSelect(
        [
            .. columns.Select(n => new SelectItem(w(n), n)),
            new(Flag((w("last_in_block").IsNotNull() & (w("last_in_block") >= w(day)))
                     | (b("booking_day").IsNotNull() & (new DaysBetween(w(day), b("booking_day")) <= Lit((long)window)))), "expanded"),
        ], new SubquerySource(withLast, "w"))
        {
            Joins = [new JoinItem(JoinKind.Left, new SubquerySource(BookingDays(size, 1, AggregateKind.Min), "b"),
                b("customer_id").Eq(w(customer)) & b("booking_block").Eq(w("from_block")))],
        };
    }

    /// <summary>Per customer and block of <paramref name="size"/> days, the latest (Max) or earliest
    /// (Min) day it booked upsell or cross-sell revenue, under the number of the block
    /// <paramref name="ahead"/> blocks before: with 1, each block's first booking meets the block
    /// before it.</summary>
    private static SqlSelect BookingDays(int size, int ahead, AggregateKind pick)
    {
        var s = (string n) => Col("s", n);
        var block = new DayBlock(s("booked_on"), size);
        return new SqlSelect(
        [
            new(s("customer_id"), "customer_id"), new(ahead == 0 ? block : block - Lit((long)ahead), "booking_block"), new(new Aggregate(pick, s("booked_on")), "booking_day"),
        ], Sources.Revenue.Rows)
        {
            Where = Expansion(s),
            GroupBy = [s("customer_id"), block],
        };
    }

    private static SqlRenderer Renderer(SqlDialect dialect, string currency, string timeZone) =>
        new(dialect, new RenderContext(timeZone, new Dictionary<string, object?> { ["currency"] = currency, ["program"] = null }));

    internal static void ReadRates(Workspace workspace, string sql, Dictionary<string, Rates> rates) =>
        Read(workspace, sql, r => rates[r.GetString(0)] = new Rates(Count(r.GetValue(1)), Count(r.GetValue(2)), Count(r.GetValue(3)), Count(r.GetValue(4))));

    private static long Count(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    /// <summary>Each key's rates counted from its customers (<see cref="RatesSql(Workspace, string, int, IReadOnlyCollection{string}?, bool?, IReadOnlyCollection{string}?, bool)"/>
    /// without the expansion read), expanded as the bookings kept tell.</summary>
    internal static void CountRates(Workspace workspace, string sql, int window, ExpansionDays days, Dictionary<string, Rates> rates)
    {
        var counts = new Dictionary<string, long[]>(StringComparer.Ordinal);
        Read(workspace, sql, r =>
        {
            var key = r.GetString(0);
            if (!counts.TryGetValue(key, out var c))
            {
                counts[key] = c = new long[4];
            }

            var engaged = Count(r.GetValue(2)) == 1;
            var expanded = days.Within(r.GetString(1), Day(r.GetValue(3)), window);
            c[engaged ? 0 : 2]++;
            c[engaged ? 1 : 3] += expanded ? 1 : 0;
        });
        foreach (var (key, c) in counts)
        {
            rates[key] = new Rates(c[0], c[1], c[2], c[3]);
        }
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

    /// <summary>A day as read from the warehouse (a date, or a timestamp's date), as its day number.</summary>
    internal static int Day(object value) => value switch
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
