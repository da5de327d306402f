using Ciclo.Warehouse;

namespace Ciclo.Server;

/// <summary>The server's one open workspace. A connection serves one statement at a time, so
/// every use goes through this gate: reads and imports are serialised, and a reader sees the
/// data before or after an import, never half of one. Report answers can be served from a
/// <see cref="ResultCache"/> keyed by the workspace's data version.</summary>
public sealed class WorkspaceAccess : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Workspace _workspace;
    private readonly ResultCache _cache = new();

    // A DuckDB file is locked by the process that opens it for writing: only this process can
    // change it, and only through Use, so the version read after the last Use stays true until the
    // next one. Other engines can be written by another process: their version is read every time.
    private readonly bool _onlyWriter;
    private volatile string? _knownVersion;

    public WorkspaceAccess(string path)
    {
        Path = path;
        _workspace = Workspace.Open(path);
        _onlyWriter = _workspace.Address.Engine == Engine.DuckDb;
    }

    public string Path { get; }

    public async Task<T> Use<T>(Func<Workspace, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _knownVersion = null;
            return work(_workspace);
        }
        finally
        {
            _knownVersion = null;
            _gate.Release();
        }
    }

    /// <summary>The answer (UTF-8) for <paramref name="key"/> (a request's path and query) at the current data
    /// version: from the cache when it was computed for this version, else computed and kept.</summary>
    public async Task<byte[]> Cached(string key, Func<Workspace, string> work, CancellationToken cancellationToken)
    {
        if (_knownVersion is { } known && _cache.TryGet(known, key, out var hit))
        {
            return hit;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var version = _knownVersion ?? DataVersion.Read(_workspace);
            if (_onlyWriter)
            {
                _knownVersion = version;
            }

            if (_cache.TryGet(version, key, out hit))
            {
                return hit;
            }

            var answer = System.Text.Encoding.UTF8.GetBytes(work(_workspace));
            _cache.Set(version, key, answer);
            return answer;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _workspace.Dispose();
        _gate.Dispose();
    }
}
