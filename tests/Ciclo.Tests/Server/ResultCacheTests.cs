using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Text.Json;
using Ciclo.Catalog;
using Ciclo.Planner;
using Ciclo.Presenters;
using Ciclo.Server;
using Ciclo.Tests.Support;
using Ciclo.Warehouse;

namespace Ciclo.Tests.Server;

/// <summary>The result cache answers a repeated request from memory, and exactly the changes of a
/// workspace's data (imports, through the API or from another process, and bands) invalidate it.</summary>
public sealed class ResultCacheTests
{
    private const string Revenue = "/api/metrics?from=2024-06-01&to=2024-06-30&metric=total_revenue";

    [Fact]
    public async Task An_import_through_the_api_invalidates_the_cached_dashboard()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        var first = await client.GetStringAsync(Revenue);
        Assert.Equal(first, await client.GetStringAsync(Revenue));

        using var form = new MultipartFormDataContent();
        var csv = "revenue_id,customer_id,booked_on,amount,currency,kind\nCACHE1,C26,2024-06-15,1000.00,,upsell\n";
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "more-revenue.csv");
        (await client.PostAsync("/api/imports/revenue", form)).EnsureSuccessStatusCode();

        var after = await client.GetStringAsync(Revenue);
        Assert.Equal(Total(first) + 1000, Total(after), 6);
    }

    [Fact]
    public async Task On_postgres_a_change_by_another_process_invalidates_and_nothing_else_does()
    {
        using var ws = Fixtures.ExampleWorkspace("postgres");
        var request = new MetricRequest(new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 30)) { Metrics = ["total_revenue"] };
        var computed = 0;
        string Dashboard(Workspace w)
        {
            computed++;
            return MetricJsonPresenter.Render(MetricEngine.Run(w, request));
        }

        using var access = new WorkspaceAccess(ws.DbPath);
        var first = await Cached();
        Assert.Equal(first, await Cached());
        Assert.Equal(1, computed);

        // A row written behind Ciclo's back is not a change it knows of: the answer stays cached.
        ws.Workspace.Execute("INSERT INTO revenue VALUES ('SILENT', 'C26', DATE '2024-06-20', 5, NULL, 'upsell')");
        Assert.Equal(first, await Cached());
        Assert.Equal(1, computed);

        // An import by another connection (another process) is.
        ws.ImportCsv("revenue", "revenue_id,customer_id,booked_on,amount,currency,kind", "CACHE2,C26,2024-06-15,1000.00,,upsell");
        var afterImport = await Cached();
        Assert.Equal(2, computed);
        Assert.Equal(Total(first) + 1005, Total(afterImport), 6);
        Assert.Equal(afterImport, await Cached());
        Assert.Equal(2, computed);

        // So is a new benchmark band, which the answer shows.
        BenchmarkStore.Save(ws.Workspace, new BenchmarkBand("total_revenue", "cache_test", 1, 2, "test"));
        Assert.Contains("cache_test", await Cached());
        Assert.Equal(3, computed);

        Task<string> Cached() => access.Cached(Revenue, Dashboard, CancellationToken.None)
            .ContinueWith(t => System.Text.Encoding.UTF8.GetString(t.Result), TaskScheduler.Default);
    }

    [Theory]
    [InlineData("duckdb")]
    [InlineData("postgres")]
    public async Task After_an_events_import_only_the_queries_that_read_the_events_run_again(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        var dbPath = ws.DbPath;
        if (engine == "duckdb")
        {
            ws.Close(); // the server holds a DuckDB file alone; the import goes through it below
        }

        var request = new MetricRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30));
        string Dashboard(Workspace w) => MetricJsonPresenter.Render(MetricEngine.Run(w, request));
        using var access = new WorkspaceAccess(dbPath);
        var first = await Cached();
        var kept = access.QueryResults.Kept;
        Assert.Contains(kept.Values, k => k.Version.Contains("campaign_events=", StringComparison.Ordinal));

        // A new send of a customer campaign to a new contact of an existing customer.
        var csv = ws.File("sent.csv", Fixtures.EventsHeader, "K0,cache@c26.example,C26,sent,2024-06-15T09:00:00+00:00,");
        await access.Use(w => new Ciclo.Import.Importer(w).Import(Ciclo.Import.Entities.CampaignEvents, csv), CancellationToken.None);

        var answer = await Cached();
        Assert.NotEqual(first, answer);
        var fresh = await access.Read(w =>
        {
            w.QueryResults = null; // every statement read now
            return Dashboard(w);
        }, CancellationToken.None);
        Assert.Equal(fresh, answer);
        var after = access.QueryResults.Kept;
        foreach (var (sql, (version, rows)) in kept)
        {
            var readsEvents = version.Contains("campaign_events=", StringComparison.Ordinal);
            Assert.True(readsEvents != ReferenceEquals(rows, after[sql].Rows), version);
        }

        Task<string> Cached() => access.Cached("/api/metrics?from=2024-01-01&to=2024-06-30", Dashboard, CancellationToken.None)
            .ContinueWith(t => System.Text.Encoding.UTF8.GetString(t.Result), TaskScheduler.Default);
    }

    [Fact]
    public async Task After_an_upload_of_events_influence_reads_again_only_the_campaigns_it_rewrote()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        var access = factory.Services.GetRequiredService<WorkspaceAccess>();
        var first = await client.GetStringAsync("/api/influence?model=linear");
        Assert.Equal((1L, 0L), (access.Influence.Loads, access.Influence.Rereads));

        using var form = new MultipartFormDataContent();
        var csv = Fixtures.EventsHeader + "\nK0,new@c26.example,C26,sent,2024-05-30T08:00:00+00:00,\nK0,new@c26.example,C26,clicked,2024-05-30T09:00:00+00:00,\n";
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "click.csv");
        (await client.PostAsync("/api/imports/campaign_events", form)).EnsureSuccessStatusCode();

        var after = await client.GetStringAsync("/api/influence?model=linear");
        Assert.Equal((1L, 1L), (access.Influence.Loads, access.Influence.Rereads));
        var fresh = await access.Read(w => InfluencePresenter.Json(Ciclo.Influence.InfluenceCalculator.Run(w, Ciclo.Influence.AttributionModel.Linear)), CancellationToken.None);
        Assert.Equal(fresh, after);
        Assert.NotEqual(first, after);
    }

    private static double Total(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("periods")[0].GetProperty("metrics").GetProperty("total_revenue").GetProperty("value").GetDouble();
}
