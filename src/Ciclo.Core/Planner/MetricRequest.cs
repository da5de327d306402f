using Ciclo.Catalog;
using Ciclo.Time;

namespace Ciclo.Planner;

/// <summary>What a user asks: metrics (all when empty), an inclusive date range cut by a grain,
/// the reporting time zone, an optional segment filter, stages and programme.</summary>
public sealed record MetricRequest(DateOnly From, DateOnly To, Grain Grain = Grain.Month, string TimeZone = "UTC")
{
    public IReadOnlyList<string> Metrics { get; init; } = [];
    public IReadOnlyList<Stage> Stages { get; init; } = [];
    public SegmentFilter? Segment { get; init; }
    public string? Program { get; init; }
}
