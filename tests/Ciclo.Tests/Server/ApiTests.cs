using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Server;

public sealed class ApiTests : IClassFixture<ApiTests.Host>
{
    public sealed class Host : IDisposable
    {
        public ApiFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    private readonly HttpClient _client;
    private readonly ApiFactory _factory;

    public ApiTests(Host host)
    {
        _factory = host.Factory;
        _client = host.Factory.CreateClient();
    }

    private async Task<JsonElement> Json(string url)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Metrics_answer_the_same_json_as_the_command_line_number_for_number()
    {
        const string query = "from=2024-01-01&to=2024-05-31&grain=month";
        var api = await _client.GetStringAsync("/api/metrics?" + query);

        // The same request through the built executable, on a copy of the same workspace file.
        var copy = Path.Combine(_factory.Folder, "copy.duckdb");
        File.Copy(_factory.DbPath, copy, true);
        var cli = CicloProcess.Run(_factory.Folder, "metrics", "--db", copy, "--from", "2024-01-01", "--to", "2024-05-31", "--format", "json");

        Assert.Equal(0, cli.ExitCode);
        Assert.Equal(cli.Out.Trim(), api.Trim());
        var feb = JsonDocument.Parse(api).RootElement.GetProperty("periods")[1].GetProperty("metrics");
        Assertions.Close(0.043478260869565216, feb.GetProperty("churn_rate").GetProperty("value").GetDouble(), "churn");
    }

    [Fact]
    public async Task Catalog_influence_campaigns_programmes_verbatims_and_segments_answer()
    {
        var catalog = await Json("/api/catalog?lang=ar");
        Assert.Equal("معدل فقدان العملاء", catalog.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "churn_rate").GetProperty("name").GetString());

        var influence = await Json("/api/influence?model=first&window=90");
        Assertions.Close(0.25, influence.GetProperty("campaigns").EnumerateArray().Single(c => c.GetProperty("campaign_id").GetString() == "K1").GetProperty("expansion_uplift").GetDouble(), "K1 uplift");

        var campaigns = await Json("/api/campaigns?audience=customers");
        Assert.All(campaigns.GetProperty("campaigns").EnumerateArray(), c => Assert.Equal("customers", c.GetProperty("audience").GetString()));

        var programmes = await Json("/api/programmes?from=2024-01-01&to=2024-03-31");
        Assert.True(programmes.GetProperty("programmes").GetArrayLength() >= 1);

        var verbatims = await Json("/api/verbatims?page=1&page_size=5&category=detractor");
        Assert.True(verbatims.GetProperty("total").GetInt32() >= verbatims.GetProperty("verbatims").GetArrayLength());
        Assert.All(verbatims.GetProperty("verbatims").EnumerateArray(), v => Assert.True(v.GetProperty("score").GetInt32() <= 6));

        var segments = await Json("/api/segments");
        Assert.Contains("Enterprise", segments.GetProperty("segments").EnumerateArray().Select(s => s.GetString()));

        var health = await Json("/api/health");
        Assert.False(health.GetProperty("auth_required").GetBoolean());
    }

    [Theory]
    [InlineData("/api/metrics?from=2024-02-30", "from")]
    [InlineData("/api/metrics?grain=fortnight", "grain")]
    [InlineData("/api/metrics?segment=colour%3Dred", "segment")]
    [InlineData("/api/metrics?metric=churn_rate;DROP%20TABLE%20customers", "metric")]
    [InlineData("/api/metrics?stage=1%20OR%201%3D1", "stage")]
    [InlineData("/api/metrics?time_zone=Mars%2FOlympus", "time_zone")]
    [InlineData("/api/metrics?from=2024-05-01&to=2024-01-01", "from")]
    [InlineData("/api/verbatims?page_size=100000", "page_size")]
    [InlineData("/api/verbatims?category=fans", "category")]
    [InlineData("/api/influence?model=random", "model")]
    [InlineData("/api/quarantine?entity=users", "entity")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string url, string parameter)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.DoesNotContain("SELECT", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task An_upload_reports_its_summary_and_rejected_rows_and_the_quarantine_keeps_them()
    {
        using var form = new MultipartFormDataContent();
        var csv = "response_id,customer_id,answered_on,score,comment,language\nN1,C1,2024-05-02,10,Ottimo servizio,it\nN2,C1,2024-05-02,12,,en\n";
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "new-answers.csv");

        var response = await _client.PostAsync("/api/imports/surveys?lang=it", form);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, json.GetProperty("summary").GetProperty("inserted").GetInt32());
        Assert.Equal(1, json.GetProperty("summary").GetProperty("rejected").GetInt32());
        var rejection = json.GetProperty("rejections")[0];
        Assert.Equal(3, rejection.GetProperty("line").GetInt32());
        Assert.Equal("score", rejection.GetProperty("column").GetString());
        Assert.Equal("sopra il massimo 10", rejection.GetProperty("message").GetString());
        var quarantine = await Json("/api/quarantine?entity=surveys");
        Assert.Contains(quarantine.GetProperty("rejections").EnumerateArray(), r => r.GetProperty("file").GetString() == "new-answers.csv");
    }

    [Fact]
    public async Task An_upload_in_a_declared_culture_echoes_how_it_was_read_and_an_unknown_culture_is_a_400()
    {
        using var form = new MultipartFormDataContent();
        var csv = "\uFEFFcurrency;day;rate\r\nCHF;15/03/2024;1,05\r\nJPY;16/03/2024;0,0062\r\n";
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "cambi.csv");

        var response = await _client.PostAsync("/api/imports/fx_rates?culture=it-IT&lang=it", form);
        var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("summary");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, summary.GetProperty("inserted").GetInt32());
        var format = summary.GetProperty("format");
        Assert.Equal(("csv", "UTF-8 BOM", "semicolon", "it-IT"), (format.GetProperty("type").GetString(), format.GetProperty("encoding").GetString(),
            format.GetProperty("delimiter").GetString(), format.GetProperty("culture").GetString()));
        Assert.Equal("Letto come CSV: UTF-8 BOM, separato da punto e virgola; numeri e date: it-IT (1.234,56 · 15/03/2024).", format.GetProperty("text").GetString());

        using var again = new MultipartFormDataContent();
        again.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "cambi.csv");
        var refused = await _client.PostAsync("/api/imports/fx_rates?culture=xx-NOWHERE", again);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("culture", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_file_missing_a_column_is_refused_with_a_400()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("customer_id\nX1\n"), "file", "customers.csv");

        var response = await _client.PostAsync("/api/imports/customers", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("acquired_on", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_dashboard_is_served_with_a_content_security_policy()
    {
        var response = await _client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("text/javascript", (await _client.GetAsync("/lib/echarts.min.js")).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_committed_OpenAPI_document_matches_the_endpoints()
    {
        var live = await _client.GetStringAsync("/openapi/v1.json");
        var path = Path.Combine(SourceRoot(), "src", "Ciclo.Server", "openapi.json");
        if (Environment.GetEnvironmentVariable("CICLO_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, live);
        }

        Assert.Equal(File.ReadAllText(path), live);
        var paths = JsonDocument.Parse(live).RootElement.GetProperty("paths");
        foreach (var route in new[] { "/api/metrics", "/api/catalog", "/api/campaigns", "/api/influence", "/api/programmes", "/api/verbatims", "/api/benchmarks", "/api/imports/{entity}", "/api/quarantine", "/api/health" })
        {
            Assert.True(paths.TryGetProperty(route, out _), route);
        }

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/docs/index.html")).StatusCode);
    }

    private static string SourceRoot([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}
