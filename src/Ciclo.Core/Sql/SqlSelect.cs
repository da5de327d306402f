namespace Ciclo.Sql;

/// <summary>A SELECT statement as a tree.</summary>
public sealed record SqlSelect(IReadOnlyList<SelectItem> Items, FromItem From)
{
    public IReadOnlyList<JoinItem> Joins { get; init; } = [];
    public SqlExpr? Where { get; init; }
    public IReadOnlyList<SqlExpr> GroupBy { get; init; } = [];
    public SqlExpr? Having { get; init; }
    public IReadOnlyList<SqlExpr> OrderBy { get; init; } = [];

    /// <summary>Evaluated as written: an engine that would merge a subquery into the query around
    /// it (and evaluate its computed columns again wherever they are read) is told not to
    /// (<see cref="Dialects.SqlDialect.Fence"/>).</summary>
    public bool Fenced { get; init; }
}

public sealed record SelectItem(SqlExpr Expression, string Alias);

public abstract record FromItem(string Alias);

public sealed record TableSource(string Table, string Alias) : FromItem(Alias);

public sealed record SubquerySource(SqlSelect Query, string Alias) : FromItem(Alias);

/// <summary>UNION ALL of selects with the same columns.</summary>
public sealed record UnionSource(IReadOnlyList<SqlSelect> Queries, string Alias) : FromItem(Alias);

/// <summary>The periods of the request as rows (period_index, period_start, period_end).</summary>
public sealed record PeriodSpineSource(IReadOnlyList<Time.Period> Periods, string Alias) : FromItem(Alias);

/// <summary>A FROM item a dialect has already spelled (see <see cref="Dialects.SqlDialect.Arrange"/>).</summary>
public sealed record SpelledSource(string Sql, string Alias) : FromItem(Alias);

/// <summary>Cross joins take no ON condition: the planner uses one where an engine cannot join on a range.</summary>
public enum JoinKind { Inner, Left, Cross }

public sealed record JoinItem(JoinKind Kind, FromItem Source, SqlExpr On)
{
    /// <summary>When set, the join is spelled USING these columns (both sides name them alike)
    /// instead of ON; <see cref="On"/> still states the same condition.</summary>
    public IReadOnlyList<string>? Using { get; init; }
}
