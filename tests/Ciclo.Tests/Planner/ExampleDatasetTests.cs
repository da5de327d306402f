using System.Text.Json;
using Ciclo.Planner;
using Ciclo.Tests.Support;
using Ciclo.Time;

namespace Ciclo.Tests.Planner;

/// <summary>The worked example: every metric of every period against numbers computed
/// independently of Ciclo (month in UTC, ISO week in Asia/Tokyo).</summary>
public sealed class ExampleDatasetTests : IClassFixture<ExampleFixture>
{
    private readonly ExampleFixture _example;

    public ExampleDatasetTests(ExampleFixture example) => _example = example;

    [Theory]
    [InlineData("expected_month_utc.json", "2024-01-01", "2024-05-31", "month", "UTC")]
    [InlineData("expected_week_tokyo.json", "2024-01-01", "2024-03-31", "week", "Asia/Tokyo")]
    public void Every_metric_matches_the_independent_computation(string file, string from, string to, string grain, string tz)
    {
        var expected = JsonDocument.Parse(File.ReadAllText(Fixtures.Example(file))).RootElement;
        var report = MetricEngine.Run(_example.Ws.Workspace,
            new MetricRequest(DateOnly.Parse(from), DateOnly.Parse(to), GrainNames.Parse(grain), tz));
        var failures = new List<string>();
        var checkedValues = 0;
        foreach (var period in expected.EnumerateObject())
        {
            var actual = report.Periods.Single(p => p.Period.Label == period.Name);
            foreach (var metric in period.Value.EnumerateObject())
            {
                double? want = metric.Value.ValueKind == JsonValueKind.Null ? null : metric.Value.GetDouble();
                var got = actual.Metrics[metric.Name].Value;
                checkedValues++;
                try
                {
                    Assertions.Close(want, got, $"{period.Name} {metric.Name}");
                }
                catch (Xunit.Sdk.XunitException e)
                {
                    failures.Add(e.Message);
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedValues} values differ:\n" + string.Join("\n", failures));
        Assert.True(checkedValues > 200);
    }
}
