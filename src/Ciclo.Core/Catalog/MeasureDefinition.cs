using Ciclo.Sql;

namespace Ciclo.Catalog;

/// <summary>An aggregation over a source's rows in each period: <c>Aggregation(CASE WHEN Filter
/// THEN Value END)</c>. Sums and counts over no rows are 0; a median over no rows is null.</summary>
public sealed record MeasureDefinition(string Id, string Source, AggregateKind Aggregation, SqlExpr Value, SqlExpr? Filter = null);
