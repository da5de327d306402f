namespace Ciclo.Influence;

/// <summary>Campaigns aimed at customers and programmes, ranked by influenced expansion revenue.</summary>
public sealed record InfluenceReport(
    AttributionModel Model, int WindowDays, string Currency, DateOnly? LatestDataDay,
    IReadOnlyList<InfluenceRow> Campaigns, IReadOnlyList<InfluenceRow> Programmes);
