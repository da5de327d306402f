using Ciclo.Dialects;
using Ciclo.Import;

namespace Ciclo.Warehouse;

/// <summary>The schema's history, oldest first. Each step's statements are rendered by the
/// engine's dialect, so every engine gets the same tables.</summary>
public static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "entity tables, settings, imports, quarantine and benchmarks", Initial),
        new(2, "verbatim analysis results and workspace themes", Verbatims.VerbatimTables.Create),
        new(3, "PostgreSQL: program_members indexed by customer", MembershipIndex),
        new(4, "ClickHouse cluster: campaign events sharded by contact", EventsByContact),
        new(5, "campaign_sends: the per-send table, built from the events", PerSendTable),
        new(6, "campaign_sends: each contact's first engagement", PerSendTableAgain),
        new(7, "DuckDB: entity tables without a key index (the importer enforces keys)", EntityTablesWithoutKeyIndex),
        new(8, "campaign_send_counts: the per-send rows counted per campaign, quarter of an hour and flags", SendCountsTable),
        new(9, "campaign_customers: the delivered per-send rows grouped per campaign and customer", SendCustomersTable),
        new(10, "DuckDB: the per-send table and its rollups written in campaign order", PerSendTablesInOrder),
        new(11, "campaign_engagements: the delivered sends' engagements per campaign, customer and quarter of an hour", SendEngagementsTable),
    ];

    public static int Latest => All[^1].Version;

    private static IEnumerable<string> Initial(SqlDialect d)
    {
        foreach (var entity in Entities.All)
        {
            foreach (var statement in d.CreateTableStatements(entity))
            {
                yield return statement;
            }
        }

        yield return d.CreateTable(Tables.Settings);
        yield return d.CreateTable(Tables.Imports);
        yield return d.CreateTable(Tables.Quarantine);
        yield return d.CreateTable(Tables.Benchmarks);
    }

    /// <summary>The programme-membership conditions are a correlated EXISTS on program_members per customer
    /// and period; PostgreSQL runs it as a subplan per row, which without this index scans the whole table
    /// each time (89 s instead of 3.6 s for the S benchmark's customers statement). DuckDB decorrelates it
    /// into a join and ClickHouse has no such index: nothing to do there.</summary>
    private static IEnumerable<string> MembershipIndex(SqlDialect d)
    {
        if (d is PostgresDialect)
        {
            yield return "CREATE INDEX IF NOT EXISTS program_members_customer ON program_members (customer_id)";
        }
    }

    /// <summary>A cluster's campaign events were sharded by their customer (or contact without one), so
    /// a contact's events could sit on two shards; they move to their contact's shard, where the
    /// per-contact join of influence runs. Other engines keep all events in one table.</summary>
    private static IEnumerable<string> EventsByContact(SqlDialect d) =>
        d is ClickHouseClusterDialect cluster ? cluster.Reshard(Entities.CampaignEvents) : [];

    /// <summary>The per-send table every e-mail number reads (<see cref="Catalog.SendTable"/>), built
    /// from the events already there; imports keep it current from then on.</summary>
    private static IEnumerable<string> PerSendTable(SqlDialect d) =>
        d.CreateTableStatements(Catalog.SendTable.Schema).Concat(Catalog.SendTable.RefreshRows(d, null));

    /// <summary>The per-send table made again with the columns it has now (step 6: the first
    /// engagement of each contact, which influence reads), from the events already there.</summary>
    private static IEnumerable<string> PerSendTableAgain(SqlDialect d) =>
        d.DropTableStatements(Catalog.SendTable.Schema).Concat(PerSendTable(d));

    /// <summary>DuckDB's entity tables made again without their key constraint (see
    /// <see cref="DuckDbDialect"/>); other engines keep theirs.</summary>
    private static IEnumerable<string> EntityTablesWithoutKeyIndex(SqlDialect d) =>
        d is DuckDbDialect duckDb ? Entities.All.SelectMany(duckDb.Rebuild) : [];

    /// <summary>The per-send table's counts (<see cref="Catalog.SendCounts"/>), built from its rows,
    /// where the dialect keeps rollups; imports keep them current from then on. Run again, it counts
    /// the rows again.</summary>
    private static IEnumerable<string> SendCountsTable(SqlDialect d) => Rollup(d, Catalog.SendCounts.Schema);

    /// <summary>The per-send table's customers (<see cref="Catalog.SendCustomers"/>), built from its
    /// rows, where the dialect keeps rollups; imports keep them current from then on. Run again, it
    /// groups the rows again.</summary>
    private static IEnumerable<string> SendCustomersTable(SqlDialect d) => Rollup(d, Catalog.SendCustomers.Schema);

    /// <summary>The per-send table's engagements (<see cref="Catalog.SendEngagements"/>), built from the
    /// events and the per-send rows, where the dialect keeps rollups; imports keep them current from
    /// then on. Run again, it groups the events again.</summary>
    private static IEnumerable<string> SendEngagementsTable(SqlDialect d) => Rollup(d, Catalog.SendEngagements.Schema);

    /// <summary>A rollup of the per-send table made (if missing) and filled from the stored rows and
    /// events, where the dialect keeps rollups (<see cref="Catalog.SendTable.RebuildRollup"/>).</summary>
    private static IEnumerable<string> Rollup(SqlDialect d, EntitySchema rollup) =>
        d.KeepsRollups ? d.CreateTableStatements(rollup, ifNotExists: true).Concat(Catalog.SendTable.RebuildRollup(d, rollup)) : [];

    /// <summary>DuckDB's per-send table and its rollups made again with their rows in campaign
    /// order, as imports now write them (<see cref="DuckDbDialect"/>'s <c>Clustered</c>), so that an
    /// import's rewrite of a few campaigns reads only their blocks. Other engines are unchanged.</summary>
    private static IEnumerable<string> PerSendTablesInOrder(SqlDialect d) =>
        d is DuckDbDialect duckDb ? new[] { Catalog.SendTable.Schema, Catalog.SendCounts.Schema, Catalog.SendCustomers.Schema }.SelectMany(duckDb.Rebuild) : [];
}
