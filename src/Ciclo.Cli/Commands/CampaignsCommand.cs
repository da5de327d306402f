using Ciclo.Presenters;
using Ciclo.Reports;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo campaigns --db PATH [--from] [--to] [--time-zone] [--audience] [--format table|json] [--lang]`.</summary>
public sealed class CampaignsCommand : ICommand
{
    public string Name => "campaigns";

    public int Run(Arguments args, CliConsole console, string lang)
    {
        using var workspace = WorkspaceOption.Open(args);
        var timeZone = args.Get("time-zone") ?? workspace.Settings.TimeZone;
        Warehouse.TimeZones.Validate(timeZone);
        var rows = CampaignReport.Run(workspace, args.Date("from"), args.Date("to"), timeZone, args.Get("audience"));
        console.Out.Write(args.Get("format", "table") switch
        {
            "table" => CampaignPresenter.Table(rows, lang),
            "json" => CampaignPresenter.Json(rows),
            var other => throw new UsageException("BadFormat", other, "table, json"),
        });
        return 0;
    }
}
