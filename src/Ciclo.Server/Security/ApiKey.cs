using System.Security.Cryptography;
using System.Text;

namespace Ciclo.Server.Security;

/// <summary>A stored key: its name, role and the SHA-256 of the key (the key itself is never stored).</summary>
public sealed record ApiKey(string Name, Role Role, string Sha256)
{
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key (256 bits, URL-safe) and its stored form.</summary>
    public static (string Key, ApiKey Stored) Create(string name, Role role)
    {
        var key = "ck_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (key, new ApiKey(name, role, Hash(key)));
    }
}
