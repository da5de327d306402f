using Ciclo.Import;
using Ciclo.Localization;
using Ciclo.Presenters;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo import ENTITY FILE --db PATH`.</summary>
public sealed class ImportCommand : ICommand
{
    public string Name => "import";

    public int Run(Arguments args, CliConsole console, string lang)
    {
        if (args.Positional.Count != 3)
        {
            throw new UsageException("UsageImport", string.Join(", ", Entities.All.Select(e => e.Name)));
        }

        var entity = Entities.Find(args.Positional[1])
                     ?? throw new UsageException("UnknownEntity", args.Positional[1], string.Join(", ", Entities.All.Select(e => e.Name)));
        ImportOptions options;
        try
        {
            options = ImportOptions.Parse(args.Get("culture"), args.Get("encoding"), args.Get("delimiter"), args.Get("sheet"));
        }
        catch (ImportOptionException e)
        {
            throw new UsageException(e.MessageKey, e.Arguments);
        }

        using var workspace = WorkspaceOption.Open(args);
        var summary = new Importer(workspace).Import(entity, args.Positional[2], console.Progress(entity.Name), options);
        console.Out.Write(ImportSummaryPresenter.Render(summary, lang));
        return 0;
    }
}
