using System.Net;
using System.Text.Json;
using Ciclo.Tests.Server;

namespace Ciclo.Tests.Verbatims;

/// <summary>GET /api/themes and the theme and sentiment filters of GET /api/verbatims, on the
/// worked example with a few comments added.</summary>
public sealed class ThemesApiTests : IClassFixture<ThemesApiTests.Host>
{
    private readonly HttpClient _client;

    public ThemesApiTests(Host host) => _client = host.Factory.CreateClient();

    /// <summary>The example workspace with three comments added, served once for the class.</summary>
    public sealed class Host : IDisposable
    {
        public Host()
        {
            using var ws = Ciclo.Warehouse.Workspace.Open(Factory.DbPath);
            var path = Path.Combine(Factory.Folder, "comments.csv");
            File.WriteAllText(path, string.Join("\n",
                "response_id,customer_id,respondent_id,answered_on,score,comment,language",
                "V1,,,2024-03-10,10,The support team is fantastic,en",
                "V2,,,2024-03-11,2,Too expensive and support is slow,en",
                "V3,,,2024-04-02,9,Assistenza ottima,it") + "\n");
            new Ciclo.Import.Importer(ws).Import(Ciclo.Import.Entities.Surveys, path);
        }

        public ApiFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    private async Task<JsonElement> Json(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, url + ": " + await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Themes_answer_per_theme_and_period()
    {
        var json = await Json("/api/themes?from=2024-03-01&to=2024-04-30&grain=month&lang=it");
        Assert.Equal("month", json.GetProperty("grain").GetString());
        var support = json.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "support");
        Assert.Equal("Assistenza", support.GetProperty("name").GetString());
        Assert.Equal(3, support.GetProperty("mentions").GetInt32());
        Assert.Equal(2, support.GetProperty("periods").GetArrayLength());
        Assert.True(support.GetProperty("examples").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Verbatims_filter_by_theme_and_sentiment()
    {
        var json = await Json("/api/verbatims?theme=price&sentiment=negative");
        Assert.Equal(1, json.GetProperty("total").GetInt32());
        var v = json.GetProperty("verbatims")[0];
        Assert.Equal("V2", v.GetProperty("response_id").GetString());
        Assert.Equal(["price", "support"], v.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
    }

    [Theory]
    [InlineData("/api/verbatims?sentiment=angry", "sentiment")]
    [InlineData("/api/verbatims?theme=nope", "theme")]
    [InlineData("/api/themes?grain=fortnight", "grain")]
    [InlineData("/api/themes?from=2024-05-01&to=2024-01-01", "from")]
    public async Task Bad_parameters_get_400(string url, string parameter)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, await response.Content.ReadAsStringAsync());
    }
}
