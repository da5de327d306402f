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
    /// <summary>The configured limit, or null for DuckDB's default.</summary>
    public static string? Limit => Parse(Environment.GetEnvironmentVariable("CICLO_DUCKDB_MEMORY_LIMIT"));

    /// <summary>A DuckDB size (<c>3GB</c>, <c>512MiB</c>), or null for anything else.</summary>
    public static string? Parse(string? value) =>
        value is { Length: > 0 } &&
        System.Text.RegularExpressions.Regex.IsMatch(value, @"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            ? value
            : null;

    public static void Apply(DuckDBConnection connection, bool inMemory) => Apply(connection, inMemory, Limit);

    /// <summary>Sets the limit (none: DuckDB's default) and, for an in-memory database, where it spills.</summary>
    public static void Apply(DuckDBConnection connection, bool inMemory, string? limit)
    {
        using var command = connection.CreateCommand();
        if (limit is not null)
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
