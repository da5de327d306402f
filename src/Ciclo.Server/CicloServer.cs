using Ciclo.Server.Apis;
using Ciclo.Server.Hosting;
using Ciclo.Server.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.FileProviders;

namespace Ciclo.Server;

/// <summary>Builds the web host: the REST API under /api (one endpoint-group file per resource in
/// Apis/), its OpenAPI document and reference page, and the dashboard's static files.</summary>
public static class CicloServer
{
    public static WebApplication Create(ServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var contentRoot = options.ContentRoot ?? AppContext.BaseDirectory;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = contentRoot,
            WebRootPath = Path.Combine(contentRoot, "wwwroot"),
            Args = [],
        });
        var keys = KeyStore.Load(options.KeysFile);
        var urls = Addresses.Resolve(options.Urls, keys.Enabled, out var restricted);
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxUploadBytes + (1024 * 1024);
            k.AddServerHeader = false; // say nothing about the server software
        });
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = options.MaxUploadBytes);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(_ => new WorkspaceAccess(options.Database));
        builder.Services.AddProblemDetails();
        builder.Services.AddRequestRateLimits();
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Ciclo API";
                doc.Info.Description = "Customer-lifecycle metrics: the same numbers and JSON as the ciclo command.";
                doc.Info.Version = "v1";
                doc.Servers?.Clear();
                return Task.CompletedTask;
            });
            o.AddQueryParameters();
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        // Hold the workspace from the start: a DuckDB file is then refused to other writers at once
        // (with a clear message) rather than at the first request.
        _ = app.Services.GetRequiredService<WorkspaceAccess>();
        if (restricted)
        {
            app.Logger.LogWarning("No API keys configured: listening on loopback only ({Urls}). Add keys with 'ciclo keys add' to serve other hosts.", string.Join(", ", urls));
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorResponses.Write });
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeaders>();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseMiddleware<ApiKeyMiddleware>();

        var api = app.MapGroup("/api").WithMetadata(new RequiresRole(Role.Viewer));
        api.MapHealthApi()
           .MapSettingsApi()
           .MapCatalogApi()
           .MapMetricsApi()
           .MapCampaignsApi()
           .MapInfluenceApi()
           .MapProgrammesApi()
           .MapVerbatimsApi()
           .MapThemesApi()
           .MapSegmentsApi()
           .MapBenchmarksApi()
           .MapImportsApi()
           .MapQuarantineApi();
        app.MapOpenApi("/openapi/{documentName}.json").WithMetadata(new RequiresRole(null));
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Ciclo API v1");
            o.RoutePrefix = "api/docs";
            o.DocumentTitle = "Ciclo API";
        });
        app.MapGet("/lib/echarts.min.js", () => HttpResults.Stream(WebAssets.ECharts(), "text/javascript")).ExcludeFromDescription();
        return app;
    }
}
