namespace Ciclo.Catalog;

/// <summary>Activity: under marketing's control and readable at once. Result: what the business
/// gets, often months later.</summary>
public enum MetricKind { Activity, Result }
