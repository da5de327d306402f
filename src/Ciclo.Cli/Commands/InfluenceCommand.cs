using Ciclo.Influence;
using Ciclo.Presenters;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo influence --db PATH [--model last|first|linear] [--window DAYS] [--top N] [--time-zone TZ] [--format table|json]`.</summary>
public sealed class InfluenceCommand : ICommand
{
    public string Name => "influence";

    public int Run(Arguments args, CliConsole console, string lang)
    {
        using var workspace = WorkspaceOption.Open(args);
        var model = args.Get("model", "last") switch
        {
            "last" => AttributionModel.Last,
            "first" => AttributionModel.First,
            "linear" => AttributionModel.Linear,
            var other => throw new UsageException("BadModel", other),
        };
        var timeZone = args.Get("time-zone");
        if (timeZone is not null)
        {
            Warehouse.TimeZones.Validate(timeZone);
        }

        var report = InfluenceCalculator.Run(workspace, model, args.Int("window"), timeZone);
        if (args.Int("top") is { } top)
        {
            report = report with { Campaigns = report.Campaigns.Take(top).ToList(), Programmes = report.Programmes.Take(top).ToList() };
        }

        console.Out.Write(args.Get("format", "table") switch
        {
            "table" => InfluencePresenter.Table(report, lang),
            "json" => InfluencePresenter.Json(report),
            var other => throw new UsageException("BadFormat", other, "table, json"),
        });
        return 0;
    }
}
