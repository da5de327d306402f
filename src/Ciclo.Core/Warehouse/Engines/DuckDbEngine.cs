using System.Data.Common;
using Ciclo.Dialects;
using Ciclo.Import;
using DuckDB.NET.Data;

namespace Ciclo.Warehouse.Engines;

/// <summary>The embedded default: one DuckDB file, held by one process at a time.</summary>
public sealed class DuckDbEngine : WarehouseEngine
{
    public static readonly DuckDbEngine Instance = new();

    public override Engine Kind => Engine.DuckDb;

    public override SqlDialect Dialect => DuckDbDialect.Instance;

    /// <summary>Whether DuckDB's days of a zone equal those spelled from this machine's zone rules
    /// (<see cref="DuckDbDialect.LocalDayCheck"/>): asked once per zone in a process.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Agrees = new(StringComparer.Ordinal);

    /// <summary>
    /// Defines the zone's local-day macro on the connection and, where DuckDB agrees with it over
    /// the whole span, returns the dialect that uses it; otherwise the plain dialect, whose
    /// <c>timezone</c> gives the same days more slowly.
    /// </summary>
    public override SqlDialect DialectFor(DbConnection connection, string timeZone)
    {
        if (Time.ZoneOffsets.For(timeZone) is not { } offsets)
        {
            return Dialect;
        }

        var dialect = DuckDbDialect.Instance;
        connection.Execute(dialect.LocalDayMacro(offsets));
        return Agrees.GetOrAdd(timeZone, _ => connection.Count(dialect.LocalDayCheck(offsets)) == 0) ? dialect.WithLocalDays(offsets) : dialect;
    }

    public override DbConnection Open(WarehouseAddress address, bool create)
    {
        var connection = new DuckDBConnection("Data Source=" + address.Value);
        try
        {
            connection.Open();
            DuckDbMemory.Apply(connection, inMemory: false);
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            // Another process holds the file for writing (a running `ciclo serve`, another import).
            if (System.Text.RegularExpressions.Regex.Match(e.Message, @"Conflicting lock is held in .*\(PID (\d+)\)") is { Success: true } held)
            {
                throw new WorkspaceException("WorkspaceInUse", address.Display, held.Groups[1].Value);
            }

            throw new WorkspaceException("WorkspaceLocked", address.Display, e.Message);
        }

        return connection;
    }

    /// <summary>A DuckDB workspace checks and applies in place (see Importer); this path is not used.</summary>
    public override void ApplyImport(DbConnection connection, EntitySchema entity, IReadOnlyList<object?[]> rows,
        IReadOnlyList<object?[]> rejections, object?[] importRow, Action? beforeCommit) =>
        throw new NotSupportedException("DuckDB workspaces apply imports in place.");

    public override bool Exists(WarehouseAddress address) => File.Exists(address.Value);

    public override void BulkInsert(DbConnection connection, DbTransaction? transaction, EntitySchema table, IEnumerable<object?[]> rows)
    {
        using var appender = ((DuckDBConnection)connection).CreateAppender(table.Table);
        foreach (var row in rows)
        {
            var r = appender.CreateRow();
            foreach (var value in row)
            {
                r = value switch
                {
                    null => r.AppendNullValue(),
                    string s => r.AppendValue(s),
                    long n => r.AppendValue(n),
                    int n => r.AppendValue(n),
                    decimal m => r.AppendValue(m),
                    double x => r.AppendValue(x),
                    bool b => r.AppendValue(b),
                    DateOnly d => r.AppendValue(d),
                    DateTime t => r.AppendValue(t),
                    _ => throw new NotSupportedException(value.GetType().Name),
                };
            }

            r.EndRow();
        }
    }
}
