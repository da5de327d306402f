using System.Globalization;
using Npgsql;

namespace Ciclo.Warehouse;

/// <summary>
/// Where a workspace lives, from the --db value: a file path (embedded DuckDB),
/// <c>postgres://USER[:PASSWORD]@HOST[:PORT]/DB</c> or an Npgsql connection string (PostgreSQL),
/// or <c>clickhouse://HOST[:PORT]/DB</c> (ClickHouse over HTTP).
/// </summary>
public sealed record WarehouseAddress(Engine Engine, string Value)
{
    public static WarehouseAddress Parse(string db)
    {
        if (db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            var uri = new Uri(db);
            var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = uri.Host,
                Port = uri.Port > 0 ? uri.Port : 5432,
                Username = user.Length == 0 ? "postgres" : user,
                Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } name ? Uri.UnescapeDataString(name) : "postgres",
            };
            if (uri.UserInfo.Contains(':', StringComparison.Ordinal))
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(uri.UserInfo.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            }

            return new WarehouseAddress(Engine.Postgres, builder.ConnectionString);
        }

        if (db.Contains("Host=", StringComparison.OrdinalIgnoreCase) && db.Contains(';', StringComparison.Ordinal))
        {
            return new WarehouseAddress(Engine.Postgres, db);
        }

        if (db.StartsWith("clickhouse://", StringComparison.OrdinalIgnoreCase))
        {
            return new WarehouseAddress(Engine.ClickHouse, db);
        }

        return new WarehouseAddress(Engine.DuckDb, db);
    }

    /// <summary>The address with the password hidden, for messages.</summary>
    public string Display => Engine switch
    {
        Engine.Postgres => new NpgsqlConnectionStringBuilder(Value) is var b
            ? string.Create(CultureInfo.InvariantCulture, $"postgres://{b.Username}@{b.Host}:{b.Port}/{b.Database}")
            : Value,
        _ => Value,
    };
}
