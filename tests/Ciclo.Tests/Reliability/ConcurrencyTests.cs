using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Ciclo.Import;
using Ciclo.Planner;
using Ciclo.Presenters;
using Ciclo.Server;
using Ciclo.Tests.Server;
using Ciclo.Tests.Support;
using Ciclo.Time;
using Ciclo.Warehouse;
using Xunit.Abstractions;

namespace Ciclo.Tests.Reliability;

/// <summary>
/// Imports beside readers and beside other imports: readers see the numbers from before an import
/// or after it, never a mix; the server keeps answering while it imports; two imports at once are
/// run one after the other (PostgreSQL: an advisory lock; the server: its one writer) or refused
/// with a clear message (a DuckDB file another process holds).
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    private const string Header = "customer_id,name,segment,region,acquired_on,churned_on";

    private static readonly MetricRequest Request = new(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30), Grain.Month)
    {
        Metrics = ["customers_start", "customers_end", "customers_new", "churn_rate", "expansion_revenue"],
    };

    /// <summary>A customers file: <paramref name="count"/> new customers acquired in 2024, a tenth
    /// of them churned, so that counts and rates all move, plus rows for the quarantine.</summary>
    private static string CustomersFile(string folder, string prefix, int count)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < count; i++)
        {
            var churned = i % 10 == 0 ? "2024-05-15" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"{prefix}{i},Customer {i},SMB,IT,2024-{(i % 5) + 1:00}-{(i % 28) + 1:00},{churned}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{prefix}bad,Broken,SMB,IT,2024-02-30,\n");
        var path = Path.Combine(folder, prefix + "customers.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Theory]
    [InlineData("duckdb")]
    [InlineData("postgres")]
    public async Task Readers_during_an_import_see_the_numbers_before_it_or_after_it_never_a_mix(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        ws.Close();
        var file = CustomersFile(ws.Folder, "N", 80_000);
        using var access = new WorkspaceAccess(ws.DbPath);
        string Metrics(Workspace w) => MetricJsonPresenter.Render(MetricEngine.Run(w, Request));
        var before = await access.Read(Metrics, default);

        // The import stops just before its commit, with every row written in its transaction,
        // until the reads below have run: they must neither wait for it nor see its rows.
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var import = Task.Run(() => access.Use(w => new Importer(w)
        {
            BeforeCommit = () =>
            {
                inside.Set();
                release.Wait(TimeSpan.FromMinutes(2));
            },
        }.Import(Entities.Customers, file), default));
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (!import.IsCompleted)
            {
                mine.Add(await access.Read(Metrics, default));
            }

            mine.Add(await access.Read(Metrics, default));
            return mine;
        })).ToList();

        Assert.True(inside.Wait(TimeSpan.FromMinutes(2)), "the import did not reach its commit");
        var whileUncommitted = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => access.Read(Metrics, default)))
            .WaitAsync(TimeSpan.FromMinutes(1));
        release.Set();
        var summary = await import;
        var seen = new List<string>();
        foreach (var reader in readers)
        {
            seen.AddRange(await reader);
        }

        var after = await access.Read(Metrics, default);
        Assert.Equal(80_000, summary.Inserted);
        Assert.NotEqual(before, after);
        Assert.All(whileUncommitted, s => Assert.Equal(before, s));
        var (sawBefore, sawAfter) = (seen.Count(s => s == before), seen.Count(s => s == after));
        output.WriteLine($"{engine}: {seen.Count} reads during the import: {sawBefore} before, {sawAfter} after");
        Assert.Equal(seen.Count, sawBefore + sawAfter);
    }

    [Fact]
    public async Task The_server_keeps_answering_during_an_upload_and_serialises_two_uploads()
    {
        using var factory = new ApiFactory(rateLimit: 0);
        var client = factory.CreateClient();
        const string url = "/api/metrics?from=2024-01-01&to=2024-06-30&grain=month&metric=customers_end,customers_new,churn_rate";
        var before = await client.GetStringAsync(url);
        var first = CustomersFile(factory.Folder, "P", 80_000);
        var second = CustomersFile(factory.Folder, "Q", 40_000);

        async Task<(HttpStatusCode Status, string Body)> Upload(string path)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(path)), "file", Path.GetFileName(path) } };
            var response = await client.PostAsync("/api/imports/customers", form);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var watch = Stopwatch.StartNew();
        var uploads = Task.WhenAll(Upload(first), Upload(second));
        var answers = new List<(HttpStatusCode Status, string Body, string Url)>();
        while (!uploads.IsCompleted)
        {
            foreach (var u in new[] { url, "/api/health", "/api/segments", "/api/campaigns" })
            {
                var response = await client.GetAsync(u);
                answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(), u));
            }
        }

        var uploadTime = watch.Elapsed;
        var results = await uploads;
        var after = await client.GetStringAsync(url);

        foreach (var (status, body) in results)
        {
            Assert.True(status == HttpStatusCode.OK, body);
        }

        Assert.Contains("\"inserted\":80000", results[0].Body);
        Assert.Contains("\"inserted\":40000", results[1].Body);
        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"{a.Url}: {(int)a.Status} {a.Body}"));
        var metricAnswers = answers.Where(a => a.Url == url).Select(a => a.Body).ToList();
        output.WriteLine($"{answers.Count} answers during {uploadTime.TotalMilliseconds:F0} ms of uploads; metrics: {metricAnswers.Count(b => b == before)} before, {metricAnswers.Count(b => b == after)} after");

        // Metric answers are the numbers before both uploads, between them, or after both: never a mix.
        // Between is the workspace with exactly one of the two files, so each answer must be one of four states at most.
        Assert.True(metricAnswers.Distinct().Count() <= 3, "more distinct answers than the states before, between and after the two imports");
        Assert.Contains(before, metricAnswers);

        using var workspace = Workspace.Open(factory.DbPath);
        Assert.Equal(2L, workspace.Scalar("SELECT count(DISTINCT import_id) FROM imports WHERE file IN ('Pcustomers.csv', 'Qcustomers.csv')"));
        Assert.Equal(120_000L, workspace.Scalar("SELECT count(*) FROM customers WHERE customer_id LIKE 'P%' OR customer_id LIKE 'Q%'"));
        Assert.Equal(2L, workspace.Scalar("SELECT count(*) FROM quarantine WHERE file IN ('Pcustomers.csv', 'Qcustomers.csv')"));
    }

    [Fact]
    public async Task A_command_line_import_into_a_file_a_running_server_holds_is_refused_clearly_and_the_upload_works()
    {
        using var ws = Fixtures.ExampleWorkspace();
        ws.Close();
        var baseline = CicloProcess.Run(ws.Folder, "check", "--db", ws.DbPath);
        var port = FreePort();
        using var server = CicloProcess.Start(ws.Folder, "serve", "--db", ws.DbPath, "--urls", $"http://127.0.0.1:{port}");
        _ = server.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilAnswering(client);
            Assert.False((await client.GetAsync("/api/health")).Headers.Contains("Server"), "the server names its software");
            var file = ws.File("more.csv", Header, "Z1,Zeta,SMB,IT,2024-03-01,");

            var refused = CicloProcess.Run(ws.Folder, "import", "customers", file, "--db", ws.DbPath, "--lang", "it");
            var refusedAr = CicloProcess.Run(ws.Folder, "import", "customers", file, "--db", ws.DbPath, "--lang", "ar");

            Assert.Equal(1, refused.ExitCode);
            Assert.Equal(Ciclo.Localization.Text.Format("it", "WorkspaceInUse", ws.DbPath, server.Id.ToString(CultureInfo.InvariantCulture)), refused.Error.Trim());
            Assert.Contains("ciclo serve", refusedAr.Error);
            Assert.Contains(server.Id.ToString(CultureInfo.InvariantCulture), refusedAr.Error);

            using var form = new MultipartFormDataContent { { new StringContent(File.ReadAllText(file)), "file", "more.csv" } };
            var upload = await client.PostAsync("/api/imports/customers", form);
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }
        finally
        {
            server.Kill();
            server.WaitForExit();
        }

        var check = CicloProcess.Run(ws.Folder, "check", "--db", ws.DbPath);
        Assert.Equal((baseline.ExitCode, baseline.Out), (check.ExitCode, check.Out));
        ws.Reopen();
        Assert.Equal(1, Convert.ToInt64(ws.Workspace.Scalar("SELECT count(*) FROM customers WHERE customer_id = 'Z1'"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Imports_started_at_once_into_one_postgres_workspace_run_one_after_the_other()
    {
        using var ws = new TestWorkspace(engine: "postgres");
        ws.Close();
        var files = new[] { "A", "B", "C" }.Select(p => CustomersFile(ws.Folder, p, 30_000)).ToList();

        var processes = files.Select(f => CicloProcess.Start(ws.Folder, "import", "customers", f, "--db", ws.DbPath)).ToList();
        var results = processes.Select(p =>
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            return (p.ExitCode, Out: stdout.Result, Error: stderr.Result);
        }).ToList();
        processes.ForEach(p => p.Dispose());

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Error));
        Assert.All(results, r => Assert.Contains("30,000 inserted", r.Out));
        ws.Reopen();
        Assert.Equal(3L, ws.Workspace.Scalar("SELECT count(DISTINCT import_id) FROM imports"));
        Assert.Equal(90_000, ws.Count("customers"));
        Assert.Equal(3L, ws.Workspace.Scalar("SELECT count(DISTINCT import_id) FROM quarantine"));
        Assert.Equal(3, ws.Count("quarantine"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilAnswering(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync("/api/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("ciclo serve did not answer");
    }
}
