using Ciclo.Presenters;
using Ciclo.Reports;

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
                var language = q.Text("language");
                var segment = q.Segment();
                var page = q.Int("page", 1, 1, 100_000);
                var size = q.Int("page_size", 20, 1, 200);
                var all = await workspace.Use(w => VerbatimQuery.Run(w, from, to, category, language, segment, int.MaxValue), ct);
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
            .WithName("GetVerbatims").WithSummary("NPS comments, paged: from, to, category (promoter|passive|detractor), language, segment, page, page_size (1-200).")
            .WithTags("Verbatims");
        return api;
    }
}
