using Ciclo.Catalog;
using Ciclo.Sql;
using Ciclo.Time;
using static Ciclo.Sql.Sql;

namespace Ciclo.Planner;

/// <summary>
/// Turns a request into SQL trees: resolves the metrics to the measures they need, groups the
/// measures by source, and builds one statement per source that joins the period spine to the
/// source's rows and aggregates each measure. Knows no engine: a dialect renders the trees.
/// </summary>
public static class QueryPlanner
{
    /// <param name="rangeJoins">Whether the engine joins on a range (SqlDialect.SupportsRangeJoins);
    /// without, the spine is cross-joined and the period condition lives only in the aggregates.</param>
    public static QueryPlan Plan(MetricRequest request, bool rangeJoins = true)
    {
        var periods = PeriodSpine.Build(request.From, request.To, request.Grain);
        var metrics = SelectMetrics(request);
        var measureIds = new HashSet<string>();
        foreach (var metric in metrics)
        {
            Collect(metric.Formula, measureIds, []);
            foreach (var extra in metric.Completeness)
            {
                measureIds.Add(extra);
            }
        }

        var unfilterable = new HashSet<string>();
        var queries = new List<PlannedQuery>();
        foreach (var group in Measures.All.Where(m => measureIds.Contains(m.Id)).GroupBy(m => m.Source))
        {
            var source = Sources.Get(group.Key);
            if (request.Segment is { } seg && !source.Dimensions.ContainsKey(seg.Dimension))
            {
                unfilterable.UnionWith(group.Select(m => m.Id));
                continue;
            }

            queries.Add(new PlannedQuery(source, group.ToList(), BuildSelect(source, group.ToList(), periods, request.Segment, rangeJoins)));
        }

        return new QueryPlan(request, periods, metrics, queries, unfilterable);
    }

    public static IReadOnlyList<MetricDefinition> SelectMetrics(MetricRequest request)
    {
        var unknown = request.Metrics.Where(id => Metrics.Find(id) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(string.Join(", ", unknown), nameof(request));
        }

        return Metrics.All
            .Where(m => request.Metrics.Count == 0 || request.Metrics.Contains(m.Id))
            .Where(m => request.Stages.Count == 0 || request.Stages.Contains(m.Stage))
            .ToList();
    }

    internal static SqlSelect BuildSelect(
        SourceDefinition source, IReadOnlyList<MeasureDefinition> measures, IReadOnlyList<Period> periods, SegmentFilter? segment, bool rangeJoins = true)
    {
        // A source tied to periods by one date joins by the start of that date's period (an equality
        // the engine hashes) where it would otherwise join on a range; both give the same rows.
        var on = rangeJoins && source.Day is { } day && periods.Count > 0
            ? Col("p", "period_start").Eq(new PeriodStart(day, periods[0].Grain))
            : source.PeriodJoin;
        if (segment is not null)
        {
            on &= Col("s", source.Dimensions[segment.Dimension]).Eq(segment.Value);
        }

        var items = new List<SelectItem> { new(Col("p", "period_index"), "period_index") };
        foreach (var m in measures)
        {
            // The period condition is in every aggregate: it tells a matched row from the LEFT JOIN's
            // empty one, and it is the only period condition where the spine is cross-joined.
            var argument = When(m.Filter is null ? on : on & m.Filter, m.Value);
            items.Add(new SelectItem(new Aggregate(m.Aggregation, argument), ColumnOf(m)));
        }

        return new SqlSelect(items, new PeriodSpineSource(periods, "p"))
        {
            Joins = [rangeJoins ? new JoinItem(JoinKind.Left, source.Rows, on) : new JoinItem(JoinKind.Cross, source.Rows, Lit(true))],
            GroupBy = [Col("p", "period_index")],
            OrderBy = [Col("p", "period_index")],
        };
    }

    /// <summary>The result column of a measure: prefixed, so it never takes the name of a source
    /// column (some engines resolve names by alias anywhere in a query).</summary>
    public static string ColumnOf(MeasureDefinition measure) => "m_" + measure.Id;

    private static void Collect(Formula formula, HashSet<string> measures, HashSet<string> seen)
    {
        switch (formula)
        {
            case Ref r when Measures.Find(r.Id) is not null:
                measures.Add(r.Id);
                break;
            case Ref r when Metrics.Find(r.Id) is { } metric && seen.Add(r.Id):
                Collect(metric.Formula, measures, seen);
                break;
            case Ref r:
                throw new InvalidOperationException("Unknown reference " + r.Id);
            case Arithmetic a:
                Collect(a.Left, measures, seen);
                Collect(a.Right, measures, seen);
                break;
            case SquareRoot s:
                Collect(s.Operand, measures, seen);
                break;
        }
    }
}
