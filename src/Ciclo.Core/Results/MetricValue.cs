namespace Ciclo.Results;

/// <summary>
/// A metric's value in one period. <see cref="Value"/> is null when undefined (nothing to
/// divide or rank), never 0. <see cref="Status"/> is "final", "pending" (a cohort whose window
/// is still open: the value so far) or "not_segmentable" (the data has no such dimension).
/// <see cref="Incomplete"/> says some amounts lacked an exchange rate.
/// </summary>
public sealed record MetricValue(double? Value, string Status = "final")
{
    public double? Numerator { get; init; }
    public double? Denominator { get; init; }
    public bool Incomplete { get; init; }
    public long MissingRateRows { get; init; }
    public IReadOnlyList<BenchmarkStatus> Benchmarks { get; init; } = [];
}
