using System.Data.Common;
using System.Globalization;
using System.Text;
using Ciclo.Dialects;
using Ciclo.Import;
using Ciclo.Warehouse.ClickHouse;

namespace Ciclo.Warehouse.Engines;

/// <summary>ClickHouse over HTTP: rows arrive as TabSeparated inserts in large batches, each row
/// a version of its key (ReplacingMergeTree), so re-importing a row replaces it.</summary>
public sealed class ClickHouseEngine : WarehouseEngine
{
    public static readonly ClickHouseEngine Instance = new();

    public override Engine Kind => Engine.ClickHouse;

    public override SqlDialect Dialect => ClickHouseDialect.Instance;

    public override DbConnection Open(WarehouseAddress address, bool create)
    {
        var connection = new ClickHouseConnection(address.Value);
        try
        {
            connection.Open();
            if (create)
            {
                connection.ChangeDatabase("default");
                connection.Query("CREATE DATABASE IF NOT EXISTS " + Dialect.QuoteIdentifier(new ClickHouseConnection(address.Value).Database));
                connection.ChangeDatabase(new ClickHouseConnection(address.Value).Database);
            }
        }
        catch (Exception e) when (e is ClickHouseException or HttpRequestException)
        {
            throw new WorkspaceException("WorkspaceLocked", address.Display, e.Message);
        }

        return connection;
    }

    public override bool Exists(WarehouseAddress address)
    {
        var connection = new ClickHouseConnection(address.Value);
        var database = connection.Database;
        connection.ChangeDatabase("default");
        var count = connection.Query("SELECT count() FROM system.tables WHERE database = " + Dialect.Literal(database) + " AND name = 'schema_version'");
        return long.Parse(count.Trim(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// Inserts the rows as newer versions of their keys, then the rejections and the import row,
    /// all carrying the import id as version. ClickHouse has no transactions: a failure part-way
    /// leaves rows without their import row, which the next import of the same file replaces.
    /// </summary>
    public override void ApplyImport(DbConnection connection, EntitySchema entity, IReadOnlyList<object?[]> rows,
        IReadOnlyList<object?[]> rejections, object?[] importRow, Action? beforeCommit)
    {
        var version = Versions.Next();
        BulkInsert(connection, entity, rows, version);
        BulkInsert(connection, Tables.Quarantine, rejections, version);
        beforeCommit?.Invoke();
        using var command = connection.CreateCommand();
        command.CommandText = Dialect.Upsert(Tables.Imports, importRow);
        command.ExecuteNonQuery();
    }

    public override void BulkInsert(DbConnection connection, DbTransaction? transaction, EntitySchema table, IEnumerable<object?[]> rows) =>
        BulkInsert(connection, table, rows, Versions.Next());

    public static void BulkInsert(DbConnection connection, EntitySchema table, IEnumerable<object?[]> rows, long version)
    {
        var d = ClickHouseDialect.Instance;
        var insert = "INSERT INTO " + d.QuoteIdentifier(table.Table) + " (" + string.Join(", ", table.Columns.Select(c => d.QuoteIdentifier(c.Name))) +
                     ", " + d.QuoteIdentifier("_version") + ") FORMAT TabSeparated";
        var tail = "\t" + version.ToString(CultureInfo.InvariantCulture) + "\n";
        foreach (var batch in rows.Chunk(200_000))
        {
            using var body = new MemoryStream();
            using (var writer = new StreamWriter(body, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            {
                foreach (var row in batch)
                {
                    for (var i = 0; i < row.Length; i++)
                    {
                        if (i > 0)
                        {
                            writer.Write('\t');
                        }

                        writer.Write(Cell(row[i]));
                    }

                    writer.Write(tail);
                }
            }

            body.Position = 0;
            ((ClickHouseConnection)connection).Insert(insert, body);
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => "\\N",
        string s => Escape(s),
        bool b => b ? "1" : "0",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => (t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Escape(value.ToString() ?? string.Empty),
    };

    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
