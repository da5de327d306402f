using System.Globalization;
using Ciclo.Catalog;
using Ciclo.Localization;
using Ciclo.Presenters;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo benchmarks --db PATH` lists the bands in force; `ciclo benchmarks set METRIC BAND
/// [--low X] [--high Y] --source TEXT --db PATH` adds or overrides one for the workspace.</summary>
public sealed class BenchmarksCommand : ICommand
{
    public string Name => "benchmarks";

    public int Run(Arguments args, CliConsole console, string lang)
    {
        using var workspace = WorkspaceOption.Open(args);
        if (args.Positional.Count > 1 && args.Positional[1] == "set")
        {
            if (args.Positional.Count != 4)
            {
                throw new UsageException("UsageBenchmarks");
            }

            var metric = Metrics.Find(args.Positional[2]) ?? throw new UsageException("UnknownMetric", args.Positional[2]);
            var low = Number(args, "low");
            var high = Number(args, "high");
            if (low is null && high is null)
            {
                throw new UsageException("UsageBenchmarks");
            }

            var source = args.Get("source") ?? throw new UsageException("UsageBenchmarks");
            BenchmarkStore.Save(workspace, new BenchmarkBand(metric.Id, args.Positional[3], low, high, source));
        }

        var f = new NumberFormatter(lang, workspace.Settings.Currency);
        var table = new TextTable(Text.IsRightToLeft(lang));
        table.Header(Text.Get(lang, "ColMetric"), Text.Get(lang, "ColBand"), Text.Get(lang, "ColRange"), Text.Get(lang, "ColSource"));
        table.TextColumns.UnionWith([1, 3]);
        foreach (var band in BenchmarkStore.Load(workspace))
        {
            table.Row(MetricTexts.Name(band.Metric, lang), MetricTexts.Band(band.Id, lang), MetricTablePresenter.Range(band, f), band.Source);
        }

        console.Out.Write(table.Render());
        return 0;
    }

    private static double? Number(Arguments args, string name)
    {
        var text = args.Get(name);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new UsageException("BadNumberOption", "--" + name, text);
    }
}
