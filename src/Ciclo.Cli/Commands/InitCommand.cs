using Ciclo.Localization;
using Ciclo.Warehouse;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo init --db PATH [--currency EUR] [--time-zone Europe/Rome]`.</summary>
public sealed class InitCommand : ICommand
{
    public string Name => "init";

    public int Run(Arguments args, CliConsole console, string lang)
    {
        var path = args.Get("db", WorkspaceOption.DefaultPath);
        var settings = new WorkspaceSettings(
            args.Get("currency", "EUR").ToUpperInvariant(),
            args.Get("time-zone", "UTC"),
            args.Int("conversion-window") ?? 90,
            args.Int("attribution-window") ?? 90);
        using var workspace = Workspace.Create(path, settings);
        console.Out.WriteLine(Text.Format(lang, "WorkspaceCreated", path, settings.Currency, settings.TimeZone));
        return 0;
    }
}
