using System.Globalization;
using Ciclo.Warehouse;
using System.Data.Common;
using Ciclo.Dialects;
using DuckDB.NET.Data;

namespace Ciclo.Import;

/// <summary>
/// Loads one file of one entity into a workspace: the file's rows go in bulk into a staging
/// table of text in DuckDB (<see cref="ValidationSpace"/>), every DATA.md rule is checked there
/// in SQL, and the good rows are upserted by natural key in one warehouse transaction together
/// with the quarantine and the import log. A file either loads all its good rows or nothing.
/// </summary>
public sealed class Importer(Workspace workspace)
{
    private const string Staging = "_ciclo_staging";
    private const string Rejects = "_ciclo_rejects";
    /// <summary>The file's rows in their types under the columns' names (with the text of the
    /// columns that are not text, for the checks); after the checks, the good rows only.</summary>
    private const string Good = "_ciclo_good";
    private const string Originals = "_ciclo_originals";

    /// <summary>Runs inside the transaction just before it commits: lets tests crash an import midway.</summary>
    internal Action? BeforeCommit { get; init; }

    /// <summary>Whether a plain CSV file may be staged by DuckDB's own reader (<see cref="NativeCsvStaging"/>);
    /// off, every file goes through its <see cref="IRowSource"/>, which tests compare against.</summary>
    internal bool NativeCsv { get; init; } = true;

    /// <param name="progress">Told the share of the import done, from 0 to 1: reading the file is the
    /// first <see cref="ImportPhases.Read"/> of it, then each step after it; 1 once the rows are committed.</param>
    public ImportSummary Import(EntitySchema entity, string path, IProgress<double>? progress = null, ImportOptions? options = null)
    {
        var file = Path.GetFileName(path);
        options ??= ImportOptions.Default;
        using var source = RowSourceFactory.Open(path, options);
        var (mapping, unknown) = MapHeader(entity, source.Header, path);
        // The surveys' comments are analysed once their rows are in; what every analysis shares is
        // readied on another thread meanwhile (in a fresh process about 0.2 s, half of S's analysis).
        var analysisReady = entity == Entities.Surveys ? Task.Run(Verbatims.VerbatimAnalyzer.Prepare) : null;
        using var exclusive = workspace.Engine.LockImports(workspace.Connection);
        using var space = ValidationSpace.Open(workspace);
        var v = space.Connection;
        var d = space.Dialect;
        var q = d.QuoteIdentifier;
        DropWork(v);
        try
        {
            v.Execute($"CREATE TEMP TABLE {Rejects} (line BIGINT, column_name VARCHAR, value VARCHAR, reason VARCHAR, detail VARCHAR)");
            v.Execute($"CREATE TEMP TABLE {Originals} (line BIGINT, column_name VARCHAR, value VARCHAR)");
            // Every value is read in its type once, in the workspace's time zone; the checks read the
            // typed values beside the text. DuckDB's reader types them as it reads the file; Ciclo's
            // stages the text first.
            v.Execute("SET TimeZone = " + d.Literal(workspace.Settings.TimeZone));
            var checks = new ValidationChecks(entity, d) { CheckedTable = Good, Culture = options.Culture, StorableDays = ValidationChecks.StorableDaysOf(workspace.Engine.Kind) };
            var native = !NativeCsv ? null
                : NativeCsvStaging.TryStage(v, Good, entity, path, options, source.Format, source.Header.Count, mapping, checks.CheckedColumns());
            if (native is null)
            {
                native = Stage(v, entity, source, mapping, ImportPhases.Reading(progress), options.Culture);
                progress?.Report(ImportPhases.Read);
                v.Execute($"CREATE TEMP TABLE {Good} AS SELECT s.line, {checks.CheckedColumns()} FROM {Staging} AS s");
                v.Execute("DROP TABLE " + Staging);
            }

            var read = native.Value;
            progress?.Report(ImportPhases.Typed);
            space.MirrorReferences(entity);
            foreach (var (column, reason, detail, broken) in checks.All())
            {
                v.Execute($"INSERT INTO {Rejects} SELECT s.line, {d.Literal(column)}, {checks.Raw(column)}, {d.Literal(reason)}, {d.Literal(detail)} " +
                        $"FROM {Good} AS s WHERE {broken}");
            }

            // A rejected value is reported as written, before it was read in the file's culture.
            v.Execute($"UPDATE {Rejects} AS r SET value = o.value FROM {Originals} AS o WHERE o.line = r.line AND o.column_name = r.column_name");

            var keyList = string.Join(", ", entity.Key.Select(q));
            if (v.Count($"SELECT count(*) FROM {Rejects}") > 0)
            {
                v.Execute($"DELETE FROM {Good} WHERE line IN (SELECT line FROM {Rejects})");
            }

            // Only a key the file holds more than once can be ambiguous or repeated: most files hold none.
            // No two rows with the same hash of their keys prove it at a fraction of grouping the keys;
            // the hashes sorted and each compared with the one before take a third less than counting
            // the distinct ones (0.7 s against 1.0 s for M's 9.1M events).
            long repeated = 0;
            if (v.Count($"SELECT count(*) FROM (SELECT h, lag(h) OVER (ORDER BY h) AS before FROM (SELECT hash({keyList}) AS h FROM {Good})) WHERE h = before") > 0
                && v.Count($"SELECT count(*) FROM (SELECT 1 FROM {Good} GROUP BY {keyList} HAVING count(*) > 1)") > 0)
            {
                repeated = RemoveRepeats(v, entity);
            }

            progress?.Report(ImportPhases.Checked);
            space.MirrorExisting(entity, Good);
            var reach = InReach(v, entity).ToList();
            var sameKey = string.Join(" AND ", reach.Concat(entity.Key.Select(k => $"t.{q(k)} = g.{q(k)}")));
            var sameRow = string.Join(" AND ", entity.Columns.Select(c => $"t.{q(c.Name)} IS NOT DISTINCT FROM g.{q(c.Name)}"));
            long inserted = v.Count($"SELECT count(*) FROM {Good}"), unchanged = 0;
            // No stored row within reach shares a key with the file (a day of events after the days
            // already there): every good row is new, and no stored row is replaced.
            var meetsStored = v.Count($"SELECT count(*) FROM (SELECT 1 FROM {q(entity.Table)} AS t" +
                (reach.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", reach)) + " LIMIT 1)") > 0;
            if (meetsStored)
            {
                // Rows already there: which keys are new and which rows are identical, in one pass.
                var counts = ValidationSpace.Read(v, $"SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM {q(entity.Table)} AS t WHERE {sameKey})), " +
                        $"count(*) FILTER (WHERE EXISTS (SELECT 1 FROM {q(entity.Table)} AS t WHERE {sameKey} AND {sameRow})) FROM {Good} AS g", 2).Single();
                (inserted, unchanged) = ((long)counts[0]!, (long)counts[1]!);
            }

            var rejected = v.Count($"SELECT count(DISTINCT line) FROM {Rejects}");
            // Without a declared culture, rejected values that look written in a local form (1.234,56, 15/03/2024) earn a hint.
            var localForms = options.Culture is not null ? 0 : v.Count($"SELECT count(*) FROM {Rejects} WHERE reason IN ('not_a_number', 'not_a_date', 'not_a_timestamp') " +
                    $"AND regexp_full_match(value, {d.Literal(ValueCulture.LocalFormPattern)})");
            var updated = read - rejected - repeated - inserted - unchanged;
            if (unchanged > 0)
            {
                v.Execute($"DELETE FROM {Good} AS g WHERE EXISTS (SELECT 1 FROM {q(entity.Table)} AS t WHERE {sameKey} AND {sameRow})");
            }

            v.Execute("SET TimeZone = 'UTC'");
            progress?.Report(ImportPhases.Compared);

            var summary = new ImportSummary(entity.Name, file, read, inserted, updated, unchanged, repeated, rejected, unknown)
            {
                Format = source.Format with { Culture = options.Culture?.Name },
                LocalFormsRejected = localForms,
            };
            // The per-send rows of the campaigns whose events change are rewritten in the same unit of work.
            var campaigns = entity == Entities.CampaignEvents
                ? ValidationSpace.Read(v, $"SELECT DISTINCT campaign_id FROM {Good}", 1).Select(r => (string)r[0]!).ToList()
                : [];
            var importId = space.IsWarehouse
                ? ApplyInPlace(v, entity, summary, sameKey, Catalog.SendTable.RefreshAhead(workspace.Dialect, campaigns, Good, meetsStored), progress)
                : ApplyToWarehouse(v, entity, summary, Catalog.SendTable.Refresh(workspace.Dialect, campaigns));
            summary = summary with { ImportId = importId, RewrittenCampaigns = campaigns };

            // The import's own row (its id) already marks the data as changed: the version of every
            // table it wrote moves with it (TableVersions). The surveys' analysis is written after the
            // import's commit, so answers computed between the two are marked stale once it is done.
            if (analysisReady is not null)
            {
                analysisReady.Wait();
                Verbatims.VerbatimAnalysisStore.Refresh(workspace);
                DataVersion.Bump(workspace);
            }

            progress?.Report(1);
            return summary;
        }
        finally
        {
            v.Execute("SET TimeZone = 'UTC'");
            DropWork(v);
        }
    }

    /// <summary>The most values of a key's first column that <see cref="InReach"/> names.</summary>
    private const int MostInReach = 1000;

    /// <summary>
    /// Conditions on the stored rows (aliased t) that the file's rows can meet by key: their first
    /// key column holds one of the file's values, when it is text and the file holds at most
    /// <see cref="MostInReach"/> of them (a day of events names a handful of campaigns); and each key
    /// column of a date, a timestamp or a number lies between the file's least and greatest value
    /// (a day of events spans a day). They add nothing to the key's equality, but let DuckDB skip the
    /// blocks of the table that hold none of those values instead of reading every stored key: at L,
    /// finding which of a day's 1.6M events are new read all 95M stored events for 20 s, and takes
    /// 1 s with the campaigns named; with the day's bounds too, no stored block is read at all.
    /// </summary>
    private static IEnumerable<string> InReach(DuckDBConnection v, EntitySchema entity)
    {
        var d = DuckDbDialect.Instance;
        var first = entity.Column(entity.Key[0]);
        if (first.Type == ColumnType.Text)
        {
            var values = ValidationSpace.Read(v, $"SELECT DISTINCT {d.QuoteIdentifier(first.Name)} FROM {Good} LIMIT {MostInReach + 1}", 1)
                .Select(r => (string)r[0]!).Order(StringComparer.Ordinal).ToList();
            if (values.Count is > 0 and <= MostInReach)
            {
                yield return $"t.{d.QuoteIdentifier(first.Name)} IN ({string.Join(", ", values.Select(d.Literal))})";
            }
        }

        foreach (var column in entity.Key.Select(entity.Column).Where(c => c.Type is ColumnType.Date or ColumnType.Timestamp or ColumnType.Integer or ColumnType.Decimal))
        {
            // The bounds travel as text and are read back in the column's type under the same session
            // time zone, so that a timestamp's bound is the very instant stored.
            var name = d.QuoteIdentifier(column.Name);
            var type = d.ColumnTypeName(column.Type);
            var bounds = ValidationSpace.Read(v, $"SELECT CAST(min({name}) AS VARCHAR), CAST(max({name}) AS VARCHAR) FROM {Good}", 2).Single();
            if (bounds[0] is string least && bounds[1] is string greatest)
            {
                yield return $"t.{name} BETWEEN CAST({d.Literal(least)} AS {type}) AND CAST({d.Literal(greatest)} AS {type})";
            }
        }
    }

    /// <summary>Rejects every row of a key the file holds with different values (ambiguous) and keeps
    /// the first of identical repeats; returns how many repeats were dropped.</summary>
    private static long RemoveRepeats(DuckDBConnection v, EntitySchema entity)
    {
        var d = DuckDbDialect.Instance;
        var q = d.QuoteIdentifier;
        var keyList = string.Join(", ", entity.Key.Select(q));
        var allColumns = string.Join(", ", entity.Columns.Select(c => q(c.Name)));
        v.Execute($"INSERT INTO {Rejects} SELECT g.line, {d.Literal(entity.Key[0])}, g.{q(entity.Key[0])}, 'ambiguous_key', " +
                $"(SELECT string_agg(CAST(o.line AS VARCHAR), ', ' ORDER BY o.line) FROM {Good} AS o WHERE " +
                string.Join(" AND ", entity.Key.Select(k => $"o.{q(k)} = g.{q(k)}")) + " AND o.line <> g.line) " +
                $"FROM {Good} AS g WHERE ({keyList}) IN (SELECT {keyList} FROM {Good} GROUP BY {keyList} " +
                $"HAVING count(DISTINCT ROW({allColumns})) > 1)");
        v.Execute($"DELETE FROM {Good} WHERE line IN (SELECT line FROM {Rejects})");
        var beforeDedup = v.Count($"SELECT count(*) FROM {Good}");
        v.Execute($"DELETE FROM {Good} WHERE line NOT IN (SELECT min(line) FROM {Good} GROUP BY {keyList})");
        return beforeDedup - v.Count($"SELECT count(*) FROM {Good}");
    }

    /// <summary>DuckDB workspace: the checked rows are already beside the tables. The derived rows
    /// are written first, from the stored rows and the checked ones (<see cref="Catalog.SendTable.RefreshAhead"/>).</summary>
    private long ApplyInPlace(DuckDBConnection v, EntitySchema entity, ImportSummary s, string sameKey, IReadOnlyList<string> derived, IProgress<double>? progress)
    {
        var d = workspace.Dialect;
        var q = d.QuoteIdentifier;
        var allColumns = string.Join(", ", entity.Columns.Select(c => q(c.Name)));
        using var tx = v.BeginTransaction();
        foreach (var statement in derived)
        {
            v.Execute(statement);
        }

        progress?.Report(ImportPhases.Derived);
        if (s.Updated > 0)
        {
            // Only updated rows meet a key already there (identical rows were dropped from the good rows).
            v.Execute($"DELETE FROM {q(entity.Table)} AS t WHERE EXISTS (SELECT 1 FROM {Good} AS g WHERE {sameKey})");
        }

        v.Execute($"INSERT INTO {q(entity.Table)} ({allColumns}) SELECT {allColumns} FROM {Good}");
        var importId = v.Count("SELECT coalesce(max(import_id), 0) + 1 FROM imports");
        v.Execute($"DELETE FROM quarantine WHERE entity = {d.Literal(entity.Name)} AND file = {d.Literal(s.File)}");
        v.Execute($"INSERT INTO quarantine SELECT {importId}, {d.Literal(entity.Name)}, {d.Literal(s.File)}, line, column_name, value, reason, detail " +
                $"FROM {Rejects} ORDER BY line, column_name");
        v.Execute(d.Upsert(Tables.Imports, ImportRow(importId, s)));
        BeforeCommit?.Invoke();
        tx.Commit();
        return importId;
    }

    /// <summary>Another engine: the checked rows travel in bulk, in one unit of work of that engine.</summary>
    private long ApplyToWarehouse(DuckDBConnection v, EntitySchema entity, ImportSummary s, IReadOnlyList<string> derived)
    {
        var vq = DuckDbDialect.Instance.QuoteIdentifier;
        var rows = ValidationSpace.Read(v, $"SELECT {string.Join(", ", entity.Columns.Select(c => vq(c.Name)))} FROM {Good}", entity.Columns.Count).ToList();
        var importId = workspace.Connection.Count("SELECT coalesce(max(import_id), 0) + 1 FROM imports");
        var rejects = ValidationSpace.Read(v, $"SELECT line, column_name, value, reason, detail FROM {Rejects} ORDER BY line, column_name", 5)
            .Select(r => new object?[] { importId, entity.Name, s.File, r[0], r[1], r[2], r[3], r[4] }).ToList();
        workspace.Engine.ApplyImport(workspace.Connection, entity, rows, rejects, ImportRow(importId, s), () =>
        {
            foreach (var statement in derived)
            {
                workspace.Connection.Execute(statement);
            }

            BeforeCommit?.Invoke();
        });
        workspace.Engine.RefreshStatistics(workspace.Connection, derived.Count == 0 ? [entity.Table]
            : workspace.Dialect.KeepsRollups ? [entity.Table, .. Catalog.SendTable.Tables.Select(t => t.Table)] : [entity.Table, Catalog.SendTable.Name]);
        return importId;
    }

    private static object?[] ImportRow(long importId, ImportSummary s) =>
        [importId, s.Entity, s.File, DateTime.UtcNow, s.Inserted, s.Updated, s.Unchanged, s.Rejected,
         s.UnknownColumns.Count == 0 ? null : string.Join(", ", s.UnknownColumns)];

    /// <summary>For each column of the entity, its position in the file's header (null when absent),
    /// and the header's names the entity does not know; a missing required or repeated column refuses the file.</summary>
    internal static (int?[] Mapping, List<string> Unknown) MapHeader(EntitySchema entity, IReadOnlyList<string> header, string path)
    {
        var mapping = new int?[entity.Columns.Count];
        var unknown = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var index = entity.Columns.ToList().FindIndex(c => string.Equals(c.Name, header[i], StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                unknown.Add(header[i].Length == 0 ? "#" + (i + 1).ToString(CultureInfo.InvariantCulture) : header[i]);
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

    private static long Stage(DuckDBConnection v, EntitySchema entity, IRowSource source, int?[] mapping, IProgress<double>? progress, ValueCulture? culture)
    {
        var q = DuckDbDialect.Instance.QuoteIdentifier;
        v.Execute($"CREATE TEMP TABLE {Staging} (line BIGINT, " + string.Join(", ", entity.Columns.Select(c => q(c.Name) + " VARCHAR")) + ")");
        long read = 0;
        using (var appender = v.CreateAppender(Staging))
        using (var originals = v.CreateAppender(Originals))
        using (var issues = v.CreateAppender(Rejects))
        {
            foreach (var row in source.ReadRows())
            {
                var r = appender.CreateRow().AppendValue(row.Line);
                for (var j = 0; j < mapping.Length; j++)
                {
                    var index = mapping[j];
                    var value = index is { } i && i < row.Values.Length ? row.Values[i]?.Trim() : null;
                    if (culture is not null && !string.IsNullOrEmpty(value) && !(index is { } k && row.Typed is { } typed && k < typed.Length && typed[k]))
                    {
                        var iso = culture.ToIso(entity.Columns[j].Type, value) ?? Unreadable + value;
                        if (iso != value)
                        {
                            originals.CreateRow().AppendValue(row.Line).AppendValue(entity.Columns[j].Name).AppendValue(value).EndRow();
                            value = iso;
                        }
                    }

                    if (value is not null && value.Contains('\0', StringComparison.Ordinal))
                    {
                        // A NUL (a JSON \u0000, a Parquet string) cannot be stored: the row is rejected, the value shown with ␀.
                        issues.CreateRow().AppendValue(row.Line).AppendValue(entity.Columns[j].Name).AppendValue(value.Replace('\0', '\u2400'))
                            .AppendValue("nul_character").AppendNullValue().EndRow();
                        value = value.Replace('\0', Unreadable[0]);
                    }

                    r = string.IsNullOrEmpty(value) ? r.AppendNullValue() : r.AppendValue(value);
                }

                foreach (var issue in row.Issues ?? [])
                {
                    issues.CreateRow().AppendValue(row.Line).AppendValue(issue.Column).AppendValue(issue.Value)
                        .AppendValue(issue.Reason).AppendValue(issue.Detail).EndRow();
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

    /// <summary>Marks a value the file's culture cannot read, so that its type's check rejects it.</summary>
    private const string Unreadable = "\u0001";

    private static void DropWork(DuckDBConnection v)
    {
        foreach (var table in new[] { Staging, Rejects, Good, Originals })
        {
            v.Execute("DROP TABLE IF EXISTS " + table);
        }
    }

    /// <summary>The rejections currently in quarantine, by entity, file and line.</summary>
    public static IReadOnlyList<Rejection> Quarantine(Workspace workspace, string? entity = null)
    {
        var list = new List<Rejection>();
        using var command = workspace.Connection.CreateCommand();
        // The rejections of each file's latest import only.
        var d = workspace.Dialect;
        command.CommandText = "SELECT entity, file, line, column_name, value, reason, detail FROM " + d.TableReference("quarantine") +
                              " WHERE import_id IN (SELECT max(import_id) FROM " + d.TableReference("imports") + " GROUP BY entity, file)" +
                              (entity is null ? string.Empty : " AND entity = " + d.Literal(entity)) + " ORDER BY entity, file, line, column_name";

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new Rejection(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return list;
    }
}
