using Ciclo.Server.Hosting;
using Ciclo.Presenters;
using Ciclo.Reports;
using Ciclo.Verbatims;

namespace Ciclo.Server.Apis;

public static class VerbatimsApi
{
    public static RouteGroupBuilder MapVerbatimsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/verbatims", async (HttpRequest request, WorkspaceAccess workspace, CancellationToken ct) =>
            {
                var q = new QueryParameters(request);
                var (from, to) = (q.Date("from"), q.Date("to"));
                var category = q.OptionalChoice("category", "promoter", "passive", "detractor");
                var language = q.LanguageCode("language");
                var segment = q.Segment();
                var sentiment = q.OptionalChoice("sentiment", "positive", "neutral", "negative");
                var theme = q.Text("theme");
                var page = q.Int("page", 1, 1, 100_000);
                var size = q.Int("page_size", 20, 1, 200);
                var all = await workspace.Use(w =>
                {
                    QueryParameters.CheckKnown(w, segment, null, language);
                    if (theme is not null && ThemeStore.Load(w).Find(theme) is null)
                    {
                        throw new BadParameterException("theme", $"Unknown theme '{theme}'.");
                    }

                    return VerbatimQuery.Run(w, from, to, category, language, segment, int.MaxValue, theme, sentiment);
                }, ct);
                var rows = all.Skip((page - 1) * size).Take(size).ToList();
                var json = VerbatimPresenter.Json(rows);
                return JsonText.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("total", all.Count);
                    w.WriteNumber("page", page);
                    w.WriteNumber("page_size", size);
                    using var doc = System.Text.Json.JsonDocument.Parse(json);
                    w.WritePropertyName("verbatims");
                    doc.RootElement.GetProperty("verbatims").WriteTo(w);
                    w.WriteEndObject();
                });
            })
            .WithName("GetVerbatims").WithQuery("from", "to", "category", "language", "segment", "sentiment", "theme", "page", "page_size").WithSummary("NPS comments with their language, themes and sentiment, paged: from, to, category (promoter|passive|detractor), language, segment, theme (a theme id), sentiment (positive|neutral|negative), page, page_size (1-200).")
            .WithTags("Verbatims");
        return api;
    }
}
