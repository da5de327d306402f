using Ciclo.Server.Hosting;
using Ciclo.Influence;
using Ciclo.Presenters;

namespace Ciclo.Server.Apis;

public static class InfluenceApi
{
    public static RouteGroupBuilder MapInfluenceApi(this RouteGroupBuilder api)
    {
        api.MapGet("/influence", async (HttpRequest request, WorkspaceAccess workspace, CancellationToken ct) =>
            {
                var q = new QueryParameters(request);
                var model = Enum.Parse<AttributionModel>(q.Choice("model", "last", "last", "first", "linear"), true);
                var window = request.Query.ContainsKey("window") ? q.Int("window", 90, 1, 3650) : (int?)null;
                var tz = q.TimeZone();
                return JsonText.Raw(await workspace.Cached(JsonText.CacheKey(request), w => InfluencePresenter.Json(InfluenceCalculator.Run(w, model, window, tz, workspace.Influence)), ct));
            })
            .WithName("GetInfluence").WithQuery("model", "window", "time_zone").WithSummary("Campaigns aimed at customers and programmes ranked by influenced expansion revenue: model (last|first|linear), window (days), time_zone.")
            .WithTags("Influence");
        return api;
    }
}
