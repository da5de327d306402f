namespace Ciclo.Import;

/// <summary>One record of an input file: its line (1-based, the line where the record starts;
/// for Parquet the row number plus one, as if it had a header line; for Excel the sheet's row
/// number) and its values as text. <paramref name="Typed"/> marks values the file stored in
/// their type (an Excel number or date), already in ISO form and never read in a culture;
/// <paramref name="Issues"/> are reader-level rules the row breaks.</summary>
public readonly record struct RawRow(long Line, string?[] Values, bool[]? Typed = null, IReadOnlyList<RowIssue>? Issues = null);
