using Ciclo.Influence;
using Ciclo.Localization;
using Ciclo.Planner;
using Ciclo.Server.Reporting;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo report --db PATH [--from] [--to] [--grain] [--segment] [--lang] --out FILE.html`:
/// one self-contained HTML file with findings, charts and tables.</summary>
public sealed class ReportCommand : ICommand
{
    public string Name => "report";

    public int Run(Arguments args, CliConsole console, string lang)
    {
        var output = args.Get("out") ?? throw new UsageException("UsageReport");
        using var workspace = WorkspaceOption.Open(args);
        var request = MetricsCommand.BuildRequest(args, workspace);
        var data = new ReportData(MetricEngine.Run(workspace, request), InfluenceCalculator.Run(workspace, AttributionModel.Last, null, request.TimeZone), lang);
        File.WriteAllText(output, HtmlReport.Render(data), new System.Text.UTF8Encoding(false));
        console.Out.WriteLine(Text.Format(lang, "ReportWritten", Path.GetFullPath(output)));
        return 0;
    }
}
