using Ciclo.Localization;
using Ciclo.Planner;
using Ciclo.Presenters;
using Ciclo.Verbatims;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo themes --db PATH [--from] [--to] [--grain] [--segment] [--language] [--min-count] [--format]`
/// reports what customers say per theme and period; `ciclo themes list`, `ciclo themes add ID --name
/// --words --lang` and `ciclo themes rename ID --name` manage the workspace's themes.</summary>
public sealed class ThemesCommand : ICommand
{
    public string Name => "themes";

    public int Run(Arguments args, CliConsole console, string lang)
    {
        using var workspace = WorkspaceOption.Open(args);
        var verb = args.Positional.Count > 1 ? args.Positional[1] : null;
        switch (verb)
        {
            case null:
                break;
            case "list":
                console.Out.Write(ThemeListPresenter.Render(ThemeStore.Load(workspace), lang));
                return 0;
            case "add" when args.Positional.Count == 3:
                var language = args.Get("lang") ?? "en";
                if (!ThemeStore.TermLanguages.Contains(language))
                {
                    throw new UsageException("BadTermLanguage", language);
                }

                var words = (args.Get("words") ?? throw new UsageException("UsageThemes"))
                    .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                ThemeStore.Add(workspace, args.Positional[2], args.Get("name"), words, language);
                console.Out.WriteLine(Text.Format(lang, "ThemeSaved", args.Positional[2]));
                return 0;
            case "rename" when args.Positional.Count == 3:
                ThemeStore.Rename(workspace, args.Positional[2], args.Get("name") ?? throw new UsageException("UsageThemes"));
                console.Out.WriteLine(Text.Format(lang, "ThemeSaved", args.Positional[2]));
                return 0;
            default:
                throw new UsageException("UsageThemes");
        }

        var segment = args.Segment();

        var (from, to) = (args.Date("from"), args.Date("to"));
        if (from is { } f && to is { } t && t < f)
        {
            throw new UsageException("RangeReversed", f, t);
        }

        var format = args.Get("format", "table");
        if (format is not ("table" or "json"))
        {
            throw new UsageException("BadFormat", format, "table, json");
        }

        var report = ThemeReportBuilder.Run(workspace, new ThemeRequest(from, to, args.Grain(), segment, args.Get("language"), args.Int("min-count") ?? 5));
        console.Out.Write(format == "json" ? ThemeReportPresenter.Json(report, lang) : ThemeReportPresenter.Text(report, lang));
        return 0;
    }
}
