using System.Text.Json;
using Ciclo.Influence;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Influence;

/// <summary>Campaign influence of the worked example under each attribution model, against numbers
/// computed independently of Ciclo (90-day window).</summary>
public sealed class ExampleInfluenceTests : IClassFixture<ExampleFixture>
{
    private readonly ExampleFixture _example;

    public ExampleInfluenceTests(ExampleFixture example) => _example = example;

    [Theory]
    [InlineData("last", AttributionModel.Last)]
    [InlineData("first", AttributionModel.First)]
    [InlineData("linear", AttributionModel.Linear)]
    public void Every_campaign_matches_the_independent_computation(string file, AttributionModel model)
    {
        var expected = JsonDocument.Parse(File.ReadAllText(Fixtures.Example($"expected_influence_{file}.json"))).RootElement;
        var report = InfluenceCalculator.Run(_example.Ws.Workspace, model, 90);
        var failures = new List<string>();
        foreach (var campaign in expected.EnumerateObject())
        {
            var row = report.Campaigns.Single(c => c.Key == campaign.Name);
            var actual = new Dictionary<string, double?>
            {
                ["engaged_customers"] = row.EngagedCustomers,
                ["influenced_expansion_revenue"] = row.InfluencedExpansionRevenue,
                ["engaged_expansion_rate"] = row.EngagedExpansionRate,
                ["baseline_expansion_rate"] = row.BaselineExpansionRate,
                ["expansion_uplift"] = row.ExpansionUplift,
            };
            foreach (var field in campaign.Value.EnumerateObject())
            {
                double? want = field.Value.ValueKind == JsonValueKind.Null ? null : field.Value.GetDouble();
                try
                {
                    Assertions.Close(want, actual[field.Name], $"{campaign.Name} {field.Name}");
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
