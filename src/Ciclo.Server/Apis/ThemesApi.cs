using Ciclo.Server.Hosting;
using Ciclo.Presenters;
using Ciclo.Time;
using Ciclo.Verbatims;

namespace Ciclo.Server.Apis;

public static class ThemesApi
{
    public static RouteGroupBuilder MapThemesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/themes", async (HttpRequest request, WorkspaceAccess workspace, CancellationToken ct) =>
            {
                var q = new QueryParameters(request);
                var (from, to) = (q.Date("from"), q.Date("to"));
                if (from is { } f && to is { } t && t < f)
                {
                    throw new BadParameterException("from", "'from' must not be after 'to'.");
                }

                var grain = GrainNames.Parse(q.Choice("grain", "month", "week", "month", "quarter", "year"));
                if (from is { } start && to is { } end && PeriodSpine.Build(start, end, grain).Count > 400)
                {
                    throw new BadParameterException("grain", "The range holds more than 400 periods; choose a coarser grain.");
                }

                var themeRequest = new ThemeRequest(from, to, grain, q.Segment(), q.LanguageCode("language"), q.Int("min_count", 5, 1, 100_000));
                var lang = q.Language();
                return JsonText.Raw(await workspace.Use(w =>
                {
                    QueryParameters.CheckKnown(w, themeRequest.Segment, null, themeRequest.Language);
                    return ThemeReportPresenter.Json(ThemeReportBuilder.Run(w, themeRequest), lang);
                }, ct));
            })
            .WithName("GetThemes").WithQuery("from", "to", "grain", "segment", "language", "min_count", "lang")
            .WithSummary("What customers say, as `ciclo themes --format json`: per theme and period, mentions, share of comments, NPS of the answers that mention it, change since the previous period, examples, and the terms said more by detractors or promoters: from, to (YYYY-MM-DD), grain (week|month|quarter|year), segment (NAME|segment=X|region=X), language (of the comments), min_count (emerging terms), lang (en|it|ar, for theme names).")
            .WithTags("Verbatims");
        return api;
    }
}
