using System.Globalization;
using DuckDB.NET.Data;

namespace Ciclo.Warehouse;

/// <summary>
/// The memory DuckDB may hold before it spills to disk, for the workspace file and the import's
/// validation space alike: DuckDB's own default (80 % of the machine's memory) unless
/// <c>CICLO_DUCKDB_MEMORY_LIMIT</c> gives a DuckDB size such as <c>3GB</c>. A lower limit keeps a
/// command within it where DuckDB can spill (the importer's work tables, groupings), at some
/// speed; a table's primary-key index cannot spill, so the limit must hold the keys of the
/// largest table. The import's in-memory validation space spills to a folder of its own under
/// the system's temporary folder.
/// </summary>
public static class DuckDbMemory
{
    /// <summary>The configured limit, or null for DuckDB's default; an unreadable value is ignored.</summary>
    public static string? Limit =>
        Environment.GetEnvironmentVariable("CICLO_DUCKDB_MEMORY_LIMIT") is { Length: > 0 } limit &&
        System.Text.RegularExpressions.Regex.IsMatch(limit, @"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            ? limit
            : null;

    public static void Apply(DuckDBConnection connection, bool inMemory)
    {
        using var command = connection.CreateCommand();
        if (Limit is { } limit)
        {
            command.CommandText = "SET memory_limit = '" + limit + "'";
            command.ExecuteNonQuery();
        }

        if (inMemory)
        {
            var folder = Path.Combine(Path.GetTempPath(), "ciclo-spill-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            command.CommandText = "SET temp_directory = '" + folder.Replace("'", "''", StringComparison.Ordinal) + "'";
            command.ExecuteNonQuery();
        }
    }
}
