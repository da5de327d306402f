using Ciclo.Influence;
using Ciclo.Tests.Support;
using Ciclo.Warehouse;

namespace Ciclo.Tests.Influence;

/// <summary>The expansion told in memory from the bookings kept (<see cref="ExpansionDays"/>, what a
/// re-read uses) is the expansion told in SQL (what a whole read uses), engagement by engagement.</summary>
public sealed class ExpansionDaysTests
{
    public static TheoryData<string> Engines => new() { "duckdb", "postgres" };

    private static readonly string[] Zones = ["UTC", "Asia/Tokyo", "America/Los_Angeles"];

    private static readonly int[] Windows = [0, 1, 2, 3, 7, 14, 30, 45, 90];

    [Fact]
    public void A_booking_counts_from_the_day_itself_to_the_windows_last_day()
    {
        // In any order: a customer's bookings apart, and out of order.
        var days = new ExpansionDays([("A", 120), ("B", 50), ("A", 100)]);
        Assert.True(days.Within("A", 100, 0));   // the day itself
        Assert.False(days.Within("A", 101, 0));
        Assert.True(days.Within("A", 90, 10));   // the window's last day
        Assert.False(days.Within("A", 89, 10));  // one day past it
        Assert.True(days.Within("A", 101, 19));  // the next booking
        Assert.False(days.Within("A", 121, 365)); // only bookings before the day
        Assert.False(days.Within("C", 100, 30)); // no booking at all
        Assert.True(days.Within("B", 50, 0));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Engagements_kept_in_memory_are_those_SQL_keeps_for_every_window_and_zone(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        var boundary = 0;
        foreach (var zone in Zones)
        {
            // The bookings as a re-read holds them: those the whole read kept.
            var bookings = InfluenceData.Load(ws.Workspace, zone, ws.Workspace.Settings.AttributionWindowDays).Bookings;
            var days = new ExpansionDays(bookings.Select(b => (b.Customer, b.Day)));
            foreach (var window in Windows)
            {
                var inSql = Engagements(ws, zone, window, expansionRead: true);
                var all = Engagements(ws, zone, window, expansionRead: false);
                var inMemory = all.Where(e => days.Within(e.Customer, e.Day, window)).ToList();
                Assert.Equal(inSql, inMemory);
                Assert.NotEqual(all.Count, inMemory.Count);
                // Engagements whose first booking on or after their day falls on the window's last day.
                boundary += all.Count(e => bookings.Where(b => b.Customer == e.Customer && b.Day >= e.Day).Select(b => b.Day).DefaultIfEmpty(int.MaxValue).Min() == e.Day + window);
            }
        }

        Assert.True(boundary > 0, "no engagement met a booking on the window's last day");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Rates_counted_in_memory_are_those_SQL_counts_per_campaign_and_programme(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        var programmeCampaigns = QueryRows.Read(ws.Workspace.Connection, "SELECT campaign_id FROM campaigns WHERE program IS NOT NULL").Rows.Select(r => (string)r[0]!).ToList();
        Assert.NotEmpty(programmeCampaigns);
        var expanded = 0L;
        foreach (var zone in Zones)
        {
            var bookings = InfluenceData.Load(ws.Workspace, zone, ws.Workspace.Settings.AttributionWindowDays).Bookings;
            var days = new ExpansionDays(bookings.Select(b => (b.Customer, b.Day)));
            foreach (var window in Windows)
            {
                foreach (var programmes in new[] { null, programmeCampaigns })
                {
                    var inSql = new Dictionary<string, InfluenceData.Rates>();
                    InfluenceData.ReadRates(ws.Workspace, InfluenceData.RatesSql(ws.Workspace, zone, window, programmes), inSql);
                    var inMemory = new Dictionary<string, InfluenceData.Rates>();
                    InfluenceData.CountRates(ws.Workspace, InfluenceData.RatesSql(ws.Workspace, zone, window, programmes, expansionRead: false), window, days, inMemory);
                    Assert.Equal(inSql.OrderBy(r => r.Key, StringComparer.Ordinal), inMemory.OrderBy(r => r.Key, StringComparer.Ordinal));
                    expanded += inMemory.Values.Sum(r => r.EngagedExpanded + r.BaselineExpanded);
                }
            }
        }

        Assert.True(expanded > 0, "no customer expanded within any window");
    }

    private static List<(string Campaign, string Customer, int Day, string Text)> Engagements(TestWorkspace ws, string zone, int window, bool expansionRead) =>
        [.. QueryRows.Read(ws.Workspace.Connection, InfluenceData.Render(ws.Workspace, zone, window: window, expansionRead: expansionRead).Engagements).Rows
            .Select(r => ((string)r[0]!, (string)r[1]!, InfluenceData.Day(r[2]!), ValueText.Utc(r[3]) + " " + ValueText.Utc(r[4])))
            .Order()];
}
