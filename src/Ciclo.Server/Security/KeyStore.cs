using System.Security.Cryptography;
using System.Text.Json;

namespace Ciclo.Server.Security;

/// <summary>The keys file: a JSON array of {name, role, sha256}. Lookups hash the presented key
/// and compare in constant time against every stored hash.</summary>
public sealed class KeyStore(IReadOnlyList<ApiKey> keys)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static KeyStore Empty { get; } = new([]);

    public bool Enabled => keys.Count > 0;

    public IReadOnlyList<ApiKey> Keys => keys;

    public static KeyStore Load(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return Empty;
        }

        var stored = JsonSerializer.Deserialize<List<StoredKey>>(File.ReadAllText(path), Json) ?? [];
        return new KeyStore(stored.Select(k => new ApiKey(k.Name, Enum.Parse<Role>(k.Role, true), k.Sha256)).ToList());
    }

    public static void Save(string path, IEnumerable<ApiKey> keys) =>
        File.WriteAllText(path, JsonSerializer.Serialize(keys.Select(k => new StoredKey(k.Name, k.Role.ToString().ToLowerInvariant(), k.Sha256)), Json));

    public ApiKey? Find(string presented)
    {
        var hash = Convert.FromHexString(ApiKey.Hash(presented));
        ApiKey? match = null;
        foreach (var key in keys)
        {
            // Every stored key is compared, in constant time, whatever matched before.
            if (CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(key.Sha256)))
            {
                match = key;
            }
        }

        return match;
    }

    private sealed record StoredKey(string Name, string Role, string Sha256);
}
