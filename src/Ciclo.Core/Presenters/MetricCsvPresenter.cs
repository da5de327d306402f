using System.Globalization;
using System.Text;
using Ciclo.Results;

namespace Ciclo.Presenters;

/// <summary>One row per period and metric, machine-readable (invariant numbers, empty for null).</summary>
public static class MetricCsvPresenter
{
    public static string Render(MetricReport report)
    {
        var sb = new StringBuilder("period,start,end,partial,metric,stage,kind,value,status,incomplete\n");
        foreach (var period in report.Periods)
        {
            foreach (var metric in report.Metrics)
            {
                var v = period.Metrics[metric.Id];
                sb.Append(CultureInfo.InvariantCulture,
                    $"{period.Period.Label},{MetricJsonPresenter.Day(period.Period.Start)},{MetricJsonPresenter.Day(period.Period.End)},")
                  .Append(period.Period.Partial ? "true" : "false").Append(',')
                  .Append(metric.Id).Append(',').Append(metric.Stage.ToString().ToLowerInvariant()).Append(',')
                  .Append(metric.Kind.ToString().ToLowerInvariant()).Append(',')
                  .Append(v.Value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty).Append(',')
                  .Append(v.Status).Append(',').Append(v.Incomplete ? "true" : "false").Append('\n');
            }
        }

        return sb.ToString();
    }
}
