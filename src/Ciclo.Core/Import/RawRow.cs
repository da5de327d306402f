namespace Ciclo.Import;

/// <summary>One record of an input file: its line (1-based, the line where the record starts;
/// for Parquet the row number plus one, as if it had a header line) and its values as text.</summary>
public readonly record struct RawRow(long Line, string?[] Values);
