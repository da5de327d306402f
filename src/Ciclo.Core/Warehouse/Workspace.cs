using System.Globalization;
using Ciclo.Dialects;
using DuckDB.NET.Data;

namespace Ciclo.Warehouse;

/// <summary>An embedded DuckDB workspace file: the entity tables, settings, imports and quarantine.</summary>
public sealed class Workspace : IDisposable
{
    private Workspace(string path, DuckDBConnection connection)
    {
        Path = path;
        Connection = connection;
        Settings = ReadSettings();
    }

    public string Path { get; }

    public DuckDBConnection Connection { get; }

    public SqlDialect Dialect => DuckDbDialect.Instance;

    public WorkspaceSettings Settings { get; private set; }

    public static Workspace Create(string path, WorkspaceSettings settings)
    {
        if (File.Exists(path))
        {
            throw new WorkspaceException("WorkspaceExists", path);
        }

        ValidateSettings(settings);
        var connection = Connect(path);
        Migrate(connection);
        using (var tx = connection.BeginTransaction())
        {
            WriteSetting(connection, "currency", settings.Currency);
            WriteSetting(connection, "time_zone", settings.TimeZone);
            WriteSetting(connection, "conversion_window_days", settings.ConversionWindowDays.ToString(CultureInfo.InvariantCulture));
            WriteSetting(connection, "attribution_window_days", settings.AttributionWindowDays.ToString(CultureInfo.InvariantCulture));
            tx.Commit();
        }

        return new Workspace(path, connection);
    }

    public static Workspace Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new WorkspaceException("WorkspaceMissing", path);
        }

        var connection = Connect(path);
        Migrate(connection);
        return new Workspace(path, connection);
    }

    /// <summary>The schema version the workspace is at.</summary>
    public int SchemaVersion => Convert.ToInt32(Scalar("SELECT max(version) FROM schema_version"), CultureInfo.InvariantCulture);

    public object? Scalar(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void UpdateSettings(WorkspaceSettings settings)
    {
        ValidateSettings(settings);
        using var tx = Connection.BeginTransaction();
        WriteSetting(Connection, "currency", settings.Currency);
        WriteSetting(Connection, "time_zone", settings.TimeZone);
        WriteSetting(Connection, "conversion_window_days", settings.ConversionWindowDays.ToString(CultureInfo.InvariantCulture));
        WriteSetting(Connection, "attribution_window_days", settings.AttributionWindowDays.ToString(CultureInfo.InvariantCulture));
        tx.Commit();
        Settings = settings;
    }

    private static void ValidateSettings(WorkspaceSettings settings)
    {
        if (settings.Currency.Length != 3 || !settings.Currency.All(char.IsAsciiLetterUpper))
        {
            throw new WorkspaceException("BadCurrency", settings.Currency);
        }

        TimeZones.Validate(settings.TimeZone);
    }

    private static DuckDBConnection Connect(string path)
    {
        var connection = new DuckDBConnection("Data Source=" + path);
        try
        {
            connection.Open();
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new WorkspaceException("WorkspaceLocked", path, e.Message);
        }

        return connection;
    }

    private static void Migrate(DuckDBConnection connection)
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP WITH TIME ZONE DEFAULT current_timestamp)";
            command.ExecuteNonQuery();
        }

        int current;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
            current = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        if (current > Migrations.Latest)
        {
            throw new WorkspaceException("WorkspaceTooNew", current, Migrations.Latest);
        }

        foreach (var migration in Migrations.All.Where(m => m.Version > current))
        {
            using var tx = connection.BeginTransaction();
            foreach (var statement in migration.Statements(DuckDbDialect.Instance))
            {
                using var command = connection.CreateCommand();
                command.CommandText = statement;
                command.ExecuteNonQuery();
            }

            using (var command = connection.CreateCommand())
            {
                command.CommandText = "INSERT INTO schema_version (version, description) VALUES ($1, $2)";
                command.Parameters.Add(new DuckDBParameter(migration.Version));
                command.Parameters.Add(new DuckDBParameter(migration.Description));
                command.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    private static void WriteSetting(DuckDBConnection connection, string key, string value)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO settings (key, value) VALUES ($1, $2)";
        command.Parameters.Add(new DuckDBParameter(key));
        command.Parameters.Add(new DuckDBParameter(value));
        command.ExecuteNonQuery();
    }

    private WorkspaceSettings ReadSettings()
    {
        var values = new Dictionary<string, string>();
        using var command = Connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM settings";
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
