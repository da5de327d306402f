using System.Globalization;
using Ciclo.Catalog;
using Ciclo.Influence;
using Ciclo.Reports;
using Ciclo.Tests.Support;
using Ciclo.Warehouse;

namespace Ciclo.Tests.Engines;

/// <summary>The per-send table's customers (one row per campaign and delivered customer, with the
/// first send and the first engagement of its contacts): imports keep them what the rows give,
/// influence's rates give from them exactly what they give from the rows, a table changed behind
/// Ciclo is found and rebuilt, schema step 9 builds them, and an engine that keeps no rollups has none.</summary>
public sealed class SendCustomersTests
{
    public static TheoryData<string> Engines => new() { "duckdb", "postgres" };

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_customers_row_holds_its_delivered_contacts_first_send_and_first_engagement(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        Assert.Equal("0", Row(ws, $"SELECT count(*) FROM {SendCustomers.Name} WHERE campaign_id = 'K1' AND customer_id = 'C2'")[0]);
        // Three contacts of C2 sent K1: the earliest send bounced, so the first delivered send is the
        // second contact's, which clicked the next day; a fourth contact never sent it opened it.
        Assert.Equal(0, ws.ImportCsv("campaign_events", Fixtures.EventsHeader,
            "K1,p0@c2.example,C2,sent,2024-12-30T09:00:00+00:00,",
            "K1,p1@c2.example,C2,sent,2024-12-30T08:30:00+00:00,",
            "K1,p1@c2.example,C2,clicked,2024-12-31T10:00:00+00:00,",
            "K1,p2@c2.example,C2,sent,2024-12-30T07:00:00+00:00,",
            "K1,p2@c2.example,C2,bounced,2024-12-30T07:01:00+00:00,",
            "K1,p3@c2.example,C2,opened,2024-12-30T06:00:00+00:00,false").Rejected);
        Assert.Equal(["2024-12-30T08:30:00Z", "2024-12-31T10:00:00Z"], Firsts(ws, "K1", "C2"));
        Assert.True(SendTableCheck.Compare(ws.Workspace).Current);

        // A later import: the first contact opens the day it was sent, before the click.
        Assert.Equal(0, ws.ImportCsv("campaign_events", Fixtures.EventsHeader, "K1,p0@c2.example,C2,opened,2024-12-30T09:30:00+00:00,false").Rejected);
        Assert.Equal(["2024-12-30T08:30:00Z", "2024-12-30T09:30:00Z"], Firsts(ws, "K1", "C2"));
        Assert.True(SendTableCheck.Compare(ws.Workspace).Current);
        // Every delivered pair of the example is there, once.
        Assert.Equal(
            Row(ws, $"SELECT count(*) FROM (SELECT DISTINCT campaign_id, contact_customer_id FROM {SendTable.Name} WHERE sent_at IS NOT NULL AND bounced = 0 AND contact_customer_id IS NOT NULL) AS d")[0],
            Row(ws, $"SELECT count(*) FROM {SendCustomers.Name}")[0]);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Influences_rates_from_the_customers_are_the_rates_from_the_rows(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        Assert.Equal(0, ws.ImportCsv("campaign_events", Fixtures.EventsHeader,
            "K1,p0@c2.example,C2,sent,2024-03-22T09:00:00+00:00,",
            "K1,p1@c2.example,C2,sent,2024-03-22T08:30:00+00:00,",
            "K1,p1@c2.example,C2,clicked,2024-03-23T10:00:00+00:00,").Rejected);
        var programmeCampaigns = ws.Rows("SELECT campaign_id FROM campaigns WHERE program IS NOT NULL AND audience = 'customers' ORDER BY campaign_id")
            .Select(r => (string)r[0]!).ToList();
        Assert.NotEmpty(programmeCampaigns);
        foreach (var zone in new[] { "UTC", "Asia/Tokyo", "America/Los_Angeles" })
        {
            foreach (var window in new[] { 0, 30, 90 })
            {
                foreach (var scope in new[] { null, programmeCampaigns })
                {
                    var fromRollup = InfluenceData.RatesSql(ws.Workspace, zone, window, scope, rollup: true);
                    var fromRows = InfluenceData.RatesSql(ws.Workspace, zone, window, scope, rollup: false);
                    Assert.Contains(SendCustomers.Name, fromRollup, StringComparison.Ordinal);
                    Assert.DoesNotContain(SendCustomers.Name, fromRows, StringComparison.Ordinal);
                    var rates = Rows(ws, fromRollup + " ORDER BY 1");
                    Assert.Equal(Rows(ws, fromRows + " ORDER BY 1"), rates);
                    // Real numbers: customers engaged, and some of them expanded within 90 days.
                    Assert.Contains(rates, r => long.Parse(r.Split('|')[1], CultureInfo.InvariantCulture) > 0);
                    if (window == 90)
                    {
                        Assert.Contains(rates, r => long.Parse(r.Split('|')[2], CultureInfo.InvariantCulture) > 0);
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_table_changed_behind_Ciclo_is_found_and_schema_step_9_groups_the_rows_again(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        Assert.InRange(ws.Count(SendCustomers.Name), 10, ws.Count(SendTable.Name));
        RollupChecks.FoundRebuiltAndBuiltByItsStep(ws, SendCustomers.Name, $"UPDATE {SendCustomers.Name} SET first_engaged_at = NULL WHERE campaign_id = 'K1'", 9, countsCurrent: false);
    }

    [Fact]
    public void An_engine_that_keeps_no_rollups_has_no_customers_table_and_reads_the_rows()
    {
        using var clickHouse = Fixtures.ExampleWorkspace("clickhouse");
        Assert.False(RollupChecks.HasTable(clickHouse, SendCustomers.Name));
        Assert.DoesNotContain(SendCustomers.Name, InfluenceData.RatesSql(clickHouse.Workspace, "UTC", 90, null), StringComparison.Ordinal);
    }

    /// <summary>The row's first send and first engagement, as UTC instants.</summary>
    private static string[] Firsts(TestWorkspace ws, string campaign, string customer) =>
        [.. ws.Rows($"SELECT first_sent_at, first_engaged_at FROM {SendCustomers.Name} WHERE campaign_id = '{campaign}' AND customer_id = '{customer}'")
            .Single().Select(ValueText.Utc)];

    private static string[] Row(TestWorkspace ws, string sql) => Rows(ws, sql).Single().Split('|');

    /// <summary>Each row's values as invariant text joined by '|', in order.</summary>
    private static List<string> Rows(TestWorkspace ws, string sql) =>
        [.. ws.Rows(sql).Select(row => string.Join('|', row.Select(value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "\u2400")))];
}
