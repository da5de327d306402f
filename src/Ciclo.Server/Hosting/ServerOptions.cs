namespace Ciclo.Server;

/// <summary>How the server runs: the workspace, the addresses, the key file (none: loopback
/// only), where the static files live, the largest upload accepted, and how many API requests a
/// minute one client (an API key, or an address without one) may send (0: no limit).</summary>
public sealed record ServerOptions(string Database)
{
    public string Urls { get; init; } = "http://127.0.0.1:5080";
    public string? KeysFile { get; init; }
    public string? ContentRoot { get; init; }
    public long MaxUploadBytes { get; init; } = 200L * 1024 * 1024;
    public int RateLimitPerMinute { get; init; } = 1200;

    /// <summary>Reads --db, --urls, --keys, --content-root, --max-upload-mb, --rate-limit from the command line
    /// (or CICLO_DB / CICLO_KEYS from the environment).</summary>
    public static ServerOptions FromArgs(IReadOnlyList<string> args)
    {
        string? Option(string name)
        {
            for (var i = 0; i < args.Count - 1; i++)
            {
                if (args[i] == "--" + name)
                {
                    return args[i + 1];
                }
            }

            return null;
        }

        var defaults = new ServerOptions("ciclo.duckdb");
        return new ServerOptions(Option("db") ?? Environment.GetEnvironmentVariable("CICLO_DB") ?? "ciclo.duckdb")
        {
            Urls = Option("urls") ?? defaults.Urls,
            KeysFile = Option("keys") ?? Environment.GetEnvironmentVariable("CICLO_KEYS"),
            ContentRoot = Option("content-root"),
            MaxUploadBytes = Option("max-upload-mb") is { } mb
                ? long.Parse(mb, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024
                : defaults.MaxUploadBytes,
            RateLimitPerMinute = Option("rate-limit") is { } limit
                ? int.Parse(limit, System.Globalization.CultureInfo.InvariantCulture)
                : defaults.RateLimitPerMinute,
        };
    }
}
