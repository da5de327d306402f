using System.Collections.Concurrent;

namespace Ciclo.Server;

/// <summary>
/// Answers already computed for the workspace's current data version (<see cref="Warehouse.DataVersion"/>),
/// by request (path and query), as the UTF-8 bytes of the body. Only one version is kept: the first answer stored for a newer
/// version drops every older one, so an import invalidates exactly what it may have changed
/// (everything) and nothing is served from before it. At most <c>capacity</c> answers are kept.
/// </summary>
public sealed class ResultCache(int capacity = 1024)
{
    private readonly Lock _lock = new();
    private volatile Generation _current = new(string.Empty, new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal));

    public bool TryGet(string version, string key, out byte[] value)
    {
        var g = _current;
        if (g.Version == version && g.Answers.TryGetValue(key, out var found))
        {
            value = found;
            return true;
        }

        value = [];
        return false;
    }

    public void Set(string version, string key, byte[] value)
    {
        lock (_lock)
        {
            if (_current.Version != version)
            {
                _current = new Generation(version, new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal));
            }

            if (_current.Answers.Count < capacity)
            {
                _current.Answers[key] = value;
            }
        }
    }

    private sealed record Generation(string Version, ConcurrentDictionary<string, byte[]> Answers);
}
