using Ciclo.Server;
using Ciclo.Server.Security;
using Ciclo.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ciclo.Tests.Server;

/// <summary>The real host over a real workspace file holding the worked example (a fresh copy per
/// factory), optionally with API keys and a small upload limit.</summary>
public sealed class ApiFactory : WebApplicationFactory<ServerOptions>
{
    public const string ViewerKey = "ck_viewer_test_key";
    public const string AdminKey = "ck_admin_test_key";

    private readonly TestWorkspace _workspace;
    private readonly bool _withKeys;
    private readonly long? _maxUpload;
    private readonly int? _rateLimit;

    /// <param name="rateLimit">API requests a minute per client; null keeps the server's default, 0 turns the limit off.</param>
    public ApiFactory(bool withKeys = false, long? maxUpload = null, int? rateLimit = null)
    {
        _withKeys = withKeys;
        _maxUpload = maxUpload;
        _rateLimit = rateLimit;
        _workspace = Fixtures.ExampleWorkspace();
        _workspace.Close();
    }

    public string DbPath => _workspace.DbPath;

    /// <summary>A client that presents <paramref name="key"/> in X-Api-Key (none when null).</summary>
    public HttpClient Client(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public string Folder => _workspace.Folder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(new WorkspaceAccess(_workspace.DbPath));
            if (_withKeys)
            {
                services.AddSingleton(new KeyStore(
                [
                    new ApiKey("viewer", Role.Viewer, ApiKey.Hash(ViewerKey)),
                    new ApiKey("admin", Role.Admin, ApiKey.Hash(AdminKey)),
                ]));
            }

            if (_rateLimit is { } limit)
            {
                services.AddSingleton(new ServerOptions(_workspace.DbPath) { RateLimitPerMinute = limit });
            }

            if (_maxUpload is { } max)
            {
                services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = max);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_workspace.Folder, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
