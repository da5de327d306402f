using System.Globalization;
using Ciclo.Warehouse;
using DuckDB.NET.Data;

namespace Ciclo.Import;

/// <summary>
/// Loads one file of one entity into a workspace: the file's rows go in bulk into a staging
/// table of text (DuckDB's appender), every DATA.md rule is checked there in SQL, and the good
/// rows are upserted by natural key in one transaction together with the quarantine and the
/// import log. A file either loads all its good rows or, when it fails, nothing.
/// </summary>
public sealed class Importer(Workspace workspace)
{
    private const string Staging = "_ciclo_staging";
    private const string Rejects = "_ciclo_rejects";
    private const string Good = "_ciclo_good";

    /// <summary>Runs inside the transaction just before it commits: lets tests crash an import midway.</summary>
    internal Action? BeforeCommit { get; init; }

    public ImportSummary Import(EntitySchema entity, string path, IProgress<double>? progress = null)
    {
        var file = Path.GetFileName(path);
        using var source = RowSourceFactory.Open(path);
        var (mapping, unknown) = MapHeader(entity, source.Header, path);
        var d = workspace.Dialect;
        var q = d.QuoteIdentifier;
        DropWork();
        try
        {
            var read = Stage(entity, source, mapping, progress);
            Exec("SET TimeZone = " + d.Literal(workspace.Settings.TimeZone));
            var checks = new ValidationChecks(entity, d);
            Exec($"CREATE TABLE {Rejects} (line BIGINT, column_name VARCHAR, value VARCHAR, reason VARCHAR, detail VARCHAR)");
            foreach (var (column, reason, detail, broken) in checks.All())
            {
                Exec($"INSERT INTO {Rejects} SELECT s.line, {d.Literal(column)}, {checks.Raw(column)}, {d.Literal(reason)}, {d.Literal(detail)} " +
                     $"FROM {Staging} AS s WHERE {broken}");
            }

            var typedColumns = string.Join(", ", entity.Columns.Select(c => $"{checks.Typed(c)} AS {q(c.Name)}"));
            var keyList = string.Join(", ", entity.Key.Select(q));
            var allColumns = string.Join(", ", entity.Columns.Select(c => q(c.Name)));
            Exec($"CREATE TABLE {Good} AS SELECT s.line, {typedColumns} FROM {Staging} AS s " +
                 $"WHERE s.line NOT IN (SELECT line FROM {Rejects})");

            // A key repeated with different values inside the file is ambiguous: every such row is rejected.
            Exec($"INSERT INTO {Rejects} SELECT g.line, {d.Literal(entity.Key[0])}, g.{q(entity.Key[0])}, 'ambiguous_key', " +
                 $"(SELECT string_agg(CAST(o.line AS VARCHAR), ', ' ORDER BY o.line) FROM {Good} AS o WHERE " +
                 string.Join(" AND ", entity.Key.Select(k => $"o.{q(k)} = g.{q(k)}")) + " AND o.line <> g.line) " +
                 $"FROM {Good} AS g WHERE ({keyList}) IN (SELECT {keyList} FROM {Good} GROUP BY {keyList} " +
                 $"HAVING count(DISTINCT ROW({allColumns})) > 1)");
            Exec($"DELETE FROM {Good} WHERE line IN (SELECT line FROM {Rejects})");
            var beforeDedup = Count($"SELECT count(*) FROM {Good}");
            Exec($"DELETE FROM {Good} WHERE line NOT IN (SELECT min(line) FROM {Good} GROUP BY {keyList})");
            var repeated = beforeDedup - Count($"SELECT count(*) FROM {Good}");

            var sameKey = string.Join(" AND ", entity.Key.Select(k => $"t.{q(k)} = g.{q(k)}"));
            var sameRow = string.Join(" AND ", entity.Columns.Select(c => $"t.{q(c.Name)} IS NOT DISTINCT FROM g.{q(c.Name)}"));
            var inserted = Count($"SELECT count(*) FROM {Good} AS g WHERE NOT EXISTS (SELECT 1 FROM {q(entity.Table)} AS t WHERE {sameKey})");
            var unchanged = Count($"SELECT count(*) FROM {Good} AS g WHERE EXISTS (SELECT 1 FROM {q(entity.Table)} AS t WHERE {sameKey} AND {sameRow})");
            var rejected = Count($"SELECT count(DISTINCT line) FROM {Rejects}");
            var updated = read - rejected - repeated - inserted - unchanged;

            using (var tx = workspace.Connection.BeginTransaction())
            {
                Exec($"DELETE FROM {Good} AS g WHERE EXISTS (SELECT 1 FROM {q(entity.Table)} AS t WHERE {sameKey} AND {sameRow})");
                Exec($"DELETE FROM {q(entity.Table)} AS t WHERE EXISTS (SELECT 1 FROM {Good} AS g WHERE {sameKey})");
                Exec($"INSERT INTO {q(entity.Table)} ({allColumns}) SELECT {allColumns} FROM {Good}");
                var importId = Count("SELECT coalesce(max(import_id), 0) + 1 FROM imports");
                Exec($"DELETE FROM quarantine WHERE entity = {d.Literal(entity.Name)} AND file = {d.Literal(file)}");
                Exec($"INSERT INTO quarantine SELECT {importId}, {d.Literal(entity.Name)}, {d.Literal(file)}, line, column_name, value, reason, detail " +
                     $"FROM {Rejects} ORDER BY line, column_name");
                Exec($"INSERT INTO imports VALUES ({importId}, {d.Literal(entity.Name)}, {d.Literal(file)}, current_timestamp, " +
                     $"{inserted}, {updated}, {unchanged}, {rejected}, {d.Literal(unknown.Count == 0 ? null : string.Join(", ", unknown))})");
                BeforeCommit?.Invoke();
                tx.Commit();
            }

            return new ImportSummary(entity.Name, file, read, inserted, updated, unchanged, repeated, rejected, unknown);
        }
        finally
        {
            Exec("SET TimeZone = 'UTC'");
            DropWork();
        }
    }

    private static (int?[] Mapping, List<string> Unknown) MapHeader(EntitySchema entity, IReadOnlyList<string> header, string path)
    {
        var mapping = new int?[entity.Columns.Count];
        var unknown = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var index = entity.Columns.ToList().FindIndex(c => string.Equals(c.Name, header[i], StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                unknown.Add(header[i]);
            }
            else if (mapping[index] is not null)
            {
                throw new FileRefusedException(path, "FileDuplicateColumn", header[i]);
            }
            else
            {
                mapping[index] = i;
            }
        }

        var missing = entity.Columns.Where((c, i) => c.Required && mapping[i] is null).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            throw new FileRefusedException(path, "FileMissingColumn", string.Join(", ", missing));
        }

        return (mapping, unknown);
    }

    private long Stage(EntitySchema entity, IRowSource source, int?[] mapping, IProgress<double>? progress)
    {
        var q = workspace.Dialect.QuoteIdentifier;
        Exec($"CREATE TABLE {Staging} (line BIGINT, " + string.Join(", ", entity.Columns.Select(c => q(c.Name) + " VARCHAR")) + ")");
        long read = 0;
        using (var appender = workspace.Connection.CreateAppender(Staging))
        {
            foreach (var row in source.ReadRows())
            {
                var r = appender.CreateRow().AppendValue(row.Line);
                foreach (var index in mapping)
                {
                    var value = index is { } i && i < row.Values.Length ? row.Values[i]?.Trim() : null;
                    r = string.IsNullOrEmpty(value) ? r.AppendNullValue() : r.AppendValue(value);
                }

                r.EndRow();
                if (++read % 20_000 == 0)
                {
                    progress?.Report(source.Progress);
                }
            }
        }

        progress?.Report(1);
        return read;
    }

    private void DropWork()
    {
        foreach (var table in new[] { Staging, Rejects, Good })
        {
            Exec("DROP TABLE IF EXISTS " + table);
        }
    }

    private void Exec(string sql)
    {
        using var command = workspace.Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Count(string sql)
    {
        using var command = workspace.Connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The rejections currently in quarantine, by entity, file and line.</summary>
    public static IReadOnlyList<Rejection> Quarantine(Workspace workspace, string? entity = null)
    {
        var list = new List<Rejection>();
        using var command = workspace.Connection.CreateCommand();
        command.CommandText = "SELECT entity, file, line, column_name, value, reason, detail FROM quarantine " +
                              (entity is null ? string.Empty : "WHERE entity = $1 ") + "ORDER BY entity, file, line, column_name";
        if (entity is not null)
        {
            command.Parameters.Add(new DuckDBParameter(entity));
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new Rejection(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return list;
    }
}
