using System.Text;
using Ciclo.Catalog;
using Ciclo.Localization;
using Ciclo.Results;

namespace Ciclo.Presenters;

/// <summary>The metric table for people: grouped by stage, activity apart from result, values
/// in the language's formats, pending results marked, benchmark status of the last period.</summary>
public static class MetricTablePresenter
{
    public static string Render(MetricReport report, string lang)
    {
        var f = new NumberFormatter(lang, report.Currency);
        var rtl = Text.IsRightToLeft(lang);
        var sb = new StringBuilder();
        var request = report.Request;
        sb.Append(Line(rtl, Text.Format(lang, "ReportHeading", f.Date(request.From), f.Date(request.To),
            Text.Get(lang, "Grain_" + request.Grain.ToString().ToLowerInvariant()), request.TimeZone, report.Currency)));
        if (request.Segment is { } segment)
        {
            sb.Append(Line(rtl, Text.Format(lang, "ReportSegment", Text.Get(lang, "Dimension_" + segment.Dimension), segment.Value)));
        }

        if (request.Program is { } program)
        {
            sb.Append(Line(rtl, Text.Format(lang, "ReportProgram", program)));
        }

        var notes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var stage in Enum.GetValues<Stage>())
        {
            foreach (var kind in Enum.GetValues<MetricKind>())
            {
                var metrics = report.Metrics.Where(m => m.Stage == stage && m.Kind == kind).ToList();
                if (metrics.Count == 0)
                {
                    continue;
                }

                sb.Append('\n').Append(Line(rtl, MetricTexts.Stage(stage, lang).ToUpper(Text.Culture(lang)) + " · " + MetricTexts.Kind(kind, lang)));
                var table = new TextTable(rtl);
                var header = new List<string> { string.Empty };
                header.AddRange(report.Periods.Select(p => f.Period(p.Period) + (p.Period.Partial ? "†" : string.Empty)));
                var hasBands = report.Periods.Count > 0 && metrics.Any(m => report.Periods[^1].Metrics[m.Id].Benchmarks.Count > 0);
                if (hasBands)
                {
                    header.Add(Text.Get(lang, "BenchmarkColumn"));
                    table.TextColumns.Add(header.Count - 1);
                }

                table.Header([.. header]);
                foreach (var metric in metrics)
                {
                    var row = new List<string> { MetricTexts.Name(metric.Id, lang) };
                    foreach (var period in report.Periods)
                    {
                        var value = period.Metrics[metric.Id];
                        var cell = value.Status == "not_segmentable" ? Text.Get(lang, "NotSegmentableShort") : f.Value(value.Value, metric.Unit);
                        if (value.Status == "pending")
                        {
                            cell += "*";
                            notes.Add("NotePending");
                        }

                        if (value.Incomplete)
                        {
                            cell += "!";
                            notes.Add("NoteIncomplete");
                        }

                        if (value.Status == "not_segmentable")
                        {
                            notes.Add("NoteNotSegmentable");
                        }

                        row.Add(cell);
                    }

                    if (hasBands)
                    {
                        row.Add(Benchmark(report, metric, lang, f));
                    }

                    table.Row([.. row]);
                }

                sb.Append(table.Render());
            }
        }

        if (report.Periods.Any(p => p.Period.Partial))
        {
            notes.Add("NotePartial");
        }

        if (notes.Count > 0)
        {
            sb.Append('\n');
            foreach (var note in notes)
            {
                sb.Append(Line(rtl, Text.Get(lang, note)));
            }
        }

        return sb.ToString();
    }

    private static string Benchmark(MetricReport report, MetricDefinition metric, string lang, NumberFormatter f)
    {
        var last = report.Periods.LastOrDefault()?.Metrics[metric.Id];
        if (last is null || last.Benchmarks.Count == 0)
        {
            return string.Empty;
        }

        return string.Join("; ", last.Benchmarks.Select(b =>
            MetricTexts.Band(b.Band.Id, lang) + " " + Range(b.Band, f) + ": " + Text.Get(lang, "Benchmark_" + b.Status)));
    }

    public static string Range(BenchmarkBand band, NumberFormatter f) => (band.Low, band.High) switch
    {
        ({ } low, { } high) => f.Number(low, "P0") + "–" + f.Number(high, "P0"),
        ({ } low, null) => "≥" + f.Number(low, "P0"),
        (null, { } high) => "≤" + f.Number(high, "P0"),
        _ => string.Empty,
    };

    private static string Line(bool rtl, string text) => (rtl ? "\u200F" : string.Empty) + text + "\n";
}
