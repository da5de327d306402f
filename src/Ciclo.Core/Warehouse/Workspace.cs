using System.Data.Common;
using System.Globalization;
using Ciclo.Dialects;
using Ciclo.Import;
using Ciclo.Warehouse.Engines;

namespace Ciclo.Warehouse;

/// <summary>A workspace: the entity tables, settings, imports, quarantine and bands, in an
/// embedded DuckDB file (the default) or a PostgreSQL database, opened from the --db value.</summary>
public sealed class Workspace : IDisposable
{
    private Workspace(WarehouseAddress address, WarehouseEngine engine, DbConnection connection)
    {
        Address = address;
        Engine = engine;
        Connection = connection;
        // The settings are read in the engine's plain dialect; the connection's own depends on their time zone.
        Dialect = engine.Dialect;
        Settings = ReadSettings();
        Dialect = engine.DialectFor(connection, Settings.TimeZone);
    }

    public WarehouseAddress Address { get; }

    /// <summary>The --db value the workspace was opened with.</summary>
    public string Path => Address.Value;

    public WarehouseEngine Engine { get; }

    public DbConnection Connection { get; }

    /// <summary>The engine's dialect as this connection speaks it (on DuckDB, with the workspace
    /// zone's local days spelled out where the engine agrees: <see cref="WarehouseEngine.DialectFor"/>).</summary>
    public SqlDialect Dialect { get; }

    public WorkspaceSettings Settings { get; }

    /// <summary>Where report queries keep their answers across requests (<see cref="QueryResultCache"/>);
    /// none by default, so that every statement reads the rows as they are.</summary>
    public QueryResultCache? QueryResults { get; set; }

    public static Workspace Create(string db, WorkspaceSettings settings)
    {
        var address = WarehouseAddress.Parse(db);
        var engine = WarehouseEngine.For(address);
        if (engine.Exists(address))
        {
            throw new WorkspaceException("WorkspaceExists", address.Display);
        }

        ValidateSettings(settings);
        var connection = engine.Open(address, create: true);
        Migrate(engine, connection);
        WriteSettings(engine, connection, settings);
        return new Workspace(address, engine, connection);
    }

    public static Workspace Open(string db)
    {
        var address = WarehouseAddress.Parse(db);
        var engine = WarehouseEngine.For(address);
        if (!engine.Exists(address))
        {
            throw new WorkspaceException("WorkspaceMissing", address.Display);
        }

        var connection = engine.Open(address, create: false);
        Migrate(engine, connection);
        return new Workspace(address, engine, connection);
    }

    /// <summary>The schema version the workspace is at.</summary>
    public int SchemaVersion => Convert.ToInt32(Scalar("SELECT max(version) FROM schema_version"), CultureInfo.InvariantCulture);

    public object? Scalar(string sql) => Connection.Scalar(sql);

    public void Execute(string sql) => Connection.Execute(sql);

    /// <summary>Inserts a row of a declared table or replaces the row with its key.</summary>
    public void Upsert(EntitySchema table, params object?[] values) => Execute(Dialect.Upsert(table, values));

    private static void ValidateSettings(WorkspaceSettings settings)
    {
        if (settings.Currency.Length != 3 || !settings.Currency.All(char.IsAsciiLetterUpper))
        {
            throw new WorkspaceException("BadCurrency", settings.Currency);
        }

        TimeZones.Validate(settings.TimeZone);
    }

    private static void Migrate(WarehouseEngine engine, DbConnection connection)
    {
        var d = engine.Dialect;
        connection.Execute(d.CreateTable(Tables.SchemaVersion, ifNotExists: true));
        var current = connection.Count("SELECT coalesce(max(version), 0) FROM schema_version");

        if (current > Migrations.Latest)
        {
            throw new WorkspaceException("WorkspaceTooNew", current, Migrations.Latest);
        }

        foreach (var migration in Migrations.All.Where(m => m.Version > current))
        {
            using var tx = connection.BeginTransaction();
            foreach (var statement in migration.Statements(d))
            {
                connection.Execute(statement);
            }

            connection.Execute(d.Upsert(Tables.SchemaVersion, [(long)migration.Version, migration.Description, DateTime.UtcNow]));
            tx.Commit();
        }
    }

    private static void WriteSettings(WarehouseEngine engine, DbConnection connection, WorkspaceSettings settings)
    {
        using var tx = connection.BeginTransaction();
        foreach (var (key, value) in new[]
        {
            ("currency", settings.Currency),
            ("time_zone", settings.TimeZone),
            ("conversion_window_days", settings.ConversionWindowDays.ToString(CultureInfo.InvariantCulture)),
            ("attribution_window_days", settings.AttributionWindowDays.ToString(CultureInfo.InvariantCulture)),
        })
        {
            connection.Execute(engine.Dialect.Upsert(Tables.Settings, [key, value]));
        }

        tx.Commit();
    }

    private WorkspaceSettings ReadSettings()
    {
        var values = new Dictionary<string, string>();
        using var command = Connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM " + Dialect.TableReference("settings");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values[reader.GetString(0)] = reader.GetString(1);
        }

        var defaults = new WorkspaceSettings();
        return new WorkspaceSettings(
            values.GetValueOrDefault("currency", defaults.Currency),
            values.GetValueOrDefault("time_zone", defaults.TimeZone),
            int.Parse(values.GetValueOrDefault("conversion_window_days", "90"), CultureInfo.InvariantCulture),
            int.Parse(values.GetValueOrDefault("attribution_window_days", "90"), CultureInfo.InvariantCulture));
    }

    public void Dispose() => Connection.Dispose();
}
