using System.Collections.Frozen;

namespace Ciclo.Warehouse.ClickHouse;

/// <summary>
/// A ClickHouse cluster a workspace is spread over, from
/// <c>clickhouse://HOST[:PORT]/DB?cluster=NAME&amp;shards=DB1,DB2</c>: the cluster as the server
/// names it (remote_servers) and, in the cluster's shard order, the database that holds each
/// shard's local tables on the server of the address (each replica's default_database in the
/// cluster definition). The per-customer tables are local tables on every shard behind a
/// Distributed table in DB, sharded by customer; the other tables are small and stay in DB.
/// </summary>
public sealed record ClickHouseCluster(string Name, IReadOnlyList<string> Shards)
{
    /// <summary>
    /// The tables sharded by customer, with the sharding expression. Campaign events are sharded by
    /// contact: an event's customer is its contact's (the customer any of the contact's events
    /// names), so all of a contact's events must meet on one shard for the per-contact and
    /// per-customer logic of influence to run there. A row's versions must all
    /// land on one shard, because FINAL merges versions within a shard only: where the key does not
    /// hold the sharding columns, an import that moves a row to another customer writes a
    /// tombstone of the old row, which routes to the old shard (<c>_deleted = 1</c>).
    /// </summary>
    public static readonly FrozenDictionary<string, string> ShardingKeys = new Dictionary<string, string>
    {
        ["customers"] = "cityHash64(\"customer_id\")",
        ["revenue"] = "cityHash64(\"customer_id\")",
        ["program_members"] = "cityHash64(\"customer_id\")",
        ["campaign_events"] = "cityHash64(\"contact_id\")",
        ["campaign_sends"] = "cityHash64(\"contact_id\")",
        ["surveys"] = "cityHash64(ifNull(\"customer_id\", \"response_id\"))",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The columns the sharding expression of a sharded table reads.</summary>
    public static readonly FrozenDictionary<string, string[]> ShardingColumns = new Dictionary<string, string[]>
    {
        ["customers"] = ["customer_id"],
        ["revenue"] = ["customer_id"],
        ["program_members"] = ["customer_id"],
        ["campaign_events"] = ["contact_id"],
        ["campaign_sends"] = ["contact_id"],
        ["surveys"] = ["customer_id", "response_id"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsSharded(string table) => ShardingKeys.ContainsKey(table);

    /// <summary>The cluster named in the address's query, or null for a single server.</summary>
    public static ClickHouseCluster? FromAddress(string address)
    {
        var query = new Uri(address).Query.TrimStart('?');
        if (query.Length == 0)
        {
            return null;
        }

        var values = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty, StringComparer.Ordinal);
        var unknown = values.Keys.Where(k => k is not ("cluster" or "shards")).ToList();
        if (unknown.Count > 0)
        {
            throw new WorkspaceException("ClusterAddressInvalid", address, string.Join(", ", unknown));
        }

        var shards = values.GetValueOrDefault("shards", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!values.TryGetValue("cluster", out var name) || name.Length == 0 || shards.Length == 0)
        {
            throw new WorkspaceException("ClusterAddressInvalid", address, "cluster, shards");
        }

        return new ClickHouseCluster(name, shards);
    }
}
