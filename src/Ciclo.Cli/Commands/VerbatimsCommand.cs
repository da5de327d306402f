using Ciclo.Planner;
using Ciclo.Presenters;
using Ciclo.Reports;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo verbatims --db PATH [--from] [--to] [--category promoter|passive|detractor] [--language xx] [--segment]
/// [--theme ID] [--sentiment positive|neutral|negative] [--format]`: comments with their themes and sentiment.</summary>
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

        var segment = args.Segment();

        var sentiment = args.Get("sentiment");
        if (sentiment is not null && !VerbatimQuery.Sentiments.Contains(sentiment))
        {
            throw new UsageException("BadSentiment", sentiment);
        }

        var themes = Verbatims.ThemeStore.Load(workspace);
        var theme = args.Get("theme");
        if (theme is not null && themes.Find(theme) is null)
        {
            throw new UsageException("UnknownTheme", theme);
        }

        var rows = VerbatimQuery.Run(workspace, args.Date("from"), args.Date("to"), category, args.Get("language"), segment, args.Int("limit") ?? 1000,
            theme, sentiment);
        console.Out.Write(args.Get("format", "table") switch
        {
            "table" => VerbatimPresenter.Text(rows, lang, themes),
            "json" => VerbatimPresenter.Json(rows),
            var other => throw new UsageException("BadFormat", other, "table, json"),
        });
        return 0;
    }
}
