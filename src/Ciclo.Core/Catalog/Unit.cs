namespace Ciclo.Catalog;

/// <summary>How a metric's value reads: a count, a fraction (0.25), an amount in the reporting
/// currency, a score (NPS, -100..100), or a number of days.</summary>
public enum Unit { Count, Ratio, Currency, Score, Days }
