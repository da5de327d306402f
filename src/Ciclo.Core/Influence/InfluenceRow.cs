namespace Ciclo.Influence;

/// <summary>One campaign's (or programme's) influence on expansion, with its activity rates.
/// Rates are null when their group is empty. Status is "pending" while the attribution window
/// of any of its sends is still open at the workspace's latest data.</summary>
public sealed record InfluenceRow(
    string Key,
    string? Name,
    long EngagedCustomers,
    double InfluencedExpansionRevenue,
    double? EngagedExpansionRate,
    double? BaselineExpansionRate,
    string Status)
{
    public double? ExpansionUplift => EngagedExpansionRate is { } e && BaselineExpansionRate is { } b ? e - b : null;

    public long DeliveredCustomers { get; init; }
    public long Sends { get; init; }
    public double? OpenRate { get; init; }
    public double? ClickRate { get; init; }
}
