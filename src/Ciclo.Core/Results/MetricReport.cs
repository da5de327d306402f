using Ciclo.Catalog;
using Ciclo.Planner;

namespace Ciclo.Results;

/// <summary>The answer to a metric request: every period with every metric asked for.</summary>
public sealed record MetricReport(
    MetricRequest Request,
    string Currency,
    IReadOnlyList<MetricDefinition> Metrics,
    IReadOnlyList<PeriodResult> Periods,
    DateOnly? LatestDataDay);
