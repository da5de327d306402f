using System.Data.Common;
using System.Globalization;
using System.Text;
using Ciclo.Dialects;
using Ciclo.Import;
using Ciclo.Warehouse.ClickHouse;

namespace Ciclo.Warehouse.Engines;

/// <summary>ClickHouse over HTTP: rows arrive as TabSeparated inserts in large batches, each row
/// a version of its key (ReplacingMergeTree), so re-importing a row replaces it. With a
/// <see cref="ClickHouseCluster"/>, the per-customer tables are spread over its shards.</summary>
public sealed class ClickHouseEngine(ClickHouseCluster? cluster = null) : WarehouseEngine
{
    public static readonly ClickHouseEngine Instance = new();

    private readonly SqlDialect _dialect = cluster is null ? ClickHouseDialect.Instance : new ClickHouseClusterDialect(cluster);

    public override Engine Kind => Engine.ClickHouse;

    public override SqlDialect Dialect => _dialect;

    /// <summary>The cluster the workspace is spread over, or null on one server.</summary>
    public ClickHouseCluster? Cluster => cluster;

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
                foreach (var shard in cluster?.Shards ?? [])
                {
                    connection.Query("CREATE DATABASE IF NOT EXISTS " + Dialect.QuoteIdentifier(shard));
                }

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
    /// On a cluster, a row that moves to another customer first gets a tombstone of its old
    /// version, which the sharding key sends to the old shard; the new version is newer still, so
    /// it wins where both land on one shard.
    /// </summary>
    public override void ApplyImport(DbConnection connection, EntitySchema entity, IReadOnlyList<object?[]> rows,
        IReadOnlyList<object?[]> rejections, object?[] importRow, Action? beforeCommit)
    {
        var tombstones = Moved(connection, entity, rows);
        if (tombstones.Count > 0)
        {
            BulkInsert(connection, entity, tombstones, Versions.Next(), deleted: true);
        }

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

    /// <summary>The stored rows of the file's keys whose sharding columns the file changes (only on a
    /// cluster, only for tables whose key does not hold the sharding columns).</summary>
    private List<object?[]> Moved(DbConnection connection, EntitySchema entity, IReadOnlyList<object?[]> rows)
    {
        var moved = new List<object?[]>();
        if (cluster is null || !ClickHouseCluster.ShardingColumns.TryGetValue(entity.Table, out var sharding) || sharding.All(entity.Key.Contains) ||
            connection.Count("SELECT count() FROM " + Dialect.QuoteIdentifier(entity.Table)) == 0)
        {
            return moved;
        }

        var d = Dialect;
        var keyIndexes = entity.Key.Select(k => entity.Columns.ToList().FindIndex(c => c.Name == k)).ToArray();
        var shardIndexes = sharding.Select(k => entity.Columns.ToList().FindIndex(c => c.Name == k)).ToArray();
        string KeyOf(object?[] row) => string.Join("\u0001", keyIndexes.Select(i => Cell(row[i])));
        string ShardOf(object?[] row) => string.Join("\u0001", shardIndexes.Select(i => Cell(row[i])));
        var keyTuple = "(" + string.Join(", ", entity.Key.Select(d.QuoteIdentifier)) + ")";
        var columns = string.Join(", ", entity.Columns.Select(c => d.QuoteIdentifier(c.Name)));
        foreach (var chunk in rows.Chunk(5000))
        {
            var incoming = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in chunk)
            {
                incoming[KeyOf(row)] = ShardOf(row);
            }

            var values = string.Join(", ", chunk.Select(r => "(" + string.Join(", ", keyIndexes.Select(i => d.Literal(r[i]))) + ")"));
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT " + columns + " FROM " + d.TableReference(entity.Table) + " WHERE " + keyTuple + " IN (" + values + ")";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var stored = new object?[entity.Columns.Count];
                for (var i = 0; i < stored.Length; i++)
                {
                    stored[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                if (incoming.TryGetValue(KeyOf(stored), out var shard) && shard != ShardOf(stored))
                {
                    moved.Add(stored);
                }
            }
        }

        return moved;
    }

    public static void BulkInsert(DbConnection connection, EntitySchema table, IEnumerable<object?[]> rows, long version, bool deleted = false)
    {
        var d = ClickHouseDialect.Instance;
        var insert = "INSERT INTO " + d.QuoteIdentifier(table.Table) + " (" + string.Join(", ", table.Columns.Select(c => d.QuoteIdentifier(c.Name))) +
                     ", " + d.QuoteIdentifier("_version") + (deleted ? ", " + d.QuoteIdentifier("_deleted") : string.Empty) + ") FORMAT TabSeparated";
        var tail = "\t" + version.ToString(CultureInfo.InvariantCulture) + (deleted ? "\t1" : string.Empty) + "\n";
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
