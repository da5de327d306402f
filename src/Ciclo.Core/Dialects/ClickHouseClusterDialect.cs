using Ciclo.Import;
using Ciclo.Sql;
using Ciclo.Warehouse.ClickHouse;

namespace Ciclo.Dialects;

/// <summary>
/// ClickHouse spread over a cluster: the per-customer tables (<see cref="ClickHouseCluster.ShardingKeys"/>)
/// are a ReplacingMergeTree on every shard behind a Distributed table, sharded by customer (e-mail
/// events and their per-send rows by contact); the small tables stay whole in the workspace database. Everything else is spelled as on one server.
/// A sharded table is read as <c>(SELECT * FROM t FINAL WHERE _deleted = 0)</c>: each shard
/// merges its rows' versions (a key's versions all live on one shard) and drops tombstones, and
/// the joins and lookups of the query then run on the server that was asked. This is the shape
/// that 18.16 runs exactly: it loses table aliases when it sends a JOIN ... ON query to the
/// shards, and ships scalar subqueries to them as literals it cannot read back.
/// </summary>
public sealed class ClickHouseClusterDialect(ClickHouseCluster cluster) : ClickHouseDialect
{
    public override string Name => "clickhouse-cluster";

    public override bool GroupsOnShards => true;

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

        yield return "CREATE TABLE " + exists + Distributed(QuoteIdentifier(table.Table), ", " + shardingKey);
    }

    /// <summary>A sharded table's Distributed table and its local table on every shard.</summary>
    public override IEnumerable<string> DropTableStatements(EntitySchema table)
    {
        yield return "DROP TABLE IF EXISTS " + QuoteIdentifier(table.Table);
        if (ClickHouseCluster.IsSharded(table.Table))
        {
            foreach (var shard in cluster.Shards)
            {
                yield return "DROP TABLE IF EXISTS " + QuoteIdentifier(shard) + "." + QuoteIdentifier(table.Table);
            }
        }
    }

    /// <summary>
    /// Moves a sharded table's rows to the shards of its current sharding key: the local tables are
    /// renamed aside, read through a Distributed table of their own (each shard merges its versions
    /// and drops its tombstones), and inserted into new tables created as <see cref="CreateTableStatements"/>
    /// makes them; the old tables are then dropped. Each row keeps its version.
    /// </summary>
    public IEnumerable<string> Reshard(EntitySchema table)
    {
        var old = QuoteIdentifier(table.Table + "_resharding");
        foreach (var shard in cluster.Shards)
        {
            yield return "RENAME TABLE " + QuoteIdentifier(shard) + "." + QuoteIdentifier(table.Table) + " TO " + QuoteIdentifier(shard) + "." + old;
        }

        yield return "DROP TABLE " + QuoteIdentifier(table.Table);
        yield return "CREATE TABLE " + Distributed(old, string.Empty);
        foreach (var statement in CreateTableStatements(table))
        {
            yield return statement;
        }

        yield return "INSERT INTO " + QuoteIdentifier(table.Table) + " SELECT * FROM (SELECT * FROM " + old + " FINAL WHERE " + QuoteIdentifier("_deleted") + " = 0)";
        yield return "DROP TABLE " + old;
        foreach (var shard in cluster.Shards)
        {
            yield return "DROP TABLE " + QuoteIdentifier(shard) + "." + old;
        }
    }

    /// <summary>A Distributed table over the shards' local tables of the same (quoted) name, after
    /// CREATE TABLE: it names no database, so each shard reads its replica's default_database.</summary>
    private string Distributed(string quotedTable, string shardingKey) =>
        quotedTable + " AS " + QuoteIdentifier(cluster.Shards[0]) + "." + quotedTable +
        " ENGINE = Distributed(" + QuoteIdentifier(cluster.Name) + ", '', " + quotedTable + shardingKey + ")";

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
                From = ShardedRead(table, alias),
                Joins = [new JoinItem(JoinKind.Cross, spine, Sql.Sql.Lit(true))],
            }
            : select;

    /// <summary>
    /// A sharded table's select, alone (its filter and grouping then run on each shard) or joined
    /// with the rows of a table sharded alike, run whole on each
    /// shard: the Distributed table is read bare with FINAL (18.16 sends a query whose FROM is a
    /// Distributed table to every shard, and the subquery inside the join reads the shard's own
    /// part under distributed_product_mode=local), the join is spelled USING and no column names a
    /// table (18.16 drops table aliases from a joined query it sends to the shards), and the
    /// server asked merges what the shards return: their rows, or their partial aggregates when the
    /// select groups. Exact when both tables are sharded by the same columns and the join columns
    /// hold them, which is checked.
    /// </summary>
    public override SqlSelect Colocated(SqlSelect select)
    {
        if (select is { From: TableSource { Table: var single, Alias: var only }, Joins: [] } && ClickHouseCluster.IsSharded(single))
        {
            return OnShards(select, single, only);
        }

        if (select is not { From: TableSource { Table: var table, Alias: var alias }, Joins: [{ Kind: JoinKind.Inner, Source: SubquerySource { Alias: var other } joined } join] } ||
            !ClickHouseCluster.ShardingColumns.TryGetValue(table, out var sharding))
        {
            throw new ArgumentException("Not a sharded table joined to the rows of one other.", nameof(select));
        }

        var keys = SqlRewriter.Conjuncts(join.On).Select(c => c is Binary { Operator: BinaryOperator.Eq, Left: Column l, Right: Column r } &&
                                                               l.Name == r.Name && new[] { l.Table, r.Table }.Order().SequenceEqual(new[] { alias, other }.Order())
            ? l.Name
            : throw new ArgumentException("The join is not on equal columns of both sides.", nameof(select))).ToList();
        if (!sharding.All(keys.Contains))
        {
            throw new ArgumentException("The join does not hold the sharding columns of " + table + ".", nameof(select));
        }

        var rows = joined.Query is { From: TableSource { Table: var t, Alias: var a }, Joins: [] } &&
                   ClickHouseCluster.ShardingColumns.TryGetValue(t, out var joinedSharding) && joinedSharding.SequenceEqual(sharding)
            ? OnShards(joined.Query, t, a)
            : throw new ArgumentException("The joined rows are not of one table sharded as " + table + ".", nameof(select));
        return OnShards(select with { Joins = [join with { Source = joined with { Query = rows }, Using = keys }] }, table, alias, other);
    }

    /// <summary>
    /// A select whose FROM is a sharded table, as each shard runs it: the Distributed table read
    /// bare with FINAL, its tombstones dropped in WHERE, and no column naming a table (of the
    /// aliases given: the table's and a joined subquery's).
    /// </summary>
    private SqlSelect OnShards(SqlSelect select, string table, params string[] aliases)
    {
        SqlExpr Bare(SqlExpr e) => SqlRewriter.Replace(e, x => x is Column c && aliases.Contains(c.Table) ? c with { Table = null } : null);
        return select with
        {
            Items = [.. select.Items.Select(i => i with { Expression = Bare(i.Expression) })],
            From = ShardedRead(table, aliases[0]),
            Where = select.Where is null ? LiveRow(null) : LiveRow(null) & Bare(select.Where),
            GroupBy = [.. select.GroupBy.Select(Bare)],
            Having = select.Having is null ? null : Bare(select.Having),
            OrderBy = [.. select.OrderBy.Select(Bare)],
        };
    }

    /// <summary>A sharded table bare with FINAL: a query over it alone runs on each shard.</summary>
    private SpelledSource ShardedRead(string table, string alias) =>
        new(QuoteIdentifier(table) + " AS " + QuoteIdentifier(alias) + " FINAL", alias);

    private static SqlExpr LiveRow(string? alias) => new Column(alias, "_deleted").Eq(Sql.Sql.Lit(0L));

    private string Live(string table) =>
        "(SELECT * FROM " + QuoteIdentifier(table) + " FINAL WHERE " + QuoteIdentifier("_deleted") + " = 0)";
}
