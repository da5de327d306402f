using Ciclo.Planner;
using Ciclo.Presenters;

namespace Ciclo.Server.Apis;

public static class SettingsApi
{
    public static RouteGroupBuilder MapSettingsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/settings", async (WorkspaceAccess workspace, CancellationToken ct) =>
            {
                var (settings, latest) = await workspace.Read(w => (w.Settings, MetricEngine.LatestDataDay(w, w.Settings.TimeZone)), ct);
                return JsonText.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("currency", settings.Currency);
                    w.WriteString("time_zone", settings.TimeZone);
                    if (latest is { } day)
                    {
                        w.WriteString("latest_data_day", MetricJsonPresenter.Day(day));
                    }
                    else
                    {
                        w.WriteNull("latest_data_day");
                    }

                    w.WriteNumber("conversion_window_days", settings.ConversionWindowDays);
                    w.WriteNumber("attribution_window_days", settings.AttributionWindowDays);
                    w.WriteEndObject();
                });
            })
            .WithName("GetSettings").WithSummary("The workspace's currency, time zone, windows and latest data day.").WithTags("Settings");
        return api;
    }
}
