using Ciclo.Sql;

namespace Ciclo.Catalog;

/// <summary>
/// A semantic source: rows the measures aggregate (<see cref="Rows"/>, aliased "s"), the
/// condition that ties a row to a period of the spine (<see cref="PeriodJoin"/>, using
/// <see cref="PeriodBound"/>), and the columns that answer each segment dimension
/// (segment, region). A source without a dimension cannot be filtered by it.
/// </summary>
public sealed record SourceDefinition(string Name, FromItem Rows, SqlExpr PeriodJoin)
{
    public IReadOnlyDictionary<string, string> Dimensions { get; init; } = new Dictionary<string, string>();

    /// <summary>For a source whose rows each fall in the period that holds one of their dates (its
    /// <see cref="PeriodJoin"/> is <c>Within(Day)</c>), that date: a period then matches its rows by
    /// the start of the period that holds the date, an equality the engine can join on by hash.</summary>
    public SqlExpr? Day { get; init; }

    /// <summary>The source's rows counted in groups, kept on import, that may answer its counts.</summary>
    public SourceRollup? Rollup { get; init; }
}
