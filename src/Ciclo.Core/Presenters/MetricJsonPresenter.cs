using System.Globalization;
using System.Text;
using System.Text.Json;
using Ciclo.Catalog;
using Ciclo.Results;

namespace Ciclo.Presenters;

/// <summary>The JSON output contract of METRICS.md: rates as fractions, undefined as null, counts
/// as integers; extra fields (status, unit, kind, numerator, denominator, benchmark) beside value.</summary>
public static class MetricJsonPresenter
{
    public static string Render(MetricReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("grain", report.Request.Grain.ToString().ToLowerInvariant());
            w.WriteString("currency", report.Currency);
            w.WriteString("time_zone", report.Request.TimeZone);
            w.WriteString("from", Day(report.Request.From));
            w.WriteString("to", Day(report.Request.To));
            if (report.Request.Segment is { } segment)
            {
                w.WriteString("segment", segment.ToString());
            }

            if (report.Request.Program is { } program)
            {
                w.WriteString("program", program);
            }

            if (report.LatestDataDay is { } latest)
            {
                w.WriteString("latest_data_day", Day(latest));
            }

            w.WriteStartArray("periods");
            foreach (var period in report.Periods)
            {
                w.WriteStartObject();
                w.WriteString("period", period.Period.Label);
                w.WriteString("start", Day(period.Period.Start));
                w.WriteString("end", Day(period.Period.End));
                w.WriteBoolean("partial", period.Period.Partial);
                w.WriteStartObject("metrics");
                foreach (var metric in report.Metrics)
                {
                    WriteMetric(w, metric, period.Metrics[metric.Id]);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WriteNumber(Utf8JsonWriter w, string name, double? value, bool integer = false)
    {
        if (value is not { } v)
        {
            w.WriteNull(name);
        }
        else if (integer)
        {
            w.WriteNumber(name, (long)Math.Round(v));
        }
        else
        {
            w.WriteNumber(name, v);
        }
    }

    private static void WriteMetric(Utf8JsonWriter w, MetricDefinition metric, MetricValue value)
    {
        w.WriteStartObject(metric.Id);
        WriteNumber(w, "value", value.Value, metric.Unit == Unit.Count);
        w.WriteString("status", value.Status);
        w.WriteString("kind", metric.Kind.ToString().ToLowerInvariant());
        w.WriteString("stage", metric.Stage.ToString().ToLowerInvariant());
        w.WriteString("unit", metric.Unit.ToString().ToLowerInvariant());
        if (value.Numerator is not null || value.Denominator is not null)
        {
            WriteNumber(w, "numerator", value.Numerator);
            WriteNumber(w, "denominator", value.Denominator);
        }

        if (value.Incomplete)
        {
            w.WriteBoolean("incomplete", true);
            w.WriteNumber("rows_without_rate", value.MissingRateRows);
        }

        if (value.Benchmarks.Count > 0)
        {
            w.WriteStartArray("benchmark");
            foreach (var b in value.Benchmarks)
            {
                w.WriteStartObject();
                w.WriteString("band", b.Band.Id);
                WriteNumber(w, "low", b.Band.Low);
                WriteNumber(w, "high", b.Band.High);
                w.WriteString("source", b.Band.Source);
                w.WriteString("status", b.Status);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
