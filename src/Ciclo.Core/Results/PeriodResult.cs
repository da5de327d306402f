using Ciclo.Time;

namespace Ciclo.Results;

/// <summary>The metrics of one period, by metric id.</summary>
public sealed record PeriodResult(Period Period, IReadOnlyDictionary<string, MetricValue> Metrics);
