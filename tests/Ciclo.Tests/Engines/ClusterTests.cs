using System.Globalization;
using Ciclo.Planner;
using Ciclo.Tests.Support;
using Ciclo.Time;
using Ciclo.Warehouse.ClickHouse;

namespace Ciclo.Tests.Engines;

/// <summary>A workspace spread over a two-shard ClickHouse cluster (two local databases on the one
/// test server): the per-customer rows are split by customer over both shards, each customer's
/// rows sit on its shard, the small tables stay in the workspace database, and a row that moves
/// to another customer is counted once, on its new customer.</summary>
public sealed class ClusterTests
{
    private static readonly string[] Sharded = ["customers", "revenue", "campaign_events", "surveys", "program_members"];

    [Fact]
    public void Customer_rows_are_split_over_both_shards_and_stay_with_their_customer()
    {
        using var ws = Fixtures.ExampleWorkspace("clickhouse-cluster");
        var name = new ClickHouseConnection(ws.DbPath).Database;
        foreach (var table in Sharded)
        {
            var s1 = Count(ws, $"SELECT count() FROM {name}_s1.{table} FINAL");
            var s2 = Count(ws, $"SELECT count() FROM {name}_s2.{table} FINAL");
            Assert.True(s1 > 0 && s2 > 0, $"{table}: {s1} and {s2} rows on the shards");
            Assert.Equal(ws.Count(table), s1 + s2);
        }

        foreach (var shard in new[] { "_s1", "_s2" })
        {
            // Revenue and programme members sit on their customer's shard: the per-customer joins can run there.
            Assert.Equal(0, Count(ws, $"SELECT count() FROM {name}{shard}.revenue WHERE customer_id NOT IN (SELECT customer_id FROM {name}{shard}.customers)"));
            Assert.Equal(0, Count(ws, $"SELECT count() FROM {name}{shard}.program_members WHERE customer_id NOT IN (SELECT customer_id FROM {name}{shard}.customers)"));
        }

        Assert.Equal(0, Count(ws, $"SELECT count() FROM system.tables WHERE database IN ('{name}_s1', '{name}_s2') AND name IN ('campaigns', 'fx_rates', 'settings', 'imports', 'quarantine')"));
        Assert.Equal("Distributed", ws.Workspace.Scalar($"SELECT engine FROM system.tables WHERE database = '{name}' AND name = 'revenue'"));
    }

    [Fact]
    public void A_revenue_row_moved_to_a_customer_on_the_other_shard_is_counted_once()
    {
        using var ws = new TestWorkspace(engine: "clickhouse-cluster");
        ws.ImportCsv("customers", ["customer_id,name,segment,region,acquired_on,churned_on", .. Enumerable.Range(1, 20).Select(i => $"C{i},N{i},smb,eu,2023-01-01,")]);
        var name = new ClickHouseConnection(ws.DbPath).Database;
        var first = (string)ws.Workspace.Scalar($"SELECT min(customer_id) FROM {name}_s1.customers")!;
        var other = (string)ws.Workspace.Scalar($"SELECT min(customer_id) FROM {name}_s2.customers")!;
        ws.ImportCsv("revenue", "revenue_id,customer_id,booked_on,amount,currency,kind", $"R1,{first},2024-01-10,100,,upsell", $"R2,{first},2024-01-11,5,,new");
        var moved = ws.ImportCsv("revenue", "revenue_id,customer_id,booked_on,amount,currency,kind", $"R1,{other},2024-01-10,70,,upsell");

        Assert.Equal((0L, 1L), (moved.Inserted, moved.Updated));
        Assert.Equal(2, ws.Count("revenue"));
        Assert.Equal(1, Count(ws, $"SELECT count() FROM {name}_s1.revenue FINAL WHERE revenue_id = 'R1' AND _deleted = 1"));
        Assert.Equal(other, ws.Workspace.Scalar("SELECT customer_id FROM " + ws.Workspace.Dialect.TableReference("revenue") + " WHERE revenue_id = 'R1'"));
        var report = MetricEngine.Run(ws.Workspace, new MetricRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31), Grain.Month, "UTC") { Metrics = ["expansion_revenue"] });
        Assert.Equal(70d, report.Periods.Single().Metrics["expansion_revenue"].Value);

        // Moving it back: the new version wins over the tombstone on the first shard.
        ws.ImportCsv("revenue", "revenue_id,customer_id,booked_on,amount,currency,kind", $"R1,{first},2024-01-10,90,,upsell");
        Assert.Equal(2, ws.Count("revenue"));
        report = MetricEngine.Run(ws.Workspace, new MetricRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31), Grain.Month, "UTC") { Metrics = ["expansion_revenue"] });
        Assert.Equal(90d, report.Periods.Single().Metrics["expansion_revenue"].Value);
    }

    [Fact]
    public void An_event_moved_to_another_customer_stays_on_its_contacts_shard_and_is_counted_once()
    {
        using var ws = new TestWorkspace(engine: "clickhouse-cluster");
        ws.ImportCsv("customers", ["customer_id,name,segment,region,acquired_on,churned_on", .. Enumerable.Range(1, 20).Select(i => $"C{i},N{i},smb,eu,2023-01-01,")]);
        ws.ImportCsv("campaigns", "campaign_id,name,channel,audience,stage,program,started_on,cost,currency", "K1,Campaign 1,email,customers,expand,,2024-01-01,,");
        var name = new ClickHouseConnection(ws.DbPath).Database;
        var first = (string)ws.Workspace.Scalar($"SELECT min(customer_id) FROM {name}_s1.customers")!;
        var other = (string)ws.Workspace.Scalar($"SELECT min(customer_id) FROM {name}_s2.customers")!;
        const string header = "campaign_id,contact_id,customer_id,event,occurred_at,machine_open";
        ws.ImportCsv("campaign_events", header, $"K1,p@x.example,{first},sent,2024-01-05T10:00:00+00:00,", $"K1,p@x.example,{first},clicked,2024-01-05T11:30:00+00:00,");
        var moved = ws.ImportCsv("campaign_events", header, $"K1,p@x.example,{other},sent,2024-01-05T10:00:00+00:00,", $"K1,p@x.example,{other},clicked,2024-01-05T11:30:00+00:00,");

        Assert.Equal((0L, 2L), (moved.Inserted, moved.Updated));
        Assert.Equal(2, ws.Count("campaign_events"));
        // The key holds the contact, the sharding column: the new versions replace the old ones on
        // the contact's shard, with no tombstone.
        var s1 = Count(ws, $"SELECT count() FROM {name}_s1.campaign_events FINAL WHERE _deleted = 0");
        var s2 = Count(ws, $"SELECT count() FROM {name}_s2.campaign_events FINAL WHERE _deleted = 0");
        Assert.Equal(new[] { 0L, 2L }, new[] { s1, s2 }.Order());
        Assert.Equal(0, Count(ws, $"SELECT count() FROM {name}_s1.campaign_events WHERE _deleted = 1") + Count(ws, $"SELECT count() FROM {name}_s2.campaign_events WHERE _deleted = 1"));
        var report = MetricEngine.Run(ws.Workspace, new MetricRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31), Grain.Month, "UTC") { Metrics = ["customer_campaign_sends"] });
        Assert.Equal(1d, report.Periods.Single().Metrics["customer_campaign_sends"].Value);
        // An upsell of the new customer within the window, so that its engagement is read for the credit.
        ws.ImportCsv("revenue", "revenue_id,customer_id,booked_on,amount,currency,kind", $"R1,{other},2024-01-20,50,,upsell");
        Assert.Equal(other, Ciclo.Influence.InfluenceData.Load(ws.Workspace, "UTC", 90).Engagements.WithIds().Single().Customer);
    }

    [Fact]
    public void Influence_joins_each_contacts_events_with_its_send_row_on_the_shards()
    {
        using var ws = Fixtures.ExampleWorkspace("clickhouse-cluster");
        var sql = Ciclo.Influence.InfluenceData.Render(ws.Workspace, "UTC");
        var table = ws.Workspace.Dialect.TableReference("campaign_events");
        var name = new ClickHouseConnection(ws.DbPath).Database;

        // Every contact's events sit on one shard.
        Assert.Equal(0, Count(ws, $"SELECT count() FROM {name}_s1.campaign_events WHERE contact_id IN (SELECT contact_id FROM {name}_s2.campaign_events)"));

        // The statements as influence runs them, logged under ids of their own; the query log then
        // shows what each shard ran for them and how many rows it returned.
        // (The engagements also read the revenue the shards hold, for the bookings that follow them.)
        var engagements = ShardQueries(ws, Logged(ws, sql.Engagements)).Where(q => q.Query.Contains("campaign_events", StringComparison.Ordinal)).ToList();
        // (The rates also read the revenue and customers the shards hold: only their per-send reads count here.)
        var deliveries = ShardQueries(ws, Logged(ws, Ciclo.Influence.InfluenceData.RatesSql(ws.Workspace, "UTC", 90, null)))
            .Where(q => q.Query.Contains("campaign_sends", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, engagements.Count);
        Assert.Equal(2, deliveries.Count);
        Assert.All(engagements, q => Assert.Contains("USING (campaign_id, contact_id)", q.Query, StringComparison.Ordinal));

        // Engagements: each shard joins its events with its contacts' send rows and returns only the
        // engaging events of delivered contacts that name a customer; together, all of them.
        var sendRows = $"SELECT campaign_id, contact_id FROM {table} GROUP BY campaign_id, contact_id " +
                       "HAVING countIf(event = 'sent') > 0 AND countIf(event = 'bounced') = 0 AND max(customer_id) IS NOT NULL";
        var engaging = Count(ws, $"SELECT count() FROM (SELECT campaign_id, contact_id FROM {table} WHERE event = 'clicked' OR (event = 'opened' AND ifNull(machine_open, 0) = 0)) " +
                                 $"ALL INNER JOIN ({sendRows}) USING (campaign_id, contact_id)");
        Assert.All(engagements, q => Assert.InRange(q.Rows, 1, engaging - 1));
        Assert.Equal(engaging, engagements.Sum(q => q.Rows));

        // Rates: each shard groups its per-send rows and returns its earliest send and engagement per
        // campaign and customer, at most one row per pair on each shard, far fewer than the sends.
        var pairs = Count(ws, $"SELECT count() FROM (SELECT DISTINCT campaign_id, customer FROM (SELECT campaign_id, max(customer_id) AS customer FROM {table} " +
                          $"WHERE (campaign_id, contact_id) IN ({sendRows}) GROUP BY campaign_id, contact_id))");
        Assert.All(deliveries, q => Assert.Contains("FROM campaign_sends FINAL", q.Query, StringComparison.Ordinal));
        Assert.All(deliveries, q => Assert.Contains("GROUP BY", q.Query, StringComparison.Ordinal));
        Assert.All(deliveries, q => Assert.InRange(q.Rows, 1, pairs - 1));
        Assert.InRange(deliveries.Sum(q => q.Rows), pairs, 2 * pairs);
        Assert.True(deliveries.Sum(q => q.Rows) < Count(ws, $"SELECT count() FROM {table} WHERE event = 'sent'"));
    }

    [Fact]
    public void A_contacts_events_naming_a_customer_or_not_meet_on_one_shard_and_give_the_engagements_of_one_server()
    {
        // Sends name the customer, clicks do not: all of a contact's events still land on its
        // contact's shard, which for some contacts is not its customer's.
        string[] customers = ["customer_id,name,segment,region,acquired_on,churned_on", .. Enumerable.Range(1, 20).Select(i => $"C{i},N{i},smb,eu,2023-01-01,")];
        const string campaign = "campaign_id,name,channel,audience,stage,program,started_on,cost,currency";
        string[] events =
        [
            "campaign_id,contact_id,customer_id,event,occurred_at,machine_open",
            .. Enumerable.Range(1, 12).SelectMany(i => new[] { $"K1,p{i}@x.example,C{i},sent,2024-01-05T10:00:00+00:00,", $"K1,p{i}@x.example,,clicked,2024-01-06T11:30:00+00:00," }),
        ];
        using var cluster = new TestWorkspace(engine: "clickhouse-cluster");
        using var one = new TestWorkspace();
        foreach (var ws in new[] { cluster, one })
        {
            ws.ImportCsv("customers", customers);
            ws.ImportCsv("campaigns", campaign, "K1,Campaign 1,email,customers,expand,,2024-01-01,,");
            ws.ImportCsv("campaign_events", events);
            ws.ImportCsv("revenue", ["revenue_id,customer_id,booked_on,amount,currency,kind", .. Enumerable.Range(1, 12).Select(i => $"R{i},C{i},2024-02-01,100,,upsell")]);
        }

        var name = new ClickHouseConnection(cluster.DbPath).Database;
        Assert.Equal(0, Count(cluster, $"SELECT count() FROM (SELECT contact_id FROM {name}_s1.campaign_events FINAL GROUP BY contact_id HAVING count() = 1)"));
        Assert.True(Count(cluster, $"SELECT count() FROM {name}_s1.campaign_events WHERE customer_id NOT IN (SELECT customer_id FROM {name}_s1.customers)") > 0,
            "every contact is on its customer's shard: the test shows nothing");
        AssertSameInfluence(one, cluster, 12);
    }

    [Fact]
    public void The_migration_moves_events_sharded_by_customer_to_their_contacts_shard()
    {
        using var cluster = new TestWorkspace(engine: "clickhouse-cluster");
        var d = (Ciclo.Dialects.ClickHouseClusterDialect)cluster.Workspace.Dialect;
        var connection = new ClickHouseConnection(cluster.DbPath);
        var name = connection.Database;

        // The layout before: events sharded by their customer, or by their contact without one.
        connection.Query("DROP TABLE campaign_events");
        foreach (var shard in d.Cluster.Shards)
        {
            connection.Query($"DROP TABLE {shard}.campaign_events");
        }

        foreach (var statement in d.CreateTableStatements(Ciclo.Import.Entities.CampaignEvents))
        {
            connection.Query(statement.Replace("cityHash64(\"contact_id\")", "cityHash64(ifNull(\"customer_id\", \"contact_id\"))", StringComparison.Ordinal));
        }

        using var one = new TestWorkspace();
        string[] events =
        [
            "campaign_id,contact_id,customer_id,event,occurred_at,machine_open",
            .. Enumerable.Range(1, 16).SelectMany(i => new[]
            {
                $"K1,p{i}@x.example,C{i},sent,2024-01-05T10:00:00+00:00,", $"K1,p{i}@x.example,,opened,2024-01-06T09:00:00+00:00,false",
                $"K1,p{i}@x.example,,clicked,2024-01-06T11:30:00+00:00,", $"K2,p{i}@x.example,C{i},sent,2024-02-05T10:00:00+00:00,",
            }),
        ];
        foreach (var ws in new[] { cluster, one })
        {
            ws.ImportCsv("customers", ["customer_id,name,segment,region,acquired_on,churned_on", .. Enumerable.Range(1, 20).Select(i => $"C{i},N{i},smb,eu,2023-01-01,")]);
            ws.ImportCsv("campaigns", "campaign_id,name,channel,audience,stage,program,started_on,cost,currency",
                "K1,Campaign 1,email,customers,expand,vip,2024-01-01,,", "K2,Campaign 2,email,customers,expand,,2024-02-01,,");
            ws.ImportCsv("campaign_events", events);
            ws.ImportCsv("revenue", ["revenue_id,customer_id,booked_on,amount,currency,kind", .. Enumerable.Range(1, 16).Select(i => $"R{i},C{i},2024-02-01,100,,upsell")]);
        }

        var split = $"SELECT count() FROM (SELECT DISTINCT contact_id FROM {name}_s1.campaign_events) WHERE contact_id IN (SELECT contact_id FROM {name}_s2.campaign_events)";
        Assert.True(Count(cluster, split) > 0, "no contact has its events on both shards before");
        var versions = Count(cluster, "SELECT sum(_version) FROM campaign_events");

        foreach (var statement in Ciclo.Warehouse.Migrations.All.Single(m => m.Version == 4).Statements(d))
        {
            connection.Query(statement);
        }

        Assert.Equal(0, Count(cluster, split));
        Assert.Equal(64, cluster.Count("campaign_events"));
        Assert.Equal(versions, Count(cluster, "SELECT sum(_version) FROM campaign_events"));
        Assert.Equal(0, Count(cluster, $"SELECT count() FROM system.tables WHERE database IN ('{name}', '{name}_s1', '{name}_s2') AND name LIKE '%resharding%'"));
        Assert.Contains("cityHash64(contact_id)", (string)cluster.Workspace.Scalar($"SELECT engine_full FROM system.tables WHERE database = '{name}' AND name = 'campaign_events'")!, StringComparison.Ordinal);
        AssertSameInfluence(one, cluster, 16); // each contact's open and click of one day are one row
    }

    private static void AssertSameInfluence(TestWorkspace one, TestWorkspace cluster, int engagements)
    {
        var expected = Ciclo.Influence.InfluenceData.Load(one.Workspace, "UTC", 90);
        var actual = Ciclo.Influence.InfluenceData.Load(cluster.Workspace, "UTC", 90);
        Assert.Equal(engagements, expected.Engagements.Count);
        Assert.Equal(expected.Engagements.WithIds().OrderBy(e => e.Customer, StringComparer.Ordinal).ThenBy(e => e.Day).ThenBy(e => e.First).ThenBy(e => e.Last).ThenBy(e => e.Campaign, StringComparer.Ordinal),
            actual.Engagements.WithIds().OrderBy(e => e.Customer, StringComparer.Ordinal).ThenBy(e => e.Day).ThenBy(e => e.First).ThenBy(e => e.Last).ThenBy(e => e.Campaign, StringComparer.Ordinal));
        Assert.NotEmpty(expected.CampaignRates);
        Assert.Equal(expected.CampaignRates.OrderBy(r => r.Key, StringComparer.Ordinal), actual.CampaignRates.OrderBy(r => r.Key, StringComparer.Ordinal));
        Assert.Equal(expected.ProgrammeRates.OrderBy(r => r.Key, StringComparer.Ordinal), actual.ProgrammeRates.OrderBy(r => r.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Activity.OrderBy(a => a.Key, StringComparer.Ordinal), actual.Activity.OrderBy(a => a.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void A_cluster_address_without_its_shards_is_refused()
    {
        var e = Assert.Throws<Ciclo.Warehouse.WorkspaceException>(() => Ciclo.Warehouse.Workspace.Open("clickhouse://127.0.0.1:58123/x?cluster=ciclo_two_shards"));
        Assert.Equal("ClusterAddressInvalid", e.MessageKey);
    }

    /// <summary>Runs a statement with the query log on, under a new query id, and returns the id.</summary>
    private static string Logged(TestWorkspace ws, string sql)
    {
        var id = Guid.NewGuid().ToString("N");
        var address = new Uri(TestServices.ClickHouse);
        var url = $"http://{address.Host}:{address.Port}/?database={new ClickHouseConnection(ws.DbPath).Database}&query_id={id}&log_queries=1" +
                  "&join_use_nulls=1&distributed_product_mode=local";
        using var http = new HttpClient();
        using var answer = http.PostAsync(new Uri(url), new StringContent(sql)).GetAwaiter().GetResult();
        Assert.True(answer.IsSuccessStatusCode, answer.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        return id;
    }

    /// <summary>The queries the shards ran for an initial query, and the rows each returned.</summary>
    private static List<(string Query, long Rows)> ShardQueries(TestWorkspace ws, string initialQueryId)
    {
        // The server writes its query log in the background: flush it until the initial query's finish is there.
        var connection = new ClickHouseConnection(ws.DbPath);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            connection.Query("SYSTEM FLUSH LOGS");
        }
        while (connection.Query($"SELECT count() FROM system.query_log WHERE type = 2 AND query_id = '{initialQueryId}'").Trim() == "0" && DateTime.UtcNow < deadline);

        var log = connection.Query(
            $"SELECT result_rows, replaceAll(query, '\\n', ' ') FROM system.query_log WHERE type = 2 AND is_initial_query = 0 AND initial_query_id = '{initialQueryId}' FORMAT TSV");
        return [.. log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t', 2)).Select(p => (p[1], long.Parse(p[0], CultureInfo.InvariantCulture)))];
    }

    private static long Count(TestWorkspace ws, string sql) => Convert.ToInt64(ws.Workspace.Scalar(sql), CultureInfo.InvariantCulture);
}
