using System.Globalization;
using Ciclo.Warehouse;
using DuckDB.NET.Data;

namespace Ciclo.Tests.Reliability;

/// <summary>CICLO_DUCKDB_MEMORY_LIMIT bounds the memory of Ciclo's DuckDB connections (DuckDB spills
/// beyond it); an unreadable value leaves DuckDB's default.</summary>
public sealed class MemoryLimitTests
{
    [Theory]
    [InlineData("1GB", "1GB")]
    [InlineData("512 MiB", "512 MiB")]
    [InlineData("2.5gb", "2.5gb")]
    [InlineData("lots", null)]
    [InlineData("1GB; DROP TABLE customers", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_a_DuckDB_size_is_taken(string? value, string? expected) => Assert.Equal(expected, DuckDbMemory.Parse(value));

    [Fact]
    public void The_limit_applies_to_the_connection_and_none_leaves_DuckDBs_default()
    {
        using var limited = Open();
        DuckDbMemory.Apply(limited, inMemory: true, "1GB");
        // DuckDB reports the limit rounded to a tenth of its unit (1 GB reads "953.6 MiB").
        Assert.InRange(Bytes(limited), 0.95e9, 1.05e9);

        using var unlimited = Open();
        var before = Bytes(unlimited);
        DuckDbMemory.Apply(unlimited, inMemory: true, null);
        Assert.Equal(before, Bytes(unlimited));
        Assert.True(before > 1.05e9, $"DuckDB's default is {before} bytes");
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    private static double Bytes(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('memory_limit')";
        var setting = (string)command.ExecuteScalar()!;
        var parts = setting.Split(' ');
        return double.Parse(parts[0], CultureInfo.InvariantCulture) * parts[1] switch
        {
            "GiB" => 1L << 30, "GB" => 1e9, "MiB" => 1L << 20, "MB" => 1e6, "TiB" => 1L << 40,
            _ => throw new FormatException(setting),
        };
    }
}
