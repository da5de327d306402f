namespace Ciclo.Catalog;

/// <summary>
/// A metric as a declaration: what it is (stage, kind, unit, good direction) and how it is
/// computed (<see cref="Formula"/> over measures and metrics). Texts live in metric-texts.json.
/// </summary>
public sealed record MetricDefinition(string Id, Stage Stage, MetricKind Kind, Unit Unit, Direction Direction, Formula Formula)
{
    /// <summary>A cohort metric stays pending while its window after the period is still open.</summary>
    public bool Cohort { get; init; }

    /// <summary>The measures whose rows lack an exchange rate make this metric incomplete.</summary>
    public IReadOnlyList<string> Completeness { get; init; } = [];
}
