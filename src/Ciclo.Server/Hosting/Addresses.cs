using System.Net;

namespace Ciclo.Server.Hosting;

/// <summary>Without keys the server listens on loopback only, whatever was asked.</summary>
public static class Addresses
{
    /// <summary>The addresses to bind; <paramref name="restricted"/> says the server runs without keys
    /// (and so on loopback addresses only).</summary>
    public static string[] Resolve(string urls, bool keysEnabled, out bool restricted)
    {
        restricted = false;
        var list = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (keysEnabled)
        {
            return [.. list];
        }

        for (var i = 0; i < list.Count; i++)
        {
            var uri = new Uri(list[i].Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal));
            var loopback = uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback)
            {
                list[i] = uri.Scheme + "://127.0.0.1:" + uri.Port;
                restricted = true;
            }
        }

        restricted = true;
        return [.. list];
    }
}
