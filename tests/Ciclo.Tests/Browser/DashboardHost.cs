using Ciclo.Demo;
using Ciclo.Import;
using Ciclo.Server;
using Ciclo.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Ciclo.Tests.Browser;

/// <summary>The demo workspace served by the real host on a free loopback port, and a real
/// headless Chromium (Debian's) driven by Playwright.</summary>
public sealed class DashboardHost : IAsyncLifetime
{
    public const string From = "2026-05-01";
    public const string To = "2026-10-31";

    private readonly string _folder = Directory.CreateTempSubdirectory("ciclo-browser-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public string DbPath => Path.Combine(_folder, "demo.duckdb");

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the tests leave their screenshots (kept after the run for people to look at).</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        using (var workspace = Workspace.Create(DbPath, new WorkspaceSettings("EUR", "Europe/Rome")))
        {
            var importer = new Importer(workspace);
            foreach (var (entity, file) in DemoDataset.Write(Path.Combine(_folder, "data"), new DemoOptions()))
            {
                importer.Import(Entities.Find(entity)!, file);
            }
        }

        _app = CicloServer.Create(new ServerOptions(DbPath) { Urls = "http://127.0.0.1:0", ContentRoot = AppContext.BaseDirectory });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> Open(string query, int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/?" + query);
        await Loaded(page);
        return page;
    }

    public static async Task Loaded(IPage page) =>
        await page.WaitForSelectorAsync("body[data-loading='false']", new PageWaitForSelectorOptions { Timeout = 30_000 });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }
    }
}
