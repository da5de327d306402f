using Ciclo.Warehouse;

namespace Ciclo.Server;

/// <summary>The server's one open workspace. A connection serves one statement at a time, so
/// every use goes through this gate: reads and imports are serialised, and a reader sees the
/// data before or after an import, never half of one.</summary>
public sealed class WorkspaceAccess(string path) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Workspace _workspace = Workspace.Open(path);

    public string Path => path;

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

    public void Dispose()
    {
        _workspace.Dispose();
        _gate.Dispose();
    }
}
