using Ciclo.Tests.Support;

namespace Ciclo.Tests.Cli;

/// <summary>`ciclo generate` run as the built executable.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ciclo-e2e", Guid.NewGuid().ToString("N"));

    public GenerateCommandTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Generate_writes_the_nine_files_in_import_order_and_they_import()
    {
        var generate = CicloProcess.Run(_folder, "generate", "--out", "data", "--scale", "s", "--seed", "3");

        Assert.True(generate.ExitCode == 0, generate.Error);
        var lines = generate.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["customers", "fx_rates", "revenue", "campaigns", "campaign_events", "surveys", "leads", "channel_stats", "program_members"],
            lines.Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Contains("customers: " + Path.Combine("data", "customers.csv") + " (10,000 rows)", generate.Out);

        CicloProcess.Run(_folder, "init", "--db", "gen.duckdb");
        var import = CicloProcess.Run(_folder, "import", "customers", Path.Combine("data", "customers.csv"), "--db", "gen.duckdb");
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Contains("10,000 rows read · 10,000 inserted", import.Out + import.Error);
    }

    [Fact]
    public void An_unknown_scale_or_no_folder_is_a_usage_error()
    {
        var scale = CicloProcess.Run(_folder, "generate", "--out", "data", "--scale", "XL");
        Assert.Equal(2, scale.ExitCode);
        Assert.Contains("ciclo generate --out DIR --scale S|M|L", scale.Error);

        var folder = CicloProcess.Run(_folder, "generate", "--scale", "S", "--lang", "it");
        Assert.Equal(2, folder.ExitCode);
        Assert.Contains("Uso: ciclo generate --out CARTELLA", folder.Error);
        Assert.False(Directory.Exists(Path.Combine(_folder, "data")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
