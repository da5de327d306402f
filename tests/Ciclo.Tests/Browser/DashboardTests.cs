using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Ciclo.Tests.Browser;

/// <summary>The dashboard in real headless Chromium: every page in every language at laptop and
/// phone size (screenshots saved), numbers on screen equal to the API's, Arabic right to left,
/// filters in the URL, an upload that reports its rejected rows.</summary>
[Collection("browser")]
public sealed class DashboardTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private const string Range = "from=" + DashboardHost.From + "&to=" + DashboardHost.To;

    public static TheoryData<string, string> PagesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "overview", "expansion", "verbatims", "import" })
        {
            foreach (var lang in new[] { "en", "it", "ar" })
            {
                data.Add(page, lang);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndLanguages))]
    public async Task Every_page_renders_in_every_language_on_laptop_and_phone(string pageName, string lang)
    {
        foreach (var (width, height, size) in new[] { (1366, 900, "laptop"), (390, 844, "phone") })
        {
            var page = await host.Open($"page={pageName}&lang={lang}&{Range}", width, height);
            Assert.Equal(pageName, await page.GetAttributeAsync("body", "data-page"));
            Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
            Assert.Equal(lang == "ar" ? "rtl" : "ltr", await page.GetAttributeAsync("html", "dir"));
            Assert.Equal(0, await page.Locator("[role=alert]:visible").CountAsync());
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{pageName} {lang} {size}: the page scrolls sideways");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardHost.Screenshots, $"{pageName}-{lang}-{size}.png"), FullPage = true });
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("overview")]
    [InlineData("expansion")]
    public async Task The_numbers_on_screen_are_the_APIs(string pageName)
    {
        var page = await host.Open($"page={pageName}&lang=ar&{Range}");
        using var http = new HttpClient();
        var api = JsonDocument.Parse(await http.GetStringAsync($"{host.BaseUrl}/api/metrics?{Range}")).RootElement;
        // Programme tables (data-program) show one programme's numbers: /api/programmes, checked below.
        var cells = await page.Locator("td[data-metric][data-period]:not([data-program])").AllAsync();
        Assert.True(cells.Count > 20, $"only {cells.Count} value cells");
        foreach (var cell in cells)
        {
            var metric = await cell.GetAttributeAsync("data-metric");
            var period = await cell.GetAttributeAsync("data-period");
            var shown = await cell.GetAttributeAsync("data-value");
            var expected = api.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("period").GetString() == period)
                .GetProperty("metrics").GetProperty(metric!).GetProperty("value");
            if (expected.ValueKind == JsonValueKind.Null)
            {
                Assert.True(string.IsNullOrEmpty(shown), $"{metric} {period}: expected null, shown {shown}");
            }
            else
            {
                Assert.Equal(expected.GetDouble(), double.Parse(shown!, CultureInfo.InvariantCulture), 9);
            }
        }

        // Arabic pages show Arabic-Indic digits.
        var text = await page.Locator("td[data-metric='churn_rate']").First.InnerTextAsync();
        Assert.Matches("[\u0660-\u0669]", text);
    }

    [Fact]
    public async Task Changing_a_filter_updates_the_url_and_the_charts()
    {
        var page = await host.Open($"page=expansion&lang=en&{Range}");
        var monthly = await page.Locator("td[data-metric='churn_rate']").CountAsync();
        Assert.Equal("true", await page.GetAttributeAsync("#chart-churn", "data-ready"));

        await page.SelectOptionAsync("#f-grain", "quarter");
        await page.WaitForURLAsync(url => url.Contains("grain=quarter"));
        await DashboardHost.Loaded(page);

        var quarterly = await page.Locator("td[data-metric='churn_rate']").CountAsync();
        Assert.True(quarterly < monthly, $"{quarterly} quarterly cells vs {monthly} monthly");
        Assert.Equal("true", await page.GetAttributeAsync("#chart-churn", "data-ready"));

        await page.SelectOptionAsync("#f-segment", "segment=Enterprise");
        await page.WaitForURLAsync(url => url.Contains("segment=segment%3DEnterprise") || url.Contains("segment=segment=Enterprise"));
        await DashboardHost.Loaded(page);
        using var http = new HttpClient();
        var api = JsonDocument.Parse(await http.GetStringAsync($"{host.BaseUrl}/api/metrics?{Range}&grain=quarter&segment=segment%3DEnterprise&metric=churn_rate")).RootElement;
        var first = api.GetProperty("periods")[0];
        var cell = page.Locator($"td[data-metric='churn_rate'][data-period='{first.GetProperty("period").GetString()}']:not([data-program])").First;
        Assert.Equal(first.GetProperty("metrics").GetProperty("churn_rate").GetProperty("value").GetDouble(),
            double.Parse((await cell.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture), 12);

        // A shared URL opens the same view.
        var shared = await host.Open(new Uri(page.Url).Query.TrimStart('?'));
        Assert.Equal("quarter", await shared.InputValueAsync("#f-grain"));
    }

    [Fact]
    public async Task The_expansion_page_load_and_a_filter_change_are_timed_for_the_docs()
    {
        // A measurement, not a speed assertion: the numbers go to screenshots/timings.txt.
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await page.GotoAsync($"{host.BaseUrl}/?page=expansion&lang=en&{Range}");
        await DashboardHost.Loaded(page);
        var first = clock.Elapsed;
        clock.Restart();
        await page.SelectOptionAsync("#f-grain", "week");
        await page.WaitForURLAsync(url => url.Contains("grain=week"));
        await DashboardHost.Loaded(page);
        var change = clock.Elapsed;
        Assert.True(await page.Locator("td[data-metric='churn_rate']").CountAsync() > 20);
        await File.AppendAllTextAsync(Path.Combine(DashboardHost.Screenshots, "timings.txt"),
            FormattableString.Invariant($"expansion page, demo workspace: first load {first.TotalMilliseconds:F0} ms, grain change to week {change.TotalMilliseconds:F0} ms\n"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_verbatims_browser_filters_by_category_and_language()
    {
        var page = await host.Open($"page=verbatims&lang=en&category=detractor&language=ar&{Range}");
        var items = await page.Locator("article.verbatim").AllAsync();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            Assert.Equal("detractor", await item.GetAttributeAsync("data-category"));
            Assert.Equal("ar", await item.GetAttributeAsync("data-language"));
            Assert.True(int.Parse((await item.GetAttributeAsync("data-score"))!) <= 6);
        }

        Assert.Equal("rtl", await page.Locator("article.verbatim [dir=auto]").First.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
    }

    [Fact]
    public async Task The_themes_panel_shows_the_APIs_mentions_and_filters_the_comments_by_theme()
    {
        var page = await host.Open($"page=verbatims&lang=it&{Range}");
        Assert.Equal("true", await page.GetAttributeAsync("#chart-themes", "data-ready"));

        using var http = new HttpClient();
        var api = JsonDocument.Parse(await http.GetStringAsync($"{host.BaseUrl}/api/themes?{Range}&lang=it")).RootElement;
        var expected = api.GetProperty("themes").EnumerateArray()
            .ToDictionary(theme => theme.GetProperty("id").GetString()!, theme => theme.GetProperty("mentions").GetInt32());
        var rows = await page.Locator("tr.theme-row").AllAsync();
        Assert.Equal(expected.Count, rows.Count);
        foreach (var row in rows)
        {
            var id = (await row.GetAttributeAsync("data-theme"))!;
            Assert.Equal(expected[id], int.Parse((await row.GetAttributeAsync("data-mentions"))!, CultureInfo.InvariantCulture));
        }

        var first = page.Locator("tr.theme-row").First;
        var theme = (await first.GetAttributeAsync("data-theme"))!;
        await first.Locator("button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("theme="));
        await DashboardHost.Loaded(page);
        Assert.Contains("theme=" + theme, page.Url);

        var items = await page.Locator("article.verbatim").AllAsync();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            Assert.Contains(theme, (await item.GetAttributeAsync("data-themes"))!.Split(' '));
            Assert.Contains(await item.GetAttributeAsync("data-sentiment"), new[] { "positive", "neutral", "negative" });
        }

        Assert.Equal(theme, await page.GetAttributeAsync("tr.theme-row.is-active", "data-theme"));
        Assert.True(await page.Locator("#theme-all").IsEnabledAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardHost.Screenshots, "verbatims-themes-it.png"), FullPage = true });

        // "All themes" clears the filter.
        await page.ClickAsync("#theme-all");
        await page.WaitForURLAsync(url => !url.Contains("theme="));
        await DashboardHost.Loaded(page);
        Assert.False(await page.Locator("#theme-all").IsEnabledAsync());
    }

    [Fact]
    public async Task The_sentiment_filter_is_kept_in_the_url()
    {
        var page = await host.Open($"page=verbatims&lang=en&{Range}");
        await page.SelectOptionAsync("#f-sentiment", "negative");
        await page.WaitForURLAsync(url => url.Contains("sentiment=negative"));
        await DashboardHost.Loaded(page);
        var items = await page.Locator("article.verbatim").AllAsync();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            Assert.Equal("negative", await item.GetAttributeAsync("data-sentiment"));
        }

        var shared = await host.Open(new Uri(page.Url).Query.TrimStart('?'));
        Assert.Equal("negative", await shared.InputValueAsync("#f-sentiment"));
    }

    [Fact]
    public async Task An_upload_through_the_page_reports_its_rejected_rows()
    {
        var page = await host.Open("page=import&lang=it");
        var file = Path.Combine(Path.GetTempPath(), "ciclo-upload-" + Guid.NewGuid().ToString("N")[..6] + ".csv");
        await File.WriteAllTextAsync(file, "response_id,customer_id,answered_on,score,comment,language\nW1,C00001,2026-10-20,9,Ottimo,it\nW2,C00001,2026-10-21,15,,it\n");

        await page.SelectOptionAsync("#i-entity", "surveys");
        await page.SetInputFilesAsync("#i-file", file);
        await page.ClickAsync("#i-submit");
        await page.WaitForSelectorAsync("#import-result[data-rejected]", new PageWaitForSelectorOptions { Timeout = 30_000 });

        Assert.Equal("1", await page.GetAttributeAsync("#import-result", "data-rejected"));
        var row = page.Locator("tr.rejection[data-line='3'][data-column='score']");
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("sopra il massimo 10", await row.InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardHost.Screenshots, "import-result-it.png"), FullPage = true });
    }
}
