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
/// on while an import runs and see the data before it or after it, never half of it. Report answers
/// are served through <see cref="Cached"/> from a <see cref="ResultCache"/> keyed by the data version
/// read in the same snapshot as the answer. Below them, the report queries' own answers are kept
/// per statement (<see cref="QueryResultCache"/>, DuckDB and PostgreSQL), so that after an import the
/// next answer runs again only the queries that read what the import changed.
/// </summary>
public sealed class WorkspaceAccess : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _readers;
    private readonly ConcurrentBag<Workspace> _idle = [];
    private readonly Workspace _workspace;
    private readonly ResultCache _cache = new();
    private readonly QueryResultCache _queryResults = new();
    private bool _disposed;

    // A DuckDB file is locked by the process that opens it for writing: only this process can
    // change it, and only through Use, so a version read while no Use ran stays true until the
    // next Use. Other engines can be written by another process: their version is read every time.
    private readonly bool _onlyWriter;
    private readonly Lock _versionLock = new();
    private long _writes; // odd while a Use runs; changes at its start and its end
    private string? _knownVersion;

    /// <param name="path">The --db value.</param>
    /// <param name="readers">How many reads may run at once beside the writer.</param>
    public WorkspaceAccess(string path, int readers = 4)
    {
        Path = path;
        _workspace = Workspace.Open(path);
        _readers = new SemaphoreSlim(Math.Max(1, readers));
        _onlyWriter = _workspace.Address.Engine == Engine.DuckDb;
    }

    public string Path { get; }

    /// <summary>The report queries' answers kept across requests, shared by the reading connections.</summary>
    public QueryResultCache QueryResults => _queryResults;

    /// <summary>What influence read, kept across requests; told of every import made through this server.</summary>
    public Influence.InfluenceKeeper Influence { get; } = new();

    /// <summary>Runs <paramref name="work"/> on the writing connection, alone.</summary>
    public async Task<T> Use<T>(Func<Workspace, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ForgetVersion();
            return work(_workspace);
        }
        finally
        {
            ForgetVersion();
            _gate.Release();
        }
    }

    /// <summary>The answer (UTF-8) for <paramref name="key"/> (a request's path and query) at the current data
    /// version: from the cache when it was computed for this version, else computed on a reading
    /// connection (the version and the answer from one snapshot) and kept.</summary>
    public async Task<byte[]> Cached(string key, Func<Workspace, string> work, CancellationToken cancellationToken)
    {
        string? known;
        long writes;
        lock (_versionLock)
        {
            known = _knownVersion;
            writes = _writes;
        }

        if (known is not null && _cache.TryGet(known, key, out var hit))
        {
            return hit;
        }

        var (version, answer) = await Read(w =>
        {
            var current = DataVersion.Read(w);
            if (_cache.TryGet(current, key, out var kept))
            {
                return (current, kept);
            }

            var computed = System.Text.Encoding.UTF8.GetBytes(work(w));
            _cache.Set(current, key, computed);
            return (current, computed);
        }, cancellationToken);

        if (_onlyWriter)
        {
            lock (_versionLock)
            {
                // Only when no Use started or ran since this read began: then its snapshot is the file's state.
                if (_writes == writes && writes % 2 == 0)
                {
                    _knownVersion = version;
                }
            }
        }

        return answer;
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

            // Reads are snapshots here, so a query's answer and the version it is kept under agree.
            reader.QueryResults = _queryResults;
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

    private void ForgetVersion()
    {
        lock (_versionLock)
        {
            _writes++;
            _knownVersion = null;
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
