using Ciclo.Import;
using Ciclo.Sql;
using Ciclo.Warehouse.ClickHouse;

namespace Ciclo.Dialects;

/// <summary>
/// ClickHouse spread over a cluster: the per-customer tables (<see cref="ClickHouseCluster.ShardingKeys"/>)
/// are a ReplacingMergeTree on every shard behind a Distributed table sharded by customer; the
/// small tables stay whole in the workspace database. Everything else is spelled as on one server.
/// A sharded table is read as <c>(SELECT * FROM t FINAL WHERE _deleted = 0)</c>: each shard
/// merges its rows' versions (a key's versions all live on one shard) and drops tombstones, and
/// the joins and lookups of the query then run on the server that was asked. This is the shape
/// that 18.16 runs exactly: it loses table aliases when it sends a JOIN ... ON query to the
/// shards, and ships scalar subqueries to them as literals it cannot read back.
/// </summary>
public sealed class ClickHouseClusterDialect(ClickHouseCluster cluster) : ClickHouseDialect
{
    public override string Name => "clickhouse-cluster";

    public ClickHouseCluster Cluster => cluster;

    public override string TableReference(string table, string alias) =>
        ClickHouseCluster.IsSharded(table) ? Live(table) + " AS " + QuoteIdentifier(alias) : base.TableReference(table, alias);

    public override string TableReference(string table) => ClickHouseCluster.IsSharded(table) ? Live(table) : base.TableReference(table);

    /// <summary>
    /// A sharded table: its local table in each shard's database, with a tombstone flag, then the
    /// Distributed table in the workspace database. The Distributed table names no database, so
    /// each shard reads its replica's default_database, which the cluster definition sets to the
    /// shard's database. Other tables: as on one server.
    /// </summary>
    public override IEnumerable<string> CreateTableStatements(EntitySchema table, bool ifNotExists = false)
    {
        if (!ClickHouseCluster.ShardingKeys.TryGetValue(table.Table, out var shardingKey))
        {
            yield return CreateTable(table, ifNotExists);
            yield break;
        }

        var exists = ifNotExists ? "IF NOT EXISTS " : string.Empty;
        foreach (var shard in cluster.Shards)
        {
            yield return "CREATE TABLE " + exists + QuoteIdentifier(shard) + "." + QuoteIdentifier(table.Table) + " (" + ColumnDefinitions(table) + ", " +
                         QuoteIdentifier("_deleted") + " UInt8 DEFAULT 0) " + VersionedEngine(table);
        }

        yield return "CREATE TABLE " + exists + QuoteIdentifier(table.Table) + " AS " + QuoteIdentifier(cluster.Shards[0]) + "." + QuoteIdentifier(table.Table) +
                     " ENGINE = Distributed(" + QuoteIdentifier(cluster.Name) + ", '', " + QuoteIdentifier(table.Table) + ", " + shardingKey + ")";
    }

    /// <summary>
    /// A sharded table without tombstones (its key holds the sharding columns: customers, programme
    /// members) cross-joined to the period spine is read first and bare, so that each shard
    /// computes the aggregates over its own customers and the server asked merges them; a
    /// programme-membership IN inside reads the shard's own members, which sit with their customer.
    /// </summary>
    public override SqlSelect Arrange(SqlSelect select) =>
        select is { From: PeriodSpineSource spine, Joins: [{ Kind: JoinKind.Cross, Source: TableSource { Table: var table, Alias: var alias } }] } &&
        ClickHouseCluster.ShardingColumns.TryGetValue(table, out var sharding) && Entities.Find(table) is { } entity && sharding.All(entity.Key.Contains)
            ? select with
            {
                From = new SpelledSource(QuoteIdentifier(table) + " AS " + QuoteIdentifier(alias) + " FINAL", alias),
                Joins = [new JoinItem(JoinKind.Cross, spine, Sql.Sql.Lit(true))],
            }
            : select;

    /// <summary>
    /// The send rows (the same columns and values) with the
    /// grouping of each campaign's events per contact sent to the shards: the grouping reads the
    /// Distributed table bare with FINAL and drops tombstones in its WHERE (after FINAL), with no
    /// join in it, so 18.16 sends it whole to each shard; each shard returns its partial aggregates
    /// and the server asked merges them (min, max: exact however a contact's events are spread)
    /// and then joins the small campaigns table, which the shards do not hold.
    /// </summary>
    public override SqlSelect SendRows(SqlSelect sendRows)
    {
        var campaignColumns = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["campaign_audience"] = "audience", ["campaign_stage"] = "stage", ["campaign_program"] = "program",
        };
        var grouped = sendRows with
        {
            Items = [.. sendRows.Items.Where(i => !campaignColumns.ContainsKey(i.Alias))],
            From = ShardedRead("campaign_events", "e"),
            Joins = [],
            Where = LiveRow("e"),
        };
        var g = (string n) => Sql.Sql.Col("g", n);
        return new SqlSelect(
            [.. sendRows.Items.Select(i => new SelectItem(campaignColumns.TryGetValue(i.Alias, out var column) ? Sql.Sql.Col("c", column) : g(i.Alias), i.Alias))],
            new SubquerySource(grouped, "g"))
        {
            Joins = [new JoinItem(JoinKind.Inner, new TableSource("campaigns", "c"), Sql.Sql.Col("c", "campaign_id").Eq(g("campaign_id")))],
        };
    }

    /// <summary>
    /// A sharded table's live rows that pass a filter, the filter applied on each shard (a query
    /// over the Distributed table alone, which 18.16 sends whole), with the table's columns.
    /// A table that is not sharded is read as on one server.
    /// </summary>
    public override FromItem FilteredRows(string table, string alias, SqlExpr filter) =>
        !ClickHouseCluster.ShardingColumns.ContainsKey(table)
            ? base.FilteredRows(table, alias, filter)
            : new SubquerySource(
                new SqlSelect([.. (Entities.Find(table) ?? throw new ArgumentException(table, nameof(table))).Columns.Select(c => new SelectItem(Sql.Sql.Col(alias, c.Name), c.Name))],
                    ShardedRead(table, alias))
                {
                    Where = LiveRow(alias) & filter,
                }, alias);

    /// <summary>A sharded table bare with FINAL: a query over it alone runs on each shard.</summary>
    private SpelledSource ShardedRead(string table, string alias) =>
        new(QuoteIdentifier(table) + " AS " + QuoteIdentifier(alias) + " FINAL", alias);

    private static SqlExpr LiveRow(string alias) => Sql.Sql.Col(alias, "_deleted").Eq(Sql.Sql.Lit(0L));

    private string Live(string table) =>
        "(SELECT * FROM " + QuoteIdentifier(table) + " FINAL WHERE " + QuoteIdentifier("_deleted") + " = 0)";
}
