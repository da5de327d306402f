using Ciclo.Planner;
using Ciclo.Presenters;
using Ciclo.Reports;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo verbatims --db PATH [--from] [--to] [--category promoter|passive|detractor] [--language xx] [--segment] [--format]`.</summary>
public sealed class VerbatimsCommand : ICommand
{
    private static readonly string[] Categories = ["promoter", "passive", "detractor"];

    public string Name => "verbatims";

    public int Run(Arguments args, CliConsole console, string lang)
    {
        using var workspace = WorkspaceOption.Open(args);
        var category = args.Get("category");
        if (category is not null && !Categories.Contains(category))
        {
            throw new UsageException("BadCategory", category);
        }

        SegmentFilter? segment = null;
        if (args.Get("segment") is { } s)
        {
            try
            {
                segment = SegmentFilter.Parse(s);
            }
            catch (ArgumentException)
            {
                throw new UsageException("BadSegment", s);
            }
        }

        var rows = VerbatimQuery.Run(workspace, args.Date("from"), args.Date("to"), category, args.Get("language"), segment, args.Int("limit") ?? 1000);
        console.Out.Write(args.Get("format", "table") switch
        {
            "table" => VerbatimPresenter.Text(rows, lang),
            "json" => VerbatimPresenter.Json(rows),
            var other => throw new UsageException("BadFormat", other, "table, json"),
        });
        return 0;
    }
}
