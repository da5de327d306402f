using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Ciclo.Tests.Support;

/// <summary>The database servers the equivalence tests use: taken from CICLO_TEST_POSTGRES and
/// CICLO_TEST_CLICKHOUSE when the test script started them, else started here by
/// scripts/services.sh (real servers on 127.0.0.1, never mocks).</summary>
public static class TestServices
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Started = new(Start);

    public static string Postgres => Get("CICLO_TEST_POSTGRES");

    public static string ClickHouse => Get("CICLO_TEST_CLICKHOUSE");

    /// <summary>The folder of the ClickHouse server's further configuration (config.d), where test clusters are declared.</summary>
    public static string ClickHouseClusters => Get("CICLO_TEST_CLICKHOUSE_CLUSTERS");

    /// <summary>The ClickHouse server's native TCP port, which a cluster's replicas name.</summary>
    public static string ClickHouseTcpPort => Get("CICLO_TEST_CLICKHOUSE_TCP");

    private static string Get(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
        : Started.Value.TryGetValue(name, out var started) ? started
        : throw new InvalidOperationException($"{name} is not set and scripts/services.sh did not provide it.");

    private static IReadOnlyDictionary<string, string> Start()
    {
        var script = Path.Combine(SourceRoot(), "scripts", "services.sh");
        var start = new ProcessStartInfo("bash", [script, "start"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("scripts/services.sh start failed: " + error);
        }

        return Regex.Matches(output, "export (\\w+)='([^']*)'").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    public static string SourceRoot([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}
