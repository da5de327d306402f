using System.Globalization;
using Ciclo.Influence;
using Ciclo.Planner;
using Ciclo.Server.Reporting;
using Ciclo.Tests.Support;
using Ciclo.Time;
using Microsoft.Playwright;

namespace Ciclo.Tests.Browser;

/// <summary>The self-contained HTML report opened in headless Chromium with the network off.</summary>
[Collection("browser")]
public sealed class ReportTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    [Theory]
    [InlineData("en")]
    [InlineData("it")]
    [InlineData("ar")]
    public async Task The_report_opens_offline_with_its_charts_findings_and_the_same_numbers(string lang)
    {
        using var ws = Fixtures.ExampleWorkspace();
        var request = new MetricRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 5, 31), Grain.Month);
        var metrics = MetricEngine.Run(ws.Workspace, request);
        var html = HtmlReport.Render(new ReportData(metrics, InfluenceCalculator.Run(ws.Workspace, AttributionModel.Last, 90), lang));
        var path = Path.Combine(ws.Folder, $"report-{lang}.html");
        await File.WriteAllTextAsync(path, html);

        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { Offline = true, ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        await page.GotoAsync("file://" + path);
        await page.WaitForSelectorAsync("#chart-influence[data-ready='true']");

        Assert.All(requests, url => Assert.StartsWith("file://", url));
        Assert.Equal(lang == "ar" ? "rtl" : "ltr", await page.GetAttributeAsync("html", "dir"));
        foreach (var chart in new[] { "chart-churn", "chart-shares", "chart-nps" })
        {
            Assert.Equal("true", await page.GetAttributeAsync("#" + chart, "data-ready"));
        }

        Assert.True(await page.Locator("#findings li").CountAsync() >= 4);
        foreach (var cell in await page.Locator("td[data-metric='churn_rate']").AllAsync())
        {
            var period = await cell.GetAttributeAsync("data-period");
            var expected = metrics.Periods.Single(p => p.Period.Label == period).Metrics["churn_rate"].Value;
            Assert.Equal(expected!.Value, double.Parse((await cell.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture), 12);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardHost.Screenshots, $"report-{lang}.png"), FullPage = true });
        await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(DashboardHost.Screenshots, $"report-{lang}.pdf") });
        await context.CloseAsync();
    }
}
