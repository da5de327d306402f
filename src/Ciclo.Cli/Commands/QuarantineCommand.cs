using Ciclo.Import;
using Ciclo.Localization;
using Ciclo.Presenters;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo quarantine --db PATH [--entity NAME]`: every rejected value with file, line, column and reason.</summary>
public sealed class QuarantineCommand : ICommand
{
    public string Name => "quarantine";

    public int Run(Arguments args, CliConsole console, string lang)
    {
        using var workspace = WorkspaceOption.Open(args);
        var rows = Importer.Quarantine(workspace, args.Get("entity"));
        if (rows.Count == 0)
        {
            console.Out.WriteLine(Text.Get(lang, "QuarantineEmpty"));
            return 0;
        }

        var f = new NumberFormatter(lang, string.Empty);
        var table = new TextTable(Text.IsRightToLeft(lang));
        table.Header(Text.Get(lang, "ColFile"), Text.Get(lang, "ColLine"), Text.Get(lang, "ColColumn"), Text.Get(lang, "ColValue"), Text.Get(lang, "ColReason"));
        table.TextColumns.UnionWith([2, 3, 4]);
        foreach (var r in rows)
        {
            table.Row(r.File, f.Digits(r.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)), r.Column, r.Value ?? string.Empty,
                ImportSummaryPresenter.Reason(r, lang));
        }

        console.Out.Write(table.Render());
        return 0;
    }
}
