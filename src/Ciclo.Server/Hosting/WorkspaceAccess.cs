using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Ciclo.Warehouse;

namespace Ciclo.Server;

/// <summary>
/// The server's workspace. A connection serves one statement at a time, so there are two ways in:
/// <see cref="Use{T}"/> takes the one writing connection, one caller at a time (imports, band
/// changes, and reads that first bring derived tables up to date); <see cref="Read{T}"/> takes one
/// of a few reading connections and runs the whole read in one transaction, a snapshot: readers go
/// on while an import runs and see the data before it or after it, never half of it.
/// </summary>
public sealed class WorkspaceAccess : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _readers;
    private readonly ConcurrentBag<Workspace> _idle = [];
    private readonly Workspace _workspace;
    private bool _disposed;

    /// <param name="path">The --db value.</param>
    /// <param name="readers">How many reads may run at once beside the writer.</param>
    public WorkspaceAccess(string path, int readers = 4)
    {
        Path = path;
        _workspace = Workspace.Open(path);
        _readers = new SemaphoreSlim(Math.Max(1, readers));
    }

    public string Path { get; }

    /// <summary>Runs <paramref name="work"/> on the writing connection, alone.</summary>
    public async Task<T> Use<T>(Func<Workspace, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return work(_workspace);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/>, which must not write, on a reading connection inside one
    /// read transaction (a snapshot on DuckDB and PostgreSQL; ClickHouse has no transactions).</summary>
    public async Task<T> Read<T>(Func<Workspace, T> work, CancellationToken cancellationToken)
    {
        await _readers.WaitAsync(cancellationToken);
        Workspace? reader = null;
        try
        {
            reader = _idle.TryTake(out var idle) ? idle : Workspace.Open(Path);
            if (reader.Engine.Kind == Engine.ClickHouse)
            {
                return work(reader);
            }

            using var snapshot = reader.Connection.BeginTransaction(reader.Engine.Kind == Engine.Postgres ? IsolationLevel.RepeatableRead : IsolationLevel.Unspecified);
            try
            {
                return work(reader);
            }
            finally
            {
                snapshot.Rollback(); // nothing was written; ends the snapshot
            }
        }
        catch (DbException)
        {
            // A connection that failed may be broken: never hand it out again.
            reader?.Dispose();
            reader = null;
            throw;
        }
        finally
        {
            if (reader is not null)
            {
                if (_disposed)
                {
                    reader.Dispose();
                }
                else
                {
                    _idle.Add(reader);
                }
            }

            _readers.Release();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
        {
            reader.Dispose();
        }

        _workspace.Dispose();
        _gate.Dispose();
        _readers.Dispose();
    }
}
