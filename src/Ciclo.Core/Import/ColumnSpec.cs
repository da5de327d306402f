namespace Ciclo.Import;

/// <summary>One column of an entity: its type and the per-value rules DATA.md gives it.</summary>
public sealed record ColumnSpec(string Name, ColumnType Type, bool Required = false)
{
    /// <summary>The allowed words of an <see cref="ColumnType.Enum"/> column.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>The entity whose key this column must name, if any.</summary>
    public string? References { get; init; }

    /// <summary>The smallest allowed number, if any.</summary>
    public decimal? Min { get; init; }

    /// <summary>The largest allowed number, if any.</summary>
    public decimal? Max { get; init; }

    /// <summary>Must be on or after this other date column of the same row.</summary>
    public string? NotBefore { get; init; }

    /// <summary>The column holds few distinct values, each on many rows (a campaign, a segment, a
    /// programme): an engine that chooses a column's storage keeps it as a dictionary.</summary>
    public bool FewValues { get; init; }

    public static ColumnSpec Enum(string name, bool required, params string[] values) =>
        new(name, ColumnType.Enum, required) { Values = values };
}
