using System.Globalization;
using Ciclo.Influence;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Influence;

/// <summary>Who counts as expanded within the window, at its edges: a booking on the first day and on
/// the window's last day counts, the day after it and the day before the first day do not. The first
/// days sit at the start and at the end of a block of window + 1 days (counted from 0001-01-01, as
/// DuckDB and PostgreSQL count them), so that a booking in the same block and one in the next are
/// both met; on every engine. The same edges hold for the credit: only the engagements followed by a
/// booking within the window are read for it, and each of them takes its booking's revenue.</summary>
public sealed class ExpansionWindowTests
{
    private const int Window = 90;

    [Theory]
    [InlineData("duckdb")]
    [InlineData("postgres")]
    [InlineData("clickhouse")]
    public void Bookings_on_the_windows_edges_count_once_for_engaged_and_baseline_customers(string engine)
    {
        var blockStart = DateOnly.FromDayNumber(new DateOnly(2024, 3, 1).DayNumber / (Window + 1) * (Window + 1));
        var blockEnd = blockStart.AddDays(Window);
        string Day(DateOnly start, int offset) => start.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Customer, first day, engaged, booking offsets from the first day, expanded.
        var cases = new (string Customer, DateOnly First, bool Engaged, int[] Bookings, bool Expanded)[]
        {
            ("A", blockStart, true, [0], true),             // the first day itself
            ("B", blockStart, true, [Window], true),        // the window's last day, same block
            ("C", blockStart, true, [Window + 1], false),   // the day after, next block
            ("D", blockEnd, true, [Window], true),          // the window's last day, next block
            ("G", blockEnd, true, [Window + 1], false),     // the day after, next block
            ("H", blockEnd, true, [-1], false),             // the day before, same block
            ("I", blockEnd, true, [-1, 1], true),           // one before (same block), one after (next block)
            ("E", blockStart, false, [Window], true),       // delivered, never engaged: from the send
            ("J", blockEnd, false, [Window + 1], false),
        };

        // One campaign per customer, so that each customer's outcome is read on its own.
        using var ws = new TestWorkspace(engine: engine);
        ws.ImportCsv("customers", ["customer_id,acquired_on", .. cases.Select(c => $"{c.Customer},2023-01-01")]);
        ws.ImportCsv("campaigns", ["campaign_id,name,channel,audience,stage,started_on", .. cases.Select(c => $"K{c.Customer},Renewal,email,customers,expand,2023-06-01")]);
        ws.ImportCsv("campaign_events", ["campaign_id,contact_id,customer_id,event,occurred_at,machine_open",
            .. cases.SelectMany(c => c.Engaged
                ? new[] { $"K{c.Customer},{c.Customer}1,{c.Customer},sent,{Day(c.First, 0)}T08:00:00Z,", $"K{c.Customer},{c.Customer}1,{c.Customer},clicked,{Day(c.First, 0)}T09:00:00Z," }
                : [$"K{c.Customer},{c.Customer}1,{c.Customer},sent,{Day(c.First, 0)}T08:00:00Z,"])]);
        ws.ImportCsv("revenue", ["revenue_id,customer_id,booked_on,amount,kind",
            .. cases.SelectMany(c => c.Bookings.Select((offset, i) => $"R{c.Customer}{i},{c.Customer},{Day(c.First, offset)},100,upsell"))]);

        var data = InfluenceData.Load(ws.Workspace, "UTC", Window);
        var rates = data.CampaignRates;

        Assert.Equal(
            cases.Select(c => $"{c.Customer}: " + new InfluenceData.Rates(c.Engaged ? 1 : 0, c.Engaged && c.Expanded ? 1 : 0, c.Engaged ? 0 : 1, !c.Engaged && c.Expanded ? 1 : 0)),
            cases.Select(c => $"{c.Customer}: " + rates["K" + c.Customer]));

        Assert.Equal(cases.Where(c => c.Engaged && c.Expanded).Select(c => c.Customer).Order(StringComparer.Ordinal),
            data.Engagements.WithIds().Select(e => e.Customer).Order(StringComparer.Ordinal));
        var report = InfluenceCalculator.Run(ws.Workspace, AttributionModel.Last, Window, "UTC");
        Assert.Equal(
            cases.Select(c => $"{c.Customer}: {(c.Engaged && c.Expanded ? 100 : 0)}"),
            cases.Select(c => $"{c.Customer}: {report.Campaigns.Single(r => r.Key == "K" + c.Customer).InfluencedExpansionRevenue.ToString(CultureInfo.InvariantCulture)}"));
    }
}
