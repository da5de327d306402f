using System.Data.Common;
using System.Globalization;

namespace Ciclo.Warehouse;

/// <summary>Running one statement on any engine's connection.</summary>
public static class DbConnectionExtensions
{
    public static void Execute(this DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The first value of the answer; null for no row or NULL.</summary>
    public static object? Scalar(this DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static long Count(this DbConnection connection, string sql) =>
        Convert.ToInt64(connection.Scalar(sql), CultureInfo.InvariantCulture);
}
