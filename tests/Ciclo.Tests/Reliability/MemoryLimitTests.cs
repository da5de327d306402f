using System.Globalization;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Reliability;

/// <summary>A DuckDB workspace holds at most the configured memory before it spills to disk, not
/// DuckDB's default of 80 % of the machine's memory.</summary>
public sealed class MemoryLimitTests
{
    [Fact]
    public void A_DuckDB_workspace_is_limited_to_3_GB_by_default()
    {
        using var ws = new TestWorkspace();
        var setting = (string)ws.Workspace.Scalar("SELECT current_setting('memory_limit')")!;
        var parts = setting.Split(' ');
        var bytes = double.Parse(parts[0], CultureInfo.InvariantCulture) * parts[1] switch
        {
            "GiB" => 1L << 30, "GB" => 1e9, "MiB" => 1L << 20, "MB" => 1e6,
            _ => throw new FormatException(setting),
        };
        // DuckDB reports the limit rounded to a tenth of its unit (3 GB reads "2.7 GiB").
        Assert.InRange(bytes, 2.8e9, 3.1e9);
        Assert.Equal("3GB", Ciclo.Warehouse.DuckDbMemory.DefaultLimit);
    }
}
