using System.Text.Json;
using Ciclo.Influence;
using Ciclo.Planner;
using Ciclo.Tests.Support;
using Ciclo.Time;

namespace Ciclo.Tests.Engines;

/// <summary>The same assertions on every engine: the worked example imported into a fresh
/// workspace of each engine gives every metric and every influence number the independent
/// computation gives, and the engines agree with each other to the last digit.</summary>
public sealed class EquivalenceTests
{
    public static TheoryData<string> Engines => new() { "duckdb", "postgres", "clickhouse", "clickhouse-cluster" };

    [Theory]
    [MemberData(nameof(Engines))]
    public void Every_metric_matches_the_independent_computation_on_each_engine(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        foreach (var (file, from, to, grain, tz) in new[]
        {
            ("expected_month_utc.json", "2024-01-01", "2024-05-31", "month", "UTC"),
            ("expected_week_tokyo.json", "2024-01-01", "2024-03-31", "week", "Asia/Tokyo"),
        })
        {
            var expected = JsonDocument.Parse(File.ReadAllText(Fixtures.Example(file))).RootElement;
            var report = MetricEngine.Run(ws.Workspace, new MetricRequest(DateOnly.Parse(from), DateOnly.Parse(to), GrainNames.Parse(grain), tz));
            var failures = new List<string>();
            foreach (var period in expected.EnumerateObject())
            {
                var actual = report.Periods.Single(p => p.Period.Label == period.Name);
                foreach (var metric in period.Value.EnumerateObject())
                {
                    double? want = metric.Value.ValueKind == JsonValueKind.Null ? null : metric.Value.GetDouble();
                    try
                    {
                        Assertions.Close(want, actual.Metrics[metric.Name].Value, $"{engine} {file} {period.Name} {metric.Name}");
                    }
                    catch (Xunit.Sdk.XunitException e)
                    {
                        failures.Add(e.Message);
                    }
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Influence_matches_under_every_model_on_each_engine(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        foreach (var (name, model) in new[] { ("last", AttributionModel.Last), ("first", AttributionModel.First), ("linear", AttributionModel.Linear) })
        {
            var expected = JsonDocument.Parse(File.ReadAllText(Fixtures.Example($"expected_influence_{name}.json"))).RootElement;
            var report = InfluenceCalculator.Run(ws.Workspace, model, 90);
            foreach (var campaign in expected.EnumerateObject())
            {
                var row = report.Campaigns.Single(c => c.Key == campaign.Name);
                Assertions.Close(campaign.Value.GetProperty("influenced_expansion_revenue").GetDouble(), row.InfluencedExpansionRevenue, $"{engine} {name} {campaign.Name}");
                Assertions.Close(campaign.Value.GetProperty("expansion_uplift").GetDouble(), row.ExpansionUplift, $"{engine} {name} {campaign.Name} uplift");
                Assert.Equal(campaign.Value.GetProperty("engaged_customers").GetInt64(), row.EngagedCustomers);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Importing_the_same_file_twice_changes_nothing_and_rejections_match_on_each_engine(string engine)
    {
        using var ws = new TestWorkspace(engine: engine);
        ws.Import("customers", Fixtures.Example("customers.csv"));
        ws.Import("fx_rates", Fixtures.Example("fx_rates.csv"));
        var first = ws.Import("revenue", Fixtures.Example("revenue.csv"));
        var second = ws.Import("revenue", Fixtures.Example("revenue.csv"));

        Assert.Equal((102L, 0L, 4L), (first.Inserted, first.Unchanged, first.Rejected));
        Assert.Equal((0L, 0L, 102L, 4L), (second.Inserted, second.Updated, second.Unchanged, second.Rejected));
        Assert.Equal(102, ws.Count("revenue"));
        Assert.Equal(["amount", "amount", "customer_id", "kind"],
            Ciclo.Import.Importer.Quarantine(ws.Workspace, "revenue").Select(r => r.Column).Order().ToArray());
        var changed = ws.ImportCsv("revenue", "revenue_id,customer_id,booked_on,amount,currency,kind", "R1,C26,2024-06-01,9.99,,cross_sell", "RNEW,C26,2024-06-02,1,,upsell");
        Assert.Equal((1L, 1L), (changed.Inserted, changed.Updated));
        Assert.Equal(103, ws.Count("revenue"));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("clickhouse")]
    [InlineData("clickhouse-cluster")]
    public void Each_engine_gives_DuckDBs_json_to_the_last_digit(string engine)
    {
        using var duck = Fixtures.ExampleWorkspace("duckdb");
        using var other = Fixtures.ExampleWorkspace(engine);
        var request = new MetricRequest(new DateOnly(2023, 10, 1), new DateOnly(2024, 7, 31), Grain.Week, "America/New_York");
        var a = Ciclo.Presenters.MetricJsonPresenter.Render(MetricEngine.Run(duck.Workspace, request));
        var b = Ciclo.Presenters.MetricJsonPresenter.Render(MetricEngine.Run(other.Workspace, request));
        Assert.Equal(a, b);
        var campaignsA = Ciclo.Presenters.CampaignPresenter.Json(Ciclo.Reports.CampaignReport.Run(duck.Workspace, null, null, "Asia/Tokyo"));
        var campaignsB = Ciclo.Presenters.CampaignPresenter.Json(Ciclo.Reports.CampaignReport.Run(other.Workspace, null, null, "Asia/Tokyo"));
        Assert.Equal(campaignsA, campaignsB);
        // Bounded: contacts never sent a campaign reach the send-day bounds with a null day.
        var (from, to) = (new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31));
        Assert.Equal(Ciclo.Presenters.CampaignPresenter.Json(Ciclo.Reports.CampaignReport.Run(duck.Workspace, from, to, "Asia/Tokyo")),
            Ciclo.Presenters.CampaignPresenter.Json(Ciclo.Reports.CampaignReport.Run(other.Workspace, from, to, "Asia/Tokyo")));
        foreach (var ws in new[] { duck, other })
        {
            ws.ImportCsv("surveys", "response_id,customer_id,answered_on,score,comment,language",
                "V1,C1,2024-02-10,3,\"Support took four weeks to answer, and the invoices are always wrong.\",en",
                "V2,C2,2024-02-11,10,\"Ottimo prodotto, l'integrazione con Salesforce funziona benissimo.\",it",
                "V3,C3,2024-03-02,9,\"الدعم ممتاز والتقارير واضحة جدا\",ar",
                "V4,C4,2024-03-05,6,\"Il prezzo è troppo alto per quello che offre\",",
                "V5,C5,2024-03-06,8,\"Easy to use, onboarding was quick.\",");
        }

        var themes = new Ciclo.Verbatims.ThemeRequest(new DateOnly(2023, 10, 1), new DateOnly(2024, 7, 31), Grain.Month, null, null, 1);
        var themesA = Ciclo.Presenters.ThemeReportPresenter.Json(Ciclo.Verbatims.ThemeReportBuilder.Run(duck.Workspace, themes), "en");
        Assert.Equal(themesA, Ciclo.Presenters.ThemeReportPresenter.Json(Ciclo.Verbatims.ThemeReportBuilder.Run(other.Workspace, themes), "en"));
        Assert.Contains("\"support\"", themesA);
        Assert.Contains("\"billing\"", themesA);
        foreach (var model in new[] { AttributionModel.Last, AttributionModel.First, AttributionModel.Linear })
        {
            Assert.Equal(Ciclo.Presenters.InfluencePresenter.Json(InfluenceCalculator.Run(duck.Workspace, model, 90)),
                Ciclo.Presenters.InfluencePresenter.Json(InfluenceCalculator.Run(other.Workspace, model, 90)));
        }
    }
}
