using Ciclo.Dialects;
using Ciclo.Planner;
using Ciclo.Sql;
using Ciclo.Time;

namespace Ciclo.Tests.Planner;

/// <summary>
/// The SQL each dialect renders for every catalog metric of a fixed request, and for what campaign
/// influence reads, compared with the committed files under Golden/&lt;engine&gt;/&lt;metric&gt;.sql
/// (and influence.sql) and reviewed in diffs.
/// Regenerate with: CICLO_UPDATE_GOLDEN=1 dotnet test tests/Ciclo.Tests --filter GoldenSql
/// </summary>
public sealed class GoldenSqlTests
{
    private static readonly SqlDialect[] Dialects =
    [
        DuckDbDialect.Instance, PostgresDialect.Instance, ClickHouseDialect.Instance,
        new ClickHouseClusterDialect(new Ciclo.Warehouse.ClickHouse.ClickHouseCluster("ciclo_two_shards", ["ciclo_shard_1", "ciclo_shard_2"])),
    ];

    public static TheoryData<string, string> MetricsAndDialects()
    {
        var data = new TheoryData<string, string>();
        foreach (var dialect in Dialects)
        {
            foreach (var metric in Catalog.Metrics.All)
            {
                data.Add(dialect.Name, metric.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MetricsAndDialects))]
    public void Each_dialect_renders_each_metric_as_committed(string dialectName, string metric)
    {
        var dialect = Dialects.Single(d => d.Name == dialectName);
        var request = new MetricRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 29), Grain.Month, "Europe/Rome") { Metrics = [metric] };
        var plan = QueryPlanner.Plan(request, dialect.SupportsRangeJoins, dialect.SharesRepeatedExpressions, dialect.KeepsRollups);
        var context = new RenderContext("Europe/Rome", new Dictionary<string, object?> { ["currency"] = "EUR", ["program"] = null }) { Periods = plan.Periods };
        var renderer = new SqlRenderer(dialect, context);
        var sql = string.Join("\n;\n", plan.Queries.Select(q => "-- source: " + q.Source.Name + "\n" + renderer.Render(q.Select))) + "\n";
        Compare(Path.Combine(GoldenFolder(), dialect.Name, metric + ".sql"), sql);
    }

    /// <summary>DuckDB's local days in a workspace's zone: the macro defined on the connection, the
    /// check that compares it with DuckDB's own rules, and a local date as the spelled dialect renders it.</summary>
    [Fact]
    public void DuckDb_spells_a_workspace_zones_local_days_as_committed()
    {
        var rome = ZoneOffsets.For("Europe/Rome")!;
        var spelled = DuckDbDialect.Instance.WithLocalDays(rome);
        var renderer = new SqlRenderer(spelled, new RenderContext("Europe/Rome", new Dictionary<string, object?>()));
        var sql = string.Join("\n;\n", DuckDbDialect.Instance.LocalDayMacro(rome), DuckDbDialect.Instance.LocalDayCheck(rome),
            "SELECT " + renderer.Render(new LocalDate(Ciclo.Sql.Sql.Col("e", "occurred_at"))) + " FROM campaign_events AS e") + "\n";
        Compare(Path.Combine(GoldenFolder(), "duckdb", "local-day-Europe-Rome.sql"), sql);
    }

    private static void Compare(string path, string sql)
    {
        if (Environment.GetEnvironmentVariable("CICLO_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, sql);
        }

        Assert.True(File.Exists(path), $"No golden SQL at {path}; run with CICLO_UPDATE_GOLDEN=1.");
        Assert.Equal(File.ReadAllText(path), sql);
    }

    public static TheoryData<string> DialectNames()
    {
        var data = new TheoryData<string>();
        foreach (var dialect in Dialects)
        {
            data.Add(dialect.Name);
        }

        return data;
    }

    /// <summary>What campaign influence reads, in one file per dialect: the engagements, the
    /// bookings, the campaigns' activity (from the per-send table's rows, and from its counts where the
    /// dialect keeps them; the engagements too from its engagements there), and the campaign and programme rates.</summary>
    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Each_dialect_renders_influence_as_committed(string dialectName)
    {
        var dialect = Dialects.Single(d => d.Name == dialectName);
        var rows = Ciclo.Influence.InfluenceData.Render(dialect, "EUR", "Europe/Rome", counted: false, window: 90);
        var parts = new List<(string Name, string Sql)>
        {
            ("engagements", rows.Engagements), ("bookings", rows.Bookings), ("activity (per-send rows)", rows.Activity),
        };
        if (dialect.KeepsRollups)
        {
            parts.Add(("activity (counts)", Ciclo.Influence.InfluenceData.Render(dialect, "EUR", "Europe/Rome", counted: true, window: 90).Activity));
            parts.Add(("engagements (per quarter of an hour)", Ciclo.Influence.InfluenceData.Render(dialect, "EUR", "Europe/Rome", counted: true, window: 90, engagedRollup: true).Engagements));
        }

        parts.Add(("campaign rates", Ciclo.Influence.InfluenceData.RatesSql(dialect, "EUR", "Europe/Rome", 90, null)));
        parts.Add(("programme rates", Ciclo.Influence.InfluenceData.RatesSql(dialect, "EUR", "Europe/Rome", 90, ["K2", "K1"])));
        Compare(Path.Combine(GoldenFolder(), dialect.Name, "influence.sql"), string.Join("\n;\n", parts.Select(p => "-- " + p.Name + "\n" + p.Sql)) + "\n");
    }

    /// <summary>The committed folder (in the source tree, not the build output).</summary>
    private static string GoldenFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here))!, "Golden");
}
