using Ciclo.Localization;
using Ciclo.Presenters;
using Ciclo.Reports;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo check --db PATH [--repair]`: amounts without an exchange rate on or before their
/// date, events of contacts never sent their campaign, and a per-send table that differs from the
/// events (rebuilt with --repair), and keys held by more than one row. Exit 0 when clean, 1 when
/// something needs care.</summary>
public sealed class CheckCommand : ICommand
{
    public string Name => "check";

    public int Run(Arguments args, CliConsole console, string lang)
    {
        using var workspace = WorkspaceOption.Open(args);
        var repair = args.Has("repair");
        var f = new NumberFormatter(lang, workspace.Settings.Currency);
        var sends = SendTableCheck.Compare(workspace);
        if (!sends.Current && repair)
        {
            SendTableCheck.Rebuild(workspace);
            console.Out.WriteLine(Text.Format(lang, "CheckSendTableRebuilt", f.Number(sends.Computed, "N0")));
            sends = SendTableCheck.Compare(workspace);
        }

        var missing = MissingRates.Find(workspace);
        var orphans = CampaignReport.Run(workspace, null, null, workspace.Settings.TimeZone).Sum(c => c.Inconsistencies);
        var doubled = DuplicateKeys.Find(workspace);
        if (missing.Count == 0 && orphans == 0 && sends.Current && doubled.Count == 0)
        {
            console.Out.WriteLine(Text.Get(lang, "CheckClean"));
            return 0;
        }

        if (missing.Count > 0)
        {
            console.Out.WriteLine(Text.Format(lang, "CheckMissingRates", f.Number(missing.Count, "N0")));
            var table = new TextTable(Text.IsRightToLeft(lang));
            table.Header(Text.Get(lang, "ColEntity"), Text.Get(lang, "ColKey"), Text.Get(lang, "ColDay"), Text.Get(lang, "ColAmount"), Text.Get(lang, "ColCurrency"));
            table.TextColumns.UnionWith([1, 4]);
            foreach (var m in missing)
            {
                table.Row(m.Entity, m.Key, f.Date(m.Day), f.Number((double)m.Amount, "N2"), m.Currency);
            }

            console.Out.Write(table.Render());
        }

        if (!sends.Current)
        {
            console.Out.WriteLine(sends.CountsCurrent || sends.Stored != sends.Computed
                ? Text.Format(lang, "CheckSendTableStale", f.Number(sends.Stored, "N0"), f.Number(sends.Computed, "N0"))
                : Text.Get(lang, "CheckSendCountsStale"));
        }

        if (orphans > 0)
        {
            console.Out.WriteLine(Text.Format(lang, "CampaignInconsistencies", f.Number(orphans, "N0")));
        }

        foreach (var (entity, keys) in doubled)
        {
            console.Out.WriteLine(Text.Format(lang, "CheckDuplicateKeys", entity, f.Number(keys, "N0")));
        }

        return 1;
    }
}
