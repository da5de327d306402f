using Ciclo.Catalog;
using Ciclo.Planner;
using Ciclo.Presenters;
using Ciclo.Results;
using Ciclo.Warehouse;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo metrics --db PATH --from DATE --to DATE [--grain] [--time-zone] [--segment] [--format] [--lang] [--stage] [--metric] [--program]`
/// and `ciclo metrics list`.</summary>
public sealed class MetricsCommand : ICommand
{
    public string Name => "metrics";

    public int Run(Arguments args, CliConsole console, string lang)
    {
        if (args.Positional.Count > 1 && args.Positional[1] == "list")
        {
            var bands = args.Has("db") ? BenchmarkStore.Load(WorkspaceOption.Open(args)) : Metrics.Benchmarks;
            console.Out.Write(CatalogPresenter.Render(lang, bands));
            return 0;
        }

        using var workspace = WorkspaceOption.Open(args);
        var report = MetricEngine.Run(workspace, BuildRequest(args, workspace));
        console.Out.Write(Format(report, args.Get("format", "table"), lang));
        return 0;
    }

    public static string Format(MetricReport report, string format, string lang) => format switch
    {
        "table" => MetricTablePresenter.Render(report, lang),
        "json" => MetricJsonPresenter.Render(report) + "\n",
        "csv" => MetricCsvPresenter.Render(report),
        _ => throw new UsageException("BadFormat", format, "table, json, csv"),
    };

    public static MetricRequest BuildRequest(Arguments args, Workspace workspace, IReadOnlyList<Stage>? stages = null)
    {
        var timeZone = args.Get("time-zone") ?? workspace.Settings.TimeZone;
        TimeZones.Validate(timeZone);
        var (from, to) = MetricEngine.DefaultRange(workspace, args.Date("from"), args.Date("to"), timeZone);
        if (to < from)
        {
            throw new UsageException("RangeReversed", from, to);
        }

        var segment = args.Segment();

        var metricIds = args.Get("metric")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        foreach (var id in metricIds)
        {
            if (Metrics.Find(id) is null)
            {
                throw new UsageException("UnknownMetric", id);
            }
        }

        var stageList = stages?.ToList() ?? [];
        if (args.Get("stage") is { } stageText)
        {
            foreach (var name in stageText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                stageList.Add(Enum.TryParse<Stage>(name, true, out var st) ? st : throw new UsageException("BadStage", name));
            }
        }

        return new MetricRequest(from, to, args.Grain(), timeZone)
        {
            Segment = segment,
            Metrics = metricIds,
            Stages = stageList,
            Program = args.Get("program"),
        };
    }
}
