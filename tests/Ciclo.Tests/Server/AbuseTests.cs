using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Server;

/// <summary>
/// Hostile requests: every parameter of every route of the committed OpenAPI document, fed each
/// of a set of injection and garbage payloads, is answered 400 with a ProblemDetails that shows
/// no stack, SQL, engine or path; uploads over the limit are 413; too many requests are 429 with
/// Retry-After; every response carries the security headers and the dashboard has no inline code.
/// </summary>
public sealed class AbuseTests : IClassFixture<AbuseTests.Host>
{
    public sealed class Host : IDisposable
    {
        public ApiFactory Factory { get; } = new(maxUpload: 4096, rateLimit: 0);

        public void Dispose() => Factory.Dispose();
    }

    /// <summary>Each is wrong for every parameter: not a date, number, choice, id, language code,
    /// or a segment or programme the workspace holds.</summary>
    public static readonly string[] Payloads =
    [
        "' OR '1'='1",
        "1; DROP TABLE customers; --",
        "x'); DELETE FROM imports; --",
        "region=IT' OR 1=1 --",
        "\" UNION SELECT key, value FROM settings --",
        "1 OR 1=1",
        "'; SELECT pg_sleep(10); --",
        "../../../../etc/passwd",
        "<script>alert(1)</script>",
        "${jndi:ldap://127.0.0.1/a}",
        "%00\u0000nul",
        "\u202Eevil\u202D",
        "-1",
        "99999999999999999999999",
        "NaN",
        "2024-02-30",
        new string('A', 5000),
    ];

    private static readonly string[] Leaks = ["Exception", "   at ", "Ciclo.", "DuckDB", "Npgsql", "SELECT", "syntax", "/tmp/", "/work/", "stack", "Parser Error", "Binder Error"];

    private readonly ApiFactory _factory;

    public AbuseTests(Host host) => _factory = host.Factory;

    /// <summary>(method, route, parameter, location) for every parameter of the committed document.</summary>
    public static TheoryData<string, string, string, string> Parameters()
    {
        var data = new TheoryData<string, string, string, string>();
        var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestServices.SourceRoot(), "src", "Ciclo.Server", "openapi.json"))).RootElement;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (!operation.Value.TryGetProperty("parameters", out var parameters))
                {
                    continue;
                }

                foreach (var p in parameters.EnumerateArray())
                {
                    data.Add(operation.Name.ToUpperInvariant(), path.Name, p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!);
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_document_declares_the_query_parameters_the_routes_read()
    {
        var declared = Parameters().Select(row => ((string)row[1], (string)row[2])).ToHashSet();
        foreach (var expected in new[]
                 {
                     ("/api/metrics", "segment"), ("/api/metrics", "program"), ("/api/metrics", "from"), ("/api/metrics", "grain"),
                     ("/api/verbatims", "theme"), ("/api/verbatims", "page"), ("/api/verbatims", "page_size"), ("/api/verbatims", "language"),
                     ("/api/themes", "lang"), ("/api/influence", "model"), ("/api/influence", "window"), ("/api/campaigns", "audience"),
                     ("/api/quarantine", "entity"), ("/api/programmes", "program"), ("/api/benchmarks/{metric}/{band}", "band"), ("/api/imports/{entity}", "entity"),
                 })
        {
            Assert.Contains(expected, declared);
        }

        Assert.True(declared.Count >= 45, $"{declared.Count} parameters declared");
    }

    [Theory]
    [MemberData(nameof(Parameters))]
    public async Task Every_hostile_value_of_every_parameter_is_a_clean_400(string method, string route, string parameter, string location)
    {
        var client = _factory.CreateClient();
        // A NUL byte cannot even be put in a path by the in-memory client (Kestrel refuses such a request line).
        // A band is named by the user: a payload that happens to be a well-formed name ("NaN") is a name.
        foreach (var payload in Payloads.Where(p => location != "path" || !p.Contains('\0', StringComparison.Ordinal))
                     .Where(p => parameter != "band" || !Regex.IsMatch(p, "^[A-Za-z][A-Za-z0-9_-]{0,63}$")))
        {
            using var request = Build(method, route, parameter, location, payload);
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var what = $"{method} {route} {parameter}={Show(payload)}";

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(body).RootElement;
            // The message may quote the value sent (or one comma-separated part of it): that is not a leak.
            var text = string.Join(" ", problem.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => p.Value.GetString()));
            foreach (var part in payload.Split(',').Select(p => p.Trim()).Prepend(payload.Trim()).Prepend(payload).Where(p => p.Length > 0))
            {
                text = text.Replace(part, string.Empty, StringComparison.Ordinal);
            }

            foreach (var leak in Leaks)
            {
                Assert.False(text.Contains(leak, StringComparison.OrdinalIgnoreCase), $"{what}: the error shows '{leak}': {body}");
            }
        }

        // Nothing was changed by any of it.
        using var workspace = Ciclo.Warehouse.Workspace.Open(_factory.DbPath);
        Assert.Equal(9L, workspace.Scalar("SELECT count(*) FROM imports"));
    }

    private static HttpRequestMessage Build(string method, string route, string parameter, string location, string payload)
    {
        var valid = new Dictionary<string, string> { ["entity"] = "surveys", ["metric"] = "churn_rate", ["band"] = "target" };
        var url = Regex.Replace(route, "\\{(\\w+)\\}", m => m.Groups[1].Value == parameter && location == "path"
            ? Uri.EscapeDataString(payload)
            : valid[m.Groups[1].Value]);
        if (location == "query")
        {
            url += "?" + parameter + "=" + Uri.EscapeDataString(payload);
        }

        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "PUT")
        {
            request.Content = JsonContent.Create(new { low = 0.1, high = 0.2, source = "test" });
        }
        else if (method == "POST")
        {
            request.Content = new MultipartFormDataContent { { new StringContent("response_id,answered_on,score\nZ1,2024-01-01,9\n"), "file", "z.csv" } };
        }

        return request;
    }

    private static string Show(string payload) => payload.Length > 40 ? payload[..40] + "…" : payload;

    [Fact]
    public async Task A_repeated_parameter_is_refused_not_merged()
    {
        var response = await _factory.CreateClient().GetAsync("/api/metrics?from=2024-01-01&from=2024-02-01");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_a_413_problem_and_changes_nothing()
    {
        using var form = new MultipartFormDataContent { { new StringContent("response_id,answered_on,score\n" + string.Concat(Enumerable.Repeat("Z9,2024-01-01,9\n", 1000))), "file", "big.csv" } };

        var response = await _factory.CreateClient().PostAsync("/api/imports/surveys", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync());
        using var workspace = Ciclo.Warehouse.Workspace.Open(_factory.DbPath);
        Assert.Equal(0L, workspace.Scalar("SELECT count(*) FROM surveys WHERE response_id = 'Z9'"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/js/app.js")]
    [InlineData("/css/app.css")]
    [InlineData("/lib/echarts.min.js")]
    [InlineData("/api/health")]
    [InlineData("/api/metrics?grain=decade")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await _factory.CreateClient().GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
        Assert.Equal(["'self'"], directives["default-src"]);
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'self'"], directives["base-uri"]);
        Assert.Equal(["'self'"], directives["form-action"]);
        Assert.Equal(["'self'"], directives["connect-src"]);
        Assert.DoesNotContain("'unsafe-eval'", csp);
        Assert.DoesNotContain("*", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.False(response.Headers.Contains("Server") && response.Headers.GetValues("Server").Any(v => v.Contains('/')), "the server names its version");
    }

    [Fact]
    public void The_dashboard_has_no_inline_script_no_event_handler_attribute_and_no_javascript_url()
    {
        var root = Path.Combine(TestServices.SourceRoot(), "src", "Ciclo.Server", "wwwroot");
        var pages = Directory.GetFiles(root, "*.html", SearchOption.AllDirectories);
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            foreach (Match script in Regex.Matches(html, "<script\\b([^>]*)>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase))
            {
                Assert.Contains("src=", script.Groups[1].Value);
                Assert.True(script.Groups[2].Value.Trim().Length == 0, $"{page}: inline script");
            }

            Assert.DoesNotMatch(new Regex("\\son[a-z]+\\s*=", RegexOptions.IgnoreCase), html);
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var script in Directory.GetFiles(Path.Combine(root, "js"), "*.js", SearchOption.AllDirectories))
        {
            var code = File.ReadAllText(script);
            Assert.DoesNotMatch(new Regex("\\beval\\s*\\(|new Function\\s*\\(|\\.innerHTML\\s*=|insertAdjacentHTML|document\\.write"), code);
        }
    }
}
