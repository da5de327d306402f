namespace Ciclo.Sql;

/// <summary>What a rendering needs from the request: the reporting time zone, named values
/// (reporting currency, ...) and the alias of the period spine that PeriodBound refers to.</summary>
public sealed record RenderContext(string TimeZone, IReadOnlyDictionary<string, object?> Values, string SpineAlias = "p")
{
    /// <summary>The periods of the spine, for dialects that expand period-correlated subqueries.</summary>
    public IReadOnlyList<Time.Period> Periods { get; init; } = [];

    public static RenderContext Utc { get; } = new("UTC", new Dictionary<string, object?>());
}
