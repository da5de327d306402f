using Ciclo.Catalog;
using Ciclo.Time;

namespace Ciclo.Planner;

/// <summary>The periods, the metrics asked for, the statements to run, and the measures that
/// cannot be computed under the request's segment filter (their source lacks the dimension).</summary>
public sealed record QueryPlan(
    MetricRequest Request,
    IReadOnlyList<Period> Periods,
    IReadOnlyList<MetricDefinition> Metrics,
    IReadOnlyList<PlannedQuery> Queries,
    IReadOnlySet<string> UnfilterableMeasures);
