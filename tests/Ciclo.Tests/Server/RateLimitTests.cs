using System.Net;
using System.Text.Json;
using Ciclo.Server.Hosting;

namespace Ciclo.Tests.Server;

/// <summary>60 requests a minute per client (bursts of 10): beyond that a 429 with Retry-After and a
/// localized ProblemDetails; each key is its own client, and wrong keys count against the address.</summary>
public sealed class RateLimitTests : IClassFixture<RateLimitTests.Host>
{
    public sealed class Host : IDisposable
    {
        public ApiFactory Factory { get; } = new(withKeys: true, rateLimit: 60);

        public void Dispose() => Factory.Dispose();
    }

    private readonly ApiFactory _factory;

    public RateLimitTests(Host host) => _factory = host.Factory;

    private HttpClient Client(string? key) => _factory.Client(key);

    [Fact]
    public void The_bucket_follows_the_requests_a_minute()
    {
        Assert.Equal((1, 10), RequestRateLimits.Bucket(60));
        Assert.Equal((20, 200), RequestRateLimits.Bucket(1200));
        Assert.Equal((1, 1), RequestRateLimits.Bucket(1));
    }

    [Fact]
    public async Task A_client_over_its_rate_gets_429_with_retry_after_others_go_on()
    {
        var viewer = Client(ApiFactory.ViewerKey);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 30; i++)
        {
            var response = await viewer.GetAsync("/api/settings?lang=it");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited ??= response;
            }
        }

        Assert.True(statuses.Take(10).All(s => s == HttpStatusCode.OK), string.Join(",", statuses));
        Assert.NotNull(limited);
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 15, string.Join(",", statuses));
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(Ciclo.Localization.Text.Get("it", "RateLimitedTitle"), problem.GetProperty("title").GetString());
        Assert.StartsWith("Troppe richieste", problem.GetProperty("detail").GetString());

        // Another key is another client; the dashboard's files are never limited.
        Assert.Equal(HttpStatusCode.OK, (await Client(ApiFactory.AdminKey).GetAsync("/api/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/index.html")).StatusCode);
    }

    [Fact]
    public async Task Guessing_keys_is_limited_by_address()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            statuses.Add((await Client("ck_guess_" + i).GetAsync("/api/metrics")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.OK, statuses);
    }
}
