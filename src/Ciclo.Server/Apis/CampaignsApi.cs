using Ciclo.Server.Hosting;
using Ciclo.Presenters;
using Ciclo.Reports;

namespace Ciclo.Server.Apis;

public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaignsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/campaigns", async (HttpRequest request, WorkspaceAccess workspace, CancellationToken ct) =>
            {
                var q = new QueryParameters(request);
                var (from, to, tz, audience) = (q.Date("from"), q.Date("to"), q.TimeZone(), q.OptionalChoice("audience", "customers", "prospects", "all"));
                return JsonText.Raw(await workspace.Cached(JsonText.CacheKey(request), w => CampaignPresenter.Json(CampaignReport.Run(w, from, to, tz ?? w.Settings.TimeZone, audience)), ct));
            })
            .WithName("GetCampaigns").WithQuery("from", "to", "time_zone", "audience").WithSummary("Per-campaign sends, delivered, open, click, click-to-open and unsubscribe rates, machine opens and inconsistencies: from, to, time_zone, audience.")
            .WithTags("Campaigns");
        return api;
    }
}
