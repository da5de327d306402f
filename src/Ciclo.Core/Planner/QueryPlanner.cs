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
    public static QueryPlan Plan(MetricRequest request)
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

            queries.Add(new PlannedQuery(source, group.ToList(), BuildSelect(source, group.ToList(), periods, request.Segment)));
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
        SourceDefinition source, IReadOnlyList<MeasureDefinition> measures, IReadOnlyList<Period> periods, SegmentFilter? segment)
    {
        var on = source.PeriodJoin;
        if (segment is not null)
        {
            on &= Col("s", source.Dimensions[segment.Dimension]).Eq(segment.Value);
        }

        var items = new List<SelectItem> { new(Col("p", "period_index"), "period_index") };
        foreach (var m in measures)
        {
            // Without a filter, the period condition itself tells a matched row from the LEFT JOIN's empty one.
            var argument = When(m.Filter ?? source.PeriodJoin, m.Value);
            items.Add(new SelectItem(new Aggregate(m.Aggregation, argument), m.Id));
        }

        return new SqlSelect(items, new PeriodSpineSource(periods, "p"))
        {
            Joins = [new JoinItem(JoinKind.Left, source.Rows, on)],
            GroupBy = [Col("p", "period_index")],
            OrderBy = [Col("p", "period_index")],
        };
    }

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
