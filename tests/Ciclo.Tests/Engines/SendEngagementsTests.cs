using Ciclo.Catalog;
using Ciclo.Influence;
using Ciclo.Reports;
using Ciclo.Tests.Support;
using Ciclo.Warehouse;

namespace Ciclo.Tests.Engines;

/// <summary>The per-send table's engagements (one row per campaign, delivered customer and quarter
/// of an hour of UTC, with its first and last engaging instant): imports keep them what the events
/// and the per-send rows give, influence's engagements read from them are exactly those read from
/// the events, in zones of quarter and half hours and for any window, a zone that leaves quarters of
/// an hour over the engagements' days reads the events, a table changed behind Ciclo is found and
/// rebuilt, schema step 11 builds them, and an engine that keeps no rollups has none.</summary>
public sealed class SendEngagementsTests
{
    public static TheoryData<string> Engines => new() { "duckdb", "postgres" };

    private static readonly string[] Zones = ["UTC", "Asia/Tokyo", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham"];

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_row_holds_the_first_and_last_engagement_of_a_customers_delivered_contacts_in_its_quarter_of_an_hour(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        Assert.Empty(Slots(ws, "K1", "C2"));
        // Two delivered contacts of C2 and one whose send bounced. Engaging: clicks and opens not
        // flagged as a machine's; the bounced contact's click and the machine's open are not.
        Assert.Equal(0, ws.ImportCsv("campaign_events", Fixtures.EventsHeader,
            "K1,p1@c2.example,C2,sent,2024-12-30T08:30:00+00:00,",
            "K1,p1@c2.example,C2,opened,2024-12-30T09:02:00+00:00,false",
            "K1,p1@c2.example,C2,clicked,2024-12-30T09:10:00+00:00,",
            "K1,p1@c2.example,C2,opened,2024-12-30T09:20:00+00:00,true",
            "K1,p2@c2.example,C2,sent,2024-12-30T08:31:00+00:00,",
            "K1,p2@c2.example,C2,clicked,2024-12-30T09:14:59+00:00,",
            "K1,p2@c2.example,C2,clicked,2024-12-30T09:31:00+00:00,",
            "K1,p3@c2.example,C2,sent,2024-12-30T08:32:00+00:00,",
            "K1,p3@c2.example,C2,bounced,2024-12-30T08:33:00+00:00,",
            "K1,p3@c2.example,C2,clicked,2024-12-30T09:40:00+00:00,").Rejected);
        Assert.Equal(
        [
            "2024-12-30T09:00:00Z 2024-12-30T09:02:00Z 2024-12-30T09:14:59Z",
            "2024-12-30T09:30:00Z 2024-12-30T09:31:00Z 2024-12-30T09:31:00Z",
        ], Slots(ws, "K1", "C2"));
        Assert.True(SendTableCheck.Compare(ws.Workspace).Current);

        // A later import: p1 opens early in the 09:00 quarter of an hour, and p2 opens at 08:59, in the
        // quarter before it.
        Assert.Equal(0, ws.ImportCsv("campaign_events", Fixtures.EventsHeader,
            "K1,p1@c2.example,C2,opened,2024-12-30T09:00:30+00:00,false",
            "K1,p2@c2.example,C2,opened,2024-12-30T08:59:00+00:00,").Rejected);
        Assert.Equal(
        [
            "2024-12-30T08:45:00Z 2024-12-30T08:59:00Z 2024-12-30T08:59:00Z",
            "2024-12-30T09:00:00Z 2024-12-30T09:00:30Z 2024-12-30T09:14:59Z",
            "2024-12-30T09:30:00Z 2024-12-30T09:31:00Z 2024-12-30T09:31:00Z",
        ], Slots(ws, "K1", "C2"));
        Assert.True(SendTableCheck.Compare(ws.Workspace).Current);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Influences_engagements_from_the_quarters_of_an_hour_are_those_from_the_events(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        // Engagements near local midnight in the zones of quarter and half hours, each on another local
        // day than its UTC date, and two of one customer on one day in different quarters of an hour
        // (C14 books cross-sell revenue on 2024-04-30).
        Assert.Equal(0, ws.ImportCsv("campaign_events", Fixtures.EventsHeader,
            "K1,edge1@x.example,C14,sent,2024-02-29T20:00:00+00:00,",
            "K1,edge1@x.example,C14,clicked,2024-03-01T00:10:00+05:45,",
            "K1,edge1@x.example,C14,opened,2024-03-01T23:50:00+05:45,false",
            "K1,edge1@x.example,C14,clicked,2024-03-10T12:00:00+00:00,",
            "K1,edge1@x.example,C14,opened,2024-03-10T12:40:00+00:00,false",
            "K1,edge1@x.example,C14,clicked,2024-03-10T12:44:00+00:00,",
            "K1,edge2@x.example,C14,sent,2024-03-31T20:00:00+00:00,",
            "K1,edge2@x.example,C14,clicked,2024-04-01T00:10:00-02:30,",
            "K1,edge3@x.example,C14,sent,2024-06-30T10:00:00+00:00,",
            "K1,edge3@x.example,C14,clicked,2024-07-01T00:06:00+12:45,").Rejected);
        foreach (var zone in Zones)
        {
            Assert.True(SendEngagements.Usable(ws.Workspace, zone), zone);
            foreach (var window in new[] { 0, 30, 90 })
            {
                var fromSlots = InfluenceData.Render(ws.Workspace, zone, window: window, engagedRollup: true).Engagements;
                var fromEvents = InfluenceData.Render(ws.Workspace, zone, window: window, engagedRollup: false).Engagements;
                Assert.Contains(SendEngagements.Name, fromSlots, StringComparison.Ordinal);
                Assert.DoesNotContain(SendEngagements.Name, fromEvents, StringComparison.Ordinal);
                var rows = Rows(ws, fromSlots + " ORDER BY 1, 2, 3");
                Assert.Equal(Rows(ws, fromEvents + " ORDER BY 1, 2, 3"), rows);
                // Real engagements that can take credit (none in a window of the engagement's day alone),
                // some of them a day's first and last apart.
                if (window == 90)
                {
                    Assert.Contains(rows, r => r.Split('|')[3] != r.Split('|')[4]);
                }
                else if (window == 30)
                {
                    Assert.NotEmpty(rows);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_zone_that_leaves_quarters_of_an_hour_over_the_engagements_days_reads_the_events(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        Assert.True(SendEngagements.Usable(ws.Workspace, "Africa/Monrovia"));
        // Sent in 2024, engaged (as the export says) in 1971, when Liberia's time was 44 minutes 30
        // seconds behind UTC: the sends' counts still answer the zone, the engagements do not.
        Assert.Equal(0, ws.ImportCsv("campaign_events", Fixtures.EventsHeader,
            "K1,old@x.example,C1,sent,2024-03-01T10:00:00+00:00,",
            "K1,old@x.example,C1,clicked,1971-06-01T10:00:00+00:00,").Rejected);
        Assert.True(SendCounts.Usable(ws.Workspace, "Africa/Monrovia", null, null));
        Assert.False(SendEngagements.Usable(ws.Workspace, "Africa/Monrovia"));
        Assert.DoesNotContain(SendEngagements.Name, InfluenceData.Render(ws.Workspace, "Africa/Monrovia").Engagements, StringComparison.Ordinal);
        Assert.Contains(SendEngagements.Name, InfluenceData.Render(ws.Workspace, "UTC").Engagements, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_table_changed_behind_Ciclo_is_found_and_schema_step_11_groups_the_events_again(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        Assert.InRange(ws.Count(SendEngagements.Name), 10, 100_000);
        RollupChecks.FoundRebuiltAndBuiltByItsStep(ws, SendEngagements.Name, $"DELETE FROM {SendEngagements.Name} WHERE campaign_id = 'K1'", 11, countsCurrent: false);
    }

    [Fact]
    public void An_engine_that_keeps_no_rollups_has_no_engagements_table_and_reads_the_events()
    {
        using var clickHouse = Fixtures.ExampleWorkspace("clickhouse");
        Assert.False(RollupChecks.HasTable(clickHouse, SendEngagements.Name));
        Assert.False(SendEngagements.Usable(clickHouse.Workspace, "UTC"));
        Assert.DoesNotContain(SendEngagements.Name, InfluenceData.Render(clickHouse.Workspace, "UTC").Engagements, StringComparison.Ordinal);
    }

    /// <summary>The rows of a campaign and customer, each as its quarter of an hour, first and last
    /// instant in UTC, in order.</summary>
    private static List<string> Slots(TestWorkspace ws, string campaign, string customer) =>
        [.. ws.Rows($"SELECT {SendEngagements.Slot}, first_engaged_at, last_engaged_at FROM {SendEngagements.Name} " +
                $"WHERE campaign_id = '{campaign}' AND customer_id = '{customer}' ORDER BY 1")
            .Select(r => string.Join(' ', r.Select(ValueText.Utc)))];

    /// <summary>Each row's values as invariant text joined by '|', in order (instants in UTC).</summary>
    private static List<string> Rows(TestWorkspace ws, string sql) =>
        [.. ws.Rows(sql).Select(row => string.Join('|', row.Select(ValueText.Utc)))];
}
