using System.Globalization;
using System.Security.Cryptography;
using Ciclo.Generate;
using Ciclo.Import;
using Ciclo.Planner;
using Ciclo.Reports;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Generate;

/// <summary>The benchmark datasets: the S scale end to end as a smoke test (generate, import every
/// file, run the dashboard and check its numbers against the rows), and determinism by seed.</summary>
public sealed class GeneratedDatasetTests
{
    private static readonly DateOnly From = new(2024, 11, 1);
    private static readonly DateOnly To = new(2026, 10, 31);

    [Fact]
    public void The_S_scale_imports_whole_and_the_dashboard_adds_up_to_its_rows()
    {
        using var ws = new TestWorkspace("EUR", "Europe/Rome");
        var files = GeneratedDataset.Write(Path.Combine(ws.Folder, "data"), GenerateScale.S);

        foreach (var (entity, path, rows) in files.Files)
        {
            var summary = ws.Import(entity, path);
            Assert.True(summary.Rejected == 0, $"{entity}: {summary.Rejected} rows rejected");
            Assert.Equal(rows, summary.Read);
            Assert.Equal(rows, summary.Inserted);
            Assert.Equal(rows, ws.Count(Entities.Find(entity)!.Table));
        }

        // The scale's sizes: exact for customers, surveys and leads, within 10 % for the simulated rest.
        Assert.Equal(10_000, ws.Count("customers"));
        Assert.Equal(20_000, ws.Count("surveys"));
        Assert.Equal(50_000, ws.Count("leads"));
        Assert.InRange(ws.Count("campaign_events"), 900_000, 1_100_000);
        Assert.InRange(ws.Count("revenue"), 90_000, 110_000);

        // Skew: the largest tenth of the customers by revenue books most of it.
        var topShare = Convert.ToDouble(ws.Workspace.Scalar(
            "WITH c AS (SELECT customer_id, sum(amount) AS a FROM revenue WHERE kind <> 'refund' GROUP BY 1), " +
            "r AS (SELECT a, row_number() OVER (ORDER BY a DESC) AS n, count(*) OVER () AS total FROM c) " +
            "SELECT sum(a) FILTER (WHERE n <= total / 10) / sum(a) FROM r"), CultureInfo.InvariantCulture);
        Assert.InRange(topShare, 0.4, 0.95);

        var report = MetricEngine.Run(ws.Workspace, new MetricRequest(From, To, Ciclo.Time.Grain.Month, "Europe/Rome"));
        double Sum(string metric) => report.Periods.Sum(p => p.Metrics[metric].Value ?? 0);
        Assert.Equal(24, report.Periods.Count);
        Assert.Equal(
            ws.Workspace.Scalar($"SELECT count(*) FROM customers WHERE acquired_on BETWEEN DATE '{From:yyyy-MM-dd}' AND DATE '{To:yyyy-MM-dd}'"),
            (long)Sum("customers_new"));
        var customerSends = Convert.ToInt64(ws.Workspace.Scalar(
            "SELECT count(*) FROM (SELECT DISTINCT e.campaign_id, e.contact_id FROM campaign_events e JOIN campaigns c USING (campaign_id) " +
            "WHERE c.audience = 'customers' AND e.event = 'sent')"), CultureInfo.InvariantCulture);
        Assert.Equal(customerSends, (long)Sum("customer_campaign_sends"));
        Assert.Equal(20_000, (long)Sum("nps_responses"));

        var campaigns = CampaignReport.Run(ws.Workspace, From, To, "Europe/Rome");
        Assert.Equal(customerSends, campaigns.Where(c => c.Audience == "customers").Sum(c => c.Sends));
    }

    [Fact]
    public void A_seed_gives_the_same_files_and_another_seed_other_files()
    {
        var scale = GenerateScale.Times(GenerateScale.S, "test", 0.01);
        var root = Path.Combine(Path.GetTempPath(), "ciclo-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var a = Hashes(GeneratedDataset.Write(Path.Combine(root, "a"), scale, seed: 7));
            var b = Hashes(GeneratedDataset.Write(Path.Combine(root, "b"), scale, seed: 7));
            var c = Hashes(GeneratedDataset.Write(Path.Combine(root, "c"), scale, seed: 8));

            Assert.Equal(a, b);
            Assert.NotEqual(a["campaign_events"], c["campaign_events"]);
            Assert.NotEqual(a["revenue"], c["revenue"]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Dictionary<string, string> Hashes(GeneratedFiles files) =>
        files.Files.ToDictionary(f => f.Entity, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f.Path))));
}
