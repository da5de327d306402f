using System.Globalization;
using Ciclo.Catalog;
using Ciclo.Results;
using Ciclo.Sql;
using Ciclo.Warehouse;

namespace Ciclo.Planner;

/// <summary>Runs a plan on a workspace and evaluates each metric's formula per period.</summary>
public static class MetricEngine
{
    public static MetricReport Run(Workspace workspace, MetricRequest request)
    {
        var plan = QueryPlanner.Plan(request, workspace.Dialect.SupportsRangeJoins, workspace.Dialect.SharesRepeatedExpressions, Rollups(workspace, request));
        var context = Context(workspace, request) with { Periods = plan.Periods };
        var renderer = new SqlRenderer(workspace.Dialect, context);
        // Read once for all the statements, where the workspace keeps answers (QueryRows.Of).
        var versions = workspace.QueryResults is null ? null : TableVersions.Read(workspace);
        var values = new Dictionary<string, double?>[plan.Periods.Count];
        for (var i = 0; i < values.Length; i++)
        {
            // A period no row reached still has its sums and counts: 0 (a cross join gives it no row).
            values[i] = plan.Queries.SelectMany(q => q.Measures)
                .ToDictionary(m => m.Id, m => m.Aggregation is AggregateKind.Sum or AggregateKind.Count ? 0 : (double?)null);
        }

        foreach (var query in plan.Queries)
        {
            // Kept from an earlier request where the workspace keeps answers and nothing the query reads changed.
            var answer = QueryRows.Of(workspace, renderer.Render(query.Select), versions);
            foreach (var row in answer.Rows)
            {
                var index = Convert.ToInt32(row[0], CultureInfo.InvariantCulture);
                foreach (var measure in query.Measures)
                {
                    var cell = row[answer.Ordinal(QueryPlanner.ColumnOf(measure))];
                    double? value = cell is null ? null : ToDouble(cell);
                    if (value is null && measure.Aggregation is AggregateKind.Sum or AggregateKind.Count)
                    {
                        value = 0;
                    }

                    values[index][measure.Id] = value;
                }
            }
        }

        var latest = LatestDataDay(workspace, context, versions);
        var benchmarks = BenchmarkStore.Load(workspace);
        var periods = plan.Periods.Select((period, i) =>
        {
            var evaluator = new FormulaEvaluator(values[i], plan.UnfilterableMeasures);
            var metrics = new Dictionary<string, MetricValue>();
            foreach (var metric in plan.Metrics)
            {
                metrics[metric.Id] = Evaluate(metric, evaluator, period, latest, workspace.Settings, benchmarks, values[i]);
            }

            return new PeriodResult(period, metrics);
        }).ToList();

        return new MetricReport(request, workspace.Settings.Currency, plan.Metrics, periods, latest);
    }

    /// <summary>Whether the request's counts may read the sources' rollups: the workspace keeps them
    /// and they count the days of its periods exactly (<see cref="SendCounts.Usable"/>).</summary>
    public static bool Rollups(Workspace workspace, MetricRequest request)
    {
        if (request.Segment is not null)
        {
            return false;
        }

        var periods = Time.PeriodSpine.Build(request.From, request.To, request.Grain);
        return periods.Count > 0 && SendCounts.Usable(workspace, request.TimeZone, periods[0].Start, periods[^1].End);
    }

    /// <summary>Any numeric value an engine returns (HUGEINT sums arrive as BigInteger).</summary>
    public static double ToDouble(object value) => value switch
    {
        System.Numerics.BigInteger b => (double)b,
        // decimal -> double casts are not always correctly rounded and depend on the scale each
        // engine returns; parsing the exact decimal text is, so every engine gives the same double.
        decimal m => double.Parse(m.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    public static RenderContext Context(Workspace workspace, MetricRequest request) =>
        new(request.TimeZone, new Dictionary<string, object?>
        {
            ["currency"] = workspace.Settings.Currency,
            ["program"] = request.Program,
        });

    private static MetricValue Evaluate(
        MetricDefinition metric, FormulaEvaluator evaluator, Time.Period period, DateOnly? latest,
        WorkspaceSettings settings, IReadOnlyList<BenchmarkBand> bands, Dictionary<string, double?> measures)
    {
        if (!evaluator.CanEvaluate(metric.Formula))
        {
            return new MetricValue(null, "not_segmentable");
        }

        var value = evaluator.Evaluate(metric.Formula);
        var status = metric.Cohort && (latest is null || latest.Value.DayNumber - period.End.DayNumber < settings.ConversionWindowDays)
            ? "pending"
            : "final";
        var missing = metric.Completeness.Sum(id => (long)(measures.GetValueOrDefault(id) ?? 0));
        var (numerator, denominator) = metric.Formula is Arithmetic { Operator: '/' } ratio && metric.Unit == Unit.Ratio
            ? (evaluator.Evaluate(ratio.Left), evaluator.Evaluate(ratio.Right))
            : ((double?)null, (double?)null);
        return new MetricValue(value, status)
        {
            Numerator = numerator,
            Denominator = denominator,
            Incomplete = missing > 0,
            MissingRateRows = missing,
            Benchmarks = bands.Where(b => b.Metric == metric.Id).Select(b => BenchmarkStatus.Of(b, value)).OfType<BenchmarkStatus>().ToList(),
        };
    }

    /// <summary>The latest day of any dated row in the workspace, in the time zone given.</summary>
    public static DateOnly? LatestDataDay(Workspace workspace, string timeZone) =>
        LatestDataDay(workspace, Context(workspace, new MetricRequest(DateOnly.MinValue, DateOnly.MinValue, Time.Grain.Month, timeZone)));

    /// <summary>
    /// The range of a request that leaves one or both ends open, the same for every presenter: up
    /// to the latest data (today when empty), from the first day of the eleventh month before.
    /// </summary>
    public static (DateOnly From, DateOnly To) DefaultRange(Workspace workspace, DateOnly? from, DateOnly? to, string timeZone)
    {
        var end = to ?? LatestDataDay(workspace, timeZone) ?? DateOnly.FromDateTime(DateTime.UtcNow);
        return (from ?? new DateOnly(end.Year, end.Month, 1).AddMonths(-11), end);
    }

    /// <summary>The latest day of any dated row in the workspace, in the reporting time zone.</summary>
    public static DateOnly? LatestDataDay(Workspace workspace, RenderContext context) => LatestDataDay(workspace, context, null);

    private static DateOnly? LatestDataDay(Workspace workspace, RenderContext context, TableVersions? versions)
    {
        var renderer = new SqlRenderer(workspace.Dialect, context);
        var days = new (string Table, SqlExpr Day)[]
        {
            ("customers", Sql.Sql.Col("t", "acquired_on")),
            ("customers", Sql.Sql.Col("t", "churned_on")),
            ("revenue", Sql.Sql.Col("t", "booked_on")),
            ("surveys", Sql.Sql.Col("t", "answered_on")),
            ("leads", Sql.Sql.Col("t", "created_on")),
            ("leads", Sql.Sql.Col("t", "converted_on")),
            ("channel_stats", Sql.Sql.Col("t", "day")),
        };
        var selects = days.Select(d => new SqlSelect([new SelectItem(Sql.Sql.Max(d.Day), "day")], new TableSource(d.Table, "t"))).ToList();

        // Events: the latest instant first, then the local days of the events of its last four days
        // only. A time zone's offset lies within -12 h..+14 h, so an event more than two days before
        // the latest cannot fall on a later local day; this avoids converting every event.
        var occurred = Sql.Sql.Col("t", "occurred_at");
        var latestEvent = First(workspace, versions, renderer.Render(new SqlSelect([new SelectItem(Sql.Sql.Max(occurred), "at")], new TableSource("campaign_events", "t"))));
        if (latestEvent is not (null or DBNull))
        {
            DateTime? last = latestEvent switch
            {
                DateTime t => t,
                DateTimeOffset o => o.UtcDateTime,
                _ => null,
            };
            selects.Add(new SqlSelect([new SelectItem(Sql.Sql.Max(new LocalDate(occurred)), "day")], new TableSource("campaign_events", "t"))
            {
                Where = last is { } at ? occurred >= Sql.Sql.Lit(at.AddDays(-4)) : null,
            });
        }

        var union = new UnionSource(selects, "u");
        var select = new SqlSelect([new SelectItem(Sql.Sql.Max(Sql.Sql.Col("u", "day")), "day")], union);
        var value = First(workspace, versions, renderer.Render(select));
        return value switch
        {
            DateOnly d => d,
            DateTime t => DateOnly.FromDateTime(t),
            _ => null,
        };
    }

    /// <summary>The first value of a one-value query's answer (null for none or NULL), kept like the measures' answers.</summary>
    private static object? First(Workspace workspace, TableVersions? versions, string sql) =>
        QueryRows.Of(workspace, sql, versions).Rows is [var row, ..] ? row[0] : null;
}
