namespace Ciclo.Reports;

/// <summary>An amount in another currency with no exchange rate on or before its date.</summary>
public sealed record MissingRate(string Entity, string Key, DateOnly Day, decimal Amount, string Currency);
