using System.Data.Common;
using Ciclo.Dialects;
using Ciclo.Warehouse;
using Ciclo.Warehouse.Engines;
using DuckDB.NET.Data;

namespace Ciclo.Import;

/// <summary>
/// Where a file is staged and checked: always DuckDB, so that validation and quarantine behave
/// the same on every engine. For a DuckDB workspace it is the workspace itself; for another
/// engine it is an in-memory DuckDB holding a mirror of what the checks read: the keys of the
/// referenced entities and the warehouse's current rows for the keys in the file, under the
/// same table names.
/// </summary>
internal sealed class ValidationSpace : IDisposable
{
    private readonly Workspace _workspace;
    private readonly DuckDBConnection? _own;

    private ValidationSpace(Workspace workspace)
    {
        _workspace = workspace;
        if (workspace.Engine.Kind != Engine.DuckDb)
        {
            _own = new DuckDBConnection("Data Source=:memory:");
            _own.Open();
            DuckDbMemory.Apply(_own, inMemory: true);
        }
    }

    public static ValidationSpace Open(Workspace workspace) => new(workspace);

    public bool IsWarehouse => _own is null;

    public DuckDBConnection Connection => _own ?? (DuckDBConnection)_workspace.Connection;

    public SqlDialect Dialect => DuckDbDialect.Instance;

    /// <summary>Mirrors the keys of every entity the file's columns reference.</summary>
    public void MirrorReferences(EntitySchema entity)
    {
        if (IsWarehouse)
        {
            return;
        }

        foreach (var target in entity.Columns.Select(c => c.References).OfType<string>().Distinct())
        {
            var key = Entities.KeyOf(target);
            Connection.Execute($"CREATE TABLE {Dialect.QuoteIdentifier(target)} ({Dialect.QuoteIdentifier(key)} VARCHAR)");
            var schema = new EntitySchema(target, [new ColumnSpec(key, ColumnType.Text)], [key]);
            DuckDbEngine.Instance.BulkInsert(Connection, null, schema,
                Read(_workspace.Connection, $"SELECT {_workspace.Dialect.QuoteIdentifier(key)} FROM {_workspace.Dialect.TableReference(target)}", 1));
        }
    }

    /// <summary>Mirrors the warehouse's current rows of the entity whose keys are in <paramref name="keysTable"/>.</summary>
    public void MirrorExisting(EntitySchema entity, string keysTable)
    {
        if (IsWarehouse)
        {
            return;
        }

        var loose = new EntitySchema(entity.Name, entity.Columns.Select(c => c with { Required = false }).ToList(), entity.Key);
        Connection.Execute(Dialect.CreateTable(loose));
        var w = _workspace.Dialect;
        if (_workspace.Connection.Count($"SELECT count(*) FROM {w.TableReference(entity.Table)}") == 0)
        {
            return; // nothing there yet: every row of the file is new
        }

        var keys = Read(Connection, $"SELECT DISTINCT {string.Join(", ", entity.Key.Select(Dialect.QuoteIdentifier))} FROM {keysTable}", entity.Key.Count).ToList();
        var columns = string.Join(", ", entity.Columns.Select(c => w.QuoteIdentifier(c.Name)));
        var keyTuple = entity.Key.Count == 1 ? w.QuoteIdentifier(entity.Key[0]) : "(" + string.Join(", ", entity.Key.Select(w.QuoteIdentifier)) + ")";
        foreach (var chunk in keys.Chunk(5000))
        {
            var values = string.Join(", ", chunk.Select(k => entity.Key.Count == 1 ? w.Literal(k[0]) : "(" + string.Join(", ", k.Select(w.Literal)) + ")"));
            var rows = Read(_workspace.Connection, $"SELECT {columns} FROM {w.TableReference(entity.Table)} WHERE {keyTuple} IN ({values})", entity.Columns.Count);
            DuckDbEngine.Instance.BulkInsert(Connection, null, entity, rows.Select(r => AsDeclared(entity, r)).ToList());
        }
    }

    public static IEnumerable<object?[]> Read(DbConnection connection, string sql, int columns)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var row = new object?[columns];
            for (var i = 0; i < columns; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Normalize(reader.GetValue(i));
            }

            yield return row;
        }
    }

    /// <summary>A warehouse row with each value in its declared column's type where the engine
    /// returns another (ClickHouse keeps a bool as a UInt8, read as a number).</summary>
    private static object?[] AsDeclared(EntitySchema entity, object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            if (entity.Columns[i].Type == ColumnType.Bool && row[i] is not null and not bool)
            {
                row[i] = Convert.ToInt64(row[i], System.Globalization.CultureInfo.InvariantCulture) != 0;
            }
        }

        return row;
    }

    private static object Normalize(object value) => value switch
    {
        DateTime t when t.Kind == DateTimeKind.Local => t.ToUniversalTime(),
        DateTimeOffset o => o.UtcDateTime,
        System.Numerics.BigInteger b => (long)b,
        _ => value,
    };

    public void Dispose() => _own?.Dispose();
}
