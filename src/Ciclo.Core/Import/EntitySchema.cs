namespace Ciclo.Import;

/// <summary>An importable entity: its table, columns, natural key and row rules (DATA.md).</summary>
public sealed record EntitySchema(string Name, IReadOnlyList<ColumnSpec> Columns, IReadOnlyList<string> Key)
{
    public IReadOnlyList<RowRule> Rules { get; init; } = [];

    /// <summary>A table of rows computed from others and rewritten a scope at a time (the per-send
    /// table): its key is unique by construction and not enforced by a constraint, which would make
    /// DuckDB rewrite rows of the same keys in one transaction many times slower. ClickHouse still
    /// orders its versions by the key.</summary>
    public bool Derived { get; init; }

    /// <summary>The column a derived table's rewrites name (<c>DELETE ... WHERE campaign_id IN (...)</c>),
    /// or null. An engine that skips blocks of a table by their least and greatest values writes the
    /// rows in this column's order (<see cref="Dialects.SqlDialect.ReplaceRows"/>), so that a rewrite of a
    /// few values reads only the blocks that hold them instead of every block.</summary>
    public string? ClusteredBy { get; init; }

    /// <summary>The table that holds the entity's rows in the warehouse.</summary>
    public string Table => Name;

    public ColumnSpec Column(string name) => Columns.First(c => c.Name == name);
}
