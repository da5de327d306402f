using Ciclo.Influence;
using Ciclo.Presenters;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Influence;

/// <summary>Influence kept between reports (<see cref="InfluenceKeeper"/>): after imports of events
/// made through the keeper's process, the reports from the data kept, with only the changed campaigns
/// read again, are exactly the reports read whole, under every model, zone and window; any other
/// change reads everything again. The events arrive in halves, the later half in two imports (four
/// campaigns, then the others), and last two campaigns' human opens are flagged as machines' (the
/// same keys): an import can take engagements away as well as add them.</summary>
public sealed class InfluenceKeeperTests
{
    public static TheoryData<string> Engines => new() { "duckdb", "postgres" };

    private static readonly (AttributionModel Model, int? Window, string? Zone)[] Reports =
        [(AttributionModel.Last, null, null), (AttributionModel.First, null, null), (AttributionModel.Linear, null, null), (AttributionModel.Last, 30, "Asia/Tokyo")];

    [Theory]
    [MemberData(nameof(Engines))]
    public void Kept_data_gives_the_reports_read_whole_after_each_change(string engine)
    {
        using var ws = new TestWorkspace(engine: engine);
        var lines = File.ReadAllLines(Fixtures.Example("campaign_events.csv"));
        var rows = lines.Skip(1).ToArray();
        var half = rows.Length / 2;
        // Later events in two imports: of four campaigns, then of the others.
        string[] firstFour = ["K0", "K1", "K2", "K3"];
        var later = rows[half..];
        // Then K0's and K2's human opens flagged again as machines' (the same keys): engagements that go.
        var reflagged = rows.Select(r => r.Split(',')).Where(f => f[0] is "K0" or "K2" && f[3] == "opened" && f[5] != "true")
            .Select(f => string.Join(',', f[..5]) + ",true");
        var parts = new[]
        {
            ws.File("events-1.csv", [lines[0], .. rows[..half]]),
            ws.File("events-2.csv", [lines[0], .. later.Where(r => firstFour.Contains(r.Split(',')[0]))]),
            ws.File("events-3.csv", [lines[0], .. later.Where(r => !firstFour.Contains(r.Split(',')[0]))]),
            ws.File("events-4.csv", [lines[0], .. reflagged]),
        };
        foreach (var entity in Fixtures.ExampleOrder)
        {
            ws.Import(entity, entity == "campaign_events" ? parts[0] : Fixtures.Example(entity + ".csv"));
        }

        var keeper = new InfluenceKeeper();
        AssertSame(ws, keeper);
        Assert.Equal((2L, 0L, 2L), (keeper.Loads, keeper.Rereads, keeper.Reuses)); // one load per zone and window
        AssertSame(ws, keeper);
        Assert.Equal((2L, 0L, 2L + Reports.Length), (keeper.Loads, keeper.Rereads, keeper.Reuses));

        foreach (var part in parts[1..])
        {
            var before = Whole(ws);
            var summary = ws.Import("campaign_events", part);
            Assert.NotEmpty(summary.RewrittenCampaigns);
            Assert.True(summary.ImportId > 0);
            keeper.Imported(summary);
            Assert.NotEqual(before, Whole(ws)); // the import changes numbers, so a stale campaign would show
            var (loads, rereads) = (keeper.Loads, keeper.Rereads);
            Assert.Equal(1, keeper.EventImportsKept);
            AssertSame(ws, keeper);
            Assert.Equal((loads, rereads + 2), (keeper.Loads, keeper.Rereads)); // each zone and window read in part
            Assert.Equal(0, keeper.EventImportsKept); // every kept zone and window has read past it
        }

        // An import the keeper is not told of, then one of another entity: everything is read again.
        ws.ImportCsv("campaign_events", lines[0], "K0,late@c26.example,C26,clicked,2024-03-02T10:00:00+00:00,");
        var loaded = keeper.Loads;
        AssertSame(ws, keeper);
        Assert.Equal(loaded + 2, keeper.Loads);
        keeper.Imported(ws.ImportCsv("revenue", "revenue_id,customer_id,booked_on,amount,currency,kind", "KEEP1,C26,2024-03-20,500.00,,upsell"));
        AssertSame(ws, keeper);
        Assert.Equal(loaded + 4, keeper.Loads);
    }

    [Fact]
    public void An_import_of_events_told_to_the_keeper_names_the_campaigns_it_rewrote()
    {
        using var ws = Fixtures.ExampleWorkspace();
        var summary = ws.ImportCsv("campaign_events", Fixtures.EventsHeader,
            "K2,new@c26.example,C26,sent,2024-03-02T10:00:00+00:00,", "K5,new@c26.example,C26,sent,2024-03-02T10:00:00+00:00,");
        Assert.Equal(["K2", "K5"], summary.RewrittenCampaigns.Order(StringComparer.Ordinal));
        Assert.Equal(Convert.ToInt64(ws.Workspace.Scalar("SELECT max(import_id) FROM imports")), summary.ImportId);
    }

    private static void AssertSame(TestWorkspace ws, InfluenceKeeper keeper)
    {
        foreach (var (model, window, zone) in Reports)
        {
            Assert.Equal(
                InfluencePresenter.Json(InfluenceCalculator.Run(ws.Workspace, model, window, zone)),
                InfluencePresenter.Json(InfluenceCalculator.Run(ws.Workspace, model, window, zone, keeper)));
        }
    }

    private static string Whole(TestWorkspace ws) =>
        string.Join("\n", Reports.Select(r => InfluencePresenter.Json(InfluenceCalculator.Run(ws.Workspace, r.Model, r.Window, r.Zone))));
}
