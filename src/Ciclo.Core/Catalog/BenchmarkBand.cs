namespace Ciclo.Catalog;

/// <summary>A published range for a metric: a value below <see cref="Low"/> is below the band,
/// above <see cref="High"/> above it, else within. Either bound may be open.</summary>
public sealed record BenchmarkBand(string Metric, string Id, double? Low, double? High, string Source);
