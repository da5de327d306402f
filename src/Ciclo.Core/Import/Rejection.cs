namespace Ciclo.Import;

/// <summary>One reason a row was rejected: the file, line and column, the value, a reason code
/// (a key of the localized texts) and a detail (the allowed values, the other column, ...).</summary>
public sealed record Rejection(string Entity, string File, long Line, string Column, string? Value, string Reason, string? Detail);
