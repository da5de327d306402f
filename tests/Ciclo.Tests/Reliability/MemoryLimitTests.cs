using System.Globalization;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Reliability;

/// <summary>CICLO_DUCKDB_MEMORY_LIMIT bounds the memory of a DuckDB workspace (DuckDB spills beyond
/// it); an unreadable value leaves DuckDB's default.</summary>
public sealed class MemoryLimitTests
{
    [Fact]
    public void The_configured_limit_applies_to_a_DuckDB_workspace()
    {
        var before = Environment.GetEnvironmentVariable("CICLO_DUCKDB_MEMORY_LIMIT");
        try
        {
            Environment.SetEnvironmentVariable("CICLO_DUCKDB_MEMORY_LIMIT", "1GB");
            using (var limited = new TestWorkspace())
            {
                // DuckDB reports the limit rounded to a tenth of its unit (1 GB reads "953.6 MiB").
                Assert.InRange(Bytes(limited), 0.95e9, 1.05e9);
            }

            Environment.SetEnvironmentVariable("CICLO_DUCKDB_MEMORY_LIMIT", "lots");
            Assert.Null(Ciclo.Warehouse.DuckDbMemory.Limit);
            using var unlimited = new TestWorkspace();
            Assert.True(Bytes(unlimited) > 1.05e9);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CICLO_DUCKDB_MEMORY_LIMIT", before);
        }
    }

    private static double Bytes(TestWorkspace ws)
    {
        var setting = (string)ws.Workspace.Scalar("SELECT current_setting('memory_limit')")!;
        var parts = setting.Split(' ');
        return double.Parse(parts[0], CultureInfo.InvariantCulture) * parts[1] switch
        {
            "GiB" => 1L << 30, "GB" => 1e9, "MiB" => 1L << 20, "MB" => 1e6, "TiB" => 1L << 40,
            _ => throw new FormatException(setting),
        };
    }
}
