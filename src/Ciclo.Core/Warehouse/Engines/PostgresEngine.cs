using System.Data.Common;
using Ciclo.Dialects;
using Ciclo.Import;
using Npgsql;
using NpgsqlTypes;

namespace Ciclo.Warehouse.Engines;

/// <summary>PostgreSQL: rows arrive by binary COPY, always with explicit types.</summary>
public sealed class PostgresEngine : WarehouseEngine
{
    public static readonly PostgresEngine Instance = new();

    public override Engine Kind => Engine.Postgres;

    public override SqlDialect Dialect => PostgresDialect.Instance;

    public override DbConnection Open(WarehouseAddress address, bool create)
    {
        var builder = new NpgsqlConnectionStringBuilder(address.Value);
        try
        {
            if (create)
            {
                CreateDatabase(builder);
            }

            var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return connection;
        }
        catch (NpgsqlException e)
        {
            throw new WorkspaceException("WorkspaceLocked", address.Display, e.Message);
        }
    }

    private static void CreateDatabase(NpgsqlConnectionStringBuilder target)
    {
        var admin = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(admin.ConnectionString);
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(target.Database!);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand("CREATE DATABASE " + PostgresDialect.Instance.QuoteIdentifier(target.Database!) + " ENCODING 'UTF8' TEMPLATE template0", connection);
            create.ExecuteNonQuery();
        }
    }

    /// <summary>One transaction: the file's keys by COPY into a temporary table, DELETE USING it,
    /// the rows by binary COPY, the file's quarantine replaced, the import logged.</summary>
    public override void ApplyImport(DbConnection connection, EntitySchema entity, IReadOnlyList<object?[]> rows,
        IReadOnlyList<object?[]> rejections, object?[] importRow, Action? beforeCommit)
    {
        var d = Dialect;
        var q = d.QuoteIdentifier;
        var keys = new EntitySchema("_ciclo_keys", entity.Key.Select(k => entity.Column(k) with { Required = false }).ToList(), entity.Key);
        var keyIndexes = entity.Key.Select(k => entity.Columns.ToList().FindIndex(c => c.Name == k)).ToArray();
        using var tx = connection.BeginTransaction();
        connection.Execute("CREATE TEMP TABLE " + q(keys.Table) + " (" + string.Join(", ", keys.Columns.Select(k => q(k.Name) + " " + d.ColumnTypeName(k.Type))) + ") ON COMMIT DROP");
        BulkInsert(connection, tx, keys, rows.Select(r => keyIndexes.Select(i => r[i]).ToArray()));
        connection.Execute($"DELETE FROM {q(entity.Table)} AS t USING {q(keys.Table)} AS g WHERE " + string.Join(" AND ", entity.Key.Select(k => $"t.{q(k)} = g.{q(k)}")));
        BulkInsert(connection, tx, entity, rows);
        connection.Execute($"DELETE FROM quarantine WHERE entity = {d.Literal(importRow[1])} AND file = {d.Literal(importRow[2])}");
        BulkInsert(connection, tx, Tables.Quarantine, rejections);
        connection.Execute(d.Upsert(Tables.Imports, importRow));
        beforeCommit?.Invoke();
        tx.Commit();
    }

    /// <summary>ANALYZE of the tables an import wrote. Autovacuum gets to them only later: until then
    /// the planner reads a freshly loaded table with its old statistics, or none, and the first
    /// dashboard after a large import can pick a plan tens of times slower.</summary>
    public override void RefreshStatistics(DbConnection connection, IEnumerable<string> tables)
    {
        foreach (var table in tables)
        {
            connection.Execute("ANALYZE " + Dialect.QuoteIdentifier(table));
        }
    }

    /// <summary>A session advisory lock keyed by the workspace's schema: a second import waits for the
    /// first to commit or fail; the server releases it by itself if the importing process dies.</summary>
    public override IDisposable LockImports(DbConnection connection)
    {
        connection.Execute("SELECT pg_advisory_lock(hashtext('ciclo.import.' || current_schema()))");
        return new ImportLock(connection);
    }

    private sealed class ImportLock(DbConnection connection) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                connection.Execute("SELECT pg_advisory_unlock(hashtext('ciclo.import.' || current_schema()))");
            }
            catch (DbException)
            {
                // The session is broken and the lock ended with it; keep the import's own error.
            }
        }
    }

    public override bool Exists(WarehouseAddress address)
    {
        try
        {
            using var connection = new NpgsqlConnection(address.Value);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version' AND table_schema = current_schema()", connection);
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        catch (PostgresException e) when (e.SqlState == "3D000")
        {
            return false; // no such database
        }
    }

    public override void BulkInsert(DbConnection connection, DbTransaction? transaction, EntitySchema table, IEnumerable<object?[]> rows)
    {
        var d = Dialect;
        var columns = string.Join(", ", table.Columns.Select(c => d.QuoteIdentifier(c.Name)));
        using var writer = ((NpgsqlConnection)connection).BeginBinaryImport($"COPY {d.QuoteIdentifier(table.Table)} ({columns}) FROM STDIN (FORMAT BINARY)");
        var types = table.Columns.Select(c => TypeOf(c.Type)).ToArray();
        foreach (var row in rows)
        {
            writer.StartRow();
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null)
                {
                    writer.WriteNull();
                }
                else
                {
                    writer.Write(Normalize(row[i]!, types[i]), types[i]);
                }
            }
        }

        writer.Complete();
    }

    private static object Normalize(object value, NpgsqlDbType type) => (value, type) switch
    {
        (DateTime t, NpgsqlDbType.TimestampTz) => DateTime.SpecifyKind(t, DateTimeKind.Utc),
        (int n, NpgsqlDbType.Bigint) => (long)n,
        _ => value,
    };

    private static NpgsqlDbType TypeOf(ColumnType type) => type switch
    {
        ColumnType.Date => NpgsqlDbType.Date,
        ColumnType.Timestamp => NpgsqlDbType.TimestampTz,
        ColumnType.Decimal => NpgsqlDbType.Numeric,
        ColumnType.Integer => NpgsqlDbType.Bigint,
        ColumnType.Bool => NpgsqlDbType.Boolean,
        ColumnType.Double => NpgsqlDbType.Double,
        _ => NpgsqlDbType.Text,
    };
}
