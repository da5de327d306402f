namespace Ciclo.Import;

/// <summary>An importable entity: its table, columns, natural key and row rules (DATA.md).</summary>
public sealed record EntitySchema(string Name, IReadOnlyList<ColumnSpec> Columns, IReadOnlyList<string> Key)
{
    public IReadOnlyList<RowRule> Rules { get; init; } = [];

    /// <summary>The table that holds the entity's rows in the warehouse.</summary>
    public string Table => Name;

    public ColumnSpec Column(string name) => Columns.First(c => c.Name == name);
}
