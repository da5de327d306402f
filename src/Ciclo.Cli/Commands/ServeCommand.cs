using Ciclo.Localization;
using Ciclo.Server;
using Microsoft.Extensions.Hosting;

namespace Ciclo.Cli.Commands;

/// <summary>`ciclo serve --db PATH [--urls http://127.0.0.1:5080] [--keys FILE] [--max-upload-mb N] [--rate-limit N]`:
/// the REST API and the dashboard over one workspace.</summary>
public sealed class ServeCommand : ICommand
{
    public string Name => "serve";

    public int Run(Arguments args, CliConsole console, string lang)
    {
        var options = new ServerOptions(args.Get("db", WorkspaceOption.DefaultPath))
        {
            Urls = args.Get("urls", "http://127.0.0.1:5080"),
            KeysFile = args.Get("keys") ?? Environment.GetEnvironmentVariable("CICLO_KEYS"),
            ContentRoot = args.Get("content-root"),
            MaxUploadBytes = (args.Int("max-upload-mb") ?? 200) * 1024L * 1024L,
            // API requests a minute per client; 0 turns the limit off (a load test on loopback).
            RateLimitPerMinute = args.Get("rate-limit") == "0" ? 0 : args.Int("rate-limit") ?? new ServerOptions(string.Empty).RateLimitPerMinute,
        };
        using var workspace = Warehouse.Workspace.Open(options.Database); // a clear message before the host starts
        workspace.Dispose();
        var app = CicloServer.Create(options);
        app.Start();
        foreach (var url in app.Urls)
        {
            console.Out.WriteLine(Text.Format(lang, "ServeListening", url.TrimEnd('/') + "/?lang=" + lang));
        }

        if (!Server.Security.KeyStore.Load(options.KeysFile).Enabled)
        {
            console.Out.WriteLine(Text.Get(lang, "ServeLoopbackOnly"));
        }

        app.WaitForShutdown();
        return 0;
    }
}
