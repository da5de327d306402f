namespace Ciclo.Import;

/// <summary>A rule a row breaks that the reader sees before any column check (more values than
/// the header has columns, a JSON field written twice): the row is rejected with this reason.</summary>
public readonly record struct RowIssue(string Column, string? Value, string Reason, string? Detail);
