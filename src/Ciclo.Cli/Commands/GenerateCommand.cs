using Ciclo.Generate;
using Ciclo.Localization;
using Ciclo.Presenters;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo generate --out DIR --scale S|M|L [--seed N]`: writes a benchmark dataset of the
/// given scale in the native import format and prints each file with its rows, in import order.</summary>
public sealed class GenerateCommand : ICommand
{
    public string Name => "generate";

    public int Run(Arguments args, CliConsole console, string lang)
    {
        var folder = args.Get("out") ?? throw new UsageException("UsageGenerate");
        var scaleName = args.Get("scale", "S");
        var scale = GenerateScale.Find(scaleName) ?? throw new UsageException("UsageGenerate");
        var seed = args.Int("seed") ?? 42;
        var files = GeneratedDataset.Write(folder, scale, seed);
        var f = new NumberFormatter(lang, "EUR");
        foreach (var (entity, path, rows) in files.Files)
        {
            console.Out.WriteLine(Text.Format(lang, "GeneratedFile", entity, path, f.Number(rows, "N0")));
        }

        return 0;
    }
}
