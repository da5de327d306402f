using System.Data.Common;

namespace Ciclo.Warehouse;

/// <summary>A query's answer held in memory: its column names and its rows, each as its values
/// (null for SQL NULL). Read through <see cref="Of"/>, it comes from the workspace's
/// <see cref="QueryResultCache"/> when the workspace has one.</summary>
public sealed class QueryRows
{
    private readonly Dictionary<string, int> _ordinals;

    public QueryRows(IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        Columns = columns;
        Rows = rows;
        _ordinals = columns.Select((name, i) => (name, i)).GroupBy(c => c.name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<object?[]> Rows { get; }

    /// <summary>The position of the column named (case-insensitive, as a data reader finds it).</summary>
    public int Ordinal(string column) =>
        _ordinals.TryGetValue(column, out var i) ? i : throw new IndexOutOfRangeException(column);

    /// <summary>The answer of <paramref name="sql"/> on the workspace: kept from an earlier run when the
    /// workspace has a result cache and nothing the statement reads changed since, else read now.</summary>
    /// <param name="versions">The tables' versions, read once by a caller that runs several statements
    /// in one snapshot; read here when null (only where the workspace has a result cache).</param>
    public static QueryRows Of(Workspace workspace, string sql, TableVersions? versions = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return workspace.QueryResults is { } cache
            ? cache.Rows(workspace, sql, versions ?? TableVersions.Read(workspace))
            : Read(workspace.Connection, sql);
    }

    /// <summary>The answer of <paramref name="sql"/>, read now.</summary>
    public static QueryRows Read(DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(values);
        }

        return new QueryRows(columns, rows);
    }
}
