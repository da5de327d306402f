using Ciclo.Catalog;
using Ciclo.Sql;

namespace Ciclo.Planner;

/// <summary>One SQL statement of a plan: the measures of one source for every period.
/// Its columns are period_index then one column per measure, named by measure id.</summary>
public sealed record PlannedQuery(SourceDefinition Source, IReadOnlyList<MeasureDefinition> Measures, SqlSelect Select);
