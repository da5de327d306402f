using Ciclo.Dialects;
using Ciclo.Planner;
using Ciclo.Sql;
using Ciclo.Time;

namespace Ciclo.Tests.Planner;

/// <summary>The SQL each dialect renders for a fixed request, compared with committed files under
/// Golden/&lt;engine&gt;/. Regenerate with CICLO_UPDATE_GOLDEN=1 dotnet test, then review the diff.</summary>
public sealed class GoldenSqlTests
{
    public static TheoryData<string> SourceNames => new(Catalog.Sources.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(SourceNames))]
    public void DuckDB_renders_each_source_query_as_committed(string source)
    {
        var request = new MetricRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 29), Grain.Month, "Europe/Rome");
        var plan = QueryPlanner.Plan(request);
        var query = plan.Queries.Single(q => q.Source.Name == source);
        var context = new RenderContext("Europe/Rome", new Dictionary<string, object?> { ["currency"] = "EUR", ["program"] = null });
        var sql = new SqlRenderer(DuckDbDialect.Instance, context).Render(query.Select) + "\n";
        var path = Path.Combine(GoldenFolder(), DuckDbDialect.Instance.Name, source + ".sql");
        if (Environment.GetEnvironmentVariable("CICLO_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, sql);
        }

        Assert.True(File.Exists(path), $"No golden SQL at {path}; run with CICLO_UPDATE_GOLDEN=1.");
        Assert.Equal(File.ReadAllText(path), sql);
    }

    /// <summary>The committed folder (in the source tree, not the build output).</summary>
    private static string GoldenFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here))!, "Golden");
}
