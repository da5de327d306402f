using Ciclo.Server.Hosting;
using Ciclo.Planner;
using Ciclo.Presenters;

namespace Ciclo.Server.Apis;

public static class MetricsApi
{
    public static RouteGroupBuilder MapMetricsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/metrics", async (HttpRequest request, WorkspaceAccess workspace, CancellationToken ct) =>
                JsonText.Raw(await workspace.Cached(JsonText.CacheKey(request), w => MetricJsonPresenter.Render(MetricEngine.Run(w, new QueryParameters(request).MetricRequest(w))), ct)))
            .WithName("GetMetrics").WithQuery("from", "to", "grain", "time_zone", "segment", "stage", "metric", "program")
            .WithSummary("The metrics of every period, as `ciclo metrics --format json`: from, to (YYYY-MM-DD), grain (week|month|quarter|year), time_zone, segment (NAME|segment=X|region=X), stage, metric (ids, comma-separated), program.")
            .WithTags("Metrics");
        return api;
    }
}
