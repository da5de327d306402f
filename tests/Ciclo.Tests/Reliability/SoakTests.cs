using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ciclo.Tests.Support;
using Xunit.Abstractions;

namespace Ciclo.Tests.Reliability;

/// <summary>
/// The soak run of bench/soak/soak.sh, shortened: `ciclo serve` over the demo workspace, wrk
/// sending mixed API requests on loopback while files are uploaded again and again. No 5xx, no
/// failed upload, no socket error or timeout, and resident memory within the bound. The long run
/// (minutes) is the same script with --seconds; its numbers are in docs/reliability.md.
/// Set CICLO_SOAK_SECONDS to change the length here.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Mixed_requests_beside_repeated_uploads_get_no_5xx_and_memory_stays_bounded()
    {
        var seconds = Environment.GetEnvironmentVariable("CICLO_SOAK_SECONDS") is { Length: > 0 } s ? s : "30";
        var start = new ProcessStartInfo("bash", [Path.Combine(TestServices.SourceRoot(), "bench", "soak", "soak.sh"), "--seconds", seconds, "--warmup", "20"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CICLO"] = CicloProcess.Executable;
        using var process = Process.Start(start)!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var stdoutTask = process.StandardOutput.ReadToEndAsync(limit.Token);
        var stderrTask = process.StandardError.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        var (stdout, stderr) = (await stdoutTask, await stderrTask);
        output.WriteLine(stdout);
        output.WriteLine(stderr);

        var line = stdout.Split('\n').SingleOrDefault(l => l.StartsWith("SOAK ", StringComparison.Ordinal));
        Assert.True(line is not null, "no SOAK summary: " + stderr);
        var soak = JsonDocument.Parse(line["SOAK ".Length..]).RootElement;
        var wrk = soak.GetProperty("wrk");
        Assert.True(wrk.GetProperty("requests").GetInt64() > 0);
        Assert.Equal(0, wrk.GetProperty("status_5xx").GetInt64());
        Assert.Equal(0, wrk.GetProperty("socket_errors").GetInt64());
        Assert.Equal(0, wrk.GetProperty("timeouts").GetInt64());
        Assert.True(wrk.GetProperty("status_4xx").GetInt64() > 0, "the deliberately bad requests were not answered 4xx");
        Assert.True(soak.GetProperty("imports").GetInt64() > 0, "no upload ran during the soak");
        Assert.Equal(0, soak.GetProperty("import_failures").GetInt64());
        Assert.True(soak.GetProperty("growth_mb").GetInt64() <= soak.GetProperty("max_growth_mb").GetInt64(),
            string.Create(CultureInfo.InvariantCulture, $"resident memory grew by {soak.GetProperty("growth_mb")} MB"));
        Assert.Equal(0, process.ExitCode);
    }
}
