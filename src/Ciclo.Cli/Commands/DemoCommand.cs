using Ciclo.Catalog;
using Ciclo.Demo;
using Ciclo.Import;
using Ciclo.Localization;
using Ciclo.Planner;
using Ciclo.Presenters;
using Ciclo.Warehouse;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo demo [--db PATH] [--seed N] [--lang] [--serve [--urls URL]]`: writes a seeded dataset,
/// imports it through the normal import path into a fresh workspace, prints its expand-stage
/// dashboard and, with --serve, serves the web dashboard over it.</summary>
public sealed class DemoCommand : ICommand
{
    public string Name => "demo";

    public int Run(Arguments args, CliConsole console, string lang)
    {
        var path = args.Get("db", "demo.duckdb");
        var seed = args.Int("seed") ?? 42;
        var isFile = WarehouseAddress.Parse(path).Engine == Engine.DuckDb;
        if (isFile)
        {
            foreach (var file in new[] { path, path + ".wal" })
            {
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }
        }

        var folder = isFile
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + "-data")
            : Path.Combine(Directory.GetCurrentDirectory(), "demo-data");
        var files = DemoDataset.Write(folder, new DemoOptions(seed));
        using var workspace = Workspace.Create(path, new WorkspaceSettings("EUR", "Europe/Rome"));
        var importer = new Importer(workspace);
        foreach (var (entity, file) in files)
        {
            var summary = importer.Import(Entities.Find(entity)!, file, console.Progress(entity));
            console.Error.Write(ImportSummaryPresenter.Render(summary, lang));
        }

        console.Error.WriteLine(Text.Format(lang, "DemoReady", path, folder));
        var request = MetricsCommand.BuildRequest(args, workspace, args.Has("stage") ? null : [Stage.Expand]);
        if (!args.Has("from"))
        {
            request = request with { From = new DateOnly(request.To.Year, request.To.Month, 1).AddMonths(-5) };
        }

        var report = MetricEngine.Run(workspace, request);
        console.Out.Write(MetricsCommand.Format(report, args.Get("format", "table"), lang));
        workspace.Dispose();
        if (args.Has("serve"))
        {
            var serve = new List<string> { "serve", "--db", path, "--lang", lang, "--urls", args.Get("urls", "http://127.0.0.1:5080") };
            return new ServeCommand().Run(new Arguments(serve), console, lang);
        }

        console.Out.WriteLine();
        console.Out.WriteLine(Text.Format(lang, "DemoOpen", path));
        return 0;
    }
}
