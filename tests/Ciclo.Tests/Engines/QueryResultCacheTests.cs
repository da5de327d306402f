using System.Globalization;
using Ciclo.Planner;
using Ciclo.Presenters;
using Ciclo.Tests.Support;
using Ciclo.Time;
using Ciclo.Warehouse;

namespace Ciclo.Tests.Engines;

/// <summary>Report queries' answers kept across requests (<see cref="QueryResultCache"/>): after an
/// import of each entity in turn, the reports read through the cache are exactly the reports read
/// without it, while the queries that do not read the entity imported are answered from the cache.
/// The worked example is imported in two parts: customers and campaigns whole and the first half of
/// every other entity's rows, then the other halves one entity at a time, then the customers with
/// other segments and the campaigns with other costs and programmes.</summary>
public sealed class QueryResultCacheTests
{
    public static TheoryData<string> Engines => new() { "duckdb", "postgres" };

    private static readonly string[] Halved = ["fx_rates", "revenue", "campaign_events", "surveys", "leads", "channel_stats", "program_members"];

    [Theory]
    [MemberData(nameof(Engines))]
    public void Kept_answers_equal_fresh_ones_after_an_import_of_each_entity(string engine)
    {
        using var ws = new TestWorkspace(engine: engine);
        var halves = Halved.ToDictionary(e => e, e => Halves(ws, e));
        ws.Import("customers", Fixtures.Example("customers.csv"));
        ws.Import("campaigns", Fixtures.Example("campaigns.csv"));
        foreach (var entity in Halved)
        {
            ws.Import(entity, halves[entity].First);
        }

        var cache = new QueryResultCache();
        Assert.Equal(Reports(ws, null), Reports(ws, cache));
        var (hits, misses) = (cache.Hits, cache.Misses);
        Assert.True(misses > 0);
        Assert.Equal(Reports(ws, null), Reports(ws, cache));
        Assert.Equal(misses, cache.Misses); // nothing changed: every query answered from the cache
        Assert.True(cache.Hits > hits);

        var steps = Halved.Select(e => (e, halves[e].Second))
            .Append(("customers", OtherSegments(ws)))
            .Append(("campaigns", OtherCosts(ws)));
        foreach (var (entity, file) in steps)
        {
            var before = Values(ws);
            var kept = cache.Kept;
            ws.Import(entity, file);
            Assert.NotEqual(before, Values(ws)); // the import changes numbers, so a stale answer would show
            misses = cache.Misses;
            Assert.Equal(Reports(ws, null), Reports(ws, cache));
            Assert.True(cache.Misses > misses, $"{engine}: after {entity}, no query ran again");

            // A statement that does not read the entity imported keeps its answer (the surveys' import
            // also rewrites their analysis, which marks every answer stale); one that reads it ran again.
            var after = cache.Kept;
            foreach (var (sql, (version, rows)) in kept)
            {
                var reads = version.Contains(entity + "=", StringComparison.Ordinal) || entity == "surveys";
                Assert.True(reads != ReferenceEquals(rows, after[sql].Rows), $"{engine}: after {entity}, {version} was {(reads ? "kept" : "run again")}");
            }

            Assert.Contains(kept.Values, k => !k.Version.Contains(entity + "=", StringComparison.Ordinal)); // some statements do not read it
        }
    }

    [Fact]
    public void A_statement_takes_the_version_of_the_entities_it_names_and_their_derived_tables()
    {
        var versions = new TableVersions(new Dictionary<string, long> { ["revenue"] = 3, ["campaign_events"] = 7, ["customers"] = 1 }, "t");
        Assert.Equal("customers=1;revenue=3;t", versions.Of("SELECT sum(r.amount) FROM \"revenue\" AS r JOIN customers AS c ON c.customer_id = r.customer_id"));
        Assert.Equal("campaign_events=7;campaigns=0;t", versions.Of("SELECT * FROM campaign_send_counts AS n JOIN campaigns AS c ON true"));
        Assert.Equal("campaign_events=7;t", versions.Of("SELECT * FROM main.campaign_sends, campaign_customers, campaign_engagements"));
        Assert.Equal("*=7;t", versions.Of("SELECT count(*) FROM quarantine"));
        // Names within longer identifiers are not tables.
        Assert.Equal("t", versions.Of("SELECT 1 AS engaged_customers, revenue_id FROM (SELECT 1) AS x"));
    }

    /// <summary>Every catalog metric monthly in UTC and weekly in Tokyo, one segment, and each programme's report.</summary>
    private static readonly MetricRequest[] Requests =
    [
        new(new DateOnly(2023, 10, 1), new DateOnly(2024, 6, 30), Grain.Month, "UTC"),
        new(new DateOnly(2023, 10, 1), new DateOnly(2024, 6, 30), Grain.Week, "Asia/Tokyo"),
        new(new DateOnly(2023, 10, 1), new DateOnly(2024, 6, 30), Grain.Month, "UTC") { Segment = new SegmentFilter("segment", "Enterprise") },
        .. new[] { "referral", "vip" }.Select(p => new MetricRequest(new DateOnly(2023, 10, 1), new DateOnly(2024, 6, 30), Grain.Month, "UTC")
        {
            Metrics = Catalog.Metrics.ProgrammeIds,
            Program = p,
        }),
    ];

    /// <summary>Each of <see cref="Requests"/> as JSON, read through the cache given (or without one).</summary>
    private static string Reports(TestWorkspace ws, QueryResultCache? cache)
    {
        ws.Workspace.QueryResults = cache;
        try
        {
            return string.Join("\n", Requests.Select(r => MetricJsonPresenter.Render(MetricEngine.Run(ws.Workspace, r))));
        }
        finally
        {
            ws.Workspace.QueryResults = null;
        }
    }

    /// <summary>The numbers alone of <see cref="Reports"/>, read without the cache.</summary>
    private static string Values(TestWorkspace ws) =>
        string.Join(";", Requests.SelectMany(r => MetricEngine.Run(ws.Workspace, r).Periods)
            .SelectMany(p => p.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Value.Value?.ToString("R", CultureInfo.InvariantCulture) ?? "-")));

    /// <summary>The example's file of an entity split in two by its rows, each with the header.</summary>
    private static (string First, string Second) Halves(TestWorkspace ws, string entity)
    {
        var lines = File.ReadAllLines(Fixtures.Example(entity + ".csv"));
        var rows = lines.Skip(1).ToArray();
        var half = rows.Length / 2;
        return (ws.File(entity + "-1.csv", [lines[0], .. rows[..half]]), ws.File(entity + "-2.csv", [lines[0], .. rows[half..]]));
    }

    /// <summary>The customers again, every third one moved to the next segment.</summary>
    private static string OtherSegments(TestWorkspace ws)
    {
        string[] segments = ["Enterprise", "Mid-market", "SMB"];
        var lines = File.ReadAllLines(Fixtures.Example("customers.csv"));
        var changed = lines.Skip(1).Select((line, i) =>
        {
            var cells = line.Split(',');
            if (i % 3 == 0)
            {
                cells[2] = segments[(Array.IndexOf(segments, cells[2]) + 1) % segments.Length];
            }

            return string.Join(',', cells);
        });
        return ws.File("customers-again.csv", [lines[0], .. changed]);
    }

    /// <summary>The campaigns again, with their costs doubled and the first one's programme changed.</summary>
    private static string OtherCosts(TestWorkspace ws)
    {
        var lines = File.ReadAllLines(Fixtures.Example("campaigns.csv"));
        var changed = lines.Skip(1).Select((line, i) =>
        {
            var cells = line.Split(',');
            if (cells[7].Length > 0)
            {
                cells[7] = (decimal.Parse(cells[7], CultureInfo.InvariantCulture) * 2).ToString(CultureInfo.InvariantCulture);
            }

            if (i == 0)
            {
                cells[5] = "vip";
            }

            return string.Join(',', cells);
        });
        return ws.File("campaigns-again.csv", [lines[0], .. changed]);
    }
}
