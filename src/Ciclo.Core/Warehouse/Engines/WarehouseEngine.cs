using System.Data.Common;
using Ciclo.Dialects;
using Ciclo.Import;
using Ciclo.Warehouse.ClickHouse;

namespace Ciclo.Warehouse.Engines;

/// <summary>
/// What differs between engines besides SQL spelling: how to connect, whether a workspace is
/// there, and how rows arrive in bulk. Everything else goes through the dialect.
/// </summary>
public abstract class WarehouseEngine
{
    public abstract Engine Kind { get; }

    public abstract SqlDialect Dialect { get; }

    /// <summary>The dialect a connection's queries are rendered in, for a workspace whose reports
    /// are read in <paramref name="timeZone"/>; by default <see cref="Dialect"/> itself.</summary>
    public virtual SqlDialect DialectFor(DbConnection connection, string timeZone) => Dialect;

    /// <summary>Opens a connection; with <paramref name="create"/>, creates the database if the engine has them.</summary>
    public abstract DbConnection Open(WarehouseAddress address, bool create);

    /// <summary>Whether a workspace (its schema_version table) is at the address.</summary>
    public abstract bool Exists(WarehouseAddress address);

    /// <summary>Writes many rows of a table in the engine's native bulk format, inside the transaction if any.</summary>
    public abstract void BulkInsert(DbConnection connection, DbTransaction? transaction, EntitySchema table, IEnumerable<object?[]> rows);

    /// <summary>
    /// Writes a checked import in one unit: replaces the rows of the keys in <paramref name="rows"/>,
    /// replaces the file's quarantine with <paramref name="rejections"/> and logs the import.
    /// </summary>
    public abstract void ApplyImport(DbConnection connection, EntitySchema entity, IReadOnlyList<object?[]> rows,
        IReadOnlyList<object?[]> rejections, object?[] importRow, Action? beforeCommit);

    /// <summary>After an import has committed: brings the engine's statistics of the tables it
    /// wrote up to date, where the engine's planner needs them. By default nothing.</summary>
    public virtual void RefreshStatistics(DbConnection connection, IEnumerable<string> tables)
    {
    }

    /// <summary>
    /// Held for the whole of an import, from reading the warehouse's current rows to the commit, so
    /// that imports into one workspace from several processes run one after the other. The default
    /// holds nothing: a DuckDB file is opened for writing by one process at a time anyway.
    /// </summary>
    public virtual IDisposable LockImports(DbConnection connection) => NoLock.Instance;

    /// <summary>The engine of an address; a ClickHouse address that names a cluster gets an engine spread over it.</summary>
    public static WarehouseEngine For(WarehouseAddress address) => address.Engine switch
    {
        Engine.DuckDb => DuckDbEngine.Instance,
        Engine.Postgres => PostgresEngine.Instance,
        Engine.ClickHouse => ClickHouseCluster.FromAddress(address.Value) is { } cluster ? new ClickHouseEngine(cluster) : ClickHouseEngine.Instance,
        _ => throw new WorkspaceException("EngineUnsupported", address.Engine.ToString()),
    };

    private sealed class NoLock : IDisposable
    {
        public static readonly NoLock Instance = new();

        public void Dispose()
        {
        }
    }
}
