using Ciclo.Sql;

namespace Ciclo.Catalog;

/// <summary>
/// A source's rows counted in groups (<see cref="Rows"/>, aliased "s"): some of the source's columns,
/// under the source's names, and <see cref="Count"/>, how many of the source's rows each group
/// holds. A count of the source's rows whose condition reads only those columns is the sum of
/// <see cref="Count"/> over the groups that meet it, so the planner may read the groups instead
/// (<see cref="Planner.QueryPlanner"/>) when the request filters on nothing else and the
/// workspace keeps them.
/// </summary>
public sealed record SourceRollup(SubquerySource Rows, string Count)
{
    /// <summary>The source's columns the groups give.</summary>
    public IReadOnlySet<string> Columns { get; } = Rows.Query.Items.Select(i => i.Alias).Where(a => a != Count).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a measure counts rows under a condition on the groups' columns alone.</summary>
    public bool Answers(MeasureDefinition measure) =>
        measure.Aggregation == AggregateKind.Count && measure.Value is Literal { Value: not null }
        && (measure.Filter is null || !SqlRewriter.Any(measure.Filter, x => x is Exists || (x is Column c && (c.Table != "s" || !Columns.Contains(c.Name)))));
}
