using System.Globalization;
using DuckDB.NET.Data;

namespace Ciclo.Warehouse;

/// <summary>
/// The memory DuckDB may hold before it spills to disk, for the workspace file and the import's
/// validation space alike. DuckDB's own default is 80 % of the machine's memory, which an import
/// of a hundred million events fills (its work tables live in memory): the limit keeps a command
/// within a few GiB and lets DuckDB write what does not fit to temporary files instead.
/// <c>CICLO_DUCKDB_MEMORY_LIMIT</c> (a DuckDB size such as <c>8GB</c>) overrides the default of 3 GB.
/// </summary>
public static class DuckDbMemory
{
    public const string DefaultLimit = "3GB";

    public static string Limit =>
        Environment.GetEnvironmentVariable("CICLO_DUCKDB_MEMORY_LIMIT") is { Length: > 0 } limit &&
        System.Text.RegularExpressions.Regex.IsMatch(limit, @"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            ? limit
            : DefaultLimit;

    /// <summary>Applies the limit to an open connection; an in-memory database also gets a folder of
    /// its own under the system's temporary folder to spill to.</summary>
    public static void Apply(DuckDBConnection connection, bool inMemory)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SET memory_limit = '" + Limit + "'";
        command.ExecuteNonQuery();
        if (inMemory)
        {
            var folder = Path.Combine(Path.GetTempPath(), "ciclo-spill-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            command.CommandText = "SET temp_directory = '" + folder.Replace("'", "''", StringComparison.Ordinal) + "'";
            command.ExecuteNonQuery();
        }
    }
}
