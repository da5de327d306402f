using Ciclo.Planner;
using Ciclo.Presenters;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo programmes --db PATH [--program NAME] [--from] [--to] [--grain] [--format table|json|csv]`:
/// each programme's members, enrolment, member vs non-member churn and expansion revenue per customer, per period.</summary>
public sealed class ProgrammesCommand : ICommand
{
    public string Name => "programmes";

    public int Run(Arguments args, CliConsole console, string lang)
    {
        using var workspace = WorkspaceOption.Open(args);
        var format = args.Get("format", "table");
        var request = MetricsCommand.BuildRequest(args, workspace) with { Metrics = Catalog.Metrics.ProgrammeIds };
        var names = request.Program is { } one ? [one] : ProgrammeNames(workspace);
        if (names.Count == 0)
        {
            console.Out.WriteLine(Localization.Text.Get(lang, "NoProgrammes"));
            return 0;
        }

        foreach (var name in names)
        {
            var report = MetricEngine.Run(workspace, request with { Program = name });
            console.Out.Write(MetricsCommand.Format(report, format, lang));
            if (format == "table")
            {
                console.Out.WriteLine();
            }
        }

        return 0;
    }

    private static List<string> ProgrammeNames(Warehouse.Workspace workspace)
    {
        using var command = workspace.Connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT program FROM program_members ORDER BY program";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
