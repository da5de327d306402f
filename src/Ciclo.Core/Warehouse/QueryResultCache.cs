using System.Collections.Concurrent;

namespace Ciclo.Warehouse;

/// <summary>
/// Answers of report queries kept across requests, by statement, each with the version of the rows
/// it read (<see cref="TableVersions.Of"/>). A statement is answered from here while no import has
/// changed a table it names; otherwise it runs again and its new answer replaces the old one. So an
/// import of one entity leaves every answer that does not read it in place: after a day of e-mail
/// events, the revenue, survey and lead queries of a dashboard are not run again. The versions are
/// read on the same connection, in the same transaction, as the statement, so an answer is never
/// kept under a version other than the one of the rows it was computed from. A server holds one for
/// all its reading connections (a snapshot each); engines whose reads are no snapshot get none.
/// Answers over <see cref="MaxRows"/> rows are not kept; past <c>capacity</c> statements, all are dropped.
/// </summary>
public sealed class QueryResultCache(int capacity = 4096)
{
    public const int MaxRows = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _hits;
    private long _misses;

    /// <summary>Statements answered from the cache.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Statements run, because no answer was kept or the kept one was of older rows.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Each statement kept, with the version of the rows its answer was computed from and the answer.</summary>
    internal IReadOnlyDictionary<string, (string Version, QueryRows Rows)> Kept =>
        _entries.ToDictionary(e => e.Key, e => (e.Value.Version, e.Value.Rows), StringComparer.Ordinal);

    /// <summary>The answer of <paramref name="sql"/> on the workspace's connection, kept or read now;
    /// <paramref name="versions"/> must have been read in the same snapshot.</summary>
    public QueryRows Rows(Workspace workspace, string sql, TableVersions versions)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(versions);
        var version = versions.Of(sql);
        if (_entries.TryGetValue(sql, out var kept) && kept.Version == version)
        {
            Interlocked.Increment(ref _hits);
            return kept.Rows;
        }

        Interlocked.Increment(ref _misses);
        var rows = QueryRows.Read(workspace.Connection, sql);
        if (rows.Rows.Count <= MaxRows)
        {
            if (_entries.Count >= capacity)
            {
                _entries.Clear();
            }

            _entries[sql] = new Entry(version, rows);
        }

        return rows;
    }

    private sealed record Entry(string Version, QueryRows Rows);
}
