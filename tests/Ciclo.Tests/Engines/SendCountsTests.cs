using System.Globalization;
using Ciclo.Catalog;
using Ciclo.Influence;
using Ciclo.Planner;
using Ciclo.Reports;
using Ciclo.Sql;
using Ciclo.Tests.Support;
using Ciclo.Time;
using Ciclo.Warehouse;

namespace Ciclo.Tests.Engines;

/// <summary>The per-send table's counts: the e-mail metrics, the campaign report and influence's
/// campaign activity give from them exactly what they give from the per-send rows, in zones whose
/// offsets are quarters and halves of an hour; imports keep them what the rows give; schema step 8
/// builds them; an engine that cannot replace their groups keeps none and reads the rows.</summary>
public sealed class SendCountsTests
{
    public static TheoryData<string> Engines => new() { "duckdb", "postgres" };

    private static readonly string[] Zones = ["UTC", "Asia/Tokyo", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham"];

    [Theory]
    [MemberData(nameof(Engines))]
    public void The_metrics_read_the_counts_and_give_what_the_rows_give(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        // Sends in the first minutes of a month in the zones of quarter and half hours, where a
        // coarser slot than a quarter of an hour would put them in the month before.
        Assert.Equal(0, ws.ImportCsv("campaign_events", Fixtures.EventsHeader,
            "K1,edge1@x.example,C1,sent,2024-03-01T00:10:00+05:45,",
            "K1,edge2@x.example,C1,sent,2024-04-01T00:10:00-02:30,",
            "K1,edge3@x.example,C1,sent,2024-07-01T00:05:00+12:45,",
            "K1,edge3@x.example,C1,clicked,2024-07-01T00:06:00+12:45,").Rejected);
        var sendMetrics = Metrics.All.Where(m => QueryPlanner.Plan(new MetricRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31)) { Metrics = [m.Id] })
            .Queries.Any(q => q.Source.Name == "sends")).Select(m => m.Id).ToList();
        Assert.True(sendMetrics.Count >= 8, string.Join(", ", sendMetrics));
        foreach (var zone in Zones)
        {
            foreach (var grain in new[] { Grain.Week, Grain.Month, Grain.Quarter })
            {
                var request = new MetricRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), grain, zone) { Metrics = sendMetrics };
                Assert.True(MetricEngine.Rollups(ws.Workspace, request));
                var counted = SendsRows(ws, request, rollups: true, out var countedSql);
                var rows = SendsRows(ws, request, rollups: false, out var rowsSql);
                Assert.Contains(SendCounts.Name, countedSql, StringComparison.Ordinal);
                Assert.DoesNotContain(SendCounts.Name, rowsSql, StringComparison.Ordinal);
                Assert.Equal(rows, counted);
                // Real numbers: every send of the example is counted in some period.
                Assert.Equal(Convert.ToInt64(ws.Workspace.Scalar($"SELECT count(*) FROM {SendTable.Name} AS x JOIN campaigns AS c ON c.campaign_id = x.campaign_id WHERE x.sent_at IS NOT NULL AND c.audience = 'customers'"), CultureInfo.InvariantCulture),
                    counted.Sum(r => long.Parse(r.Split('|')[Column(request, "customer_campaign_sends")], CultureInfo.InvariantCulture)));
            }

            // A segment asks for each send's customer: the counts do not hold it.
            var segmented = new MetricRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), Grain.Month, zone) { Metrics = sendMetrics, Segment = new SegmentFilter("segment", "Enterprise") };
            Assert.False(MetricEngine.Rollups(ws.Workspace, segmented));
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void The_campaign_report_and_influences_activity_give_what_the_rows_give(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        foreach (var zone in Zones)
        {
            foreach (var (from, to) in new (DateOnly?, DateOnly?)[] { (null, null), (new DateOnly(2024, 2, 3), new DateOnly(2024, 3, 31)), (new DateOnly(2024, 2, 4), null) })
            {
                Assert.True(SendCounts.Usable(ws.Workspace, zone, from, to));
                var counted = CampaignReport.Run(ws.Workspace, from, to, zone, null, counted: true);
                Assert.Equal(CampaignReport.Run(ws.Workspace, from, to, zone, null, counted: false), counted);
                Assert.Contains(counted, r => r.Sends > 0 && r.Clicked > 0);
            }

            var activity = Rows(ws, InfluenceData.Render(ws.Workspace, zone, counted: true).Activity + " ORDER BY 1");
            Assert.Equal(Rows(ws, InfluenceData.Render(ws.Workspace, zone, counted: false).Activity + " ORDER BY 1"), activity);
            Assert.Contains(activity, r => !r.EndsWith('\u2400'));
        }

        Assert.Contains(CampaignReport.Run(ws.Workspace, null, null, "UTC"), r => r.Inconsistencies > 0);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Imports_keep_the_counts_what_the_rows_give(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        // A delivered send without a click, and the group it sits in.
        var send = Row(ws, $"SELECT campaign_id, contact_id FROM {SendTable.Name} WHERE sent_at IS NOT NULL AND bounced = 0 AND clicked = 0 ORDER BY campaign_id, contact_id LIMIT 1");
        string Clicks(int clicked) =>
            Row(ws, $"SELECT COALESCE(SUM(n.sends), 0) FROM {SendCounts.Name} AS n WHERE n.campaign_id = '{send[0]}' AND n.clicked = {clicked} AND n.sent_slot IS NOT NULL")[0];
        var (clickedBefore, unclickedBefore) = (long.Parse(Clicks(1), CultureInfo.InvariantCulture), long.Parse(Clicks(0), CultureInfo.InvariantCulture));

        var summary = ws.ImportCsv("campaign_events", Fixtures.EventsHeader,
            $"{send[0]},{send[1]},,clicked,2024-12-30T10:00:00+00:00,",
            "K1,counted.contact@x.example,C1,sent,2024-12-30T09:07:00+00:00,");
        Assert.Equal(0, summary.Rejected);

        Assert.True(SendTableCheck.Compare(ws.Workspace).Current);
        Assert.Equal(clickedBefore + 1, long.Parse(Clicks(1), CultureInfo.InvariantCulture));
        Assert.Equal(unclickedBefore - 1, long.Parse(Clicks(0), CultureInfo.InvariantCulture));
        // The new send, in the quarter of an hour that holds it.
        Assert.Equal("1", Row(ws, $"SELECT SUM(sends) FROM {SendCounts.Name} WHERE campaign_id = 'K1' AND sent_slot = TIMESTAMPTZ '2024-12-30 09:00:00+00'")[0]);
        Assert.Equal(
            Row(ws, $"SELECT count(*) FROM {SendTable.Name}")[0],
            Row(ws, $"SELECT SUM(sends) FROM {SendCounts.Name}")[0]);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_table_changed_behind_Ciclo_is_found_and_schema_step_8_counts_the_rows_again(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        Assert.InRange(ws.Count(SendCounts.Name), 10, ws.Count(SendTable.Name));
        RollupChecks.FoundRebuiltAndBuiltByItsStep(ws, SendCounts.Name, $"UPDATE {SendCounts.Name} SET sends = sends + 1 WHERE campaign_id = 'K1'", 8);
    }

    [Fact]
    public void Counts_are_read_only_where_the_engine_keeps_them_and_the_zone_keeps_to_quarters()
    {
        using (var ws = Fixtures.ExampleWorkspace())
        {
            Assert.True(SendCounts.Usable(ws.Workspace, "UTC", null, null));
            // The example's sends are of 2024; a report on 1971 in Liberia's time reads the rows.
            Assert.False(SendCounts.Usable(ws.Workspace, "Africa/Monrovia", new DateOnly(1971, 1, 1), new DateOnly(1971, 12, 31)));
            Assert.False(MetricEngine.Rollups(ws.Workspace, new MetricRequest(new DateOnly(1971, 1, 1), new DateOnly(1971, 12, 31), Grain.Month, "Africa/Monrovia")));
            Assert.True(SendCounts.Usable(ws.Workspace, "Africa/Monrovia", null, null));
        }

        using var clickHouse = Fixtures.ExampleWorkspace("clickhouse");
        Assert.False(SendCounts.Usable(clickHouse.Workspace, "UTC", null, null));
        Assert.False(RollupChecks.HasTable(clickHouse, SendCounts.Name));
    }

    /// <summary>The sends statement's rows (period, then each measure), as text, from the counts or the rows.</summary>
    private static List<string> SendsRows(TestWorkspace ws, MetricRequest request, bool rollups, out string sql)
    {
        var d = ws.Workspace.Dialect;
        var plan = QueryPlanner.Plan(request, d.SupportsRangeJoins, d.SharesRepeatedExpressions, rollups);
        var renderer = new SqlRenderer(d, MetricEngine.Context(ws.Workspace, request) with { Periods = plan.Periods });
        sql = renderer.Render(plan.Queries.Single(q => q.Source.Name == "sends").Select);
        return Rows(ws, sql);
    }

    private static int Column(MetricRequest request, string measure)
    {
        var plan = QueryPlanner.Plan(request);
        return 1 + plan.Queries.Single(q => q.Source.Name == "sends").Measures.Select(m => m.Id).ToList().IndexOf(measure);
    }

    private static string[] Row(TestWorkspace ws, string sql) => Rows(ws, sql).Single().Split('|');

    /// <summary>Each row's values as invariant text joined by '|' (numbers as integers where whole), in order.</summary>
    private static List<string> Rows(TestWorkspace ws, string sql) =>
        [.. ws.Rows(sql).Select(row => string.Join('|', row.Select(value => value switch
        {
            null => "\u2400",
            string s => s,
            DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            var v => MetricEngine.ToDouble(v).ToString(CultureInfo.InvariantCulture),
        })))];
}
