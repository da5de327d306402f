using Ciclo.Influence;
using Ciclo.Results;

namespace Ciclo.Server.Reporting;

/// <summary>What a report shows: the metrics of the range and the influence ranking.</summary>
public sealed record ReportData(MetricReport Metrics, InfluenceReport Influence, string Lang);
