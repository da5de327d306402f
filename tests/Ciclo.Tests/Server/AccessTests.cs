using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ciclo.Tests.Server;

/// <summary>With keys configured: no key is a 401, a viewer reads but cannot import or change
/// bands (403), an admin can; health needs no key. Every route of the OpenAPI document is walked.</summary>
public sealed class AccessTests : IClassFixture<AccessTests.Host>
{
    public sealed class Host : IDisposable
    {
        public ApiFactory Factory { get; } = new(withKeys: true, maxUpload: 2048);

        public void Dispose() => Factory.Dispose();
    }

    private readonly ApiFactory _factory;

    public AccessTests(Host host) => _factory = host.Factory;

    private HttpClient Client(string? key) => _factory.Client(key);

    [Fact]
    public async Task Every_route_needs_the_right_key()
    {
        var doc = JsonDocument.Parse(await Client(null).GetStringAsync("/openapi/v1.json")).RootElement;
        var checkedRoutes = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var url = path.Name.Replace("{entity}", "surveys").Replace("{metric}", "churn_rate").Replace("{band}", "target");
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var isHealth = url == "/api/health";
                var isWrite = method != HttpMethod.Get;

                Assert.Equal(isHealth ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, await Send(null, method, url));
                // Health is open to anyone, whatever key is sent; every other route refuses a wrong key.
                Assert.Equal(isHealth ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, await Send("ck_wrong", method, url));
                var viewer = await Send(ApiFactory.ViewerKey, method, url);
                Assert.Equal(isWrite ? HttpStatusCode.Forbidden : HttpStatusCode.OK, viewer);
                var admin = await Send(ApiFactory.AdminKey, method, url);
                Assert.True(admin is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{method} {url} as admin: {admin}");
                checkedRoutes++;
            }
        }

        Assert.True(checkedRoutes >= 12);
    }

    private async Task<HttpStatusCode> Send(string? key, HttpMethod method, string url)
    {
        using var request = new HttpRequestMessage(method, url);
        if (method == HttpMethod.Put)
        {
            request.Content = JsonContent.Create(new { low = 0.01, high = 0.02, source = "test" });
        }
        else if (method == HttpMethod.Post)
        {
            var form = new MultipartFormDataContent { { new StringContent("response_id,answered_on,score\nZ1,2024-01-01,9\n"), "file", "z.csv" } };
            request.Content = form;
        }

        return (await Client(key).SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_a_413()
    {
        using var form = new MultipartFormDataContent { { new StringContent("response_id,answered_on,score\n" + new string('x', 10_000)), "file", "big.csv" } };
        var client = Client(ApiFactory.AdminKey);

        var response = await client.PostAsync("/api/imports/surveys", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_works_like_the_header()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiFactory.ViewerKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/settings")).StatusCode);
    }
}
